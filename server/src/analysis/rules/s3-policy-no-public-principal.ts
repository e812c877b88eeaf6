// A bucket policy that allows Principal '*' without a condition limiting who makes the bucket public.
// Terraform: aws_s3_bucket_policy, and the deprecated inline `policy` argument of aws_s3_bucket (a bucket policy
// too, read the same way).
import { POLICY_REQUIRED, policyOnTargets, publicPolicyRule, settingMeta } from './support';

export const s3PolicyNoPublicPrincipal = publicPolicyRule({
  meta: settingMeta('s3-policy-no-public-principal', ['AWS::S3::BucketPolicy'], { terraform: ['aws_s3_bucket_policy', 'aws_s3_bucket'] }),
  consequence: 'anyone on the internet can use these actions on the bucket; restrict the principal or add a condition.',
  cloudformation: { document: 'PolicyDocument', policy: policyOnTargets('bucket', 'Bucket', 'bucket') },
  terraform: {
    policy: (resource) => (resource.type === 'aws_s3_bucket' ? `inline bucket policy of bucket ${resource.address}` : `bucket policy ${resource.address}`),
    absent: (resource) => (resource.type === 'aws_s3_bucket' ? { kind: 'not-applicable', detail: 'No inline policy (an aws_s3_bucket_policy is checked on its own).' } : POLICY_REQUIRED),
  },
});
