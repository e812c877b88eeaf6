// A queue policy that allows Principal '*' without a condition limiting who opens the queue to anyone.
import { mapEntry } from '../cloudformation/model';
import { describeTargets, linkTargets, noPublicGrant, publicPrincipalOutcomes, readPolicyDocuments, settingMeta, terraformPublicPolicy } from '../policy';
import type { Rule } from './rule';

const CONSEQUENCE = 'any AWS account can send, read or delete messages as the actions allow; name the sending service and add aws:SourceArn or aws:SourceAccount.';

export const sqsPolicyNotPublic: Rule = {
  meta: settingMeta('sqs-policy-not-public', ['AWS::SQS::QueuePolicy'], { terraform: ['aws_sqs_queue_policy', 'aws_sqs_queue'] }),
  cloudformation: {
    check(resource, context) {
      const policy = `queue policy ${resource.id} on ${describeTargets(linkTargets(mapEntry(resource.properties, 'Queues'), context), 'queue')}`;
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
      const inline = resource.type === 'aws_sqs_queue';
      return terraformPublicPolicy(resource, context, 'policy', { policy: inline ? `queue policy of queue ${resource.address}` : `queue policy ${resource.address}`, consequence: CONSEQUENCE },
        inline ? { kind: 'not-applicable', detail: 'No inline policy (an aws_sqs_queue_policy is checked on its own).' } : { kind: 'not-applicable', detail: 'policy is required.' });
    },
  },
};
