import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseYaml } from '../../server/src/analysis/parse/yaml';
import { parseJson } from '../../server/src/analysis/parse/json';
import { IncrementalYamlParser, parseTemplateYaml } from '../../server/src/analysis/parse/incrementalYaml';
import type { MapNode, ValueNode } from '../../server/src/analysis';
import { unmark } from './support/ruleTester';

function valueAt(root: ValueNode | undefined, ...path: string[]): ValueNode | undefined {
  let node = root;
  for (const key of path) {
    if (node?.kind !== 'map') return undefined;
    node = (node as MapNode).entries.find((entry) => entry.key === key)?.value;
  }
  return node;
}

function slice(text: string, node: { range: { start: number; end: number } } | undefined): string {
  assert.ok(node, 'node should exist');
  return text.slice(node.range.start, node.range.end);
}

describe('YAML short-form intrinsic tags', () => {
  const scalarTags: [string, string][] = [
    ['Ref', 'Ref'], ['Sub', 'Fn::Sub'], ['Base64', 'Fn::Base64'], ['ImportValue', 'Fn::ImportValue'], ['GetAZs', 'Fn::GetAZs'],
    ['Condition', 'Condition'], ['GetAtt', 'Fn::GetAtt'],
  ];
  for (const [tag, long] of scalarTags) {
    test(`!${tag} in scalar form becomes ${long}`, () => {
      const text = `Value: !${tag} Some.Thing\n`;
      const value = valueAt(parseYaml(text).root, 'Value');
      assert.equal(value?.kind, 'intrinsic');
      if (value?.kind !== 'intrinsic') return;
      assert.equal(value.name, long);
      assert.equal(text.slice(value.nameRange.start, value.nameRange.end), `!${tag}`);
      assert.equal(slice(text, value), `!${tag} Some.Thing`);
    });
  }
  const sequenceTags: [string, string][] = [
    ['Join', 'Fn::Join'], ['If', 'Fn::If'], ['Select', 'Fn::Select'], ['Split', 'Fn::Split'], ['FindInMap', 'Fn::FindInMap'],
    ['Cidr', 'Fn::Cidr'], ['Equals', 'Fn::Equals'], ['And', 'Fn::And'], ['Or', 'Fn::Or'], ['Not', 'Fn::Not'], ['GetAtt', 'Fn::GetAtt'], ['Sub', 'Fn::Sub'],
  ];
  for (const [tag, long] of sequenceTags) {
    test(`!${tag} in flow and block sequence form becomes ${long}`, () => {
      for (const text of [`Value: !${tag} [a, b, c]\n`, `Value: !${tag}\n  - a\n  - b\n  - c\n`]) {
        const value = valueAt(parseYaml(text).root, 'Value');
        assert.ok(value?.kind === 'intrinsic' && value.name === long, text);
        if (value?.kind !== 'intrinsic') return;
        assert.equal(value.argument.kind, 'seq');
        assert.equal(value.range.start, text.indexOf('!'));
      }
    });
  }
  test('!Transform and !Sub in mapping form', () => {
    const text = 'A: !Transform\n  Name: AWS::Include\n  Parameters: {Location: s3://x}\nB: !Sub\n  - "${X}"\n  - X: !Ref Y\n';
    const root = parseYaml(text).root;
    const a = valueAt(root, 'A');
    assert.ok(a?.kind === 'intrinsic' && a.name === 'Fn::Transform' && a.argument.kind === 'map');
    const b = valueAt(root, 'B');
    assert.ok(b?.kind === 'intrinsic' && b.name === 'Fn::Sub' && b.argument.kind === 'seq');
  });
  test('!GetAtt A.B is split into [A, B] with ranges inside the scalar', () => {
    const text = 'V: !GetAtt Bucket.Arn\n';
    const value = valueAt(parseYaml(text).root, 'V');
    assert.ok(value?.kind === 'intrinsic' && value.argument.kind === 'seq');
    if (value?.kind !== 'intrinsic' || value.argument.kind !== 'seq') return;
    assert.deepEqual(value.argument.items.map((item) => slice(text, item)), ['Bucket', 'Arn']);
  });
  test('long form in YAML and JSON normalises to the same intrinsic', () => {
    const yaml = valueAt(parseYaml('V:\n  Fn::GetAtt: [Bucket, Arn]\n').root, 'V');
    const json = valueAt(parseJson('{"V": {"Fn::GetAtt": ["Bucket", "Arn"]}}').root, 'V');
    assert.ok(yaml?.kind === 'intrinsic' && yaml.name === 'Fn::GetAtt');
    assert.ok(json?.kind === 'intrinsic' && json.name === 'Fn::GetAtt');
  });
  test('an IAM statement Condition block is not mistaken for the Condition function', () => {
    const value = valueAt(parseYaml('S:\n  Condition:\n    Bool: {aws:SecureTransport: false}\n').root, 'S');
    assert.equal(value?.kind, 'map');
  });
  test('unknown tags are reported as problems, known ones are not', () => {
    const result = parseYaml('A: !Ref X\nB: !Nonsense y\n');
    assert.deepEqual(result.problems.map((problem) => problem.message), ['Unknown tag !Nonsense']);
  });
});

