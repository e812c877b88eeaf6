// Terraform's built-in functions evaluated as Terraform does wherever their inputs are known
// (https://developer.hashicorp.com/terraform/language/functions); unknown inputs stay unknown, and a call
// Terraform would refuse (an error) is not a value either, except to try() and can().
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';
import { localValue, UNKNOWN } from '../support/terraformValues';
import type { Plain } from '../support/terraformValues';

/** The value of `local.x` for the expression, with a few known inputs beside it. */
function evaluate(expression: string): Plain | typeof UNKNOWN {
  return localValue(expression, `variable "unknown" {}
variable "tags" {
  default = { b = "2", a = "1" }
}
`, '  obj = { name = "web", port = 22 }\n');
}

const CASES: [string, Plain | typeof UNKNOWN][] = [
  ['jsondecode(jsonencode(merge(var.tags, { c = "3" }, null, { a = "x" })))', { a: 'x', b: '2', c: '3' }],
  ['keys(merge(var.tags, { c = "3" }))', ['a', 'b', 'c']],
  ['merge(var.tags, var.unknown)', UNKNOWN],
  ['lookup(local.obj, "port", 0)', 22],
  ['lookup(local.obj, "missing", "d")', 'd'],
  ['lookup(local.obj, "missing")', UNKNOWN],
  ['try(lookup(local.obj, "missing"), "fallback")', 'fallback'],
  ['try(tonumber("x"), tonumber("7"))', 7],
  ['try(var.unknown, "fallback")', UNKNOWN],
  ['can(tonumber("x"))', false],
  ['can(tonumber("12"))', true],
  ['can(var.unknown)', UNKNOWN],
  ['coalesce(null, "", "b", "c")', 'b'],
  ['coalesce(1, "a")', '1'],
  ['coalesce(null, "")', UNKNOWN],
  ['coalesce(var.unknown, "b")', UNKNOWN],
  ['coalescelist([], ["a"], ["b"])', ['a']],
  ['concat(["a"], ["b", "c"], [])', ['a', 'b', 'c']],
  ['concat(["a"], var.unknown)', UNKNOWN],
  ['flatten([["a", ["b"]], [], "c"])', ['a', 'b', 'c']],
  ['distinct(["a", "b", "a", "c", "b"])', ['a', 'b', 'c']],
  ['compact(["a", "", null, "b"])', ['a', 'b']],
  ['toset(["b", "a", "b"])', ['a', 'b']],
  ['toset([3, 1, 3])', [1, 3]],
  ['tolist(["a"])', ['a']],
  ['tomap({ a = 1 })', { a: 1 }],
  ['keys({ b = 1, a = 2 })', ['a', 'b']],
  ['values({ b = 1, a = 2 })', [2, 1]],
  ['length(["a", "b"])', 2],
  ['length({ a = 1 })', 1],
  ['length("héllo")', 5],
  ['length(var.unknown)', UNKNOWN],
  ['contains(["a", "b"], "b")', true],
  ['contains(["a", "b"], "z")', false],
  ['element(["a", "b", "c"], 4)', 'b'],
  ['element([], 0)', UNKNOWN],
  ['index(["a", "b"], "b")', 1],
  ['index(["a", "b"], "z")', UNKNOWN],
  ['one([])', null],
  ['one(["a"])', 'a'],
  ['one(["a", "b"])', UNKNOWN],
  ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
  ['format("%s-%d-%v%%", "web", 22, true)', 'web-22-true%'],
  ['format("%q", "a")', '"a"'],
  ['format("%5.2f", 1)', UNKNOWN],
  ['format("%s", var.unknown)', UNKNOWN],
  ['join(",", ["a", "b"], ["c"])', 'a,b,c'],
  ['split(",", "a,b,,c")', ['a', 'b', '', 'c']],
  ['replace("a-b-c", "-", "_")', 'a_b_c'],
  ['replace("a-b", "/-/", "_")', 'a_b'],
  ['replace("a-b", "/(?i)-/", "_")', UNKNOWN],
  ['lower("AbC")', 'abc'],
  ['upper("AbC")', 'ABC'],
  ['trimspace("  a b \\n")', 'a b'],
  ['tostring(22)', '22'],
  ['tostring(true)', 'true'],
  ['tostring(["a"])', UNKNOWN],
  ['tonumber("5.5")', 5.5],
  ['tonumber("five")', UNKNOWN],
  ['tobool("true")', true],
  ['tobool("yes")', UNKNOWN],
  ['jsonencode({ b = ["<x>"], a = 1 })', '{"a":1,"b":["\\u003cx\\u003e"]}'],
  ['jsondecode("{\\"a\\": [1, true]}")', { a: [1, true] }],
  ['jsondecode(jsonencode({ a = [1, "b"] }))', { a: [1, 'b'] }],
  ['jsonencode(var.unknown)', UNKNOWN],
  ['jsondecode("{")', UNKNOWN],
  ['jsondecode(var.unknown)', UNKNOWN],
  ['upper(local.obj.name)', 'WEB'],
  ['concat(var.tags...)', UNKNOWN],
  ['join("-", [["a"], ["b"]]...)', 'a-b'],
  ['join("-", concat(keys(var.tags), values(var.tags)))', 'a-b-1-2'],
  ['max(1, 2)', UNKNOWN],
];

