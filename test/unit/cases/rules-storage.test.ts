// Rule cases of the storage and analytics families (test/fixtures/cases/rules/<case>/, each fixture's top
// comment says what should happen), plus variants of the same faults: Terraform readings that used the
// CloudFormation vocabulary (canned ACL spellings, inline versioning), dropped explicit ACL grants, and the
// legacy aws_elasticsearch_domain / AWS::Elasticsearch::Domain types.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis, Finding } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

const CASES = 'test/fixtures/cases/rules';

function analyseCase(name: string): { text: string; result: FileAnalysis } {
  const text = readFileSync(`${CASES}/${name}/main.tf`, 'utf8');
  return { text, result: analyseExample('terraform', 'main.tf', text) };
}

function terraform(text: string): FileAnalysis {
  return analyseExample('terraform', 'main.tf', text);
}

function cloudformation(text: string): FileAnalysis {
  return analyseExample('cloudformation', 'template.yaml', `AWSTemplateFormatVersion: "2010-09-09"\n${text}`);
}

function of(result: FileAnalysis, ruleId: string, resource?: string): Finding[] {
  return result.findings.filter((finding) => finding.ruleId === ruleId && (resource === undefined || finding.resource.id === resource));
}

/** 1-based line and the text of a finding's range. */
function where(result: FileAnalysis, text: string, finding: Finding): { line: number; text: string } {
  return { line: result.lineIndex.positionAt(finding.range.start).line + 1, text: text.slice(finding.range.start, finding.range.end) };
}

function status(result: FileAnalysis, resource: string, item: string): string | undefined {
  return result.resources.find((summary) => summary.id === resource)?.responsibilities.find((entry) => entry.item === item)?.status;
}

describe('case tf-s3-acl-grants', () => {
  test('a grant to AuthenticatedUsers in aws_s3_bucket_acl access_control_policy is an error on the bucket', () => {
    const { text, result } = analyseCase('tf-s3-acl-grants');
    const findings = of(result, 's3-acl-not-public');
    assert.equal(findings.length, 1, findings.map((finding) => finding.message).join('\n'));
    const [finding] = findings;
    assert.equal(finding.resource.id, 'aws_s3_bucket.shared_drop');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(where(result, text, finding), { line: 8, text: '"shared_drop"' });
    assert.match(finding.message, /aws_s3_bucket_acl\.shared_drop grants WRITE to the AuthenticatedUsers group \(any AWS account\)/);
    assert.equal(finding.related.length, 1);
    assert.equal(result.lineIndex.positionAt(finding.related[0].range.start).line + 1, 22, 'points at the grantee uri');
    assert.equal(status(result, 'aws_s3_bucket.shared_drop', 'public-access'), 'missed');
  });
});

describe('case tf-reader-drops-cfn-logic (S3 buckets)', () => {
  const { text, result } = analyseCase('tf-reader-drops-cfn-logic');
  test('aws_s3_bucket.gallery: aws_s3_bucket_acl "public-read-write" is an error on the bucket', () => {
    const findings = of(result, 's3-acl-not-public', 'aws_s3_bucket.gallery');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'error');
    assert.deepEqual(where(result, text, findings[0]), { line: 17, text: '"gallery"' });
    assert.match(findings[0].message, /aws_s3_bucket_acl\.gallery: acl is 'public-read-write'/);
  });
  test('aws_s3_bucket.ledger_v3: inline acl "authenticated-read" is an error on the value', () => {
    const findings = of(result, 's3-acl-not-public', 'aws_s3_bucket.ledger_v3');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'error');
    assert.deepEqual(where(result, text, findings[0]), { line: 28, text: '"authenticated-read"' });
    assert.match(findings[0].message, /acl is 'authenticated-read'/);
  });
  test('aws_s3_bucket.archive_v3: inline versioning { enabled = true } turns versioning on', () => {
    assert.deepEqual(of(result, 's3-versioning', 'aws_s3_bucket.archive_v3'), []);
  });
});

describe('case tf-alias-resource-types (aws_elasticsearch_domain)', () => {
  const { text, result } = analyseCase('tf-alias-resource-types');
  const domain = 'aws_elasticsearch_domain.search_legacy';
  test('opensearch-at-rest: encrypt_at_rest disabled', () => {
    const findings = of(result, 'opensearch-at-rest', domain);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'warning');
    assert.deepEqual(where(result, text, findings[0]), { line: 52, text: 'false' });
    assert.match(findings[0].message, /encrypt_at_rest\.enabled is false/);
  });
  test('opensearch-node-to-node: node_to_node_encryption disabled', () => {
    const findings = of(result, 'opensearch-node-to-node', domain);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'warning');
    assert.deepEqual(where(result, text, findings[0]), { line: 56, text: 'false' });
    assert.match(findings[0].message, /node_to_node_encryption\.enabled is false/);
  });
  test('no CloudFormation property names in the Terraform messages of the domain', () => {
    for (const finding of result.findings.filter((candidate) => candidate.resource.id === domain)) {
      assert.doesNotMatch(finding.message, /VPCOptions|LogPublishingOptions|EncryptionAtRestOptions|NodeToNodeEncryptionOptions|DomainEndpointOptions/, finding.message);
    }
  });
});

