// Quick fixes are complete and correct (issue 12, items 2, 3, 5): applied to every rule's bad examples, and to the
// cases of ../shared/cases/fixes/ (copied to test/fixtures/cases/fixes/) with variants of each kind, a fix
//  - leaves text that parses, the finding it answers gone, and no new finding its title does not name;
//  - replaces one value or inserts whole lines in the file's own line breaks and indentation (test/helpers/fixOutcome.ts);
//  - is not offered where no edit is certain: beside a `dynamic` block of the same name, in a one-line block with
//    content, where the value is the author's expression, where a split resource's address is taken.
// Titles say consequences and the follow-up findings they leave (rules/support/fixNotes.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import type { CodeActionResult, FileAnalysis, Finding } from '../../server/src/analysis';
import { RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import { getRule } from '../../server/src/analysis/rules/registry';
import { FIX_NOTES } from '../../server/src/analysis/rules/support';
import { memoryView } from '../helpers/fileSystemView';
import { applyEdits, judgeFix } from '../helpers/fixOutcome';
import { exampleInput } from './support/examples';

const CASES = path.join('test', 'fixtures', 'cases', 'fixes');

/** Terraform files are analysed as one module under /m (other files given), templates alone. */
function analyzerFor(file: string, text: string, others: Readonly<Record<string, string>> = {}): { analyzer: Analyzer; full: string } {
  if (!/\.tf(\.json)?$/.test(file)) return { analyzer: new Analyzer(), full: file };
  return { analyzer: new Analyzer({ files: memoryView({ ...others, [file]: text }, '/m') }), full: `/m/${file}` };
}

interface Offered {
  readonly before: FileAnalysis;
  readonly finding: Finding;
  /** The preferred (set-setting) fix for the finding, if any. */
  readonly action: CodeActionResult | undefined;
}

function offered(file: string, text: string, ruleId: string, others: Readonly<Record<string, string>> = {}): Offered {
  const { analyzer, full } = analyzerFor(file, text, others);
  const before = analyzer.analyze({ path: full, text });
  const finding = before.findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `a ${ruleId} finding in ${file}: ${before.findings.map((candidate) => candidate.ruleId).join(', ')}`);
  const action = analyzer.codeActions({ path: full, text }, finding.range)
    .find((candidate) => candidate.isPreferred && candidate.finding.ruleId === ruleId && candidate.finding.range.start === finding.range.start);
  return { before, finding, action };
}

/** Applies the fix for `ruleId`, asserts its outcome is clean, and returns the fixed text and its title. */
function fixCleanly(file: string, text: string, ruleId: string, others: Readonly<Record<string, string>> = {}): { fixed: string; title: string } {
  const { before, finding, action } = offered(file, text, ruleId, others);
  assert.ok(action, `a fix for ${ruleId} in ${file}`);
  const outcome = judgeFix(file, text, before, finding, action, (fixed) => {
    const { analyzer, full } = analyzerFor(file, fixed, others);
    return analyzer.analyze({ path: full, text: fixed });
  });
  assert.deepEqual(outcome.problems, [], `${action.title}\n${outcome.fixed}`);
  return { fixed: outcome.fixed, title: action.title };
}

function assertNoFix(file: string, text: string, ruleId: string, others: Readonly<Record<string, string>> = {}): void {
  const { action } = offered(file, text, ruleId, others);
  assert.equal(action, undefined, `no fix for ${ruleId} should be offered, got "${action?.title}"`);
}

function readCase(name: string, file: string): string {
  return readFileSync(path.join(CASES, name, file), 'utf8');
}

