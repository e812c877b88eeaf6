// Ingress from the whole internet to the database, file-sharing, mail and admin-console ports of Security
// Hub EC2.19. SSH, RDP and all-ports exposure are sg-open-admin-ports' to report; this rule leaves them alone.
import { cidrParameterFix, settingRule, CFN_KEYS, cfnIngressRules, tfIngressRules, unreadableRules, worldIngress } from './support';
import type { RuleOutcome, Rule, WorldIngressCheck } from './support';

const HIGH_RISK: ReadonlyArray<readonly [number, string]> = [
  [20, 'FTP data'], [21, 'FTP'], [23, 'Telnet'], [25, 'SMTP'], [110, 'POP3'], [135, 'RPC'], [143, 'IMAP'], [445, 'SMB'],
  [1433, 'SQL Server'], [1434, 'SQL Server browser'], [3000, 'development servers'], [3306, 'MySQL'], [4333, 'mSQL'],
  [5000, 'development servers'], [5432, 'PostgreSQL'], [5500, 'VNC'], [5601, 'Kibana'], [8080, 'HTTP proxies'],
  [8088, 'Hadoop'], [8888, 'admin consoles'], [9200, 'Elasticsearch'], [9300, 'Elasticsearch'],
];
const ADMIN = [22, 3389];

const base = settingRule({ setting: 'sg-no-world-high-risk-ports', cloudformation: { compliant: { present: true }, consequence: '' } });
const NONE_OPEN: RuleOutcome = { kind: 'addressed', detail: 'No inbound rule opens a high-risk port to the internet.' };
// The world-range walk is support/ports.ts (worldIngress, per branch of protocol, ports and range); only the
// ports and the advice differ. A port behind an undecided condition, like a non-default parameter value, gives "depends".
const CHECK: WorldIngressCheck = {
  exposed: exposedPorts,
  advice: 'These services are common targets; allow only known address ranges or security groups.',
  fixId: 'restrict-cidr',
};

export const sgNoWorldHighRiskPorts: Rule = {
  meta: {
    ...base.meta,
    resourceTypes: {
      cloudformation: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
      terraform: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'],
    },
  },
  cloudformation: {
    check(resource, context) {
      const outcomes = cfnIngressRules(resource, context).flatMap((rule) => worldIngress(rule.node, rule.via, context.resolver, CFN_KEYS, CHECK));
      const unreadable = resource.type === 'AWS::EC2::SecurityGroup' ? unreadableRules(context.resolver.lookup(resource.properties, ['SecurityGroupIngress', '[]']), 'SecurityGroupIngress') : undefined;
      if (outcomes.length === 0 && unreadable) return [{ kind: 'unknown', reason: unreadable }];
      return outcomes.length > 0 ? outcomes : [NONE_OPEN];
    },
  },
  terraform: {
    check(resource, context) {
      const found = tfIngressRules(resource, context);
      if ('notApplicable' in found) return [{ kind: 'not-applicable', detail: found.notApplicable }];
      const outcomes = found.rules.flatMap((rule) => worldIngress(rule.node, rule.via, context.resolver, found.keys, CHECK));
      if (outcomes.length === 0 && found.unreadable) return [{ kind: 'unknown', reason: found.unreadable }];
      return outcomes.length > 0 ? outcomes : [NONE_OPEN];
    },
  },
  fixes: { 'restrict-cidr': cidrParameterFix('AllowedIngressCidr', 'allowed to reach these ports') },
};

/** The high-risk ports a tcp/udp rule covers, unless it is sg-open-admin-ports' case (all ports, SSH, RDP). */
function exposedPorts(protocol: string | undefined, fromText: string | undefined, toText: string | undefined): string | undefined {
  if (protocol === undefined || !['tcp', '6', 'udp', '17'].includes(protocol.toLowerCase())) return undefined;
  const from = Number(fromText);
  const to = Number(toText);
  if (fromText === undefined || toText === undefined || !Number.isFinite(from) || !Number.isFinite(to) || from === -1 || (from <= 0 && to >= 65535)) return undefined;
  if (ADMIN.some((port) => from <= port && port <= to)) return undefined;
  const hits = HIGH_RISK.filter(([port]) => from <= port && port <= to);
  if (hits.length === 0) return undefined;
  const labels = hits.slice(0, 4).map(([port, label]) => `${label} (port ${port})`);
  const more = hits.length > 4 ? ` and ${hits.length - 4} more high-risk ports` : '';
  return `${labels.join(', ')}${more} ${hits.length > 1 ? 'are' : 'is'}`;
}
