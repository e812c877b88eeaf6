// Secret rotation is a split setting: an AWS::SecretsManager::RotationSchedule points at the secret (SecretId).
// A secret is checked for a schedule in the same template; a schedule is checked for its interval (<= 90 days).
import { refersTo } from '../cloudformation/references';
import type { CfnResource } from '../cloudformation/template';
import type { CfnRuleContext } from '../cloudformation/context';
import { mapEntry } from '../cloudformation/template';
import type { ValueResolver } from '../resolution';
import type { OffsetRange, ScalarValue, ValueNode } from '../types';
import { judgeSetting, settingRule } from './support';
import type { RuleOutcome, Rule } from './support';

const MAX_DAYS = 90;
const SCHEDULE = 'AWS::SecretsManager::RotationSchedule';

const base = settingRule({
  setting: 'secret-rotation',
  cloudformation: {
    types: ['AWS::SecretsManager::Secret', SCHEDULE],
    compliant: { atMost: MAX_DAYS },
    consequence: 'the secret is never rotated.',
  },
});

const TF_ROTATION = 'aws_secretsmanager_secret_rotation';

export const secretRotation: Rule = {
  ...base,
  meta: { ...base.meta, resourceTypes: { ...base.meta.resourceTypes, terraform: ['aws_secretsmanager_secret', TF_ROTATION] } },
  cloudformation: {
    check(resource, context) {
      return resource.type === SCHEDULE ? checkSchedule(resource, context) : checkSecret(resource, context);
    },
  },
  // The same reading as CloudFormation: a secret needs a rotation resource of the module pointing at it
  // (secret_id); a rotation resource is judged on its interval (automatically_after_days or schedule_expression).
  terraform: {
    check(resource, context) {
      if (resource.type === TF_ROTATION) {
        return judgeInterval(resource.body, resource.anchor, context.resolver, ['rotation_rules', 'automatically_after_days'], ['rotation_rules', 'schedule_expression']);
      }
      const rotation = context.linked(resource, TF_ROTATION, 'secret_id')[0];
      if (rotation) return [{ kind: 'addressed', detail: `Rotated by ${rotation.address}.` }];
      return [{
        kind: 'finding',
        message: `no ${TF_ROTATION} in this module rotates the secret: a leaked value stays valid until someone changes it by hand.`,
        range: resource.anchor,
      }];
    },
  },
};

/** Rotation at most every MAX_DAYS days, by a number of days or a schedule expression (both formats). */
function judgeInterval(start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, daysPath: readonly string[], expressionPath: readonly string[]): RuleOutcome[] {
  const days = judgeSetting(start, anchor, resolver, {
    path: daysPath,
    isCompliant: (value) => Number(value) <= MAX_DAYS,
    absent: { kind: 'compliant', detail: `No ${daysPath.join('.')} (a schedule expression is used).` },
    consequence: `the secret stays the same for longer than ${MAX_DAYS} days.`,
  });
  const expression = judgeSetting(start, anchor, resolver, {
    path: expressionPath,
    isCompliant: scheduleWithinLimit,
    absent: { kind: 'compliant', detail: `No ${expressionPath.join('.')}.` },
    consequence: `the secret stays the same for longer than ${MAX_DAYS} days.`,
  });
  const problems = [...days, ...expression].filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
  if (problems.length > 0) return problems;
  const unknown = [...days, ...expression].find((outcome) => outcome.kind === 'unknown');
  return unknown ? [unknown] : [{ kind: 'addressed', detail: `Rotation is scheduled at most every ${MAX_DAYS} days.` }];
}

function scheduleWithinLimit(value: ScalarValue): boolean {
  const rate = /^rate\(\s*(\d+)\s+days?\s*\)$/i.exec(String(value).trim());
  return !rate || Number(rate[1]) <= MAX_DAYS;
}

function checkSecret(secret: CfnResource, context: CfnRuleContext): RuleOutcome[] {
  const schedule = context.resourcesOfType(SCHEDULE).find((candidate) => refersTo(mapEntry(candidate.properties, 'SecretId'), secret.id));
  if (schedule) return [{ kind: 'addressed', detail: `Rotated by ${schedule.id}.` }];
  return [{
    kind: 'finding',
    message: `no ${SCHEDULE} in this template rotates the secret: a leaked value stays valid until someone changes it by hand.`,
    range: secret.idRange,
  }];
}

function checkSchedule(schedule: CfnResource, context: CfnRuleContext): RuleOutcome[] {
  return judgeInterval(schedule.properties, schedule.idRange, context.resolver, ['RotationRules', 'AutomaticallyAfterDays'], ['RotationRules', 'ScheduleExpression']);
}
