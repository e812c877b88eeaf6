import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import type { TextEdit } from '../../server/src/analysis';

const head = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
const db = (id: string, extra = '') => `  ${id}:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: false\n${extra}`;
const analyse = (text: string, path = 't.yaml') => new Analyzer().analyze({ path, text });
// Other rules also report on these snippets; the tests look at the two rules they suppress.
const WATCHED = new Set(['rds-storage-encrypted', 'rds-not-public']);
const ids = (text: string, path = 't.yaml') => analyse(text, path).findings
  .filter((finding) => WATCHED.has(finding.ruleId))
  .map((finding) => `${finding.resource.id}:${finding.ruleId}`);

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.range.start - a.range.start).reduce((current, edit) => current.slice(0, edit.range.start) + edit.newText + current.slice(edit.range.end), text);
}

describe('suppressions', () => {
  test('a comment above the logical id suppresses that rule for that resource only, and keeps the reason', () => {
    const text = `${head}  # iac-hints-ignore rds-storage-encrypted: test database with synthetic data\n${db('A')}${db('B')}`;
    assert.deepEqual(ids(text), ['B:rds-storage-encrypted']);
    const result = analyse(text);
    assert.deepEqual(result.suppressed.map((entry) => [entry.finding.resource.id, entry.reason]), [['A', 'test database with synthetic data']]);
    assert.deepEqual(result.problems, []);
  });
  test('a trailing comment suppresses the finding on its line; a file-wide comment suppresses everywhere', () => {
    const text = `${head}  A:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: true # iac-hints-ignore rds-not-public: bastion-only subnet\n      StorageEncrypted: true\n`;
    assert.deepEqual(ids(text), []);
    assert.deepEqual(ids(`# iac-hints-ignore-file all: sandbox account\n${head}${db('A')}`), []);
  });
  test('a suppression without a reason still applies but is reported', () => {
    const result = analyse(`${head}  # iac-hints-ignore rds-storage-encrypted\n${db('A')}`);
    assert.deepEqual(result.findings.filter((finding) => WATCHED.has(finding.ruleId)), []);
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /has no reason/);
  });
  test('resource Metadata works in JSON', () => {
    const text = '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": "AWS::RDS::DBInstance", "Metadata": {"iac-hints": {"ignore": {"rds-storage-encrypted": "restored from an encrypted snapshot later"}}}, "Properties": {"PubliclyAccessible": false}}}}';
    assert.deepEqual(ids(text, 't.json'), []);
  });
  test('the suppress action writes a comment (YAML) or Metadata (JSON) that silences the finding, asking for a reason', () => {
    for (const [path, text] of [['t.yaml', `${head}${db('A')}`], ['t.json', '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "A": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {"PubliclyAccessible": false}\n    }\n  }\n}\n']]) {
      const analyzer = new Analyzer();
      const finding = analyzer.analyze({ path, text }).findings.find((candidate) => candidate.ruleId === 'rds-storage-encrypted');
      assert.ok(finding, path);
      const action = analyzer.codeActions({ path, text }, finding.range).find((candidate) => candidate.title === 'Suppress rds-storage-encrypted for A (with a reason)');
      assert.ok(action, path);
      const after = analyse(apply(text, action.fix.edits), path);
      assert.deepEqual(after.findings.filter((candidate) => candidate.ruleId === 'rds-storage-encrypted'), [], path);
      assert.match(after.problems[0]?.message ?? '', /no reason/, path);
    }
  });
});
