// A secret's resource policy that allows Principal '*' without a condition limiting who lets any AWS account
// read the secret. No knowledge-base setting covers it yet; the metadata is written here.
import { inlineOrStandalone, policyOnTargets, publicPolicyRule, docsUrl, references } from './support';
import { getItem } from '../knowledge';

const id = 'secretsmanager-policy-not-public';

export const secretsManagerPolicyNotPublic = publicPolicyRule({
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
  consequence: 'any AWS account can read the secret as the actions allow; name the accounts or add aws:PrincipalOrgID. Keep BlockPublicPolicy true.',
  cloudformation: { document: 'ResourcePolicy', policy: policyOnTargets('resource', 'SecretId', 'secret') },
  terraform: {
    ...inlineOrStandalone('aws_secretsmanager_secret', 'resource', 'secret', 'aws_secretsmanager_secret_policy'),
    consequence: 'any AWS account can read the secret as the actions allow; name the accounts or add aws:PrincipalOrgID. Keep block_public_policy = true on the aws_secretsmanager_secret_policy.',
  },
});
