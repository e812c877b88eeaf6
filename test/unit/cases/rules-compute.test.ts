// Rule cases of the compute family (test/fixtures/cases/rules/<case>/, each fixture's top comment says what
// should happen), and variants of the same kinds of fault: the metadata endpoint turned off in every spelling
// and on every launch path, the AMI's IMDS support (AL2023 public parameters vs others vs a literal AMI id),
// one severity for sibling resource types, and wrong-shaped values that must be "cannot be checked".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { FileAnalysis, Finding } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

const CASES = join('test', 'fixtures', 'cases', 'rules');

function fixture(name: string, file: string): string {
  return readFileSync(join(CASES, name, file), 'utf8');
}

function analyse(format: 'cloudformation' | 'terraform', text: string, path = format === 'cloudformation' ? 'template.yaml' : 'main.tf'): FileAnalysis {
  const result = analyseExample(format, path, text);
  assert.equal(result.kind, format);
  assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message), []);
  return result;
}

function findingsOf(result: FileAnalysis, ruleId: string): Finding[] {
  return result.findings.filter((finding) => finding.ruleId === ruleId);
}

/** The status a resource gets for a rule's item, with the rule among those that decided it. */
function statusOf(result: FileAnalysis, resourceId: string, ruleId: string): { status: string; detail: string } {
  const resource = result.resources.find((candidate) => candidate.id === resourceId);
  assert.ok(resource, `resource ${resourceId}`);
  const status = resource.responsibilities.find((responsibility) => responsibility.ruleIds.includes(ruleId));
  assert.ok(status, `${resourceId} has a status from ${ruleId}`);
  return status;
}

function lineOf(result: FileAnalysis, finding: Finding): number {
  return result.lineIndex.positionAt(finding.range.start).line;
}

