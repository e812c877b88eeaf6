// Fix-all over stdio: the code action kind source.fixAll.iac-hints (editor.codeActionsOnSave) applies the safe
// quick fixes of the whole document, and nothing else: no replacement, no placeholder, no suppression.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { DEFAULT_CAPABILITIES, TestLspClient, fileUri } from '../helpers/lspClient';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres # the engine
      PubliclyAccessible: true
  Reports:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: reports
`;

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };

describe('fix-all over stdio', () => {
  let workspace: string;
  let client: TestLspClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'iac-hints-fixall-'));
    ({ client } = await TestLspClient.start({ workspaceFolders: [workspace], settings: { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: false } }));
  });

  after(async () => {
    await client?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('source.fixAll.iac-hints writes every safe fix in one edit; the unsafe finding stays', async () => {
    const path = join(workspace, 'template.yaml');
    const uri = fileUri(path);
    const opened = client.nextDiagnostics(uri);
    await client.open(path, TEMPLATE);
    const before = (await opened).diagnostics as Diagnostic[];
    const codes = new Set(before.map((diagnostic) => diagnostic.code));
    for (const code of ['rds-not-public', 'rds-deletion-protection', 's3-versioning', 'rds-storage-encrypted']) assert.ok(codes.has(code), `expected a ${code} diagnostic`);

    const actions = await client.codeActions(uri, WHOLE, [], ['source.fixAll']);
    assert.ok(actions, 'a code action answer');
    assert.equal(actions.length, 1, JSON.stringify(actions));
    const [fixAll] = actions;
    assert.equal(fixAll.kind, 'source.fixAll.iac-hints');
    const edits = fixAll.edit?.changes?.[uri];
    assert.ok(edits && edits.length === 1, 'one edit');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, TEMPLATE), edits);
    assert.match(fixed, /PubliclyAccessible: true/, 'cutting off clients outside the VPC is offered alone, not applied in bulk');
    assert.match(fixed, /DeletionProtection: true/);
    assert.match(fixed, /Engine: postgres # the engine/, 'comments are kept');
    assert.match(fixed, /VersioningConfiguration:\n {8}Status: Enabled/);
    assert.doesNotMatch(fixed, /StorageEncrypted/, 'encrypting a database replaces it: not a safe fix');
    assert.doesNotMatch(fixed, /iac-hints-ignore/, 'no suppression');

    const next = client.nextDiagnostics(uri);
    await client.change(uri, fixed);
    const after = new Set(((await next).diagnostics as Diagnostic[]).map((diagnostic) => diagnostic.code));
    for (const code of ['rds-deletion-protection', 's3-versioning']) assert.equal(after.has(code), false, `${code} is fixed`);
    assert.ok(after.has('rds-storage-encrypted'), 'the fix that replaces the database was not applied');
    assert.ok(after.has('rds-not-public'), 'the fix that may break clients was not applied');
    await client.close(uri);
  });

  test('a request for quick fixes only gets no fix-all, and fix-all only gets no quick fix', async () => {
    const path = join(workspace, 'kinds.yaml');
    const uri = fileUri(path);
    const opened = client.nextDiagnostics(uri);
    await client.open(path, TEMPLATE);
    await opened;
    const quick = await client.codeActions(uri, WHOLE, [], ['quickfix']);
    assert.ok(quick && quick.length > 0);
    assert.deepEqual([...new Set(quick.map((action) => action.kind))], ['quickfix']);
    const all = await client.codeActions(uri, WHOLE, [], ['source.fixAll.iac-hints']);
    assert.deepEqual(all?.map((action) => action.kind), ['source.fixAll.iac-hints']);
    const unrelated = await client.codeActions(uri, WHOLE, [], ['refactor']);
    assert.deepEqual(unrelated, []);
    await client.close(uri);
  });

  test('a document without a safe fix gets no fix-all action', async () => {
    const path = join(workspace, 'clean.yaml');
    const uri = fileUri(path);
    const opened = client.nextDiagnostics(uri);
    await client.open(path, 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n');
    await opened;
    assert.deepEqual(await client.codeActions(uri, WHOLE, [], ['source.fixAll']), []);
    await client.close(uri);
  });

  test('to a client that takes versioned edits, quick fixes and fix-all name the version they were written for', async () => {
    const { client: versioned } = await TestLspClient.start({
      workspaceFolders: [workspace],
      settings: { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: false },
      capabilities: { ...DEFAULT_CAPABILITIES, workspace: { ...DEFAULT_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } },
    });
    try {
      const path = join(workspace, 'versioned.yaml');
      const uri = await versioned.open(path, TEMPLATE);
      const edited = `# edited\n${TEMPLATE}`;
      const version = await versioned.change(uri, edited);
      const diagnostics = (await versioned.findDiagnostics(uri, (params) => params.version === version)).diagnostics;
      const actions = await versioned.codeActions(uri, WHOLE, diagnostics, ['quickfix', 'source.fixAll']);
      assert.ok(actions && actions.some((action) => action.kind === 'quickfix') && actions.some((action) => action.kind === 'source.fixAll.iac-hints'));
      for (const action of actions) {
        assert.equal(action.edit?.changes, undefined, `${action.title}: no unversioned edit`);
        const [change] = (action.edit?.documentChanges ?? []) as TextDocumentEdit[];
        assert.deepEqual(change?.textDocument, { uri, version }, `${action.title}: the edits of version ${version}`);
      }
      const fixAll = actions.find((action) => action.kind === 'source.fixAll.iac-hints');
      const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', version, edited), (fixAll?.edit?.documentChanges?.[0] as TextDocumentEdit).edits as TextEdit[]);
      assert.match(fixed, /^# edited\n/);
      assert.match(fixed, /DeletionProtection: true/);
    } finally {
      await versioned.kill();
    }
  });
});
