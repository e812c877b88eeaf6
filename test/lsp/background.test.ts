// The language server never blocks on a large file, and delivers diagnostics cheaply (issue 10, items 2 and 3; the
// case ../shared/cases/editor/large-template-blocks-server). Driven over stdio like an editor; the server's
// $/logTrace lines say what it analyses where, so the tests can tell an analysis that never happened from one that
// had not happened yet. No sleeps and no timings: the tests assert the order in which answers arrive.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import type { Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { Analyzer } from '../../server/src/analysis';
import { BACKGROUND_ANALYSIS_SIZE } from '../../server/src/lsp/background';
import { MAX_DIAGNOSTICS_PER_FILE, MORE_FINDINGS_CODE } from '../../server/src/lsp/convert';
import { runCli } from '../helpers/cli';
import { PULL_CAPABILITIES, TestLspClient, fileUri } from '../helpers/lspClient';
import { withTimeout } from '../helpers/waitFor';

/** A large analysis takes seconds on a loaded 2-core machine: wait for it generously (it is a bound, not a timing). */
const LARGE_TIMEOUT = 180_000;

/** One S3 bucket as the case's generator writes it (make-large.mjs). */
const bucket = (i: number): string => `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: name-${i}\n      Tags:\n        - Key: k\n          Value: "${'v'.repeat(40)}"\n`;

/** A template of buckets at least `size` characters long (the case's large-1MB.yaml for 1 MiB), with `extra` resources. */
function largeTemplate(size: number, extra = ''): string {
  let text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
  for (let i = 0; text.length < size; i++) text += bucket(i);
  return text + extra;
}

const SSH_GROUP = `  AdminSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`;
const SSH_OPEN = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${SSH_GROUP}`;
const SSH_FIXED = SSH_OPEN.replace('0.0.0.0/0', '10.0.0.0/8');
const SMALL = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Reports:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: reports
`;
/** The 1 MiB template of the case: analysed for seconds (one hover takes milliseconds). */
const LARGE = largeTemplate(1024 * 1024);
/**
 * Large enough for the worker, quicker to analyse, and with fewer findings than the server publishes for one file
 * (MAX_DIAGNOSTICS_PER_FILE): its buckets carry many tags.
 */
const MEDIUM = ((): string => {
  const tags = Array.from({ length: 40 }, (_, tag) => `        - Key: k${tag}\n          Value: "${'v'.repeat(40)}"\n`).join('');
  let text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
  for (let i = 0; text.length < 4 * BACKGROUND_ANALYSIS_SIZE; i++) text += `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: name-${i}\n      Tags:\n${tags}`;
  return text;
})();

const ofRule = (diagnostics: readonly Diagnostic[], code: string): Diagnostic[] => diagnostics.filter((diagnostic) => diagnostic.code === code);

/** Findings of one bucket as `bucket` writes it (the core, in-process): a large template of them has this many per bucket. */
const FINDINGS_PER_BUCKET = new Analyzer({}).analyze({ path: '/one.yaml', text: `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${bucket(0)}` }).findings.length;

/**
 * The findings a file's diagnostics stand for: those shown, plus the number the last one counts when the file has
 * more than the server publishes (MAX_DIAGNOSTICS_PER_FILE, as VS Code shows).
 */
function findingsCounted(diagnostics: readonly Diagnostic[]): number {
  const more = diagnostics.find((diagnostic) => diagnostic.code === MORE_FINDINGS_CODE);
  if (!more) return diagnostics.length;
  assert.equal(diagnostics.length, MAX_DIAGNOSTICS_PER_FILE + 1);
  return MAX_DIAGNOSTICS_PER_FILE + Number(/^([\d,]+) more findings/.exec(String(more.message))?.[1].replace(/,/g, ''));
}

/** The position of `needle` (at `offset` characters into it) in `text`. */
function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(needle));
  assert.ok(line >= 0, `${needle} is in the text`);
  return { line, character: lines[line].indexOf(needle) + offset };
}

