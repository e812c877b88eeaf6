// Terraform's built-in functions checked against their documentation: one row per example on each function's
// page (https://developer.hashicorp.com/terraform/language/functions/<name>, cited per function), then the edge
// cases the page or the code Terraform runs (hashicorp/terraform internal/lang/funcs, zclconf/go-cty
// function/stdlib and convert) defines. A row expects a value, ERROR (Terraform refuses the call: try() moves
// on, can() is false) or UNKNOWN (not computed here, because JavaScript would not give Terraform's answer).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFunction } from '../../server/src/analysis/terraform/functions';
import type { Plain } from '../../server/src/analysis/terraform/functions';
import { localValue, UNKNOWN } from './support/terraformValues';

const ERROR = Symbol('error');
type Expected = Plain | typeof ERROR | typeof UNKNOWN;
type Row = readonly [name: string, args: readonly Plain[], expected: Expected];

const DOCS = 'https://developer.hashicorp.com/terraform/language/functions';

const ROWS: readonly Row[] = [
  // merge: https://developer.hashicorp.com/terraform/language/functions/merge
  ['merge', [{ a: 'b', c: 'd' }, { e: 'f', c: 'z' }], { a: 'b', c: 'z', e: 'f' }],
  ['merge', [{ a: 'b' }, { a: [1, 2], c: 'z' }, { d: 3 }], { a: [1, 2], c: 'z', d: 3 }],
  ['merge', [], {}],
  ['merge', [{ a: 1 }, null, { b: 2 }], { a: 1, b: 2 }],
  ['merge', [null, null], null],
  ['merge', [{ a: 1 }, 'x'], ERROR],
  ['merge', [{ a: 1 }, ['b']], ERROR],

  // lookup: https://developer.hashicorp.com/terraform/language/functions/lookup
  ['lookup', [{ a: 'ay', b: 'bee' }, 'a', 'what?'], 'ay'],
  ['lookup', [{ a: 'ay', b: 'bee' }, 'c', 'what?'], 'what?'],
  ['lookup', [{ a: 'ay' }, 'a'], 'ay'],
  ['lookup', [{ a: 'ay' }, 'c'], ERROR],
  ['lookup', [{ a: 'ay' }, 'c', null], null],
  ['lookup', [{ 1: 'one' }, 1], 'one'],
  ['lookup', [{ a: 'ay' }, null, 'x'], ERROR],
  ['lookup', [null, 'a', 'x'], ERROR],
  ['lookup', [['a'], '0', 'x'], ERROR],
  ['lookup', [{ a: 'ay' }, 'a', 'x', 'y'], ERROR],

  // coalesce: https://developer.hashicorp.com/terraform/language/functions/coalesce
  ['coalesce', ['a', 'b'], 'a'],
  ['coalesce', ['', 'b'], 'b'],
  ['coalesce', [1, 2], 1],
  ['coalesce', [1, 'hello'], '1'],
  ['coalesce', [true, 'hello'], 'true'],
  ['coalesce', [{}, 'hello'], ERROR],
  ['coalesce', [null, '', 'b'], 'b'],
  ['coalesce', [null, ''], ERROR],
  ['coalesce', [], ERROR],
  ['coalesce', [null, 0], 0],
  ['coalesce', [false, true], false],
  ['coalesce', [1, true], ERROR],
  ['coalesce', [['a'], ['b']], ['a']],
  ['coalesce', [{ a: 1 }, { a: 2 }], { a: 1 }],
  ['coalesce', [['a'], ['b', 'c']], UNKNOWN],

  // coalescelist: https://developer.hashicorp.com/terraform/language/functions/coalescelist
  ['coalescelist', [['a', 'b'], ['c', 'd']], ['a', 'b']],
  ['coalescelist', [[], ['c', 'd']], ['c', 'd']],
  ['coalescelist', [[], []], ERROR],
  ['coalescelist', [], ERROR],
  ['coalescelist', ['a'], ERROR],
  ['coalescelist', [[], null], UNKNOWN],

  // concat: https://developer.hashicorp.com/terraform/language/functions/concat
  ['concat', [['a', ''], ['b', 'c']], ['a', '', 'b', 'c']],
  ['concat', [[], [1, 'a'], [[3], 'c']], [1, 'a', [3], 'c']],
  ['concat', [], ERROR],
  ['concat', [['a'], 'b'], ERROR],
  ['concat', [['a'], null], ERROR],
  ['concat', [['a'], { a: 1 }], ERROR],

  // flatten: https://developer.hashicorp.com/terraform/language/functions/flatten
  ['flatten', [[['a', 'b'], [], ['c']]], ['a', 'b', 'c']],
  ['flatten', [[[['a', 'b'], []], ['c']]], ['a', 'b', 'c']],
  ['flatten', [[{ a: ['x'] }, ['y']]], [{ a: ['x'] }, 'y']],
  ['flatten', [[null, ['a']]], [null, 'a']],
  ['flatten', [[]], []],
  ['flatten', ['a'], ERROR],
  ['flatten', [null], ERROR],

  // distinct: https://developer.hashicorp.com/terraform/language/functions/distinct
  ['distinct', [['a', 'b', 'a', 'c', 'd', 'b']], ['a', 'b', 'c', 'd']],
  ['distinct', [['b', 'a', 'b']], ['b', 'a']],
  ['distinct', [[1, '1']], ['1']],
  ['distinct', [[[1], [1], [2]]], [[1], [2]]],
  ['distinct', [[1, true]], ERROR],
  ['distinct', ['a'], ERROR],

  // compact: https://developer.hashicorp.com/terraform/language/functions/compact
  ['compact', [['a', '', 'b', null, 'c']], ['a', 'b', 'c']],
  ['compact', [[1, '', true]], ['1', 'true']],
  ['compact', [[]], []],
  ['compact', [[['a']]], ERROR],
  ['compact', [null], ERROR],

  // toset: https://developer.hashicorp.com/terraform/language/functions/toset
  ['toset', [['a', 'b', 'c']], ['a', 'b', 'c']],
  // A set of strings iterates in lexical order (go-cty setRules.Less); older pages listed ["a", "b", "3"].
  ['toset', [['a', 'b', 3]], ['3', 'a', 'b']],
  ['toset', [['c', 'b', 'b']], ['b', 'c']],
  ['toset', [[3, 1, 3, 10]], [1, 3, 10]],
  ['toset', [['10', '9']], ['10', '9']],
  ['toset', [[true, false, true]], [false, true]],
  ['toset', [['\u{1F600}', '\uFFFD']], ['\uFFFD', '\u{1F600}']],
  ['toset', [null], null],
  ['toset', [[1, true]], ERROR],
  ['toset', ['a'], ERROR],
  ['toset', [{ a: 1 }], ERROR],
  ['toset', [[['a']]], UNKNOWN],
  ['toset', [['b', null]], UNKNOWN],

  // tolist: https://developer.hashicorp.com/terraform/language/functions/tolist
  ['tolist', [['a', 'b', 'c']], ['a', 'b', 'c']],
  ['tolist', [['a', 'b', 3]], ['a', 'b', '3']],
  ['tolist', [['a', null]], ['a', null]],
  ['tolist', [null], null],
  ['tolist', [[1, true]], ERROR],
  ['tolist', [{ a: 1 }], ERROR],

  // tomap: https://developer.hashicorp.com/terraform/language/functions/tomap
  ['tomap', [{ a: 1, b: 2 }], { a: 1, b: 2 }],
  ['tomap', [{ a: 'foo', b: true }], { a: 'foo', b: 'true' }],
  ['tomap', [null], null],
  ['tomap', [{ a: 1, b: true }], ERROR],
  ['tomap', [['a']], ERROR],

  // keys: https://developer.hashicorp.com/terraform/language/functions/keys
  ['keys', [{ a: 1, c: 2, d: 3 }], ['a', 'c', 'd']],
  ['keys', [{ b: 1, a: 2, B: 3 }], ['B', 'a', 'b']],
  ['keys', [{}], []],
  ['keys', [['a']], ERROR],
  ['keys', [null], ERROR],

  // values: https://developer.hashicorp.com/terraform/language/functions/values
  ['values', [{ a: 3, c: 2, d: 1 }], [3, 2, 1]],
  ['values', [{ b: 1, a: 2 }], [2, 1]],
  ['values', ['a'], ERROR],
  ['values', [null], ERROR],

  // length: https://developer.hashicorp.com/terraform/language/functions/length
  ['length', [[]], 0],
  ['length', [['a', 'b']], 2],
  ['length', [{ a: 'b' }], 1],
  ['length', ['hello'], 5],
  ['length', ['👾🕹️'], 2],
  ['length', [null], ERROR],
  ['length', [5], ERROR],
  ['length', [true], ERROR],

  // contains: https://developer.hashicorp.com/terraform/language/functions/contains
  ['contains', [['a', 'b', 'c'], 'a'], true],
  ['contains', [['a', 'b', 'c'], 'd'], false],
  ['contains', [[], 'a'], false],
  ['contains', [['1'], 1], false],
  ['contains', [null, 'a'], ERROR],
  ['contains', [{ a: 1 }, 'a'], ERROR],
  ['contains', [['a'], null], ERROR],
  ['contains', [[['a']], ['a']], UNKNOWN],

  // element: https://developer.hashicorp.com/terraform/language/functions/element
  ['element', [['a', 'b', 'c'], 1], 'b'],
  ['element', [['a', 'b', 'c'], 3], 'a'],
  // Since Terraform 1.12 the page reads "the index can be a negative integer" (-1 is "c"); before, it was an error.
  ['element', [['a', 'b', 'c'], -1], UNKNOWN],
  ['element', [['a', 'b', 'c'], 7], 'b'],
  ['element', [['a', 'b'], '1'], 'b'],
  ['element', [[], 0], ERROR],
  ['element', [['a', 'b'], 1.5], ERROR],
  ['element', [['a', 'b'], 'x'], ERROR],
  ['element', [{ a: 1 }, 0], ERROR],

  // index: https://developer.hashicorp.com/terraform/language/functions/index_function
  ['index', [['a', 'b', 'c'], 'b'], 1],
  ['index', [['one', 'two', 'two'], 'two'], 1],
  ['index', [['a', 'b', 'a'], 'a'], 0],
  ['index', [[1, '1'], '1'], 1],
  ['index', [['a'], 'z'], ERROR],
  ['index', [[], 'a'], ERROR],

  // one: https://developer.hashicorp.com/terraform/language/functions/one (the set examples are below, in HCL)
  ['one', [[]], null],
  ['one', [['hello']], 'hello'],
  ['one', [['hello', 'goodbye']], ERROR],
  ['one', [null], ERROR],
  ['one', [{ a: 1 }], ERROR],
  ['one', ['a'], ERROR],

  // zipmap: https://developer.hashicorp.com/terraform/language/functions/zipmap
  ['zipmap', [['a', 'b'], [1, 2]], { a: 1, b: 2 }],
  ['zipmap', [['a', 'a'], [1, 2]], { a: 2 }],
  ['zipmap', [[1], ['x']], { 1: 'x' }],
  ['zipmap', [['a'], [1, 2]], ERROR],
  ['zipmap', [[null], [1]], ERROR],
  ['zipmap', ['a', [1]], ERROR],

  // format: https://developer.hashicorp.com/terraform/language/functions/format
  ['format', ['Hello, %s!', 'Ander'], 'Hello, Ander!'],
  ['format', ['There are %d lights', 4], 'There are 4 lights'],
  ['format', ['%[1]s%[2]s%[1]s%[3]s', '/', 'path', 'file.tf'], '/path/file.tf'],
  ['format', ['%#v', 'hello'], '"hello"'],
  ['format', ['%#v', true], 'true'],
  ['format', ['%#v', 1], '1'],
  ['format', ['%#v', { a: 1 }], '{"a":1}'],
  ['format', ['%#v', [true]], '[true]'],
  ['format', ['%#v', null], 'null'],
  ['format', ['%s-%d-%v%%', 'web', 22, true], 'web-22-true%'],
  ['format', ['%q', 'a<b'], '"a\\u003cb"'],
  ['format', ['%v|%v|%v', 123456, 1000000, 0.5], '123456|1e+06|0.5'],
  ['format', ['%v %v', ['a'], null], '["a"] null'],
  ['format', ['%#v', 'a'], '"a"'],
  ['format', ['%t', 'true'], 'true'],
  ['format', ['%d', '22'], '22'],
  ['format', ['%d', '1e3'], '1000'],
  ['format', ['%s', 1.5], '1.5'],
  ['format', ['%5s|%-5s|%05d|%5d', 'a', 'b', 42, -3], '    a|b    |00042|   -3'],
  ['format', ['%+d|% d|%-4d|', 5, 5, 5], '+5| 5|5   |'],
  ['format', ['%.2s|%.3q', 'héllo', 'abcdef'], 'hé|"abc"'],
  ['format', ['%[2]s %[1]s', 'a', 'b'], 'b a'],
  ['format', ['%[2]s %s', 'a', 'b', 'c'], 'b c'],
  ['format', ['%s', null], ERROR],
  ['format', ['%d', 1.5], ERROR],
  ['format', ['%d', 'x'], ERROR],
  ['format', ['%d', true], ERROR],
  ['format', ['%t', 1], ERROR],
  ['format', ['%s', ['a']], ERROR],
  ['format', ['%s %s', 'a'], ERROR],
  ['format', ['%z', 1], ERROR],
  ['format', ['100%'], ERROR],
  ['format', ['%*d', 1], ERROR],
  ['format', ['%s', 'a', 'b'], UNKNOWN],
  ['format', ['%5.2f', 1], UNKNOWN],
  ['format', ['%x', 255], UNKNOWN],

  // join: https://developer.hashicorp.com/terraform/language/functions/join
  ['join', ['-', ['foo', 'bar', 'baz']], 'foo-bar-baz'],
  ['join', [', ', ['foo', 'bar', 'baz']], 'foo, bar, baz'],
  ['join', [', ', ['foo']], 'foo'],
  ['join', ['-', ['a'], ['b', 'c']], 'a-b-c'],
  ['join', ['-', [1, true]], '1-true'],
  ['join', ['-', []], ''],
  ['join', ['-'], ERROR],
  ['join', ['-', ['a', null]], ERROR],
  ['join', ['-', 'a'], ERROR],
  ['join', ['-', [['a']]], ERROR],

  // split: https://developer.hashicorp.com/terraform/language/functions/split
  ['split', [',', 'foo,bar,baz'], ['foo', 'bar', 'baz']],
  ['split', [',', 'foo'], ['foo']],
  ['split', [',', ''], ['']],
  ['split', [',', 'a,,b,'], ['a', '', 'b', '']],
  ['split', ['', 'a😀b'], ['a', '😀', 'b']],
  ['split', ['', ''], []],
  ['split', [null, 'a'], ERROR],

  // replace: https://developer.hashicorp.com/terraform/language/functions/replace
  ['replace', ['1 + 2 + 3', '+', '-'], '1 - 2 - 3'],
  ['replace', ['hello world', '/w.*d/', 'everybody'], 'hello everybody'],
  ['replace', ['abc', '', '-'], '-a-b-c-'],
  ['replace', ['a/b', '/', '-'], 'a-b'],
  ['replace', ['a.b.c', '/\\./', '_'], 'a_b_c'],
  ['replace', ['a-b', '/(a)-(b)/', '$2-$1'], 'b-a'],
  ['replace', ['a-b', '/(a)-(b)/', '${2}x$1'], 'bxa'],
  ['replace', ['ab', '/(a)/', '$1x'], 'b'],
  ['replace', ['ab', '/a/', '$$'], '$b'],
  ['replace', ['a-b', '/-/', '$-'], 'a$-b'],
  ['replace', ['ab', '/(a)/', '${1}é'], 'aéb'],
  // Go reads "1é" as the name of a group: a name running on into a non-ASCII letter is not read here.
  ['replace', ['ab', '/(a)/', '$1é'], UNKNOWN],
  ['replace', ['a b\tc', '/\\s/', '_'], 'a_b_c'],
  ['replace', ['a\u00a0b', '/\\s/', '_'], 'a\u00a0b'],
  ['replace', ['x{2}', '/x{2}/', 'y'], 'x{2}'],
  ['replace', ['xx', '/x{2}/', 'y'], 'y'],
  ['replace', ['a-b', '/[a-]/', '_'], '__b'],
  ['replace', ['baaac', '/a*/', '-'], UNKNOWN],
  ['replace', ['Abc', '/(?i)a/', 'x'], UNKNOWN],
  ['replace', ['x', '/\\pL/', 'y'], UNKNOWN],
  ['replace', ['x', '/[/', 'y'], UNKNOWN],
  ['replace', ['abc', '/[a-b-c]/', 'y'], UNKNOWN],
  ['replace', [null, 'a', 'b'], ERROR],

  // lower: https://developer.hashicorp.com/terraform/language/functions/lower
  ['lower', ['HELLO'], 'hello'],
  ['lower', ['ΓΕΙΑ ΣΟΥ'], 'γεια σου'],
  // Go maps each letter alone: no final sigma.
  ['lower', ['ΟΔΟΣ'], 'οδοσ'],
  ['lower', [true], 'true'],
  ['lower', ['İ'], UNKNOWN],
  ['lower', [null], ERROR],

  // upper: https://developer.hashicorp.com/terraform/language/functions/upper
  ['upper', ['hello'], 'HELLO'],
  ['upper', ['алло!'], 'АЛЛО!'],
  ['upper', ['ß'], UNKNOWN],
  ['upper', [['a']], ERROR],

  // trimspace: https://developer.hashicorp.com/terraform/language/functions/trimspace
  ['trimspace', ['  hello\n\n'], 'hello'],
  ['trimspace', ['\u00a0a\u0085'], 'a'],
  ['trimspace', ['\ufeffa'], '\ufeffa'],
  ['trimspace', [null], ERROR],

  // tostring: https://developer.hashicorp.com/terraform/language/functions/tostring
  ['tostring', ['hello'], 'hello'],
  ['tostring', [1], '1'],
  ['tostring', [true], 'true'],
  ['tostring', [null], null],
  ['tostring', [[]], ERROR],
  ['tostring', [0.1], '0.1'],
  ['tostring', [2 ** 60], UNKNOWN],

  // tonumber: https://developer.hashicorp.com/terraform/language/functions/tonumber
  ['tonumber', [1], 1],
  ['tonumber', ['1'], 1],
  ['tonumber', [null], null],
  ['tonumber', ['no'], ERROR],
  ['tonumber', ['1e3'], 1000],
  ['tonumber', ['-2.5'], -2.5],
  ['tonumber', ['+3'], 3],
  ['tonumber', ['.5'], 0.5],
  ['tonumber', ['0x10'], ERROR],
  ['tonumber', ['1_000'], ERROR],
  ['tonumber', [' 1'], ERROR],
  ['tonumber', [true], ERROR],
  ['tonumber', ['1234567890123456789'], UNKNOWN],

  // tobool: https://developer.hashicorp.com/terraform/language/functions/tobool
  ['tobool', [true], true],
  ['tobool', ['true'], true],
  ['tobool', [null], null],
  ['tobool', ['no'], ERROR],
  ['tobool', [1], ERROR],
  ['tobool', ['false'], false],
  ['tobool', ['True'], ERROR],
  ['tobool', ['1'], ERROR],

  // jsonencode: https://developer.hashicorp.com/terraform/language/functions/jsonencode
  ['jsonencode', [{ hello: 'world' }], '{"hello":"world"}'],
  ['jsonencode', [{ b: ['<x>'], a: 1 }], '{"a":1,"b":["\\u003cx\\u003e"]}'],
  ['jsonencode', ['a&b\u2028'], '"a\\u0026b\\u2028"'],
  ['jsonencode', [[true, null, 1.5]], '[true,null,1.5]'],
  ['jsonencode', [null], 'null'],
  ['jsonencode', ['\b'], UNKNOWN],

  // jsondecode: https://developer.hashicorp.com/terraform/language/functions/jsondecode
  ['jsondecode', ['{"hello": "world"}'], { hello: 'world' }],
  ['jsondecode', ['true'], true],
  ['jsondecode', ['1.50'], 1.5],
  ['jsondecode', ['1e3'], 1000],
  ['jsondecode', ['[1, "a"]'], [1, 'a']],
  ['jsondecode', ['null'], null],
  ['jsondecode', ['{'], ERROR],
  ['jsondecode', [null], ERROR],
  ['jsondecode', ['{"a": 1, "a": 2}'], UNKNOWN],
  ['jsondecode', ['1e400'], UNKNOWN],
];

