// Setting rules for database services. Each entry names a knowledge-base setting and says how to judge it.
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import { mapEntry } from '../../cloudformation/template';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import { referenceParts } from '../../terraform/hcl';
import type { OffsetRange, ValueNode } from '../../types';
import type { ValueResolver } from '../../resolution';
import { customerManagedKey, notForEngines, singleString, judgeSetting, settingRule } from '../support';
import type { RuleOutcome, Rule } from '../support';

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

/** Terraform: the one known string an argument resolves to (lower-cased). */
function tfString(resource: TfResource, context: TfRuleContext, argument: string): string | undefined {
  return singleString(mapEntry(resource.body, argument), context);
}

/** Terraform: the argument is written (whatever its value). */
function tfHas(resource: TfResource, ...arguments_: string[]): string | undefined {
  return arguments_.find((argument) => mapEntry(resource.body, argument) !== undefined);
}

/** aws_elasticache_cluster members of a replication group take these settings from the group. */
function tfCacheSkip(resource: TfResource): string | undefined {
  return resource.type === 'aws_elasticache_cluster' && tfHas(resource, 'replication_group_id') ? 'A member of a replication group takes this setting from the group (replication_group_id).' : undefined;
}

/** A non-empty RBAC user group list (UserGroupIds / user_group_ids) written as a list. */
function hasUserGroups(node: ValueNode | undefined): boolean {
  return node?.kind === 'seq' && node.items.length > 0;
}

/** DMS endpoints to AWS services (and Kafka, with its own SecurityProtocol) do not use SslMode. */
function dmsSslNotApplicable(engine: string | undefined, name: string): string | undefined {
  if (engine && ['s3', 'dynamodb', 'kinesis', 'kafka', 'elasticsearch', 'opensearch', 'neptune', 'redshift', 'redshift-serverless', 'timestream'].includes(engine)) {
    return `${name} does not apply to ${engine} endpoints.`;
  }
  return undefined;
}

type Guard<R, C> = (resource: R, context: C) => RuleOutcome[] | undefined;

/**
 * Runs a format's guard before a rule's reader: a guard that answers (the AWS default of one engine, a value that
 * cannot be read) replaces the reader's verdict. `terraformTypes` adds sibling types the same arguments apply to.
 */
function guarded(rule: Rule, guards: { cloudformation?: Guard<CfnResource, CfnRuleContext>; terraform?: Guard<TfResource, TfRuleContext>; terraformTypes?: readonly string[] }): Rule {
  const { cloudformation, terraform } = rule;
  return {
    ...rule,
    meta: guards.terraformTypes && terraform
      ? { ...rule.meta, resourceTypes: { ...rule.meta.resourceTypes, terraform: [...rule.meta.resourceTypes.terraform, ...guards.terraformTypes] } }
      : rule.meta,
    ...(cloudformation ? { cloudformation: { check: (resource, context) => guards.cloudformation?.(resource, context) ?? cloudformation.check(resource, context) } } : {}),
    ...(terraform ? { terraform: { check: (resource, context) => guards.terraform?.(resource, context) ?? terraform.check(resource, context) } } : {}),
  };
}

// Only a cache cluster can run Memcached: a replication group is Redis OSS or Valkey.
const MEMCACHED_ENGINE = { cloudformation: 'Engine', terraform: 'engine', mayBeExcluded: ['AWS::ElastiCache::CacheCluster', 'aws_elasticache_cluster'] };

/**
 * DynamoDB: SSEEnabled false (enabled = false) means an AWS owned key whatever key is named: said on that value.
 * Undefined when encryption with KMS is on or not set (the key setting decides).
 */
function awsOwnedKey(start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, path: readonly string[], keyName: string): RuleOutcome[] | undefined {
  const outcomes = judgeSetting(start, anchor, resolver, {
    path,
    isCompliant: (value) => String(value).toLowerCase() === 'true',
    absent: { kind: 'compliant', detail: '' },
    consequence: `the table is encrypted with an AWS owned key (any ${keyName} is not used), not a customer managed key whose policy, rotation and use you control.`,
  });
  return outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends') ? outcomes : undefined;
}

