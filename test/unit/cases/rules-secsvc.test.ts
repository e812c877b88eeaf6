// Rule cases of the serverless and security family: the fixture of test/fixtures/cases/rules/tf-reader-drops-cfn-logic
// (aws_sqs_queue.orders, aws_lambda_function.billing), then variants of the same fault: Terraform readers that
// dropped the CloudFormation logic of sqs-encryption and lambda-env-no-secrets, and policies Terraform writes in
// ways that cannot always be read (unknown, never addressed).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { FileAnalysis, Finding } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

const CASE = 'test/fixtures/cases/rules/tf-reader-drops-cfn-logic/main.tf';

/** The text range of a Terraform resource block (from its keyword to its closing brace at column 0). */
function blockRange(text: string, header: string): { start: number; end: number } {
  const start = text.indexOf(header);
  assert.ok(start >= 0, `${header} in the fixture`);
  const end = text.indexOf('\n}', start);
  return { start, end: end + 2 };
}

function findingsIn(result: FileAnalysis, ruleId: string, range?: { start: number; end: number }): Finding[] {
  return result.findings.filter((finding) => finding.ruleId === ruleId && (!range || (finding.range.start >= range.start && finding.range.end <= range.end)));
}

/** The status of the item `ruleId` reads on resource `id`. */
function status(result: FileAnalysis, id: string, ruleId: string): { status: string; detail: string } {
  const resource = result.resources.find((candidate) => candidate.id === id);
  assert.ok(resource, `resource ${id}`);
  const entry = resource.responsibilities.find((responsibility) => responsibility.ruleIds.includes(ruleId));
  assert.ok(entry, `${ruleId} on ${id}`);
  return { status: entry.status, detail: entry.detail };
}

const tf = (text: string) => analyseExample('terraform', 'main.tf', text);
const cfn = (text: string) => analyseExample('cloudformation', 'template.yaml', `AWSTemplateFormatVersion: "2010-09-09"\n${text}`);

describe('case tf-reader-drops-cfn-logic (serverless and security rules)', () => {
  const text = readFileSync(CASE, 'utf8');
  const result = tf(text);

  test('no rule crashes on the fixture', () => {
    assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message), []);
  });

  test('aws_sqs_queue.orders: kms_master_key_id means SSE-KMS, whatever sqs_managed_sse_enabled says', () => {
    assert.deepEqual(findingsIn(result, 'sqs-encryption', blockRange(text, 'resource "aws_sqs_queue" "orders"')), []);
    const orders = status(result, 'aws_sqs_queue.orders', 'sqs-encryption');
    assert.equal(orders.status, 'addressed');
    assert.match(orders.detail, /kms_master_key_id \(SSE-KMS\)/);
  });

  test('aws_lambda_function.billing: the access key pair in environment.variables is reported', () => {
    const block = blockRange(text, 'resource "aws_lambda_function" "billing"');
    const found = findingsIn(result, 'lambda-env-no-secrets', block);
    assert.deepEqual(found.map((finding) => text.slice(finding.range.start, finding.range.end)), ['"AKIA2QX7NM4TZ9KD5LPW"', '"r8Vb2LqW0sNf7Jx4Tz9Kc1Hm6Pd3Ye5Ua0Gi2Bo8"']);
    const lines = found.map((finding) => text.slice(0, finding.range.start).split('\n').length);
    const keyLine = text.split('\n').findIndex((line) => line.includes('EXPORT_KEY_ID')) + 1;
    assert.deepEqual(lines, [keyLine, keyLine + 1]);
    for (const finding of found) assert.equal(finding.severity, 'error');
    assert.match(found[0].message, /Environment variable EXPORT_KEY_ID is an AWS access key id: it is readable by anyone who can read the Terraform code, its state or the function configuration/);
    assert.match(found[1].message, /Environment variable EXPORT_KEY_SECRET is a literal secret/);
    // Terraform words only.
    for (const finding of found) assert.doesNotMatch(finding.message, /template|Environment\.Variables/);
  });
});

