// Start-up scan of the workspace folders: lists the candidate files, publishes the open documents first, then
// analyses the rest from disk under work-done progress the user can cancel. Many templates go to a worker thread
// (scanWorker.ts) that analyses them one-shot (nothing cached, as the CLI) while the main thread publishes and
// analyses the Terraform modules, in slices of a few milliseconds so requests and edits are answered in between
// (a large file goes to the analysis worker instead, as when it is opened: reports.ts laneOf); a module's analysis is
// kept until its last file is done, then released. Afterwards the server keeps, for closed files, only which URIs
// have diagnostics published (and the module calls the core keeps for callers).
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { isCandidatePath, isSkippedDirectory, isTerraformPath } from '../analysis';
import type { Analyzer } from '../analysis';
import { createAnalyzer } from './configuration';
import { analyseDiskText, analyseOpenDocument, cancelScheduled, clearDiagnostics, publishDiskDiagnostics, refreshModule } from './diagnostics';
import { readCandidateText } from './files';
import { pathToUri, uriToPath } from './paths';
import { isIncluded } from './projectConfig';
import type { ScanBatch, ScanBatchResult, ScanWorkerData } from './scanWorker';
import type { ServerState } from './state';

/** The scan stops listing files after this many candidates. */
export const MAX_SCANNED_FILES = 10_000;

/**
 * Analysis done between two yields to the connection, in ms: a request or an edit that arrives during the scan
 * waits at most about this long (plus the file being analysed).
 */
const SLICE_MS = 8;

const PROGRESS_TITLE = 'IaC Responsibility Hints';

/** With fewer templates than this the scan stays on the main thread (a worker takes ~100 ms to start). */
const WORKER_MIN_TEMPLATES = 200;
/** Worker threads for a scan: on the 2-core machine this was measured on, two were no faster than one and took ~55 MB more. */
const WORKERS = 1;
/** Templates per message to the worker, and messages outstanding: the main thread publishes a batch in a few ms. */
const BATCH_SIZE = 32;
const BATCHES_IN_FLIGHT = 2;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Candidate files under `root`, breadth first, at most `limit`. Candidate names and skipped folders come from the
 * core's format description (analysis/formats.ts), shared with the CLI's file walk.
 */
export async function listCandidateFiles(root: string, limit = MAX_SCANNED_FILES, isCancelled: () => boolean = () => false): Promise<string[]> {
  const files: string[] = [];
  const queue = [root];
  while (queue.length > 0 && files.length < limit && !isCancelled()) {
    const directory = queue.shift() as string;
    let entries: Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      continue; // Unreadable or vanished folder.
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedDirectory(entry.name)) queue.push(path);
      } else if (entry.isFile() && isCandidatePath(path)) {
        files.push(path);
        if (files.length >= limit) break;
      }
    }
  }
  return files;
}

/**
 * Scans every workspace folder; a newer scan (a settings or folder change) cancels this one, as does the user.
 * `analyse: true` (the Scan Workspace command) analyses every file even when `scanWorkspaceOnStartup` is off.
 */
export function startWorkspaceScan(state: ServerState, options: { analyse?: boolean } = {}): Promise<void> {
  const generation = ++state.scanGeneration;
  const run = scan(state, generation, options.analyse).catch((error: unknown) => {
    state.connection.console.error(`iac-hints: workspace scan failed: ${error instanceof Error ? error.stack : String(error)}`);
  });
  state.scanning = run;
  return run;
}

/** `files`: the scanned files of `dir`. */
function releaseModule(state: ServerState, dir: string, files: readonly string[]): void {
  const members = files.filter(isTerraformPath);
  if (members.length === 0) return;
  const open = new Set(state.documents.all().map((document) => document.uri));
  if (members.some((file) => open.has(pathToUri(file)))) return;
  for (const file of members) state.analyzer.release(file);
  state.files.release(dir);
}

/**
 * Work-done progress for the scan when the client declared `window.workDoneProgress` (the library sends nothing
 * otherwise); undefined when the client refused to create it.
 */
async function createProgress(state: ServerState): Promise<WorkDoneProgressServerReporter | undefined> {
  try {
    return await state.connection.window.createWorkDoneProgress();
  } catch (error) {
    state.connection.console.warn(`iac-hints: no progress for the workspace scan: ${String(error)}`);
    return undefined;
  }
}

/**
 * Lists the workspace's candidate files (the folders holding Terraform files are where the core looks for a module's
 * callers, so they are listed even when the scan does not analyse), then, with `scanWorkspaceOnStartup`, analyses
 * them. Open Terraform documents are refreshed once the folders are known: their callers may have changed.
 */
