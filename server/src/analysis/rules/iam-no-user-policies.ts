// Policies attached directly to IAM users rather than to groups or roles.
import type { CfnRuleContext } from '../cloudformation/context';
import { mapEntry } from '../cloudformation/template';
import { settingMeta, tfArgument } from './support';
import type { RuleOutcome, Rule } from './support';
import type { ValueNode } from '../types';

export const iamNoUserPolicies: Rule = {
  meta: settingMeta('iam-no-user-policies', ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User'], { terraform: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment'] }),
  cloudformation: {
    check(resource, context) {
      const outcomes: RuleOutcome[] = [];
      let unknown: string | undefined;
      if (resource.type === 'AWS::IAM::User') {
        for (const key of ['Policies', 'ManagedPolicyArns']) {
          const node = mapEntry(resource.properties, key);
          const given = node ? usersIn(node, context) : 'none';
          if (given === 'unknown') unknown ??= `${key} is a list that cannot be read from the template.`;
          if (!node || given !== 'some') continue;
          outcomes.push({ kind: 'finding', message: `User ${resource.id} has ${key === 'Policies' ? 'inline policies' : 'managed policies attached'} (${key}): permissions given user by user are hard to review and revoke; put the user in a group that carries the policy.`, range: node.range });
        }
      } else {
        const users = mapEntry(resource.properties, 'Users');
        const attached = users ? usersIn(users, context) : 'none';
        if (users && attached === 'some') {
          outcomes.push({ kind: 'finding', message: `${resource.type === 'AWS::IAM::Policy' ? 'Policy' : 'Managed policy'} ${resource.id} is attached to users (Users): permissions given user by user are hard to review and revoke; attach it to a group or role instead.`, range: users.range });
        } else if (attached === 'unknown') {
          return [{ kind: 'unknown', reason: 'Users is a list that cannot be read from the template.' }];
        }
      }
      if (outcomes.length > 0) return outcomes;
      if (unknown) return [{ kind: 'unknown', reason: unknown }];
      return [{ kind: 'addressed', detail: resource.type === 'AWS::IAM::User' ? 'The user has no policies of its own.' : 'The policy is not attached to users.' }];
    },
  },
  terraform: {
    check(resource, context) {
      const argument = resource.type === 'aws_iam_policy_attachment' ? 'users' : 'user';
      const node = tfArgument(resource, argument);
      const attached = node ? usersIn(node, context) : 'none';
      // user = ... always names a user; a users list we cannot read may be empty or not.
      if (attached === 'unknown' && argument === 'users') return [{ kind: 'unknown', reason: 'users is a list that cannot be read from the module.' }];
      if (!node || attached === 'none') return [{ kind: 'addressed', detail: 'The policy is not attached to users.' }];
      const what = resource.type === 'aws_iam_user_policy' ? 'is an inline policy of a user' : 'attaches a managed policy to users';
      return [{ kind: 'finding', message: `${resource.address} ${what} (${argument}): ${ADVICE}`, range: node.range }];
    },
  },
};

const ADVICE = 'permissions given user by user are hard to review and revoke; attach the policy to a group (aws_iam_group_policy_attachment) or role instead.';

/** Whether a list (users, policies) has entries: none (absent or empty), some, or unknown (not evaluated). */
function usersIn(node: ValueNode, context: { readonly resolver: { expand: CfnRuleContext['resolver']['expand'] } }): 'none' | 'some' | 'unknown' {
  const candidates = context.resolver.expand({ node, via: [] }).filter((candidate) => candidate.node !== undefined);
  if (candidates.some((candidate) => (candidate.node?.kind === 'seq' && candidate.node.items.length > 0) || candidate.node?.kind === 'scalar')) return 'some';
  return candidates.every((candidate) => candidate.node?.kind === 'seq') ? 'none' : 'unknown';
}
