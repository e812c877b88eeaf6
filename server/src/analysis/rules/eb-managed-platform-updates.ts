// Elastic Beanstalk managed platform updates: option entries read by support/elasticBeanstalk.ts.
import { settingRule, cfnEnvironment, findOption, judgeOption, tfEnvironment, unreadableOptions } from './support';
import type { RuleOutcome, Rule, EbEnvironment } from './support';

const base = settingRule({ setting: 'eb-managed-platform-updates', cloudformation: { compliant: { present: true }, consequence: '' } });

/** Both formats: managed actions on, with an UpdateLevel of minor or patch. */
function managedUpdates(environment: EbEnvironment): RuleOutcome[] {
  const enabled = findOption(environment, 'aws:elasticbeanstalk:managedactions', 'ManagedActionsEnabled');
  const outcomes = judgeOption(environment, enabled, (value) => value.toLowerCase() === 'true',
    'the platform (OS, runtime, web server) is not patched automatically in a maintenance window.',
    'aws:elasticbeanstalk:managedactions ManagedActionsEnabled is not set: the platform (OS, runtime, web server) is not patched automatically; turn on managed actions with an UpdateLevel of minor or patch.');
  if (outcomes.some((outcome) => outcome.kind !== 'addressed')) return outcomes;
  const level = findOption(environment, 'aws:elasticbeanstalk:managedactions:platformupdate', 'UpdateLevel');
  const noLevel = 'aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel is not set: managed actions are on, but without an UpdateLevel no platform update is applied.';
  if (level.every((entry) => entry.missingVia)) {
    const unreadable = unreadableOptions(environment);
    if (unreadable) return [{ kind: 'unknown', reason: unreadable }];
    return [{ kind: 'finding', message: noLevel, range: environment.anchor }];
  }
  return judgeOption(environment, level, (value) => ['minor', 'patch'].includes(value.toLowerCase()),
    'no platform update is applied.', noLevel);
}

export const ebManagedPlatformUpdates: Rule = {
  meta: { ...base.meta, resourceTypes: { cloudformation: base.meta.resourceTypes.cloudformation, terraform: ['aws_elastic_beanstalk_environment'] } },
  cloudformation: { check: (resource, context) => managedUpdates(cfnEnvironment(resource, context)) },
  terraform: { check: (resource, context) => managedUpdates(tfEnvironment(resource, context)) },
};
