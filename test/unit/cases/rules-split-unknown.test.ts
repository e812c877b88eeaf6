// A split child (aws_s3_bucket_acl) whose value cannot be known decides the parent's duty as "cannot be checked":
// the parent's absent inline argument (deprecated form), read as an AWS default, must not stand in for it.
// The fixture test/fixtures/cases/rules/tf-split-acl-unknown/main.tf says what should happen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample, statusOf } from '../support/examples';

const source = readFileSync('test/fixtures/cases/rules/tf-split-acl-unknown/main.tf', 'utf8');

function aclStatus(result: FileAnalysis, resource: string) {
  return statusOf(result, resource, { ruleId: 's3-acl-not-public' });
}

describe('tf-split-acl-unknown', () => {
  test('the fixture: cannot be checked, naming the child and the variable', () => {
    const status = aclStatus(analyseExample('terraform', 'main.tf', source), 'aws_s3_bucket.uploads');
    assert.equal(status.status, 'cannot-be-checked', status.detail);
    assert.ok(status.detail.includes('aws_s3_bucket_acl.uploads: acl is var.uploads_acl'), status.detail);
  });

  test('variants: known values still decide; no child is the AWS default; the CloudFormation reading agrees', () => {
    const publicRead = analyseExample('terraform', 'main.tf', source.replace('acl    = var.uploads_acl', 'acl    = "public-read"'));
    assert.equal(publicRead.findings.filter((finding) => finding.ruleId === 's3-acl-not-public').length, 1);
    const privateAcl = analyseExample('terraform', 'main.tf', source.replace('acl    = var.uploads_acl', 'acl    = "private"'));
    assert.equal(aclStatus(privateAcl, 'aws_s3_bucket.uploads').status, 'addressed');
    const withDefault = analyseExample('terraform', 'main.tf', source.replace('  type = string\n', '  type    = string\n  default = "public-read-write"\n'));
    assert.equal(withDefault.findings.filter((finding) => finding.ruleId === 's3-acl-not-public').length, 1);
    const noChild = analyseExample('terraform', 'main.tf', source.slice(0, source.indexOf('resource "aws_s3_bucket_acl"')));
    assert.notEqual(aclStatus(noChild, 'aws_s3_bucket.uploads').status, 'cannot-be-checked');
    const yaml = 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  UploadsAcl:\n    Type: String\nResources:\n  Uploads:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: !Ref UploadsAcl\n';
    assert.equal(aclStatus(analyseExample('cloudformation', 'template.yaml', yaml), 'Uploads').status, 'cannot-be-checked');
  });
});
