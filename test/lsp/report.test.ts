// The Shared Responsibility Report from the language server (lsp/report.ts): code lenses above each resource (and
// none when iacHints.codeLens.enable is off), iacHints/report for a file and for the workspace, iacHints/status for
// the status bar, and agreement with the CLI: the markdown `iac-hints scan --format markdown` writes is the one the
// server's report model renders to, for the same files.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens } from 'vscode-languageserver/node';
import { reportMarkdown } from '../../server/src/analysis';
import type { ResponsibilityReport } from '../../server/src/analysis';
import { runCli } from '../helpers/cli';
import { DEFAULT_CAPABILITIES, TestLspClient, fileUri } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';
import { Recorder, withTimeout } from '../helpers/waitFor';
import { SSH_OPEN } from '../helpers/fixtures';

interface ReportAnswer {
  readonly report: ResponsibilityReport;
  readonly uris: Record<string, string>;
  readonly html?: string;
}

interface StatusAnswer {
  readonly missed: number;
  readonly cannotBeChecked: number;
  readonly resources: number;
  readonly files: number;
}

const BUCKET = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
`;

function codeLenses(client: TestLspClient, uri: string): Promise<CodeLens[] | null> {
  return withTimeout(client.connection.sendRequest<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } }), 10_000, 'code lenses');
}

function report(client: TestLspClient, params: Record<string, unknown>): Promise<ReportAnswer> {
  return withTimeout(client.connection.sendRequest<ReportAnswer>('iacHints/report', params), 30_000, 'the report');
}

describe('the Shared Responsibility Report from the server', () => {
  let workspace: string;
  let client: TestLspClient;
  const lensRefreshes = new Recorder<number>();

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'iac-hints-report-'));
    writeFileSync(join(workspace, 'ssh.yaml'), SSH_OPEN);
    writeFileSync(join(workspace, 'bucket.yaml'), BUCKET);
    const capabilities = { ...DEFAULT_CAPABILITIES, workspace: { ...DEFAULT_CAPABILITIES.workspace, codeLens: { refreshSupport: true } } };
    ({ client } = await TestLspClient.start({ workspaceFolders: [workspace], capabilities, settings: { enable: true, scanWorkspaceOnStartup: false } }));
    client.connection.onRequest('workspace/codeLens/refresh', () => {
      lensRefreshes.push(lensRefreshes.values.length + 1);
      return null;
    });
  });

  after(async () => {
    await client.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('a code lens above each resource counts its duties and opens the report at it', async () => {
    const path = join(workspace, 'ssh.yaml');
    const uri = await client.open(path, SSH_OPEN);
    const lenses = await codeLenses(client, uri);
    assert.equal(lenses?.length, 1);
    const [lens] = lenses!;
    assert.equal(lens.range.start.line, 2, 'on the logical id');
    assert.equal(lens.command?.title, 'Customer: 0 of 1 addressed · 1 missed');
    assert.equal(lens.command?.command, 'iacHints.showReport');
    assert.deepEqual(lens.command?.arguments, [{ uri, key: 'ssh.yaml#AdminSecurityGroup' }]);
    // The key names the resource's row in the workspace's report.
    const answer = await report(client, {});
    assert.ok(answer.report.resources.some((resource) => resource.key === 'ssh.yaml#AdminSecurityGroup'));
    await client.close(uri);
  });

  test('the lenses follow an edit of the buffer', async () => {
    const path = join(workspace, 'bucket.yaml');
    const uri = await client.open(path, BUCKET);
    const before = (await codeLenses(client, uri))![0].command!.title;
    assert.match(before, /^Customer: \d+ of 7 addressed/);
    await client.change(uri, SSH_OPEN);
    const after = await codeLenses(client, uri);
    assert.deepEqual(after?.map((lens) => lens.command?.title), ['Customer: 0 of 1 addressed · 1 missed']);
    await client.close(uri);
  });

  test('iacHints/report for one file: its resources, the URI of each file, and the HTML with the nonce given', async () => {
    const uri = fileUri(join(workspace, 'ssh.yaml'));
    const answer = await report(client, { uri, html: { nonce: 'dGVzdC1ub25jZQ==' } });
    assert.deepEqual(answer.report.files, ['ssh.yaml']);
    assert.deepEqual(answer.uris, { 'ssh.yaml': uri });
    const cell = answer.report.resources[0].cells.find((candidate) => candidate.item === 'network-exposure');
    assert.equal(cell?.status, 'missed');
    assert.equal(cell?.severity, 'error');
    assert.ok(cell?.range, 'the place of the setting');
    assert.match(answer.html ?? '', /script-src 'nonce-dGVzdC1ub25jZQ=='/);
    // Links in the webview carry the file's URI.
    assert.ok((answer.html ?? '').includes(`data-href="${uri}"`));
  });

  test('iacHints/status counts the workspace\'s missed duties, as the report does', async () => {
    const status = await withTimeout(client.connection.sendRequest<StatusAnswer>('iacHints/status', {}), 30_000, 'the status');
    const answer = await report(client, {});
    assert.deepEqual(answer.report.files, ['bucket.yaml', 'ssh.yaml']);
    assert.equal(status.missed, answer.report.totals.cells.missed);
    assert.ok(status.missed > 0);
    assert.deepEqual([status.resources, status.files], [2, 2]);
  });

  test('a template too large for the server\'s thread gets its share of the report from the analysis worker', async () => {
    // Over BACKGROUND_ANALYSIS_SIZE (64K characters): its one-shot analysis on the server's thread would hold every
    // hover for seconds, so the worker (dist/worker.js, beside the server bundle) makes its rows.
    const path = join(workspace, 'large.yaml');
    const resources = Array.from({ length: 1200 }, (_, index) => `  Queue${index}:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: queue-${index}\n`).join('');
    writeFileSync(path, `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${resources}`);
    await client.filesChanged([{ path, type: 1 }]);
    try {
      type Answer = { report: { files: string[]; resources: { key: string; file: string; cells: { item: string; status: string }[] }[] }; uris: Record<string, string>; notAnalysed: string[]; html?: string };
      const status = await withTimeout(client.connection.sendRequest<StatusAnswer & { notAnalysed: number }>('iacHints/status', {}), 60_000, 'the status');
      const answer = await withTimeout(client.connection.sendRequest<Answer>('iacHints/report', { html: { nonce: 'bm9uY2Vub25jZW5vbmNl' } }), 60_000, 'the report');
      assert.equal(status.notAnalysed, 0);
      assert.deepEqual(answer.notAnalysed, []);
      assert.ok(answer.report.files.includes('large.yaml'), `files: ${JSON.stringify(answer.report.files)}`);
      const large = answer.report.resources.filter((resource) => resource.file === 'large.yaml');
      assert.equal(large.length, 1200);
      assert.equal(large[0].key, 'large.yaml#Queue0');
      assert.equal(answer.uris['large.yaml'], fileUri(path));
      const small = await withTimeout(client.connection.sendRequest<Answer>('iacHints/report', { uri: fileUri(path) }), 60_000, 'the file report');
      assert.deepEqual(small.notAnalysed, []);
      assert.equal(small.report.resources.length, 1200);
      assert.deepEqual(small.report.resources[7].cells, large[7].cells);
      assert.ok(!/id="not-analysed"/.test(answer.html ?? ''), 'nothing left out');
      // The worker's rows are the CLI's for the same file.
      const cli = runCli(['scan', 'large.yaml', '--format', 'markdown', '--fail-on', 'none'], { cwd: workspace });
      assert.equal(cli.status, 0, cli.stderr);
      assert.equal(reportMarkdown(small.report as unknown as ResponsibilityReport), cli.stdout);
      // Opened, it is analysed in the worker, and so are its lenses: one per resource, as on a small file.
      const uri = await client.open(path, readFileSync(path, 'utf8'));
      const lenses = await withTimeout(client.connection.sendRequest<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } }), 60_000, 'the lenses of the large file');
      assert.equal(lenses?.length, 1200);
      assert.deepEqual(lenses?.[7].command?.arguments, [{ uri, key: 'large.yaml#Queue7' }]);
      assert.equal(lenses?.[7].range.start.line, 2 + 7 * 4, 'on the logical id');
      await client.close(uri);
      assert.equal(status.resources, answer.report.resources.length);
    } finally {
      rmSync(path, { force: true });
      await client.filesChanged([{ path, type: 3 }]);
    }
  });

  test('a file changed on disk changes the workspace report', async () => {
    const path = join(workspace, 'ssh.yaml');
    const missedBefore = (await report(client, {})).report.totals.cells.missed;
    writeFileSync(path, SSH_OPEN.replace('0.0.0.0/0', '10.0.0.0/8').replace(/: 22/g, ': 443'));
    await client.filesChanged([{ path, type: 2 }]);
    const missedAfter = (await report(client, {})).report.totals.cells.missed;
    writeFileSync(path, SSH_OPEN);
    await client.filesChanged([{ path, type: 2 }]);
    assert.ok(missedAfter <= missedBefore);
    const cell = (await report(client, { uri: fileUri(path) })).report.resources[0].cells.find((candidate) => candidate.item === 'network-exposure');
    assert.equal(cell?.status, 'missed', 'read again after the second change');
  });

  test('iacHints.codeLens.enable: false turns the lenses off', async () => {
    const path = join(workspace, 'ssh.yaml');
    const uri = await client.open(path, SSH_OPEN);
    assert.equal((await codeLenses(client, uri))?.length, 1);
    client.settings = { enable: true, scanWorkspaceOnStartup: false, codeLens: { enable: false } };
    const refreshed = lensRefreshes.next(() => true, 'a code lens refresh');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { iacHints: client.settings } });
    await refreshed;
    assert.deepEqual(await codeLenses(client, uri), []);
    client.settings = { enable: true, scanWorkspaceOnStartup: false };
    const again = lensRefreshes.next(() => true, 'a second code lens refresh');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { iacHints: client.settings } });
    await again;
    assert.equal((await codeLenses(client, uri))?.length, 1);
    await client.close(uri);
  });
});

describe('the CLI\'s markdown report and the server\'s report agree', () => {
  test('examples/: the markdown of iac-hints scan is the server\'s report model rendered', async () => {
    const examples = join(REPO_ROOT, 'examples');
    const cli = runCli(['scan', '.', '--format', 'markdown', '--fail-on', 'none'], { cwd: examples });
    assert.equal(cli.status, 0, cli.stderr);
    const { client } = await TestLspClient.start({ workspaceFolders: [examples], settings: { enable: true, scanWorkspaceOnStartup: false } });
    try {
      const answer = await report(client, { html: { nonce: 'bm9uY2U=' } });
      assert.equal(reportMarkdown(answer.report), cli.stdout);
      // And the webview's page shows every resource of it.
      for (const resource of answer.report.resources) assert.ok(answer.html?.includes(`data-key="${resource.key}"`), resource.key);
      assert.ok(answer.report.resources.length >= 13);
    } finally {
      await client.shutdown();
    }
  });
});
