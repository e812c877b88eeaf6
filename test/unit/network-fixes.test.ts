// Quick fixes that place a resource in a network or give it an identity (rules/support/designFixes.ts, issue 12):
// lists of subnets and security groups as List<AWS::EC2::...::Id> parameters and list(string) variables, exact
// texts in YAML, JSON and HCL through the analyzer, as an editor gets them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import { memoryView } from '../helpers/fileSystemView';
import { preferredFix } from '../helpers/fixOutcome';

describe('lambda-in-vpc: VpcConfig from list parameters', () => {
  test('YAML', () => {
    const text = 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n';
    const result = preferredFix('t.yaml', text, 'lambda-in-vpc');
    assert.equal(result?.text, 'Parameters:\n  LambdaSubnetIds:\n    Type: List<AWS::EC2::Subnet::Id>\n    Description: "Private subnets (in at least two Availability Zones) the function connects to"\n  LambdaSecurityGroupIds:\n    Type: List<AWS::EC2::SecurityGroup::Id>\n    Description: "Security groups of the function\'s network interfaces (their egress rules decide what it reaches)"\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds: !Ref LambdaSubnetIds\n        SecurityGroupIds: !Ref LambdaSecurityGroupIds\n      Runtime: python3.12\n');
    assert.match(result.title, /AWSLambdaVPCAccessExecutionRole/);
  });
  test('JSON', () => {
    const text = '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": {\n        "Runtime": "python3.12"\n      }\n    }\n  }\n}\n';
    const result = preferredFix('t.json', text, 'lambda-in-vpc');
    assert.ok(result);
    const template = JSON.parse(result.text) as { Parameters: Record<string, { Type: string }>; Resources: Record<string, { Properties: unknown }> };
    assert.equal(template.Parameters.LambdaSubnetIds.Type, 'List<AWS::EC2::Subnet::Id>');
    assert.equal(template.Parameters.LambdaSecurityGroupIds.Type, 'List<AWS::EC2::SecurityGroup::Id>');
    assert.deepEqual(template.Resources.Fn.Properties, { VpcConfig: { SubnetIds: { Ref: 'LambdaSubnetIds' }, SecurityGroupIds: { Ref: 'LambdaSecurityGroupIds' } }, Runtime: 'python3.12' });
  });
  test('HCL', () => {
    const text = 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n}\n';
    assert.equal(preferredFix('main.tf', text, 'lambda-in-vpc')?.text,
      'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  vpc_config {\n    subnet_ids         = var.lambda_subnet_ids\n    security_group_ids = var.lambda_security_group_ids\n  }\n}\n\nvariable "lambda_subnet_ids" {\n  description = "Private subnets (in at least two Availability Zones) the function connects to"\n  type        = list(string)\n}\n\nvariable "lambda_security_group_ids" {\n  description = "Security groups of the function\'s network interfaces (their egress rules decide what it reaches)"\n  type        = list(string)\n}\n');
  });
});

describe('opensearch-in-vpc: VPCOptions from list parameters, the domain replaced', () => {
  test('YAML', () => {
    const text = 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      EngineVersion: OpenSearch_2.11\n';
    const result = preferredFix('t.yaml', text, 'opensearch-in-vpc');
    assert.equal(result?.text, 'Parameters:\n  SearchDomainSubnetIds:\n    Type: List<AWS::EC2::Subnet::Id>\n    Description: "Private subnets of the domain, one per Availability Zone it uses (more than one needs ZoneAwarenessEnabled)"\n  SearchDomainSecurityGroupIds:\n    Type: List<AWS::EC2::SecurityGroup::Id>\n    Description: "Security groups of the domain\'s VPC endpoints (their ingress rules decide who reaches it on 443)"\nResources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      VPCOptions:\n        SubnetIds: !Ref SearchDomainSubnetIds\n        SecurityGroupIds: !Ref SearchDomainSecurityGroupIds\n      EngineVersion: OpenSearch_2.11\n');
    assert.match(result.title, /replaces the domain/);
  });
  test('JSON', () => {
    const text = '{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::OpenSearchService::Domain",\n      "Properties": {\n        "EngineVersion": "OpenSearch_2.11"\n      }\n    }\n  }\n}\n';
    const result = preferredFix('t.json', text, 'opensearch-in-vpc');
    assert.ok(result);
    const template = JSON.parse(result.text) as { Parameters: Record<string, { Type: string }>; Resources: Record<string, { Properties: unknown }> };
    assert.equal(template.Parameters.SearchDomainSubnetIds.Type, 'List<AWS::EC2::Subnet::Id>');
    assert.deepEqual(template.Resources.Search.Properties, { VPCOptions: { SubnetIds: { Ref: 'SearchDomainSubnetIds' }, SecurityGroupIds: { Ref: 'SearchDomainSecurityGroupIds' } }, EngineVersion: 'OpenSearch_2.11' });
  });
  test('HCL', () => {
    const text = 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n}\n';
    const result = preferredFix('main.tf', text, 'opensearch-in-vpc');
    assert.equal(result?.text, 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  vpc_options {\n    subnet_ids         = var.search_domain_subnet_ids\n    security_group_ids = var.search_domain_security_group_ids\n  }\n}\n\nvariable "search_domain_subnet_ids" {\n  description = "Private subnets of the domain, one per Availability Zone it uses (more than one needs ZoneAwarenessEnabled)"\n  type        = list(string)\n}\n\nvariable "search_domain_security_group_ids" {\n  description = "Security groups of the domain\'s VPC endpoints (their ingress rules decide who reaches it on 443)"\n  type        = list(string)\n}\n');
    assert.match(result.title, /replaces the domain/);
  });
});

