// The start-up scan of a big workspace, as an editor sees it: open documents first, the rest with cancellable
// progress (only for clients that declare it), the same diagnostics as the CLI for every file, and watched files
// (deleted, renamed, a module's file removed) keeping diagnostics current. The server is spawned over stdio.
//
// Memory is not asserted here: the peak RSS of a process depends on when V8 collects, so a bound tight enough to
// mean something would be flaky. scripts/workspace-scan-profile.mjs measures it (and the time against the floor).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { DEFAULT_CAPABILITIES, TestLspClient, fileUri } from '../helpers/lspClient';
import { CLI_JS, REPO_ROOT, SERVER_JS } from '../helpers/paths';
import { SSH_OPEN } from '../helpers/fixtures';

const SETTINGS = { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: true };

/** Every candidate file under `dir` (what the generator wrote). */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

function generateWorkspace(dir: string, count: number): void {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'generate-workspace.mjs'), dir, String(count)], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
}

const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3 };

/** A diagnostic as a comparable line: code, range, severity (not for parse problems: the CLI's JSON has none), message. */
function lineOf(code: string, range: Diagnostic['range'], severity: number | undefined, message: string): string {
  return `${code} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${code === 'parse' ? '' : severity} ${message}`;
}

interface CliReport {
  readonly files: readonly { path: string; problems: readonly { message: string; range: Diagnostic['range'] }[] }[];
  readonly findings: readonly { file: string; ruleId: string; severity: string; message: string; range: Diagnostic['range'] }[];
}

/** What the CLI reports for every file under `dir`, by URI, as sorted lines. */
function cliDiagnostics(dir: string): Map<string, string[]> {
  const result = spawnSync(process.execPath, [CLI_JS, 'scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout) as CliReport;
  const byUri = new Map<string, string[]>();
  const add = (file: string, line: string): void => {
    const uri = fileUri(join(dir, file));
    byUri.set(uri, [...byUri.get(uri) ?? [], line]);
  };
  for (const file of report.files) for (const problem of file.problems) add(file.path, lineOf('parse', problem.range, undefined, problem.message));
  for (const finding of report.findings) add(finding.file, lineOf(finding.ruleId, finding.range, SEVERITY[finding.severity], finding.message));
  for (const lines of byUri.values()) lines.sort();
  return byUri;
}

/** The last diagnostics published for each URI, as sorted lines. */
function publishedDiagnostics(published: readonly PublishDiagnosticsParams[]): Map<string, string[]> {
  const last = new Map<string, PublishDiagnosticsParams>();
  for (const params of published) last.set(params.uri, params);
  const byUri = new Map<string, string[]>();
  for (const [uri, params] of last) {
    if (params.diagnostics.length === 0) continue;
    byUri.set(uri, params.diagnostics.map((diagnostic) => lineOf(String(diagnostic.code), diagnostic.range, diagnostic.severity, String(diagnostic.message))).sort());
  }
  return byUri;
}

async function scanned(client: TestLspClient): Promise<void> {
  const begin = await client.progress.find((event) => event.value.kind === 'begin', 'the scan\'s progress begin', 30_000);
  await client.progress.find((event) => event.value.kind === 'end' && event.token === begin.token, 'the scan\'s progress end', 120_000);
}

describe('workspace scan of 2,000 generated templates', () => {
  let workspace: string;
  let client: TestLspClient;
  let openedPath: string;
  let newPath: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'iac-hints-scan-'));
    generateWorkspace(workspace, 2000);
    openedPath = filesUnder(workspace).find((path) => path.endsWith('.yaml')) as string;
    newPath = join(workspace, 'teams', 'opened-new.yaml');
    ({ client } = await TestLspClient.start({ workspaceFolders: [workspace], settings: SETTINGS }));
    // Opened as the editor restores its tabs: right after initialized, before the scan lists the workspace.
    await client.open(openedPath, SSH_OPEN);
    await client.open(newPath, SSH_OPEN);
    await scanned(client);
  });

  after(async () => {
    await client?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('open documents are published before any other file of the workspace, from their editor text', () => {
    const order = client.diagnostics.values.map((params) => params.uri);
    const open = new Set([fileUri(openedPath), fileUri(newPath)]);
    const firstOther = order.findIndex((uri) => !open.has(uri));
    assert.ok(firstOther > 0, 'the scan published other files');
    for (const uri of open) {
      const first = order.indexOf(uri);
      assert.ok(first >= 0 && first < firstOther, `${uri} was published at ${first}, after another file (at ${firstOther})`);
    }
    // The scan never published the saved text of the open file: every publication is the buffer's (versioned).
    const ofOpened = client.diagnostics.values.filter((params) => params.uri === fileUri(openedPath));
    assert.ok(ofOpened.length > 0 && ofOpened.every((params) => params.version === 1), JSON.stringify(ofOpened.map((params) => params.version)));
    assert.ok(ofOpened.every((params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'sg-open-admin-ports')));
  });

  test('the progress is cancellable and says how far the scan got', () => {
    const events = client.progress.values.map((event) => event.value);
    assert.equal(events[0].kind, 'begin');
    assert.equal((events[0] as { cancellable?: boolean }).cancellable, true);
    const reports = events.filter((event) => event.kind === 'report');
    assert.ok(reports.length > 0, 'expected progress reports');
    const percentages = reports.map((event) => event.percentage ?? -1);
    assert.deepEqual([...percentages].sort((a, b) => a - b), percentages, 'percentages only grow');
    assert.equal(percentages.at(-1), 100);
    assert.equal(client.progressCreated.values.length, 1);
  });

  test('every file gets the CLI\'s diagnostics', () => {
    const expected = cliDiagnostics(workspace);
    expected.delete(fileUri(openedPath)); // Its editor text differs from the disk.
    const published = publishedDiagnostics(client.diagnostics.values);
    published.delete(fileUri(openedPath));
    published.delete(fileUri(newPath));
    assert.ok(expected.size > 1500, `the CLI reports on ${expected.size} files`);
    const missing = [...expected.keys()].filter((uri) => !published.has(uri));
    assert.deepEqual(missing.map((uri) => relative(workspace, new URL(uri).pathname)).slice(0, 5), [], `${missing.length} files with findings were not published`);
    const extra = [...published.keys()].filter((uri) => !expected.has(uri));
    assert.deepEqual(extra, [], 'published diagnostics the CLI does not report');
    for (const [uri, lines] of expected) assert.deepEqual(published.get(uri), lines, uri);
  });
});

