// Terraform analysed by module: split settings in sibling files, local child modules with inputs, for_each
// instances, variables with defaults and tfvars, half-typed files. Fixtures: test/fixtures/terraform/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import type { FileAnalysis, Finding } from '../../server/src/analysis';
import { diskView, memoryView } from '../helpers/fileSystemView';
import { REPO_ROOT } from '../helpers/paths';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'terraform');

function analyse(path: string, analyzer = new Analyzer({ files: diskView() })): FileAnalysis {
  return analyzer.analyze({ path, text: readFileSync(path, 'utf8') });
}

function onResource(analysis: FileAnalysis, id: string): Finding[] {
  return analysis.findings.filter((finding) => finding.resource.id === id);
}

function ruleIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((finding) => finding.ruleId))].sort();
}

describe('split S3 settings in another file of the module', () => {
  const main = join(FIXTURES, 'split-s3', 'main.tf');
  const SPLIT_RULES = ['s3-versioning', 's3-default-encryption', 's3-kms-cmk', 's3-block-public-access', 's3-access-logging', 's3-acls-disabled'];

  test('the settings in s3.tf discharge the bucket in main.tf: no false alarm', () => {
    const analysis = analyse(main);
    assert.equal(analysis.kind, 'terraform');
    assert.deepEqual(analysis.problems, []);
    const data = onResource(analysis, 'aws_s3_bucket.data');
    for (const ruleId of SPLIT_RULES) assert.ok(!data.some((finding) => finding.ruleId === ruleId), `${ruleId} on aws_s3_bucket.data: ${data.map((f) => f.message).join(' | ')}`);
    // The other bucket of the module has no split settings: it still gets its findings.
    assert.ok(onResource(analysis, 'aws_s3_bucket.logs').some((finding) => finding.ruleId === 's3-versioning'));
  });

  test('without the view of the module, main.tf alone misses those settings (the sibling file is what counts)', () => {
    const alone = new Analyzer().analyze({ path: main, text: readFileSync(main, 'utf8') });
    const data = ruleIds(onResource(alone, 'aws_s3_bucket.data'));
    assert.ok(data.includes('s3-versioning') && data.includes('s3-access-logging'), data.join(', '));
  });

  test('findings of the split resources file are reported in s3.tf, none of them on the bucket', () => {
    const analysis = analyse(join(FIXTURES, 'split-s3', 's3.tf'));
    assert.equal(analysis.kind, 'terraform');
    assert.ok(analysis.findings.every((finding) => !finding.resource.id.startsWith('aws_s3_bucket.')), analysis.findings.map((f) => f.resource.id).join(', '));
  });
});

describe('a local child module with variables', () => {
  const root = join(FIXTURES, 'child-module', 'main.tf');
  const child = join(FIXTURES, 'child-module', 'modules', 'db', 'main.tf');

  test('the child finding that comes from the call input is reported on the call argument that carries it, in the root file', () => {
    const text = readFileSync(root, 'utf8');
    const analysis = analyse(root);
    const finding = analysis.findings.find((candidate) => candidate.ruleId === 'rds-storage-encrypted');
    assert.ok(finding, `no rds-storage-encrypted in ${analysis.findings.map((f) => f.ruleId).join(', ')}`);
    assert.equal(finding.resource.id, 'module.db.aws_db_instance.this');
    assert.equal(text.slice(finding.range.start, finding.range.end), 'storage_encrypted = false');
    assert.match(finding.message, /module\.db input/);
    const related = finding.related.find((location) => location.file !== undefined);
    assert.ok(related, 'points at the child resource');
    assert.equal(related.file, child);
    assert.equal(readFileSync(child, 'utf8').slice(related.range.start, related.range.end), 'var.storage_encrypted');
  });

  test('a compliant input gives no finding on the call', () => {
    const files = {
      '/m/main.tf': 'module "db" {\n  source = "./modules/db"\n  identifier = "a"\n  storage_encrypted = true\n}\n',
      '/m/modules/db/main.tf': readFileSync(child, 'utf8'),
      '/m/modules/db/variables.tf': readFileSync(join(FIXTURES, 'child-module', 'modules', 'db', 'variables.tf'), 'utf8'),
    };
    const analysis = new Analyzer({ files: memoryView(files) }).analyze({ path: '/m/main.tf', text: files['/m/main.tf'] });
    assert.ok(!analysis.findings.some((finding) => finding.ruleId === 'rds-storage-encrypted'), analysis.findings.map((f) => f.message).join(' | '));
  });

  test('the child analysed on its own is judged as its caller deploys it: the caller passes the value, so the finding is the caller\'s', () => {
    const analysis = analyse(child);
    assert.ok(!analysis.findings.some((candidate) => candidate.ruleId === 'rds-storage-encrypted'), analysis.findings.map((f) => f.message).join(' | '));
  });
});

