import type { Rule } from './rule';
import { settingRule } from './settingRule';
import { findOption, judgeOption } from './eb-managed-platform-updates';

const base = settingRule({ setting: 'eb-stream-logs', cloudformation: { compliant: { present: true }, consequence: '' } });

export const ebStreamLogs: Rule = {
  // No Terraform reading yet, so no Terraform types: setting { namespace name value } blocks need their own option lookup (judgeOption reads OptionSettings); not written yet.
  meta: { ...base.meta, resourceTypes: { ...base.meta.resourceTypes, terraform: [] } },
  cloudformation: {
    check(resource, context) {
      return judgeOption(resource, findOption(resource, context, 'aws:elasticbeanstalk:cloudwatch:logs', 'StreamLogs'),
        (value) => value.toLowerCase() === 'true',
        'instance logs stay on the instances and are lost when they are replaced, leaving no trail for investigations.',
        'aws:elasticbeanstalk:cloudwatch:logs StreamLogs is not set: instance logs stay on the instances and are lost when they are replaced, leaving no trail for investigations.');
    },
  },
};
