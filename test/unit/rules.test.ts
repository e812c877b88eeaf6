import { describe, test } from 'node:test';
import { expectFindings } from './support/ruleTester';

const head = 'AWSTemplateFormatVersion: "2010-09-09"\n';

describe('sg-open-admin-ports', () => {
  const rule = 'sg-open-admin-ports';
  test('SSH open to 0.0.0.0/0 is an error on the CIDR', () => {
    expectFindings('t.yaml', `${head}Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: ⟦0.0.0.0/0⟧
`, rule, [{ ruleId: rule, severity: 'error', message: ['SSH (port 22)', "CidrIp is '0.0.0.0/0'"] }]);
  });
  test('RDP over IPv6 and all protocols are reported; HTTPS to the world and SSH from a private range are not', () => {
    expectFindings('t.yaml', `${head}Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIpv6: ⟦"::/0"⟧ }
        - IpProtocol: "-1"
          CidrIp: ⟦0.0.0.0/0⟧
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 10.0.0.0/8
`, rule, [{ ruleId: rule, message: ['RDP (port 3389)'] }, { ruleId: rule, message: ['All ports are'] }]);
  });
  test('a port range that spans 22 counts; a standalone ingress resource is checked', () => {
    expectFindings('t.yaml', `${head}Resources:
  Ingress:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-123
      IpProtocol: tcp
      FromPort: 0
      ToPort: 1024
      CidrIp: ⟦0.0.0.0/0⟧
`, rule, [{ ruleId: rule, message: ['SSH (port 22)'] }]);
  });
  test('a parameter whose default is the world is reported with its provenance', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Cidr:
    Type: String
    Default: 0.0.0.0/0
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: ⟦!Ref Cidr⟧
`, rule, [{ ruleId: rule, severity: 'error', message: ["Ref Cidr, default '0.0.0.0/0'"] }]);
  });
  test('a parameter that only allows the world as a non-default value depends on the deployment (information)', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Cidr:
    Type: String
    Default: 10.0.0.0/8
    AllowedValues: [10.0.0.0/8, 0.0.0.0/0]
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: ⟦!Ref Cidr⟧
`, rule, [{ ruleId: rule, severity: 'info', message: ['Depends on the deployment', "allowed value '0.0.0.0/0'"] }]);
  });
  test('a parameter without a default is not guessed', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Cidr:
    Type: String
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref Cidr
`, rule);
  });
  test('JSON template', () => {
    expectFindings('t.json', `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {
  "GroupDescription": "x",
  "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": ⟦"0.0.0.0/0"⟧}]}}}}`, rule, [{ ruleId: rule }]);
  });
});

describe('rds-storage-encrypted', () => {
  const rule = 'rds-storage-encrypted';
  test('absent StorageEncrypted is reported on the logical id', () => {
    expectFindings('t.yaml', `${head}Resources:
  ⟦Db⟧:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
`, rule, [{ ruleId: rule, severity: 'warning', message: ['StorageEncrypted is not set'] }]);
  });
  test('false, "false" and a parameter default of false are reported on the value', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Encrypt:
    Type: String
    Default: "false"
    AllowedValues: ["true", "false"]
Resources:
  A:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: ⟦false⟧
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      StorageEncrypted: ⟦"false"⟧
  C:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: ⟦!Ref Encrypt⟧
`, rule, [{ ruleId: rule }, { ruleId: rule }, { ruleId: rule, message: ["StorageEncrypted is 'false' (Ref Encrypt, default 'false')"] }]);
  });
  test('true, a true default, Aurora members and replicas are fine', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Encrypt:
    Type: String
    Default: "true"
Resources:
  A:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: true
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: !Ref Encrypt
  Member:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
  Replica:
    Type: AWS::RDS::DBInstance
    Properties:
      SourceDBInstanceIdentifier: db-1
`, rule);
  });
  test('Fn::If with a condition the parameter defaults decide: that branch is certain, the other depends on the deployment', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Env:
    Type: String
    Default: prod
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  A:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: !If [IsProd, true, ⟦false⟧]
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: !If [IsProd, ⟦false⟧, true]
`, rule, [
      { ruleId: rule, severity: 'info', message: ['Depends on the deployment', 'unless IsProd'] },
      { ruleId: rule, severity: 'warning', message: ['condition IsProd is true with the parameter defaults'] },
    ]);
  });
  test('Fn::If whose other branch no allowed value can reach is decided', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Env:
    Type: String
    Default: prod
    AllowedValues: [prod]
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  A:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: !If [IsProd, true, false]
`, rule);
  });
  test('Fn::If with an undecidable condition gives both branches: one bad branch depends on the deployment', () => {
    expectFindings('t.yaml', `${head}Conditions:
  InUsEast1: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  A:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: !If [InUsEast1, true, ⟦false⟧]
`, rule, [{ ruleId: rule, severity: 'info', message: ['Depends on the deployment', 'unless InUsEast1'] }]);
  });
  test('Fn::FindInMap over literal mappings', () => {
    expectFindings('t.yaml', `${head}Mappings:
  Settings:
    Db:
      Encrypt: false
Resources:
  A:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: ⟦!FindInMap [Settings, Db, Encrypt]⟧
`, rule, [{ ruleId: rule, message: ['Mappings Settings.Db.Encrypt'] }]);
  });
});

describe('s3-block-public-access', () => {
  const rule = 's3-block-public-access';
  test('each flag turned off is reported on its value', () => {
    expectFindings('t.yaml', `${head}Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: ⟦false⟧
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: ⟦false⟧
`, rule, [
      { ruleId: rule, severity: 'error', message: ['BlockPublicAcls is false'] },
      { ruleId: rule, message: ['RestrictPublicBuckets is false'] },
    ]);
  });
  test('an absent configuration is covered by the AWS default (no finding)', () => {
    expectFindings('t.yaml', `${head}Resources:
  B:
    Type: AWS::S3::Bucket
`, rule);
  });
});
