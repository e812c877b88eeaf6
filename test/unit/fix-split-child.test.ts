// Terraform fixes for a setting the AWS provider splits into its own resource (issue 12): when that resource is
// there with a wrong value, the value is set in it (exact text, title naming it); when it is absent, it is added
// after the main resource; when two point at the resource, or it is in another file, no fix.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import { memoryView } from '../helpers/fileSystemView';
import { applyEdits } from '../helpers/fixOutcome';

function fixed(files: Record<string, string>, ruleId: string): { text: string; title: string } | undefined {
  const analyzer = new Analyzer({ files: memoryView(files, '/m') });
  const text = files['main.tf'];
  const finding = analyzer.analyze({ path: '/m/main.tf', text }).findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `a ${ruleId} finding`);
  const action = analyzer.codeActions({ path: '/m/main.tf', text }, finding.range).find((candidate) => candidate.isPreferred && candidate.finding.ruleId === ruleId);
  return action && { text: applyEdits(text, action.fix.edits), title: action.title };
}

const BUCKET = 'resource "aws_s3_bucket" "data" {\n  bucket = "example-data-7731"\n}\n';
const ENCRYPTION = (algorithm: string) => `resource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "${algorithm}"\n    }\n  }\n}\n`;
const OWNERSHIP = (value: string) => `resource "aws_s3_bucket_ownership_controls" "data" {\n  bucket = aws_s3_bucket.data.bucket\n  rule {\n    object_ownership = "${value}"\n  }\n}\n`;

describe('a wrong value in the split resource is set there', () => {
  test('s3-default-encryption: AES128 becomes AES256 in the encryption configuration', () => {
    const result = fixed({ 'main.tf': BUCKET + ENCRYPTION('AES128') }, 's3-default-encryption');
    assert.equal(result?.text, BUCKET + ENCRYPTION('AES256'));
    assert.match(result.title, /^Set rule\.apply_server_side_encryption_by_default\.sse_algorithm = "AES256" in aws_s3_bucket_server_side_encryption_configuration\.data/);
  });
  test('s3-acls-disabled: ObjectWriter becomes BucketOwnerEnforced (linked by .bucket), the title says what stops working', () => {
    const result = fixed({ 'main.tf': BUCKET + OWNERSHIP('ObjectWriter') }, 's3-acls-disabled');
    assert.equal(result?.text, BUCKET + OWNERSHIP('BucketOwnerEnforced'));
    assert.match(result.title, /in aws_s3_bucket_ownership_controls\.data/);
    assert.match(result.title, /ACLs stop granting access/);
  });
  test('s3-versioning: Suspended becomes Enabled in aws_s3_bucket_versioning', () => {
    const versioning = (status: string) => `resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "${status}"\n  }\n}\n`;
    assert.equal(fixed({ 'main.tf': BUCKET + versioning('Suspended') }, 's3-versioning')?.text, BUCKET + versioning('Enabled'));
  });
});

describe('no fix where the split resource cannot be edited with certainty', () => {
  test('two encryption configurations point at the bucket', () => {
    const second = ENCRYPTION('AES128').replace('" "data" {', '" "data_2" {');
    assert.equal(fixed({ 'main.tf': BUCKET + ENCRYPTION('AES128') + second }, 's3-default-encryption'), undefined);
  });
  test('the encryption configuration is in another file', () => {
    assert.equal(fixed({ 'main.tf': BUCKET, 'encryption.tf': ENCRYPTION('AES128') }, 's3-default-encryption'), undefined);
  });
});

function cfnFixed(file: string, text: string, ruleId: string): { text: string; title: string } | undefined {
  const analyzer = new Analyzer();
  const finding = analyzer.analyze({ path: file, text }).findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `a ${ruleId} finding`);
  const action = analyzer.codeActions({ path: file, text }, finding.range).find((candidate) => candidate.isPreferred && candidate.finding.ruleId === ruleId);
  return action && { text: applyEdits(text, action.fix.edits), title: action.title };
}

const KEY_VARIABLE = '\n\nvariable "s3_kms_key_arn" {\n  description = "ARN of the customer managed KMS key that encrypts the bucket\'s objects by default"\n  type        = string\n}\n';

