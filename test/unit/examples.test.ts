// Runs every rule's good and bad examples (server/src/analysis/rules/examples) like eslint's RuleTester, and
// fails when a reader of a rule (CloudFormation, Terraform) lacks a good or a bad example.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getRule, listRules } from '../../server/src/analysis/rules/registry';
import { PENDING_EXAMPLES, RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import type { Example, RuleExamples } from '../../server/src/analysis/rules/examples';
import { analyseExample, exampleInput, FORMATS, readerFormats, runExample } from './support/examples';
import type { Format } from './support/examples';


/**
 * Readers without examples yet (each family file's PENDING). The list only shrinks: the test fails when a
 * listed reader gains its examples (remove it there) or an unlisted one lacks them.
 */
const PENDING = PENDING_EXAMPLES;

describe('rule examples', () => {
  test('every reader of every rule has at least one good and one bad example', () => {
    const byRule = new Map<string, RuleExamples[]>();
    for (const examples of RULE_EXAMPLES) byRule.set(examples.rule, [...(byRule.get(examples.rule) ?? []), examples]);
    const missing: string[] = [];
    const nowCovered: string[] = [];
    for (const meta of listRules()) {
      for (const format of readerFormats(meta.id)) {
        const entries = byRule.get(meta.id) ?? [];
        const good = entries.some((entry) => (entry[format]?.good.length ?? 0) > 0);
        const bad = entries.some((entry) => (entry[format]?.bad.length ?? 0) > 0);
        const key = `${meta.id}:${format}`;
        if (good && bad) {
          if (PENDING.has(key)) nowCovered.push(key);
        } else if (!PENDING.has(key)) {
          missing.push(`${key} (${good ? '' : 'good '}${bad ? '' : 'bad'})`);
        }
      }
    }
    assert.deepEqual(missing, [], 'readers without a good and a bad example');
    assert.deepEqual(nowCovered, [], 'readers listed as pending that have examples now: remove them from PENDING');
  });

  test('examples name existing rules and only formats the rule reads', () => {
    for (const examples of RULE_EXAMPLES) {
      assert.ok(getRule(examples.rule), `unknown rule ${examples.rule}`);
      for (const format of FORMATS) {
        if (examples[format]) assert.ok(readerFormats(examples.rule).includes(format), `${examples.rule} has ${format} examples but no ${format} reader`);
      }
    }
  });

  for (const examples of RULE_EXAMPLES) {
    for (const format of FORMATS) {
      const reader = examples[format];
      if (!reader) continue;
      describe(`${examples.rule} (${format})`, () => {
        const run = (example: Example, good: boolean) => test(`${good ? 'good' : 'bad'}: ${example.name}`, () => runExample(examples.rule, format, example, good));
        for (const example of reader.good) run(example, true);
        for (const example of reader.bad) run(example, false);
      });
    }
  }
});

describe('paired examples', () => {
  test('an example written in both formats under the same name gets the same verdict (good, or the same severities)', () => {
    const differences: string[] = [];
    let pairs = 0;
    for (const examples of RULE_EXAMPLES) {
      if (!examples.cloudformation || !examples.terraform) continue;
      const verdict = (format: Format, example: Example, good: boolean) => {
        if (good) return 'good';
        const { path, text } = exampleInput(format, example);
        const severities = analyseExample(format, path, text, example.files).findings.filter((finding) => finding.ruleId === examples.rule).map((finding) => finding.severity).sort();
        return `bad: ${[...new Set(severities)].join(', ')}`;
      };
      const terraform = new Map<string, string>();
      for (const example of examples.terraform.good) terraform.set(example.name, verdict('terraform', example, true));
      for (const example of examples.terraform.bad) terraform.set(example.name, verdict('terraform', example, false));
      for (const [list, good] of [[examples.cloudformation.good, true], [examples.cloudformation.bad, false]] as const) {
        for (const example of list) {
          const other = terraform.get(example.name);
          if (other === undefined) continue;
          pairs++;
          const mine = verdict('cloudformation', example, good);
          if (mine !== other) differences.push(`${examples.rule} "${example.name}": CloudFormation ${mine}, Terraform ${other}`);
        }
      }
    }
    assert.ok(pairs >= 100, `only ${pairs} paired examples`);
    assert.deepEqual(differences, []);
  });
});
