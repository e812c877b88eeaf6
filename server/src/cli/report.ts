// Output of `iac-hints scan`: the JSON contract (version 1) and the human text format.
import { LineIndex, TOOL_NAME, TOOL_VERSION } from '../analysis';
import type { Finding, OffsetRange, Problem, Severity } from '../analysis';
import type { FailOn } from './args';
import type { ScannedFile } from './scan';

interface JsonRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

function jsonRange(lineIndex: LineIndex, range: OffsetRange): JsonRange {
  const { start, end } = lineIndex.rangeOf(range);
  return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
}

/** Reads another file's text to place a related location in it (the CLI passes its disk view). */
export type TextOf = (path: string) => string | undefined;

function relatedJson(finding: Finding, file: ScannedFile, textOf: TextOf, indexes: Map<string, LineIndex | undefined>): unknown[] {
  return finding.related.map((related) => {
    if (!related.file || related.file === file.path) return { message: related.message, file: file.path, range: jsonRange(file.analysis!.lineIndex, related.range) };
    if (!indexes.has(related.file)) {
      const text = textOf(related.file);
      indexes.set(related.file, text === undefined ? undefined : new LineIndex(text));
    }
    const lineIndex = indexes.get(related.file);
    const zero = { line: 0, character: 0 };
    return { message: related.message, file: related.file, range: lineIndex ? jsonRange(lineIndex, related.range) : { start: zero, end: zero } };
  });
}

/**
 * The JSON report. Its shape is a contract: change it only with a new `version`. (`related` on a finding is an
 * addition of version 1: present only when the finding points at other places, in this file or another.)
 */
export function toJsonReport(files: readonly ScannedFile[], textOf: TextOf = () => undefined, config?: { readonly path: string; readonly lineIndex: LineIndex; readonly problems: readonly Problem[] }): unknown {
  const indexes = new Map<string, LineIndex | undefined>();
  return {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    // Additive to version 1: the .iac-hints.yaml used, and what is wrong in it (each setting at fault is ignored).
    ...(config ? { config: { path: config.path, problems: config.problems.map((problem) => ({ message: problem.message, severity: problem.severity, range: jsonRange(config.lineIndex, problem.range) })) } } : {}),
    files: files.map((file) => {
      const kind = file.analysis?.kind ?? 'skipped';
      const problems = file.analysis
        ? file.analysis.problems.map((problem) => ({ message: problem.message, range: jsonRange(file.analysis!.lineIndex, problem.range) }))
        : [];
      return kind === 'skipped' ? { path: file.path, kind, reason: file.skipReason ?? 'skipped', problems } : { path: file.path, kind, problems };
    }),
    findings: files.flatMap((file) => (file.analysis?.findings ?? []).map((finding) => ({
      ruleId: finding.ruleId,
      responsibility: finding.responsibility,
      severity: finding.severity,
      message: finding.message,
      file: file.path,
      range: jsonRange(file.analysis!.lineIndex, finding.range),
      resource: { id: finding.resource.id, type: finding.resource.type },
      references: {
        checkov: [...finding.references.checkov],
        fsbp: [...finding.references.fsbp],
        trivy: [...finding.references.trivy],
        cfnNag: [...finding.references.cfnNag],
      },
      ...(finding.related.length > 0 ? { related: relatedJson(finding, file, textOf, indexes) } : {}),
    }))),
    resources: files.flatMap((file) => (file.analysis?.resources ?? []).map((resource) => ({
      file: file.path,
      id: resource.id,
      type: resource.type,
      category: resource.category ?? null,
      responsibilities: resource.responsibilities.map((item) => ({ item: item.item, status: item.status, ruleIds: [...item.ruleIds], detail: item.detail })),
    }))),
    // Additive to version 1: what was silenced, and why, so reviews can audit suppressions.
    suppressed: files.flatMap((file) => (file.analysis?.suppressed ?? []).map(({ finding, reason }) => ({
      ruleId: finding.ruleId,
      file: file.path,
      range: jsonRange(file.analysis!.lineIndex, finding.range),
      resource: { id: finding.resource.id, type: finding.resource.type },
      reason,
    }))),
  };
}

export interface Colours {
  readonly enabled: boolean;
}

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

function paint(colours: Colours, code: keyof typeof CODES, text: string): string {
  return colours.enabled ? `\u001b[${CODES[code]}m${text}\u001b[0m` : text;
}

function severityText(colours: Colours, severity: Severity): string {
  return paint(colours, severity === 'error' ? 'red' : severity === 'warning' ? 'yellow' : 'cyan', severity);
}

export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export function countFindings(files: readonly ScannedFile[]): Counts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const file of files) for (const finding of file.analysis?.findings ?? []) counts[finding.severity]++;
  return counts;
}

/** Text report: `path:line:col severity ruleId message`, 1-based, grouped per file, then a summary line. */
export function toTextReport(files: readonly ScannedFile[], colours: Colours): string {
  const blocks: string[] = [];
  let problemCount = 0;
  for (const file of files) {
    const lines: string[] = [];
    if (!file.analysis && file.skipReason) lines.push(`${paint(colours, 'dim', file.path)}: skipped (${file.skipReason})`);
    const analysis = file.analysis;
    if (analysis && analysis.kind !== 'skipped') {
      const entries = [
        ...analysis.problems.map((problem) => ({ range: problem.range, severity: problem.severity, code: 'parse', message: problem.message })),
        ...analysis.findings.map((finding) => ({ range: finding.range, severity: finding.severity, code: finding.ruleId, message: finding.message })),
      ].sort((a, b) => a.range.start - b.range.start);
      problemCount += analysis.problems.length;
      for (const entry of entries) {
        const { line, character } = analysis.lineIndex.positionAt(entry.range.start);
        lines.push(`${paint(colours, 'bold', `${file.path}:${line + 1}:${character + 1}`)} ${severityText(colours, entry.severity)} ${paint(colours, 'dim', entry.code)} ${entry.message}`);
      }
    }
    if (lines.length > 0) blocks.push(lines.join('\n'));
  }
  const counts = countFindings(files);
  const total = counts.error + counts.warning + counts.info;
  const cloudformation = files.filter((file) => file.analysis?.kind === 'cloudformation').length;
  const terraform = files.filter((file) => file.analysis?.kind === 'terraform').length;
  const skipped = files.length - cloudformation - terraform;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  let summary = `${plural(total, 'finding')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${plural(cloudformation, 'CloudFormation template')} and ${plural(terraform, 'Terraform file')}; ${plural(skipped, 'file')} skipped`;
  if (problemCount > 0) summary += `; ${problemCount} ${problemCount === 1 ? 'problem' : 'problems'} in the input`;
  const unknownCount = files.reduce((count, file) => count + (file.analysis?.resources ?? []).reduce((sum, resource) => sum + resource.responsibilities.filter((status) => status.status === 'cannot-be-checked').length, 0), 0);
  if (unknownCount > 0) summary += `; ${unknownCount} ${unknownCount === 1 ? 'duty' : 'duties'} cannot be checked (a deciding value is unknown; see --format json)`;
  const suppressedCount = files.reduce((count, file) => count + (file.analysis?.suppressed.length ?? 0), 0);
  if (suppressedCount > 0) summary += `; ${suppressedCount} suppressed with a reason`;
  blocks.push(summary);
  return `${blocks.join('\n\n')}\n`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Whether the scan fails: a finding at or above `failOn` (parse problems are reported, not counted). */
export function shouldFail(files: readonly ScannedFile[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return files.some((file) => (file.analysis?.findings ?? []).some((finding) => RANK[finding.severity] <= RANK[failOn]));
}
