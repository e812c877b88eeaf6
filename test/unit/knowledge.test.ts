import { test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ITEMS, CATEGORIES, RESOURCE_GROUPS, SETTINGS, AWS_DEFAULTS, STANDALONE_SETTING_IDS,
  getItem, getSetting, getDefault, settingsForCloudFormationType, settingsForTerraformType,
  serviceForCloudFormationType, serviceForTerraformType, categoryFor,
} from '../../server/src/analysis/knowledge';

import { SHARED_ROOT, sharedPresent } from '../helpers/paths';

const REFERENCE = path.join(SHARED_ROOT, 'reference', 'knowledge.json');

interface Reference {
  taxonomy: { id: string }[];
  resource_types: { service: string; setting_ids: string[] }[];
  settings: { id: string; item: string; severity: string; priority: string }[];
}

/** The reference fact base (../shared/reference), or undefined when it is not beside the project (said in one line). */
function loadReference(t: TestContext): Reference | undefined {
  if (!sharedPresent(t, REFERENCE)) return undefined;
  return JSON.parse(fs.readFileSync(REFERENCE, 'utf8')) as Reference;
}

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

test('ids are unique in every table', () => {
  assert.deepEqual(duplicates(ITEMS.map((i) => i.id)), []);
  assert.deepEqual(duplicates(SETTINGS.map((s) => s.id)), []);
  assert.deepEqual(duplicates(RESOURCE_GROUPS.map((g) => g.id)), []);
  assert.deepEqual(duplicates(AWS_DEFAULTS.map((d) => d.id)), []);
  assert.deepEqual(duplicates(ITEMS.map((i) => i.label)), [], 'item labels must be unique');
});

test('every setting points at existing items and defaults', () => {
  for (const s of SETTINGS) {
    assert.ok(getItem(s.item), `${s.id}: unknown item ${s.item}`);
    for (const r of s.relatedItems ?? []) {
      assert.ok(getItem(r), `${s.id}: unknown related item ${r}`);
      assert.notEqual(r, s.item, `${s.id}: related item repeats the main item`);
    }
    if (s.defaultId !== undefined) assert.ok(getDefault(s.defaultId), `${s.id}: unknown default ${s.defaultId}`);
    assert.ok(s.cloudformation || s.terraform, `${s.id}: neither CloudFormation nor Terraform`);
    assert.ok(s.title.length > 0 && s.title.length <= 80, `${s.id}: title`);
  }
});

test('every resource group has a known category and existing settings', () => {
  const categories = new Set(CATEGORIES.map((c) => c.id));
  for (const g of RESOURCE_GROUPS) {
    assert.ok(categories.has(g.category), `${g.id}: unknown category ${g.category}`);
    for (const id of g.settingIds) assert.ok(getSetting(id), `${g.id}: unknown setting ${id}`);
  }
});

test('every setting is used by a group or is explicitly standalone', () => {
  const used = new Set(RESOURCE_GROUPS.flatMap((g) => g.settingIds));
  const orphans = SETTINGS.map((s) => s.id).filter((id) => !used.has(id) && !STANDALONE_SETTING_IDS.includes(id));
  assert.deepEqual(orphans, []);
  for (const id of STANDALONE_SETTING_IDS) assert.ok(getSetting(id), `standalone ${id} is not a setting`);
});

test('each of the 14 items has at least one setting', () => {
  assert.equal(ITEMS.length, 14);
  for (const item of ITEMS) {
    assert.ok(SETTINGS.some((s) => s.item === item.id), `${item.id} has no setting`);
  }
});

test('defaults carry a valid date or none', () => {
  for (const d of AWS_DEFAULTS) {
    if (d.since === undefined) continue;
    assert.match(d.since, /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, `${d.id}: since ${d.since}`);
    const parsed = new Date(d.since.length === 7 ? `${d.since}-01` : d.since);
    assert.ok(!Number.isNaN(parsed.getTime()), `${d.id}: since ${d.since} is not a date`);
    assert.equal(parsed.toISOString().slice(0, d.since.length), d.since, `${d.id}: since ${d.since} does not exist`);
  }
  assert.equal(getDefault('s3-sse-s3-default')?.since, '2023-01-05');
  assert.equal(getDefault('s3-block-public-access-default')?.since, '2023-04');
});

