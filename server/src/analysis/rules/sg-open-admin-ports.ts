import type { CfnRuleContext } from '../cloudformation/model';
import { mapEntry } from '../cloudformation/model';
import { describeVia, quote } from '../cloudformation/resolve';
import type { Resolved } from '../cloudformation/resolve';
import type { MapNode, ValueNode } from '../types';
import type { RuleOutcome } from './outcome';
import { docsUrl, references } from './references';
import type { Rule } from './rule';

const id = 'sg-open-admin-ports';
const WORLD = new Set(['0.0.0.0/0', '::/0']);
const ADMIN_PORTS: ReadonlyArray<readonly [number, string]> = [[22, 'SSH (port 22)'], [3389, 'RDP (port 3389)']];

export const sgOpenAdminPorts: Rule = {
  meta: {
    id,
    item: 'network-exposure',
    title: 'Do not open SSH, RDP or all ports to the internet',
    severity: 'error',
    rationale:
      'Security groups are the customer\'s firewall: AWS enforces the rules, but which addresses may reach which ports is the customer\'s configuration. Remote administration open to 0.0.0.0/0 or ::/0 invites brute force and exploits.',
    awsDefault: { summary: 'A new security group allows no inbound traffic; every ingress rule is the customer\'s decision.' },
    references: references({ checkov: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_260'], fsbp: ['EC2.19'], trivy: ['AVD-AWS-0107'], cfnNag: ['W2', 'W9'] }),
    docsUrl: docsUrl(id),
    resourceTypes: { cloudformation: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'], terraform: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'] },
    settings: ['sg-no-world-ssh', 'sg-no-world-rdp', 'sg-no-world-high-risk-ports'],
  },
  cloudformation: {
    check(resource, context) {
      const rules: { node: ValueNode; via: readonly string[] }[] = [];
      if (resource.type === 'AWS::EC2::SecurityGroupIngress') {
        if (resource.properties) rules.push({ node: resource.properties, via: [] });
      } else {
        for (const candidate of context.resolver.lookup(resource.properties, ['SecurityGroupIngress', '[]'])) {
          if (candidate.node) rules.push({ node: candidate.node, via: candidate.via });
        }
      }
      const outcomes: RuleOutcome[] = [];
      for (const rule of rules) {
        if (rule.node.kind !== 'map') continue;
        outcomes.push(...checkIngress(rule.node, rule.via, context));
      }
      if (outcomes.length === 0) {
        return [{ kind: 'addressed', detail: rules.length === 0 ? 'No inbound rules.' : 'No inbound rule opens SSH, RDP or all ports to the internet.' }];
      }
      return outcomes;
    },
  },
};

function checkIngress(rule: MapNode, via: readonly string[], context: CfnRuleContext): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  for (const key of ['CidrIp', 'CidrIpv6']) {
    const cidrNode = mapEntry(rule, key);
    if (!cidrNode) continue;
    const open = context.resolver.scalars(cidrNode, via).filter((resolved): resolved is Extract<Resolved, { known: true }> =>
      resolved.known && WORLD.has(String(resolved.value)));
    if (open.length === 0) continue;
    const exposed = exposedPorts(rule, context);
    if (exposed === undefined) continue;
    const world = open.find((resolved) => !resolved.fromParameter || resolved.fromParameter.isDefault) ?? open[0];
    const definite = !world.fromParameter || world.fromParameter.isDefault;
    const message = `${exposed} open to the internet: ${key} is ${quote(world.value)}${describeVia(world.via)}. Allow only known address ranges, or use Session Manager or a bastion.`;
    outcomes.push(definite
      ? { kind: 'finding', message, range: cidrNode.range }
      : { kind: 'depends', message: `Depends on the deployment: ${message}`, range: cidrNode.range });
  }
  return outcomes;
}

/** Which administrative exposure the rule's protocol and ports give, or undefined for none. */
function exposedPorts(rule: MapNode, context: CfnRuleContext): string | undefined {
  const protocol = single(mapEntry(rule, 'IpProtocol'), context);
  if (protocol === '-1' || protocol === 'all' || protocol === '-1.0') return 'All ports are';
  if (protocol !== undefined && !['tcp', '6', 'udp', '17'].includes(protocol.toLowerCase())) return undefined;
  const from = Number(single(mapEntry(rule, 'FromPort'), context));
  const to = Number(single(mapEntry(rule, 'ToPort'), context));
  if (!Number.isFinite(from) || !Number.isFinite(to)) return undefined;
  if (from === -1 || (from <= 0 && to >= 65535)) return 'All ports are';
  const hits = ADMIN_PORTS.filter(([port]) => from <= port && port <= to).map(([, label]) => label);
  if (hits.length === 0) return undefined;
  return `${hits.join(' and ')} ${hits.length > 1 ? 'are' : 'is'}`;
}

function single(node: ValueNode | undefined, context: CfnRuleContext): string | undefined {
  if (!node) return undefined;
  const resolved = context.resolver.scalars(node);
  return resolved.length > 0 && resolved[0].known ? String(resolved[0].value) : undefined;
}