/** Trace lines received from `from` on that mention `uri` and start with `prefix`. */
function tracesSince(client: TestLspClient, from: number, prefix: string, uri: string): string[] {
  return client.traces.values.slice(from).filter((line) => line.startsWith(prefix) && line.includes(uri));
}

describe('the language server never blocks on a large file (pushed diagnostics)', () => {
  let workspace: string;
  let outside: string;
  let client: TestLspClient;
  let capabilities: Record<string, unknown>;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'iac-hints-bg-'));
    outside = mkdtempSync(join(tmpdir(), 'iac-hints-bg-files-'));
    const started = await TestLspClient.start({ workspaceFolders: [workspace], settings: { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: true }, trace: 'verbose' });
    client = started.client;
    capabilities = started.result.capabilities as Record<string, unknown>;
    // The scan's listing of the workspace's Terraform folders changes what a module is analysed with: done first.
    await client.progress.find((event) => event.value.kind === 'end', 'the workspace scan\'s end');
  });

  after(async () => {
    await client?.kill();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  test('a client that does not pull is not offered pull diagnostics', () => {
    assert.equal(capabilities.diagnosticProvider, undefined);
  });

  test('a hover and the diagnostics of a small template arrive while a large one is analysed in the worker, before its diagnostics', async () => {
    assert.ok(LARGE.length > BACKGROUND_ANALYSIS_SIZE);
    const largeUri = fileUri(join(outside, 'large-1MB.yaml'));
    const analysing = client.traces.next((line) => line.startsWith(`background: analysing ${largeUri} v1`), 'the worker starting on the large template', LARGE_TIMEOUT);
    await client.open(join(outside, 'large-1MB.yaml'), LARGE);
    await analysing;

    const smallPath = join(outside, 'small.yaml');
    const smallUri = fileUri(smallPath);
    const smallDiagnostics = client.nextDiagnostics(smallUri, () => true, 'the small template\'s diagnostics');
    await client.open(smallPath, SMALL);
    const hover = await client.hover(smallUri, positionOf(SMALL, 'AWS::S3::Bucket', 4));
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /Customer/);
    assert.ok(ofRule((await smallDiagnostics).diagnostics, 's3-versioning').length === 1);
    // Messages arrive in the order the server sent them: nothing of the large template's came first.
    assert.equal(client.diagnostics.values.some((params) => params.uri === largeUri), false, 'the large template\'s diagnostics came before the hover\'s answer');

    const large = await client.findDiagnostics(largeUri, () => true, 'the large template\'s diagnostics', LARGE_TIMEOUT);
    assert.equal(large.version, 1);
    const buckets = (LARGE.match(/Type: AWS::S3::Bucket/g) ?? []).length;
    assert.equal(findingsCounted(large.diagnostics), buckets * FINDINGS_PER_BUCKET, 'every bucket\'s findings, shown or counted, from the worker\'s JSON');
    await client.close(largeUri);
    await client.close(smallUri);
  });

  test('a newer version of a large template wins: its diagnostics are the only ones published, for the newest text', async () => {
    const path = join(outside, 'edited.yaml');
    const uri = fileUri(path);
    const analysing = client.traces.next((line) => line.startsWith(`background: analysing ${uri} v1`), 'the worker starting on version 1', LARGE_TIMEOUT);
    await client.open(path, MEDIUM);
    await analysing;
    const newest = await client.change(uri, MEDIUM + SSH_GROUP);
    // While the worker analyses, a hover on the document itself answers nothing rather than wait.
    assert.equal(await client.hover(uri, positionOf(MEDIUM, 'AWS::S3::Bucket', 4)), null);
    const published = await client.findDiagnostics(uri, (params) => params.version === newest, 'the newest version\'s diagnostics', LARGE_TIMEOUT);
    assert.equal(ofRule(published.diagnostics, 'sg-open-admin-ports').length, 1, 'the diagnostics reflect the newest text');
    const versions = client.diagnostics.values.filter((params) => params.uri === uri).map((params) => params.version);
    assert.deepEqual(versions, [newest], 'no diagnostics of version 1 were published');
    assert.ok(
      tracesSince(client, 0, `dropped the diagnostics of ${uri} v1`, uri).length + tracesSince(client, 0, `background: skipped ${uri} v1`, uri).length === 1,
      `version 1 was analysed and its result dropped, or never started: ${JSON.stringify(client.traces.values.filter((line) => line.includes(uri)))}`,
    );

    // Done: the worker answers hovers and quick fixes on the document from its analysis.
    const hover = await client.hover(uri, positionOf(MEDIUM, 'AWS::S3::Bucket', 4));
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /Customer/);
    const [versioning] = ofRule(published.diagnostics, 's3-versioning');
    const actions = await client.codeActions(uri, versioning.range, [versioning]);
    const suppress = actions?.find((action) => action.title === 'Suppress s3-versioning for Bucket0 (with a reason)');
    assert.ok(suppress, JSON.stringify(actions?.map((action) => action.title)));
    assert.deepEqual(suppress.diagnostics, [versioning]);
    await client.close(uri);
  });

  test('closing a large template whose saved text is the one analysed keeps its diagnostics and analyses nothing', async () => {
    const path = join(outside, 'saved.yaml');
    writeFileSync(path, MEDIUM);
    const uri = fileUri(path);
    await client.open(path, MEDIUM);
    const opened = await client.findDiagnostics(uri, (params) => params.version === 1, 'the diagnostics of the opened template', LARGE_TIMEOUT);
    assert.ok(opened.diagnostics.length > 0);
    const tracesBefore = client.traces.values.length;
    const publishedBefore = client.diagnostics.values.length;
    const kept = client.traces.next((line) => line === `closed ${uri}: the saved text is the one analysed; its diagnostics are kept`, 'the close keeping the diagnostics');
    await client.close(uri);
    await kept;
    // A request after the close: anything the close started would have been said before its answer.
    await client.hover(fileUri(join(outside, 'nothing.yaml')), { line: 0, character: 0 });
    assert.deepEqual(tracesSince(client, tracesBefore, 'background: analysing', uri), [], 'closing analysed the template again');
    assert.deepEqual(client.diagnostics.values.slice(publishedBefore).filter((params) => params.uri === uri), [], 'the shown diagnostics stay as they are');
  });

  test('closing a large template that is not on disk clears its diagnostics without analysing it', async () => {
    const path = join(outside, 'never-saved.yaml');
    const uri = fileUri(path);
    await client.open(path, MEDIUM);
    const opened = await client.findDiagnostics(uri, (params) => params.version === 1, 'the diagnostics of the unsaved template', LARGE_TIMEOUT);
    assert.ok(opened.diagnostics.length > 0);
    const tracesBefore = client.traces.values.length;
    const cleared = client.nextDiagnostics(uri, (params) => params.diagnostics.length === 0, 'empty diagnostics after the close');
    await client.close(uri);
    await cleared;
    assert.deepEqual(tracesSince(client, tracesBefore, 'background: analysing', uri), [], 'closing analysed the template again');
  });

  test('a small Terraform file of a large module is analysed in the worker, which answers its hovers', async () => {
    const dir = join(outside, 'big-module');
    mkdirSync(dir);
    let buckets = '';
    for (let i = 0; buckets.length <= BACKGROUND_ANALYSIS_SIZE; i++) buckets += `resource "aws_s3_bucket" "b${i}" {\n  bucket = "name-${i}"\n}\n\n`;
    const network = 'resource "aws_security_group" "admin" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
    writeFileSync(join(dir, 'buckets.tf'), buckets);
    const networkUri = fileUri(join(dir, 'network.tf'));
    const published = client.nextDiagnostics(networkUri, (params) => ofRule(params.diagnostics, 'sg-open-admin-ports').length === 1, 'the small file\'s finding', LARGE_TIMEOUT);
    // The small file alone is far under the bound: its module (with buckets.tf on disk) is not.
    await client.open(join(dir, 'network.tf'), network, 'terraform');
    await published;
    assert.ok(tracesSince(client, 0, `background: analysing ${networkUri} v1`, networkUri).length > 0, 'the module was analysed in the worker');
    const hover = await client.hover(networkUri, positionOf(network, 'aws_security_group', 4));
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /Customer/, 'the worker answers the hover');
    await client.close(networkUri);
  });

  test('a template over the size limit is not analysed, and says so', async () => {
    const path = join(outside, 'huge.yaml');
    const uri = fileUri(path);
    const text = `${SSH_OPEN}# ${'x'.repeat(5 * 1024 * 1024)}\n`;
    const tracesBefore = client.traces.values.length;
    const published = client.nextDiagnostics(uri, () => true, 'the too-large template\'s diagnostics');
    await client.open(path, text);
    const { diagnostics } = await published;
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0].code, 'parse');
    assert.equal(diagnostics[0].severity, 2);
    assert.equal(diagnostics[0].message, `The file is ${text.length} characters long, over the ${5 * 1024 * 1024} limit; it is not analysed.`);
    assert.deepEqual(tracesSince(client, tracesBefore, 'background: analysing', uri), []);
    await client.close(uri);
  });

  test('shutdown then exit ends the process (and its worker) with code 0', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});