const show = (value: Plain): string => JSON.stringify(value);
const expectedText = (expected: Expected): string => (expected === ERROR ? 'an error' : expected === UNKNOWN ? 'unknown' : show(expected));

describe(`Terraform functions, as documented (${DOCS})`, () => {
  for (const [name, args, expected] of ROWS) {
    test(`${name}(${args.map(show).join(', ')}) is ${expectedText(expected)}`, () => {
      const actual = applyFunction(name, args);
      if (expected === ERROR) assert.equal(actual, 'error');
      else if (expected === UNKNOWN) assert.equal(actual, 'unknown');
      else assert.deepEqual(actual, { value: expected });
    });
  }

  test('every function the evaluator knows has rows', () => {
    const covered = new Set(ROWS.map(([name]) => name));
    const listed = ['merge', 'lookup', 'coalesce', 'coalescelist', 'concat', 'flatten', 'distinct', 'compact', 'toset', 'tolist', 'tomap', 'keys', 'values',
      'length', 'contains', 'element', 'index', 'one', 'zipmap', 'format', 'join', 'split', 'replace', 'lower', 'upper', 'trimspace', 'tostring', 'tonumber',
      'tobool', 'jsonencode', 'jsondecode'];
    assert.deepEqual(listed.filter((name) => !covered.has(name)), []);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Examples that need Terraform expressions around the call: argument expansion (`...`), references, try and can.

/** The value of `local.x` = expression, beside `local.foo` (the try and can pages' example) and a few inputs. */
function evaluate(expression: string): Plain | typeof UNKNOWN {
  return localValue(expression, `variable "unknown" {}
variable "typed" {
  type    = object({ name = string, extra = optional(string) })
  default = { name = "web" }
}
`, '  foo  = { bar = "baz" }\n  list = ["a"]\n');
}

const EXPRESSIONS: readonly (readonly [string, Plain | typeof UNKNOWN])[] = [
  // merge: https://developer.hashicorp.com/terraform/language/functions/merge
  ['merge([{a="b", c="d"}, {}, {e="f", c="z"}]...)', { a: 'b', c: 'z', e: 'f' }],
  // coalesce: https://developer.hashicorp.com/terraform/language/functions/coalesce
  ['coalesce(["", "b"]...)', 'b'],
  // coalescelist: https://developer.hashicorp.com/terraform/language/functions/coalescelist
  ['coalescelist([[], ["c", "d"]]...)', ['c', 'd']],
  // element: https://developer.hashicorp.com/terraform/language/functions/element
  ['element(["a", "b", "c"], length(["a", "b", "c"])-1)', 'c'],
  // one: https://developer.hashicorp.com/terraform/language/functions/one
  ['one(toset([]))', null],
  ['one(toset(["hello"]))', 'hello'],
  ['one(toset(["hello","goodbye"]))', UNKNOWN],
  ['one(toset(["a", "a"]))', 'a'],
  // try: https://developer.hashicorp.com/terraform/language/functions/try
  ['try(local.foo.bar, "fallback")', 'baz'],
  ['try(local.foo.boop, "fallback")', 'fallback'],
  // A reference to an undeclared local is an error try does not catch.
  ['try(local.nonexist, "fallback")', UNKNOWN],
  ['try(local.list[5], "fallback")', 'fallback'],
  ['try(tonumber("x"), 7)', 7],
  ['try(var.unknown, "fallback")', UNKNOWN],
  // A variable's object may lack an attribute its type declares optional: that reads as null, not an error.
  ['try(var.typed.extra, "fallback")', UNKNOWN],
  // can: https://developer.hashicorp.com/terraform/language/functions/can
  ['can(local.foo.bar)', true],
  ['can(local.foo.boop)', false],
  ['can(local.nonexist)', UNKNOWN],
  ['can(element([], 0))', false],
  // for over an object goes by key in lexical order, as keys() and values() do
  // (https://developer.hashicorp.com/terraform/language/expressions/for).
  ['[for k, v in { b = 1, a = 2, B = 3 } : "${k}=${v}"]', ['B=3', 'a=2', 'b=1']],
];

describe('Terraform functions in expressions', () => {
  for (const [expression, expected] of EXPRESSIONS) {
    test(`${expression} is ${expected === UNKNOWN ? 'unknown' : show(expected)}`, () => {
      assert.deepEqual(evaluate(expression), expected);
    });
  }
});
