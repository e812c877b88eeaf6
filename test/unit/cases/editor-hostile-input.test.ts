// Hostile input is handled without losing the file (issue 10, "Hostile input"). The cases of
// ../shared/cases/editor/ (copied to test/fixtures/cases/editor/), each with the outcome its top comment states,
// then variants of each kind of fault:
// - a lone CR is a line break (YAML 1.2 and PyYAML read it so; LineIndex and LSP too), in YAML, JSON and HCL,
//   mixed with LF and CRLF: same findings at the same lines and columns as with LF;
// - deep nesting (YAML block and flow, JSON, Fn::If, HCL lists, parentheses, object keys, blocks, expressions in a
//   resource) gives one "Nested too deeply (more than 100 levels)" warning at its place, the rest of the file is
//   analysed, the deep value reads as unknown (never absent, never addressed), and nothing throws;
// - a run of stray characters gives one problem for the run, never one per character;
// - every problem range lies inside the text;
// - a multi-line quoted YAML scalar whose continuation line is indented like its key (or less) is read as PyYAML reads it;
// and the editor's incremental YAML parse gives the same tree and problems as the CLI's one-go parse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer, LineIndex } from '../../../server/src/analysis';
import type { FileAnalysis, Problem } from '../../../server/src/analysis';
import { IncrementalYamlParser, parseTemplateYaml } from '../../../server/src/analysis/parse/incrementalYaml';
import { parseYaml } from '../../../server/src/analysis/parse/yaml';
import type { MapNode, ValueNode } from '../../../server/src/analysis/types';
import { collectFiles, scanFiles } from '../../../server/src/cli/scan';

const CASES = path.join('test', 'fixtures', 'cases', 'editor');

/** The five findings of a bare S3 bucket, in both formats. */
const BUCKET = ['s3-access-logging:warning', 's3-kms-cmk:info', 's3-object-lock:info', 's3-tls-only-policy:warning', 's3-versioning:info'];
const TOPIC = ['sns-data-protection-policy:info', 'sns-kms:warning'];
const NESTING = 'Nested too deeply (more than 100 levels): this value is not analysed.';

function read(caseName: string, file: string): { file: string; text: string } {
  const full = path.join(CASES, caseName, file);
  return { file: full, text: readFileSync(full, 'utf8') };
}

/** The editor's analysis (incremental) unless told otherwise; the CLI's is `incremental: false`. */
function analyse(file: string, text: string, incremental = true): FileAnalysis {
  return new Analyzer({ incremental }).analyze({ path: file, text });
}

function byResource(result: FileAnalysis): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const finding of result.findings) (found[finding.resource.id] ??= []).push(`${finding.ruleId}:${finding.severity}`);
  for (const list of Object.values(found)) list.sort();
  return found;
}

function problems(result: FileAnalysis): { message: string; start: number; end: number; severity: string }[] {
  return result.problems.map((problem: Problem) => ({ message: problem.message, start: problem.range.start, end: problem.range.end, severity: problem.severity }));
}

/** The invariants of every outcome below: nothing internal went wrong, and every range lies inside the text. */
function assertSound(result: FileAnalysis, text: string): void {
  assert.ok(!result.problems.some((problem) => /Internal error|internal error|failed unexpectedly|could not be parsed|Maximum call stack/.test(problem.message)), JSON.stringify(problems(result)));
  for (const problem of result.problems) {
    assert.ok(problem.range.start >= 0 && problem.range.start <= problem.range.end && problem.range.end <= text.length, `${problem.message} ${JSON.stringify(problem.range)} of ${text.length}`);
  }
  for (const finding of result.findings) {
    assert.ok(finding.range.start >= 0 && finding.range.start <= finding.range.end && finding.range.end <= text.length, `${finding.ruleId} ${JSON.stringify(finding.range)}`);
  }
}

/** The editor (incremental) and the CLI (one-shot) say the same about the text: findings with ranges, problems. */
function assertEditorMatchesCli(file: string, text: string): FileAnalysis {
  const editor = analyse(file, text, true);
  const cli = analyse(file, text, false);
  assertSound(editor, text);
  assert.deepEqual(editor.findings.map((finding) => [finding.resource.id, finding.ruleId, finding.range]), cli.findings.map((finding) => [finding.resource.id, finding.ruleId, finding.range]));
  assert.deepEqual(problems(editor), problems(cli));
  if (/\.ya?ml$/.test(file)) {
    // The editor's chunks kept between edits, and the CLI's one-go parse of the same text.
    const whole = parseTemplateYaml(text);
    const chunked = new IncrementalYamlParser().parse(text);
    assert.deepEqual(chunked.root, whole.root);
    assert.deepEqual(chunked.problems, whole.problems);
  }
  return cli;
}

