// Policies attached directly to IAM users rather than to groups or roles.
import type { CfnRuleContext } from '../cloudformation/model';
import { mapEntry } from '../cloudformation/model';
import { settingMeta, tfArgument } from '../policy';
import type { ValueNode } from '../types';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';

export const iamNoUserPolicies: Rule = {
  meta: settingMeta('iam-no-user-policies', ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User'], { terraform: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment'] }),
  cloudformation: {
    check(resource, context) {
      const outcomes: RuleOutcome[] = [];
      if (resource.type === 'AWS::IAM::User') {
        for (const key of ['Policies', 'ManagedPolicyArns']) {
          const node = mapEntry(resource.properties, key);
          if (!node || isEmpty(node, context)) continue;
          outcomes.push({ kind: 'finding', message: `User ${resource.id} has ${key === 'Policies' ? 'inline policies' : 'managed policies attached'} (${key}): permissions given user by user are hard to review and revoke; put the user in a group that carries the policy.`, range: node.range });
        }
      } else {
        const users = mapEntry(resource.properties, 'Users');
        if (users && !isEmpty(users, context)) {
          outcomes.push({ kind: 'finding', message: `${resource.type === 'AWS::IAM::Policy' ? 'Policy' : 'Managed policy'} ${resource.id} is attached to users (Users): permissions given user by user are hard to review and revoke; attach it to a group or role instead.`, range: users.range });
        }
      }
      return outcomes.length > 0 ? outcomes : [{ kind: 'addressed', detail: resource.type === 'AWS::IAM::User' ? 'The user has no policies of its own.' : 'The policy is not attached to users.' }];
    },
  },
  terraform: {
    check(resource, context) {
      const argument = resource.type === 'aws_iam_policy_attachment' ? 'users' : 'user';
      const node = tfArgument(resource, argument);
      if (!node || isEmpty(node, context)) return [{ kind: 'addressed', detail: 'The policy is not attached to users.' }];
      const what = resource.type === 'aws_iam_user_policy' ? 'is an inline policy of a user' : 'attaches a managed policy to users';
      return [{ kind: 'finding', message: `${resource.address} ${what} (${argument}): ${ADVICE}`, range: node.range }];
    },
  },
};

const ADVICE = 'permissions given user by user are hard to review and revoke; attach the policy to a group (aws_iam_group_policy_attachment) or role instead.';

function isEmpty(node: ValueNode, context: { readonly resolver: { expand: CfnRuleContext['resolver']['expand'] } }): boolean {
  const candidates = context.resolver.expand({ node, via: [] });
  return candidates.every((candidate) => !candidate.node || (candidate.node.kind === 'seq' && candidate.node.items.length === 0));
}