describe('every fix on its rule\'s bad examples', () => {
  // Findings that name a fix the writer declines, and why (the value is the author's expression).
  const DECLINED = new Set([
    'ec2-imdsv2 cloudformation optional tokens through a parameter default',
    'opensearch-node-to-node cloudformation only when a condition holds: depends on the deployment',
    's3-acl-not-public cloudformation a parameter that allows PublicRead: depends on the deployment',
    // The value comes through an Fn::If branch or a variable's default: the author's wiring, not a literal to replace.
    'cloudfront-viewer-https cloudformation allow-all on one branch of an undecided condition',
    'loggroup-retention terraform thirty days from a variable default',
    // associate_public_ip_address = var.public_ip: the variable is the author's wiring (its value may differ per deployment).
    'ec2-no-public-ip terraform a variable whose value is null and no subnet_id: the same as not set (information, in Terraform words)',
    'sg-open-admin-ports cloudformation RDP opened through a parameter whose default is the whole internet',
    // The principal is inside a heredoc or an aws_iam_policy_document data source (`principals { type, identifiers }`,
    // two values to change together): not a literal of the resource's own expression to replace.
    's3-policy-no-public-principal terraform public read in a heredoc',
    'secretsmanager-policy-not-public terraform everyone in a heredoc',
    'sqs-policy-not-public terraform Principal * in a policy document; in an inline jsonencode',
    'iam-no-service-wildcard terraform a service wildcard in a policy document',
    // The secret is written in SAM Globals or a local, not in the function: moving it is the author's call.
    'lambda-env-no-secrets cloudformation an access key pair; a password in SAM Globals',
    'lambda-env-no-secrets terraform a password in a local merged with a token from a variable default',
    // A key is named (an intrinsic or expression) but encryption is turned off: the fix would replace the author's key.
    'dynamodb-cmk cloudformation SSEEnabled false: an AWS owned key, the key named is not used',
    'dynamodb-cmk terraform enabled = false: an AWS owned key',
  ]);
  test('applies cleanly, or is declined only where listed', () => {
    const problems: string[] = [];
    const declined: string[] = [];
    let judged = 0;
    for (const examples of RULE_EXAMPLES) {
      for (const format of ['cloudformation', 'terraform'] as const) {
        for (const example of examples[format]?.bad ?? []) {
          const { path: file, text } = exampleInput(format, example);
          const others = example.files ?? {};
          const { analyzer, full } = analyzerFor(file, text, others);
          const before = analyzer.analyze({ path: full, text });
          for (const finding of before.findings.filter((candidate) => candidate.ruleId === examples.rule && candidate.fixId)) {
            const action = analyzer.codeActions({ path: full, text }, finding.range)
              .find((candidate) => candidate.isPreferred && candidate.finding.ruleId === finding.ruleId && candidate.finding.range.start === finding.range.start);
            if (!action) {
              declined.push(`${examples.rule} ${format} ${example.name}`);
              continue;
            }
            judged++;
            const outcome = judgeFix(file, text, before, finding, action, (fixed) => {
              const again = analyzerFor(file, fixed, others);
              return again.analyzer.analyze({ path: again.full, text: fixed });
            });
            for (const problem of outcome.problems) problems.push(`${examples.rule} ${format} "${example.name}": ${problem}`);
          }
        }
      }
    }
    assert.ok(judged > 100, `judged ${judged} fixes`);
    assert.deepEqual(problems, []);
    assert.deepEqual(new Set(declined), DECLINED);
  });
});

