// Inbound rules of security groups (inline, standalone, VPC rule resources) and the exposure of world ranges to
// ports; shared by sg-open-admin-ports, sg-no-world-high-risk-ports, sg-egress-restricted and nacl-no-world-admin-ports.
import { canonicalType } from '../../knowledge';
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import { compatible, describeVia, isConditionalStep, quote } from '../../resolution';
import type { Candidate, ValueResolver } from '../../resolution';
import type { MapNode, OffsetRange, ValueNode } from '../../types';
import type { RuleOutcome } from './outcome';
import { isWorldCidr } from './networks';

const ADMIN_PORTS: ReadonlyArray<readonly [number, string]> = [[22, 'SSH (port 22)'], [3389, 'RDP (port 3389)']];

/** One inbound rule: an inline entry or a standalone rule resource's body. */
export interface IngressRule {
  readonly node: MapNode;
  readonly via: readonly string[];
}

/** CloudFormation: the inline SecurityGroupIngress entries, or an AWS::EC2::SecurityGroupIngress itself. */
export function cfnIngressRules(resource: CfnResource, context: CfnRuleContext): IngressRule[] {
  if (resource.type === 'AWS::EC2::SecurityGroupIngress') return resource.properties ? [{ node: resource.properties, via: [] }] : [];
  return context.resolver.lookup(resource.properties, ['SecurityGroupIngress', '[]'])
    .flatMap((candidate) => (candidate.node?.kind === 'map' ? [{ node: candidate.node, via: candidate.via }] : []));
}

/**
 * Why a list of rules cannot be read (an element that is a reference or an expression, not a rule map), or
 * undefined: such a list decides nothing, so a group is never called closed because of it.
 */
export function unreadableRules(candidates: readonly Candidate[], name: string): string | undefined {
  const other = candidates.find((candidate) => candidate.node !== undefined && candidate.node.kind !== 'map');
  return other ? `${name} is an expression or reference whose rules cannot be read here` : undefined;
}

/** Terraform: inline `ingress` blocks (dynamic ones included), an ingress aws_security_group_rule, or a VPC ingress rule. */
export function tfIngressRules(resource: TfResource, context: TfRuleContext): { rules: IngressRule[]; keys: IngressKeys; unreadable?: string } | { notApplicable: string } {
  const resolver = context.resolver;
  const keys = resource.type === 'aws_vpc_security_group_ingress_rule' ? TF_VPC_RULE_KEYS : TF_KEYS;
  if (canonicalType(resource.type) === 'aws_security_group') {
    const candidates = resolver.lookup(resource.body, ['ingress', '[]']);
    const rules = candidates.flatMap((candidate) => (candidate.node?.kind === 'map' ? [{ node: candidate.node, via: candidate.via }] : []));
    const unreadable = unreadableRules(candidates, 'ingress');
    return { rules, keys, ...(unreadable ? { unreadable } : {}) };
  }
  if (resource.type === 'aws_security_group_rule') {
    const types = resolver.lookup(resource.body, ['type']).flatMap((candidate) => (candidate.node ? resolver.scalars(candidate.node, candidate.via) : []));
    if (types.length > 0 && types.every((type) => type.known && String(type.value) !== 'ingress')) return { notApplicable: 'An egress rule.' };
  }
  return { rules: [{ node: resource.body, via: [] }], keys };
}

/** How one format names the parts of an inbound rule; `list` keys hold lists of ranges (Terraform cidr_blocks). */
export interface IngressKeys {
  readonly cidrs: readonly { readonly key: string; readonly list: boolean }[];
  readonly protocol: string;
  readonly from: string;
  readonly to: string;
}

export const CFN_KEYS: IngressKeys = { cidrs: [{ key: 'CidrIp', list: false }, { key: 'CidrIpv6', list: false }], protocol: 'IpProtocol', from: 'FromPort', to: 'ToPort' };
export const TF_KEYS: IngressKeys = { cidrs: [{ key: 'cidr_blocks', list: true }, { key: 'ipv6_cidr_blocks', list: true }], protocol: 'protocol', from: 'from_port', to: 'to_port' };
export const TF_VPC_RULE_KEYS: IngressKeys = { cidrs: [{ key: 'cidr_ipv4', list: false }, { key: 'cidr_ipv6', list: false }], protocol: 'ip_protocol', from: 'from_port', to: 'to_port' };

export interface WorldIngressCheck {
  /** Which exposure a protocol and port range give ("SSH (port 22) is"), or undefined for none; absent keys are undefined. */
  readonly exposed: (protocol: string | undefined, from: string | undefined, to: string | undefined) => string | undefined;
  /** Ends the message. */
  readonly advice: string;
  /** The rule's fix for the flagged range (a CIDR parameter or variable). */
  readonly fixId?: string;
}

/**
 * Every world range (a /0 block in any spelling: 0.0.0.0/0, ::/0, ::0/0...) an inbound rule opens to the exposure `check.exposed` names. Protocol,
 * ports and range are judged together on each consistent way the rule may turn out (branches()): a port that
 * is exposed only on one branch of an undecided condition, or for a non-default parameter value, is "depends";
 * a protocol, port or range that cannot be read where the others would expose the rule makes it unknown, never closed.
 */
