// The one path from rule outcomes to findings, for both formats, and from a rule that throws to a problem.
// cloudformation/check.ts and terraform/check.ts run the rules; what a finding says is decided only here.
import type { RulePolicy } from './api';
import type { RuleOutcome } from './rules/support/outcome';
import type { Rule } from './rules/support/rule';
import type { Finding, OffsetRange, Problem, ResourceRef, Severity } from './types';

/**
 * Orders findings by start offset, then by rule id. Rule ids are lowercase ASCII letters, digits and hyphens
 * (test/unit/rules-metadata.test.ts), where code-unit order is localeCompare's order; localeCompare would load
 * ICU's collator, about 20 ms of every CLI run.
 */
export function byPosition(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * Runs one rule's check. A rule that throws must not hide the other rules' findings: the error becomes a
 * warning problem at `anchor` (the resource's id or block) and the result is undefined.
 */
export function runGuarded(rule: Rule, anchor: OffsetRange, report: (problem: Problem) => void, check: () => readonly RuleOutcome[]): readonly RuleOutcome[] | undefined {
  try {
    return check();
  } catch (error) {
    report({ message: `Internal error in rule ${rule.meta.id}: ${String(error)}`, range: anchor, severity: 'warning' });
    return undefined;
  }
}

/**
 * The findings a rule's outcomes give about one resource: missed duties, and "depends" as information. `policy`
 * (`.iac-hints.yaml`) may give the rule's missed duties another severity; "depends" stays information.
 */
export function findingsOf(rule: Rule, outcomes: readonly RuleOutcome[], resource: ResourceRef, policy?: RulePolicy): Finding[] {
  const findings: Finding[] = [];
  const configured = policy?.[rule.meta.id];
  const override = configured === 'off' ? undefined : configured;
  for (const outcome of outcomes) {
    if (outcome.kind !== 'finding' && outcome.kind !== 'depends') continue;
    const severity: Severity = outcome.kind === 'depends' ? 'info' : override ?? outcome.severity ?? rule.meta.severity;
    findings.push({
      ruleId: rule.meta.id,
      responsibility: rule.meta.item,
      severity,
      // The problem first (a list such as the Problems panel shows its start); the item is a tag the hosts show
      // beside it (the diagnostic's source, the CLI's text), the rationale is in the hover and the rule's page.
      message: outcome.message,
      range: outcome.range,
      resource,
      references: rule.meta.references,
      docsUrl: rule.meta.docsUrl,
      related: outcome.kind === 'finding' ? outcome.related ?? [] : [],
      ...(outcome.fixId ? { fixId: outcome.fixId } : {}),
      ...(outcome.evidence && outcome.evidence.path.length > 0 ? { settingPath: outcome.evidence.path } : {}),
    });
  }
  return findings;
}
