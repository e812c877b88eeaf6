// The language server's entry point (dist/server.js). It speaks LSP over stdio (`--stdio`, what the extension's
// client uses) or IPC (`--node-ipc`), and only wires protocol events to the handler modules: every answer comes
// from the analysis core, converted in convert.ts. State lives in one object created here. Large files are
// analysed in a worker thread (dist/worker.js, background.ts), so this thread is always free to answer.
import { dirname } from 'node:path';
import { FileChangeType, ResponseError, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { onCodeAction } from './codeAction';
import { onExecuteCommand } from './commands';
import { rememberPushedSettings } from './configuration';
import { analyseFileOnDisk, cancelScheduled, documentClosed, documentOpened, scheduleDocument, scheduleModuleRefresh, terraformChanged } from './diagnostics';
import { onHover } from './hover';
import { REPORT_REQUEST, STATUS_REQUEST, onCodeLens, onReport, onStatus } from './report';
import type { ReportAnswer, ReportParams, StatusAnswer } from './report';
import { onInitialize, onInitialized } from './initialize';
import { isInstalledPath, isModulesManifestPath, isTerraformPath } from '../analysis';
import { uriToPath } from './paths';
import { onDocumentDiagnostic } from './pullDiagnostics';
import { isConfigPath } from './projectConfig';
import { applySettings, reloadProjectConfig } from './settingsChange';
import { createState } from './state';
import type { ServerState } from './state';
import { createServerConnection } from './transport';

let shutdownReceived = false;
const connection = createServerConnection(() => shutdownReceived);
const documents = new TextDocuments(TextDocument);
const state = createState(connection, documents);

function describe(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}

/** Runs a handler; an exception is logged and answered with `fallback` so the server keeps running. */
function guard<P, R>(name: string, handler: (state: ServerState, params: P) => R, fallback: R): (params: P) => R {
  return (params: P) => {
    try {
      return handler(state, params);
    } catch (error) {
      connection.console.error(`iac-hints: ${name} failed: ${describe(error)}`);
      return fallback;
    }
  };
}

function guardAsync<P>(name: string, handler: (state: ServerState, params: P) => Promise<void>): (params: P) => void {
  return (params: P) => {
    try {
      void handler(state, params).catch((error: unknown) => connection.console.error(`iac-hints: ${name} failed: ${describe(error)}`));
    } catch (error) {
      connection.console.error(`iac-hints: ${name} failed: ${describe(error)}`);
    }
  };
}

connection.onInitialize((params) => onInitialize(state, params));
connection.onInitialized(guardAsync('initialized', (s) => onInitialized(s)));
connection.onDidChangeConfiguration(guardAsync('didChangeConfiguration', async (s, params: { settings?: unknown }) => {
  rememberPushedSettings(s, params);
  await applySettings(s, { initial: false });
}));

// Opening analyses at once; an edit after a quiet time (none when the document's analysis is quicker than that), and
// only the latest version's result is published. A client that pulls asks for the diagnostics itself.
documents.onDidOpen(guard('didOpen', (s, event) => documentOpened(s, event.document), undefined));
documents.onDidChangeContent(guard('didChange', (s, event) => {
  const { uri, languageId } = event.document;
  // Fired on open too (right after onDidOpen): a new document is analysed at once.
  const opened = s.justOpened.delete(uri);
  const path = uriToPath(uri, languageId);
  const terraform = uri.startsWith('file:') && isTerraformPath(path);
  if (terraform) terraformChanged(s);
  if (!s.pull) scheduleDocument(s, uri, opened ? 0 : undefined);
  // The other files of the module (and its callers and callees) see this buffer too; pushed, it is done after the
  // document's own analysis (scheduleDocument).
  else if (terraform) scheduleModuleRefresh(s, dirname(path), uri);
}, undefined));
documents.onDidClose(guard('didClose', (s, event) => documentClosed(s, event.document), undefined));

connection.onDidChangeWatchedFiles(guardAsync('didChangeWatchedFiles', async (s, params) => {
  const modules = new Set<string>();
  s.diskChanges++;
  // A .iac-hints.yaml was created, changed or deleted: the configuration is read again and applied first.
  if (params.changes.some((change) => change.uri.startsWith('file:') && isConfigPath(uriToPath(change.uri)))) await reloadProjectConfig(s);
  for (const change of params.changes) {
    const path = uriToPath(change.uri);
    if (change.uri.startsWith('file:') && isConfigPath(path)) continue;
    s.files.invalidate(path);
    const local = change.uri.startsWith('file:');
    // `terraform init` (re)installed modules: the root module in <dir>/.terraform/modules/ reads them again.
    if (local && isModulesManifestPath(path)) {
      terraformChanged(s);
      modules.add(dirname(dirname(dirname(path))));
      continue;
    }
    // Installed copies are not the user's code: they are read through their root module, not analysed alone.
    if (local && isInstalledPath(path)) continue;
    if (local && isTerraformPath(path)) {
      // What the module calls may have changed too (the core keeps the calls of modules it released).
      s.analyzer.forget(path);
      terraformChanged(s);
      if (change.type === FileChangeType.Created) s.files.addWorkspaceFile(path);
    }
    await analyseFileOnDisk(s, change.uri);
    if (local && isTerraformPath(path)) modules.add(dirname(path));
  }
  // A changed, created or deleted file of a Terraform module changes what its other files report.
  for (const dir of modules) scheduleModuleRefresh(s, dir);
}));

connection.onHover(guard('hover', onHover, null));
connection.onExecuteCommand((params) => onExecuteCommand(state, params));
connection.onCodeAction(guard('codeAction', onCodeAction, []));
connection.onCodeLens(guard('codeLens', onCodeLens, []));
// The Shared Responsibility Report (report.ts): a failure is logged and answered with an empty report.
connection.onRequest(REPORT_REQUEST, (params: ReportParams | undefined) => onReport(state, params).catch((error: unknown): ReportAnswer => {
  connection.console.error(`iac-hints: ${REPORT_REQUEST} failed: ${describe(error)}`);
  return { report: { files: [], items: [], resources: [], awsSide: [], uncategorised: 0, totals: { resources: 0, cells: { missed: 0, depends: 0, 'cannot-be-checked': 0, suppressed: 0, addressed: 0, 'aws-default': 0, 'not-applicable': 0 } } }, uris: {}, notAnalysed: [] };
}));
connection.onRequest(STATUS_REQUEST, () => onStatus(state).catch((error: unknown): StatusAnswer => {
  connection.console.error(`iac-hints: ${STATUS_REQUEST} failed: ${describe(error)}`);
  return { missed: 0, cannotBeChecked: 0, resources: 0, files: 0, notAnalysed: 0 };
}));
connection.languages.diagnostics.on((params, token) => onDocumentDiagnostic(state, params, token).catch((error: unknown) => {
  // A ResponseError (cancelled, ask again) is the answer; anything else is logged and answered with no diagnostics.
  if (error instanceof ResponseError) throw error;
  connection.console.error(`iac-hints: textDocument/diagnostic failed: ${describe(error)}`);
  return { kind: 'full' as const, items: [] };
}));
connection.onShutdown(() => {
  shutdownReceived = true;
  state.scanGeneration++;
  for (const uri of [...state.pendingTimers.keys()]) cancelScheduled(state, uri);
  state.background.dispose();
});

// The server must survive anything; log instead of dying.
function logSafely(message: string): void {
  try {
    connection.console.error(message);
  } catch {
    // The connection itself is gone: nothing left to tell.
  }
}
process.on('uncaughtException', (error) => logSafely(`iac-hints: uncaught exception: ${describe(error)}`));
process.on('unhandledRejection', (reason) => logSafely(`iac-hints: unhandled rejection: ${describe(reason)}`));
// With the IPC transport, a vanished parent closes the channel: exit instead of lingering.
if (typeof process.send === 'function') process.once('disconnect', () => process.exit(1));

documents.listen(connection);
connection.listen();