describe('variants: S3 canned ACLs in both formats', () => {
  const cannedAcls: ReadonlyArray<readonly [string, string, boolean]> = [
    ['Private', 'private', false],
    ['PublicRead', 'public-read', true],
    ['PublicReadWrite', 'public-read-write', true],
    ['AuthenticatedRead', 'authenticated-read', true],
    ['AwsExecRead', 'aws-exec-read', false],
    ['LogDeliveryWrite', 'log-delivery-write', false],
    ['BucketOwnerRead', 'bucket-owner-read', false],
    ['BucketOwnerFullControl', 'bucket-owner-full-control', false],
  ];
  for (const [cfn, tf, isPublic] of cannedAcls) {
    test(`${cfn} / ${tf}: ${isPublic ? 'an error' : 'fine'} in CloudFormation, inline and in aws_s3_bucket_acl`, () => {
      const results = [
        cloudformation(`Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: ${cfn}\n`),
        terraform(`resource "aws_s3_bucket" "data" {\n  acl = "${tf}"\n}\n`),
        terraform(`resource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket_acl" "data" {\n  bucket = aws_s3_bucket.data.id\n  acl    = "${tf}"\n}\n`),
      ];
      for (const result of results) {
        const findings = of(result, 's3-acl-not-public');
        assert.equal(findings.length, isPublic ? 1 : 0, `${result.path}: ${findings.map((finding) => finding.message).join('; ')}`);
        if (isPublic) assert.equal(findings[0].severity, 'error');
      }
    });
  }
  test('an inline acl finding offers no fix that would add aws_s3_bucket_acl beside it; the missing-resource finding does', () => {
    const [inline] = of(terraform('resource "aws_s3_bucket" "data" {\n  acl = "public-read"\n}\n'), 's3-acl-not-public');
    assert.equal(inline.fixId, undefined);
    const [missing] = of(terraform('resource "aws_s3_bucket" "data" {}\n'), 's3-versioning');
    assert.equal(missing.fixId, 'set-VersioningConfiguration-Status');
  });
  test('a canned ACL from a variable without a value cannot be checked (not addressed, no finding)', () => {
    const result = terraform('variable "acl" {}\nresource "aws_s3_bucket" "data" {\n  acl = var.acl\n}\n');
    assert.deepEqual(of(result, 's3-acl-not-public'), []);
    assert.equal(status(result, 'aws_s3_bucket.data', 'public-access'), 'cannot-be-checked');
  });
});

describe('variants: S3 ACL grants', () => {
  const grant = (uri: string) => `data "aws_canonical_user_id" "me" {}\nresource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket_acl" "data" {\n  bucket = aws_s3_bucket.data.id\n  access_control_policy {\n    owner {\n      id = data.aws_canonical_user_id.me.id\n    }\n    grant {\n      grantee {\n        type = "Group"\n        uri  = ${uri}\n      }\n      permission = "READ"\n    }\n  }\n}\n`;
  test('AllUsers in access_control_policy: an error', () => {
    const findings = of(terraform(grant('"http://acs.amazonaws.com/groups/global/AllUsers"')), 's3-acl-not-public');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /grants READ to the AllUsers group \(everyone\)/);
  });
  test('the LogDelivery group: fine', () => {
    assert.deepEqual(of(terraform(grant('"http://acs.amazonaws.com/groups/s3/LogDelivery"')), 's3-acl-not-public'), []);
  });
  test('a grantee uri that cannot be read: cannot be checked', () => {
    const result = terraform(`variable "uri" {}\n${grant('var.uri')}`);
    assert.deepEqual(of(result, 's3-acl-not-public'), []);
    assert.equal(status(result, 'aws_s3_bucket.data', 'public-access'), 'cannot-be-checked');
  });
  test('inline grant blocks of aws_s3_bucket: AuthenticatedUsers is an error on the uri', () => {
    const text = 'resource "aws_s3_bucket" "data" {\n  grant {\n    type        = "Group"\n    uri         = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"\n    permissions = ["READ", "WRITE"]\n  }\n}\n';
    const result = terraform(text);
    const findings = of(result, 's3-acl-not-public');
    assert.equal(findings.length, 1);
    assert.deepEqual(where(result, text, findings[0]), { line: 4, text: '"http://acs.amazonaws.com/groups/global/AuthenticatedUsers"' });
    assert.match(findings[0].message, /grants READ, WRITE to the AuthenticatedUsers group/);
  });
});

