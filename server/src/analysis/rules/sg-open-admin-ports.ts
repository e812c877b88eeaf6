import type { ValueResolver } from '../resolution';
import type { MapNode } from '../types';
import { cidrParameterFix, docsUrl, references, CFN_KEYS, cfnIngressRules, portExposure, tfIngressRules, unreadableRules, worldIngress } from './support';
import type { RuleOutcome, Rule, IngressKeys } from './support';

const id = 'sg-open-admin-ports';

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
      const rules = cfnIngressRules(resource, context);
      const outcomes = rules.flatMap((rule) => checkIngress(rule.node, rule.via, context.resolver, CFN_KEYS));
      const unreadable = resource.type === 'AWS::EC2::SecurityGroup' ? unreadableRules(context.resolver.lookup(resource.properties, ['SecurityGroupIngress', '[]']), 'SecurityGroupIngress') : undefined;
      if (outcomes.length === 0 && unreadable) return [{ kind: 'unknown', reason: unreadable }];
      return outcomes.length > 0 ? outcomes : [noOpenRule(rules.length)];
    },
  },
  terraform: {
    check(resource, context) {
      const found = tfIngressRules(resource, context);
      if ('notApplicable' in found) return [{ kind: 'not-applicable', detail: found.notApplicable }];
      const outcomes = found.rules.flatMap((rule) => checkIngress(rule.node, rule.via, context.resolver, found.keys));
      if (outcomes.length === 0 && found.unreadable) return [{ kind: 'unknown', reason: found.unreadable }];
      return outcomes.length > 0 ? outcomes : [noOpenRule(found.rules.length)];
    },
  },
  fixes: { 'restrict-cidr': cidrParameterFix('AllowedAdminCidr', 'allowed to reach these administration ports') },
};

function noOpenRule(count: number): RuleOutcome {
  return { kind: 'addressed', detail: count === 0 ? 'No inbound rules.' : 'No inbound rule opens SSH, RDP or all ports to the internet.' };
}

function checkIngress(rule: MapNode, via: readonly string[], resolver: ValueResolver, keys: IngressKeys): RuleOutcome[] {
  return worldIngress(rule, via, resolver, keys, {
    exposed: portExposure,
    advice: 'Allow only known address ranges, or use Session Manager or a bastion.',
    fixId: 'restrict-cidr',
  });
}
