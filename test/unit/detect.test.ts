import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';

const analyzer = new Analyzer();
const kindOf = (path: string, text: string) => analyzer.analyze({ path, text }).kind;

describe('template detection', () => {
  const templates: [string, string][] = [
    ['version only', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n'],
    ['SAM transform', 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n'],
    ['resources with AWS types', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n'],
    ['JSON', '{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}'],
  ];
  for (const [name, text] of templates) {
    test(`recognises: ${name}`, () => assert.equal(kindOf(name.includes('JSON') ? 't.json' : 't.yaml', text), 'cloudformation'));
  }
  const others: [string, string][] = [
    ['k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  Resources: AWS::S3::Bucket\n'],
    ['.github/workflows/ci.yml', 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo Resources AWS::S3::Bucket\n'],
    ['docker-compose.yml', 'services:\n  web:\n    image: nginx # AWS:: Resources\n'],
    ['serverless.yml', 'service: x\nresources:\n  Resources:\n    B:\n      Type: AWS::S3::Bucket\n'],
    ['package.json', '{"name": "x", "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}'],
    ['tsconfig.json', '{"compilerOptions": {}}'],
    ['playbook.yml', '- hosts: all\n  tasks:\n    - name: Resources AWS::S3::Bucket\n      debug: {}\n'],
    ['multi.yaml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n---\nkind: Service\n'],
    ['notes.txt', 'AWSTemplateFormatVersion Resources'],
  ];
  for (const [path, text] of others) {
    test(`skips ${path}`, () => {
      const result = analyzer.analyze({ path, text });
      assert.equal(result.kind, 'skipped');
      assert.deepEqual(result.findings, []);
      assert.ok(result.skipReason && result.skipReason.length > 0);
    });
  }

  // A template-looking file whose syntax errors leave no recognisable template is reported, never skipped in
  // silence; other files with the same words and an error stay skipped.
  const brokenTemplates: [string, string][] = [
    ['broken.yaml', 'Resources:\n  B: [\n    Type: AWS::S3::Bucket\n  - {\n'],
    ['broken.json', '{"Resources": {"B": {"Type": "AWS::S3::Bucket", ]]]'],
  ];
  for (const [path, text] of brokenTemplates) {
    test(`reports the syntax errors of ${path}`, () => {
      const result = analyzer.analyze({ path, text });
      assert.equal(result.kind, 'cloudformation', result.skipReason);
      assert.ok(result.problems.some((problem) => problem.severity === 'error'), JSON.stringify(result.problems));
    });
  }
  const brokenOthers: [string, string][] = [
    ['k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata: [\n  Resources: AWS::S3::Bucket\n'],
    ['playbook.yml', '- hosts: all\n  tasks: [\n    - name: Resources AWS::S3::Bucket\n'],
  ];
  for (const [path, text] of brokenOthers) {
    test(`still skips a broken ${path} that only mentions the words`, () => assert.equal(analyzer.analyze({ path, text }).kind, 'skipped'));
  }
});
