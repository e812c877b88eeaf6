// Fixes that replace the flagged value itself (FlaggedReplacement) and fixes offered as several choices (issue 12):
// a world CIDR becomes a parameter or variable without a default, a public `"*"` principal the own account, a
// literal secret a NoEcho parameter / sensitive variable, a deprecated runtime one of the supported ones; in YAML
// (block and flow), JSON and HCL (jsonencode policies), declined where the value is not a literal of the resource.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import type { CodeActionResult } from '../../server/src/analysis';
import { runtimeFixes } from '../../server/src/analysis/rules/services/serverless';
import { memoryView } from '../helpers/fileSystemView';
import { judgeFix } from '../helpers/fixOutcome';

function analyzerFor(file: string, text: string): { analyzer: Analyzer; full: string } {
  if (!file.endsWith('.tf')) return { analyzer: new Analyzer(), full: file };
  return { analyzer: new Analyzer({ files: memoryView({ [file]: text }, '/m') }), full: `/m/${file}` };
}

/** The quick fixes (not suppressions) offered for the first `ruleId` finding whose text is `flagged`. */
function fixesFor(file: string, text: string, ruleId: string, flagged: string): { actions: CodeActionResult[]; fixed: (action: CodeActionResult) => string } {
  const { analyzer, full } = analyzerFor(file, text);
  const before = analyzer.analyze({ path: full, text });
  const finding = before.findings.find((candidate) => candidate.ruleId === ruleId && text.slice(candidate.range.start, candidate.range.end) === flagged);
  assert.ok(finding, `a ${ruleId} finding on ${flagged}: ${before.findings.map((candidate) => `${candidate.ruleId} ${text.slice(candidate.range.start, candidate.range.end)}`).join('; ')}`);
  const actions = analyzer.codeActions({ path: full, text }, finding.range)
    .filter((action) => action.finding.ruleId === ruleId && action.finding.range.start === finding.range.start && !action.title.startsWith('Suppress'));
  const fixed = (action: CodeActionResult): string => {
    const outcome = judgeFix(file, text, before, finding, action, (after) => {
      const again = analyzerFor(file, after);
      return again.analyzer.analyze({ path: again.full, text: after });
    });
    assert.deepEqual(outcome.problems, [], `${action.title}\n${outcome.fixed}`);
    return outcome.fixed;
  };
  return { actions, fixed };
}

function onlyFix(file: string, text: string, ruleId: string, flagged: string): { fixed: string; action: CodeActionResult } {
  const { actions, fixed } = fixesFor(file, text, ruleId, flagged);
  assert.equal(actions.length, 1, actions.map((action) => action.title).join('\n'));
  return { fixed: fixed(actions[0]), action: actions[0] };
}

const SG = 'Resources:\n  G:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: g\n      SecurityGroupEgress: [{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8 }]\n      SecurityGroupIngress:\n';