describe('key and value ranges', () => {
  test('YAML and JSON keep exact key and value ranges', () => {
    const { text: yaml, ranges } = unmark('Resources:\n  ⟦Bucket⟧:\n    Type: ⟦AWS::S3::Bucket⟧\n');
    const entry = (valueAt(parseYaml(yaml).root, 'Resources') as MapNode).entries[0];
    assert.deepEqual(entry.keyRange, ranges[0]);
    assert.deepEqual(valueAt(entry.value, 'Type')?.range, ranges[1]);
    const { text: json, ranges: jsonRanges } = unmark('{"Resources": {⟦"Bucket"⟧: {"Type": ⟦"AWS::S3::Bucket"⟧}}}');
    const jsonEntry = (valueAt(parseJson(json).root, 'Resources') as MapNode).entries[0];
    assert.deepEqual(jsonEntry.keyRange, jsonRanges[0]);
    assert.deepEqual(valueAt(jsonEntry.value, 'Type')?.range, jsonRanges[1]);
  });
});

describe('bad input', () => {
  test('an alias bomb is cut off with a problem instead of exploding', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const result = parseYaml(text);
    assert.ok(result.problems.some((problem) => problem.message.includes('alias bomb')), JSON.stringify(result.problems));
  });
  test('malformed JSON still yields what can be recognised', () => {
    const result = parseJson('{"Resources": {"A": {"Type": "AWS::S3::Bucket"}, "B": {"Type": ');
    assert.ok(result.problems.length > 0);
    assert.equal(valueAt(valueAt(result.root, 'Resources'), 'A', 'Type')?.kind, 'scalar');
  });
  test('multiple YAML documents are flagged', () => {
    assert.equal(parseYaml('a: 1\n---\nb: 2\n').multipleDocuments, true);
  });
});

describe('incremental YAML parsing', () => {
  const base = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  P:
    Type: String
Resources:
  A:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${P}-a"

  # a comment between resources
  B:
    Type: AWS::SQS::Queue
    Properties:
      Description: |
        several
        lines
Outputs:
  O:
    Value: !Ref A
`;
  test('gives the same tree as a full parse, before and after edits', () => {
    const parser = new IncrementalYamlParser();
    const edits = [
      (text: string) => text,
      (text: string) => text.replace('-a"', '-abc"'),
      (text: string) => text.replace('Description: |', 'Description: >'),
      (text: string) => text.replace('  B:\n', '  Bee:\n'),
      (text: string) => text.replace('Outputs:', 'Outputs:\n  X:\n    Value: 1'),
      (text: string) => text.replace('    Type: AWS::SQS::Queue\n', '    Type: [unclosed\n'),
    ];
    let text = base;
    for (const edit of edits) {
      text = edit(text);
      const incremental = parser.parse(text);
      // The one semantics both hosts use (parse/incrementalYaml.ts), and for a valid text the whole document's tree.
      assert.deepEqual(incremental, parseTemplateYaml(text), text);
      const full = parseYaml(text);
      if (!full.problems.some((problem) => problem.severity === 'error')) assert.deepEqual(incremental, full, text);
    }
  });
  test('a YAML error in one resource: the other resources are read as written, by the chunks and by the single parse', () => {
    const broken = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Broken: oops\n    Type: AWS::S3::Bucket\n  Logs:\n    Type: AWS::S3::Bucket\n';
    // The YAML library's own recovery nests Logs inside Broken: that is what both hosts used to disagree on.
    assert.equal(valueAt(parseYaml(broken).root, 'Resources', 'Logs'), undefined);
    const single = parseTemplateYaml(broken);
    assert.deepEqual(valueAt(single.root, 'Resources', 'Logs', 'Type'), { kind: 'scalar', value: 'AWS::S3::Bucket', range: { start: broken.lastIndexOf('AWS::S3::Bucket'), end: broken.length - 1 } });
    assert.equal(valueAt(single.root, 'Resources', 'Broken', 'Type'), undefined);
    assert.ok(single.problems.some((problem) => problem.severity === 'error' && problem.message.startsWith('YAML:')));
    assert.deepEqual(new IncrementalYamlParser().parse(broken), single);
    const typing = new IncrementalYamlParser();
    typing.parse(broken.replace('Broken: oops', 'Broken:'));
    assert.deepEqual(typing.parse(broken), single, 'with the chunks of the valid text cached');
  });
  test('a document marker line with content after it: the whole stream, several documents, in both paths', () => {
    const text = `${base}--- !!str second document\n`;
    assert.equal(parseTemplateYaml(text).multipleDocuments, true);
    assert.equal(new IncrementalYamlParser().parse(text).multipleDocuments, true);
    const typing = new IncrementalYamlParser();
    typing.parse(base);
    assert.equal(typing.parse(text).multipleDocuments, true, 'with the chunks of the single document cached');
  });
  test('a half-typed resource keeps the others', () => {
    const text = base.replace('    Type: AWS::SQS::Queue\n', '    Type: AWS::SQS::Queue\n    Properties: {unclosed\n');
    const result = new IncrementalYamlParser().parse(text);
    assert.ok(result.problems.length > 0);
    assert.ok(valueAt(result.root, 'Resources', 'A', 'Type'));
    assert.ok(valueAt(result.root, 'Outputs', 'O'));
  });
});
