// An attribute missing from a variable's value is null only when the variable's type declares it optional;
// otherwise Terraform refuses the reference ("Unsupported attribute"): cannot be checked, and try() takes its
// fallback. The fixture test/fixtures/cases/evaluation/tf-variable-missing-attribute/main.tf says what should happen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample, statusOf } from '../support/examples';

const FILE = 'test/fixtures/cases/evaluation/tf-variable-missing-attribute/main.tf';
const RULE = 'rds-backup-retention';

function analyse(text = readFileSync(FILE, 'utf8')): FileAnalysis {
  return analyseExample('terraform', 'main.tf', text);
}

function status(result: FileAnalysis, resource: string) {
  return statusOf(result, resource, { ruleId: RULE });
}

describe('tf-variable-missing-attribute', () => {
  test('a missing attribute of an untyped variable cannot be checked; try() falls back; an optional one is null', () => {
    const result = analyse();
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => finding.resource.id), ['aws_db_instance.optional']);
    for (const resource of ['aws_db_instance.untyped', 'aws_db_instance.bare']) assert.equal(status(result, resource).status, 'cannot-be-checked', resource);
    assert.equal(status(result, 'aws_db_instance.fallback').status, 'addressed');
  });

  test('variants: a map type refuses a missing key too; a value that has the attribute decides', () => {
    const typedMap = analyse(readFileSync(FILE, 'utf8').replace('variable "settings" {\n  default = {}', 'variable "settings" {\n  type    = map(number)\n  default = {}'));
    assert.equal(status(typedMap, 'aws_db_instance.bare').status, 'cannot-be-checked');
    const given = analyse(readFileSync(FILE, 'utf8').replace('variable "settings" {\n  default = {}', 'variable "settings" {\n  default = { days = 1 }'));
    assert.deepEqual(given.findings.filter((finding) => finding.ruleId === RULE).map((finding) => finding.resource.id).sort(), ['aws_db_instance.bare', 'aws_db_instance.fallback', 'aws_db_instance.optional', 'aws_db_instance.untyped']);
  });
});
