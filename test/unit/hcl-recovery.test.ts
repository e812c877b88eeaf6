import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { literalValue, parseHcl } from '../../server/src/analysis/terraform/hcl';
import type { HclBody, HclFile } from '../../server/src/analysis/terraform/hcl';
import type { OffsetRange } from '../../server/src/analysis/types';

function text(source: string, range: OffsetRange): string {
  return source.slice(range.start, range.end);
}

function blockNames(body: HclBody): string[] {
  return body.blocks.map((b) => [b.type, ...b.labels.map((l) => l.value)].join('.'));
}

/** Every range in the result lies inside the text, start <= end. */
function assertRangesInside(result: unknown, length: number): void {
  const stack: unknown[] = [result];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.start === 'number' && typeof record.end === 'number' && Object.keys(record).length === 2) {
        assert.ok(record.start >= 0 && record.start <= record.end && record.end <= length, `range ${record.start}-${record.end} of ${length}`);
      } else {
        stack.push(...Object.values(record));
      }
    }
  }
}

function parseChecked(source: string): HclFile {
  const file = parseHcl(source);
  assertRangesInside(file, source.length);
  return file;
}

describe('HCL parser: half-typed documents', () => {
  it('an unclosed block ends at the next column-0 block; later blocks survive', () => {
    const source = 'resource "aws_s3_bucket" "a" {\n  bucket = "x"\n\nresource "aws_s3_bucket" "b" {\n  bucket = "y"\n}\noutput "o" { value = 1 }\n';
    const file = parseChecked(source);
    assert.deepEqual(blockNames(file.body), ['resource.aws_s3_bucket.a', 'resource.aws_s3_bucket.b', 'output.o']);
    assert.equal(file.problems.length, 1);
    assert.match(file.problems[0].message, /Missing "}" to close the "resource" block/);
    assert.equal(text(source, file.problems[0].range), 'resource "aws_s3_bucket" "a" {');
    const a = file.body.blocks[0];
    assert.equal(text(source, a.range), 'resource "aws_s3_bucket" "a" {\n  bucket = "x"');
    assert.equal(literalValue(a.body.attributes[0].expression), 'x');
    assert.equal(literalValue(file.body.blocks[1].body.attributes[0].expression), 'y');
  });

  it('an unclosed block at the end of the file', () => {
    const source = 'locals {\n  a = 1\n}\nresource "aws_s3_bucket" "b" {';
    const file = parseChecked(source);
    assert.deepEqual(blockNames(file.body), ['locals', 'resource.aws_s3_bucket.b']);
    assert.equal(file.problems.length, 1);
    assert.equal(file.body.blocks[1].openBrace, source.length);
    assert.equal(file.body.blocks[1].closeBrace, source.length);
  });

  it('`acl = ` with no value reports at the "=" and keeps the next attributes', () => {
    const source = 'resource "aws_s3_bucket" "b" {\n  acl = \n  bucket = "y"\n}\n';
    const file = parseChecked(source);
    const attributes = file.body.blocks[0].body.attributes;
    assert.deepEqual(attributes.map((a) => [a.name, a.expression.kind]), [['acl', 'invalid'], ['bucket', 'template']]);
    assert.equal(file.problems.length, 1);
    assert.equal(text(source, file.problems[0].range), '=');
    assert.equal(file.problems[0].severity, 'error');
  });

  it('an unterminated string stops at the end of its line', () => {
    const source = 'resource "a" "b" {\n  bucket = "my-bucket\n  acl = "private"\n}\ndata "c" "d" {}\n';
    const file = parseChecked(source);
    const attributes = file.body.blocks[0].body.attributes;
    assert.deepEqual(attributes.map((a) => [a.name, literalValue(a.expression)]), [['bucket', 'my-bucket'], ['acl', 'private']]);
    assert.equal(file.problems.length, 1);
    assert.match(file.problems[0].message, /Unterminated string/);
    assert.equal(text(source, file.problems[0].range), '"my-bucket');
    assert.deepEqual(blockNames(file.body), ['resource.a.b', 'data.c.d']);
  });

  it('an unclosed interpolation does not swallow the next lines', () => {
    const source = 'resource "a" "b" {\n  name = "${var.x\n  acl = "private"\n}\n';
    const file = parseChecked(source);
    assert.deepEqual(file.body.blocks[0].body.attributes.map((a) => a.name), ['name', 'acl']);
    assert.equal(file.problems.length, 1);
    assert.equal(text(source, file.problems[0].range), '${var.x');
  });

  it('unclosed list and call: the body lines after them are read as attributes', () => {
    const source = 'locals {\n  a = [\n  b = foo(\n  c = 1\n}\nvariable "v" {}\n';
    const file = parseChecked(source);
    assert.deepEqual(file.body.blocks[0].body.attributes.map((a) => a.name), ['a', 'b', 'c']);
    assert.deepEqual(blockNames(file.body), ['locals', 'variable.v']);
    assert.deepEqual(file.problems.map((p) => text(source, p.range)), ['[', '(']);
    assert.match(file.problems[0].message, /Missing "]"/);
    assert.match(file.problems[1].message, /Missing "\)"/);
  });

  it('stray characters are reported where they are, and the rest of the block is read', () => {
    const source = 'resource "a" "b" {\n  x = 1 @ 2\n  y = \'single\'\n  @@@\n  z = a +\n  w = true\n}\n}\n';
    const file = parseChecked(source);
    assert.deepEqual(file.body.blocks[0].body.attributes.map((a) => a.name), ['x', 'y', 'z', 'w']);
    const reported = file.problems.map((p) => text(source, p.range));
    assert.deepEqual(reported, ['@', '\'', '@', '+', '}']);
    assert.match(file.problems[4].message, /no block to close/);
  });

  it('a block header without "{" and a name without "="', () => {
    const source = 'resource "a" "b"\nlocals {\n  oops\n  ok = 1\n}\n';
    const file = parseChecked(source);
    assert.deepEqual(blockNames(file.body), ['resource.a.b', 'locals']);
    assert.deepEqual(file.body.blocks[1].body.attributes.map((a) => a.name), ['ok']);
    assert.equal(file.problems.length, 2);
    assert.equal(text(source, file.problems[1].range), 'oops');
  });

  it('an unterminated heredoc ends before the next top-level block', () => {
    const source = 'locals {\n  policy = <<EOF\n{"a": 1}\n}\nresource "a" "b" {\n  v = 1\n}\n';
    const file = parseChecked(source);
    assert.deepEqual(blockNames(file.body), ['locals', 'resource.a.b']);
    assert.equal(literalValue(file.body.blocks[1].body.attributes[0].expression), 1);
    assert.ok(file.problems.some((p) => /Unterminated heredoc/.test(p.message) && text(source, p.range) === '<<EOF'));
  });

  it('an unterminated block comment is reported', () => {
    const source = 'a = 1\n/* never closed\nb = 2\n';
    const file = parseChecked(source);
    assert.deepEqual(file.body.attributes.map((a) => a.name), ['a']);
    assert.equal(file.problems.length, 1);
    assert.equal(text(source, file.problems[0].range), '/*');
  });

  it('every prefix of a document parses without throwing, ranges inside the text', () => {
    const source = [
      'terraform {', '  required_version = ">= 1.5"', '}', '',
      'resource "aws_s3_bucket" "b" {', '  bucket = "${var.prefix}-logs"',
      '  tags   = merge(var.tags, { Name = "x" })', '  policy = <<-EOT', '    {"Version": "2012-10-17"}', '    EOT',
      '  dynamic "rule" {', '    for_each = [for r in var.rules : r if r.enabled]', '    content { id = rule.value.id }', '  }', '}', '',
      'output "arn" { value = aws_s3_bucket.b[*].arn }', '',
    ].join('\n');
    for (let end = 0; end <= source.length; end++) {
      const prefix = source.slice(0, end);
      const file = parseChecked(prefix);
      if (end >= source.indexOf('resource') + 'resource "aws_s3_bucket" "b" {'.length) {
        assert.ok(file.body.blocks.some((b) => b.type === 'resource'), `resource kept at ${end}`);
      }
    }
    assert.deepEqual(parseHcl(source).problems, []);
  });
});

