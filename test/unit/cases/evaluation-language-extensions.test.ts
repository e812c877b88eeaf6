// CloudFormation language extensions (Transform: AWS::LanguageExtensions), evaluated as the transform does:
// Fn::ForEach in Resources expands into the generated resources before the rules run (findings sit on the loop
// body the user wrote and name the generated logical id), Fn::Length, Fn::ToJsonString, and Fn::FindInMap
// with a fourth argument {DefaultValue: ...}.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-findinmap-enhancements.html
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../../server/src/analysis';
import type { FileAnalysis } from '../../../server/src/analysis';
import { Resolver } from '../../../server/src/analysis/cloudformation/resolve';
import { buildTemplate } from '../../../server/src/analysis/cloudformation/template';
import { parseYaml } from '../../../server/src/analysis/parse/yaml';
import type { MapNode, Problem, ValueNode } from '../../../server/src/analysis/types';

function analyse(text: string, file = 'template.yaml'): FileAnalysis {
  return new Analyzer().analyze({ path: file, text });
}

function findings(result: FileAnalysis, text: string): string[] {
  return result.findings
    .map((finding) => `${finding.resource.id} ${finding.ruleId}:${finding.severity} @${text.slice(finding.range.start, finding.range.end)}`)
    .sort();
}

function infoProblems(result: FileAnalysis, text: string): string[] {
  return result.problems.map((problem) => `${problem.severity} @${text.slice(problem.range.start, problem.range.end)}: ${problem.message}`);
}

const LOOP = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::LanguageExtensions
Mappings:
  Versioning:
    logs:
      Status: Suspended
Resources:
  Fn::ForEach::Buckets:
    - Name
    - [logs, data]
    - \${Name}Bucket:
        Type: AWS::S3::Bucket
        Properties:
          VersioningConfiguration:
            Status: !FindInMap [Versioning, !Ref Name, Status, {DefaultValue: Enabled}]
      \${Name}Policy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref \${Name}Bucket
          PolicyDocument:
            Statement:
              - Effect: Deny
                Principal: '*'
                Action: 's3:*'
                Resource:
                  - !Sub 'arn:aws:s3:::\${\${Name}Bucket}/*'
                  - !GetAtt \${Name}Bucket.Arn
                Condition:
                  Bool:
                    'aws:SecureTransport': 'false'
`;

describe('Fn::ForEach in Resources', () => {
  test('each generated resource is analysed, named by its generated id, with findings on the loop body text', () => {
    const result = analyse(LOOP);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.resources.map((resource) => resource.id), ['logsBucket', 'logsPolicy', 'dataBucket', 'dataPolicy']);
    assert.deepEqual(findings(result, LOOP), [
      'dataBucket s3-access-logging:warning @${Name}Bucket',
      'dataBucket s3-kms-cmk:info @${Name}Bucket',
      'dataBucket s3-object-lock:info @${Name}Bucket',
      'logsBucket s3-access-logging:warning @${Name}Bucket',
      'logsBucket s3-kms-cmk:info @${Name}Bucket',
      'logsBucket s3-object-lock:info @${Name}Bucket',
      // Ref Name is the item: logs finds the mapping's Suspended; data is not in the mapping and takes the default.
      'logsBucket s3-versioning:info @!FindInMap [Versioning, !Ref Name, Status, {DefaultValue: Enabled}]',
    ]);
    const versioning = result.findings.find((finding) => finding.ruleId === 's3-versioning');
    assert.ok(versioning?.message.includes("'Suspended' (Mappings Versioning.logs.Status)"), versioning?.message);
    // The generated policy (Ref ${Name}Bucket) denies insecure transport to its bucket: no s3-tls-only-policy.
    for (const finding of result.findings) {
      assert.ok(finding.range.start >= 0 && finding.range.end <= LOOP.length && finding.range.start <= finding.range.end);
    }
  });

  test('&{Identifier} drops the non-alphanumeric characters of the item in the logical id', () => {
    const text = `Transform: [AWS::LanguageExtensions]
Resources:
  Fn::ForEach::Queues:
    - Name
    - [my-logs, audit.events]
    - Queue&{Name}:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: !Sub 'q-\${Name}'
