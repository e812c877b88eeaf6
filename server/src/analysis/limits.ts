// The bounds the core puts on hostile input, shared by every parser so that YAML, JSON and HCL behave alike:
// how deep a value may nest before it is left unread, and how many syntax problems one parse may report.
// A deep value is never lost silently and never read as "absent": it becomes a node whose value is unknown
// (an OPAQUE intrinsic, see types.ts), with one problem at its place.
import type { OffsetRange, Problem, Severity } from './offsets';
import { opaqueNode } from './types';
import type { ValueNode } from './types';

/**
 * How many levels of collections (mappings, lists, HCL bodies and expressions) are read. The deepest templates
 * and modules of the shared corpus nest about 15 levels; the YAML library's own composer overflows the stack
 * near 800, jsonc-parser near 10,000, and every walk of the value tree recurses once per level.
 */
export const MAX_NESTING = 100;

/** Problems one parse reports at most; the rest are counted in one last problem. */
export const MAX_PARSE_PROBLEMS = 100;

/** The problem for a value (or body) nested deeper than MAX_NESTING: the input may be valid, so a warning. */
export function nestedTooDeeply(range: OffsetRange, prefix = ''): Problem {
  return {
    message: `${prefix}Nested too deeply (more than ${MAX_NESTING} levels): this value is not analysed.`,
    range,
    severity: 'warning',
  };
}

/** The node that stands for a value nested too deeply to be read: every rule sees it as unknown, never absent. */
export function tooDeepNode(range: OffsetRange): ValueNode {
  return opaqueNode(range, `a value nested more than ${MAX_NESTING} levels deep, which is not analysed`);
}

/**
 * A parser's problems as they are reported: each range clamped into [0, textLength], sorted by position (at one
 * place, by message), a run of identical problems (same message and severity, at the same place or separated
 * only by white space) merged into one problem over the whole run, and at most MAX_PARSE_PROBLEMS of them,
 * the last one saying how many more there were ("... and 42 more problems"); `uncounted` problems the parser
 * dropped before (to bound its memory) count among those. The input array is not changed.
 */
export function finishProblems(problems: readonly Problem[], text: string, uncounted = 0): Problem[] {
  const clamped = problems.map((problem) => clampProblem(problem, text.length));
  const sorted = clamped
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => a.problem.range.start - b.problem.range.start || a.problem.range.end - b.problem.range.end
      || (a.problem.message === b.problem.message ? a.index - b.index : a.problem.message < b.problem.message ? -1 : 1))
    .map((entry) => entry.problem);
  const merged: Problem[] = [];
  let run: { first: Problem; end: number; count: number } | undefined;
  const flush = (): void => {
    if (!run) return;
    const { first, end, count } = run;
    merged.push(count === 1 ? first : { ...first, message: `${first.message} (${count} times)`, range: { start: first.range.start, end: Math.max(end, first.range.end) } });
    run = undefined;
  };
  for (const problem of sorted) {
    if (run && problem.message === run.first.message && problem.severity === run.first.severity && onlyWhiteSpaceBetween(text, run.end, problem.range.start)) {
      run.end = Math.max(run.end, problem.range.end);
      run.count++;
      continue;
    }
    flush();
    run = { first: problem, end: problem.range.end, count: 1 };
  }
  flush();
  if (merged.length <= MAX_PARSE_PROBLEMS && uncounted === 0) return merged;
  const kept = merged.slice(0, MAX_PARSE_PROBLEMS - 1);
  const rest = merged.slice(MAX_PARSE_PROBLEMS - 1);
  const worst = rest.reduce<Severity>((severity, problem) => (RANK[problem.severity] < RANK[severity] ? problem.severity : severity), uncounted > 0 ? 'error' : 'info');
  const at = rest[0]?.range ?? kept[kept.length - 1]?.range ?? { start: 0, end: 0 };
  kept.push({ message: `... and ${rest.length + uncounted} more problems (not listed).`, range: at, severity: worst });
  return kept;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The range made to lie inside [0, length], start <= end. */
export function clampRange(range: OffsetRange, length: number): OffsetRange {
  const start = Math.max(0, Math.min(range.start, length));
  return { start, end: Math.max(start, Math.min(range.end, length)) };
}

function clampProblem(problem: Problem, length: number): Problem {
  const { start, end } = problem.range;
  if (start >= 0 && start <= end && end <= length) return problem;
  return { ...problem, range: clampRange(problem.range, length) };
}

/** True when `text` holds only white space (line breaks too) between `from` and `to`; an overlap counts too. */
function onlyWhiteSpaceBetween(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return false;
  }
  return true;
}
