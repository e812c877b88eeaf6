// Terraform only: EMR block public access is an account-level setting per Region
// (aws_emr_block_public_access_configuration); CloudFormation has no resource for it. AWS turns it on for new
// accounts, so only a configuration that turns it off is a gap; ports other than 22 left open are reported too.
import { settingMeta, isTrue, judgeSetting } from './support';
import type { RuleOutcome, Rule } from './support';

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
      // One block is a mapping, repeated blocks a list of them.
      const ranges = context.resolver.lookup(resource.body, ['permitted_public_security_group_rule_range'])
        .flatMap((candidate) => (candidate.node?.kind === 'seq' ? candidate.node.items : candidate.node ? [candidate.node] : []));
      let unreadable: string | undefined;
      for (const range of ranges) {
        if (range.kind !== 'map') {
          unreadable ??= 'permitted_public_security_group_rule_range cannot be read as a block';
          continue;
        }
        const [from, to] = ['min_range', 'max_range'].map((key) => {
          const node = range.entries.find((entry) => entry.key === key)?.value;
          const values = node ? context.resolver.scalars(node) : [];
          return values.length === 1 && values[0].known ? Number(values[0].value) : undefined;
        });
        if (from === undefined || to === undefined) {
          unreadable ??= 'a permitted_public_security_group_rule_range has a port that cannot be read';
          continue;
        }
        if (from === 22 && to === 22) continue;
        outcomes.push({
          kind: 'finding',
          range: range.range,
          message: `permitted_public_security_group_rule_range allows ports ${from}-${to} to be opened to the world: keep the exception to port 22, or none.`,
        });
      }
      if (outcomes.some((outcome) => outcome.kind === 'finding')) return outcomes.filter((outcome) => outcome.kind === 'finding');
      // Blocking is on, but an exception we cannot read may open any port: not addressed.
      if (unreadable && outcomes.some((outcome) => outcome.kind === 'addressed')) return [{ kind: 'unknown', reason: unreadable }];
      return outcomes;
    },
  },
  fixes: {
    'block-emr-public-access': {
      title: 'Set block_public_security_group_rules = true',
      path: [],
      value: true,
      safety: 'safe',
      terraform: { title: 'Set block_public_security_group_rules = true', path: ['block_public_security_group_rules'], value: true },
    },
  },
};
