// Setting rules for network services. Each entry names a knowledge-base setting and says how to judge it.
// SSH, RDP and all-ports exposure in security groups is sg-open-admin-ports (rules/sg-open-admin-ports.ts).
import { settingRule } from '../support';
import type { Rule } from '../support';

export const NETWORK_RULES: readonly Rule[] = [
  // --- Security groups, network ACLs, subnets, VPCs, transit gateways
  settingRule({
    setting: 'subnet-no-auto-public-ip',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'every instance launched in the subnet gets a public address unless it opts out, so it is reachable from the internet wherever its security groups allow.',
    },
  }),
  settingRule({
    setting: 'tgw-no-auto-accept',
    cloudformation: {
      compliant: { equals: 'disable' },
      consequence: 'any account the gateway is shared with can attach its VPCs without your review, joining your network.',
      fix: 'disable',
    },
    terraform: {
      // auto_accept_shared_attachments takes "disable" or "enable", default "disable" (provider docs,
      // aws_ec2_transit_gateway): the API's spelling and default.
      compliant: { equals: 'disable' },
      consequence: 'any account the gateway is shared with can attach its VPCs without your review, joining your network; set auto_accept_shared_attachments = "disable".',
      absentDetail: 'auto_accept_shared_attachments defaults to "disable": attachments from shared accounts wait for your acceptance.',
    },
  }),
];

