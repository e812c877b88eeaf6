// A role trust policy that allows Principal '*' without a condition lets anyone with an AWS account assume the role.
import { mapEntry } from '../cloudformation/model';
import { noPublicGrant, publicPrincipalOutcomes, readPolicyDocuments, settingMeta, terraformPublicPolicy } from '../policy';
import type { Rule } from './rule';

const CONSEQUENCE = 'anyone with an AWS account can assume the role and act with its permissions; name the trusted accounts, services or identity provider.';

export const iamRoleTrustNotPublic: Rule = {
  meta: settingMeta('iam-role-trust-not-public', ['AWS::IAM::Role', 'AWS::Serverless::Function'], { terraform: ['aws_iam_role'] }),
  cloudformation: {
    check(resource, context) {
      const trust = mapEntry(resource.properties, 'AssumeRolePolicyDocument');
      if (!trust) {
        return [{ kind: resource.type === 'AWS::IAM::Role' ? 'not-applicable' : 'addressed', detail: resource.type === 'AWS::IAM::Role' ? 'AssumeRolePolicyDocument is required.' : 'SAM writes a trust policy for the Lambda service only.' }];
      }
      const policy = `trust policy of role ${resource.id}`;
      const documents = readPolicyDocuments(trust, context.resolver);
      const outcomes = publicPrincipalOutcomes(documents, {
        policy,
        consequence: CONSEQUENCE,
      });
      return outcomes.length > 0 ? outcomes : [noPublicGrant(policy, documents)];
    },
  },
  terraform: {
    check(resource, context) {
      return terraformPublicPolicy(resource, context, 'assume_role_policy', { policy: `trust policy of role ${resource.address}`, consequence: CONSEQUENCE }, { kind: 'not-applicable', detail: 'assume_role_policy is required.' });
    },
  },
};