function entryOf(node: ValueNode | undefined, ...keys: string[]): ValueNode | undefined {
  let current = node;
  for (const key of keys) current = current?.kind === 'map' ? (current as MapNode).entries.find((entry) => entry.key === key)?.value : undefined;
  return current;
}

/** Each finding as rule, resource and its line/character range as an editor shows it. */
function positions(result: FileAnalysis, text: string): string[] {
  const lines = new LineIndex(text);
  return result.findings.map((finding) => {
    const { start, end } = lines.rangeOf(finding.range);
    return `${finding.resource.id}:${finding.ruleId}@${start.line}:${start.character}-${end.line}:${end.character}`;
  });
}

const YAML_BUCKET = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';
const TF_BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "example"\n}\n';

describe('case cr-only-line-endings', () => {
  const { file, text } = read('cr-only-line-endings', 'cr-only.yaml');

  test('the fixture really breaks lines with lone CRs only', () => {
    assert.ok(text.includes('\r') && !text.includes('\n'));
  });

  test('5 findings on Bucket, no problem, in the editor and the CLI alike', () => {
    const result = assertEditorMatchesCli(file, text);
    assert.equal(result.kind, 'cloudformation');
    assert.deepEqual(byResource(result), { Bucket: BUCKET });
    assert.deepEqual(problems(result), []);
  });

  test('the same findings at the same lines and columns as the LF text', () => {
    const lf = text.replace(/\r/g, '\n');
    assert.deepEqual(positions(analyse(file, text), text), positions(analyse(file, lf), lf));
    assert.equal(new LineIndex(text).lineCount, new LineIndex(lf).lineCount);
  });

  test('the CLI scan of the folder reports them', () => {
    const [scanned] = scanFiles(collectFiles([path.dirname(file)]));
    assert.deepEqual(byResource(scanned.analysis as FileAnalysis), { Bucket: BUCKET });
  });
});

describe('case deep-nesting-loses-file', () => {
  test('iam-trust-deep-value.json: no internal error; one nesting warning, the unclosed brackets and braces one problem each', () => {
    const { file, text } = read('deep-nesting-loses-file', 'iam-trust-deep-value.json');
    const result = assertEditorMatchesCli(file, text);
    assert.deepEqual(byResource(result), {});
    assert.deepEqual(problems(result), [
      { message: `JSON: ${NESTING}`, start: 611, end: 612, severity: 'warning' },
      { message: 'JSON: close brace expected (6 times)', start: 3520, end: 3520, severity: 'error' },
      { message: 'JSON: close bracket expected (94 times)', start: 3520, end: 3520, severity: 'error' },
    ]);
    // The trust policy's principal is a service; the deep Action list does not decide whether it is public.
    const role = result.resources.find((resource) => resource.id === 'Role');
    assert.equal(role?.responsibilities.find((status) => status.ruleIds.includes('iam-role-trust-not-public'))?.status, 'addressed');
  });

  test('json-nesting-4000.json: analysed, Bucket has its 5 findings, one warning at the 101st level', () => {
    const { file, text } = read('deep-nesting-loses-file', 'json-nesting-4000.json');
    const result = assertEditorMatchesCli(file, text);
    assert.equal(result.kind, 'cloudformation');
    assert.deepEqual(byResource(result), { Bucket: BUCKET });
    assert.deepEqual(problems(result), [{ message: `JSON: ${NESTING}`, start: 941, end: 942, severity: 'warning' }]);
    assert.equal(text[941], '{');
  });

  test('object-key-nesting-800.tf: parsed, the bucket above keeps its 5 findings', () => {
    const { file, text } = read('deep-nesting-loses-file', 'object-key-nesting-800.tf');
    const result = assertEditorMatchesCli(file, text);
    assert.deepEqual(byResource(result), { 'aws_s3_bucket.b': BUCKET });
    assert.deepEqual(problems(result), [
      { message: 'Missing "}" to close the "locals" block.', start: 440, end: 448, severity: 'error' },
      { message: 'Missing "}" to close the object. (98 times)', start: 458, end: 556, severity: 'error' },
      { message: NESTING, start: 556, end: 557, severity: 'warning' },
      { message: 'Expected "=" or ":" after the object key, found end of file.', start: 556, end: 1261, severity: 'error' },
    ]);
  });

  test('yaml-flow-nesting-1000.yaml: Bucket keeps its findings, the problem says the nesting is too deep', () => {
    const { file, text } = read('deep-nesting-loses-file', 'yaml-flow-nesting-1000.yaml');
    const result = assertEditorMatchesCli(file, text);
    assert.deepEqual(byResource(result), { Bucket: BUCKET });
    assert.deepEqual(problems(result), [{ message: `YAML: ${NESTING}`, start: 419, end: 420, severity: 'warning' }]);
  });
});

