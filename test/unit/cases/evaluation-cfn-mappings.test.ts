// Fn::FindInMap keys resolved as CloudFormation resolves them (test/fixtures/cases/evaluation; each fixture's top
// comment says what should happen): a key from a parameter takes the parameter's default for this deployment and
// its other allowed values only as "Depends on the deployment"; a key no one can know here (a parameter without
// default, AWS::Region) picks one entry at deployment, so entries that differ give "depends", entries that agree a
// fact. YAML and JSON alike.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

const CASES = join('test', 'fixtures', 'cases', 'evaluation');

function analyse(text: string, path = 'template.yaml'): FileAnalysis {
  const result = analyseExample('cloudformation', path, text);
  assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message), []);
  return result;
}

/** [rule id, resource, severity] of every finding of the rules, with whether the message says "Depends". */
function findings(result: FileAnalysis, ...ruleIds: string[]) {
  return result.findings.filter((finding) => ruleIds.includes(finding.ruleId))
    .map((finding) => [finding.ruleId, finding.resource?.id, finding.severity, finding.message.startsWith('Depends on the deployment')]);
}

const database = (publicly: string, extra = '') => `AWSTemplateFormatVersion: "2010-09-09"
${extra}
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.medium
      AllocatedStorage: "20"
      StorageEncrypted: true
      BackupRetentionPeriod: 7
      ManageMasterUserPassword: true
      MasterUsername: orders
      PubliclyAccessible: ${publicly}
`;

const envMapping = (parameter: string) => `Parameters:
  Env:
    Type: String
${parameter}
Mappings:
  EnvSettings:
    prod:
      Public: "false"
    dev:
      Public: "true"`;

describe('Fn::FindInMap with a key from a parameter', () => {
  for (const file of ['template.yaml', 'template.json']) {
    test(`case cfn-findinmap-parameter-key (${file}): the non-default allowed value only "depends"`, () => {
      const result = analyse(readFileSync(join(CASES, 'cfn-findinmap-parameter-key', file), 'utf8'), file);
      assert.deepEqual(findings(result, 'rds-not-public', 'sg-open-admin-ports'), [
        ['rds-not-public', 'OrdersDb', 'info', true],
        ['sg-open-admin-ports', 'AdminSg', 'info', true],
      ]);
      for (const finding of result.findings.filter((candidate) => candidate.ruleId === 'rds-not-public' || candidate.ruleId === 'sg-open-admin-ports')) {
        assert.ok(finding.message.includes("allowed value 'dev'"), finding.message);
      }
    });
  }

  test('the default picks the entry: a bad default entry is a fact, a good one leaves no finding', () => {
    const map = '!FindInMap [EnvSettings, !Ref Env, Public]';
    assert.deepEqual(findings(analyse(database(map, envMapping('    Default: dev\n    AllowedValues: [prod, dev]'))), 'rds-not-public'), [['rds-not-public', 'Db', 'error', false]]);
    assert.deepEqual(findings(analyse(database(map, envMapping('    Default: prod'))), 'rds-not-public'), []);
    // Allowed values without a default: every one is a choice made at deployment.
    assert.deepEqual(findings(analyse(database(map, envMapping('    AllowedValues: [prod, dev]'))), 'rds-not-public'), [['rds-not-public', 'Db', 'info', true]]);
  });

  test('a key no one knows here picks one entry at deployment: entries that differ "depend", entries that agree are a fact', () => {
    const regions = (east: string, west: string) => `Mappings:
  ByRegion:
    us-east-1:
      Public: "${east}"
    eu-west-1:
      Public: "${west}"`;
    const byRegion = '!FindInMap [ByRegion, !Ref "AWS::Region", Public]';
    assert.deepEqual(findings(analyse(database(byRegion, regions('true', 'false'))), 'rds-not-public'), [['rds-not-public', 'Db', 'info', true]]);
    assert.deepEqual(findings(analyse(database(byRegion, regions('true', 'true'))), 'rds-not-public'), [['rds-not-public', 'Db', 'error', false]]);
    assert.deepEqual(findings(analyse(database(byRegion, regions('false', 'false'))), 'rds-not-public'), []);
    // A parameter without a default or allowed values, as the second key.
    const second = `Parameters:
  Tier:
    Type: String
Mappings:
  Settings:
    db:
      open: "true"
      closed: "false"`;
    assert.deepEqual(findings(analyse(database('!FindInMap [Settings, db, !Ref Tier]', second)), 'rds-not-public'), [['rds-not-public', 'Db', 'info', true]]);
  });
});
