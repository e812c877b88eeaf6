import { describe, test } from 'node:test';
import { expectFindings } from '../support/ruleTester';

const head = 'AWSTemplateFormatVersion: "2010-09-09"\n';
const res = (type: string, props: string, id = 'R') => `${head}Resources:\n  ${id}:\n    Type: ${type}\n    Properties:\n${props.replace(/^/gm, '      ')}\n`;

describe('EC2 instance', () => {
  test('ec2-imdsv2: optional tokens and absence are reported; required is not', () => {
    expectFindings('t.yaml', res('AWS::EC2::Instance', 'MetadataOptions:\n  HttpTokens: ⟦optional⟧'), 'ec2-imdsv2', [{ ruleId: 'ec2-imdsv2', severity: 'warning', message: ["HttpTokens is 'optional'", 'IMDSv1'] }]);
    expectFindings('t.yaml', `${head}Resources:\n  ⟦R⟧:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n`, 'ec2-imdsv2', [{ ruleId: 'ec2-imdsv2', severity: 'info', message: ['Depends on the deployment', 'is not set', 'ImdsSupport v2.0'] }]);
    expectFindings('t.yaml', res('AWS::EC2::Instance', 'MetadataOptions:\n  HttpTokens: required'), 'ec2-imdsv2');
  });
  test('ec2-imdsv2 through a parameter with AllowedValues: a non-default optional depends on the deployment', () => {
    expectFindings('t.yaml', `${head}Parameters:\n  Tokens:\n    Type: String\n    Default: required\n    AllowedValues: [required, optional]\nResources:\n  R:\n    Type: AWS::EC2::Instance\n    Properties:\n      MetadataOptions:\n        HttpTokens: ⟦!Ref Tokens⟧\n`, 'ec2-imdsv2', [{ ruleId: 'ec2-imdsv2', severity: 'info', message: ['Depends on the deployment'] }]);
  });
  test('ec2-no-public-ip: a network interface with a public address is an error', () => {
    expectFindings('t.yaml', res('AWS::EC2::Instance', 'NetworkInterfaces:\n  - DeviceIndex: "0"\n    AssociatePublicIpAddress: ⟦true⟧'), 'ec2-no-public-ip', [{ ruleId: 'ec2-no-public-ip', severity: 'error', message: ['public address'] }]);
    expectFindings('t.yaml', res('AWS::EC2::Instance', 'NetworkInterfaces:\n  - DeviceIndex: "0"\n    SubnetId: subnet-1'), 'ec2-no-public-ip');
  });
  test('ec2-ebs-encrypted: EBS mappings must be encrypted; ephemeral mappings are left alone', () => {
    expectFindings('t.yaml', res('AWS::EC2::Instance', 'BlockDeviceMappings:\n  - DeviceName: /dev/sdb\n    VirtualName: ephemeral0\n  - DeviceName: /dev/xvda\n    Ebs:\n      VolumeSize: 8\n      Encrypted: ⟦false⟧'), 'ec2-ebs-encrypted', [{ ruleId: 'ec2-ebs-encrypted', severity: 'warning', message: ['Ebs.Encrypted is false'] }]);
    expectFindings('t.yaml', res('AWS::EC2::Instance', 'BlockDeviceMappings:\n  - DeviceName: /dev/xvda\n    Ebs:\n      Encrypted: true'), 'ec2-ebs-encrypted');
    expectFindings('t.yaml', `${head}Resources:\n  ⟦R⟧:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n`, 'ec2-ebs-encrypted', [{ ruleId: 'ec2-ebs-encrypted', severity: 'info', message: ['BlockDeviceMappings is not set', 'root volume'] }]);
  });
  test('ec2-instance-profile: no instance profile is information', () => {
    expectFindings('t.yaml', `${head}Resources:\n  ⟦R⟧:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n`, 'ec2-instance-profile', [{ ruleId: 'ec2-instance-profile', severity: 'info' }]);
    expectFindings('t.yaml', res('AWS::EC2::Instance', 'IamInstanceProfile: !Ref Profile'), 'ec2-instance-profile');
  });
  test('ec2-ssm-patching: an instance without a patch association is a hint; AWS-RunPatchBaseline discharges it', () => {
    expectFindings('t.yaml', `${head}Resources:\n  ⟦R⟧:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n`, 'ec2-ssm-patching', [{ ruleId: 'ec2-ssm-patching', severity: 'info', message: ['AWS-RunPatchBaseline'] }]);
    expectFindings('t.yaml', `${head}Resources:\n  R:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n  Patch:\n    Type: AWS::SSM::Association\n    Properties:\n      Name: AWS-RunPatchBaseline\n`, 'ec2-ssm-patching');
  });
});

