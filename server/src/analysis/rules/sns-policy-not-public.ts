// A topic policy that allows Principal '*' without a condition limiting who opens the topic to anyone.
import { mapEntry } from '../cloudformation/model';
import { describeTargets, linkTargets, noPublicGrant, publicPrincipalOutcomes, readPolicyDocuments, settingMeta } from '../policy';
import type { Rule } from './rule';

export const snsPolicyNotPublic: Rule = {
  meta: settingMeta('sns-policy-not-public', ['AWS::SNS::TopicPolicy']),
  cloudformation: {
    check(resource, context) {
      const policy = `topic policy ${resource.id} on ${describeTargets(linkTargets(mapEntry(resource.properties, 'Topics'), context), 'topic')}`;
      const documents = readPolicyDocuments(mapEntry(resource.properties, 'PolicyDocument'), context.resolver);
      const outcomes = publicPrincipalOutcomes(documents, {
        policy,
        consequence: 'any AWS account can publish to or subscribe to the topic as the actions allow; name the publishing service and add aws:SourceArn or aws:SourceAccount.',
      });
      return outcomes.length > 0 ? outcomes : [noPublicGrant(policy, documents)];
    },
  },
};
