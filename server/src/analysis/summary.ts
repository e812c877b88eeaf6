// The per-resource responsibility status: for each item a rule looked at, the worst outcome and its detail.
import type { ResponsibilityStatus } from './api';
import type { OffsetRange } from './types';
import type { RuleOutcome } from './rules/support/outcome';
import type { Rule } from './rules/support/rule';

export interface RuleRun {
  readonly rule: Rule;
  readonly outcomes: readonly RuleOutcome[];
}

const STATUS_ORDER: readonly ResponsibilityStatus['status'][] = ['missed', 'depends', 'cannot-be-checked', 'addressed', 'aws-default', 'not-applicable'];

/** The worst of several statuses of one item (missed first), or undefined for none. */
export function worstStatus(statuses: readonly ResponsibilityStatus[]): ResponsibilityStatus | undefined {
  let worst: ResponsibilityStatus | undefined;
  for (const status of statuses) {
    if (!worst || STATUS_ORDER.indexOf(status.status) < STATUS_ORDER.indexOf(worst.status)) worst = status;
  }
  return worst;
}

/** Gaps and unknowns, against what is fine: an item's detail tells only the side its status is on. */
const IS_GAP: Readonly<Record<ResponsibilityStatus['status'], boolean>> = {
  missed: true, depends: true, 'cannot-be-checked': true, addressed: false, 'aws-default': false, 'not-applicable': false,
};

/**
 * One status per responsibility item: the worst outcome of the rules that address it. Its detail joins the texts of
 * the outcomes on the same side as that status: a missed item says what is missed and what cannot be checked, not
 * what another rule found fine (which read as a contradiction beside the finding).
 */
export function summarise(runs: readonly RuleRun[]): ResponsibilityStatus[] {
  const byItem = new Map<string, { status: ResponsibilityStatus['status']; ruleIds: Set<string>; details: { status: ResponsibilityStatus['status']; text: string }[]; range?: OffsetRange; since?: string }>();
  for (const run of runs) {
    for (const raw of run.outcomes) {
      // The value model's one law, kept here for every rule: a judgement that needed a value it could not
      // know is not "addressed".
      const outcome: RuleOutcome = raw.kind === 'addressed' && raw.evidence?.unknown ? { kind: 'unknown', reason: raw.evidence.unknown, evidence: raw.evidence } : raw;
      const status: ResponsibilityStatus['status'] = outcome.kind === 'finding' ? 'missed' : outcome.kind === 'unknown' ? 'cannot-be-checked' : outcome.kind;
      const detail = outcome.kind === 'finding' || outcome.kind === 'depends' ? outcome.message : outcome.kind === 'unknown' ? `cannot be checked: ${outcome.reason}` : outcome.detail;
      const range = 'range' in outcome ? outcome.range : undefined;
      const since = outcome.kind === 'aws-default' ? run.rule.meta.awsDefault?.since : undefined;
      const entry = byItem.get(run.rule.meta.item) ?? { status, ruleIds: new Set<string>(), details: [], ...(range ? { range } : {}), ...(since ? { since } : {}) };
      if (STATUS_ORDER.indexOf(status) < STATUS_ORDER.indexOf(entry.status)) {
        // The place shown for the item is the worst outcome's: where the gap is, not a setting that is fine.
        entry.status = status;
        entry.range = range;
        entry.since = since;
      } else if (status === entry.status) {
        entry.range ??= range;
        entry.since ??= since;
      }
      entry.ruleIds.add(run.rule.meta.id);
      entry.details.push({ status, text: detail });
      byItem.set(run.rule.meta.item, entry);
    }
  }
  return [...byItem.entries()].map(([item, entry]) => ({
    item,
    status: entry.status,
    ruleIds: [...entry.ruleIds],
    detail: [...new Set(entry.details.filter((kept) => IS_GAP[kept.status] === IS_GAP[entry.status]).map((kept) => kept.text))].join(' '),
    ...(entry.range ? { range: entry.range } : {}),
    ...(entry.since ? { since: entry.since } : {}),
  }));
}
