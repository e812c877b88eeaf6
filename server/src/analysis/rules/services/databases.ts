// Setting rules for database services. Each entry names a knowledge-base setting and says how to judge it.
import type { CfnResource, CfnRuleContext } from '../../cloudformation/model';
import { mapEntry } from '../../cloudformation/model';
import { docdbAuditLogs } from '../docdb-audit-logs';
import { docdbTls } from '../docdb-tls';
import { neptuneAuditLogs } from '../neptune-audit-logs';
import { rdsClusterLogExports } from '../rds-cluster-log-exports';
import { rdsForceTls, singleString } from '../rds-force-tls';
import { rdsLogExports } from '../rds-log-exports';
import { redshiftRequireSsl } from '../redshift-require-ssl';
import type { Rule } from '../rule';
import { settingRule } from '../settingRule';

/** Aurora (and Multi-AZ cluster) instances take backups, deletion protection and IAM auth from their cluster. */
function clusterMember(resource: CfnResource): string | undefined {
  return mapEntry(resource.properties, 'DBClusterIdentifier') ? 'An instance of a DB cluster takes this setting from the cluster (DBClusterIdentifier).' : undefined;
}

function engineOf(resource: CfnResource, context: CfnRuleContext): string | undefined {
  return singleString(mapEntry(resource.properties, 'Engine'), context);
}

/**
 * IAM database authentication exists for MySQL, MariaDB and PostgreSQL (and Aurora MySQL and PostgreSQL), not
 * for SQL Server, Oracle or Db2. Says why the rule does not apply, for both formats; an unknown engine is checked.
 */
export function iamAuthUnsupported(engine: string | undefined): string | undefined {
  return engine && !/^(mysql|mariadb|postgres|aurora)/.test(engine) ? `IAM database authentication is not available for ${engine}.` : undefined;
}

/** ElastiCache cache clusters that are members of a replication group take these settings from the group. */
function cacheSkip(resource: CfnResource): string | undefined {
  if (resource.type !== 'AWS::ElastiCache::CacheCluster') return undefined;
  if (mapEntry(resource.properties, 'ReplicationGroupId')) return 'A member of a replication group takes this setting from the group.';
  return undefined;
}

