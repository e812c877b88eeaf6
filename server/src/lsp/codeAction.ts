// textDocument/codeAction: the quick fixes the core writes for findings in the requested range. A document analysed
// in the background is answered by the worker from its last analysis, or not at all (reports.ts).
// The edits are those of the text of one version: to a client that takes versioned edits (`documentChanges`) they
// say which, so it refuses them on another text; the worker's answer for a version the document has left is dropped.
import type { CodeAction, CodeActionParams } from 'vscode-languageserver/node';
import { CodeActionKind } from 'vscode-languageserver/node';
import { isCandidatePath } from '../analysis';
import { codeActionsAt } from './answers';
import { FIX_ALL_KIND, wantsKind } from './convert';
import { uriToPath } from './paths';
import { backgroundAnswerable } from './reports';
import type { ServerState } from './state';

export function onCodeAction(state: ServerState, params: CodeActionParams): CodeAction[] | Promise<CodeAction[]> {
  const only = params.context.only;
  if (!wantsKind(only, CodeActionKind.QuickFix) && !wantsKind(only, FIX_ALL_KIND)) return [];
  const document = state.documents.get(params.textDocument.uri);
  if (!document || !state.settings.enable) return [];
  const path = uriToPath(document.uri, document.languageId);
  if (!isCandidatePath(path)) return [];
  const background = backgroundAnswerable(state, document, path);
  if (background === 'unanswerable') return [];
  const { uri, version } = document;
  if (background === 'worker') {
    return Promise.resolve(state.background.codeActions(uri, path, version, params.range, params.context))
      .then((actions) => (state.documents.get(uri)?.version === version ? versioned(state, uri, version, actions) : []));
  }
  return versioned(state, uri, version, codeActionsAt(state.analyzer, uri, path, document.getText(), params.range, params.context));
}

/** The actions' edits of `uri` as edits of that version, for a client that takes `documentChanges`. */
function versioned(state: ServerState, uri: string, version: number, actions: CodeAction[]): CodeAction[] {
  if (!state.capabilities.workspace?.workspaceEdit?.documentChanges) return actions;
  return actions.map((action) => {
    const edits = action.edit?.changes?.[uri];
    return edits ? { ...action, edit: { documentChanges: [{ textDocument: { uri, version }, edits }] } } : action;
  });
}