describe('variant: SQS encryption in every combination of key and SQS-managed SSE', () => {
  const keys: readonly [string, string, string][] = [
    ['a key ARN', 'kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1"', 'KmsMasterKeyId: arn:aws:kms:eu-west-1:111122223333:key/1'],
    ['a key reference', 'kms_master_key_id = aws_kms_key.q.arn', 'KmsMasterKeyId: !GetAtt QueueKey.Arn'],
    ['no key', '', ''],
    ['an empty key', 'kms_master_key_id = ""', 'KmsMasterKeyId: ""'],
  ];
  const sse: readonly [string, string, string][] = [
    ['SSE on', 'sqs_managed_sse_enabled = true', 'SqsManagedSseEnabled: true'],
    ['SSE off', 'sqs_managed_sse_enabled = false', 'SqsManagedSseEnabled: false'],
    ['SSE not set', '', ''],
  ];
  for (const [keyName, tfKey, cfnKey] of keys) {
    for (const [sseName, tfSse, cfnSse] of sse) {
      const keySet = keyName.startsWith('a key');
      const unencrypted = !keySet && sseName === 'SSE off';
      test(`${keyName}, ${sseName}: ${unencrypted ? 'unencrypted (warning)' : 'encrypted'} in both formats`, () => {
        const tfResult = tf(`resource "aws_sqs_queue" "q" {\n  name = "q"\n  ${tfKey}\n  ${tfSse}\n}\n`);
        const cfnResult = cfn(`Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: q\n${cfnKey ? `      ${cfnKey}\n` : ''}${cfnSse ? `      ${cfnSse}\n` : ''}`);
        for (const [format, result] of [['terraform', tfResult], ['cloudformation', cfnResult]] as const) {
          const found = findingsIn(result, 'sqs-encryption');
          assert.equal(found.length, unencrypted ? 1 : 0, `${format}: ${found.map((finding) => finding.message).join('; ')}`);
          if (unencrypted) {
            assert.equal(found[0].severity, 'warning');
            assert.match(found[0].message, format === 'terraform' ? /sqs_managed_sse_enabled is false: without a kms_master_key_id/ : /SqsManagedSseEnabled is false: without a KmsMasterKeyId/);
          }
          const id = format === 'terraform' ? 'aws_sqs_queue.q' : 'Q';
          const expected = unencrypted ? 'missed' : keySet || sseName === 'SSE on' ? 'addressed' : 'aws-default';
          assert.equal(status(result, id, 'sqs-encryption').status, expected, format);
        }
      });
    }
  }

  test('Terraform: a key from an unset variable on one branch only depends on the deployment', () => {
    const result = tf(`variable "use_kms" {\n  type = bool\n}\nresource "aws_sqs_queue" "q" {\n  kms_master_key_id       = var.use_kms ? aws_kms_key.q.arn : null\n  sqs_managed_sse_enabled = false\n}\n`);
    const found = findingsIn(result, 'sqs-encryption');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /^Depends on the deployment: sqs_managed_sse_enabled is false/);
  });

  test('the quick fix names the Terraform argument', () => {
    const text = 'resource "aws_sqs_queue" "q" {\n  sqs_managed_sse_enabled = false\n}\n';
    const [finding] = findingsIn(tf(text), 'sqs-encryption');
    assert.ok(finding);
    assert.equal(finding.fixId, 'set-SqsManagedSseEnabled');
  });
});

describe('variant: secrets in Lambda environment variables in Terraform', () => {
  const fn = (variables: string, extra = '') => `${extra}resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  environment {\n    variables = ${variables}\n  }\n}\n`;
  const reported = (text: string) => findingsIn(tf(text), 'lambda-env-no-secrets').map((finding) => ({ text: text.slice(finding.range.start, finding.range.end), message: finding.message }));

  test('a map literal: access key id, password and token are each reported; plain settings are not', () => {
    const text = fn(`{\n      AWS_ACCESS_KEY_ID = "ASIA2QX7NM4TZ9KD5LPW"\n      DB_PASSWORD = "Winter2024!"\n      GITHUB_TOKEN = "ghp_abcdefghijklmnop1234"\n      LOG_LEVEL = "debug"\n      TOKEN_TTL = "3600"\n    }`);
    assert.deepEqual(reported(text).map((finding) => finding.text), ['"ASIA2QX7NM4TZ9KD5LPW"', '"Winter2024!"', '"ghp_abcdefghijklmnop1234"']);
  });

  test('a local: reported where it is used, naming the local', () => {
    const found = reported(fn('local.env', 'locals {\n  env = { API_KEY = "sk_live_0123456789abcdef" }\n}\n'));
    assert.deepEqual(found.map((finding) => finding.text), ['local.env']);
    assert.match(found[0].message, /API_KEY is a literal secret \(local\.env\)/);
  });

  test('merge() of a local, a literal and a variable default', () => {
    const text = fn('merge(local.base, { STAGE = "prod" }, { CLIENT_SECRET = var.client_secret })', 'locals {\n  base = { DB_PASSWORD = "hunter2-prod" }\n}\nvariable "client_secret" {\n  default = "cs_9f8e7d6c5b4a"\n}\n');
    assert.deepEqual(reported(text).map((finding) => finding.text), ['local.base', 'var.client_secret']);
  });

  test('a local that is itself a merge()', () => {
    const text = fn('local.env', 'locals {\n  common = { REGION = "eu-west-1" }\n  env    = merge(local.common, { DB_PASSWORD = "hunter2-prod" })\n}\n');
    assert.deepEqual(reported(text).map((finding) => finding.text), ['local.env']);
  });

  test('values given at deployment, references and secret ARNs are not reported', () => {
    const text = fn('{\n      DB_PASSWORD = var.db_password\n      DB_SECRET   = aws_secretsmanager_secret.db.arn\n      API_TOKEN   = data.aws_ssm_parameter.token.value\n    }', 'variable "db_password" {\n  sensitive = true\n}\n');
    assert.deepEqual(reported(text), []);
    assert.equal(status(tf(text), 'aws_lambda_function.fn', 'lambda-env-no-secrets').status, 'addressed');
  });

  test('variables that cannot be read are unknown, not addressed', () => {
    const result = tf(fn('var.env', 'variable "env" {\n  type = map(string)\n}\n'));
    const entry = status(result, 'aws_lambda_function.fn', 'lambda-env-no-secrets');
    assert.equal(entry.status, 'cannot-be-checked');
    assert.match(entry.detail, /environment\.variables is var\.env/);
  });

  test('an environment block given as an expression is unknown', () => {
    const result = tf('variable "env" {}\nresource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  environment   = var.env\n}\n');
    assert.equal(status(result, 'aws_lambda_function.fn', 'lambda-env-no-secrets').status, 'cannot-be-checked');
  });

  test('CloudFormation: SAM Globals and the function\'s own variables are merged', () => {
    const result = analyseExample('cloudformation', 'template.yaml', `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Environment:
      Variables:
        DB_PASSWORD: hunter2-prod
        STAGE: prod
Resources:
  Overrides:
    Type: AWS::Serverless::Function
    Properties:
      Environment:
        Variables:
          DB_PASSWORD: !Sub "{{resolve:secretsmanager:\${Secret}:SecretString:password}}"
  Inherits:
    Type: AWS::Serverless::Function
`);
    assert.equal(findingsIn(result, 'lambda-env-no-secrets').length, 1, 'only the function that inherits the Globals password');
    assert.equal(status(result, 'Overrides', 'lambda-env-no-secrets').status, 'addressed');
    assert.equal(status(result, 'Inherits', 'lambda-env-no-secrets').status, 'missed');
  });
});

