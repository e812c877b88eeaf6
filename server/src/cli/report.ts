// Output of `iac-hints scan`: the JSON contract (version 1) and the human text format.
import { LineIndex, TOOL_NAME, TOOL_VERSION, getItemLabel } from '../analysis';
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
export function toJsonReport(
  files: readonly ScannedFile[],
  textOf: TextOf = () => undefined,
  options: {
    /** The configuration file used and its problems (`.iac-hints.yaml`). */
    readonly config?: { readonly path: string; readonly lineIndex: LineIndex; readonly problems: readonly Problem[] };
    /** Findings in the given baseline: each finding then says `baselineState` new or unchanged. */
    readonly baselined?: ReadonlySet<Finding>;
  } = {},
): unknown {
  const { config, baselined } = options;
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
      // Additive to version 1, with --baseline only: whether the baseline holds the finding.
      ...(baselined ? { baselineState: baselined.has(finding) ? 'unchanged' : 'new' } : {}),
    }))),
    resources: files.flatMap((file) => (file.analysis?.resources ?? []).map((resource) => ({
      file: file.path,
      id: resource.id,
      type: resource.type,
      category: resource.category ?? null,
      responsibilities: resource.responsibilities.map((item) => ({ item: item.item, status: item.status, ruleIds: [...item.ruleIds], detail: item.detail })),
    }))),
    // Additive to version 1: what was silenced, and why, so reviews can audit suppressions.
    // `tool` and `peerId` (additive too): the other tool whose suppression applied (checkov, cfn_nag, tfsec, trivy) and its
    // check id; absent for iac-hints' own suppressions.
    suppressed: files.flatMap((file) => (file.analysis?.suppressed ?? []).map(({ finding, reason, tool, peerId }) => ({
      ruleId: finding.ruleId,
      file: file.path,
      range: jsonRange(file.analysis!.lineIndex, finding.range),
      resource: { id: finding.resource.id, type: finding.resource.type },
      reason,
      ...(tool ? { tool } : {}),
      ...(peerId ? { peerId } : {}),
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

/** How a scan is judged: what fails it and what is already known. */
export interface Judgement {
  readonly failOn: FailOn;
  /** Whether parse errors (problems of severity error) fail the scan, as errors (default), or are only reported. */
  readonly parseErrors?: 'fail' | 'report';
  /** Findings in the baseline (`--baseline`): reported, never failing. */
  readonly baselined?: ReadonlySet<Finding>;
}

export interface TextOptions extends Partial<Judgement> {
  /** Only what fails the scan, without the summary (`--quiet`). */
  readonly quiet?: boolean;
  /** Also the files skipped and why, and the baselined findings (`--verbose`). */
  readonly verbose?: boolean;
}

/** Parse errors: problems of severity error in the files analysed (a template that could not be fully read). */
export function parseErrorCount(files: readonly ScannedFile[]): number {
  return files.reduce((count, file) => count + (file.analysis?.problems ?? []).filter((problem) => problem.severity === 'error').length, 0);
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The summary line: findings by severity (zero counts left out), files, skipped files, parse errors, the rest. */
function summaryLine(files: readonly ScannedFile[], baselined: ReadonlySet<Finding>): string {
  const counts = countFindings(files);
  const total = counts.error + counts.warning + counts.info;
  const bySeverity = [
    counts.error > 0 ? plural(counts.error, 'error') : '',
    counts.warning > 0 ? plural(counts.warning, 'warning') : '',
    counts.info > 0 ? `${counts.info} info` : '',
  ].filter(Boolean).join(', ');
  const cloudformation = files.filter((file) => file.analysis?.kind === 'cloudformation').length;
  const terraform = files.filter((file) => file.analysis?.kind === 'terraform').length;
  const skipped = files.length - cloudformation - terraform;
  let summary = `${plural(total, 'finding')}${bySeverity ? ` (${bySeverity})` : ''} in ${plural(cloudformation, 'CloudFormation template')} and ${plural(terraform, 'Terraform file')}; ${plural(skipped, 'file')} skipped`;
  const parseErrors = parseErrorCount(files);
  if (parseErrors > 0) summary += `; ${plural(parseErrors, 'parse error')} (not fully analysed)`;
  const otherProblems = files.reduce((count, file) => count + (file.analysis?.problems ?? []).length, 0) - parseErrors;
  if (otherProblems > 0) summary += `; ${otherProblems} other ${otherProblems === 1 ? 'problem' : 'problems'} in the input`;
  const unknownCount = files.reduce((count, file) => count + (file.analysis?.resources ?? []).reduce((sum, resource) => sum + resource.responsibilities.filter((status) => status.status === 'cannot-be-checked').length, 0), 0);
  if (unknownCount > 0) summary += `; ${unknownCount} ${unknownCount === 1 ? 'duty' : 'duties'} cannot be checked (a deciding value is unknown; see --format json)`;
  const suppressedCount = files.reduce((count, file) => count + (file.analysis?.suppressed.length ?? 0), 0);
  if (suppressedCount > 0) summary += `; ${suppressedCount} suppressed`;
  if (baselined.size > 0) summary += `; ${baselined.size} in the baseline`;
  return summary;
}

/** The summary line alone (stdout when the report goes to --output-file). */
export function toSummaryLine(files: readonly ScannedFile[], judgement?: Partial<Judgement>): string {
  return `${summaryLine(files, judgement?.baselined ?? new Set())}\n`;
}

/**
 * Text report: `path:line:col severity ruleId [item] message`, 1-based, grouped per file, then a summary line. Findings in
 * the baseline are left out (with --verbose: shown, marked); files the core skipped are named only with --verbose
 * (files that could not be read, always); --quiet keeps only what fails the scan and drops the summary.
 */
export function toTextReport(files: readonly ScannedFile[], colours: Colours, options: TextOptions = {}): string {
  const baselined = options.baselined ?? new Set<Finding>();
  const failOn = options.failOn ?? 'error';
  const parseErrorsFail = (options.parseErrors ?? 'fail') === 'fail';
  const blocks: string[] = [];
  for (const file of files) {
    const lines: string[] = [];
    const analysis = file.analysis;
    if (file.skipReason && !options.quiet && (!analysis || options.verbose)) lines.push(`${paint(colours, 'dim', file.path)}: skipped (${file.skipReason})`);
    if (analysis && analysis.kind !== 'skipped') {
      const entries = [
        ...analysis.problems.map((problem) => ({
          range: problem.range, severity: problem.severity, code: 'parse', message: problem.message, note: '',
          fails: parseErrorsFail && problem.severity === 'error' && failOn !== 'none',
        })),
        ...analysis.findings
          .filter((finding) => options.verbose || !baselined.has(finding))
          .map((finding) => ({
            // The responsibility item as a tag after the rule id, as the editor shows it beside the message.
            range: finding.range, severity: finding.severity, code: `${finding.ruleId} [${getItemLabel(finding.responsibility)}]`, message: finding.message,
            note: baselined.has(finding) ? ' (in the baseline)' : '',
            fails: !baselined.has(finding) && atOrAbove(finding.severity, failOn),
          })),
      ].filter((entry) => !options.quiet || entry.fails).sort((a, b) => a.range.start - b.range.start);
      for (const entry of entries) {
        const { line, character } = analysis.lineIndex.positionAt(entry.range.start);
        lines.push(`${paint(colours, 'bold', `${file.path}:${line + 1}:${character + 1}`)} ${severityText(colours, entry.severity)} ${paint(colours, 'dim', entry.code)} ${entry.message}${entry.note}`);
      }
    }
    if (lines.length > 0) blocks.push(lines.join('\n'));
  }
  if (!options.quiet) blocks.push(summaryLine(files, baselined));
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function atOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && RANK[severity] <= RANK[failOn];
}

/**
 * Whether the scan fails: a finding at or above `failOn` that is not in the baseline, or (unless `parseErrors` is
 * 'report') a parse error, which counts as an error.
 */
export function shouldFail(files: readonly ScannedFile[], failOn: FailOn, judgement: Omit<Judgement, 'failOn'> = {}): boolean {
  if (failOn === 'none') return false;
  if ((judgement.parseErrors ?? 'fail') === 'fail' && parseErrorCount(files) > 0) return true;
  return files.some((file) => (file.analysis?.findings ?? []).some((finding) => !judgement.baselined?.has(finding) && atOrAbove(finding.severity, failOn)));
}
