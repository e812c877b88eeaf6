// Diagnostics: open documents are analysed as the user types (debounced, the latest version wins); files on
// disk (workspace scan, closed documents, watched-file changes) are analysed from their saved text. A Terraform
// file is analysed with its whole module (its directory): when any file of a module changes, every open or
// disk-analysed file of that directory is re-published.
import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { LineIndex, MAX_FILE_SIZE, isCandidatePath, isTerraformPath } from '../analysis';
import { toDiagnostics } from './convert';
import { pathToUri, uriToPath } from './paths';
import type { ServerState } from './state';

/**
 * Quiet time after a keystroke before a document is analysed. Short on purpose: diagnostics should follow an
 * edit within ~50 ms, and the analysis is incremental (tens of ms even for 1,000 resources). Bursts still
 * coalesce: changes that arrive while an analysis runs are queued, and only the latest version is analysed.
 */
export const DIAGNOSTICS_DEBOUNCE_MS = 15;

/** Sends the diagnostics; the promise settles once they are written (a scan waits on it not to outrun the client). */
function publish(state: ServerState, uri: string, diagnostics: Diagnostic[], version?: number): Promise<void> {
  if (diagnostics.length > 0) state.published.add(uri);
  else state.published.delete(uri);
  return state.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics }).catch((error: unknown) => {
    state.connection.console.error(`iac-hints: could not publish diagnostics for ${uri}: ${String(error)}`);
  });
}

/** Clears what was published for `uri`, if anything was. */
export function clearDiagnostics(state: ServerState, uri: string): void {
  if (state.published.has(uri)) void publish(state, uri, []);
}

/** Analyses a text and returns its diagnostics (none when disabled, not a candidate, or skipped by the core). */
function diagnose(state: ServerState, uri: string, path: string, text: string, analyzer = state.analyzer): { diagnostics: Diagnostic[]; analysed: boolean } {
  if (!state.settings.enable || !isCandidatePath(path)) return { diagnostics: [], analysed: false };
  const analysis = analyzer.analyze({ path, text });
  const lineIndexOf = (file: string): LineIndex | undefined => {
    const other = state.files.readFile(file);
    return other === undefined ? undefined : new LineIndex(other);
  };
  return { diagnostics: toDiagnostics(analysis, uri, lineIndexOf), analysed: analysis.kind !== 'skipped' };
}

/** Schedules the analysis of an open document; a newer change before the delay replaces it. */
export function scheduleDocument(state: ServerState, uri: string, delay = DIAGNOSTICS_DEBOUNCE_MS): void {
  const previous = state.pendingTimers.get(uri);
  if (previous) clearTimeout(previous);
  const version = state.documents.get(uri)?.version;
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
  }, delay);
  state.pendingTimers.set(uri, timer);
}

export function cancelScheduled(state: ServerState, uri: string): void {
  const timer = state.pendingTimers.get(uri);
  if (timer) clearTimeout(timer);
  state.pendingTimers.delete(uri);
}

/** Analyses the open document now, unless it has changed since `expectedVersion` (a stale result is dropped). */
export function analyseOpenDocument(state: ServerState, uri: string, expectedVersion?: number): void {
  const document = state.documents.get(uri);
  if (!document || (expectedVersion !== undefined && document.version !== expectedVersion)) return;
  const { diagnostics } = diagnose(state, uri, uriToPath(uri, document.languageId), document.getText());
  // Every open document gets a notification, empty for non-templates, so stale markers never linger.
  void publish(state, uri, diagnostics, document.version);
}

/**
 * Analyses a file from disk and publishes its diagnostics (nothing for non-templates that never had any).
 * An open document is left alone: the editor's text wins over the saved one.
 */
export async function analyseFileOnDisk(state: ServerState, uri: string): Promise<void> {
  if (state.documents.get(uri)) return;
  const path = uriToPath(uri);
  if (!uri.startsWith('file:') || !isCandidatePath(path)) {
    clearDiagnostics(state, uri);
    return;
  }
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_FILE_SIZE) {
      clearDiagnostics(state, uri);
      return;
    }
    text = await readFile(path, 'utf8');
  } catch {
    state.diskTerraformFiles.delete(uri);
    clearDiagnostics(state, uri); // Deleted or unreadable.
    return;
  }
  if (state.documents.get(uri)) return; // Opened while we were reading.
  void analyseDiskText(state, uri, path, text);
}

/**
 * Analyses the saved text of a closed file and publishes its diagnostics (nothing for a file that never had any
 * and has none). `analyzer`: the workspace scan passes a one-shot analyzer for templates (nothing cached, as the
 * CLI). Returns the publication, settled once written, or undefined when nothing was sent.
 */
export function analyseDiskText(state: ServerState, uri: string, path: string, text: string, analyzer = state.analyzer): Promise<void> | undefined {
  const { diagnostics, analysed } = diagnose(state, uri, path, text, analyzer);
  if (isTerraformPath(path)) {
    // Kept: the module's other files are answered from the same analysis (the workspace scan releases it).
    if (analysed) state.diskTerraformFiles.add(uri);
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
  return diagnostics.length > 0 || state.published.has(uri) ? publish(state, uri, diagnostics) : undefined;
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
  for (const callee of state.analyzer.terraformCalleesOf(dir)) {
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
  for (const caller of state.analyzer.terraformCallersOf(dir)) {
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

/** Schedules `refreshModule` for a directory whose files changed on disk (debounced like typing). */
export function scheduleModuleRefresh(state: ServerState, dir: string, delay = DIAGNOSTICS_DEBOUNCE_MS): void {
  const key = `module:${pathToUri(dir)}`;
  const previous = state.pendingTimers.get(key);
  if (previous) clearTimeout(previous);
  const timer = setTimeout(() => {
    if (state.pendingTimers.get(key) === timer) state.pendingTimers.delete(key);
    try {
      refreshModule(state, dir);
    } catch (error) {
      state.connection.console.error(`iac-hints: re-analysing ${dir} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }, delay);
  state.pendingTimers.set(key, timer);
}

/** Re-analyses every open document now (after a settings change). */
export function reanalyseOpenDocuments(state: ServerState): void {
  for (const document of state.documents.all()) {
    cancelScheduled(state, document.uri);
    analyseOpenDocument(state, document.uri);
  }
}

/** Clears every published diagnostic (the extension was disabled). */
export function clearAll(state: ServerState): void {
  for (const uri of [...state.published]) void publish(state, uri, []);
}
