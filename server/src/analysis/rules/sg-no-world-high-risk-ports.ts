// Ingress from the whole internet to the database, file-sharing, mail and admin-console ports of Security
// Hub EC2.19. SSH, RDP and all-ports exposure are sg-open-admin-ports' to report; this rule leaves them alone.
import type { CfnRuleContext } from '../cloudformation/model';
import { mapEntry } from '../cloudformation/model';
import { describeVia, quote } from '../cloudformation/resolve';
import type { Resolved } from '../cloudformation/resolve';
import type { MapNode, ValueNode } from '../types';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';
import { settingRule } from './settingRule';

const WORLD = new Set(['0.0.0.0/0', '::/0']);
const HIGH_RISK: ReadonlyArray<readonly [number, string]> = [
  [20, 'FTP data'], [21, 'FTP'], [23, 'Telnet'], [25, 'SMTP'], [110, 'POP3'], [135, 'RPC'], [143, 'IMAP'], [445, 'SMB'],
  [1433, 'SQL Server'], [1434, 'SQL Server browser'], [3000, 'development servers'], [3306, 'MySQL'], [4333, 'mSQL'],
  [5000, 'development servers'], [5432, 'PostgreSQL'], [5500, 'VNC'], [5601, 'Kibana'], [8080, 'HTTP proxies'],
  [8088, 'Hadoop'], [8888, 'admin consoles'], [9200, 'Elasticsearch'], [9300, 'Elasticsearch'],
];
const ADMIN = [22, 3389];

const base = settingRule({ setting: 'sg-no-world-high-risk-ports', cloudformation: { compliant: { present: true }, consequence: '' } });

export const sgNoWorldHighRiskPorts: Rule = {
  meta: { ...base.meta, resourceTypes: { ...base.meta.resourceTypes, cloudformation: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'] } },
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
      for (const rule of rules) if (rule.node.kind === 'map') outcomes.push(...checkIngress(rule.node, rule.via, context));
      return outcomes.length > 0 ? outcomes : [{ kind: 'addressed', detail: 'No inbound rule opens a high-risk port to the internet.' }];
    },
  },
};

function checkIngress(rule: MapNode, via: readonly string[], context: CfnRuleContext): RuleOutcome[] {
  const ports = exposedPorts(rule, context);
  if (!ports) return [];
  const outcomes: RuleOutcome[] = [];
  for (const key of ['CidrIp', 'CidrIpv6']) {
    const cidrNode = mapEntry(rule, key);
    if (!cidrNode) continue;
    const open = context.resolver.scalars(cidrNode, via).filter((resolved): resolved is Extract<Resolved, { known: true }> =>
      resolved.known && WORLD.has(String(resolved.value)));
    if (open.length === 0) continue;
    const world = open.find((resolved) => !resolved.fromParameter || resolved.fromParameter.isDefault) ?? open[0];
    const definite = !world.fromParameter || world.fromParameter.isDefault;
    const message = `${ports} open to the internet: ${key} is ${quote(world.value)}${describeVia(world.via)}. These services are common targets; allow only known address ranges or security groups.`;
    outcomes.push(definite ? { kind: 'finding', message, range: cidrNode.range } : { kind: 'depends', message: `Depends on the deployment: ${message}`, range: cidrNode.range });
  }
  return outcomes;
}

/** The high-risk ports a tcp/udp rule covers, unless it is sg-open-admin-ports' case (all ports, SSH, RDP). */
function exposedPorts(rule: MapNode, context: CfnRuleContext): string | undefined {
  const protocol = single(mapEntry(rule, 'IpProtocol'), context);
  if (protocol === undefined || !['tcp', '6', 'udp', '17'].includes(protocol.toLowerCase())) return undefined;
  const from = Number(single(mapEntry(rule, 'FromPort'), context));
  const to = Number(single(mapEntry(rule, 'ToPort'), context));
  if (!Number.isFinite(from) || !Number.isFinite(to) || from === -1 || (from <= 0 && to >= 65535)) return undefined;
  if (ADMIN.some((port) => from <= port && port <= to)) return undefined;
  const hits = HIGH_RISK.filter(([port]) => from <= port && port <= to);
  if (hits.length === 0) return undefined;
  const labels = hits.slice(0, 4).map(([port, label]) => `${label} (port ${port})`);
  const more = hits.length > 4 ? ` and ${hits.length - 4} more high-risk ports` : '';
  return `${labels.join(', ')}${more} ${hits.length > 1 ? 'are' : 'is'}`;
}

function single(node: ValueNode | undefined, context: CfnRuleContext): string | undefined {
  if (!node) return undefined;
  const resolved = context.resolver.scalars(node);
  return resolved.length > 0 && resolved[0].known ? String(resolved[0].value) : undefined;
}