describe('case json-problem-range-past-eof', () => {
  test('truncated.json: the close-brace problems lie inside the text (at its end), as one problem', () => {
    const { file, text } = read('json-problem-range-past-eof', 'truncated.json');
    const result = assertEditorMatchesCli(file, text);
    assert.equal(text.length, 442);
    assert.deepEqual(byResource(result), { Topic: TOPIC });
    assert.deepEqual(problems(result), [{ message: 'JSON: close brace expected (2 times)', start: 442, end: 442, severity: 'error' }]);
  });
});

describe('case yaml-multiline-quoted-scalar-rejected', () => {
  test('outputs.yaml: no YAML error; the output value is the folded string', () => {
    const { file, text } = read('yaml-multiline-quoted-scalar-rejected', 'outputs.yaml');
    const result = assertEditorMatchesCli(file, text);
    assert.deepEqual(problems(result), []);
    assert.deepEqual(byResource(result), { Topic: TOPIC });
    const value = entryOf(parseYaml(text).root, 'Outputs', 'Instructions', 'Value');
    assert.ok(value?.kind === 'scalar');
    assert.equal(value.value, 'Open the console, then pick the instance from the list.');
    assert.equal(text.slice(value.range.start, value.range.end), "'Open the console, then\n    pick the instance from the list.'");
  });
});

describe('case yaml-problem-flood', () => {
  test('closing-braces.yaml: one problem for the run of 10,000 braces, over the run', () => {
    const { file, text } = read('yaml-problem-flood', 'closing-braces.yaml');
    const result = assertEditorMatchesCli(file, text);
    assert.deepEqual(byResource(result), { Bucket: BUCKET });
    assert.deepEqual(problems(result), [{ message: 'YAML: Unexpected flow-map-end token in YAML stream: "}" (10000 times)', start: 540, end: 10540, severity: 'error' }]);
    assert.equal(text.slice(540, 10540), '}'.repeat(10000));
  });
});

describe('variants: lone CR, LF and CRLF line breaks', () => {
  const yaml = `${YAML_BUCKET}    Properties:\n      BucketName: example # a comment\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: |\n        first\n        second\n`;
  const json = '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Bucket": {"Type": "AWS::S3::Bucket"},\n    "Topic": {\n      "Type": "AWS::SNS::Topic"\n    }\n  }\n}\n';
  const hcl = `${TF_BUCKET}\n# a comment\nresource "aws_sns_topic" "t" {\n  name = "t"\n  tags = {\n    a = "b"\n  }\n}\n`;
  const breaks: Record<string, (text: string) => string> = {
    'CR only': (text) => text.replace(/\n/g, '\r'),
    CRLF: (text) => text.replace(/\n/g, '\r\n'),
    'mixed CR, LF and CRLF': (text) => text.split('\n').map((line, index) => line + ['\r', '\n', '\r\n'][index % 3]).join('').slice(0, -1),
  };
  for (const [name, convert] of Object.entries(breaks)) {
    for (const [file, lf] of [['t.yaml', yaml], ['t.json', json], ['main.tf', hcl]] as const) {
      test(`${file} with ${name}: the findings of the LF text, at the same lines and columns`, () => {
        const text = convert(lf);
        const result = assertEditorMatchesCli(file, text);
        const original = analyse(file, lf);
        assert.ok(original.findings.length >= 7, `${original.findings.length} findings`);
        assert.deepEqual(positions(result, text), positions(original, lf));
        const expected = problems(original);
        if (file === 'main.tf' && name !== 'CRLF') {
          // Terraform's scanner reads a lone CR as an invalid character: said once, at the first one.
          const first = text.search(/\r(?!\n)/);
          const count = (text.match(/\r(?!\n)/g) ?? []).length;
          expected.unshift({
            message: `This file breaks lines with a lone carriage return (CR, ${count} in the file), which Terraform does not read as a line break ("Invalid character"). It is analysed here as if each were a line break; save it with LF or CRLF line endings.`,
            start: first, end: first + 1, severity: 'error',
          });
        }
        assert.deepEqual(problems(result), expected);
      });
    }
  }

  test('YAML without the comment header, CR only: the block scalar keeps its lines (as LF)', () => {
    const text = `${YAML_BUCKET}  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: |\n        first\n        second\n`.replace(/\n/g, '\r');
    // The value as YAML reads it (line breaks normalised to LF), the range over the text as written.
    assert.deepEqual(entryOf(parseYaml(text).root, 'Resources', 'Topic', 'Properties', 'DisplayName'), {
      kind: 'scalar', value: 'first\nsecond\n', range: { start: text.indexOf('|'), end: text.indexOf('second') + 'second'.length },
    });
    assert.deepEqual(byResource(assertEditorMatchesCli('t.yaml', text)), { Bucket: BUCKET, Topic: TOPIC });
  });

  test('a suppression comment on a CR-only line suppresses', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  # iac-hints-ignore s3-access-logging: logs go elsewhere\n  Bucket:\n    Type: AWS::S3::Bucket\n'.replace(/\n/g, '\r');
    const result = assertEditorMatchesCli('t.yaml', text);
    assert.deepEqual(result.suppressed.map((entry) => [entry.finding.ruleId, entry.reason]), [['s3-access-logging', 'logs go elsewhere']]);
    assert.ok(!result.findings.some((finding) => finding.ruleId === 's3-access-logging'));
  });

  test('a quick fix in a CR-only file writes CR line breaks', () => {
    const text = `${YAML_BUCKET}    Properties:\n      BucketName: example\n`.replace(/\n/g, '\r');
    const analyzer = new Analyzer();
    const result = analyzer.analyze({ path: 't.yaml', text });
    const versioning = result.findings.find((finding) => finding.ruleId === 's3-versioning');
    assert.ok(versioning);
    const [action] = analyzer.codeActions({ path: 't.yaml', text }, versioning.range);
    const inserted = action.fix.edits.map((edit) => edit.newText).join('');
    assert.ok(inserted.includes('\r') && !inserted.includes('\n'), JSON.stringify(inserted));
  });
});

