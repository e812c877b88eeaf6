// A KMS key ARN built from pseudo parameters or variables is judged by its written tail: :alias/aws/<service> is an
// AWS managed key whatever the partition, Region and account (a finding), another alias is addressed as the same
// ARN written out is (YAML Fn::Sub and Fn::Join, JSON, Terraform templates). The fixtures in
// test/fixtures/cases/evaluation/aws-managed-key-arn-template/ say what should happen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseCase, statusOf } from '../support/examples';

const DIR = 'test/fixtures/cases/evaluation/aws-managed-key-arn-template';

function analyse(name: string, text?: string): FileAnalysis {
  return analyseCase(DIR, name, text);
}

function keyStatus(result: FileAnalysis, resource: string) {
  return statusOf(result, resource, { item: 'key-management' });
}

describe('aws-managed-key-arn-template', () => {
  for (const [file, managed, customer, queue] of [
    ['template.yaml', 'ManagedBySub', 'CustomerBySub', 'QueueByJoin'],
    ['template.json', 'ManagedBySub', 'CustomerBySub', 'QueueByJoin'],
    ['main.tf', 'aws_secretsmanager_secret.managed', 'aws_secretsmanager_secret.customer', 'aws_sqs_queue.managed'],
  ]) {
    test(`${file}: an ARN ending in :alias/aws/<service> is an AWS managed key; another alias is addressed`, () => {
      const result = analyse(file);
      const findings = result.findings.filter((finding) => finding.ruleId === 'secret-cmk' || finding.ruleId === 'sqs-cmk');
      assert.deepEqual(findings.map((finding) => `${finding.ruleId} ${finding.resource.id}`).sort(), [`secret-cmk ${managed}`, `sqs-cmk ${queue}`].sort());
      assert.ok(findings.every((finding) => /AWS managed aws\/(secretsmanager|sqs) key/.test(finding.message)), findings.map((finding) => finding.message).join('\n'));
      const addressed = keyStatus(result, customer);
      assert.equal(addressed.status, 'addressed', addressed.detail);
    });
  }

  test('variants: a tail that names neither alias nor key, or a key whose end is unknown, cannot be checked', () => {
    const yaml = readFileSync(`${DIR}/template.yaml`, 'utf8');
    const open = analyse('template.yaml', yaml.replace(':alias/team-secrets"', ':${KeyPart}"').replace('Resources:\n', 'Parameters:\n  KeyPart:\n    Type: String\nResources:\n'));
    assert.equal(keyStatus(open, 'CustomerBySub').status, 'cannot-be-checked');
    const tf = readFileSync(`${DIR}/main.tf`, 'utf8');
    const trailing = analyse('main.tf', tf.replace(':alias/team-secrets"', ':alias/${var.region}"'));
    assert.equal(keyStatus(trailing, 'aws_secretsmanager_secret.customer').status, 'cannot-be-checked');
  });
});
