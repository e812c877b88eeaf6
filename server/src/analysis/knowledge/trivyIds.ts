// Trivy's long ids (`<provider>-<service>-<short code>`, tfsec's ids before Trivy took them over) of AVD checks
// that rules list as equivalents. `trivy:ignore:` and `tfsec:ignore:` accept either the AVD id or a long id.
// Each entry was read in the check's METADATA in aquasecurity/trivy-checks (checks/cloud/aws/<service>/*.rego:
// `long_id`, or `provider`-`service`-`short_code`, which is how Trivy forms the long id when none is given);
// aws-s3-enable-bucket-logging is the name tfsec's own ignore documentation uses for AVD-AWS-0089, whose short code
// trivy-checks now spells enable-logging: both are listed. AVD ids not listed here are matched by AVD id only,
// until someone checks their long id the same way (never guess one).

/** Long ids by AVD id (upper case, as rules list them). */
export const TRIVY_LONG_IDS: Readonly<Record<string, readonly string[]>> = {
  'AVD-AWS-0086': ['aws-s3-block-public-acls'],
  'AVD-AWS-0087': ['aws-s3-block-public-policy'],
  'AVD-AWS-0088': ['aws-s3-enable-bucket-encryption'],
  'AVD-AWS-0089': ['aws-s3-enable-logging', 'aws-s3-enable-bucket-logging'],
  'AVD-AWS-0090': ['aws-s3-enable-versioning'],
  'AVD-AWS-0091': ['aws-s3-ignore-public-acls'],
  'AVD-AWS-0092': ['aws-s3-no-public-access-with-acl'],
  'AVD-AWS-0093': ['aws-s3-no-public-buckets'],
  'AVD-AWS-0096': ['aws-sqs-enable-queue-encryption'],
  'AVD-AWS-0097': ['aws-sqs-no-wildcards-in-policy-documents'],
  'AVD-AWS-0132': ['aws-s3-encryption-customer-key'],
  'AVD-AWS-0135': ['aws-sqs-queue-encryption-use-cmk'],
  'AVD-AWS-0170': ['aws-s3-require-mfa-delete'],
};
