// Full administrator access: an Allow of Action '*' on Resource '*', Allow with NotAction, or the AWS managed
// AdministratorAccess policy attached, in identity policies of IAM and SAM resources.
import { describeVia } from '../cloudformation/resolve';
import { actionParameterFix, allows, capitalise, unknownEffect, effectDefinite, identityPolicies, isAdministratorAccess, mayBeStar, outcomeCollector, settingMeta, starValues, statementLabel, terraformIdentityPolicies, TF_IDENTITY_POLICY_TYPES, IDENTITY_POLICY_TYPES } from './support';
import type { NamedDocument, PolicyString, RuleOutcome, Rule } from './support';

const ADVICE = 'grant only the actions and resources the identity needs.';

const ACTION = 'action-parameter';

export const iamNoAdminStar: Rule = {
  meta: settingMeta('iam-no-admin-star', IDENTITY_POLICY_TYPES, { terraform: TF_IDENTITY_POLICY_TYPES }),
  cloudformation: {
    check(resource, context) {
      const { documents, managed, gaps, ownPolicies } = identityPolicies(resource, context);
      return adminOutcomes(documents, managed, gaps, ownPolicies, resource.id, 'template');
    },
  },
  terraform: {
    check(resource, context) {
      const { documents, managed, gaps, ownPolicies } = terraformIdentityPolicies(resource, context);
      return adminOutcomes(documents, managed, gaps, ownPolicies, resource.address, 'module');
    },
  },
  fixes: { [ACTION]: actionParameterFix((value) => value === '*', () => 'AllowedAction') },
};

/** The judgement of both formats over the identity policies a resource writes or attaches. */
function adminOutcomes(documents: readonly NamedDocument[], managed: readonly PolicyString[], gaps: readonly string[], ownPolicies: readonly string[], name: string, source: string): RuleOutcome[] {
  const { outcomes, push } = outcomeCollector();
  const unknowns: string[] = [];
  for (const { label, document } of documents) {
    for (const statement of document.statements) {
      const effect = unknownEffect(statement);
      if (!allows(statement) && !effect) continue;
      const where = `${capitalise(statementLabel(statement))} of ${label}`;
      const actions = starValues(statement.action);
      const resources = starValues(statement.resource);
      const unknownActions = mayBeStar(statement.action);
      const unknownResources = mayBeStar(statement.resource);
      if (effect) {
        // An Effect that cannot be read may be Allow: an administrator grant it would make cannot be ruled out.
        if ((actions.length > 0 || unknownActions.length > 0 || statement.notAction) && (resources.length > 0 || unknownResources.length > 0 || statement.notResource)) {
          unknowns.push(`${where} has the Effect ${effect.text}${describeVia(effect.via)} on ${statement.notAction ? 'NotAction' : actions.length > 0 ? "Action '*'" : `Action ${unknownActions[0].text}`}, which may be an Allow of every action on every resource`);
        }
        continue;
      }
      if ((actions.length > 0 || unknownActions.length > 0) && (resources.length > 0 || unknownResources.length > 0) && !(actions.length > 0 && resources.length > 0)) {
        // A value that cannot be known may be '*': the statement may be an administrator grant.
        const unknown = [...unknownActions, ...unknownResources][0];
        unknowns.push(`${where} allows ${actions.length > 0 ? "Action '*'" : `Action ${unknown.text}`} on ${resources.length > 0 ? "Resource '*'" : `Resource ${unknownResources[0]?.text ?? unknown.text}`}, which may be '*'`);
      }
      if (actions.length > 0 && resources.length > 0) {
        const action = pick(actions);
        push(action.range, `${where} allows Action '*' on Resource '*'${describeVia(action.via)}: whoever holds it has full administrator access to the account; ${ADVICE}`,
          action.definite && pick(resources).definite && effectDefinite(statement), ACTION);
      } else if (statement.notAction) {
        const onEverything = resources.length > 0 || statement.notResource !== undefined;
        push(statement.notAction.range, `${where} uses Allow with NotAction, which allows every action except those listed${onEverything ? ' on every resource' : ''}, including actions AWS adds later; list the allowed actions instead.`,
          effectDefinite(statement));
      }
    }
  }
  for (const arn of managed.filter(isAdministratorAccess)) {
    push(arn.range, `${name} attaches the AWS managed policy AdministratorAccess${describeVia(arn.via)}: whoever holds it has full administrator access to the account; ${ADVICE}`, arn.definite);
  }
  if (outcomes.length > 0) return outcomes;
  // A policy we cannot read, or a managed policy ARN given at deployment, may be the administrator grant.
  const unreadArn = managed.find((arn) => arn.value === undefined && !arn.text.includes(':'));
  if (gaps.length > 0) return [{ kind: 'unknown', reason: `In ${name}, ${gaps[0]}.` }];
  if (unknowns.length > 0) return [{ kind: 'unknown', reason: `${unknowns[0]}.` }];
  if (unreadArn) return [{ kind: 'unknown', reason: `${name} attaches a managed policy given as ${unreadArn.text}${describeVia(unreadArn.via)}.` }];
  if (documents.length === 0 && managed.length === 0) {
    if (ownPolicies.length > 0) return [{ kind: 'not-applicable', detail: `It attaches ${ownPolicies.join(', ')}, whose document is checked on that resource.` }];
    return [{ kind: 'not-applicable', detail: `No identity policy is written in the ${source}.` }];
  }
  return [{ kind: 'addressed', detail: 'No policy grants Action \'*\' on Resource \'*\'.' }];
}

function pick(values: readonly PolicyString[]): PolicyString {
  return values.find((value) => value.definite) ?? values[0];
}
