// Runs in a real VS Code extension host with the extension under development (see ../runTest.ts).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'iac-hints.iac-responsibility-hints';
/** A finding's source: the tool and its responsibility item (`iac-hints · network exposure`). */
const SOURCE_PREFIX = 'iac-hints · ';

/** Polls `condition` until it returns a truthy value; fails with `what` after `timeout` ms. */
async function waitFor<T>(what: string, condition: () => T | undefined | false | Promise<T | undefined | false>,
  timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function workspaceFile(relative: string): vscode.Uri {
  const root = process.env.IAC_HINTS_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(root, 'no test workspace');
  return vscode.Uri.file(path.join(root, relative));
}

/** Position of `needle` on the first line containing it after the line containing `after`. */
function positionOf(document: vscode.TextDocument, after: string, needle: string): vscode.Position {
  let seen = false;
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    seen ||= text.includes(after);
    const column = text.indexOf(needle);
    if (seen && column >= 0) return new vscode.Position(line, column);
  }
  throw new Error(`"${needle}" not found after "${after}"`);
}

/** Range of one top-level YAML resource block: from `  Id:` up to the next line indented two spaces or less. */
function resourceRange(document: vscode.TextDocument, logicalId: string): vscode.Range {
  const start = positionOf(document, `  ${logicalId}:`, `${logicalId}:`).line;
  let end = start + 1;
  while (end < document.lineCount && (/^ {3}/.test(document.lineAt(end).text) || document.lineAt(end).isEmptyOrWhitespace)) end++;
  return new vscode.Range(start, 0, end - 1, document.lineAt(end - 1).text.length);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source?.startsWith(SOURCE_PREFIX));
}

describe('IaC Responsibility Hints in VS Code', () => {
  const yamlUri = workspaceFile('cloudformation/web-stack.yaml');
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument(yamlUri);
    await vscode.window.showTextDocument(document);
  });

  it('activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await waitFor('the extension to activate', () => extension.isActive);
  });

  it('reports findings on web-stack.yaml tagged with the customer responsibility, the problem first', async () => {
    const diagnostics = await waitFor('diagnostics on web-stack.yaml', () => {
      const found = ours(yamlUri);
      return found.length > 0 ? found : undefined;
    });
    for (const d of diagnostics) assert.ok(/^iac-hints · [a-zA-Z ]+$/.test(d.source ?? '') && !/^Customer responsibility/.test(d.message), `unexpected diagnostic: ${d.source}: ${d.message}`);
  });

  it('explains the service category in the hover on the resource type', async () => {
    const position = positionOf(document, 'ReportsBucket:', 'AWS::S3::Bucket').translate(0, 2);
    const text = await waitFor('a hover with the explanation', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', yamlUri, position);
      const joined = hoverText(hovers ?? []);
      return /Abstracted/.test(joined) && /Customer/.test(joined) ? joined : undefined;
    });
    assert.match(text, /Customer/);
  });

  it('names the responsibility item in the hover on a setting', async () => {
    const position = positionOf(document, 'ArchiveDatabase:', 'StorageEncrypted').translate(0, 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', yamlUri, position);
    const text = hoverText(hovers ?? []);
    assert.match(text, /responsibility/i);
    assert.match(text, /encrypt/i);
    // The rule link opens the shipped page through the command (trusted for that command only).
    assert.match(text, /\[rds-storage-encrypted\]\(command:iacHints\.showRuleDocumentation\?/);
  });

  it('offers the commands: Scan Workspace, Show Rule Documentation, Restart Language Server, Show Output', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['iacHints.scanWorkspace', 'iacHints.showRuleDocumentation', 'iacHints.restartServer', 'iacHints.showOutput']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });

  it("links each finding's code to its shipped rule page through Show Rule Documentation", async () => {
    const diagnostics = await waitFor('diagnostics on web-stack.yaml', () => {
      const found = ours(yamlUri);
      return found.length > 0 ? found : undefined;
    });
    for (const d of diagnostics) {
      const code = d.code;
      assert.ok(typeof code === 'object', `a code with a link: ${JSON.stringify(code)}`);
      assert.equal(code.target.scheme, 'command');
      assert.equal(code.target.path, 'iacHints.showRuleDocumentation');
      assert.deepEqual(JSON.parse(decodeURIComponent(code.target.query)), [String(code.value)]);
      const page = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'docs', 'rules', `${String(code.value)}.md`);
      await vscode.workspace.fs.stat(page);
    }
    const first = diagnostics[0].code;
    const ruleId = typeof first === 'object' ? String(first.value) : '';
    await vscode.commands.executeCommand('iacHints.showRuleDocumentation', ruleId);
    // The page opens as a Markdown preview tab ("Preview <rule-id>.md").
    await waitFor(`a tab showing ${ruleId}.md`, () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.label.includes(`${ruleId}.md`)));
    await vscode.window.showTextDocument(document);
  });

  it('scans the workspace on command and answers when done', async () => {
    await vscode.commands.executeCommand('iacHints.scanWorkspace');
    await waitFor('diagnostics on web-stack.yaml after the scan', () => ours(yamlUri).length > 0);
  });

  it('fixes the missing StorageEncrypted of Database with a quick fix', async () => {
    // Recomputed on each call: the fix adds a line to the block.
    const isTarget = (d: vscode.Diagnostic): boolean =>
      resourceRange(document, 'Database').contains(d.range.start) && /StorageEncrypted/.test(d.message);
    const diagnostic = await waitFor('the StorageEncrypted finding of Database', () => ours(yamlUri).find(isTarget));

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', yamlUri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = (actions ?? []).find((a) => a.title.includes('StorageEncrypted'));
    assert.ok(fix?.edit, `no StorageEncrypted quick fix; offered: ${(actions ?? []).map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit was not applied');

    const block = document.getText(resourceRange(document, 'Database'));
    assert.match(block, /^\s+StorageEncrypted:\s*true\s*$/m);
    await waitFor('the finding to disappear', () => !ours(yamlUri).some(isTarget));
  });

  it('restarts the language server on command; findings and hovers come back', async () => {
    await vscode.commands.executeCommand('iacHints.restartServer');
    const position = positionOf(document, 'ReportsBucket:', 'AWS::S3::Bucket').translate(0, 2);
    await waitFor('a hover after the restart', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', yamlUri, position);
      return /Customer/.test(hoverText(hovers ?? []));
    });
    await waitFor('findings after the restart', () => ours(yamlUri).length > 0);
    await vscode.commands.executeCommand('iacHints.showOutput');
  });
});
