import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { literalValue, parseHcl, referenceParts, walkExpressions } from '../../server/src/analysis/terraform/hcl';
import type { HclExpression, TemplateExpr } from '../../server/src/analysis/terraform/hcl';
import type { OffsetRange, Problem } from '../../server/src/analysis/types';

function text(source: string, range: OffsetRange): string {
  return source.slice(range.start, range.end);
}

/** Parse `x = <code>` and return the expression (ranges are offsets into `source`). */
function exprOf(code: string): { expr: HclExpression; source: string; problems: Problem[] } {
  const source = `x = ${code}\n`;
  const file = parseHcl(source);
  assert.equal(file.body.attributes.length, 1, `one attribute for ${code}`);
  return { expr: file.body.attributes[0].expression, source, problems: file.problems };
}

describe('HCL parser: structure and ranges', () => {
  const source = [
    '# leading comment',
    'resource "aws_s3_bucket" "logs" {',
    '  bucket = "my-logs" // trailing comment',
    '  /* block',
    '     comment */',
    '  versioning {',
    '    enabled = true',
    '  }',
    '}',
    '',
    'locals {',
    '  name = "x"',
    '}',
    'variable env {}',
    '',
  ].join('\n');
  const file = parseHcl(source);

  it('reads blocks, labels and attributes without problems', () => {
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.body.blocks.map((b) => b.type), ['resource', 'locals', 'variable']);
    assert.deepEqual(file.body.range, { start: 0, end: source.length });
  });

  it('gives exact ranges for type, labels, block and braces', () => {
    const block = file.body.blocks[0];
    assert.equal(text(source, block.typeRange), 'resource');
    assert.deepEqual(block.labels.map((l) => l.value), ['aws_s3_bucket', 'logs']);
    assert.deepEqual(block.labels.map((l) => text(source, l.range)), ['"aws_s3_bucket"', '"logs"']);
    assert.ok(text(source, block.range).startsWith('resource "aws_s3_bucket"'));
    assert.ok(text(source, block.range).endsWith('  }\n}'));
    assert.equal(source[block.openBrace - 1], '{');
    assert.equal(source[block.closeBrace], '}');
    assert.deepEqual(block.body.range, { start: block.openBrace, end: block.closeBrace });
  });

  it('gives exact ranges for attribute names, values and whole attributes', () => {
    const attribute = file.body.blocks[0].body.attributes[0];
    assert.equal(attribute.name, 'bucket');
    assert.equal(text(source, attribute.nameRange), 'bucket');
    assert.equal(text(source, attribute.expression.range), '"my-logs"');
    assert.equal(text(source, attribute.range), 'bucket = "my-logs"');
    assert.equal(literalValue(attribute.expression), 'my-logs');
  });

  it('reads nested blocks and identifier labels', () => {
    const nested = file.body.blocks[0].body.blocks[0];
    assert.equal(nested.type, 'versioning');
    assert.equal(nested.labels.length, 0);
    assert.equal(literalValue(nested.body.attributes[0].expression), true);
    const variable = file.body.blocks[2];
    assert.deepEqual(variable.labels.map((l) => [l.value, text(source, l.range)]), [['env', 'env']]);
    assert.equal(variable.body.attributes.length, 0);
    assert.equal(variable.openBrace, variable.closeBrace);
  });

  it('reads .tfvars (top-level attributes) and single-line blocks', () => {
    const tfvars = parseHcl('region = "eu-west-1"\ncount  = 3\ntags = { a = "b" }\nx { y = 1 }\n');
    assert.deepEqual(tfvars.problems, []);
    assert.deepEqual(tfvars.body.attributes.map((a) => [a.name, literalValue(a.expression)]), [
      ['region', 'eu-west-1'], ['count', 3], ['tags', { a: 'b' }],
    ]);
    assert.equal(tfvars.body.blocks[0].body.attributes[0].name, 'y');
  });

  it('handles CRLF line ends and a byte order mark', () => {
    const crlf = '\uFEFFresource "a" "b" {\r\n  x = 1\r\n  y = "s"\r\n}\r\n';
    const parsed = parseHcl(crlf);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.body.blocks[0].body.attributes.map((a) => literalValue(a.expression)), [1, 's']);
  });

  it('treats comment markers inside strings as text', () => {
    const parsed = parseHcl('a = "x # not a comment // nor /* this */"\nb = 2\n');
    assert.deepEqual(parsed.problems, []);
    assert.equal(literalValue(parsed.body.attributes[0].expression), 'x # not a comment // nor /* this */');
    assert.equal(parsed.body.attributes.length, 2);
  });
});

