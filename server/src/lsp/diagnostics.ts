// Diagnostics: open documents are analysed as the user types, files on disk (workspace scan, closed documents,
// watched-file changes) from their saved text. Open documents' diagnostics are pushed (publishDiagnostics) unless the
// client pulls them (pullDiagnostics.ts); files on disk are always pushed. Large documents and files are analysed in
// the worker (reports.ts laneOf), so none holds this thread. A Terraform file is analysed with its whole module (its
// directory): when any file of a module changes, every open or disk-analysed file of that directory is re-published.
import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PublishDiagnosticsNotification } from 'vscode-languageserver/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FILE_SIZE, isCandidatePath, isTerraformPath } from '../analysis';
import { diagnosticsOf } from './answers';
import { pathToUri, uriToPath } from './paths';
import { RawJson } from './rawJson';
import { computingReport, currentReport, documentReport, failureDiagnostic, laneOf, noteModuleLinks } from './reports';
import type { DiagnosticReport } from './reports';
import type { ServerState } from './state';

/**
 * Quiet time after a keystroke before a document is analysed, unless its last analysis took less than this (then it
 * is analysed at once: waiting would cost more than the analysis). Changes that arrive while an analysis runs are
 * queued, and only the latest version is analysed.
 */
export const DIAGNOSTICS_DEBOUNCE_MS = 15;

/**
 * Publishes diagnostics (objects, or the worker's JSON of them) for `uri`; `count` says whether there are any. The
 * promise settles once they are written (the workspace scan waits on it not to outrun the client).
 */
function publish(state: ServerState, uri: string, diagnostics: Diagnostic[] | RawJson, count: number, version?: number): Promise<void> {
  if (count > 0) state.published.add(uri);
  else state.published.delete(uri);
  const params = diagnostics instanceof RawJson
    ? RawJson.wrap(`{"uri":${JSON.stringify(uri)},${version === undefined ? '' : `"version":${version},`}"diagnostics":`, diagnostics, '}')
    : version === undefined ? { uri, diagnostics } : { uri, version, diagnostics };
  return state.connection.sendNotification(PublishDiagnosticsNotification.type, params as PublishDiagnosticsParams).catch((error: unknown) => {
    state.connection.console.error(`iac-hints: could not publish diagnostics for ${uri}: ${String(error)}`);
  });
}

/** Clears what was published for `uri`, if anything was. */
export function clearDiagnostics(state: ServerState, uri: string): void {
  if (state.published.has(uri)) void publish(state, uri, [], 0);
}

/** Asks a pulling client to pull the open documents' diagnostics again (coalesced: one request at a time). */
export function requestRefresh(state: ServerState): void {
  if (!state.capabilities.workspace?.diagnostics?.refreshSupport) return;
  if (state.refresh.running) {
    state.refresh.again = true;
    return;
  }
  state.refresh.running = true;
  state.refresh.again = false;
  void state.connection.languages.diagnostics.refresh().catch((error: unknown) => {
    state.connection.console.error(`iac-hints: could not ask the client to pull diagnostics again: ${String(error)}`);
  }).finally(() => {
    state.refresh.running = false;
    if (state.refresh.again) requestRefresh(state);
  });
}

/** Something a Terraform module reads changed: the diagnostics of every Terraform document are to be computed again. */
export function terraformChanged(state: ServerState): void {
  state.generations.terraform++;
}

