import { settingRule, cfnEnvironment, ebOptionFix, findOption, judgeOption, tfEnvironment, withFixId } from './support';
import type { Rule, EbEnvironment } from './support';

const base = settingRule({ setting: 'eb-stream-logs', cloudformation: { compliant: { present: true }, consequence: '' } });

/** Both formats: aws:elasticbeanstalk:cloudwatch:logs StreamLogs must be true. */
function streamLogs(environment: EbEnvironment) {
  return withFixId(judgeOption(environment, findOption(environment, 'aws:elasticbeanstalk:cloudwatch:logs', 'StreamLogs'),
    (value) => value.toLowerCase() === 'true',
    'instance logs stay on the instances and are lost when they are replaced, leaving no trail for investigations.',
    'aws:elasticbeanstalk:cloudwatch:logs StreamLogs is not set: instance logs stay on the instances and are lost when they are replaced, leaving no trail for investigations.'), FIX_ID);
}

const FIX_ID = 'stream-logs';

export const ebStreamLogs: Rule = {
  meta: { ...base.meta, resourceTypes: { cloudformation: base.meta.resourceTypes.cloudformation, terraform: ['aws_elastic_beanstalk_environment'] } },
  // StreamLogs is a Boolean option of aws:elasticbeanstalk:cloudwatch:logs (Elastic Beanstalk general options);
  // changing options updates the environment in place.
  fixes: { [FIX_ID]: ebOptionFix('Set aws:elasticbeanstalk:cloudwatch:logs StreamLogs = true', [{ namespace: 'aws:elasticbeanstalk:cloudwatch:logs', name: 'StreamLogs', value: 'true' }]) },
  cloudformation: { check: (resource, context) => streamLogs(cfnEnvironment(resource, context)) },
  terraform: { check: (resource, context) => streamLogs(tfEnvironment(resource, context)) },
};
