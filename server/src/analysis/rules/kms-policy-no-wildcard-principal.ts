// A key policy that allows Principal '*' without a condition limiting who lets any AWS account use the key.
import { mapEntry } from '../cloudformation/model';
import { noPublicGrant, publicPrincipalOutcomes, readPolicyDocuments, settingMeta, terraformPublicPolicy } from '../policy';
import type { Rule } from './rule';

const CONSEQUENCE = 'any AWS account can use or manage the key as the actions allow, and so decrypt what it protects; name the accounts or add kms:CallerAccount or aws:PrincipalOrgID.';

export const kmsPolicyNoWildcardPrincipal: Rule = {
  meta: settingMeta('kms-policy-no-wildcard-principal', ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey'], { terraform: ['aws_kms_key', 'aws_kms_key_policy', 'aws_kms_replica_key'] }),
  cloudformation: {
    check(resource, context) {
      const keyPolicy = mapEntry(resource.properties, 'KeyPolicy');
      if (!keyPolicy) return [{ kind: 'addressed', detail: 'No KeyPolicy: the default key policy gives the account root access only.' }];
      const policy = `key policy of key ${resource.id}`;
      const documents = readPolicyDocuments(keyPolicy, context.resolver);
      const outcomes = publicPrincipalOutcomes(documents, {
        policy,
        consequence: CONSEQUENCE,
      });
      return outcomes.length > 0 ? outcomes : [noPublicGrant(policy, documents)];
    },
  },
  terraform: {
    check(resource, context) {
      return terraformPublicPolicy(resource, context, 'policy', { policy: `key policy of ${resource.address}`, consequence: CONSEQUENCE },
        resource.type === 'aws_kms_key'
          ? { kind: 'addressed', detail: 'No policy: the default key policy gives the account root access only.' }
          : { kind: 'not-applicable', detail: 'policy is required.' });
    },
  },
};
