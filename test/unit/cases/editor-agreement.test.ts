// The editor and the CLI agree, and no cross-resource verdict is stale (issue 10, part 1), through the real hosts:
// the language server spawned over stdio (dist/server.js) and the command line (dist/cli.js).
//
// stale-cross-resource-verdict-after-edit: whether Logs needs access logging depends on Data (a bucket that logs
// into another makes it a log destination). An edit inside Data alone must change Logs' published verdict, as a
// fresh scan of the same text does, both ways.
// lsp-cli-disagree-on-same-text: the same text gives the same findings in both hosts: a YAML error in one
// resource is reported with the other resources' findings (one recovery semantics, parse/incrementalYaml.ts),
// a template-looking file with a YAML error is never skipped in silence, and a multi-document stream is skipped
// by both.
// A Terraform split resource (aws_s3_bucket_versioning) edited, in the bucket's file or another file of the
// module, refreshes the bucket's verdict as a fresh scan does.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { runCli } from '../../helpers/cli';
import { TestLspClient } from '../../helpers/lspClient';
import { REPO_ROOT } from '../../helpers/paths';

const CASES = join(REPO_ROOT, 'test', 'fixtures', 'cases', 'editor');
const STALE = join(CASES, 'stale-cross-resource-verdict-after-edit');
const DISAGREE = join(CASES, 'lsp-cli-disagree-on-same-text');

interface JsonRange { start: { line: number; character: number }; end: { line: number; character: number } }
interface JsonReport {
  files: { path: string; kind: string; reason?: string; problems: { message: string; range: JsonRange }[] }[];
  findings: { ruleId: string; severity: string; message: string; file: string; range: JsonRange; resource: { id: string } }[];
}

const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3 };

