// `iac-hints scan` on Terraform folders: the JSON contract (kind 'terraform', addresses as resource ids, related
// places in other files of the module), exit codes, and skipped .terraform directories.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/paths';

interface JsonRange { start: { line: number; character: number }; end: { line: number; character: number } }
interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  range: JsonRange;
  resource: { id: string; type: string };
  related?: { message: string; file: string; range: JsonRange }[];
}
interface JsonReport {
  files: { path: string; kind: string; problems: unknown[] }[];
  findings: JsonFinding[];
  resources: { file: string; id: string; type: string }[];
}

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'terraform');

function scanJson(args: readonly string[], cwd = FIXTURES): { status: number | null; report: JsonReport } {
  const result = runCli(['scan', ...args, '--format', 'json', '--fail-on', 'none'], { cwd });
  assert.equal(result.status, 0, result.stderr);
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport };
}

describe('iac-hints scan on Terraform', () => {
  const work = mkdtempSync(join(tmpdir(), 'iac-hints-tf-cli-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  test('JSON: every file of the modules is kind terraform; resources and findings use Terraform addresses', () => {
    const { report } = scanJson(['child-module', 'for-each', 'split-s3']);
    assert.deepEqual(report.files.map((file) => [file.path, file.kind]), [
      ['child-module/main.tf', 'terraform'],
      ['child-module/modules/db/main.tf', 'terraform'],
      ['child-module/modules/db/variables.tf', 'terraform'],
      ['for-each/main.tf', 'terraform'],
      ['split-s3/main.tf', 'terraform'],
      ['split-s3/s3.tf', 'terraform'],
    ]);
    const ids = new Set(report.findings.map((finding) => `${finding.file} ${finding.resource.id} ${finding.ruleId}`));
    assert.ok(ids.has('child-module/main.tf module.db.aws_db_instance.this rds-storage-encrypted'), [...ids].join('\n'));
    // The child is judged as its caller deploys it: the unencrypted value is the caller's input, reported there only.
    assert.ok(!ids.has('child-module/modules/db/main.tf aws_db_instance.this rds-storage-encrypted'));
    assert.ok(ids.has('for-each/main.tf aws_db_instance.db["reporting"] rds-not-public'));
    assert.ok(!ids.has('split-s3/main.tf aws_s3_bucket.data s3-versioning'), 'the split versioning in s3.tf counts');
    assert.ok(report.resources.some((resource) => resource.file === 'split-s3/s3.tf' && resource.id === 'aws_s3_bucket_versioning.data'));
  });

  test('JSON: a finding reported on a module call carries the related place in the child file, with its range', () => {
    const { report } = scanJson(['child-module']);
    const finding = report.findings.find((candidate) => candidate.file === 'child-module/main.tf' && candidate.ruleId === 'rds-storage-encrypted');
    assert.ok(finding?.related, 'related is present');
    assert.deepEqual(Object.keys(finding).slice(0, 8), ['ruleId', 'responsibility', 'severity', 'message', 'file', 'range', 'resource', 'references']);
    assert.deepEqual(finding.related, [{
      message: 'in module.db.aws_db_instance.this',
      file: 'child-module/modules/db/main.tf',
      range: { start: { line: 5, character: 40 }, end: { line: 5, character: 61 } },
    }]);
    // Findings without related places keep the version-1 shape exactly.
    const plain = report.findings.find((candidate) => candidate.file === 'child-module/modules/db/main.tf');
    assert.ok(plain && !('related' in plain));
  });

  test('exit codes follow --fail-on with Terraform findings', () => {
    const { report } = scanJson(['for-each']);
    const severities = new Set(report.findings.map((finding) => finding.severity));
    assert.ok(severities.has('error'));
    assert.equal(runCli(['scan', 'for-each'], { cwd: FIXTURES }).status, 1);
    assert.equal(runCli(['scan', 'for-each', '--fail-on', 'none'], { cwd: FIXTURES }).status, 0);
    const child = scanJson(['child-module']).report;
    const expected = child.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
    assert.equal(runCli(['scan', 'child-module'], { cwd: FIXTURES }).status, expected);
    assert.equal(runCli(['scan', 'child-module', '--fail-on', 'info'], { cwd: FIXTURES }).status, child.findings.length > 0 ? 1 : 0);
  });

  test('text: Terraform findings are listed as path:line:col with the address in the message of a call', () => {
    const result = runCli(['scan', 'child-module', '--fail-on', 'none'], { cwd: FIXTURES });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /child-module\/main\.tf:8:3 \w+ rds-storage-encrypted \[encryption at rest\] module\.db\.aws_db_instance\.this: /);
  });

  test('.terraform directories (downloaded modules and providers) are not scanned', () => {
    const root = join(work, 'stack');
    cpSync(join(FIXTURES, 'for-each'), root, { recursive: true });
    mkdirSync(join(root, '.terraform', 'modules', 'vpc'), { recursive: true });
    writeFileSync(join(root, '.terraform', 'modules', 'vpc', 'main.tf'), 'resource "aws_kms_key" "k" {\n  enable_key_rotation = false\n}\n');
    const { report } = scanJson(['stack'], work);
    assert.deepEqual(report.files.map((file) => file.path), ['stack/main.tf']);
  });

  test('a module with a broken file still reports its other files, and the problems', () => {
    const { report } = scanJson(['half-typed']);
    const main = report.files.find((file) => file.path === 'half-typed/main.tf');
    assert.ok(main && main.problems.length > 0);
    assert.ok(report.findings.some((finding) => finding.file === 'half-typed/network.tf' && finding.ruleId === 'sg-open-admin-ports'));
  });
});