async function scan(state: ServerState, generation: number, forceAnalysis = false): Promise<void> {
  const cancelled = (): boolean => state.scanGeneration !== generation;
  const folders = state.workspaceFolders.filter((folder) => folder.uri.startsWith('file:'));
  if (folders.length === 0 || !state.settings.enable) return;
  const analyse = forceAnalysis || state.settings.scanWorkspaceOnStartup;
  const progress = analyse ? await createProgress(state) : undefined;
  progress?.begin(PROGRESS_TITLE, 0, 'Looking for templates', true);
  // The user's cancel stops the analysis; the listing still completes (it tells the core where callers are).
  let userCancelled = false;
  const onCancel = progress?.token.onCancellationRequested(() => {
    userCancelled = true;
  });
  const stopped = (): boolean => userCancelled || cancelled();
  try {
    const files: string[] = [];
    for (const folder of folders) {
      // What .iac-hints.yaml leaves out is neither analysed nor a place for a module's callers (as in the CLI's walk).
      files.push(...(await listCandidateFiles(uriToPath(folder.uri), MAX_SCANNED_FILES - files.length, cancelled)).filter((path) => isIncluded(state, path)));
      if (cancelled()) return;
    }
    if (files.length >= MAX_SCANNED_FILES) {
      state.connection.console.warn(`iac-hints: the workspace scan stopped at ${MAX_SCANNED_FILES} files.`);
    }
    state.files.setWorkspaceFiles(files);
    refreshOpenTerraformModules(state);
    if (!analyse) return;
    publishOpenDocuments(state);
    const done = await analyseFiles(state, files, progress, stopped);
    state.connection.console.log(done ? `iac-hints: scanned ${files.length} candidate files.` : 'iac-hints: the workspace scan was cancelled.');
  } finally {
    onCancel?.dispose();
    progress?.done();
  }
}

/**
 * Open documents first: those whose analysis is still scheduled (opened, or edited, before the scan got here) are
 * analysed and published now, before any other file of the workspace. The others were published already.
 */
function publishOpenDocuments(state: ServerState): void {
  for (const document of state.documents.all()) {
    if (!state.pendingTimers.has(document.uri)) continue;
    cancelScheduled(state, document.uri);
    analyseOpenDocument(state, document.uri);
  }
}

/** Counts the files done and reports progress when the percentage changes. */
class ScanProgress {
  private done = 0;
  private lastPercentage = 0;

  constructor(private readonly total: number, private readonly reporter: WorkDoneProgressServerReporter | undefined) {}

  add(files: number): void {
    this.done += files;
    const percentage = Math.floor((this.done * 100) / Math.max(this.total, 1));
    if (percentage === this.lastPercentage) return;
    this.lastPercentage = percentage;
    this.reporter?.report(percentage, `${this.done}/${this.total} files`);
  }
}

/**
 * Analyses and publishes the closed files among `files`. With many templates, worker threads analyse them (the
 * main thread publishes what they hand back, and analyses the Terraform files meanwhile); otherwise, or for what a
 * failed worker left, the main thread analyses them. Returns false when cancelled.
 */