describe('variant: SNS, SQS and Secrets Manager policies written in Terraform', () => {
  const shapes: readonly [string, string, string][] = [
    ['jsonencode()', 'jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "ACTION", Resource = "*" }] })', ''],
    ['a heredoc', '<<EOF\n{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ACTION", "Resource": "*"}]}\nEOF', ''],
    ['data.aws_iam_policy_document', 'data.aws_iam_policy_document.p.json', 'data "aws_iam_policy_document" "p" {\n  statement {\n    actions = ["ACTION"]\n    resources = ["*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n  }\n}\n'],
  ];
  const targets: readonly [string, string, string, string][] = [
    ['sqs-policy-not-public', 'aws_sqs_queue_policy', 'queue_url = aws_sqs_queue.q.id', 'sqs:SendMessage'],
    ['sns-policy-not-public', 'aws_sns_topic_policy', 'arn = aws_sns_topic.t.arn', 'sns:Publish'],
    ['secretsmanager-policy-not-public', 'aws_secretsmanager_secret_policy', 'secret_arn = aws_secretsmanager_secret.s.arn', 'secretsmanager:GetSecretValue'],
  ];
  for (const [ruleId, type, link, action] of targets) {
    for (const [shape, policy, data] of shapes) {
      test(`${ruleId}: Principal * in ${shape} is reported`, () => {
        const result = tf(`${data.replace('ACTION', action)}resource "${type}" "p" {\n  ${link}\n  policy = ${policy.replace('ACTION', action)}\n}\n`);
        const found = findingsIn(result, ruleId);
        assert.equal(found.length, 1, result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`).join('\n'));
        assert.match(found[0].message, /Principal '\*'/);
        assert.match(found[0].message, new RegExp(`${type}\\.p`));
      });
    }
    test(`${ruleId}: a policy from an unset variable, a file() or a missing data source is unknown`, () => {
      for (const policy of ['var.policy', 'file("policy.json")', 'data.aws_iam_policy_document.elsewhere.json']) {
        const result = tf(`variable "policy" {\n  type = string\n}\nresource "${type}" "p" {\n  ${link}\n  policy = ${policy}\n}\n`);
        assert.deepEqual(findingsIn(result, ruleId), [], policy);
        const entry = status(result, `${type}.p`, ruleId);
        assert.equal(entry.status, 'cannot-be-checked', `${policy}: ${entry.detail}`);
      }
    });
    test(`${ruleId}: a principal from an unset variable is unknown; a role ARN attribute is addressed`, () => {
      const unknown = tf(`variable "who" {\n  type = string\n}\nresource "${type}" "p" {\n  ${link}\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = var.who }, Action = "${action}", Resource = "*" }] })\n}\n`);
      assert.equal(status(unknown, `${type}.p`, ruleId).status, 'cannot-be-checked');
      const named = tf(`resource "${type}" "p" {\n  ${link}\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = aws_iam_role.app.arn }, Action = "${action}", Resource = "*" }] })\n}\n`);
      assert.equal(status(named, `${type}.p`, ruleId).status, 'addressed');
    });
  }

  test('CloudFormation: a policy document from a parameter without default is unknown', () => {
    const result = cfn(`Parameters:
  Doc: { Type: String }
Resources:
  Policy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Q]
      PolicyDocument: !Ref Doc
  Q:
    Type: AWS::SQS::Queue
`);
    assert.equal(status(result, 'Policy', 'sqs-policy-not-public').status, 'cannot-be-checked');
  });
});