`;
    const result = analyse(text);
    assert.deepEqual(result.resources.map((resource) => resource.id), ['Queuemylogs', 'Queueauditevents']);
    assert.deepEqual(result.problems, []);
    for (const finding of result.findings) assert.equal(text.slice(finding.range.start, finding.range.end).startsWith('Queue&{Name}'), true);
  });

  test('a collection from a CommaDelimitedList parameter uses its default', () => {
    const text = `Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
    Default: 'a,b,c'
Resources:
  Fn::ForEach::Buckets:
    - Name
    - !Ref Names
    - Bucket\${Name}:
        Type: AWS::S3::Bucket
`;
    const result = analyse(text);
    assert.deepEqual(result.resources.map((resource) => resource.id), ['Bucketa', 'Bucketb', 'Bucketc']);
    assert.deepEqual(findings(result, text).filter((line) => line.includes('s3-versioning')), [
      'Bucketa s3-versioning:info @Bucket${Name}',
      'Bucketb s3-versioning:info @Bucket${Name}',
      'Bucketc s3-versioning:info @Bucket${Name}',
    ]);
  });

  test('a collection that cannot be known leaves the loop unexpanded with one info problem', () => {
    const text = `Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
Resources:
  Fn::ForEach::Buckets:
    - Name
    - !Ref Names
    - Bucket\${Name}:
        Type: AWS::S3::Bucket
  Plain:
    Type: AWS::S3::Bucket
`;
    const result = analyse(text);
    assert.deepEqual(result.resources.map((resource) => resource.id), ['Plain']);
    assert.deepEqual(infoProblems(result, text), [
      'info @Fn::ForEach::Buckets: Fn::ForEach::Buckets (a language-extension loop) is not expanded: its collection is the value given for parameter Names (no default); what it makes is not analysed.',
    ]);
  });

  test('a malformed loop and a loop without the transform are information, never a crash', () => {
    const malformed = `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Bad:
    - Name
    - [a]
`;
    assert.deepEqual(infoProblems(analyse(malformed), malformed), [
      'info @Fn::ForEach::Bad: Fn::ForEach::Bad (a language-extension loop) is not expanded: it is not a list of an identifier, a collection and a fragment; what it makes is not analysed.',
    ]);
    const noTransform = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn::ForEach::Buckets:
    - Name
    - [a]
    - Bucket\${Name}:
        Type: AWS::S3::Bucket
`;
    const result = analyse(noTransform);
    assert.deepEqual(result.resources, []);
    assert.deepEqual(infoProblems(result, noTransform), [
      'info @Fn::ForEach::Buckets: Fn::ForEach::Buckets (a language-extension loop) needs Transform: AWS::LanguageExtensions, which this template does not declare; the resources it would make are not analysed.',
    ]);
  });

  test('nested loops expand with both identifiers, and JSON templates expand alike', () => {
    const text = `{
  "Transform": "AWS::LanguageExtensions",
  "Resources": {
    "Fn::ForEach::Envs": ["Env", ["dev", "prod"], {
      "Fn::ForEach::Kinds": ["Kind", ["logs"], {
        "\${Env}\${Kind}Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [{"Key": "env", "Value": {"Ref": "Env"}}]}}
      }]
    }]
  }
}
`;
    const result = analyse(text, 'template.json');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.resources.map((resource) => resource.id), ['devlogsBucket', 'prodlogsBucket']);
    assert.deepEqual(findings(result, text).filter((line) => line.includes('s3-versioning')), [
      'devlogsBucket s3-versioning:info @"${Env}${Kind}Bucket"',
      'prodlogsBucket s3-versioning:info @"${Env}${Kind}Bucket"',
    ]);
  });
});

