// The Shared Responsibility Report in the server: `iacHints/report` (the model, and its HTML for the client's
// webview), `iacHints/status` (the workspace's counts, for the status bar) and the code lenses above each resource.
// One file's report comes from the server's analyzer (what its diagnostics come from); the workspace's from a
// one-shot analysis of every candidate file, open buffers laid over the disk, as `iac-hints scan` reads them, kept
// until a document, a file on disk or the settings change. A file too large for the server's thread
// (BACKGROUND_ANALYSIS_SIZE) gets its share from the analysis worker; only when that fails is it left out, named.
import { isAbsolute, relative, sep } from 'node:path';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver/node';
import { combineReport, isCandidatePath, isTerraformPath, reportHtml, reportPart } from '../analysis';
import type { FileAnalysis, ReportPart, ResponsibilityReport } from '../analysis';
import { createAnalyzer } from './configuration';
import { toCodeLens } from './convert';
import { pathToUri, uriToPath } from './paths';
import { isIncluded } from './projectConfig';
import { BACKGROUND_ANALYSIS_SIZE } from './background';
import { backgroundAnswerable } from './reports';
import type { ServerState, WorkspaceParts } from './state';
import { listCandidateFiles } from './workspaceScan';

export const REPORT_REQUEST = 'iacHints/report';
export const STATUS_REQUEST = 'iacHints/status';
/** The command a code lens runs (the client registers it): opens the report at the resource. */
export const SHOW_REPORT_COMMAND = 'iacHints.showReport';

export interface ReportParams {
  /** The file to report on; without it, the workspace. */
  readonly uri?: string;
  /** Also render the HTML, with this nonce (and the webview's CSP source). */
  readonly html?: { readonly nonce: string; readonly cspSource?: string };
}

export interface ReportAnswer {
  readonly report: ResponsibilityReport;
  /** The URI of each file of the report, by the name the report gives it. */
  readonly uris: Readonly<Record<string, string>>;
  /** Files left out of the report (named as it names files): too large for the server's thread, and the worker failed. */
  readonly notAnalysed: readonly string[];
  readonly html?: string;
}

export interface StatusAnswer {
  readonly missed: number;
  readonly cannotBeChecked: number;
  readonly resources: number;
  readonly files: number;
  /** Files left out: too large for the server's thread, and the worker failed (see WorkspaceParts). */
  readonly notAnalysed: number;
}

/** What the code lens's command gets: which report, and the resource to show. */
export interface ShowReportArguments {
  readonly uri: string;
  readonly key: string;
}

/** A file as the report names it: relative to its workspace folder (prefixed with the folder's name when several). */
export function displayName(state: ServerState, path: string): string {
  if (!isAbsolute(path)) return path;
  const folders = state.workspaceFolders.filter((folder) => folder.uri.startsWith('file:'));
  for (const folder of folders) {
    const root = uriToPath(folder.uri);
    const inside = relative(root, path);
    if (inside && !inside.startsWith('..') && !isAbsolute(inside)) {
      const name = sep === '/' ? inside : inside.split(sep).join('/');
      return folders.length > 1 ? `${folder.name}/${name}` : name;
    }
  }
  return path;
}

/** The URI of a file the report names (its path when it is not absolute: a test's relative path). */
function uriOfPath(path: string): string {
  return isAbsolute(path) ? pathToUri(path) : path;
}

