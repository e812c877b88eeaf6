// A Terraform dynamic block whose for_each cannot be known may generate no block, one or several: its content's
// literals are not "addressed" (an unknown is never addressed), a bad literal in it is a gap only if blocks are
// generated ("depends"), and a list read through it cannot be said to hold none of a kind.
// The fixtures test/fixtures/cases/rules/tf-dynamic-unknown-for-each/main.tf and tf-cloudfront-origin-unknown-domain/main.tf
// (an origin whose kind cannot be read, through its domain) say in their top comment what should happen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

const source = readFileSync('test/fixtures/cases/rules/tf-dynamic-unknown-for-each/main.tf', 'utf8');

function analyse(text: string): FileAnalysis {
  return analyseExample('terraform', 'main.tf', text);
}

function status(result: FileAnalysis, resource: string, ruleId: string) {
  const found = result.resources.find((candidate) => candidate.id === resource)?.responsibilities.find((responsibility) => responsibility.ruleIds.includes(ruleId));
  assert.ok(found, `${resource} should have a status from ${ruleId}`);
  return found;
}

function findings(result: FileAnalysis, resource: string, ruleId: string) {
  return result.findings.filter((finding) => finding.ruleId === ruleId && finding.resource.id === resource);
}

describe('tf-dynamic-unknown-for-each', () => {
  const result = analyse(source);

  test('no internal error', () => {
    assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')), []);
  });

  test('a compliant literal inside the content is not addressed: cannot be checked, naming the for_each', () => {
    const logs = status(result, 'aws_lb.intake', 'alb-access-logs');
    assert.equal(logs.status, 'cannot-be-checked');
    assert.ok(logs.detail.includes('dynamic "access_logs"') && logs.detail.includes('var.log_targets'), logs.detail);
    assert.deepEqual(findings(result, 'aws_lb.intake', 'alb-access-logs'), []);
    assert.equal(status(result, 'aws_opensearch_domain.search', 'opensearch-at-rest').status, 'cannot-be-checked');
    assert.deepEqual(findings(result, 'aws_opensearch_domain.search', 'opensearch-at-rest'), []);
  });

  test('a bad literal inside the content is a gap only if blocks are generated: depends, information', () => {
    const [nodeToNode, ...rest] = findings(result, 'aws_opensearch_domain.search', 'opensearch-node-to-node');
    assert.deepEqual(rest, []);
    assert.ok(nodeToNode, 'a depends finding');
    assert.equal(nodeToNode.severity, 'info');
    assert.ok(nodeToNode.message.startsWith('Depends on the deployment: node_to_node_encryption.enabled is false'), nodeToNode.message);
    assert.equal(source.slice(nodeToNode.range.start, nodeToNode.range.end), 'false');
  });

  test('origins and the viewer certificate read through such a block cannot be checked, said in words', () => {
    const oac = status(result, 'aws_cloudfront_distribution.site', 'cloudfront-s3-oac');
    assert.equal(oac.status, 'cannot-be-checked', oac.detail);
    assert.ok(oac.detail.includes('an S3 origin'), oac.detail);
    const transit = status(result, 'aws_cloudfront_distribution.site', 'cloudfront-min-tls');
    assert.equal(transit.status, 'cannot-be-checked');
    assert.ok(transit.detail.includes('dynamic "viewer_certificate"'), transit.detail);
    assert.ok(!transit.detail.includes('IacHints::'), transit.detail);
  });

  test('variants: a known for_each still decides (empty: no block; one element: the content)', () => {
    const empty = analyse(source.replace('for_each = var.log_targets\n    content {\n      bucket', 'for_each = []\n    content {\n      bucket'));
    assert.equal(status(empty, 'aws_lb.intake', 'alb-access-logs').status, 'missed');
    const one = analyse(source.replace('for_each = var.log_targets\n    content {\n      bucket', 'for_each = [{ bucket = "logs" }]\n    content {\n      bucket'));
    assert.equal(status(one, 'aws_lb.intake', 'alb-access-logs').status, 'addressed');
    const known = analyse(source.replace(/variable "log_targets" \{\n {2}type = [^\n]+\n\}/, 'variable "log_targets" {\n  default = [{ bucket = "logs" }]\n}'));
    assert.equal(status(known, 'aws_opensearch_domain.search', 'opensearch-at-rest').status, 'addressed');
    assert.equal(findings(known, 'aws_opensearch_domain.search', 'opensearch-node-to-node')[0]?.severity, 'warning');
  });

  test('variants: other blocks of other rules (metadata_options, vpc_config, versioning)', () => {
    const text = [
      'variable "x" {', '  type = any', '}',
      'resource "aws_instance" "node" {', '  ami = "ami-0a9b8c7d6e5f40312"', '  instance_type = "t3.micro"',
      '  dynamic "metadata_options" {', '    for_each = var.x', '    content {', '      http_tokens = "required"', '    }', '  }', '}',
      'resource "aws_eks_cluster" "k" {', '  name = "k"', '  role_arn = "arn:aws:iam::111122223333:role/k"',
      '  dynamic "vpc_config" {', '    for_each = var.x', '    content {', '      subnet_ids = ["subnet-1"]', '      endpoint_public_access = false', '      endpoint_private_access = true', '    }', '  }', '}',
      'resource "aws_s3_bucket" "b" {', '  bucket = "b"', '  dynamic "versioning" {', '    for_each = var.x', '    content {', '      enabled = true', '    }', '  }', '}', '',
    ].join('\n');
    const other = analyse(text);
    assert.equal(status(other, 'aws_instance.node', 'ec2-imdsv2').status, 'cannot-be-checked');
    assert.equal(status(other, 'aws_eks_cluster.k', 'eks-endpoint-private').status, 'cannot-be-checked');
    assert.notEqual(status(other, 'aws_s3_bucket.b', 's3-versioning').status, 'addressed');
    assert.deepEqual(findings(other, 'aws_s3_bucket.b', 's3-versioning'), []);
  });
});