test('type names have the right prefixes and settings use group types', () => {
  const cfnTypes = new Set(RESOURCE_GROUPS.flatMap((g) => [...g.cloudformationTypes, ...(g.samTypes ?? [])]));
  const tfTypes = new Set(RESOURCE_GROUPS.flatMap((g) => g.terraformTypes));
  for (const t of cfnTypes) assert.match(t, /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
  for (const t of tfTypes) assert.match(t, /^aws_[a-z0-9_]+$/);
  for (const s of SETTINGS) {
    if (s.cloudformation) {
      assert.ok(cfnTypes.has(s.cloudformation.type), `${s.id}: ${s.cloudformation.type} in no group`);
      assert.ok(!s.cloudformation.propertyPath.startsWith('Properties.'), `${s.id}: leading Properties.`);
    }
    if (s.terraform) assert.ok(tfTypes.has(s.terraform.type), `${s.id}: ${s.terraform.type} in no group`);
  }
});

test('no CloudFormation or Terraform type maps to two groups', () => {
  const cfn = RESOURCE_GROUPS.flatMap((g) => [...g.cloudformationTypes, ...(g.samTypes ?? [])]);
  const tf = RESOURCE_GROUPS.flatMap((g) => g.terraformTypes);
  assert.deepEqual(duplicates(cfn), []);
  assert.deepEqual(duplicates(tf), []);
});

test('SAM types map to their services', () => {
  const expected: Record<string, string> = {
    'AWS::Serverless::Function': 'lambda',
    'AWS::Serverless::LayerVersion': 'lambda',
    'AWS::Serverless::SimpleTable': 'dynamodb',
    'AWS::Serverless::Api': 'apigateway-rest',
    'AWS::Serverless::HttpApi': 'apigateway-v2',
    'AWS::Serverless::StateMachine': 'step-functions',
  };
  for (const [type, group] of Object.entries(expected)) {
    assert.equal(serviceForCloudFormationType(type)?.id, group, type);
  }
  assert.equal(serviceForCloudFormationType('AWS::Serverless::Nothing'), undefined);
});

test('lookups find settings by type, including split and legacy forms', () => {
  const rds = settingsForCloudFormationType('AWS::RDS::DBInstance').map((s) => s.id);
  assert.ok(rds.includes('rds-storage-encrypted'));
  assert.ok(rds.includes('rds-force-tls'), 'parameter-group setting belongs to the instance too');
  const bucket = settingsForCloudFormationType('AWS::S3::Bucket').map((s) => s.id);
  assert.ok(bucket.includes('s3-tls-only-policy'), 'bucket policy setting reaches the bucket');
  const tfBucket = settingsForTerraformType('aws_s3_bucket').map((s) => s.id);
  assert.ok(tfBucket.includes('s3-versioning') && tfBucket.includes('s3-default-encryption'));
  assert.deepEqual(settingsForTerraformType('aws_nothing'), []);
  assert.equal(serviceForTerraformType('aws_alb')?.id, 'elbv2');
  assert.equal(serviceForTerraformType('aws_db_instance')?.service, 'Amazon RDS DB instance');
  assert.equal(getSetting('nope'), undefined);
});

test('absent meanings follow the AWS defaults', () => {
  const meaning = (id: string) => getSetting(id)?.cloudformation?.absent.meaning;
  assert.equal(meaning('s3-default-encryption'), 'aws-default');
  assert.equal(meaning('sqs-encryption'), 'aws-default');
  assert.equal(meaning('s3-bpa-block-public-acls'), 'aws-default');
  assert.equal(meaning('rds-storage-encrypted'), 'insecure');
  assert.equal(meaning('ebs-volume-encrypted'), 'insecure');
  assert.equal(meaning('rds-auto-minor-upgrade'), 'aws-default');
  assert.equal(meaning('eks-endpoint-private'), 'insecure');
  assert.equal(getSetting('s3-mfa-delete')?.cloudformation, undefined, 'MFA delete is not settable from CloudFormation');
});

test('category of hybrids depends on properties', () => {
  const props = (values: Record<string, unknown>) => (p: string) => values[p];
  assert.equal(categoryFor('AWS::EC2::Instance'), 'infrastructure');
  assert.equal(categoryFor('AWS::RDS::DBInstance'), 'container');
  assert.equal(categoryFor('AWS::ECS::Service', props({ LaunchType: 'FARGATE' })), 'abstracted');
  assert.equal(categoryFor('AWS::ECS::Service', props({ LaunchType: 'EC2' })), 'container');
  assert.equal(categoryFor('aws_ecs_task_definition', props({ requires_compatibilities: ['FARGATE'] })), 'abstracted');
  assert.equal(categoryFor('AWS::Lambda::Function'), 'abstracted');
  assert.equal(categoryFor('AWS::Lambda::Function', props({ PackageType: 'Image' })), 'container');
  assert.equal(categoryFor('AWS::Lambda::Function', props({ 'RuntimeManagementConfig.UpdateRuntimeOn': 'Manual' })), 'container');
  assert.equal(categoryFor('AWS::EKS::FargateProfile'), 'abstracted');
  assert.equal(categoryFor('AWS::Nothing::Here'), undefined);
});

test('counts and ids match the reference both ways', (t) => {
  const ref = loadReference(t);
  if (!ref) return;
  assert.equal(ref.taxonomy.length, 14);
  assert.equal(ITEMS.length, ref.taxonomy.length);
  assert.equal(RESOURCE_GROUPS.length, 54);
  assert.equal(RESOURCE_GROUPS.length, ref.resource_types.length);
  assert.equal(SETTINGS.length, 198);
  assert.equal(SETTINGS.length, ref.settings.length);
  const ours = new Set(SETTINGS.map((s) => s.id));
  const theirs = new Set(ref.settings.map((s) => s.id));
  assert.deepEqual([...theirs].filter((id) => !ours.has(id)), [], 'settings missing here');
  assert.deepEqual([...ours].filter((id) => !theirs.has(id)), [], 'settings not in the reference');
  assert.deepEqual(ITEMS.map((i) => i.id).sort(), ref.taxonomy.map((t) => t.id).sort());
  for (const r of ref.settings) {
    const s = getSetting(r.id);
    assert.equal(s?.item, r.item, `${r.id}: item`);
    assert.equal(s?.severity, r.severity, `${r.id}: severity`);
    assert.equal(s?.priority, r.priority, `${r.id}: priority`);
  }
  for (const [i, g] of ref.resource_types.entries()) {
    assert.equal(RESOURCE_GROUPS[i].service, g.service);
    assert.deepEqual(RESOURCE_GROUPS[i].settingIds, g.setting_ids, `${g.service}: setting ids`);
  }
});
