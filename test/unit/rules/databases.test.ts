import { describe, test } from 'node:test';
import { expectFindings } from '../support/ruleTester';

const head = 'AWSTemplateFormatVersion: "2010-09-09"\n';

/** One resource with the given properties (indented under Properties). */
function resource(type: string, properties: string, id = 'Db'): string {
  return `${head}Resources:\n  ${id}:\n    Type: ${type}\n    Properties:\n${properties.replace(/^/gm, '      ')}\n`;
}

// A compliant RDS PostgreSQL instance (the parameter group enforces TLS).
const goodInstance = `${head}Resources:
  Params:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: postgres14
      Description: x
      Parameters:
        rds.force_ssl: 1
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EngineVersion: "14.10"
      DBParameterGroupName: !Ref Params
      BackupRetentionPeriod: 7
      EnableIAMDatabaseAuthentication: true
      DeletionProtection: true
      EnableCloudwatchLogsExports: [postgresql, upgrade]
      StorageEncrypted: true
      PubliclyAccessible: false
`;

describe('RDS instance rules', () => {
  for (const rule of ['rds-backup-retention', 'rds-iam-auth', 'rds-auto-minor-upgrade', 'rds-deletion-protection', 'rds-log-exports', 'rds-force-tls']) {
    test(`${rule}: a compliant instance has no finding`, () => { expectFindings('t.yaml', goodInstance, rule); });
  }
  test('bad values are reported on the value', () => {
    const text = resource('AWS::RDS::DBInstance', 'Engine: mysql\nBackupRetentionPeriod: ⟦0⟧\nEnableIAMDatabaseAuthentication: true\nAutoMinorVersionUpgrade: false\nDeletionProtection: true\nEnableCloudwatchLogsExports: [error]');
    expectFindings('t.yaml', text, 'rds-backup-retention', [{ ruleId: 'rds-backup-retention', severity: 'warning', message: ['BackupRetentionPeriod is 0', 'fewer than 7 days'] }]);
    expectFindings('t.yaml', text.replace('⟦0⟧', '0').replace('false', '⟦false⟧'), 'rds-auto-minor-upgrade', [{ ruleId: 'rds-auto-minor-upgrade', message: ['AutoMinorVersionUpgrade is false'] }]);
    expectFindings('t.yaml', text.replace('⟦0⟧', '0').replace('[error]', '⟦[error]⟧'), 'rds-log-exports', [{ ruleId: 'rds-log-exports', message: ["without 'audit'"] }]);
  });
  test('absent settings are reported on the logical id; absent AutoMinorVersionUpgrade is the AWS default', () => {
    const text = `${head}Resources:\n  ⟦Db⟧:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      EngineVersion: "13.4"\n`;
    expectFindings('t.yaml', text, 'rds-backup-retention', [{ ruleId: 'rds-backup-retention', message: ['1 day only'] }]);
    expectFindings('t.yaml', text, 'rds-iam-auth', [{ ruleId: 'rds-iam-auth', message: ['EnableIAMDatabaseAuthentication is not set'] }]);
    expectFindings('t.yaml', text, 'rds-deletion-protection', [{ ruleId: 'rds-deletion-protection', severity: 'info' }]);
    expectFindings('t.yaml', text, 'rds-log-exports', [{ ruleId: 'rds-log-exports', message: ['EnableCloudwatchLogsExports is not set'] }]);
    expectFindings('t.yaml', text, 'rds-force-tls', [{ ruleId: 'rds-force-tls', message: ['DBParameterGroupName is not set', 'rds.force_ssl: 1'] }]);
    expectFindings('t.yaml', text.replace(/⟦|⟧/g, ''), 'rds-auto-minor-upgrade');
  });
  test('Aurora instances and engines without IAM auth are skipped', () => {
    const aurora = resource('AWS::RDS::DBInstance', 'Engine: aurora-postgresql\nDBClusterIdentifier: !Ref Cluster\nDBInstanceClass: db.r6g.large');
    for (const rule of ['rds-backup-retention', 'rds-iam-auth', 'rds-deletion-protection', 'rds-log-exports', 'rds-force-tls']) expectFindings('t.yaml', aurora, rule);
    expectFindings('t.yaml', resource('AWS::RDS::DBInstance', 'Engine: oracle-ee\nEnableCloudwatchLogsExports: [audit]'), 'rds-iam-auth');
  });
  test('a backup retention from a parameter default and a non-default allowed value', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Days:
    Type: Number
    Default: 1
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: ⟦!Ref Days⟧
`, 'rds-backup-retention', [{ ruleId: 'rds-backup-retention', severity: 'warning', message: ['Ref Days, default 1'] }]);
    expectFindings('t.yaml', `${head}Parameters:
  Days:
    Type: Number
    Default: 7
    AllowedValues: [7, 0]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: ⟦!Ref Days⟧
`, 'rds-backup-retention', [{ ruleId: 'rds-backup-retention', severity: 'info', message: ['Depends on the deployment'] }]);
  });
});

describe('rds-force-tls', () => {
  const rule = 'rds-force-tls';
  test('a group without the parameter: finding on the link, related location on the group Parameters', () => {
    const findings = expectFindings('t.yaml', `${head}Resources:
  Params:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: mysql8.0
      Description: x
      Parameters:
        max_connections: 100
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBParameterGroupName: ⟦!Ref Params⟧
`, rule, [{ ruleId: rule, severity: 'warning', message: ['parameter group Params does not set require_secure_transport'] }]);
    if (findings[0].related.length !== 1 || !findings[0].related[0].message.includes('require_secure_transport: ON')) throw new Error('related location expected');
  });
  test('a bad value in the group is reported on the instance', () => {
    expectFindings('t.yaml', `${head}Resources:
  Params:
    Type: AWS::RDS::DBClusterParameterGroup
    Properties:
      Family: aurora-postgresql15
      Description: x
      Parameters:
        rds.force_ssl: 0
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      DBClusterParameterGroupName: ⟦!Ref Params⟧
`, rule, [{ ruleId: rule, message: ['rds.force_ssl is 0 in parameter group Params', 'TLS is optional'] }]);
  });
  test('the default group is reported; PostgreSQL 15 and later enforce TLS by default', () => {
    expectFindings('t.yaml', resource('AWS::RDS::DBInstance', 'Engine: mysql\nDBParameterGroupName: ⟦default.mysql8.0⟧'), rule, [{ ruleId: rule, message: ["the default group 'default.mysql8.0'"] }]);
    expectFindings('t.yaml', resource('AWS::RDS::DBInstance', 'Engine: postgres\nEngineVersion: "16.3"'), rule);
    expectFindings('t.yaml', resource('AWS::RDS::DBInstance', 'Engine: postgres'), rule);
    expectFindings('t.yaml', resource('AWS::RDS::DBInstance', 'Engine: oracle-se2'), rule);
    expectFindings('t.yaml', resource('AWS::RDS::DBInstance', 'Engine: mysql\nDBParameterGroupName: my-shared-group'), rule);
  });
  test('a group chosen by a condition depends on the deployment', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Env:
    Type: String
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
  Params:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: mysql8.0
      Description: x
      Parameters:
        require_secure_transport: "ON"
  ⟦Db⟧:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      EngineVersion: "8.0.36"
      DBParameterGroupName: !If [Prod, !Ref Params, !Ref AWS::NoValue]
`, rule, [{ ruleId: rule, severity: 'info', message: ['Depends on the deployment', 'unless Prod'] }]);
  });
  test('JSON template with a compliant group', () => {
    expectFindings('t.json', `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Params": { "Type": "AWS::RDS::DBParameterGroup", "Properties": { "Family": "sqlserver-se-15.0", "Description": "x", "Parameters": { "rds.force_ssl": "1" } } },
    "Db": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "sqlserver-se", "DBParameterGroupName": { "Ref": "Params" } } }
  }
}`, rule);
  });
});

