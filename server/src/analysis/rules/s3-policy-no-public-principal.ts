// A bucket policy that allows Principal '*' without a condition limiting who makes the bucket public.
import { POLICY_REQUIRED, policyOnTargets, publicPolicyRule, settingMeta } from './support';

export const s3PolicyNoPublicPrincipal = publicPolicyRule({
  meta: settingMeta('s3-policy-no-public-principal', ['AWS::S3::BucketPolicy']),
  consequence: 'anyone on the internet can use these actions on the bucket; restrict the principal or add a condition.',
  cloudformation: { document: 'PolicyDocument', policy: policyOnTargets('bucket', 'Bucket', 'bucket') },
  terraform: { policy: (resource) => `bucket policy ${resource.address}`, absent: () => POLICY_REQUIRED },
});
