// workspace/executeCommand: the Scan Workspace command re-scans every template of the workspace, with progress,
// even when the start-up scan is off, and answers once it is done.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { InitializeResult } from 'vscode-languageserver/node';
import { TestLspClient, fileUri } from '../helpers/lspClient';
import { SSH_OPEN } from '../helpers/fixtures';

describe('Scan Workspace (workspace/executeCommand)', () => {
  let workspace: string;
  let client: TestLspClient;
  let result: InitializeResult;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'iac-hints-commands-'));
    writeFileSync(join(workspace, 'ssh.yaml'), SSH_OPEN);
    ({ client, result } = await TestLspClient.start({ workspaceFolders: [workspace], settings: { scanWorkspaceOnStartup: false } }));
  });

  after(async () => {
    await client?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('the server declares the command', () => {
    assert.deepEqual(result.capabilities.executeCommandProvider?.commands, ['iacHints.server.scanWorkspace']);
  });

  test('with the start-up scan off, the command analyses the files on disk under progress and answers when done', async () => {
    const uri = fileUri(join(workspace, 'ssh.yaml'));
    // A file created after start-up is found too.
    writeFileSync(join(workspace, 'later.yaml'), SSH_OPEN.replace('AdminSecurityGroup', 'LaterGroup'));
    const published = client.findDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'sg-open-admin-ports'));
    const answer = await client.connection.sendRequest<{ scanned: boolean; filesWithFindings: number }>('workspace/executeCommand', { command: 'iacHints.server.scanWorkspace' });
    assert.deepEqual(answer, { scanned: true, filesWithFindings: 2 });
    await published;
    assert.ok(client.diagnostics.values.some((params) => params.uri === fileUri(join(workspace, 'later.yaml')) && params.diagnostics.length > 0));
    const kinds = client.progress.values.map((event) => event.value.kind);
    assert.ok(kinds.includes('begin') && kinds.includes('end'), `progress: ${kinds.join(',')}`);
  });

  test('an unknown command is an error, not a crash', async () => {
    await assert.rejects(client.connection.sendRequest('workspace/executeCommand', { command: 'iacHints.server.nothing' }), /unknown command iacHints\.server\.nothing/);
    const answer = await client.connection.sendRequest<{ scanned: boolean }>('workspace/executeCommand', { command: 'iacHints.server.scanWorkspace' });
    assert.equal(answer.scanned, true);
  });
});
