import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseYaml } from '../../server/src/analysis/parse/yaml';
import { parseJson } from '../../server/src/analysis/parse/json';
import { buildTemplate, mapEntry } from '../../server/src/analysis/cloudformation/template';
import type { CfnRuleContext } from '../../server/src/analysis/cloudformation/context';
import { Resolver } from '../../server/src/analysis/cloudformation/resolve';
import type { MapNode } from '../../server/src/analysis';
import { everyonePrincipals, identityPolicies, isAdministratorAccess, isTlsDeny, linkTargets, linksTo, patternText, readPolicyDocuments, restrictingConditions, serviceWildcards, starValues } from '../../server/src/analysis/rules/support/policy';

function contextFor(text: string, json = false): CfnRuleContext {
  const parsed = json ? parseJson(text) : parseYaml(text);
  assert.equal(parsed.root?.kind, 'map');
  const template = buildTemplate(parsed.root as MapNode, json ? 'json' : 'yaml', []);
  const context: CfnRuleContext = {
    template,
    resolver: new Resolver(template),
    settings: {},
    resourcesOfType: (type) => template.resources.filter((resource) => resource.type === type),
    shared: (_key, compute) => compute(context),
  };
  return context;
}

function documentsOf(context: CfnRuleContext, id: string, property = 'PolicyDocument') {
  const resource = context.template.resourcesById.get(id);
  assert.ok(resource);
  return readPolicyDocuments(mapEntry(resource.properties, property), context.resolver);
}

const head = 'AWSTemplateFormatVersion: "2010-09-09"\n';

describe('policy documents', () => {
  test('a YAML map: a single statement (not a list), string or list fields, principals and conditions', () => {
    const text = `${head}Resources:
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      PolicyDocument:
        Statement:
          Sid: One
          Effect: Allow
          Principal: { AWS: ["*", "arn:aws:iam::1:root"], Service: s3.amazonaws.com }
          Action: [s3:*, s3:GetObject]
          Resource: "*"
          Condition: { StringEquals: { aws:SourceAccount: "1" }, Bool: { aws:SecureTransport: true } }
`;
    const [document] = documentsOf(contextFor(text), 'P');
    assert.equal(document.fromJsonString, false);
    assert.equal(document.statements.length, 1);
    const [statement] = document.statements;
    assert.equal(statement.sid, 'One');
    assert.deepEqual(statement.action?.values.map((value) => value.value), ['s3:*', 's3:GetObject']);
    assert.deepEqual(serviceWildcards(statement.action).map((value) => value.value), ['s3:*']);
    assert.equal(starValues(statement.resource).length, 1);
    assert.deepEqual(statement.principal?.entries.map((entry) => entry.kind), ['AWS', 'Service']);
    const everyone = everyonePrincipals(statement.principal);
    assert.equal(everyone.length, 1);
    assert.equal(text.slice(everyone[0].range.start, everyone[0].range.end), '"*"');
    assert.deepEqual(statement.condition.map((entry) => `${entry.operator} ${entry.key}`), ['StringEquals aws:SourceAccount', 'Bool aws:SecureTransport']);
    assert.deepEqual(restrictingConditions(statement).map((entry) => entry.key), ['aws:SourceAccount']);
    assert.equal(isTlsDeny(statement), false);
  });

  test('a JSON string is parsed, and its values carry the whole string range', () => {
    const text = `${head}Resources:
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      PolicyDocument: '{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}'
`;
    const [document] = documentsOf(contextFor(text), 'P');
    assert.equal(document.fromJsonString, true);
    const [statement] = document.statements;
    assert.equal(isTlsDeny(statement), true);
    assert.deepEqual(statement.principal?.range, document.range);
    assert.ok(text.slice(document.range.start, document.range.end).startsWith(`'{"Statement"`));
  });

  test('a JSON string in Fn::Sub keeps its placeholders; invalid JSON gives no document', () => {
    const text = `${head}Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !Sub '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:\${AWS::Partition}:s3:::\${B}/*"}]}'
  Q:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: '{"Statement": [ oops'
`;
    const context = contextFor(text);
    const [document] = documentsOf(context, 'P');
    assert.equal(document.statements[0].resource?.values[0].value, 'arn:${AWS::Partition}:s3:::${B}/*');
    assert.deepEqual(documentsOf(context, 'Q'), []);
  });

  test('Fn::If in a statement list and in a value, with parameters, resolves every branch', () => {
    const text = `${head}Parameters:
  Act:
    Type: String
    Default: s3:GetObject
    AllowedValues: [s3:GetObject, "*"]
  Env:
    Type: String
Conditions:
  Dev: !Equals [!Ref Env, dev]
Resources:
  P:
    Type: AWS::IAM::Policy
    Properties:
      PolicyDocument:
        Statement:
          - !If [Dev, { Effect: Allow, Action: "*", Resource: "*" }, !Ref AWS::NoValue]
          - Effect: Allow
            Action: !Ref Act
            Resource: "*"
`;
    const [document] = documentsOf(contextFor(text), 'P');
    assert.equal(document.statements.length, 2);
    assert.equal(document.statements[0].action?.values[0].definite, false);
    const values = document.statements[1].action?.values ?? [];
    assert.deepEqual(values.map((value) => [value.value, value.definite]), [['s3:GetObject', true], ['*', false]]);
  });

  test('JSON templates read like YAML ones', () => {
    const text = `{"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"}]}}}}}`;
    const [document] = documentsOf(contextFor(text, true), 'K', 'KeyPolicy');
    assert.equal(everyonePrincipals(document.statements[0].principal).length, 1);
  });
});

