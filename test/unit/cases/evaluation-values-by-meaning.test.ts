// Values compared by meaning, not spelling (test/fixtures/cases/evaluation; each fixture's top comment says what
// should happen), and variants of the same faults: every spelling of the whole-internet CIDR (IPv4 and IPv6,
// compressed or not, upper case, leading zeros, /0 with address bits) in security groups of both formats, their
// standalone rule resources, network ACL entries, egress rules and EKS public access CIDRs; AWS managed KMS keys
// named as aws/<service>, alias/aws/<service> or an alias ARN in every key-management rule; booleans in any case.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileAnalysis } from '../../../server/src/analysis';
import { isAwsManagedKey, isWorldCidr, parseCidr } from '../../../server/src/analysis/rules/support';
import { analyseExample } from '../support/examples';

const CASES = join('test', 'fixtures', 'cases', 'evaluation');

function fixture(name: string): { text: string; result: FileAnalysis } {
  const text = readFileSync(join(CASES, name), 'utf8');
  return { text, result: analyse(name.endsWith('.tf') ? 'terraform' : 'cloudformation', text) };
}

function analyse(format: 'cloudformation' | 'terraform', text: string): FileAnalysis {
  return analyseExample(format, format === 'terraform' ? 'main.tf' : 'template.yaml', text);
}

/** The findings of one rule, with the text they sit on. */
function findingsOf(result: FileAnalysis, text: string, ruleId: string) {
  return result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => ({ ...finding, at: text.slice(finding.range.start, finding.range.end), line: result.lineIndex.positionAt(finding.range.start).line + 1 }));
}

/** The status a resource gets for the item the rule checks. */
function statusOf(result: FileAnalysis, resource: string, ruleId: string) {
  const summary = result.resources.find((candidate) => candidate.id === resource);
  assert.ok(summary, `resource ${resource} in ${result.resources.map((candidate) => candidate.id).join(', ')}`);
  const status = summary.responsibilities.find((responsibility) => responsibility.ruleIds.includes(ruleId));
  assert.ok(status, `${resource} has a status for ${ruleId}`);
  return status;
}

function noInternalError(result: FileAnalysis): void {
  assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message), []);
}

const cfn = (resources: string) => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${resources}`;

describe('CIDR blocks as networks', () => {
  test('parseCidr / isWorldCidr: every spelling of the whole internet, and nothing else', () => {
    for (const world of ['0.0.0.0/0', '::/0', '::0/0', '0:0:0:0:0:0:0:0/0', '0000::/0', '0000:0000:0000:0000:0000:0000:0000:0000/0', '::FFFF:0.0.0.0/0', 'FE80::/0', '10.0.0.0/0', '000.000.000.000/0', '192.168.1.1/00', '::0.0.0.0/0']) {
      assert.equal(isWorldCidr(world), true, world);
    }
    for (const other of ['0.0.0.0/1', '::/1', '10.0.0.0/8', '0.0.0.0', '::', '0.0.0.0/33', '::/129', '256.0.0.0/0', '1.2.3/0', ':::/0', '1::2::3/0', '0:0:0:0:0:0:0:0:0/0', 'g::/0', 'sg-123', '', '0.0.0.0/0 ', '0.0.0.0/-0']) {
      assert.equal(isWorldCidr(other), false, other);
    }
    assert.equal(isWorldCidr(0), false);
    assert.deepEqual(parseCidr('2001:db8::/32'), { version: 6, prefix: 32 });
    assert.deepEqual(parseCidr('10.1.0.0/16'), { version: 4, prefix: 16 });
  });

  describe('case cfn-world-cidr-spelling', () => {
    test('"0:0:0:0:0:0:0:0/0" and "::0/0" are ::/0: two sg-open-admin-ports errors, SSH and RDP', () => {
      const { text, result } = fixture('cfn-world-cidr-spelling/template.yaml');
      noInternalError(result);
      const findings = findingsOf(result, text, 'sg-open-admin-ports');
      assert.deepEqual(findings.map((finding) => [finding.at, finding.line, finding.severity]), [['"0:0:0:0:0:0:0:0/0"', 20, 'error'], ['"::0/0"', 25, 'error']]);
      assert.match(findings[0].message, /SSH \(port 22\) is open to the internet: CidrIpv6 is '0:0:0:0:0:0:0:0\/0'/);
      assert.match(findings[1].message, /RDP \(port 3389\) is open to the internet: CidrIpv6 is '::0\/0'/);
      assert.equal(statusOf(result, 'MaintenanceSg', 'sg-open-admin-ports').status, 'missed');
    });
  });

  test('CloudFormation: IPv4 spellings with leading zeros or address bits, upper-case IPv6, a standalone ingress rule', () => {
    const text = cfn(`  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 000.000.000.000/0 }
        - { IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIpv6: "0000:0000::/0" }
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 10.0.0.0/0
  Narrow:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIpv6: "::/1"
