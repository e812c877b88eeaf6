// A topic policy that allows Principal '*' without a condition limiting who opens the topic to anyone.
import { inlineOrStandalone, policyOnTargets, publicPolicyRule, settingMeta } from './support';

export const snsPolicyNotPublic = publicPolicyRule({
  meta: settingMeta('sns-policy-not-public', ['AWS::SNS::TopicPolicy'], { terraform: ['aws_sns_topic_policy', 'aws_sns_topic'] }),
  consequence: 'any AWS account can publish to or subscribe to the topic as the actions allow; name the publishing service and add aws:SourceArn or aws:SourceAccount.',
  cloudformation: { document: 'PolicyDocument', policy: policyOnTargets('topic', 'Topics', 'topic') },
  terraform: inlineOrStandalone('aws_sns_topic', 'topic', 'topic', 'aws_sns_topic_policy'),
});
