import { describe, test } from 'node:test';
import { expectFindings } from '../support/ruleTester';

const head = 'AWSTemplateFormatVersion: "2010-09-09"\n';

describe('S3 bucket settings', () => {
  test('s3-default-encryption: a valid algorithm is fine, absence is the SSE-S3 default', () => {
    expectFindings('t.yaml', `${head}Resources:
  A:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }
  B:
    Type: AWS::S3::Bucket
`, 's3-default-encryption');
  });
  test('s3-kms-cmk: AWS managed alias and absence are reported; a key reference and log buckets are not', () => {
    const rule = 's3-kms-cmk';
    expectFindings('t.yaml', `${head}Resources:
  A:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: ⟦alias/aws/s3⟧ }
  ⟦B⟧:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref Logs
  C:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: !GetAtt Key.Arn }
  Logs:
    Type: AWS::S3::Bucket
`, rule, [
      { ruleId: rule, severity: 'warning', message: ["KMSMasterKeyID is 'alias/aws/s3'"] },
      { ruleId: rule, severity: 'info', message: ['KMSMasterKeyID is not set', 'SSE-S3'] },
    ]);
  });
  test('s3-sse-c-blocked: NONE unblocks SSE-C; absence is the default', () => {
    const rule = 's3-sse-c-blocked';
    expectFindings('t.yaml', `${head}Resources:
  A:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }
            BlockedEncryptionTypes:
              EncryptionType: [⟦NONE⟧]
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - BlockedEncryptionTypes: { EncryptionType: [SSE-C] }
  C:
    Type: AWS::S3::Bucket
`, rule, [{ ruleId: rule, severity: 'info', message: ['SSE-C'] }]);
  });
  test('s3-acl-not-public: public canned ACLs are errors; Private and absence are fine', () => {
    const rule = 's3-acl-not-public';
    expectFindings('t.yaml', `${head}Parameters:
  Acl:
    Type: String
    Default: Private
    AllowedValues: [Private, PublicRead]
Resources:
  A:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: ⟦PublicRead⟧
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: Private
  C:
    Type: AWS::S3::Bucket
  D:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: ⟦!Ref Acl⟧
`, rule, [
      { ruleId: rule, severity: 'error', message: ["AccessControl is 'PublicRead'"] },
      { ruleId: rule, severity: 'info', message: ['Depends on the deployment', "allowed value 'PublicRead'"] },
    ]);
  });
  test('s3-acls-disabled: ObjectWriter keeps ACLs; log-delivery and CloudFront log buckets are skipped', () => {
    const rule = 's3-acls-disabled';
    expectFindings('t.yaml', `${head}Resources:
  A:
    Type: AWS::S3::Bucket
    Properties:
      OwnershipControls:
        Rules:
          - ObjectOwnership: ⟦ObjectWriter⟧
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: LogDeliveryWrite
      OwnershipControls:
        Rules:
          - ObjectOwnership: BucketOwnerPreferred
  C:
    Type: AWS::S3::Bucket
    Properties:
      OwnershipControls: { Rules: [{ ObjectOwnership: BucketOwnerEnforced }] }
  CfLogs:
    Type: AWS::S3::Bucket
    Properties:
      OwnershipControls: { Rules: [{ ObjectOwnership: BucketOwnerPreferred }] }
  Cf:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Logging: { Bucket: !GetAtt CfLogs.RegionalDomainName }
`, rule, [{ ruleId: rule, severity: 'warning', message: ["ObjectOwnership is 'ObjectWriter'", 'ACLs stay in force'] }]);
  });
  test('s3-versioning: Suspended and absence are reported; Fn::If decided by defaults', () => {
    const rule = 's3-versioning';
    expectFindings('t.yaml', `${head}Parameters:
  Env:
    Type: String
    Default: dev
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  A:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: ⟦Suspended⟧ }
  ⟦B⟧:
    Type: AWS::S3::Bucket
  C:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: Enabled }
  D:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !If [IsProd, Enabled, ⟦Suspended⟧]
`, rule, [
      { ruleId: rule, severity: 'info', message: ["Status is 'Suspended'"] },
      { ruleId: rule, message: ['VersioningConfiguration.Status is not set'] },
      { ruleId: rule, message: ['condition IsProd is false with the parameter defaults'] },
    ]);
  });
  test('s3-object-lock: a hint (only data that must be immutable needs it)', () => {
    const rule = 's3-object-lock';
    expectFindings('t.yaml', `${head}Resources:
  A:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockEnabled: ⟦false⟧
  ⟦B⟧:
    Type: AWS::S3::Bucket
  C:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockEnabled: true
`, rule, [{ ruleId: rule, severity: 'info' }, { ruleId: rule, severity: 'info', message: ['ObjectLockEnabled is not set'] }]);
  });
  test('s3-access-logging: absent logging is reported; the log bucket itself is skipped', () => {
    const rule = 's3-access-logging';
    expectFindings('t.yaml', `${head}Resources:
  ⟦A⟧:
    Type: AWS::S3::Bucket
  B:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref Logs
        LogFilePrefix: b/
  Logs:
    Type: AWS::S3::Bucket
  AlbLogs:
    Type: AWS::S3::Bucket
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      LoadBalancerAttributes:
        - Key: access_logs.s3.bucket
          Value: !Ref AlbLogs
`, rule, [{ ruleId: rule, severity: 'warning', message: ['LoggingConfiguration is not set', 'no access log'] }]);
  });
  test('s3-access-logging: CloudFront, CloudTrail and Fn::Sub log destinations and replicas of log buckets are skipped', () => {
    expectFindings('t.yaml', `${head}Resources:
  CfLogs:
    Type: AWS::S3::Bucket
    Properties:
      ReplicationConfiguration:
        Role: !GetAtt Role.Arn
        Rules:
          - Status: Enabled
            Destination: { Bucket: !GetAtt CfLogsReplica.Arn }
  CfLogsReplica:
    Type: AWS::S3::Bucket
  TrailLogs:
    Type: AWS::S3::Bucket
  FlowLogs:
    Type: AWS::S3::Bucket
  Cf:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Logging: { Bucket: !GetAtt CfLogs.DomainName }
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      S3BucketName: !Ref TrailLogs
  Flow:
    Type: AWS::EC2::FlowLog
    Properties:
      LogDestinationType: s3
      LogDestination: !Sub "arn:aws:s3:::\${FlowLogs}/flow"
`, 's3-access-logging');
  });
  test('JSON template', () => {
    expectFindings('t.json', `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {
  "AccessControl": ⟦"PublicReadWrite"⟧}}}}`, 's3-acl-not-public', [{ ruleId: 's3-acl-not-public', message: ["AccessControl is 'PublicReadWrite'"] }]);
  });
});

