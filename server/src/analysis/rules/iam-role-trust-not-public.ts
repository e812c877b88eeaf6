// A role trust policy that allows Principal '*' without a condition lets anyone with an AWS account assume the role.
import { publicPolicyRule, settingMeta } from './support';

export const iamRoleTrustNotPublic = publicPolicyRule({
  meta: settingMeta('iam-role-trust-not-public', ['AWS::IAM::Role', 'AWS::Serverless::Function'], { terraform: ['aws_iam_role'] }),
  consequence: 'anyone with an AWS account can assume the role and act with its permissions; name the trusted accounts, services or identity provider.',
  cloudformation: {
    document: 'AssumeRolePolicyDocument',
    policy: (resource) => `trust policy of role ${resource.id}`,
    absent: (resource) => (resource.type === 'AWS::IAM::Role'
      ? { kind: 'not-applicable', detail: 'AssumeRolePolicyDocument is required.' }
      : { kind: 'addressed', detail: 'SAM writes a trust policy for the Lambda service only.' }),
  },
  terraform: {
    argument: 'assume_role_policy',
    policy: (resource) => `trust policy of role ${resource.address}`,
    absent: () => ({ kind: 'not-applicable', detail: 'assume_role_policy is required.' }),
  },
});
