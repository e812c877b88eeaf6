// `iac-hints scan --fix` and `--fix-dry-run`: the safe quick fixes written in place, or printed as a unified diff
// that `git apply` accepts; unsafe fixes (replacement, a value to fill in, clients that may break) are never applied.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../helpers/cli';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres # the engine
      PubliclyAccessible: true
`;

const JSON_TEMPLATE = `{
    "AWSTemplateFormatVersion": "2010-09-09",
    "Resources": {
        "Queue": {
            "Type": "AWS::SQS::Queue",
            "Properties": {
                "SqsManagedSseEnabled": false
            }
        }
    }
}
`;

const MAIN_TF = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
`;

function scan(dir: string, args: readonly string[]) {
  return runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', ...args], { cwd: dir });
}

function ruleIds(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId);
}

describe('scan --fix / --fix-dry-run', () => {
  let original: string;
  const work: string[] = [];
  const copy = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'iac-hints-fix-'));
    cpSync(original, dir, { recursive: true });
    work.push(dir);
    return dir;
  };

  before(() => {
    original = mkdtempSync(join(tmpdir(), 'iac-hints-fix-src-'));
    writeFileSync(join(original, 'template.yaml'), TEMPLATE);
    writeFileSync(join(original, 'queue.json'), JSON_TEMPLATE);
    writeFileSync(join(original, 'main.tf'), MAIN_TF);
  });

  after(() => {
    for (const dir of [original, ...work]) rmSync(dir, { recursive: true, force: true });
  });

  test('--fix-dry-run prints a unified diff, writes nothing, and git apply turns it into what --fix writes', () => {
    const dry = copy();
    const result = runCli(['scan', '.', '--fix-dry-run'], { cwd: dry });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^--- a\/main\.tf\n\+\+\+ b\/main\.tf\n@@ /m);
    assert.match(result.stdout, /^\+ {6}DeletionProtection: true$/m);
    assert.doesNotMatch(result.stdout, /PubliclyAccessible: false/, 'a fix that cuts off clients outside the VPC is not applied in bulk');
    assert.match(result.stdout, /^\+ {16}"SqsManagedSseEnabled": true$/m);
    assert.match(result.stdout, /^\+resource "aws_s3_bucket_versioning" "logs" \{$/m);
    assert.doesNotMatch(result.stdout, /StorageEncrypted/, 'a fix that replaces the database is not safe');
    assert.match(result.stderr, /safe fix(es)? in 3 files would be applied \(nothing written\)/);
    for (const name of ['template.yaml', 'queue.json', 'main.tf']) assert.equal(readFileSync(join(dry, name), 'utf8'), readFileSync(join(original, name), 'utf8'), `${name} untouched`);

    const fixed = copy();
    const written = runCli(['scan', '.', '--fix', '--fail-on', 'none'], { cwd: fixed });
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stderr, /^Applied \d+ safe fix(es)? in 3 files\.$/m);

    const git = spawnSync('git', ['apply', '--unsafe-paths', '-'], { cwd: dry, input: result.stdout, encoding: 'utf8' });
    assert.equal(git.status, 0, git.stderr);
    for (const name of ['template.yaml', 'queue.json', 'main.tf']) assert.equal(readFileSync(join(dry, name), 'utf8'), readFileSync(join(fixed, name), 'utf8'), `${name}: the patch is what --fix writes`);
  });

  test('--fix writes the files in place, keeps comments and JSON indentation, and the report shows what is left', () => {
    const dir = copy();
    const before = ruleIds(scan(dir, []).stdout);
    for (const rule of ['rds-deletion-protection', 'rds-not-public', 'sqs-encryption', 's3-versioning', 'rds-storage-encrypted']) assert.ok(before.includes(rule), `${rule} before`);
    const result = scan(dir, ['--fix']);
    assert.equal(result.status, 0, result.stderr);
    const left = ruleIds(result.stdout);
    for (const rule of ['rds-deletion-protection', 'sqs-encryption', 's3-versioning']) assert.equal(left.includes(rule), false, `${rule} fixed`);
    assert.ok(left.includes('rds-storage-encrypted'), 'the fix that replaces the database is left to the author');
    assert.ok(left.includes('rds-not-public'), 'the fix that cuts off outside clients is left to the author');
    assert.deepEqual(ruleIds(scan(dir, []).stdout), left, 'the report is the fixed files\' findings');
    const yaml = readFileSync(join(dir, 'template.yaml'), 'utf8');
    assert.match(yaml, /Engine: postgres # the engine\n/);
    assert.match(yaml, /PubliclyAccessible: true\n/);
    assert.match(yaml, /DeletionProtection: true\n/);
    const json = readFileSync(join(dir, 'queue.json'), 'utf8');
    assert.doesNotThrow(() => JSON.parse(json));
    assert.match(json, /\n {16}"SqsManagedSseEnabled": true\n/);
    assert.match(readFileSync(join(dir, 'main.tf'), 'utf8'), /resource "aws_s3_bucket_versioning" "logs" \{\n {2}bucket = aws_s3_bucket\.logs\.id\n/);
    const again = runCli(['scan', '.', '--fix', '--fail-on', 'none'], { cwd: dir });
    assert.match(again.stderr, /^Applied 0 safe fixes in 0 files\.$/m, 'a second run has nothing left to fix');
  });

  test('--fix and --fix-dry-run together, or with a value, or on rules, are usage errors', () => {
    for (const args of [['scan', '--fix', '--fix-dry-run'], ['scan', '--fix=yes'], ['rules', '--fix']]) {
      const result = runCli(args, { cwd: original });
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /fix/);
    }
  });

  test('rules --format json says per format whether a rule has a fix, whether it is safe, and why not', () => {
    const result = runCli(['rules', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    type Info = { id: string; hasFix: boolean; fixes: Record<string, { hasFix: boolean; safe: boolean }>; noFixReason?: string };
    const rules = new Map((JSON.parse(result.stdout) as { rules: Info[] }).rules.map((rule) => [rule.id, rule]));
    assert.deepEqual(rules.get('rds-deletion-protection')?.fixes, { cloudformation: { hasFix: true, safe: true }, terraform: { hasFix: true, safe: true } });
    assert.deepEqual(rules.get('rds-not-public')?.fixes, { cloudformation: { hasFix: true, safe: false }, terraform: { hasFix: true, safe: false } }, 'clients outside the VPC may break');
    assert.deepEqual(rules.get('rds-storage-encrypted')?.fixes, { cloudformation: { hasFix: true, safe: false }, terraform: { hasFix: true, safe: false } }, 'encrypting replaces the database');
    assert.deepEqual(rules.get('sqs-cmk')?.fixes, { cloudformation: { hasFix: true, safe: false }, terraform: { hasFix: true, safe: false } }, 'a key to fill in');
    assert.deepEqual(rules.get('s3-mfa-delete')?.fixes, { terraform: { hasFix: true, safe: false } }, 'only the formats the rule reads; a variable to fill in');
    assert.equal(rules.get('s3-mfa-delete')?.noFixReason, undefined);
    assert.match(rules.get('sg-default-restrict-all')?.noFixReason ?? '', /CIDR/);
    assert.deepEqual(rules.get('sg-open-admin-ports')?.fixes, { cloudformation: { hasFix: true, safe: false }, terraform: { hasFix: true, safe: false } }, 'a CIDR parameter to fill in');
    assert.equal(rules.get('sg-open-admin-ports')?.noFixReason, undefined);
    assert.equal(rules.get('rds-not-public')?.noFixReason, undefined);
  });
});
