// Network ACL entries that allow SSH or RDP (or everything) in from the whole internet (Security Hub EC2.21).
import type { CfnRuleContext } from '../cloudformation/model';
import { mapEntry } from '../cloudformation/model';
import { quote } from '../cloudformation/resolve';
import type { ValueNode } from '../types';
import type { Rule } from './rule';
import { isTrue } from './setting';
import { settingRule } from './settingRule';

const WORLD = new Set(['0.0.0.0/0', '::/0']);
const base = settingRule({ setting: 'nacl-no-world-admin-ports', cloudformation: { compliant: { present: true }, consequence: '' } });

export const naclNoWorldAdminPorts: Rule = {
  // No Terraform reading yet, so no Terraform types: aws_network_acl_rule (a split resource) and inline ingress blocks; not written yet.
  meta: { ...base.meta, resourceTypes: { ...base.meta.resourceTypes, terraform: [] } },
  cloudformation: {
    check(resource, context) {
      const properties = resource.properties;
      const egress = single(mapEntry(properties, 'Egress'), context);
      if (egress !== undefined && isTrue(egress)) return [{ kind: 'not-applicable', detail: 'An outbound entry.' }];
      const action = single(mapEntry(properties, 'RuleAction'), context);
      if (action?.toLowerCase() !== 'allow') return [{ kind: 'addressed', detail: 'The entry does not allow traffic.' }];
      const protocol = single(mapEntry(properties, 'Protocol'), context);
      let exposed: string | undefined;
      if (protocol === '-1') exposed = 'All ports are';
      else if (protocol === '6' || protocol === '17') {
        const range = mapEntry(properties, 'PortRange');
        const from = Number(single(mapEntry(range?.kind === 'map' ? range : undefined, 'From'), context));
        const to = Number(single(mapEntry(range?.kind === 'map' ? range : undefined, 'To'), context));
        if (Number.isFinite(from) && Number.isFinite(to)) {
          const hits = [[22, 'SSH (port 22)'], [3389, 'RDP (port 3389)']].filter(([port]) => from <= Number(port) && Number(port) <= to).map(([, label]) => label);
          if (hits.length > 0) exposed = `${hits.join(' and ')} ${hits.length > 1 ? 'are' : 'is'}`;
        }
      }
      if (!exposed) return [{ kind: 'addressed', detail: 'The entry does not allow SSH or RDP.' }];
      for (const key of ['CidrBlock', 'Ipv6CidrBlock']) {
        const node = mapEntry(properties, key);
        const value = single(node, context);
        if (node && value && WORLD.has(value)) {
          return [{ kind: 'finding', message: `${exposed} allowed in from the internet by this network ACL entry: ${key} is ${quote(value)}. Allow remote administration only from known address ranges.`, range: node.range }];
        }
      }
      return [{ kind: 'addressed', detail: 'The entry is limited to known address ranges.' }];
    },
  },
};

function single(node: ValueNode | undefined, context: CfnRuleContext): string | undefined {
  if (!node) return undefined;
  const resolved = context.resolver.scalars(node);
  return resolved.length > 0 && resolved[0].known ? String(resolved[0].value) : undefined;
}
