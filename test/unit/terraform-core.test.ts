import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import type { FileSystemView, TextEdit } from '../../server/src/analysis';

/** An in-memory module: file name -> text, all in directory /m. */
function moduleView(files: Record<string, string>): { view: FileSystemView; path: (name: string) => string } {
  const view: FileSystemView = {
    listFiles: (dir) => (dir === '/m' ? Object.keys(files) : undefined),
    readFile: (path) => files[path.replace(/^\/m\//, '')],
  };
  return { view, path: (name) => `/m/${name}` };
}

function analyse(files: Record<string, string>, name = 'main.tf') {
  const { view, path } = moduleView(files);
  const analyzer = new Analyzer({ files: view });
  const input = { path: path(name), text: files[name] };
  return { analyzer, input, result: analyzer.analyze(input) };
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.range.start - a.range.start).reduce((current, edit) => current.slice(0, edit.range.start) + edit.newText + current.slice(edit.range.end), text);
}

const rds = (extra: string) => `resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t4g.micro"\n${extra}}\n`;

describe('Terraform core', () => {
  test('a variable default is resolved, with its provenance in the message', () => {
    const { result } = analyse({ 'main.tf': `variable "public" {\n  default = true\n}\n\n${rds('  publicly_accessible = var.public\n')}` });
    assert.equal(result.kind, 'terraform');
    const finding = result.findings.find((candidate) => candidate.ruleId === 'rds-not-public');
    assert.ok(finding);
    assert.match(finding.message, /publicly_accessible is true \(var\.public, default\)/);
    assert.equal(finding.resource.id, 'aws_db_instance.db');
  });

  test('terraform.tfvars overrides the default; locals and conditionals resolve', () => {
    const files = {
      'main.tf': `variable "public" {\n  default = true\n}\nlocals {\n  expose = var.public ? true : false\n}\n${rds('  publicly_accessible = local.expose\n')}`,
      'terraform.tfvars': 'public = false\n',
    };
    assert.equal(analyse(files).result.findings.filter((finding) => finding.ruleId === 'rds-not-public').length, 0);
  });

  test('split settings in another file of the module count, and the finding names the child when it is wrong', () => {
    const bucket = 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n';
    const versioning = (status: string) => `resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "${status}"\n  }\n}\n`;
    const good = analyse({ 'main.tf': bucket, 'versioning.tf': versioning('Enabled') }).result;
    assert.deepEqual(good.findings.filter((finding) => finding.ruleId === 's3-versioning'), []);
    const bad = analyse({ 'main.tf': bucket, 'versioning.tf': versioning('Suspended') }).result;
    const finding = bad.findings.find((candidate) => candidate.ruleId === 's3-versioning');
    assert.ok(finding, 'a suspended versioning configuration is reported on the bucket');
    assert.match(finding.message, /aws_s3_bucket_versioning\.data/);
    assert.equal(finding.related[0]?.file, '/m/versioning.tf');
  });

  test('for_each instances that agree are reported once on the base address', () => {
    const { result } = analyse({ 'main.tf': `resource "aws_db_instance" "db" {\n  for_each            = { a = 1, b = 2 }\n  engine              = "postgres"\n  instance_class      = "db.t4g.micro"\n  publicly_accessible = true\n}\n` });
    const findings = result.findings.filter((finding) => finding.ruleId === 'rds-not-public');
    assert.deepEqual(findings.map((finding) => finding.resource.id), ['aws_db_instance.db']);
  });

  test('for_each instances that differ are reported per instance address', () => {
    const { result } = analyse({ 'main.tf': `resource "aws_db_instance" "db" {\n  for_each            = { a = true, b = false }\n  engine              = "postgres"\n  instance_class      = "db.t4g.micro"\n  publicly_accessible = each.value\n}\n` });
    const findings = result.findings.filter((finding) => finding.ruleId === 'rds-not-public');
    assert.deepEqual(findings.map((finding) => finding.resource.id), ['aws_db_instance.db["a"]']);
  });

  test('the quick fix sets the argument inside the block with its indentation', () => {
    const text = rds('  publicly_accessible = true\n');
    const { analyzer, input, result } = analyse({ 'main.tf': text });
    const finding = result.findings.find((candidate) => candidate.ruleId === 'rds-not-public');
    assert.ok(finding);
    const action = analyzer.codeActions(input, finding.range).find((candidate) => candidate.finding.ruleId === 'rds-not-public' && candidate.isPreferred);
    assert.ok(action);
    assert.equal(apply(text, action.fix.edits), rds('  publicly_accessible = false\n'));
  });

  test('a missing split setting is fixed by adding the split resource', () => {
    const text = 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n';
    const { analyzer, input, result } = analyse({ 'main.tf': text });
    const finding = result.findings.find((candidate) => candidate.ruleId === 's3-versioning');
    assert.ok(finding, 'no versioning resource: a finding on the bucket');
    const action = analyzer.codeActions(input, finding.range).find((candidate) => candidate.finding.ruleId === 's3-versioning' && candidate.isPreferred);
    assert.ok(action, 'a fix that adds aws_s3_bucket_versioning');
    const fixed = apply(text, action.fix.edits);
    assert.match(fixed, /resource "aws_s3_bucket_versioning" "data" \{\n {2}bucket = aws_s3_bucket\.data\.id\n {2}versioning_configuration \{\n {4}status = "Enabled"\n {2}\}\n\}/);
    assert.deepEqual(analyse({ 'main.tf': fixed }).result.findings.filter((candidate) => candidate.ruleId === 's3-versioning'), []);
  });

  test('a suppression comment above the block silences the rule for that resource, with its reason', () => {
    const text = `# iac-hints-ignore rds-not-public: reachable only through the VPN subnet\n${rds('  publicly_accessible = true\n')}`;
    const { result } = analyse({ 'main.tf': text });
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'rds-not-public'), []);
    assert.equal(result.suppressed.find((entry) => entry.finding.ruleId === 'rds-not-public')?.reason, 'reachable only through the VPN subnet');
  });

  test('hover on the type label names the service category; on an argument, the item and resolved value', () => {
    const text = rds('  publicly_accessible = true\n');
    const { analyzer, input } = analyse({ 'main.tf': text });
    const typeHover = analyzer.hover(input, text.indexOf('aws_db_instance') + 2);
    assert.match(typeHover?.markdown ?? '', /Container service/);
    const argumentHover = analyzer.hover(input, text.indexOf('publicly_accessible') + 2);
    assert.match(argumentHover?.markdown ?? '', /Customer responsibility: network exposure/);
    assert.match(argumentHover?.markdown ?? '', /publicly_accessible is true/);
  });

  test('a half-typed block keeps the other resources', () => {
    const text = `resource "aws_s3_bucket" "half" {\n  bucket = \n\n${rds('  publicly_accessible = true\n')}`;
    const { result } = analyse({ 'main.tf': text });
    assert.ok(result.problems.length > 0);
    assert.ok(result.findings.some((finding) => finding.ruleId === 'rds-not-public'));
  });
});