describe('RDS cluster rules', () => {
  const good = resource('AWS::RDS::DBCluster', 'Engine: aurora-mysql\nEnableIAMDatabaseAuthentication: true\nBackupRetentionPeriod: 14\nDeletionProtection: true\nEnableCloudwatchLogsExports: [audit, error]');
  const bad = resource('AWS::RDS::DBCluster', 'Engine: aurora-mysql\nEnableIAMDatabaseAuthentication: ⟦false⟧\nBackupRetentionPeriod: ⟦3⟧\nDeletionProtection: ⟦false⟧\nEnableCloudwatchLogsExports: ⟦[slowquery]⟧');
  const cases: [string, string][] = [
    ['rds-cluster-iam-auth', 'EnableIAMDatabaseAuthentication is false'],
    ['rds-cluster-backup-retention', 'BackupRetentionPeriod is 3'],
    ['rds-cluster-deletion-protection', 'DeletionProtection is false'],
    ['rds-cluster-log-exports', "without 'audit'"],
  ];
  cases.forEach(([rule, fragment], index) => {
    test(`${rule}: bad value and compliant`, () => {
      let n = -1;
      const marked = bad.replace(/⟦([^⟧]*)⟧/g, (whole, inner: string) => (++n === index ? whole : inner));
      expectFindings('t.yaml', marked, rule, [{ ruleId: rule, message: [fragment] }]);
      expectFindings('t.yaml', good, rule);
    });
  });
  test('absent log exports on a cluster is reported on the logical id', () => {
    expectFindings('t.yaml', `${head}Resources:\n  ⟦Cluster⟧:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n`, 'rds-cluster-log-exports', [{ ruleId: 'rds-cluster-log-exports', message: ['not set'] }]);
  });
});

