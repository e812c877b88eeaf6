// Network ACL entries that allow SSH or RDP (or everything) in from the whole internet (Security Hub EC2.21).
// CloudFormation: AWS::EC2::NetworkAclEntry; Terraform: aws_network_acl_rule and the inline `ingress` blocks
// of aws_network_acl and aws_default_network_acl (the VPC's default ACL, whose inline rules are all it keeps:
// provider docs, aws_default_network_acl). The port logic is support/ports.ts (portExposure).
import type { ValueResolver } from '../resolution';
import { describeVia, quote } from '../resolution';
import type { MapNode, OffsetRange } from '../types';
import { branches, cidrParameterFix, isTrue, settingRule, portExposure, isWorldCidr } from './support';
import type { RuleOutcome, Rule } from './support';

const base = settingRule({ setting: 'nacl-no-world-admin-ports', cloudformation: { compliant: { present: true }, consequence: '' } });

/** How one format names the parts of an entry. `egress` is absent where the block itself says the direction. */
interface EntryKeys {
  readonly egress?: string;
  readonly action: string;
  readonly protocol: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly cidrs: readonly string[];
}

const CFN_KEYS: EntryKeys = { egress: 'Egress', action: 'RuleAction', protocol: 'Protocol', from: ['PortRange', 'From'], to: ['PortRange', 'To'], cidrs: ['CidrBlock', 'Ipv6CidrBlock'] };
const TF_RULE_KEYS: EntryKeys = { egress: 'egress', action: 'rule_action', protocol: 'protocol', from: ['from_port'], to: ['to_port'], cidrs: ['cidr_block', 'ipv6_cidr_block'] };
const TF_INLINE_KEYS: EntryKeys = { action: 'action', protocol: 'protocol', from: ['from_port'], to: ['to_port'], cidrs: ['cidr_block', 'ipv6_cidr_block'] };

export const naclNoWorldAdminPorts: Rule = {
  meta: { ...base.meta, resourceTypes: { cloudformation: base.meta.resourceTypes.cloudformation, terraform: ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule'] } },
  cloudformation: {
    check: (resource, context) => (resource.properties ? [judgeEntry(resource.properties, [], context.resolver, CFN_KEYS)] : []),
  },
  terraform: {
    check(resource, context) {
      const resolver = context.resolver;
      if (resource.type === 'aws_network_acl_rule') return [judgeEntry(resource.body, [], resolver, TF_RULE_KEYS)];
      const entries = resolver.lookup(resource.body, ['ingress', '[]']).flatMap((candidate) => (candidate.node?.kind === 'map' ? [judgeEntry(candidate.node, candidate.via, resolver, TF_INLINE_KEYS)] : []));
      if (entries.length === 0) return [{ kind: 'addressed', detail: 'No inbound entries (aws_network_acl_rule resources are checked on their own).' }];
      const gaps = entries.filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
      return gaps.length > 0 ? gaps : entries;
    },
  },
  fixes: { 'restrict-cidr': cidrParameterFix('AllowedAdminCidr', 'allowed to reach SSH and RDP through this network ACL') },
};

/**
 * Both formats: an inbound allow entry must not open SSH, RDP or all ports to a world range. Every key may hang
 * on a condition or a parameter: each consistent way the entry may turn out is judged, and a gap found only on
 * some of them is "depends".
 */
function judgeEntry(entry: MapNode, via: readonly string[], resolver: ValueResolver, keys: EntryKeys): RuleOutcome {
  const paths = [keys.egress ? [keys.egress] : [], [keys.action], [keys.protocol], keys.from, keys.to, ...keys.cidrs.map((key) => [key])];
  const cannot = (key: string) => `${key} cannot be read here, so whether the entry lets SSH or RDP in from the internet cannot be known.`;
  let gap: { message: string; range: OffsetRange; certain: boolean } | undefined;
  let unknown: string | undefined;
  let inbound = false;
  for (const branch of branches(resolver, entry, paths, via)) {
    const [egress, action, protocol, from, to, ...cidrs] = branch.values;
    if (keys.egress && egress.unknown) {
      unknown ??= cannot(keys.egress);
      continue;
    }
    if (keys.egress && egress.value !== undefined && isTrue(egress.value)) continue;
    inbound = true;
    if (action.unknown) {
      unknown ??= cannot(keys.action);
      continue;
    }
    if (action.value?.toLowerCase() !== 'allow') continue;
    const exposed = protocol.value === undefined ? undefined : portExposure(protocol.value, from.value, to.value);
    if (!exposed) {
      const unread = [[keys.protocol], keys.from, keys.to].find((_, index) => [protocol, from, to][index].unknown !== undefined);
      if (unread) unknown ??= cannot(unread.join('.'));
      continue;
    }
    for (const [index, key] of keys.cidrs.entries()) {
      const cidr = cidrs[index];
      if (cidr.unknown) unknown ??= cannot(key);
      if (cidr.value === undefined || !isWorldCidr(cidr.value) || !cidr.range || gap?.certain) continue;
      gap = { message: `${exposed} allowed in from the internet by this network ACL entry: ${key} is ${quote(cidr.value)}${describeVia(branch.via)}. Allow remote administration only from known address ranges.`, range: cidr.range, certain: branch.certain };
    }
  }
  if (gap) return gap.certain ? { kind: 'finding', message: gap.message, range: gap.range, fixId: 'restrict-cidr' } : { kind: 'depends', message: `Depends on the deployment: ${gap.message}`, range: gap.range, fixId: 'restrict-cidr' };
  if (unknown) return { kind: 'unknown', reason: unknown };
  if (!inbound) return { kind: 'not-applicable', detail: 'An outbound entry.' };
  return { kind: 'addressed', detail: 'The entry does not allow SSH or RDP in from the internet.' };
}
