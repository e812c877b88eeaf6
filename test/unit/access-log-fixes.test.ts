// Load balancer access-log fixes (issue 12): logging is turned on where the load balancer names a log bucket, and
// the bucket is added as a new parameter or variable only where it names none. Exact texts through the analyzer,
// in YAML, JSON and HCL.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { preferredFix } from '../helpers/fixOutcome';

const ALB_YAML = 'Resources:\n  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n';
const ALB_YAML_BUCKET = 'Resources:\n  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      LoadBalancerAttributes:\n        - Key: access_logs.s3.bucket\n          Value: my-logs\n        - Key: access_logs.s3.enabled\n          Value: "false"\n';
const ALB_JSON = '{\n  "Resources": {\n    "Lb": {\n      "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",\n      "Properties": {\n        "Subnets": ["subnet-1", "subnet-2"]\n      }\n    }\n  }\n}\n';
const ALB_TF = 'resource "aws_lb" "main" {\n  subnets = ["subnet-1", "subnet-2"]\n}\n';
const ALB_TF_BUCKET = 'resource "aws_lb" "main" {\n  access_logs {\n    bucket = "my-logs"\n  }\n}\n';
const CLB_YAML = 'Resources:\n  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "443"\n          Protocol: TCP\n';
const CLB_YAML_BUCKET = 'Resources:\n  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AccessLoggingPolicy:\n        Enabled: false\n        S3BucketName: my-logs\n';
const CLB_JSON = '{\n  "Resources": {\n    "Elb": {\n      "Type": "AWS::ElasticLoadBalancing::LoadBalancer",\n      "Properties": {\n        "Listeners": []\n      }\n    }\n  }\n}\n';
const CLB_TF = 'resource "aws_elb" "main" {\n  availability_zones = ["eu-west-1a"]\n}\n';
const CLB_TF_BUCKET = 'resource "aws_elb" "main" {\n  access_logs {\n    bucket  = "my-logs"\n    enabled = false\n  }\n}\n';