export const DATABASES_RULES: readonly Rule[] = [
  settingRule({
    setting: 'rds-not-public',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'the database gets a public address and can be reached from the internet wherever its security groups allow.',
      whenMissing: 'whether the database is public depends on its subnet group (public in a default VPC); set PubliclyAccessible: false.',
      missingSeverity: 'warning',
      fix: false,
    },
  }),
  // --- RDS instances
  settingRule({
    setting: 'rds-backup-retention',
    cloudformation: {
      compliant: { atLeast: 7 },
      consequence: 'fewer than 7 days of automated backups (0 turns them off), so older data cannot be restored.',
      whenMissing: 'RDS keeps automated backups for 1 day only, so older data cannot be restored.',
      skip: (resource) => clusterMember(resource)
        ?? (mapEntry(resource.properties, 'SourceDBInstanceIdentifier') ? 'Read replicas are not backed up on their own; the source instance keeps the backups.' : undefined),
      fix: 7,
    },
  }),
  settingRule({
    setting: 'rds-iam-auth',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'database users sign in only with long-lived passwords instead of short-lived IAM tokens.',
      skip: (resource, context) => clusterMember(resource) ?? iamAuthUnsupported(engineOf(resource, context)),
      fix: true,
    },
    // aws_db_instance is never a cluster member (those are aws_rds_cluster_instance).
    terraform: { skip: (resource, context) => iamAuthUnsupported(singleString(mapEntry(resource.body, 'engine'), context)) },
  }),
  settingRule({
    setting: 'rds-auto-minor-upgrade',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'engine security patches are not applied in the maintenance window; the instance stays on old minor versions until someone upgrades it.',
      fix: true,
    },
  }),
  settingRule({
    setting: 'rds-deletion-protection',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'the database can be deleted by a single API call or stack change.',
      skip: clusterMember,
      fix: true,
    },
  }),
  rdsLogExports,
  rdsForceTls,
  // rds-managed-master-password: a secrets rule across services is left to the security group of rules.
  // --- RDS clusters (rds-cluster-storage-encrypted is covered by rds-storage-encrypted)
  settingRule({
    setting: 'rds-cluster-iam-auth',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'database users sign in only with long-lived passwords instead of short-lived IAM tokens.',
      skip: (resource, context) => (singleString(mapEntry(resource.properties, 'EngineMode'), context) === 'serverless'
        ? 'Aurora Serverless v1 does not support IAM database authentication.' : undefined),
      fix: true,
    },
  }),
  settingRule({
    setting: 'rds-cluster-backup-retention',
    cloudformation: {
      compliant: { atLeast: 7 },
      consequence: 'fewer than 7 days of automated backups, so older data cannot be restored.',
      whenMissing: 'the cluster keeps automated backups for 1 day only, so older data cannot be restored.',
      fix: 7,
    },
  }),
  settingRule({
    setting: 'rds-cluster-deletion-protection',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'the cluster and its data can be deleted by a single API call or stack change.',
      fix: true,
    },
  }),
  rdsClusterLogExports,
  // --- ElastiCache
  settingRule({
    setting: 'elasticache-at-rest',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'cached data and backups are stored unencrypted, and encryption can only be chosen at creation.',
      fix: true,
    },
  }),
  settingRule({
    setting: 'elasticache-in-transit',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'clients talk to the cache in clear text, and AUTH tokens cannot be used.',
      fix: true,
    },
  }),
  settingRule({
    setting: 'elasticache-auth',
    cloudformation: {
      compliant: { present: true },
      consequence: 'any client that reaches the port can read and write the cache.',
      whenMissing: 'neither an AUTH token nor RBAC user groups (UserGroupIds), so any client that reaches the port can read and write the cache.',
      skip: (resource) => (mapEntry(resource.properties, 'UserGroupIds') ? 'Access is controlled by RBAC user groups (UserGroupIds).' : undefined),
    },
  }),
  settingRule({
    setting: 'elasticache-backups',
    cloudformation: {
      // Replication groups carry the same property and are where Redis/Valkey backups are usually set.
      types: ['AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ReplicationGroup'],
      compliant: { atLeast: 1 },
      consequence: 'no automatic snapshots are taken, so cached data cannot be restored.',
      skip: (resource, context) => cacheSkip(resource)
        ?? (engineOf(resource, context) === 'memcached' ? 'Memcached has no backups.' : undefined),
      fix: 7,
    },
  }),
  settingRule({
    setting: 'elasticache-auto-minor',
    cloudformation: {
      types: ['AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ReplicationGroup'],
      compliant: { equals: true },
      consequence: 'engine security patches are not applied automatically.',
      skip: cacheSkip,
      fix: true,
    },
  }),
  settingRule({
    setting: 'elasticache-custom-subnet-group',
    cloudformation: {
      types: ['AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ReplicationGroup'],
      compliant: { noneOf: ['default'] },
      consequence: 'the cache runs in the default subnet group of the default VPC instead of subnets you chose.',
      whenMissing: 'without CacheSubnetGroupName the cache runs in the default subnet group of the default VPC instead of subnets you chose.',
      // Absence places the cache in the default VPC, which is not by itself an exposure: a warning, not an error.
      missingSeverity: 'warning',
      skip: cacheSkip,
    },
  }),
  // --- Redshift
  settingRule({
    setting: 'redshift-encrypted',
    cloudformation: {
      compliant: { equals: true },
      // AWS documents that Redshift databases are now encrypted by default ("your database is encrypted by default"),
      // so only an explicit false is a gap (the knowledge base's notes say not to flag absence as certain plaintext).
      absent: 'aws-default',
      consequence: 'the cluster and its snapshots are stored unencrypted.',
      fix: true,
    },
  }),
  settingRule({
    setting: 'redshift-not-public',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'the cluster gets a public address and can be reached from the internet wherever its security groups allow.',
      whenMissing: 'set PubliclyAccessible: false explicitly so the cluster never gets a public address.',
      missingSeverity: 'warning',
      fix: false,
    },
  }),
  redshiftRequireSsl,
  settingRule({
    setting: 'redshift-audit-logging',
    cloudformation: {
      // A bucket or LogDestinationType 'cloudwatch' both turn logging on: any LoggingProperties block counts.
      path: 'LoggingProperties',
      compliant: { present: true },
      consequence: 'connections and user activity leave no audit trail.',
    },
  }),
  settingRule({
    setting: 'redshift-snapshots',
    cloudformation: {
      compliant: { atLeast: 7 },
      consequence: 'automated snapshots are kept for fewer than 7 days (0 turns them off).',
      whenMissing: 'automated snapshots are kept for 1 day only.',
      fix: 7,
    },
  }),
  settingRule({
    setting: 'redshift-enhanced-vpc-routing',
    // Knowledge severity is high network-exposure (error); the gap is the path COPY/UNLOAD traffic takes, not an
    // open door, so it is reported as a warning.
    severity: 'warning',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'COPY and UNLOAD traffic bypasses the VPC, so security groups, endpoint policies and flow logs do not see it.',
      fix: true,
    },
  }),
  settingRule({
    setting: 'redshift-version-upgrade',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'engine updates with security fixes are not applied in the maintenance window.',
      fix: true,
    },
  }),
  // --- DocumentDB
  settingRule({
    setting: 'docdb-encrypted',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'the cluster and its backups are stored unencrypted, and encryption can only be chosen at creation.',
      skip: (resource) => (mapEntry(resource.properties, 'SnapshotIdentifier') ? 'A cluster restored from a snapshot inherits its encryption.' : undefined),
      fix: true,
    },
  }),
  settingRule({
    setting: 'docdb-backup-retention',
    cloudformation: {
      compliant: { atLeast: 7 },
      consequence: 'fewer than 7 days of backups, so older data cannot be restored.',
      whenMissing: 'backups are kept for 1 day only, so older data cannot be restored.',
      fix: 7,
    },
  }),
  docdbAuditLogs,
  docdbTls,
  // --- Neptune
  settingRule({
    setting: 'neptune-encrypted',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'the graph and its backups are stored unencrypted, and encryption can only be chosen at creation.',
      skip: (resource) => (mapEntry(resource.properties, 'SnapshotIdentifier') ? 'A cluster restored from a snapshot inherits its encryption.' : undefined),
      fix: true,
    },
  }),
  settingRule({
    setting: 'neptune-iam-auth',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'anyone who reaches the endpoint can query the graph without signing requests with IAM.',
      fix: true,
    },
  }),
  neptuneAuditLogs,
  // --- DynamoDB (dynamodb-replica-regions needs an approved-Region list, which has no configuration yet)
  settingRule({
    setting: 'dynamodb-pitr',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'an accidental write or delete cannot be rolled back to a point in time.',
      fix: true,
    },
  }),
  settingRule({
    setting: 'dynamodb-deletion-protection',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'the table and its data can be deleted by a single API call or stack change.',
      fix: true,
    },
  }),
  settingRule({
    setting: 'dynamodb-cmk',
    cloudformation: {
      compliant: { present: true },
      consequence: 'the table is encrypted with a key AWS controls, not one you can audit or revoke.',
    },
  }),
  // --- DMS
  settingRule({
    setting: 'dms-not-public',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'the replication instance gets a public address and can be reached from the internet.',
      whenMissing: 'PubliclyAccessible defaults to true, so the replication instance gets a public address.',
      fix: false,
    },
  }),
  settingRule({
    setting: 'dms-endpoint-ssl',
    cloudformation: {
      compliant: { oneOf: ['require', 'verify-ca', 'verify-full'] },
      consequence: 'data is migrated over an unencrypted connection to the database.',
      whenMissing: 'SslMode defaults to none, so data is migrated over an unencrypted connection to the database.',
      skip: (resource, context) => {
        const engine = singleString(mapEntry(resource.properties, 'EngineName'), context);
        // Endpoints to AWS services (and Kafka, with its own SecurityProtocol) do not use SslMode.
        if (engine && ['s3', 'dynamodb', 'kinesis', 'kafka', 'elasticsearch', 'opensearch', 'neptune', 'redshift', 'redshift-serverless', 'timestream'].includes(engine)) {
          return `SslMode does not apply to ${engine} endpoints.`;
        }
        return undefined;
      },
      fix: 'require',
    },
  }),
  settingRule({
    setting: 'dms-auto-minor',
    cloudformation: {
      compliant: { equals: true },
      // The DMS API documents AutoMinorVersionUpgrade "Default: true" (CreateReplicationInstance), unlike the knowledge base.
      absent: 'aws-default',
      consequence: 'engine security fixes are not applied to the replication instance automatically.',
      fix: true,
    },
  }),
];
