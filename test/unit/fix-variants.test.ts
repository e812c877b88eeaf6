// Quick fixes on layouts the common fixtures do not have (YAML flow style, tab-indented HCL, aligned `=`, one-line
// blocks...): exact texts, each fixed text parsed in its own format, and the outcome judged (test/helpers/fixOutcome.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { Analyzer } from '../../server/src/analysis';
import type { CodeActionResult } from '../../server/src/analysis';
import { judgeFix } from '../helpers/fixOutcome';
import { memoryView } from '../helpers/fileSystemView';

/** The action titled like `title` for the first `ruleId` finding of `text` (`main.tf` is a one-file module), judged. */
function fixWith(file: string, text: string, ruleId: string, title: RegExp): { fixed: string; action: CodeActionResult } {
  const tf = /\.tf(\.json)?$/.test(file);
  const analyzer = (): Analyzer => (tf ? new Analyzer({ files: memoryView({ [file]: text }, '/m') }) : new Analyzer());
  const path = tf ? `/m/${file}` : file;
  const first = analyzer();
  const before = first.analyze({ path, text });
  const finding = before.findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `a ${ruleId} finding`);
  const action = first.codeActions({ path, text }, finding.range).find((candidate) => candidate.finding.ruleId === ruleId && title.test(candidate.title));
  assert.ok(action, `an action titled like ${title}`);
  const outcome = judgeFix(path, text, before, finding, action, (fixed) => (tf ? new Analyzer({ files: memoryView({ [file]: fixed }, '/m') }) : new Analyzer()).analyze({ path, text: fixed }));
  assert.deepEqual(outcome.problems, [], outcome.fixed);
  return { fixed: outcome.fixed, action };
}

describe('a new parameter referenced from a YAML flow mapping', () => {
  test('the property is `!Ref Parameter`, not the string "!Ref Parameter"', () => {
    const text = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: q}\n';
    const { fixed } = fixWith('t.yaml', text, 'sqs-cmk', /KmsMasterKeyId/);
    assert.equal(fixed.split('Resources:')[1], '\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: {KmsMasterKeyId: !Ref QueueKmsKeyId, QueueName: q}\n');
    const value = parseDocument(fixed).getIn(['Resources', 'Queue', 'Properties', 'KmsMasterKeyId'], true) as { tag?: string; value?: unknown };
    assert.equal(value.tag, '!Ref');
    assert.equal(value.value, 'QueueKmsKeyId');
  });
  test('a flow mapping with spaces inside its braces', () => {
    const text = 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties: { AvailabilityZone: us-east-1a, Size: 8, Encrypted: true }\n';
    const { fixed } = fixWith('t.yaml', text, 'ebs-volume-cmk', /KmsKeyId/);
    assert.match(fixed, /Properties: \{ KmsKeyId: !Ref VolumeKmsKeyId, AvailabilityZone/);
  });
});

