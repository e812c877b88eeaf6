// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

/** A bucket with nothing else (Terraform), for examples whose point is a linked resource. */
const TF_BUCKET = 'resource "aws_s3_bucket" "data" {\n  bucket = "example-data-7731"\n}\n';

export const EXAMPLES: readonly RuleExamples[] = [
  {
    rule: 's3-block-public-access',
    cloudformation: {
      good: [
        { name: 'all four flags on', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n' },
        { name: 'not set: on by default for buckets created since April 2023', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n' },
      ],
      bad: [
        {
          name: 'one flag turned off',
          code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: ⟦false⟧\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n',
          expect: [{ severity: 'error', message: ['BlockPublicPolicy is false', 'a bucket policy can make the bucket public'] }],
        },
      ],
    },
    terraform: {
      good: [
        { name: 'aws_s3_bucket_public_access_block with every flag on', code: `${TF_BUCKET}resource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n` },
        { name: 'no block: the AWS default keeps Block Public Access on', code: TF_BUCKET },
      ],
      bad: [
        {
          name: 'a flag set to false, and one left out (the argument defaults to false)',
          code: `${TF_BUCKET}resource "aws_s3_bucket_public_access_block" ⟦"data"⟧ {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = ⟦false⟧\n  block_public_policy     = true\n  ignore_public_acls      = true\n}\n`,
          expect: [
            { severity: 'error', message: ['restrict_public_buckets is not set', 'defaults to false in aws_s3_bucket_public_access_block'] },
            { severity: 'error', message: ['block_public_acls is false', 'an ACL can make the bucket or its objects public'] },
          ],
        },
      ],
    },
  },
  {
    rule: 's3-default-encryption',
    cloudformation: {
      good: [
        { name: 'SSE-KMS', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n' },
        { name: 'not set: S3 encrypts new objects with SSE-S3', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n' },
      ],
      bad: [
        {
          name: 'an algorithm S3 does not accept',
          code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: ⟦AES128⟧\n',
          expect: [{ severity: 'warning', message: ["SSEAlgorithm is 'AES128'", 'aws:kms, aws:kms:dsse or AES256'] }],
        },
      ],
    },
    terraform: {
      good: [
        { name: 'aws_s3_bucket_server_side_encryption_configuration with AES256', code: `${TF_BUCKET}resource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n}\n` },
        { name: 'the deprecated inline block', code: 'resource "aws_s3_bucket" "data" {\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = "aws:kms"\n      }\n    }\n  }\n}\n' },
        { name: 'nothing set: SSE-S3 by default', code: TF_BUCKET },
      ],
      bad: [
        {
          name: 'an algorithm S3 does not accept, reported on the bucket',
          code: `resource "aws_s3_bucket" ⟦"data"⟧ {\n  bucket = "example-data-7731"\n}\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES128"\n    }\n  }\n}\n`,
          expect: [{ severity: 'warning', message: ["sse_algorithm is 'AES128'"] }],
        },
      ],
    },
  },
  {
    rule: 's3-kms-cmk',
    cloudformation: {
      good: [
        { name: 'a customer managed key', code: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy: {}\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: !GetAtt Key.Arn\n' },
        { name: 'a log bucket: log delivery writes with SSE-S3 only', code: 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Logs\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: alias/data\n' },
      ],
      bad: [
        {
          name: 'the AWS managed aws/s3 key',
          code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: ⟦alias/aws/s3⟧\n',
          expect: [{ severity: 'warning', message: ["KMSMasterKeyID is 'alias/aws/s3'"] }],
        },
        { name: 'no key: SSE-S3 (a hint)', code: 'Resources:\n  ⟦Data⟧:\n    Type: AWS::S3::Bucket\n', expect: [{ severity: 'info', message: ['KMSMasterKeyID is not set', 'SSE-S3'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a customer managed key', code: `resource "aws_kms_key" "data" {}\n${TF_BUCKET}resource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.data.arn\n    }\n  }\n}\n` },
        { name: 'a log bucket (target of aws_s3_bucket_logging): log delivery supports SSE-S3 only', code: `${TF_BUCKET}resource "aws_s3_bucket" "logs" {\n  bucket = "example-logs-7731"\n}\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "data/"\n}\nresource "aws_kms_key" "data" {}\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.data.arn\n    }\n  }\n}\n` },
        { name: 'a bucket that receives load balancer access logs', code: 'resource "aws_s3_bucket" "alb_logs" {\n  bucket = "example-alb-logs-7731"\n}\nresource "aws_lb" "web" {\n  name    = "web"\n  subnets = ["subnet-1", "subnet-2"]\n  access_logs {\n    bucket  = aws_s3_bucket.alb_logs.id\n    enabled = true\n  }\n}\n' },
      ],
      bad: [
        {
          name: 'aws:kms without a key id: the AWS managed aws/s3 key',
          code: `resource "aws_s3_bucket" ⟦"data"⟧ {\n  bucket = "example-data-7731"\n}\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n}\n`,
          expect: [{ severity: 'info', message: ['kms_master_key_id is not set'] }],
        },
      ],
    },
  },
  {
    rule: 's3-sse-c-blocked',
    cloudformation: {
      good: [
        { name: 'SSE-C blocked', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }\n            BlockedEncryptionTypes:\n              EncryptionType: [SSE-C]\n' },
        { name: 'not set: new buckets block SSE-C', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n' },
      ],
      bad: [
        {
          name: 'NONE unblocks SSE-C',
          code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }\n            BlockedEncryptionTypes:\n              EncryptionType: [⟦NONE⟧]\n',
          expect: [{ severity: 'info', message: ["EncryptionType is 'NONE'", 'SSE-C'] }],
        },
      ],
    },
    terraform: {
      good: [
        { name: 'blocked_encryption_types = ["SSE-C"]', code: `${TF_BUCKET}resource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n    blocked_encryption_types = ["SSE-C"]\n  }\n}\n` },
        { name: 'nothing set: new buckets block SSE-C', code: TF_BUCKET },
      ],
      bad: [
        {
          name: 'blocked_encryption_types = ["NONE"], reported on the bucket',
          code: `resource "aws_s3_bucket" ⟦"data"⟧ {\n  bucket = "example-data-7731"\n}\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n    blocked_encryption_types = ["NONE"]\n  }\n}\n`,
          expect: [{ severity: 'info', message: ["rule.blocked_encryption_types is 'NONE'", 'SSE-C'] }],
        },
      ],
    },
  },
  {
    rule: 's3-acl-not-public',
    cloudformation: {
      good: [
        {
          name: 'every non-public canned ACL, and none',
          code: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: { AccessControl: Private }\n  B:\n    Type: AWS::S3::Bucket\n    Properties: { AccessControl: BucketOwnerFullControl }\n  C:\n    Type: AWS::S3::Bucket\n    Properties: { AccessControl: BucketOwnerRead }\n  D:\n    Type: AWS::S3::Bucket\n    Properties: { AccessControl: AwsExecRead }\n  E:\n    Type: AWS::S3::Bucket\n    Properties: { AccessControl: LogDeliveryWrite }\n  F:\n    Type: AWS::S3::Bucket\n',
        },
        { name: 'a parameter whose allowed values are all private', code: 'Parameters:\n  Acl:\n    Type: String\n    Default: Private\n    AllowedValues: [Private, BucketOwnerFullControl]\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: !Ref Acl\n' },
      ],
      bad: [
        {
          name: 'PublicRead, PublicReadWrite and AuthenticatedRead',
          code: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: ⟦PublicRead⟧\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: ⟦PublicReadWrite⟧\n  C:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: ⟦AuthenticatedRead⟧\n',
          expect: [
            { severity: 'error', message: ["AccessControl is 'PublicRead'"] },
            { severity: 'error', message: ["AccessControl is 'PublicReadWrite'"] },
            { severity: 'error', message: ["AccessControl is 'AuthenticatedRead'"] },
          ],
        },
        {
          name: 'a parameter that allows PublicRead: depends on the deployment',
          code: 'Parameters:\n  Acl:\n    Type: String\n    Default: Private\n    AllowedValues: [Private, PublicRead]\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: ⟦!Ref Acl⟧\n',
          expect: [{ severity: 'info', message: ['Depends on the deployment', "allowed value 'PublicRead'"] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'every non-public canned ACL, inline and in aws_s3_bucket_acl',
          code: 'resource "aws_s3_bucket" "a" {\n  acl = "private"\n}\nresource "aws_s3_bucket" "b" {\n  acl = "bucket-owner-full-control"\n}\nresource "aws_s3_bucket" "c" {\n  acl = "bucket-owner-read"\n}\nresource "aws_s3_bucket" "d" {\n  acl = "aws-exec-read"\n}\nresource "aws_s3_bucket" "e" {\n  acl = "log-delivery-write"\n}\nresource "aws_s3_bucket" "f" {}\nresource "aws_s3_bucket_acl" "f" {\n  bucket = aws_s3_bucket.f.id\n  acl    = "private"\n}\n',
        },
        {
          name: 'access_control_policy granting only the owner and the log delivery group',
          code: `data "aws_canonical_user_id" "me" {}\n${TF_BUCKET}resource "aws_s3_bucket_acl" "data" {\n  bucket = aws_s3_bucket.data.id\n  access_control_policy {\n    owner {\n      id = data.aws_canonical_user_id.me.id\n    }\n    grant {\n      grantee {\n        id   = data.aws_canonical_user_id.me.id\n        type = "CanonicalUser"\n      }\n      permission = "FULL_CONTROL"\n    }\n    grant {\n      grantee {\n        type = "Group"\n        uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"\n      }\n      permission = "WRITE"\n    }\n  }\n}\n`,
        },
      ],
      bad: [
        {
          name: 'public canned ACLs: inline and in aws_s3_bucket_acl (Terraform spellings)',
          code: 'resource "aws_s3_bucket" "a" {\n  acl = ⟦"public-read"⟧\n}\nresource "aws_s3_bucket" "b" {\n  acl = ⟦"authenticated-read"⟧\n}\nresource "aws_s3_bucket" ⟦"c"⟧ {}\nresource "aws_s3_bucket_acl" "c" {\n  bucket = aws_s3_bucket.c.id\n  acl    = "public-read-write"\n}\n',
          expect: [
            { severity: 'error', message: ["acl is 'public-read'"] },
            { severity: 'error', message: ["acl is 'authenticated-read'"] },
            { severity: 'error', message: ["aws_s3_bucket_acl.c: acl is 'public-read-write'"] },
          ],
        },
        {
          name: 'grants to AllUsers (inline grant) and AuthenticatedUsers (access_control_policy)',
          code: `data "aws_canonical_user_id" "me" {}\nresource "aws_s3_bucket" "a" {\n  grant {\n    type        = "Group"\n    uri         = ⟦"http://acs.amazonaws.com/groups/global/AllUsers"⟧\n    permissions = ["READ"]\n  }\n}\nresource "aws_s3_bucket" ⟦"b"⟧ {}\nresource "aws_s3_bucket_acl" "b" {\n  bucket = aws_s3_bucket.b.id\n  access_control_policy {\n    owner {\n      id = data.aws_canonical_user_id.me.id\n    }\n    grant {\n      grantee {\n        type = "Group"\n        uri  = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"\n      }\n      permission = "WRITE"\n    }\n  }\n}\n`,
          expect: [
            { severity: 'error', message: ['aws_s3_bucket.a grants READ to the AllUsers group (everyone)'] },
            { severity: 'error', message: ['aws_s3_bucket_acl.b grants WRITE to the AuthenticatedUsers group (any AWS account)', 'access_control_policy.grant'] },
          ],
        },
      ],
    },
  },
  {
    rule: 's3-acls-disabled',
    cloudformation: {
      good: [
        { name: 'BucketOwnerEnforced', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      OwnershipControls:\n        Rules:\n          - ObjectOwnership: BucketOwnerEnforced\n' },
        { name: 'a log-delivery bucket keeps ACLs on purpose', code: 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: LogDeliveryWrite\n      OwnershipControls:\n        Rules:\n          - ObjectOwnership: BucketOwnerPreferred\n' },
      ],
      bad: [
        {
          name: 'ObjectWriter keeps ACLs',
          code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      OwnershipControls:\n        Rules:\n          - ObjectOwnership: ⟦ObjectWriter⟧\n',
          expect: [{ severity: 'warning', message: ["ObjectOwnership is 'ObjectWriter'"] }],
        },
      ],
    },
    terraform: {
      good: [
        { name: 'BucketOwnerEnforced', code: `${TF_BUCKET}resource "aws_s3_bucket_ownership_controls" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}\n` },
        { name: 'a CloudFront standard log bucket keeps ACLs on purpose', code: `resource "aws_s3_bucket" "cf_logs" {\n  bucket = "example-cf-logs-7731"\n}\nresource "aws_s3_bucket_ownership_controls" "cf_logs" {\n  bucket = aws_s3_bucket.cf_logs.id\n  rule {\n    object_ownership = "BucketOwnerPreferred"\n  }\n}\nresource "aws_cloudfront_distribution" "site" {\n  enabled = true\n  logging_config {\n    bucket = aws_s3_bucket.cf_logs.bucket_domain_name\n  }\n}\n` },
        { name: 'a log-delivery-write bucket keeps ACLs on purpose', code: 'resource "aws_s3_bucket" "logs" {\n  acl = "log-delivery-write"\n}\nresource "aws_s3_bucket_ownership_controls" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    object_ownership = "ObjectWriter"\n  }\n}\n' },
      ],
      bad: [
        {
          name: 'ObjectWriter keeps ACLs, reported on the bucket',
          code: `resource "aws_s3_bucket" ⟦"data"⟧ {\n  bucket = "example-data-7731"\n}\nresource "aws_s3_bucket_ownership_controls" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    object_ownership = "ObjectWriter"\n  }\n}\n`,
          expect: [{ severity: 'warning', message: ["rule.object_ownership is 'ObjectWriter'"] }],
        },
      ],
    },
  },
  {
    rule: 's3-versioning',
    cloudformation: {
      good: [{ name: 'Enabled', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n' }],
      bad: [
        {
          name: 'Suspended, and not set',
          code: 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: ⟦Suspended⟧\n  ⟦B⟧:\n    Type: AWS::S3::Bucket\n',
          expect: [{ message: ["Status is 'Suspended'"] }, { message: ['VersioningConfiguration.Status is not set'] }],
        },
      ],
    },
    terraform: {
      good: [
        { name: 'aws_s3_bucket_versioning status Enabled', code: `${TF_BUCKET}resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n` },
        { name: 'the deprecated inline versioning { enabled = true }', code: 'resource "aws_s3_bucket" "archive" {\n  bucket = "example-archive-7731"\n  versioning {\n    enabled = true\n  }\n}\n' },
      ],
      bad: [
        {
          name: 'Suspended and Disabled in aws_s3_bucket_versioning, inline enabled = false, and nothing',
          code: 'resource "aws_s3_bucket" ⟦"a"⟧ {}\nresource "aws_s3_bucket_versioning" "a" {\n  bucket = aws_s3_bucket.a.id\n  versioning_configuration {\n    status = "Suspended"\n  }\n}\nresource "aws_s3_bucket" ⟦"b"⟧ {}\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Disabled"\n  }\n}\nresource "aws_s3_bucket" "c" {\n  versioning {\n    enabled = ⟦false⟧\n  }\n}\nresource "aws_s3_bucket" ⟦"d"⟧ {}\n',
          expect: [
            { message: ["aws_s3_bucket_versioning.a: versioning_configuration.status is 'Suspended'"] },
            { message: ["versioning_configuration.status is 'Disabled'"] },
            { message: ['versioning.enabled is false'] },
            { message: ['no aws_s3_bucket_versioning points at it'] },
          ],
        },
      ],
    },
  },
  {
    rule: 's3-object-lock',
    cloudformation: {
      good: [{ name: 'Object Lock enabled', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      ObjectLockEnabled: true\n' }],
      bad: [{ name: 'not set (a hint)', code: 'Resources:\n  ⟦Data⟧:\n    Type: AWS::S3::Bucket\n', expect: [{ severity: 'info', message: ['ObjectLockEnabled is not set'] }] }],
    },
    terraform: {
      good: [
        { name: 'object_lock_enabled = true', code: 'resource "aws_s3_bucket" "data" {\n  object_lock_enabled = true\n}\n' },
        { name: 'the deprecated inline object_lock_configuration', code: 'resource "aws_s3_bucket" "data" {\n  object_lock_configuration {\n    object_lock_enabled = "Enabled"\n  }\n}\n' },
      ],
      bad: [
        { name: 'not set (a hint)', code: 'resource "aws_s3_bucket" ⟦"data"⟧ {}\n', expect: [{ severity: 'info', message: ['object_lock_enabled is not set'] }] },
        { name: 'object_lock_enabled = false', code: 'resource "aws_s3_bucket" "data" {\n  bucket              = "data-7731"\n  object_lock_enabled = ⟦false⟧\n}\n', expect: [{ severity: 'info', message: ['object_lock_enabled is false'] }] },
      ],
    },
  },
  {
    rule: 's3-access-logging',
    cloudformation: {
      good: [
        { name: 'logs to another bucket, which is itself exempt', code: 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Logs\n' },
      ],
      bad: [{ name: 'no LoggingConfiguration', code: 'Resources:\n  ⟦Data⟧:\n    Type: AWS::S3::Bucket\n', expect: [{ severity: 'warning', message: ['LoggingConfiguration is not set'] }] }],
    },
    terraform: {
      good: [
        { name: 'aws_s3_bucket_logging to a log bucket, which is itself exempt', code: `${TF_BUCKET}resource "aws_s3_bucket" "logs" {\n  bucket = "example-logs-7731"\n}\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "data/"\n}\n` },
        { name: 'the deprecated inline logging block', code: 'resource "aws_s3_bucket" "data" {\n  logging {\n    target_bucket = "example-logs-7731"\n  }\n}\n' },
        { name: 'a CloudTrail bucket is a log destination', code: 'resource "aws_s3_bucket" "trail" {\n  bucket = "example-trail-7731"\n}\nresource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n}\n' },
      ],
      bad: [{ name: 'no aws_s3_bucket_logging', code: 'resource "aws_s3_bucket" ⟦"data"⟧ {}\n', expect: [{ severity: 'warning', message: ['no aws_s3_bucket_logging points at it'] }] }],
    },
  },
  {
    rule: 's3-tls-only-policy',
    cloudformation: {
      good: [
        {
          name: 'a bucket policy denying aws:SecureTransport false',
          code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  DataPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: "s3:*"\n            Resource: [!GetAtt Data.Arn, !Sub "${Data.Arn}/*"]\n            Condition:\n              Bool:\n                aws:SecureTransport: "false"\n',
        },
      ],
      bad: [
        { name: 'no bucket policy', code: 'Resources:\n  ⟦Data⟧:\n    Type: AWS::S3::Bucket\n', expect: [{ severity: 'warning', message: ['Data has no bucket policy that denies requests without TLS'] }] },
      ],
    },
    terraform: {
      good: [
        {
          name: 'aws_s3_bucket_policy with the Deny from aws_iam_policy_document',
          code: `${TF_BUCKET}data "aws_iam_policy_document" "tls" {\n  statement {\n    effect    = "Deny"\n    actions   = ["s3:*"]\n    resources = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["false"]\n    }\n  }\n}\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = data.aws_iam_policy_document.tls.json\n}\n`,
        },
        {
          name: 'the deprecated inline policy of aws_s3_bucket with the Deny',
          code: 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = ["arn:aws:s3:::data", "arn:aws:s3:::data/*"]\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n',
        },
      ],
      bad: [
        { name: 'no aws_s3_bucket_policy', code: 'resource "aws_s3_bucket" ⟦"data"⟧ {}\n', expect: [{ severity: 'warning', message: ['aws_s3_bucket.data has no aws_s3_bucket_policy that denies requests without TLS'] }] },
        {
          name: 'an inline policy without the Deny',
          code: 'resource "aws_s3_bucket" ⟦"data"⟧ {\n  bucket = "data"\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::data/*" }]\n  })\n}\n',
          expect: [{ severity: 'warning', message: ['its inline policy of aws_s3_bucket.data lacks the Deny'] }],
        },
      ],
    },
  },
  {
    rule: 's3-mfa-delete',
    terraform: {
      good: [{ name: 'mfa_delete Enabled', code: `${TF_BUCKET}resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  mfa    = var.mfa\n  versioning_configuration {\n    status     = "Enabled"\n    mfa_delete = "Enabled"\n  }\n}\nvariable "mfa" {}\n` }],
      bad: [
        {
          name: 'mfa_delete Disabled',
          code: `${TF_BUCKET}resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status     = "Enabled"\n    mfa_delete = ⟦"Disabled"⟧\n  }\n}\n`,
          expect: [{ severity: 'info', message: ["versioning_configuration.mfa_delete is 'Disabled'"] }],
        },
      ],
    },
  },
  {
    rule: 'efs-encrypted',
    cloudformation: {
      good: [{ name: 'Encrypted: true', code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n' }],
      bad: [
        { name: 'not set', code: 'Resources:\n  ⟦Files⟧:\n    Type: AWS::EFS::FileSystem\n', expect: [{ severity: 'warning', message: ['Encrypted is not set', 'only be chosen when the file system is created'] }] },
        { name: 'false', code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: ⟦false⟧\n', expect: [{ message: ['Encrypted is false'] }] },
      ],
    },
    terraform: {
      good: [{ name: 'encrypted = true', code: 'resource "aws_efs_file_system" "files" {\n  encrypted = true\n}\n' }],
      bad: [
        { name: 'not set', code: 'resource "aws_efs_file_system" ⟦"files"⟧ {}\n', expect: [{ severity: 'warning', message: ['encrypted is not set'] }] },
        { name: 'encrypted = false', code: 'resource "aws_efs_file_system" "files" {\n  encrypted = ⟦false⟧\n}\n', expect: [{ severity: 'warning', message: ['encrypted is false'] }] },
      ],
    },
  },
  {
    rule: 'efs-backup-policy',
    cloudformation: {
      good: [{ name: 'ENABLED', code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n      BackupPolicy:\n        Status: ENABLED\n' }],
      bad: [{ name: 'DISABLED', code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n      BackupPolicy:\n        Status: ⟦DISABLED⟧\n', expect: [{ message: ["Status is 'DISABLED'"] }] }],
    },
    terraform: {
      good: [{ name: 'aws_efs_backup_policy ENABLED', code: 'resource "aws_efs_file_system" "files" {\n  encrypted = true\n}\nresource "aws_efs_backup_policy" "files" {\n  file_system_id = aws_efs_file_system.files.id\n  backup_policy {\n    status = "ENABLED"\n  }\n}\n' }],
      bad: [
        { name: 'no aws_efs_backup_policy', code: 'resource "aws_efs_file_system" ⟦"files"⟧ {\n  encrypted = true\n}\n', expect: [{ message: ['no aws_efs_backup_policy points at it', 'automatic backups stay off'] }] },
        { name: 'aws_efs_backup_policy DISABLED, reported on the file system', code: 'resource "aws_efs_file_system" ⟦"files"⟧ {\n  encrypted = true\n}\nresource "aws_efs_backup_policy" "files" {\n  file_system_id = aws_efs_file_system.files.id\n  backup_policy {\n    status = "DISABLED"\n  }\n}\n', expect: [{ message: ["backup_policy.status is 'DISABLED'"] }] },
      ],
    },
  },
  {
    rule: 'efs-access-point-identity',
    cloudformation: {
      good: [{ name: 'POSIX user and a sub-directory', code: 'Resources:\n  Ap:\n    Type: AWS::EFS::AccessPoint\n    Properties:\n      FileSystemId: fs-12345678\n      PosixUser: { Uid: "1000", Gid: "1000" }\n      RootDirectory: { Path: /app }\n' }],
      bad: [
        {
          name: 'no POSIX user, root "/"',
          code: 'Resources:\n  ⟦Ap⟧:\n    Type: AWS::EFS::AccessPoint\n    Properties:\n      FileSystemId: fs-12345678\n      RootDirectory: { Path: ⟦/⟧ }\n',
          expect: [{ message: ['PosixUser.Uid is not set'] }, { message: ["RootDirectory.Path is '/'"] }],
        },
      ],
    },
    terraform: {
      good: [{ name: 'posix_user and a sub-directory', code: 'resource "aws_efs_access_point" "app" {\n  file_system_id = "fs-12345678"\n  posix_user {\n    uid = 1000\n    gid = 1000\n  }\n  root_directory {\n    path = "/app"\n  }\n}\n' }],
      bad: [
        {
          name: 'posix_user without a root directory: the whole file system',
          code: 'resource "aws_efs_access_point" ⟦"app"⟧ {\n  file_system_id = "fs-12345678"\n  posix_user {\n    uid = 1000\n    gid = 1000\n  }\n}\n',
          expect: [{ message: ['root_directory.path is not set', 'whole file system'] }],
        },
        {
          name: 'a root directory without posix_user: clients choose their ids',
          code: 'resource "aws_efs_access_point" ⟦"app"⟧ {\n  file_system_id = "fs-12345678"\n  root_directory {\n    path = "/app"\n  }\n}\n',
          expect: [{ message: ['posix_user.uid is not set'] }],
        },
      ],
    },
  },
  {
    rule: 'ecr-scan-on-push',
    cloudformation: {
      good: [
        { name: 'ScanOnPush true', code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration:\n        ScanOnPush: true\n' },
        { name: 'registry-level scanning of every repository', code: 'Resources:\n  Scanning:\n    Type: AWS::ECR::RegistryScanningConfiguration\n    Properties:\n      ScanType: ENHANCED\n      Rules:\n        - ScanFrequency: CONTINUOUS_SCAN\n          RepositoryFilters:\n            - Filter: "*"\n              FilterType: WILDCARD\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: app\n' },
      ],
      bad: [{ name: 'not set', code: 'Resources:\n  ⟦Repo⟧:\n    Type: AWS::ECR::Repository\n', expect: [{ message: ['ImageScanningConfiguration.ScanOnPush is not set'] }] }],
    },
    terraform: {
      good: [
        { name: 'scan_on_push = true', code: 'resource "aws_ecr_repository" "repo" {\n  name = "app"\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n' },
        { name: 'registry-level scanning whose filter matches the repository', code: 'resource "aws_ecr_registry_scanning_configuration" "scanning" {\n  scan_type = "BASIC"\n  rule {\n    scan_frequency = "SCAN_ON_PUSH"\n    repository_filter {\n      filter      = "ap*"\n      filter_type = "WILDCARD"\n    }\n  }\n}\nresource "aws_ecr_repository" "repo" {\n  name = "app"\n}\n' },
      ],
      bad: [{ name: 'scan_on_push = false', code: 'resource "aws_ecr_repository" "repo" {\n  name = "app"\n  image_scanning_configuration {\n    scan_on_push = ⟦false⟧\n  }\n}\n', expect: [{ message: ['image_scanning_configuration.scan_on_push is false'] }] }],
    },
  },
  {
    rule: 'ecr-immutable-tags',
    cloudformation: {
      good: [
        { name: 'IMMUTABLE', code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: IMMUTABLE\n' },
        { name: 'IMMUTABLE_WITH_EXCLUSION', code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: IMMUTABLE_WITH_EXCLUSION\n' },
      ],
      bad: [{ name: 'MUTABLE', code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: ⟦MUTABLE⟧\n', expect: [{ message: ["ImageTagMutability is 'MUTABLE'"] }] }],
    },
    terraform: {
      good: [{ name: 'IMMUTABLE', code: 'resource "aws_ecr_repository" "repo" {\n  name                 = "app"\n  image_tag_mutability = "IMMUTABLE"\n}\n' }],
      bad: [
        { name: 'not set: MUTABLE', code: 'resource "aws_ecr_repository" ⟦"repo"⟧ {\n  name = "app"\n}\n', expect: [{ message: ['image_tag_mutability is not set', 'defaults to MUTABLE'] }] },
        { name: 'MUTABLE_WITH_EXCLUSION', code: 'resource "aws_ecr_repository" "repo" {\n  name                 = "app"\n  image_tag_mutability = ⟦"MUTABLE_WITH_EXCLUSION"⟧\n}\n', expect: [{ message: ["image_tag_mutability is 'MUTABLE_WITH_EXCLUSION'"] }] },
      ],
    },
  },
  {
    rule: 'ecr-kms',
    cloudformation: {
      good: [{ name: 'KMS', code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      EncryptionConfiguration:\n        EncryptionType: KMS\n        KmsKey: alias/ecr\n' }],
      bad: [{ name: 'AES256', code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      EncryptionConfiguration:\n        EncryptionType: ⟦AES256⟧\n', expect: [{ message: ["EncryptionType is 'AES256'"] }] }],
    },
    terraform: {
      good: [{ name: 'KMS', code: 'resource "aws_ecr_repository" "repo" {\n  name = "app"\n  encryption_configuration {\n    encryption_type = "KMS"\n    kms_key         = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"\n  }\n}\n' }],
      bad: [
        { name: 'not set: AES256', code: 'resource "aws_ecr_repository" ⟦"repo"⟧ {\n  name = "app"\n}\n', expect: [{ message: ['encryption_configuration.encryption_type is not set', 'defaults to AES256'] }] },
        { name: 'AES256', code: 'resource "aws_ecr_repository" "repo" {\n  name = "app"\n  encryption_configuration {\n    encryption_type = ⟦"AES256"⟧\n  }\n}\n', expect: [{ message: ["encryption_configuration.encryption_type is 'AES256'"] }] },
      ],
    },
  },
  {
    rule: 'backup-vault-kms',
    cloudformation: {
      good: [{ name: 'a customer managed key', code: 'Resources:\n  Vault:\n    Type: AWS::Backup::BackupVault\n    Properties:\n      BackupVaultName: main\n      EncryptionKeyArn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\n' }],
      bad: [{ name: 'no key', code: 'Resources:\n  ⟦Vault⟧:\n    Type: AWS::Backup::BackupVault\n    Properties:\n      BackupVaultName: main\n', expect: [{ message: ['EncryptionKeyArn is not set'] }] }],
    },
    terraform: {
      good: [{ name: 'kms_key_arn set', code: 'resource "aws_kms_key" "backup" {}\nresource "aws_backup_vault" "main" {\n  name        = "main"\n  kms_key_arn = aws_kms_key.backup.arn\n}\n' }],
      bad: [{ name: 'no key', code: 'resource "aws_backup_vault" ⟦"main"⟧ {\n  name = "main"\n}\n', expect: [{ message: ['kms_key_arn is not set'] }] }],
    },
  },
  {
    rule: 'backup-vault-lock',
    cloudformation: {
      good: [{ name: 'LockConfiguration', code: 'Resources:\n  Vault:\n    Type: AWS::Backup::BackupVault\n    Properties:\n      BackupVaultName: main\n      LockConfiguration:\n        MinRetentionDays: 7\n' }],
      bad: [{ name: 'no lock', code: 'Resources:\n  ⟦Vault⟧:\n    Type: AWS::Backup::BackupVault\n    Properties:\n      BackupVaultName: main\n', expect: [{ message: ['LockConfiguration.MinRetentionDays is not set'] }] }],
    },
    terraform: {
      good: [
        { name: 'aws_backup_vault_lock_configuration', code: 'resource "aws_backup_vault" "main" {\n  name = "main"\n}\nresource "aws_backup_vault_lock_configuration" "main" {\n  backup_vault_name  = aws_backup_vault.main.name\n  min_retention_days = 7\n}\n' },
        { name: 'a lock configuration without min_retention_days (optional) still locks the vault', code: 'resource "aws_backup_vault" "main" {\n  name = "main"\n}\nresource "aws_backup_vault_lock_configuration" "main" {\n  backup_vault_name  = aws_backup_vault.main.name\n  max_retention_days = 365\n}\n' },
      ],
      bad: [{ name: 'no lock configuration', code: 'resource "aws_backup_vault" ⟦"main"⟧ {\n  name = "main"\n}\n', expect: [{ message: ['no aws_backup_vault_lock_configuration points at it'] }] }],
    },
  },
  {
    rule: 'data-residency-regions',
    cloudformation: {
      good: [{ name: 'a bucket without replication', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n' }],
      bad: [
        {
          name: 'a global table replica in another Region (information)',
          code: 'Resources:\n  Table:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\n      KeySchema: [{ AttributeName: id, KeyType: HASH }]\n      BillingMode: PAY_PER_REQUEST\n      Replicas:\n        - Region: ⟦eu-west-1⟧\n        - Region: us-east-1\n',
          expect: [{ severity: 'info', message: ['table data is replicated to eu-west-1 and us-east-1'] }],
        },
      ],
    },
    terraform: {
      good: [{ name: 'a bucket in the provider Region', code: 'resource "aws_s3_bucket" "data" {}\n' }],
      bad: [
        {
          name: 'a backup copy action to another Region (information)',
          code: 'resource "aws_backup_plan" "daily" {\n  name = "daily"\n  rule {\n    rule_name         = "daily"\n    target_vault_name = "main"\n    copy_action {\n      destination_vault_arn = ⟦"arn:aws:backup:us-east-1:111122223333:backup-vault:dr"⟧\n    }\n  }\n}\n',
          expect: [{ severity: 'info', message: ['backups are copied to us-east-1'] }],
        },
      ],
    },
  },
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [];
