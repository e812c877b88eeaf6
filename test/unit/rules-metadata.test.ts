import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listRules } from '../../server/src/analysis';
import { getSetting, isItemId } from '../../server/src/analysis/knowledge';

describe('rule metadata', () => {
  const rules = listRules();
  test('the registry lists every rule once, sorted by id', () => {
    const ids = rules.map((rule) => rule.id);
    assert.deepEqual(ids, [...new Set(ids)].sort());
  });
  for (const rule of rules) {
    test(`${rule.id}: metadata is complete and consistent with the knowledge base`, () => {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(isItemId(rule.item), `unknown item ${rule.item}`);
      assert.ok(['error', 'warning', 'info'].includes(rule.severity));
      assert.ok(rule.title.length > 5);
      assert.ok(rule.rationale.length > 20, 'a rationale that says why this is the customer\'s');
      assert.equal(rule.docsUrl, `docs/rules/${rule.id}.md`, 'the shipped page (test/unit/urls.test.ts checks it exists)');
      assert.ok(rule.resourceTypes.cloudformation.length + rule.resourceTypes.terraform.length > 0, 'applies to some type');
      for (const type of rule.resourceTypes.cloudformation) assert.match(type, /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
      for (const type of rule.resourceTypes.terraform) assert.match(type, /^aws_[a-z0-9_]+$/);
      for (const id of rule.settings ?? []) assert.ok(getSetting(id), `unknown knowledge setting ${id}`);
      if (rule.awsDefault?.since) assert.match(rule.awsDefault.since, /^\d{4}-\d{2}(-\d{2})?$/);
      for (const tool of ['checkov', 'fsbp', 'trivy', 'cfnNag'] as const) assert.ok(Array.isArray(rule.references[tool]));
      for (const id of rule.references.checkov) assert.match(id, /^CKV2?_AWS_\d+$/);
      for (const id of rule.references.trivy) assert.match(id, /^AVD-AWS-\d{4}$/);
    });
  }
});