describe('Terraform: what a fix adds after the resource is indented in the file\'s unit', () => {
  const tabs = 'resource "aws_s3_bucket" "b" {\r\n\tbucket = "x"\r\n}\r\n';
  test('a companion resource and its variable, with tabs and CRLF', () => {
    const { fixed } = fixWith('main.tf', tabs, 's3-kms-cmk', /aws_s3_bucket_server_side_encryption_configuration/);
    assert.equal(fixed, `${tabs.slice(0, -2)}\r\n\r\nresource "aws_s3_bucket_server_side_encryption_configuration" "b_encryption" {\r\n\tbucket = aws_s3_bucket.b.id\r\n\trule {\r\n\t\tapply_server_side_encryption_by_default {\r\n\t\t\tsse_algorithm     = "aws:kms"\r\n\t\t\tkms_master_key_id = var.s3_kms_key_arn\r\n\t\t}\r\n\t}\r\n}\r\n\r\nvariable "s3_kms_key_arn" {\r\n\tdescription = "ARN of the customer managed KMS key that encrypts the bucket's objects by default"\r\n\ttype        = string\r\n}\r\n`);
  });
  test('a companion with a policy document, and a set argument\'s variable', () => {
    assert.doesNotMatch(fixWith('main.tf', tabs, 's3-tls-only-policy', /aws_s3_bucket_policy/).fixed, /\n +\S/);
    const queue = 'resource "aws_sqs_queue" "q" {\n\tname = "q"\n}\n';
    assert.equal(fixWith('main.tf', queue, 'sqs-cmk', /kms_master_key_id/).fixed, 'resource "aws_sqs_queue" "q" {\n\tname = "q"\n\tkms_master_key_id = var.queue_kms_key_id\n}\n\nvariable "queue_kms_key_id" {\n\tdescription = "ARN, ID or alias of the customer managed KMS key that encrypts the queue messages."\n\ttype        = string\n}\n');
  });
  test('four spaces a level', () => {
    const text = 'resource "aws_s3_bucket" "b" {\n    bucket = "x"\n}\n';
    assert.match(fixWith('main.tf', text, 's3-kms-cmk', /aws_s3_bucket_server_side_encryption_configuration/).fixed, /\n {4}rule \{\n {8}apply_server_side_encryption_by_default \{\n {12}sse_algorithm {5}= "aws:kms"\n/);
  });
});

describe('Terraform: an inserted argument aligns its `=` as terraform fmt does', () => {
  const volume = (body: string): string => `resource "aws_ebs_volume" "v" {\n${body}}\n`;
  const encrypted = (body: string): string => fixWith('main.tf', volume(body), 'ebs-volume-encrypted', /encrypted = true/).fixed;
  test('joining aligned arguments: its `=` in their column', () => {
    assert.equal(encrypted('  availability_zone = "us-east-1a"\n  size              = 8\n'), volume('  availability_zone = "us-east-1a"\n  size              = 8\n  encrypted         = true\n'));
    assert.equal(encrypted('  availability_zone = "us-east-1a" # where\n  tags              = { Name = "v" }\n'), volume('  availability_zone = "us-east-1a" # where\n  tags              = { Name = "v" }\n  encrypted         = true\n'));
    assert.equal(encrypted('\tavailability_zone = "us-east-1a"\n\tsize              = 8\n'), volume('\tavailability_zone = "us-east-1a"\n\tsize              = 8\n\tencrypted         = true\n'));
    // One argument is a run of its own: fmt would align the two.
    assert.equal(encrypted('  availability_zone = "us-east-1a"\n'), volume('  availability_zone = "us-east-1a"\n  encrypted         = true\n'));
  });
  test('a name longer than the column: one space, the lines above untouched', () => {
    assert.equal(encrypted('  size = 8\n  type = "gp3"\n'), volume('  size = 8\n  type = "gp3"\n  encrypted = true\n'));
  });
  test('arguments not aligned, or not just above (a blank line, a comment, a block, a multi-line value): one space', () => {
    for (const body of [
      '  availability_zone = "us-east-1a"\n  size = 8\n',
      '  availability_zone = "us-east-1a"\n\n',
      '  availability_zone = "us-east-1a"\n  # size later\n',
      '  availability_zone = "us-east-1a"\n  tags = {\n    Name = "v"\n  }\n',
      '  availability_zone = "us-east-1a"\n  lifecycle {\n    ignore_changes = [tags]\n  }\n',
    ]) assert.equal(encrypted(body), volume(`${body}  encrypted = true\n`));
  });
  test('new lines align among themselves: a new block\'s arguments', () => {
    const fn = 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  role          = "arn:aws:iam::111122223333:role/r"\n  runtime       = "python3.12"\n  handler       = "index.handler"\n  filename      = "f.zip"\n}\n';
    assert.match(fixWith('main.tf', fn, 'lambda-in-vpc', /vpc_config/).fixed, /\n {2}vpc_config \{\n {4}subnet_ids {9}= var\.lambda_subnet_ids\n {4}security_group_ids = var\.lambda_security_group_ids\n {2}\}\n/);
  });
  test('a value replaced in place keeps the spacing it has', () => {
    const text = volume('  availability_zone = "us-east-1a"\n  encrypted         = false\n');
    assert.equal(encrypted('  availability_zone = "us-east-1a"\n  encrypted         = false\n'), text.replace('false', 'true'));
  });
});

describe('Terraform: a resource written on one line', () => {
  test('`{ name = value }` is opened onto lines, its argument kept as written, the new one aligned with it', () => {
    const text = 'resource "aws_efs_file_system" "a" { creation_token = "x" } # shared\n';
    assert.equal(fixWith('main.tf', text, 'efs-encrypted', /encrypted = true/).fixed, 'resource "aws_efs_file_system" "a" {\n  creation_token = "x"\n  encrypted      = true\n} # shared\n');
    const tabs = 'resource "aws_efs_file_system" "a" {\n\tencrypted = true\n}\nresource "aws_efs_file_system" "b" { kms_key_id = "k" }\n';
    assert.equal(fixWith('main.tf', tabs, 'efs-encrypted', /encrypted = true/).fixed.split('\n').slice(3).join('\n'), 'resource "aws_efs_file_system" "b" {\n\tkms_key_id = "k"\n\tencrypted  = true\n}\n');
  });
  test('a nested one-line block, through the structured writer too', () => {
    const text = 'resource "aws_instance" "i" {\n  ami = "ami-1"\n  metadata_options { http_endpoint = "enabled" }\n}\n';
    assert.equal(fixWith('main.tf', text, 'ec2-imdsv2', /http_tokens/).fixed, 'resource "aws_instance" "i" {\n  ami = "ami-1"\n  metadata_options {\n    http_endpoint = "enabled"\n    http_tokens   = "required"\n  }\n}\n');
  });
  test('a one-line block holding a comment gets no fix', () => {
    const text = 'resource "aws_efs_file_system" "a" { creation_token = "x" /* team */ }\n';
    const analyzer = new Analyzer({ files: memoryView({ 'main.tf': text }, '/m') });
    const finding = analyzer.analyze({ path: '/m/main.tf', text }).findings.find((candidate) => candidate.ruleId === 'efs-encrypted');
    assert.ok(finding);
    assert.deepEqual(analyzer.codeActions({ path: '/m/main.tf', text }, finding.range).filter((action) => !action.title.startsWith('Suppress') && action.finding.ruleId === 'efs-encrypted').map((action) => action.title), []);
  });
});

describe('CloudFormation: `Properties:` with nothing written after it', () => {
  const head = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';
  test('a set-setting fix writes below it, comments kept', () => {
    assert.equal(fixWith('t.yaml', `${head}    Properties: # later\n      # BucketName: x\n`, 's3-versioning', /Status/).fixed,
      `${head}    Properties: # later\n      VersioningConfiguration:\n        Status: Enabled\n      # BucketName: x\n`);
    assert.equal(fixWith('t.yaml', `${head}    Properties:`, 's3-object-lock', /ObjectLockEnabled/).fixed, `${head}    Properties:\n      ObjectLockEnabled: true\n`);
  });
  test('a structured fix with a parameter too', () => {
    const { fixed } = fixWith('t.yaml', `${head}    Properties:\n`, 's3-access-logging', /LoggingConfiguration|access log/i);
    assert.match(fixed, /\n {4}Properties:\n {6}LoggingConfiguration:\n {8}DestinationBucketName: !Ref AccessLogBucketName\n$/);
  });
});