/** Schedules the analysis of an open document (pushed); a newer change before it runs replaces it. */
export function scheduleDocument(state: ServerState, uri: string, delay?: number): void {
  const previous = state.pendingTimers.get(uri);
  if (previous) clearTimeout(previous);
  const version = state.documents.get(uri)?.version;
  const wait = delay ?? ((state.analysisMs.get(uri) ?? Infinity) < DIAGNOSTICS_DEBOUNCE_MS ? 0 : DIAGNOSTICS_DEBOUNCE_MS);
  const timer = setTimeout(() => {
    if (state.pendingTimers.get(uri) === timer) state.pendingTimers.delete(uri);
    try {
      analyseOpenDocument(state, uri, version);
      const document = state.documents.get(uri);
      const path = document ? uriToPath(uri, document.languageId) : undefined;
      // The other files of the module see this buffer's text too: re-publish them now (already debounced).
      if (path && uri.startsWith('file:') && isTerraformPath(path)) refreshModule(state, dirname(path), uri);
    } catch (error) {
      state.connection.console.error(`iac-hints: analysing ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }, wait);
  state.pendingTimers.set(uri, timer);
}

export function cancelScheduled(state: ServerState, uri: string): void {
  const timer = state.pendingTimers.get(uri);
  if (timer) clearTimeout(timer);
  state.pendingTimers.delete(uri);
}

/**
 * Analyses the open document (here, or in the worker) and pushes its diagnostics, unless it has changed since
 * `expectedVersion`: a result for a version the document has left is dropped, never published.
 */
export function analyseOpenDocument(state: ServerState, uri: string, expectedVersion?: number): void {
  const document = state.documents.get(uri);
  if (!document || (expectedVersion !== undefined && document.version !== expectedVersion)) return;
  const path = uriToPath(uri, document.languageId);
  if (!state.settings.enable || !isCandidatePath(path)) {
    // Every open document gets a notification, empty for non-templates, so stale markers never linger.
    void publish(state, uri, [], 0, document.version);
    return;
  }
  void documentReport(state, document).then((report) => {
    const now = state.documents.get(uri);
    if (!report || !now) return;
    if (now.version !== report.version) {
      state.connection.tracer.log(`dropped the diagnostics of ${uri} v${report.version}: the document is at v${now.version}`);
      return;
    }
    void publish(state, uri, report.items, report.count, report.version);
  });
}

/**
 * Analyses a file from disk and publishes its diagnostics (nothing for non-templates that never had any).
 * An open document is left alone: the editor's text wins over the saved one. A file analysed in the worker is
 * published when its analysis is done: its promise is added to `background` (the workspace scan waits for them
 * at its end), and this resolves at once.
 */
export async function analyseFileOnDisk(state: ServerState, uri: string, background?: Promise<void>[]): Promise<void> {
  if (state.documents.get(uri)) return;
  const path = uriToPath(uri);
  if (!uri.startsWith('file:') || !isCandidatePath(path)) {
    clearDiagnostics(state, uri);
    return;
  }
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      clearDiagnostics(state, uri);
      return;
    }
    if (info.size > MAX_FILE_SIZE) {
      // Said, as the CLI says it; not a diagnostic on a file nobody opened.
      state.connection.console.info(`iac-hints: ${path} is not analysed: ${info.size} bytes, over the ${MAX_FILE_SIZE} limit.`);
      clearDiagnostics(state, uri);
      return;
    }
    text = await readFile(path, 'utf8');
  } catch {
    state.diskTerraformFiles.delete(uri);
    clearDiagnostics(state, uri); // Deleted or unreadable.
    return;
  }
  if (state.documents.get(uri) || !state.settings.enable) return; // Opened while we were reading.
  void analyseDiskText(state, uri, path, text, state.analyzer, background);
}

/**
 * Analyses the saved text of a closed file and publishes its diagnostics (nothing for a file that never had any
 * and has none). `analyzer`: the workspace scan passes a one-shot analyzer for templates (nothing cached, as the
 * CLI). A file for the worker (reports.ts laneOf) is published when its analysis is done: its promise is added to
 * `background` (the workspace scan waits for them at its end). Returns the publication on this thread, settled once
 * written, or undefined when nothing was sent (or the file went to the worker).
 */
export function analyseDiskText(state: ServerState, uri: string, path: string, text: string, analyzer = state.analyzer, background?: Promise<void>[]): Promise<void> | undefined {
  const terraform = isTerraformPath(path);
  if (laneOf(state, path, text) === 'background') {
    const done = analyseFileInBackground(state, uri, path, text, terraform);
    background?.push(done);
    return undefined;
  }
  const analysis = analyzer.analyze({ path, text });
  const diagnostics = diagnosticsOf(analysis, uri, state.files);
  if (terraform) {
    // Kept: the module's other files are answered from the same analysis (the workspace scan releases it).
    if (analysis.kind !== 'skipped') state.diskTerraformFiles.add(uri);
  } else {
    // The saved text is not kept in memory: the core's cache is for documents being edited.
    analyzer.forget(path);
  }
  return publishDiskDiagnostics(state, uri, diagnostics);
}

/**
 * Publishes the diagnostics of a closed file analysed elsewhere (the workspace scan's worker): nothing for a file
 * that never had any and has none. Returns the publication, or undefined when nothing was sent.
 */
export function publishDiskDiagnostics(state: ServerState, uri: string, diagnostics: Diagnostic[]): Promise<void> | undefined {
  return diagnostics.length > 0 || state.published.has(uri) ? publish(state, uri, diagnostics, diagnostics.length) : undefined;
}

async function analyseFileInBackground(state: ServerState, uri: string, path: string, text: string, terraform: boolean): Promise<void> {
  const outcome = await state.background.analyze({ uri, path, text, then: terraform ? 'keep' : 'forget' });
  if (outcome.kind === 'superseded' || state.documents.get(uri)) return;
  if (outcome.kind === 'failed') {
    await publish(state, uri, [failureDiagnostic(outcome.reason)], 1);
    return;
  }
  const { result } = outcome;
  if (!result.json) return;
  state.connection.tracer.log(`background: analysed ${uri} (saved text) in ${Math.round(result.ms)} ms: ${result.count} diagnostics`);
  if (terraform) {
    noteModuleLinks(state, path, result);
    if (result.analysed) state.diskTerraformFiles.add(uri);
  }
  if (result.count > 0 || state.published.has(uri)) await publish(state, uri, RawJson.of(result.json), result.count);
}

/**
 * Re-publishes the files of the Terraform module in `dir` (but `exceptUri`), then of the modules that depend on it:
 * the modules that call it (their call findings come from its files, through any depth) and the local modules it
 * calls or called before this change (a module's own findings are kept only when a caller's values give them).
 * Open documents are read from their buffer, files analysed from disk (workspace scan, watched changes) from the
 * saved text. Module analyses are cached, so this costs one analysis per module at most.
 */
export function refreshModule(state: ServerState, dir: string, exceptUri?: string): void {
  if (!state.settings.enable) return;
  const visited = new Set<string>();
  refreshWithCallers(state, dir, exceptUri, visited);
  for (const callee of [...state.analyzer.terraformCalleesOf(dir), ...(state.backgroundModuleLinks.get(dir)?.callees ?? [])]) {
    if (!visited.has(callee)) {
      visited.add(callee);
      republish(state, callee);
    }
  }
}

function refreshWithCallers(state: ServerState, dir: string, exceptUri: string | undefined, visited: Set<string>): void {
  republish(state, dir, exceptUri);
  // Modules that call this one report its findings on their `module` blocks: refresh them too.
  visited.add(dir);
  for (const caller of [...state.analyzer.terraformCallersOf(dir), ...(state.backgroundModuleLinks.get(dir)?.callers ?? [])]) {
    if (!visited.has(caller)) refreshWithCallers(state, caller, undefined, visited);
  }
}

/** Re-publishes the open and disk-analysed Terraform files of the folder `dir` (but `exceptUri`). */
function republish(state: ServerState, dir: string, exceptUri?: string): void {
  const open = new Set<string>();
  for (const document of state.documents.all()) {
    open.add(document.uri);
    if (document.uri === exceptUri || !document.uri.startsWith('file:')) continue;
    const path = uriToPath(document.uri, document.languageId);
    if (!isTerraformPath(path) || dirname(path) !== dir) continue;
    if (state.pull) {
      requestRefresh(state);
      continue;
    }
    cancelScheduled(state, document.uri);
    analyseOpenDocument(state, document.uri);
  }
  for (const uri of [...state.diskTerraformFiles]) {
    if (uri === exceptUri || open.has(uri) || dirname(uriToPath(uri)) !== dir) continue;
    void analyseFileOnDisk(state, uri).catch((error: unknown) => {
      state.connection.console.error(`iac-hints: analysing ${uri} failed: ${String(error)}`);
    });
  }
}

/** Schedules `refreshModule` for a directory whose files changed (debounced like typing). */
export function scheduleModuleRefresh(state: ServerState, dir: string, exceptUri?: string, delay = DIAGNOSTICS_DEBOUNCE_MS): void {
  const key = `module:${pathToUri(dir)}`;
  const previous = state.pendingTimers.get(key);
  if (previous) clearTimeout(previous);
  const timer = setTimeout(() => {
    if (state.pendingTimers.get(key) === timer) state.pendingTimers.delete(key);
    try {
      refreshModule(state, dir, exceptUri);
    } catch (error) {
      state.connection.console.error(`iac-hints: re-analysing ${dir} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }, delay);
  state.pendingTimers.set(key, timer);
}

/** Re-analyses every open document now (after a settings change): pushed, or pulled again by the client. */
export function reanalyseOpenDocuments(state: ServerState): void {
  if (state.pull) {
    requestRefresh(state);
    return;
  }
  for (const document of state.documents.all()) {
    cancelScheduled(state, document.uri);
    analyseOpenDocument(state, document.uri);
  }
}

/** Clears every published diagnostic (the extension was disabled); a pulling client pulls empty reports. */
export function clearAll(state: ServerState): void {
  for (const uri of [...state.published]) void publish(state, uri, [], 0);
  if (state.pull) requestRefresh(state);
}

/**
 * A document was opened. With a pulling client its diagnostics come by pull: what the workspace scan pushed for
 * the file is cleared, or the editor would show both.
 */
export function documentOpened(state: ServerState, document: TextDocument): void {
  state.justOpened.add(document.uri);
  if (state.pull) clearDiagnostics(state, document.uri);
  const path = uriToPath(document.uri, document.languageId);
  if (isTerraformPath(path)) terraformChanged(state);
}

/**
 * A document was closed: back to the saved text's diagnostics (with scanWorkspaceOnStartup), else none. When the
 * saved text is the text last analysed, its diagnostics are kept as they are: closing never analyses the same text
 * again (a large template would take as long as opening it).
 */
export function documentClosed(state: ServerState, document: TextDocument): void {
  const { uri } = document;
  const path = uriToPath(uri, document.languageId);
  // Taken before anything below changes what the report depended on: the last one (published, when pushed), or
  // the one being computed for this version.
  const last = { report: currentReport(state, document), computing: computingReport(state, document) };
  cancelScheduled(state, uri);
  state.justOpened.delete(uri);
  state.reports.delete(uri);
  state.computing.delete(uri);
  state.analysisMs.delete(uri);
  if (!isTerraformPath(path)) state.slowAnalyses.delete(path);
  state.analyzer.forget(path);
  const local = uri.startsWith('file:');
  if (isTerraformPath(path)) terraformChanged(state);
  if (!state.settings.enable || !state.settings.scanWorkspaceOnStartup || !local) {
    state.background.cancel(uri);
    clearDiagnostics(state, uri);
  } else {
    void backToSavedText(state, uri, path, document.getText(), last).catch((error: unknown) => {
      state.connection.console.error(`iac-hints: analysing ${uri} failed: ${String(error)}`);
      clearDiagnostics(state, uri);
    });
  }
  // The rest of its Terraform module no longer sees the unsaved buffer.
  if (local && isTerraformPath(path)) scheduleModuleRefresh(state, dirname(path));
}

async function backToSavedText(state: ServerState, uri: string, path: string, text: string, last: { readonly report?: DiagnosticReport; readonly computing?: Promise<DiagnosticReport | undefined> }): Promise<void> {
  let saved: string | undefined;
  try {
    saved = (await stat(path)).size === Buffer.byteLength(text, 'utf8') ? await readFile(path, 'utf8') : undefined;
  } catch {
    saved = undefined;
  }
  if (saved === text && (last.report || last.computing)) {
    const report = last.report ?? await last.computing;
    if (report && !state.documents.get(uri)) {
      state.connection.tracer.log(`closed ${uri}: the saved text is the one analysed; its diagnostics are kept`);
      // Pushed diagnostics of the last version are still shown; a pulling client dropped its pulled ones on close.
      if (state.pull || !last.report) void publish(state, uri, report.items, report.count);
      return;
    }
  }
  state.background.cancel(uri);
  await analyseFileOnDisk(state, uri);
}