/** The analysis of one file as its diagnostics see it (an open buffer, else the disk), or undefined. */
function fileAnalysis(state: ServerState, uri: string): FileAnalysis | undefined {
  const document = state.documents.get(uri);
  const path = uriToPath(uri, document?.languageId);
  if (!isCandidatePath(path)) return undefined;
  const text = document ? document.getText() : state.files.readFile(path);
  if (text === undefined) return undefined;
  const analysis = state.analyzer.analyze({ path, text });
  return analysis.kind === 'skipped' ? undefined : analysis;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** What the workspace report depends on: the settings, the open buffers' versions, and changes seen on disk. */
function workspaceKey(state: ServerState): string {
  const open = state.documents.all().map((document) => `${document.uri}@${document.version}`).sort().join(',');
  return `${state.generations.settings}:${state.diskChanges}:${state.workspaceFolders.map((folder) => folder.uri).join(',')}:${open}`;
}

/**
 * What a file's analysis depends on besides its text (as reports.ts keys diagnostics): the settings; for Terraform
 * also every Terraform buffer and file and the workspace's folders.
 */
function inputsOf(state: ServerState, path: string): string {
  const { settings, terraform } = state.generations;
  return isTerraformPath(path) ? `${settings}:${terraform}:${state.files.workspaceFoldersVersion}` : `${settings}`;
}

/**
 * Every candidate file of the workspace folders analysed one-shot (as the CLI does), yielding between files. A
 * file whose text, inputs and name are those of the last report is not analysed again (typing in one template does
 * not re-analyse the workspace).
 */
async function analyseWorkspace(state: ServerState): Promise<WorkspaceParts> {
  const analyzer = createAnalyzer(state.files, state.analysisSettings, undefined, false);
  const parts: ReportPart[] = [];
  const uris: Record<string, string> = {};
  const notAnalysed: string[] = [];
  const listed = new Set<string>();
  for (const folder of state.workspaceFolders.filter((candidate) => candidate.uri.startsWith('file:'))) {
    const paths = await listCandidateFiles(uriToPath(folder.uri));
    for (const path of paths) {
      if (!isIncluded(state, path)) continue;
      const text = state.files.readFile(path);
      if (text === undefined) continue;
      listed.add(path);
      const name = displayName(state, path);
      const inputs = inputsOf(state, path);
      const kept = state.reportParts.get(path);
      let part: ReportPart | null | undefined;
      if (kept && kept.text === text && kept.inputs === inputs && kept.name === name) {
        part = kept.part;
      } else if (text.length > BACKGROUND_ANALYSIS_SIZE) {
        // Its one-shot analysis here would hold every hover and diagnostic for seconds: the worker makes its share.
        part = await state.background.report(path, text, name);
        // A failed worker answer is not kept: the next report asks again.
        if (part === undefined) state.reportParts.delete(path);
        else state.reportParts.set(path, { text, inputs, name, part });
      } else {
        // An open document's text was just analysed for its diagnostics: the server's analyzer answers from its cache
        // (the same findings as one-shot, invariant 9) instead of a second full analysis after every edit.
        const analysis = (state.documents.get(pathToUri(path)) ? state.analyzer : analyzer).analyze({ path, text });
        part = reportPart(analysis, name) ?? null;
        state.reportParts.set(path, { text, inputs, name, part });
        await yieldToEventLoop();
      }
      if (part === undefined) notAnalysed.push(name);
      else if (part !== null) {
        parts.push(part);
        uris[name] = uriOfPath(path);
      }
    }
  }
  for (const path of [...state.reportParts.keys()]) if (!listed.has(path)) state.reportParts.delete(path);
  return { parts, uris, notAnalysed };
}

const NOTHING: WorkspaceParts = { parts: [], uris: {}, notAnalysed: [] };

/** The workspace's shares, shared by concurrent requests and kept while nothing they depend on changed. */
function workspaceParts(state: ServerState): Promise<WorkspaceParts> {
  const key = workspaceKey(state);
  if (state.workspaceReport?.key !== key) state.workspaceReport = { key, parts: analyseWorkspace(state) };
  return state.workspaceReport.parts;
}

/** One file's share of the report: from the worker for a file too large for this thread (left out when it fails). */
async function singleFile(state: ServerState, uri: string): Promise<WorkspaceParts> {
  const path = uriToPath(uri, state.documents.get(uri)?.languageId);
  if (!isCandidatePath(path)) return NOTHING;
  const text = state.documents.get(uri)?.getText() ?? state.files.readFile(path);
  if (text === undefined) return NOTHING;
  const name = displayName(state, path);
  const part = text.length > BACKGROUND_ANALYSIS_SIZE ? await state.background.report(path, text, name) : reportPart(state.analyzer.analyze({ path, text }), name);
  if (part === undefined) return { parts: [], uris: {}, notAnalysed: [name] };
  return part === null ? NOTHING : { parts: [part], uris: { [name]: isAbsolute(path) ? pathToUri(path) : uri }, notAnalysed: [] };
}

/** `iacHints/report`: the report of one file (`uri`) or of the workspace, and its HTML when asked. */
export async function onReport(state: ServerState, params: ReportParams | undefined): Promise<ReportAnswer> {
  const { parts, uris, notAnalysed } = !state.settings.enable ? NOTHING : params?.uri ? await singleFile(state, params.uri) : await workspaceParts(state);
  const report = combineReport(parts);
  const html = params?.html
    ? reportHtml(report, {
      nonce: params.html.nonce,
      ...(params.html.cspSource ? { cspSource: params.html.cspSource } : {}),
      scope: params.uri ? displayName(state, uriToPath(params.uri)) : 'workspace',
      hrefOf: (file) => uris[file] ?? file,
      notAnalysed,
    })
    : undefined;
  return { report, uris, notAnalysed, ...(html ? { html } : {}) };
}

/** `iacHints/status`: the workspace's missed and unknown duties, for the status bar. */
export async function onStatus(state: ServerState): Promise<StatusAnswer> {
  const { parts, notAnalysed } = state.settings.enable ? await workspaceParts(state) : NOTHING;
  const report = combineReport(parts);
  return { missed: report.totals.cells.missed, cannotBeChecked: report.totals.cells['cannot-be-checked'], resources: report.totals.resources, files: report.files.length, notAnalysed: notAnalysed.length };
}

/**
 * `textDocument/codeLens`: above each resource, its customer duties counted ("Customer: 4 of 7 addressed · 1
 * missed"), opening the report at it. None when `iacHints.codeLens.enable` is off. A document analysed in the worker
 * (a large one) gets its lenses from the worker, after the analysis under way there; none if the document changed
 * meanwhile (the client asks again after an edit) or the worker failed.
 */
export function onCodeLens(state: ServerState, params: CodeLensParams): CodeLens[] | Promise<CodeLens[]> {
  if (!state.settings.enable || !state.settings.codeLens) return [];
  const document = state.documents.get(params.textDocument.uri);
  if (!document) return [];
  const path = uriToPath(document.uri, document.languageId);
  if (!isCandidatePath(path)) return [];
  const name = displayName(state, path);
  const lenses = (part: ReportPart | null | undefined): CodeLens[] =>
    (part?.resources ?? []).map((resource) => toCodeLens(resource, SHOW_REPORT_COMMAND, { uri: document.uri, key: resource.key } satisfies ShowReportArguments));
  if (backgroundAnswerable(state, document, path) === 'main') {
    const analysis = fileAnalysis(state, document.uri);
    return analysis ? lenses(reportPart(analysis, name)) : [];
  }
  const { version } = document;
  return state.background.report(path, document.getText(), name).then((part) => (state.documents.get(document.uri)?.version === version ? lenses(part) : []));
}

/** Asks the client to ask for code lenses again (settings changed), when it can. */
export function refreshCodeLenses(state: ServerState): void {
  if (!state.capabilities.workspace?.codeLens?.refreshSupport) return;
  void state.connection.sendRequest('workspace/codeLens/refresh').catch((error: unknown) => state.connection.console.warn(`iac-hints: could not refresh the code lenses: ${String(error)}`));
}
