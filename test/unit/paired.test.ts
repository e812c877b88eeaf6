// The same resources with the same settings, written in CloudFormation (test/fixtures/terraform/paired/template.yaml)
// and in Terraform (main.tf), must get the same verdict from every rule that reads both formats: per resource,
// the set of rule ids with findings is the same.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Analyzer, listRules } from '../../server/src/analysis';
import type { FileAnalysis } from '../../server/src/analysis';
import { getRule } from '../../server/src/analysis/rules/registry';
import { REPO_ROOT } from '../helpers/paths';

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'terraform', 'paired');

/** CloudFormation logical id -> the Terraform addresses that hold the same settings (a resource and its split settings). */
const PAIRS: Readonly<Record<string, readonly string[]>> = {
  Database: ['aws_db_instance.database'],
  Bucket: ['aws_s3_bucket.bucket', 'aws_s3_bucket_public_access_block.bucket', 'aws_s3_bucket_versioning.bucket'],
  Key: ['aws_kms_key.key'],
  Trail: ['aws_cloudtrail.trail'],
  AdminSecurityGroup: ['aws_security_group.admin'],
  Volume: ['aws_ebs_volume.volume'],
  Queue: ['aws_sqs_queue.queue'],
  Topic: ['aws_sns_topic.topic'],
  Table: ['aws_dynamodb_table.table'],
  LogGroup: ['aws_cloudwatch_log_group.log_group'],
  Instance: ['aws_instance.instance'],
};

/** Differences known to come from a rule's Terraform reader (reported to the rules' owner), tolerated here: none. */
const KNOWN_DIFFERENCES: ReadonlySet<string> = new Set<string>([]);

function ruleIdsOf(analysis: FileAnalysis, ids: readonly string[], rules: ReadonlySet<string>): string[] {
  return [...new Set(analysis.findings.filter((finding) => ids.includes(finding.resource.id) && rules.has(finding.ruleId)).map((finding) => finding.ruleId))].sort();
}

test('CloudFormation and Terraform fixtures with the same settings get the same verdict per rule', () => {
  const both = new Set(listRules().map((meta) => meta.id).filter((id) => {
    const rule = getRule(id);
    return rule?.terraform !== undefined && rule.cloudformation !== undefined;
  }));
  assert.ok(both.size >= 100, `only ${both.size} rules read both formats`);

  const analyzer = new Analyzer();
  const cfn = analyzer.analyze({ path: join(DIR, 'template.yaml'), text: readFileSync(join(DIR, 'template.yaml'), 'utf8') });
  const tf = analyzer.analyze({ path: join(DIR, 'main.tf'), text: readFileSync(join(DIR, 'main.tf'), 'utf8') });
  assert.equal(cfn.kind, 'cloudformation');
  assert.equal(tf.kind, 'terraform');
  assert.deepEqual(cfn.problems, []);
  assert.deepEqual(tf.problems, []);

  const differences: string[] = [];
  let compared = 0;
  for (const [logicalId, addresses] of Object.entries(PAIRS)) {
    const cfnRules = ruleIdsOf(cfn, [logicalId], both);
    const tfRules = ruleIdsOf(tf, addresses, both);
    compared += new Set([...cfnRules, ...tfRules]).size;
    for (const ruleId of cfnRules.filter((id) => !tfRules.includes(id))) if (!KNOWN_DIFFERENCES.has(`${logicalId} ${ruleId}`)) differences.push(`${logicalId} ${ruleId}: CloudFormation only`);
    for (const ruleId of tfRules.filter((id) => !cfnRules.includes(id))) if (!KNOWN_DIFFERENCES.has(`${logicalId} ${ruleId}`)) differences.push(`${logicalId} ${ruleId}: Terraform only`);
  }
  assert.deepEqual(differences, []);
  assert.ok(compared >= 15, `the fixtures exercise ${compared} resource/rule verdicts`);

  // The settings the fixtures are about are reported in both formats.
  for (const [logicalId, ruleId] of [['Database', 'rds-not-public'], ['Database', 'rds-storage-encrypted'], ['Bucket', 's3-block-public-access'], ['Key', 'kms-rotation'], ['Trail', 'cloudtrail-log-validation'], ['AdminSecurityGroup', 'sg-open-admin-ports']] as const) {
    if (!both.has(ruleId)) continue;
    assert.ok(ruleIdsOf(cfn, [logicalId], both).includes(ruleId), `${logicalId} ${ruleId} (CloudFormation)`);
    assert.ok(ruleIdsOf(tf, PAIRS[logicalId], both).includes(ruleId), `${logicalId} ${ruleId} (Terraform)`);
  }
});
