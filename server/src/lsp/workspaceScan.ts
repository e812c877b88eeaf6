// Start-up scan of the workspace folders: finds candidate files, analyses them one at a time (yielding to the
// connection between files so requests stay answered; large files go to the analysis worker) and publishes
// diagnostics for the templates.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isCandidatePath, isSkippedDirectory, isTerraformPath } from '../analysis';
import { analyseFileOnDisk, refreshModule } from './diagnostics';
import { pathToUri, uriToPath } from './paths';
import { isIncluded } from './projectConfig';
import type { ServerState } from './state';

/** The scan stops listing files after this many candidates. */
export const MAX_SCANNED_FILES = 10_000;

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

/** Scans every workspace folder; a newer scan (or a settings change) cancels this one. */
export function startWorkspaceScan(state: ServerState): Promise<void> {
  const generation = ++state.scanGeneration;
  const run = scan(state, generation).catch((error: unknown) => {
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
 * Lists the workspace's candidate files (the folders holding Terraform files are where the core looks for a module's
 * callers, so they are listed even when the scan does not analyse), then, with `scanWorkspaceOnStartup`, analyses
 * them. Open Terraform documents are refreshed once the folders are known: their callers may have changed.
 */
async function scan(state: ServerState, generation: number): Promise<void> {
  const cancelled = (): boolean => state.scanGeneration !== generation;
  const folders = state.workspaceFolders.filter((folder) => folder.uri.startsWith('file:'));
  if (folders.length === 0 || !state.settings.enable) return;
  const analyse = state.settings.scanWorkspaceOnStartup;
  const progress = analyse ? await state.connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('IaC Responsibility Hints', 0, 'Looking for templates', false);
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
    if (!progress) return;
    let lastPercentage = 0;
    let directoryStart = 0;
    // Files analysed in the worker: the scan goes on meanwhile, and is done when they are.
    const background: Promise<void>[] = [];
    for (let index = 0; index < files.length; index++) {
      if (cancelled()) return;
      await analyseFileOnDisk(state, pathToUri(files[index]), background);
      // Files of a directory come together (breadth first, sorted): once the last Terraform file of a module is
      // done, its analysis is released (it is redone if one of its files changes).
      if (index + 1 === files.length || dirname(files[index + 1]) !== dirname(files[index])) {
        releaseModule(state, dirname(files[index]), files.slice(directoryStart, index + 1));
        directoryStart = index + 1;
      }
      const percentage = Math.floor(((index + 1) * 100) / files.length);
      if (percentage !== lastPercentage) {
        lastPercentage = percentage;
        progress.report(percentage, `${index + 1}/${files.length} files`);
      }
      await yieldToEventLoop();
    }
    await Promise.all(background);
    state.connection.console.log(`iac-hints: scanned ${files.length} candidate files.`);
  } finally {
    progress?.done();
  }
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
