// How many rules have a quick fix, per format they read, computed from the registry (the bar is 90%), and
// the data behind it: every fix says whether it is safe, and every rule without a fix says why (docs/rules.md).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listRules } from '../../server/src/analysis';
import { NO_FIX_REASONS } from '../../server/src/analysis/rules/fixGaps';
import { getRule } from '../../server/src/analysis/rules/registry';

const FORMATS = ['cloudformation', 'terraform'] as const;

/**
 * The share reached when this test was last raised; it may only go up: issue 12's bar is 90% in each format. Measured
 * then (every fix branch of 2026-12-01 merged, and s3-mfa-delete's Terraform fix): CloudFormation 170 of 186 rules,
 * Terraform 170 of 188 (91.4%, 90.4%; 94 and 96 that morning).
 */
const FLOOR = 0.9;

describe('quick-fix coverage', () => {
  test('share of rules with a fix, per format they read', (t) => {
    for (const format of FORMATS) {
      const reading = listRules().filter((rule) => rule.fixes[format] !== undefined);
      const fixed = reading.filter((rule) => rule.fixes[format]?.hasFix);
      const safe = fixed.filter((rule) => rule.fixes[format]?.safe);
      const share = fixed.length / reading.length;
      t.diagnostic(`${format}: ${fixed.length} of ${reading.length} rules have a fix (${(share * 100).toFixed(1)}%), ${safe.length} of them safe`);
      assert.ok(reading.length > 100, `${format}: the registry lists the rules that read it`);
      assert.ok(share >= FLOOR, `${format}: ${fixed.length}/${reading.length} is below the floor ${FLOOR}`);
    }
  });

  test('every rule without a fix in a format it reads says why; none with fixes everywhere is listed', () => {
    const missing: string[] = [];
    const stale: string[] = [];
    for (const rule of listRules()) {
      const lacking = FORMATS.filter((format) => rule.fixes[format] && !rule.fixes[format]?.hasFix);
      if (lacking.length > 0 && !rule.noFixReason) missing.push(`${rule.id} (${lacking.join(', ')})`);
      if (lacking.length === 0 && NO_FIX_REASONS[rule.id]) stale.push(rule.id);
    }
    assert.deepEqual(missing, [], 'rules without a fix and without a reason in rules/fixGaps.ts');
    assert.deepEqual(stale, [], 'rules with a fix in every format they read: remove them from rules/fixGaps.ts');
    for (const id of Object.keys(NO_FIX_REASONS)) assert.ok(getRule(id), `fixGaps.ts names an unknown rule ${id}`);
  });

  test('a fix that writes a parameter or variable is a placeholder, and only such a fix is', () => {
    const wrong: string[] = [];
    for (const info of listRules()) {
      for (const [id, fix] of Object.entries(getRule(info.id)?.fixes ?? {})) {
        if ((fix.parameter !== undefined || fix.flagged?.kind === 'parameter' || (fix.parameters?.length ?? 0) > 0) !== (fix.safety === 'placeholder')) wrong.push(`${info.id}/${id} (CloudFormation)`);
        const tf = fix.terraform;
        if (tf && (tf.variable !== undefined || (tf.variables?.length ?? 0) > 0) !== ((tf.safety ?? fix.safety) === 'placeholder')) wrong.push(`${info.id}/${id} (Terraform)`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('hasFix is true exactly when some format has a fix, and safe only where there is a fix', () => {
    for (const rule of listRules()) {
      assert.equal(rule.hasFix, FORMATS.some((format) => rule.fixes[format]?.hasFix === true), rule.id);
      for (const format of FORMATS) if (rule.fixes[format]?.safe) assert.ok(rule.fixes[format]?.hasFix, `${rule.id} ${format}`);
    }
  });
});