describe('HCL parser: garbage input', () => {
  it('random bytes and binary-ish input never throw and finish', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = '{}[]()"$%~#/*<-=,.:?!&|\\\n\r\t ab1_';
    for (let round = 0; round < 300; round++) {
      let source = '';
      for (let i = 0; i < 400; i++) {
        source += random() < 0.5 ? alphabet[Math.floor(random() * alphabet.length)] : String.fromCharCode(Math.floor(random() * 0x10000));
      }
      const file = parseChecked(source);
      assert.ok(Array.isArray(file.problems));
    }
    const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    assert.ok(parseChecked(binary).problems.length > 0);
  });

  it('deep nesting and long repetitions finish with problems, no stack overflow', () => {
    for (const unit of ['[', '(', '{', '"${', '!', '-', 'a {', 'x = [', '"%{ if x }', 'x = {a = ', '<<EOF\n', 'a.', 'f(', 'x ? y : ', '}', '/*']) {
      const source = unit.repeat(20000);
      const file = parseChecked(source);
      assert.ok(file.problems.length > 0, `problems for ${JSON.stringify(unit)}`);
      assert.ok(file.problems.length <= 100, `${file.problems.length} problems for ${JSON.stringify(unit)}`);
      // Syntax errors, and at most one warning: the nesting bound (the input may be valid; it is our limit).
      const warnings = file.problems.filter((p) => p.severity !== 'error');
      assert.ok(warnings.length <= 1 && warnings.every((p) => /^Nested too deeply \(more than 100 levels\)/.test(p.message)), JSON.stringify(warnings));
    }
  });

  it('a valid expression nested past the bound: one warning and no syntax error, whatever construct encloses the deep part', () => {
    // The deep part is skipped up to what ends it in its enclosing construct: the `:` of a conditional or of a
    // `for` expression, a `=>`, a `...` or an `if`, not only a `,`, a closer or the line end.
    const deep = (open: string, inner: string, close: string): string => `${open.repeat(150)}${inner}${close.repeat(150)}`;
    const cases: Record<string, string> = {
      'conditionals in the true result': deep('true ? ', '1', ' : 2'),
      'conditionals in the false result': deep('true ? 1 : ', '2', ''),
      'tuple for expressions in the collection': deep('[for x in ', '[1]', ' : x]'),
      'object for expressions in the collection': deep('{for k, v in ', '{}', ' : k => v}'),
      'for expressions in the key': deep('{for k, v in {} : ', 'k', ' => v}'),
      'for expressions with a condition': deep('[for x in ', '[1]', ' : x if x > 0]'),
      'for expressions with grouping': deep('{for k, v in ', '{}', ' : k => v...}'),
      'objects written with colons': deep('{a : ', '1', '}'),
      'conditionals inside a tuple': deep('[true ? ', '1', ' : 2]'),
    };
    for (const [name, expression] of Object.entries(cases)) {
      const file = parseChecked(`locals {\n  x = ${expression}\n  y = "after"\n}\n`);
      // One warning, also where the parts of a conditional or a `for` expression at the bound are each too deep.
      assert.deepEqual(file.problems.map((p) => `${p.severity} ${p.message}`), ['warning Nested too deeply (more than 100 levels): this value is not analysed.'], name);
      const locals = file.body.blocks[0].body;
      assert.deepEqual(locals.attributes.map((a) => a.name), ['x', 'y'], name);
    }
  });

  it('problems are capped: 100, the last one counting the rest', () => {
    // Each line's problem is separated from the next by text ("x"), so they are not merged into one run.
    const file = parseHcl('x @\n'.repeat(5000));
    assert.equal(file.problems.length, 100);
    assert.equal(file.problems[0].message, 'Unexpected "@" after "x": expected "=" or a block.');
    assert.equal(file.problems[99].message, '... and 4901 more problems (not listed).');
  });

  it('a run of identical problems separated only by white space is one problem over the run', () => {
    const source = '@\n'.repeat(5000);
    const file = parseHcl(source);
    assert.deepEqual(file.problems, [
      { message: 'Unexpected "@": expected an attribute or a block. (5000 times)', range: { start: 0, end: source.length - 1 }, severity: 'error' },
    ]);
  });
});

// Speed is measured by `npm run bench`, never asserted here.
describe('HCL parser: a large generated file', () => {
  it('a generated 2,000-line file parses without problems', () => {
    const lines: string[] = [];
    let index = 0;
    while (lines.length < 2000) {
      lines.push(
        `resource "aws_s3_bucket" "b${index}" {`,
        `  bucket = "\${var.prefix}-${index}"`,
        `  count  = var.enabled ? 1 : 0`,
        `  tags   = merge(local.tags, { Name = "b${index}", Index = ${index} })`,
        `  acl    = "private"`,
        `  policy = jsonencode({ Statement = [for s in var.statements : { Effect = s.effect, Resource = aws_s3_bucket.b${index}.arn }] })`,
        '  lifecycle {',
        '    ignore_changes = [tags["Owner"]]',
        '  }',
        '}',
        '',
      );
      index++;
    }
    const source = lines.join('\n');
    const first = parseHcl(source);
    assert.deepEqual(first.problems, []);
    assert.equal(first.body.blocks.length, index);
  });
});
