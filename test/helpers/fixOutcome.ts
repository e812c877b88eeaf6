// Applies a quick fix and judges its outcome (issue 12): the fixed text still parses, the finding it answers is
// gone, no new finding appears that the fix's title does not name, and the edits are minimal (an edit replaces
// one value on one line or inserts whole lines, in the file's own line breaks and indentation characters).
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { Analyzer } from '../../server/src/analysis';
import type { CodeActionResult, FileAnalysis, Finding, TextEdit } from '../../server/src/analysis';
import { parseHcl, parseTerraformJson } from '../../server/src/analysis/terraform/hcl';
import { memoryView } from './fileSystemView';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.range.start - a.range.start)
    .reduce((current, edit) => current.slice(0, edit.range.start) + edit.newText + current.slice(edit.range.end), text);
}

/**
 * The preferred fix for the first `ruleId` finding of `text`, applied, with its title; `file` is a bare name
 * (`t.yaml`, `main.tf`: a Terraform file is analysed as the only file of a module at /m). Fails the test when the
 * rule finds nothing; undefined when it offers no fix.
 */
export function preferredFix(file: string, text: string, ruleId: string): { text: string; title: string } | undefined {
  const tf = file.endsWith('.tf');
  const analyzer = tf ? new Analyzer({ files: memoryView({ [file]: text }, '/m') }) : new Analyzer();
  const full = tf ? `/m/${file}` : file;
  const finding = analyzer.analyze({ path: full, text }).findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `a ${ruleId} finding`);
  const action = analyzer.codeActions({ path: full, text }, finding.range).find((candidate) => candidate.isPreferred && candidate.finding.ruleId === ruleId);
  return action && { text: applyEdits(text, action.fix.edits), title: action.title };
}

/** Syntax errors of a text in its own format (YAML, JSON, HCL, Terraform JSON): how many. */
export function syntaxErrors(path: string, text: string): number {
  if (/\.tf\.json$|\.tfvars\.json$/i.test(path)) return parseTerraformJson(text).problems.filter((problem) => problem.severity === 'error').length;
  if (/\.(tf|tfvars)$/i.test(path)) return parseHcl(text).problems.filter((problem) => problem.severity === 'error').length;
  if (/\.json$/i.test(path)) {
    try {
      // Comments (which the analyser accepts in JSON templates) are blanked, quoted strings kept.
      JSON.parse(text.replace(/"(?:[^"\\]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match) => (match.startsWith('"') ? match : ' ')));
      return 0;
    } catch {
      return 1;
    }
  }
  return parseDocument(text).errors.length; // a duplicated key is an error
}

/** The resource a finding is on, without a count / for_each index. */
export function baseId(finding: Pick<Finding, 'resource'>): string {
  return finding.resource.id.replace(/\[[^\]]*\]$/, '');
}

function countBy(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const key = `${finding.ruleId} ${baseId(finding)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Why an edit is not minimal in `text`, or undefined. */
export function editShapeProblem(text: string, edit: TextEdit): string | undefined {
  const replaced = text.slice(edit.range.start, edit.range.end);
  const crlf = text.includes('\r\n');
  if (/\r?\n/.test(replaced) && replaced.trim() !== '') return `replaces text across lines: ${JSON.stringify(replaced)}`;
  if (/#|\/\//.test(replaced.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, ''))) return `replaces a comment: ${JSON.stringify(replaced)}`;
  if (crlf && /(^|[^\r])\n/.test(edit.newText)) return 'writes a bare LF into a CRLF file';
  if (!crlf && edit.newText.includes('\r')) return 'writes a CR into an LF file';
  const tabs = /^\t+\S/m.test(text) && !/^ +\S/m.test(text);
  if (tabs && /(^|\n) +\S/.test(edit.newText)) return 'indents with spaces in a tab-indented file';
  if (/(^|\n)\t/.test(edit.newText) && !/^\t/m.test(text)) return 'indents with tabs in a space-indented file';
  if (edit.range.start === edit.range.end && /[\r\n]/.test(edit.newText)) {
    // An insertion of lines starts at a line start (or at a block's end, for a new resource after it).
    const before = text.slice(0, edit.range.start);
    const atLineStart = edit.range.start === 0 || /\n$/.test(before);
    if (!atLineStart && !/^\r?\n/.test(edit.newText) && !/,\r?\n[ \t]*$/.test(edit.newText)) return `inserts lines mid-line at ${edit.range.start}`;
  }
  return undefined;
}

export interface FixOutcome {
  readonly fixed: string;
  /** What is wrong with the outcome; empty when the fix is complete and correct. */
  readonly problems: string[];
}

/**
 * Judges one fix: `before` is the analysis of `text`, `after(fixed)` analyses the fixed text the same way.
 * New findings (rule id on a resource, counted) are allowed only when the title names their rule id.
 */
export function judgeFix(path: string, text: string, before: FileAnalysis, finding: Finding, action: CodeActionResult, after: (fixed: string) => FileAnalysis): FixOutcome {
  const problems: string[] = [];
  for (const edit of action.fix.edits) {
    const shape = editShapeProblem(text, edit);
    if (shape) problems.push(`edit: ${shape}`);
  }
  const fixed = applyEdits(text, action.fix.edits);
  const errorsBefore = syntaxErrors(path, text);
  const errorsAfter = syntaxErrors(path, fixed);
  if (errorsAfter > errorsBefore) problems.push(`the fixed text does not parse (${errorsBefore} -> ${errorsAfter} syntax errors)`);
  const analysis = after(fixed);
  const analyserErrors = (result: FileAnalysis): number => result.problems.filter((problem) => problem.severity === 'error').length;
  if (analyserErrors(analysis) > analyserErrors(before)) problems.push(`the analyser reports new errors: ${analysis.problems.map((problem) => problem.message).join('; ')}`);
  const was = countBy(before.findings);
  const now = countBy(analysis.findings);
  const target = `${finding.ruleId} ${baseId(finding)}`;
  if ((now.get(target) ?? 0) >= (was.get(target) ?? 0)) problems.push(`the ${finding.ruleId} finding on ${baseId(finding)} is still reported`);
  for (const [key, count] of now) {
    if (count <= (was.get(key) ?? 0) || key === target) continue;
    const ruleId = key.split(' ')[0];
    if (!action.title.includes(ruleId)) problems.push(`new finding ${key} not named by the title "${action.title}"`);
  }
  return { fixed, problems };
}