describe('EBS, launch templates, launch configurations', () => {
  test('ebs-volume-encrypted and ebs-volume-cmk', () => {
    expectFindings('t.yaml', res('AWS::EC2::Volume', 'Size: 10\nEncrypted: ⟦false⟧'), 'ebs-volume-encrypted', [{ ruleId: 'ebs-volume-encrypted', message: ['Encrypted is false', 'unencrypted'] }]);
    expectFindings('t.yaml', res('AWS::EC2::Volume', 'SnapshotId: snap-1'), 'ebs-volume-encrypted');
    expectFindings('t.yaml', `${head}Resources:\n  ⟦R⟧:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: true\n`, 'ebs-volume-cmk', [{ ruleId: 'ebs-volume-cmk', severity: 'info', message: ['aws/ebs'] }]);
    expectFindings('t.yaml', res('AWS::EC2::Volume', 'Encrypted: true\nKmsKeyId: !Ref Key'), 'ebs-volume-cmk');
    expectFindings('t.yaml', res('AWS::EC2::Volume', 'Size: 10'), 'ebs-volume-cmk');
  });
  test('launch template settings live under LaunchTemplateData', () => {
    expectFindings('t.yaml', res('AWS::EC2::LaunchTemplate', 'LaunchTemplateData:\n  MetadataOptions:\n    HttpTokens: ⟦optional⟧\n  NetworkInterfaces:\n    - AssociatePublicIpAddress: true\n  BlockDeviceMappings:\n    - DeviceName: /dev/xvda\n      Ebs:\n        Encrypted: false'), 'lt-imdsv2', [{ ruleId: 'lt-imdsv2', severity: 'warning' }]);
    expectFindings('t.yaml', res('AWS::EC2::LaunchTemplate', 'LaunchTemplateData:\n  NetworkInterfaces:\n    - AssociatePublicIpAddress: ⟦true⟧'), 'lt-no-public-ip', [{ ruleId: 'lt-no-public-ip', severity: 'error' }]);
    expectFindings('t.yaml', res('AWS::EC2::LaunchTemplate', 'LaunchTemplateData:\n  BlockDeviceMappings:\n    - DeviceName: /dev/xvda\n      Ebs:\n        Encrypted: ⟦false⟧'), 'lt-ebs-encrypted', [{ ruleId: 'lt-ebs-encrypted', message: ['Ebs.Encrypted is false'] }]);
    expectFindings('t.yaml', res('AWS::EC2::LaunchTemplate', 'LaunchTemplateData:\n  MetadataOptions:\n    HttpTokens: required\n  BlockDeviceMappings:\n    - DeviceName: /dev/xvda\n      Ebs:\n        Encrypted: true'), 'lt-ebs-encrypted');
  });
  test('launch configuration settings', () => {
    const props = 'ImageId: ami-1\nInstanceType: t3.micro\nAssociatePublicIpAddress: ⟦true⟧\nMetadataOptions:\n  HttpTokens: required\nBlockDeviceMappings:\n  - DeviceName: /dev/xvda\n    Ebs:\n      VolumeSize: 8';
    expectFindings('t.yaml', res('AWS::AutoScaling::LaunchConfiguration', props), 'lc-no-public-ip', [{ ruleId: 'lc-no-public-ip', severity: 'error' }]);
    expectFindings('t.yaml', res('AWS::AutoScaling::LaunchConfiguration', props.replace(/[⟦⟧]/g, '')), 'lc-imdsv2');
    expectFindings('t.yaml', res('AWS::AutoScaling::LaunchConfiguration', props.replace(/[⟦⟧]/g, '').replace('  - DeviceName', '  - ⟦DeviceName').replace('VolumeSize: 8', 'VolumeSize: 8⟧')), 'lc-ebs-encrypted', [{ ruleId: 'lc-ebs-encrypted', message: ['Ebs.Encrypted is not set'] }]);
    expectFindings('t.yaml', `${head}Resources:\n  ⟦R⟧:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n`, 'lc-imdsv2', [{ ruleId: 'lc-imdsv2', severity: 'info', message: ['Depends on the deployment', 'ImdsSupport v2.0'] }]);
  });
});

