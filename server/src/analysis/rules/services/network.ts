// Setting rules for network services. Each entry names a knowledge-base setting and says how to judge it.
// SSH, RDP and all-ports exposure in security groups is sg-open-admin-ports (rules/sg-open-admin-ports.ts).
import { naclNoWorldAdminPorts } from '../nacl-no-world-admin-ports';
import type { Rule } from '../support/rule';
import { settingRule } from '../support/settingRule';
import { sgEgressRestricted } from '../sg-egress-restricted';
import { sgNoWorldHighRiskPorts } from '../sg-no-world-high-risk-ports';
import { vpcFlowLogs } from '../vpc-flow-logs';
import { APIGW_RULES, CLOUDFRONT_RULES, EDGE_WAF_RULES } from './edge';
import { albWaf, LOAD_BALANCING_RULES } from './loadBalancing';

export const NETWORK_RULES: readonly Rule[] = [
  // --- Security groups, network ACLs, subnets, VPCs, transit gateways
  sgNoWorldHighRiskPorts,
  sgEgressRestricted,
  naclNoWorldAdminPorts,
  settingRule({
    setting: 'subnet-no-auto-public-ip',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'every instance launched in the subnet gets a public address unless it opts out, so it is reachable from the internet wherever its security groups allow.',
    },
  }),
  vpcFlowLogs,
  settingRule({
    setting: 'tgw-no-auto-accept',
    cloudformation: {
      compliant: { equals: 'disable' },
      consequence: 'any account the gateway is shared with can attach its VPCs without your review, joining your network.',
      fix: 'disable',
    },
  }),
  // --- Load balancers (services/loadBalancing.ts)
  ...LOAD_BALANCING_RULES,
  // --- CloudFront and API Gateway (rules/services/edge.ts)
  ...CLOUDFRONT_RULES,
  ...APIGW_RULES,
  // --- WAF
  albWaf,
  ...EDGE_WAF_RULES,
];

