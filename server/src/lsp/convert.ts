// The ONLY module that converts analysis-core results (offsets, findings, hovers, fixes) into Language Server
// Protocol types, and LSP positions back into offsets. Every other server module goes through here, so the
// mapping rules (severity, code, source, data, ranges) live in one place.
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  MarkupKind,
} from 'vscode-languageserver/node';
import type {
  CodeAction,
  CodeLens,
  Diagnostic,
  DiagnosticRelatedInformation,
  Hover,
  Range,
  TextEdit,
} from 'vscode-languageserver/node';
import type { CodeActionResult, FileAnalysis, Finding, HoverResult, LineIndex, OffsetRange, Problem, ReportResource, Severity } from '../analysis';
import { getItemLabel, lensTitle } from '../analysis';
import { resolveRuleDocsLinks, ruleDocsHref } from './ruleDocs';

/** `source` of every diagnostic this server publishes (a finding's adds its responsibility item: findingSource). */
export const DIAGNOSTIC_SOURCE = 'iac-hints';

/**
 * A finding's `source`: the tool and the responsibility item, `iac-hints · network exposure`. Editors show it beside
 * the message (VS Code's Problems panel: `source(code)` after it), so the item is visible without pushing the
 * problem, which the message starts with, out of view.
 */
export function findingSource(finding: Pick<Finding, 'responsibility'>): string {
  return `${DIAGNOSTIC_SOURCE} · ${getItemLabel(finding.responsibility)}`;
}
/** `code` of diagnostics that report a problem with the input itself (syntax errors and the like). */
export const PARSE_CODE = 'parse';

/** What a diagnostic carries in `data`, for code actions and the client. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly fixId?: string;
}

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    default:
      return DiagnosticSeverity.Information;
  }
}

export function toRange(lineIndex: LineIndex, range: OffsetRange): Range {
  const { start, end } = lineIndex.rangeOf(range);
  return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
}

export function toOffsetRange(lineIndex: LineIndex, range: Range): OffsetRange {
  const start = lineIndex.offsetAt(range.start);
  const end = lineIndex.offsetAt(range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}

export function toOffset(lineIndex: LineIndex, position: { line: number; character: number }): number {
  return lineIndex.offsetAt(position);
}

/** The line index of another file (a related place in a sibling file of a Terraform module), when it can be read. */
export type LineIndexOf = (path: string) => LineIndex | undefined;

export function findingToDiagnostic(finding: Finding, lineIndex: LineIndex, uri: string, lineIndexOf: LineIndexOf = () => undefined, path?: string): Diagnostic {
  const data: DiagnosticData = finding.fixId ? { ruleId: finding.ruleId, fixId: finding.fixId } : { ruleId: finding.ruleId };
  const diagnostic: Diagnostic = {
    range: toRange(lineIndex, finding.range),
    severity: toLspSeverity(finding.severity),
    code: finding.ruleId,
    codeDescription: { href: ruleDocsHref(finding.docsUrl) },
    source: findingSource(finding),
    message: finding.message,
    data,
  };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related): DiagnosticRelatedInformation => {
      if (!related.file || related.file === path) return { message: related.message, location: { uri, range: toRange(lineIndex, related.range) } };
      // A place in another file: mapped with that file's own text; its start when the file cannot be read.
      const otherIndex = lineIndexOf(related.file);
      const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return { message: related.message, location: { uri: pathToFileURL(related.file).toString(), range: otherIndex ? toRange(otherIndex, related.range) : zero } };
    });
  }
  return diagnostic;
}

