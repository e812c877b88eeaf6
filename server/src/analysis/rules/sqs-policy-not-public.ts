// A queue policy that allows Principal '*' without a condition limiting who opens the queue to anyone.
import { inlineOrStandalone, policyOnTargets, publicPolicyRule, settingMeta } from './support';

export const sqsPolicyNotPublic = publicPolicyRule({
  meta: settingMeta('sqs-policy-not-public', ['AWS::SQS::QueuePolicy'], { terraform: ['aws_sqs_queue_policy', 'aws_sqs_queue'] }),
  consequence: 'any AWS account can send, read or delete messages as the actions allow; name the sending service and add aws:SourceArn or aws:SourceAccount.',
  cloudformation: { document: 'PolicyDocument', policy: policyOnTargets('queue', 'Queues', 'queue') },
  terraform: inlineOrStandalone('aws_sqs_queue', 'queue', 'queue', 'aws_sqs_queue_policy'),
});