describe('ElastiCache rules', () => {
  const good = resource('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: x\nAtRestEncryptionEnabled: true\nTransitEncryptionEnabled: true\nAuthToken: "{{resolve:secretsmanager:redis}}"\nSnapshotRetentionLimit: 7\nCacheSubnetGroupName: !Ref Subnets', 'Redis');
  for (const rule of ['elasticache-at-rest', 'elasticache-in-transit', 'elasticache-auth', 'elasticache-backups', 'elasticache-auto-minor', 'elasticache-custom-subnet-group']) {
    test(`${rule}: compliant replication group`, () => { expectFindings('t.yaml', good, rule); });
  }
  test('absent settings on a replication group', () => {
    const text = `${head}Resources:\n  ⟦Redis⟧:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: x\n`;
    expectFindings('t.yaml', text, 'elasticache-at-rest', [{ ruleId: 'elasticache-at-rest', message: ['AtRestEncryptionEnabled is not set'] }]);
    expectFindings('t.yaml', text, 'elasticache-in-transit', [{ ruleId: 'elasticache-in-transit' }]);
    expectFindings('t.yaml', text, 'elasticache-auth', [{ ruleId: 'elasticache-auth', message: ['AuthToken is not set: no RBAC user groups'] }]);
    expectFindings('t.yaml', text, 'elasticache-backups', [{ ruleId: 'elasticache-backups' }]);
    expectFindings('t.yaml', text, 'elasticache-custom-subnet-group', [{ ruleId: 'elasticache-custom-subnet-group', severity: 'warning' }]);
    expectFindings('t.yaml', text.replace(/⟦|⟧/g, ''), 'elasticache-auto-minor');
  });
  test('bad values; memcached and replication group members are skipped', () => {
    expectFindings('t.yaml', resource('AWS::ElastiCache::CacheCluster', 'Engine: redis\nCacheNodeType: cache.t3.micro\nNumCacheNodes: 1\nSnapshotRetentionLimit: ⟦0⟧\nAutoMinorVersionUpgrade: false\nCacheSubnetGroupName: default'), 'elasticache-backups', [{ ruleId: 'elasticache-backups' }]);
    expectFindings('t.yaml', resource('AWS::ElastiCache::CacheCluster', 'Engine: redis\nAutoMinorVersionUpgrade: ⟦false⟧\nSnapshotRetentionLimit: 1\nCacheSubnetGroupName: x'), 'elasticache-auto-minor', [{ ruleId: 'elasticache-auto-minor' }]);
    expectFindings('t.yaml', resource('AWS::ElastiCache::CacheCluster', 'Engine: redis\nCacheSubnetGroupName: ⟦default⟧'), 'elasticache-custom-subnet-group', [{ ruleId: 'elasticache-custom-subnet-group', severity: 'warning', message: ["'default'"] }]);
    expectFindings('t.yaml', resource('AWS::ElastiCache::CacheCluster', 'Engine: memcached\nCacheSubnetGroupName: x'), 'elasticache-backups');
    expectFindings('t.yaml', resource('AWS::ElastiCache::CacheCluster', 'Engine: redis\nReplicationGroupId: !Ref Group'), 'elasticache-backups');
    expectFindings('t.yaml', resource('AWS::ElastiCache::ReplicationGroup', 'ReplicationGroupDescription: x\nUserGroupIds: [!Ref Users]'), 'elasticache-auth');
  });
});

