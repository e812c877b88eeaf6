// textDocument/hover: the responsibility split of the resource (or setting) under the cursor.
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { isCandidatePath } from '../analysis';
import { toHover, toOffset } from './convert';
import { uriToPath } from './paths';
import type { ServerState } from './state';

export function onHover(state: ServerState, params: HoverParams): Hover | null {
  const document = state.documents.get(params.textDocument.uri);
  if (!document || !state.settings.enable) return null;
  const path = uriToPath(document.uri, document.languageId);
  if (!isCandidatePath(path)) return null;
  const input = { path, text: document.getText() };
  const { lineIndex, kind } = state.analyzer.analyze(input);
  if (kind === 'skipped') return null;
  const result = state.analyzer.hover(input, toOffset(lineIndex, params.position));
  return result ? toHover(result, lineIndex) : null;
}
