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

export const ecsContainerInsights: Rule = {
  ...base,
  cloudformation: { check: (resource, context) => absentDepends(base.cloudformation?.check(resource, context) ?? []) },
  terraform: { check: (resource, context) => absentDepends(base.terraform?.check(resource, context) ?? []) },
};
