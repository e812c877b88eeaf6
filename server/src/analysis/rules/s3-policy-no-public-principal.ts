// A bucket policy that allows Principal '*' without a condition limiting who makes the bucket public.
import { mapEntry } from '../cloudformation/model';
import { describeTargets, linkTargets, noPublicGrant, publicPrincipalOutcomes, readPolicyDocuments, settingMeta, terraformPublicPolicy } from '../policy';
import type { Rule } from './rule';

const CONSEQUENCE = 'anyone on the internet can use these actions on the bucket; restrict the principal or add a condition.';

export const s3PolicyNoPublicPrincipal: Rule = {
  meta: settingMeta('s3-policy-no-public-principal', ['AWS::S3::BucketPolicy']),
  cloudformation: {
    check(resource, context) {
      const policy = `bucket policy ${resource.id} on ${describeTargets(linkTargets(mapEntry(resource.properties, 'Bucket'), context), 'bucket')}`;
      const documents = readPolicyDocuments(mapEntry(resource.properties, 'PolicyDocument'), context.resolver);
      const outcomes = publicPrincipalOutcomes(documents, {
        policy,
        consequence: CONSEQUENCE,
      });
      return outcomes.length > 0 ? outcomes : [noPublicGrant(policy, documents)];
    },
  },
  terraform: {
    check(resource, context) {
      return terraformPublicPolicy(resource, context, 'policy', { policy: `bucket policy ${resource.address}`, consequence: CONSEQUENCE }, { kind: 'not-applicable', detail: 'policy is required.' });
    },
  },
};
