// Rule cases of the databases family (test/fixtures/cases/rules/<case>/): each fixture's top comment says what
// should happen; the variants cover the same kind of fault in the other format and other spellings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

function fixture(name: string): string {
  return readFileSync(`test/fixtures/cases/rules/${name}/main.tf`, 'utf8');
}

const tf = (text: string): FileAnalysis => analyseExample('terraform', 'main.tf', text);
const cfn = (text: string): FileAnalysis => analyseExample('cloudformation', 'template.yaml', `AWSTemplateFormatVersion: "2010-09-09"\n${text}`);

function findingsOf(result: FileAnalysis, ruleId: string) {
  assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message), []);
  return result.findings.filter((finding) => finding.ruleId === ruleId);
}

/** The status a rule gives one resource (its responsibility entry naming the rule). */
function statusOf(result: FileAnalysis, resourceId: string, ruleId: string): string | undefined {
  const resource = result.resources.find((candidate) => candidate.id === resourceId);
  assert.ok(resource, `resource ${resourceId} in ${result.resources.map((candidate) => candidate.id).join(', ')}`);
  return resource.responsibilities.find((entry) => entry.ruleIds.includes(ruleId))?.status;
}

const DB2_GROUP = (family: string, value?: string) => `resource "aws_db_parameter_group" "g" {
  family = ${family}
${value === undefined ? '' : `  parameter {\n    name  = "db2comm"\n    value = "${value}"\n  }\n`}}
`;

describe('case tf-rds-tls-unknown-engine-db2 (rds-force-tls)', () => {
  const rule = 'rds-force-tls';

  test('the fixture: unknown engine and family, db2comm = SSL: no finding, TLS enforced by the Db2 group', () => {
    const text = fixture('tf-rds-tls-unknown-engine-db2');
    const result = tf(text);
    assert.deepEqual(findingsOf(result, rule).map((finding) => finding.message), []);
    assert.equal(statusOf(result, 'aws_db_instance.ledger', rule), 'addressed');
  });

  test('unknown engine, group without any TLS parameter: cannot be checked, never a warning', () => {
    const result = tf(`variable "family" {\n  type = string\n}\n\n${DB2_GROUP('var.family')}\nresource "aws_db_instance" "db" {\n  parameter_group_name = aws_db_parameter_group.g.name\n}\n`);
    assert.deepEqual(findingsOf(result, rule).map((finding) => finding.message), []);
    assert.equal(statusOf(result, 'aws_db_instance.db', rule), 'cannot-be-checked');
  });

  test('unknown engine on the default group: cannot be checked', () => {
    const result = tf('variable "engine" {\n  type = string\n}\n\nresource "aws_db_instance" "db" {\n  engine = var.engine\n}\n');
    assert.deepEqual(findingsOf(result, rule).map((finding) => finding.message), []);
    assert.equal(statusOf(result, 'aws_db_instance.db', rule), 'cannot-be-checked');
  });

  test('Db2 family known: db2comm = SSL passes; TCPIP,SSL and a missing db2comm keep clear text open', () => {
    const link = 'aws_db_parameter_group.g.name';
    const db = `\nresource "aws_db_instance" "db" {\n  engine               = "db2-se"\n  parameter_group_name = ${link}\n}\n`;
    assert.deepEqual(findingsOf(tf(DB2_GROUP('"db2-se-11.5"', 'SSL') + db), rule), []);
    const both = tf(DB2_GROUP('"db2-se-11.5"', 'TCPIP,SSL') + db);
    const [finding] = findingsOf(both, rule);
    assert.ok(finding, 'a finding for TCPIP,SSL');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /db2comm is 'TCPIP,SSL' in parameter group aws_db_parameter_group\.g/);
    const text = DB2_GROUP('"db2-se-11.5"') + db;
    const [missing] = findingsOf(tf(text), rule);
    assert.ok(missing, 'a finding when the Db2 group does not set db2comm');
    assert.match(missing.message, /does not set db2comm/);
    assert.equal(text.slice(missing.range.start, missing.range.end), link);
  });

  test('Oracle (TLS from an option group) and a group named by an unset variable: cannot be checked', () => {
    const oracle = tf('resource "aws_db_instance" "db" {\n  engine = "oracle-ee"\n}\n');
    assert.deepEqual(findingsOf(oracle, rule), []);
    assert.equal(statusOf(oracle, 'aws_db_instance.db', rule), 'cannot-be-checked');
    const variable = tf('variable "pg" {\n  type = string\n}\n\nresource "aws_db_instance" "db" {\n  engine               = "mysql"\n  parameter_group_name = var.pg\n}\n');
    assert.deepEqual(findingsOf(variable, rule), []);
    assert.equal(statusOf(variable, 'aws_db_instance.db', rule), 'cannot-be-checked');
  });

  test('CloudFormation: the same judgements (engine from a parameter without default, Db2 group, external group)', () => {
    const group = (parameters: string) => `  Params:\n    Type: AWS::RDS::DBParameterGroup\n    Properties:\n      Family: !Ref Family\n      Description: tls\n      Parameters:\n${parameters}`;
    const template = (parameters: string) => `Parameters:\n  Family:\n    Type: String\n  Engine:\n    Type: String\nResources:\n${group(parameters)}  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: !Ref Engine\n      DBParameterGroupName: !Ref Params\n`;
    const ssl = cfn(template('        db2comm: SSL\n'));
    assert.deepEqual(findingsOf(ssl, rule), []);
    assert.equal(statusOf(ssl, 'Db', rule), 'addressed');
    const none = cfn(template('        max_connections: 100\n'));
    assert.deepEqual(findingsOf(none, rule), []);
    assert.equal(statusOf(none, 'Db', rule), 'cannot-be-checked');
    const db2 = cfn('Resources:\n  Params:\n    Type: AWS::RDS::DBParameterGroup\n    Properties:\n      Family: db2-ae-11.5\n      Description: tls\n      Parameters:\n        db2comm: TCPIP\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: db2-ae\n      DBParameterGroupName: !Ref Params\n');
    assert.match(findingsOf(db2, rule)[0]?.message ?? '', /db2comm is 'TCPIP'/);
    const external = cfn('Parameters:\n  Group:\n    Type: String\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      EngineVersion: "13.4"\n      DBParameterGroupName: !Ref Group\n');
    assert.deepEqual(findingsOf(external, rule), []);
    assert.equal(statusOf(external, 'Db', rule), 'cannot-be-checked');
  });
});

