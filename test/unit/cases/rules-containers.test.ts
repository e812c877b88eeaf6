// Cases of the containers family (ECS, EKS, SageMaker, CodeBuild): the shared rule cases read from
// test/fixtures/cases/rules, and variants of the same kinds of fault (Terraform vocabulary in messages and fix
// titles, wrong-shaped values where a mapping or list is expected).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileAnalysis } from '../../../server/src/analysis';
import { getRule } from '../../../server/src/analysis/rules/registry';
import { EXAMPLES } from '../../../server/src/analysis/rules/examples/containers';
import { getSetting } from '../../../server/src/analysis/knowledge';
import { analyseExample, exampleInput } from '../support/examples';

const CASES = join('test', 'fixtures', 'cases', 'rules');
const RULES = EXAMPLES.map((examples) => examples.rule);

function internalErrors(result: FileAnalysis): string[] {
  return result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message);
}

/** The responsibility status of `resource` that `ruleId` contributes to. */
function statusOf(result: FileAnalysis, resource: string, ruleId: string) {
  return result.resources.find((summary) => summary.id === resource)?.responsibilities.find((status) => status.ruleIds.includes(ruleId));
}

describe('case eks-endpoint-terraform-wording', () => {
  const path = join(CASES, 'eks-endpoint-terraform-wording', 'main.tf');
  const text = readFileSync(path, 'utf8');
  const result = analyseExample('terraform', 'main.tf', text);

  test('eks-endpoint-private fires once, as an error on line 11, in Terraform words', () => {
    const findings = result.findings.filter((finding) => finding.ruleId === 'eks-endpoint-private');
    assert.equal(findings.length, 1, findings.map((finding) => finding.message).join('\n'));
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(result.lineIndex.positionAt(finding.range.start).line + 1, 11);
    assert.equal(text.slice(finding.range.start, finding.range.end), 'true');
    assert.equal(finding.resource.id, 'aws_eks_cluster.heron');
    assert.ok(finding.message.includes('vpc_config.endpoint_public_access is true'), finding.message);
    assert.ok(finding.message.includes('set vpc_config.endpoint_private_access = true and endpoint_public_access = false, or restrict public_access_cidrs'), finding.message);
    for (const cfn of ['EndpointPrivateAccess', 'EndpointPublicAccess', 'PublicAccessCidrs', 'ResourcesVpcConfig', ': true']) {
      assert.ok(!finding.message.includes(cfn), `no CloudFormation wording (${cfn}): ${finding.message}`);
    }
  });
});

describe('case rule-crash-intrinsic-where-map-expected (eks-nodegroup-ssh)', () => {
  const text = readFileSync(join(CASES, 'rule-crash-intrinsic-where-map-expected', 'four-rules.yaml'), 'utf8');
  const result = analyseExample('cloudformation', 'four-rules.yaml', text);

  test('RemoteAccess: !Ref Access does not crash the rule', () => {
    assert.deepEqual(internalErrors(result).filter((message) => message.includes('eks-nodegroup-ssh')), []);
  });

  test('the node group is "cannot be checked", not addressed and no finding', () => {
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'eks-nodegroup-ssh'), []);
    const status = statusOf(result, 'Nodes', 'eks-nodegroup-ssh');
    assert.equal(status?.status, 'cannot-be-checked', JSON.stringify(status));
    assert.ok(status?.detail.includes('RemoteAccess'), status?.detail);
  });
});

