// A role trust policy that allows Principal '*' without a condition lets anyone with an AWS account assume the role.
import { mapEntry } from '../cloudformation/model';
import { noPublicGrant, publicPrincipalOutcomes, readPolicyDocuments, settingMeta } from '../policy';
import type { Rule } from './rule';

export const iamRoleTrustNotPublic: Rule = {
  meta: settingMeta('iam-role-trust-not-public', ['AWS::IAM::Role', 'AWS::Serverless::Function']),
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
        consequence: 'anyone with an AWS account can assume the role and act with its permissions; name the trusted accounts, services or identity provider.',
      });
      return outcomes.length > 0 ? outcomes : [noPublicGrant(policy, documents)];
    },
  },
};
