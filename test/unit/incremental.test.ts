import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';

/** A template with resources of several kinds, some linked (a bucket policy, a log bucket). */
function template(count: number): string {
  let text = 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Encrypt:\n    Type: String\n    Default: "true"\nResources:\n';
  for (let i = 0; i < count; i++) {
    text += `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Logs\n`;
    text += `  Db${i}:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: !Ref Encrypt\n`;
  }
  text += '  Logs:\n    Type: AWS::S3::Bucket\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket0\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: s3:GetObject\n            Resource: "*"\n';
  return text;
}

describe('incremental analysis', () => {
  test('after each edit, the cached analysis equals a fresh one', () => {
    const incremental = new Analyzer();
    let text = template(20);
    const edits: ((current: string) => string)[] = [
      (current) => current.replace('Engine: postgres', 'Engine: mysql'),
      (current) => current.replace('  Db3:\n', '  Database3:\n'),
      (current) => current.replace('Default: "true"', 'Default: "false"'),
      (current) => current.replace('Bucket: !Ref Bucket0', 'Bucket: !Ref Bucket1'),
      (current) => current.replace('      StorageEncrypted: !Ref Encrypt\n', ''),
      (current) => `${current}  Extra:\n    Type: AWS::RDS::DBInstance\n`,
      (current) => current.replace('Principal: "*"', 'Principal: {AWS: arn:aws:iam::111122223333:root}'),
    ];
    incremental.analyze({ path: 't.yaml', text });
    for (const edit of edits) {
      text = edit(text);
      const cached = incremental.analyze({ path: 't.yaml', text });
      const fresh = new Analyzer({ incremental: false }).analyze({ path: 't.yaml', text });
      assert.deepEqual(cached.findings, fresh.findings);
      assert.deepEqual(cached.resources, fresh.resources);
      assert.deepEqual(cached.problems, fresh.problems);
    }
  });
});