/** PascalCase property names a CloudFormation reader of ours reads: none may appear in a Terraform message. */
function cloudFormationNames(): Set<string> {
  const names = new Set<string>();
  for (const id of RULES) {
    for (const settingId of getRule(id)?.meta.settings ?? []) {
      for (const segment of getSetting(settingId)?.cloudformation?.propertyPath.split('.') ?? []) names.add(segment.replace('[]', ''));
    }
  }
  for (const examples of EXAMPLES) {
    for (const example of [...(examples.cloudformation?.good ?? []), ...(examples.cloudformation?.bad ?? [])]) {
      for (const match of example.code.matchAll(/^\s*(?:- )?\{?([A-Z][A-Za-z0-9]+):/gm)) names.add(match[1]);
    }
  }
  // Words of the template's frame and plain English, not settings.
  for (const word of ['Resources', 'Properties', 'Type', 'Name', 'Value', 'Parameters', 'AWSTemplateFormatVersion']) names.delete(word);
  return names;
}

describe('Terraform findings of the containers rules use Terraform vocabulary', () => {
  const names = cloudFormationNames();
  for (const examples of EXAMPLES) {
    for (const example of examples.terraform?.bad ?? []) {
      test(`${examples.rule}: ${example.name}`, () => {
        const { path, text } = exampleInput('terraform', example);
        const result = analyseExample('terraform', path, text, example.files);
        const findings = result.findings.filter((finding) => finding.ruleId === examples.rule);
        assert.ok(findings.length > 0);
        const rule = getRule(examples.rule);
        for (const finding of findings) {
          const fix = finding.fixId ? rule?.fixes?.[finding.fixId] : undefined;
          if (finding.fixId) assert.ok(fix?.terraform, `a Terraform finding names a fix with a Terraform form (${finding.fixId})`);
          // Product names are not properties.
          for (const words of [finding.message, fix?.terraform?.title ?? ''].map((text) => text.replace(/Secrets Manager|Parameter Store/g, ''))) {
            const used = [...names].filter((name) => new RegExp(`\\b${name}\\b`).test(words));
            assert.deepEqual(used, [], `CloudFormation names in: ${words}`);
            assert.ok(!/\b[A-Za-z]+: (true|false|Disabled|Enabled)\b/.test(words), `YAML syntax in: ${words}`);
          }
        }
      });
    }
  }
});

/** Map- and list-typed properties our CloudFormation readers walk, with a resource that holds them. */
const CFN_SHAPES: readonly { rules: readonly string[]; type: string; property: string; extra?: string }[] = [
  { rules: ['ecs-no-privileged', 'ecs-readonly-rootfs', 'ecs-no-secrets-in-env', 'ecs-logging'], type: 'AWS::ECS::TaskDefinition', property: 'ContainerDefinitions' },
  { rules: ['ecs-efs-transit-encryption'], type: 'AWS::ECS::TaskDefinition', property: 'Volumes' },
  { rules: ['ecs-service-no-public-ip'], type: 'AWS::ECS::Service', property: 'NetworkConfiguration' },
  { rules: ['ecs-container-insights'], type: 'AWS::ECS::Cluster', property: 'ClusterSettings' },
  { rules: ['eks-endpoint-private'], type: 'AWS::EKS::Cluster', property: 'ResourcesVpcConfig' },
  { rules: ['eks-secrets-encryption'], type: 'AWS::EKS::Cluster', property: 'EncryptionConfig', extra: 'Version: "1.27"' },
  { rules: ['eks-control-plane-logging'], type: 'AWS::EKS::Cluster', property: 'Logging' },
  { rules: ['eks-nodegroup-ssh'], type: 'AWS::EKS::Nodegroup', property: 'RemoteAccess' },
  { rules: ['codebuild-no-privileged', 'codebuild-no-plaintext-credentials'], type: 'AWS::CodeBuild::Project', property: 'Environment' },
  { rules: ['codebuild-artifact-encryption'], type: 'AWS::CodeBuild::Project', property: 'Artifacts' },
];
/** Values that cannot be the mapping or list: each gives "cannot be checked". */
const WRONG: Readonly<Record<string, string>> = {
  ref: '!Ref Setting',
  if: '!If [Decided, !Ref Setting, !Ref Setting]',
  undecided: '!If [Undecided, ENABLED, ENABLED]',
  scalar: 'TODO',
  list: '[a, b]',
  nested: '{Inner: TODO}',
};

describe('wrong-shaped values where a mapping or list is expected (CloudFormation)', () => {
  for (const shape of CFN_SHAPES) {
    for (const [kind, value] of Object.entries(WRONG)) {
      test(`${shape.type} ${shape.property}: ${kind}`, () => {
        const text = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Setting:
    Type: String
    Default: ENABLED
  Mode:
    Type: String
    Default: a
    AllowedValues: [a, b]
Conditions:
  Decided: !Equals [a, a]
  Undecided: !Equals [!Ref Mode, b]
Resources:
  Subject:
    Type: ${shape.type}
    Properties:
      ${shape.extra ? `${shape.extra}\n      ` : ''}${shape.property}: ${value}
`;
        const result = analyseExample('cloudformation', 'template.yaml', text);
        assert.deepEqual(internalErrors(result), []);
        for (const rule of shape.rules) {
          // A nested wrong shape ({Inner: TODO}) is only wrong where the rule reads below it.
          if (kind === 'nested') continue;
          assert.deepEqual(result.findings.filter((finding) => finding.ruleId === rule).map((finding) => finding.message), [], rule);
          const status = statusOf(result, 'Subject', rule);
          assert.notEqual(status?.status, 'addressed', `${rule}: ${JSON.stringify(status)}`);
          assert.ok(status?.detail.includes('cannot be checked'), `${rule}: ${JSON.stringify(status)}`);
        }
      });
    }
    test(`${shape.type} ${shape.property}: {} (empty) reads as absent, no crash`, () => {
      const result = analyseExample('cloudformation', 'template.yaml', `Resources:\n  Subject:\n    Type: ${shape.type}\n    Properties:\n      ${shape.property}: {}\n`);
      assert.deepEqual(internalErrors(result), []);
    });
  }
});

/** Terraform blocks written as an expression (an unset variable) or a wrong literal: never a crash or a verdict. */
const TF_SHAPES: readonly { rules: readonly string[]; type: string; argument: string; extra?: string }[] = [
  { rules: ['ecs-no-privileged', 'ecs-readonly-rootfs', 'ecs-no-secrets-in-env', 'ecs-logging'], type: 'aws_ecs_task_definition', argument: 'container_definitions' },
  { rules: ['ecs-efs-transit-encryption'], type: 'aws_ecs_task_definition', argument: 'volume', extra: 'container_definitions = jsonencode([])' },
  { rules: ['ecs-service-no-public-ip'], type: 'aws_ecs_service', argument: 'network_configuration' },
  { rules: ['ecs-container-insights'], type: 'aws_ecs_cluster', argument: 'setting' },
  { rules: ['eks-endpoint-private'], type: 'aws_eks_cluster', argument: 'vpc_config' },
  { rules: ['eks-secrets-encryption'], type: 'aws_eks_cluster', argument: 'encryption_config', extra: 'version = "1.27"' },
  { rules: ['eks-control-plane-logging'], type: 'aws_eks_cluster', argument: 'enabled_cluster_log_types' },
  { rules: ['eks-nodegroup-ssh'], type: 'aws_eks_node_group', argument: 'remote_access' },
  { rules: ['codebuild-no-privileged', 'codebuild-no-plaintext-credentials'], type: 'aws_codebuild_project', argument: 'environment' },
  { rules: ['codebuild-artifact-encryption'], type: 'aws_codebuild_project', argument: 'artifacts' },
];

describe('wrong-shaped values where a block is expected (Terraform)', () => {
  for (const shape of TF_SHAPES) {
    for (const [kind, value] of Object.entries({ variable: 'var.unset', scalar: '"TODO"', number: '3' })) {
      test(`${shape.type}.${shape.argument} = ${kind}`, () => {
        const text = `variable "unset" {}\nresource "${shape.type}" "subject" {\n  ${shape.extra ?? ''}\n  ${shape.argument} = ${value}\n}\n`;
        const result = analyseExample('terraform', 'main.tf', text);
        assert.deepEqual(internalErrors(result), []);
        for (const rule of shape.rules) {
          assert.deepEqual(result.findings.filter((finding) => finding.ruleId === rule).map((finding) => finding.message), [], rule);
          const status = statusOf(result, `${shape.type}.subject`, rule);
          assert.notEqual(status?.status, 'addressed', `${rule}: ${JSON.stringify(status)}`);
        }
      });
    }
  }
});

describe('ECS container_definitions (Terraform) are read per container, never judged as text', () => {
  const analyse = (definitions: string) => analyseExample('terraform', 'main.tf', `resource "aws_ecs_task_definition" "task" {\n  family = "web"\n  container_definitions = ${definitions}\n}\n`);

  test('a JSON string of compliant containers gives no finding of any container rule', () => {
    const result = analyse('"[{\\"name\\": \\"web\\", \\"image\\": \\"nginx\\", \\"readonlyRootFilesystem\\": true, \\"logConfiguration\\": {\\"logDriver\\": \\"awslogs\\"}}]"');
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId.startsWith('ecs-')).map((finding) => finding.message), []);
  });

  test('a JSON string with a privileged container is reported (on the string)', () => {
    const result = analyse('"[{\\"name\\": \\"web\\", \\"image\\": \\"nginx\\", \\"privileged\\": true}]"');
    const findings = result.findings.filter((finding) => finding.ruleId === 'ecs-no-privileged');
    assert.equal(findings.length, 1);
    assert.ok(findings[0].message.includes("privileged of container 'web' is true"), findings[0].message);
  });

  test('templatefile() cannot be read: cannot be checked', () => {
    const result = analyse('templatefile("containers.json.tpl", {})');
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId.startsWith('ecs-')), []);
    assert.equal(statusOf(result, 'aws_ecs_task_definition.task', 'ecs-readonly-rootfs')?.status, 'cannot-be-checked');
  });

  test('privileged from a variable: the variable default decides', () => {
    const result = analyseExample('terraform', 'main.tf', `variable "privileged" {\n  default = true\n}\nresource "aws_ecs_task_definition" "task" {\n  family                = "web"\n  container_definitions = jsonencode([{ name = "web", image = "nginx", privileged = var.privileged }])\n}\n`);
    assert.equal(result.findings.filter((finding) => finding.ruleId === 'ecs-no-privileged').length, 1);
  });
});

describe('verdicts of the containers rules (status, not only findings)', () => {
  const tf = (text: string) => analyseExample('terraform', 'main.tf', text);
  const cfn = (text: string) => analyseExample('cloudformation', 'template.yaml', `AWSTemplateFormatVersion: "2010-09-09"\n${text}`);

  test('eks-endpoint-private: public access restricted to known CIDRs is addressed (both formats)', () => {
    const terraform = tf(`resource "aws_eks_cluster" "c" {\n  name     = "c"\n  role_arn = "r"\n  vpc_config {\n    subnet_ids          = ["s"]\n    public_access_cidrs = ["203.0.113.0/24"]\n  }\n}\n`);
    assert.equal(statusOf(terraform, 'aws_eks_cluster.c', 'eks-endpoint-private')?.status, 'addressed');
    const template = cfn(`Resources:\n  C:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: r\n      ResourcesVpcConfig:\n        SubnetIds: [s]\n        PublicAccessCidrs: [203.0.113.0/24]\n`);
    assert.equal(statusOf(template, 'C', 'eks-endpoint-private')?.status, 'addressed');
  });

  test('eks-endpoint-private: CIDRs from a parameter that cannot be read are "cannot be checked"', () => {
    const template = cfn(`Parameters:\n  Cidrs:\n    Type: CommaDelimitedList\nResources:\n  C:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: r\n      ResourcesVpcConfig:\n        SubnetIds: [s]\n        EndpointPublicAccess: true\n        PublicAccessCidrs: !Ref Cidrs\n`);
    assert.deepEqual(template.findings.filter((finding) => finding.ruleId === 'eks-endpoint-private'), []);
    assert.equal(statusOf(template, 'C', 'eks-endpoint-private')?.status, 'cannot-be-checked');
  });

  test('ecs-container-insights: an absent setting depends on the account default', () => {
    const terraform = tf(`resource "aws_ecs_cluster" "c" {\n  name = "c"\n}\n`);
    assert.equal(statusOf(terraform, 'aws_ecs_cluster.c', 'ecs-container-insights')?.status, 'depends');
  });

  test('eks-control-plane-logging: log types from an unset variable are "cannot be checked", never addressed', () => {
    const terraform = tf(`variable "types" {}\nresource "aws_eks_cluster" "c" {\n  name                      = "c"\n  role_arn                  = "r"\n  enabled_cluster_log_types = var.types\n  vpc_config {\n    subnet_ids = ["s"]\n  }\n}\n`);
    assert.equal(statusOf(terraform, 'aws_eks_cluster.c', 'eks-control-plane-logging')?.status, 'cannot-be-checked');
  });

  test('codebuild-no-plaintext-credentials: a credential whose type cannot be read is "cannot be checked"', () => {
    const terraform = tf(`variable "kind" {}\nresource "aws_codebuild_project" "p" {\n  name = "p"\n  environment {\n    compute_type = "BUILD_GENERAL1_SMALL"\n    image        = "aws/codebuild/standard:7.0"\n    type         = "LINUX_CONTAINER"\n    environment_variable {\n      name  = "DB_PASSWORD"\n      value = "/db"\n      type  = var.kind\n    }\n  }\n}\n`);
    assert.deepEqual(terraform.findings.filter((finding) => finding.ruleId === 'codebuild-no-plaintext-credentials'), []);
    assert.equal(statusOf(terraform, 'aws_codebuild_project.p', 'codebuild-no-plaintext-credentials')?.status, 'cannot-be-checked');
  });

  test('ecs-service-no-public-ip: the provider boolean false is addressed and true is the finding with a Terraform fix', () => {
    const terraform = tf(`resource "aws_ecs_service" "a" {\n  name = "a"\n  network_configuration {\n    subnets          = ["s"]\n    assign_public_ip = false\n  }\n}\n`);
    assert.equal(statusOf(terraform, 'aws_ecs_service.a', 'ecs-service-no-public-ip')?.status, 'addressed');
    const fix = getRule('ecs-service-no-public-ip')?.fixes?.['set-NetworkConfiguration-AwsvpcConfiguration-AssignPublicIp']?.terraform;
    assert.match(fix?.title ?? '', /^Set network_configuration\.assign_public_ip = false — tasks in a public subnet lose internet access/);
    assert.equal(fix?.value, false);
  });

  test('eks-secrets-encryption: a one-digit minor read as a number (YAML 1.30 -> 1.3) is not taken for an old version', () => {
    const template = cfn(`Resources:\n  C:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: r\n      Version: 1.30\n      ResourcesVpcConfig:\n        SubnetIds: [s]\n`);
    assert.deepEqual(template.findings.filter((finding) => finding.ruleId === 'eks-secrets-encryption'), []);
  });
});

describe('codebuild-artifact-encryption applies to S3 artifacts only', () => {
  test('CODEPIPELINE artifacts with EncryptionDisabled: true are not a finding (both formats)', () => {
    const template = analyseExample('cloudformation', 'template.yaml', `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Build:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      Artifacts:\n        Type: CODEPIPELINE\n        EncryptionDisabled: true\n`);
    assert.deepEqual(template.findings.filter((finding) => finding.ruleId === 'codebuild-artifact-encryption'), []);
    assert.equal(statusOf(template, 'Build', 'codebuild-artifact-encryption')?.status, 'not-applicable');
    const module = analyseExample('terraform', 'main.tf', `resource "aws_codebuild_project" "p" {\n  name = "p"\n  artifacts {\n    type                = "CODEPIPELINE"\n    encryption_disabled = true\n  }\n}\n`);
    assert.deepEqual(module.findings.filter((finding) => finding.ruleId === 'codebuild-artifact-encryption'), []);
  });
});