describe('HCL parser: expressions', () => {
  it('literals', () => {
    assert.equal(literalValue(exprOf('42').expr), 42);
    assert.equal(literalValue(exprOf('1.5e3').expr), 1500);
    assert.equal(literalValue(exprOf('true').expr), true);
    assert.equal(literalValue(exprOf('false').expr), false);
    assert.equal(literalValue(exprOf('null').expr), null);
    assert.equal(literalValue(exprOf('-3').expr), -3);
    assert.equal(exprOf('null').expr.kind, 'literal');
  });

  it('quoted strings decode escapes', () => {
    const { expr } = exprOf('"a\\n\\t\\"b\\\\ \\u00e9 $${x} %%{y}"');
    assert.equal(literalValue(expr), 'a\n\t"b\\ é ${x} %{y}');
  });

  it('templates with interpolation give parts with ranges', () => {
    const { expr, source } = exprOf('"arn:aws:s3:::${var.bucket}/*"');
    assert.equal(expr.kind, 'template');
    const template = expr as TemplateExpr;
    assert.equal(template.value, undefined);
    assert.deepEqual(template.parts.map((p) => p.kind), ['text', 'interpolation', 'text']);
    assert.equal(text(source, template.parts[1].range), '${var.bucket}');
    const interpolation = template.parts[1];
    assert.ok(interpolation.kind === 'interpolation');
    assert.equal(text(source, interpolation.expression.range), 'var.bucket');
    assert.deepEqual(referenceParts(interpolation.expression)?.names, ['var', 'bucket']);
    assert.equal(literalValue(expr), undefined);
  });

  it('template directives and strip markers', () => {
    const { expr } = exprOf('"%{ if var.on }yes%{ else }no%{ endif } %{ for k, v in var.m ~}  ${k}=${v}  %{~ endfor }"');
    const template = expr as TemplateExpr;
    assert.deepEqual(template.parts.map((p) => p.kind), ['if', 'text', 'for']);
    const ifPart = template.parts[0];
    assert.ok(ifPart.kind === 'if');
    assert.deepEqual(ifPart.then, [{ kind: 'text', value: 'yes', range: ifPart.then[0].range }]);
    assert.equal(ifPart.else?.[0].kind === 'text' && ifPart.else[0].value, 'no');
    const forPart = template.parts[2];
    assert.ok(forPart.kind === 'for');
    assert.equal(forPart.keyVar, 'k');
    assert.equal(forPart.valueVar, 'v');
    const texts = forPart.body.filter((p) => p.kind === 'text').map((p) => (p.kind === 'text' ? p.value : ''));
    assert.deepEqual(texts, ['=']);
  });

  it('heredocs, plain and indented', () => {
    const source = 'a = <<EOF\nline one\n  ${var.x}\nEOF\nb = <<-EOT\n    {\n      "k": "v"\n    }\n    EOT\nc = 1\n';
    const file = parseHcl(source);
    assert.deepEqual(file.problems, []);
    const [a, b, c] = file.body.attributes;
    assert.ok(a.expression.kind === 'template');
    assert.deepEqual(a.expression.heredoc, { marker: 'EOF', stripIndent: false });
    assert.equal(text(source, a.expression.range), '<<EOF\nline one\n  ${var.x}\nEOF');
    assert.equal(a.expression.parts[0].kind === 'text' && a.expression.parts[0].value, 'line one\n  ');
    assert.equal(literalValue(b.expression), '{\n  "k": "v"\n}\n');
    assert.ok(b.expression.kind === 'template' && b.expression.heredoc?.stripIndent);
    assert.equal(literalValue(c.expression), 1);
  });

  it('references (traversals) with attribute, index and splat steps', () => {
    const cases: [string, string[], string[]][] = [
      ['var.name', ['var', 'name'], ['var', 'name']],
      ['local.x', ['local', 'x'], ['local', 'x']],
      ['aws_s3_bucket.logs.id', ['aws_s3_bucket', 'logs', 'id'], ['aws_s3_bucket', 'logs', 'id']],
      ['each.key', ['each', 'key'], ['each', 'key']],
      ['count.index', ['count', 'index'], ['count', 'index']],
      ['module.m.out', ['module', 'm', 'out'], ['module', 'm', 'out']],
      ['data.aws_iam_policy_document.p.json', ['data', 'aws_iam_policy_document', 'p', 'json'], ['data', 'aws_iam_policy_document', 'p', 'json']],
      ['aws_instance.web[0].id', ['aws_instance', 'web', 'id'], ['aws_instance', 'web', '[0]', 'id']],
      ['aws_instance.web["a"].id', ['aws_instance', 'web', 'id'], ['aws_instance', 'web', '["a"]', 'id']],
      ['aws_instance.web[count.index].id', ['aws_instance', 'web', 'id'], ['aws_instance', 'web', '[?]', 'id']],
      ['aws_instance.web[*].id', ['aws_instance', 'web', 'id'], ['aws_instance', 'web', '[*]', 'id']],
      ['aws_instance.web.*.id', ['aws_instance', 'web', 'id'], ['aws_instance', 'web', '.*', 'id']],
      ['aws_instance.web.0.id', ['aws_instance', 'web', 'id'], ['aws_instance', 'web', '[0]', 'id']],
    ];
    for (const [code, names, parts] of cases) {
      const { expr, source } = exprOf(code);
      assert.equal(expr.kind, 'traversal', code);
      assert.equal(text(source, expr.range), code);
      assert.deepEqual(referenceParts(expr), { names, parts }, code);
    }
    const { expr, source } = exprOf('aws_instance.web[0].id');
    assert.ok(expr.kind === 'traversal');
    assert.equal(text(source, expr.rootRange), 'aws_instance');
    assert.deepEqual(expr.steps.map((s) => text(source, s.range)), ['web', '[0]', 'id']);
    assert.equal(referenceParts(exprOf('"${var.x}"').expr)?.names.join('.'), 'var.x');
    assert.equal(referenceParts(exprOf('"a"').expr), undefined);
  });

  it('function calls, provider functions and expanded arguments', () => {
    const { expr, source } = exprOf('merge(var.tags, { Name = "x" })');
    assert.ok(expr.kind === 'call');
    assert.equal(expr.name, 'merge');
    assert.equal(text(source, expr.nameRange), 'merge');
    assert.deepEqual(expr.args.map((a) => a.kind), ['traversal', 'object']);
    assert.equal(expr.expandFinal, false);
    const provider = exprOf('provider::aws::arn_parse(var.arn).region');
    assert.ok(provider.expr.kind === 'getattr');
    assert.equal(provider.expr.name, 'region');
    assert.ok(provider.expr.object.kind === 'call');
    assert.equal(provider.expr.object.name, 'provider::aws::arn_parse');
    assert.equal(text(provider.source, provider.expr.object.nameRange), 'provider::aws::arn_parse');
    const expanded = exprOf('min(var.list...)').expr;
    assert.ok(expanded.kind === 'call' && expanded.expandFinal);
    const multiline = exprOf('jsonencode({\n  a = 1\n  b = [\n    1,\n    2,\n  ]\n})');
    assert.deepEqual(multiline.problems, []);
    assert.deepEqual(literalValue((multiline.expr as { args: HclExpression[] }).args[0]), { a: 1, b: [1, 2] });
  });

  it('operators with precedence, unary, parentheses and conditionals', () => {
    const { expr } = exprOf('a || b && c == d + e * f');
    assert.ok(expr.kind === 'binary' && expr.operator === '||');
    assert.ok(expr.right.kind === 'binary' && expr.right.operator === '&&');
    assert.ok(expr.right.right.kind === 'binary' && expr.right.right.operator === '==');
    const sum = expr.right.right.right;
    assert.ok(sum.kind === 'binary' && sum.operator === '+');
    assert.ok(sum.right.kind === 'binary' && sum.right.operator === '*');
    const left = exprOf('1 - 2 - 3').expr;
    assert.ok(left.kind === 'binary' && left.left.kind === 'binary', 'left associative');
    const comparison = exprOf('!a < -b').expr;
    assert.ok(comparison.kind === 'binary' && comparison.operator === '<');
    assert.ok(comparison.left.kind === 'unary' && comparison.left.operator === '!');
    assert.ok(comparison.right.kind === 'unary' && comparison.right.operator === '-');
    const parens = exprOf('(a + b) * c').expr;
    assert.ok(parens.kind === 'binary' && parens.operator === '*' && parens.left.kind === 'parens');
    const conditional = exprOf('var.on ? "a" : var.x > 1 ? "b" : "c"');
    assert.ok(conditional.expr.kind === 'conditional');
    assert.equal(text(conditional.source, conditional.expr.condition.range), 'var.on');
    assert.equal(conditional.expr.falseResult.kind, 'conditional');
    const mod = exprOf('a % 2 != 0 && b >= 1 || c <= 2 && d / 2 > 1').expr;
    assert.ok(mod.kind === 'binary' && mod.operator === '||');
  });

  it('tuples and objects with key kinds, separators and ranges', () => {
    const { expr, source } = exprOf('{\n  Name = "x"\n  "quoted-key": 1,\n  (var.k) = 2\n  nested = { a = [1, "b", true, null] }\n}');
    assert.ok(expr.kind === 'object');
    assert.deepEqual(expr.items.map((i) => i.keyName), ['Name', 'quoted-key', undefined, 'nested']);
    assert.deepEqual(expr.items.map((i) => i.separator), ['=', ':', '=', '=']);
    assert.deepEqual(expr.items.map((i) => text(source, i.keyRange)), ['Name', '"quoted-key"', '(var.k)', 'nested']);
    assert.equal(text(source, expr.items[0].range), 'Name = "x"');
    assert.deepEqual(literalValue(expr.items[3].value), { a: [1, 'b', true, null] });
    const tuple = exprOf('[\n  "a",\n  var.b,\n]').expr;
    assert.ok(tuple.kind === 'tuple');
    assert.equal(tuple.items.length, 2);
    assert.equal(literalValue(tuple), undefined);
  });

  it('for expressions, list and object forms', () => {
    const list = exprOf('[for s in var.list : upper(s) if s != ""]');
    assert.ok(list.expr.kind === 'for');
    assert.equal(list.expr.isObject, false);
    assert.equal(list.expr.keyVar, undefined);
    assert.equal(list.expr.valueVar.name, 's');
    assert.equal(text(list.source, list.expr.collection.range), 'var.list');
    assert.equal(text(list.source, list.expr.value.range), 'upper(s)');
    assert.equal(text(list.source, list.expr.condition?.range ?? { start: 0, end: 0 }), 's != ""');
    const object = exprOf('{\n  for k, v in var.map :\n  k => v...\n}');
    assert.deepEqual(object.problems, []);
    assert.ok(object.expr.kind === 'for' && object.expr.isObject);
    assert.equal(object.expr.keyVar?.name, 'k');
    assert.equal(text(object.source, object.expr.key?.range ?? { start: 0, end: 0 }), 'k');
    assert.equal(object.expr.grouping, true);
  });

  it('index, getattr and splat on non-reference expressions', () => {
    const index = exprOf('[1, 2][0]').expr;
    assert.ok(index.kind === 'index' && index.collection.kind === 'tuple');
    assert.equal(literalValue(index.key), 0);
    const splat = exprOf('values(var.m)[*].id').expr;
    assert.ok(splat.kind === 'getattr' && splat.object.kind === 'splat' && splat.object.style === 'full');
    const keyed = exprOf('local.m["a b"]').expr;
    assert.ok(keyed.kind === 'traversal');
    assert.equal(keyed.steps[1].kind === 'index' && literalValue(keyed.steps[1].key), 'a b');
  });

  it('walkExpressions visits every nested reference, and can skip children', () => {
    const { expr } = exprOf('"${join(",", [for x in var.a : "${x}-${local.b[count.index]}"])}" == data.d.x ? module.m.o : each.value');
    const refs: string[] = [];
    walkExpressions(expr, (node) => {
      const parts = referenceParts(node);
      if (node.kind === 'traversal' && parts) refs.push(parts.names.join('.'));
    });
    assert.deepEqual(refs, ['var.a', 'x', 'local.b', 'count.index', 'data.d.x', 'module.m.o', 'each.value']);
    let visited = 0;
    walkExpressions(expr, () => {
      visited++;
      return false;
    });
    assert.equal(visited, 1);
  });
});
