// The diagnostics of open documents, computed once per version and inputs, on this thread or in the analysis
// worker (the lane), and kept with a result id: pushed (diagnostics.ts) or pulled (pullDiagnostics.ts) from here.
// A report that did not change keeps its result id, so a pull answers "unchanged" and nothing is converted or sent.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FILE_SIZE, isTerraformPath } from '../analysis';
import type { FileAnalysis } from '../analysis';
import { diagnosticsOf } from './answers';
import { DIAGNOSTIC_SOURCE, PARSE_CODE } from './convert';
import { BACKGROUND_ANALYSIS_SIZE, MAIN_THREAD_BUDGET_MS } from './background';
import { uriToPath } from './paths';
import { RawJson } from './rawJson';
import type { ServerState } from './state';
import { diagnosticsHash } from './workerProtocol';

/** Where an analysis runs: on the server's thread, or in the analysis worker. */
export type Lane = 'main' | 'background';

export interface DiagnosticReport {
  readonly uri: string;
  /** The document version analysed. */
  readonly version: number;
  /** What else the diagnostics depended on (inputsOf), when computed. */
  readonly inputs: string;
  /** Changes only when the diagnostics do. */
  readonly resultId: string;
  /** diagnosticsHash of the diagnostics (empty when nobody pulls: push needs no result ids). */
  readonly hash: string;
  readonly count: number;
  /** Converted here (main lane), or the worker's JSON of a `Diagnostic[]`. */
  readonly items: Diagnostic[] | RawJson;
  readonly lane: Lane;
  /** The analysis the items were converted from (main lane): the same object needs no new conversion. */
  readonly analysis?: FileAnalysis;
}

/** Result ids of this process: a client's id from an earlier server never matches. */
const SESSION = randomBytes(4).toString('hex');
let lastResultId = 0;
function newResultId(): string {
  return `${SESSION}-${++lastResultId}`;
}

function trace(state: ServerState, message: string): void {
  state.connection.tracer.log(message);
}

/** The unit analysed as one: a template by itself, a Terraform file with its module (its folder). */
function unitOf(path: string): string {
  return isTerraformPath(path) ? dirname(path) : path;
}

/** Characters of the Terraform files of `dir`, `path` counted as `text` (open buffers as typed, others on disk). */
function moduleSize(state: ServerState, dir: string, path: string, text: string): number {
  const open = new Map<string, number>();
  for (const document of state.documents.all()) if (document.uri.startsWith('file:')) open.set(uriToPath(document.uri), document.getText().length);
  let size = text.length;
  for (const name of state.files.listFiles(dir) ?? []) {
    const file = join(dir, name);
    if (file === path || !isTerraformPath(file)) continue;
    try {
      size += open.get(file) ?? statSync(file).size;
    } catch {
      // Gone since the listing.
    }
  }
  return size;
}

/**
 * Analyses of a unit in a row over MAIN_THREAD_BUDGET_MS after which it moves to the worker. Not one: the first
 * analyses after the server starts are slow while the JIT warms up, and a template's first analysis is slower than
 * the incremental ones after an edit; neither says the next one will be slow.
 */
const SLOW_ANALYSES_IN_A_ROW = 2;

/**
 * Where the analysis of `text` (at `path`) runs: in the worker when its unit is larger than BACKGROUND_ANALYSIS_SIZE
 * or was slower than MAIN_THREAD_BUDGET_MS here SLOW_ANALYSES_IN_A_ROW times in a row; on this thread otherwise, and
 * always when the worker is unavailable or the text is over the core's size limit (skipped at once, with its message).
 */
export function laneOf(state: ServerState, path: string, text: string): Lane {
  if (!state.background.available || text.length > MAX_FILE_SIZE) return 'main';
  const unit = unitOf(path);
  if ((state.slowAnalyses.get(unit) ?? 0) >= SLOW_ANALYSES_IN_A_ROW) return 'background';
  const size = isTerraformPath(path) && isAbsolute(unit) ? moduleSize(state, unit, path, text) : text.length;
  return size > BACKGROUND_ANALYSIS_SIZE ? 'background' : 'main';
}

/**
 * What a document's diagnostics depend on besides its text, as a key (equal keys, same inputs): the settings; for a
 * Terraform file also every Terraform buffer and file (its module, callers and callees) and the workspace's folders.
 */
function inputsOf(state: ServerState, path: string): string {
  const { settings, terraform } = state.generations;
  return isTerraformPath(path) ? `${settings}:${terraform}:${state.files.workspaceFoldersVersion}` : `${settings}`;
}

/** The report of the document's current version and inputs, if one was computed. */
export function currentReport(state: ServerState, document: TextDocument): DiagnosticReport | undefined {
  const report = state.reports.get(document.uri);
  const path = uriToPath(document.uri, document.languageId);
  return report && report.version === document.version && report.inputs === inputsOf(state, path) ? report : undefined;
}

/** A background analysis of this document under way for its current version and inputs. */
export function computingReport(state: ServerState, document: TextDocument): Promise<DiagnosticReport | undefined> | undefined {
  const computing = state.computing.get(document.uri);
  const path = uriToPath(document.uri, document.languageId);
  return computing && computing.version === document.version && computing.inputs === inputsOf(state, path) ? computing.promise : undefined;
}

/**
 * The diagnostics of an open document's current version: the report kept, or computed now on this thread, or in the
 * worker (a worker that died during it gives a report of one diagnostic saying so). Resolves with undefined when a
 * newer version's job replaced this one before it started. A report computed for a version the document has left is
 * returned but not kept. Never rejects.
 */
