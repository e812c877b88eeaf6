// A small LSP client for tests and the benchmark: spawns `node dist/server.js --stdio` and speaks JSON-RPC
// (Content-Length framing over stdio) the way an editor does, answering the server's own requests
// (workspace/configuration, client/registerCapability, window/workDoneProgress/create).
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
} from 'vscode-languageserver/node';
import type {
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  DocumentDiagnosticReport,
  Hover,
  InitializeResult,
  MessageConnection,
  Position,
  PublishDiagnosticsParams,
  Range,
} from 'vscode-languageserver/node';
import { SERVER_JS } from './paths';
import { Recorder, withTimeout } from './waitFor';

export interface ProgressEvent {
  readonly token: string | number;
  readonly value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };
}

export interface StartOptions {
  readonly workspaceFolders?: readonly string[];
  /** What workspace/configuration answers for the `iacHints` section (null: the client holds no such section). */
  readonly settings?: Record<string, unknown> | null;
  readonly capabilities?: ClientCapabilities;
  /** `trace` in initialize: with 'verbose' the server's $/logTrace lines are recorded in `traces`. */
  readonly trace?: 'off' | 'messages' | 'verbose';
  /** The server bundle to run (dist/server.js by default). */
  readonly serverPath?: string;
  /** `initializationOptions` of the initialize request. */
  readonly initializationOptions?: unknown;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  window: { workDoneProgress: true },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  },
};

/** A client that pulls diagnostics (LSP 3.17) and lets the server ask it to pull again, as VS Code's does. */
export const PULL_CAPABILITIES: ClientCapabilities = {
  ...DEFAULT_CAPABILITIES,
  workspace: { ...DEFAULT_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
  textDocument: { ...DEFAULT_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

export class TestLspClient {
  readonly diagnostics = new Recorder<PublishDiagnosticsParams>();
  readonly progress = new Recorder<ProgressEvent>();
  /** The server's $/logTrace messages (when started with `trace`). */
  readonly traces = new Recorder<string>();
  /** workspace/diagnostic/refresh requests, numbered from 1. */
  readonly refreshes = new Recorder<number>();
  /** Tokens of the server's window/workDoneProgress/create requests. */
  readonly progressCreated = new Recorder<string | number>();
  readonly logs: string[] = [];
  /** window/logMessage messages, to wait on one. */
  readonly logMessages = new Recorder<string>();
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly stderr: string[] = [];
  settings: Record<string, unknown> | null;
  private readonly versions = new Map<string, number>();
  private readonly exited: Promise<number | null>;

  private constructor(readonly process: ChildProcessWithoutNullStreams, readonly connection: MessageConnection, settings: Record<string, unknown> | null) {
    this.settings = settings;
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
    process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => this.diagnostics.push(params));
    connection.onNotification('$/progress', (params: ProgressEvent) => this.progress.push(params));
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.logMessages.push(params.message);
    });
    connection.onNotification('$/logTrace', (params: { message: string }) => this.traces.push(params.message));
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes.push(this.refreshes.values.length + 1);
      return null;
    });
    // `settings: null` answers null for the section, as Neovim and Helix do when they hold no such section.
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'iacHints' ? this.settings : null)));
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.progressCreated.push(params.token);
      return null;
    });
    connection.listen();
  }

  /** Spawns the server and runs initialize + initialized. */
  static async start(options: StartOptions = {}): Promise<{ client: TestLspClient; result: InitializeResult }> {
    const child = spawn(process.execPath, [options.serverPath ?? SERVER_JS, '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestLspClient(child, connection, options.settings === undefined ? {} : options.settings);
    const folders = options.workspaceFolders ?? [];
    const result = await withTimeout(connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders.length > 0 ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((folder) => ({ uri: fileUri(folder), name: folder })),
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
      ...(options.trace ? { trace: options.trace } : {}),
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    }), 10_000, 'the initialize response');
    await connection.sendNotification('initialized', {});
    return { client, result };
  }

  async open(path: string, text: string, languageId = path.endsWith('.json') ? 'json' : 'yaml'): Promise<string> {
    const uri = fileUri(path);
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text (a full-document change); returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental change of one range. */
  async edit(uri: string, range: Range, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** The user cancels a work-done progress the server created. */
  async cancelProgress(token: string | number): Promise<void> {
    await this.connection.sendNotification('window/workDoneProgress/cancel', { token });
  }

  /** workspace/didChangeWatchedFiles: type 1 created, 2 changed, 3 deleted. */
  async filesChanged(changes: readonly { path: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((change) => ({ uri: fileUri(change.path), type: change.type })) });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return withTimeout(this.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position }), 10_000, 'a hover response');
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[] | null> {
    return withTimeout(
      this.connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }),
      10_000,
      'a code action response',
    );
  }

  /** textDocument/diagnostic: the document's diagnostics report (full or unchanged). */
  pullDiagnostics(uri: string, previousResultId?: string, timeoutMs = 10_000): Promise<DocumentDiagnosticReport> {
    return withTimeout(
      this.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }),
      timeoutMs,
      `a diagnostic report for ${uri}`,
    );
  }

  /** Waits for diagnostics of `uri` published from now on that satisfy `predicate`. */
  nextDiagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true, description = `diagnostics for ${uri}`, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.next((params) => params.uri === uri && predicate(params), description, timeoutMs);
  }

  /** Waits for diagnostics of `uri` already published or published later that satisfy `predicate`. */
  findDiagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true, description = `diagnostics for ${uri}`, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.find((params) => params.uri === uri && predicate(params), description, timeoutMs);
  }

  /** shutdown + exit; resolves with the exit code. */
  async shutdown(timeoutMs = 10_000): Promise<number | null> {
    await withTimeout(this.connection.sendRequest('shutdown'), timeoutMs, 'the shutdown response');
    await this.connection.sendNotification('exit');
    const code = await withTimeout(this.exited, timeoutMs, 'the server process to exit');
    this.connection.dispose();
    return code;
  }

  /** Ends the server whatever its state (for `after` hooks). */
  async kill(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.process.kill();
    await withTimeout(this.exited, 5_000, 'the killed server to exit').catch(() => undefined);
    this.connection.dispose();
  }

  whenExited(): Promise<number | null> {
    return this.exited;
  }
}
