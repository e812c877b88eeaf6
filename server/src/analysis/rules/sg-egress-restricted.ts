// Egress: an explicit all-traffic rule to the internet (0.0.0.0/0, ::/0) is an open exfiltration path.
// Informational: many workloads need broad egress, but exfiltration paths are yours.
//
// What "no egress rules" means differs between the formats. CloudFormation: AWS adds its allow-all egress
// rule to a security group created without SecurityGroupEgress (the knowledge base's reading), so that is a
// finding unless an AWS::EC2::SecurityGroupEgress adds rules to the group. Terraform: the AWS provider revokes
// that default rule right after creating an aws_security_group, so a group without egress blocks allows no
// outbound traffic at all: compliant. Egress added by aws_security_group_rule (type = "egress") or
// aws_vpc_security_group_egress_rule is judged on those resources themselves.
import type { CfnRuleContext } from '../cloudformation/context';
import { describeVia, isConditionalStep, quote } from '../resolution';
import type { Candidate, ValueResolver } from '../resolution';
import { branches, cidrParameterFix, settingRule, CFN_KEYS, TF_KEYS, TF_VPC_RULE_KEYS, unreadableRules, pointingAt, isWorldCidr } from './support';
import type { RuleOutcome, Rule, IngressKeys, IngressRule } from './support';

const base = settingRule({ setting: 'sg-egress-restricted', cloudformation: { compliant: { present: true }, consequence: '' } });

export const sgEgressRestricted: Rule = {
  meta: {
    ...base.meta,
    resourceTypes: {
      cloudformation: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupEgress'],
      terraform: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_egress_rule'],
    },
  },
  cloudformation: {
    check(resource, context) {
      if (resource.type === 'AWS::EC2::SecurityGroupEgress') {
        return resource.properties ? judgeEgress([{ node: resource.properties, via: [] }], context.resolver, CFN_KEYS, NO_RULES) : [];
      }
      const candidates = context.resolver.lookup(resource.properties, ['SecurityGroupEgress', '[]']);
      const judged = unknownIfUnreadable(judgeEgress(mapsAt(candidates), context.resolver, CFN_KEYS, cfnDefaultEgress(resource, context)), unreadableRules(candidates, 'SecurityGroupEgress'));
      // No egress rules on one branch of a condition only (SecurityGroupEgress absent or empty there): AWS's
      // allow-all rule is added in those deployments.
      const without = candidates.find((candidate) => candidate.node === undefined);
      if (without && mapsAt(candidates).length > 0 && !judged.some((outcome) => outcome.kind === 'finding')) {
        const gap = cfnDefaultEgress(resource, context, without.via);
        if (gap.kind === 'finding' || gap.kind === 'depends') return [gap];
      }
      return judged;
    },
  },
  terraform: {
    check(resource, context) {
      const resolver = context.resolver;
      if (resource.type === 'aws_security_group') {
        const candidates = resolver.lookup(resource.body, ['egress', '[]']);
        return unknownIfUnreadable(judgeEgress(mapsAt(candidates), resolver, TF_KEYS, {
          kind: 'addressed',
          detail: 'No egress blocks: the AWS provider removes AWS\'s default allow-all egress rule from the groups it creates, so the group allows no outbound traffic (egress rule resources are checked on their own).',
        }), unreadableRules(candidates, 'egress'));
      }
      if (resource.type === 'aws_security_group_rule') {
        const types = resolver.lookup(resource.body, ['type']).flatMap((candidate) => (candidate.node ? resolver.scalars(candidate.node, candidate.via) : []));
        if (types.length > 0 && types.every((type) => type.known && String(type.value) !== 'egress')) return [{ kind: 'not-applicable', detail: 'An ingress rule.' }];
        return judgeEgress([{ node: resource.body, via: [] }], resolver, TF_KEYS, NO_RULES);
      }
      return judgeEgress([{ node: resource.body, via: [] }], resolver, TF_VPC_RULE_KEYS, NO_RULES);
    },
  },
  fixes: { 'restrict-cidr': cidrParameterFix('AllowedEgressCidr', 'the workload may send traffic to', 'traffic to other destinations, such as package mirrors or AWS APIs without VPC endpoints, is dropped') },
};

const NO_RULES: RuleOutcome = { kind: 'addressed', detail: 'No egress rules.' };