test('the user cancels the scan: progress ends, and the rest of the workspace is not analysed', { timeout: 120_000 }, async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'iac-hints-scan-cancel-'));
  generateWorkspace(workspace, 2000);
  const { client } = await TestLspClient.start({ workspaceFolders: [workspace], settings: SETTINGS });
  try {
    const begin = await client.progress.find((event) => event.value.kind === 'begin', 'the scan\'s progress begin', 30_000);
    await client.cancelProgress(begin.token);
    await client.progress.find((event) => event.value.kind === 'end' && event.token === begin.token, 'the progress end after the cancel', 60_000);
    await client.logMessages.find((message) => message.includes('the workspace scan was cancelled'), 'the cancelled scan\'s log', 10_000);
    const published = new Set(client.diagnostics.values.map((params) => params.uri));
    assert.ok(published.size < 1000, `the cancelled scan still published ${published.size} files`);
  } finally {
    await client.kill();
    rmSync(workspace, { recursive: true, force: true });
  }
});

test('when the scan\'s worker cannot start, the main thread analyses every template', { timeout: 120_000 }, async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'iac-hints-scan-noworker-'));
  // The server bundle alone, without dist/scanWorker.js beside it.
  const serverDir = mkdtempSync(join(tmpdir(), 'iac-hints-server-'));
  copyFileSync(SERVER_JS, join(serverDir, 'server.js'));
  generateWorkspace(workspace, 400);
  const { client } = await TestLspClient.start({ workspaceFolders: [workspace], settings: SETTINGS, serverPath: join(serverDir, 'server.js') });
  try {
    await scanned(client);
    await client.logMessages.find((message) => message.includes('scanned 400 candidate files'), 'the scan\'s end in the log');
    assert.ok(client.logs.some((message) => message.includes('worker stopped')), 'the worker\'s failure is logged');
    const expected = cliDiagnostics(workspace);
    const published = publishedDiagnostics(client.diagnostics.values);
    assert.equal(published.size, expected.size);
    for (const [uri, lines] of expected) assert.deepEqual(published.get(uri), lines, uri);
  } finally {
    await client.kill();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(serverDir, { recursive: true, force: true });
  }
});