`);
    const result = analyse('cloudformation', text);
    noInternalError(result);
    const findings = findingsOf(result, text, 'sg-open-admin-ports');
    assert.deepEqual(findings.map((finding) => finding.at), ['000.000.000.000/0', '"0000:0000::/0"', '10.0.0.0/0']);
    assert.ok(findings.every((finding) => finding.severity === 'error'));
    assert.equal(statusOf(result, 'Narrow', 'sg-open-admin-ports').status, 'addressed');
  });

  test('Terraform: ipv6_cidr_blocks, aws_vpc_security_group_ingress_rule and aws_security_group_rule spellings', () => {
    const text = `resource "aws_security_group" "inline" {
  name = "inline"
  ingress {
    protocol         = "tcp"
    from_port        = 22
    to_port          = 22
    ipv6_cidr_blocks = ["0:0:0:0:0:0:0:0/0"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = "sg-12345678"
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv6         = "::0/0"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = "sg-12345678"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["172.16.0.0/0"]
}

resource "aws_security_group_rule" "narrow" {
  type              = "ingress"
  security_group_id = "sg-12345678"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["172.16.0.0/12"]
}
`;
    const result = analyse('terraform', text);
    noInternalError(result);
    const findings = findingsOf(result, text, 'sg-open-admin-ports');
    assert.deepEqual(findings.map((finding) => [finding.at, finding.severity]), [['"0:0:0:0:0:0:0:0/0"', 'error'], ['"::0/0"', 'error'], ['"172.16.0.0/0"', 'error']]);
    assert.equal(statusOf(result, 'aws_security_group_rule.narrow', 'sg-open-admin-ports').status, 'addressed');
  });

  test('network ACL entries, all-traffic egress and EKS public access CIDRs read the same spellings', () => {
    const text = cfn(`  Entry:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: acl-12345678
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      Egress: false
      Ipv6CidrBlock: "::0/0"
      PortRange: { From: 22, To: 22 }
  Out:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      VpcId: vpc-12345678
      SecurityGroupEgress:
        - { IpProtocol: "-1", CidrIpv6: "0::0/0" }
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-12345678]
        EndpointPrivateAccess: true
        EndpointPublicAccess: true
        PublicAccessCidrs: [203.0.113.0/0]
`);
    const result = analyse('cloudformation', text);
    noInternalError(result);
    assert.deepEqual(findingsOf(result, text, 'nacl-no-world-admin-ports').map((finding) => finding.at), ['"::0/0"']);
    assert.deepEqual(findingsOf(result, text, 'sg-egress-restricted').map((finding) => finding.at), ['"0::0/0"']);
    assert.equal(statusOf(result, 'Cluster', 'eks-endpoint-private').status, 'missed');
  });
});

describe('AWS managed KMS keys by meaning', () => {
  test('isAwsManagedKey: alias name, aws/<service>, alias ARN in any partition; not customer aliases or key ids', () => {
    for (const managed of ['alias/aws/secretsmanager', 'aws/secretsmanager', 'arn:aws:kms:us-east-1:111122223333:alias/aws/s3', 'arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/ebs', 'arn:aws-cn:kms:cn-north-1:111122223333:alias/aws/sqs']) {
      assert.equal(isAwsManagedKey(managed), true, managed);
    }
    for (const customer of ['alias/app/secrets', 'alias/awsome', 'alias/aws-team/key', '1234abcd-12ab-34cd-56ef-1234567890ab', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'arn:aws:kms:us-east-1:111122223333:aws/s3', 'alias/team/aws/s3', '']) {
      assert.equal(isAwsManagedKey(customer), false, customer);
    }
  });

  describe('case cfn-aws-managed-key-without-alias-prefix', () => {
    test('KmsKeyId "aws/secretsmanager" is the AWS managed key: secret-cmk finding on PartnerApiToken, as for alias/aws/secretsmanager', () => {
      const { text, result } = fixture('cfn-aws-managed-key-without-alias-prefix/template.yaml');
      noInternalError(result);
      const findings = findingsOf(result, text, 'secret-cmk');
      assert.equal(findings.length, 1);
      assert.equal(findings[0].at, 'aws/secretsmanager');
      assert.equal(findings[0].line, 12);
      assert.match(findings[0].message, /KmsKeyId is 'aws\/secretsmanager'.*AWS managed aws\/secretsmanager key/);
      assert.equal(statusOf(result, 'PartnerApiToken', 'secret-cmk').status, 'missed');
      const reference = analyse('cloudformation', text.replace('KmsKeyId: aws/secretsmanager', 'KmsKeyId: alias/aws/secretsmanager'));
      assert.equal(findingsOf(reference, text, 'secret-cmk')[0].severity, findings[0].severity);
    });
  });

  test('CloudFormation: every key-management rule knows aws/<service> and alias ARNs; a customer alias is addressed', () => {
    const text = cfn(`  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: aws/sqs
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: arn:aws:kms:eu-west-1:111122223333:alias/aws/s3
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      BillingMode: PAY_PER_REQUEST
      SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: aws/dynamodb }
  Volume:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 10
      Encrypted: true
      KmsKeyId: aws/ebs
  Custom:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: alias/aws-team/secrets