describe('EFS', () => {
  test('efs-encrypted: absent and false are reported; true and a true parameter default are not', () => {
    const rule = 'efs-encrypted';
    expectFindings('t.yaml', `${head}Parameters:
  Encrypt:
    Type: String
    Default: "true"
Resources:
  ⟦A⟧:
    Type: AWS::EFS::FileSystem
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: ⟦false⟧
  C:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
  D:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: !Ref Encrypt
`, rule, [
      { ruleId: rule, severity: 'warning', message: ['Encrypted is not set', 'only be chosen when'] },
      { ruleId: rule, message: ['Encrypted is false'] },
    ]);
  });
  test('efs-backup-policy', () => {
    const rule = 'efs-backup-policy';
    expectFindings('t.yaml', `${head}Resources:
  ⟦A⟧:
    Type: AWS::EFS::FileSystem
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      BackupPolicy: { Status: ⟦DISABLED⟧ }
  C:
    Type: AWS::EFS::FileSystem
    Properties:
      BackupPolicy: { Status: ENABLED }
`, rule, [{ ruleId: rule, message: ['BackupPolicy.Status is not set'] }, { ruleId: rule, message: ["Status is 'DISABLED'"] }]);
  });
  test('efs-access-point-identity: missing PosixUser and a root "/" are reported', () => {
    const rule = 'efs-access-point-identity';
    expectFindings('t.yaml', `${head}Resources:
  ⟦A⟧:
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: !Ref Fs
      RootDirectory: { Path: ⟦/⟧ }
  B:
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: !Ref Fs
      PosixUser: { Uid: "1000", Gid: "1000" }
      RootDirectory: { Path: /app }
`, rule, [
      { ruleId: rule, severity: 'warning', message: ['PosixUser.Uid is not set', 'own user and group ids'] },
      { ruleId: rule, message: ["Path is '/'", 'whole file system'] },
    ]);
  });
});

