// Quick fixes on layouts the common fixtures do not have (YAML flow style, tab-indented HCL, aligned `=`, one-line
// blocks...): exact texts, each fixed text parsed in its own format, and the outcome judged (test/helpers/fixOutcome.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { Analyzer } from '../../server/src/analysis';
import type { CodeActionResult } from '../../server/src/analysis';
import { judgeFix } from '../helpers/fixOutcome';
import { memoryView } from '../helpers/fileSystemView';

/** The action titled like `title` for the first `ruleId` finding of `text` (`main.tf` is a one-file module), judged. */
function fixWith(file: string, text: string, ruleId: string, title: RegExp): { fixed: string; action: CodeActionResult } {
  const tf = /\.tf(\.json)?$/.test(file);
  const analyzer = (): Analyzer => (tf ? new Analyzer({ files: memoryView({ [file]: text }, '/m') }) : new Analyzer());
  const path = tf ? `/m/${file}` : file;
  const first = analyzer();
  const before = first.analyze({ path, text });
  const finding = before.findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `a ${ruleId} finding`);
  const action = first.codeActions({ path, text }, finding.range).find((candidate) => candidate.finding.ruleId === ruleId && title.test(candidate.title));
  assert.ok(action, `an action titled like ${title}`);
  const outcome = judgeFix(path, text, before, finding, action, (fixed) => (tf ? new Analyzer({ files: memoryView({ [file]: fixed }, '/m') }) : new Analyzer()).analyze({ path, text: fixed }));
  assert.deepEqual(outcome.problems, [], outcome.fixed);
  return { fixed: outcome.fixed, action };
}

describe('a new parameter referenced from a YAML flow mapping', () => {
  test('the property is `!Ref Parameter`, not the string "!Ref Parameter"', () => {
    const text = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: q}\n';
    const { fixed } = fixWith('t.yaml', text, 'sqs-cmk', /KmsMasterKeyId/);
    assert.equal(fixed.split('Resources:')[1], '\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: {KmsMasterKeyId: !Ref QueueKmsKeyId, QueueName: q}\n');
    const value = parseDocument(fixed).getIn(['Resources', 'Queue', 'Properties', 'KmsMasterKeyId'], true) as { tag?: string; value?: unknown };
    assert.equal(value.tag, '!Ref');
    assert.equal(value.value, 'QueueKmsKeyId');
  });
  test('a flow mapping with spaces inside its braces', () => {
    const text = 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties: { AvailabilityZone: us-east-1a, Size: 8, Encrypted: true }\n';
    const { fixed } = fixWith('t.yaml', text, 'ebs-volume-cmk', /KmsKeyId/);
    assert.match(fixed, /Properties: \{ KmsKeyId: !Ref VolumeKmsKeyId, AvailabilityZone/);
  });
});