describe('s3-kms-cmk: aws:kms with a key parameter or variable', () => {
  test('HCL: the encryption configuration gets aws:kms and var.s3_kms_key_arn, declared after it', () => {
    const result = fixed({ 'main.tf': BUCKET + ENCRYPTION('AES256') }, 's3-kms-cmk');
    assert.equal(result?.text, `${BUCKET}${ENCRYPTION('aws:kms').replace('"aws:kms"\n', '"aws:kms"\n      kms_master_key_id = var.s3_kms_key_arn\n').replace(/\n$/, '')}${KEY_VARIABLE}`);
    assert.match(result.title, /KMS bills/);
  });
  test('HCL: no encryption configuration: one is added after the bucket, named after it', () => {
    const result = fixed({ 'main.tf': BUCKET }, 's3-kms-cmk');
    assert.equal(result?.text, `${BUCKET.replace(/\n$/, '')}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "data_encryption" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = var.s3_kms_key_arn\n    }\n  }\n}${KEY_VARIABLE}`);
  });
  test('YAML: the AWS managed key is replaced in the list element, the parameter declared', () => {
    const text = 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: alias/aws/s3\n';
    const result = cfnFixed('t.yaml', text, 's3-kms-cmk');
    assert.equal(result?.text, 'Parameters:\n  S3KmsKeyArn:\n    Type: String\n    Description: "ARN of the customer managed KMS key that encrypts the bucket\'s objects by default"\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: !Ref S3KmsKeyArn\n');
  });
  test('JSON: a bucket without encryption gets the configuration, the parameter declared', () => {
    const text = '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::S3::Bucket"\n    }\n  }\n}\n';
    const result = cfnFixed('t.json', text, 's3-kms-cmk');
    assert.equal(result?.text, '{\n  "Parameters": { "S3KmsKeyArn": { "Type": "String", "Description": "ARN of the customer managed KMS key that encrypts the bucket\'s objects by default" } },\n  "Resources": {\n    "Data": {\n      "Properties": {\n        "BucketEncryption": {\n          "ServerSideEncryptionConfiguration": [\n            {\n              "ServerSideEncryptionByDefault": {\n                "SSEAlgorithm": "aws:kms",\n                "KMSMasterKeyID": { "Ref": "S3KmsKeyArn" }\n              }\n            }\n          ]\n        }\n      },\n      "Type": "AWS::S3::Bucket"\n    }\n  }\n}\n');
  });
});

describe('s3-sse-c-blocked: SSE-C blocked instead of NONE', () => {
  test('YAML: [NONE] becomes [SSE-C]', () => {
    const text = 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }\n            BlockedEncryptionTypes:\n              EncryptionType: [NONE]\n';
    const result = cfnFixed('t.yaml', text, 's3-sse-c-blocked');
    assert.equal(result?.text, text.replace('[NONE]', '[SSE-C]'));
  });
  test('JSON: ["NONE"] becomes ["SSE-C"]', () => {
    const text = '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "BucketEncryption": {\n          "ServerSideEncryptionConfiguration": [\n            {\n              "ServerSideEncryptionByDefault": { "SSEAlgorithm": "AES256" },\n              "BlockedEncryptionTypes": { "EncryptionType": ["NONE"] }\n            }\n          ]\n        }\n      }\n    }\n  }\n}\n';
    const result = cfnFixed('t.json', text, 's3-sse-c-blocked');
    assert.equal(result?.text, text.replace('["NONE"]', '["SSE-C"]'));
  });
  test('HCL: blocked_encryption_types = ["NONE"] becomes ["SSE-C"] in the encryption configuration', () => {
    const config = (value: string) => ENCRYPTION('AES256').replace('    }\n  }\n}\n', `    }\n    blocked_encryption_types = ["${value}"]\n  }\n}\n`);
    const result = fixed({ 'main.tf': BUCKET + config('NONE') }, 's3-sse-c-blocked');
    assert.equal(result?.text, BUCKET + config('SSE-C'));
    assert.match(result.title, /SSE-C\) are rejected/);
  });
});

describe('apigw-cache-encrypted: the stage\'s method settings encrypt the cache', () => {
  const stage = 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id           = "api"\n  deployment_id         = "d"\n  stage_name            = "prod"\n  cache_cluster_enabled = true\n}\n';
  const settings = (value: boolean) => `resource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = "api"\n  stage_name  = aws_api_gateway_stage.prod.stage_name\n  method_path = "*/*"\n  settings {\n    caching_enabled      = true\n    cache_data_encrypted = ${value}\n  }\n}\n`;
  test('HCL: cache_data_encrypted false becomes true in aws_api_gateway_method_settings', () => {
    assert.equal(fixed({ 'main.tf': stage + settings(false) }, 'apigw-cache-encrypted')?.text, stage + settings(true));
  });
  test('HCL: no method settings for the stage: no fix', () => {
    assert.equal(fixed({ 'main.tf': stage }, 'apigw-cache-encrypted'), undefined);
  });
});