/** Rules that cannot be read decide nothing: without a finding among the readable ones, the group cannot be checked. */
function unknownIfUnreadable(outcomes: RuleOutcome[], unreadable: string | undefined): RuleOutcome[] {
  if (!unreadable || outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends')) return outcomes;
  return [{ kind: 'unknown', reason: unreadable }];
}

function mapsAt(candidates: readonly Candidate[]): IngressRule[] {
  return candidates.flatMap((candidate) => (candidate.node?.kind === 'map' ? [{ node: candidate.node, via: candidate.via }] : []));
}

/** CloudFormation without inline egress (on the branch `via`): AWS's allow-all rule, unless standalone egress rules replace it. */
function cfnDefaultEgress(resource: Parameters<typeof pointingAt>[0], context: CfnRuleContext, via: readonly string[] = []): RuleOutcome {
  const standalone = pointingAt(resource, context, 'AWS::EC2::SecurityGroupEgress', 'GroupId');
  if (standalone.length > 0) return { kind: 'addressed', detail: `Egress is defined by ${standalone.map((egress) => egress.id).join(', ')}.` };
  const message = `SecurityGroupEgress is not set${describeVia(via)}: AWS adds a rule allowing all outbound traffic to anywhere, an open path for data exfiltration and command-and-control; list the destinations the workload needs.`;
  return via.some(isConditionalStep)
    ? { kind: 'depends', message: `Depends on the deployment: ${message}`, range: resource.idRange }
    : { kind: 'finding', message, range: resource.idRange };
}

/** Both formats: `whenNone` for a group without egress rules; otherwise every rule allowing all traffic to the world. */
function judgeEgress(rules: readonly IngressRule[], resolver: ValueResolver, keys: IngressKeys, whenNone: RuleOutcome): RuleOutcome[] {
  if (rules.length === 0) return [whenNone];
  const outcomes = rules.flatMap((rule) => allTrafficToWorld(rule, resolver, keys));
  return outcomes.length > 0 ? outcomes : [{ kind: 'addressed', detail: 'Egress rules are scoped.' }];
}

/** Every branch of a rule that allows all traffic to a world range: a finding when certain, "depends" otherwise. */
function allTrafficToWorld(rule: IngressRule, resolver: ValueResolver, keys: IngressKeys): RuleOutcome[] {
  let possible: RuleOutcome | undefined;
  let unknown: string | undefined;
  for (const { key, list } of keys.cidrs) {
    for (const branch of branches(resolver, rule.node, [[keys.protocol], [keys.from], [keys.to], list ? [key, '[]'] : [key]], rule.via)) {
      const [protocol, fromText, toText, cidr] = branch.values;
      const from = Number(fromText.value);
      const to = Number(toText.value);
      const allTraffic = protocol.value === '-1' || protocol.value === 'all' || from === -1 || (from <= 0 && to >= 65535);
      if (!allTraffic) {
        // A protocol that cannot be read may be -1 (all traffic, ports ignored); ports that cannot be read may span
        // them all: to a world range, whether all outbound traffic is allowed cannot be known.
        const portsMaySpan = (fromText.unknown !== undefined || toText.unknown !== undefined) && !(from > 0) && !(to < 65535);
        const what = protocol.unknown !== undefined ? `${keys.protocol} is ${protocol.unknown}` : portsMaySpan ? `the ports (${keys.from}, ${keys.to}) cannot be read` : undefined;
        if (what && cidr.value !== undefined && isWorldCidr(cidr.value)) unknown ??= `${what}, so whether all outbound traffic may go to the internet (${key} ${quote(cidr.value)}) cannot be known.`;
        continue;
      }
      if (cidr.value !== undefined && isWorldCidr(cidr.value) && cidr.range) {
        const message = `All outbound traffic is allowed to the internet: ${key} ${list ? 'contains' : 'is'} ${quote(cidr.value)}${describeVia(branch.via)}, an open path for data exfiltration and command-and-control; list the destinations the workload needs.`;
        if (branch.certain) return [{ kind: 'finding', message, range: cidr.range, fixId: 'restrict-cidr' }];
        possible ??= { kind: 'depends', message: `Depends on the deployment: ${message}`, range: cidr.range, fixId: 'restrict-cidr' };
      } else if (cidr.unknown !== undefined) {
        unknown ??= `${key} cannot be read here, so whether all outbound traffic may go to the internet cannot be known.`;
      }
    }
  }
  if (possible) return [possible];
  return unknown ? [{ kind: 'unknown', reason: unknown }] : [];
}
