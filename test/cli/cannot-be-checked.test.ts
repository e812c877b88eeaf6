// A duty whose deciding value cannot be known is said as "cannot be checked: <reason>" in every output: the
// JSON resources, the SARIF run's property bag and the text summary; never "addressed", never a finding.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Source:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      StorageEncrypted: true
  Replica:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      StorageEncrypted: !GetAtt Source.StorageEncrypted
`;

function scan(format: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'iac-hints-unknown-'));
  writeFileSync(path.join(dir, 'template.yaml'), TEMPLATE);
  const result = runCli(['scan', dir, '--format', format, '--fail-on', 'none']);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

test('JSON: the resource status is cannot-be-checked with the reason; no finding for it', () => {
  const report = JSON.parse(scan('json')) as { findings: { ruleId: string; resource: { id: string } }[]; resources: { id: string; responsibilities: { item: string; status: string; ruleIds: string[]; detail: string }[] }[] };
  const replica = report.resources.find((resource) => resource.id === 'Replica');
  const status = replica?.responsibilities.find((entry) => entry.ruleIds.includes('rds-storage-encrypted'));
  assert.equal(status?.status, 'cannot-be-checked', JSON.stringify(replica));
  assert.match(status.detail, /^cannot be checked: StorageEncrypted is the attribute Source\.StorageEncrypted/);
  assert.ok(!report.findings.some((finding) => finding.ruleId === 'rds-storage-encrypted' && finding.resource.id === 'Replica'));
  const source = report.resources.find((resource) => resource.id === 'Source')?.responsibilities.find((entry) => entry.ruleIds.includes('rds-storage-encrypted'));
  assert.equal(source?.status, 'addressed');
});

test('SARIF: the run lists what could not be checked, with the reason', () => {
  const log = JSON.parse(scan('sarif')) as { runs: { properties: { cannotBeChecked: { resource: string; ruleIds: string[]; message: string }[] } }[] };
  const entry = log.runs[0].properties.cannotBeChecked.find((item) => item.resource === 'Replica' && item.ruleIds.includes('rds-storage-encrypted'));
  assert.ok(entry, JSON.stringify(log.runs[0].properties));
  assert.match(entry.message, /cannot be checked: StorageEncrypted is the attribute Source\.StorageEncrypted/);
});

test('text: the summary counts the duties that cannot be checked', () => {
  assert.match(scan('text'), /; 1 duty cannot be checked \(a deciding value is unknown; see --format json\)/);
});