describe('variants: S3 versioning forms', () => {
  const split = (status: string) => `resource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "${status}"\n  }\n}\n`;
  test('aws_s3_bucket_versioning Enabled: fine; Suspended and Disabled: reported on the bucket', () => {
    assert.deepEqual(of(terraform(split('Enabled')), 's3-versioning'), []);
    for (const value of ['Suspended', 'Disabled']) {
      const findings = of(terraform(split(value)), 's3-versioning');
      assert.equal(findings.length, 1, value);
      assert.match(findings[0].message, new RegExp(`versioning_configuration.status is '${value}'`));
    }
  });
  test('inline versioning { enabled = true }: fine; enabled = false: reported; enabled = var.x (no value): cannot be checked', () => {
    assert.deepEqual(of(terraform('resource "aws_s3_bucket" "data" {\n  versioning {\n    enabled = true\n  }\n}\n'), 's3-versioning'), []);
    assert.equal(of(terraform('resource "aws_s3_bucket" "data" {\n  versioning {\n    enabled = false\n  }\n}\n'), 's3-versioning').length, 1);
    // object_lock_enabled keeps the other rule of the item (s3-object-lock) out of the status.
    const unknown = terraform('variable "on" {}\nresource "aws_s3_bucket" "data" {\n  object_lock_enabled = true\n  versioning {\n    enabled = var.on\n  }\n}\n');
    assert.deepEqual(of(unknown, 's3-versioning'), []);
    assert.equal(status(unknown, 'aws_s3_bucket.data', 'integrity-versioning'), 'cannot-be-checked');
  });
});

describe('variants: AWS::Elasticsearch::Domain in CloudFormation', () => {
  test('the same findings as AWS::OpenSearchService::Domain', () => {
    for (const type of ['AWS::Elasticsearch::Domain', 'AWS::OpenSearchService::Domain']) {
      const result = cloudformation(`Resources:\n  Search:\n    Type: ${type}\n    Properties:\n      EncryptionAtRestOptions: { Enabled: false }\n      NodeToNodeEncryptionOptions: { Enabled: false }\n`);
      assert.equal(of(result, 'opensearch-at-rest').length, 1, type);
      assert.equal(of(result, 'opensearch-node-to-node').length, 1, type);
      assert.equal(of(result, 'opensearch-at-rest')[0].severity, 'warning');
    }
  });
});

describe('variants: other Terraform readings in their own vocabulary', () => {
  test('Firehose: server_side_encryption { enabled = true } is SSE (not compared with the CloudFormation key types)', () => {
    const result = terraform('resource "aws_kinesis_firehose_delivery_stream" "delivery" {\n  name        = "events"\n  destination = "extended_s3"\n  server_side_encryption {\n    enabled = true\n  }\n}\n');
    assert.deepEqual(of(result, 'firehose-sse'), []);
    assert.equal(status(result, 'aws_kinesis_firehose_delivery_stream.delivery', 'data-at-rest-encryption'), 'addressed');
  });
  test('Amazon MQ: the RabbitMQ and managed-version skips hold in Terraform too', () => {
    const result = terraform('resource "aws_mq_broker" "broker" {\n  broker_name                = "orders"\n  engine_type                = "RabbitMQ"\n  engine_version             = "3.13"\n  auto_minor_version_upgrade = false\n}\n');
    assert.deepEqual(of(result, 'mq-audit-logs'), []);
    assert.deepEqual(of(result, 'mq-auto-minor'), []);
  });
  test('a log bucket is exempt from access logging and the CMK hint in Terraform too', () => {
    const result = terraform('resource "aws_s3_bucket" "logs" {}\nresource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n}\n');
    assert.deepEqual(of(result, 's3-access-logging', 'aws_s3_bucket.logs'), []);
    assert.deepEqual(of(result, 's3-kms-cmk', 'aws_s3_bucket.logs'), []);
    assert.equal(of(result, 's3-kms-cmk', 'aws_s3_bucket.data').length, 1);
  });
  test('EFS access point: root_directory "/" is reported in Terraform as in CloudFormation', () => {
    const text = 'resource "aws_efs_access_point" "app" {\n  file_system_id = "fs-1"\n  posix_user {\n    uid = 1000\n    gid = 1000\n  }\n  root_directory {\n    path = "/"\n  }\n}\n';
    const result = terraform(text);
    const findings = of(result, 'efs-access-point-identity');
    assert.equal(findings.length, 1);
    assert.deepEqual(where(result, text, findings[0]), { line: 8, text: '"/"' });
  });
});

