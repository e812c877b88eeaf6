// A resource's Condition decides whether CloudFormation creates it at all
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-condition.html), fixture in
// test/fixtures/cases/evaluation/cfn-resource-condition (its top comment says what should happen): true with the
// parameter defaults, the resource's gaps are facts; false with them or not decided, only "depends"; false for every
// parameter value, the resource is never created: no finding of its own, and it links to no other resource.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

const CASE = join('test', 'fixtures', 'cases', 'evaluation', 'cfn-resource-condition');

function analyse(text: string, path = 'template.yaml'): FileAnalysis {
  const result = analyseExample('cloudformation', path, text);
  assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message), []);
  return result;
}

function findings(result: FileAnalysis, ...ruleIds: string[]) {
  return result.findings.filter((finding) => ruleIds.includes(finding.ruleId))
    .map((finding) => [finding.ruleId, finding.resource?.id, finding.severity, finding.message.startsWith('Depends on the deployment')]);
}

const sg = (condition: string, conditions: string, parameters = '') => `AWSTemplateFormatVersion: "2010-09-09"
${parameters}
Conditions:
${conditions}
Resources:
  AdminSg:
    Type: AWS::EC2::SecurityGroup
    Condition: ${condition}
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`;

describe('a resource with a Condition', () => {
  for (const file of ['template.yaml', 'template.json']) {
    test(`case cfn-resource-condition (${file}): created, maybe created, never created`, () => {
      const result = analyse(readFileSync(join(CASE, file), 'utf8'), file);
      assert.deepEqual(findings(result, 'sg-open-admin-ports', 'alb-waf'), [
        ['sg-open-admin-ports', 'ProdSg', 'error', false],
        ['sg-open-admin-ports', 'DevSg', 'info', true],
        ['alb-waf', 'PublicLb', 'warning', false],
      ]);
      const dev = result.findings.find((finding) => finding.resource?.id === 'DevSg' && finding.ruleId === 'sg-open-admin-ports');
      assert.ok(dev?.message.includes('created only if IsDev is true'), dev?.message);
      assert.deepEqual(result.findings.filter((finding) => finding.resource?.id === 'LegacySg' || finding.resource?.id === 'LegacyWaf'), []);
    });
  }

  test('a condition no parameter default decides makes the gap "depends"; a literal true one leaves it a fact', () => {
    const undecided = sg('Open', '  Open: !Equals [!Ref Mode, open]', 'Parameters:\n  Mode:\n    Type: String');
    assert.deepEqual(findings(analyse(undecided), 'sg-open-admin-ports'), [['sg-open-admin-ports', 'AdminSg', 'info', true]]);
    assert.deepEqual(findings(analyse(sg('Always', '  Always: !Equals [a, a]')), 'sg-open-admin-ports'), [['sg-open-admin-ports', 'AdminSg', 'error', false]]);
    // A parameter with one allowed value fixes the condition for every deployment.
    const fixed = sg('Open', '  Open: !Equals [!Ref Mode, open]', 'Parameters:\n  Mode:\n    Type: String\n    AllowedValues: [closed]');
    assert.deepEqual(findings(analyse(fixed), 'sg-open-admin-ports'), []);
    // Fn::Not and Fn::Or over literal conditions.
    assert.deepEqual(findings(analyse(sg('Off', '  On: !Equals [x, x]\n  Off: !Not [!Condition On]')), 'sg-open-admin-ports'), []);
    assert.deepEqual(findings(analyse(sg('Any', '  On: !Equals [x, y]\n  Any: !Or [!Condition On, !Equals [1, 2]]')), 'sg-open-admin-ports'), []);
  });
});
