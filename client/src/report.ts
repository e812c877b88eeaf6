// The Shared Responsibility Report in VS Code: the command `iacHints.showReport` (also what each code lens runs)
// opens a webview panel with the HTML the server renders (server/src/analysis/reportRender.ts), refreshed as
// diagnostics change; a link in it opens the source at the setting; a status bar item shows the workspace's
// missed duties and opens the report. The page runs only its own inline script: a fresh nonce per rendering, a
// content security policy that allows nothing else, and no local resource root.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { LanguageClient } from 'vscode-languageclient/node';

export const SHOW_REPORT_COMMAND = 'iacHints.showReport';
const REPORT_REQUEST = 'iacHints/report';
const STATUS_REQUEST = 'iacHints/status';
/** Diagnostics arrive file by file during a scan: the report and the status wait for this much quiet. */
const REFRESH_DELAY_MS = 400;

/** What a code lens passes (server/src/lsp/report.ts ShowReportArguments). */
interface ShowReportArguments {
  readonly uri?: string;
  readonly key?: string;
}

interface ReportAnswer {
  readonly html?: string;
}

interface StatusAnswer {
  readonly missed: number;
  readonly cannotBeChecked: number;
  readonly resources: number;
  readonly files: number;
  /** Files too large for the server to analyse for the report (they have diagnostics all the same). */
  readonly notAnalysed?: number;
}

interface OpenMessage {
  readonly type: 'open';
  readonly href: string;
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
}

/** Where the report is about: the workspace, or one file outside it (or with no workspace open). */
type Scope = { readonly kind: 'workspace' } | { readonly kind: 'file'; readonly uri: string };

function scopeFor(uri: string | undefined): Scope {
  if (uri && !vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri))) return { kind: 'file', uri };
  if ((vscode.workspace.workspaceFolders ?? []).length > 0) return { kind: 'workspace' };
  const active = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  return active ? { kind: 'file', uri: active } : { kind: 'workspace' };
}

class ReportPanel {
  private panel: vscode.WebviewPanel | undefined;
  private scope: Scope = { kind: 'workspace' };
  /** The resource to show once the page says it is ready. */
  private pendingKey: string | undefined;
  private rendering = 0;
  /** The editor column that links open files in: where the user was when the report opened. */
  private sourceColumn = vscode.ViewColumn.One;
  /** Files changed while the panel was hidden: render when it shows. */
  private stale = false;

  constructor(private readonly clientOf: () => LanguageClient | undefined) {}