describe('case imds-endpoint-disabled', () => {
  test('CloudFormation: no lt-imdsv2 finding on BatchNodeTemplate; the endpoint turned off addresses the duty', () => {
    const result = analyse('cloudformation', fixture('imds-endpoint-disabled', 'template.yaml'));
    assert.deepEqual(findingsOf(result, 'lt-imdsv2'), []);
    const status = statusOf(result, 'BatchNodeTemplate', 'lt-imdsv2');
    assert.equal(status.status, 'addressed');
    assert.match(status.detail, /HttpEndpoint is 'disabled'.*metadata service is off/);
  });

  test('Terraform: no ec2-imdsv2 finding on aws_instance.batch_node', () => {
    const result = analyse('terraform', fixture('imds-endpoint-disabled', 'main.tf'));
    assert.deepEqual(findingsOf(result, 'ec2-imdsv2'), []);
    assert.equal(statusOf(result, 'aws_instance.batch_node', 'ec2-imdsv2').status, 'addressed');
  });

  const launchPaths = [
    { type: 'AWS::EC2::Instance', rule: 'ec2-imdsv2', options: (o: string) => `      ImageId: ami-1\n      MetadataOptions:\n${o.replace(/^/gm, '        ')}` },
    { type: 'AWS::EC2::LaunchTemplate', rule: 'lt-imdsv2', options: (o: string) => `      LaunchTemplateData:\n        MetadataOptions:\n${o.replace(/^/gm, '          ')}` },
    { type: 'AWS::AutoScaling::LaunchConfiguration', rule: 'lc-imdsv2', options: (o: string) => `      ImageId: ami-1\n      InstanceType: t3.micro\n      MetadataOptions:\n${o.replace(/^/gm, '        ')}` },
  ];
  for (const path of launchPaths) {
    test(`${path.rule}: HttpEndpoint disabled (even with HttpTokens optional, through a parameter default, in JSON) is no finding`, () => {
      for (const options of ['HttpEndpoint: disabled', 'HttpEndpoint: disabled\nHttpTokens: optional', 'HttpEndpoint: !Ref Endpoint']) {
        const text = `AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Endpoint:\n    Type: String\n    Default: disabled\nResources:\n  R:\n    Type: ${path.type}\n    Properties:\n${path.options(options)}\n`;
        const result = analyse('cloudformation', text);
        assert.deepEqual(findingsOf(result, path.rule).map((finding) => finding.message), [], options);
        assert.equal(statusOf(result, 'R', path.rule).status, 'addressed', options);
      }
    });
    test(`${path.rule}: the endpoint off only for a non-default parameter value leaves the optional tokens a finding`, () => {
      const text = `AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Endpoint:\n    Type: String\n    Default: enabled\n    AllowedValues: [enabled, disabled]\nResources:\n  R:\n    Type: ${path.type}\n    Properties:\n${path.options('HttpEndpoint: !Ref Endpoint\nHttpTokens: optional')}\n`;
      const [finding, ...rest] = findingsOf(analyse('cloudformation', text), path.rule);
      assert.equal(rest.length, 0);
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /HttpTokens is 'optional'/);
    });
  }

  test('JSON template: HttpEndpoint disabled on a launch template', () => {
    const text = JSON.stringify({ Resources: { T: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { MetadataOptions: { HttpEndpoint: 'disabled' } } } } } }, null, 2);
    const result = analyse('cloudformation', text, 'template.json');
    assert.deepEqual(findingsOf(result, 'lt-imdsv2'), []);
    assert.equal(statusOf(result, 'T', 'lt-imdsv2').status, 'addressed');
  });

  for (const [type, rule, extra] of [['aws_instance', 'ec2-imdsv2', 'ami = "ami-1"'], ['aws_launch_template', 'lt-imdsv2', 'image_id = "ami-1"'], ['aws_launch_configuration', 'lc-imdsv2', 'image_id = "ami-1"\n  instance_type = "t3.micro"']] as const) {
    test(`${rule} (Terraform ${type}): http_endpoint = "disabled", literally or through a variable default`, () => {
      const text = `variable "endpoint" {\n  default = "disabled"\n}\nresource "${type}" "r" {\n  ${extra}\n  metadata_options {\n    http_endpoint = var.endpoint\n    http_tokens   = "optional"\n  }\n}\nresource "${type}" "s" {\n  ${extra}\n  metadata_options {\n    http_endpoint = "disabled"\n  }\n}\n`;
      const result = analyse('terraform', text);
      assert.deepEqual(findingsOf(result, rule).map((finding) => finding.message), []);
      assert.equal(statusOf(result, `${type}.r`, rule).status, 'addressed');
      assert.equal(statusOf(result, `${type}.s`, rule).status, 'addressed');
    });
  }
});