export function worldIngress(rule: MapNode, via: readonly string[], resolver: ValueResolver, keys: IngressKeys, check: WorldIngressCheck): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  let unknown: string | undefined;
  for (const { key, list } of keys.cidrs) {
    // A range key absent on every branch (CidrIpv6 beside CidrIp) decides nothing: its branches are not worked out.
    if (resolver.lookup(rule, [key], via).every((candidate) => candidate.node === undefined)) continue;
    let gap: { message: string; range: OffsetRange; certain: boolean } | undefined;
    for (const branch of branches(resolver, rule, [[keys.protocol], [keys.from], [keys.to], list ? [key, '[]'] : [key]], via)) {
      const [protocol, from, to, cidr] = branch.values;
      if (cidr.value === undefined && cidr.unknown === undefined) continue;
      if (cidr.value !== undefined && !isWorldCidr(cidr.value)) continue;
      const exposed = check.exposed(protocol.value, from.value, to.value);
      if (exposed === undefined) {
        const unread = ([[keys.protocol, protocol], [keys.from, from], [keys.to, to]] as const).find(([, value]) => value.unknown !== undefined);
        if (unread && cidr.value !== undefined) unknown ??= `${key} opens the rule to the internet, and ${unread[0]} is ${unread[1].unknown ?? ''}${describeVia(branch.via)}`;
        continue;
      }
      if (cidr.value === undefined) {
        unknown ??= `${key} is ${cidr.unknown ?? ''}${describeVia(branch.via)}, so whether the rule opens these ports to the internet cannot be known`;
        continue;
      }
      if (!cidr.range || gap?.certain) continue;
      gap = { message: `${exposed} open to the internet: ${key} ${list ? 'contains' : 'is'} ${quote(cidr.value)}${describeVia(branch.via)}. ${check.advice}`, range: cidr.range, certain: branch.certain };
    }
    const fix = check.fixId ? { fixId: check.fixId } : {};
    if (gap) outcomes.push(gap.certain ? { kind: 'finding', message: gap.message, range: gap.range, ...fix } : { kind: 'depends', message: `Depends on the deployment: ${gap.message}`, range: gap.range, ...fix });
  }
  if (outcomes.length > 0) return outcomes;
  if (unknown) return [{ kind: 'unknown', reason: `${unknown}.` }];
  return outcomes;
}

/**
 * Which administrative exposure a protocol and port range give ("SSH (port 22) is", "All ports are"), or
 * undefined for none; shared with network ACL entries (nacl-no-world-admin-ports).
 */
export function portExposure(protocol: string | undefined, fromText: string | undefined, toText: string | undefined): string | undefined {
  if (protocol === '-1' || protocol === 'all' || protocol === '-1.0') return 'All ports are';
  if (protocol !== undefined && !['tcp', '6', 'udp', '17'].includes(protocol.toLowerCase())) return undefined;
  const from = Number(fromText);
  const to = Number(toText);
  if (fromText === undefined || toText === undefined || !Number.isFinite(from) || !Number.isFinite(to)) return undefined;
  if (from === -1 || (from <= 0 && to >= 65535)) return 'All ports are';
  const hits = ADMIN_PORTS.filter(([port]) => from <= port && port <= to).map(([, label]) => label);
  if (hits.length === 0) return undefined;
  return `${hits.join(' and ')} ${hits.length > 1 ? 'are' : 'is'}`;
}

/** One value a key of a rule may take on one branch: `value` undefined when absent there, `unknown` when unreadable. */
export interface BranchValue {
  readonly value?: string;
  readonly unknown?: string;
  readonly range?: OffsetRange;
}

/** One consistent way several keys of a rule turn out together, with the branch it holds on. */
export interface Branch {
  readonly values: readonly BranchValue[];
  readonly via: readonly string[];
  /** No undecided condition and no non-default parameter value leads here. */
  readonly certain: boolean;
}

/**
 * Every way the keys at `paths` (from `start`) may turn out together, through conditions and parameters; a
 * combination that takes both branches of one condition is left out. Used where a judgement needs several
 * keys at once (protocol, ports and range), so that each is judged on the branch it holds on.
 */
export function branches(resolver: ValueResolver, start: ValueNode, paths: readonly (readonly string[])[], via: readonly string[] = []): Branch[] {
  let combos: { values: BranchValue[]; via: readonly string[]; nonDefault: boolean }[] = [{ values: [], via, nonDefault: false }];
  for (const path of paths) {
    combos = combos.flatMap((combo) => resolver.lookup(start, path, combo.via).flatMap((candidate) => {
      if (!candidate.node) return [{ values: [...combo.values, {}], via: candidate.via, nonDefault: combo.nonDefault }];
      const range = candidate.node.range;
      return resolver.scalars(candidate.node, candidate.via).map((resolved) => ({
        values: [...combo.values, resolved.known ? { value: String(resolved.value), range } : { unknown: resolved.description, range }],
        via: resolved.via,
        nonDefault: combo.nonDefault || (resolved.known && resolved.fromParameter !== undefined && !resolved.fromParameter.isDefault),
      }));
    }).filter((next) => consistent(next.via)));
  }
  return combos.map((combo) => ({ values: combo.values, via: [...new Set(combo.via)], certain: !combo.nonDefault && !combo.via.some(isConditionalStep) }));
}

/** False when a provenance takes both branches of one condition. */
function consistent(via: readonly string[]): boolean {
  return compatible(via, via);
}
