// What the policy rules share: metadata from a knowledge-base setting, and the "public principal without a
// restricting condition" check of resource policies (bucket, queue, topic, key policies, role trust policies).
import { describeVia } from '../../../cloudformation/resolve';
import { getDefault, getItem, getSetting } from '../../../knowledge';
import type { RuleOutcome } from '../outcome';
import { docsUrl } from '../references';
import type { RuleMeta } from '../rule';
import { severityFor } from '../settingRule';
import type { OffsetRange, Severity } from '../../../types';
import type { PolicyDocument, PolicyStatement, PolicyString } from './document';
import { actionSummary, allows, denies, everyonePrincipals, restrictingConditions, statementLabel } from './judge';

/** Rule metadata from the knowledge-base setting `settingId`, for the CloudFormation types a custom rule reads. */
export function settingMeta(settingId: string, cloudformationTypes: readonly string[], options: { id?: string; severity?: Severity; settings?: readonly string[]; terraform?: readonly string[] } = {}): RuleMeta {
  const setting = getSetting(settingId);
  if (!setting) throw new Error(`Unknown setting ${settingId}`);
  const id = options.id ?? setting.id;
  const awsDefault = setting.defaultId ? getDefault(setting.defaultId) : undefined;
  return {
    id,
    item: setting.item,
    title: setting.title,
    severity: options.severity ?? severityFor(setting),
    rationale: getItem(setting.item)?.why ?? '',
    awsDefault: awsDefault
      ? { summary: awsDefault.summary, ...(awsDefault.since ? { since: awsDefault.since } : {}) }
      : { summary: setting.cloudformation?.absent.text ?? setting.noncompliant },
    references: {
      checkov: setting.references.checkov,
      fsbp: setting.references.fsbp,
      trivy: setting.references.trivy,
      cfnNag: setting.references.cfnNag,
    },
    docsUrl: docsUrl(id),
    resourceTypes: { cloudformation: cloudformationTypes, terraform: options.terraform ?? (setting.terraform ? [setting.terraform.type] : []) },
    settings: options.settings ?? [setting.id],
  };
}

export interface PublicCheck {
  /** "bucket policy ReportsPolicy on bucket ReportsBucket", "key policy of key DataKey": the policy, in words. */
  readonly policy: string;
  /** Completes the message: what anyone can do as a result. */
  readonly consequence: string;
  /** Statement-level exceptions (e.g. a Lambda permission's SourceArn). */
  readonly restricted?: (statement: PolicyStatement) => boolean;
  /** The rule's fix for a `*` principal (the value replaced by the own account). */
  readonly fixId?: string;
}

/**
 * Findings for Allow statements whose Principal is `*` (or `{AWS: "*"}`) without a condition that limits who,
 * and for Allow with NotPrincipal. One finding per range (a JSON-string document has one range).
 */
export function publicPrincipalOutcomes(documents: readonly PolicyDocument[], check: PublicCheck): RuleOutcome[] {
  const { outcomes, push } = outcomeCollector();
  for (const document of documents) {
    for (const statement of document.statements) {
      if (!allows(statement)) continue;
      if (restrictingConditions(statement).length > 0 || check.restricted?.(statement)) continue;
      const everyone = everyonePrincipals(statement.principal);
      if (everyone.length > 0) {
        const value = everyone.find((candidate) => candidate.definite) ?? everyone[0];
        push(value.range, `${capitalise(statementLabel(statement))} of the ${check.policy} allows ${actionSummary(statement)} to Principal '*'${viaText(value)} with no condition that limits who (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce...): ${check.consequence}`, value.definite && effectDefinite(statement), check.fixId);
        continue;
      }
      if (statement.notPrincipal) {
        push(statement.notPrincipal.range, `${capitalise(statementLabel(statement))} of the ${check.policy} uses Allow with NotPrincipal, which allows everyone except the principals listed: ${check.consequence}`, effectDefinite(statement));
      }
    }
  }
  return outcomes;
}

function viaText(value: PolicyString): string {
  return describeVia(value.via);
}

/** The Effect is Allow for every deployment (not only for some parameter values or conditions). */
export function effectDefinite(statement: PolicyStatement): boolean {
  const values = statement.effect?.values ?? [];
  return values.length > 0 && values.every((value) => value.definite && value.value?.toLowerCase() === 'allow');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The outcome when a policy check found no public grant: addressed only when every statement that may allow
 * could be read. A policy, statement, Effect or Principal that cannot be read may be the public grant, so it
 * makes the verdict unknown (`gaps`: what the reader could not read).
 */
export function noPublicGrant(policy: string, documents: readonly PolicyDocument[], gaps: readonly string[] = []): RuleOutcome {
  const unread = [...gaps, ...unreadGrants(documents)];
  if (unread.length > 0) return { kind: 'unknown', reason: `In the ${policy}, ${unread[0]}.` };
  if (documents.length === 0) return { kind: 'unknown', reason: `The ${policy} cannot be read from the code.` };
  return { kind: 'addressed', detail: `No statement of the ${policy} allows everyone without a limiting condition.` };
}

/**
 * An unreadable principal that may stand for '*': a parameter or variable without a value, an expression. Not an
 * ARN pattern, a resource's attribute or id, or a pseudo parameter (those name one account or identity).
 */
function mayBeEveryone(value: PolicyString): boolean {
  if (value.value !== undefined) return false;
  const text = value.text;
  if (text.includes(':') || /^(the attribute |the id of resource |the pseudo parameter )/.test(text)) return false;
  return !/^(data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+(\[[^\]]*\])?\./.test(text);
}

/** Statements that may allow someone we cannot name: an unknown Effect, or an unknown Principal without a limiting condition. */
function unreadGrants(documents: readonly PolicyDocument[]): string[] {
  const found: string[] = [];
  for (const document of documents) {
    for (const statement of document.statements) {
      const effects = statement.effect?.values ?? [];
      const unknownEffect = effects.find((value) => value.value === undefined);
      if (unknownEffect && !denies(statement)) {
        found.push(`the Effect of ${statementLabel(statement)} is ${unknownEffect.text}${viaText(unknownEffect)}`);
        continue;
      }
      if (!allows(statement) || restrictingConditions(statement).length > 0) continue;
      const principal = statement.principal?.entries.filter((entry) => ['*', 'AWS', 'CanonicalUser'].includes(entry.kind)).flatMap((entry) => entry.values).find(mayBeEveryone);
      if (principal) found.push(`the Principal of ${statementLabel(statement)} is ${principal.text}${viaText(principal)}`);
    }
  }
  return found;
}

/**
 * Collects policy findings, one per range (a JSON-string document has one range for all its statements): a
 * certain one as a finding, one that holds only for some deployments as "depends".
 */
export function outcomeCollector(): { outcomes: RuleOutcome[]; push: (range: OffsetRange, message: string, definite: boolean, fixId?: string) => void } {
  const outcomes: RuleOutcome[] = [];
  const seen = new Set<string>();
  const push = (range: OffsetRange, message: string, definite: boolean, fixId?: string) => {
    const key = `${range.start}:${range.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    const fix = fixId ? { fixId } : {};
    outcomes.push(definite ? { kind: 'finding', message, range, ...fix } : { kind: 'depends', message: `Depends on the deployment: ${message}`, range, ...fix });
  };
  return { outcomes, push };
}