describe('a world CIDR becomes a parameter or variable without a default', () => {
  test('YAML block style: CidrIp: !Ref AllowedAdminCidr, declared under a new Parameters section', () => {
    const text = `${SG}        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n`;
    const { fixed, action } = onlyFix('t.yaml', text, 'sg-open-admin-ports', '0.0.0.0/0');
    assert.equal(action.safe, undefined, 'a placeholder is never applied in bulk');
    assert.match(action.title, /AllowedAdminCidr.*other sources lose access/);
    assert.ok(fixed.startsWith('Parameters:\n  AllowedAdminCidr:\n    Type: String\n    Description: "The IPv4 address range (CIDR) allowed'), fixed);
    assert.ok(fixed.includes('          CidrIp: !Ref AllowedAdminCidr\n'), fixed);
    assert.doesNotMatch(fixed, /Default/, 'no default: the deployment asks for it');
  });
  test('YAML flow style and IPv6: CidrIpv6 gets its own IPv6 parameter inside the flow mapping', () => {
    const text = `${SG}        - { IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIpv6: "::/0" }\n`;
    const { fixed } = onlyFix('t.yaml', text, 'sg-open-admin-ports', '"::/0"');
    assert.ok(fixed.includes('        - { IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIpv6: !Ref AllowedAdminCidrIpv6 }\n'), fixed);
    assert.match(fixed, /AllowedAdminCidrIpv6:\n {4}Type: String\n {4}Description: "The IPv6 address range/);
  });
  test('JSON: { "Ref": ... } and the parameter first in an existing Parameters section', () => {
    const text = '{\n  "Parameters": {\n    "Env": { "Type": "String" }\n  },\n  "Resources": {\n    "G": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n        "GroupDescription": "g",\n        "SecurityGroupEgress": [{ "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "10.0.0.0/8" }],\n        "SecurityGroupIngress": [{ "IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "CidrIp": "0.0.0.0/0" }]\n      }\n    }\n  }\n}\n';
    const { fixed } = onlyFix('t.json', text, 'sg-no-world-high-risk-ports', '"0.0.0.0/0"');
    assert.ok(fixed.includes('"CidrIp": { "Ref": "AllowedIngressCidr" } }]'), fixed);
    assert.ok(fixed.includes('  "Parameters": {\n    "AllowedIngressCidr": { "Type": "String", "Description": '), fixed);
  });
  test('HCL: the element of cidr_blocks becomes var.allowed_admin_cidr, the variable declared after the resource', () => {
    const text = 'resource "aws_security_group" "g" {\n  ingress {\n    protocol    = "tcp"\n    from_port   = 22\n    to_port     = 22\n    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]\n  }\n}\n';
    const { fixed } = onlyFix('main.tf', text, 'sg-open-admin-ports', '"0.0.0.0/0"');
    assert.equal(fixed, text.replace('"10.0.0.0/8", "0.0.0.0/0"', '"10.0.0.0/8", var.allowed_admin_cidr').replace(/\n$/, '\n\nvariable "allowed_admin_cidr" {\n  description = "The IPv4 address range (CIDR) allowed to reach these administration ports, such as your office or VPN network; not 0.0.0.0/0."\n  type        = string\n}\n'));
  });
  test('an existing variable of that name is reused, not declared twice', () => {
    const text = 'variable "allowed_admin_cidr" {\n  type = string\n}\n\nresource "aws_security_group_rule" "r" {\n  type              = "ingress"\n  protocol          = "tcp"\n  from_port         = 3389\n  to_port           = 3389\n  cidr_blocks       = ["0.0.0.0/0"]\n  security_group_id = "sg-1"\n}\n';
    const { fixed } = onlyFix('main.tf', text, 'sg-open-admin-ports', '"0.0.0.0/0"');
    assert.equal(fixed, text.replace('["0.0.0.0/0"]', '[var.allowed_admin_cidr]'));
  });
  test('declined where the world range is a parameter default or a variable default (the author\'s wiring)', () => {
    const yaml = `Parameters:\n  Cidr:\n    Type: String\n    Default: 0.0.0.0/0\n${SG}        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr }\n`;
    assert.deepEqual(fixesFor('t.yaml', yaml, 'sg-open-admin-ports', '!Ref Cidr').actions, []);
    const hcl = 'variable "cidr" {\n  default = "0.0.0.0/0"\n}\n\nresource "aws_vpc_security_group_ingress_rule" "r" {\n  security_group_id = "sg-1"\n  ip_protocol       = "tcp"\n  from_port         = 22\n  to_port           = 22\n  cidr_ipv4         = var.cidr\n}\n';
    assert.deepEqual(fixesFor('main.tf', hcl, 'sg-open-admin-ports', 'var.cidr').actions, []);
  });
});

describe('a public principal becomes the own account', () => {
  const bucketPolicy = (principal: string) => `Resources:\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: b\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: ${principal}\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::b/*\n`;
  test('YAML: Principal "*" becomes { AWS: !Sub arn:...:root }, AWS: ["*"] only the element; breaks, never in bulk', () => {
    const whole = onlyFix('t.yaml', bucketPolicy('"*"'), 's3-policy-no-public-principal', '"*"');
    assert.ok(whole.fixed.includes('            Principal: { AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" }\n'), whole.fixed);
    assert.equal(whole.action.safe, undefined);
    assert.match(whole.action.title, /lose access/);
    const element = onlyFix('t.yaml', bucketPolicy('{ AWS: ["*"] }'), 's3-policy-no-public-principal', '"*"');
    assert.ok(element.fixed.includes('            Principal: { AWS: [!Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"] }\n'), element.fixed);
  });
  test('JSON: { "Fn::Sub": ... } under "AWS"', () => {
    const text = '{"Resources": {"Q": {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": ["q"], "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}]}}}}}\n';
    const { fixed } = onlyFix('t.json', text, 'sqs-policy-not-public', '"*"');
    assert.ok(fixed.includes('"Principal": { "AWS": { "Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" } }'), fixed);
  });
  const hclPolicy = (before: string, principal: string) => `${before}resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = ${principal}\n      Action    = "s3:GetObject"\n      Resource  = "arn:aws:s3:::b/*"\n    }]\n  })\n}\n`;
  test('HCL jsonencode: an existing aws_caller_identity gives the account id; without one, a new variable account_id', () => {
    const identity = 'data "aws_caller_identity" "me" {}\n\n';
    assert.equal(onlyFix('main.tf', hclPolicy(identity, '{ AWS = "*" }'), 's3-policy-no-public-principal', '"*"').fixed,
      hclPolicy(identity, '{ AWS = data.aws_caller_identity.me.account_id }'));
    const { fixed } = onlyFix('main.tf', hclPolicy('', '"*"'), 's3-policy-no-public-principal', '"*"');
    assert.ok(fixed.startsWith(hclPolicy('', '{ AWS = var.account_id }').replace(/\n$/, '')), fixed);
    assert.match(fixed, /\n\nvariable "account_id" \{\n {2}description = "The ID of the AWS account/);
  });
  test('a heredoc policy gets no fix (its JSON is one string)', () => {
    const text = 'resource "aws_sqs_queue_policy" "p" {\n  queue_url = "q"\n  policy    = <<EOF\n{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}]}\nEOF\n}\n';
    const { analyzer, full } = analyzerFor('main.tf', text);
    const finding = analyzer.analyze({ path: full, text }).findings.find((candidate) => candidate.ruleId === 'sqs-policy-not-public');
    assert.ok(finding);
    assert.deepEqual(analyzer.codeActions({ path: full, text }, finding.range).filter((action) => action.isPreferred), []);
  });
  test('a Lambda permission: Principal "*" becomes the account id', () => {
    const text = 'Resources:\n  P:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: f\n      Action: lambda:InvokeFunction\n      Principal: "*"\n';
    assert.ok(onlyFix('t.yaml', text, 'lambda-permission-not-public', '"*"').fixed.includes('      Principal: !Ref AWS::AccountId\n'));
  });
});

describe('a literal secret becomes a NoEcho parameter / sensitive variable', () => {
  test('YAML and HCL: named after the environment variable; the title says the value still reaches the function', () => {
    const yaml = 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: a.b\n      Role: r\n      Code: { ZipFile: x }\n      Environment:\n        Variables:\n          DB_PASSWORD: hunter2hunter2\n';
    const { fixed, action } = onlyFix('t.yaml', yaml, 'lambda-env-no-secrets', 'hunter2hunter2');
    assert.match(action.title, /still reaches the function's environment/);
    assert.ok(fixed.includes('          DB_PASSWORD: !Ref DbPassword\n'), fixed);
    assert.match(fixed, /DbPassword:\n {4}Type: String\n {4}Description: "[^"]*"\n {4}NoEcho: true\n/);
    const hcl = 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  runtime       = "python3.13"\n  environment {\n    variables = {\n      DB_PASSWORD = "hunter2hunter2"\n    }\n  }\n}\n';
    const tf = onlyFix('main.tf', hcl, 'lambda-env-no-secrets', '"hunter2hunter2"');
    assert.ok(tf.fixed.includes('      DB_PASSWORD = var.db_password\n'), tf.fixed);
    assert.match(tf.fixed, /variable "db_password" \{\n[^}]*sensitive {3}= true\n\}\n$/);
    assert.match(tf.action.title, /Terraform state/);
  });
});

describe('choices: one finding, several actions', () => {
  test('a deprecated python runtime: the two supported ones, the latest preferred, neither applied in bulk', () => {
    const text = 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.8\n      Handler: a.b\n      Role: r\n      Code: { ZipFile: x }\n';
    const { actions, fixed } = fixesFor('t.yaml', text, 'lambda-supported-runtime', 'python3.8');
    assert.deepEqual(actions.map((action) => [action.title.replace(/ — .*/, ''), action.isPreferred, action.safe]), [
      ['Set Runtime: python3.13', true, undefined],
      ['Set Runtime: python3.12', false, undefined],
    ]);
    assert.ok(actions.every((action) => /test the function on it first/.test(action.title)));
    assert.ok(fixed(actions[1]).includes('      Runtime: python3.12\n'));
    assert.equal(new Analyzer().fixAll({ path: 't.yaml', text })?.text.includes('python3.8') ?? true, true, 'fix-all leaves the runtime alone');
  });
  test('Terraform: the same choices; go1.x moves to provided.al2023 with its consequence', () => {
    const text = 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  runtime       = "go1.x"\n}\n';
    const { actions, fixed } = fixesFor('main.tf', text, 'lambda-supported-runtime', '"go1.x"');
    assert.equal(actions.length, 1);
    assert.match(actions[0].title, /^Set runtime = "provided\.al2023" — .*bootstrap/);
    assert.equal(fixed(actions[0]), text.replace('"go1.x"', '"provided.al2023"'));
  });
  test('runtimeFixes offers only runtimes whose deprecation date is ahead, latest first', () => {
    const fixes = runtimeFixes('2026-12-01');
    assert.equal(fixes['runtime-python']?.value, 'python3.13');
    assert.deepEqual(fixes['runtime-python']?.choices?.map((choice) => choice.value), ['python3.12']);
    assert.equal(fixes['runtime-nodejs']?.value, 'nodejs22.x');
    assert.equal(fixes['runtime-dotnet'], undefined, 'dotnet8 was deprecated on 2026-11-10: nothing supported to offer');
    assert.equal(runtimeFixes('2029-07-01')['runtime-python'], undefined);
  });
});