async function analyseFiles(state: ServerState, files: readonly string[], reporter: WorkDoneProgressServerReporter | undefined, cancelled: () => boolean): Promise<boolean> {
  const progress = new ScanProgress(files.length, reporter);
  const templates = files.filter((path) => !isTerraformPath(path));
  const count = templates.length >= WORKER_MIN_TEMPLATES ? WORKERS : 0;
  const workers = Array.from({ length: count }, () => startWorker(state)).filter((worker): worker is Worker => worker !== undefined);
  if (workers.length === 0) return analyseOnMainThread(state, files, progress, cancelled);
  try {
    const queue: TemplateQueue = { paths: templates, next: 0 };
    const [mainDone, ...lefts] = await Promise.all([
      analyseOnMainThread(state, files.filter(isTerraformPath), progress, cancelled),
      ...workers.map((worker) => analyseInWorker(state, worker, queue, progress, cancelled)),
    ]);
    if (!mainDone || cancelled()) return false;
    // What failed workers left (and, when all failed, the rest of the queue): the main thread does it.
    const left = [...lefts.flat(), ...queue.paths.slice(queue.next)];
    return left.length === 0 || analyseOnMainThread(state, left, progress, cancelled);
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}

/** The templates the workers take batches from, in order. */
interface TemplateQueue {
  readonly paths: readonly string[];
  next: number;
}

/**
 * The worker's young generation, in MB. V8's default lets it grow to tens of MB, which the worker fills with each
 * analysis's garbage: with it the scan of 10,000 small templates ran ~10% faster but its peak memory was ~35 MB
 * higher than with 8.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

function startWorker(state: ServerState): Worker | undefined {
  try {
    const data: ScanWorkerData = { settings: state.analysisSettings };
    return new Worker(join(__dirname, 'scanWorker.js'), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  } catch (error) {
    state.connection.console.warn(`iac-hints: the workspace scan runs on the main thread: ${String(error)}`);
    return undefined;
  }
}

/**
 * Sends templates from the queue to `worker`, BATCH_SIZE at a time with BATCHES_IN_FLIGHT outstanding, and
 * publishes each batch's diagnostics as it comes back (an open document's editor text wins: its file is skipped).
 * Resolves when the queue is empty and the worker has answered, or with the paths it was given and did not answer
 * for when it failed (none when cancelled).
 */
function analyseInWorker(state: ServerState, worker: Worker, queue: TemplateQueue, progress: ScanProgress, cancelled: () => boolean): Promise<string[]> {
  return new Promise((resolve) => {
    const inFlight = new Map<number, readonly string[]>();
    let lastId = 0;
    let settled = false;
    const finish = (left: string[]): void => {
      if (settled) return;
      settled = true;
      worker.off('message', onMessage);
      worker.off('error', onFailure);
      worker.off('exit', onFailure);
      resolve(left);
    };
    const send = (): void => {
      while (!cancelled() && inFlight.size < BATCHES_IN_FLIGHT && queue.next < queue.paths.length) {
        const batch: ScanBatch = { id: ++lastId, paths: queue.paths.slice(queue.next, queue.next + BATCH_SIZE) };
        queue.next += batch.paths.length;
        inFlight.set(batch.id, batch.paths);
        worker.postMessage(batch);
      }
      if (inFlight.size === 0) finish([]);
    };
    const onMessage = (result: ScanBatchResult): void => {
      inFlight.delete(result.id);
      if (!cancelled()) {
        for (const file of result.files) {
          if (state.documents.get(file.uri)) continue;
          if (file.unreadable) clearDiagnostics(state, file.uri);
          else void publishDiskDiagnostics(state, file.uri, file.diagnostics);
        }
        progress.add(result.files.length);
      }
      send();
    };
    const onFailure = (error: unknown): void => {
      state.connection.console.error(`iac-hints: a workspace scan worker stopped: ${error instanceof Error ? error.message : String(error)}`);
      finish(cancelled() ? [] : [...inFlight.values()].flat());
    };
    worker.on('message', onMessage);
    worker.on('error', onFailure);
    worker.on('exit', onFailure);
    send();
  });
}

/**
 * Analyses and publishes the closed files among `files` on the main thread, a slice of SLICE_MS at a time. Waits
 * for the previous slice's diagnostics to be written before the next slice, so a slow client bounds the memory
 * the scan holds. Returns false when cancelled.
 */
async function analyseOnMainThread(state: ServerState, files: readonly string[], progress: ScanProgress, cancelled: () => boolean): Promise<boolean> {
  // Templates are analysed one-shot (nothing cached, as the CLI); Terraform files with the server's analyzer, whose
  // module cache answers the other files of the module.
  const oneShot: Analyzer = createAnalyzer(state.files, state.analysisSettings, undefined, false);
  let index = 0;
  let directoryStart = 0;
  let written: Promise<void> | undefined;
  // Large files go to the analysis worker; the scan is done when they are.
  const background: Promise<void>[] = [];
  while (index < files.length) {
    if (cancelled()) return false;
    const sliceStart = index;
    const sliceEnd = performance.now() + SLICE_MS;
    let sent: Promise<void> | undefined;
    do {
      const path = files[index];
      const uri = pathToUri(path);
      try {
        if (!state.documents.get(uri)) {
          const text = readCandidateText(path);
          if (text === undefined) {
            state.diskTerraformFiles.delete(uri);
            clearDiagnostics(state, uri);
          } else {
            sent = analyseDiskText(state, uri, path, text, isTerraformPath(path) ? state.analyzer : oneShot, background) ?? sent;
          }
        }
      } catch (error) {
        state.connection.console.error(`iac-hints: analysing ${path} failed: ${error instanceof Error ? error.stack : String(error)}`);
      }
      // Files of a directory come together (breadth first, sorted): once the last Terraform file of a module is
      // done, its analysis is released (it is redone if one of its files changes).
      if (index + 1 === files.length || dirname(files[index + 1]) !== dirname(path)) {
        releaseModule(state, dirname(path), files.slice(directoryStart, index + 1));
        directoryStart = index + 1;
      }
      index++;
    } while (index < files.length && performance.now() < sliceEnd);
    progress.add(index - sliceStart);
    // One slice in flight: the client reads it while the next one is analysed.
    const previous = written;
    written = sent ?? written;
    if (previous) await previous;
    await yieldToEventLoop();
  }
  await Promise.all(background);
  return !cancelled();
}

/** Re-publishes the modules of open Terraform documents (and what depends on them). */
function refreshOpenTerraformModules(state: ServerState): void {
  const dirs = new Set<string>();
  for (const document of state.documents.all()) {
    if (!document.uri.startsWith('file:')) continue;
    const path = uriToPath(document.uri, document.languageId);
    if (isTerraformPath(path)) dirs.add(dirname(path));
  }
  for (const dir of dirs) refreshModule(state, dir);
}