/** The values a node may take, split into known strings (lower-cased) and the description of an unknown one. */
function engineValues(node: ValueNode, resolver: ValueResolver): { known: string[]; unknown: string | undefined } {
  const known: string[] = [];
  let unknown: string | undefined;
  for (const value of resolver.scalars(node)) {
    if (value.known) known.push(String(value.value).toLowerCase());
    else unknown ??= value.description;
  }
  return { known, unknown };
}

/** Said with the format's own name for the setting (the API reference is quoted for the default). */
const valkeyAtRestDetail = (name: string) => `${name} is not set: ElastiCache encrypts Valkey replication groups at rest by default (ElastiCache API reference, CreateReplicationGroup: "Default: true when using Valkey, false when using Redis OSS").`;

/**
 * AtRestEncryptionEnabled defaults to true for Valkey and false for Redis OSS: an absent setting on a Valkey group
 * is the AWS default, and on a group whose engine cannot be read it cannot be judged.
 */
function valkeyAtRest(setting: ValueNode | undefined, engine: ValueNode | undefined, resolver: ValueResolver, name: string): RuleOutcome[] | undefined {
  if (setting || !engine) return undefined; // Engine defaults to redis
  const { known, unknown } = engineValues(engine, resolver);
  if (!unknown && known.length > 0 && known.every((value) => value === 'valkey')) return [{ kind: 'aws-default', detail: valkeyAtRestDetail(name) }];
  if (unknown) return [{ kind: 'unknown', reason: `${name} is not set and the engine is ${unknown}: encryption at rest is on by default for Valkey only.` }];
  return undefined;
}

/**
 * RBAC user groups given as something other than a written list (a parameter, a variable, an expression): whether
 * access is controlled cannot be told, unless an AUTH token is set anyway.
 */
function rbacUnknown(groups: ValueNode | undefined, token: ValueNode | undefined, name: string): RuleOutcome[] | undefined {
  if (!groups || token || groups.kind === 'seq') return undefined;
  return [{ kind: 'unknown', reason: `${name} is computed (not a written list): whether RBAC user groups control access cannot be checked in the code.` }];
}

/** An engine that cannot be read decides whether IAM database authentication exists at all. */
function iamEngineUnknown(engine: ValueNode | undefined, resolver: ValueResolver, name: string): RuleOutcome[] | undefined {
  if (!engine) return undefined;
  const { known, unknown } = engineValues(engine, resolver);
  if (known.some((value) => iamAuthUnsupported(value) === undefined)) return undefined; // some engine with IAM auth: judged by the reader
  return unknown ? [{ kind: 'unknown', reason: `${name} is ${unknown}: IAM database authentication exists for MySQL, MariaDB and PostgreSQL only.` }] : undefined;
}