describe('case imdsv2-al2023-ami-overstated', () => {
  test('Terraform: the AMI from the AL2023 public SSM parameter requires IMDSv2 by default: no warning, an AWS default', () => {
    const result = analyse('terraform', fixture('imdsv2-al2023-ami-overstated', 'main.tf'));
    assert.deepEqual(findingsOf(result, 'ec2-imdsv2'), []);
    const status = statusOf(result, 'aws_instance.marten', 'ec2-imdsv2');
    assert.equal(status.status, 'aws-default');
    assert.match(status.detail, /Amazon Linux 2023 AMI \(ImdsSupport v2\.0\)/);
  });

  test('Terraform: another public parameter or a literal AMI id depends on the AMI, said as such (information, Terraform words)', () => {
    const text = `data "aws_ssm_parameter" "al2" {\n  name = "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2"\n}\nresource "aws_instance" "al2" {\n  ami = data.aws_ssm_parameter.al2.value\n}\nresource "aws_instance" "literal" {\n  ami = "ami-0a9b8c7d6e5f40312"\n}\n`;
    const result = analyse('terraform', text);
    const findings = findingsOf(result, 'ec2-imdsv2');
    assert.deepEqual(findings.map((finding) => text.slice(finding.range.start, finding.range.end)), ['"al2"', '"literal"']);
    for (const finding of findings) {
      assert.equal(finding.severity, 'info');
      assert.ok(finding.message.includes('Depends on the deployment: metadata_options.http_tokens is not set'), finding.message);
      assert.ok(finding.message.includes('unless the AMI is registered with ImdsSupport v2.0'), finding.message);
      assert.ok(finding.message.includes('set metadata_options.http_tokens = "required" to be explicit'), finding.message);
      assert.ok(!/HttpTokens|MetadataOptions/.test(finding.message), `Terraform words only: ${finding.message}`);
    }
    assert.deepEqual(findings.map((finding) => lineOf(result, finding)), [3, 6]);
  });

  test('Terraform launch templates and configurations: resolve:ssm, nonsensitive(), an Amazon-owned AL2023 aws_ami', () => {
    const text = `data "aws_ssm_parameter" "al2023" {\n  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"\n}\ndata "aws_ami" "al2023" {\n  most_recent = true\n  owners      = ["amazon"]\n  filter {\n    name   = "name"\n    values = ["al2023-ami-2023.*-arm64"]\n  }\n}\nresource "aws_launch_template" "a" {\n  image_id = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"\n}\nresource "aws_launch_template" "b" {\n  image_id = nonsensitive(data.aws_ssm_parameter.al2023.value)\n}\nresource "aws_launch_configuration" "c" {\n  image_id      = data.aws_ami.al2023.id\n  instance_type = "t4g.micro"\n}\n`;
    const result = analyse('terraform', text);
    assert.deepEqual([...findingsOf(result, 'lt-imdsv2'), ...findingsOf(result, 'lc-imdsv2')], []);
    for (const [id, rule] of [['aws_launch_template.a', 'lt-imdsv2'], ['aws_launch_template.b', 'lt-imdsv2'], ['aws_launch_configuration.c', 'lc-imdsv2']]) {
      assert.equal(statusOf(result, id, rule).status, 'aws-default', id);
    }
  });

  test('an aws_ami not owned by Amazon, or not filtered to AL2023 names, is not taken for AL2023', () => {
    const text = `data "aws_ami" "any" {\n  owners = ["123456789012"]\n  filter {\n    name   = "name"\n    values = ["al2023-ami-*"]\n  }\n}\nresource "aws_instance" "web" {\n  ami = data.aws_ami.any.id\n}\n`;
    const [finding] = findingsOf(analyse('terraform', text), 'ec2-imdsv2');
    assert.equal(finding?.severity, 'info');
  });

  test('CloudFormation: an SSM-typed parameter defaulting to AL2023, a resolve reference; other AMIs depend', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  LatestAmi:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
Resources:
  FromParameter:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: !Ref LatestAmi
  FromResolve:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}'
  Literal:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0a9b8c7d6e5f40312
      InstanceType: t3.micro
`;
    const result = analyse('cloudformation', text);
    assert.equal(statusOf(result, 'FromParameter', 'ec2-imdsv2').status, 'aws-default');
    assert.equal(statusOf(result, 'FromResolve', 'lt-imdsv2').status, 'aws-default');
    const [literal, ...rest] = [...findingsOf(result, 'ec2-imdsv2'), ...findingsOf(result, 'lt-imdsv2'), ...findingsOf(result, 'lc-imdsv2')];
    assert.equal(rest.length, 0);
    assert.equal(literal.ruleId, 'lc-imdsv2');
    assert.equal(literal.severity, 'info');
    assert.equal(text.slice(literal.range.start, literal.range.end), 'Literal');
    assert.ok(literal.message.includes('Depends on the deployment: MetadataOptions.HttpTokens is not set'), literal.message);
  });
});

describe('one severity for the same duty on sibling resource types', () => {
  const cfn = (type: string, props: string) => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  R:\n    Type: ${type}\n    Properties:\n${props.replace(/^/gm, '      ')}\n`;
  const severities = (text: string, rule: string) => findingsOf(analyse('cloudformation', text), rule).map((finding) => finding.severity);

  test('IMDS: optional tokens are a warning on instances, launch templates and launch configurations; absence is information', () => {
    assert.deepEqual(severities(cfn('AWS::EC2::Instance', 'MetadataOptions:\n  HttpTokens: optional'), 'ec2-imdsv2'), ['warning']);
    assert.deepEqual(severities(cfn('AWS::EC2::LaunchTemplate', 'LaunchTemplateData:\n  MetadataOptions:\n    HttpTokens: optional'), 'lt-imdsv2'), ['warning']);
    assert.deepEqual(severities(cfn('AWS::AutoScaling::LaunchConfiguration', 'ImageId: ami-1\nInstanceType: t3.micro\nMetadataOptions:\n  HttpTokens: optional'), 'lc-imdsv2'), ['warning']);
    assert.deepEqual(severities(cfn('AWS::EC2::Instance', 'ImageId: ami-1'), 'ec2-imdsv2'), ['info']);
    assert.deepEqual(severities(cfn('AWS::EC2::LaunchTemplate', 'LaunchTemplateData:\n  ImageId: ami-1'), 'lt-imdsv2'), ['info']);
    assert.deepEqual(severities(cfn('AWS::AutoScaling::LaunchConfiguration', 'ImageId: ami-1\nInstanceType: t3.micro'), 'lc-imdsv2'), ['info']);
  });

  test('public IP: an error on all three', () => {
    assert.deepEqual(severities(cfn('AWS::EC2::Instance', 'NetworkInterfaces:\n  - DeviceIndex: "0"\n    AssociatePublicIpAddress: true'), 'ec2-no-public-ip'), ['error']);
    assert.deepEqual(severities(cfn('AWS::EC2::LaunchTemplate', 'LaunchTemplateData:\n  NetworkInterfaces:\n    - DeviceIndex: 0\n      AssociatePublicIpAddress: true'), 'lt-no-public-ip'), ['error']);
    assert.deepEqual(severities(cfn('AWS::AutoScaling::LaunchConfiguration', 'ImageId: ami-1\nInstanceType: t3.micro\nAssociatePublicIpAddress: true'), 'lc-no-public-ip'), ['error']);
  });

  test('EBS encryption: an unencrypted volume is a warning on all three; no mappings is the same information on all three', () => {
    const mapping = (indent: string) => `BlockDeviceMappings:\n${indent}  - DeviceName: /dev/sdf\n${indent}    Ebs:\n${indent}      Encrypted: false`;
    assert.deepEqual(severities(cfn('AWS::EC2::Instance', mapping('')), 'ec2-ebs-encrypted'), ['warning']);
    assert.deepEqual(severities(cfn('AWS::EC2::LaunchTemplate', `LaunchTemplateData:\n  ${mapping('  ')}`), 'lt-ebs-encrypted'), ['warning']);
    assert.deepEqual(severities(cfn('AWS::AutoScaling::LaunchConfiguration', `ImageId: ami-1\nInstanceType: t3.micro\n${mapping('')}`), 'lc-ebs-encrypted'), ['warning']);
    assert.deepEqual(severities(cfn('AWS::EC2::Instance', 'ImageId: ami-1'), 'ec2-ebs-encrypted'), ['info']);
    assert.deepEqual(severities(cfn('AWS::EC2::LaunchTemplate', 'LaunchTemplateData:\n  ImageId: ami-1'), 'lt-ebs-encrypted'), ['info']);
    assert.deepEqual(severities(cfn('AWS::AutoScaling::LaunchConfiguration', 'ImageId: ami-1\nInstanceType: t3.micro'), 'lc-ebs-encrypted'), ['info']);
  });

  test('EBS encryption, Terraform: a root block without encrypted depends on the AMI; a volume from a snapshot inherits it', () => {
    const text = `resource "aws_instance" "i" {\n  ami = "ami-1"\n  root_block_device {\n    volume_size = 20\n  }\n  ebs_block_device {\n    device_name = "/dev/sdf"\n    snapshot_id = "snap-1"\n  }\n}\nresource "aws_launch_configuration" "c" {\n  image_id      = "ami-1"\n  instance_type = "t3.micro"\n  root_block_device {\n    volume_size = 20\n  }\n}\nresource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  snapshot_id       = "snap-1"\n}\n`;
    const result = analyse('terraform', text);
    assert.deepEqual(findingsOf(result, 'ec2-ebs-encrypted').map((finding) => finding.severity), ['info']);
    assert.deepEqual(findingsOf(result, 'lc-ebs-encrypted').map((finding) => finding.severity), ['info']);
    assert.deepEqual(findingsOf(result, 'ebs-volume-encrypted'), []);
    assert.equal(statusOf(result, 'aws_ebs_volume.v', 'ebs-volume-encrypted').status, 'not-applicable');
  });
});