describe('cognito-user-pool-mfa: OPTIONAL with a software token', () => {
  test('YAML: OFF replaced, the method list created', () => {
    const text = 'Resources:\n  Users:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: "OFF"\n';
    const result = preferredFix('t.yaml', text, 'cognito-user-pool-mfa');
    assert.equal(result?.text, 'Resources:\n  Users:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      EnabledMfas: [SOFTWARE_TOKEN_MFA]\n      MfaConfiguration: OPTIONAL\n');
    assert.match(result.title, /password alone/);
  });
  test('YAML: an SMS method kept', () => {
    const text = 'Resources:\n  Users:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: "OFF"\n      EnabledMfas: [SMS_MFA]\n';
    assert.equal(preferredFix('t.yaml', text, 'cognito-user-pool-mfa')?.text, 'Resources:\n  Users:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: OPTIONAL\n      EnabledMfas: [SMS_MFA, SOFTWARE_TOKEN_MFA]\n');
  });
  test('JSON', () => {
    const text = '{\n  "Resources": {\n    "Users": {\n      "Type": "AWS::Cognito::UserPool",\n      "Properties": {\n        "UserPoolName": "users"\n      }\n    }\n  }\n}\n';
    assert.equal(preferredFix('t.json', text, 'cognito-user-pool-mfa')?.text, '{\n  "Resources": {\n    "Users": {\n      "Type": "AWS::Cognito::UserPool",\n      "Properties": {\n        "MfaConfiguration": "OPTIONAL",\n        "EnabledMfas": ["SOFTWARE_TOKEN_MFA"],\n        "UserPoolName": "users"\n      }\n    }\n  }\n}\n');
  });
  test('HCL', () => {
    const text = 'resource "aws_cognito_user_pool" "users" {\n  name              = "users"\n  mfa_configuration = "OFF"\n}\n';
    assert.equal(preferredFix('main.tf', text, 'cognito-user-pool-mfa')?.text, 'resource "aws_cognito_user_pool" "users" {\n  name              = "users"\n  mfa_configuration = "OPTIONAL"\n  software_token_mfa_configuration {\n    enabled = true\n  }\n}\n');
  });
});

describe('ec2-no-public-ip: Terraform only, the instance replaced', () => {
  test('HCL: true becomes false', () => {
    const text = 'resource "aws_instance" "web" {\n  ami                         = "ami-0abcdef1234567890"\n  associate_public_ip_address = true\n}\n';
    const result = preferredFix('main.tf', text, 'ec2-no-public-ip');
    assert.equal(result?.text, text.replace('= true', '= false'));
    assert.match(result.title, /replaces the instance/);
  });
  test('HCL: a public subnet', () => {
    const text = 'resource "aws_subnet" "public" {\n  vpc_id                  = "vpc-1"\n  cidr_block              = "10.0.0.0/24"\n  map_public_ip_on_launch = true\n}\n\nresource "aws_instance" "web" {\n  ami       = "ami-0abcdef1234567890"\n  subnet_id = aws_subnet.public.id\n}\n';
    assert.equal(preferredFix('main.tf', text, 'ec2-no-public-ip')?.text, text.replace('aws_subnet.public.id\n', 'aws_subnet.public.id\n  associate_public_ip_address = false\n'));
  });
  test('YAML: no fix', () => {
    const text = 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-0abcdef1234567890\n      NetworkInterfaces:\n        - DeviceIndex: "0"\n          AssociatePublicIpAddress: true\n          SubnetId: subnet-1\n';
    assert.equal(preferredFix('t.yaml', text, 'ec2-no-public-ip'), undefined);
  });
  test('HCL: no fix beside a network interface attached at launch', () => {
    const text = 'resource "aws_instance" "web" {\n  ami = "ami-0abcdef1234567890"\n  associate_public_ip_address = true\n  network_interface {\n    network_interface_id = "eni-1"\n    device_index         = 0\n  }\n}\n';
    const analyzer = new Analyzer({ files: memoryView({ 'main.tf': text }, '/m') });
    const findings = analyzer.analyze({ path: '/m/main.tf', text }).findings.filter((finding) => finding.ruleId === 'ec2-no-public-ip');
    assert.ok(findings.length > 0, 'a finding on the instance');
    assert.ok(findings.every((finding) => !analyzer.codeActions({ path: '/m/main.tf', text }, finding.range).some((action) => action.finding.ruleId === 'ec2-no-public-ip' && !action.title.startsWith('Suppress'))));
  });
});

