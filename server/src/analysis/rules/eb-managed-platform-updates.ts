// Elastic Beanstalk managed platform updates: option entries read by support/elasticBeanstalk.ts.
import { settingRule, cfnEnvironment, ebOptionFix, findOption, judgeOption, tfEnvironment, unreadableOptions, withFixId } from './support';
import type { RuleOutcome, Rule, EbEnvironment } from './support';

const FIX_ID = 'managed-updates';
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
  // aws:elasticbeanstalk:managedactions ManagedActionsEnabled (Boolean) and
  // aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel (patch | minor), the Elastic Beanstalk general
  // options; minor takes minor and patch updates, as the console does. Both are written, in the environment.
  fixes: {
    [FIX_ID]: ebOptionFix('Turn on managed platform updates (ManagedActionsEnabled = true, UpdateLevel = minor)', [
      { namespace: 'aws:elasticbeanstalk:managedactions', name: 'ManagedActionsEnabled', value: 'true' },
      { namespace: 'aws:elasticbeanstalk:managedactions:platformupdate', name: 'UpdateLevel', value: 'minor' },
    ]),
  },
  cloudformation: { check: (resource, context) => withFixId(managedUpdates(cfnEnvironment(resource, context)), FIX_ID) },
  terraform: { check: (resource, context) => withFixId(managedUpdates(tfEnvironment(resource, context)), FIX_ID) },
};