/** `code`: `parse` for a problem with a template, `config` for one with `.iac-hints.yaml`. */
export function problemToDiagnostic(problem: Problem, lineIndex: LineIndex, code: string = PARSE_CODE): Diagnostic {
  return {
    range: toRange(lineIndex, problem.range),
    severity: toLspSeverity(problem.severity),
    code,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}

/**
 * Most diagnostics one file gets. VS Code shows no more than 1,000 per file (errors, then warnings, then the rest:
 * `_maxDiagnosticsPerFile` in its extHostDiagnostics.ts) and drops the others; sending them would only cost their
 * conversion, the transfer and the client's parse (tens of MB for a 5 MB template, ahead of every answer on the
 * same stream). The same choice is made here, and one more diagnostic says how many are not shown and where to see
 * them all (the CLI reports every finding).
 */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;
/** `code` of the diagnostic that says how many findings a file has beyond MAX_DIAGNOSTICS_PER_FILE. */
export const MORE_FINDINGS_CODE = 'more-findings';

/**
 * The diagnostics of one analysed file, at most MAX_DIAGNOSTICS_PER_FILE of them plus one that counts the rest. A
 * skipped file gets only the problems the core gave it: none when it is not a template, the reason when it is too
 * large to analyse or the analysis failed (what the CLI reports too).
 */
export function toDiagnostics(analysis: FileAnalysis, uri: string, lineIndexOf?: LineIndexOf): Diagnostic[] {
  const { problems, lineIndex } = analysis;
  const findings = analysis.kind === 'skipped' ? [] : analysis.findings;
  if (problems.length + findings.length <= MAX_DIAGNOSTICS_PER_FILE) {
    return [
      ...problems.map((problem) => problemToDiagnostic(problem, lineIndex)),
      ...findings.map((finding) => findingToDiagnostic(finding, lineIndex, uri, lineIndexOf, analysis.path)),
    ];
  }
  // Problems first (the core caps them at 100), then findings by severity, each in the core's order.
  const shown = problems.map((problem) => problemToDiagnostic(problem, lineIndex));
  const rank = (severity: Severity): number => (severity === 'error' ? 0 : severity === 'warning' ? 1 : 2);
  const kept = new Set<Finding>();
  for (let level = 0; level <= 2 && shown.length + kept.size < MAX_DIAGNOSTICS_PER_FILE; level++) {
    for (const finding of findings) {
      if (rank(finding.severity) !== level) continue;
      kept.add(finding);
      if (shown.length + kept.size >= MAX_DIAGNOSTICS_PER_FILE) break;
    }
  }
  const omitted = findings.filter((finding) => !kept.has(finding));
  for (const finding of findings) {
    if (kept.has(finding)) shown.push(findingToDiagnostic(finding, lineIndex, uri, lineIndexOf, analysis.path));
  }
  if (omitted.length > 0) {
    shown.push({
      range: toRange(lineIndex, omitted[0].range),
      severity: DiagnosticSeverity.Information,
      code: MORE_FINDINGS_CODE,
      source: DIAGNOSTIC_SOURCE,
      message: `${omitted.length.toLocaleString('en')} more findings in this file are not shown (the first is here): an editor shows at most ${MAX_DIAGNOSTICS_PER_FILE.toLocaleString('en')} per file (errors first). \`iac-hints scan\` on this file lists every one.`,
    });
  }
  return shown;
}

export function toHover(result: HoverResult, lineIndex: LineIndex): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: resolveRuleDocsLinks(result.markdown) }, range: toRange(lineIndex, result.range) };
}

/**
 * Whether the client wants hovers in markdown: the first of `textDocument.hover.contentFormat` (the client's order
 * of preference, LSP 3.17) that the server can write; markdown when the client does not say.
 */
export function wantsMarkdownHover(contentFormat: readonly string[] | undefined): boolean {
  const known = contentFormat?.find((format) => format === MarkupKind.Markdown || format === MarkupKind.PlainText);
  return known !== MarkupKind.PlainText;
}

/** A markdown hover as plain text, for clients whose hover contentFormat lacks markdown. */
export function toPlainTextHover(hover: Hover): Hover {
  const contents = hover.contents;
  const markdown = typeof contents === 'object' && 'kind' in contents ? contents.value : undefined;
  if (markdown === undefined) return hover;
  return { ...hover, contents: { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) } };
}

/**
 * The plain text of the markdown our hovers are written in (hoverText.ts: bold, italics, inline code, links, lists):
 * the markup goes, a link keeps its text and its target in parentheses so that it can still be opened.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line
      .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_, text: string, target: string) => (text === target ? target : `${text} (${target})`))
      .replace(/\*\*([^*]+)\*\*/g, '$1')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/^_(.+)_$/, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1'))
    .join('\n');
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Fix-all for this extension, under VS Code's `source.fixAll` family (editor.codeActionsOnSave). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.iac-hints`;

/** Whether a request's `only` (absent: quick fixes only, as VS Code's light bulb asks) wants `kind`. */
export function wantsKind(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((requested) => requested === kind || requested === CodeActionKind.Empty || kind.startsWith(`${requested}.`));
}

/**
 * Fix-all as one LSP code action: one edit replacing the part of the text that changed (the common head and tail
 * are left alone, so the editor keeps folds and the cursor outside it).
 */
export function toFixAllAction(before: string, after: string, applied: readonly string[], lineIndex: LineIndex, uri: string): CodeAction {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const range = toRange(lineIndex, { start, end: before.length - tail });
  return {
    title: `Fix all safe IaC Responsibility Hints findings (${applied.length} fix${applied.length === 1 ? '' : 'es'})`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: [{ range, newText: after.slice(start, after.length - tail) }] } },
  };
}

/** A core quick fix as an LSP code action, linked to the editor's diagnostics it resolves (same code and range). */
export function toCodeAction(result: CodeActionResult, lineIndex: LineIndex, uri: string, contextDiagnostics: readonly Diagnostic[]): CodeAction {
  const findingRange = toRange(lineIndex, result.finding.range);
  const diagnostics = contextDiagnostics.filter((diagnostic) =>
    diagnostic.code === result.finding.ruleId && sameRange(diagnostic.range, findingRange));
  const edits: TextEdit[] = result.fix.edits.map((edit) => ({ range: toRange(lineIndex, edit.range), newText: edit.newText }));
  return {
    title: result.title,
    kind: CodeActionKind.QuickFix,
    isPreferred: result.isPreferred,
    diagnostics,
    edit: { changes: { [uri]: edits } },
  };
}

/** The code lens of a report's resource: on its first line, titled with its duties counted, running `command`. */
export function toCodeLens(resource: ReportResource, command: string, argument: unknown): CodeLens {
  const start = { line: resource.range.start.line, character: resource.range.start.character };
  return { range: { start, end: start }, command: { title: lensTitle(resource), command, arguments: [argument] } };
}