export function documentReport(state: ServerState, document: TextDocument): Promise<DiagnosticReport | undefined> {
  const current = currentReport(state, document) ?? computingReport(state, document);
  if (current) return Promise.resolve(current);
  const { uri, version } = document;
  const path = uriToPath(uri, document.languageId);
  const text = document.getText();
  const inputs = inputsOf(state, path);
  if (laneOf(state, path, text) === 'main') {
    // Shrunk below the bound: the worker's analysis of it is of no more use.
    if (state.reports.get(uri)?.lane === 'background') state.background.forget(path);
    return Promise.resolve(keep(state, computeHere(state, uri, path, text, version, inputs)));
  }
  const promise = computeInBackground(state, uri, path, text, version, inputs).then((report) => {
    if (state.computing.get(uri)?.promise === promise) state.computing.delete(uri);
    return report && keep(state, report);
  });
  state.computing.set(uri, { version, inputs, promise });
  return promise;
}

/** Keeps a report while it is the document's current version's. */
function keep(state: ServerState, report: DiagnosticReport): DiagnosticReport {
  if (state.documents.get(report.uri)?.version === report.version) state.reports.set(report.uri, report);
  return report;
}

function computeHere(state: ServerState, uri: string, path: string, text: string, version: number, inputs: string): DiagnosticReport {
  const started = performance.now();
  const analysis = state.analyzer.analyze({ path, text });
  const previous = state.reports.get(uri);
  let report: DiagnosticReport;
  if (previous?.lane === 'main' && previous.analysis === analysis) {
    // The analyzer answered from its cache: the same diagnostics, nothing to convert.
    report = { ...previous, version, inputs };
  } else {
    const items = diagnosticsOf(analysis, uri, state.files);
    // Result ids matter only to a client that pulls: then an equal result keeps its id ("unchanged").
    const hash = state.pull ? diagnosticsHash(JSON.stringify(items)) : '';
    const resultId = state.pull && previous?.hash === hash ? previous.resultId : newResultId();
    report = { uri, version, inputs, resultId, hash, count: items.length, items, lane: 'main', analysis };
  }
  const ms = performance.now() - started;
  state.analysisMs.set(uri, ms);
  const unit = unitOf(path);
  if (ms <= MAIN_THREAD_BUDGET_MS) {
    state.slowAnalyses.delete(unit);
  } else {
    const slow = (state.slowAnalyses.get(unit) ?? 0) + 1;
    state.slowAnalyses.set(unit, slow);
    if (slow === SLOW_ANALYSES_IN_A_ROW && state.background.available) trace(state, `main: ${uri} took ${Math.round(ms)} ms; analysed in the background from now on`);
  }
  return report;
}

async function computeInBackground(state: ServerState, uri: string, path: string, text: string, version: number, inputs: string): Promise<DiagnosticReport | undefined> {
  const previous = state.reports.get(uri);
  const outcome = await state.background.analyze({ uri, path, text, version, then: 'keep', ...(previous?.hash ? { previousHash: previous.hash } : {}) });
  if (outcome.kind === 'superseded') return undefined;
  if (outcome.kind === 'failed') {
    // Said once for this version (a pull would otherwise ask again, and fail again, forever).
    const items = [failureDiagnostic(outcome.reason)];
    return { uri, version, inputs, resultId: newResultId(), hash: diagnosticsHash(JSON.stringify(items)), count: 1, items, lane: 'background' };
  }
  const { result } = outcome;
  const sameAsBefore = previous !== undefined && previous.hash === result.hash;
  // Left out by the worker only when equal to what the server has.
  const items = result.json ? RawJson.of(result.json) : sameAsBefore ? previous.items : undefined;
  if (!items) return undefined;
  noteModuleLinks(state, path, result);
  state.analysisMs.set(uri, result.ms);
  trace(state, `background: analysed ${uri} v${version} in ${Math.round(result.ms)} ms: ${result.count} diagnostics${result.json ? '' : ' (unchanged)'}`);
  return { uri, version, inputs, resultId: sameAsBefore ? previous.resultId : newResultId(), hash: result.hash, count: result.count, items, lane: 'background' };
}

/** What a document gets when its analysis stopped the worker: the file is not analysed, and the editor says why. */
export function failureDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: PARSE_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: `The analysis failed unexpectedly (${reason}); the file is not analysed.`,
  };
}

/** Remembers which modules call and are called by a module analysed in the worker (diagnostics.ts refreshModule). */
export function noteModuleLinks(state: ServerState, path: string, result: { readonly callers?: readonly string[]; readonly callees?: readonly string[] }): void {
  if (result.callers && result.callees) state.backgroundModuleLinks.set(dirname(path), { callers: result.callers, callees: result.callees });
}

/**
 * Who answers a hover or code action on an open document: this thread ('main'), when it analyses the document or
 * holds the analysis of its current version; the worker, when it holds it and is free; nobody ('unanswerable')
 * while the current version's analysis is not done (it is started if nothing started it) or the worker is busy.
 * Never waits.
 */
export function backgroundAnswerable(state: ServerState, document: TextDocument, path: string): 'main' | 'worker' | 'unanswerable' {
  if (laneOf(state, path, document.getText()) === 'main') return 'main';
  const report = currentReport(state, document);
  if (!report) {
    // Nothing to answer from (a client that pulls may not have asked yet): the analysis starts, for the next request.
    void documentReport(state, document);
    return 'unanswerable';
  }
  if (report.lane === 'main') return 'main';
  return state.background.busy ? 'unanswerable' : 'worker';
}
