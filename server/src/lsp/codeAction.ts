// textDocument/codeAction: the quick fixes the core writes for findings in the requested range.
import type { CodeAction, CodeActionParams } from 'vscode-languageserver/node';
import { CodeActionKind } from 'vscode-languageserver/node';
import { isCandidatePath } from '../analysis';
import { toCodeAction, toOffsetRange } from './convert';
import { uriToPath } from './paths';
import type { ServerState } from './state';

export function onCodeAction(state: ServerState, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) return [];
  const document = state.documents.get(params.textDocument.uri);
  if (!document || !state.settings.enable) return [];
  const path = uriToPath(document.uri, document.languageId);
  if (!isCandidatePath(path)) return [];
  const input = { path, text: document.getText() };
  const { lineIndex, kind } = state.analyzer.analyze(input);
  if (kind === 'skipped') return [];
  return state.analyzer
    .codeActions(input, toOffsetRange(lineIndex, params.range))
    .map((result) => toCodeAction(result, lineIndex, document.uri, params.context.diagnostics));
}
