// The identity-based policies a resource carries: AWS::IAM::Policy / ManagedPolicy documents, inline
// Policies[].PolicyDocument of roles, users and groups, SAM Policies (inline statements, managed policy names
// and ARNs; policy templates such as S3CrudPolicy are AWS-written and scoped), and attached ManagedPolicyArns.
import type { CfnRuleContext } from '../../../cloudformation/context';
import type { CfnResource } from '../../../cloudformation/template';
import { mapEntry } from '../../../cloudformation/template';
import type { ValueNode } from '../../../types';
import type { PolicyDocument, PolicyString } from './document';
import { readPolicyDocuments, strings } from './document';

export interface NamedDocument {
  /** "policy AppPolicy", "inline policy 's3-access' of role AppRole". */
  readonly label: string;
  readonly document: PolicyDocument;
}

export interface IdentityPolicies {
  readonly documents: readonly NamedDocument[];
  /** Managed policies attached by ARN (or, in SAM Policies, by name). */
  readonly managed: readonly PolicyString[];
  /** Policies or statements that could not be read (they may grant anything). */
  readonly gaps: readonly string[];
  /**
   * Managed policies attached by a reference to one the same template or module creates (`!Ref MyPolicy`,
   * `aws_iam_policy.x.arn`): their documents are judged on their own resource, so they are not unknown here.
   */
  readonly ownPolicies: readonly string[];
}

const SAM_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

export function identityPolicies(resource: CfnResource, context: CfnRuleContext): IdentityPolicies {
  const documents: NamedDocument[] = [];
  const managed: PolicyString[] = [];
  const gaps: string[] = [];
  const props = resource.properties;
  const resolver = context.resolver;
  const noun = resource.type?.split('::')[2]?.toLowerCase() ?? 'resource';
  if (resource.type === 'AWS::IAM::Policy' || resource.type === 'AWS::IAM::ManagedPolicy') {
    for (const document of readPolicyDocuments(mapEntry(props, 'PolicyDocument'), resolver, [], gaps)) {
      documents.push({ label: `${resource.type === 'AWS::IAM::Policy' ? 'policy' : 'managed policy'} ${resource.id}`, document });
    }
  } else if (SAM_TYPES.has(resource.type ?? '')) {
    for (const candidate of resolver.lookup(props, ['Policies'])) {
      if (!candidate.node) continue;
      const items = candidate.node.kind === 'seq' ? candidate.node.items : [candidate.node];
      items.forEach((item, index) => {
        for (const inner of resolver.expand({ node: item, via: candidate.via })) {
          if (!inner.node) continue;
          if (inner.node.kind === 'map') {
            if (!mapEntry(inner.node, 'Statement')) continue; // a SAM policy template
            for (const document of readPolicyDocuments(inner.node, resolver, inner.via, gaps)) {
              documents.push({ label: `inline policy ${index + 1} of ${noun} ${resource.id}`, document });
            }
          } else {
            managed.push(...strings(inner.node, resolver, inner.via));
          }
        }
      });
    }
  } else {
    for (const candidate of resolver.lookup(props, ['Policies', '[]'])) {
      if (candidate.node?.kind !== 'map') continue;
      const name = policyName(mapEntry(candidate.node, 'PolicyName'));
      for (const document of readPolicyDocuments(mapEntry(candidate.node, 'PolicyDocument'), resolver, candidate.via, gaps)) {
        documents.push({ label: `inline policy ${name} of ${noun} ${resource.id}`, document });
      }
    }
  }
  const arns = mapEntry(props, 'ManagedPolicyArns');
  if (arns) managed.push(...strings(arns, resolver));
  // Ref to an AWS::IAM::ManagedPolicy of this template gives its ARN (patternText writes it `${Id}`).
  const ownPolicies: string[] = [];
  const unknownOrForeign = managed.filter((arn) => {
    const id = arn.value === undefined ? /^\$\{([A-Za-z0-9]+)\}$/.exec(arn.text)?.[1] : undefined;
    if (id === undefined || context.template.resourcesById.get(id)?.type !== 'AWS::IAM::ManagedPolicy') return true;
    ownPolicies.push(`managed policy ${id}`);
    return false;
  });
  return { documents, managed: unknownOrForeign, gaps, ownPolicies };
}

function policyName(node: ValueNode | undefined): string {
  return node?.kind === 'scalar' && node.value !== null ? `'${String(node.value)}'` : '(unnamed)';
}

const ADMIN_ARN = /^arn:(aws|aws-cn|aws-us-gov|\$\{[^}]+\}):iam::aws:policy\/AdministratorAccess$/;

/** The AWS managed AdministratorAccess policy, by ARN (also with ${AWS::Partition}) or, in SAM, by name. */
export function isAdministratorAccess(value: PolicyString): boolean {
  const text = value.value ?? value.text;
  return text === 'AdministratorAccess' || ADMIN_ARN.test(text);
}

/** CloudFormation types that carry identity policies. */
export const IDENTITY_POLICY_TYPES = [
  'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group',
  'AWS::Serverless::Function', 'AWS::Serverless::StateMachine',
];
