// textDocument/codeAction: the quick fixes the core writes for findings in the requested range. A document analysed
// in the background is answered by the worker from its last analysis, or not at all (reports.ts).
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
  if (background === 'worker') return state.background.codeActions(document.uri, path, document.version, params.range, params.context);
  return codeActionsAt(state.analyzer, document.uri, path, document.getText(), params.range, params.context);
}

