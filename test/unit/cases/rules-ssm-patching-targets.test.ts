// ec2-ssm-patching with association targets that cannot be read (a parameter or variable, a resource group): the
// association may or may not patch the instance, so "cannot be checked", never "addressed" (YAML, JSON, HCL). The
// fixtures in test/fixtures/cases/rules/ssm-patching-targets-unknown/ say what should happen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseCase, statusOf } from '../support/examples';

const DIR = 'test/fixtures/cases/rules/ssm-patching-targets-unknown';
const RULE = 'ec2-ssm-patching';

function analyse(name: string, text?: string): FileAnalysis {
  return analyseCase(DIR, name, text);
}

function status(result: FileAnalysis, resource: string) {
  return statusOf(result, resource, { ruleId: RULE });
}

describe('ssm-patching-targets-unknown', () => {
  for (const [file, web, tagged] of [
    ['template.yaml', 'Web', 'Tagged'],
    ['template.json', 'Web', 'Tagged'],
    ['main.tf', 'aws_instance.web', 'aws_instance.tagged'],
  ]) {
    test(`${file}: targets that cannot be read cannot be checked; a tag the instance has is addressed`, () => {
      const result = analyse(file);
      assert.deepEqual(result.findings.filter((finding) => finding.ruleId === RULE), []);
      const unknown = status(result, web);
      assert.equal(unknown.status, 'cannot-be-checked', unknown.detail);
      assert.ok(unknown.detail.includes('on targets that cannot be read here'), unknown.detail);
      assert.ok(status(result, tagged).detail.includes('runs AWS-RunPatchBaseline'));
    });
  }

  test('variants: targets that can be read decide (a tag value Web lacks: finding; its own id: addressed)', () => {
    const yaml = readFileSync(`${DIR}/template.yaml`, 'utf8');
    const miss = analyse('template.yaml', yaml.replace('  PatchGroup:\n    Type: String\n', '  PatchGroup:\n    Type: String\n    Default: batch\n'));
    assert.deepEqual(miss.findings.filter((finding) => finding.ruleId === RULE).map((finding) => finding.resource.id), ['Web']);
    const json = readFileSync(`${DIR}/template.json`, 'utf8');
    const byId = analyse('template.json', json.replace('{ "Key": "resource-groups:Name", "Values": ["fleet"] }', '{ "Key": "InstanceIds", "Values": [{ "Ref": "Web" }] }'));
    assert.ok(status(byId, 'Web').detail.includes('PatchByGroup runs AWS-RunPatchBaseline'), status(byId, 'Web').detail);
  });
});
