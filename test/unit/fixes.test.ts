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
    // Both may break clients (not safe): taken here by `accept`, as a user taking them one by one would.
    const result = new Analyzer().fixAll({ path: 't.yaml', text }, (action) => action.finding.ruleId === 'opensearch-https-tls' && action.isPreferred);
    assert.ok(result);
    assert.equal(new Analyzer().fixAll({ path: 't.yaml', text })?.text.includes('DomainEndpointOptions') ?? false, false, 'not applied by the default fix-all');
    assert.equal(result.text.match(/DomainEndpointOptions:/g)?.length ?? 0, 1, result.text);
    assert.match(result.text, /EnforceHTTPS: true/);
    assert.match(result.text, /TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10/);
    const left = new Analyzer().analyze({ path: 't.yaml', text: result.text }).findings.filter((finding) => finding.ruleId === 'opensearch-https-tls');
    assert.deepEqual(left, []);
  });
});

describe('companion resources: a new resource after the finding\'s, named after it and referring to it', () => {
  test('YAML: a bucket policy denying requests without TLS after the bucket, in block style with short intrinsics', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data\n  Other:\n    Type: AWS::SNS::Topic\n';
    const fixed = fix('t.yaml', text, 's3-tls-only-policy', 'denies requests without TLS');
    assert.equal(fixed, text.replace('  Other:', [
      '  DataTlsOnlyPolicy:', '    Type: AWS::S3::BucketPolicy', '    Properties:', '      Bucket: !Ref Data', '      PolicyDocument:',
      '        Version: "2012-10-17"', '        Statement:', '          - Sid: DenyInsecureTransport', '            Effect: Deny',
      '            Principal: "*"', '            Action: "s3:*"', '            Resource:', '              - !GetAtt Data.Arn',
      '              - !Sub "${Data.Arn}/*"', '            Condition:', '              Bool:', '                aws:SecureTransport: "false"', '  Other:',
    ].join('\n')));
  });
  test('JSON: whole lines at the file\'s indentation: after the bucket when a resource follows it, before it when it is the last', () => {
    const text = '{\n    "Resources": {\n        "Data": {\n            "Type": "AWS::S3::Bucket"\n        }\n    }\n}\n';
    const fixed = fix('t.json', text, 's3-tls-only-policy', 'denies requests without TLS');
    const parsed = JSON.parse(fixed) as { Resources: Record<string, { Type: string; Properties?: { Bucket?: unknown } }> };
    assert.deepEqual(Object.keys(parsed.Resources), ['DataTlsOnlyPolicy', 'Data']);
    assert.deepEqual(parsed.Resources.DataTlsOnlyPolicy.Properties?.Bucket, { Ref: 'Data' });
    assert.match(fixed, /\{\n {8}"DataTlsOnlyPolicy": \{\n {12}"Type": "AWS::S3::BucketPolicy",/);
    assert.ok(fixed.endsWith('        },\n        "Data": {\n            "Type": "AWS::S3::Bucket"\n        }\n    }\n}\n'), 'the bucket\'s own lines are unchanged');
    const followed = '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::S3::Bucket"\n    },\n    "Topic": {\n      "Type": "AWS::SNS::Topic"\n    }\n  }\n}\n';
    const after = fix('t.json', followed, 's3-tls-only-policy', 'denies requests without TLS');
    assert.deepEqual(Object.keys((JSON.parse(after) as { Resources: object }).Resources), ['Data', 'DataTlsOnlyPolicy', 'Topic']);
    assert.match(after, /\n {4}\},\n {4}"DataTlsOnlyPolicy": \{\n {6}"Type": "AWS::S3::BucketPolicy",/);
  });
  test('HCL: an aws_s3_bucket_policy named after the bucket, with the statement in jsonencode', () => {
    const text = 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n';
    const fixed = fix('main.tf', text, 's3-tls-only-policy', 'denies requests without TLS');
    assert.match(fixed, /\n\nresource "aws_s3_bucket_policy" "data_tls_only_policy" \{\n {2}bucket = aws_s3_bucket\.data\.id\n {2}policy = jsonencode\(\{\n/);
    assert.match(fixed, /Resource {2}= \[aws_s3_bucket\.data\.arn, "\$\{aws_s3_bucket\.data\.arn\}\/\*"\]/);
  });
  test('a bucket that has a policy (without the Deny) gets no companion: a second policy would replace the first', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: arn:aws:iam::123456789012:root }\n            Action: s3:GetObject\n            Resource: !Sub "${Data.Arn}/*"\n';
    const analyzer = new Analyzer();
    const finding = analyzer.analyze({ path: 't.yaml', text }).findings.find((candidate) => candidate.ruleId === 's3-tls-only-policy');
    assert.ok(finding);
    assert.equal(finding.fixId, undefined);
    assert.ok(!analyzer.codeActions({ path: 't.yaml', text }, finding.range).some((action) => action.title.startsWith('Add a bucket policy')));
  });
});