describe('ECS', () => {
  const task = (container: string, extra = '') => res('AWS::ECS::TaskDefinition', `${extra}ContainerDefinitions:\n  - Name: app\n    Image: nginx\n${container.replace(/^/gm, '    ')}`);
  test('ecs-no-privileged, ecs-readonly-rootfs, ecs-no-host-pid', () => {
    expectFindings('t.yaml', task('Privileged: ⟦true⟧\nReadonlyRootFilesystem: true'), 'ecs-no-privileged', [{ ruleId: 'ecs-no-privileged', severity: 'warning', message: ['Privileged is true'] }]);
    expectFindings('t.yaml', task('ReadonlyRootFilesystem: ⟦false⟧'), 'ecs-readonly-rootfs', [{ ruleId: 'ecs-readonly-rootfs', message: ['ReadonlyRootFilesystem is false'] }]);
    expectFindings('t.yaml', task('ReadonlyRootFilesystem: true', 'PidMode: ⟦host⟧\n'), 'ecs-no-host-pid', [{ ruleId: 'ecs-no-host-pid' }]);
    expectFindings('t.yaml', task('ReadonlyRootFilesystem: true\nPrivileged: false', 'PidMode: task\n'), 'ecs-no-host-pid');
    expectFindings('t.yaml', task('ReadonlyRootFilesystem: true\nPrivileged: false'), 'ecs-readonly-rootfs');
    expectFindings('t.yaml', task('ReadonlyRootFilesystem: true\nPrivileged: false'), 'ecs-no-privileged');
  });
  test('ecs-no-secrets-in-env: credential-like names are reported, ARNs of secrets are not', () => {
    expectFindings('t.yaml', task('Environment:\n  - Name: ⟦DB_PASSWORD⟧\n    Value: hunter2\n  - Name: DB_SECRET_ARN\n    Value: arn:aws:secretsmanager:x\n  - Name: STAGE\n    Value: prod'), 'ecs-no-secrets-in-env', [{ ruleId: 'ecs-no-secrets-in-env', severity: 'error', message: ["Name is 'DB_PASSWORD'", 'Secrets'] }]);
    expectFindings('t.yaml', task('Secrets:\n  - Name: DB_PASSWORD\n    ValueFrom: arn:aws:secretsmanager:x'), 'ecs-no-secrets-in-env');
  });
  test('ecs-logging: every container needs a log configuration', () => {
    expectFindings('t.yaml', res('AWS::ECS::TaskDefinition', 'ContainerDefinitions:\n  - Name: app\n    LogConfiguration:\n      LogDriver: awslogs\n  - ⟦Name: sidecar\n    Image: envoy⟧'), 'ecs-logging', [{ ruleId: 'ecs-logging', severity: 'warning', message: ['LogConfiguration.LogDriver is not set'] }]);
    expectFindings('t.yaml', task('LogConfiguration:\n  LogDriver: awslogs'), 'ecs-logging');
  });
  test('ecs-efs-transit-encryption: only EFS volumes are checked', () => {
    expectFindings('t.yaml', task('LogConfiguration: {LogDriver: awslogs}', 'Volumes:\n  - Name: scratch\n  - Name: data\n    EFSVolumeConfiguration:\n      FilesystemId: fs-1\n      TransitEncryption: ⟦DISABLED⟧\n'), 'ecs-efs-transit-encryption', [{ ruleId: 'ecs-efs-transit-encryption', message: ["TransitEncryption is 'DISABLED'"] }]);
    expectFindings('t.yaml', task('Image: x', 'Volumes:\n  - Name: scratch\n'), 'ecs-efs-transit-encryption');
  });
  test('ecs-service-no-public-ip and ecs-fargate-latest-platform', () => {
    expectFindings('t.yaml', res('AWS::ECS::Service', 'PlatformVersion: ⟦1.3.0⟧\nNetworkConfiguration:\n  AwsvpcConfiguration:\n    AssignPublicIp: ENABLED'), 'ecs-fargate-latest-platform', [{ ruleId: 'ecs-fargate-latest-platform' }]);
    expectFindings('t.yaml', res('AWS::ECS::Service', 'NetworkConfiguration:\n  AwsvpcConfiguration:\n    AssignPublicIp: ⟦ENABLED⟧'), 'ecs-service-no-public-ip', [{ ruleId: 'ecs-service-no-public-ip', severity: 'error' }]);
    expectFindings('t.yaml', res('AWS::ECS::Service', 'Cluster: c'), 'ecs-service-no-public-ip');
    expectFindings('t.yaml', res('AWS::ECS::Service', 'Cluster: c'), 'ecs-fargate-latest-platform');
  });
  test('ecs-container-insights', () => {
    expectFindings('t.yaml', res('AWS::ECS::Cluster', 'ClusterSettings:\n  - Name: containerInsights\n    Value: ⟦disabled⟧'), 'ecs-container-insights', [{ ruleId: 'ecs-container-insights', severity: 'info' }]);
    expectFindings('t.yaml', res('AWS::ECS::Cluster', 'ClusterSettings:\n  - Name: containerInsights\n    Value: enhanced'), 'ecs-container-insights');
  });
});