describe('Terraform functions through the resolver', () => {
  for (const [expression, expected] of CASES) {
    test(`${expression} is ${expected === UNKNOWN ? 'unknown' : JSON.stringify(expected)}`, () => {
      assert.deepEqual(evaluate(expression), expected);
    });
  }
});

const analyse = (text: string): FileAnalysis => analyseExample('terraform', 'main.tf', text);

function findingsOf(result: FileAnalysis, text: string, ruleId: string) {
  return result.findings.filter((finding) => finding.ruleId === ruleId)
    .map((finding) => [finding.resource?.id, finding.severity, text.slice(finding.range.start, finding.range.end), finding.message] as const);
}

const sg = (cidrs: string, head = '') => `${head}
resource "aws_security_group" "g" {
  name = "g"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ${cidrs}
  }
}
`;

describe('functions in rule-visible values', () => {
  test('concat of a local with the world: SSH open to the internet, reported on the world range inside the call', () => {
    const text = sg('concat(local.office, ["0.0.0.0/0"])', 'locals {\n  office = ["10.0.0.0/8"]\n}');
    const findings = findingsOf(analyse(text), text, 'sg-open-admin-ports');
    assert.deepEqual(findings.map(([resource, severity, at]) => [resource, severity, at]), [['aws_security_group.g', 'error', '"0.0.0.0/0"']]);
    assert.match(findings[0][3], /SSH \(port 22\) is open to the internet/);
  });

  test('lookup with a default that is not the world, and compact/distinct of narrow ranges: no finding', () => {
    for (const cidrs of ['[lookup({ office = "10.0.0.0/8" }, "office", "0.0.0.0/0")]', 'distinct(compact(["10.0.0.0/8", "", "10.0.0.0/8"]))']) {
      const text = sg(cidrs);
      assert.deepEqual(findingsOf(analyse(text), text, 'sg-open-admin-ports'), [], cidrs);
    }
  });

  test('lookup falling back to its default, the world: error on the default', () => {
    const text = sg('[lookup({ office = "10.0.0.0/8" }, "home", "0.0.0.0/0")]');
    const findings = findingsOf(analyse(text), text, 'sg-open-admin-ports');
    assert.deepEqual(findings.map(([resource, severity, at]) => [resource, severity, at]), [['aws_security_group.g', 'error', '"0.0.0.0/0"']]);
  });

  test('unknown input: concat with an unset variable is not guessed to be open', () => {
    const text = sg('concat(var.extra, ["10.0.0.0/8"])', 'variable "extra" {\n  type = list(string)\n}');
    const findings = findingsOf(analyse(text), text, 'sg-open-admin-ports');
    assert.ok(findings.every(([, severity]) => severity !== 'error'), JSON.stringify(findings));
  });
});
