// A key policy that allows Principal '*' without a condition limiting who lets any AWS account use the key.
import { mapEntry } from '../cloudformation/model';
import { noPublicGrant, publicPrincipalOutcomes, readPolicyDocuments, settingMeta } from '../policy';
import type { Rule } from './rule';

export const kmsPolicyNoWildcardPrincipal: Rule = {
  meta: settingMeta('kms-policy-no-wildcard-principal', ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey']),
  cloudformation: {
    check(resource, context) {
      const keyPolicy = mapEntry(resource.properties, 'KeyPolicy');
      if (!keyPolicy) return [{ kind: 'addressed', detail: 'No KeyPolicy: the default key policy gives the account root access only.' }];
      const policy = `key policy of key ${resource.id}`;
      const documents = readPolicyDocuments(keyPolicy, context.resolver);
      const outcomes = publicPrincipalOutcomes(documents, {
        policy,
        consequence: 'any AWS account can use or manage the key as the actions allow, and so decrypt what it protects; name the accounts or add kms:CallerAccount or aws:PrincipalOrgID.',
      });
      return outcomes.length > 0 ? outcomes : [noPublicGrant(policy, documents)];
    },
  },
};