describe('fix titles', () => {
  test('every note names an existing fix', () => {
    for (const key of Object.keys(FIX_NOTES)) {
      const [ruleId, fixId] = key.split(':');
      const fixes = getRule(ruleId)?.fixes;
      assert.ok(fixes && Object.keys(fixes).length > 0, `${key}: no such rule with a fix`);
      if (fixId) assert.ok(fixes[fixId], `${key}: no such fix`);
    }
  });
  test('say when the resource is replaced, when clients may break, and when it costs money', () => {
    const title = (ruleId: string, format: 'cloudformation' | 'terraform'): string => {
      const fix = Object.values(getRule(ruleId)?.fixes ?? {})[0];
      assert.ok(fix, ruleId);
      return format === 'cloudformation' ? fix.title : fix.terraform?.title ?? '';
    };
    assert.match(title('rds-storage-encrypted', 'cloudformation'), /^Set StorageEncrypted: true — replaces the database on the next deployment/);
    assert.match(title('rds-storage-encrypted', 'terraform'), /replaces the database/);
    assert.match(title('efs-encrypted', 'terraform'), /replaces the file system/);
    assert.match(title('ec2-imdsv2', 'cloudformation'), /IMDSv1 .*breaks/);
    assert.match(title('alb-tls-policy', 'terraform'), /can no longer connect/);
    assert.match(title('rds-backup-retention', 'cloudformation'), /costs money/);
    assert.match(title('lambda-tracing', 'terraform'), /X-Ray bills/);
    // Settings without such a consequence keep their plain title.
    assert.equal(title('cloudtrail-log-validation', 'cloudformation'), 'Set EnableLogFileValidation: true');
  });
});

describe('cases: a fix that reveals a follow-up finding', () => {
  test('bucket.tf: adding aws_s3_bucket_versioning leaves only s3-mfa-delete, which the title names with why', () => {
    const text = readCase('fix-reveals-follow-up-finding', 'bucket.tf');
    const { fixed, title } = fixCleanly('bucket.tf', text, 's3-versioning');
    assert.match(title, /s3-mfa-delete/);
    assert.match(title, /only the root user/);
    assert.ok(fixed.endsWith('}\n\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n'), fixed);
    // It writes no mfa_delete: only the root user with an MFA device can enable it, through the API or CLI.
    assert.doesNotMatch(fixed.slice(text.length), /mfa_delete/);
    const after = analyzerFor('bucket.tf', fixed).analyzer.analyze({ path: '/m/bucket.tf', text: fixed });
    assert.deepEqual(after.findings.filter((finding) => finding.resource.id === 'aws_s3_bucket_versioning.b').map((finding) => finding.ruleId), ['s3-mfa-delete']);
  });
  test('volume.yaml: Encrypted: true leaves only ebs-volume-cmk, which the title names as a separate choice', () => {
    const text = readCase('fix-reveals-follow-up-finding', 'volume.yaml');
    const { fixed, title } = fixCleanly('volume.yaml', text, 'ebs-volume-encrypted');
    assert.match(title, /a customer managed key is a separate choice \(ebs-volume-cmk\)/);
    assert.ok(fixed.includes('    Properties:\n      Encrypted: true\n      AvailabilityZone: us-east-1a\n'), fixed);
    assert.doesNotMatch(fixed, /KmsKeyId/, 'never an invented key id');
  });
  test('variants: the same follow-ups in JSON and Terraform, and s3-versioning in YAML', () => {
    const json = '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Volume": {\n      "Type": "AWS::EC2::Volume",\n      "Properties": {\n        "AvailabilityZone": "us-east-1a"\n      }\n    }\n  }\n}\n';
    assert.match(fixCleanly('t.json', json, 'ebs-volume-encrypted').title, /ebs-volume-cmk/);
    const volume = 'resource "aws_ebs_volume" "v" {\n  availability_zone = "us-east-1a"\n  size              = 8\n}\n';
    const { fixed, title } = fixCleanly('main.tf', volume, 'ebs-volume-encrypted');
    assert.match(title, /replaces the volume.*ebs-volume-cmk/);
    assert.equal(fixed, volume.replace('  size              = 8\n', '  size              = 8\n  encrypted         = true\n'));
    const bucket = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n';
    assert.ok(fixCleanly('t.yaml', bucket, 's3-versioning').fixed.includes('    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n'));
  });
});

