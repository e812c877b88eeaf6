// What a rule says about one resource. The engine turns outcomes into findings (with the responsibility
// item in the message) and into the per-resource responsibility status.
import type { OffsetRange, RelatedLocation, Severity } from '../../types';

/** The setting a rule read and what it resolved to: shown in hovers on that setting. */
export interface Evidence {
  /** Property path under Properties, `[]` for list elements. */
  readonly path: readonly string[];
  readonly text: string;
  /** Set when a value the judgement needed could not be known: why (e.g. "Ref to the attribute Key.Arn"). */
  readonly unknown?: string;
}

export type RuleOutcome =
  /** The customer duty is missed: a diagnostic. */
  | {
      readonly kind: 'finding';
      readonly message: string;
      readonly range: OffsetRange;
      readonly severity?: Severity;
      readonly fixId?: string;
      readonly related?: readonly RelatedLocation[];
      readonly evidence?: Evidence;
    }
  /** Missed for some parameter values or conditions only: an information diagnostic naming what it depends on. */
  | { readonly kind: 'depends'; readonly message: string; readonly range: OffsetRange; readonly fixId?: string; readonly evidence?: Evidence }
  /** Discharged by a setting of the template. */
  | { readonly kind: 'addressed'; readonly detail: string; readonly range?: OffsetRange; readonly evidence?: Evidence }
  /**
   * The value that decides the duty cannot be known from the code (another resource's attribute, an unset
   * variable, an expression not evaluated): never "addressed", never a finding; said as "cannot be checked".
   */
  | { readonly kind: 'unknown'; readonly reason: string; readonly evidence?: Evidence }
  /** Not set, and AWS's default covers it (since a date). */
  | { readonly kind: 'aws-default'; readonly detail: string; readonly evidence?: Evidence }
  /** The duty does not apply to this resource as written (for example an Aurora instance encrypted by its cluster). */
  | { readonly kind: 'not-applicable'; readonly detail: string };

/**
 * The outcomes of several checks of one duty: every gap found; else a check that cannot be read (the duty
 * cannot be called addressed); else the first check's outcome.
 */
export function combine(results: readonly RuleOutcome[][]): RuleOutcome[] {
  const gaps = results.flat().filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
  if (gaps.length > 0) return gaps;
  const unknown = results.flat().find((outcome) => outcome.kind === 'unknown');
  return unknown ? [unknown] : (results[0] ?? []);
}
