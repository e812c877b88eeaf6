// The shape shared by the resource-policy rules (bucket, queue, topic, repository, secret, key, role trust):
// a policy document that must not allow Principal '*' without a condition, read from a CloudFormation
// property and a Terraform argument, judged by publicPrincipalOutcomes in both formats.
import type { CfnRuleContext } from '../../../cloudformation/context';
import type { CfnResource } from '../../../cloudformation/template';
import { mapEntry } from '../../../cloudformation/template';
import type { RuleOutcome } from '../outcome';
import type { Rule, RuleMeta } from '../rule';
import type { TfResource } from '../../../terraform/context';
import { readPolicyDocuments } from './document';
import { noPublicGrant, publicPrincipalOutcomes } from './ruleSupport';
import { describeTargets, linkTargets } from './targets';
import { terraformPublicPolicy } from './terraform';
import { ownAccountPrincipalFix } from '../flaggedFixes';

export interface PublicPolicySpec {
  readonly meta: RuleMeta;
  /** Completes "<policy> allows ...: " for a public grant. */
  readonly consequence: string;
  readonly cloudformation: {
    /** Property holding the policy document. */
    readonly document: string;
    /** How the policy is named in messages ("queue policy Q on queue Jobs"). */
    readonly policy: (resource: CfnResource, context: CfnRuleContext) => string;
    /** What an absent document means; without it, an absent document is judged as empty. */
    readonly absent?: (resource: CfnResource) => RuleOutcome;
  };
  readonly terraform: {
    /** The consequence in Terraform words, where it names a setting; defaults to `consequence`. */
    readonly consequence?: string;
    /** Argument holding the policy document; defaults to `policy`. */
    readonly argument?: string;
    readonly policy: (resource: TfResource) => string;
    readonly absent: (resource: TfResource) => RuleOutcome;
  };
}

/** A `*` principal becomes the own account (ownAccountPrincipalFix). */
const OWN_ACCOUNT = 'own-account';

export function publicPolicyRule(spec: PublicPolicySpec): Rule {
  return {
    meta: spec.meta,
    fixes: { [OWN_ACCOUNT]: ownAccountPrincipalFix() },
    cloudformation: {
      check(resource, context) {
        const document = mapEntry(resource.properties, spec.cloudformation.document);
        if (!document && spec.cloudformation.absent) return [spec.cloudformation.absent(resource)];
        const policy = spec.cloudformation.policy(resource, context);
        const gaps: string[] = [];
        const documents = readPolicyDocuments(document, context.resolver, [], gaps);
        const outcomes = publicPrincipalOutcomes(documents, { policy, consequence: spec.consequence, fixId: OWN_ACCOUNT });
        return outcomes.length > 0 ? outcomes : [noPublicGrant(policy, documents, gaps)];
      },
    },
    terraform: {
      check(resource, context) {
        const argument = spec.terraform.argument ?? 'policy';
        return terraformPublicPolicy(resource, context, argument, { policy: spec.terraform.policy(resource), consequence: spec.terraform.consequence ?? spec.consequence, fixId: OWN_ACCOUNT }, spec.terraform.absent(resource));
      },
    },
  };
}

/** "<kind> policy <id> on <noun> <targets>": a standalone CloudFormation policy resource naming its targets in `property`. */
export function policyOnTargets(kind: string, property: string, noun: string): (resource: CfnResource, context: CfnRuleContext) => string {
  return (resource, context) => `${kind} policy ${resource.id} on ${describeTargets(linkTargets(mapEntry(resource.properties, property), context), noun)}`;
}

export const POLICY_REQUIRED: RuleOutcome = { kind: 'not-applicable', detail: 'policy is required.' };

/**
 * Terraform naming and absence for a policy that is either inline on the resource (`inlineType`, optional) or
 * a standalone policy resource (where the argument is required).
 */
export function inlineOrStandalone(inlineType: string, kind: string, noun: string, standaloneType: string): PublicPolicySpec['terraform'] {
  return {
    policy: (resource) => (resource.type === inlineType ? `${kind} policy of ${noun} ${resource.address}` : `${kind} policy ${resource.address}`),
    absent: (resource) => (resource.type === inlineType ? { kind: 'not-applicable', detail: `No inline policy (an ${standaloneType} is checked on its own).` } : POLICY_REQUIRED),
  };
}
