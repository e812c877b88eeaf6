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
      fix: false,
      consequence: 'every instance launched in the subnet gets a public address unless it opts out, so it is reachable from the internet wherever its security groups allow.',
    },
    terraform: {
      // map_public_ip_on_launch is a bool, default false (provider docs, aws_subnet: "Specify true to indicate that
      // instances launched into the subnet should be assigned a public IP address. Default is false."): the API's default.
      compliant: { equals: false },
      consequence: 'every instance launched in the subnet gets a public address unless it opts out, so it is reachable from the internet wherever its security groups allow; set map_public_ip_on_launch = false.',
      absentDetail: 'map_public_ip_on_launch defaults to false: instances launched in the subnet get no public address unless they ask for one.',
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

