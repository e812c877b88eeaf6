import { settingRule, cfnEnvironment, findOption, judgeOption, tfEnvironment } from './support';
import type { Rule, EbEnvironment } from './support';

const base = settingRule({ setting: 'eb-stream-logs', cloudformation: { compliant: { present: true }, consequence: '' } });

/** Both formats: aws:elasticbeanstalk:cloudwatch:logs StreamLogs must be true. */
function streamLogs(environment: EbEnvironment) {
  return judgeOption(environment, findOption(environment, 'aws:elasticbeanstalk:cloudwatch:logs', 'StreamLogs'),
    (value) => value.toLowerCase() === 'true',
    'instance logs stay on the instances and are lost when they are replaced, leaving no trail for investigations.',
    'aws:elasticbeanstalk:cloudwatch:logs StreamLogs is not set: instance logs stay on the instances and are lost when they are replaced, leaving no trail for investigations.');
}

export const ebStreamLogs: Rule = {
  meta: { ...base.meta, resourceTypes: { cloudformation: base.meta.resourceTypes.cloudformation, terraform: ['aws_elastic_beanstalk_environment'] } },
  cloudformation: { check: (resource, context) => streamLogs(cfnEnvironment(resource, context)) },
  terraform: { check: (resource, context) => streamLogs(tfEnvironment(resource, context)) },
};