describe('ECR', () => {
  test('ecr-scan-on-push, ecr-immutable-tags and ecr-kms on a bare repository', () => {
    const text = `${head}Resources:
  ⟦Repo⟧:
    Type: AWS::ECR::Repository
  Good:
    Type: AWS::ECR::Repository
    Properties:
      ImageScanningConfiguration: { ScanOnPush: true }
      ImageTagMutability: IMMUTABLE
      EncryptionConfiguration: { EncryptionType: KMS }
`;
    expectFindings('t.yaml', text, 'ecr-scan-on-push', [{ ruleId: 'ecr-scan-on-push', severity: 'warning', message: ['ScanOnPush is not set'] }]);
    expectFindings('t.yaml', text, 'ecr-immutable-tags', [{ ruleId: 'ecr-immutable-tags', message: ['ImageTagMutability is not set'] }]);
    expectFindings('t.yaml', text, 'ecr-kms', [{ ruleId: 'ecr-kms', severity: 'info' }]);
  });
  test('explicit bad values are reported on the value', () => {
    expectFindings('t.yaml', `${head}Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: ⟦MUTABLE⟧
      ImageScanningConfiguration: { ScanOnPush: false }
`, 'ecr-immutable-tags', [{ ruleId: 'ecr-immutable-tags', message: ["ImageTagMutability is 'MUTABLE'"] }]);
  });
});

describe('AWS Backup', () => {
  test('backup-vault-kms and backup-vault-lock', () => {
    const text = `${head}Resources:
  ⟦Vault⟧:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: v
  Locked:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: w
      EncryptionKeyArn: !GetAtt Key.Arn
      LockConfiguration: { MinRetentionDays: 7 }
`;
    expectFindings('t.yaml', text, 'backup-vault-kms', [{ ruleId: 'backup-vault-kms', severity: 'warning', message: ['EncryptionKeyArn is not set'] }]);
    expectFindings('t.yaml', text, 'backup-vault-lock', [{ ruleId: 'backup-vault-lock', severity: 'info', message: ['LockConfiguration.MinRetentionDays is not set'] }]);
  });
});

describe('CloudWatch Logs', () => {
  test('loggroup-retention: short retention is reported; absence (never expire) and a year are fine', () => {
    const rule = 'loggroup-retention';
    expectFindings('t.yaml', `${head}Parameters:
  Days:
    Type: Number
    Default: 14
Resources:
  A:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: ⟦7⟧
  B:
    Type: AWS::Logs::LogGroup
  C:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365
  D:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: ⟦!Ref Days⟧
`, rule, [{ ruleId: rule, severity: 'info', message: ['RetentionInDays is 7'] }, { ruleId: rule, message: ['Ref Days, default 14'] }]);
  });
  test('loggroup-kms and loggroup-data-protection: hints on a group without a key or policy', () => {
    const text = `${head}Resources:
  ⟦A⟧:
    Type: AWS::Logs::LogGroup
  B:
    Type: AWS::Logs::LogGroup
    Properties:
      KmsKeyId: !GetAtt Key.Arn
      DataProtectionPolicy: { Name: p, Version: "2021-06-01", Statement: [] }
`;
    expectFindings('t.yaml', text, 'loggroup-kms', [{ ruleId: 'loggroup-kms', severity: 'info', message: ['KmsKeyId is not set', 'keys CloudWatch Logs owns'] }]);
    expectFindings('t.yaml', text, 'loggroup-data-protection', [{ ruleId: 'loggroup-data-protection', severity: 'info', message: ['stored and shown unmasked'] }]);
  });
});

