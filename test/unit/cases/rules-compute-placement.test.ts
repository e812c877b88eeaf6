// Cases the examples cannot express: the words of statuses (not findings) for empty Terraform resources, and
// "cannot be checked" where the subnet a launch lands in is chosen outside the file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

function analyse(format: 'cloudformation' | 'terraform', text: string): FileAnalysis {
  return analyseExample(format, format === 'cloudformation' ? 'template.yaml' : 'main.tf', text);
}

function statusOf(result: FileAnalysis, resourceId: string, ruleId: string): { status: string; detail: string } {
  const resource = result.resources.find((candidate) => candidate.id === resourceId);
  assert.ok(resource, `resource ${resourceId}`);
  const status = resource.responsibilities.find((responsibility) => responsibility.ruleIds.includes(ruleId));
  assert.ok(status, `${resourceId} has a status from ${ruleId}`);
  return status;
}

const CFN_WORDS = /AssignPublicIp|PlatformVersion|PrivilegedMode|EncryptionDisabled|PidMode|MapPublicIpOnLaunch|Without Version/;

describe('Terraform status details of empty resources speak Terraform', () => {
  const result = analyse('terraform', [
    'resource "aws_ecs_service" "s" {}',
    'resource "aws_codebuild_project" "c" {}',
    'resource "aws_eks_cluster" "e" {}',
    'resource "aws_instance" "i" {}',
    'resource "aws_ecs_task_definition" "td" {}',
    'resource "aws_launch_template" "lt" {}',
    'resource "aws_launch_configuration" "lc" {}',
  ].join('\n'));
  for (const resource of result.resources) {
    for (const status of resource.responsibilities) {
      test(`${resource.id} ${status.ruleIds.join(',')}`, () => assert.doesNotMatch(status.detail, CFN_WORDS));
    }
  }
  test('the provider defaults are named', () => {
    assert.match(statusOf(result, 'aws_ecs_service.s', 'ecs-service-no-public-ip').detail, /assign_public_ip defaults to false/);
    assert.match(statusOf(result, 'aws_codebuild_project.c', 'codebuild-no-privileged').detail, /privileged_mode defaults to false/);
    assert.match(statusOf(result, 'aws_codebuild_project.c', 'codebuild-artifact-encryption').detail, /encryption_disabled defaults to false/);
  });
  test('an instance without subnet_id lands in a default subnet: depends, not addressed', () => {
    assert.equal(statusOf(result, 'aws_instance.i', 'ec2-no-public-ip').status, 'depends');
  });
  test('a launch template or configuration no group of the module uses: cannot be checked', () => {
    assert.equal(statusOf(result, 'aws_launch_template.lt', 'lt-no-public-ip').status, 'cannot-be-checked');
    assert.equal(statusOf(result, 'aws_launch_configuration.lc', 'lc-no-public-ip').status, 'cannot-be-checked');
  });
});

describe('public addresses follow the subnet', () => {
  test('CloudFormation: a launch template without interfaces and no group: cannot be checked', () => {
    const result = analyse('cloudformation', 'Resources:\n  Lt:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        ImageId: ami-1\n');
    assert.equal(statusOf(result, 'Lt', 'lt-no-public-ip').status, 'cannot-be-checked');
  });
  test('CloudFormation: a subnet parameter cannot be read', () => {
    const result = analyse('cloudformation', 'Parameters:\n  S:\n    Type: AWS::EC2::Subnet::Id\nResources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      SubnetId: !Ref S\n');
    assert.equal(statusOf(result, 'I', 'ec2-no-public-ip').status, 'cannot-be-checked');
  });
  test('Terraform: a subnet whose map_public_ip_on_launch is on one branch only: depends', () => {
    const result = analyse('terraform', 'variable "pub" { type = bool }\nresource "aws_subnet" "s" {\n  vpc_id = "vpc-1"\n  cidr_block = "10.0.0.0/24"\n  map_public_ip_on_launch = var.pub ? true : false\n}\nresource "aws_instance" "i" {\n  ami = "ami-1"\n  subnet_id = aws_subnet.s.id\n}\n');
    assert.equal(statusOf(result, 'aws_instance.i', 'ec2-no-public-ip').status, 'depends');
  });
  test('Terraform: an instance with associate_public_ip_address = false is addressed whatever the subnet', () => {
    const result = analyse('terraform', 'resource "aws_subnet" "s" {\n  vpc_id = "vpc-1"\n  cidr_block = "10.0.0.0/24"\n  map_public_ip_on_launch = true\n}\nresource "aws_instance" "i" {\n  ami = "ami-1"\n  subnet_id = aws_subnet.s.id\n  associate_public_ip_address = false\n}\n');
    assert.equal(statusOf(result, 'aws_instance.i', 'ec2-no-public-ip').status, 'addressed');
  });
});

describe('EBS encryption by default in the module', () => {
  const module = (extra: string) => `${extra}\nresource "aws_instance" "i" {\n  ami = "ami-1"\n  root_block_device {\n    encrypted = false\n  }\n}\nresource "aws_launch_template" "lt" {\n  block_device_mappings {\n    device_name = "/dev/sdf"\n    ebs {\n      volume_size = 10\n    }\n  }\n}\n`;
  test('on (enabled defaults to true): every EBS rule is addressed', () => {
    const result = analyse('terraform', module('resource "aws_ebs_encryption_by_default" "d" {}'));
    assert.equal(statusOf(result, 'aws_instance.i', 'ec2-ebs-encrypted').status, 'addressed');
    assert.equal(statusOf(result, 'aws_launch_template.lt', 'lt-ebs-encrypted').status, 'addressed');
  });
  test('enabled = false changes nothing', () => {
    const result = analyse('terraform', module('resource "aws_ebs_encryption_by_default" "d" {\n  enabled = false\n}'));
    assert.equal(statusOf(result, 'aws_instance.i', 'ec2-ebs-encrypted').status, 'missed');
  });
  test('with its own region argument: depends', () => {
    const result = analyse('terraform', module('resource "aws_ebs_encryption_by_default" "d" {\n  region = "us-west-2"\n}'));
    assert.equal(statusOf(result, 'aws_instance.i', 'ec2-ebs-encrypted').status, 'depends');
  });
});
