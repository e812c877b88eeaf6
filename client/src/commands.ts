// The extension's commands (IaC Hints: Scan Workspace, Show Rule Documentation, Restart Language Server, Show
// Output) and the opening of rule pages. The pages ship with the extension (docs/rules/<rule-id>.md); the server
// links diagnostics' codes and hovers to them as file URIs, which open in any editor; here those links become a
// command that opens the page as a markdown preview (VS Code opens `command:` code links: its Problems panel and
// marker hover call the opener with allowCommands).
import { readFile, readdir } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, Middleware } from 'vscode-languageclient/node';

export const SCAN_WORKSPACE = 'iacHints.scanWorkspace';
export const SHOW_RULE_DOCUMENTATION = 'iacHints.showRuleDocumentation';
export const RESTART_SERVER = 'iacHints.restartServer';
export const SHOW_OUTPUT = 'iacHints.showOutput';
/** The server's command behind Scan Workspace (server/src/lsp/commands.ts). */
const SERVER_SCAN_WORKSPACE = 'iacHints.server.scanWorkspace';

/** A rule page the server links to: `.../docs/rules/<rule-id>.md`. */
const RULE_PAGE = /\/docs\/rules\/([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** The command URI that opens a rule's page (trusted in hovers through `markdown.isTrusted.enabledCommands`). */
export function ruleDocumentationCommandUri(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCUMENTATION}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

function ruleIdOfPage(uri: vscode.Uri): string | undefined {
  return uri.scheme === 'file' ? RULE_PAGE.exec(uri.path)?.[1] : undefined;
}

function withCommandLinks(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code;
    if (typeof code !== 'object' || !code.target) continue;
    const ruleId = ruleIdOfPage(code.target);
    if (ruleId) diagnostic.code = { value: code.value, target: ruleDocumentationCommandUri(ruleId) };
  }
  return [...diagnostics];
}

function markdownWithCommandLinks(markdown: vscode.MarkdownString): vscode.MarkdownString {
  const value = markdown.value.replace(/\]\((file:[^)\s]+)\)/g, (link: string, target: string) => {
    const ruleId = ruleIdOfPage(vscode.Uri.parse(target));
    return ruleId ? `](${ruleDocumentationCommandUri(ruleId).toString()})` : link;
  });
  const result = new vscode.MarkdownString(value, markdown.supportThemeIcons);
  result.isTrusted = { enabledCommands: [SHOW_RULE_DOCUMENTATION] };
  return result;
}

/**
 * Client options that make the rule links of diagnostics (pushed or pulled) and hovers open the page as a
 * preview, and let hovers run that one command.
 */
export function ruleLinkOptions(): Pick<LanguageClientOptions, 'middleware' | 'markdown'> {
  const middleware: Middleware = {
    handleDiagnostics: (uri, diagnostics, next) => next(uri, withCommandLinks(diagnostics)),
    provideDiagnostics: async (document, previousResultId, token, next) => {
      const report = await next(document, previousResultId, token);
      if (report && report.kind === 'full') report.items = withCommandLinks(report.items);
      return report;
    },
    provideHover: async (document, position, token, next) => {
      const hover = await next(document, position, token);
      if (!hover) return hover;
      const contents = hover.contents.map((content) => (content instanceof vscode.MarkdownString ? markdownWithCommandLinks(content) : content));
      return new vscode.Hover(contents, hover.range);
    },
  };
  return { middleware, markdown: { isTrusted: { enabledCommands: [SHOW_RULE_DOCUMENTATION] } } };
}

interface RuleItem extends vscode.QuickPickItem {
  readonly ruleId: string;
}

/** The rules, from the pages shipped with the extension: `# id`, `**title**`, `- Responsibility item: ...`. */
async function ruleItems(folder: vscode.Uri): Promise<RuleItem[]> {
  const names = (await readdir(folder.fsPath)).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(names.map(async (name): Promise<RuleItem> => {
    const head = (await readFile(vscode.Uri.joinPath(folder, name).fsPath, 'utf8')).slice(0, 600);
    const ruleId = name.slice(0, -3);
    const title = /^\*\*(.+)\*\*$/m.exec(head)?.[1] ?? '';
    const item = /^- Responsibility item: ([^(\n]+)/m.exec(head)?.[1]?.trim() ?? '';
    return { label: ruleId, description: title, detail: item, ruleId };
  }));
}

/** Our diagnostic under the cursor of the active editor, if any. */
function ruleIdAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const position = editor.selection.active;
  const diagnostic = vscode.languages.getDiagnostics(editor.document.uri)
    .find((candidate) => candidate.source?.startsWith('iac-hints · ') && candidate.range.contains(position));
  const code = diagnostic?.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

async function openRulePage(folder: vscode.Uri, ruleId: string): Promise<void> {
  const page = vscode.Uri.joinPath(folder, `${ruleId}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showWarningMessage(`IaC Hints: no documentation for rule "${ruleId}".`);
    return;
  }
  try {
    // The built-in Markdown extension's preview; a plain editor when it is disabled.
    await vscode.commands.executeCommand('markdown.showPreview', page);
  } catch {
    await vscode.window.showTextDocument(page, { preview: true });
  }
}

/** Registers the commands; `client()` is the running client (undefined while none). */
export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, restart: () => Promise<void>): void {
  const pages = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_RULE_DOCUMENTATION, async (ruleId?: unknown) => {
      let id = typeof ruleId === 'string' ? ruleId : ruleIdAtCursor();
      if (!id) {
        const picked = await vscode.window.showQuickPick(ruleItems(pages), { placeHolder: 'Rule to show', matchOnDescription: true, matchOnDetail: true });
        id = picked?.ruleId;
      }
      if (id) await openRulePage(pages, id);
    }),
    vscode.commands.registerCommand(SCAN_WORKSPACE, async () => {
      const running = client();
      if (!running) {
        void vscode.window.showWarningMessage('IaC Hints: the language server is not running.');
        return;
      }
      // The server reports the scan's progress itself (work-done progress); this answers when it is done.
      const answer = await running.sendRequest<{ scanned: boolean; filesWithFindings: number } | null>('workspace/executeCommand', { command: SERVER_SCAN_WORKSPACE });
      const message = !answer?.scanned
        ? 'IaC Hints is disabled (iacHints.enable): nothing was scanned.'
        : `IaC Hints: workspace scanned; ${answer.filesWithFindings} file${answer.filesWithFindings === 1 ? ' has' : 's have'} findings.`;
      void vscode.window.showInformationMessage(message);
    }),
    vscode.commands.registerCommand(RESTART_SERVER, () => restart()),
    vscode.commands.registerCommand(SHOW_OUTPUT, () => client()?.outputChannel.show(true)),
  );
}