describe('load balancer access logs: the bucket added only where none is named', () => {
  test('alb-access-logs, YAML without a bucket: both attributes, the bucket a new parameter', () => {
    const result = preferredFix('t.yaml', ALB_YAML, 'alb-access-logs');
    assert.ok(result);
    assert.equal(result.text, "Parameters:\n  LoadBalancerLogBucketName:\n    Type: String\n    Description: \"Name of the S3 bucket (same Region) that receives the load balancer's access logs; its bucket policy must let Elastic Load Balancing write\"\nResources:\n  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      LoadBalancerAttributes:\n        - Key: access_logs.s3.enabled\n          Value: \"true\"\n        - Key: access_logs.s3.bucket\n          Value: !Ref LoadBalancerLogBucketName\n      Subnets: [subnet-1, subnet-2]\n");
    assert.match(result.title, /its value to fill in/);
    assert.match(result.title, /bucket's policy must let Elastic Load Balancing write.*billed, in S3/);
  });
  test('alb-access-logs, YAML naming a bucket: only enabled is set, the bucket kept', () => {
    const result = preferredFix('t.yaml', ALB_YAML_BUCKET, 'alb-access-logs');
    assert.ok(result);
    assert.equal(result.text, "Resources:\n  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      LoadBalancerAttributes:\n        - Key: access_logs.s3.bucket\n          Value: my-logs\n        - Key: access_logs.s3.enabled\n          Value: \"true\"\n");
    assert.match(result.title, /to the log bucket it names/);
    assert.match(result.title, /bucket's policy must let Elastic Load Balancing write.*billed, in S3/);
  });
  test('alb-access-logs, JSON without a bucket: both attributes, the parameter declared', () => {
    const result = preferredFix('t.json', ALB_JSON, 'alb-access-logs');
    assert.ok(result);
    assert.equal(result.text, "{\n  \"Parameters\": { \"LoadBalancerLogBucketName\": { \"Type\": \"String\", \"Description\": \"Name of the S3 bucket (same Region) that receives the load balancer's access logs; its bucket policy must let Elastic Load Balancing write\" } },\n  \"Resources\": {\n    \"Lb\": {\n      \"Type\": \"AWS::ElasticLoadBalancingV2::LoadBalancer\",\n      \"Properties\": {\n        \"LoadBalancerAttributes\": [\n          {\n            \"Key\": \"access_logs.s3.enabled\",\n            \"Value\": \"true\"\n          },\n          {\n            \"Key\": \"access_logs.s3.bucket\",\n            \"Value\": { \"Ref\": \"LoadBalancerLogBucketName\" }\n          }\n        ],\n        \"Subnets\": [\"subnet-1\", \"subnet-2\"]\n      }\n    }\n  }\n}\n");
    assert.match(result.title, /its value to fill in/);
    assert.match(result.title, /bucket's policy must let Elastic Load Balancing write.*billed, in S3/);
  });
  test('alb-access-logs, HCL without access_logs: the block with a new variable', () => {
    const result = preferredFix('main.tf', ALB_TF, 'alb-access-logs');
    assert.ok(result);
    assert.equal(result.text, "resource \"aws_lb\" \"main\" {\n  subnets = [\"subnet-1\", \"subnet-2\"]\n  access_logs {\n    bucket  = var.load_balancer_log_bucket_name\n    enabled = true\n  }\n}\n\nvariable \"load_balancer_log_bucket_name\" {\n  description = \"Name of the S3 bucket (same Region) that receives the load balancer's access logs; its bucket policy must let Elastic Load Balancing write\"\n  type        = string\n}\n");
    assert.match(result.title, /its value to fill in/);
    assert.match(result.title, /bucket's policy must let Elastic Load Balancing write.*billed, in S3/);
  });
  test('alb-access-logs, HCL naming a bucket: enabled = true only', () => {
    const result = preferredFix('main.tf', ALB_TF_BUCKET, 'alb-access-logs');
    assert.ok(result);
    assert.equal(result.text, "resource \"aws_lb\" \"main\" {\n  access_logs {\n    bucket = \"my-logs\"\n    enabled = true\n  }\n}\n");
    assert.match(result.title, /to the log bucket it names/);
    assert.match(result.title, /bucket's policy must let Elastic Load Balancing write.*billed, in S3/);
  });
  test('clb-access-logs, YAML without AccessLoggingPolicy: Enabled and S3BucketName a new parameter', () => {
    const result = preferredFix('t.yaml', CLB_YAML, 'clb-access-logs');
    assert.ok(result);
    assert.equal(result.text, "Parameters:\n  LoadBalancerLogBucketName:\n    Type: String\n    Description: \"Name of the S3 bucket (same Region) that receives the load balancer's access logs; its bucket policy must let Elastic Load Balancing write\"\nResources:\n  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AccessLoggingPolicy:\n        Enabled: true\n        S3BucketName: !Ref LoadBalancerLogBucketName\n      Listeners:\n        - LoadBalancerPort: \"443\"\n          InstancePort: \"443\"\n          Protocol: TCP\n");
    assert.match(result.title, /its value to fill in/);
    assert.match(result.title, /bucket's policy must let Elastic Load Balancing write.*billed, in S3/);
  });
  test('clb-access-logs, YAML naming a bucket: Enabled true only', () => {
    const result = preferredFix('t.yaml', CLB_YAML_BUCKET, 'clb-access-logs');
    assert.ok(result);
    assert.equal(result.text, "Resources:\n  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AccessLoggingPolicy:\n        Enabled: true\n        S3BucketName: my-logs\n");
    assert.match(result.title, /to the log bucket it names/);
    assert.match(result.title, /bucket's policy must let Elastic Load Balancing write.*billed, in S3/);
  });
  test('clb-access-logs, JSON without AccessLoggingPolicy: the policy with the parameter declared', () => {
    const result = preferredFix('t.json', CLB_JSON, 'clb-access-logs');
    assert.ok(result);
    assert.equal(result.text, "{\n  \"Parameters\": { \"LoadBalancerLogBucketName\": { \"Type\": \"String\", \"Description\": \"Name of the S3 bucket (same Region) that receives the load balancer's access logs; its bucket policy must let Elastic Load Balancing write\" } },\n  \"Resources\": {\n    \"Elb\": {\n      \"Type\": \"AWS::ElasticLoadBalancing::LoadBalancer\",\n      \"Properties\": {\n        \"AccessLoggingPolicy\": {\n          \"Enabled\": true,\n          \"S3BucketName\": { \"Ref\": \"LoadBalancerLogBucketName\" }\n        },\n        \"Listeners\": []\n      }\n    }\n  }\n}\n");
    assert.match(result.title, /its value to fill in/);
    assert.match(result.title, /bucket's policy must let Elastic Load Balancing write.*billed, in S3/);
  });
  test('clb-access-logs, HCL without access_logs: the block with a new variable', () => {
    const result = preferredFix('main.tf', CLB_TF, 'clb-access-logs');
    assert.ok(result);
    assert.equal(result.text, "resource \"aws_elb\" \"main\" {\n  availability_zones = [\"eu-west-1a\"]\n  access_logs {\n    bucket  = var.load_balancer_log_bucket_name\n    enabled = true\n  }\n}\n\nvariable \"load_balancer_log_bucket_name\" {\n  description = \"Name of the S3 bucket (same Region) that receives the load balancer's access logs; its bucket policy must let Elastic Load Balancing write\"\n  type        = string\n}\n");
    assert.match(result.title, /its value to fill in/);
    assert.match(result.title, /bucket's policy must let Elastic Load Balancing write.*billed, in S3/);
  });
  test('clb-access-logs, HCL naming a bucket: enabled = true only', () => {
    const result = preferredFix('main.tf', CLB_TF_BUCKET, 'clb-access-logs');
    assert.ok(result);
    assert.equal(result.text, "resource \"aws_elb\" \"main\" {\n  access_logs {\n    bucket  = \"my-logs\"\n    enabled = true\n  }\n}\n");
    assert.match(result.title, /to the log bucket it names/);
    assert.match(result.title, /bucket's policy must let Elastic Load Balancing write.*billed, in S3/);
  });
});