describe('links and identity policies', () => {
  test('Ref, GetAtt, Sub and literal names link a policy to its target', () => {
    const text = `${head}Parameters:
  App:
    Type: String
Resources:
  A:
    Type: AWS::S3::Bucket
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: named-bucket
  C:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub \${App}-c
  P:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref A, !GetAtt B.Arn, !Sub "\${A}-x", named-bucket, !Sub "\${App}-c", !ImportValue Q]
`;
    const context = contextFor(text);
    const target = linkTargets(mapEntry(context.template.resourcesById.get('P')?.properties, 'Queues'), context);
    assert.deepEqual(target.ids, ['A', 'B']);
    assert.deepEqual(target.literals, ['named-bucket']);
    assert.deepEqual(target.patterns, ['${App}-c']);
    assert.equal(target.unknown, true);
    for (const id of ['A', 'B', 'C']) {
      const resource = context.template.resourcesById.get(id);
      assert.ok(resource);
      assert.equal(linksTo(target, resource, 'BucketName', context), true, id);
    }
  });

  test('identity policies of roles, SAM functions and managed policy ARNs', () => {
    const text = `${head}Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      ManagedPolicyArns: [!Sub "arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess", !Join ["", ["arn:", !Ref AWS::Partition, ":iam::aws:policy/ReadOnlyAccess"]]]
      Policies:
        - PolicyName: a
          PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }] }
  F:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AWSLambdaBasicExecutionRole
        - SQSPollerPolicy: { QueueName: q }
        - Statement: [{ Effect: Allow, Action: "*", Resource: "*" }]
`;
    const context = contextFor(text);
    const role = identityPolicies(context.template.resourcesById.get('R')!, context);
    assert.equal(role.documents.length, 1);
    assert.match(role.documents[0].label, /inline policy 'a' of role R/);
    assert.deepEqual(role.managed.map(isAdministratorAccess), [true, false]);
    const fn = identityPolicies(context.template.resourcesById.get('F')!, context);
    assert.equal(fn.documents.length, 1);
    assert.deepEqual(fn.managed.map((value) => value.text), ['AWSLambdaBasicExecutionRole']);
  });

  test('patternText keeps what cannot be known as placeholders', () => {
    const parsed = parseYaml('V: !Join ["", ["arn:", !Ref AWS::Partition, ":x:", !GetAtt A.Arn]]\n');
    const node = mapEntry(parsed.root as MapNode, 'V');
    assert.ok(node);
    assert.equal(patternText(node), 'arn:${AWS::Partition}:x:${A.Arn}');
  });
});
