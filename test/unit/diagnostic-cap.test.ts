// The server publishes at most MAX_DIAGNOSTICS_PER_FILE diagnostics per file, chosen as VS Code chooses the ones it
// shows (errors, then warnings, then the rest), plus one that counts the others (server/src/lsp/convert.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { Analyzer } from '../../server/src/analysis';
import { MAX_DIAGNOSTICS_PER_FILE, MORE_FINDINGS_CODE, toDiagnostics } from '../../server/src/lsp/convert';

/** A template of `buckets` buckets, each without versioning, logging, ... and `groups` security groups open to SSH (errors). */
function template(buckets: number, groups: number): string {
  let text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
  for (let i = 0; i < buckets; i++) text += `  Bucket${i}:\n    Type: AWS::S3::Bucket\n`;
  for (let i = 0; i < groups; i++) {
    text += `  Group${i}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: ssh\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n`;
  }
  return text;
}

const URI = 'file:///work/template.yaml';

test('a file with fewer findings than the cap gets every one, and no count', () => {
  const analysis = new Analyzer({}).analyze({ path: '/work/template.yaml', text: template(20, 2) });
  const diagnostics = toDiagnostics(analysis, URI);
  assert.equal(diagnostics.length, analysis.problems.length + analysis.findings.length);
  assert.equal(diagnostics.some((diagnostic) => diagnostic.code === MORE_FINDINGS_CODE), false);
});

test('a file with more findings than the cap: the cap, errors first, then one diagnostic counting the rest', () => {
  const analysis = new Analyzer({}).analyze({ path: '/work/template.yaml', text: template(600, 30) });
  const total = analysis.findings.length;
  assert.ok(total > MAX_DIAGNOSTICS_PER_FILE, `the template has ${total} findings`);
  const diagnostics = toDiagnostics(analysis, URI);
  assert.equal(diagnostics.length, MAX_DIAGNOSTICS_PER_FILE + 1);
  const more = diagnostics[diagnostics.length - 1];
  assert.equal(more.code, MORE_FINDINGS_CODE);
  assert.equal(more.severity, DiagnosticSeverity.Information);
  assert.match(String(more.message), new RegExp(`^${(total - MAX_DIAGNOSTICS_PER_FILE).toLocaleString('en')} more findings`));
  // Every error is shown (the groups' SSH findings are among them), and no information before every warning.
  const errors = analysis.findings.filter((finding) => finding.severity === 'error').length;
  assert.ok(errors > 0 && errors < MAX_DIAGNOSTICS_PER_FILE);
  const shown = diagnostics.slice(0, -1);
  assert.equal(shown.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length, errors);
  const warnings = analysis.findings.filter((finding) => finding.severity === 'warning').length;
  const shownWarnings = shown.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning).length;
  const shownInfos = shown.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Information).length;
  assert.ok(shownInfos === 0 || shownWarnings === warnings, `${shownInfos} information diagnostics shown with ${shownWarnings} of ${warnings} warnings`);
  assert.equal(shown.filter((diagnostic) => diagnostic.code === 'sg-open-admin-ports').length, 30);
});
