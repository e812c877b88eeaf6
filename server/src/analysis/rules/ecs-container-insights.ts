// ECS Container Insights (FSBP ECS.12): ClusterSettings [{Name: containerInsights, Value: enabled|enhanced}];
// Terraform setting { name = "containerInsights" value = ... }. A cluster that does not say it follows the
// account-level default (ECS account setting containerInsights), which the code cannot see: an absent setting
// is a "depends", an explicit 'disabled' a finding.
import { settingRule, guardShapes } from './support';
import type { RuleOutcome, Rule } from './support';

const base = guardShapes(settingRule({
  setting: 'ecs-container-insights',
  cloudformation: {
    compliant: { oneOf: ['enabled', 'enhanced'] },
    consequence: 'no container-level metrics or performance logs are collected for the cluster.',
    whenMissing: 'Container Insights is off unless the account default turns it on, so no container-level metrics are collected.',
  },
  // setting { name = "containerInsights" value = ... } takes the API's values, spelt the same (AWS provider,
  // aws_ecs_cluster: enhanced, enabled, disabled).
  terraform: { compliant: { oneOf: ['enabled', 'enhanced'] } },
}), { cloudformation: ['ClusterSettings[].Value'], terraform: ['setting.value'] });

/** The missing setting is decided by the account default, outside the code. */
function absentDepends(outcomes: RuleOutcome[]): RuleOutcome[] {
  return outcomes.map((outcome) => (outcome.kind === 'finding' && outcome.message.includes(' is not set')
    ? { kind: 'depends', message: `Depends on the deployment: ${outcome.message}`, range: outcome.range, ...(outcome.fixId ? { fixId: outcome.fixId } : {}), ...(outcome.evidence ? { evidence: outcome.evidence } : {}) }
    : outcome));
}

const FIX_ID = 'enable-container-insights';

/** The fix goes on every gap: the writer sets the containerInsights entry's value, or appends the entry. */
function withFix(outcomes: RuleOutcome[]): RuleOutcome[] {
  return outcomes.map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends' ? { ...outcome, fixId: FIX_ID } : outcome));
}

export const ecsContainerInsights: Rule = {
  ...base,
  // AWS::ECS::Cluster ClusterSettings [{ Name: containerInsights, Value: enabled }] (Update requires: No
  // interruption); aws_ecs_cluster setting { name = "containerInsights", value = "enabled" }, updated in place.
  fixes: {
    [FIX_ID]: {
      title: 'Set ClusterSettings containerInsights = enabled',
      path: [],
      value: 'enabled',
      safety: 'safe',
      operations: [{ op: 'append', list: ['ClusterSettings'], items: [{ Name: 'containerInsights', Value: 'enabled' }], match: 'Name' }],
      terraform: { title: 'Set setting containerInsights = "enabled"', path: [], value: 'enabled', operations: [{ op: 'append', list: ['setting'], items: [{ name: 'containerInsights', value: 'enabled' }], match: 'name' }] },
    },
  },
  cloudformation: { check: (resource, context) => withFix(absentDepends(base.cloudformation?.check(resource, context) ?? [])) },
  terraform: { check: (resource, context) => withFix(absentDepends(base.terraform?.check(resource, context) ?? [])) },
};
