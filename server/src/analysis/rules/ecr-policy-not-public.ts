// A repository policy that allows Principal '*' without a condition limiting who lets any AWS account pull
// (or push, as the actions allow) the repository's images.
import { POLICY_REQUIRED, publicPolicyRule, settingMeta } from './support';

export const ecrPolicyNotPublic = publicPolicyRule({
  meta: settingMeta('ecr-policy-not-public', ['AWS::ECR::Repository'], { terraform: ['aws_ecr_repository_policy'] }),
  consequence: 'any AWS account can use these actions on the repository\'s images; name the accounts or add aws:PrincipalOrgID.',
  cloudformation: {
    document: 'RepositoryPolicyText',
    policy: (resource) => `repository policy of repository ${resource.id}`,
    absent: () => ({ kind: 'addressed', detail: 'No repository policy: only the account has access.' }),
  },
  terraform: { policy: (resource) => `repository policy ${resource.address}`, absent: () => POLICY_REQUIRED },
});
