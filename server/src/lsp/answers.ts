// What the server answers about one text, from an Analyzer: its diagnostics, a hover, quick fixes. Shared by the
// server's thread and the analysis worker (worker.ts), so both answer alike.
import type { CodeAction, CodeActionContext, Diagnostic, Hover, Position, Range } from 'vscode-languageserver/node';
import { LineIndex } from '../analysis';
import type { Analyzer, FileAnalysis, FileSystemView } from '../analysis';
import { CodeActionKind } from 'vscode-languageserver/node';
import { FIX_ALL_KIND, toCodeAction, toDiagnostics, toFixAllAction, toHover, toOffset, toOffsetRange, wantsKind } from './convert';

/** The diagnostics of an analysis; related places in other files are mapped with their text as `files` reads it. */
export function diagnosticsOf(analysis: FileAnalysis, uri: string, files: FileSystemView): Diagnostic[] {
  const lineIndexOf = (file: string): LineIndex | undefined => {
    const other = files.readFile(file);
    return other === undefined ? undefined : new LineIndex(other);
  };
  return toDiagnostics(analysis, uri, lineIndexOf);
}

/** The hover at `position` of a text, from `analyzer` (analysed now unless it holds this text's analysis). */
export function hoverAt(analyzer: Analyzer, path: string, text: string, position: Position): Hover | null {
  const input = { path, text };
  const { lineIndex, kind } = analyzer.analyze(input);
  if (kind === 'skipped') return null;
  const result = analyzer.hover(input, toOffset(lineIndex, position));
  return result ? toHover(result, lineIndex) : null;
}

/**
 * The quick fixes for the findings of a text that touch `range`, and fix-all (`source.fixAll.iac-hints`, the whole
 * document's safe fixes) when `context.only` asks for it, from `analyzer`.
 */
export function codeActionsAt(analyzer: Analyzer, uri: string, path: string, text: string, range: Range, context: CodeActionContext): CodeAction[] {
  const input = { path, text };
  const { lineIndex, kind } = analyzer.analyze(input);
  if (kind === 'skipped') return [];
  const actions = wantsKind(context.only, CodeActionKind.QuickFix)
    ? analyzer.codeActions(input, toOffsetRange(lineIndex, range)).map((result) => toCodeAction(result, lineIndex, uri, context.diagnostics))
    : [];
  if (wantsKind(context.only, FIX_ALL_KIND)) {
    const fixed = analyzer.fixAll(input);
    if (fixed) actions.push(toFixAllAction(text, fixed.text, fixed.applied, lineIndex, uri));
  }
  return actions;
}
