// An element of a list that is AWS::NoValue (on some branch of Fn::If) is left out of the list, not the whole list
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/pseudo-parameter-reference.html#cfn-pseudo-param-novalue).
// Fixture in test/fixtures/cases/evaluation/cfn-novalue-list-item (its top comment says what should happen): a list
// with an element that is always there is never empty; a list whose every element may vanish is empty on the
// branches that remove them all. YAML and JSON alike.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

const CASE = join('test', 'fixtures', 'cases', 'evaluation', 'cfn-novalue-list-item');

function analyse(text: string, path = 'template.yaml'): FileAnalysis {
  const result = analyseExample('cloudformation', path, text);
  assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message), []);
  return result;
}

function findings(result: FileAnalysis, ...ruleIds: string[]) {
  return result.findings.filter((finding) => ruleIds.includes(finding.ruleId))
    .map((finding) => [finding.ruleId, finding.resource?.id, finding.message.startsWith('Depends on the deployment')]);
}

const egress = (items: string) => `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Mode:
    Type: String
Conditions:
  A: !Equals [!Ref Mode, a]
  B: !Equals [!Ref Mode, b]
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupEgress:
${items}
`;
const RULE = (port: number) => `{IpProtocol: tcp, FromPort: ${port}, ToPort: ${port}, CidrIp: 10.0.0.0/8}`;

describe('AWS::NoValue as an element of a list', () => {
  for (const file of ['template.yaml', 'template.json']) {
    test(`case cfn-novalue-list-item (${file}): the element vanishes, the list stays`, () => {
      const result = analyse(readFileSync(join(CASE, file), 'utf8'), file);
      assert.deepEqual(findings(result, 'sg-egress-restricted', 's3-kms-cmk'), [
        ['sg-egress-restricted', 'DevOnlySg', false],
        ['s3-kms-cmk', 'Bucket', true],
      ]);
      const kms = result.findings.find((finding) => finding.ruleId === 's3-kms-cmk');
      assert.ok(kms?.message.includes('(if IsDev)'), kms?.message);
    });
  }

  test('undecided conditions: empty only where every element may vanish', () => {
    // One element always there: never empty.
    assert.deepEqual(findings(analyse(egress(`        - !If [A, ${RULE(80)}, !Ref AWS::NoValue]\n        - ${RULE(443)}`)), 'sg-egress-restricted'), []);
    // Every element conditional: empty unless A or B, which no default decides: "depends", naming both.
    const both = analyse(egress(`        - !If [A, ${RULE(80)}, !Ref AWS::NoValue]\n        - !If [B, ${RULE(443)}, !Ref AWS::NoValue]`));
    assert.deepEqual(findings(both, 'sg-egress-restricted'), [['sg-egress-restricted', 'Sg', true]]);
    const message = both.findings.find((finding) => finding.ruleId === 'sg-egress-restricted')?.message ?? '';
    assert.ok(message.includes('unless A') && message.includes('unless B'), message);
    // A NoValue element in every branch: the list is empty for certain.
    assert.deepEqual(findings(analyse(egress('        - !Ref AWS::NoValue')), 'sg-egress-restricted'), [['sg-egress-restricted', 'Sg', false]]);
  });
});
