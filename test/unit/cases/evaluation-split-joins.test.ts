// Split resources joined as Terraform joins them (test/fixtures/cases/evaluation; each fixture's top comment says
// what should happen), and variants of the same fault: a split setting (aws_s3_bucket_versioning, _logging,
// _public_access_block, aws_secretsmanager_secret_rotation, aws_flow_log...) that names its parent through a
// local, a variable, the parent's literal name, a reference through a local or `[0].id`, in .tf and .tf.json. A link
// that cannot be resolved is not a join, and the parent's duty is then "cannot be checked", never missed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

const CASES = join('test', 'fixtures', 'cases', 'evaluation');

function analyse(text: string, path = 'main.tf'): FileAnalysis {
  const result = analyseExample('terraform', path, text);
  assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message), []);
  return result;
}

/** [rule id, resource, severity, line] of every finding of the rules. */
function findings(result: FileAnalysis, ...ruleIds: string[]) {
  return result.findings.filter((finding) => ruleIds.includes(finding.ruleId)).map((finding) => [finding.ruleId, finding.resource?.id, finding.severity, result.lineIndex.positionAt(finding.range.start).line + 1]);
}

function statusOf(result: FileAnalysis, resource: string, ruleId: string) {
  const summary = result.resources.find((candidate) => candidate.id === resource);
  assert.ok(summary, `resource ${resource}`);
  const status = summary.responsibilities.find((responsibility) => responsibility.ruleIds.includes(ruleId));
  assert.ok(status, `${resource} has a status for ${ruleId}`);
  return status;
}

const bucketWith = (name: string, link: string, extra = '') => `${extra}
resource "aws_s3_bucket" "b" {
  bucket = ${name}
}

resource "aws_s3_bucket_versioning" "v" {
  bucket = ${link}
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "l" {
  bucket        = ${link}
  target_bucket = "acme-access-logs"
}
`;

