// A bucket policy that allows Principal '*' without a condition limiting who makes the bucket public.
// Terraform: aws_s3_bucket_policy, and the deprecated inline `policy` argument of aws_s3_bucket (a bucket policy
// too, read the same way).
import { inlineOrStandalone, policyOnTargets, publicPolicyRule, settingMeta } from './support';

export const s3PolicyNoPublicPrincipal = publicPolicyRule({
  meta: settingMeta('s3-policy-no-public-principal', ['AWS::S3::BucketPolicy'], { terraform: ['aws_s3_bucket_policy', 'aws_s3_bucket'] }),
  consequence: 'anyone on the internet can use these actions on the bucket; restrict the principal or add a condition.',
  cloudformation: { document: 'PolicyDocument', policy: policyOnTargets('bucket', 'Bucket', 'bucket') },
  terraform: inlineOrStandalone('aws_s3_bucket', 'inline bucket', 'bucket', 'aws_s3_bucket_policy'),
});
