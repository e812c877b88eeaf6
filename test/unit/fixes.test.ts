import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import type { TextEdit } from '../../server/src/analysis';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.range.start - a.range.start)
    .reduce((current, edit) => current.slice(0, edit.range.start) + edit.newText + current.slice(edit.range.end), text);
}

/** Applies the fix offered for `ruleId` and returns the new text; asserts the finding is gone afterwards. */
function fix(path: string, text: string, ruleId: string, titleFragment: string): string {
  const analyzer = new Analyzer();
  const finding = analyzer.analyze({ path, text }).findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `a ${ruleId} finding`);
  const action = analyzer.codeActions({ path, text }, finding.range).find((candidate) => candidate.title.includes(titleFragment));
  assert.ok(action, `an action titled like ${titleFragment}`);
  const fixed = applyEdits(text, action.fix.edits);
  const after = new Analyzer().analyze({ path, text: fixed }).findings.filter((candidate) => candidate.ruleId === ruleId && candidate.range.start === finding.range.start);
  assert.deepEqual(after, [], `the finding should be gone:\n${fixed}`);
  return fixed;
}

describe('set-setting fixes', () => {
  test('YAML: inserts the key into Properties with the file\'s indentation, nothing else changes', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n    Db:\n        Type: AWS::RDS::DBInstance\n        Properties:\n            Engine: postgres\n';
    assert.equal(fix('t.yaml', text, 'rds-storage-encrypted', 'StorageEncrypted'),
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n    Db:\n        Type: AWS::RDS::DBInstance\n        Properties:\n            StorageEncrypted: true\n            Engine: postgres\n');
  });
  test('YAML: creates Properties when the resource has none', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n';
    assert.equal(fix('t.yaml', text, 'rds-storage-encrypted', 'StorageEncrypted'),
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Db:\n    Properties:\n      StorageEncrypted: true\n    Type: AWS::RDS::DBInstance\n');
  });
  test('YAML: replaces a literal false and keeps CRLF line endings', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n  B:\r\n    Type: AWS::S3::Bucket\r\n    Properties:\r\n      PublicAccessBlockConfiguration:\r\n        BlockPublicPolicy: false # temporary\r\n';
    assert.equal(fix('t.yaml', text, 's3-block-public-access', 'BlockPublicPolicy'),
      text.replace('BlockPublicPolicy: false', 'BlockPublicPolicy: true'));
  });
  test('JSON: inserts a member with a comma and the same indentation', () => {
    const text = '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "Engine": "postgres"\n      }\n    }\n  }\n}\n';
    const fixed = fix('t.json', text, 'rds-storage-encrypted', 'StorageEncrypted');
    assert.equal(fixed, text.replace('        "Engine"', '        "StorageEncrypted": true,\n        "Engine"'));
    assert.doesNotThrow(() => JSON.parse(fixed));
  });
  test('no fix is offered where the value is an intrinsic (the author\'s wiring)', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  E:\n    Type: String\n    Default: "false"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: !Ref E\n';
    const analyzer = new Analyzer();
    const finding = analyzer.analyze({ path: 't.yaml', text }).findings.find((candidate) => candidate.ruleId === 'rds-storage-encrypted');
    assert.ok(finding);
    const titles = analyzer.codeActions({ path: 't.yaml', text }, finding.range)
      .filter((action) => action.finding.ruleId === 'rds-storage-encrypted').map((action) => action.title);
    assert.deepEqual(titles, ['Suppress rds-storage-encrypted for Db (with a reason)']);
  });
});

