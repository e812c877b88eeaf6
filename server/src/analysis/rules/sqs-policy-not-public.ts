// A queue policy that allows Principal '*' without a condition limiting who opens the queue to anyone.
import { mapEntry } from '../cloudformation/model';
import { describeTargets, linkTargets, noPublicGrant, publicPrincipalOutcomes, readPolicyDocuments, settingMeta } from '../policy';
import type { Rule } from './rule';

export const sqsPolicyNotPublic: Rule = {
  meta: settingMeta('sqs-policy-not-public', ['AWS::SQS::QueuePolicy']),
  cloudformation: {
    check(resource, context) {
      const policy = `queue policy ${resource.id} on ${describeTargets(linkTargets(mapEntry(resource.properties, 'Queues'), context), 'queue')}`;
      const documents = readPolicyDocuments(mapEntry(resource.properties, 'PolicyDocument'), context.resolver);
      const outcomes = publicPrincipalOutcomes(documents, {
        policy,
        consequence: 'any AWS account can send, read or delete messages as the actions allow; name the sending service and add aws:SourceArn or aws:SourceAccount.',
      });
      return outcomes.length > 0 ? outcomes : [noPublicGrant(policy, documents)];
    },
  },
};