describe('cases: empty and one-line blocks', () => {
  test('tf-empty-block-no-fix: efs-encrypted opens the empty block', () => {
    const text = readCase('tf-empty-block-no-fix', 'main.tf');
    const { fixed } = fixCleanly('main.tf', text, 'efs-encrypted');
    assert.ok(fixed.endsWith('resource "aws_efs_file_system" "shared" {\n  encrypted = true\n}\n'), fixed);
  });
  test('variants: `{}` and `{ }` in other rules, nested blocks written into an empty block, an empty nested block', () => {
    assert.equal(fixCleanly('main.tf', 'resource "aws_db_instance" "db" { }\n', 'rds-storage-encrypted').fixed,
      'resource "aws_db_instance" "db" {\n  storage_encrypted = true\n}\n');
    assert.equal(fixCleanly('main.tf', 'resource "aws_instance" "i" {}\n', 'ec2-imdsv2').fixed,
      'resource "aws_instance" "i" {\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n');
    assert.equal(fixCleanly('main.tf', 'resource "aws_instance" "i" {\n  ami = "ami-1"\n  metadata_options {}\n}\n', 'ec2-imdsv2').fixed,
      'resource "aws_instance" "i" {\n  ami = "ami-1"\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n');
    assert.equal(fixCleanly('main.tf', 'resource "aws_dynamodb_table" "t" {\n  name = "t"\n  hash_key = "id"\n  point_in_time_recovery {\n  }\n}\n', 'dynamodb-pitr').fixed,
      'resource "aws_dynamodb_table" "t" {\n  name = "t"\n  hash_key = "id"\n  point_in_time_recovery {\n    enabled = true\n  }\n}\n');
  });
  test('a one-line block with its one argument is opened onto lines, the argument kept as written; one holding a comment gets no fix', () => {
    assert.equal(fixCleanly('main.tf', 'resource "aws_efs_file_system" "x" { creation_token = "x" }\n', 'efs-encrypted').fixed,
      'resource "aws_efs_file_system" "x" {\n  creation_token = "x"\n  encrypted      = true\n}\n');
    assertNoFix('main.tf', 'resource "aws_efs_file_system" "x" { creation_token = "x" /* temporary */ }\n', 'efs-encrypted');
  });
  test('YAML and JSON: empty and flow-style mappings', () => {
    const head = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
    assert.equal(fixCleanly('t.yaml', `${head}  V:\n    Type: AWS::EC2::Volume\n    Properties: {}\n`, 'ebs-volume-encrypted').fixed,
      `${head}  V:\n    Type: AWS::EC2::Volume\n    Properties: { Encrypted: true }\n`);
    assert.equal(fixCleanly('t.yaml', `${head}  V:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, Size: 8}\n`, 'ebs-volume-encrypted').fixed,
      `${head}  V:\n    Type: AWS::EC2::Volume\n    Properties: {Encrypted: true, AvailabilityZone: us-east-1a, Size: 8}\n`);
    assert.equal(fixCleanly('t.yaml', `${head}  V: {Type: "AWS::EC2::Volume"}\n`, 'ebs-volume-encrypted').fixed,
      `${head}  V: {Properties: { Encrypted: true }, Type: "AWS::EC2::Volume"}\n`);
    assert.equal(fixCleanly('t.yaml', `${head}  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      MetadataOptions: {HttpEndpoint: enabled}\n`, 'ec2-imdsv2').fixed,
      `${head}  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      MetadataOptions: {HttpTokens: "required", HttpEndpoint: enabled}\n`);
    const json = '{"Resources": {"V": {"Type": "AWS::EC2::Volume", "Properties": {\n}}}}\n';
    assert.equal(fixCleanly('t.json', json, 'ebs-volume-encrypted').fixed, '{"Resources": {"V": {"Type": "AWS::EC2::Volume", "Properties": { "Encrypted": true }}}}\n');
  });
  test('YAML: `Properties:` with no value gets no second one: the setting is written below it', () => {
    assert.equal(fixCleanly('t.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n', 'ebs-volume-encrypted').fixed,
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: true\n');
  });
});

describe('cases: a fix beside a dynamic block', () => {
  test('tf-fix-beside-dynamic-block: no fix for lambda-tracing (the mode comes from var.tracing_mode)', () => {
    assertNoFix('main.tf', readCase('tf-fix-beside-dynamic-block', 'main.tf'), 'lambda-tracing');
  });
  test('variants: any dynamic block of the name on the fix\'s path, in other resource types', () => {
    const instance = 'resource "aws_instance" "i" {\n  ami = "ami-1"\n  dynamic "metadata_options" {\n    for_each = var.imds == null ? [] : [var.imds]\n    content {\n      http_endpoint = metadata_options.value\n    }\n  }\n}\n';
    assertNoFix('main.tf', `variable "imds" {\n  default = null\n}\n${instance}`, 'ec2-imdsv2');
    const table = 'variable "pitr" {\n  default = []\n}\nresource "aws_dynamodb_table" "t" {\n  name     = "t"\n  hash_key = "id"\n  dynamic "point_in_time_recovery" {\n    for_each = var.pitr\n    content {\n      enabled = point_in_time_recovery.value\n    }\n  }\n}\n';
    assertNoFix('main.tf', table, 'dynamodb-pitr');
    // A dynamic block of another name does not stop the fix.
    const other = 'resource "aws_instance" "i" {\n  ami = "ami-1"\n  dynamic "ebs_block_device" {\n    for_each = []\n    content {\n      device_name = "/dev/sdb"\n    }\n  }\n}\n';
    assert.match(fixCleanly('main.tf', other, 'ec2-imdsv2').fixed, /\n {2}metadata_options \{\n {4}http_tokens = "required"\n {2}\}\n\}\n$/);
  });
  test('a split resource whose address is taken is not added twice: it takes the name <bucket>_<setting>, or none when that is taken too', () => {
    const text = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n\nresource "aws_s3_bucket" "other" {\n  bucket = "o"\n}\n\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.other.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n';
    assert.match(fixCleanly('main.tf', text, 's3-versioning').fixed, /\n\nresource "aws_s3_bucket_versioning" "b_versioning" \{\n {2}bucket = aws_s3_bucket\.b\.id\n/);
    const both = `${text}\nresource "aws_s3_bucket_versioning" "b_versioning" {\n  bucket = aws_s3_bucket.other.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`;
    assertNoFix('main.tf', both, 's3-versioning');
  });
});

describe('line breaks, tabs and comments are kept', () => {
  test('CRLF: HCL argument, HCL split resource, YAML and JSON insertions write CRLF only', () => {
    const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
    const efs = crlf('resource "aws_efs_file_system" "x" {\n  creation_token = "x" # keep\n}\n');
    assert.equal(fixCleanly('main.tf', efs, 'efs-encrypted').fixed, crlf('resource "aws_efs_file_system" "x" {\n  creation_token = "x" # keep\n  encrypted = true\n}\n'));
    assert.equal(fixCleanly('main.tf', crlf('resource "aws_efs_file_system" "x" {}\n'), 'efs-encrypted').fixed, crlf('resource "aws_efs_file_system" "x" {\n  encrypted = true\n}\n'));
    assert.ok(fixCleanly('main.tf', crlf(readCase('fix-reveals-follow-up-finding', 'bucket.tf')), 's3-versioning').fixed.endsWith(crlf('}\n\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n')));
    fixCleanly('volume.yaml', crlf(readCase('fix-reveals-follow-up-finding', 'volume.yaml')), 'ebs-volume-encrypted');
    fixCleanly('t.json', crlf('{\n  "Resources": {\n    "V": {\n      "Type": "AWS::EC2::Volume",\n      "Properties": {\n        "Size": 8\n      }\n    }\n  }\n}\n'), 'ebs-volume-encrypted');
  });
  test('tab-indented HCL: inserted lines, opened blocks and split resources indent with tabs', () => {
    const tabs = 'resource "aws_instance" "i" {\n\tami = "ami-1"\n}\n';
    assert.equal(fixCleanly('main.tf', tabs, 'ec2-imdsv2').fixed, 'resource "aws_instance" "i" {\n\tami = "ami-1"\n\tmetadata_options {\n\t\thttp_tokens = "required"\n\t}\n}\n');
    const empty = 'variable "x" {\n\tdefault = 1\n}\nresource "aws_instance" "i" {}\n';
    assert.ok(fixCleanly('main.tf', empty, 'ec2-imdsv2').fixed.endsWith('resource "aws_instance" "i" {\n\tmetadata_options {\n\t\thttp_tokens = "required"\n\t}\n}\n'));
    const bucket = 'resource "aws_s3_bucket" "b" {\n\tbucket = "b"\n}\n';
    assert.equal(fixCleanly('main.tf', bucket, 's3-versioning').fixed, bucket + '\n' + ('resource "aws_s3_bucket_versioning" "b" {\n\tbucket = aws_s3_bucket.b.id\n\tversioning_configuration {\n\t\tstatus = "Enabled"\n\t}\n}\n'));
  });
  test('comments: a block ending in a comment, JSON with comments, a YAML key with a comment', () => {
    const hcl = 'resource "aws_efs_file_system" "x" {\n  creation_token = "x"\n  # encrypted later\n}\n';
    assert.equal(fixCleanly('main.tf', hcl, 'efs-encrypted').fixed, 'resource "aws_efs_file_system" "x" {\n  creation_token = "x"\n  # encrypted later\n  encrypted = true\n}\n');
    const json = '{\n  // a volume\n  "Resources": {\n    "V": { "Type": "AWS::EC2::Volume", /* inline */ "Properties": { "Size": 8 } }\n  }\n}\n';
    assert.equal(fixCleanly('t.json', json, 'ebs-volume-encrypted').fixed, json.replace('{ "Size": 8 }', '{ "Encrypted": true, "Size": 8 }'));
    const yaml = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties: # the data volume\n      Size: 8 # GiB\n';
    assert.equal(fixCleanly('t.yaml', yaml, 'ebs-volume-encrypted').fixed, yaml.replace('      Size: 8 # GiB\n', '      Encrypted: true\n      Size: 8 # GiB\n'));
  });
  test('applyEdits leaves every byte outside the edit as it was (the helper the suites rely on)', () => {
    assert.equal(applyEdits('abc\r\ndef', [{ range: { start: 5, end: 5 }, newText: 'X' }]), 'abc\r\nXdef');
  });
});

describe('YAML comments above the first key stay with it', () => {
  test('the new key goes above the comment block of the first key, not between them', () => {
    const yaml = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      # the size in GiB\n      # (grows with the data)\n      Size: 8\n';
    assert.equal(fixCleanly('t.yaml', yaml, 'ebs-volume-encrypted').fixed, yaml.replace('      # the size', '      Encrypted: true\n      # the size'));
    // A comment at another indentation (about the parent) is not the first key's.
    const other = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n    # properties follow\n      Size: 8\n';
    assert.equal(fixCleanly('t.yaml', other, 'ebs-volume-encrypted').fixed, other.replace('      Size: 8', '      Encrypted: true\n      Size: 8'));
  });
  test('a quoted first key', () => {
    const yaml = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      "Size": 8\n';
    assert.equal(fixCleanly('t.yaml', yaml, 'ebs-volume-encrypted').fixed, yaml.replace('      "Size"', '      Encrypted: true\n      "Size"'));
  });
});

describe('the indentation unit of an HCL file', () => {
  test('comes from argument lines, not from a block comment\'s ` * ` lines', () => {
    const text = '/*\n * Storage for the app.\n */\nresource "aws_efs_file_system" "x" {}\n\nresource "aws_s3_bucket" "b" {\n    bucket = "b"\n}\n';
    assert.ok(fixCleanly('main.tf', text, 'efs-encrypted').fixed.includes('resource "aws_efs_file_system" "x" {\n    encrypted = true\n}\n'));
  });
});
