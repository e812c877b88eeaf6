// AWS defaults that changed or that matter: an absent setting is not always a gap (and sometimes is one).
// Dates only where a source gives one; never guessed.
import type { AwsDefault } from './types';

export const AWS_DEFAULTS: readonly AwsDefault[] = [
  {
    id: 's3-sse-s3-default', summary: 'S3 encrypts every new object with SSE-S3 (AES256) even without a bucket encryption configuration.',
    since: '2023-01-05', source: 'S3 default encryption change, as recorded in the reference (README and s3-default-encryption absent text).',
    appliesTo: ['AWS::S3::Bucket', 'aws_s3_bucket'], secure: true,
    customerStill: 'choosing SSE-KMS with a customer managed key, TLS-only access, and never configuring weaker encryption.',
  },
  {
    id: 's3-block-public-access-default', summary: 'New buckets have all four bucket-level block public access settings on.',
    since: '2023-04', source: 'S3 security defaults for new buckets (April 2023), per the reference.',
    appliesTo: ['AWS::S3::Bucket', 'aws_s3_bucket', 'aws_s3_bucket_public_access_block'], secure: true,
    customerStill: 'keeping them on (an explicit false weakens them) and keeping bucket policies non-public.',
  },
  {
    id: 's3-acls-disabled-default', summary: 'New buckets use Object Ownership BucketOwnerEnforced: ACLs are disabled.',
    since: '2023-04', source: 'S3 security defaults for new buckets (April 2023), per the reference.',
    appliesTo: ['AWS::S3::Bucket', 'aws_s3_bucket', 'aws_s3_bucket_ownership_controls', 'aws_s3_bucket_acl'], secure: true,
    customerStill: 'not re-enabling ACLs (ObjectWriter / BucketOwnerPreferred) and not granting public ACLs.',
  },
  {
    id: 's3-sse-c-blocked-default', summary: 'New general purpose buckets block uploads encrypted with customer-provided keys (SSE-C).',
    since: '2026-04', source: 'S3 user guide as cited in the reference notes of s3-sse-c-blocked (April 2026).',
    appliesTo: ['AWS::S3::Bucket', 'aws_s3_bucket_server_side_encryption_configuration'], secure: true,
    customerStill: 'not unblocking SSE-C (BlockedEncryptionTypes NONE) unless the workload needs it, and guarding keys kept outside AWS.',
  },
  {
    id: 'sqs-sse-sqs-default', summary: 'New queues are encrypted with SQS-owned keys (SSE-SQS) when SqsManagedSseEnabled is not set.',
    since: undefined, source: 'CloudFormation schema description for SqsManagedSseEnabled; AWS Compute Blog "SSE-SQS by default" (date not in the excerpt we read; a third-party page says 2022).',
    appliesTo: ['AWS::SQS::Queue', 'aws_sqs_queue'], secure: true,
    customerStill: 'not setting SqsManagedSseEnabled false without a KMS key, and choosing a customer managed key where control is needed.',
  },
  {
    id: 'dynamodb-encryption-always', summary: 'DynamoDB tables are always encrypted at rest, with an AWS owned key unless another key is chosen.',
    since: undefined, source: 'CloudFormation schema description of SSESpecification, per the reference.',
    appliesTo: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable', 'aws_dynamodb_table'], secure: true,
    customerStill: 'choosing an AWS managed or customer managed KMS key when key control or audit is required.',
  },
  {
    id: 'cloudwatch-logs-encryption-always', summary: 'CloudWatch Logs always encrypts log data; KmsKeyId only switches to a KMS key.',
    since: undefined, source: 'CloudFormation schema description of AWS::Logs::LogGroup KmsKeyId, per the reference.',
    appliesTo: ['AWS::Logs::LogGroup', 'aws_cloudwatch_log_group'], secure: true,
    customerStill: 'a KMS key where control is needed, retention, and masking sensitive data.',
  },
  {
    id: 'lambda-runtime-auto-default', summary: 'Lambda runtime update mode is Auto: AWS applies runtime patches.',
    since: undefined, source: 'Reference (lambda-runtime-update-mode compliant text).',
    appliesTo: ['AWS::Lambda::Function', 'AWS::Serverless::Function', 'aws_lambda_function', 'aws_lambda_runtime_management_config'], secure: true,
    customerStill: 'moving off deprecated runtimes; in Manual mode or with container images, patching the runtime.',
  },
  {
    id: 'eks-envelope-encryption-default', summary: 'EKS envelope-encrypts all Kubernetes API data by default for clusters on Kubernetes 1.28 or later (AWS owned key).',
    since: undefined, source: 'EKS user guide, "Default envelope encryption for all Kubernetes API data" (checked in this pass; no start date given).',
    appliesTo: ['AWS::EKS::Cluster', 'aws_eks_cluster'], secure: true,
    customerStill: 'a customer managed KMS key (EncryptionConfig) where key control is needed; clusters below 1.28.',
  },
  {
    id: 'rds-auto-minor-upgrade-default', summary: 'RDS AutoMinorVersionUpgrade defaults to true.',
    since: undefined, source: 'CloudFormation schema, per the reference.',
    appliesTo: ['AWS::RDS::DBInstance', 'aws_db_instance'], secure: true,
    customerStill: 'not turning it off, and moving off engine versions before end of support.',
  },
  {
    id: 'rds-backup-retention-default', summary: 'RDS BackupRetentionPeriod defaults to 1 day.',
    since: undefined, source: 'CloudFormation schema description, per the reference.',
    appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'aws_db_instance', 'aws_rds_cluster'], secure: false,
    customerStill: 'setting a retention that meets policy (Security Hub RDS.11 wants at least 7 days).',
  },
  {
    id: 'eks-public-endpoint-default', summary: 'The EKS API server endpoint is public by default, open to 0.0.0.0/0.',
    since: undefined, source: 'CloudFormation schema description (EndpointPublicAccess true, PublicAccessCidrs 0.0.0.0/0), per the reference.',
    appliesTo: ['AWS::EKS::Cluster', 'aws_eks_cluster'], secure: false,
    customerStill: 'turning off public access or restricting PublicAccessCidrs.',
  },
  {
    id: 'ecr-mutable-tags-default', summary: 'ECR image tags are MUTABLE by default.',
    since: undefined, source: 'CloudFormation schema description, per the reference.',
    appliesTo: ['AWS::ECR::Repository', 'aws_ecr_repository'], secure: false,
    customerStill: 'setting IMMUTABLE so a tag always means the same image.',
  },
  {
    id: 'kms-rotation-off-default', summary: 'KMS automatic key rotation is off by default.',
    since: undefined, source: 'CloudFormation schema, per the reference.',
    appliesTo: ['AWS::KMS::Key', 'aws_kms_key'], secure: false,
    customerStill: 'enabling rotation on symmetric customer managed keys.',
  },
  {
    id: 'cloudtrail-single-region-default', summary: 'CloudTrail trails are single-Region unless IsMultiRegionTrail is true.',
    since: undefined, source: 'CloudFormation schema description, per the reference.',
    appliesTo: ['AWS::CloudTrail::Trail', 'aws_cloudtrail'], secure: false,
    customerStill: 'making the account trail multi-Region.',
  },
  {
    id: 'cloudtrail-log-validation-off-default', summary: 'CloudTrail log file validation is off by default.',
    since: undefined, source: 'CloudFormation schema description, per the reference.',
    appliesTo: ['AWS::CloudTrail::Trail', 'aws_cloudtrail'], secure: false,
    customerStill: 'enabling validation so tampering with log files can be detected.',
  },
  {
    id: 'cloudfront-origin-ssl-default', summary: 'CloudFront custom origins default OriginSSLProtocols to TLSv1 and SSLv3.',
    since: undefined, source: 'CloudFormation schema default, per the reference.',
    appliesTo: ['AWS::CloudFront::Distribution', 'aws_cloudfront_distribution'], secure: false,
    customerStill: 'setting OriginSSLProtocols to TLSv1.2 and an https-only origin protocol policy.',
  },
  {
    id: 'dms-public-default', summary: 'DMS replication instances are publicly accessible by default.',
    since: undefined, source: 'DMS API (Security Hub AwsDmsReplicationInstanceDetails: "The default value is true"), checked in this pass.',
    appliesTo: ['AWS::DMS::ReplicationInstance', 'aws_dms_replication_instance'], secure: false,
    customerStill: 'setting PubliclyAccessible false explicitly.',
  },
  {
    id: 'sagemaker-internet-default', summary: 'SageMaker notebook instances have direct internet access by default.',
    since: undefined, source: 'SageMaker API / provider docs ("Enabled (Default)"), checked in this pass.',
    appliesTo: ['AWS::SageMaker::NotebookInstance', 'aws_sagemaker_notebook_instance'], secure: false,
    customerStill: 'setting DirectInternetAccess Disabled with a VPC subnet.',
  },
  {
    id: 'redshift-encrypted-default', summary: 'New provisioned Redshift clusters are encrypted at rest when Encrypted is not set (an AWS owned or AWS managed key unless KmsKeyId names one).',
    // AWS announced secure defaults for new provisioned clusters in early 2025; no AWS page with the exact date was
    // found, so no date is given.
    since: undefined,
    source: 'Terraform AWS provider docs for aws_redshift_cluster (via pulumi_aws, Cluster.encrypted): "If true, the data in the cluster is encrypted at rest. Default is true."; news coverage of the Redshift secure-defaults announcement (2025). Checked 2026-11-30.',
    appliesTo: ['AWS::Redshift::Cluster', 'aws_redshift_cluster'], secure: true,
    customerStill: 'never setting Encrypted false, and choosing a customer managed KMS key where key control or audit is required.',
  },
  {
    id: 'redshift-private-default', summary: 'Redshift clusters are not publicly accessible unless PubliclyAccessible is true (CreateCluster "Default: false").',
    since: undefined,
    source: 'Redshift API reference, CreateCluster PubliclyAccessible (AWS SDK for Kotlin CreateClusterRequest.publiclyAccessible): "If true, the cluster can be accessed from a public network. Default: false". Checked 2026-11-30.',
    appliesTo: ['AWS::Redshift::Cluster', 'aws_redshift_cluster'], secure: true,
    customerStill: 'never setting PubliclyAccessible true without need, and keeping security groups closed to the internet.',
  },
];

const byId = new Map<string, AwsDefault>(AWS_DEFAULTS.map((d) => [d.id, d]));

/** The AWS default with this id, or undefined. */
export function getDefault(id: string): AwsDefault | undefined {
  return byId.get(id);
}

/** The defaults that apply to a CloudFormation or Terraform resource type. */
export function defaultsForType(type: string): AwsDefault[] {
  return AWS_DEFAULTS.filter((d) => d.appliesTo.includes(type));
}
