// The rule layer's shape: Terraform readings say what they read in Terraform's words and values, sibling rules
// agree, and every rule is listed once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getSetting } from '../../server/src/analysis/knowledge';
import { SIBLING_RULES } from '../../server/src/analysis/knowledge/siblings';
import { RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import { getRule, listRules } from '../../server/src/analysis/rules/registry';
import { terraformVocabularyGaps } from '../../server/src/analysis/rules/support';
import { analyseExample, exampleInput } from './support/examples';

describe('rule shape', () => {
  test('no setting rule reads Terraform with CloudFormation vocabulary or drops CloudFormation-only logic', () => {
    const gaps = listRules().flatMap((rule) => terraformVocabularyGaps(rule.id).map((gap) => `${rule.id}: ${gap}`));
    assert.deepEqual(gaps, []);
  });

  test('Terraform findings and fix titles name Terraform arguments, not CloudFormation properties', () => {
    const wrong: string[] = [];
    for (const examples of RULE_EXAMPLES) {
      const rule = getRule(examples.rule);
      if (!rule || !examples.terraform) continue;
      // The CloudFormation property names this rule's settings use (CamelCase, so they cannot be Terraform names).
      const names = new Set((rule.meta.settings ?? []).flatMap((id) => getSetting(id)?.cloudformation?.propertyPath.split('.') ?? [])
        .map((step) => step.replace(/\[\]$/, '')).filter((step) => /^[A-Z][a-z]+[A-Z]/.test(step)));
      for (const example of examples.terraform.bad) {
        const { path, text } = exampleInput('terraform', example);
        for (const finding of analyseExample('terraform', path, text, example.files).findings.filter((entry) => entry.ruleId === rule.meta.id)) {
          const title = finding.fixId ? rule.fixes?.[finding.fixId]?.terraform?.title ?? '' : '';
          for (const name of names) {
            if (new RegExp(`\\b${name}\\b`).test(finding.message) || new RegExp(`\\b${name}\\b`).test(title)) wrong.push(`${rule.meta.id} (${example.name}): names ${name}: ${finding.message} ${title}`);
          }
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('Terraform status details name Terraform arguments, not CloudFormation properties', () => {
    const wrong: string[] = [];
    for (const examples of RULE_EXAMPLES) {
      const rule = getRule(examples.rule);
      if (!rule || !examples.terraform) continue;
      const names = new Set((rule.meta.settings ?? []).flatMap((id) => getSetting(id)?.cloudformation?.propertyPath.split('.') ?? [])
        .map((step) => step.replace(/\[\]$/, '')).filter((step) => /^[A-Z][a-z]+[A-Z]/.test(step)));
      for (const example of [...examples.terraform.good, ...examples.terraform.bad]) {
        const { path, text } = exampleInput('terraform', example);
        for (const resource of analyseExample('terraform', path, text, example.files).resources) {
          for (const status of resource.responsibilities.filter((entry) => entry.ruleIds.includes(rule.meta.id))) {
            for (const name of names) if (new RegExp(`\\b${name}\\b`).test(status.detail)) wrong.push(`${rule.meta.id} (${example.name}) ${status.status}: names ${name}: ${status.detail}`);
          }
        }
      }
    }
    assert.deepEqual([...new Set(wrong)], []);
  });

  test('sibling rules judge the same item with the same severity', () => {
    for (const group of SIBLING_RULES) {
      const metas = group.map((id) => {
        const rule = getRule(id);
        assert.ok(rule, `unknown rule ${id}`);
        return rule.meta;
      });
      assert.deepEqual(new Set(metas.map((meta) => meta.item)).size, 1, `${group.join(', ')}: items ${metas.map((meta) => meta.item).join(', ')}`);
      assert.deepEqual(new Set(metas.map((meta) => meta.severity)).size, 1, `${group.join(', ')}: severities ${metas.map((meta) => meta.severity).join(', ')}`);
    }
  });
});