describe('split resources joined by any name', () => {
  test('case tf-split-resource-by-local-name: no s3-versioning, s3-access-logging or s3-block-public-access finding', () => {
    const text = readFileSync(join(CASES, 'tf-split-resource-by-local-name', 'main.tf'), 'utf8');
    const result = analyse(text);
    assert.deepEqual(findings(result, 's3-versioning', 's3-access-logging', 's3-block-public-access'), []);
    assert.equal(statusOf(result, 'aws_s3_bucket.exports', 's3-access-logging').status, 'addressed');
    assert.equal(statusOf(result, 'aws_s3_bucket.exports', 's3-block-public-access').status, 'addressed');
  });

  const joined: [string, string, string, string?][] = [
    ['a literal name on both sides', '"acme-exports"', '"acme-exports"'],
    ['a variable default and the literal', 'var.name', '"acme-exports"', 'variable "name" {\n  default = "acme-exports"\n}'],
    ['the literal and a local', '"acme-exports"', 'local.name', 'locals {\n  name = "acme-exports"\n}'],
    ['a template built from a local', '"${local.prefix}-exports"', '"acme-exports"', 'locals {\n  prefix = "acme"\n}'],
    ['.bucket', '"acme-exports"', 'aws_s3_bucket.b.bucket'],
    ['.arn', '"acme-exports"', 'aws_s3_bucket.b.arn'],
    ['a local holding the reference', '"acme-exports"', 'local.bucket_id', 'locals {\n  bucket_id = aws_s3_bucket.b.id\n}'],
    ['a bucket with no name and a reference', 'null', 'aws_s3_bucket.b.id'],
  ];
  for (const [what, name, link, extra] of joined) {
    test(`joined: ${what}`, () => {
      const result = analyse(bucketWith(name, link, extra));
      assert.deepEqual(findings(result, 's3-versioning', 's3-access-logging'), []);
      assert.equal(statusOf(result, 'aws_s3_bucket.b', 's3-access-logging').status, 'addressed');
    });
  }

  test('joined: [0].id and the literal name of a counted bucket', () => {
    const text = `resource "aws_s3_bucket" "b" {
  count  = 1
  bucket = "acme-exports"
}
resource "aws_s3_bucket_versioning" "v" {
  bucket = aws_s3_bucket.b[0].id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_logging" "l" {
  bucket        = "acme-exports"
  target_bucket = "acme-access-logs"
}
`;
    assert.deepEqual(findings(analyse(text), 's3-versioning', 's3-access-logging'), []);
  });

  for (const file of ['main.tf', 'main.tf.json']) {
    test(`case tf-split-resource-one-instance (${file}): a reference to one instance joins that instance only`, () => {
      const text = readFileSync(join(CASES, 'tf-split-resource-one-instance', file), 'utf8');
      const result = analyse(text, file);
      assert.deepEqual(findings(result, 's3-versioning').map((finding) => finding[1]), ['aws_s3_bucket.reports["eu-reports"]']);
    });
  }

  test('one instance of a counted bucket: [1] and [count.index] pick that instance, an unknown index cannot be judged', () => {
    const counted = (link: string, childCount = '', extra = '') => `${extra}
resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "acme-exports-\${count.index}"
}
resource "aws_s3_bucket_versioning" "v" {
  ${childCount}
  bucket = ${link}
  versioning_configuration {
    status = "Enabled"
  }
}
`;
    assert.deepEqual(findings(analyse(counted('aws_s3_bucket.b[1].id')), 's3-versioning').map((finding) => finding[1]), ['aws_s3_bucket.b[0]']);
    assert.deepEqual(findings(analyse(counted('aws_s3_bucket.b[count.index].id', 'count = 2')), 's3-versioning'), []);
    assert.deepEqual(findings(analyse(counted('aws_s3_bucket.b[count.index].id', 'count = 1')), 's3-versioning').map((finding) => finding[1]), ['aws_s3_bucket.b[1]']);
    const unknown = analyse(counted('aws_s3_bucket.b[var.which].id', '', `variable "which" {
  type = number
}
resource "aws_s3_bucket_logging" "l" {
  bucket        = aws_s3_bucket.b[var.which].id
  target_bucket = "acme-access-logs"
}`));
    assert.deepEqual(findings(unknown, 's3-versioning', 's3-access-logging'), []);
    assert.equal(statusOf(unknown, 'aws_s3_bucket.b', 's3-access-logging').status, 'cannot-be-checked');
  });

  test('a child with count = 0 or an empty for_each is not deployed: it joins no bucket', () => {
    for (const meta of ['count = 0', 'count = var.enabled ? 1 : 0', 'for_each = toset([])', 'for_each = { for k, v in var.rules : k => v }']) {
      const text = `variable "enabled" {
  default = false
}
variable "rules" {
  default = {}
}
resource "aws_s3_bucket" "b" {
  bucket = "acme-exports"
}
resource "aws_s3_bucket_logging" "l" {
  ${meta}
  bucket        = aws_s3_bucket.b.id
  target_bucket = "acme-access-logs"
}
`;
      const result = analyse(text);
      assert.deepEqual(findings(result, 's3-access-logging'), [['s3-access-logging', 'aws_s3_bucket.b', 'warning', 7]], meta);
      assert.equal(statusOf(result, 'aws_s3_bucket.b', 's3-access-logging').status, 'missed', meta);
    }
  });

  test('one instance of a for_each bucket named by its literal name or an each.key of the same set', () => {
    const text = `resource "aws_s3_bucket" "b" {
  for_each = toset(["a-acme", "b-acme"])
  bucket   = each.key
}
resource "aws_s3_bucket_versioning" "v" {
  for_each = toset(["a-acme", "b-acme"])
  bucket   = aws_s3_bucket.b[each.key].id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_logging" "l" {
  bucket        = "b-acme"
  target_bucket = "acme-access-logs"
}
`;
    const result = analyse(text);
    assert.deepEqual(findings(result, 's3-versioning'), []);
    assert.deepEqual(findings(result, 's3-access-logging').map((finding) => finding[1]), ['aws_s3_bucket.b["a-acme"]']);
  });

  test('joined: .tf.json with the bucket named through a local', () => {
    const text = JSON.stringify({
      locals: { name: 'acme-exports' },
      resource: {
        aws_s3_bucket: { b: { bucket: '${local.name}' } },
        aws_s3_bucket_logging: { l: { bucket: 'acme-exports', target_bucket: 'acme-access-logs' } },
      },
    }, null, 2);
    const result = analyse(text, 'main.tf.json');
    assert.deepEqual(findings(result, 's3-access-logging'), []);
    assert.equal(statusOf(result, 'aws_s3_bucket.b', 's3-access-logging').status, 'addressed');
  });

  test('not joined: another name, another bucket, a bucket whose name AWS generates', () => {
    for (const [name, link, extra] of [
      ['"acme-exports"', '"acme-other"', ''],
      ['"acme-exports"', 'aws_s3_bucket.other.id', 'resource "aws_s3_bucket" "other" {\n  bucket = "acme-exports"\n}'],
      ['null', '"acme-exports"', ''],
    ]) {
      const result = analyse(bucketWith(name, link, extra));
      assert.deepEqual(findings(result, 's3-access-logging').filter((finding) => finding[1] === 'aws_s3_bucket.b'), [['s3-access-logging', 'aws_s3_bucket.b', 'warning', 1 + extra.split('\n').length]], `${name} / ${link}`);
      assert.equal(statusOf(result, 'aws_s3_bucket.b', 's3-access-logging').status, 'missed');
    }
  });

  test('cannot be joined or ruled out: the bucket is "cannot be checked", never missed', () => {
    for (const [name, link, extra] of [
      ['"acme-exports"', 'var.bucket', 'variable "bucket" {}'],
      ['var.bucket', '"acme-exports"', 'variable "bucket" {}'],
      ['"acme-exports"', 'data.aws_s3_bucket.x.id', 'data "aws_s3_bucket" "x" {\n  bucket = "acme-exports"\n}'],
      ['"acme-exports"', 'var.on ? "acme-exports" : "acme-other"', 'variable "on" {}'],
    ]) {
      const result = analyse(bucketWith(name, link, extra));
      assert.deepEqual(findings(result, 's3-access-logging'), [], `${name} / ${link}`);
      const status = statusOf(result, 'aws_s3_bucket.b', 's3-access-logging');
      assert.equal(status.status, 'cannot-be-checked', `${name} / ${link}`);
    }
  });

  test('a child whose bad setting may point at the bucket does not make a finding either', () => {
    const text = `variable "bucket" {}
resource "aws_s3_bucket" "b" {
  bucket = "acme-exports"
}
resource "aws_s3_bucket_versioning" "v" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_versioning" "w" {
  bucket = var.bucket
  versioning_configuration {
    status = "Suspended"
  }
}
`;
    const result = analyse(text);
    assert.deepEqual(findings(result, 's3-versioning'), []);
  });

  test('secrets: rotation naming the secret by its name', () => {
    const text = `resource "aws_secretsmanager_secret" "db" {
  name = "prod/db"
}
resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = "prod/db"
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}
`;
    const result = analyse(text);
    assert.deepEqual(findings(result, 'secret-rotation'), []);
    assert.equal(statusOf(result, 'aws_secretsmanager_secret.db', 'secret-rotation').status, 'addressed');
  });

  test('flow logs and security group rules: a reference through a local', () => {
    const text = `locals {
  vpc = aws_vpc.main.id
  sg  = aws_security_group.web.id
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_flow_log" "main" {
  vpc_id          = local.vpc
  traffic_type    = "ALL"
  log_destination = "arn:aws:s3:::acme-flow-logs"
  log_destination_type = "s3"
}
resource "aws_security_group" "web" {
  vpc_id      = local.vpc
  description = "web"
}
resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = local.sg
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
}
`;
    const result = analyse(text);
    assert.deepEqual(findings(result, 'vpc-flow-logs'), []);
    assert.equal(statusOf(result, 'aws_vpc.main', 'vpc-flow-logs').status, 'addressed');
    // The open SSH rule is reported on the rule itself, as it is when it names the group directly.
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'sg-open-admin-ports').map((finding) => finding.resource?.id), ['aws_vpc_security_group_ingress_rule.ssh']);
  });

  test('a literal or a variable never joins a resource whose id AWS generates', () => {
    const text = `variable "vpc" {}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_flow_log" "main" {
  vpc_id       = var.vpc
  traffic_type = "ALL"
  log_destination = "arn:aws:s3:::acme-flow-logs"
  log_destination_type = "s3"
}
`;
    assert.equal(statusOf(analyse(text), 'aws_vpc.main', 'vpc-flow-logs').status, 'missed');
  });
});