describe('Redshift rules', () => {
  const good = `${head}Resources:
  Params:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      Description: x
      ParameterGroupFamily: redshift-1.0
      Parameters:
        - ParameterName: require_ssl
          ParameterValue: "true"
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      Encrypted: true
      PubliclyAccessible: false
      ClusterParameterGroupName: !Ref Params
      LoggingProperties:
        LogDestinationType: cloudwatch
      AutomatedSnapshotRetentionPeriod: 7
      EnhancedVpcRouting: true
`;
  for (const rule of ['redshift-encrypted', 'redshift-not-public', 'redshift-require-ssl', 'redshift-audit-logging', 'redshift-snapshots', 'redshift-enhanced-vpc-routing', 'redshift-version-upgrade']) {
    test(`${rule}: compliant cluster`, () => { expectFindings('t.yaml', good, rule); });
  }
  test('bad values', () => {
    const text = resource('AWS::Redshift::Cluster', 'Encrypted: ⟦false⟧\nPubliclyAccessible: ⟦true⟧\nAutomatedSnapshotRetentionPeriod: ⟦1⟧\nEnhancedVpcRouting: ⟦false⟧\nAllowVersionUpgrade: ⟦false⟧', 'Warehouse');
    const only = (index: number) => { let n = -1; return text.replace(/⟦([^⟧]*)⟧/g, (whole, inner: string) => (++n === index ? whole : inner)); };
    expectFindings('t.yaml', only(0), 'redshift-encrypted', [{ ruleId: 'redshift-encrypted', message: ['Encrypted is false'] }]);
    expectFindings('t.yaml', only(1), 'redshift-not-public', [{ ruleId: 'redshift-not-public', severity: 'error' }]);
    expectFindings('t.yaml', only(2), 'redshift-snapshots', [{ ruleId: 'redshift-snapshots', message: ['AutomatedSnapshotRetentionPeriod is 1'] }]);
    expectFindings('t.yaml', only(3), 'redshift-enhanced-vpc-routing', [{ ruleId: 'redshift-enhanced-vpc-routing', severity: 'warning' }]);
    expectFindings('t.yaml', only(4), 'redshift-version-upgrade', [{ ruleId: 'redshift-version-upgrade' }]);
  });
  test('absent: encryption and privacy are AWS defaults, SSL on the default group cannot be checked; logging and snapshots are gaps', () => {
    const text = `${head}Resources:\n  ⟦Warehouse⟧:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n`;
    expectFindings('t.yaml', text.replace(/⟦|⟧/g, ''), 'redshift-encrypted');
    expectFindings('t.yaml', text.replace(/⟦|⟧/g, ''), 'redshift-not-public');
    expectFindings('t.yaml', text.replace(/⟦|⟧/g, ''), 'redshift-require-ssl');
    expectFindings('t.yaml', text, 'redshift-audit-logging', [{ ruleId: 'redshift-audit-logging' }]);
    expectFindings('t.yaml', text, 'redshift-snapshots', [{ ruleId: 'redshift-snapshots', message: ['1 day only'] }]);
  });
  test('require_ssl false in the linked group', () => {
    expectFindings('t.yaml', `${head}Resources:
  Params:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      Description: x
      ParameterGroupFamily: redshift-1.0
      Parameters:
        - { ParameterName: require_ssl, ParameterValue: "false" }
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterParameterGroupName: ⟦!Ref Params⟧
`, 'redshift-require-ssl', [{ ruleId: 'redshift-require-ssl', message: ["require_ssl is 'false' in parameter group Params"] }]);
  });
});

