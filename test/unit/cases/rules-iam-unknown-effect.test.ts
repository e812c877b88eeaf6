// An IAM statement whose Effect cannot be read may be an Allow: what it would grant (Action '*' / a whole service on
// Resource '*') is "cannot be checked", never "addressed" (YAML, JSON, HCL). The fixtures in
// test/fixtures/cases/rules/iam-unknown-effect/ say what should happen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseCase, statusOf } from '../support/examples';

const DIR = 'test/fixtures/cases/rules/iam-unknown-effect';

function analyse(name: string, text?: string): FileAnalysis {
  return analyseCase(DIR, name, text);
}

function identity(result: FileAnalysis, resource: string) {
  return statusOf(result, resource, { item: 'identity-access' });
}

const IAM = /^iam-no-(admin-star|service-wildcard)$/;

describe('iam-unknown-effect', () => {
  for (const [file, admin, storage] of [['template.yaml', 'AdminPolicy', 'StoragePolicy'], ['template.json', 'AdminPolicy', 'StoragePolicy'], ['main.tf', 'aws_iam_policy.admin', 'aws_iam_policy.storage']]) {
    test(`${file}: cannot be checked, not addressed`, () => {
      const result = analyse(file);
      assert.deepEqual(result.findings.filter((finding) => IAM.test(finding.ruleId)).map((finding) => finding.message), []);
      const adminStatus = identity(result, admin);
      assert.equal(adminStatus.status, 'cannot-be-checked');
      assert.ok(adminStatus.detail.includes('which may be an Allow of every action on every resource'), adminStatus.detail);
      const storageStatus = identity(result, storage);
      assert.equal(storageStatus.status, 'cannot-be-checked');
      assert.ok(storageStatus.detail.includes("which may be an Allow of 's3:*' on Resource '*'"), storageStatus.detail);
    });
  }

  test('variants: a known Effect still decides (Allow: findings; Deny: nothing granted)', () => {
    const yaml = readFileSync(`${DIR}/template.yaml`, 'utf8');
    const allow = analyse('template.yaml', yaml.replace('  StatementEffect:\n    Type: String\n', '  StatementEffect:\n    Type: String\n    Default: Allow\n'));
    assert.deepEqual(allow.findings.filter((finding) => IAM.test(finding.ruleId)).map((finding) => finding.ruleId).sort(), ['iam-no-admin-star', 'iam-no-service-wildcard']);
    const deny = analyse('main.tf', readFileSync(`${DIR}/main.tf`, 'utf8').replace('  type = string\n', '  type    = string\n  default = "Deny"\n'));
    assert.deepEqual(deny.findings.filter((finding) => IAM.test(finding.ruleId)), []);
    assert.equal(identity(deny, 'aws_iam_policy.admin').status, 'addressed');
  });
});
