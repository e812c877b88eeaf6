// What applying a quick fix does beyond the setting (issue 12): the resource is replaced on the next deployment,
// clients may break, it costs money, or a follow-up finding remains (named by its rule id, with why the fix does
// not write it). Appended to the fix titles by the registry, so every host shows the same title. Replacement
// facts come from the CloudFormation resource schemas (createOnlyProperties, as cfn-lint ships them) and the
// Terraform AWS provider (ForceNew arguments); a note says nothing it is not sure of.
import type { FixSafety, Rule, SetSettingFix } from './rule';

/** A note per format; `both` when CloudFormation and Terraform behave alike. */
export interface FixNote {
  readonly cloudformation?: string;
  readonly terraform?: string;
  /** Clients or deployments that relied on the old behaviour may break: a safe fix becomes `breaks` (never applied in bulk). */
  readonly breaks?: true;
}

function both(note: string): FixNote {
  return { cloudformation: note, terraform: note };
}

/** A note saying what may stop working: the fix is not applied by fix-all or `scan --fix`. */
function breaking(note: string): FixNote {
  return { ...both(note), breaks: true };
}

const LOG_INGESTION = 'the logs are billed as CloudWatch Logs ingestion and storage';
const ELB_LOGS = 'the bucket\'s policy must let Elastic Load Balancing write to it (logdelivery.elasticloadbalancing.amazonaws.com, or the Region\'s ELB account in older Regions), or the update fails; log objects are stored, and billed, in S3';
const LOGS_COST = 'log ingestion and storage in CloudWatch Logs are billed';
const BACKUP_COST = 'backup storage beyond the free allowance costs money';
const MINOR_UPGRADES = 'minor engine upgrades then restart it in the maintenance window';
const DELETION_PROTECTION = 'deleting it (stack deletion, terraform destroy) then fails until this is turned off';
const OUTSIDE_CLIENTS = 'clients outside the VPC can no longer connect';
const IMDSV1 = 'software on the instances that still calls IMDSv1 (no token) breaks';

/**
 * Notes by rule id, or by `ruleId:fixId` for a rule whose fixes differ. Keys must name an existing fix
 * (test/unit/fix-outcomes.test.ts checks it).
 */
