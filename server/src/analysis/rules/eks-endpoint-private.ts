// EKS API endpoint exposure (FSBP EKS.1): public access (the default) open to 0.0.0.0/0 is the gap; public
// access restricted to a list of CIDR blocks without 0.0.0.0/0 or ::/0 addresses it. CloudFormation:
// ResourcesVpcConfig.EndpointPublicAccess / PublicAccessCidrs; Terraform: vpc_config { endpoint_public_access
// public_access_cidrs }. A CIDR list that cannot be read leaves the exposure unknown.
import type { ValueResolver } from '../resolution';
import type { ValueNode } from '../types';
import { settingRule, guardShapes, isWorldCidr } from './support';
import type { RuleOutcome, Rule } from './support';

type CidrState = 'restricted' | 'open' | 'absent' | { readonly unknown: string };

/** Whether the CIDR list (every way it may turn out) keeps the world out. */
function cidrState(resolver: ValueResolver, start: ValueNode | undefined, path: readonly string[], name: string): CidrState {
  const candidates = resolver.lookup(start, path);
  if (candidates.every((candidate) => candidate.node === undefined)) return 'absent';
  let open = false;
  for (const candidate of candidates) {
    const node = candidate.node;
    // An absent branch is the default 0.0.0.0/0.
    if (node === undefined) {
      open = true;
      continue;
    }
    if (node.kind !== 'seq') return { unknown: `${name} cannot be read` };
    if (node.items.length === 0) open = true;
    for (const item of node.items) {
      for (const value of resolver.scalars(item, candidate.via)) {
        if (!value.known) return { unknown: `${name} holds ${value.description}` };
        if (isWorldCidr(value.value)) open = true;
      }
    }
  }
  return open ? 'open' : 'restricted';
}

const base = settingRule({
  setting: 'eks-endpoint-private',
  cloudformation: {
    compliant: { equals: false },
    consequence: 'the Kubernetes API server is reachable from the internet (0.0.0.0/0 unless PublicAccessCidrs narrows it); set EndpointPrivateAccess: true and EndpointPublicAccess: false, or restrict PublicAccessCidrs.',
    whenMissing: 'the Kubernetes API server is public by default, open to 0.0.0.0/0; set EndpointPublicAccess: false (with EndpointPrivateAccess: true) or restrict PublicAccessCidrs.',
    skip: (resource, context) => (cidrState(context.resolver, resource.properties, CFN_CIDRS, 'PublicAccessCidrs') === 'restricted' ? 'The public endpoint is restricted to PublicAccessCidrs.' : undefined),
  },
  terraform: {
    consequence: 'the Kubernetes API server is reachable from the internet (0.0.0.0/0 unless public_access_cidrs narrows it); set vpc_config.endpoint_private_access = true and endpoint_public_access = false, or restrict public_access_cidrs.',
    whenMissing: 'the Kubernetes API server is public by default, open to 0.0.0.0/0; set vpc_config.endpoint_private_access = true and endpoint_public_access = false, or restrict public_access_cidrs.',
    skip: (resource, context) => (cidrState(context.resolver, resource.body, TF_CIDRS, 'vpc_config.public_access_cidrs') === 'restricted' ? 'The public endpoint is restricted to vpc_config.public_access_cidrs.' : undefined),
  },
});
const CFN_CIDRS = ['ResourcesVpcConfig', 'PublicAccessCidrs'];
const TF_CIDRS = ['vpc_config', 'public_access_cidrs'];

/**
 * A public endpoint whose CIDR list cannot be read: the exposure is unknown, not a finding. A list that keeps
 * the world out addresses the duty (the skip only says the open-endpoint check does not apply).
 */
function unlessCidrsUnknown(outcomes: RuleOutcome[], state: CidrState, name: string): RuleOutcome[] {
  if (state === 'restricted') return outcomes.map((outcome) => (outcome.kind === 'not-applicable' ? { kind: 'addressed', detail: `The public endpoint is restricted to ${name}, without 0.0.0.0/0 or ::/0.` } : outcome));
  if (typeof state !== 'object' || !outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends')) return outcomes;
  return [{ kind: 'unknown', reason: `the endpoint is public and ${state.unknown}` }];
}

const guarded = guardShapes(base, { cloudformation: ['ResourcesVpcConfig.EndpointPublicAccess'], terraform: ['vpc_config.endpoint_public_access'] });

/**
 * The fix restricts the public endpoint to CIDR ranges the author gives (a new list parameter or variable): turning
 * the public endpoint off needs EndpointPrivateAccess on as well, or EKS refuses the update (EKS user guide,
 * "Cluster API server endpoint"), two settings the writer does not set together. PublicAccessCidrs is updated in place.
 */
const RESTRICT = 'restrict-public-cidrs';
const CIDRS_PARAMETER = {
  name: 'EksPublicAccessCidrs',
  description: 'The CIDR ranges allowed to reach the public Kubernetes API endpoint, such as your office or VPN networks; not 0.0.0.0/0.',
  type: { cloudformation: 'CommaDelimitedList', terraform: 'list(string)' },
};

function withFix(outcomes: RuleOutcome[]): RuleOutcome[] {
  return outcomes.map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends' ? { ...outcome, fixId: RESTRICT } : outcome));
}

export const eksEndpointPrivate: Rule = {
  ...guarded,
  cloudformation: {
    check: (resource, context) => withFix(unlessCidrsUnknown(guarded.cloudformation?.check(resource, context) ?? [], cidrState(context.resolver, resource.properties, CFN_CIDRS, 'PublicAccessCidrs'), 'PublicAccessCidrs')),
  },
  terraform: {
    check: (resource, context) => withFix(unlessCidrsUnknown(guarded.terraform?.check(resource, context) ?? [], cidrState(context.resolver, resource.body, TF_CIDRS, 'vpc_config.public_access_cidrs'), 'vpc_config.public_access_cidrs')),
  },
  fixes: {
    [RESTRICT]: {
      title: 'Set PublicAccessCidrs to a new parameter EksPublicAccessCidrs (the ranges allowed to reach the API server, to fill in; other sources lose access)',
      path: CFN_CIDRS, value: '', parameter: CIDRS_PARAMETER, safety: 'placeholder',
      terraform: {
        title: 'Set vpc_config.public_access_cidrs = var.eks_public_access_cidrs (the ranges allowed to reach the API server, to fill in; other sources lose access)',
        path: TF_CIDRS, value: '', variable: { ...CIDRS_PARAMETER, name: 'eks_public_access_cidrs' }, safety: 'placeholder',
      },
    },
  },
};
