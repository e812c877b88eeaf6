// The rule layer's shape: Terraform readings say what they read in Terraform's words and values, sibling rules
// agree, and every rule is listed once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getSetting } from '../../server/src/analysis/knowledge';
import { SIBLING_RULES } from '../../server/src/analysis/knowledge/siblings';
import { RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import { getRule, listRules } from '../../server/src/analysis/rules/registry';
import { terraformVocabularyGaps } from '../../server/src/analysis/rules/settingRule';
import { analyseExample, exampleInput } from './support/examples';

/** Gaps not closed yet, by `rule: gap`. This list only shrinks. */
const KNOWN_GAPS: ReadonlySet<string> = new Set([
  'athena-workgroup-encryption: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'cognito-user-pool-mfa: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'dms-endpoint-ssl: the Terraform message would name CloudFormation properties (SslMode); give terraform.consequence / whenMissing',
  'dms-endpoint-ssl: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'dms-not-public: the Terraform message would name CloudFormation properties (PubliclyAccessible); give terraform.consequence / whenMissing',
  'ebs-volume-cmk: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'ecr-immutable-tags: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'ecr-kms: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'ecs-container-insights: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'ecs-efs-transit-encryption: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'ecs-fargate-latest-platform: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'ecs-no-host-pid: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'ecs-no-secrets-in-env: the Terraform message would name CloudFormation properties (Environment); give terraform.consequence / whenMissing',
  'ecs-no-secrets-in-env: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'efs-backup-policy: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'eks-supported-version: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'elasticache-custom-subnet-group: the Terraform message would name CloudFormation properties (CacheSubnetGroupName); give terraform.consequence / whenMissing',
  'elasticache-custom-subnet-group: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'kinesis-stream-encryption: the Terraform message would name CloudFormation properties (StreamEncryption); give terraform.consequence / whenMissing',
  'kinesis-stream-encryption: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'lambda-runtime-update-mode: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'lambda-supported-runtime: the CloudFormation reading has a skip the Terraform reading lacks; give terraform.skip (or say why none is needed)',
  'lambda-supported-runtime: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'lambda-tracing: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'msk-no-public-access: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'opensearch-audit-logs: the Terraform message would name CloudFormation properties (LogPublishingOptions, AUDIT_LOGS); give terraform.consequence / whenMissing',
  'opensearch-in-vpc: the Terraform message would name CloudFormation properties (VPCOptions); give terraform.consequence / whenMissing',
  'rds-deletion-protection: the CloudFormation reading has a skip the Terraform reading lacks; give terraform.skip (or say why none is needed)',
  'rds-not-public: the Terraform message would name CloudFormation properties (PubliclyAccessible); give terraform.consequence / whenMissing',
  'redshift-not-public: the Terraform message would name CloudFormation properties (PubliclyAccessible); give terraform.consequence / whenMissing',
  's3-acls-disabled: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  's3-default-encryption: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  's3-kms-cmk: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  's3-sse-c-blocked: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'sagemaker-no-direct-internet: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'sagemaker-no-root: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'secret-cmk: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'sfn-logging: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
  'sqs-cmk: the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant',
]);

describe('rule shape', () => {
  test('no setting rule reads Terraform with CloudFormation vocabulary or drops CloudFormation-only logic', () => {
    const gaps = listRules().flatMap((rule) => terraformVocabularyGaps(rule.id).map((gap) => `${rule.id}: ${gap}`));
    assert.deepEqual(gaps.filter((gap) => !KNOWN_GAPS.has(gap)), [], 'new gaps');
    assert.deepEqual([...KNOWN_GAPS].filter((gap) => !gaps.includes(gap)), [], 'gaps closed: remove them from KNOWN_GAPS');
  });

  test('Terraform findings and fix titles name Terraform arguments, not CloudFormation properties', () => {
    const wrong: string[] = [];
    for (const examples of RULE_EXAMPLES) {
      const rule = getRule(examples.rule);
      if (!rule || !examples.terraform) continue;
      // The CloudFormation property names this rule's settings use (CamelCase, so they cannot be Terraform names).
      const names = new Set((rule.meta.settings ?? []).flatMap((id) => getSetting(id)?.cloudformation?.propertyPath.split('.') ?? [])
        .map((step) => step.replace(/\[\]$/, '')).filter((step) => /^[A-Z][a-z]+[A-Z]/.test(step)));
      for (const example of examples.terraform.bad) {
        const { path, text } = exampleInput('terraform', example);
        for (const finding of analyseExample('terraform', path, text, example.files).findings.filter((entry) => entry.ruleId === rule.meta.id)) {
          const title = finding.fixId ? rule.fixes?.[finding.fixId]?.terraform?.title ?? '' : '';
          for (const name of names) {
            if (new RegExp(`\\b${name}\\b`).test(finding.message) || new RegExp(`\\b${name}\\b`).test(title)) wrong.push(`${rule.meta.id} (${example.name}): names ${name}: ${finding.message} ${title}`);
          }
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('sibling rules judge the same item with the same severity', () => {
    for (const group of SIBLING_RULES) {
      const metas = group.map((id) => {
        const rule = getRule(id);
        assert.ok(rule, `unknown rule ${id}`);
        return rule.meta;
      });
      assert.deepEqual(new Set(metas.map((meta) => meta.item)).size, 1, `${group.join(', ')}: items ${metas.map((meta) => meta.item).join(', ')}`);
      assert.deepEqual(new Set(metas.map((meta) => meta.severity)).size, 1, `${group.join(', ')}: severities ${metas.map((meta) => meta.severity).join(', ')}`);
    }
  });
});