describe('variants: deep nesting keeps the rest of the file', () => {
  const deep = 10_000;
  const yamlCases: Record<string, string> = {
    'a deep flow sequence': `      Deep: ${'['.repeat(deep)}${']'.repeat(deep)}\n`,
    'a deep flow mapping': `      Deep: ${'{a: '.repeat(deep)}1${'}'.repeat(deep)}\n`,
    'deep compact sequences': `      Deep:\n        ${'- '.repeat(deep)}x\n`,
    'deep block mappings (one more space a level)': Array.from({ length: 400 }, (_, level) => `${' '.repeat(6 + level)}k:\n`).join(''),
  };
  for (const [name, metadata] of Object.entries(yamlCases)) {
    test(`YAML, ${name} in Metadata: both buckets keep their findings, one nesting warning`, () => {
      const text = `${YAML_BUCKET}    Metadata:\n${metadata}  Other:\n    Type: AWS::S3::Bucket\n`;
      const result = assertEditorMatchesCli('t.yaml', text);
      assert.deepEqual(byResource(result), { Bucket: BUCKET, Other: BUCKET });
      const warnings = result.problems.filter((problem) => problem.severity === 'warning');
      assert.deepEqual(warnings.map((problem) => problem.message), [`YAML: ${NESTING}`]);
    });
  }

  test('YAML, an unclosed deep flow sequence: both buckets keep their findings, the unclosed sequences one error', () => {
    const text = `${YAML_BUCKET}    Metadata:\n      Deep: ${'['.repeat(deep)}\n  Other:\n    Type: AWS::S3::Bucket\n`;
    const result = assertEditorMatchesCli('t.yaml', text);
    assert.deepEqual(byResource(result), { Bucket: BUCKET, Other: BUCKET });
    // The error sits at the end of the resource it is in (the text is read per resource once it has an error).
    const other = text.indexOf('  Other:');
    assert.deepEqual(problems(result), [
      { message: `YAML: ${NESTING}`, start: 208, end: 209, severity: 'warning' },
      { message: 'YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (96 times)', start: other, end: other, severity: 'error' },
    ]);
  });

  test('YAML, twelve resources each with a deep value: every one analysed, one warning each', () => {
    let text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
    for (let index = 0; index < 12; index++) text += `  B${index}:\n    Type: AWS::S3::Bucket\n    Metadata:\n      D: ${'['.repeat(200)}${']'.repeat(200)}\n`;
    const result = assertEditorMatchesCli('t.yaml', text);
    assert.deepEqual(Object.keys(byResource(result)).length, 12);
    assert.deepEqual(result.problems.map((problem) => problem.message), Array.from({ length: 12 }, () => `YAML: ${NESTING}`));
  });

  test('YAML: a deep value is unknown to the rule reading it (cannot be checked, never a finding)', () => {
    const status = `${'['.repeat(150)}Enabled${']'.repeat(150)}`;
    const nested = `${'!If [C, Enabled, '.repeat(120)}Enabled${']'.repeat(120)}`;
    for (const value of [status, nested]) {
      const text = `AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  P:\n    Type: String\nConditions:\n  C: !Equals [!Ref P, x]\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: ${value}\n`;
      const result = assertEditorMatchesCli('t.yaml', text);
      assert.ok(!result.findings.some((finding) => finding.ruleId === 's3-versioning'));
      const detail = result.resources[0].responsibilities.find((item) => item.ruleIds.includes('s3-versioning'))?.detail ?? '';
      assert.match(detail, /cannot be checked: VersioningConfiguration\.Status is (a list|a value nested more than 100 levels deep)/);
    }
  });

  test('YAML: an alias chain that expands deeper than the bound: one warning, at the alias', () => {
    let text = 'AWSTemplateFormatVersion: "2010-09-09"\nMappings:\n  M:\n    A0: &a0 [x]\n';
    for (let level = 1; level <= 120; level++) text += `    A${level}: &a${level} [*a${level - 1}]\n`;
    // Mappings is read at depth 2, each A at 3 and 4: from A97 on, the expansion passes 100 levels.
    const result = assertEditorMatchesCli('t.yaml', `${text}Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n`);
    assert.deepEqual(byResource(result), { Bucket: BUCKET });
    const warnings = result.problems.filter((problem) => problem.message === `YAML: ${NESTING}`);
    assert.ok(warnings.length >= 1 && warnings.length <= 30, `${warnings.length} warnings`);
    for (const warning of warnings) assert.match(text.slice(warning.range.start, warning.range.end), /^\*a\d+$/);
  });

  const jsonCases: Record<string, string> = {
    'a deep array in Properties': `"Properties": {"Tags": ${'['.repeat(deep)}${']'.repeat(deep)}}`,
    'deep objects in Metadata': `"Metadata": ${'{"a": '.repeat(deep)}1${'}'.repeat(deep)}`,
    'a deep Fn::If chain': `"Properties": {"BucketName": ${'{"Fn::If": ["C", "a", '.repeat(deep)}"x"${']}'.repeat(deep)}}`,
  };
  for (const [name, body] of Object.entries(jsonCases)) {
    test(`JSON, ${name}: both buckets keep their findings, one nesting warning`, () => {
      const text = `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Bucket": {"Type": "AWS::S3::Bucket", ${body}}, "Other": {"Type": "AWS::S3::Bucket"}}}`;
      const result = assertEditorMatchesCli('t.json', text);
      assert.deepEqual(byResource(result), { Bucket: BUCKET, Other: BUCKET });
      assert.deepEqual(result.problems.map((problem) => problem.message), [`JSON: ${NESTING}`]);
    });
  }

  test('JSON: a policy document written as a deeply nested JSON string is unknown, not an internal error', () => {
    const policy = JSON.stringify(`{"Statement": ${'['.repeat(deep)}${']'.repeat(deep)}}`);
    const text = `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": ${policy}}}}}`;
    const result = assertEditorMatchesCli('t.json', text);
    assert.deepEqual(problems(result), []);
    assert.equal(result.resources[0].responsibilities.find((item) => item.ruleIds.includes('iam-role-trust-not-public'))?.status, 'cannot-be-checked');
  });

  const hclCases: Record<string, string> = {
    'a deep list': `locals {\n  deep = ${'['.repeat(deep)}${']'.repeat(deep)}\n}\n`,
    'deep parentheses': `locals {\n  deep = ${'('.repeat(deep)}1${')'.repeat(deep)}\n}\n`,
    'deep object keys': `locals {\n  deep = ${'{'.repeat(deep)}\n}\n`,
    'deep objects': `locals {\n  deep = ${'{a = '.repeat(deep)}1${'}'.repeat(deep)}\n}\n`,
    'deep interpolations': `locals {\n  deep = ${'"${'.repeat(deep)}1${'}"'.repeat(deep)}\n}\n`,
    'a deep conditional chain': `locals {\n  deep = ${'true ? 1 : '.repeat(deep)}2\n}\n`,
    'deep function calls': `locals {\n  deep = ${'f('.repeat(deep)}${')'.repeat(deep)}\n}\n`,
    'deep nested blocks': `resource "aws_s3_bucket" "deep" {\n${'dynamic "x" {\n'.repeat(deep)}${'}\n'.repeat(deep)}}\n`,
    'a deep expression inside a resource': `resource "aws_s3_bucket" "inside" {\n  tags = ${'['.repeat(deep)}${']'.repeat(deep)}\n}\n`,
  };
  for (const [name, middle] of Object.entries(hclCases)) {
    test(`HCL, ${name}: the resources before and after keep their findings, one nesting warning`, () => {
      const text = `${TF_BUCKET}${middle}resource "aws_s3_bucket" "c" {\n  bucket = "other"\n}\n`;
      const result = assertEditorMatchesCli('main.tf', text);
      const found = byResource(result);
      assert.deepEqual(found['aws_s3_bucket.b'], BUCKET);
      assert.deepEqual(found['aws_s3_bucket.c'], BUCKET);
      assert.deepEqual(result.problems.filter((problem) => problem.severity === 'warning').map((problem) => problem.message), [NESTING]);
      // At most: the nesting warning, and for an unclosed input the missing closers (one run) and what follows.
      assert.ok(result.problems.length <= 4, JSON.stringify(problems(result)));
    });
  }

  test('Terraform .tf.json: a deep value gives one warning, the bucket keeps its findings', () => {
    const text = `{"resource": {"aws_s3_bucket": {"b": {"bucket": "x"}}}, "locals": {"deep": ${'['.repeat(deep)}${']'.repeat(deep)}}}`;
    const result = assertEditorMatchesCli('main.tf.json', text);
    assert.deepEqual(byResource(result), { 'aws_s3_bucket.b': BUCKET });
    assert.deepEqual(result.problems.map((problem) => problem.message), [`JSON: ${NESTING}`]);
  });

  test('Terraform: a deep value is unknown to the rule reading it (cannot be checked, never a finding)', () => {
    const text = `${TF_BUCKET}resource "aws_s3_bucket_versioning" "v" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = ${'['.repeat(150)}"Enabled"${']'.repeat(150)}\n  }\n}\n`;
    const result = assertEditorMatchesCli('main.tf', text);
    assert.ok(!result.findings.some((finding) => finding.ruleId === 's3-versioning'));
    const detail = result.resources.find((resource) => resource.id === 'aws_s3_bucket.b')?.responsibilities.find((item) => item.ruleIds.includes('s3-versioning'))?.detail ?? '';
    assert.match(detail, /cannot be checked: aws_s3_bucket_versioning\.v: versioning_configuration\.status is/);
  });
});

