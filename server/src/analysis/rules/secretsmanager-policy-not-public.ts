// A secret's resource policy that allows Principal '*' without a condition limiting who lets any AWS account
// read the secret. No knowledge-base setting covers it yet; the metadata is written here.
import { mapEntry } from '../cloudformation/model';
import { describeTargets, linkTargets, noPublicGrant, publicPrincipalOutcomes, readPolicyDocuments, terraformPublicPolicy } from '../policy';
import { getItem } from '../knowledge';
import { docsUrl, references } from './references';
import type { Rule } from './rule';

const CONSEQUENCE = 'any AWS account can read the secret as the actions allow; name the accounts or add aws:PrincipalOrgID. Keep BlockPublicPolicy true.';

const id = 'secretsmanager-policy-not-public';

export const secretsManagerPolicyNotPublic: Rule = {
  meta: {
    id,
    item: 'public-access',
    title: 'Keep the secret\'s resource policy non-public',
    severity: 'error',
    rationale: getItem('public-access')?.why ?? '',
    awsDefault: { summary: 'Without a resource policy only identities of the account with IAM permissions can read the secret.' },
    references: references({ checkov: [], fsbp: [], trivy: [], cfnNag: [] }),
    docsUrl: docsUrl(id),
    resourceTypes: { cloudformation: ['AWS::SecretsManager::ResourcePolicy'], terraform: ['aws_secretsmanager_secret_policy', 'aws_secretsmanager_secret'] },
  },
  cloudformation: {
    check(resource, context) {
      const policy = `resource policy ${resource.id} on ${describeTargets(linkTargets(mapEntry(resource.properties, 'SecretId'), context), 'secret')}`;
      const documents = readPolicyDocuments(mapEntry(resource.properties, 'ResourcePolicy'), context.resolver);
      const outcomes = publicPrincipalOutcomes(documents, {
        policy,
        consequence: CONSEQUENCE,
      });
      return outcomes.length > 0 ? outcomes : [noPublicGrant(policy, documents)];
    },
  },
  terraform: {
    check(resource, context) {
      const inline = resource.type === 'aws_secretsmanager_secret';
      return terraformPublicPolicy(resource, context, 'policy', { policy: inline ? `resource policy of secret ${resource.address}` : `resource policy ${resource.address}`, consequence: CONSEQUENCE },
        inline ? { kind: 'not-applicable', detail: 'No inline policy (an aws_secretsmanager_secret_policy is checked on its own).' } : { kind: 'not-applicable', detail: 'policy is required.' });
    },
  },
};