describe('opensearch-fgac: an IAM master user and what fine-grained access control requires', () => {
  test('YAML', () => {
    const text = 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      EngineVersion: OpenSearch_2.11\n';
    const result = preferredFix('t.yaml', text, 'opensearch-fgac');
    assert.equal(result?.text, 'Parameters:\n  SearchMasterUserArn:\n    Type: String\n    Description: "ARN of the IAM user or role that is the domain\'s fine-grained access control master user (it maps the other roles)"\nResources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      AdvancedSecurityOptions:\n        Enabled: true\n        InternalUserDatabaseEnabled: false\n        MasterUserOptions:\n          MasterUserARN: !Ref SearchMasterUserArn\n      NodeToNodeEncryptionOptions:\n        Enabled: true\n      EncryptionAtRestOptions:\n        Enabled: true\n      DomainEndpointOptions:\n        EnforceHTTPS: true\n      EngineVersion: OpenSearch_2.11\n');
    assert.match(result.title, /role mappings/);
  });
  test('JSON', () => {
    const text = '{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::OpenSearchService::Domain",\n      "Properties": {\n        "EngineVersion": "OpenSearch_2.11"\n      }\n    }\n  }\n}\n';
    const result = preferredFix('t.json', text, 'opensearch-fgac');
    assert.ok(result);
    const template = JSON.parse(result.text) as { Resources: Record<string, { Properties: unknown }> };
    assert.deepEqual(template.Resources.Search.Properties, {
      AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: false, MasterUserOptions: { MasterUserARN: { Ref: 'SearchMasterUserArn' } } },
      NodeToNodeEncryptionOptions: { Enabled: true },
      EncryptionAtRestOptions: { Enabled: true },
      DomainEndpointOptions: { EnforceHTTPS: true },
      EngineVersion: 'OpenSearch_2.11',
    });
  });
  test('HCL', () => {
    const text = 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n}\n';
    assert.equal(preferredFix('main.tf', text, 'opensearch-fgac')?.text, 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  advanced_security_options {\n    enabled                        = true\n    internal_user_database_enabled = false\n    master_user_options {\n      master_user_arn = var.search_master_user_arn\n    }\n  }\n  node_to_node_encryption {\n    enabled = true\n  }\n  encrypt_at_rest {\n    enabled = true\n  }\n  domain_endpoint_options {\n    enforce_https = true\n  }\n}\n\nvariable "search_master_user_arn" {\n  description = "ARN of the IAM user or role that is the domain\'s fine-grained access control master user (it maps the other roles)"\n  type        = string\n}\n');
  });
});