export const DATABASES_RULES: readonly Rule[] = [
  guarded(settingRule({
    setting: 'rds-not-public',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'the database gets a public address and can be reached from the internet wherever its security groups allow.',
      whenMissing: 'whether the database is public depends on its subnet group (public in a default VPC); set PubliclyAccessible: false.',
      missingSeverity: 'warning',
      fix: false,
    },
    // The AWS provider sends publicly_accessible = false when the argument is absent (schema Default: false).
    terraform: {
      absent: 'compliant',
      absentDetail: 'publicly_accessible is not set: the AWS provider defaults it to false, so the instance gets no public address.',
      consequence: 'the database gets a public address and can be reached from the internet wherever its security groups allow.',
      whenMissing: 'the AWS provider defaults publicly_accessible to false.',
    },
  }), {
    // aws_rds_cluster_instance: publicly_accessible has the provider default false too (provider docs, "Default
    // false"), and the RDS API makes Aurora instances without a DB subnet group of their own private (CreateDBInstance
    // PubliclyAccessible: "defaults to false for Aurora instances"): absence is addressed, as for aws_db_instance.
    terraformTypes: ['aws_rds_cluster_instance'],
    terraform: (resource, context) => (resource.type === 'aws_rds_cluster_instance'
      ? judgeSetting(resource.body, resource.anchor, context.resolver, {
        path: ['publicly_accessible'],
        isCompliant: (value) => String(value).toLowerCase() === 'false',
        absent: { kind: 'compliant', detail: 'publicly_accessible is not set: the AWS provider defaults it to false, so the Aurora instance gets no public address.' },
        consequence: 'the database gets a public address and can be reached from the internet wherever its security groups allow.',
        fixId: 'set-PubliclyAccessible',
      })
      : undefined),
    // An Aurora (cluster member) instance without PubliclyAccessible: the API reference gives two readings (false for
    // Aurora instances without a DB subnet group of their own; elsewhere, public when the VPC has an internet
    // gateway), so it cannot be told from the template; a written value is judged by the reader.
    cloudformation: (resource) => (mapEntry(resource.properties, 'DBClusterIdentifier') && !mapEntry(resource.properties, 'PubliclyAccessible')
      ? [{ kind: 'unknown', reason: 'PubliclyAccessible is not set on an instance of a DB cluster: RDS decides from the subnet group and the VPC (the API reference gives false for Aurora instances without a DB subnet group of their own, public where the VPC has an internet gateway), so whether it is public cannot be told from the template; set PubliclyAccessible: false to be sure.' }]
      : undefined),
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
    terraform: {
      // The reader prefixes "backup_retention_period is not set: ", so the words start after it.
      whenMissing: 'RDS keeps automated backups for 1 day only, so older data cannot be restored.',
      skip: (resource) => (tfHas(resource, 'replicate_source_db') ? 'Read replicas are not backed up on their own; the source instance keeps the backups.' : undefined),
    },
  }),
  guarded(settingRule({
    setting: 'rds-iam-auth',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'database users sign in only with long-lived passwords instead of short-lived IAM tokens.',
      skip: (resource, context) => clusterMember(resource) ?? iamAuthUnsupported(engineOf(resource, context)),
      fix: true,
    },
    // aws_db_instance is never a cluster member (those are aws_rds_cluster_instance).
    terraform: { skip: (resource, context) => iamAuthUnsupported(singleString(mapEntry(resource.body, 'engine'), context)) },
  }), {
    cloudformation: (resource, context) => (clusterMember(resource) ? undefined : iamEngineUnknown(mapEntry(resource.properties, 'Engine'), context.resolver, 'Engine')),
    terraform: (resource, context) => iamEngineUnknown(mapEntry(resource.body, 'engine'), context.resolver, 'engine'),
  }),
  settingRule({
    setting: 'rds-auto-minor-upgrade',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'engine security patches are not applied in the maintenance window; the instance stays on old minor versions until someone upgrades it.',
      fix: true,
    },
    // The AWS default in Terraform's words (the knowledge default names the CloudFormation property).
    terraform: { absentDetail: 'auto_minor_version_upgrade is not set: it defaults to true, so minor engine upgrades are applied in the maintenance window.' },
  }),
  settingRule({
    setting: 'rds-deletion-protection',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'the database can be deleted by a single API call or stack change.',
      skip: clusterMember,
      fix: true,
    },
    // aws_db_instance is never an Aurora cluster member (those are aws_rds_cluster_instance): no skip.
    terraform: { skip: null },
  }),
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
    terraform: {
      skip: (resource, context) => (tfString(resource, context, 'engine_mode') === 'serverless' ? 'Aurora Serverless v1 does not support IAM database authentication.' : undefined),
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
  // --- ElastiCache
  guarded(settingRule({
    setting: 'elasticache-at-rest',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'cached data and backups are stored unencrypted, and encryption can only be chosen at creation.',
      fix: true,
      // AtRestEncryptionEnabled: "Update requires: Replacement" (at_rest_encryption_enabled forces a new group).
      fixSafety: 'replaces',
    },
  }), {
    cloudformation: (resource, context) => valkeyAtRest(mapEntry(resource.properties, 'AtRestEncryptionEnabled'), mapEntry(resource.properties, 'Engine'), context.resolver, 'AtRestEncryptionEnabled'),
    terraform: (resource, context) => valkeyAtRest(mapEntry(resource.body, 'at_rest_encryption_enabled'), mapEntry(resource.body, 'engine'), context.resolver, 'at_rest_encryption_enabled'),
  }),
  settingRule({
    setting: 'elasticache-in-transit',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'clients talk to the cache in clear text, and AUTH tokens cannot be used.',
      fix: true,
      // TransitEncryptionEnabled replaced the group before engine 7 and TransitEncryptionMode: may replace.
      fixSafety: 'replaces',
    },
  }),
  guarded(settingRule({
    setting: 'elasticache-auth',
    cloudformation: {
      compliant: { present: true },
      consequence: 'any client that reaches the port can read and write the cache.',
      whenMissing: 'no RBAC user groups (UserGroupIds) are given either, so any client that reaches the port can read and write the cache.',
      // ElastiCache User Guide, "Authenticating with the Valkey and Redis OSS AUTH command": 16 to 128 printable
      // characters without /, ", @ or %, and only with in-transit encryption on (the note says so).
      fixParameter: { name: 'CacheAuthToken', description: 'The AUTH token clients must send: 16 to 128 printable ASCII characters, without /, ", @ or %.', noEcho: true },
      skip: (resource) => (hasUserGroups(mapEntry(resource.properties, 'UserGroupIds')) ? 'Access is controlled by RBAC user groups (UserGroupIds).' : undefined),
    },
    terraform: {
      whenMissing: 'no RBAC user groups (user_group_ids) are given either, so any client that reaches the port can read and write the cache.',
      skip: (resource) => (hasUserGroups(mapEntry(resource.body, 'user_group_ids')) ? 'Access is controlled by RBAC user groups (user_group_ids).' : undefined),
    },
  }), {
    cloudformation: (resource) => rbacUnknown(mapEntry(resource.properties, 'UserGroupIds'), mapEntry(resource.properties, 'AuthToken'), 'UserGroupIds'),
    terraform: (resource) => rbacUnknown(mapEntry(resource.body, 'user_group_ids'), mapEntry(resource.body, 'auth_token'), 'user_group_ids'),
  }),
  notForEngines(guarded(settingRule({
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
    terraform: {
      skip: (resource, context) => tfCacheSkip(resource) ?? (tfString(resource, context, 'engine') === 'memcached' ? 'Memcached has no backups.' : undefined),
    },
  }), {
    // aws_elasticache_replication_group has the same argument: Redis OSS / Valkey groups are where it is usually set.
    terraformTypes: ['aws_elasticache_replication_group'],
  }), (engine) => engine === 'memcached', MEMCACHED_ENGINE),
  // AutoMinorVersionUpgrade is for Valkey 7.2 and later and Redis OSS 6.0 and later ("This parameter is disabled for
  // previous versions", ModifyCacheCluster / CreateCacheCluster AutoMinorVersionUpgrade); a Memcached cluster is
  // upgraded only when you modify its engine version (ElastiCache User Guide, "Version Management for ElastiCache";
  // AWS Config elasticache-auto-minor-version-upgrade-check judges only Redis and Valkey clusters).
  notForEngines(guarded(settingRule({
    setting: 'elasticache-auto-minor',
    cloudformation: {
      types: ['AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ReplicationGroup'],
      compliant: { equals: true },
      consequence: 'engine security patches are not applied automatically.',
      skip: (resource, context) => cacheSkip(resource)
        ?? (engineOf(resource, context) === 'memcached' ? 'AutoMinorVersionUpgrade applies only to Valkey 7.2 and later and Redis OSS 6.0 and later: a Memcached cluster gets a new engine version only when you change its EngineVersion, so keeping it patched is your task.' : undefined),
      fix: true,
    },
    terraform: {
      skip: (resource, context) => tfCacheSkip(resource)
        ?? (tfString(resource, context, 'engine') === 'memcached' ? 'auto_minor_version_upgrade applies only to Valkey 7.2 and later and Redis OSS 6.0 and later: a Memcached cluster gets a new engine version only when you change its engine_version, so keeping it patched is your task.' : undefined),
      absentDetail: 'auto_minor_version_upgrade is not set: it defaults to true (Redis OSS 6.0 and later, Valkey 7.2 and later), so minor engine upgrades are applied automatically.',
    },
  }), {
    // aws_elasticache_replication_group has the same argument: Redis OSS / Valkey groups are where it is usually set.
    terraformTypes: ['aws_elasticache_replication_group'],
  }), (engine) => engine === 'memcached', MEMCACHED_ENGINE),
  guarded(settingRule({
    setting: 'elasticache-custom-subnet-group',
    // ElastiCache nodes have no public address: the default subnet group is a placement choice, not an open door,
    // so an explicit 'default' is a warning like an absent group (the knowledge base's high would make it an error).
    severity: 'warning',
    cloudformation: {
      types: ['AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ReplicationGroup'],
      compliant: { noneOf: ['default'] },
      consequence: 'the cache runs in the default subnet group of the default VPC instead of subnets you chose.',
      whenMissing: 'the cache runs in the default subnet group of the default VPC instead of subnets you chose.',
      fixParameter: { name: 'CacheSubnetGroupName', description: 'The name of the cache subnet group (AWS::ElastiCache::SubnetGroup) in the VPC subnets the cache must run in.' },
      // Absence places the cache in the default VPC, which is not by itself an exposure: a warning, not an error.
      missingSeverity: 'warning',
      skip: cacheSkip,
    },
    // subnet_group_name is the same name as in the API: "default" is the default group.
    terraform: {
      compliant: { noneOf: ['default'] },
      consequence: 'the cache runs in the default subnet group of the default VPC instead of subnets you chose.',
      whenMissing: 'the cache runs in the default subnet group of the default VPC instead of subnets you chose.',
      skip: tfCacheSkip,
    },
  }), {
    // aws_elasticache_replication_group has the same argument: Redis OSS / Valkey groups are where it is usually set.
    terraformTypes: ['aws_elasticache_replication_group'],
    // A subnet group created here is the customer's own ('default' is reserved): its name is only known at deploy time.
    cloudformation: (resource, context) => {
      const node = mapEntry(resource.properties, 'CacheSubnetGroupName');
      const target = node?.kind === 'intrinsic' && node.name === 'Ref' && node.argument.kind === 'scalar' ? context.template.resourcesById.get(String(node.argument.value)) : undefined;
      return target?.type === 'AWS::ElastiCache::SubnetGroup' ? [{ kind: 'addressed', detail: `CacheSubnetGroupName is the subnet group ${target.id} of this template.`, range: node!.range }] : undefined;
    },
    terraform: (resource) => {
      const node = mapEntry(resource.body, 'subnet_group_name');
      const reference = node?.kind === 'expression' ? referenceParts(node.expression) : undefined;
      return reference?.names[0] === 'aws_elasticache_subnet_group'
        ? [{ kind: 'addressed', detail: `subnet_group_name refers to ${reference.parts.join('.')}, a subnet group of this module.`, range: node!.range }] : undefined;
    },
  }),
  // --- Redshift
  settingRule({
    setting: 'redshift-encrypted',
    cloudformation: {
      compliant: { equals: true },
      // New provisioned clusters are encrypted by default (knowledge default redshift-encrypted-default): only an
      // explicit false is a gap.
      absent: 'aws-default',
      consequence: 'the cluster and its snapshots are stored unencrypted.',
      fix: true,
    },
    // The AWS provider's encrypted argument defaults to true (provider docs: "Default is true"), in Terraform's words.
    terraform: {
      absent: 'aws-default',
      absentDetail: 'encrypted is not set: the AWS provider defaults it to true, and new provisioned clusters are encrypted at rest by default.',
    },
  }),
  settingRule({
    setting: 'redshift-not-public',
    cloudformation: {
      compliant: { equals: false },
      // CreateCluster PubliclyAccessible "Default: false" (knowledge default redshift-private-default).
      absent: 'aws-default',
      consequence: 'the cluster gets a public address and can be reached from the internet wherever its security groups allow.',
      fix: false,
    },
    // Absent, the provider sends nothing or false (its default is false in current versions): the API's default
    // false applies either way.
    terraform: {
      absent: 'aws-default',
      absentDetail: 'publicly_accessible is not set: a Redshift cluster is not publicly accessible unless it is true (CreateCluster default false), so the cluster gets no public address.',
      consequence: 'the cluster gets a public address and can be reached from the internet wherever its security groups allow.',
    },
  }),
  guarded(settingRule({
    setting: 'redshift-audit-logging',
    cloudformation: {
      // A bucket or LogDestinationType 'cloudwatch' both turn logging on: any LoggingProperties block counts.
      path: 'LoggingProperties',
      compliant: { present: true },
      consequence: 'connections and user activity leave no audit trail.',
    },
    // Any aws_redshift_logging for the cluster turns logging on (S3 by bucket_name or log_destination_type):
    // cluster_identifier is its one required argument.
    terraform: { path: 'cluster_identifier' },
  }), {
    // Provider v5 and earlier: the inline logging { enable = true } block (removed in v6) also turns logging on.
    terraform: (resource, context) => {
      const inline = mapEntry(resource.body, 'logging');
      const enable = inline?.kind === 'map' ? mapEntry(inline, 'enable') : undefined;
      if (!enable) return undefined;
      const values = context.resolver.scalars(enable);
      if (values.length > 0 && values.every((value) => value.known && String(value.value).toLowerCase() === 'true')) {
        return [{ kind: 'addressed', detail: 'logging.enable is true (inline logging block of provider v5 and earlier).' }];
      }
      return undefined;
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
    terraform: { absentDetail: 'allow_version_upgrade is not set: it defaults to true, so engine updates are applied in the maintenance window.' },
  }),
  // --- DocumentDB
  settingRule({
    setting: 'docdb-encrypted',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'the cluster and its backups are stored unencrypted, and encryption can only be chosen at creation.',
      skip: (resource) => (mapEntry(resource.properties, 'SnapshotIdentifier') ? 'A cluster restored from a snapshot inherits its encryption.' : undefined),
      fix: true,
      // StorageEncrypted: "Update requires: Replacement" (the provider's storage_encrypted forces a new cluster).
      fixSafety: 'replaces',
    },
    terraform: { skip: (resource) => (tfHas(resource, 'snapshot_identifier') ? 'A cluster restored from a snapshot inherits its encryption (snapshot_identifier).' : undefined) },
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
  // --- Neptune
  settingRule({
    setting: 'neptune-encrypted',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'the graph and its backups are stored unencrypted, and encryption can only be chosen at creation.',
      skip: (resource) => (mapEntry(resource.properties, 'SnapshotIdentifier') ? 'A cluster restored from a snapshot inherits its encryption.' : undefined),
      fix: true,
      // StorageEncrypted: "Update requires: Replacement".
      fixSafety: 'replaces',
    },
    terraform: { skip: (resource) => (tfHas(resource, 'snapshot_identifier') ? 'A cluster restored from a snapshot inherits its encryption (snapshot_identifier).' : undefined) },
  }),
  settingRule({
    setting: 'neptune-iam-auth',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'anyone who reaches the endpoint can query the graph without signing requests with IAM.',
      fix: true,
    },
  }),
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
  // Key management, like sqs-cmk, secret-cmk and s3-kms-cmk. A table is always encrypted at rest (the AWS default,
  // which stays the encryption rule's concern), but with an AWS owned key when SSEEnabled is false or not set, and
  // with the AWS managed alias/aws/dynamodb when SSEEnabled is true without KMSMasterKeyId (DynamoDB API,
  // SSESpecification): neither is a customer managed key whose policy, rotation and use the customer controls. A hint.
  settingRule({
    setting: 'dynamodb-cmk',
    cloudformation: {
      compliant: customerManagedKey('dynamodb'),
      absent: 'missed',
      consequence: 'the table is encrypted with the AWS managed aws/dynamodb key, whose policy and rotation you do not control.',
      whenMissing: 'the table is encrypted with an AWS owned key (or, with SSEEnabled true, the AWS managed aws/dynamodb key), not a customer managed key whose policy, rotation and use you control.',
      skip: (resource, context) => awsOwnedKey(resource.properties, resource.idRange, context.resolver, ['SSESpecification', 'SSEEnabled'], 'KMSMasterKeyId'),
    },
    // server_side_encryption { enabled, kms_key_arn }: kms_key_arn takes a key ARN (or the alias ARN of
    // alias/aws/dynamodb, the AWS managed key), so the same test; enabled = false means an AWS owned key.
    terraform: {
      compliant: customerManagedKey('dynamodb'),
      consequence: 'the table is encrypted with the AWS managed aws/dynamodb key, whose policy and rotation you do not control.',
      whenMissing: 'the table is encrypted with an AWS owned key (or, with server_side_encryption.enabled = true alone, the AWS managed aws/dynamodb key), not a customer managed key whose policy, rotation and use you control.',
      skip: (resource, context) => awsOwnedKey(resource.body, resource.anchor, context.resolver, ['server_side_encryption', 'enabled'], 'kms_key_arn'),
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
      // PubliclyAccessible: "Update requires: Replacement" (publicly_accessible forces a new instance).
      fixSafety: 'replaces',
    },
    // The AWS provider always sends PubliclyAccessible: an absent publicly_accessible is sent as false (private).
    terraform: {
      absent: 'compliant',
      absentDetail: 'publicly_accessible is not set: the AWS provider defaults it to false, so the replication instance gets no public address.',
      consequence: 'the replication instance gets a public address and can be reached from the internet.',
      whenMissing: 'the AWS provider defaults publicly_accessible to false.',
    },
  }),
  settingRule({
    setting: 'dms-endpoint-ssl',
    cloudformation: {
      compliant: { oneOf: ['require', 'verify-ca', 'verify-full'] },
      consequence: 'data is migrated over an unencrypted connection to the database.',
      whenMissing: 'it defaults to none, so data is migrated over an unencrypted connection to the database.',
      skip: (resource, context) => dmsSslNotApplicable(singleString(mapEntry(resource.properties, 'EngineName'), context), 'SslMode'),
      fix: 'require',
    },
    // ssl_mode takes the API's spelling: none, require, verify-ca, verify-full (default none).
    terraform: {
      compliant: { oneOf: ['require', 'verify-ca', 'verify-full'] },
      consequence: 'data is migrated over an unencrypted connection to the database.',
      whenMissing: 'it defaults to none, so data is migrated over an unencrypted connection to the database.',
      skip: (resource, context) => dmsSslNotApplicable(tfString(resource, context, 'engine_name'), 'ssl_mode'),
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
    // Unlike the API, the AWS provider always sends AutoMinorVersionUpgrade: an absent argument is sent as false.
    terraform: {
      absent: 'missed',
      whenMissing: 'the AWS provider then sends false, so engine security fixes are not applied automatically.',
    },
  }),
];
