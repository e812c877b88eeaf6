// `iac-hints scan` on Terraform modules as Terraform sees them: a module installed by `terraform init`
// (.terraform/modules/modules.json) is read from its installed copy and its findings are reported on the caller's
// call; the installed files are never scanned. A module's callers are looked for in the whole scanned tree.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli';

interface Report {
  files: { path: string }[];
  findings: { ruleId: string; severity: string; file: string; range: { start: { line: number; character: number } }; related?: { file: string }[] }[];
}

function scanJson(dir: string): Report {
  const result = runCli(['scan', dir, '--format', 'json', '--fail-on', 'none']);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Report;
}

const CASES = path.join('test', 'fixtures', 'cases', 'evaluation');

test('an installed registry module: the caller\'s bad value is reported on its argument, nothing under .terraform', () => {
  const report = scanJson(path.join(CASES, 'tf-installed-registry-module'));
  assert.deepEqual(report.files.map((file) => path.basename(file.path)), ['main.tf']);
  const finding = report.findings.find((candidate) => candidate.ruleId === 'rds-not-public');
  assert.ok(finding, JSON.stringify(report.findings));
  assert.equal(finding.severity, 'error');
  assert.match(finding.file, /tf-installed-registry-module\/main\.tf$/);
  assert.deepEqual(finding.range.start, { line: 10, character: 2 });
  assert.match(finding.related?.[0]?.file ?? '', /tf-installed-registry-module\/\.terraform\/modules\/ledger_db\/main\.tf$/);
  assert.ok(report.findings.every((candidate) => !candidate.file.includes('.terraform')));
});

test('a module called from cousin folders: judged with what they pass, the bad value on the caller\'s argument', () => {
  const report = scanJson(path.join(CASES, 'tf-module-sibling-callers'));
  const rds = report.findings.filter((finding) => finding.ruleId === 'rds-not-public' || finding.ruleId === 'rds-storage-encrypted');
  assert.deepEqual(rds.map((finding) => `${finding.file.replace(/^.*tf-module-sibling-callers\//, '')}:${finding.range.start.line + 1}:${finding.ruleId}`), ['envs/dev/main.tf:8:rds-not-public']);
});