export const FIX_NOTES: Readonly<Record<string, FixNote>> = {
  // The resource is replaced: its data comes back only from a snapshot or a copy.
  'rds-storage-encrypted': both('replaces the database on the next deployment: a new, empty one unless restored from a snapshot'),
  'docdb-encrypted': both('replaces the cluster on the next deployment: a new, empty one unless restored from a snapshot'),
  'neptune-encrypted': both('replaces the cluster on the next deployment: a new, empty one unless restored from a snapshot'),
  'efs-encrypted': both('replaces the file system on the next deployment: a new, empty one; copy the data over'),
  'elasticache-at-rest': both('replaces the replication group on the next deployment: a new, empty one unless seeded from a backup'),
  'msk-in-transit:set-in-cluster': both('replaces the cluster on the next deployment: a new, empty one'),
  'dms-not-public': both('replaces the replication instance on the next deployment'),
  'mq-not-public': both(`replaces the broker on the next deployment (its messages are lost); ${OUTSIDE_CLIENTS}`),
  'ebs-volume-encrypted': {
    cloudformation: 'EBS cannot encrypt an existing volume in place: copy it through an encrypted snapshot; a customer managed key is a separate choice (ebs-volume-cmk)',
    terraform: 'replaces the volume on the next apply: a new, empty one unless created from a snapshot; a customer managed key is a separate choice (ebs-volume-cmk)',
  },
  'ecs-no-privileged': { cloudformation: 'registers a new task definition revision, which services then deploy; software in the container that needs host devices stops working' },
  'ecs-readonly-rootfs': { cloudformation: 'registers a new task definition revision, which services then deploy; a container that writes outside its volumes then fails (give it a volume for those paths)' },
  'ec2-ebs-encrypted': both('replaces the instance on the next deployment: its volumes are new, empty ones unless created from snapshots'),
  'lt-ebs-encrypted': both('a new template version: instances launched before keep their unencrypted volumes'),
  'lc-ebs-encrypted': both('replaces the launch configuration: instances launched before keep their unencrypted volumes'),
  'ec2-no-public-ip': { terraform: 'replaces the instance on the next apply: a new one from its AMI (data on the old root volume is lost unless kept on another volume); in a public subnet it then reaches the internet only through a NAT gateway or VPC endpoints', breaks: true },
  'lt-no-public-ip': breaking('a new template version: its instances in a public subnet lose internet access unless a NAT gateway or VPC endpoints route them'),
  's3-default-encryption': both('SSE-S3, what S3 applies when nothing is set; a customer managed key is a separate choice (s3-kms-cmk)'),
  's3-acls-disabled': breaking('ACLs stop granting access, and requests that set an ACL other than bucket-owner-full-control are rejected'),
  'ecs-efs-transit-encryption': both('registers a new task definition revision, which services then deploy'),
  'eb-stream-logs': both(LOG_INGESTION),
  'eb-managed-platform-updates': both('platform updates are then applied in a weekly maintenance window (instances are replaced or restarted); managed actions use the environment\'s service role'),
  'ecs-container-insights': both('Container Insights metrics and performance logs are billed as CloudWatch custom metrics and Logs ingestion'),
  'eks-secrets-encryption': {
    cloudformation: 'CloudFormation documents EncryptionConfig changes as Update requires: Replacement, so the cluster may be replaced; once on, secrets encryption cannot be turned off, and the key must stay enabled',
    terraform: 'once on, secrets encryption cannot be turned off, and the key must stay enabled or the cluster cannot read its secrets',
  },
  'apigw-execution-logging': breaking(`the account needs API Gateway's CloudWatch Logs role (AWS::ApiGateway::Account CloudWatchRoleArn, aws_api_gateway_account), or the deployment fails; ${LOG_INGESTION}`),
  'lc-imdsv2': both(`replaces the launch configuration (instances launched before keep IMDSv1); ${IMDSV1}`),
  'elasticache-auth': {
    cloudformation: 'the group needs TransitEncryptionEnabled: true (elasticache-in-transit), or the deployment fails; clients must then send the token',
    terraform: 'the group needs transit_encryption_enabled = true (elasticache-in-transit), or the apply fails; clients must then send the token, which the Terraform state keeps',
  },
  'elasticache-custom-subnet-group': both('replaces the cache on the next deployment: a new, empty one in the subnet group\'s VPC'),
  'eks-nodegroup-ssh': both('replaces the node group on the next deployment (remote access cannot be changed in place): its nodes are drained and recreated'),
  // Clients or deployments may break: offered, never applied in bulk.
  'subnet-no-auto-public-ip': breaking('instances launched in the subnet no longer get a public IP: in a public subnet they lose internet access unless given one another way'),
  'ec2-imdsv2': breaking(IMDSV1),
  'lt-imdsv2': breaking(`a new template version; ${IMDSV1}`),
  'alb-tls-policy': breaking('clients that cannot use TLS 1.2 or later can no longer connect'),
  'cloudfront-min-tls': breaking('viewers limited to TLS 1.0 or 1.1, or to ciphers without forward secrecy, can no longer connect'),
  'apigw-domain-tls': breaking('clients limited to TLS 1.0 or 1.1 can no longer connect'),
  'opensearch-https-tls:set-enforce-https': breaking('plain HTTP clients can no longer connect'),
  'opensearch-https-tls:set-tls-policy': breaking('clients without TLS 1.2 and forward secrecy can no longer connect'),
  'dms-endpoint-ssl': breaking('the endpoint\'s database must accept SSL connections, or the connection fails'),
  'elasticache-in-transit': breaking('clients that do not use TLS can no longer connect'),
  'msk-in-transit:set-client-broker-tls': breaking('plaintext clients can no longer connect'),
  'msk-no-unauthenticated': breaking('clients without authentication can no longer connect'),
  'msk-no-public-access': breaking(OUTSIDE_CLIENTS),
  'rds-not-public': breaking(OUTSIDE_CLIENTS),
  'redshift-not-public': breaking(OUTSIDE_CLIENTS),
  'neptune-iam-auth': breaking('every connection must then be signed (SigV4): clients without IAM credentials break'),
  'ecs-service-no-public-ip': breaking('tasks in a public subnet lose internet access (image pulls fail) unless a NAT gateway or VPC endpoints route them'),
  'cognito-no-unauth-identities': breaking('guest (unauthenticated) users lose their AWS credentials'),
  's3-block-public-access': breaking('public access to the bucket (a website, public objects) stops working'),
  's3-tls-only-policy': breaking('clients that reach the bucket over plain HTTP are denied'),
  's3-acl-not-public': breaking('anonymous readers lose access'),
  'ecr-immutable-tags': breaking('pushing an existing tag again (such as latest) then fails'),
  'tgw-no-auto-accept': breaking('attachments shared from other accounts then wait for manual acceptance'),
  'sagemaker-no-root': breaking('notebook users lose root (sudo) access'),
  'redshift-enhanced-vpc-routing': breaking('COPY and UNLOAD traffic then goes through the VPC: it needs a route to S3 (an endpoint or NAT)'),
  'eks-supported-version': breaking('EKS updates a cluster one minor version at a time: an existing cluster must be updated through each version in between, and workloads tested on each (deprecated Kubernetes APIs are removed)'),
  'lambda-url-auth': breaking('callers must then sign their requests (SigV4) and be allowed lambda:InvokeFunctionUrl: browsers and webhooks calling the URL anonymously are refused'),
  'apigw-method-authorization': breaking('callers must then sign their requests (SigV4) with credentials allowed execute-api:Invoke: anonymous callers are refused'),
  'apigwv2-route-authorization': breaking('callers must then sign their requests (SigV4) with credentials allowed execute-api:Invoke: anonymous callers are refused'),
  'emr-block-public-access': breaking('clusters whose security groups allow inbound traffic from anywhere on other ports can no longer launch'),
  'cloudfront-origin-https': breaking('the origin must then answer HTTPS on its HTTPS port with a certificate for its domain name that CloudFront trusts, or viewers get 502 errors'),
  // It costs money.
  'rds-backup-retention': both(BACKUP_COST),
  'rds-cluster-backup-retention': both(BACKUP_COST),
  'docdb-backup-retention': both(BACKUP_COST),
  'elasticache-backups': both(BACKUP_COST),
  'redshift-snapshots': both(BACKUP_COST),
  'dynamodb-pitr': both('continuous backups are billed per GB-month'),
  'efs-backup-policy': both('AWS Backup storage is billed'),
  's3-versioning': {
    cloudformation: 'noncurrent versions are kept and billed (expire them with a lifecycle rule)',
    terraform: 'noncurrent versions are kept and billed (expire them with a lifecycle rule); MFA delete stays off (s3-mfa-delete): only the root user can turn it on, with an MFA code, through the API or CLI',
  },
  'cloudtrail-logging-on': both('delivered logs are stored, and billed, in S3'),
  'cloudtrail-multi-region': both('events from every Region are delivered: more S3 storage'),
  'guardduty-enabled': both('GuardDuty is billed by the volume of events it analyses'),
  'lambda-in-vpc': breaking('the function\'s role needs ec2:CreateNetworkInterface, DescribeNetworkInterfaces and DeleteNetworkInterface (AWSLambdaVPCAccessExecutionRole), or the deployment fails; in the VPC it reaches the internet and AWS APIs only through a NAT gateway or VPC endpoints'),
  'opensearch-in-vpc': breaking(`a public domain cannot move into a VPC: replaces the domain on the next deployment (a new, empty one; restore a snapshot or reindex); ${OUTSIDE_CLIENTS}`),
  'opensearch-fgac': breaking('a blue/green deployment of the domain; requests are then allowed only through role mappings, which the master user makes (clients without one are refused); HTTP clients must switch to HTTPS'),
  'efs-access-point-identity': breaking('replaces the access point on the next deployment (a new id); clients then act as that user and group, so files they cannot reach by those ids become unreadable to them'),
  'alb-https-listener': breaking('clients calling http:// on this port break: they must use https:// (add an HTTP listener that redirects, if they cannot change)'),
  'lambda-tracing': breaking('the function\'s role needs xray:PutTraceSegments and xray:PutTelemetryRecords (AWSXRayDaemonWriteAccess), or the deployment fails; X-Ray bills traces beyond its free tier'),
  'lambda-tracing-sam': breaking('the function\'s role needs xray:PutTraceSegments and xray:PutTelemetryRecords (AWSXRayDaemonWriteAccess), or the deployment fails; X-Ray bills traces beyond its free tier'),
  'eks-control-plane-logging': both(LOG_INGESTION),
  'rds-log-exports:export-audit': both(`${LOG_INGESTION}; MySQL and MariaDB write an audit log only with the MARIADB_AUDIT_PLUGIN option in the instance's option group`),
  'rds-log-exports': both(LOG_INGESTION),
  'rds-cluster-log-exports:export-audit': both(`${LOG_INGESTION}; Aurora MySQL writes an audit log only with server_audit_logging on in the cluster parameter group`),
  'rds-cluster-log-exports': both(LOG_INGESTION),
  'docdb-audit-logs': both(`${LOG_INGESTION}; DocumentDB writes audit events only with audit_logs enabled in the cluster parameter group`),
  'neptune-audit-logs': both(`${LOG_INGESTION}; Neptune writes an audit log only with neptune_enable_audit_log set to 1 in the cluster parameter group`),
  'kms-rotation': both('the first two rotations each add a monthly key charge'),
  // Logs delivered to CloudWatch Logs (design fixes, designFixes.ts).
  'sfn-logging': both(`the state machine's role needs the log delivery permissions (logs:CreateLogDelivery and the other logs:*LogDelivery actions, logs:PutResourcePolicy, logs:DescribeResourcePolicies, logs:DescribeLogGroups) or the update fails; ${LOGS_COST}`),
  'sfn-logging-sam': both(`the state machine's role needs the log delivery permissions (logs:CreateLogDelivery and the other logs:*LogDelivery actions, logs:PutResourcePolicy, logs:DescribeResourcePolicies, logs:DescribeLogGroups) or the update fails; ${LOGS_COST}`),
  'cloudtrail-cloudwatch': both(LOGS_COST),
  'redshift-audit-logging': both(`${LOGS_COST}; the user activity log also needs enable_user_activity_logging in the cluster's parameter group`),
  'apigw-access-logging': both(`REST APIs need the account's CloudWatch Logs role (AWS::ApiGateway::Account CloudWatchRoleArn, aws_api_gateway_account) or the deployment fails; ${LOGS_COST}`),
  'apigwv2-access-logging': both(LOGS_COST),
  'opensearch-audit-logs': both(`audit logs need fine-grained access control (opensearch-fgac) or the update fails; ${LOGS_COST}`),
  'waf-logging': both('logged requests are billed at their destination'),
  // ELB writes a test object when logging is turned on: without the bucket policy the update fails
  // (docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html, bucket requirements).
  'alb-access-logs': breaking(ELB_LOGS),
  'clb-access-logs': breaking(ELB_LOGS),
  's3-access-logging': both('log objects are stored, and billed, in the destination bucket'),
  'cloudfront-logging': both('log files are stored, and billed, in the bucket'),
  'vpc-flow-logs': both('flow log delivery and storage in S3 are billed'),
  'apigw-waf': both('the web ACL\'s rules may block legitimate requests; WAF bills per web ACL, rule and request'),
  'alb-waf': both('the web ACL\'s rules may block legitimate requests; WAF bills per web ACL, rule and request'),
  'dynamodb-cmk': both('the key\'s policy must let DynamoDB use it; KMS bills the key and its requests'),
  's3-sse-c-blocked': breaking('uploads and copies that encrypt with customer-provided keys (SSE-C) are rejected; objects already stored stay readable'),
  's3-kms-cmk': both('the key\'s policy must let S3 and the bucket\'s readers and writers use it; KMS bills the key and its requests (a bucket key lowers them)'),
  'dynamodb-cmk-sam': both('the key\'s policy must let DynamoDB use it; KMS bills the key and its requests'),
  'secret-rotation': both('the secret is rotated at once on deployment (rotate immediately is the default), then every 30 days: every client must read it from Secrets Manager rather than keep a copy'),
  'iam-password-policy': both('users keep their passwords until they next change them, then the new rules apply'),
  'emr-security-configuration': both('replaces the cluster on the next deployment'),
  'ec2-ssm-patching': breaking('patches are installed at once and then weekly, and the instance reboots when a patch needs it; the instance needs the SSM agent and an instance profile allowing Systems Manager (AmazonSSMManagedInstanceCore)'),
  // Behaviour changes.
  'backup-vault-lock': both('recovery points can then not be deleted before their retention ends, and backup jobs whose retention is shorter than the minimum fail'),
  'rds-auto-minor-upgrade': both(MINOR_UPGRADES),
  'dms-auto-minor': both(MINOR_UPGRADES),
  'mq-auto-minor': both(MINOR_UPGRADES),
  'elasticache-auto-minor': both(MINOR_UPGRADES),
  'redshift-version-upgrade': both(MINOR_UPGRADES),
  'rds-deletion-protection': both(DELETION_PROTECTION),
  'rds-cluster-deletion-protection': both(DELETION_PROTECTION),
  'dynamodb-deletion-protection': both(DELETION_PROTECTION),
};

