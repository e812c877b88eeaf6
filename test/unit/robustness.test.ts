import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { visit } from 'jsonc-parser';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer, LineIndex } from '../../server/src/analysis';
import type { FileAnalysis } from '../../server/src/analysis';
import { IncrementalYamlParser, parseTemplateYaml } from '../../server/src/analysis/parse/incrementalYaml';
import { boundJsonNesting } from '../../server/src/analysis/parse/jsonNesting';
import { RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import { analyseExample, exampleInput } from './support/examples';

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

// Hostile input, generated (issue 10, "Hostile input"; the cases themselves are in cases/editor-hostile-input):
// nesting 10,000 levels deep in every format, 50,000 stray characters, and every example fixture with lone-CR
// line breaks. Whatever comes in: no throw, no internal error, at most MAX_PARSE_PROBLEMS problems from the
// parser (plus the few the template itself may add), every range inside the text. No timing is asserted.
describe('hostile input', () => {
  const NESTING = /Nested too deeply \(more than 100 levels\)/;

  /** The invariants; returns the analysis for further checks. */
  function sound(file: string, text: string, analyzer = new Analyzer()): FileAnalysis {
    let result: FileAnalysis | undefined;
    assert.doesNotThrow(() => (result = analyzer.analyze({ path: file, text })));
    assert.ok(result);
    const messages = result.problems.map((problem) => problem.message);
    assert.ok(!messages.some((message) => /Internal error|failed unexpectedly|could not be (parsed|read)|Maximum call stack/.test(message)), JSON.stringify(messages.slice(0, 5)));
    assert.ok(result.problems.length <= 100, `${result.problems.length} problems`);
    for (const problem of result.problems) assert.ok(problem.range.start >= 0 && problem.range.start <= problem.range.end && problem.range.end <= text.length, `${problem.message} ${JSON.stringify(problem.range)}`);
    for (const finding of result.findings) assert.ok(finding.range.start >= 0 && finding.range.start <= finding.range.end && finding.range.end <= text.length, finding.ruleId);
    return result;
  }

  const N = 10_000;
  const yamlHead = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';
  const jsonHead = '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Metadata": ';
  const deep: Record<string, [file: string, text: string]> = {
    'YAML flow sequences': ['t.yaml', `${yamlHead}    Metadata: ${'['.repeat(N)}${']'.repeat(N)}\n`],
    'YAML flow mappings': ['t.yaml', `${yamlHead}    Metadata: ${'{a: '.repeat(N)}1${'}'.repeat(N)}\n`],
    'YAML unclosed flow sequences': ['t.yaml', `${yamlHead}    Metadata: ${'['.repeat(N)}\n`],
    'YAML compact block sequences': ['t.yaml', `${yamlHead}    Metadata:\n      ${'- '.repeat(N)}x\n  Other:\n    Type: AWS::S3::Bucket\n`],
    // A block mapping needs one more space a level (10,000 levels would pass the 5 MiB limit); the library's
    // composer overflows near 800.
    'YAML block mappings': ['t.yaml', `${yamlHead}    Metadata:\n${Array.from({ length: 1500 }, (_, level) => `${' '.repeat(6 + level)}k:\n`).join('')}  Other:\n    Type: AWS::S3::Bucket\n`],
    'YAML short-form !If': ['t.yaml', `${yamlHead}    Properties:\n      BucketName: ${'!If [C, a, '.repeat(N)}x${']'.repeat(N)}\n`],
    'YAML an alias chain': ['t.yaml', `AWSTemplateFormatVersion: "2010-09-09"\nMappings:\n  M:\n    A0: &a0 [x]\n${Array.from({ length: 300 }, (_, i) => `    A${i + 1}: &a${i + 1} [*a${i}]\n`).join('')}Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Metadata: *a300\n`],
    'JSON arrays': ['t.json', `${jsonHead}${'['.repeat(N)}${']'.repeat(N)}}}}`],
    'JSON objects': ['t.json', `${jsonHead}${'{"a": '.repeat(N)}1${'}'.repeat(N)}}}}`],
    'JSON unclosed arrays': ['t.json', `${jsonHead}${'['.repeat(N)}`],
    // jsonc-parser skips a stray `}` in an array up to the next comma: each `[` then opens one more level.
    'JSON arrays with stray closers': ['t.json', `${jsonHead}${'[},'.repeat(N)}`],
    'JSON Fn::If': ['t.json', `${jsonHead}{}, "Properties": {"BucketName": ${'{"Fn::If": ["C", "a", '.repeat(N)}"x"${']}'.repeat(N)}}}}}`],
    'HCL lists': ['main.tf', `locals {\n  x = ${'['.repeat(N)}${']'.repeat(N)}\n}\n`],
    'HCL parentheses': ['main.tf', `locals {\n  x = ${'('.repeat(N)}1${')'.repeat(N)}\n}\n`],
    'HCL object keys': ['main.tf', `locals {\n  x = ${'{'.repeat(N)}\n}\n`],
    'HCL objects': ['main.tf', `locals {\n  x = ${'{a = '.repeat(N)}1${'}'.repeat(N)}\n}\n`],
    'HCL interpolations': ['main.tf', `locals {\n  x = ${'"${'.repeat(N)}1${'}"'.repeat(N)}\n}\n`],
    'HCL unary operators': ['main.tf', `locals {\n  x = ${'!'.repeat(N)}true\n}\n`],
    'HCL conditionals': ['main.tf', `locals {\n  x = ${'true ? 1 : '.repeat(N)}2\n}\n`],
    'HCL index steps': ['main.tf', `locals {\n  x = a${'[b'.repeat(N)}${']'.repeat(N)}\n}\n`],
    'HCL blocks': ['main.tf', `resource "aws_s3_bucket" "d" {\n${'dynamic "x" {\n'.repeat(N)}${'}\n'.repeat(N)}}\n`],
    'HCL an expression inside a resource': ['main.tf', `resource "aws_s3_bucket" "e" {\n  tags = ${'['.repeat(N)}${']'.repeat(N)}\n}\n`],
    'Terraform JSON arrays': ['main.tf.json', `{"locals": {"x": ${'['.repeat(N)}${']'.repeat(N)}}}`],
  };
  for (const [name, [file, text]] of Object.entries(deep)) {
    test(`nesting: ${name}, one "nested too deeply" warning, the file still analysed`, () => {
      const result = sound(file, text);
      assert.notEqual(result.kind, 'skipped', result.skipReason);
      assert.ok(result.problems.some((problem) => NESTING.test(problem.message)), JSON.stringify(result.problems.slice(0, 3)));
      if (file.startsWith('t.')) assert.ok(result.findings.some((finding) => finding.resource.id === 'Bucket'));
    });
  }

  const STRAY = 50_000;
  const stray: Record<string, [file: string, text: string]> = {
    'YAML "}"': ['t.yaml', `${yamlHead}    Properties:\n      BucketName: ${'}'.repeat(STRAY)}\n`],
    'YAML "! "': ['t.yaml', `${yamlHead}    Properties:\n      BucketName: ${'! '.repeat(STRAY / 2)}\n`],
    'YAML "]" on their own lines': ['t.yaml', `${yamlHead}    Properties:\n${'      ]\n'.repeat(STRAY / 8)}`],
    'JSON "]"': ['t.json', `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "x"${']'.repeat(STRAY)}}}}}`],
    'JSON ","': ['t.json', `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [${','.repeat(STRAY)}]}}}}`],
    'HCL "}"': ['main.tf', `resource "aws_s3_bucket" "b" {\n  bucket = "x" ${'}'.repeat(STRAY)}\n}\n`],
    'HCL "@" lines': ['main.tf', `resource "aws_s3_bucket" "b" {\n${'@\n'.repeat(STRAY / 2)}}\n`],
    'HCL "x @" lines (no run to merge)': ['main.tf', `${'x @\n'.repeat(STRAY / 4)}resource "aws_s3_bucket" "b" {\n}\n`],
  };
  for (const [name, [file, text]] of Object.entries(stray)) {
    test(`${STRAY} stray characters: ${name}, problems bounded, the bucket still analysed`, () => {
      const result = sound(file, text);
      assert.ok(result.findings.some((finding) => /Bucket|aws_s3_bucket\.b/.test(finding.resource.id)), result.skipReason);
    });
  }

  test('random bracket soup: jsonc-parser never nests deeper than the bound in the text it is given (seeded)', () => {
    // The depth jsonc-parser itself reaches (its recursion), counted through its visitor.
    const depthOf = (text: string): number => {
      let depth = 0;
      let max = 0;
      const enter = (): void => {
        max = Math.max(max, ++depth);
      };
      visit(text, { onObjectBegin: enter, onArrayBegin: enter, onObjectEnd: () => depth--, onArrayEnd: () => depth-- });
      return max;
    };
    let seed = 23;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    // Openers, some with stray closers jsonc-parser skips; and strings, comments and closers in between.
    const openers = ['[},', '[},', '[},', '{"a":', '{]"b":', '["x",', '{"c":[},'];
    const others = [']', '}', ',', '"x\\""', '"x\n', '\n', '//c\n', '/*]*/', ':', '1', '"["', ']}', '{}', '"\\'];
    let deeper = 0;
    for (let round = 0; round < 60; round++) {
      let text = '';
      while (text.length < 3000) text += random() < 0.7 ? openers[Math.floor(random() * openers.length)] : others[Math.floor(random() * others.length)];
      if (depthOf(text) > 100) deeper++;
      assert.ok(depthOf(boundJsonNesting(text).text) <= 100, `round ${round}`);
      sound('t.json', `${jsonHead}${text}`);
    }
    assert.ok(deeper >= 20, `${deeper} soups deeper than the bound`);
  });

  /** The same text with every line break a lone CR. */
  const crOnly = (text: string): string => text.replace(/\r\n|\n/g, '\r');

  /** Findings as an editor shows them: rule, resource, line and character of each end. */
  function positions(result: FileAnalysis, text: string): string[] {
    const lines = new LineIndex(text);
    return result.findings.map((finding) => {
      const { start, end } = lines.rangeOf(finding.range);
      return `${finding.resource.id} ${finding.ruleId} ${start.line}:${start.character}-${end.line}:${end.character}`;
    });
  }

  /** Problems without the one that says a Terraform file has lone CRs, with line/character positions. */
  function problemPositions(result: FileAnalysis, text: string): string[] {
    const lines = new LineIndex(text);
    return result.problems.filter((problem) => !problem.message.startsWith('This file breaks lines with a lone carriage return')).map((problem) => {
      const { start, end } = lines.rangeOf(problem.range);
      return `${problem.message} ${start.line}:${start.character}-${end.line}:${end.character}`;
    });
  }

  test('lone CR line breaks: every example template gives the findings and problems of its LF text, at the same positions', () => {
    let compared = 0;
    for (const name of readdirSync(examples)) {
      const text = readFileSync(path.join(examples, name), 'utf8');
      const cr = crOnly(text);
      const lf = new Analyzer().analyze({ path: name, text });
      const result = sound(name, cr);
      assert.deepEqual(positions(result, cr), positions(lf, text), name);
      assert.deepEqual(problemPositions(result, cr), problemPositions(lf, text), name);
      if (name.endsWith('.yaml')) assert.deepEqual(new IncrementalYamlParser().parse(cr), parseTemplateYaml(cr), name);
      compared++;
    }
    assert.equal(compared, 2);
  });

  test('lone CR line breaks: the example Terraform module gives the findings of its LF text, and says Terraform reads them otherwise', () => {
    const dir = path.resolve(examples, '..', 'terraform');
    const names = readdirSync(dir);
    const analyse = (convert: (text: string) => string): Map<string, { result: FileAnalysis; text: string }> => {
      const files = new Map(names.map((name) => [`/m/${name}`, convert(readFileSync(path.join(dir, name), 'utf8'))]));
      const analyzer = new Analyzer({ files: { listFiles: (folder) => (folder === '/m' ? names : undefined), readFile: (file) => files.get(file) } });
      return new Map([...files].filter(([file]) => file.endsWith('.tf')).map(([file, text]) => [file, { result: analyzer.analyze({ path: file, text }), text }]));
    };
    const lf = analyse((text) => text);
    const cr = analyse(crOnly);
    assert.ok([...lf.values()].some(({ result }) => result.findings.length > 0));
    for (const [file, { result, text }] of cr) {
      const original = lf.get(file);
      assert.ok(original);
      assert.deepEqual(positions(result, text), positions(original.result, original.text), file);
      assert.deepEqual(problemPositions(result, text), problemPositions(original.result, original.text), file);
      assert.equal(result.problems.filter((problem) => problem.message.startsWith('This file breaks lines with a lone carriage return')).length, text.includes('\r') ? 1 : 0, file);
      sound(file, text);
    }
  });

  test('lone CR line breaks: every rule example gives the findings of its LF text, at the same positions', () => {
    let compared = 0;
    const failures: string[] = [];
    for (const examplesOfRule of RULE_EXAMPLES) {
      for (const format of ['cloudformation', 'terraform'] as const) {
        for (const example of [...(examplesOfRule[format]?.good ?? []), ...(examplesOfRule[format]?.bad ?? [])]) {
          const { path: file, text } = exampleInput(format, example);
          const files = example.files && Object.fromEntries(Object.entries(example.files).map(([name, content]) => [name, crOnly(content)]));
          const lf = analyseExample(format, file, text, example.files);
          const cr = analyseExample(format, file, crOnly(text), files);
          const label = `${examplesOfRule.rule} ${format}: ${example.name}`;
          if (JSON.stringify(positions(cr, crOnly(text))) !== JSON.stringify(positions(lf, text))) failures.push(`${label}: findings differ`);
          if (JSON.stringify(problemPositions(cr, crOnly(text))) !== JSON.stringify(problemPositions(lf, text))) failures.push(`${label}: problems differ`);
          if (cr.problems.some((problem) => problem.message.startsWith('Internal error'))) failures.push(`${label}: internal error`);
          compared++;
        }
      }
    }
    assert.deepEqual(failures.slice(0, 20), []);
    assert.ok(compared > 1000, `${compared} examples`);
  });

  test('the editor\'s incremental YAML parse equals the CLI\'s one-go parse on the deep and lone-CR inputs', () => {
    // (The floods are compared, smaller, in the case suite: the YAML library takes about a second per 50,000.)
    let compared = 0;
    for (const [file, text] of Object.values(deep)) {
      if (!file.endsWith('.yaml')) continue;
      assert.deepEqual(new IncrementalYamlParser().parse(text), parseTemplateYaml(text), text.slice(0, 200));
      assert.deepEqual(new IncrementalYamlParser().parse(crOnly(text)), parseTemplateYaml(crOnly(text)), `lone CRs: ${text.slice(0, 200)}`);
      compared++;
    }
    assert.ok(compared >= 7, `${compared} inputs`);
  });
});
