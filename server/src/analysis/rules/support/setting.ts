// The common shape of most checks: one setting at a property path, compliant or not, and what its absence
// means. Resolves the value through parameters and conditions, and reports provenance.
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import type { Candidate, Resolved, ValueResolver } from '../../resolution';
import { describeVia, isConditionalStep, opaqueReason, quote } from '../../resolution';
import type { OffsetRange, ScalarValue, Severity, ValueNode } from '../../types';
import type { RuleOutcome } from './outcome';

export type AbsentMeaning =
  | { readonly kind: 'missed'; readonly message: string }
  | { readonly kind: 'aws-default'; readonly detail: string }
  | { readonly kind: 'compliant'; readonly detail: string }
  | { readonly kind: 'not-applicable'; readonly detail: string };

export interface SettingCheck {
  /** Property path under Properties; `[]` steps into every list element. */
  readonly path: readonly string[];
  readonly isCompliant: (value: ScalarValue) => boolean;
  /**
   * The judgement of a value whose start cannot be known but which ends with `suffix` (a template's literal tail):
   * true or false when the tail alone decides (an ARN ending in :alias/aws/<service> names an AWS managed key
   * whatever its partition, Region and account), undefined when it does not (the value stays unknown).
   */
  readonly judgeSuffix?: (suffix: string) => boolean | undefined;
  readonly absent: AbsentMeaning;
  /** Completes "<Setting> is <value>: ..." for a non-compliant value. */
  readonly consequence: string;
  readonly fixId?: string;
  /** Any value at all discharges the duty (a key id, a logging block): intrinsics count as set. */
  readonly presenceIsEnough?: boolean;
  /** Severity when the setting is absent, where absence is less certain than an explicit bad value. */
  readonly missingSeverity?: Severity;
  /** How the setting is named in messages (defaults to the path joined with dots). */
  readonly displayName?: string;
}

interface Verdict {
  readonly ok: boolean;
  /** Certain: no alternative parameter value or undecided condition leads here. */
  readonly definite: boolean;
  readonly text: string;
  readonly range: OffsetRange | undefined;
}

export function checkSetting(resource: CfnResource, context: CfnRuleContext, check: SettingCheck): RuleOutcome[] {
  return judgeSetting(resource.properties, resource.idRange, context.resolver, check);
}

/**
 * The format-neutral judgement: follows `check.path` from `start` (CloudFormation Properties, a Terraform
 * block body), resolves every value it may take, and gives one outcome. `anchor` is where a missing setting
 * is reported (the logical id, the resource label).
 */
export function judgeSetting(start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, check: SettingCheck, extraCandidates: readonly Candidate[] = []): RuleOutcome[] {
  const name = check.displayName ?? check.path.filter((segment) => segment !== '[]').join('.');
  const verdicts: Verdict[] = [];
  let unknown: string | undefined;
  for (const candidate of [...resolver.lookup(start, check.path), ...extraCandidates]) {
    const conditional = candidate.via.some(isConditionalStep);
    if (candidate.node === undefined) {
      const ok = check.absent.kind !== 'missed';
      verdicts.push({ ok, definite: !conditional, text: `${name} is not set${describeVia(candidate.via)}`, range: undefined });
      continue;
    }
    const inside = opaqueReason(candidate.node);
    if (inside !== undefined) {
      unknown ??= `${name} is ${inside}${describeVia(candidate.via)}`;
      continue;
    }
    if (check.presenceIsEnough) {
      verdicts.push({ ok: true, definite: true, text: `${name} is set${describeVia(candidate.via)}`, range: candidate.node.range });
      continue;
    }
    for (const resolved of resolver.scalars(candidate.node, candidate.via)) {
      if (!resolved.known) {
        const bySuffix = resolved.suffix !== undefined ? check.judgeSuffix?.(resolved.suffix) : undefined;
        if (bySuffix !== undefined) {
          verdicts.push({ ok: bySuffix, definite: !conditional, text: `${name} is ${resolved.description}${describeVia(resolved.via)}`, range: candidate.node.range });
        } else {
          unknown ??= `${name} is ${resolved.description}${describeVia(resolved.via)}`;
        }
        continue;
      }
      verdicts.push({
        ok: check.isCompliant(resolved.value),
        definite: !conditional && isDefinite(resolved),
        text: `${name} is ${quote(resolved.value)}${describeVia(resolved.via)}`,
        range: candidate.node.range,
      });
    }
  }
  const texts = [...new Set(verdicts.map((verdict) => verdict.text))];
  if (unknown) texts.push(unknown);
  const evidence = { path: check.path, text: texts.join('; or '), ...(unknown ? { unknown } : {}) };
  const failures = verdicts.filter((verdict) => !verdict.ok);
  if (failures.length === 0) {
    // Unknown is never addressed: a value we cannot read decides nothing (unless a known value already fails).
    if (unknown && !check.presenceIsEnough) return [{ kind: 'unknown', reason: unknown, evidence }];
    const absentOnly = verdicts.length > 0 && verdicts.every((verdict) => verdict.range === undefined);
    if (absentOnly && check.absent.kind === 'aws-default') return [{ kind: 'aws-default', detail: check.absent.detail, evidence }];
    if (absentOnly && check.absent.kind === 'compliant') return [{ kind: 'addressed', detail: check.absent.detail, evidence }];
    if (absentOnly && check.absent.kind === 'not-applicable') return [{ kind: 'not-applicable', detail: check.absent.detail }];
    const first = verdicts.find((verdict) => verdict.range !== undefined);
    return [{ kind: 'addressed', detail: first ? first.text : `${name} is set`, range: first?.range, evidence }];
  }
  const failure = failures.find((verdict) => verdict.definite) ?? failures[0];
  const message = failure.range === undefined && check.absent.kind === 'missed'
    ? `${failure.text}: ${check.absent.message}`
    : `${failure.text}: ${check.consequence}`;
  const range = failure.range ?? anchor;
  const severity = failure.range === undefined ? check.missingSeverity : undefined;
  if (failure.definite) return [{ kind: 'finding', message, range, fixId: check.fixId, evidence, ...(severity ? { severity } : {}) }];
  return [{ kind: 'depends', message: `Depends on the deployment: ${message}`, range, fixId: check.fixId, evidence }];
}

function isDefinite(resolved: Resolved): boolean {
  return !resolved.known || resolved.fromParameter === undefined || resolved.fromParameter.isDefault;
}

export function isTrue(value: ScalarValue): boolean {
  return value === true || value === 'true' || value === 'True' || value === 'TRUE';
}