function noted(title: string, note: string | undefined): string {
  return note ? `${title} — ${note}` : title;
}

/** The rule with its fix titles followed by their notes (FIX_NOTES); the rule itself when it has none. */
export function withFixNotes(rule: Rule): Rule {
  if (!rule.fixes) return rule;
  const fixes: Record<string, SetSettingFix> = {};
  let changed = false;
  for (const [fixId, fix] of Object.entries(rule.fixes)) {
    const note = FIX_NOTES[`${rule.meta.id}:${fixId}`] ?? FIX_NOTES[rule.meta.id];
    if (!note) {
      fixes[fixId] = fix;
      continue;
    }
    changed = true;
    const breaks = (safety: FixSafety | undefined): { safety?: FixSafety } => (note.breaks && safety === 'safe' ? { safety: 'breaks' } : {});
    fixes[fixId] = {
      ...fix,
      title: noted(fix.title, note.cloudformation),
      ...breaks(fix.safety),
      ...(fix.terraform ? { terraform: { ...fix.terraform, title: noted(fix.terraform.title, note.terraform), ...breaks(fix.terraform.safety ?? fix.safety) } } : {}),
      ...(fix.choices ? { choices: fix.choices.map((choice) => ({ ...choice, title: noted(choice.title, note.cloudformation), ...(choice.terraform ? { terraform: { ...choice.terraform, title: noted(choice.terraform.title, note.terraform) } } : {}) })) } : {}),
    };
  }
  return changed ? { ...rule, fixes } : rule;
}