describe('tf-cloudfront-origin-unknown-domain', () => {
  const origin = readFileSync('test/fixtures/cases/rules/tf-cloudfront-origin-unknown-domain/main.tf', 'utf8');

  test('an origin without a config block whose domain cannot be read may be S3: cannot be checked, not "No S3 origin"', () => {
    const result = analyse(origin);
    const assets = status(result, 'aws_cloudfront_distribution.assets', 'cloudfront-s3-oac');
    assert.equal(assets.status, 'cannot-be-checked', assets.detail);
    assert.ok(assets.detail.includes('domain_name is var.assets_origin_domain') && assets.detail.includes('may be an S3 origin'), assets.detail);
    assert.deepEqual(findings(result, 'aws_cloudfront_distribution.assets', 'cloudfront-s3-oac'), []);
    assert.equal(status(result, 'aws_cloudfront_distribution.app', 'cloudfront-s3-oac').status, 'not-applicable');
  });

  test('variants: an S3 domain is judged (finding); origin access control set is addressed; a custom_origin_config is not S3', () => {
    const s3 = analyse(origin.replace('variable "assets_origin_domain" {\n  type = string\n}', 'variable "assets_origin_domain" {\n  type    = string\n  default = "assets-7731.s3.eu-west-1.amazonaws.com"\n}'));
    assert.equal(findings(s3, 'aws_cloudfront_distribution.assets', 'cloudfront-s3-oac').length, 1);
    const oac = analyse(origin.replace('    origin_id   = "assets"\n', '    origin_id   = "assets"\n    origin_access_control_id = "E2QWRUHAPOMQZL"\n'));
    assert.equal(status(oac, 'aws_cloudfront_distribution.assets', 'cloudfront-s3-oac').status, 'addressed');
    const custom = analyse(origin.replace('    origin_id   = "assets"\n', '    origin_id   = "assets"\n    custom_origin_config {\n      http_port              = 80\n      https_port             = 443\n      origin_protocol_policy = "https-only"\n      origin_ssl_protocols   = ["TLSv1.2"]\n    }\n'));
    assert.equal(status(custom, 'aws_cloudfront_distribution.assets', 'cloudfront-s3-oac').status, 'not-applicable');
  });
});
