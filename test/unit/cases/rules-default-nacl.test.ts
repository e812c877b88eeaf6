// nacl-no-world-admin-ports reads the inline ingress of aws_default_network_acl as it does aws_network_acl's, and
// its quick fix applies there too. The fixture test/fixtures/cases/rules/tf-default-network-acl/main.tf says what
// should happen.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Analyzer } from '../../../server/src/analysis';
import { judgeFix } from '../../helpers/fixOutcome';
import { memoryView } from '../../helpers/fileSystemView';

const TEXT = readFileSync('test/fixtures/cases/rules/tf-default-network-acl/main.tf', 'utf8');
const RULE = 'nacl-no-world-admin-ports';
const PATH = '/m/main.tf';

function analyzer(text: string): Analyzer {
  return new Analyzer({ files: memoryView({ 'main.tf': text }, '/m') });
}

describe('tf-default-network-acl', () => {
  test('SSH from the internet in the default ACL is a finding on its cidr_block; a scoped one is addressed', () => {
    const result = analyzer(TEXT).analyze({ path: PATH, text: TEXT });
    const findings = result.findings.filter((finding) => finding.ruleId === RULE);
    assert.deepEqual(findings.map((finding) => [finding.resource.id, TEXT.slice(finding.range.start, finding.range.end)]), [['aws_default_network_acl.default', '"0.0.0.0/0"']]);
    const scoped = result.resources.find((resource) => resource.id === 'aws_default_network_acl.scoped')?.responsibilities.find((responsibility) => responsibility.ruleIds.includes(RULE));
    assert.equal(scoped?.status, 'addressed');
  });

  test('the fix restricts the range there too, leaving nothing behind', () => {
    const before = analyzer(TEXT).analyze({ path: PATH, text: TEXT });
    const finding = before.findings.find((candidate) => candidate.ruleId === RULE);
    assert.ok(finding);
    const action = analyzer(TEXT).codeActions({ path: PATH, text: TEXT }, finding.range).find((candidate) => candidate.finding.ruleId === RULE);
    assert.ok(action, 'a fix for the default ACL');
    const outcome = judgeFix(PATH, TEXT, before, finding, action, (after) => analyzer(after).analyze({ path: PATH, text: after }));
    assert.deepEqual(outcome.problems, [], outcome.fixed);
  });
});
