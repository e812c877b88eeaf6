// The rule pages shipped with the extension and the npm package (docs/rules/<rule-id>.md) are what the generator
// makes from the rule metadata and examples, one per rule, each with what a diagnostic's link promises.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { listRules } from '../../server/src/analysis';
import { RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import { rulePages } from '../../server/src/docs/rulePages';
import { REPO_ROOT } from '../helpers/paths';

const FOLDER = join(REPO_ROOT, 'docs', 'rules');

describe('rule pages', () => {
  const pages = rulePages();

  test('docs/rules holds exactly one generated page per rule, as the generator writes it (else: npm run docs:rules)', () => {
    const committed = readdirSync(FOLDER).filter((name) => name.endsWith('.md')).sort();
    assert.deepEqual(committed, listRules().map((rule) => `${rule.id}.md`).sort());
    const stale = committed.filter((name) => readFileSync(join(FOLDER, name), 'utf8') !== pages.get(name));
    assert.deepEqual(stale, [], 'stale pages: run `npm run docs:rules`');
  });

  test("each page says why the duty is the customer's, what AWS does by default, the peers' ids and the examples", () => {
    for (const rule of listRules()) {
      const page = pages.get(`${rule.id}.md`) ?? '';
      assert.ok(page.startsWith(`# ${rule.id}\n`), rule.id);
      assert.ok(page.includes('## Why this is your duty\n\n') && page.includes(rule.rationale), `${rule.id}: the rationale`);
      assert.ok(page.includes('## What AWS does by default\n\n'), `${rule.id}: the AWS default`);
      if (rule.awsDefault?.since) assert.ok(page.includes(`(since ${rule.awsDefault.since})`), `${rule.id}: since when`);
      for (const id of [...rule.references.checkov, ...rule.references.trivy, ...rule.references.cfnNag, ...rule.references.fsbp]) {
        assert.ok(page.includes(`\`${id}\``), `${rule.id}: peer id ${id}`);
      }
      const examples = RULE_EXAMPLES.find((candidate) => candidate.rule === rule.id);
      if (examples?.cloudformation?.bad.length) assert.match(page, /## Examples: CloudFormation[\s\S]*\*\*Bad\*\*[\s\S]*```(yaml|json)/, rule.id);
      if (examples?.terraform?.bad.length) assert.match(page, /## Examples: Terraform[\s\S]*\*\*Bad\*\*[\s\S]*```(hcl|json)/, rule.id);
      assert.doesNotMatch(page, /[⟦⟧]/, `${rule.id}: no example marks`);
    }
  });

  test('a YAML example is also shown as the same template in JSON, intrinsics in their long form', () => {
    const page = pages.get('sg-open-admin-ports.md') ?? '';
    assert.match(page, /```yaml\n[\s\S]*CidrIp: !Ref AdminCidr\n```/);
    assert.match(page, /The same template in JSON:\n\n```json\n[\s\S]*"CidrIp": \{\n\s+"Ref": "AdminCidr"\n\s+\}/);
    for (const block of page.matchAll(/```json\n([\s\S]*?)\n```/g)) JSON.parse(block[1]);
  });
});
