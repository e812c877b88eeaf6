// The server as editors other than VS Code drive it (README "Other editors"): settings given in initializationOptions
// (Helix's `config`, Neovim's `init_options`) or pushed with didChangeConfiguration, hovers in plain text for clients
// that ask for it, and rule links that open the page shipped with the server, offline.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { ClientCapabilities, Diagnostic, MarkupContent } from 'vscode-languageserver/node';
import { markdownToPlainText, wantsMarkdownHover } from '../../server/src/lsp/convert';
import { DEFAULT_CAPABILITIES, TestLspClient, fileUri } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';

/** An open bucket policy and an unencrypted database: errors, warnings and information findings. */
const MIXED = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: "20"
      MasterUsername: app
      ManageMasterUserPassword: true
      StorageEncrypted: false
  AdminSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`;

/** Neovim without `settings`, or any client that cannot answer workspace/configuration: only pushes. */
const NO_CONFIGURATION: ClientCapabilities = {
  ...DEFAULT_CAPABILITIES,
  workspace: { workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
};

const PLAIN_TEXT: ClientCapabilities = {
  ...DEFAULT_CAPABILITIES,
  textDocument: { ...DEFAULT_CAPABILITIES.textDocument, hover: { contentFormat: ['plaintext'] } },
};

/** Diagnostics that are all errors: what minimumSeverity: error lets through (earlier ones may predate the settings). */
function onlyErrors(params: { diagnostics: Diagnostic[] }): boolean {
  return params.diagnostics.length > 0 && params.diagnostics.every((diagnostic) => diagnostic.severity === 1);
}

function severities(diagnostics: readonly Diagnostic[]): Set<number | undefined> {
  return new Set(diagnostics.filter((diagnostic) => diagnostic.code !== 'parse').map((diagnostic) => diagnostic.severity));
}

/** The rule page a file URI names, checked to be one of the pages shipped in the repository's docs/rules. */
function shippedPage(href: string | undefined, ruleId: string): string {
  assert.ok(href?.startsWith('file:'), `a file URI, not ${href}`);
  const path = fileURLToPath(href ?? '');
  assert.equal(path, join(REPO_ROOT, 'docs', 'rules', `${ruleId}.md`));
  assert.ok(existsSync(path), `${path} exists`);
  return path;
}

describe('other editors: settings, plain-text hovers, offline rule links', () => {
  let workspace: string;
  const clients: TestLspClient[] = [];

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'iac-hints-editors-'));
  });

  after(async () => {
    for (const client of clients) await client.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  async function start(options: Parameters<typeof TestLspClient.start>[0]): Promise<TestLspClient> {
    const { client } = await TestLspClient.start({ workspaceFolders: [workspace], ...options });
    clients.push(client);
    return client;
  }

  test('initializationOptions settings apply without workspace/configuration; a didChangeConfiguration push replaces them', async () => {
    const client = await start({ capabilities: NO_CONFIGURATION, initializationOptions: { iacHints: { minimumSeverity: 'error', scanWorkspaceOnStartup: false } } });
    const path = join(workspace, 'init-options.yaml');
    const uri = fileUri(path);
    const first = client.nextDiagnostics(uri, onlyErrors, 'only errors under minimumSeverity: error');
    await client.open(path, MIXED);
    assert.deepEqual(severities((await first).diagnostics), new Set([1]));
    const next = client.nextDiagnostics(uri, (params) => severities(params.diagnostics).has(2), 'warnings once the push lowers the floor');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { iacHints: { minimumSeverity: 'warning' } } });
    const pushed = severities((await next).diagnostics);
    assert.ok(pushed.has(1) && pushed.has(2) && !pushed.has(3), `errors and warnings, no information: ${[...pushed].join(',')}`);
    await client.close(uri);
  });

  test('a client whose workspace/configuration has no iacHints section (answers null) keeps the initializationOptions', async () => {
    const client = await start({ settings: null, initializationOptions: { iacHints: { minimumSeverity: 'error', scanWorkspaceOnStartup: false } } });
    const path = join(workspace, 'null-section.yaml');
    const uri = fileUri(path);
    const first = client.nextDiagnostics(uri, onlyErrors, 'only errors under the initializationOptions');
    await client.open(path, MIXED);
    assert.deepEqual(severities((await first).diagnostics), new Set([1]));
    await client.close(uri);
  });

  test('workspace/configuration, when the client answers it, wins over initializationOptions', async () => {
    const client = await start({ settings: { minimumSeverity: 'info' }, initializationOptions: { iacHints: { minimumSeverity: 'error' } } });
    const path = join(workspace, 'configuration-wins.yaml');
    const uri = fileUri(path);
    const first = client.findDiagnostics(uri, (params) => severities(params.diagnostics).has(2));
    await client.open(path, MIXED);
    assert.ok(severities((await first).diagnostics).has(2));
    await client.close(uri);
  });

  test('a client that asks for plain text gets hovers without markup; links keep their target', async () => {
    const client = await start({ capabilities: PLAIN_TEXT, settings: { scanWorkspaceOnStartup: false } });
    const path = join(workspace, 'plain.yaml');
    const uri = await client.open(path, MIXED);
    const lines = MIXED.split('\n');
    const line = lines.findIndex((text) => text.includes('StorageEncrypted'));
    const hover = await client.hover(uri, { line, character: lines[line].indexOf('StorageEncrypted') + 2 });
    assert.ok(hover);
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'plaintext');
    assert.match(contents.value, /^Customer responsibility: encryption at rest \(rds-storage-encrypted \(file:/);
    assert.doesNotMatch(contents.value, /\*\*|`|\]\(/, contents.value);
    assert.match(contents.value, /\nResolved: StorageEncrypted is false\n/);
    const target = /\((file:[^)\s]+)\)/.exec(contents.value)?.[1];
    shippedPage(target, 'rds-storage-encrypted');
    await client.close(uri);
  });

  test('a markdown client gets markdown whose rule link opens the shipped page', async () => {
    const client = await start({ settings: { scanWorkspaceOnStartup: false } });
    const path = join(workspace, 'markdown.yaml');
    const uri = await client.open(path, MIXED);
    const lines = MIXED.split('\n');
    const line = lines.findIndex((text) => text.includes('StorageEncrypted'));
    const hover = await client.hover(uri, { line, character: lines[line].indexOf('StorageEncrypted') + 2 });
    const contents = hover?.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    const target = /\[rds-storage-encrypted\]\(([^)]+)\)/.exec(contents.value)?.[1];
    shippedPage(target, 'rds-storage-encrypted');
    await client.close(uri);
  });

  test('the hover format follows the order of contentFormat; markup goes, link targets stay', () => {
    assert.equal(wantsMarkdownHover(undefined), true);
    assert.equal(wantsMarkdownHover(['markdown', 'plaintext']), true);
    assert.equal(wantsMarkdownHover(['plaintext', 'markdown']), false);
    assert.equal(wantsMarkdownHover(['plaintext']), false);
    assert.equal(
      markdownToPlainText('**AWS manages** `x`\n\n_a note_\n- public access: **missed** ([s3-block-public-access](file:///p/docs/rules/s3-block-public-access.md))'),
      'AWS manages x\n\na note\n- public access: missed (s3-block-public-access (file:///p/docs/rules/s3-block-public-access.md))',
    );
  });

  test("every finding's codeDescription.href is the file URI of its rule's shipped page", async () => {
    const client = await start({ settings: { scanWorkspaceOnStartup: false } });
    const path = join(workspace, 'links.yaml');
    const uri = fileUri(path);
    const published = client.nextDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'sg-open-admin-ports'));
    await client.open(path, MIXED);
    const findings = (await published).diagnostics.filter((diagnostic) => diagnostic.code !== 'parse');
    assert.ok(findings.length >= 3);
    for (const diagnostic of findings) shippedPage(diagnostic.codeDescription?.href, String(diagnostic.code));
    await client.close(uri);
  });
});