`);
    const result = analyse('cloudformation', text);
    noInternalError(result);
    assert.deepEqual(findingsOf(result, text, 'sqs-cmk').map((finding) => finding.at), ['aws/sqs']);
    assert.deepEqual(findingsOf(result, text, 's3-kms-cmk').map((finding) => finding.at), ['arn:aws:kms:eu-west-1:111122223333:alias/aws/s3']);
    assert.deepEqual(findingsOf(result, text, 'dynamodb-cmk').map((finding) => finding.at), ['aws/dynamodb']);
    assert.deepEqual(findingsOf(result, text, 'ebs-volume-cmk').map((finding) => finding.at), ['aws/ebs']);
    assert.equal(statusOf(result, 'Custom', 'secret-cmk').status, 'addressed');
  });

  test('Terraform: kms_key_id "aws/secretsmanager" and an alias ARN in another partition', () => {
    const text = `resource "aws_secretsmanager_secret" "token" {
  name       = "token"
  kms_key_id = "aws/secretsmanager"
}

resource "aws_dynamodb_table" "t" {
  name         = "t"
  hash_key     = "id"
  billing_mode = "PAY_PER_REQUEST"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = "arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/dynamodb"
  }
}

resource "aws_secretsmanager_secret" "custom" {
  name       = "custom"
  kms_key_id = "alias/team/secrets"
}
`;
    const result = analyse('terraform', text);
    noInternalError(result);
    assert.deepEqual(findingsOf(result, text, 'secret-cmk').map((finding) => finding.at), ['"aws/secretsmanager"']);
    assert.deepEqual(findingsOf(result, text, 'dynamodb-cmk').map((finding) => finding.at), ['"arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/dynamodb"']);
    assert.equal(statusOf(result, 'aws_secretsmanager_secret.custom', 'secret-cmk').status, 'addressed');
  });
});

describe('booleans in any spelling', () => {
  test('CloudFormation "True", "TRUE" and true are the same boolean for a setting rule', () => {
    for (const spelling of ['true', '"True"', '"TRUE"', '"true"']) {
      const text = cfn(`  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EnableLogFileValidation: ${spelling}
`);
      const result = analyse('cloudformation', text);
      assert.equal(statusOf(result, 'Trail', 'cloudtrail-log-validation').status, 'addressed', spelling);
    }
  });
});
