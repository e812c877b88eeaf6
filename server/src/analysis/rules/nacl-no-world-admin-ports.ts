// Network ACL entries that allow SSH or RDP (or everything) in from the whole internet (Security Hub EC2.21).
// CloudFormation: AWS::EC2::NetworkAclEntry; Terraform: aws_network_acl_rule and the inline `ingress` blocks
// of aws_network_acl. The port logic is support/ports.ts (portExposure).
import type { ValueResolver } from '../resolution';
import { quote } from '../resolution';
import type { MapNode, OffsetRange } from '../types';
import { isTrue, settingRule, portExposure, WORLD, single } from './support';
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
  meta: { ...base.meta, resourceTypes: { cloudformation: base.meta.resourceTypes.cloudformation, terraform: ['aws_network_acl', 'aws_network_acl_rule'] } },
  cloudformation: {
    check: (resource, context) => (resource.properties ? [judgeEntry(resource.properties, [], context.resolver, CFN_KEYS)] : []),
  },
  terraform: {
    check(resource, context) {
      const resolver = context.resolver;
      if (resource.type === 'aws_network_acl_rule') return [judgeEntry(resource.body, [], resolver, TF_RULE_KEYS)];
      const entries = resolver.lookup(resource.body, ['ingress', '[]']).flatMap((candidate) => (candidate.node?.kind === 'map' ? [judgeEntry(candidate.node, candidate.via, resolver, TF_INLINE_KEYS)] : []));
      if (entries.length === 0) return [{ kind: 'addressed', detail: 'No inbound entries (aws_network_acl_rule resources are checked on their own).' }];
      const gaps = entries.filter((outcome) => outcome.kind === 'finding');
      return gaps.length > 0 ? gaps : entries;
    },
  },
};

/** Both formats: an inbound allow entry must not open SSH, RDP or all ports to a world range. */
function judgeEntry(entry: MapNode, via: readonly string[], resolver: ValueResolver, keys: EntryKeys): RuleOutcome {
  const at = (path: readonly string[]) => single(resolver.lookup(entry, path, via).find((candidate) => candidate.node)?.node, resolver);
  // Set to a value that cannot be read here (an unset variable, another resource's attribute).
  const unread = (path: readonly string[]) => resolver.lookup(entry, path, via).some((candidate) => candidate.node !== undefined && single(candidate.node, resolver) === undefined);
  const egress = keys.egress ? at([keys.egress]) : undefined;
  if (egress !== undefined && isTrue(egress)) return { kind: 'not-applicable', detail: 'An outbound entry.' };
  const cannot = (key: string) => ({ kind: 'unknown', reason: `${key} cannot be read here, so whether the entry lets SSH or RDP in from the internet cannot be known.` } as const);
  if (unread([keys.action])) return cannot(keys.action);
  if (at([keys.action])?.toLowerCase() !== 'allow') return { kind: 'addressed', detail: 'The entry does not allow traffic.' };
  const protocol = at([keys.protocol]);
  const exposed = protocol === undefined ? undefined : portExposure(protocol, at(keys.from), at(keys.to));
  if (!exposed) {
    const unreadable = [[keys.protocol], keys.from, keys.to].find((path) => unread(path));
    return unreadable ? cannot(unreadable.join('.')) : { kind: 'addressed', detail: 'The entry does not allow SSH or RDP.' };
  }
  for (const key of keys.cidrs) {
    for (const candidate of resolver.lookup(entry, [key], via)) {
      if (!candidate.node) continue;
      const value = single(candidate.node, resolver);
      if (value && WORLD.has(value)) return finding(exposed, key, value, candidate.node.range);
    }
  }
  const unreadable = keys.cidrs.find((key) => unread([key]));
  return unreadable ? cannot(unreadable) : { kind: 'addressed', detail: 'The entry is limited to known address ranges.' };
}

function finding(exposed: string, key: string, value: string, range: OffsetRange): RuleOutcome {
  return { kind: 'finding', message: `${exposed} allowed in from the internet by this network ACL entry: ${key} is ${quote(value)}. Allow remote administration only from known address ranges.`, range };
}
