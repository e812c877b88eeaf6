// Design fixes (rules/support/designFixes.ts, issue 12): several related values or a companion resource, with the
// parameters or variables whose values cannot be known. Exact texts through the analyzer, as an editor gets them:
// a companion-only CloudFormation fix declares its parameter, a Terraform-only companion declares its variable (once),
// and no fix is offered where the companion's address is taken.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { preferredFix } from '../helpers/fixOutcome';

describe('CloudFormation: a companion with a parameter, no setting on the resource', () => {
  test('YAML: the parameter before Resources, the logging configuration after the web ACL', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Acl:\n    Type: AWS::WAFv2::WebACL\n    Properties:\n      Scope: REGIONAL\n';
    const result = preferredFix('t.yaml', text, 'waf-logging');
    assert.equal(result?.text, 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  WafLogDestinationArn:\n    Type: String\n    Description: "ARN of the log destination for the web ACL (a log group, bucket or Firehose stream whose name starts with aws-waf-logs-)"\nResources:\n  Acl:\n    Type: AWS::WAFv2::WebACL\n    Properties:\n      Scope: REGIONAL\n  AclLogging:\n    Type: AWS::WAFv2::LoggingConfiguration\n    Properties:\n      ResourceArn: !GetAtt Acl.Arn\n      LogDestinationConfigs:\n        - !Ref WafLogDestinationArn\n');
    assert.match(result.title, /billed/);
  });
  test('JSON: the flow log as whole lines, the parameter declared', () => {
    const text = '{\n  "Resources": {\n    "Vpc": {\n      "Type": "AWS::EC2::VPC",\n      "Properties": {\n        "CidrBlock": "10.0.0.0/16"\n      }\n    }\n  }\n}\n';
    const result = preferredFix('t.json', text, 'vpc-flow-logs');
    assert.ok(result);
    const template = JSON.parse(result.text) as { Parameters: Record<string, unknown>; Resources: Record<string, { Properties: unknown }> };
    assert.deepEqual(template.Parameters.FlowLogBucketArn, { Type: 'String', Description: 'ARN of the S3 bucket (optionally with a folder, arn:aws:s3:::bucket/folder) that receives the VPC flow logs' });
    assert.deepEqual(template.Resources.VpcFlowLog.Properties, { ResourceId: { Ref: 'Vpc' }, ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: { Ref: 'FlowLogBucketArn' } });
  });
  test('an existing parameter of that name is reused, not declared again', () => {
    const text = 'Parameters:\n  WebAclArn:\n    Type: String\nResources:\n  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n';
    assert.equal(preferredFix('t.yaml', text, 'alb-waf')?.text, `${text}  LbWebAcl:\n    Type: AWS::WAFv2::WebACLAssociation\n    Properties:\n      ResourceArn: !Ref Lb\n      WebACLArn: !Ref WebAclArn\n`);
  });
});

describe('Terraform: a companion only in Terraform, with its variable', () => {
  test('aws_s3_bucket_logging after the bucket, then the variable', () => {
    const text = 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n';
    assert.equal(preferredFix('main.tf', text, 's3-access-logging')?.text,
      'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n\nresource "aws_s3_bucket_logging" "data_logging" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = var.access_log_bucket_name\n  target_prefix = "data/"\n}\n\nvariable "access_log_bucket_name" {\n  description = "Name of the bucket that receives the server access logs (another bucket, whose policy lets logging.s3.amazonaws.com write)"\n  type        = string\n}\n');
  });
  test('a variable the module declares is used as it is', () => {
    const text = 'variable "flow_log_bucket_arn" {\n  type = string\n}\n\nresource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n';
    assert.equal(preferredFix('main.tf', text, 'vpc-flow-logs')?.text,
      `${text}\nresource "aws_flow_log" "main_flow_log" {\n  vpc_id               = aws_vpc.main.id\n  traffic_type         = "ALL"\n  log_destination_type = "s3"\n  log_destination      = var.flow_log_bucket_arn\n}\n`);
  });
  test('a split resource with several arguments and no variable (safe)', () => {
    const text = 'resource "aws_backup_vault" "main" {\n  name = "main"\n}\n';
    assert.equal(preferredFix('main.tf', text, 'backup-vault-lock')?.text,
      `${text}\nresource "aws_backup_vault_lock_configuration" "main_lock" {\n  backup_vault_name  = aws_backup_vault.main.name\n  min_retention_days = 1\n}\n`);
  });
  test('no fix where the companion\'s address is taken', () => {
    const text = 'resource "aws_secretsmanager_secret" "db" {\n  name = "db"\n}\n\nresource "aws_secretsmanager_secret_rotation" "db_rotation" {\n  secret_id = "other"\n}\n';
    assert.equal(preferredFix('main.tf', text, 'secret-rotation'), undefined);
  });
});