describe('Fn::Length, Fn::ToJsonString and Fn::FindInMap DefaultValue', () => {
  const text = `Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
    Default: 'a,b'
  Free:
    Type: CommaDelimitedList
Mappings:
  M:
    k:
      v: mapped
Resources: {}
Outputs:
  Length: {Value: !Length [1, 2, 3]}
  ParamLength: {Value: !Length {Ref: Names}}
  FreeLength: {Value: !Length {Ref: Free}}
  Json: {Value: !ToJsonString {a: [1, true, x]}}
  JsonRef: {Value: !ToJsonString {a: !Ref Free}}
  Found: {Value: !FindInMap [M, k, v, {DefaultValue: other}]}
  Missing: {Value: !FindInMap [M, nope, v, {DefaultValue: other}]}
  NoMap: {Value: !FindInMap [Absent, k, v, {DefaultValue: other}]}
`;
  const problems: Problem[] = [];
  const root = parseYaml(text).root as MapNode;
  const template = buildTemplate(root, 'yaml', problems);
  const resolver = new Resolver(template);
  const outputs = root.entries.find((entry) => entry.key === 'Outputs')?.value as MapNode;
  const valueOf = (name: string): ValueNode => (outputs.entries.find((entry) => entry.key === name)?.value as MapNode).entries[0].value as ValueNode;
  const values = (name: string): string[] =>
    resolver.scalars(valueOf(name)).map((resolved) => (resolved.known ? `=${JSON.stringify(resolved.value)}` : `?${resolved.description}`));

  test('Fn::Length counts a literal list or a CommaDelimitedList default', () => {
    assert.deepEqual(values('Length'), ['=3']);
    assert.deepEqual(values('ParamLength'), ['=2']);
    assert.deepEqual(values('FreeLength'), ['?the length of a list that cannot be known']);
  });

  test('Fn::ToJsonString writes literal values as JSON', () => {
    assert.deepEqual(values('Json'), ['="{\\"a\\":[1,true,\\"x\\"]}"']);
    assert.deepEqual(values('JsonRef'), ['?the JSON text of a value that cannot be known']);
  });

  test('Fn::FindInMap takes DefaultValue when a key or the mapping is not there', () => {
    assert.deepEqual(values('Found'), ['="mapped"']);
    assert.deepEqual(values('Missing'), ['="other"']);
    assert.deepEqual(values('NoMap'), ['="other"']);
    assert.deepEqual(problems, []);
  });
});

describe('Fn::ForEach in Conditions and inside a resource', () => {
  // CloudFormation accepts Fn::ForEach in Conditions, Outputs and Resources, resource properties included:
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html
  const withConditions = (equals: string) => `Transform: AWS::LanguageExtensions
Conditions:
  Fn::ForEach::Checks:
    - Kind
    - [Storage, Backup]
    - Encrypt\${Kind}: ${equals}
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: !If [EncryptStorage, true, false]
`;

  test('a condition a loop makes decides the branch like a written one', () => {
    const always = withConditions('!Equals [a, a]');
    const resultAlways = analyse(always);
    assert.deepEqual(resultAlways.problems, []);
    assert.deepEqual(findings(resultAlways, always).filter((line) => line.includes('rds-storage-encrypted')), []);
    const never = withConditions('!Equals [a, b]');
    assert.deepEqual(findings(analyse(never), never).filter((line) => line.includes('rds-storage-encrypted')), [
      'Db rds-storage-encrypted:warning @false',
    ]);
  });

  test('a loop inside Properties makes properties, and findings sit on the loop body', () => {
    const text = `Transform: AWS::LanguageExtensions
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      Fn::ForEach::Settings:
        - Setting
        - [Versioning]
        - \${Setting}Configuration:
            Status: Suspended
`;
    const result = analyse(text);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(findings(result, text).filter((line) => line.includes('s3-versioning')), ['Bucket s3-versioning:info @Suspended']);
    const enabled = text.replace('Suspended', 'Enabled');
    assert.deepEqual(findings(analyse(enabled), enabled).filter((line) => line.includes('s3-versioning')), []);
  });

  test('a loop inside a generated resource and a JSON template expand alike; an unknown collection inside a resource is one info problem', () => {
    const text = `{
  "Transform": ["AWS::LanguageExtensions"],
  "Parameters": {"Free": {"Type": "CommaDelimitedList"}},
  "Resources": {
    "Fn::ForEach::Dbs": ["Name", ["a", "b"], {
      "\${Name}Db": {"Type": "AWS::RDS::DBInstance", "Properties": {
        "Engine": "postgres",
        "Fn::ForEach::Flags": ["Flag", ["Storage"], {"\${Flag}Encrypted": true}],
        "Fn::ForEach::Unknown": ["X", {"Ref": "Free"}, {"Tag\${X}": "x"}]
      }}
    }]
  }
}
`;
    const result = analyse(text, 'template.json');
    assert.deepEqual(result.resources.map((resource) => resource.id), ['aDb', 'bDb']);
    assert.deepEqual(findings(result, text).filter((line) => line.includes('rds-storage-encrypted')), []);
    assert.deepEqual(infoProblems(result, text), [
      'info @"Fn::ForEach::Unknown": Fn::ForEach::Unknown (a language-extension loop) is not expanded: its collection is the value given for parameter Free (no default); what it makes is not analysed.',
    ]);
  });
});
