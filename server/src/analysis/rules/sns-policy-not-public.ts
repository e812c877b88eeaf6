// A topic policy that allows Principal '*' without a condition limiting who opens the topic to anyone.
import { mapEntry } from '../cloudformation/model';
import { describeTargets, linkTargets, noPublicGrant, publicPrincipalOutcomes, readPolicyDocuments, settingMeta, terraformPublicPolicy } from '../policy';
import type { Rule } from './rule';

const CONSEQUENCE = 'any AWS account can publish to or subscribe to the topic as the actions allow; name the publishing service and add aws:SourceArn or aws:SourceAccount.';

export const snsPolicyNotPublic: Rule = {
  meta: settingMeta('sns-policy-not-public', ['AWS::SNS::TopicPolicy'], { terraform: ['aws_sns_topic_policy', 'aws_sns_topic'] }),
  cloudformation: {
    check(resource, context) {
      const policy = `topic policy ${resource.id} on ${describeTargets(linkTargets(mapEntry(resource.properties, 'Topics'), context), 'topic')}`;
      const documents = readPolicyDocuments(mapEntry(resource.properties, 'PolicyDocument'), context.resolver);
      const outcomes = publicPrincipalOutcomes(documents, {
        policy,
        consequence: CONSEQUENCE,
      });
      return outcomes.length > 0 ? outcomes : [noPublicGrant(policy, documents)];
    },
  },
  terraform: {
    check(resource, context) {
      const inline = resource.type === 'aws_sns_topic';
      return terraformPublicPolicy(resource, context, 'policy', { policy: inline ? `topic policy of topic ${resource.address}` : `topic policy ${resource.address}`, consequence: CONSEQUENCE },
        inline ? { kind: 'not-applicable', detail: 'No inline policy (an aws_sns_topic_policy is checked on its own).' } : { kind: 'not-applicable', detail: 'policy is required.' });
    },
  },
};
