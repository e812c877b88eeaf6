// YAML anchors, aliases and merge keys are applied before the rules run, as the deployment tools' YAML loader
// applies them (PyYAML in `aws cloudformation package` and `sam deploy`; the CloudFormation service itself
// takes no aliases): a key written in the mapping wins over a merged one, and in `<<: [*a, *b]` the first
// mapping wins. Positions always point at text the user wrote; a finding on an inherited value sits on the
// inheriting resource's logical id, with the written value as a related location.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer } from '../../../server/src/analysis';
import type { FileAnalysis, Finding } from '../../../server/src/analysis';
import { IncrementalYamlParser } from '../../../server/src/analysis/parse/incrementalYaml';
import { parseJson } from '../../../server/src/analysis/parse/json';
import { parseYaml } from '../../../server/src/analysis/parse/yaml';
import type { MapNode, ValueNode } from '../../../server/src/analysis/types';

const FIXTURE = path.join('test', 'fixtures', 'cases', 'evaluation', 'cfn-yaml-merge-override', 'template.yaml');

function analyse(text: string, file = 'template.yaml', analyzer = new Analyzer()): FileAnalysis {
  return analyzer.analyze({ path: file, text });
}

function findingsOf(result: FileAnalysis, resourceId: string): Finding[] {
  return result.findings.filter((finding) => finding.resource.id === resourceId);
}

function ruleIds(result: FileAnalysis, resourceId: string): string[] {
  return findingsOf(result, resourceId).map((finding) => `${finding.ruleId}:${finding.severity}`).sort();
}

function finding(result: FileAnalysis, resourceId: string, ruleId: string): Finding {
  const found = findingsOf(result, resourceId).find((candidate) => candidate.ruleId === ruleId);
  assert.ok(found, `${resourceId} has a ${ruleId} finding: ${JSON.stringify(result.findings.map((f) => [f.resource.id, f.ruleId]))}`);
  return found;
}

function statusOf(result: FileAnalysis, resourceId: string, ruleId: string): string {
  const resource = result.resources.find((candidate) => candidate.id === resourceId);
  assert.ok(resource, `resource ${resourceId}`);
  const status = resource.responsibilities.find((responsibility) => responsibility.ruleIds.includes(ruleId));
  assert.ok(status, `${resourceId} has a status from ${ruleId}`);
  return status.status;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Every finding, related location and problem lies inside the text. */
function assertInsideText(result: FileAnalysis, text: string): void {
  for (const found of result.findings) {
    assert.ok(found.range.start >= 0 && found.range.end <= text.length && found.range.start <= found.range.end, `${found.ruleId} ${JSON.stringify(found.range)}`);
    for (const related of found.related) assert.ok(related.range.end <= text.length && related.range.start <= related.range.end);
  }
  for (const problem of result.problems) assert.ok(problem.range.end <= text.length, problem.message);
}

function entryOf(node: ValueNode | undefined, ...keys: string[]): ValueNode | undefined {
  let current = node;
  for (const key of keys) {
    if (current?.kind !== 'map') return undefined;
    current = current.entries.find((entry) => entry.key === key)?.value;
  }
  return current;
}

function scalarAt(node: ValueNode | undefined, ...keys: string[]): unknown {
  const found = entryOf(node, ...keys);
  return found?.kind === 'scalar' ? found.value : undefined;
}

describe('case cfn-yaml-merge-override', () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const result = analyse(text);

  test('the replica inherits the anchored settings and overrides two', () => {
    assert.deepEqual(ruleIds(result, 'LedgerReadReplicaDb'), [
      'rds-backup-retention:warning',
      'rds-deletion-protection:info',
      'rds-iam-auth:warning',
      'rds-log-exports:warning',
      'rds-not-public:error',
    ]);
  });
  test('LedgerDb gets the same hints, and neither gets rds-storage-encrypted nor rds-force-tls', () => {
    assert.deepEqual(ruleIds(result, 'LedgerDb'), ['rds-deletion-protection:info', 'rds-iam-auth:warning', 'rds-log-exports:warning']);
    for (const id of ['LedgerDb', 'LedgerReadReplicaDb']) {
      assert.equal(statusOf(result, id, 'rds-storage-encrypted'), 'addressed');
      assert.ok(!findingsOf(result, id).some((found) => found.ruleId === 'rds-force-tls'));
    }
  });
  test('the overrides are reported where the replica writes them', () => {
    const notPublic = finding(result, 'LedgerReadReplicaDb', 'rds-not-public');
    assert.equal(lineOf(text, notPublic.range.start), 25);
    assert.equal(text.slice(notPublic.range.start, notPublic.range.end), 'true');
    const retention = finding(result, 'LedgerReadReplicaDb', 'rds-backup-retention');
    assert.equal(lineOf(text, retention.range.start), 26);
    assert.equal(text.slice(retention.range.start, retention.range.end), '0');
  });
  test('"not set" hints sit on each resource\'s own logical id', () => {
    for (const id of ['LedgerDb', 'LedgerReadReplicaDb']) {
      const found = finding(result, id, 'rds-deletion-protection');
      assert.equal(text.slice(found.range.start, found.range.end), id);
    }
    assertInsideText(result, text);
  });
  test('the incremental parser (which falls back to a whole parse) gives the same tree', () => {
    assert.deepEqual(new IncrementalYamlParser().parse(text), parseYaml(text));
  });
});