describe('Terraform module calls', () => {
  test('a remote module source is noted as not analysed, never guessed', () => {
    const text = 'module "bucket" {\n  source  = "terraform-aws-modules/s3-bucket/aws"\n  version = "~> 4.0"\n}\n';
    const { result } = analyse({ 'main.tf': text });
    const note = result.problems.find((problem) => problem.message.includes('not a local path'));
    assert.ok(note);
    assert.equal(note.severity, 'info');
    assert.equal(text.slice(note.range.start, note.range.end), '"terraform-aws-modules/s3-bucket/aws"');
  });
});

describe('Terraform hovers on split resources', () => {
  test('an argument of aws_s3_bucket_versioning says which duty it carries for the bucket, and its value', () => {
    const versioning = 'resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n';
    const { analyzer, input } = analyse({ 'main.tf': 'resource "aws_s3_bucket" "data" {}\n', 'versioning.tf': versioning }, 'versioning.tf');
    const hover = analyzer.hover(input, versioning.indexOf('status') + 2);
    assert.match(hover?.markdown ?? '', /Customer responsibility: integrity and versioning/);
    assert.match(hover?.markdown ?? '', /versioning_configuration\.status is 'Enabled'/);
    assert.match(hover?.markdown ?? '', /aws_s3_bucket/);
  });
});

describe('Terraform: a top-level block with the wrong number of labels, which Terraform rejects', () => {
  test('too few or too many labels: an error at the block header (a CI scan exits 1); valid blocks have none', () => {
    const text = 'resource "aws_s3_bucket" {\n}\nresource "aws_s3_bucket" "a" "b" {\n}\nvariable {\n}\nlocals "x" {\n}\nmodule {\n  source = "./m"\n}\nresource "aws_s3_bucket" "ok" {\n}\n';
    const { result } = analyse({ 'main.tf': text });
    const errors = result.problems.filter((problem) => problem.severity === 'error')
      .map((problem) => `${text.slice(problem.range.start, problem.range.end)} | ${problem.message.split(':')[0]}`);
    assert.deepEqual(errors, [
      'resource "aws_s3_bucket" | Missing name for resource',
      'resource "aws_s3_bucket" "a" "b" | Extraneous label for resource',
      'variable | Missing name for variable',
      'locals "x" | Extraneous label for locals',
      'module | Missing name for module',
    ]);
    assert.ok(result.findings.some((finding) => finding.resource.id === 'aws_s3_bucket.ok'));
  });

  test('Terraform JSON blocks get their labels from the nesting: no label problem', () => {
    const json = '{"resource": {"aws_s3_bucket": {"b": {}}}, "variable": {"v": {}}, "locals": {"x": 1}, "output": {"o": {"value": 1}}, "provider": {"aws": {}}, "terraform": {}}';
    const { result } = analyse({ 'main.tf.json': json }, 'main.tf.json');
    assert.deepEqual(result.problems.filter((problem) => problem.severity === 'error'), []);
  });
});
