// The 14 customer-side responsibility items (security IN the cloud), tied to the Shared Responsibility Model wording.
import type { ItemId, ResponsibilityItem } from './types';

export const ITEMS: readonly ResponsibilityItem[] = [
  {
    id: 'data-at-rest-encryption', label: 'encryption at rest', modelWording: 'server-side encryption (file system and/or data)',
    why: 'AWS runs the encryption machinery, but only the customer decides that a volume, database, bucket or queue is encrypted.',
    perCategory: {
      infrastructure: 'EBS volumes and launch templates set Encrypted, or the account turns on EBS default encryption.',
      container: 'StorageEncrypted / AtRestEncryptionEnabled flags, often settable only at creation.',
      abstracted: 'Often on by default (S3 SSE-S3, DynamoDB, SQS SSE-SQS, CloudWatch Logs); the choice and any explicit disable stay the customer\'s.',
    },
  },
  {
    id: 'key-management', label: 'key management', modelWording: 'encryption choices; who has access to the keys',
    why: 'Which key protects the data, who may use it and whether it rotates are access decisions AWS cannot make for the customer.',
    perCategory: {
      infrastructure: 'KmsKeyId on EBS volumes.',
      container: 'KmsKeyId on RDS, Redshift, ElastiCache and EKS secrets.',
      abstracted: 'Customer managed keys on S3, SQS, SNS, Lambda environment, secrets and logs; key rotation and key policy.',
    },
  },
  {
    id: 'data-in-transit', label: 'data in transit', modelWording: 'network traffic protection (encryption, integrity, identity)',
    why: 'AWS offers TLS endpoints, but whether a listener, engine or client requires TLS is configured by the customer.',
    perCategory: {
      infrastructure: 'TLS inside the guest is the customer\'s; in templates it shows on load balancers.',
      container: 'Engine flags and parameter groups: rds.force_ssl, require_ssl, Redis and MSK TLS, OpenSearch HTTPS.',
      abstracted: 'S3 aws:SecureTransport deny, CloudFront viewer and origin protocols, API Gateway TLS policies.',
    },
  },
  {
    id: 'network-exposure', label: 'network exposure', modelWording: 'operating system, network and firewall configuration',
    why: 'AWS secures the network fabric; which ports, addresses and endpoints are reachable is the customer\'s firewall configuration.',
    perCategory: {
      infrastructure: 'Security groups, network ACLs, subnets, routes and public IPs.',
      container: 'VPC placement, security groups and public-endpoint flags such as PubliclyAccessible.',
      abstracted: 'Endpoint exposure: VPC config for Lambda and OpenSearch, WAF on CloudFront, API Gateway and ALB.',
    },
  },
  {
    id: 'public-access', label: 'public access', modelWording: 'who has access to your content',
    why: 'AWS enforces whatever policy is attached; granting anonymous or world access is a customer decision.',
    perCategory: {
      infrastructure: 'Public AMIs and snapshots (rarely template properties).',
      container: 'Public database, broker and replication endpoints.',
      abstracted: 'Bucket, queue, topic, key, repository and function policies; S3 block public access and ACLs; CloudFront origin access control.',
    },
  },
  {
    id: 'identity-access', label: 'identity and access', modelWording: 'platform, applications, identity and access management',
    why: 'AWS authenticates and evaluates requests, but which identities exist and what they may do is defined by the customer.',
    perCategory: {
      infrastructure: 'Instance profiles and OS users.',
      container: 'IAM database auth, Redis AUTH/RBAC, OpenSearch fine-grained access control, MSK client auth.',
      abstracted: 'IAM policies, API Gateway and function URL authorizers, Cognito, EFS access points.',
    },
  },
  {
    id: 'secrets-management', label: 'secrets', modelWording: 'customer data and credentials',
    why: 'Credentials are customer data: AWS stores what it is given, so keeping them out of templates and rotating them is the customer\'s job.',
    perCategory: {
      infrastructure: 'User data must not hold credentials.',
      container: 'Managed master passwords, dynamic references for AuthToken and MasterUserPassword, ECS secrets.',
      abstracted: 'Lambda and CodeBuild environment variables, SSM parameters, Secrets Manager rotation.',
    },
  },
  {
    id: 'logging-audit', label: 'logging and audit', modelWording: 'accountability for activity in the account (derived)',
    why: 'AWS delivers the logs, but only the customer can turn them on, keep them and read them.',
    perCategory: {
      infrastructure: 'VPC flow logs and CloudTrail.',
      container: 'Engine log exports (RDS, DocumentDB, Neptune, OpenSearch, EKS, MQ).',
      abstracted: 'S3, load balancer, CloudFront and API Gateway access logs; Step Functions and WAF logging.',
    },
  },
  {
    id: 'backup-recovery', label: 'backup and recovery', modelWording: 'data-protection mechanisms such as scheduled backups',
    why: 'AWS keeps the service durable, but backups, retention and deletion protection of the customer\'s data are settings the customer chooses.',
    perCategory: {
      infrastructure: 'EBS snapshots and AWS Backup plans.',
      container: 'BackupRetentionPeriod, SnapshotRetentionLimit, DeletionProtection.',
      abstracted: 'DynamoDB point-in-time recovery, EFS backup policy, S3 versioning and replication.',
    },
  },
  {
    id: 'integrity-versioning', label: 'integrity and versioning', modelWording: 'client-side data encryption and data integrity authentication',
    why: 'Detecting or preventing tampering with the customer\'s own data and artifacts needs features only the customer can enable.',
    perCategory: {
      infrastructure: 'AMI provenance (not modelled).',
      container: 'Not modelled separately.',
      abstracted: 'S3 versioning and Object Lock, ECR immutable tags, Lambda code signing, CloudTrail log validation, Backup vault lock.',
    },
  },
  {
    id: 'os-platform-patching', label: 'OS and platform patching', modelWording: 'the operating system and platform you run',
    why: 'On infrastructure services the guest OS is the customer\'s; on managed services AWS patches, but the customer picks versions and must allow upgrades.',
    perCategory: {
      infrastructure: 'SSM patch associations and AMI choice.',
      container: 'AutoMinorVersionUpgrade, AllowVersionUpgrade, EKS version, Beanstalk managed updates, Fargate platform version.',
      abstracted: 'Lambda supported runtimes and runtime update mode; ECR image scanning.',
    },
  },
  {
    id: 'compute-hardening', label: 'compute hardening', modelWording: 'operating system configuration',
    why: 'AWS isolates hosts, but how the customer\'s instances and containers are configured inside that boundary is the customer\'s.',
    perCategory: {
      infrastructure: 'IMDSv2 and hop limit on instances and launch templates.',
      container: 'ECS task definitions, CodeBuild privileged mode, SageMaker root access.',
      abstracted: 'Not applicable.',
    },
  },
  {
    id: 'data-residency', label: 'data residency', modelWording: 'the country or Region in which content is stored',
    why: 'AWS never moves content out of the Region the customer chose, so choosing Regions and replication targets is the customer\'s.',
    perCategory: {
      infrastructure: 'Provider or stack Region.',
      container: 'Cross-Region read replicas and snapshot copies.',
      abstracted: 'S3 replication destinations, DynamoDB replicas, Backup copy actions, CloudFront geo restriction.',
    },
  },
  {
    id: 'data-masking', label: 'data masking', modelWording: 'the format of content: masked, anonymized or encrypted',
    why: 'Only the customer knows which content is sensitive and must be masked before it is logged or published.',
    perCategory: {
      infrastructure: 'Not applicable.',
      container: 'Not applicable.',
      abstracted: 'CloudWatch Logs and SNS data protection policies.',
    },
  },
];

const byId = new Map<string, ResponsibilityItem>(ITEMS.map((item) => [item.id, item]));

/** The responsibility item with this id, or undefined. */
export function getItem(id: string): ResponsibilityItem | undefined {
  return byId.get(id);
}

/** True when id is one of the 14 item ids. */
export function isItemId(id: string): id is ItemId {
  return byId.has(id);
}