describe('efs-access-point-identity: PosixUser from number parameters', () => {
  test('YAML', () => {
    const text = 'Resources:\n  Ap:\n    Type: AWS::EFS::AccessPoint\n    Properties:\n      FileSystemId: fs-12345678\n      RootDirectory: { Path: /app }\n';
    const result = preferredFix('t.yaml', text, 'efs-access-point-identity');
    assert.equal(result?.text, 'Parameters:\n  AccessPointPosixUid:\n    Type: Number\n    Description: "POSIX user id that every request through the access point uses on the file system"\n  AccessPointPosixGid:\n    Type: Number\n    Description: "POSIX group id that every request through the access point uses on the file system"\nResources:\n  Ap:\n    Type: AWS::EFS::AccessPoint\n    Properties:\n      PosixUser:\n        Uid: !Ref AccessPointPosixUid\n        Gid: !Ref AccessPointPosixGid\n      FileSystemId: fs-12345678\n      RootDirectory: { Path: /app }\n');
    assert.match(result.title, /replaces the access point/);
  });
  test('JSON', () => {
    const text = '{\n  "Resources": {\n    "Ap": {\n      "Type": "AWS::EFS::AccessPoint",\n      "Properties": {\n        "FileSystemId": "fs-12345678",\n        "RootDirectory": { "Path": "/app" }\n      }\n    }\n  }\n}\n';
    const result = preferredFix('t.json', text, 'efs-access-point-identity');
    assert.ok(result);
    const template = JSON.parse(result.text) as { Parameters: Record<string, { Type: string }>; Resources: Record<string, { Properties: unknown }> };
    assert.equal(template.Parameters.AccessPointPosixGid.Type, 'Number');
    assert.deepEqual(template.Resources.Ap.Properties, { PosixUser: { Uid: { Ref: 'AccessPointPosixUid' }, Gid: { Ref: 'AccessPointPosixGid' } }, FileSystemId: 'fs-12345678', RootDirectory: { Path: '/app' } });
  });
  test('HCL', () => {
    const text = 'resource "aws_efs_access_point" "app" {\n  file_system_id = "fs-12345678"\n  root_directory {\n    path = "/app"\n  }\n}\n';
    assert.equal(preferredFix('main.tf', text, 'efs-access-point-identity')?.text, 'resource "aws_efs_access_point" "app" {\n  file_system_id = "fs-12345678"\n  root_directory {\n    path = "/app"\n  }\n  posix_user {\n    uid = var.access_point_posix_uid\n    gid = var.access_point_posix_gid\n  }\n}\n\nvariable "access_point_posix_uid" {\n  description = "POSIX user id that every request through the access point uses on the file system"\n  type        = number\n}\n\nvariable "access_point_posix_gid" {\n  description = "POSIX group id that every request through the access point uses on the file system"\n  type        = number\n}\n');
  });
  test('a root directory of "/" gets no fix (its path is the author\'s layout)', () => {
    const text = 'Resources:\n  Ap:\n    Type: AWS::EFS::AccessPoint\n    Properties:\n      FileSystemId: fs-12345678\n      PosixUser: { Uid: "1000", Gid: "1000" }\n      RootDirectory: { Path: / }\n';
    assert.equal(preferredFix('t.yaml', text, 'efs-access-point-identity'), undefined);
  });
});

describe('alb-https-listener: the listener turned HTTPS with a certificate parameter', () => {
  test('YAML', () => {
    const text = 'Resources:\n  Http:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d\n      Port: 80\n      Protocol: HTTP\n';
    const result = preferredFix('t.yaml', text, 'alb-https-listener');
    assert.equal(result?.text, 'Parameters:\n  ListenerCertificateArn:\n    Type: String\n    Description: "ARN of the ACM (or IAM) server certificate the HTTPS listener presents, for the names clients use"\nResources:\n  Http:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Certificates:\n        - CertificateArn: !Ref ListenerCertificateArn\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d\n      Port: 80\n      Protocol: HTTPS\n');
    assert.match(result.title, /http:\/\/ on this port break/);
  });
  test('JSON', () => {
    const text = '{"Resources": {"Http": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"LoadBalancerArn": "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d", "Port": 80, "Protocol": "HTTP"}}}}\n';
    const result = preferredFix('t.json', text, 'alb-https-listener');
    assert.ok(result);
    const template = JSON.parse(result.text) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    const properties = template.Resources.Http.Properties;
    assert.equal(properties.Protocol, 'HTTPS');
    assert.deepEqual(properties.Certificates, [{ CertificateArn: { Ref: 'ListenerCertificateArn' } }]);
    assert.equal(properties.SslPolicy, 'ELBSecurityPolicy-TLS13-1-2-2021-06');
  });
  test('HCL', () => {
    const text = 'resource "aws_lb_listener" "http" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d"\n  port              = 80\n  protocol          = "HTTP"\n}\n';
    assert.equal(preferredFix('main.tf', text, 'alb-https-listener')?.text, 'resource "aws_lb_listener" "http" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d"\n  port              = 80\n  protocol          = "HTTPS"\n  certificate_arn   = var.listener_certificate_arn\n  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\n\nvariable "listener_certificate_arn" {\n  description = "ARN of the ACM (or IAM) server certificate the HTTPS listener presents, for the names clients use"\n  type        = string\n}\n');
  });
});