test('a client without window.workDoneProgress gets no progress, and the scan still runs', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'iac-hints-scan-noprogress-'));
  const capabilities: ClientCapabilities = { ...DEFAULT_CAPABILITIES, window: {} };
  writeFileSync(join(workspace, 'ssh.yaml'), SSH_OPEN);
  const { client } = await TestLspClient.start({ workspaceFolders: [workspace], settings: SETTINGS, capabilities });
  try {
    await client.findDiagnostics(fileUri(join(workspace, 'ssh.yaml')), (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'sg-open-admin-ports'));
    await client.logMessages.find((message) => message.includes('scanned 1 candidate files'), 'the scan\'s end in the log');
    assert.deepEqual(client.progressCreated.values, []);
    assert.deepEqual(client.progress.values, []);
  } finally {
    await client.kill();
    rmSync(workspace, { recursive: true, force: true });
  }
});

describe('watched files', () => {
  let workspace: string;
  let client: TestLspClient;
  const TF_BUCKET = 'resource "aws_s3_bucket" "data" {\n  bucket = "example-data-7731"\n}\n';
  /** Versioning for the bucket of main.tf, and a security group with SSH open (a finding of this file's own). */
  const TF_VERSIONING = 'resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n\n'
    + 'resource "aws_security_group" "admin" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
  const versioning = (params: PublishDiagnosticsParams): Diagnostic[] => params.diagnostics.filter((diagnostic) => diagnostic.code === 's3-versioning');

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'iac-hints-watch-'));
    writeFileSync(join(workspace, 'deleted.yaml'), SSH_OPEN);
    writeFileSync(join(workspace, 'renamed.yaml'), SSH_OPEN);
    mkdirSync(join(workspace, 'tf'));
    writeFileSync(join(workspace, 'tf', 'main.tf'), TF_BUCKET);
    writeFileSync(join(workspace, 'tf', 'versioning.tf'), TF_VERSIONING);
    ({ client } = await TestLspClient.start({ workspaceFolders: [workspace], settings: SETTINGS }));
    await scanned(client);
  });

  after(async () => {
    await client?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('a deleted file\'s diagnostics are cleared', async () => {
    const path = join(workspace, 'deleted.yaml');
    await client.findDiagnostics(fileUri(path), (params) => params.diagnostics.length > 0, 'the scan\'s diagnostics for deleted.yaml');
    unlinkSync(path);
    const cleared = client.nextDiagnostics(fileUri(path), (params) => params.diagnostics.length === 0, 'empty diagnostics for the deleted file');
    await client.filesChanged([{ path, type: 3 }]);
    await cleared;
  });

  test('a rename (deleted, then created) moves the diagnostics to the new name', async () => {
    const from = join(workspace, 'renamed.yaml');
    const to = join(workspace, 'renamed-to.yaml');
    await client.findDiagnostics(fileUri(from), (params) => params.diagnostics.length > 0, 'the scan\'s diagnostics for renamed.yaml');
    renameSync(from, to);
    const cleared = client.nextDiagnostics(fileUri(from), (params) => params.diagnostics.length === 0, 'empty diagnostics for the old name');
    const created = client.nextDiagnostics(fileUri(to), (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'sg-open-admin-ports'), 'diagnostics for the new name');
    await client.filesChanged([{ path: from, type: 3 }, { path: to, type: 1 }]);
    await cleared;
    await created;
  });

  test('deleting a file of a Terraform module clears it and re-judges the module\'s other files', async () => {
    const main = join(workspace, 'tf', 'main.tf');
    const removed = join(workspace, 'tf', 'versioning.tf');
    const scan = await client.findDiagnostics(fileUri(main), () => true, 'the scan\'s diagnostics for main.tf');
    assert.deepEqual(versioning(scan), [], 'versioning.tf enables versioning');
    await client.findDiagnostics(fileUri(removed), (params) => params.diagnostics.length > 0, 'the scan\'s diagnostics for versioning.tf');
    unlinkSync(removed);
    const cleared = client.nextDiagnostics(fileUri(removed), (params) => params.diagnostics.length === 0, 'empty diagnostics for the deleted versioning.tf');
    const rejudged = client.nextDiagnostics(fileUri(main), (params) => versioning(params).length > 0, 'main.tf without versioning');
    await client.filesChanged([{ path: removed, type: 3 }]);
    await cleared;
    await rejudged;
  });
});