describe('EKS', () => {
  test('eks-endpoint-private: public by default; restricted CIDRs or a private endpoint are fine', () => {
    expectFindings('t.yaml', `${head}Resources:\n  ⟦C⟧:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: r\n      ResourcesVpcConfig:\n        SubnetIds: [a]\n`, 'eks-endpoint-private', [{ ruleId: 'eks-endpoint-private', severity: 'error', message: ['public by default'] }]);
    expectFindings('t.yaml', res('AWS::EKS::Cluster', 'ResourcesVpcConfig:\n  EndpointPublicAccess: ⟦true⟧\n  PublicAccessCidrs: [0.0.0.0/0]'), 'eks-endpoint-private', [{ ruleId: 'eks-endpoint-private' }]);
    expectFindings('t.yaml', res('AWS::EKS::Cluster', 'ResourcesVpcConfig:\n  EndpointPublicAccess: true\n  PublicAccessCidrs: [203.0.113.0/24]'), 'eks-endpoint-private');
    expectFindings('t.yaml', res('AWS::EKS::Cluster', 'ResourcesVpcConfig:\n  EndpointPrivateAccess: true\n  EndpointPublicAccess: false'), 'eks-endpoint-private');
  });
  test('eks-control-plane-logging must include audit', () => {
    expectFindings('t.yaml', res('AWS::EKS::Cluster', 'Logging:\n  ClusterLogging:\n    EnabledTypes: ⟦[{Type: api}]⟧'), 'eks-control-plane-logging', [{ ruleId: 'eks-control-plane-logging', message: ["does not include 'audit'"] }]);
    expectFindings('t.yaml', `${head}Resources:\n  ⟦C⟧:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: r\n`, 'eks-control-plane-logging', [{ ruleId: 'eks-control-plane-logging', message: ['is not set'] }]);
    expectFindings('t.yaml', res('AWS::EKS::Cluster', 'Logging:\n  ClusterLogging:\n    EnabledTypes:\n      - Type: api\n      - Type: audit'), 'eks-control-plane-logging');
  });
  test('eks-secrets-encryption is covered by the AWS default when absent', () => {
    expectFindings('t.yaml', res('AWS::EKS::Cluster', 'RoleArn: r'), 'eks-secrets-encryption');
  });
  test('eks-supported-version', () => {
    expectFindings('t.yaml', res('AWS::EKS::Cluster', 'Version: ⟦"1.27"⟧'), 'eks-supported-version', [{ ruleId: 'eks-supported-version', message: ['standard support'] }]);
    expectFindings('t.yaml', res('AWS::EKS::Cluster', 'Version: "1.34"'), 'eks-supported-version');
  });
  test('eks-nodegroup-ssh: an SSH key without source security groups', () => {
    expectFindings('t.yaml', `${head}Resources:\n  ⟦N⟧:\n    Type: AWS::EKS::Nodegroup\n    Properties:\n      RemoteAccess:\n        Ec2SshKey: key\n`, 'eks-nodegroup-ssh', [{ ruleId: 'eks-nodegroup-ssh', message: ['0.0.0.0/0'] }]);
    expectFindings('t.yaml', res('AWS::EKS::Nodegroup', 'RemoteAccess:\n  Ec2SshKey: key\n  SourceSecurityGroups: [sg-1]'), 'eks-nodegroup-ssh');
    expectFindings('t.yaml', res('AWS::EKS::Nodegroup', 'NodeRole: r'), 'eks-nodegroup-ssh');
  });
});

