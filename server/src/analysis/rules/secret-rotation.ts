// Secret rotation is a split setting: an AWS::SecretsManager::RotationSchedule points at the secret (SecretId).
// A secret is checked for a schedule in the same template; a schedule is checked for its interval (<= 90 days).
import { refersTo } from '../cloudformation/references';
import type { CfnResource, CfnRuleContext } from '../cloudformation/model';
import { mapEntry } from '../cloudformation/model';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';
import { checkSetting } from './setting';
import { settingRule } from './settingRule';

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

export const secretRotation: Rule = {
  ...base,
  cloudformation: {
    check(resource, context) {
      return resource.type === SCHEDULE ? checkSchedule(resource, context) : checkSecret(resource, context);
    },
  },
};

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
  const days = checkSetting(schedule, context, {
    path: ['RotationRules', 'AutomaticallyAfterDays'],
    isCompliant: (value) => Number(value) <= MAX_DAYS,
    absent: { kind: 'compliant', detail: 'No AutomaticallyAfterDays (a ScheduleExpression or the default schedule is used).' },
    consequence: `the secret stays the same for longer than ${MAX_DAYS} days.`,
  });
  const expression = checkSetting(schedule, context, {
    path: ['RotationRules', 'ScheduleExpression'],
    isCompliant: (value) => {
      const rate = /^rate\(\s*(\d+)\s+days?\s*\)$/i.exec(String(value).trim());
      return !rate || Number(rate[1]) <= MAX_DAYS;
    },
    absent: { kind: 'compliant', detail: 'No ScheduleExpression.' },
    consequence: `the secret stays the same for longer than ${MAX_DAYS} days.`,
  });
  const problems = [...days, ...expression].filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
  return problems.length > 0 ? problems : [{ kind: 'addressed', detail: `Rotation is scheduled at most every ${MAX_DAYS} days.` }];
}