describe('variants: runs of stray characters give one problem per run', () => {
  const floods: Record<string, { file: string; text: string; expected: string }> = {
    'YAML "! " x2000': { file: 't.yaml', text: `${YAML_BUCKET}    Properties:\n      BucketName: ${'! '.repeat(2000)}\n`, expected: 'YAML: A node can have at most one tag (1999 times)' },
    'YAML "&a " x2000': { file: 't.yaml', text: `${YAML_BUCKET}    Properties:\n      BucketName: ${'&a '.repeat(2000)}\n`, expected: 'YAML: A node can have at most one anchor (1999 times)' },
    'YAML "," x5000 in a flow sequence': { file: 't.yaml', text: `${YAML_BUCKET}    Properties:\n      Tags: [${','.repeat(5000)}]\n`, expected: 'YAML: Unexpected , in flow sequence (5000 times)' },
    'YAML "}" on 5000 lines': { file: 't.yaml', text: `${YAML_BUCKET}    Properties:\n${'      }\n'.repeat(5000)}`, expected: 'YAML: Unexpected flow-map-end token in YAML stream: "}" (5000 times)' },
    'JSON "," x5000 in an array': { file: 't.json', text: `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [${','.repeat(5000)}]}}}}`, expected: 'JSON: value expected (5000 times)' },
    'JSON "]" x5000 after a value': { file: 't.json', text: `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "x"${']'.repeat(5000)}}}}}`, expected: 'JSON: property name expected' },
    'HCL "}" x5000 after an attribute': { file: 'main.tf', text: `${TF_BUCKET}locals {\n  x = 1 ${'}'.repeat(5000)}\n}\n`, expected: 'Unexpected "}": expected a newline.' },
    'HCL "@" on 5000 lines': { file: 'main.tf', text: `${TF_BUCKET}${'@\n'.repeat(5000)}`, expected: 'Unexpected "@": expected an attribute or a block. (5000 times)' },
  };
  for (const [name, { file, text, expected }] of Object.entries(floods)) {
    test(`${name}: the bucket keeps its findings, the run is one problem`, () => {
      const result = assertEditorMatchesCli(file, text);
      assert.deepEqual(Object.values(byResource(result)), [BUCKET]);
      assert.ok(result.problems.some((problem) => problem.message === expected), JSON.stringify(problems(result)));
      assert.ok(result.problems.length <= 3, JSON.stringify(problems(result)));
    });
  }

  test('problems that do not form a run are capped at 100, the last one counting the rest', () => {
    // Each line's problem is separated from the next by text, so the runs are of one problem each.
    const text = `${YAML_BUCKET}    Properties:\n      Tags: [${'a: b: c, '.repeat(500)}]\n`;
    const result = assertEditorMatchesCli('t.yaml', text);
    assert.deepEqual(byResource(result), { Bucket: BUCKET });
    assert.equal(result.problems.length, 100);
    assert.match(result.problems[99].message, /^\.\.\. and \d+ more problems \(not listed\)\.$/);
  });
});

