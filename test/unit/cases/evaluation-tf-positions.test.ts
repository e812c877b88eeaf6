// Where a finding sits when its value is computed by a Terraform expression (test/fixtures/cases/evaluation/
// tf-position-*; each fixture's top comment says what should happen): an element that comes straight from a
// literal written in the expression is reported on that literal, through the functions that pass values on
// (merge, jsonencode, concat, flatten, tolist, toset, lookup, coalesce, try, element, one), conditionals and for
// expressions; an element that comes from a local or a variable is reported on the reference to it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseExample } from '../support/examples';

const CASES = join('test', 'fixtures', 'cases', 'evaluation');

/** A finding as [rule, severity, line (1-based), first column, column after the end (1-based), text]. */
type Placed = readonly [string, string, number, number, number, string];

function findingsOf(name: string, rules: readonly string[]): Placed[] {
  const text = readFileSync(join(CASES, name, 'main.tf'), 'utf8');
  const result = analyseExample('terraform', 'main.tf', text);
  assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message), []);
  return result.findings
    .filter((finding) => rules.includes(finding.ruleId))
    .map((finding): Placed => {
      const start = result.lineIndex.positionAt(finding.range.start);
      const end = result.lineIndex.positionAt(finding.range.end);
      assert.equal(start.line, end.line, 'a finding on one line');
      return [finding.ruleId, finding.severity, start.line + 1, start.character + 1, end.character + 1, text.slice(finding.range.start, finding.range.end)];
    })
    .sort((a, b) => a[2] - b[2]);
}

const SG = 'sg-open-admin-ports';
const S3 = 's3-policy-no-public-principal';
const KMS = 'kms-policy-no-wildcard-principal';

const CASES_BY_FUNCTION: readonly (readonly [string, string, readonly string[], readonly Placed[]])[] = [
  ['merge', 'tf-position-merge', [SG], [
    [SG, 'error', 13, 22, 33, '"0.0.0.0/0"'],
    [SG, 'error', 20, 31, 47, 'local.world_rule'],
  ]],
  ['jsonencode (and jsonencode of merge)', 'tf-position-jsonencode', [S3, KMS], [
    [S3, 'error', 14, 19, 22, '"*"'],
    [KMS, 'error', 27, 27, 30, '"*"'],
  ]],
  ['concat', 'tf-position-concat', [SG], [
    [SG, 'error', 14, 59, 70, '"0.0.0.0/0"'],
    [SG, 'error', 24, 42, 53, 'local.world'],
  ]],
  ['flatten', 'tf-position-flatten', [SG], [[SG, 'error', 10, 28, 39, '"0.0.0.0/0"']]],
  ['tolist', 'tf-position-tolist', [SG], [[SG, 'error', 8, 44, 50, '"::/0"']]],
  ['toset', 'tf-position-toset', [SG], [[SG, 'error', 9, 40, 51, '"0.0.0.0/0"']]],
  ['lookup (the entry found, and the default)', 'tf-position-lookup', [SG], [
    [SG, 'error', 15, 14, 25, '"0.0.0.0/0"'],
    [SG, 'error', 26, 61, 72, '"0.0.0.0/0"'],
  ]],
  ['coalesce', 'tf-position-coalesce', [SG], [[SG, 'error', 13, 49, 60, '"0.0.0.0/0"']]],
  ['try', 'tf-position-try', [SG], [[SG, 'error', 13, 51, 62, '"0.0.0.0/0"']]],
  ['element', 'tf-position-element', [SG], [[SG, 'error', 9, 43, 54, '"0.0.0.0/0"']]],
  ['one', 'tf-position-one', [S3], [[S3, 'error', 14, 26, 29, '"*"']]],
  ['a conditional (decided, and undecided: depends)', 'tf-position-conditional', [SG], [
    [SG, 'error', 14, 31, 42, '"0.0.0.0/0"'],
    [SG, 'info', 24, 53, 64, '"0.0.0.0/0"'],
  ]],
  ['a for expression (its collection, and its body)', 'tf-position-for', [SG, S3], [
    [SG, 'error', 10, 47, 58, '"0.0.0.0/0"'],
    [S3, 'error', 26, 21, 24, '"*"'],
  ]],
];

describe('findings inside computed values sit on the text written for the element', () => {
  for (const [what, fixture, rules, expected] of CASES_BY_FUNCTION) {
    test(`${what} (${fixture})`, () => {
      assert.deepEqual(findingsOf(fixture, rules), expected);
    });
  }
});
