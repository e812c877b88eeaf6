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