describe('KMS', () => {
  test('kms-rotation: absent and false on symmetric keys; asymmetric keys are skipped', () => {
    const rule = 'kms-rotation';
    expectFindings('t.yaml', `${head}Resources:
  ⟦A⟧:
    Type: AWS::KMS::Key
  B:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: ⟦false⟧
  C:
    Type: AWS::KMS::Key
    Properties:
      KeySpec: RSA_2048
      KeyUsage: SIGN_VERIFY
  D:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
`, rule, [{ ruleId: rule, severity: 'warning', message: ['EnableKeyRotation is not set'] }, { ruleId: rule, message: ['EnableKeyRotation is false'] }]);
  });
  test('kms-deletion-window: absent (30 days) and 7 are fine', () => {
    expectFindings('t.yaml', `${head}Resources:
  A:
    Type: AWS::KMS::Key
  B:
    Type: AWS::KMS::Key
    Properties:
      PendingWindowInDays: 7
`, 'kms-deletion-window');
  });
});

describe('Secrets Manager', () => {
  test('secret-cmk: absent and the AWS managed alias are reported', () => {
    const rule = 'secret-cmk';
    expectFindings('t.yaml', `${head}Resources:
  ⟦A⟧:
    Type: AWS::SecretsManager::Secret
  B:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: ⟦alias/aws/secretsmanager⟧
  C:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: !Ref Key
`, rule, [{ ruleId: rule, severity: 'info' }, { ruleId: rule, message: ["KmsKeyId is 'alias/aws/secretsmanager'"] }]);
  });
  test('secret-rotation: a secret without a schedule, and a schedule over 90 days', () => {
    const rule = 'secret-rotation';
    expectFindings('t.yaml', `${head}Resources:
  ⟦Lonely⟧:
    Type: AWS::SecretsManager::Secret
  Rotated:
    Type: AWS::SecretsManager::Secret
  Schedule:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref Rotated
      RotationRules: { AutomaticallyAfterDays: ⟦365⟧ }
  Other:
    Type: AWS::SecretsManager::Secret
  Fine:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref Other
      RotationRules: { ScheduleExpression: "rate(30 days)" }
`, rule, [
      { ruleId: rule, severity: 'warning', message: ['no AWS::SecretsManager::RotationSchedule'] },
      { ruleId: rule, message: ['AutomaticallyAfterDays is 365', 'longer than 90 days'] },
    ]);
  });
  test('secret-rotation: a rate over 90 days is reported', () => {
    expectFindings('t.yaml', `${head}Resources:
  S:
    Type: AWS::SecretsManager::Secret
  R:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref S
      RotationRules: { ScheduleExpression: ⟦"rate(120 days)"⟧ }
`, 'secret-rotation', [{ ruleId: 'secret-rotation', message: ["ScheduleExpression is 'rate(120 days)'"] }]);
  });
});

describe('SSM parameters', () => {
  test('ssm-parameter-securestring: a literal password is an error; ARNs, references and plain config are not', () => {
    const rule = 'ssm-parameter-securestring';
    expectFindings('t.yaml', `${head}Parameters:
  Pw:
    Type: String
    NoEcho: true
Resources:
  A:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/db/password
      Type: String
      Value: ⟦hunter2hunter2⟧
  B:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/db/secret-arn
      Type: String
      Value: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db
  C:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/db/password
      Type: String
      Value: !Ref Pw
  D:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/color
      Type: String
      Value: blue
  E:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: ⟦AKIAIOSFODNN7EXAMPLE⟧
`, rule, [
      { ruleId: rule, severity: 'error', message: ['/app/db/password', 'a literal secret'] },
      { ruleId: rule, message: ['an AWS access key id'] },
    ]);
  });
});
