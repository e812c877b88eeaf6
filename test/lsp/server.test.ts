// The language server as an editor sees it: spawned over stdio, driven with JSON-RPC.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TestLspClient, fileUri } from '../helpers/lspClient';
import { withTimeout } from '../helpers/waitFor';
import { KUBERNETES, MALFORMED, SSH_OPEN } from '../helpers/fixtures';

/** Diagnostic messages may be MarkupContent since LSP 3.18; this server sends strings. */
function messageOf(diagnostic: Diagnostic): string {
  assert.equal(typeof diagnostic.message, 'string');
  return diagnostic.message as string;
}

const SSH = 'sg-open-admin-ports';
/** The diagnostics of one rule: the rule set grows, so tests look only at the rule they are about. */
function ofRule(diagnostics: readonly Diagnostic[], code = SSH): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

const SSH_FIXED = SSH_OPEN.replace('0.0.0.0/0', '10.0.0.0/8');
const RDP_OPEN = SSH_OPEN.replace(/: 22/g, ': 3389');

const RDS_AND_BUCKET = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: "20"
      MasterUsername: app
      ManageMasterUserPassword: true
  Reports:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: reports
`;

/** A Terraform module whose database is public by default, and a caller in a cousin folder. */
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
const TF_CALLER = (inputs: string) => `module "db" {\n  source = "../../modules/db"\n${inputs}}\n`;

describe('language server over stdio', () => {
  let workspace: string;
  let client: TestLspClient;
  let capabilities: Record<string, unknown>;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'iac-hints-lsp-'));
    writeFileSync(join(workspace, 'never-opened.yaml'), SSH_OPEN);
    writeFileSync(join(workspace, 'closing.yaml'), SSH_OPEN);
    mkdirSync(join(workspace, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(workspace, 'node_modules', 'pkg', 'ignored.yaml'), SSH_OPEN);
    mkdirSync(join(workspace, 'k8s'));
    writeFileSync(join(workspace, 'k8s', 'deployment.yaml'), KUBERNETES);
    mkdirSync(join(workspace, 'tf', 'modules', 'db'), { recursive: true });
    mkdirSync(join(workspace, 'tf', 'envs', 'prod'), { recursive: true });
    writeFileSync(join(workspace, 'tf', 'modules', 'db', 'main.tf'), TF_DB_MODULE);
    writeFileSync(join(workspace, 'tf', 'envs', 'prod', 'main.tf'), TF_CALLER('  public = false\n'));
    const started = await TestLspClient.start({ workspaceFolders: [workspace], settings: { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: true } });
    client = started.client;
    capabilities = started.result.capabilities as Record<string, unknown>;
  });

  after(async () => {
    await client?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('initialize announces hover, quick fixes, fix-all and incremental sync', () => {
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.iac-hints'] });
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
  });

  test('the workspace scan publishes diagnostics for a file never opened, with progress, skipping node_modules', async () => {
    const uri = fileUri(join(workspace, 'never-opened.yaml'));
    await client.findDiagnostics(uri, (params) => ofRule(params.diagnostics).length === 1, 'scan diagnostics for never-opened.yaml with the SSH finding');
    const begin = await client.progress.find((event) => event.value.kind === 'begin', 'a workDoneProgress begin');
    await client.progress.find((event) => event.value.kind === 'end' && event.token === begin.token, 'a workDoneProgress end');
    assert.equal(begin.value.title, 'IaC Responsibility Hints');
    const ignored = fileUri(join(workspace, 'node_modules', 'pkg', 'ignored.yaml'));
    assert.equal(client.diagnostics.values.some((params) => params.uri === ignored), false, 'node_modules must not be scanned');
    const kubernetes = fileUri(join(workspace, 'k8s', 'deployment.yaml'));
    assert.equal(client.diagnostics.values.some((params) => params.uri === kubernetes && params.diagnostics.length > 0), false);
  });

  test('file watching is registered dynamically', async () => {
    await client.findDiagnostics(fileUri(join(workspace, 'never-opened.yaml')));
    const watch = client.registrations.find((registration) => registration.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watch, 'expected a didChangeWatchedFiles registration');
    // The candidate files, and the configuration files (.iac-hints.yaml, applied again when one changes).
    assert.deepEqual(watch.registerOptions, { watchers: [{ globPattern: '**/*.{tf,json,tfvars,yaml,yml,template,cfn}' }, { globPattern: '**/.iac-hints.yaml' }] });
  });

  test('didOpen of a template with SSH open to the world publishes an exact diagnostic', async () => {
    const path = join(workspace, 'open-ssh.yaml');
    const waiting = client.nextDiagnostics(fileUri(path));
    const uri = await client.open(path, SSH_OPEN);
    const { diagnostics, version } = await waiting;
    assert.equal(version, 1);
    // Findings are tagged with their responsibility item; problems with the input are the tool's alone.
    assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'iac-hints' || diagnostic.source?.startsWith('iac-hints · ')), JSON.stringify(diagnostics));
    assert.equal(ofRule(diagnostics).length, 1, JSON.stringify(diagnostics));
    const [diagnostic] = ofRule(diagnostics);
    assert.equal(diagnostic.code, 'sg-open-admin-ports');
    assert.equal(diagnostic.source, 'iac-hints · network exposure');
    assert.equal(diagnostic.severity, 1);
    // The problem first: a list (the Problems panel) shows the start of the message.
    assert.match(messageOf(diagnostic), /^SSH \(port 22\) is open to the internet/);
    assert.deepEqual(diagnostic.range, { start: { line: 10, character: 18 }, end: { line: 10, character: 27 } });
    // The rule's page shipped with the server, opened offline (test/lsp/other-editors.test.ts checks it exists).
    assert.match(diagnostic.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/sg-open-admin-ports\.md$/);
    assert.deepEqual(diagnostic.data, { ruleId: 'sg-open-admin-ports', fixId: 'restrict-cidr' });
    await client.close(uri);
  });

  test('a finding another tool\'s suppression covers is not published; one that covers nothing is, as information at its place', async () => {
    const path = join(workspace, 'checkov-skip.yaml');
    const text = SSH_OPEN.replace('    Properties:\n', '    # checkov:skip=CKV_AWS_24:bastion reached over a VPN only\n    # checkov:skip=CKV_AWS_999:not a check iac-hints has\n    Properties:\n');
    const waiting = client.nextDiagnostics(fileUri(path));
    const uri = await client.open(path, text);
    const { diagnostics } = await waiting;
    assert.deepEqual(ofRule(diagnostics), [], JSON.stringify(diagnostics));
    const notes = diagnostics.filter((diagnostic) => /checkov:skip=/.test(messageOf(diagnostic)));
    assert.deepEqual(notes.map((diagnostic) => [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.severity]), [[5, 6, 3]]);
    assert.match(messageOf(notes[0]), /^checkov:skip=CKV_AWS_999: no iac-hints rule is equivalent/);
    await client.close(uri);
  });

  test('didChange: the latest version wins, then a fix clears the diagnostic', async () => {
    const path = join(workspace, 'editing.yaml');
    const uri = fileUri(path);
    const opened = client.nextDiagnostics(uri);
    await client.open(path, SSH_OPEN);
    assert.equal(ofRule((await opened).diagnostics).length, 1);

    // Two changes in quick succession: the last text's diagnostics are published, and nothing older after them (a
    // document this quick to analyse is analysed without waiting, so the first change may be published too).
    const from = client.diagnostics.values.length;
    await client.change(uri, SSH_FIXED);
    const last = await client.change(uri, RDP_OPEN);
    const published = await client.nextDiagnostics(uri, (params) => params.version === last, 'the last version\'s diagnostics');
    const versions = client.diagnostics.values.slice(from).filter((params) => params.uri === uri).map((params) => params.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions published in order: ${versions.join(', ')}`);
    assert.equal(ofRule(published.diagnostics).length, 1);
    assert.match(messageOf(ofRule(published.diagnostics)[0]), /RDP \(port 3389\)/);

    const fixed = client.nextDiagnostics(uri);
    const fixedVersion = await client.change(uri, SSH_FIXED);
    const afterFix = await fixed;
    assert.equal(afterFix.version, fixedVersion);
    assert.deepEqual(ofRule(afterFix.diagnostics), []);
    await client.close(uri);
  });

  test('hover on Type: AWS::S3::Bucket names the service category and the customer side', async () => {
    const path = join(workspace, 'hover.yaml');
    const uri = await client.open(path, RDS_AND_BUCKET);
    const lines = RDS_AND_BUCKET.split('\n');
    const line = lines.findIndex((text) => text.includes('Type: AWS::S3::Bucket'));
    const character = lines[line].indexOf('AWS::S3::Bucket') + 4;
    const hover = await client.hover(uri, { line, character });
    assert.ok(hover, 'expected a hover');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /Abstracted/);
    assert.match(contents.value, /Customer/);
    assert.ok(hover.range && hover.range.start.line === line, 'the hover range is on the Type line');
    await client.close(uri);
  });

  test('code action on the RDS finding inserts StorageEncrypted: true, and applying it clears the finding', async () => {
    const path = join(workspace, 'rds.yaml');
    const uri = fileUri(path);
    const opened = client.nextDiagnostics(uri);
    await client.open(path, RDS_AND_BUCKET);
    const { diagnostics } = await opened;
    const rds = diagnostics.find((diagnostic) => diagnostic.code === 'rds-storage-encrypted');
    assert.ok(rds, `expected an rds-storage-encrypted diagnostic, got ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.deepEqual(rds.data, { ruleId: 'rds-storage-encrypted', fixId: 'set-storage-encrypted' });
    const actions = await client.codeActions(uri, rds.range, [rds]);
    const action = actions?.find((candidate) => candidate.title.includes('StorageEncrypted'));
    assert.ok(action, `expected a StorageEncrypted action, got ${JSON.stringify(actions)}`);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics, [rds]);
    const edits = action.edit?.changes?.[uri];
    assert.ok(edits && edits.length > 0, 'expected edits for the document');
    assert.ok(edits.some((edit) => edit.newText.includes('StorageEncrypted: true')), JSON.stringify(edits));

    const fixedText = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, RDS_AND_BUCKET), edits);
    const next = client.nextDiagnostics(uri);
    await client.change(uri, fixedText);
    const after = await next;
    assert.equal(after.diagnostics.some((diagnostic: Diagnostic) => diagnostic.code === 'rds-storage-encrypted'), false);
    await client.close(uri);
  });

  test('a Kubernetes manifest and a package.json get empty diagnostics', async () => {
    const manifest = join(workspace, 'deployment.yaml');
    const packageJson = join(workspace, 'package.json');
    const first = client.nextDiagnostics(fileUri(manifest));
    const second = client.nextDiagnostics(fileUri(packageJson));
    await client.open(manifest, KUBERNETES);
    await client.open(packageJson, '{"name": "x", "version": "1.0.0", "scripts": {"test": "node --test"}}', 'json');
    assert.deepEqual((await first).diagnostics, []);
    assert.deepEqual((await second).diagnostics, []);
    await client.close(fileUri(manifest));
    await client.close(fileUri(packageJson));
  });

  test('malformed YAML yields parse diagnostics and does not kill the server', async () => {
    const path = join(workspace, 'broken.yaml');
    const uri = fileUri(path);
    const opened = client.nextDiagnostics(uri);
    await client.open(path, MALFORMED);
    const { diagnostics } = await opened;
    assert.ok(diagnostics.length > 0 && diagnostics.every((diagnostic) => diagnostic.code === 'parse' && diagnostic.source === 'iac-hints'), JSON.stringify(diagnostics));
    // Garbage of every kind, then a request that must still be answered.
    await client.change(uri, '\u0000\u0001 binary {{{ !Ref');
    await client.change(uri, '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": 5, "Properties": [}}}');
    await client.hover(uri, { line: 99, character: 99 });
    await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } }, []);
    const hover = await client.hover(uri, { line: 0, character: 3 });
    assert.ok(hover === null || typeof hover === 'object');
    assert.equal(client.process.exitCode, null, 'the server is still running');
    await client.close(uri);
  });

  test('closing a document goes back to the diagnostics of the file on disk', async () => {
    const path = join(workspace, 'closing.yaml');
    const uri = fileUri(path);
    const opened = client.nextDiagnostics(uri, (params) => params.version === 1);
    await client.open(path, SSH_FIXED);
    assert.deepEqual(ofRule((await opened).diagnostics), []);
    const closed = client.nextDiagnostics(uri, (params) => ofRule(params.diagnostics).length > 0, 'disk diagnostics (SSH open) after didClose');
    await client.close(uri);
    await closed;
  });

  test('didChangeWatchedFiles re-analyses a file changed on disk', async () => {
    const path = join(workspace, 'created-later.yaml');
    writeFileSync(path, RDP_OPEN);
    const uri = fileUri(path);
    const published = client.nextDiagnostics(uri, (params) => ofRule(params.diagnostics).length > 0, 'diagnostics for a created file');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    assert.match(messageOf(ofRule((await published).diagnostics)[0]), /RDP/);
    writeFileSync(path, SSH_FIXED);
    const cleared = client.nextDiagnostics(uri, (params) => ofRule(params.diagnostics).length === 0, 'no SSH/RDP diagnostic for the fixed file');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    await cleared;
  });

  test('minimumSeverity: error hides warnings after didChangeConfiguration', async () => {
    const path = join(workspace, 'severity.yaml');
    const uri = fileUri(path);
    const opened = client.nextDiagnostics(uri);
    await client.open(path, RDS_AND_BUCKET);
    assert.ok((await opened).diagnostics.some((diagnostic) => diagnostic.code === 'rds-storage-encrypted'));
    client.settings = { enable: true, minimumSeverity: 'error', scanWorkspaceOnStartup: true };
    const republished = client.nextDiagnostics(uri, (params) => !params.diagnostics.some((diagnostic) => diagnostic.severity === 2), 'diagnostics without warnings');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { iacHints: client.settings } });
    await republished;
    client.settings = { enable: false };
    const disabled = client.nextDiagnostics(fileUri(join(workspace, 'never-opened.yaml')), (params) => params.diagnostics.length === 0, 'cleared diagnostics when disabled');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { iacHints: client.settings } });
    await disabled;
    await client.close(uri);
  });

  test('iacHints.allowedRegions turns a replica outside them into a data-residency finding', async () => {
    const path = join(workspace, 'global-table.yaml');
    const uri = fileUri(path);
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Table:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n        - Region: eu-west-1\n        - Region: us-east-1\n';
    const residency = (params: PublishDiagnosticsParams) => params.diagnostics.filter((diagnostic) => diagnostic.code === 'data-residency-regions');
    client.settings = { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: true };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { iacHints: client.settings } });
    const opened = client.nextDiagnostics(uri, (params) => residency(params).length > 0, 'the residency information');
    await client.open(path, text);
    assert.equal(residency(await opened)[0].severity, 3, 'information while no Regions are configured');
    client.settings = { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: true, allowedRegions: ['eu-west-1'] };
    const restricted = client.nextDiagnostics(uri, (params) => residency(params).some((diagnostic) => diagnostic.severity === 2), 'a residency warning');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { iacHints: client.settings } });
    const warning = residency(await restricted).find((diagnostic) => diagnostic.severity === 2);
    assert.match(String(warning?.message ?? ''), /us-east-1, which is not among the allowed Regions \(eu-west-1\)/);
    assert.equal(warning?.range.start.line, 7);
    await client.close(uri);
  });

  test('a Terraform module follows its callers anywhere in the workspace, as they are typed', async () => {
    const moduleUri = fileUri(join(workspace, 'tf', 'modules', 'db', 'main.tf'));
    const rdsPublic = (params: PublishDiagnosticsParams) => params.diagnostics.filter((diagnostic) => diagnostic.code === 'rds-not-public');
    // The scan (the first test waited for it) judged the module with what envs/prod passes: not public.
    const scanned = await client.findDiagnostics(moduleUri, (params) => params.diagnostics.length > 0, 'the scan\'s diagnostics for the module');
    assert.deepEqual(rdsPublic(scanned), []);
    const callerPath = join(workspace, 'tf', 'envs', 'prod', 'main.tf');
    const callerUri = await client.open(callerPath, TF_CALLER('  public = false\n'), 'terraform');
    // The caller stops passing the value: the default deploys, and the module (never opened) says so.
    const defaulted = client.nextDiagnostics(moduleUri, (params) => rdsPublic(params).length > 0, 'the module\'s error once its caller passes nothing');
    await client.change(callerUri, TF_CALLER(''));
    const [error] = rdsPublic(await defaulted);
    assert.equal(error.severity, 1);
    assert.equal(error.range.start.line, 10);
    // The caller passes true: the error moves to the caller's argument; the module has none of its own.
    const cleared = client.nextDiagnostics(moduleUri, (params) => rdsPublic(params).length === 0, 'the module without the error');
    const onCaller = client.nextDiagnostics(callerUri, (params) => rdsPublic(params).length > 0, 'the error on the caller\'s argument');
    await client.change(callerUri, TF_CALLER('  public = true\n'));
    await cleared;
    const [moved] = rdsPublic(await onCaller);
    assert.deepEqual(moved.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 15 } });
    assert.equal(moved.relatedInformation?.[0]?.location.uri, moduleUri);
    await client.close(callerUri);
  });

  test('shutdown then exit ends the process with code 0', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});

test('the server exits when its input closes (the editor is gone)', async () => {
  const { client } = await TestLspClient.start();
  client.process.stdin.end();
  const code = await withTimeout(client.whenExited(), 10_000, 'the server to exit after stdin closed');
  assert.notEqual(code, null);
});