  async show(argument: ShowReportArguments | undefined): Promise<void> {
    this.scope = scopeFor(argument?.uri);
    this.pendingKey = argument?.key;
    this.sourceColumn = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('iacHints.report', 'Shared Responsibility Report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [],
        enableFindWidget: true,
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message));
      this.panel.onDidChangeViewState((event) => {
        if (event.webviewPanel.visible && this.stale) void this.render();
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, false);
    }
    await this.render();
  }

  /** Renders again if open (files changed); later, when it becomes visible, if hidden now. */
  refresh(): void {
    if (!this.panel) return;
    if (this.panel.visible) void this.render();
    else this.stale = true;
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    const client = this.clientOf();
    if (!panel) return;
    const rendering = ++this.rendering;
    this.stale = false;
    if (!client?.isRunning()) {
      panel.webview.html = message('The language server is starting; the report shows once it is ready.');
      this.stale = true;
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    try {
      const answer = await client.sendRequest<ReportAnswer>(REPORT_REQUEST, { ...(this.scope.kind === 'file' ? { uri: this.scope.uri } : {}), html: { nonce } });
      // A newer rendering started meanwhile: it wins.
      if (rendering !== this.rendering || this.panel !== panel) return;
      panel.title = this.scope.kind === 'file' ? `Responsibility: ${vscode.Uri.parse(this.scope.uri).path.split('/').pop() ?? ''}` : 'Shared Responsibility Report';
      panel.webview.html = answer.html ?? message('The server sent no report.');
    } catch (error) {
      if (rendering === this.rendering && this.panel === panel) panel.webview.html = message(`The report could not be made: ${String(error)}`);
    }
  }

  private onMessage(raw: unknown): void {
    const data = raw as { type?: unknown } | undefined;
    if (data?.type === 'ready') {
      if (this.pendingKey !== undefined) void this.panel?.webview.postMessage({ type: 'reveal', key: this.pendingKey });
      this.pendingKey = undefined;
      return;
    }
    if (data?.type === 'open') void this.open(raw as OpenMessage);
  }

  private async open(message: OpenMessage): Promise<void> {
    if (typeof message.href !== 'string' || !message.range) return;
    const uri = vscode.Uri.parse(message.href.replace(/#.*$/, ''));
    const { start, end } = message.range;
    const selection = new vscode.Range(start.line, start.character, end.line, end.character);
    try {
      const editor = await vscode.window.showTextDocument(uri, { selection, viewColumn: this.sourceColumn, preserveFocus: false });
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      void vscode.window.showErrorMessage(`IaC Hints: could not open ${uri.fsPath}: ${String(error)}`);
    }
  }
}

/** A page with one sentence and no script (the server's pages carry their own CSP). */
function message(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head><body><p>${escaped}</p></body></html>`;
}

/** The status bar item: the workspace's missed duties; it opens the report. */
class ResponsibilityStatus {
  private readonly item: vscode.StatusBarItem;
  private asking = 0;

  constructor(private readonly clientOf: () => LanguageClient | undefined) {
    this.item = vscode.window.createStatusBarItem('iacHints.status', vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'IaC Responsibility Hints';
    this.item.command = SHOW_REPORT_COMMAND;
  }

  async update(): Promise<void> {
    const client = this.clientOf();
    if (!client?.isRunning()) return;
    const asking = ++this.asking;
    try {
      const status = await client.sendRequest<StatusAnswer>(STATUS_REQUEST, {});
      if (asking !== this.asking) return;
      if (status.resources === 0) {
        this.item.hide();
        return;
      }
      this.item.text = status.missed > 0 ? `$(shield) ${status.missed} missed` : '$(shield) 0 missed';
      this.item.tooltip = `IaC Responsibility Hints: ${status.missed} customer ${status.missed === 1 ? 'duty' : 'duties'} missed and ${status.cannotBeChecked} that cannot be checked, in ${status.resources} resources of ${status.files} files${status.notAnalysed ? ` (${status.notAnalysed} the editor could not analyse, not counted)` : ''}. Click to show the Shared Responsibility Report.`;
      this.item.accessibilityInformation = { label: `${status.missed} customer duties missed in the workspace; show the Shared Responsibility Report`, role: 'button' };
      this.item.show();
    } catch {
      // The server stopped or restarts: the next change asks again.
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}

/**
 * Registers the report command, its panel and the status bar item. `clientOf` gives the running language client
 * (or undefined while there is none); both follow the server's diagnostics as they change.
 */
export function registerReport(context: vscode.ExtensionContext, clientOf: () => LanguageClient | undefined): void {
  const panel = new ReportPanel(clientOf);
  const status = new ResponsibilityStatus(clientOf);
  let timer: NodeJS.Timeout | undefined;
  const refreshSoon = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      panel.refresh();
      void status.update();
    }, REFRESH_DELAY_MS);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_REPORT_COMMAND, (argument?: ShowReportArguments) => panel.show(argument)),
    status,
    vscode.languages.onDidChangeDiagnostics(refreshSoon),
    vscode.workspace.onDidSaveTextDocument(refreshSoon),
    { dispose: () => timer && clearTimeout(timer) },
  );
  const client = clientOf();
  if (client) {
    context.subscriptions.push(client.onDidChangeState((event) => {
      if (event.newState === State.Running) refreshSoon();
    }));
  }
}
