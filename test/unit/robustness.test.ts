import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';

const examples = path.resolve(__dirname, '../../..', 'examples/cloudformation');

describe('bad input never throws', () => {
  for (const name of ['web-stack.yaml', 'web-stack.json']) {
    test(`every prefix of ${name} (a document being typed) analyses without throwing`, () => {
      const text = readFileSync(path.join(examples, name), 'utf8');
      const analyzer = new Analyzer();
      let analysed = 0;
      for (let end = 0; end <= text.length; end += 7) {
        const result = analyzer.analyze({ path: name, text: text.slice(0, end) });
        assert.ok(['cloudformation', 'skipped'].includes(result.kind));
        analysed++;
      }
      assert.ok(analysed > 50);
    });
  }
  test('a half-typed YAML template still yields the resources before and after the damage', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n  Half:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: [\n  Db2:\n    Type: AWS::RDS::DBInstance\n';
    const result = new Analyzer().analyze({ path: 't.yaml', text });
    assert.equal(result.kind, 'cloudformation');
    assert.ok(result.problems.some((problem) => problem.severity === 'error'));
    assert.deepEqual(result.resources.map((resource) => resource.id), ['Db', 'Half', 'Db2']);
    assert.ok(result.findings.some((finding) => finding.resource.id === 'Db2'));
  });
  test('binary content is skipped', () => {
    const result = new Analyzer().analyze({ path: 'x.yaml', text: 'AWSTemplateFormatVersion\u0000\u0001\u0002Resources' });
    assert.equal(result.kind, 'skipped');
    assert.equal(result.skipReason, 'binary file');
  });
  test('a file over the size limit is skipped with a message', () => {
    const result = new Analyzer({ maxFileSize: 100 }).analyze({ path: 'x.yaml', text: `AWSTemplateFormatVersion: x\nResources: {}\n${'#'.repeat(200)}` });
    assert.equal(result.kind, 'skipped');
    assert.match(result.problems[0]?.message ?? '', /over the 100 limit/);
  });
  test('random garbage in a template-looking file does not throw', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = 'AWS::Resources: !Ref[]{}-"\'\n  \t&*|>#%@`,?';
    for (let round = 0; round < 200; round++) {
      let text = 'AWSTemplateFormatVersion: x\nResources:\n';
      for (let i = 0; i < 200; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const result = new Analyzer().analyze({ path: 'g.yaml', text });
      assert.ok(result.kind === 'cloudformation' || result.kind === 'skipped');
    }
  });
});

describe('bad Terraform input never throws', () => {
  test('random garbage and every prefix of a module file analyse without throwing', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = 'resource "aws_s3_bucket" {}[]()=:,.${}%~<<EOF\n\t#/*"\\ var.x each.key count.index ? : 0 true null';
    const analyzer = new Analyzer();
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < 300; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      assert.equal(analyzer.analyze({ path: `/g/${round}.tf`, text }).kind, 'terraform');
    }
    const module = 'variable "x" {\n  default = true\n}\nresource "aws_db_instance" "db" {\n  for_each = { a = 1 }\n  publicly_accessible = var.x ? true : false\n  tags = { Name = "${each.key}-db" }\n}\n';
    for (let end = 0; end <= module.length; end += 3) {
      assert.equal(analyzer.analyze({ path: '/p/main.tf', text: module.slice(0, end) }).kind, 'terraform');
    }
  });
});
