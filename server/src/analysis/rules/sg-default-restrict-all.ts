// Terraform only: aws_default_security_group adopts the VPC's default security group; it should keep no
// ingress and no egress rules so that nothing relies on it. CloudFormation cannot manage the default group.
import { settingMeta } from './support';
import type { RuleOutcome, Rule } from './support';

export const sgDefaultRestrictAll: Rule = {
  meta: settingMeta('sg-default-restrict-all', []),
  terraform: {
    check(resource, context) {
      const outcomes: RuleOutcome[] = [];
      let unknown: string | undefined;
      for (const entry of resource.body.entries) {
        if ((entry.key !== 'ingress' && entry.key !== 'egress') || !entry.value) continue;
        // `ingress = []` keeps no rules; an expression may or may not hold some.
        const rules = context.resolver.lookup(resource.body, [entry.key, '[]']).filter((candidate) => candidate.node !== undefined);
        if (rules.length === 0) continue;
        if (rules.every((candidate) => candidate.node?.kind !== 'map')) {
          unknown ??= `${entry.key} is an expression whose rules cannot be read here`;
          continue;
        }
        outcomes.push({
          kind: 'finding',
          message: `${resource.address} keeps ${entry.key} rules on the VPC's default security group: every instance launched without a group gets them; remove the ${entry.key} blocks and use purpose-made groups.`,
          range: entry.keyRange,
        });
      }
      if (outcomes.length > 0) return outcomes;
      return unknown ? [{ kind: 'unknown', reason: unknown }] : [{ kind: 'addressed', detail: 'The default security group has no ingress or egress rules.' }];
    },
  },
};