const DB_HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';

describe('merge semantics', () => {
  test('several anchors: the first mapping of the list wins, the written key over all', () => {
    const root = parseYaml('a: &a\n  X: 1\n  Y: 1\nb: &b\n  X: 2\n  Z: 2\nc:\n  <<: [*a, *b]\n  Y: 3\n').root;
    assert.equal(scalarAt(root, 'c', 'X'), 1);
    assert.equal(scalarAt(root, 'c', 'Y'), 3);
    assert.equal(scalarAt(root, 'c', 'Z'), 2);
    assert.equal(entryOf(root, 'c', '<<'), undefined);
  });
  test('a key written before the merge key still wins', () => {
    const root = parseYaml('a: &a\n  X: 1\nc:\n  X: 9\n  <<: *a\n').root;
    assert.equal(scalarAt(root, 'c', 'X'), 9);
    assert.equal((entryOf(root, 'c') as MapNode).entries.length, 1);
  });
  test('nested merges: a merged mapping\'s own merge is applied first', () => {
    const root = parseYaml('base: &base\n  X: 1\n  Y: 1\nmid: &mid\n  <<: *base\n  Y: 2\nleaf:\n  <<: *mid\n  Z: 3\n').root;
    assert.deepEqual([scalarAt(root, 'leaf', 'X'), scalarAt(root, 'leaf', 'Y'), scalarAt(root, 'leaf', 'Z')], [1, 2, 3]);
  });
  test('an inline mapping can be merged too', () => {
    const root = parseYaml('c:\n  <<: {X: 1, Y: 1}\n  Y: 2\n').root;
    assert.deepEqual([scalarAt(root, 'c', 'X'), scalarAt(root, 'c', 'Y')], [1, 2]);
  });
  test('a quoted "<<" is an ordinary key', () => {
    const root = parseYaml('a: &a\n  X: 1\nc:\n  "<<": *a\n').root;
    assert.equal(scalarAt(root, 'c', 'X'), undefined);
    assert.equal(scalarAt(root, 'c', '<<', 'X'), 1);
  });
  test('merged values keep the range where they are written (under the anchor)', () => {
    const text = 'a: &a\n  X: 1\nc:\n  <<: *a\n';
    const entry = (entryOf(parseYaml(text).root, 'c') as MapNode).entries[0];
    assert.equal(text.slice(entry.keyRange.start, entry.keyRange.end), 'X');
    assert.equal(lineOf(text, entry.keyRange.start), 2);
    assert.equal(entry.value?.range.start, text.indexOf('1'));
  });
  test('a merge key whose value is not a mapping is a problem, not a crash', () => {
    const result = parseYaml('a: &a [1, 2]\nc:\n  <<: *a\n  Y: 1\nd:\n  <<: plain\n');
    assert.equal(result.problems.filter((problem) => problem.message.includes('merge key')).length, 2);
    assert.equal(scalarAt(result.root, 'c', 'Y'), 1);
  });
  test('a merge-key bomb is cut off with a problem, quickly', () => {
    let text = 'a0: &a0 {k0: x, k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x, k9: x}\n';
    for (let i = 1; i < 12; i++) text += `a${i}: &a${i}\n  <<: [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n  own${i}: [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const started = Date.now();
    const result = parseYaml(text);
    assert.ok(result.problems.some((problem) => problem.message.includes('alias bomb')), JSON.stringify(result.problems));
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });
  test('JSON has no merge keys: "<<" stays a plain key', () => {
    const json = '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"<<": {"StorageEncrypted": true}, "Engine": "postgres", "PubliclyAccessible": false, "BackupRetentionPeriod": 14}}}}';
    const properties = entryOf(parseJson(json).root, 'Resources', 'Db', 'Properties') as MapNode;
    assert.deepEqual(properties.entries.map((entry) => entry.key), ['<<', 'Engine', 'PubliclyAccessible', 'BackupRetentionPeriod']);
    const result = analyse(json, 'template.json');
    assert.equal(finding(result, 'Db', 'rds-storage-encrypted').severity, 'warning');
  });
});

describe('merge keys in templates', () => {
  test('an anchor in one resource merged into the Properties of two others', () => {
    const text = `${DB_HEAD}  Source:\n    Type: AWS::SQS::Queue\n    Properties: &Queue\n      SqsManagedSseEnabled: false\n      MessageRetentionPeriod: 345600\n`
      + '  CopyA:\n    Type: AWS::SQS::Queue\n    Properties:\n      <<: *Queue\n      DelaySeconds: 5\n'
      + '  CopyB:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 1\n      <<: *Queue\n';
    const result = analyse(text);
    const own = finding(result, 'Source', 'sqs-encryption');
    assert.equal(text.slice(own.range.start, own.range.end), 'false');
    for (const id of ['CopyA', 'CopyB']) {
      const inherited = finding(result, id, 'sqs-encryption');
      assert.equal(text.slice(inherited.range.start, inherited.range.end), id, 'on the inheriting logical id');
      assert.deepEqual(inherited.related.map((related) => related.range), [own.range], 'the written value is related');
    }
    assertInsideText(result, text);
  });
  test('an override that turns a bad value good', () => {
    const text = `${DB_HEAD}  Shared:\n    Type: AWS::SQS::Queue\n    Properties: &Queue\n      SqsManagedSseEnabled: false\n  Fixed:\n    Type: AWS::SQS::Queue\n    Properties:\n      <<: *Queue\n      SqsManagedSseEnabled: true\n`;
    const result = analyse(text);
    assert.equal(statusOf(result, 'Shared', 'sqs-encryption'), 'missed');
    assert.equal(statusOf(result, 'Fixed', 'sqs-encryption'), 'addressed');
  });
  test('an override that turns a good value bad (RDS cluster)', () => {
    const text = `${DB_HEAD}  Good:\n    Type: AWS::RDS::DBCluster\n    Properties: &Cluster\n      Engine: aurora-postgresql\n      StorageEncrypted: true\n      DeletionProtection: true\n`
      + '  Bad:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      <<: *Cluster\n      StorageEncrypted: false\n';
    const result = analyse(text);
    assert.equal(statusOf(result, 'Good', 'rds-storage-encrypted'), 'addressed');
    const bad = finding(result, 'Bad', 'rds-storage-encrypted');
    assert.equal(text.slice(bad.range.start, bad.range.end), 'false');
    assert.equal(lineOf(text, bad.range.start), 13);
  });
  test('several anchors, the first wins: a good first mapping addresses it', () => {
    const anchors = 'Metadata:\n  Secure: &Secure\n    SqsManagedSseEnabled: true\n  Legacy: &Legacy\n    SqsManagedSseEnabled: false\n    DelaySeconds: 3\n';
    const good = analyse(`${anchors}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      <<: [*Secure, *Legacy]\n`);
    assert.equal(statusOf(good, 'Q', 'sqs-encryption'), 'addressed');
    const badText = `${anchors}Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      <<: [*Legacy, *Secure]\n`;
    const bad = analyse(badText);
    const found = finding(bad, 'Q', 'sqs-encryption');
    assert.equal(badText.slice(found.range.start, found.range.end), 'Q');
    assert.equal(lineOf(badText, found.related[0].range.start), 5, 'related: the value written under &Legacy');
  });
  test('nested merges in a template', () => {
    const text = 'Metadata:\n  Base: &Base\n    SqsManagedSseEnabled: false\n  Hardened: &Hardened\n    <<: *Base\n    SqsManagedSseEnabled: true\n'
      + 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      <<: *Hardened\n';
    assert.equal(statusOf(analyse(text), 'Q', 'sqs-encryption'), 'addressed');
  });
  test('a whole resource as an alias: its range ends at its own text', () => {
    const text = `${DB_HEAD}  First: &Whole\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: false\n  Second: *Whole\n`;
    const result = analyse(text);
    const found = finding(result, 'Second', 'sqs-encryption');
    assert.equal(text.slice(found.range.start, found.range.end), 'Second');
    const second = result.resources.find((resource) => resource.id === 'Second');
    assert.ok(second && second.range.start <= second.range.end && second.range.end <= text.length);
    assertInsideText(result, text);
  });
});

describe('editing around merge keys', () => {
  const anchor = `${DB_HEAD}  Shared:\n    Type: AWS::SQS::Queue\n    Properties: &Queue\n      SqsManagedSseEnabled: false\n      DelaySeconds: 1\n`;
  test('after the anchor changes, the inheriting resource is judged again (no stale cached outcome)', () => {
    const analyzer = new Analyzer();
    const copy = '  Copy:\n    Type: AWS::SQS::Queue\n    Properties:\n      <<: *Queue\n      MessageRetentionPeriod: 60\n';
    assert.equal(statusOf(analyse(anchor + copy, 'template.yaml', analyzer), 'Copy', 'sqs-encryption'), 'missed');
    const fixed = anchor.replace('SqsManagedSseEnabled: false', 'SqsManagedSseEnabled: true') + copy;
    assert.equal(statusOf(analyse(fixed, 'template.yaml', analyzer), 'Copy', 'sqs-encryption'), 'addressed');
  });
  test('a fix for an inherited value overrides it in the resource, never edits the anchor', () => {
    const text = `${anchor}  Copy:\n    Type: AWS::SQS::Queue\n    Properties:\n      <<: *Queue\n      MessageRetentionPeriod: 60\n`;
    const analyzer = new Analyzer();
    const result = analyse(text, 'template.yaml', analyzer);
    const found = finding(result, 'Copy', 'sqs-encryption');
    const copyStart = text.indexOf('  Copy:');
    const actions = analyzer.codeActions({ path: 'template.yaml', text }, found.range);
    // A fix that adds a parameter declares it before Resources: a template-level edit, never one in Shared.
    const resourcesStart = text.indexOf('Resources:');
    assert.ok(resourcesStart > 0);
    for (const action of actions) {
      for (const edit of action.fix.edits) assert.ok(edit.range.start >= copyStart || edit.range.end <= resourcesStart, `${action.title} edits inside Copy`);
    }
    const set = actions.find((action) => action.title === 'Set SqsManagedSseEnabled: true');
    assert.ok(set, JSON.stringify(actions.map((action) => action.title)));
    const [edit] = set.fix.edits;
    const edited = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
    const after = analyse(edited);
    assert.equal(statusOf(after, 'Copy', 'sqs-encryption'), 'addressed');
    assert.equal(statusOf(after, 'Shared', 'sqs-encryption'), 'missed', 'the anchor is untouched');
  });
  test('no fix edits a mapping inherited whole through an alias', () => {
    const text = `${anchor}  Copy:\n    Type: AWS::SQS::Queue\n    Properties: *Queue\n`;
    const analyzer = new Analyzer();
    const found = finding(analyse(text, 'template.yaml', analyzer), 'Copy', 'sqs-encryption');
    const actions = analyzer.codeActions({ path: 'template.yaml', text }, found.range);
    assert.ok(!actions.some((action) => action.title.startsWith('Set ')), JSON.stringify(actions.map((action) => action.title)));
  });
});