describe('variants: multi-line quoted YAML scalars', () => {
  const withValue = (value: string): string => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\nOutputs:\n  Out:\n    Value: ${value}\n    Description: after\n`;
  const accepted: Record<string, [string, string]> = {
    'single-quoted, continuation indented like the key': ["'Open the console, then\n    pick the instance.'", 'Open the console, then pick the instance.'],
    'double-quoted, continuation indented like the key': ['"Open the console, then\n    pick the instance."', 'Open the console, then pick the instance.'],
    'double-quoted with an escaped line break': ['"Open the con\\\n    sole."', 'Open the console.'],
    'single-quoted with an empty line and a quote': ["'It''s\n\n    done.'", "It's\ndone."],
    'three lines with a comment after': ["'one\n    two\n    three' # note", 'one two three'],
    // PyYAML's scanner looks at no indentation inside a quoted scalar, only at document markers (PyYAML 6.0.3
    // and SnakeYAML read these the same way).
    'single-quoted, continuation less indented than the key': ["'Open the console, then\n  pick the instance.'", 'Open the console, then pick the instance.'],
    'double-quoted, continuation at column 0': ['"Open the console, then\npick the instance."', 'Open the console, then pick the instance.'],
    'single-quoted, continuation indented with tabs': ["'Open the console, then\n\t\tpick the instance.'", 'Open the console, then pick the instance.'],
  };
  for (const [name, [value, expected]] of Object.entries(accepted)) {
    test(`${name}: no problem, PyYAML's value`, () => {
      const text = withValue(value);
      const result = assertEditorMatchesCli('t.yaml', text);
      assert.deepEqual(problems(result), []);
      const root = parseYaml(text).root;
      assert.deepEqual(entryOf(root, 'Outputs', 'Out', 'Value')?.kind === 'scalar' && (entryOf(root, 'Outputs', 'Out', 'Value') as { value: unknown }).value, expected);
      assert.deepEqual(entryOf(root, 'Outputs', 'Out', 'Description')?.kind === 'scalar' && (entryOf(root, 'Outputs', 'Out', 'Description') as { value: unknown }).value, 'after');
    });
  }

  test('in a list item, continuation indented like the dash', () => {
    const text = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags:\n        - 'a\n        b'\n";
    assert.deepEqual(problems(assertEditorMatchesCli('t.yaml', text)), []);
    const tags = entryOf(parseYaml(text).root, 'Resources', 'Topic', 'Properties', 'Tags');
    assert.deepEqual(tags?.kind === 'seq' && tags.items.map((item) => item.kind === 'scalar' && item.value), ['a b']);
  });

  // PyYAML checks no indentation inside a flow collection either.
  const flows: Record<string, [string, unknown]> = {
    'a flow sequence continued at its key\'s indentation': ['[a,\n    b]', ['a', 'b']],
    'a flow sequence continued at column 0': ['[a,\nb]', ['a', 'b']],
    'a flow mapping, the closing brace on its own line at column 0': ['{Key: a, Value: b\n}', { Key: 'a', Value: 'b' }],
    'a nested flow sequence in a short-form Fn::Join, CRLF': ["!Join ['', [a,\r\n    b]]", { 'Fn::Join': ['', ['a', 'b']] }],
  };
  const plain = (node: ValueNode | undefined): unknown => {
    if (node?.kind === 'scalar') return node.value;
    if (node?.kind === 'seq') return node.items.map(plain);
    if (node?.kind === 'map') return Object.fromEntries(node.entries.map((entry) => [entry.key, plain(entry.value)]));
    if (node?.kind === 'intrinsic') return { [node.name]: plain(node.argument) };
    return undefined;
  };
  for (const [name, [value, expected]] of Object.entries(flows)) {
    test(`${name}: no problem, PyYAML's value`, () => {
      const text = withValue(value);
      assert.deepEqual(problems(assertEditorMatchesCli('t.yaml', text)), []);
      const root = parseYaml(text).root;
      assert.deepEqual(plain(entryOf(root, 'Outputs', 'Out', 'Value')), expected);
      assert.equal(plain(entryOf(root, 'Outputs', 'Out', 'Description')), 'after');
    });
  }

  const rejected: Record<string, string> = {
    // PyYAML rejects a plain scalar continued at its key's indentation too ("could not find expected ':'").
    'a plain scalar': 'Open the console, then\n    pick the instance.',
    'a document marker inside': "'Open the console, then\n---\n    pick the instance.'",
    'text after the closing quote': "'Open the console, then\n    pick the instance.' more",
    'no closing quote': "'Open the console, then\n    Description: x",
  };
  for (const [name, value] of Object.entries(rejected)) {
    test(`${name}: not read as one scalar, a YAML error (or, with "---", a second document)`, () => {
      const text = withValue(value);
      const result = assertEditorMatchesCli('t.yaml', text);
      if (value.includes('---')) assert.equal(result.skipReason, 'a multi-document YAML stream is not a CloudFormation template');
      else assert.ok(result.problems.some((problem) => problem.severity === 'error' && problem.message.startsWith('YAML:')), JSON.stringify(problems(result)));
      const read = entryOf(parseYaml(text).root, 'Outputs', 'Out', 'Value');
      assert.notEqual(read?.kind === 'scalar' && read.value, 'Open the console, then pick the instance.');
    });
  }
});

