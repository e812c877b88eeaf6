// A repository policy that allows Principal '*' without a condition limiting who lets any AWS account pull
// (or push, as the actions allow) the repository's images.
import { mapEntry } from '../cloudformation/model';
import { noPublicGrant, publicPrincipalOutcomes, readPolicyDocuments, settingMeta, terraformPublicPolicy } from '../policy';
import type { Rule } from './rule';

const CONSEQUENCE = 'any AWS account can use these actions on the repository\'s images; name the accounts or add aws:PrincipalOrgID.';

export const ecrPolicyNotPublic: Rule = {
  meta: settingMeta('ecr-policy-not-public', ['AWS::ECR::Repository'], { terraform: ['aws_ecr_repository_policy'] }),
  cloudformation: {
    check(resource, context) {
      const text = mapEntry(resource.properties, 'RepositoryPolicyText');
      if (!text) return [{ kind: 'addressed', detail: 'No repository policy: only the account has access.' }];
      const policy = `repository policy of repository ${resource.id}`;
      const documents = readPolicyDocuments(text, context.resolver);
      const outcomes = publicPrincipalOutcomes(documents, {
        policy,
        consequence: CONSEQUENCE,
      });
      return outcomes.length > 0 ? outcomes : [noPublicGrant(policy, documents)];
    },
  },
  terraform: {
    check(resource, context) {
      return terraformPublicPolicy(resource, context, 'policy', { policy: `repository policy ${resource.address}`, consequence: CONSEQUENCE }, { kind: 'not-applicable', detail: 'policy is required.' });
    },
  },
};