describe('DocumentDB and Neptune rules', () => {
  test('DocumentDB: bad values, absent settings and a compliant cluster', () => {
    expectFindings('t.yaml', resource('AWS::DocDB::DBCluster', 'StorageEncrypted: ⟦false⟧'), 'docdb-encrypted', [{ ruleId: 'docdb-encrypted' }]);
    expectFindings('t.yaml', resource('AWS::DocDB::DBCluster', 'BackupRetentionPeriod: ⟦1⟧'), 'docdb-backup-retention', [{ ruleId: 'docdb-backup-retention' }]);
    expectFindings('t.yaml', resource('AWS::DocDB::DBCluster', 'EnableCloudwatchLogsExports: ⟦[profiler]⟧'), 'docdb-audit-logs', [{ ruleId: 'docdb-audit-logs', message: ["without 'audit'"] }]);
    const good = resource('AWS::DocDB::DBCluster', 'StorageEncrypted: true\nBackupRetentionPeriod: 7\nEnableCloudwatchLogsExports: [audit]');
    for (const rule of ['docdb-encrypted', 'docdb-backup-retention', 'docdb-audit-logs', 'docdb-tls']) expectFindings('t.yaml', good, rule);
  });
  test('docdb-tls: only a group with tls disabled is a finding', () => {
    expectFindings('t.yaml', `${head}Resources:
  Params:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: x
      Family: docdb5.0
      Parameters:
        tls: disabled
  Cluster:
    Type: AWS::DocDB::DBCluster
    Properties:
      DBClusterParameterGroupName: ⟦!Ref Params⟧
`, 'docdb-tls', [{ ruleId: 'docdb-tls', message: ["tls is 'disabled'"] }]);
  });
  test('Neptune: absent settings and a compliant cluster', () => {
    const text = `${head}Resources:\n  ⟦Graph⟧:\n    Type: AWS::Neptune::DBCluster\n    Properties:\n      DBClusterIdentifier: g\n`;
    for (const rule of ['neptune-encrypted', 'neptune-iam-auth', 'neptune-audit-logs']) expectFindings('t.yaml', text, rule, [{ ruleId: rule }]);
    const good = resource('AWS::Neptune::DBCluster', 'StorageEncrypted: true\nIamAuthEnabled: true\nEnableCloudwatchLogsExports: [audit]');
    for (const rule of ['neptune-encrypted', 'neptune-iam-auth', 'neptune-audit-logs']) expectFindings('t.yaml', good, rule);
  });
});