describe('case tf-reader-drops-cfn-logic: aws_elasticache_replication_group.sessions (elasticache-auth)', () => {
  const rule = 'elasticache-auth';

  test('the fixture: user_group_ids (RBAC) is no elasticache-auth finding', () => {
    const result = tf(fixture('tf-reader-drops-cfn-logic'));
    assert.deepEqual(findingsOf(result, rule).map((finding) => finding.message), []);
    assert.equal(statusOf(result, 'aws_elasticache_replication_group.sessions', rule), 'not-applicable');
  });

  const group = (extra: string) => `resource "aws_elasticache_replication_group" "c" {\n  description                = "cache"\n  transit_encryption_enabled = true\n${extra}}\n`;

  test('Terraform: an AUTH token passes; neither, or an empty user group list, is a warning in Terraform words', () => {
    assert.deepEqual(findingsOf(tf(group('  auth_token                 = var.token\n')), rule), []);
    for (const extra of ['', '  user_group_ids             = []\n']) {
      const text = group(extra);
      const [finding, ...rest] = findingsOf(tf(text), rule);
      assert.ok(finding, `a finding for ${JSON.stringify(extra)}`);
      assert.deepEqual(rest, []);
      assert.equal(finding.severity, 'warning');
      assert.equal(text.slice(finding.range.start, finding.range.end), '"c"');
      assert.match(finding.message, /auth_token is not set: no RBAC user groups \(user_group_ids\) are given either/);
      assert.doesNotMatch(finding.message, /AuthToken|UserGroupIds/);
    }
  });

  test('CloudFormation: UserGroupIds passes, an AUTH token passes, neither is a warning', () => {
    const rg = (extra: string) => `Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n      TransitEncryptionEnabled: true\n${extra}`;
    assert.deepEqual(findingsOf(cfn(rg('      UserGroupIds: [session-readers]\n')), rule), []);
    assert.deepEqual(findingsOf(cfn(rg("      AuthToken: '{{resolve:secretsmanager:cache-token}}'\n")), rule), []);
    const [finding] = findingsOf(cfn(rg('')), rule);
    assert.ok(finding);
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /AuthToken is not set: no RBAC user groups \(UserGroupIds\) are given either/);
  });
});

