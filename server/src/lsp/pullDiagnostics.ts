// textDocument/diagnostic (LSP 3.17 pull diagnostics), for clients that declare textDocument.diagnostic: the
// report of the document's current version (reports.ts), "unchanged" when the client already has it (same result
// id), computed at once when the client asks (no debounce: the client asks once per change and cancels the
// previous request). Files that are not open are still pushed (diagnostics.ts).
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { CancellationToken, DocumentDiagnosticParams, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { isCandidatePath } from '../analysis';
import { uriToPath } from './paths';
import { configDiagnostics, isIncluded } from './projectConfig';
import { RawJson } from './rawJson';
import { documentReport } from './reports';
import type { DiagnosticReport } from './reports';
import type { ServerState } from './state';

/** The result id of an empty report (not a template, disabled, closed): every such report is the same. */
const EMPTY_RESULT_ID = 'empty';

/** Resolves with `promise`, or rejects with RequestCancelled as soon as the client cancels the request. */
function unlessCancelled<T>(promise: Promise<T>, token: CancellationToken): Promise<T> {
  if (token.isCancellationRequested) return Promise.reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled'));
  return new Promise((resolve, reject) => {
    const listener = token.onCancellationRequested(() => reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled')));
    promise.then(resolve, reject).finally(() => listener.dispose());
  });
}

/** The full report as the client gets it: the worker's JSON is spliced in as it is (rawJson.ts). */
function fullReport(report: DiagnosticReport): DocumentDiagnosticReport {
  if (report.items instanceof RawJson) {
    return RawJson.wrap(`{"kind":"full","resultId":${JSON.stringify(report.resultId)},"items":`, report.items, '}') as unknown as DocumentDiagnosticReport;
  }
  return { kind: 'full', resultId: report.resultId, items: report.items };
}

/**
 * Answers a pull: "unchanged" when `previousResultId` is the current report's, else the full report. Rejects with
 * RequestCancelled when the client cancels, and with ServerCancelled (retrigger) when the document changed before
 * its report was ready: the client then asks again for the new version.
 */
export async function onDocumentDiagnostic(state: ServerState, params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
  const document = state.documents.get(params.textDocument.uri);
  const path = document ? uriToPath(document.uri, document.languageId) : undefined;
  const config = document && configDiagnostics(state, document.uri);
  // The configuration file's problems: a fresh result id each time (they change only when the file is applied).
  if (config) return { kind: 'full', resultId: `config-${state.generations.settings}-${Date.now()}`, items: config };
  if (!document || !path || !state.settings.enable || !isCandidatePath(path) || (document.uri.startsWith('file:') && !isIncluded(state, path))) {
    return params.previousResultId === EMPTY_RESULT_ID ? { kind: 'unchanged', resultId: EMPTY_RESULT_ID } : { kind: 'full', resultId: EMPTY_RESULT_ID, items: [] };
  }
  const report = await unlessCancelled(documentReport(state, document), token);
  if (!report || state.documents.get(document.uri)?.version !== report.version) {
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while its diagnostics were computed.', { retriggerRequest: true });
  }
  if (params.previousResultId === report.resultId) return { kind: 'unchanged', resultId: report.resultId };
  return fullReport(report);
}