describe('DynamoDB and DMS rules', () => {
  test('DynamoDB table', () => {
    expectFindings('t.yaml', resource('AWS::DynamoDB::Table', 'PointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: ⟦false⟧\nDeletionProtectionEnabled: true', 'Table'), 'dynamodb-pitr', [{ ruleId: 'dynamodb-pitr' }]);
    expectFindings('t.yaml', `${head}Resources:\n  ⟦Table⟧:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n`, 'dynamodb-deletion-protection', [{ ruleId: 'dynamodb-deletion-protection' }]);
    const good = resource('AWS::DynamoDB::Table', 'PointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true\nDeletionProtectionEnabled: true', 'Table');
    for (const rule of ['dynamodb-pitr', 'dynamodb-deletion-protection']) expectFindings('t.yaml', good, rule);
    // No key: an AWS owned key, encrypted but not under the customer's key management (a hint).
    expectFindings('t.yaml', good.replace('  Table:', '  ⟦Table⟧:'), 'dynamodb-cmk', [{ ruleId: 'dynamodb-cmk', severity: 'info', message: ['AWS owned key'] }]);
  });
  test('a Fn::If decided by the parameter defaults', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Env:
    Type: String
    Default: dev
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      DeletionProtectionEnabled: !If [Prod, true, ⟦false⟧]
`, 'dynamodb-deletion-protection', [{ ruleId: 'dynamodb-deletion-protection', message: ['condition Prod is false with the parameter defaults'] }]);
  });
  test('DMS replication instance and endpoint', () => {
    expectFindings('t.yaml', `${head}Resources:\n  ⟦Dms⟧:\n    Type: AWS::DMS::ReplicationInstance\n    Properties:\n      ReplicationInstanceClass: dms.t3.micro\n`, 'dms-not-public', [{ ruleId: 'dms-not-public', severity: 'error', message: ['defaults to true'] }]);
    expectFindings('t.yaml', resource('AWS::DMS::ReplicationInstance', 'PubliclyAccessible: false\nAutoMinorVersionUpgrade: ⟦false⟧', 'Dms'), 'dms-auto-minor', [{ ruleId: 'dms-auto-minor' }]);
    expectFindings('t.yaml', resource('AWS::DMS::ReplicationInstance', 'PubliclyAccessible: false', 'Dms'), 'dms-auto-minor');
    expectFindings('t.yaml', resource('AWS::DMS::ReplicationInstance', 'PubliclyAccessible: false', 'Dms'), 'dms-not-public');
    expectFindings('t.yaml', resource('AWS::DMS::Endpoint', 'EndpointType: source\nEngineName: postgres\nSslMode: ⟦none⟧', 'Src'), 'dms-endpoint-ssl', [{ ruleId: 'dms-endpoint-ssl', message: ["SslMode is 'none'"] }]);
    expectFindings('t.yaml', resource('AWS::DMS::Endpoint', 'EndpointType: source\nEngineName: postgres\nSslMode: verify-full', 'Src'), 'dms-endpoint-ssl');
    expectFindings('t.yaml', resource('AWS::DMS::Endpoint', 'EndpointType: target\nEngineName: s3', 'Dst'), 'dms-endpoint-ssl');
  });
});

describe('database rules on an engine or password that differs by branch', () => {
  const conditional = (properties: string) => `${resource('AWS::RDS::DBInstance', properties)}Parameters:\n  P:\n    Type: String\nConditions:\n  C: !Equals [!Ref P, "yes"]\n`;
  test('rds-log-exports: the audit log missing only for the MySQL branch depends on the deployment', () => {
    const text = conditional('Engine: !If [C, postgres, mysql]\nEnableCloudwatchLogsExports: !If [C, [postgresql], ⟦[error]⟧]');
    expectFindings('t.yaml', text, 'rds-log-exports', [{ ruleId: 'rds-log-exports', severity: 'info', message: ['Depends on the deployment', "Engine 'mysql'", "without 'audit'"] }]);
  });
  test('rds-log-exports: missing on every engine a branch may run is a finding', () => {
    const text = conditional('Engine: !If [C, mysql, mariadb]\nEnableCloudwatchLogsExports: ⟦[error]⟧');
    expectFindings('t.yaml', text, 'rds-log-exports', [{ ruleId: 'rds-log-exports', severity: 'warning', message: ["without 'audit'"] }]);
  });
  test('rds-force-tls: the default group only on the MySQL branch depends on the deployment', () => {
    const text = conditional('Engine: !If [C, postgres, mysql]\nEngineVersion: !If [C, "16.3", "8.0.36"]');
    expectFindings('t.yaml', text.replace('  Db:', '  ⟦Db⟧:'), 'rds-force-tls', [{ ruleId: 'rds-force-tls', severity: 'info', message: ['Depends on the deployment', "Engine 'mysql'", 'require_secure_transport'] }]);
  });
  test('rds-managed-master-password: a literal password only where RDS does not manage it depends on the deployment', () => {
    const text = conditional('Engine: mysql\nMasterUsername: admin\nMasterUserPassword: !If [C, !Ref AWS::NoValue, ⟦Sup3rSecret!⟧]\nManageMasterUserPassword: !If [C, true, !Ref AWS::NoValue]');
    expectFindings('t.yaml', text, 'rds-managed-master-password', [{ ruleId: 'rds-managed-master-password', severity: 'info', message: ['Depends on the deployment', 'MasterUserPassword is written in the template', 'unless C'] }]);
  });
  test('rds-managed-master-password: a literal password on every branch is a finding', () => {
    const text = conditional('Engine: mysql\nMasterUsername: admin\nMasterUserPassword: !If [C, ⟦Sup3rSecret!⟧, Other1Secret!]');
    expectFindings('t.yaml', text, 'rds-managed-master-password', [{ ruleId: 'rds-managed-master-password', severity: 'error', message: ['MasterUserPassword is written in the template'] }]);
  });
  test('elasticache-backups: no snapshots when only one branch is Memcached depends on the deployment', () => {
    const text = `${resource('AWS::ElastiCache::CacheCluster', 'Engine: !If [C, memcached, redis]\nCacheNodeType: cache.t4g.small\nNumCacheNodes: 1', '⟦Cache⟧')}Parameters:\n  P:\n    Type: String\nConditions:\n  C: !Equals [!Ref P, "yes"]\n`;
    expectFindings('t.yaml', text, 'elasticache-backups', [{ ruleId: 'elasticache-backups', severity: 'info', message: ['Depends on the deployment', "Engine 'redis'", 'SnapshotRetentionLimit is not set'] }]);
  });
});