/** One diagnostic as both hosts can say it: code, range, severity (none for syntax problems: the JSON has none), message. */
function entry(code: string, range: JsonRange, severity: number | undefined, message: string): string {
  const at = `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
  return `${code} ${at} ${code === 'parse' ? '' : String(severity)} ${message}`;
}

function fromEditor(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => entry(String(diagnostic.code), diagnostic.range, diagnostic.severity, String(diagnostic.message))).sort();
}

/** `iac-hints scan --format json` of one file: its entries as the editor would show them, and the report. */
function scan(file: string): { entries: string[]; report: JsonReport } {
  const result = runCli(['scan', '--format', 'json', '--fail-on', 'none', file]);
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout) as JsonReport;
  assert.equal(report.files.length, 1, result.stdout);
  const [scanned] = report.files;
  // A file the CLI skips shows nothing, as the editor publishes nothing for it.
  const problems = scanned.kind === 'skipped' ? [] : scanned.problems.map((problem) => entry('parse', problem.range, undefined, problem.message));
  const findings = report.findings.map((finding) => entry(finding.ruleId, finding.range, SEVERITY[finding.severity], finding.message));
  return { entries: [...problems, ...findings].sort(), report };
}

/** Scans `text` as the CLI would scan a file with that content (same name, in a fresh folder). */
function scanText(name: string, text: string): { entries: string[]; report: JsonReport } {
  const dir = mkdtempSync(join(tmpdir(), 'iac-hints-agree-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, text);
    return scan(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function lineOf(text: string, line: string): number {
  const index = text.split('\n').indexOf(line);
  assert.ok(index >= 0, `no line ${JSON.stringify(line)}`);
  return index;
}

function ofRule(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

describe('editor cases through the real hosts', () => {
  let client: TestLspClient;
  const workspace = mkdtempSync(join(tmpdir(), 'iac-hints-agree-lsp-'));

  before(async () => {
    ({ client } = await TestLspClient.start({ settings: { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: false } }));
  });
  after(async () => {
    await client?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  /** Waits for the diagnostics of `uri` at `version`. */
  const published = (uri: string, version: number): Promise<PublishDiagnosticsParams> =>
    client.findDiagnostics(uri, (params) => params.version === version, `diagnostics of ${basename(uri)} version ${version}`);

  describe('case stale-cross-resource-verdict-after-edit', () => {
    const beforeText = readFileSync(join(STALE, 'before.yaml'), 'utf8');
    const afterText = readFileSync(join(STALE, 'after.yaml'), 'utf8');
    const lastLine = lineOf(beforeText, '        DestinationBucketName: !Ref Logs');
    const editedText = beforeText.replace(/ {8}DestinationBucketName: !Ref Logs\n$/, '        LogFilePrefix: data/\n');

    test('the CLI: after.yaml has s3-access-logging on Logs, before.yaml has none', () => {
      const scannedAfter = scan(join(STALE, 'after.yaml')).report;
      const logs = scannedAfter.findings.filter((finding) => finding.ruleId === 's3-access-logging');
      assert.deepEqual(logs.map((finding) => [finding.resource.id, finding.range.start.line]), [['Logs', lineOf(afterText, '  Logs:')]]);
      const scannedBefore = scan(join(STALE, 'before.yaml')).report;
      assert.deepEqual(scannedBefore.findings.filter((finding) => finding.ruleId === 's3-access-logging'), []);
    });

    test('the editor: an edit inside Data only gives Logs s3-access-logging, and the reverse edit takes it away, as the CLI says', async () => {
      assert.notEqual(editedText, beforeText, 'the edit applies');
      const path = join(workspace, 'stale.yaml');
      const uri = await client.open(path, beforeText);
      const first = await published(uri, 1);
      assert.deepEqual(ofRule(first.diagnostics, 's3-access-logging'), []);
      assert.deepEqual(fromEditor(first.diagnostics), scanText('stale.yaml', beforeText).entries);

      // The edit the case describes: replace the last line (inside Data) by `LogFilePrefix: data/`.
      const version = await client.edit(uri, { start: { line: lastLine, character: 8 }, end: { line: lastLine, character: 40 } }, 'LogFilePrefix: data/');
      const edited = await published(uri, version);
      const logging = ofRule(edited.diagnostics, 's3-access-logging');
      assert.deepEqual(logging.map((diagnostic) => diagnostic.range.start), [{ line: lineOf(editedText, '  Logs:'), character: 2 }]);
      assert.deepEqual(fromEditor(edited.diagnostics), scanText('stale.yaml', editedText).entries);

      // The reverse edit: Logs is a log destination again, and its finding goes.
      const back = await client.edit(uri, { start: { line: lastLine, character: 8 }, end: { line: lastLine, character: 28 } }, 'DestinationBucketName: !Ref Logs');
      const reverted = await published(uri, back);
      assert.deepEqual(ofRule(reverted.diagnostics, 's3-access-logging'), []);
      assert.deepEqual(fromEditor(reverted.diagnostics), scanText('stale.yaml', beforeText).entries);
      await client.close(uri);
    });

    test('the editor: after.yaml opened first, then edited into before.yaml\'s Data, loses the finding on Logs', async () => {
      const path = join(workspace, 'stale-reverse.yaml');
      const uri = await client.open(path, afterText);
      const first = await published(uri, 1);
      assert.equal(ofRule(first.diagnostics, 's3-access-logging').length, 1);
      const line = lineOf(afterText, '        LogFilePrefix: data/');
      const version = await client.edit(uri, { start: { line, character: 8 }, end: { line, character: 28 } }, 'DestinationBucketName: !Ref Logs');
      const edited = await published(uri, version);
      assert.deepEqual(ofRule(edited.diagnostics, 's3-access-logging'), []);
      assert.deepEqual(fromEditor(edited.diagnostics), scanText('stale-reverse.yaml', afterText.replace('LogFilePrefix: data/', 'DestinationBucketName: !Ref Logs')).entries);
      await client.close(uri);
    });
  });

  describe('case lsp-cli-disagree-on-same-text', () => {
    const read = (name: string) => readFileSync(join(DISAGREE, name), 'utf8');

    /** Opens `text` in the editor and returns its published diagnostics. */
    const openIn = async (name: string, text: string): Promise<Diagnostic[]> => {
      const uri = await client.open(join(workspace, name), text);
      const { diagnostics } = await published(uri, 1);
      await client.close(uri);
      return diagnostics;
    };

    for (const name of ['error-in-one-resource.yaml', 'error-in-one-resource-no-version.yaml']) {
      test(`${name}: both hosts report the YAML error and the findings on Logs, the same ones`, async () => {
        const text = read(name);
        const cli = scan(join(DISAGREE, name));
        assert.equal(cli.report.files[0].kind, 'cloudformation', 'analysed, never skipped');
        assert.ok(cli.report.files[0].problems.some((problem) => problem.message.startsWith('YAML:')), 'the YAML error is reported');
        const logs = cli.report.findings.filter((finding) => finding.resource.id === 'Logs').map((finding) => finding.ruleId);
        assert.ok(logs.includes('s3-access-logging') && logs.length >= 5, logs.join(', '));
        assert.deepEqual(cli.report.findings.filter((finding) => finding.resource.id !== 'Logs'), [], 'nothing on the broken resource');
        assert.deepEqual(fromEditor(await openIn(name, text)), cli.entries);
      });

      test(`${name}: typed into from a valid text (cached chunks), the editor still says what the CLI says`, async () => {
        const text = read(name);
        const valid = text.replace('  Broken: oops\n', '  Broken:\n');
        assert.notEqual(valid, text);
        const uri = await client.open(join(workspace, `typed-${name}`), valid);
        await published(uri, 1);
        const line = lineOf(valid, '  Broken:');
        const version = await client.edit(uri, { start: { line, character: 9 }, end: { line, character: 9 } }, ' oops');
        const { diagnostics } = await published(uri, version);
        assert.deepEqual(fromEditor(diagnostics), scanText(`typed-${name}`, text).entries);
        await client.close(uri);
      });
    }

    test('document-marker-with-content.yaml: a multi-document stream, skipped by both hosts', async () => {
      const name = 'document-marker-with-content.yaml';
      const cli = scan(join(DISAGREE, name));
      assert.equal(cli.report.files[0].kind, 'skipped');
      assert.match(cli.report.files[0].reason ?? '', /multi-document/);
      assert.deepEqual(cli.entries, []);
      assert.deepEqual(fromEditor(await openIn(name, read(name))), []);
    });

    test('document-marker-with-content.yaml: the marker typed into an analysed template takes its findings away in the editor too', async () => {
      const text = read('document-marker-with-content.yaml');
      const single = text.replace(/--- !!str second document\n?$/, '');
      assert.notEqual(single, text);
      const uri = await client.open(join(workspace, 'typed-marker.yaml'), single);
      const first = await published(uri, 1);
      assert.ok(first.diagnostics.length > 0, 'the single document is analysed');
      const version = await client.change(uri, text);
      const { diagnostics } = await published(uri, version);
      assert.deepEqual(fromEditor(diagnostics), scanText('typed-marker.yaml', text).entries);
      assert.deepEqual(diagnostics, []);
      await client.close(uri);
    });
  });

  describe('Terraform: an edit of a split resource refreshes the bucket it points at', () => {
    const BUCKET = 'resource "aws_s3_bucket" "data" {\n  bucket = "example-data-7731"\n}\n';
    const VERSIONING = (status: string) => `resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "${status}"\n  }\n}\n`;

    /** The CLI's entries for main.tf of a module with these files. */
    const scanModule = (files: Record<string, string>): string[] => {
      const dir = mkdtempSync(join(tmpdir(), 'iac-hints-agree-tf-'));
      try {
        for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
        return scan(join(dir, 'main.tf')).entries;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };

    test('in the same file', async () => {
      const dir = join(workspace, 'tf-same');
      mkdirSync(dir);
      const main = join(dir, 'main.tf');
      const text = BUCKET + VERSIONING('Enabled');
      writeFileSync(main, text);
      const uri = await client.open(main, text, 'terraform');
      const first = await published(uri, 1);
      assert.deepEqual(ofRule(first.diagnostics, 's3-versioning'), []);
      assert.deepEqual(fromEditor(first.diagnostics), scanModule({ 'main.tf': text }));
      const version = await client.change(uri, BUCKET + VERSIONING('Suspended'));
      const edited = await published(uri, version);
      assert.deepEqual(ofRule(edited.diagnostics, 's3-versioning').map((diagnostic) => diagnostic.range.start.line), [0], 'on the bucket');
      assert.deepEqual(fromEditor(edited.diagnostics), scanModule({ 'main.tf': BUCKET + VERSIONING('Suspended') }));
      await client.close(uri);
    });

    test('in another file of the module', async () => {
      const dir = join(workspace, 'tf-other');
      mkdirSync(dir);
      const main = join(dir, 'main.tf');
      const s3 = join(dir, 'versioning.tf');
      writeFileSync(main, BUCKET);
      writeFileSync(s3, VERSIONING('Enabled'));
      const mainUri = await client.open(main, BUCKET, 'terraform');
      const first = await published(mainUri, 1);
      assert.deepEqual(ofRule(first.diagnostics, 's3-versioning'), []);
      const s3Uri = await client.open(s3, VERSIONING('Enabled'), 'terraform');
      const republished = client.nextDiagnostics(mainUri, (params) => ofRule(params.diagnostics, 's3-versioning').length > 0, 'main.tf with s3-versioning');
      await client.change(s3Uri, VERSIONING('Suspended'));
      const { diagnostics } = await republished;
      assert.deepEqual(fromEditor(diagnostics), scanModule({ 'main.tf': BUCKET, 'versioning.tf': VERSIONING('Suspended') }));
      await client.close(s3Uri);
      await client.close(mainUri);
    });
  });
});
