// Egress: a security group without egress rules gets AWS's allow-all rule; an explicit all-traffic rule to
// the internet is the same. Informational: many workloads need broad egress, but exfiltration paths are yours.
import type { CfnRuleContext } from '../cloudformation/model';
import { mapEntry } from '../cloudformation/model';
import { quote } from '../cloudformation/resolve';
import type { MapNode, ValueNode } from '../types';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';
import { settingRule } from './settingRule';
import { pointingAt } from './vpc-flow-logs';

const WORLD = new Set(['0.0.0.0/0', '::/0']);
const base = settingRule({ setting: 'sg-egress-restricted', cloudformation: { compliant: { present: true }, consequence: '' } });

export const sgEgressRestricted: Rule = {
  // No Terraform reading yet, so no Terraform types: egress blocks, aws_security_group_rule and aws_vpc_security_group_egress_rule, and Terraform removing AWS's default allow-all egress rule, differ from CloudFormation; not written yet.
  meta: { ...base.meta, resourceTypes: { terraform: [], cloudformation: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupEgress'] } },
  cloudformation: {
    check(resource, context) {
      if (resource.type === 'AWS::EC2::SecurityGroupEgress') {
        return resource.properties ? allTrafficToWorld(resource.properties, context) : [];
      }
      const inline = context.resolver.lookup(resource.properties, ['SecurityGroupEgress', '[]']).filter((candidate) => candidate.node);
      if (inline.length === 0) {
        const standalone = pointingAt(resource, context, 'AWS::EC2::SecurityGroupEgress', 'GroupId');
        if (standalone.length > 0) return [{ kind: 'addressed', detail: `Egress is defined by ${standalone.map((egress) => egress.id).join(', ')}.` }];
        return [{ kind: 'finding', message: 'SecurityGroupEgress is not set: AWS adds a rule allowing all outbound traffic to anywhere, an open path for data exfiltration and command-and-control; list the destinations the workload needs.', range: resource.idRange }];
      }
      const outcomes = inline.flatMap((candidate) => (candidate.node?.kind === 'map' ? allTrafficToWorld(candidate.node, context) : []));
      return outcomes.length > 0 ? outcomes : [{ kind: 'addressed', detail: 'Egress rules are scoped.' }];
    },
  },
};

function allTrafficToWorld(rule: MapNode, context: CfnRuleContext): RuleOutcome[] {
  const protocol = single(mapEntry(rule, 'IpProtocol'), context);
  const from = Number(single(mapEntry(rule, 'FromPort'), context));
  const to = Number(single(mapEntry(rule, 'ToPort'), context));
  const allTraffic = protocol === '-1' || protocol === 'all' || from === -1 || (from <= 0 && to >= 65535);
  if (!allTraffic) return [];
  for (const key of ['CidrIp', 'CidrIpv6']) {
    const node = mapEntry(rule, key);
    const value = single(node, context);
    if (node && value && WORLD.has(value)) {
      return [{ kind: 'finding', message: `All outbound traffic is allowed to the internet: ${key} is ${quote(value)}, an open path for data exfiltration and command-and-control; list the destinations the workload needs.`, range: node.range }];
    }
  }
  return [];
}

function single(node: ValueNode | undefined, context: CfnRuleContext): string | undefined {
  if (!node) return undefined;
  const resolved = context.resolver.scalars(node);
  return resolved.length > 0 && resolved[0].known ? String(resolved[0].value) : undefined;
}