describe('fixes whose value cannot be known: a parameter or variable to fill in, never an invented ARN', () => {
  test('YAML: the property refers to a new parameter, declared before Resources', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 0 # none\n';
    const fixed = fix('t.yaml', text, 'sqs-cmk', 'QueueKmsKeyId');
    assert.equal(fixed, 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  QueueKmsKeyId:\n    Type: String\n    Description: "ARN, ID or alias of the customer managed KMS key that encrypts the queue messages."\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      KmsMasterKeyId: !Ref QueueKmsKeyId\n      DelaySeconds: 0 # none\n');
  });
  test('YAML: a parameter of that name already declared is reused, not declared twice', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  QueueKmsKeyId:\n    Type: String\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 0\n';
    assert.equal(fix('t.yaml', text, 'sqs-cmk', 'QueueKmsKeyId'), text.replace('      DelaySeconds', '      KmsMasterKeyId: !Ref QueueKmsKeyId\n      DelaySeconds'));
  });
  test('JSON: the parameter joins the existing Parameters with the file\'s indentation', () => {
    const text = '{\n  "Parameters": {\n    "Env": { "Type": "String" }\n  },\n  "Resources": {\n    "Topic": {\n      "Type": "AWS::SNS::Topic",\n      "Properties": {\n        "TopicName": "t"\n      }\n    }\n  }\n}\n';
    const fixed = fix('t.json', text, 'sns-kms', 'TopicKmsKeyId');
    const parsed = JSON.parse(fixed) as { Parameters: Record<string, { Type: string }>; Resources: { Topic: { Properties: Record<string, unknown> } } };
    assert.deepEqual(Object.keys(parsed.Parameters), ['TopicKmsKeyId', 'Env']);
    assert.equal(parsed.Parameters.TopicKmsKeyId.Type, 'String');
    assert.deepEqual(parsed.Resources.Topic.Properties.KmsMasterKeyId, { Ref: 'TopicKmsKeyId' });
    assert.match(fixed, /\n {4}"TopicKmsKeyId": \{ "Type": "String", "Description": "[^"]+" \},\n {4}"Env"/);
  });
  test('HCL: var.<name> and a variable block without a default after the resource', () => {
    const text = 'resource "aws_cloudwatch_log_group" "app" {\n  name = "/app"\n}\n';
    assert.equal(fix('main.tf', text, 'loggroup-kms', 'var.log_group_kms_key_arn'),
      'resource "aws_cloudwatch_log_group" "app" {\n  name = "/app"\n  kms_key_id = var.log_group_kms_key_arn\n}\n\nvariable "log_group_kms_key_arn" {\n  description = "ARN of the customer managed KMS key that encrypts the log group (its policy must let CloudWatch Logs use it)."\n  type        = string\n}\n');
  });
  test('fix-all applies no placeholder and no replacement, only safe fixes', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: false\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n';
    const result = new Analyzer().fixAll({ path: 't.yaml', text });
    assert.ok(result);
    assert.doesNotMatch(result.text, /Parameters:|KmsMasterKeyId|StorageEncrypted/);
    assert.match(result.text, /SqsManagedSseEnabled: true/);
    assert.ok(result.applied.includes('Set SqsManagedSseEnabled: true'), result.applied.join(', '));
  });
  test('fix-all writes two fixes that create the same parent mapping once (second pass)', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      EngineVersion: OpenSearch_2.11\n';
    const before = new Analyzer().analyze({ path: 't.yaml', text }).findings.filter((finding) => finding.ruleId === 'opensearch-https-tls');
    assert.deepEqual(before.map((finding) => finding.fixId).sort(), ['set-enforce-https', 'set-tls-policy'], 'two fixes, both under the missing DomainEndpointOptions');
    const result = new Analyzer().fixAll({ path: 't.yaml', text });
    assert.ok(result);
    assert.equal(result.text.match(/DomainEndpointOptions:/g)?.length ?? 0, 1, result.text);
    assert.match(result.text, /EnforceHTTPS: true/);
    assert.match(result.text, /TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10/);
    const left = new Analyzer().analyze({ path: 't.yaml', text: result.text }).findings.filter((finding) => finding.ruleId === 'opensearch-https-tls');
    assert.deepEqual(left, []);
  });
});