describe('for_each instances', () => {
  test('instances that differ are reported by instance address, instances that agree by the base address', () => {
    const analysis = analyse(join(FIXTURES, 'for-each', 'main.tf'));
    const exposed = analysis.findings.filter((finding) => finding.ruleId === 'rds-not-public');
    assert.deepEqual(exposed.map((finding) => finding.resource.id), ['aws_db_instance.db["reporting"]']);
    const unencrypted = analysis.findings.filter((finding) => finding.ruleId === 'rds-storage-encrypted');
    assert.deepEqual(unencrypted.map((finding) => finding.resource.id), ['aws_db_instance.db']);
  });
});

describe('variables: a non-compliant default, then terraform.tfvars', () => {
  const dir = join(FIXTURES, 'tfvars');
  const main = readFileSync(join(dir, 'main.tf'), 'utf8');
  const variables = readFileSync(join(dir, 'variables.tf'), 'utf8');

  test('the default is reported, naming the variable and its default', () => {
    const files = { '/v/main.tf': main, '/v/variables.tf': variables };
    const analysis = new Analyzer({ files: memoryView(files) }).analyze({ path: '/v/main.tf', text: main });
    const finding = analysis.findings.find((candidate) => candidate.ruleId === 'ebs-volume-encrypted');
    assert.ok(finding, analysis.findings.map((f) => f.ruleId).join(', '));
    assert.match(finding.message, /var\.volume_encrypted/);
    assert.match(finding.message, /default/);
  });

  test('terraform.tfvars overrides the default: no finding (or one that names terraform.tfvars)', () => {
    const analysis = analyse(join(dir, 'main.tf'));
    for (const finding of analysis.findings.filter((candidate) => candidate.ruleId === 'ebs-volume-encrypted')) {
      assert.match(finding.message, /terraform\.tfvars/);
    }
    assert.ok(!analysis.findings.some((finding) => finding.ruleId === 'ebs-volume-encrypted'));
  });

  test('a tfvars value that is non-compliant is named in the message', () => {
    const files = { '/v/main.tf': main, '/v/variables.tf': variables.replace('default     = false', 'default     = true'), '/v/terraform.tfvars': 'volume_encrypted = false\n' };
    const analysis = new Analyzer({ files: memoryView(files) }).analyze({ path: '/v/main.tf', text: main });
    const finding = analysis.findings.find((candidate) => candidate.ruleId === 'ebs-volume-encrypted');
    assert.ok(finding);
    assert.match(finding.message, /terraform\.tfvars/);
  });

  test('analysing the tfvars file itself works (kind terraform, its problems only)', () => {
    const analysis = analyse(join(dir, 'terraform.tfvars'));
    assert.equal(analysis.kind, 'terraform');
    assert.deepEqual(analysis.problems, []);
  });
});

describe('a half-typed file', () => {
  const main = join(FIXTURES, 'half-typed', 'main.tf');

  test('the other resources of the file and of the module still give their findings; the problems are reported', () => {
    const analyzer = new Analyzer({ files: diskView() });
    const analysis = analyse(main, analyzer);
    assert.ok(analysis.problems.length > 0, 'the unclosed blocks are reported');
    assert.ok(analysis.problems.every((problem) => !problem.message.startsWith('Internal error')));
    const ids = new Set(analysis.findings.map((finding) => `${finding.resource.id} ${finding.ruleId}`));
    assert.ok(ids.has('aws_kms_key.app kms-rotation'), [...ids].join(', '));
    assert.ok(ids.has('aws_cloudtrail.trail cloudtrail-log-validation'), [...ids].join(', '));
    const network = analyse(join(FIXTURES, 'half-typed', 'network.tf'), analyzer);
    assert.ok(network.findings.some((finding) => finding.resource.id === 'aws_security_group.bastion' && finding.ruleId === 'sg-open-admin-ports'));
  });

  test('typing a block character by character never throws and the sibling file keeps its findings', () => {
    const text = readFileSync(main, 'utf8');
    const analyzer = new Analyzer({ files: diskView() });
    for (let end = 0; end <= text.length; end += 7) {
      const analysis = analyzer.analyze({ path: main, text: text.slice(0, end) });
      assert.equal(analysis.kind, 'terraform');
      assert.ok(analysis.problems.every((problem) => !problem.message.startsWith('Internal error')));
    }
  });
});
