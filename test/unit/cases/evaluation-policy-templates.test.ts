// Policies written as text with parts that cannot be known, read as far as they can be: a Terraform heredoc or
// quoted JSON policy whose unknown interpolations sit inside JSON strings keeps its known actions (only those
// strings are unknown), and a managed policy attached by a reference to one the same module or template creates
// is judged on that policy's own resource, not "cannot be checked" on the attachment. Found reading random
// corpus findings (terraform-aws-s3-bucket examples/s3-replication/iam.tf).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../../server/src/analysis';
import type { FileAnalysis } from '../../../server/src/analysis';

function analyse(text: string, file: string): FileAnalysis {
  return new Analyzer().analyze({ path: file, text });
}

/** `resource item: status (rules): detail` for the identity-access statuses. */
function identity(result: FileAnalysis): string[] {
  return result.resources.flatMap((resource) => resource.responsibilities
    .filter((status) => status.item === 'identity-access')
    .map((status) => `${resource.id}: ${status.status}: ${status.detail}`));
}

const heredoc = (statement: string) => `locals {
  bucket = "origin-\${random_pet.this.id}"
}
resource "random_pet" "this" {}
resource "aws_iam_policy" "replication" {
  name   = "replication"
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    ${statement}
  ]
}
POLICY
}
`;

describe('a Terraform JSON policy with unknown interpolations inside strings', () => {
  test('known actions on an unknown resource: no administrator grant, no service wildcard', () => {
    const text = heredoc('{ "Effect": "Allow", "Action": ["s3:GetObjectVersion"], "Resource": "arn:aws:s3:::${local.bucket}/*" }');
    const result = analyse(text, 'iam.tf');
    assert.deepEqual(result.findings, []);
    assert.deepEqual(identity(result), [
      "aws_iam_policy.replication: addressed: No policy grants Action '*' on Resource '*'. No statement allows a whole service on Resource '*'.",
    ]);
  });

  test('Action * on Resource * written literally is reported, whatever the other strings hold', () => {
    const text = heredoc('{ "Sid": "${local.bucket}", "Effect": "Allow", "Action": "*", "Resource": "*" }');
    const result = analyse(text, 'iam.tf');
    assert.deepEqual(result.findings.map((finding) => finding.ruleId), ['iam-no-admin-star']);
  });

  test('a whole service on a resource that cannot be known cannot be checked (never addressed)', () => {
    const text = heredoc('{ "Effect": "Allow", "Action": "s3:*", "Resource": "${local.bucket}" }');
    const result = analyse(text, 'iam.tf');
    assert.deepEqual(result.findings, []);
    const [status] = identity(result);
    assert.match(status, /^aws_iam_policy\.replication: cannot-be-checked: /);
    assert.match(status, /\$\{local\.bucket\}/);
  });

  test('an unknown interpolation outside a JSON string leaves the policy unreadable', () => {
    const text = heredoc('{ "Effect": "Allow", "Action": ${jsonencode(var.actions)}, "Resource": "*" }').replace('resource "random_pet"', 'variable "actions" {}\nresource "random_pet"');
    const result = analyse(text, 'iam.tf');
    assert.deepEqual(result.findings, []);
    const [status] = identity(result);
    assert.match(status, /^aws_iam_policy\.replication: cannot-be-checked: .*cannot be evaluated/);
  });
});

describe('a policy value that cannot be known and may be *', () => {
  test('CloudFormation: Action * or s3:* on a Resource given as a parameter cannot be checked; a pattern with literal parts can', () => {
    const text = (resource: string, action: string) => `Parameters:
  Arn:
    Type: String
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: "${action}", Resource: ${resource} }
`;
    for (const action of ['*', 's3:*']) {
      const unknown = identity(analyse(text('!Ref Arn', action), 'template.yaml'));
      assert.equal(unknown.length, 1);
      assert.match(unknown[0], /^P: cannot-be-checked: .*which may be '\*'/);
      const known = identity(analyse(text('!Sub "arn:aws:s3:::${Arn}/*"', action), 'template.yaml'));
      assert.match(known[0], /^P: addressed: /);
    }
  });

  test('an Action given as a parameter on Resource * may be a whole service or *', () => {
    const text = `Parameters:
  Action:
    Type: String
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: !Ref Action, Resource: "*" }
`;
    const [status] = identity(analyse(text, 'template.yaml'));
    assert.match(status, /^P: cannot-be-checked: /);
  });
});

describe('a managed policy attached by reference to one the same file set creates', () => {
  test('Terraform: aws_iam_policy_attachment of aws_iam_policy.x.arn is judged on the policy', () => {
    const text = `${heredoc('{ "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*" }')}
resource "aws_iam_role" "replication" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "s3.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}
resource "aws_iam_policy_attachment" "replication" {
  name       = "replication"
  roles      = [aws_iam_role.replication.name]
  policy_arn = aws_iam_policy.replication.arn
}
resource "aws_iam_role_policy_attachment" "foreign" {
  role       = aws_iam_role.replication.name
  policy_arn = var.policy_arn
}
variable "policy_arn" {}
`;
    const statuses = identity(analyse(text, 'iam.tf')).filter((line) => line.includes('attachment'));
    assert.deepEqual(statuses.map((line) => line.replace(/: (cannot be checked: )?[^:]*$/, '')), [
      'aws_iam_policy_attachment.replication: addressed',
      'aws_iam_role_policy_attachment.foreign: cannot-be-checked',
    ]);
    assert.match(statuses[0], /It attaches aws_iam_policy\.replication, whose document is checked on that resource\./);
  });

  test('CloudFormation: ManagedPolicyArns with a Ref to an AWS::IAM::ManagedPolicy of the template', () => {
    const text = `Parameters:
  Extra:
    Type: String
Resources:
  Read:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: ["s3:GetObject"], Resource: "*" }
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      ManagedPolicyArns: [!Ref Read]
  Other:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      ManagedPolicyArns: [!Ref Extra]
`;
    const result = analyse(text, 'template.yaml');
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'iam-no-admin-star'), []);
    const statuses = identity(result);
    assert.ok(statuses.some((line) => line.startsWith('Role: not-applicable: It attaches managed policy Read, whose document is checked on that resource.')), statuses.join('\n'));
    assert.ok(statuses.some((line) => line.startsWith('Other: cannot-be-checked: ')), statuses.join('\n'));
  });
});
