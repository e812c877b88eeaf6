// Split-resource and companion fixes for a parent with count or for_each (issue 12): the added resource repeats the
// parent's instances (count = length(parent) with parent[count.index], for_each = parent with each.value), and each
// fix, applied, leaves its finding gone on every instance, nothing new unless its title says so, and parses.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import { judgeFix } from '../helpers/fixOutcome';
import { memoryView } from '../helpers/fileSystemView';

const COUNTED = `variable "names" {
  type    = list(string)
  default = ["a", "b"]
}

resource "aws_s3_bucket" "logs" {
  count  = length(var.names)
  bucket = var.names[count.index]
}
`;

const FOR_EACH = `resource "aws_s3_bucket" "data" {
  for_each = toset(["x", "y"])
  bucket   = "data-\${each.key}"
}
`;

function analyzer(text: string): Analyzer {
  return new Analyzer({ files: memoryView({ 'main.tf': text }, '/m') });
}

/** Every rule's preferred fix on the bucket, judged; the rule ids that got one. */
function judgeAll(text: string): string[] {
  const path = '/m/main.tf';
  const before = analyzer(text).analyze({ path, text });
  const fixed: string[] = [];
  for (const ruleId of [...new Set(before.findings.map((finding) => finding.ruleId))]) {
    const finding = before.findings.find((candidate) => candidate.ruleId === ruleId);
    assert.ok(finding);
    const action = analyzer(text).codeActions({ path, text }, finding.range).find((candidate) => candidate.isPreferred && candidate.finding.ruleId === ruleId);
    if (!action) continue;
    const outcome = judgeFix(path, text, before, finding, action, (after) => analyzer(after).analyze({ path, text: after }));
    assert.deepEqual(outcome.problems, [], `${ruleId}: ${action.title}\n${outcome.fixed}`);
    const left = analyzer(outcome.fixed).analyze({ path, text: outcome.fixed }).findings.filter((candidate) => candidate.ruleId === ruleId);
    assert.deepEqual(left.map((candidate) => candidate.resource.id), [], `${ruleId} is left on an instance after: ${action.title}`);
    fixed.push(ruleId);
  }
  return fixed;
}

describe('fixes for a bucket with count or for_each', () => {
  test('count: versioning is added once per instance, linked by count.index, and addressed', () => {
    const path = '/m/main.tf';
    const finding = analyzer(COUNTED).analyze({ path, text: COUNTED }).findings.find((candidate) => candidate.ruleId === 's3-versioning');
    assert.ok(finding);
    const action = analyzer(COUNTED).codeActions({ path, text: COUNTED }, finding.range).find((candidate) => candidate.finding.ruleId === 's3-versioning' && candidate.isPreferred);
    assert.ok(action, 'a fix for the counted bucket');
    assert.equal(action.fix.edits.length, 1);
    assert.equal(action.fix.edits[0].newText, '\n\nresource "aws_s3_bucket_versioning" "logs" {\n  count = length(aws_s3_bucket.logs)\n\n  bucket = aws_s3_bucket.logs[count.index].id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}');
    const after = COUNTED.slice(0, action.fix.edits[0].range.start) + action.fix.edits[0].newText + COUNTED.slice(action.fix.edits[0].range.end);
    const versioning = analyzer(after).analyze({ path, text: after }).resources.find((resource) => resource.id === 'aws_s3_bucket.logs')?.responsibilities.find((responsibility) => responsibility.ruleIds.includes('s3-versioning'));
    assert.ok(versioning && !versioning.detail.includes('cannot be checked'), versioning?.detail);
  });

  test('for_each: the added resource iterates the bucket and links each.value', () => {
    const path = '/m/main.tf';
    const finding = analyzer(FOR_EACH).analyze({ path, text: FOR_EACH }).findings.find((candidate) => candidate.ruleId === 's3-versioning');
    assert.ok(finding);
    const action = analyzer(FOR_EACH).codeActions({ path, text: FOR_EACH }, finding.range).find((candidate) => candidate.finding.ruleId === 's3-versioning' && candidate.isPreferred);
    assert.ok(action);
    assert.match(action.fix.edits[0].newText, /for_each = aws_s3_bucket\.data\n\n {2}bucket = each\.value\.id\n/);
  });

  for (const [name, text] of [['count', COUNTED], ['for_each', FOR_EACH]]) {
    test(`${name}: every fix offered leaves its finding gone on every instance`, () => {
      const fixed = judgeAll(text);
      for (const ruleId of ['s3-versioning', 's3-tls-only-policy']) assert.ok(fixed.includes(ruleId), `${ruleId} has a fix: ${fixed.join(', ')}`);
    });
  }
});

describe('a split resource whose name is taken by one for another bucket', () => {
  test('the fix names it after the bucket and the setting (d_versioning), and the finding is gone', () => {
    const text = `resource "aws_s3_bucket" "d" {
  bucket = "d-bucket"
}

resource "aws_s3_bucket" "other" {
  bucket = "other-bucket"
}

resource "aws_s3_bucket_versioning" "d" {
  bucket = aws_s3_bucket.other.id
  versioning_configuration {
    status = "Enabled"
  }
}
`;
    const path = '/m/main.tf';
    const before = analyzer(text).analyze({ path, text });
    const finding = before.findings.find((candidate) => candidate.ruleId === 's3-versioning' && candidate.resource.id === 'aws_s3_bucket.d');
    assert.ok(finding);
    const action = analyzer(text).codeActions({ path, text }, finding.range).find((candidate) => candidate.finding.ruleId === 's3-versioning' && candidate.isPreferred);
    assert.ok(action, 'a fix despite the taken name');
    assert.match(action.fix.edits[0].newText, /resource "aws_s3_bucket_versioning" "d_versioning" \{\n {2}bucket = aws_s3_bucket\.d\.id\n/);
    const outcome = judgeFix(path, text, before, finding, action, (after) => analyzer(after).analyze({ path, text: after }));
    assert.deepEqual(outcome.problems, [], outcome.fixed);
  });
});