describe('values the database rules cannot read are "cannot be checked", never addressed or a finding', () => {
  const cases: { name: string; result: () => FileAnalysis; resource: string; rule: string }[] = [
    { name: 'log types from an unset variable', rule: 'rds-log-exports', resource: 'aws_db_instance.db', result: () => tf('variable "logs" {\n  type = list(string)\n}\n\nresource "aws_db_instance" "db" {\n  engine                          = "mysql"\n  enabled_cloudwatch_logs_exports = var.logs\n}\n') },
    { name: 'log types from a list parameter', rule: 'rds-log-exports', resource: 'Db', result: () => cfn('Parameters:\n  Logs:\n    Type: CommaDelimitedList\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      EnableCloudwatchLogsExports: !Ref Logs\n') },
    { name: 'RBAC user groups from a variable', rule: 'elasticache-auth', resource: 'aws_elasticache_replication_group.c', result: () => tf('variable "groups" {\n  type = list(string)\n}\n\nresource "aws_elasticache_replication_group" "c" {\n  description    = "cache"\n  user_group_ids = var.groups\n}\n') },
    { name: 'engine from an unset variable (at-rest default differs for Valkey)', rule: 'elasticache-at-rest', resource: 'aws_elasticache_replication_group.c', result: () => tf('variable "engine" {\n  type = string\n}\n\nresource "aws_elasticache_replication_group" "c" {\n  description = "cache"\n  engine      = var.engine\n}\n') },
    { name: 'engine from a parameter without default (IAM auth exists for some engines only)', rule: 'rds-iam-auth', resource: 'Db', result: () => cfn('Parameters:\n  Engine:\n    Type: String\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: !Ref Engine\n') },
    { name: 'parameter group contents from a dynamic block', rule: 'rds-force-tls', resource: 'aws_db_instance.db', result: () => tf('variable "parameters" {\n  type = list(object({ name = string, value = string }))\n}\n\nresource "aws_db_parameter_group" "g" {\n  family = "mysql8.0"\n  dynamic "parameter" {\n    for_each = var.parameters\n    content {\n      name  = parameter.value.name\n      value = parameter.value.value\n    }\n  }\n}\n\nresource "aws_db_instance" "db" {\n  engine               = "mysql"\n  parameter_group_name = aws_db_parameter_group.g.name\n}\n') },
  ];
  for (const entry of cases) {
    test(`${entry.rule}: ${entry.name}`, () => {
      const result = entry.result();
      assert.deepEqual(findingsOf(result, entry.rule).map((finding) => finding.message), []);
      assert.equal(statusOf(result, entry.resource, entry.rule), 'cannot-be-checked');
    });
  }
});

describe('elasticache-custom-subnet-group: a subnet group made in the same template or module is the customer\'s own', () => {
  test('CloudFormation Ref and Terraform reference are addressed, not "cannot be checked"', () => {
    const template = cfn('Resources:\n  Subnets:\n    Type: AWS::ElastiCache::SubnetGroup\n    Properties:\n      Description: private\n      SubnetIds: [subnet-1, subnet-2]\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n      CacheSubnetGroupName: !Ref Subnets\n');
    assert.equal(statusOf(template, 'Cache', 'elasticache-custom-subnet-group'), 'addressed');
    const module = tf('resource "aws_elasticache_subnet_group" "private" {\n  name       = "private"\n  subnet_ids = ["subnet-1"]\n}\n\nresource "aws_elasticache_replication_group" "c" {\n  description       = "cache"\n  subnet_group_name = aws_elasticache_subnet_group.private.name\n}\n');
    assert.equal(statusOf(module, 'aws_elasticache_replication_group.c', 'elasticache-custom-subnet-group'), 'addressed');
  });
});
