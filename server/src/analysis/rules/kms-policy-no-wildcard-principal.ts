// A key policy that allows Principal '*' without a condition limiting who lets any AWS account use the key.
import { POLICY_REQUIRED, publicPolicyRule, settingMeta } from './support';

const DEFAULT_POLICY = 'the default key policy gives the account root access only.';

export const kmsPolicyNoWildcardPrincipal = publicPolicyRule({
  meta: settingMeta('kms-policy-no-wildcard-principal', ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey'], { terraform: ['aws_kms_key', 'aws_kms_key_policy', 'aws_kms_replica_key'] }),
  consequence: 'any AWS account can use or manage the key as the actions allow, and so decrypt what it protects; name the accounts or add kms:CallerAccount or aws:PrincipalOrgID.',
  cloudformation: {
    document: 'KeyPolicy',
    policy: (resource) => `key policy of key ${resource.id}`,
    absent: () => ({ kind: 'addressed', detail: `No KeyPolicy: ${DEFAULT_POLICY}` }),
  },
  terraform: {
    policy: (resource) => `key policy of ${resource.address}`,
    absent: (resource) => (resource.type === 'aws_kms_key' ? { kind: 'addressed', detail: `No policy: ${DEFAULT_POLICY}` } : POLICY_REQUIRED),
  },
});