describe('wrong-shaped and unreadable values are "cannot be checked", never addressed, never a crash', () => {
  test('CloudFormation: MetadataOptions, BlockDeviceMappings, NetworkInterfaces and OptionSettings given as a Ref', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Anything:
    Type: String
Resources:
  I:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-1
      MetadataOptions: !Ref Anything
      BlockDeviceMappings: !Ref Anything
      NetworkInterfaces: !Ref Anything
  V:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: a
      Encrypted: !Ref Anything
  S:
    Type: AWS::EMR::SecurityConfiguration
    Properties:
      SecurityConfiguration: !Ref Anything
  E:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: a
      OptionSettings: !Ref Anything
`;
    const result = analyse('cloudformation', text);
    const rules = ['ec2-imdsv2', 'ec2-ebs-encrypted', 'ec2-no-public-ip', 'ebs-volume-encrypted', 'ebs-volume-cmk', 'emr-security-configuration', 'eb-managed-platform-updates', 'eb-stream-logs'];
    assert.deepEqual(result.findings.filter((finding) => rules.includes(finding.ruleId)).map((finding) => finding.message), []);
    for (const [id, rule] of [['I', 'ec2-imdsv2'], ['I', 'ec2-ebs-encrypted'], ['I', 'ec2-no-public-ip'], ['V', 'ebs-volume-encrypted'], ['V', 'ebs-volume-cmk'], ['S', 'emr-security-configuration'], ['E', 'eb-managed-platform-updates'], ['E', 'eb-stream-logs']]) {
      assert.equal(statusOf(result, id, rule).status, 'cannot-be-checked', `${id} ${rule}`);
    }
  });

  test('Terraform: blocks given as expressions, unset variables, an unreadable exception range', () => {
    const text = `variable "options" {}
variable "volumes" {}
variable "port" {}
resource "aws_instance" "i" {
  ami              = "ami-1"
  metadata_options = var.options
  root_block_device = var.volumes
}
resource "aws_emr_security_configuration" "s" {
  configuration = var.options
}
resource "aws_emr_block_public_access_configuration" "b" {
  block_public_security_group_rules = true
  permitted_public_security_group_rule_range {
    min_range = var.port
    max_range = var.port
  }
}
`;
    const result = analyse('terraform', text);
    const rules = ['ec2-imdsv2', 'ec2-ebs-encrypted', 'emr-security-configuration', 'emr-block-public-access'];
    assert.deepEqual(result.findings.filter((finding) => rules.includes(finding.ruleId)).map((finding) => finding.message), []);
    for (const [id, rule] of [['aws_instance.i', 'ec2-imdsv2'], ['aws_instance.i', 'ec2-ebs-encrypted'], ['aws_emr_security_configuration.s', 'emr-security-configuration'], ['aws_emr_block_public_access_configuration.b', 'emr-block-public-access']]) {
      assert.equal(statusOf(result, id, rule).status, 'cannot-be-checked', `${id} ${rule}`);
    }
  });

  test('Terraform: several exception blocks are all read', () => {
    const text = `resource "aws_emr_block_public_access_configuration" "b" {\n  block_public_security_group_rules = true\n  permitted_public_security_group_rule_range {\n    min_range = 22\n    max_range = 22\n  }\n  permitted_public_security_group_rule_range {\n    min_range = 3389\n    max_range = 3389\n  }\n}\n`;
    const findings = findingsOf(analyse('terraform', text), 'emr-block-public-access');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /ports 3389-3389/);
  });
});
