// Examples for the rules of this family (see ./types.ts).
import type { Example, RuleExamples } from './types';

/** A CloudFormation template with one resource (properties indented under Properties). */
function cfn(type: string, properties: string, id = 'Db'): string {
  return `Resources:\n  ${id}:\n    Type: ${type}\n    Properties:\n${properties.replace(/^(?=.)/gm, '      ')}\n`;
}

const ex = (name: string, code: string, rest: Partial<Example> = {}): Example => ({ name, code, ...rest });

export const EXAMPLES: readonly RuleExamples[] = [
  {
    rule: 'rds-storage-encrypted',
    cloudformation: {
      good: [
        ex('encrypted instance', cfn('AWS::RDS::DBInstance', 'Engine: postgres\nStorageEncrypted: true')),
        ex('Aurora instance takes encryption from its cluster', cfn('AWS::RDS::DBInstance', 'Engine: aurora-postgresql\nDBClusterIdentifier: my-cluster')),
      ],
      bad: [
        ex('StorageEncrypted false', cfn('AWS::RDS::DBInstance', 'Engine: postgres\nStorageEncrypted: ⟦false⟧'), { expect: [{ severity: 'warning', message: ["StorageEncrypted is false"] }] }),
        ex('not set on a cluster', cfn('AWS::RDS::DBCluster', 'Engine: aurora-mysql', '⟦Cluster⟧'), { expect: [{ message: ['StorageEncrypted is not set'] }] }),
      ],
    },
    terraform: {
      good: [
        ex('encrypted instance', 'resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  storage_encrypted = true\n}\n'),
        ex('read replica inherits encryption', 'resource "aws_db_instance" "replica" {\n  replicate_source_db = "main-db"\n}\n'),
        ex('Aurora Serverless v1 is always encrypted', 'resource "aws_rds_cluster" "legacy" {\n  engine      = "aurora-mysql"\n  engine_mode = "serverless"\n}\n'),
      ],
      bad: [
        ex('storage_encrypted not set', 'resource "aws_rds_cluster" ⟦"main"⟧ {\n  engine = "aurora-postgresql"\n}\n', { expect: [{ severity: 'warning', message: ['storage_encrypted is not set'] }] }),
      ],
    },
  },
  {
    rule: 'rds-managed-master-password',
    cloudformation: {
      good: [
        ex('RDS manages the password', cfn('AWS::RDS::DBInstance', 'Engine: mysql\nMasterUsername: admin\nManageMasterUserPassword: true')),
        ex('dynamic reference to Secrets Manager', cfn('AWS::RDS::DBInstance', "Engine: mysql\nMasterUsername: admin\nMasterUserPassword: '{{resolve:secretsmanager:db-secret:SecretString:password}}'")),
      ],
      bad: [
        ex('literal password', cfn('AWS::RDS::DBInstance', 'Engine: mysql\nMasterUsername: admin\nMasterUserPassword: ⟦Sup3rSecret!⟧'), { expect: [{ severity: 'error', message: ['MasterUserPassword is written in the template'] }] }),
      ],
    },
    terraform: {
      good: [
        ex('RDS manages the password', 'resource "aws_db_instance" "db" {\n  engine                      = "mysql"\n  username                    = "admin"\n  manage_master_user_password = true\n}\n'),
        ex('managed on both branches of a conditional', 'variable "prod" {\n  type = bool\n}\n\nresource "aws_db_instance" "db" {\n  engine                      = "mysql"\n  username                    = "admin"\n  manage_master_user_password = var.prod ? true : true\n}\n'),
      ],
      bad: [
        ex('literal password', 'resource "aws_db_instance" "db" {\n  engine   = "mysql"\n  username = "admin"\n  password = ⟦"Sup3rSecret!"⟧\n}\n', { expect: [{ severity: 'error', message: ['password is written in the configuration', 'manage_master_user_password = true'] }] }),
        ex('managed on one branch only: the literal password depends on the deployment', 'variable "prod" {\n  type = bool\n}\n\nresource "aws_db_instance" "db" {\n  engine                      = "mysql"\n  username                    = "admin"\n  manage_master_user_password = var.prod ? true : null\n  password                    = var.prod ? null : ⟦"Sup3rSecret!"⟧\n}\n', { expect: [{ severity: 'info', message: ['Depends on the deployment', 'password is written in the configuration'] }] }),
      ],
    },
  },
  {
    rule: 'rds-not-public',
    cloudformation: {
      good: [
        ex('private instance', cfn('AWS::RDS::DBInstance', 'Engine: postgres\nPubliclyAccessible: false')),
        ex('Aurora instance without PubliclyAccessible: cannot be checked', cfn('AWS::RDS::DBInstance', 'Engine: aurora-postgresql\nDBClusterIdentifier: main\nDBInstanceClass: db.r6g.large')),
      ],
      bad: [
        ex('public Aurora instance', cfn('AWS::RDS::DBInstance', 'Engine: aurora-postgresql\nDBClusterIdentifier: main\nPubliclyAccessible: ⟦true⟧'), { expect: [{ severity: 'error', message: ['PubliclyAccessible is true'] }] }),
        ex('public instance', cfn('AWS::RDS::DBInstance', 'Engine: postgres\nPubliclyAccessible: ⟦true⟧'), { expect: [{ severity: 'error', message: ["PubliclyAccessible is true"] }] }),
        ex('not set: depends on the VPC', cfn('AWS::RDS::DBInstance', 'Engine: postgres', '⟦Db⟧'), { expect: [{ severity: 'warning', message: ['PubliclyAccessible is not set', 'subnet group'] }] }),
      ],
    },
    terraform: {
      good: [
        ex('private instance', 'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = false\n}\n'),
        ex('not set: the provider sends false', 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n'),
        ex('Aurora instance without publicly_accessible: the provider sends false', 'resource "aws_rds_cluster_instance" "writer" {\n  cluster_identifier = "main"\n  instance_class     = "db.r6g.large"\n}\n'),
      ],
      bad: [
        ex('public instance', 'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = ⟦true⟧\n}\n', { expect: [{ severity: 'error', message: ["publicly_accessible is true"] }] }),
        ex('public Aurora instance', 'resource "aws_rds_cluster_instance" "writer" {\n  cluster_identifier  = "main"\n  instance_class      = "db.r6g.large"\n  publicly_accessible = ⟦true⟧\n}\n', { expect: [{ severity: 'error', message: ['publicly_accessible is true'] }] }),
      ],
    },
  },
  {
    rule: 'rds-backup-retention',
    cloudformation: {
      good: [
        ex('7 days', cfn('AWS::RDS::DBInstance', 'Engine: postgres\nBackupRetentionPeriod: 7')),
        ex('read replica', cfn('AWS::RDS::DBInstance', 'SourceDBInstanceIdentifier: main-db')),
      ],
      bad: [
        ex('backups off', cfn('AWS::RDS::DBInstance', 'Engine: postgres\nBackupRetentionPeriod: ⟦0⟧'), { expect: [{ severity: 'warning', message: ['BackupRetentionPeriod is 0', 'fewer than 7 days'] }] }),
        ex('not set: 1 day', cfn('AWS::RDS::DBInstance', 'Engine: postgres', '⟦Db⟧'), { expect: [{ message: ['1 day'] }] }),
      ],
    },
    terraform: {
      good: [
        ex('14 days', 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  backup_retention_period = 14\n}\n'),
        ex('read replica', 'resource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.db.identifier\n}\n'),
      ],
      bad: [
        ex('3 days', 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  backup_retention_period = ⟦3⟧\n}\n', { expect: [{ severity: 'warning', message: ['backup_retention_period is 3'] }] }),
        ex('not set', 'resource "aws_db_instance" ⟦"db"⟧ {\n  engine = "postgres"\n}\n', { expect: [{ message: ['backup_retention_period is not set', '1 day'] }] }),
      ],
    },
  },
  {
    rule: 'rds-iam-auth',
    cloudformation: {
      good: [
        ex('IAM auth on', cfn('AWS::RDS::DBInstance', 'Engine: mysql\nEnableIAMDatabaseAuthentication: true')),
        ex('SQL Server has no IAM auth', cfn('AWS::RDS::DBInstance', 'Engine: sqlserver-ex')),
      ],
      bad: [ex('not set', cfn('AWS::RDS::DBInstance', 'Engine: postgres', '⟦Db⟧'), { expect: [{ severity: 'warning', message: ['EnableIAMDatabaseAuthentication is not set'] }] })],
    },
    terraform: {
      good: [
        ex('IAM auth on', 'resource "aws_db_instance" "db" {\n  engine                              = "mysql"\n  iam_database_authentication_enabled = true\n}\n'),
        ex('Oracle has no IAM auth', 'resource "aws_db_instance" "db" {\n  engine = "oracle-se2"\n}\n'),
        ex('engine from an unset variable: cannot be checked', 'variable "engine" {\n  type = string\n}\n\nresource "aws_db_instance" "db" {\n  engine = var.engine\n}\n'),
      ],
      bad: [ex('off', 'resource "aws_db_instance" "db" {\n  engine                              = "mariadb"\n  iam_database_authentication_enabled = ⟦false⟧\n}\n', { expect: [{ message: ["iam_database_authentication_enabled is false"] }] })],
    },
  },
  {
    rule: 'rds-auto-minor-upgrade',
    cloudformation: {
      good: [
        ex('AWS default (true)', cfn('AWS::RDS::DBInstance', 'Engine: postgres')),
        ex('explicitly on', cfn('AWS::RDS::DBInstance', 'Engine: postgres\nAutoMinorVersionUpgrade: true')),
      ],
      bad: [ex('turned off', cfn('AWS::RDS::DBInstance', 'Engine: postgres\nAutoMinorVersionUpgrade: ⟦false⟧'), { expect: [{ severity: 'warning', message: ["AutoMinorVersionUpgrade is false"] }] })],
    },
    terraform: {
      good: [ex('AWS default (true)', 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n')],
      bad: [ex('turned off', 'resource "aws_db_instance" "db" {\n  engine                     = "postgres"\n  auto_minor_version_upgrade = ⟦false⟧\n}\n', { expect: [{ message: ["auto_minor_version_upgrade is false"] }] })],
    },
  },
  {
    rule: 'rds-deletion-protection',
    cloudformation: {
      good: [
        ex('on', cfn('AWS::RDS::DBInstance', 'Engine: postgres\nDeletionProtection: true')),
        ex('cluster member', cfn('AWS::RDS::DBInstance', 'Engine: aurora-mysql\nDBClusterIdentifier: !Ref Cluster')),
      ],
      bad: [ex('not set', cfn('AWS::RDS::DBInstance', 'Engine: postgres', '⟦Db⟧'), { expect: [{ severity: 'info', message: ['DeletionProtection is not set'] }] })],
    },
    terraform: {
      good: [ex('on', 'resource "aws_db_instance" "db" {\n  deletion_protection = true\n}\n')],
      bad: [ex('off', 'resource "aws_db_instance" "db" {\n  deletion_protection = ⟦false⟧\n}\n', { expect: [{ severity: 'info', message: ["deletion_protection is false"] }] })],
    },
  },
  {
    rule: 'rds-log-exports',
    cloudformation: {
      good: [
        ex('PostgreSQL log exported', cfn('AWS::RDS::DBInstance', 'Engine: postgres\nEnableCloudwatchLogsExports: [postgresql, upgrade]')),
        ex('cluster member exports through its cluster', cfn('AWS::RDS::DBInstance', 'Engine: aurora-mysql\nDBClusterIdentifier: my-cluster')),
      ],
      bad: [
        ex('MySQL without the audit log', cfn('AWS::RDS::DBInstance', 'Engine: mysql\nEnableCloudwatchLogsExports: ⟦[error, slowquery]⟧'), { expect: [{ severity: 'warning', message: ["without 'audit'"] }] }),
        ex('nothing exported', cfn('AWS::RDS::DBInstance', 'Engine: postgres', '⟦Db⟧'), { expect: [{ message: ['EnableCloudwatchLogsExports is not set'] }] }),
      ],
    },
    terraform: {
      good: [ex('log types from an unset variable: cannot be checked', 'variable "logs" {\n  type = list(string)\n}\n\nresource "aws_db_instance" "db" {\n  engine                          = "mysql"\n  enabled_cloudwatch_logs_exports = var.logs\n}\n'), ex('MySQL audit log exported', 'resource "aws_db_instance" "db" {\n  engine                          = "mysql"\n  enabled_cloudwatch_logs_exports = ["audit", "error"]\n}\n')],
      bad: [ex('nothing exported', 'resource "aws_db_instance" ⟦"db"⟧ {\n  engine = "postgres"\n}\n', { expect: [{ message: ['enabled_cloudwatch_logs_exports is not set'] }] })],
    },
  },
  {
    rule: 'rds-force-tls',
    cloudformation: {
      good: [
        ex('PostgreSQL group with rds.force_ssl 1', `Resources:
  Params:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: postgres14
      Description: tls
      Parameters:
        rds.force_ssl: 1
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EngineVersion: "14.10"
      DBParameterGroupName: !Ref Params
`),
        ex('PostgreSQL 16 default group forces TLS', cfn('AWS::RDS::DBInstance', 'Engine: postgres\nEngineVersion: "16.3"')),
        ex('MariaDB 11.8 default group requires TLS', cfn('AWS::RDS::DBInstance', 'Engine: mariadb\nEngineVersion: "11.8.3"')),
        ex('MySQL 9.7 default group requires TLS', cfn('AWS::RDS::DBInstance', 'Engine: mysql\nEngineVersion: "9.7.0"')),
        ex('MySQL without EngineVersion: the default depends on the version RDS picks (cannot be checked)', cfn('AWS::RDS::DBInstance', 'Engine: mysql')),
        ex('Db2 group with db2comm SSL', `Resources:
  Params:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: db2-se-11.5
      Description: tls
      Parameters:
        db2comm: SSL
        ssl_svcename: "50443"
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: db2-se
      DBParameterGroupName: !Ref Params
`),
      ],
      bad: [
        ex('MySQL 8.0 on the default group', cfn('AWS::RDS::DBInstance', 'Engine: mysql\nEngineVersion: "8.0.36"', '⟦Db⟧'), { expect: [{ severity: 'warning', message: ['DBParameterGroupName is not set', 'require_secure_transport: ON'] }] }),
        ex('MariaDB 11.4 on the default group', cfn('AWS::RDS::DBInstance', 'Engine: mariadb\nEngineVersion: "11.4.5"', '⟦Db⟧'), { expect: [{ severity: 'warning', message: ['DBParameterGroupName is not set', 'require_secure_transport: ON'] }] }),
        ex('Db2 group keeps the clear-text port', `Resources:
  Params:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: db2-se-11.5
      Description: tls
      Parameters:
        db2comm: TCPIP,SSL
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: db2-se
      DBParameterGroupName: ⟦!Ref Params⟧
`, { expect: [{ message: ["db2comm is 'TCPIP,SSL'"] }] }),
      ],
    },
    terraform: {
      good: [
        ex('MySQL group with require_secure_transport ON', 'resource "aws_db_parameter_group" "tls" {\n  family = "mysql8.0"\n  parameter {\n    name  = "require_secure_transport"\n    value = "ON"\n  }\n}\n\nresource "aws_db_instance" "db" {\n  engine               = "mysql"\n  parameter_group_name = aws_db_parameter_group.tls.name\n}\n'),
        ex('parameters from a dynamic block: cannot be checked', 'variable "parameters" {\n  type = list(object({ name = string, value = string }))\n}\n\nresource "aws_db_parameter_group" "g" {\n  family = "postgres14"\n  dynamic "parameter" {\n    for_each = var.parameters\n    content {\n      name  = parameter.value.name\n      value = parameter.value.value\n    }\n  }\n}\n\nresource "aws_db_instance" "db" {\n  engine               = "postgres"\n  parameter_group_name = aws_db_parameter_group.g.name\n}\n'),
        ex('MariaDB 11.8 on the default group requires TLS', 'resource "aws_db_instance" "db" {\n  engine         = "mariadb"\n  engine_version = "11.8"\n}\n'),
        ex('MariaDB 11.8 group that leaves require_secure_transport alone', 'resource "aws_db_parameter_group" "g" {\n  family = "mariadb11.8"\n  parameter {\n    name  = "max_connections"\n    value = "200"\n  }\n}\n\nresource "aws_db_instance" "db" {\n  engine               = "mariadb"\n  parameter_group_name = aws_db_parameter_group.g.name\n}\n'),
        ex('MariaDB without engine_version: cannot be checked', 'resource "aws_db_instance" "db" {\n  engine = "mariadb"\n}\n'),
        ex('engine unknown, group sets db2comm SSL', 'variable "family" {\n  type = string\n}\n\nresource "aws_db_parameter_group" "g" {\n  family = var.family\n  parameter {\n    name  = "db2comm"\n    value = "SSL"\n  }\n}\n\nresource "aws_db_instance" "db" {\n  parameter_group_name = aws_db_parameter_group.g.name\n}\n'),
      ],
      bad: [
        ex('MariaDB 10.11 on the default group', 'resource "aws_db_instance" ⟦"db"⟧ {\n  engine         = "mariadb"\n  engine_version = "10.11.9"\n}\n', { expect: [{ severity: 'warning', message: ['parameter_group_name is not set', 'require_secure_transport'] }] }),
        ex('MariaDB 11.8 group that turns require_secure_transport OFF', 'resource "aws_db_parameter_group" "g" {\n  family = "mariadb11.8"\n  parameter {\n    name  = "require_secure_transport"\n    value = "OFF"\n  }\n}\n\nresource "aws_db_instance" "db" {\n  engine               = "mariadb"\n  parameter_group_name = ⟦aws_db_parameter_group.g.name⟧\n}\n', { expect: [{ message: ["require_secure_transport is 'OFF'"] }] }),
        ex('PostgreSQL 14 group with rds.force_ssl 0', 'resource "aws_db_parameter_group" "g" {\n  family = "postgres14"\n  parameter {\n    name  = "rds.force_ssl"\n    value = "0"\n  }\n}\n\nresource "aws_db_instance" "db" {\n  engine               = "postgres"\n  parameter_group_name = ⟦aws_db_parameter_group.g.name⟧\n}\n', { expect: [{ severity: 'warning', message: ["rds.force_ssl is '0'"] }] }),
      ],
    },
  },
  {
    rule: 'rds-cluster-iam-auth',
    cloudformation: {
      good: [
        ex('IAM auth on', cfn('AWS::RDS::DBCluster', 'Engine: aurora-postgresql\nEnableIAMDatabaseAuthentication: true')),
        ex('Serverless v1 has no IAM auth', cfn('AWS::RDS::DBCluster', 'Engine: aurora-mysql\nEngineMode: serverless')),
      ],
      bad: [ex('not set', cfn('AWS::RDS::DBCluster', 'Engine: aurora-postgresql', '⟦Cluster⟧'), { expect: [{ message: ['EnableIAMDatabaseAuthentication is not set'] }] })],
    },
    terraform: {
      good: [
        ex('IAM auth on', 'resource "aws_rds_cluster" "c" {\n  engine                              = "aurora-postgresql"\n  iam_database_authentication_enabled = true\n}\n'),
        ex('Serverless v1 has no IAM auth', 'resource "aws_rds_cluster" "c" {\n  engine      = "aurora-mysql"\n  engine_mode = "serverless"\n}\n'),
      ],
      bad: [ex('not set', 'resource "aws_rds_cluster" ⟦"c"⟧ {\n  engine = "aurora-postgresql"\n}\n', { expect: [{ message: ['iam_database_authentication_enabled is not set'] }] })],
    },
  },
  {
    rule: 'rds-cluster-backup-retention',
    cloudformation: {
      good: [ex('7 days', cfn('AWS::RDS::DBCluster', 'Engine: aurora-mysql\nBackupRetentionPeriod: 7'))],
      bad: [ex('1 day', cfn('AWS::RDS::DBCluster', 'Engine: aurora-mysql\nBackupRetentionPeriod: ⟦1⟧'), { expect: [{ message: ['BackupRetentionPeriod is 1'] }] })],
    },
    terraform: {
      good: [ex('30 days', 'resource "aws_rds_cluster" "c" {\n  backup_retention_period = 30\n}\n')],
      bad: [ex('not set', 'resource "aws_rds_cluster" ⟦"c"⟧ {\n  engine = "aurora-mysql"\n}\n', { expect: [{ message: ['backup_retention_period is not set', '1 day'] }] })],
    },
  },
  {
    rule: 'rds-cluster-deletion-protection',
    cloudformation: {
      good: [ex('on', cfn('AWS::RDS::DBCluster', 'Engine: aurora-mysql\nDeletionProtection: true'))],
      bad: [ex('off', cfn('AWS::RDS::DBCluster', 'Engine: aurora-mysql\nDeletionProtection: ⟦false⟧'), { expect: [{ message: ["DeletionProtection is false"] }] })],
    },
    terraform: {
      good: [ex('on', 'resource "aws_rds_cluster" "c" {\n  deletion_protection = true\n}\n')],
      bad: [
        ex('not set', 'resource "aws_rds_cluster" ⟦"c"⟧ {}\n', { expect: [{ message: ['deletion_protection is not set'] }] }),
        ex('off', 'resource "aws_rds_cluster" "c" {\n  engine              = "aurora-mysql"\n  deletion_protection = ⟦false⟧\n}\n', { expect: [{ message: ['deletion_protection is false'] }] }),
      ],
    },
  },
  {
    rule: 'rds-cluster-log-exports',
    cloudformation: {
      good: [
        ex('Aurora MySQL audit log exported', cfn('AWS::RDS::DBCluster', 'Engine: aurora-mysql\nEnableCloudwatchLogsExports: [audit, error]')),
        ex('Serverless v1 logs through its parameter group', cfn('AWS::RDS::DBCluster', 'Engine: aurora-mysql\nEngineMode: serverless')),
      ],
      bad: [ex('Aurora PostgreSQL without the postgresql log', cfn('AWS::RDS::DBCluster', 'Engine: aurora-postgresql\nEnableCloudwatchLogsExports: ⟦[]⟧'), { expect: [{ message: ['EnableCloudwatchLogsExports is empty'] }] })],
    },
    terraform: {
      good: [ex('postgresql log exported', 'resource "aws_rds_cluster" "c" {\n  engine                          = "aurora-postgresql"\n  enabled_cloudwatch_logs_exports = ["postgresql"]\n}\n')],
      bad: [ex('not set', 'resource "aws_rds_cluster" ⟦"c"⟧ {\n  engine = "aurora-mysql"\n}\n', { expect: [{ message: ['enabled_cloudwatch_logs_exports is not set'] }] })],
    },
  },
  {
    rule: 'elasticache-at-rest',
    cloudformation: {
      good: [
        ex('encrypted', cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nEngine: redis\nAtRestEncryptionEnabled: true', 'Cache')),
        ex('Valkey is encrypted by default', cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nEngine: valkey', 'Cache')),
      ],
      bad: [ex('Redis OSS without encryption', cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nEngine: redis', '⟦Cache⟧'), { expect: [{ severity: 'warning', message: ['AtRestEncryptionEnabled is not set'] }] })],
    },
    terraform: {
      good: [
        ex('encrypted', 'resource "aws_elasticache_replication_group" "c" {\n  description                = "cache"\n  at_rest_encryption_enabled = true\n}\n'),
        ex('Valkey is encrypted by default', 'resource "aws_elasticache_replication_group" "c" {\n  description = "cache"\n  engine      = "valkey"\n}\n'),
      ],
      bad: [ex('explicitly off', 'resource "aws_elasticache_replication_group" "c" {\n  description                = "cache"\n  engine                     = "valkey"\n  at_rest_encryption_enabled = ⟦false⟧\n}\n', { expect: [{ message: ["at_rest_encryption_enabled is false"] }] })],
    },
  },
  {
    rule: 'elasticache-in-transit',
    cloudformation: {
      good: [ex('TLS on', cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nTransitEncryptionEnabled: true', 'Cache'))],
      bad: [ex('TLS off', cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nTransitEncryptionEnabled: ⟦false⟧', 'Cache'), { expect: [{ message: ["TransitEncryptionEnabled is false", 'clear text'] }] })],
    },
    terraform: {
      good: [ex('TLS on', 'resource "aws_elasticache_replication_group" "c" {\n  description                = "cache"\n  transit_encryption_enabled = true\n}\n')],
      bad: [ex('not set', 'resource "aws_elasticache_replication_group" ⟦"c"⟧ {\n  description = "cache"\n}\n', { expect: [{ message: ['transit_encryption_enabled is not set'] }] })],
    },
  },
  {
    rule: 'elasticache-auth',
    cloudformation: {
      good: [
        ex('AUTH token from Secrets Manager', cfn('AWS::ElastiCache::ReplicationGroup', "ReplicationGroupDescription: cache\nTransitEncryptionEnabled: true\nAuthToken: '{{resolve:secretsmanager:cache-token}}'", 'Cache')),
        ex('RBAC user groups', cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nTransitEncryptionEnabled: true\nUserGroupIds: [app-users]', 'Cache')),
        ex('user groups from a list parameter: cannot be checked', `Parameters:\n  Groups:\n    Type: CommaDelimitedList\n${cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nTransitEncryptionEnabled: true\nUserGroupIds: !Ref Groups', 'Cache')}`),
      ],
      bad: [
        ex('neither AUTH nor RBAC', cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nTransitEncryptionEnabled: true', '⟦Cache⟧'), { expect: [{ severity: 'warning', message: ['AuthToken is not set', 'UserGroupIds'] }] }),
        ex('an empty user group list is no RBAC', cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nUserGroupIds: []', '⟦Cache⟧'), { expect: [{ message: ['AuthToken is not set'] }] }),
      ],
    },
    terraform: {
      good: [
        ex('RBAC user groups', 'resource "aws_elasticache_replication_group" "sessions" {\n  description                = "sessions"\n  transit_encryption_enabled = true\n  user_group_ids             = ["session-readers"]\n}\n'),
        ex('AUTH token from a variable', 'variable "token" {\n  type      = string\n  sensitive = true\n}\n\nresource "aws_elasticache_replication_group" "c" {\n  description                = "cache"\n  transit_encryption_enabled = true\n  auth_token                 = var.token\n}\n'),
      ],
      bad: [ex('neither AUTH nor RBAC', 'resource "aws_elasticache_replication_group" ⟦"c"⟧ {\n  description                = "cache"\n  transit_encryption_enabled = true\n}\n', { expect: [{ severity: 'warning', message: ['auth_token is not set', 'user_group_ids'] }] })],
    },
  },
  {
    rule: 'elasticache-backups',
    cloudformation: {
      good: [
        ex('7 snapshots kept', cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nSnapshotRetentionLimit: 7', 'Cache')),
        ex('Memcached has no backups', cfn('AWS::ElastiCache::CacheCluster', 'Engine: memcached\nCacheNodeType: cache.t4g.small\nNumCacheNodes: 1', 'Cache')),
      ],
      bad: [ex('no snapshots', cfn('AWS::ElastiCache::CacheCluster', 'Engine: redis\nCacheNodeType: cache.t4g.small\nNumCacheNodes: 1', '⟦Cache⟧'), { expect: [{ severity: 'warning', message: ['SnapshotRetentionLimit is not set'] }] })],
    },
    terraform: {
      good: [
        ex('5 snapshots kept', 'resource "aws_elasticache_cluster" "c" {\n  engine                   = "redis"\n  snapshot_retention_limit = 5\n}\n'),
        ex('Memcached has no backups', 'resource "aws_elasticache_cluster" "c" {\n  engine = "memcached"\n}\n'),
        ex('member of a replication group', 'resource "aws_elasticache_cluster" "replica" {\n  replication_group_id = "sessions"\n}\n'),
      ],
      bad: [
        ex('snapshots off', 'resource "aws_elasticache_cluster" "c" {\n  engine                   = "redis"\n  snapshot_retention_limit = ⟦0⟧\n}\n', { expect: [{ message: ['snapshot_retention_limit is 0'] }] }),
        ex('replication group without snapshots', 'resource "aws_elasticache_replication_group" ⟦"sessions"⟧ {\n  description = "sessions"\n  engine      = "valkey"\n}\n', { expect: [{ severity: 'warning', message: ['snapshot_retention_limit is not set'] }] }),
      ],
    },
  },
  {
    rule: 'elasticache-auto-minor',
    cloudformation: {
      good: [
        ex('AWS default', cfn('AWS::ElastiCache::CacheCluster', 'Engine: redis\nCacheNodeType: cache.t4g.small\nNumCacheNodes: 1', 'Cache')),
        // The setting is for Redis OSS 6.0+ / Valkey 7.2+; a Memcached cluster is upgraded only when you change its engine version.
        ex('a Memcached cluster (the setting does not apply)', cfn('AWS::ElastiCache::CacheCluster', 'Engine: memcached\nCacheNodeType: cache.t4g.small\nNumCacheNodes: 1\nAutoMinorVersionUpgrade: false', 'Cache')),
      ],
      bad: [ex('turned off', cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nAutoMinorVersionUpgrade: ⟦false⟧', 'Cache'), { expect: [{ severity: 'warning', message: ["AutoMinorVersionUpgrade is false"] }] })],
    },
    terraform: {
      good: [
        ex('AWS default', 'resource "aws_elasticache_cluster" "c" {\n  engine = "redis"\n}\n'),
        ex('member of a replication group', 'resource "aws_elasticache_cluster" "replica" {\n  replication_group_id       = "sessions"\n  auto_minor_version_upgrade = false\n}\n'),
        ex('a Memcached cluster (the setting does not apply)', 'resource "aws_elasticache_cluster" "c" {\n  engine                     = "memcached"\n  auto_minor_version_upgrade = false\n}\n'),
      ],
      bad: [ex('turned off', 'resource "aws_elasticache_cluster" "c" {\n  engine                     = "redis"\n  auto_minor_version_upgrade = ⟦false⟧\n}\n', { expect: [{ message: ["auto_minor_version_upgrade is false"] }] })],
    },
  },
  {
    rule: 'elasticache-custom-subnet-group',
    cloudformation: {
      good: [ex('own subnet group', cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nCacheSubnetGroupName: !Ref CacheSubnets', 'Cache'))],
      bad: [
        ex('default subnet group', cfn('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: cache\nCacheSubnetGroupName: ⟦default⟧', 'Cache'), { expect: [{ severity: 'warning', message: ["CacheSubnetGroupName is 'default'"] }] }),
        ex('not set', cfn('AWS::ElastiCache::CacheCluster', 'Engine: redis\nCacheNodeType: cache.t4g.small\nNumCacheNodes: 1', '⟦Cache⟧'), { expect: [{ severity: 'warning', message: ['CacheSubnetGroupName is not set: the cache runs in the default subnet group'] }] }),
      ],
    },
    terraform: {
      good: [ex('replication group in its own subnet group', 'resource "aws_elasticache_replication_group" "g" {\n  description       = "cache"\n  subnet_group_name = aws_elasticache_subnet_group.private.name\n}\n'), ex('own subnet group', 'resource "aws_elasticache_cluster" "c" {\n  engine            = "redis"\n  subnet_group_name = aws_elasticache_subnet_group.private.name\n}\n')],
      bad: [ex('the default group by name', 'resource "aws_elasticache_cluster" "c" {\n  engine            = "redis"\n  subnet_group_name = ⟦"default"⟧\n}\n', { expect: [{ severity: 'warning', message: ["subnet_group_name is 'default'", 'default subnet group'] }] }), ex('not set', 'resource "aws_elasticache_cluster" ⟦"c"⟧ {\n  engine = "redis"\n}\n', { expect: [{ severity: 'warning', message: ['subnet_group_name is not set: the cache runs in the default subnet group'] }] })],
    },
  },
  {
    rule: 'redshift-encrypted',
    cloudformation: {
      good: [
        ex('encrypted', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus\nEncrypted: true', 'Warehouse')),
        ex('AWS default', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus', 'Warehouse')),
      ],
      bad: [ex('explicitly unencrypted', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus\nEncrypted: ⟦false⟧', 'Warehouse'), { expect: [{ severity: 'warning', message: ["Encrypted is false"] }] })],
    },
    terraform: {
      good: [ex('encrypted', 'resource "aws_redshift_cluster" "w" {\n  encrypted = true\n}\n'), ex('not set: encrypted by default', 'resource "aws_redshift_cluster" "w" {\n  node_type = "ra3.xlplus"\n}\n')],
      bad: [ex('explicitly unencrypted', 'resource "aws_redshift_cluster" "w" {\n  encrypted = ⟦false⟧\n}\n', { expect: [{ message: ["encrypted is false"] }] })],
    },
  },
  {
    rule: 'redshift-not-public',
    cloudformation: {
      good: [
        ex('private', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus\nPubliclyAccessible: false', 'Warehouse')),
        ex('not set: private by default', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus', 'Warehouse')),
      ],
      bad: [
        ex('public', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus\nPubliclyAccessible: ⟦true⟧', 'Warehouse'), { expect: [{ severity: 'error', message: ["PubliclyAccessible is true"] }] }),
      ],
    },
    terraform: {
      good: [ex('private', 'resource "aws_redshift_cluster" "w" {\n  publicly_accessible = false\n}\n'), ex('not set: private by default', 'resource "aws_redshift_cluster" "w" {}\n')],
      bad: [ex('public', 'resource "aws_redshift_cluster" "w" {\n  publicly_accessible = ⟦true⟧\n}\n', { expect: [{ severity: 'error', message: ['publicly_accessible is true', 'public address'] }] })],
    },
  },
  {
    rule: 'redshift-require-ssl',
    cloudformation: {
      good: [ex('group requires SSL', `Resources:
  Params:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      Description: tls
      ParameterGroupFamily: redshift-1.0
      Parameters:
        - ParameterName: require_ssl
          ParameterValue: "true"
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      NodeType: ra3.xlplus
      ClusterParameterGroupName: !Ref Params
`), ex('default group: whether it requires SSL cannot be told from the template', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus', 'Warehouse'))],
      bad: [ex('group with require_ssl false', `Resources:
  Params:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      Description: no tls
      ParameterGroupFamily: redshift-2.0
      Parameters:
        - ParameterName: require_ssl
          ParameterValue: "false"
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      NodeType: ra3.xlplus
      ClusterParameterGroupName: ⟦!Ref Params⟧
`, { expect: [{ severity: 'warning', message: ["require_ssl is 'false'"] }] })],
    },
    terraform: {
      good: [ex('default group: cannot be checked', 'resource "aws_redshift_cluster" "w" {\n  node_type = "ra3.xlplus"\n}\n'), ex('group requires SSL', 'resource "aws_redshift_parameter_group" "g" {\n  family = "redshift-1.0"\n  parameter {\n    name  = "require_ssl"\n    value = "true"\n  }\n}\n\nresource "aws_redshift_cluster" "w" {\n  cluster_parameter_group_name = aws_redshift_parameter_group.g.name\n}\n')],
      bad: [ex('require_ssl false', 'resource "aws_redshift_parameter_group" "g" {\n  family = "redshift-1.0"\n  parameter {\n    name  = "require_ssl"\n    value = "false"\n  }\n}\n\nresource "aws_redshift_cluster" "w" {\n  cluster_parameter_group_name = ⟦aws_redshift_parameter_group.g.name⟧\n}\n', { expect: [{ message: ["require_ssl is 'false'"] }] })],
    },
  },
  {
    rule: 'redshift-audit-logging',
    cloudformation: {
      good: [ex('logs to CloudWatch', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus\nLoggingProperties:\n  LogDestinationType: cloudwatch\n  LogExports: [connectionlog, userlog]', 'Warehouse'))],
      bad: [ex('no logging', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus', '⟦Warehouse⟧'), { expect: [{ severity: 'warning', message: ['no audit trail'] }] })],
    },
    terraform: {
      good: [ex('inline logging block (provider v5)', 'resource "aws_redshift_cluster" "w" {\n  cluster_identifier = "warehouse"\n  logging {\n    enable      = true\n    bucket_name = "audit-logs-7731"\n  }\n}\n'), ex('aws_redshift_logging to S3', 'resource "aws_redshift_cluster" "w" {\n  cluster_identifier = "warehouse"\n}\n\nresource "aws_redshift_logging" "w" {\n  cluster_identifier = aws_redshift_cluster.w.id\n  bucket_name        = "audit-logs-7731"\n}\n')],
      bad: [ex('no aws_redshift_logging', 'resource "aws_redshift_cluster" ⟦"w"⟧ {\n  cluster_identifier = "warehouse"\n}\n', { expect: [{ message: ['no aws_redshift_logging points at it'] }] })],
    },
  },
  {
    rule: 'redshift-snapshots',
    cloudformation: {
      good: [ex('7 days', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus\nAutomatedSnapshotRetentionPeriod: 7', 'Warehouse'))],
      bad: [ex('not set', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus', '⟦Warehouse⟧'), { expect: [{ message: ['1 day'] }] })],
    },
    terraform: {
      good: [ex('10 days', 'resource "aws_redshift_cluster" "w" {\n  automated_snapshot_retention_period = 10\n}\n')],
      bad: [ex('snapshots off', 'resource "aws_redshift_cluster" "w" {\n  automated_snapshot_retention_period = ⟦0⟧\n}\n', { expect: [{ message: ['automated_snapshot_retention_period is 0'] }] })],
    },
  },
  {
    rule: 'redshift-enhanced-vpc-routing',
    cloudformation: {
      good: [ex('on', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus\nEnhancedVpcRouting: true', 'Warehouse'))],
      bad: [ex('not set', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus', '⟦Warehouse⟧'), { expect: [{ severity: 'warning', message: ['EnhancedVpcRouting is not set'] }] })],
    },
    terraform: {
      good: [ex('on', 'resource "aws_redshift_cluster" "w" {\n  enhanced_vpc_routing = true\n}\n')],
      bad: [ex('off', 'resource "aws_redshift_cluster" "w" {\n  enhanced_vpc_routing = ⟦false⟧\n}\n', { expect: [{ severity: 'warning', message: ["enhanced_vpc_routing is false"] }] })],
    },
  },
  {
    rule: 'redshift-version-upgrade',
    cloudformation: {
      good: [ex('AWS default', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus', 'Warehouse'))],
      bad: [ex('turned off', cfn('AWS::Redshift::Cluster', 'NodeType: ra3.xlplus\nAllowVersionUpgrade: ⟦false⟧', 'Warehouse'), { expect: [{ message: ["AllowVersionUpgrade is false"] }] })],
    },
    terraform: {
      good: [ex('on', 'resource "aws_redshift_cluster" "w" {\n  allow_version_upgrade = true\n}\n')],
      bad: [ex('turned off', 'resource "aws_redshift_cluster" "w" {\n  allow_version_upgrade = ⟦false⟧\n}\n', { expect: [{ message: ["allow_version_upgrade is false"] }] })],
    },
  },
  {
    rule: 'docdb-encrypted',
    cloudformation: {
      good: [
        ex('encrypted', cfn('AWS::DocDB::DBCluster', 'StorageEncrypted: true', 'Docs')),
        ex('restored from a snapshot', cfn('AWS::DocDB::DBCluster', 'SnapshotIdentifier: docs-snap', 'Docs')),
      ],
      bad: [ex('not set', cfn('AWS::DocDB::DBCluster', 'BackupRetentionPeriod: 7', '⟦Docs⟧'), { expect: [{ severity: 'warning', message: ['StorageEncrypted is not set'] }] })],
    },
    terraform: {
      good: [
        ex('encrypted', 'resource "aws_docdb_cluster" "d" {\n  storage_encrypted = true\n}\n'),
        ex('restored from a snapshot', 'resource "aws_docdb_cluster" "d" {\n  snapshot_identifier = "docs-snap"\n}\n'),
      ],
      bad: [ex('off', 'resource "aws_docdb_cluster" "d" {\n  storage_encrypted = ⟦false⟧\n}\n', { expect: [{ message: ["storage_encrypted is false"] }] })],
    },
  },
  {
    rule: 'docdb-backup-retention',
    cloudformation: {
      good: [ex('7 days', cfn('AWS::DocDB::DBCluster', 'BackupRetentionPeriod: 7', 'Docs'))],
      bad: [ex('not set', cfn('AWS::DocDB::DBCluster', 'StorageEncrypted: true', '⟦Docs⟧'), { expect: [{ message: ['1 day'] }] })],
    },
    terraform: {
      good: [ex('14 days', 'resource "aws_docdb_cluster" "d" {\n  backup_retention_period = 14\n}\n')],
      bad: [ex('2 days', 'resource "aws_docdb_cluster" "d" {\n  backup_retention_period = ⟦2⟧\n}\n', { expect: [{ message: ['backup_retention_period is 2'] }] })],
    },
  },
  {
    rule: 'docdb-audit-logs',
    cloudformation: {
      good: [ex('audit exported', cfn('AWS::DocDB::DBCluster', 'EnableCloudwatchLogsExports: [audit, profiler]', 'Docs'))],
      bad: [ex('profiler only', cfn('AWS::DocDB::DBCluster', 'EnableCloudwatchLogsExports: ⟦[profiler]⟧', 'Docs'), { expect: [{ message: ["without 'audit'"] }] })],
    },
    terraform: {
      good: [ex('audit exported', 'resource "aws_docdb_cluster" "d" {\n  enabled_cloudwatch_logs_exports = ["audit"]\n}\n')],
      bad: [ex('not set', 'resource "aws_docdb_cluster" ⟦"d"⟧ {}\n', { expect: [{ message: ['enabled_cloudwatch_logs_exports is not set'] }] })],
    },
  },
  {
    rule: 'docdb-tls',
    cloudformation: {
      good: [ex('default group keeps TLS on', cfn('AWS::DocDB::DBCluster', 'StorageEncrypted: true', 'Docs'))],
      bad: [ex('group turns TLS off', `Resources:
  Params:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: no tls
      Family: docdb5.0
      Parameters:
        tls: disabled
  Docs:
    Type: AWS::DocDB::DBCluster
    Properties:
      DBClusterParameterGroupName: ⟦!Ref Params⟧
`, { expect: [{ severity: 'warning', message: ["tls is 'disabled'"] }] })],
    },
    terraform: {
      good: [ex('default group', 'resource "aws_docdb_cluster" "d" {}\n')],
      bad: [ex('group turns TLS off', 'resource "aws_docdb_cluster_parameter_group" "g" {\n  family = "docdb5.0"\n  parameter {\n    name  = "tls"\n    value = "disabled"\n  }\n}\n\nresource "aws_docdb_cluster" "d" {\n  db_cluster_parameter_group_name = ⟦aws_docdb_cluster_parameter_group.g.name⟧\n}\n', { expect: [{ message: ["tls is 'disabled'"] }] })],
    },
  },
  {
    rule: 'neptune-encrypted',
    cloudformation: {
      good: [ex('encrypted', cfn('AWS::Neptune::DBCluster', 'StorageEncrypted: true', 'Graph'))],
      bad: [ex('not set', cfn('AWS::Neptune::DBCluster', 'IamAuthEnabled: true', '⟦Graph⟧'), { expect: [{ message: ['StorageEncrypted is not set'] }] })],
    },
    terraform: {
      good: [
        ex('encrypted', 'resource "aws_neptune_cluster" "g" {\n  storage_encrypted = true\n}\n'),
        ex('restored from a snapshot', 'resource "aws_neptune_cluster" "g" {\n  snapshot_identifier = "graph-snap"\n}\n'),
      ],
      bad: [
        ex('not set', 'resource "aws_neptune_cluster" ⟦"g"⟧ {}\n', { expect: [{ message: ['storage_encrypted is not set'] }] }),
        ex('storage_encrypted = false', 'resource "aws_neptune_cluster" "g" {\n  storage_encrypted = ⟦false⟧\n}\n', { expect: [{ message: ['storage_encrypted is false'] }] }),
      ],
    },
  },
  {
    rule: 'neptune-iam-auth',
    cloudformation: {
      good: [ex('IAM auth on', cfn('AWS::Neptune::DBCluster', 'IamAuthEnabled: true', 'Graph'))],
      bad: [ex('off', cfn('AWS::Neptune::DBCluster', 'IamAuthEnabled: ⟦false⟧', 'Graph'), { expect: [{ message: ["IamAuthEnabled is false"] }] })],
    },
    terraform: {
      good: [ex('IAM auth on', 'resource "aws_neptune_cluster" "g" {\n  iam_database_authentication_enabled = true\n}\n')],
      bad: [
        ex('not set', 'resource "aws_neptune_cluster" ⟦"g"⟧ {}\n', { expect: [{ message: ['iam_database_authentication_enabled is not set'] }] }),
        ex('off, other arguments set', 'resource "aws_neptune_cluster" ⟦"g"⟧ {\n  storage_encrypted = true\n}\n', { expect: [{ message: ['iam_database_authentication_enabled is not set'] }] }),
      ],
    },
  },
  {
    rule: 'neptune-audit-logs',
    cloudformation: {
      good: [ex('audit exported', cfn('AWS::Neptune::DBCluster', 'EnableCloudwatchLogsExports: [audit]', 'Graph'))],
      bad: [ex('not set', cfn('AWS::Neptune::DBCluster', 'IamAuthEnabled: true', '⟦Graph⟧'), { expect: [{ message: ['EnableCloudwatchLogsExports is not set'] }] })],
    },
    terraform: {
      good: [ex('audit exported', 'resource "aws_neptune_cluster" "g" {\n  enable_cloudwatch_logs_exports = ["audit", "slowquery"]\n}\n')],
      bad: [ex('slow queries only', 'resource "aws_neptune_cluster" "g" {\n  enable_cloudwatch_logs_exports = ⟦["slowquery"]⟧\n}\n', { expect: [{ message: ["without 'audit'"] }] })],
    },
  },
  {
    rule: 'dynamodb-pitr',
    cloudformation: {
      good: [ex('PITR on', cfn('AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST\nPointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true', 'Table'))],
      bad: [ex('not set', cfn('AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST', '⟦Table⟧'), { expect: [{ severity: 'warning', message: ['PointInTimeRecoveryEnabled is not set'] }] })],
    },
    terraform: {
      good: [ex('PITR on', 'resource "aws_dynamodb_table" "t" {\n  name = "orders"\n  point_in_time_recovery {\n    enabled = true\n  }\n}\n')],
      bad: [ex('PITR off', 'resource "aws_dynamodb_table" "t" {\n  name = "orders"\n  point_in_time_recovery {\n    enabled = ⟦false⟧\n  }\n}\n', { expect: [{ message: ["point_in_time_recovery.enabled is false"] }] })],
    },
  },
  {
    rule: 'dynamodb-deletion-protection',
    cloudformation: {
      good: [ex('on', cfn('AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST\nDeletionProtectionEnabled: true', 'Table'))],
      bad: [ex('off', cfn('AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST\nDeletionProtectionEnabled: ⟦false⟧', 'Table'), { expect: [{ message: ["DeletionProtectionEnabled is false"] }] })],
    },
    terraform: {
      good: [ex('on', 'resource "aws_dynamodb_table" "t" {\n  name                        = "orders"\n  deletion_protection_enabled = true\n}\n')],
      bad: [ex('not set', 'resource "aws_dynamodb_table" ⟦"t"⟧ {\n  name = "orders"\n}\n', { expect: [{ message: ['deletion_protection_enabled is not set'] }] })],
    },
  },
  {
    rule: 'dynamodb-cmk',
    cloudformation: {
      good: [
        ex('customer managed key', cfn('AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST\nSSESpecification:\n  SSEEnabled: true\n  SSEType: KMS\n  KMSMasterKeyId: !Ref TableKey', 'Table')),
        ex('customer managed key by alias ARN', cfn('AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST\nSSESpecification:\n  SSEEnabled: true\n  KMSMasterKeyId: arn:aws:kms:eu-west-1:111122223333:alias/orders', 'Table')),
      ],
      bad: [
        ex('no SSESpecification: an AWS owned key', cfn('AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST', '⟦Table⟧'), { expect: [{ severity: 'info', message: ['SSESpecification.KMSMasterKeyId is not set', 'AWS owned key', 'customer managed key'] }] }),
        ex('SSEEnabled without a key: the AWS managed aws/dynamodb key', cfn('AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST\nSSESpecification:\n  SSEEnabled: true\n  SSEType: KMS', '⟦Table⟧'), { expect: [{ severity: 'info', message: ['SSESpecification.KMSMasterKeyId is not set', 'aws/dynamodb'] }] }),
        ex('the AWS managed alias named', cfn('AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST\nSSESpecification:\n  SSEEnabled: true\n  KMSMasterKeyId: ⟦alias/aws/dynamodb⟧', 'Table'), { expect: [{ severity: 'info', message: ["KMSMasterKeyId is 'alias/aws/dynamodb'", 'AWS managed'] }] }),
        ex('SSEEnabled false: an AWS owned key, the key named is not used', cfn('AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST\nSSESpecification:\n  SSEEnabled: ⟦false⟧\n  KMSMasterKeyId: !Ref TableKey', 'Table'), { expect: [{ severity: 'info', message: ['SSESpecification.SSEEnabled is false', 'AWS owned key'] }] }),
      ],
    },
    terraform: {
      good: [
        ex('customer managed key', 'resource "aws_dynamodb_table" "t" {\n  name = "orders"\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.table.arn\n  }\n}\n'),
        ex('customer managed key by ARN', 'resource "aws_dynamodb_table" "t" {\n  name = "orders"\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"\n  }\n}\n'),
      ],
      bad: [
        ex('no server_side_encryption: an AWS owned key', 'resource "aws_dynamodb_table" ⟦"t"⟧ {\n  name = "orders"\n}\n', { expect: [{ severity: 'info', message: ['server_side_encryption.kms_key_arn is not set', 'AWS owned key', 'server_side_encryption.enabled = true alone'] }] }),
        ex('enabled without kms_key_arn: the AWS managed aws/dynamodb key', 'resource "aws_dynamodb_table" ⟦"t"⟧ {\n  name = "orders"\n  server_side_encryption {\n    enabled = true\n  }\n}\n', { expect: [{ severity: 'info', message: ['server_side_encryption.kms_key_arn is not set', 'aws/dynamodb'] }] }),
        ex('the alias ARN of the AWS managed key', 'resource "aws_dynamodb_table" "t" {\n  name = "orders"\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = ⟦"arn:aws:kms:eu-west-1:111122223333:alias/aws/dynamodb"⟧\n  }\n}\n', { expect: [{ severity: 'info', message: ['alias/aws/dynamodb', 'AWS managed'] }] }),
        ex('enabled = false: an AWS owned key', 'resource "aws_dynamodb_table" "t" {\n  name = "orders"\n  server_side_encryption {\n    enabled     = ⟦false⟧\n    kms_key_arn = aws_kms_key.table.arn\n  }\n}\n', { expect: [{ severity: 'info', message: ['server_side_encryption.enabled is false', 'kms_key_arn is not used'] }] }),
      ],
    },
  },
  {
    rule: 'dms-not-public',
    cloudformation: {
      good: [ex('private', cfn('AWS::DMS::ReplicationInstance', 'ReplicationInstanceClass: dms.t3.medium\nPubliclyAccessible: false', 'Replicator'))],
      bad: [ex('not set: public by default', cfn('AWS::DMS::ReplicationInstance', 'ReplicationInstanceClass: dms.t3.medium', '⟦Replicator⟧'), { expect: [{ severity: 'error', message: ['PubliclyAccessible defaults to true'] }] })],
    },
    terraform: {
      good: [
        ex('private', 'resource "aws_dms_replication_instance" "r" {\n  replication_instance_class = "dms.t3.medium"\n  publicly_accessible        = false\n}\n'),
        ex('not set: the provider sends false', 'resource "aws_dms_replication_instance" "r" {\n  replication_instance_class = "dms.t3.medium"\n}\n'),
      ],
      bad: [ex('public', 'resource "aws_dms_replication_instance" "r" {\n  replication_instance_class = "dms.t3.medium"\n  publicly_accessible        = ⟦true⟧\n}\n', { expect: [{ severity: 'error', message: ["publicly_accessible is true"] }] })],
    },
  },
  {
    rule: 'dms-endpoint-ssl',
    cloudformation: {
      good: [
        ex('verify-full', cfn('AWS::DMS::Endpoint', 'EndpointType: source\nEngineName: postgres\nSslMode: verify-full', 'Source')),
        ex('S3 endpoints have no SslMode', cfn('AWS::DMS::Endpoint', 'EndpointType: target\nEngineName: s3', 'Target')),
      ],
      bad: [ex('not set', cfn('AWS::DMS::Endpoint', 'EndpointType: source\nEngineName: mysql', '⟦Source⟧'), { expect: [{ severity: 'warning', message: ['SslMode is not set: it defaults to none'] }] })],
    },
    terraform: {
      good: [
        ex('require', 'resource "aws_dms_endpoint" "src" {\n  endpoint_type = "source"\n  engine_name   = "postgres"\n  ssl_mode      = "require"\n}\n'),
        ex('DynamoDB endpoints have no ssl_mode', 'resource "aws_dms_endpoint" "dst" {\n  endpoint_type = "target"\n  engine_name   = "dynamodb"\n}\n'),
      ],
      bad: [
        ex('none', 'resource "aws_dms_endpoint" "src" {\n  endpoint_type = "source"\n  engine_name   = "postgres"\n  ssl_mode      = ⟦"none"⟧\n}\n', { expect: [{ message: ["ssl_mode is 'none'"] }] }),
        ex('not set', 'resource "aws_dms_endpoint" ⟦"src"⟧ {\n  endpoint_type = "source"\n  engine_name   = "mysql"\n}\n', { expect: [{ message: ['ssl_mode is not set: it defaults to none'] }] }),
      ],
    },
  },
  {
    rule: 'dms-auto-minor',
    cloudformation: {
      good: [ex('AWS default (true)', cfn('AWS::DMS::ReplicationInstance', 'ReplicationInstanceClass: dms.t3.medium', 'Replicator'))],
      bad: [ex('turned off', cfn('AWS::DMS::ReplicationInstance', 'ReplicationInstanceClass: dms.t3.medium\nAutoMinorVersionUpgrade: ⟦false⟧', 'Replicator'), { expect: [{ message: ["AutoMinorVersionUpgrade is false"] }] })],
    },
    terraform: {
      good: [ex('on', 'resource "aws_dms_replication_instance" "r" {\n  replication_instance_class = "dms.t3.medium"\n  auto_minor_version_upgrade = true\n}\n')],
      bad: [ex('not set: the provider sends false', 'resource "aws_dms_replication_instance" ⟦"r"⟧ {\n  replication_instance_class = "dms.t3.medium"\n}\n', { expect: [{ message: ['auto_minor_version_upgrade is not set: the AWS provider then sends false'] }] })],
    },
  },
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [];