describe('variants: ECR registry-level scanning', () => {
  const registry = (filter: string) => `resource "aws_ecr_registry_scanning_configuration" "scanning" {\n  scan_type = "ENHANCED"\n  rule {\n    scan_frequency = "SCAN_ON_PUSH"\n    repository_filter {\n      filter      = "${filter}"\n      filter_type = "WILDCARD"\n    }\n  }\n}\nresource "aws_ecr_repository" "repo" {\n  name = "app"\n}\n`;
  test('a filter that does not match keeps the repository finding; one that cannot be read makes it cannot be checked', () => {
    assert.equal(of(terraform(registry('other-*')), 'ecr-scan-on-push').length, 1, 'a filter for other repositories: the repository setting decides');
    assert.equal(of(terraform(registry('*')), 'ecr-scan-on-push').length, 0);
    const result = terraform(`variable "f" {}\n${registry('${var.f}')}`);
    assert.deepEqual(of(result, 'ecr-scan-on-push'), []);
    assert.equal(status(result, 'aws_ecr_repository.repo', 'os-platform-patching'), 'cannot-be-checked');
  });
});

describe('variants: values that cannot be read are never addressed', () => {
  test('s3-block-public-access: PublicAccessBlockConfiguration from a parameter without a value', () => {
    const result = cloudformation('Parameters:\n  Block:\n    Type: String\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: !Ref Block\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n      AccessControl: Private\n');
    assert.deepEqual(of(result, 's3-block-public-access'), []);
    assert.equal(status(result, 'Data', 'public-access'), 'cannot-be-checked');
  });
  test('s3-block-public-access: a Terraform flag from a variable without a value', () => {
    const result = terraform('variable "block" {}\nresource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = var.block\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n');
    assert.deepEqual(of(result, 's3-block-public-access'), []);
    assert.equal(status(result, 'aws_s3_bucket_public_access_block.data', 'public-access'), 'cannot-be-checked');
  });
  test('s3-tls-only-policy: a bucket policy document that cannot be read', () => {
    const result = terraform('variable "policy" {}\nresource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = var.policy\n}\n');
    assert.deepEqual(of(result, 's3-tls-only-policy'), []);
    assert.equal(status(result, 'aws_s3_bucket.data', 'data-in-transit'), 'cannot-be-checked');
  });
  test('opensearch-https-tls: any policy with TLS 1.2 as the minimum passes', () => {
    for (const policy of ['Policy-Min-TLS-1-2-2019-07', 'Policy-Min-TLS-1-2-PFS-2023-10']) {
      const result = terraform(`resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  domain_endpoint_options {\n    tls_security_policy = "${policy}"\n  }\n}\n`);
      assert.deepEqual(of(result, 'opensearch-https-tls'), [], policy);
    }
  });
});

describe('variants: one unreadable half of a two-part duty', () => {
  test('msk-in-transit: client_broker TLS but in_cluster unknown is cannot be checked', () => {
    const result = terraform('variable "in_cluster" {}\nresource "aws_msk_cluster" "kafka" {\n  cluster_name = "events"\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS"\n      in_cluster    = var.in_cluster\n    }\n  }\n}\n');
    assert.deepEqual(of(result, 'msk-in-transit'), []);
    assert.equal(status(result, 'aws_msk_cluster.kafka', 'data-in-transit'), 'cannot-be-checked');
  });
  test('efs-access-point-identity: posix_user set, root directory unknown is cannot be checked', () => {
    const result = terraform('variable "root" {}\nresource "aws_efs_access_point" "app" {\n  file_system_id = "fs-1"\n  posix_user {\n    uid = 1000\n    gid = 1000\n  }\n  root_directory {\n    path = var.root\n  }\n}\n');
    assert.deepEqual(of(result, 'efs-access-point-identity'), []);
    assert.equal(status(result, 'aws_efs_access_point.app', 'identity-access'), 'cannot-be-checked');
  });
});

describe('variants: s3-tls-only-policy with a module written elsewhere', () => {
  test('a Rain module beside the bucket may be its policy: cannot be checked', () => {
    const result = cloudformation('Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  DataAccess:\n    Type: !Rain::Module "bucket-policy.yaml"\n    Properties:\n      PolicyBucketName: data\n');
    assert.deepEqual(of(result, 's3-tls-only-policy'), []);
    assert.equal(status(result, 'Data', 'data-in-transit'), 'cannot-be-checked');
  });
});
