import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { literalValue, parseTerraformJson, referenceParts, walkExpressions } from '../../server/src/analysis/terraform/hcl';
import type { HclExpression } from '../../server/src/analysis/terraform/hcl';
import type { OffsetRange } from '../../server/src/analysis/types';

function text(source: string, range: OffsetRange): string {
  return source.slice(range.start, range.end);
}

function references(expression: HclExpression): string[] {
  const found: string[] = [];
  walkExpressions(expression, (node) => {
    const parts = referenceParts(node);
    if (node.kind === 'traversal' && parts) found.push(parts.parts.join('.'));
  });
  return found;
}

describe('Terraform JSON syntax', () => {
  const source = JSON.stringify({
    '//': 'a comment',
    terraform: { required_version: '>= 1.5' },
    provider: { aws: { region: 'eu-west-1' } },
    variable: { env: { type: 'string', default: 'dev' } },
    locals: { name: 'logs-${var.env}' },
    resource: {
      aws_s3_bucket: {
        logs: { bucket: '${local.name}', tags: { Name: 'x' }, lifecycle: { prevent_destroy: true } },
        other: { bucket: 'plain', count: 2 },
      },
      aws_s3_bucket_policy: { p: { bucket: '${aws_s3_bucket.logs.id}', policy: '${data.aws_iam_policy_document.p.json}' } },
    },
    data: { aws_iam_policy_document: { p: { statement: [{ actions: ['s3:GetObject'] }] } } },
    module: { m: { source: './m', list: ['${var.a}', 1, true, null] } },
    output: { arn: { value: '${aws_s3_bucket.logs.arn}' } },
    moved: [{ from: 'a', to: 'b' }],
  }, null, 2);
  const file = parseTerraformJson(source);

  it('maps top-level keys to blocks with the right label counts', () => {
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.body.blocks.map((b) => [b.type, ...b.labels.map((l) => l.value)].join('.')), [
      'terraform', 'provider.aws', 'variable.env', 'locals', 'resource.aws_s3_bucket.logs', 'resource.aws_s3_bucket.other',
      'resource.aws_s3_bucket_policy.p', 'data.aws_iam_policy_document.p', 'module.m', 'output.arn', 'moved',
    ]);
    assert.equal(file.body.attributes.length, 0, 'the "//" comment key is skipped');
  });

  it('gives ranges for type, labels, block, braces and attributes', () => {
    const logs = file.body.blocks[4];
    assert.equal(text(source, logs.typeRange), '"resource"');
    assert.deepEqual(logs.labels.map((l) => text(source, l.range)), ['"aws_s3_bucket"', '"logs"']);
    assert.ok(text(source, logs.range).startsWith('"logs": {'));
    assert.equal(source[logs.openBrace - 1], '{');
    assert.equal(source[logs.closeBrace], '}');
    const bucket = logs.body.attributes[0];
    assert.equal(bucket.name, 'bucket');
    assert.equal(text(source, bucket.nameRange), '"bucket"');
    assert.equal(text(source, bucket.range), '"bucket": "${local.name}"');
  });

  it('plain values become literals, tuples and objects; nested blocks stay objects', () => {
    const other = file.body.blocks[5];
    assert.deepEqual(other.body.attributes.map((a) => [a.name, a.expression.kind, literalValue(a.expression)]), [
      ['bucket', 'literal', 'plain'], ['count', 'literal', 2],
    ]);
    const logs = file.body.blocks[4];
    assert.equal(logs.body.blocks.length, 0);
    const lifecycle = logs.body.attributes.find((a) => a.name === 'lifecycle');
    assert.deepEqual(lifecycle && literalValue(lifecycle.expression), { prevent_destroy: true });
    const list = file.body.blocks[8].body.attributes[1].expression;
    assert.equal(list.kind, 'tuple');
    assert.deepEqual(references(list), ['var.a']);
  });

  it('strings with ${} are templates whose references have ranges inside the JSON string', () => {
    const policy = file.body.blocks[6].body.attributes[1];
    const refs: [string, string][] = [];
    walkExpressions(policy.expression, (node) => {
      if (node.kind === 'traversal') refs.push([referenceParts(node)?.names.join('.') ?? '', text(source, node.range)]);
    });
    assert.deepEqual(refs, [['data.aws_iam_policy_document.p.json', 'data.aws_iam_policy_document.p.json']]);
    assert.equal(text(source, policy.expression.range), '"${data.aws_iam_policy_document.p.json}"');
    assert.deepEqual(references(file.body.blocks[3].body.attributes[0].expression), ['var.env']);
  });

  it('maps ranges through JSON escapes', () => {
    const escaped = '{"locals": {"a": "\\u0041\\t${jsonencode({\\"k\\" = var.x})}"}}';
    const parsed = parseTerraformJson(escaped);
    assert.deepEqual(parsed.problems, []);
    const expression = parsed.body.blocks[0].body.attributes[0].expression;
    const found: string[] = [];
    walkExpressions(expression, (node) => {
      if (node.kind === 'traversal') found.push(text(escaped, node.range));
      if (node.kind === 'object') found.push(text(escaped, node.items[0].keyRange));
    });
    assert.deepEqual(found, ['\\"k\\"', 'var.x']);
  });

  it('repeated blocks as arrays, and .tfvars.json as attributes', () => {
    const repeated = parseTerraformJson('{"resource": {"aws_instance": {"a": [{"ami": "x"}, {"ami": "y"}]}}}');
    assert.deepEqual(repeated.body.blocks.map((b) => literalValue(b.body.attributes[0].expression)), ['x', 'y']);
    const vars = parseTerraformJson('{"region": "eu-west-1", "output": 3}', { variablesFile: true });
    assert.deepEqual(vars.body.attributes.map((a) => [a.name, literalValue(a.expression)]), [['region', 'eu-west-1'], ['output', 3]]);
    assert.equal(vars.body.blocks.length, 0);
    const guessed = parseTerraformJson('{"region": "eu-west-1"}');
    assert.deepEqual(guessed.body.attributes.map((a) => a.name), ['region'], 'unknown top-level keys are attributes');
  });

  it('half-typed JSON keeps what can be read and reports problems with ranges', () => {
    const broken = '{\n  "resource": {\n    "aws_s3_bucket": {\n      "a": { "bucket": "x", "acl": },\n      "b": { "bucket": "${var.y'
      + '" }\n    }\n  },\n  "output": 5\n';
    const parsed = parseTerraformJson(broken);
    assert.ok(parsed.problems.length >= 2);
    for (const problem of parsed.problems) assert.ok(problem.range.end <= broken.length && problem.range.start <= problem.range.end);
    const names = parsed.body.blocks.map((b) => b.labels.map((l) => l.value).join('.'));
    assert.deepEqual(names, ['aws_s3_bucket.a', 'aws_s3_bucket.b']);
    assert.ok(parsed.problems.some((p) => /Missing "}" to close the interpolation/.test(p.message) && text(broken, p.range) === '${'));
    assert.ok(parsed.problems.some((p) => /"output" block labels/.test(p.message) && text(broken, p.range) === '5'));
    assert.ok(parsed.problems.some((p) => /value expected/.test(p.message) && text(broken, p.range) === '}'));
  });

  it('garbage never throws', () => {
    for (const garbage of ['', '[]', '"x"', '{"resource": 1}', '{{{{', '\u0000\u0001', '{"a": [}', '{"resource": {"t": {"n": [1, {"x": "${"}]}}}']) {
      const parsed = parseTerraformJson(garbage);
      assert.ok(Array.isArray(parsed.problems));
      assert.ok(parsed.problems.every((p) => p.range.start >= 0 && p.range.end <= Math.max(garbage.length, 1)));
    }
    assert.ok(parseTerraformJson('[]').problems.length === 1);
  });
});
