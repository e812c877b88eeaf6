// Trivy's long ids (`<provider>-<service>-<short code>`, tfsec's ids before Trivy took them over) of AVD checks
// that rules list as equivalents. `trivy:ignore:` and `tfsec:ignore:` accept either the AVD id or a long id.
// Each entry was read in the check's METADATA in aquasecurity/trivy-checks (checks/cloud/aws/<the path after the
// entry>: `long_id`, or `provider`-`service`-`short_code`, which is how Trivy forms the long id when none is given);
// aws-s3-enable-bucket-logging is the name tfsec's own ignore documentation uses for AVD-AWS-0089, whose short code
// trivy-checks now spells enable-logging: both are listed. A second id after the long id is an alias the same
// check's METADATA lists (tfsec's id from before the check moved service, e.g. aws-ebs-* to aws-ec2-*). Aliases that
// trivy-checks gives to an unrelated check are left out: aws-autoscaling-no-public-ip on AVD-AWS-0029,
// aws-vpc-no-public-ingress-sgr on AVD-AWS-0164, aws-autoscaling-enable-at-rest-encryption on AVD-AWS-0178.
// An AVD id not listed here is matched by AVD id only, until someone checks its long id the same way (never guess one).

/** Long ids by AVD id (upper case, as rules list them). */
export const TRIVY_LONG_IDS: Readonly<Record<string, readonly string[]>> = {
  'AVD-AWS-0001': ['aws-apigateway-enable-access-logging'], // apigateway/enable_access_logging.rego
  'AVD-AWS-0002': ['aws-apigateway-enable-cache-encryption'], // apigateway/enable_cache_encryption.rego
  'AVD-AWS-0004': ['aws-apigateway-no-public-access'], // apigateway/no_public_access.rego
  'AVD-AWS-0005': ['aws-apigateway-use-secure-tls-policy'], // apigateway/use_secure_tls_policy.rego
  'AVD-AWS-0006': ['aws-athena-enable-at-rest-encryption'], // athena/enable_at_rest_encryption.rego
  'AVD-AWS-0007': ['aws-athena-no-encryption-override'], // athena/no_encryption_override.rego
  'AVD-AWS-0008': ['aws-ec2-enable-launch-config-at-rest-encryption', 'aws-autoscaling-enable-at-rest-encryption'], // ec2/as_enable_at_rest_encryption.rego
  'AVD-AWS-0009': ['aws-ec2-no-public-ip'], // ec2/no_public_ip.rego
  'AVD-AWS-0010': ['aws-cloudfront-enable-logging'], // cloudfront/enable_logging.rego
  'AVD-AWS-0011': ['aws-cloudfront-enable-waf'], // cloudfront/enable_waf.rego
  'AVD-AWS-0012': ['aws-cloudfront-enforce-https'], // cloudfront/enforce_https.rego
  'AVD-AWS-0013': ['aws-cloudfront-use-secure-tls-policy'], // cloudfront/use_secure_tls_policy.rego
  'AVD-AWS-0014': ['aws-cloudtrail-enable-all-regions'], // cloudtrail/enable_all_regions.rego
  'AVD-AWS-0015': ['aws-cloudtrail-encryption-customer-managed-key'], // cloudtrail/encryption_customer_key.rego
  'AVD-AWS-0016': ['aws-cloudtrail-enable-log-validation'], // cloudtrail/enable_log_validation.rego
  'AVD-AWS-0017': ['aws-cloudwatch-log-group-customer-key'], // cloudwatch/log_group_customer_key.rego
  'AVD-AWS-0018': ['aws-codebuild-enable-encryption'], // codebuild/enable_encryption.rego
  'AVD-AWS-0020': ['aws-documentdb-enable-log-export'], // documentdb/enable_log_export.rego
  'AVD-AWS-0021': ['aws-documentdb-enable-storage-encryption'], // documentdb/enable_storage_encryption.rego
  'AVD-AWS-0022': ['aws-documentdb-encryption-customer-key'], // documentdb/encryption_customer_key.rego
  'AVD-AWS-0024': ['aws-dynamodb-enable-recovery'], // dynamodb/enable_recovery.rego
  'AVD-AWS-0025': ['aws-dynamodb-table-customer-key'], // dynamodb/table_customer_key.rego
  'AVD-AWS-0026': ['aws-ec2-enable-volume-encryption', 'aws-ebs-enable-volume-encryption'], // ec2/enable_volume_encryption.rego
  'AVD-AWS-0027': ['aws-ec2-volume-encryption-customer-key', 'aws-ebs-encryption-customer-key'], // ec2/encryption_customer_key.rego
  'AVD-AWS-0028': ['aws-ec2-enforce-http-token-imds'], // ec2/enforce_http_token_imds.rego
  'AVD-AWS-0029': ['aws-ec2-no-secrets-in-user-data'], // ec2/no_secrets_in_user_data.rego
  'AVD-AWS-0030': ['aws-ecr-enable-image-scans'], // ecr/enable_image_scans.rego
  'AVD-AWS-0031': ['aws-ecr-enforce-immutable-repository'], // ecr/enforce_immutable_repository.rego
  'AVD-AWS-0032': ['aws-ecr-no-public-access'], // ecr/no_public_access.rego
  'AVD-AWS-0033': ['aws-ecr-repository-customer-key'], // ecr/repository_customer_key.rego
  'AVD-AWS-0034': ['aws-ecs-enable-container-insight'], // ecs/enable_container_insight.rego
  'AVD-AWS-0035': ['aws-ecs-enable-in-transit-encryption'], // ecs/enable_in_transit_encryption.rego
  'AVD-AWS-0036': ['aws-ecs-no-plaintext-secrets'], // ecs/no_plaintext_secrets.rego
  'AVD-AWS-0037': ['aws-efs-enable-at-rest-encryption'], // efs/enable_at_rest_encryption.rego
  'AVD-AWS-0038': ['aws-eks-enable-control-plane-logging'], // eks/enable_control_plane_logging.rego
  'AVD-AWS-0039': ['aws-eks-encrypt-secrets'], // eks/encrypt_secrets.rego
  'AVD-AWS-0040': ['aws-eks-no-public-cluster-access'], // eks/no_public_cluster_access.rego
  'AVD-AWS-0041': ['aws-eks-no-public-cluster-access-to-cidr'], // eks/no_public_cluster_access_to_cidr.rego
  'AVD-AWS-0042': ['aws-elasticsearch-enable-domain-logging'], // elasticsearch/enable_domain_logging.rego
  'AVD-AWS-0043': ['aws-elasticsearch-enable-in-transit-encryption'], // elasticsearch/enable_in_transit_encryption.rego
  'AVD-AWS-0045': ['aws-elasticache-enable-at-rest-encryption'], // elasticache/enable_at_rest_encryption.rego
  'AVD-AWS-0046': ['aws-elasticsearch-enforce-https'], // elasticsearch/enforce_https.rego
  'AVD-AWS-0047': ['aws-elb-use-secure-tls-policy'], // elb/use_secure_tls_policy.rego
  'AVD-AWS-0048': ['aws-elasticsearch-enable-domain-encryption'], // elasticsearch/enable_domain_encryption.rego
  'AVD-AWS-0050': ['aws-elasticache-enable-backup-retention'], // elasticache/enable_backup_retention.rego
  'AVD-AWS-0051': ['aws-elasticache-enable-in-transit-encryption'], // elasticache/enable_in_transit_encryption.rego
  'AVD-AWS-0052': ['aws-elb-drop-invalid-headers'], // elb/drop_invalid_headers.rego
  'AVD-AWS-0053': ['aws-elb-alb-not-public'], // elb/alb_not_public.rego
  'AVD-AWS-0054': ['aws-elb-http-not-used'], // elb/http_not_used.rego
  'AVD-AWS-0056': ['aws-iam-no-password-reuse'], // iam/no_password_reuse.rego
  'AVD-AWS-0058': ['aws-iam-require-lowercase-in-passwords'], // iam/require_lowercase_in_passwords.rego
  'AVD-AWS-0059': ['aws-iam-require-numbers-in-passwords'], // iam/require_numbers_in_passwords.rego
  'AVD-AWS-0060': ['aws-iam-require-symbols-in-passwords'], // iam/require_symbols_in_passwords.rego
  'AVD-AWS-0061': ['aws-iam-require-uppercase-in-passwords'], // iam/require_uppercase_in_passwords.rego
  'AVD-AWS-0062': ['aws-iam-set-max-password-age'], // iam/set_max_password_age.rego
  'AVD-AWS-0063': ['aws-iam-set-minimum-password-length'], // iam/set_minimum_password_length.rego
  'AVD-AWS-0064': ['aws-kinesis-enable-in-transit-encryption'], // kinesis/enable_in_transit_encryption.rego
  'AVD-AWS-0065': ['aws-kms-auto-rotate-keys'], // kms/auto_rotate_keys.rego
  'AVD-AWS-0066': ['aws-lambda-enable-tracing'], // lambda/enable_tracing.rego
  'AVD-AWS-0067': ['aws-lambda-restrict-source-arn'], // lambda/restrict_source_arn.rego
  'AVD-AWS-0070': ['aws-mq-enable-audit-logging'], // mq/enable_audit_logging.rego
  'AVD-AWS-0072': ['aws-mq-no-public-access'], // mq/no_public_access.rego
  'AVD-AWS-0073': ['aws-msk-enable-in-transit-encryption'], // msk/enable_in_transit_encryption.rego
  'AVD-AWS-0075': ['aws-neptune-enable-log-export'], // neptune/enable_log_export.rego
  'AVD-AWS-0076': ['aws-neptune-enable-storage-encryption'], // neptune/enable_storage_encryption.rego
  'AVD-AWS-0077': ['aws-rds-specify-backup-retention'], // rds/specify_backup_retention.rego
  'AVD-AWS-0079': ['aws-rds-encrypt-cluster-storage-data'], // rds/encrypt_cluster_storage_data.rego
  'AVD-AWS-0080': ['aws-rds-encrypt-instance-storage-data'], // rds/encrypt_instance_storage_data.rego
  'AVD-AWS-0084': ['aws-redshift-encryption-customer-key'], // redshift/encryption_customer_key.rego
  'AVD-AWS-0086': ['aws-s3-block-public-acls'],
  'AVD-AWS-0087': ['aws-s3-block-public-policy'],
  'AVD-AWS-0088': ['aws-s3-enable-bucket-encryption'],
  'AVD-AWS-0089': ['aws-s3-enable-logging', 'aws-s3-enable-bucket-logging'],
  'AVD-AWS-0090': ['aws-s3-enable-versioning'],
  'AVD-AWS-0091': ['aws-s3-ignore-public-acls'],
  'AVD-AWS-0092': ['aws-s3-no-public-access-with-acl'],
  'AVD-AWS-0093': ['aws-s3-no-public-buckets'],
  'AVD-AWS-0095': ['aws-sns-enable-topic-encryption'], // sns/enable_topic_encryption.rego
  'AVD-AWS-0096': ['aws-sqs-enable-queue-encryption'],
  'AVD-AWS-0097': ['aws-sqs-no-wildcards-in-policy-documents'],
  'AVD-AWS-0098': ['aws-ssm-secret-use-customer-key'], // ssm/secret_use_customer_key.rego
  'AVD-AWS-0102': ['aws-ec2-no-excessive-port-access'], // ec2/no_excessive_port_access.rego
  'AVD-AWS-0104': ['aws-ec2-no-public-egress-sgr', 'aws-vpc-no-public-egress-sgr'], // ec2/no_public_egress_sgr.rego
  'AVD-AWS-0105': ['aws-ec2-no-public-ingress-acl', 'aws-vpc-no-public-ingress-acl'], // ec2/no_public_ingress_acl.rego
  'AVD-AWS-0107': ['aws-ec2-no-public-ingress-sgr'], // ec2/no_public_ingress_sgr.rego
  'AVD-AWS-0126': ['aws-elasticsearch-use-secure-tls-policy'], // elasticsearch/use_secure_tls_policy.rego
  'AVD-AWS-0128': ['aws-neptune-encryption-customer-key'], // neptune/encryption_customer_key.rego
  'AVD-AWS-0129': ['aws-ec2-no-secrets-in-launch-template-user-data', 'aws-autoscaling-no-secrets-in-user-data'], // ec2/as_no_secrets_in_user_data.rego
  'AVD-AWS-0130': ['aws-ec2-enforce-launch-config-http-token-imds', 'aws-autoscaling-enforce-http-token-imds'], // ec2/as_enforce_http_token_imds.rego
  'AVD-AWS-0131': ['aws-ec2-enable-at-rest-encryption'], // ec2/enable_at_rest_encryption.rego
  'AVD-AWS-0132': ['aws-s3-encryption-customer-key'],
  'AVD-AWS-0135': ['aws-sqs-queue-encryption-use-cmk'],
  'AVD-AWS-0136': ['aws-sns-topic-encryption-use-cmk'], // sns/topic_encryption_with_cmk.rego
  'AVD-AWS-0137': ['aws-emr-enable-at-rest-encryption'], // emr/enable_at_rest_encryption.rego
  'AVD-AWS-0138': ['aws-emr-enable-in-transit-encryption'], // emr/enable_in_transit_encryption.rego
  'AVD-AWS-0139': ['aws-emr-enable-local-disk-encryption'], // emr/enable_local_disk_encryption.rego
  'AVD-AWS-0143': ['aws-iam-no-user-attached-policies'], // iam/no_user_attached_policies.rego
  'AVD-AWS-0162': ['aws-cloudtrail-ensure-cloudwatch-integration'], // cloudtrail/ensure_cloudwatch_integration.rego
  'AVD-AWS-0164': ['aws-ec2-no-public-ip-subnet'], // ec2/no_public_ip_subnet.rego
  'AVD-AWS-0170': ['aws-s3-require-mfa-delete'],
  'AVD-AWS-0173': ['aws-ec2-restrict-all-in-default-sg'], // ec2/restrict_all_in_default_sg.rego
  'AVD-AWS-0176': ['aws-rds-enable-iam-auth'], // rds/enable_iam_auth.rego
  'AVD-AWS-0177': ['aws-rds-enable-deletion-protection'], // rds/enable_deletion_protection.rego
  'AVD-AWS-0178': ['aws-ec2-require-vpc-flow-logs-for-all-vpcs'], // ec2/require_vpc_flow_logs_for_all_vpcs.rego
  'AVD-AWS-0180': ['aws-rds-enable-public-access'], // rds/disable_public_access.rego
  'AVD-AWS-0343': ['aws-rds-enable-cluster-deletion-protection'], // rds/enable_cluster_deletion_protection.rego
  'AVD-AWS-0345': ['aws-iam-no-s3-full-access'], // iam/limit_s3_full_access.rego
};
