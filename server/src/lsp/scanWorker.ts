// The workspace scan's worker thread (dist/scanWorker.js, started by workspaceScan.ts): analyses saved templates
// one-shot, off the server's main thread, and hands back their diagnostics, which the main thread publishes.
// Templates only: a Terraform module is analysed on the main thread, whose analyzer sees the open buffers and
// keeps the module calls other modules' callers are found from.
import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver/node';
import { createAnalyzer } from './configuration';
import type { Settings } from './configuration';
import { toDiagnostics } from './convert';
import { readCandidateText } from './files';
import { pathToUri } from './paths';

/** A batch of template paths to analyse; `id` comes back with the answer. */
export interface ScanBatch {
  readonly id: number;
  readonly paths: readonly string[];
}

/** One analysed file: its diagnostics (none for a file that is not a template), or `unreadable`. */
export interface ScannedFile {
  readonly path: string;
  readonly uri: string;
  readonly diagnostics: Diagnostic[];
  readonly unreadable: boolean;
}

export interface ScanBatchResult {
  readonly id: number;
  readonly files: readonly ScannedFile[];
}

/** What the worker is started with: the analysis settings (severity floor, allowed Regions). */
export interface ScanWorkerData {
  readonly settings: Settings;
}

/** Analyses one batch with `analyze` (the core never throws; a conversion error costs only that file). */
export function scanBatch(batch: ScanBatch, analyze: (path: string, text: string, uri: string) => Diagnostic[]): ScanBatchResult {
  const files = batch.paths.map((path): ScannedFile => {
    const uri = pathToUri(path);
    const text = readCandidateText(path);
    if (text === undefined) return { path, uri, diagnostics: [], unreadable: true };
    try {
      return { path, uri, diagnostics: analyze(path, text, uri), unreadable: false };
    } catch {
      return { path, uri, diagnostics: [], unreadable: true };
    }
  });
  return { id: batch.id, files };
}

if (parentPort) {
  const port = parentPort;
  const { settings } = workerData as ScanWorkerData;
  const analyzer = createAnalyzer(undefined, settings, undefined, false);
  const analyze = (path: string, text: string, uri: string): Diagnostic[] => toDiagnostics(analyzer.analyze({ path, text }), uri);
  port.on('message', (batch: ScanBatch) => port.postMessage(scanBatch(batch, analyze)));
}