describe('Elastic Beanstalk, EMR, SageMaker, CodeBuild', () => {
  test('eb-managed-platform-updates and eb-stream-logs read OptionSettings', () => {
    const good = 'OptionSettings:\n  - Namespace: aws:elasticbeanstalk:managedactions\n    OptionName: ManagedActionsEnabled\n    Value: "true"\n  - Namespace: aws:elasticbeanstalk:managedactions:platformupdate\n    OptionName: UpdateLevel\n    Value: minor\n  - Namespace: aws:elasticbeanstalk:cloudwatch:logs\n    OptionName: StreamLogs\n    Value: "true"';
    expectFindings('t.yaml', res('AWS::ElasticBeanstalk::Environment', good), 'eb-managed-platform-updates');
    expectFindings('t.yaml', res('AWS::ElasticBeanstalk::Environment', good), 'eb-stream-logs');
    expectFindings('t.yaml', res('AWS::ElasticBeanstalk::Environment', good.replace('Value: "true"\n  - Namespace: aws:elasticbeanstalk:managedactions:platformupdate', 'Value: ⟦"false"⟧\n  - Namespace: aws:elasticbeanstalk:managedactions:platformupdate')), 'eb-managed-platform-updates', [{ ruleId: 'eb-managed-platform-updates', severity: 'warning', message: ["ManagedActionsEnabled is 'false'"] }]);
    expectFindings('t.yaml', `${head}Resources:\n  ⟦E⟧:\n    Type: AWS::ElasticBeanstalk::Environment\n    Properties:\n      ApplicationName: a\n`, 'eb-stream-logs', [{ ruleId: 'eb-stream-logs', message: ['StreamLogs is not set'] }]);
  });
  test('emr-security-configuration: the cluster names one, and it encrypts at rest and in transit', () => {
    expectFindings('t.yaml', `${head}Resources:\n  ⟦C⟧:\n    Type: AWS::EMR::Cluster\n    Properties:\n      Name: c\n`, 'emr-security-configuration', [{ ruleId: 'emr-security-configuration', message: ['no security configuration'] }]);
    expectFindings('t.yaml', res('AWS::EMR::Cluster', 'SecurityConfiguration: !Ref Sec'), 'emr-security-configuration');
    expectFindings('t.yaml', res('AWS::EMR::SecurityConfiguration', 'SecurityConfiguration:\n  EncryptionConfiguration:\n    EnableAtRestEncryption: true\n    EnableInTransitEncryption: ⟦false⟧'), 'emr-security-configuration', [{ ruleId: 'emr-security-configuration', message: ['in transit'] }]);
    expectFindings('t.yaml', res('AWS::EMR::SecurityConfiguration', 'SecurityConfiguration: \'{"EncryptionConfiguration": {"EnableAtRestEncryption": true, "EnableInTransitEncryption": true}}\''), 'emr-security-configuration');
  });
  test('sagemaker notebook settings', () => {
    expectFindings('t.yaml', res('AWS::SageMaker::NotebookInstance', 'DirectInternetAccess: ⟦Enabled⟧\nRootAccess: Enabled'), 'sagemaker-no-direct-internet', [{ ruleId: 'sagemaker-no-direct-internet', severity: 'error' }]);
    expectFindings('t.yaml', res('AWS::SageMaker::NotebookInstance', 'DirectInternetAccess: Disabled\nRootAccess: ⟦Enabled⟧'), 'sagemaker-no-root', [{ ruleId: 'sagemaker-no-root', severity: 'warning' }]);
    expectFindings('t.yaml', res('AWS::SageMaker::NotebookInstance', 'DirectInternetAccess: Disabled\nRootAccess: Disabled\nKmsKeyId: !Ref Key'), 'sagemaker-no-root');
    expectFindings('t.yaml', res('AWS::SageMaker::NotebookInstance', 'DirectInternetAccess: Disabled\nRootAccess: Disabled\nKmsKeyId: !Ref Key'), 'sagemaker-notebook-kms');
    expectFindings('t.yaml', `${head}Resources:\n  ⟦N⟧:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      InstanceType: ml.t3.medium\n`, 'sagemaker-notebook-kms', [{ ruleId: 'sagemaker-notebook-kms' }]);
  });
  test('codebuild settings (JSON template)', () => {
    const json = (environment: string, artifacts: string) => `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"P": {"Type": "AWS::CodeBuild::Project", "Properties": {"Environment": ${environment}, "Artifacts": ${artifacts}}}}}`;
    expectFindings('t.json', json('{"PrivilegedMode": ⟦true⟧, "EnvironmentVariables": [{"Name": "GITHUB_TOKEN", "Value": ⟦"ghp_x"⟧}, {"Name": "NPM_TOKEN", "Type": "SECRETS_MANAGER", "Value": "npm"}]}', '{"Type": "S3", "EncryptionDisabled": ⟦true⟧}').replace('⟦true⟧, "Env', 'true, "Env').replace('⟦true⟧}}', 'true}}'), 'codebuild-no-plaintext-credentials', [{ ruleId: 'codebuild-no-plaintext-credentials', severity: 'error', message: ["'GITHUB_TOKEN'", 'PARAMETER_STORE'] }]);
    expectFindings('t.json', json('{"PrivilegedMode": ⟦true⟧}', '{"Type": "NO_ARTIFACTS"}'), 'codebuild-no-privileged', [{ ruleId: 'codebuild-no-privileged' }]);
    expectFindings('t.json', json('{"PrivilegedMode": false}', '{"Type": "S3", "EncryptionDisabled": ⟦true⟧}'), 'codebuild-artifact-encryption', [{ ruleId: 'codebuild-artifact-encryption', severity: 'info' }]);
    expectFindings('t.json', json('{"PrivilegedMode": false}', '{"Type": "S3"}'), 'codebuild-artifact-encryption');
  });
  test('codebuild-no-privileged behind a condition is reported with the condition', () => {
    expectFindings('t.yaml', `${head}Parameters:\n  Docker:\n    Type: String\n    Default: "yes"\nConditions:\n  IsDocker: !Equals [!Ref Docker, "yes"]\nResources:\n  P:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      Environment:\n        PrivilegedMode: !If [IsDocker, ⟦true⟧, false]\n`, 'codebuild-no-privileged', [{ ruleId: 'codebuild-no-privileged', message: ['condition IsDocker'] }]);
  });
});
