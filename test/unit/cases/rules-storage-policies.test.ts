// Wrong verdicts found on realistic code (round 3c): the deprecated inline policy of aws_s3_bucket read like
// aws_s3_bucket_policy; a bucket whose Block Public Access block cannot be read is cannot be checked; an MSK cluster
// without client authentication admits clients unauthenticated.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileAnalysis, Finding } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

function terraform(text: string): FileAnalysis {
  return analyseExample('terraform', 'main.tf', text);
}

function cloudformation(text: string): FileAnalysis {
  return analyseExample('cloudformation', 'template.yaml', `AWSTemplateFormatVersion: "2010-09-09"\n${text}`);
}

function of(result: FileAnalysis, ruleId: string, resource?: string): Finding[] {
  return result.findings.filter((finding) => finding.ruleId === ruleId && (resource === undefined || finding.resource.id === resource));
}

function entry(result: FileAnalysis, resource: string, item: string) {
  return result.resources.find((summary) => summary.id === resource)?.responsibilities.find((candidate) => candidate.item === item);
}

const TLS_DENY = `jsonencode({
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::data", "arn:aws:s3:::data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })`;

describe('inline policy of aws_s3_bucket', () => {
  test('a heredoc inline policy denying plain HTTP addresses s3-tls-only-policy', () => {
    const result = terraform(`resource "aws_s3_bucket" "data" {
  bucket = "data"
  policy = <<POLICY
{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::data", "arn:aws:s3:::data/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
POLICY
}
`);
    assert.deepEqual(of(result, 's3-tls-only-policy'), []);
    assert.equal(entry(result, 'aws_s3_bucket.data', 'data-in-transit')?.status, 'addressed');
  });

  test('an inline policy from a variable without a value: cannot be checked, not a finding', () => {
    const result = terraform('variable "policy" {}\nresource "aws_s3_bucket" "data" {\n  bucket = "data"\n  policy = var.policy\n}\n');
    assert.deepEqual(of(result, 's3-tls-only-policy'), []);
    assert.deepEqual(of(result, 's3-policy-no-public-principal'), []);
    assert.equal(entry(result, 'aws_s3_bucket.data', 'data-in-transit')?.status, 'cannot-be-checked');
    assert.equal(entry(result, 'aws_s3_bucket.data', 'public-access')?.status, 'cannot-be-checked');
  });

  test('a public Allow next to the TLS Deny inline is reported once, on the bucket\'s policy', () => {
    const result = terraform(`resource "aws_s3_bucket" "data" {
  bucket = "data"
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::data/*" },
      { Effect = "Deny", Principal = "*", Action = "s3:*", Resource = ["arn:aws:s3:::data/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } },
    ]
  })
}
`);
    assert.deepEqual(of(result, 's3-tls-only-policy'), []);
    const found = of(result, 's3-policy-no-public-principal', 'aws_s3_bucket.data');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /inline bucket policy of bucket aws_s3_bucket\.data/);
  });

  test('a jsonencode inline policy with the Deny: data in transit addressed', () => {
    const result = terraform(`resource "aws_s3_bucket" "data" {
  bucket = "data"
  policy = ${TLS_DENY}
}
`);
    assert.equal(entry(result, 'aws_s3_bucket.data', 'data-in-transit')?.status, 'addressed');
  });
});

describe('s3-block-public-access: a block that cannot be read', () => {
  test('flags from a variable without a value: the bucket is cannot be checked, not addressed', () => {
    const result = terraform(`variable "flag" {
  type = bool
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
resource "aws_s3_bucket_public_access_block" "b" {
  bucket                  = aws_s3_bucket.b.id
  block_public_acls       = var.flag
  block_public_policy     = var.flag
  ignore_public_acls      = var.flag
  restrict_public_buckets = var.flag
}
`);
    assert.deepEqual(of(result, 's3-block-public-access'), []);
    const bucket = entry(result, 'aws_s3_bucket.b', 'public-access');
    assert.equal(bucket?.status, 'cannot-be-checked');
    assert.match(bucket?.detail ?? '', /aws_s3_bucket_public_access_block\.b cannot be read: block_public_acls is var\.flag/);
    assert.equal(entry(result, 'aws_s3_bucket_public_access_block.b', 'public-access')?.status, 'cannot-be-checked');
  });
});

describe('msk-no-unauthenticated: no client authentication', () => {
  test('CloudFormation: TLS client authentication on, Unauthenticated not set: no finding', () => {
    const result = cloudformation('Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClientAuthentication:\n        Tls:\n          Enabled: true\n');
    assert.deepEqual(of(result, 'msk-no-unauthenticated'), []);
  });

  test('CloudFormation: every scheme turned off and Unauthenticated not set: reported', () => {
    const result = cloudformation('Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClientAuthentication:\n        Sasl:\n          Iam:\n            Enabled: false\n');
    assert.equal(of(result, 'msk-no-unauthenticated').length, 1);
  });

  test('CloudFormation: the scheme from a parameter without a value: cannot be checked', () => {
    const result = cloudformation('Parameters:\n  Iam:\n    Type: String\nResources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClientAuthentication:\n        Sasl:\n          Iam:\n            Enabled: !Ref Iam\n');
    assert.deepEqual(of(result, 'msk-no-unauthenticated'), []);
    assert.equal(entry(result, 'Kafka', 'identity-access')?.status, 'cannot-be-checked');
  });
});
