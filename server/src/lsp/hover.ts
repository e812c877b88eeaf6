// textDocument/hover: the responsibility split of the resource (or setting) under the cursor. A document analysed
// in the background is answered by the worker from its last analysis, or not at all (reports.ts). Markdown, or plain
// text for a client whose hover contentFormat asks for it.
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { isCandidatePath } from '../analysis';
import { hoverAt } from './answers';
import { toPlainTextHover, wantsMarkdownHover } from './convert';
import { uriToPath } from './paths';
import { backgroundAnswerable } from './reports';
import type { ServerState } from './state';

export function onHover(state: ServerState, params: HoverParams): Hover | null | Promise<Hover | null> {
  const document = state.documents.get(params.textDocument.uri);
  if (!document || !state.settings.enable) return null;
  const path = uriToPath(document.uri, document.languageId);
  if (!isCandidatePath(path)) return null;
  const background = backgroundAnswerable(state, document, path);
  if (background === 'unanswerable') return null;
  const format = (hover: Hover | null): Hover | null =>
    hover && !wantsMarkdownHover(state.capabilities.textDocument?.hover?.contentFormat) ? toPlainTextHover(hover) : hover;
  if (background === 'worker') return state.background.hover(path, document.version, params.position)?.then(format) ?? null;
  return format(hoverAt(state.analyzer, path, document.getText(), params.position));
}
