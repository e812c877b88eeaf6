// Terraform only: EMR block public access is an account-level setting per Region
// (aws_emr_block_public_access_configuration); CloudFormation has no resource for it. AWS turns it on for new
// accounts, so only a configuration that turns it off is a gap; ports other than 22 left open are reported too.
import { settingMeta } from '../policy';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';
import { isTrue, judgeSetting } from './setting';

export const emrBlockPublicAccess: Rule = {
  meta: settingMeta('emr-block-public-access', []),
  terraform: {
    check(resource, context) {
      const outcomes: RuleOutcome[] = judgeSetting(resource.body, resource.anchor, context.resolver, {
        path: ['block_public_security_group_rules'],
        isCompliant: isTrue,
        absent: { kind: 'missed', message: 'the argument is required; without it the configuration cannot be applied.' },
        consequence: 'EMR clusters may start with security groups that allow inbound traffic from anywhere, exposing the primary node.',
        fixId: 'block-emr-public-access',
      });
      // Exceptions beyond SSH widen what may be open to the world.
      for (const candidate of context.resolver.lookup(resource.body, ['permitted_public_security_group_rule_range'])) {
        if (!candidate.node || candidate.node.kind !== 'map') continue;
        const [from, to] = ['min_range', 'max_range'].map((key) => {
          const node = candidate.node?.kind === 'map' ? candidate.node.entries.find((entry) => entry.key === key)?.value : undefined;
          const values = node ? context.resolver.scalars(node) : [];
          return values.length === 1 && values[0].known ? Number(values[0].value) : undefined;
        });
        if (from === undefined || to === undefined || (from === 22 && to === 22)) continue;
        outcomes.push({
          kind: 'finding',
          range: candidate.node.range,
          message: `permitted_public_security_group_rule_range allows ports ${from}-${to} to be opened to the world: keep the exception to port 22, or none.`,
        });
      }
      return outcomes.some((outcome) => outcome.kind === 'finding') ? outcomes.filter((outcome) => outcome.kind === 'finding') : outcomes;
    },
  },
  fixes: {
    'block-emr-public-access': {
      title: 'Set block_public_security_group_rules = true',
      path: [],
      value: true,
      terraform: { title: 'Set block_public_security_group_rules = true', path: ['block_public_security_group_rules'], value: true },
    },
  },
};