describe('variants: a byte order mark (editors drop it when they load the file; the CLI reads the bytes)', () => {
  const texts: Record<string, [file: string, text: string]> = {
    'CloudFormation JSON': ['t.json', '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Bucket": {"Type": "AWS::S3::Bucket"}\n  }\n}\n'],
    'CloudFormation YAML': ['t.yaml', YAML_BUCKET],
    'Terraform JSON': ['main.tf.json', '{\n  "resource": {\n    "aws_s3_bucket": {"b": {"bucket": "example"}}\n  }\n}\n'],
    'Terraform HCL': ['main.tf', `# storage\n${TF_BUCKET}`],
  };
  for (const [name, [file, text]] of Object.entries(texts)) {
    test(`${name}: with a BOM, no problem and the same findings as without`, () => {
      const withBom = assertEditorMatchesCli(file, `\uFEFF${text}`);
      const without = assertEditorMatchesCli(file, text);
      assert.deepEqual(problems(withBom), []);
      // The BOM is one character of the text: the same lines (findings here are past line 0, so the same positions).
      assert.deepEqual(positions(withBom, `\uFEFF${text}`), positions(without, text));
      assert.ok(withBom.findings.length > 0);
    });
  }
});

describe('variants: a flood of problems from suppression comments is bounded as a parse\'s is', () => {
  const floods: Record<string, [file: string, text: string]> = {
    'checkov skips in YAML comments': ['t.yaml', YAML_BUCKET.replace('    Type:', `${Array.from({ length: 3000 }, (_, i) => `    # checkov:skip=CKV_NOPE_${i}:x\n`).join('')}    Type:`)],
    'cfn_nag Metadata entries': ['t.yaml', `${YAML_BUCKET}    Metadata:\n      cfn_nag:\n        rules_to_suppress:\n${Array.from({ length: 3000 }, (_, i) => `          - id: W9${i}\n`).join('')}`],
    'our own comments without a reason': ['t.yaml', YAML_BUCKET.replace('  Bucket:', `${Array.from({ length: 3000 }, (_, i) => `  # iac-hints-ignore s3-versioning-${i}\n`).join('')}  Bucket:`)],
    'Trivy ignores in HCL': ['main.tf', `resource "aws_s3_bucket" "b" {\n${Array.from({ length: 3000 }, (_, i) => `  #trivy:ignore:AVD-NOPE-${i}\n  tags = {}\n`).join('')}}\n`],
  };
  for (const [name, [file, text]] of Object.entries(floods)) {
    test(`${name}: at most 100 problems, the last one counting the rest; the findings kept`, () => {
      const result = assertEditorMatchesCli(file, text);
      assert.equal(result.problems.length, 100, JSON.stringify(problems(result).slice(0, 2)));
      assert.match(result.problems[99].message, /^\.\.\. and \d+ more problems \(not listed\)\.$/);
      assert.ok(result.findings.length > 0);
    });
  }
});
