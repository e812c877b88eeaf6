// Service-wide wildcard actions (`s3:*`) on Resource '*' in Allow statements of identity policies.
import { describeVia } from '../cloudformation/resolve';
import { actionParameterFix, allows, capitalise, unknownEffect, pascalName, effectDefinite, identityPolicies, mayBeServiceWildcard, mayBeStar, serviceWildcards, settingMeta, starValues, statementLabel, terraformIdentityPolicies, TF_IDENTITY_POLICY_TYPES, IDENTITY_POLICY_TYPES } from './support';
import type { NamedDocument, RuleOutcome, Rule } from './support';

const ACTION = 'action-parameter';

export const iamNoServiceWildcard: Rule = {
  meta: settingMeta('iam-no-service-wildcard', IDENTITY_POLICY_TYPES, { terraform: TF_IDENTITY_POLICY_TYPES.filter((type) => !type.endsWith('_attachment')) }),
  cloudformation: {
    check(resource, context) {
      const { documents, gaps } = identityPolicies(resource, context);
      return wildcardOutcomes(documents, gaps, 'template');
    },
  },
  terraform: {
    check(resource, context) {
      const { documents, gaps } = terraformIdentityPolicies(resource, context);
      return wildcardOutcomes(documents, gaps, 'module');
    },
  },
  fixes: { [ACTION]: actionParameterFix((value) => /^[a-z0-9-]+:\*$/i.test(value), (value) => `Allowed${pascalName(value.split(':')[0])}Action`) },
};

/** The judgement of both formats over the policy documents a resource writes. */
function wildcardOutcomes(documents: readonly NamedDocument[], gaps: readonly string[], source: string): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  const unknowns: string[] = [];
  const byRange = new Map<string, { range: { start: number; end: number }; actions: string[]; definite: boolean; where: string; via: readonly string[] }>();
  for (const { label, document } of documents) {
    for (const statement of document.statements) {
      const effect = unknownEffect(statement);
      if (!allows(statement) && !effect) continue;
      const resources = starValues(statement.resource);
      const wildcards = serviceWildcards(statement.action);
      if (effect) {
        // An Effect that cannot be read may be Allow: a whole-service grant it would make cannot be ruled out.
        if ((resources.length > 0 || mayBeStar(statement.resource).length > 0) && (wildcards.length > 0 || mayBeServiceWildcard(statement.action).length > 0)) {
          unknowns.push(`${capitalise(statementLabel(statement))} of ${label} has the Effect ${effect.text}${describeVia(effect.via)}, which may be an Allow of ${wildcards.length > 0 ? `'${wildcards[0].text}'` : 'a whole service'} on Resource '*'`);
        }
        continue;
      }
      // A value that cannot be known may be '*' (or a service wildcard): the statement cannot be judged.
      const unknownResource = mayBeStar(statement.resource)[0];
      const unknownAction = mayBeServiceWildcard(statement.action)[0];
      if (resources.length === 0 && unknownResource && wildcards.length > 0) {
        unknowns.push(`${capitalise(statementLabel(statement))} of ${label} allows '${wildcards[0].text}' on Resource ${unknownResource.text}, which may be '*'`);
      } else if (resources.length > 0 && wildcards.length === 0 && unknownAction) {
        unknowns.push(`${capitalise(statementLabel(statement))} of ${label} allows Action ${unknownAction.text} on Resource '*', which may be a whole service`);
      }
      if (resources.length === 0) continue;
      for (const action of serviceWildcards(statement.action)) {
        const key = `${action.range.start}:${action.range.end}`;
        const entry = byRange.get(key) ?? { range: action.range, actions: [] as string[], definite: true, where: `${capitalise(statementLabel(statement))} of ${label}`, via: action.via };
        if (!entry.actions.includes(action.text)) entry.actions.push(action.text);
        entry.definite &&= action.definite && effectDefinite(statement);
        byRange.set(key, entry);
      }
    }
  }
  for (const entry of byRange.values()) {
    const list = entry.actions.map((action) => `'${action}'`).join(', ');
    const message = `${entry.where} allows ${list} on Resource '*'${describeVia(entry.via)}: every action of the service on every resource, including deletes and permission changes; list the actions and resources needed.`;
    outcomes.push(entry.definite ? { kind: 'finding', message, range: entry.range, fixId: ACTION } : { kind: 'depends', message: `Depends on the deployment: ${message}`, range: entry.range, fixId: ACTION });
  }
  if (outcomes.length > 0) return outcomes;
  if (gaps.length > 0) return [{ kind: 'unknown', reason: `${capitalise(gaps[0])}.` }];
  if (unknowns.length > 0) return [{ kind: 'unknown', reason: `${unknowns[0]}.` }];
  if (documents.length === 0) return [{ kind: 'not-applicable', detail: `No inline policy document is written in the ${source}.` }];
  return [{ kind: 'addressed', detail: 'No statement allows a whole service on Resource \'*\'.' }];
}
