// A condition is the same in every deployment when every combination of the allowed values of the parameters it
// compares gives it the same value (CloudFormation accepts only allowed values:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html). Fixture in
// test/fixtures/cases/evaluation/cfn-condition-every-allowed-value (its top comment says what should happen): a branch
// or a resource no allowed value reaches gives no finding; a parameter without AllowedValues may be anything.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

const CASE = join('test', 'fixtures', 'cases', 'evaluation', 'cfn-condition-every-allowed-value');

function analyse(text: string, path = 'template.yaml'): FileAnalysis {
  const result = analyseExample('cloudformation', path, text);
  assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message), []);
  return result;
}

function findings(result: FileAnalysis, ...ruleIds: string[]) {
  return result.findings.filter((finding) => ruleIds.includes(finding.ruleId))
    .map((finding) => [finding.ruleId, finding.resource?.id, finding.severity, finding.message.startsWith('Depends on the deployment')]);
}

const trail = (parameters: string, conditions: string) => `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
${parameters}
Conditions:
${conditions}
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: audit-logs
      EnableLogFileValidation: true
      IsMultiRegionTrail: !If [Odd, false, true]
`;

describe('conditions over every allowed parameter value', () => {
  for (const file of ['template.yaml', 'template.json']) {
    test(`case cfn-condition-every-allowed-value (${file}): unreachable branches and resources give nothing`, () => {
      const result = analyse(readFileSync(join(CASE, file), 'utf8'), file);
      assert.deepEqual(findings(result, 'sg-open-admin-ports', 'cloudtrail-multi-region'), [['sg-open-admin-ports', 'DevSg', 'info', true]]);
    });
  }

  test('two parameters: only combinations of their allowed values count; a free parameter keeps the branch reachable', () => {
    const two = '  A:\n    Type: String\n    Default: x\n    AllowedValues: [x, y]\n  B:\n    Type: String\n    Default: z\n    AllowedValues: [z, w]';
    // A = B needs a shared value: none.
    assert.deepEqual(findings(analyse(trail(two, '  Odd: !Equals [!Ref A, !Ref B]')), 'cloudtrail-multi-region'), []);
    // A = y and B = w is one allowed combination: depends.
    assert.deepEqual(findings(analyse(trail(two, '  Odd: !And [!Equals [!Ref A, y], !Equals [!Ref B, w]]')), 'cloudtrail-multi-region'),
      [['cloudtrail-multi-region', 'Trail', 'info', true]]);
    // A parameter without AllowedValues may be anything, whatever its default.
    const free = '  A:\n    Type: String\n    Default: x';
    assert.deepEqual(findings(analyse(trail(free, '  Odd: !And [!Equals [!Ref A, x], !Not [!Equals [!Ref A, x]]]')), 'cloudtrail-multi-region'),
      [['cloudtrail-multi-region', 'Trail', 'info', true]]);
    // A pseudo parameter is never fixed.
    assert.deepEqual(findings(analyse(trail(free, '  Odd: !Equals [!Ref AWS::Region, us-east-1]')), 'cloudtrail-multi-region'),
      [['cloudtrail-multi-region', 'Trail', 'info', true]]);
  });
});