/** A template and a Terraform module with a caller in a cousin folder (as in server.test.ts). */
const TF_DB_MODULE = `variable "public" {
  type    = bool
  default = true
}

resource "aws_db_instance" "this" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  storage_encrypted   = true
  publicly_accessible = var.public
}
`;
const TF_CALLER = (inputs: string): string => `module "db" {\n  source = "../../modules/db"\n${inputs}}\n`;

function full(report: DocumentDiagnosticReport): FullDocumentDiagnosticReport {
  assert.equal(report.kind, 'full', `a full report, got ${JSON.stringify(report).slice(0, 200)}`);
  return report as FullDocumentDiagnosticReport;
}

/** Diagnostics and CLI findings in one comparable form (code, severity name, range, message). */
interface Comparable { code: string; severity: string; range: string; message: string }
const SEVERITY_NAMES = ['', 'error', 'warning', 'info'];
function comparable(diagnostics: readonly Diagnostic[]): Comparable[] {
  return diagnostics
    .map((diagnostic) => ({ code: String(diagnostic.code), severity: SEVERITY_NAMES[diagnostic.severity ?? 0], range: JSON.stringify(diagnostic.range), message: diagnostic.message as string }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
function cliComparable(path: string): Comparable[] {
  const result = runCli(['scan', path, '--format', 'json', '--fail-on', 'none']);
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout) as {
    files: { problems: { message: string; range: unknown }[] }[];
    findings: { ruleId: string; severity: string; message: string; range: unknown }[];
  };
  return [
    ...report.files.flatMap((file) => file.problems.map((problem) => ({ code: 'parse', severity: '?', range: JSON.stringify(problem.range), message: problem.message }))),
    ...report.findings.map((finding) => ({ code: finding.ruleId, severity: finding.severity, range: JSON.stringify(finding.range), message: finding.message })),
  ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('pull diagnostics (textDocument/diagnostic)', () => {
  let workspace: string;
  let client: TestLspClient;
  let capabilities: Record<string, unknown>;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'iac-hints-pull-'));
    writeFileSync(join(workspace, 'scanned.yaml'), SSH_OPEN);
    mkdirSync(join(workspace, 'tf', 'modules', 'db'), { recursive: true });
    mkdirSync(join(workspace, 'tf', 'envs', 'prod'), { recursive: true });
    writeFileSync(join(workspace, 'tf', 'modules', 'db', 'main.tf'), TF_DB_MODULE);
    writeFileSync(join(workspace, 'tf', 'envs', 'prod', 'main.tf'), TF_CALLER('  public = false\n'));
    const started = await TestLspClient.start({
      workspaceFolders: [workspace],
      settings: { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: true },
      capabilities: PULL_CAPABILITIES,
      trace: 'verbose',
    });
    client = started.client;
    capabilities = started.result.capabilities as Record<string, unknown>;
    // The scan pushes the diagnostics of files that are not open.
    await client.findDiagnostics(fileUri(join(workspace, 'scanned.yaml')), (params) => params.diagnostics.length > 0, 'the scan\'s diagnostics', LARGE_TIMEOUT);
  });

  after(async () => {
    await client?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('initialize offers pull diagnostics to a client that declares them', () => {
    assert.deepEqual(capabilities.diagnosticProvider, { identifier: 'iac-hints', interFileDependencies: true, workspaceDiagnostics: false });
  });

  test('a report has a result id; while the diagnostics stay the same a pull answers "unchanged" with that id', async () => {
    const path = join(workspace, 'pulled.yaml');
    const uri = await client.open(path, SSH_OPEN);
    const first = full(await client.pullDiagnostics(uri));
    assert.equal(ofRule(first.items, 'sg-open-admin-ports').length, 1);
    assert.ok(first.resultId);
    assert.deepEqual(await client.pullDiagnostics(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // An edit that changes no diagnostic: still unchanged.
    await client.change(uri, SSH_OPEN.replace('GroupDescription: admin', 'GroupDescription: admix'));
    assert.deepEqual(await client.pullDiagnostics(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // An edit that does: a full report under a new id.
    await client.change(uri, SSH_FIXED);
    const fixed = full(await client.pullDiagnostics(uri, first.resultId));
    assert.notEqual(fixed.resultId, first.resultId);
    assert.deepEqual(ofRule(fixed.items, 'sg-open-admin-ports'), []);
    assert.equal(client.diagnostics.values.some((params) => params.uri === uri && params.diagnostics.length > 0), false, 'an open document\'s diagnostics are pulled, never pushed');
    await client.close(uri);
  });

  test('hovers and quick fixes answer on a pulled document', async () => {
    const path = join(workspace, 'answered.yaml');
    const text = `${SMALL}${SSH_GROUP}`;
    const uri = await client.open(path, text);
    const report = full(await client.pullDiagnostics(uri));
    const hover = await client.hover(uri, positionOf(text, 'AWS::S3::Bucket', 4));
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /Customer/);
    const [ssh] = ofRule(report.items, 'sg-open-admin-ports');
    const actions = await client.codeActions(uri, ssh.range, [ssh]);
    assert.ok(actions?.some((action) => action.title.includes('sg-open-admin-ports')), JSON.stringify(actions?.map((action) => action.title)));
    await client.close(uri);
  });

  test('opening a file the scan published for clears the pushed diagnostics: the pulled ones replace them', async () => {
    const path = join(workspace, 'scanned.yaml');
    const uri = fileUri(path);
    const cleared = client.nextDiagnostics(uri, (params) => params.diagnostics.length === 0, 'the pushed diagnostics cleared on open');
    await client.open(path, SSH_OPEN);
    await cleared;
    assert.equal(ofRule(full(await client.pullDiagnostics(uri)).items, 'sg-open-admin-ports').length, 1);
    // Closed: the client drops what it pulled, the server pushes the saved text's (here the same text, kept).
    const pushed = client.nextDiagnostics(uri, (params) => ofRule(params.diagnostics, 'sg-open-admin-ports').length === 1, 'the saved text\'s diagnostics pushed after the close');
    await client.close(uri);
    await pushed;
  });

  test('pulled diagnostics equal the CLI\'s findings for the same text, for a small and a large template', async () => {
    for (const [name, text] of [['same-as-cli.yaml', `${SMALL}${SSH_GROUP}`], ['large-as-cli.yaml', MEDIUM + SSH_GROUP]] as const) {
      const path = join(workspace, name);
      writeFileSync(path, text);
      const uri = await client.open(path, text);
      const report = full(await client.pullDiagnostics(uri, undefined, LARGE_TIMEOUT));
      const cli = cliComparable(path);
      assert.ok(cli.length > 0);
      // The CLI's problems carry no severity: compare them without it.
      const fromEditor = comparable(report.items).map((item) => (item.code === 'parse' ? { ...item, severity: '?' } : item));
      assert.deepEqual(fromEditor, cli, `${name}: the editor and the CLI disagree`);
      await client.close(uri);
    }
  });

  test('a large template is pulled from the worker while a small one is answered at once; a cancelled pull answers at once', async () => {
    const largePath = join(workspace, 'large-1MB.yaml');
    const largeUri = await client.open(largePath, LARGE);
    let largeDone = false;
    const largeReport = client.pullDiagnostics(largeUri, undefined, LARGE_TIMEOUT).then((report) => {
      largeDone = true;
      return report;
    });
    await client.traces.find((line) => line.startsWith(`background: analysing ${largeUri} v1`), 'the worker starting on the large template', LARGE_TIMEOUT);
    const smallUri = await client.open(join(workspace, 'small.yaml'), SMALL);
    assert.equal(ofRule(full(await client.pullDiagnostics(smallUri)).items, 's3-versioning').length, 1);
    assert.equal(largeDone, false, 'the small template\'s report waited for the large one');

    // The client gives up on a pull (the document changed, say): the server answers RequestCancelled at once.
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: largeUri } }, source.token);
    source.cancel();
    await assert.rejects(withTimeout(cancelled, 10_000, 'the cancelled pull\'s answer'), (error: { code?: number }) => error.code === -32800);
    assert.equal(largeDone, false, 'the cancellation waited for the analysis');

    const report = full(await largeReport);
    const buckets = (LARGE.match(/Type: AWS::S3::Bucket/g) ?? []).length;
    assert.equal(findingsCounted(report.items), buckets * FINDINGS_PER_BUCKET);
    assert.deepEqual(await client.pullDiagnostics(largeUri, report.resultId), { kind: 'unchanged', resultId: report.resultId });
    // The worker, free again, answers a hover on the large template from its analysis.
    const hover = await client.hover(largeUri, positionOf(LARGE, 'AWS::S3::Bucket', 4));
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /Customer/);
    await client.close(largeUri);
    await client.close(smallUri);
  });

  test('a Terraform module\'s report follows its caller as it is typed: the server asks the client to pull again', async () => {
    const moduleUri = await client.open(join(workspace, 'tf', 'modules', 'db', 'main.tf'), TF_DB_MODULE, 'terraform');
    const callerUri = await client.open(join(workspace, 'tf', 'envs', 'prod', 'main.tf'), TF_CALLER('  public = false\n'), 'terraform');
    const before = full(await client.pullDiagnostics(moduleUri));
    assert.deepEqual(ofRule(before.items, 'rds-not-public'), [], 'the caller passes false');
    const refreshed = client.refreshes.next(() => true, 'a workspace/diagnostic/refresh request');
    await client.change(callerUri, TF_CALLER(''));
    await refreshed;
    const after = full(await client.pullDiagnostics(moduleUri, before.resultId));
    const [error] = ofRule(after.items, 'rds-not-public');
    assert.equal(error?.severity, 1, 'the default (public) deploys once the caller passes nothing');
    const pushedForOpen = client.diagnostics.values.filter((params: PublishDiagnosticsParams) => (params.uri === moduleUri || params.uri === callerUri) && params.version !== undefined);
    assert.deepEqual(pushedForOpen, [], 'open documents are not pushed to');
    await client.close(callerUri);
    await client.close(moduleUri);
  });
});
