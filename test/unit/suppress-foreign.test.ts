// Other tools' suppressions (server/src/analysis/suppress/foreign.ts): each form in each format its tool reads,
// matched through the equivalents rules list; what does not apply is said at the place it is written.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import type { FileAnalysis, Problem } from '../../server/src/analysis';
import { RULES } from '../../server/src/analysis/rules/registry';
import { equivalentRules } from '../../server/src/analysis/suppress/peers';
import { TRIVY_LONG_IDS } from '../../server/src/analysis/knowledge/trivyIds';

const analyse = (path: string, text: string, otherToolSuppressions?: boolean): FileAnalysis =>
  new Analyzer({ otherToolSuppressions }).analyze({ path, text });

const reported = (result: FileAnalysis, ruleId: string): string[] =>
  result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.resource.id);

const suppressedBy = (result: FileAnalysis, ruleId: string) =>
  result.suppressed.filter((entry) => entry.finding.ruleId === ruleId)
    .map((entry) => ({ resource: entry.finding.resource.id, tool: entry.tool, peerId: entry.peerId, reason: entry.reason }));

/** The problems, each with the text it sits on. */
const problemsAt = (result: FileAnalysis, text: string): { at: string; severity: Problem['severity']; message: string }[] =>
  result.problems.map((problem) => ({ at: text.slice(problem.range.start, problem.range.end), severity: problem.severity, message: problem.message }));

const HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
const bucketYaml = (id: string, inside = '', properties = '      BucketName: b\n') => `  ${id}:\n    Type: AWS::S3::Bucket\n${inside}    Properties:\n${properties}`;
const bucketJson = (metadata: string) => `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {
  "Logs": {"Type": "AWS::S3::Bucket", "Metadata": ${metadata}, "Properties": {"BucketName": "b"}},
  "Other": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "c"}}}}`;

describe('checkov', () => {
  test('YAML: a skip comment inside a resource suppresses the equivalent rule there, naming checkov, the id and the reason', () => {
    const text = `${HEAD}${bucketYaml('Logs', '    # checkov:skip=CKV_AWS_18:logs are collected centrally\n')}${bucketYaml('Other')}`;
    const result = analyse('t.yaml', text);
    assert.deepEqual(reported(result, 's3-access-logging'), ['Other']);
    assert.deepEqual(suppressedBy(result, 's3-access-logging'), [{ resource: 'Logs', tool: 'checkov', peerId: 'CKV_AWS_18', reason: 'logs are collected centrally' }]);
    assert.deepEqual(result.problems, []);
  });

  test('YAML: a skip comment outside every resource applies to none, and says so', () => {
    const text = `# checkov:skip=CKV_AWS_18:too far up\n${HEAD}${bucketYaml('Logs')}`;
    const result = analyse('t.yaml', text);
    assert.deepEqual(reported(result, 's3-access-logging'), ['Logs']);
    const [problem] = problemsAt(result, text);
    assert.equal(problem.at, 'checkov:skip=CKV_AWS_18');
    assert.equal(problem.severity, 'info');
    assert.match(problem.message, /not inside a resource/);
  });

  test('YAML: a skip comment after the last value is the resource\'s when indented under it, not at the next id\'s column', () => {
    const inside = `${HEAD}${bucketYaml('Logs')}    # checkov:skip=CKV_AWS_18:trailing, indented\n${bucketYaml('Other')}`;
    assert.deepEqual(reported(analyse('t.yaml', inside), 's3-access-logging'), ['Other']);
    const above = `${HEAD}${bucketYaml('Logs')}  # checkov:skip=CKV_AWS_18:above the next id\n${bucketYaml('Other')}`;
    const result = analyse('t.yaml', above);
    assert.deepEqual(reported(result, 's3-access-logging'), ['Logs', 'Other']);
    assert.match(result.problems[0]?.message ?? '', /not inside a resource/);
  });

  test('YAML and JSON: Metadata checkov skip', () => {
    const yaml = `${HEAD}${bucketYaml('Logs', '    Metadata:\n      checkov:\n        skip:\n          - id: CKV_AWS_21\n            comment: scratch data\n')}${bucketYaml('Other')}`;
    const json = bucketJson('{"checkov": {"skip": [{"id": "CKV_AWS_21", "comment": "scratch data"}]}}');
    for (const [path, text] of [['t.yaml', yaml], ['t.json', json]]) {
      const result = analyse(path, text);
      assert.deepEqual(reported(result, 's3-versioning'), ['Other'], path);
      assert.deepEqual(suppressedBy(result, 's3-versioning'), [{ resource: 'Logs', tool: 'checkov', peerId: 'CKV_AWS_21', reason: 'scratch data' }], path);
    }
  });

  test('JSON: a comment is not a checkov form (checkov reads none in JSON templates)', () => {
    const text = bucketJson('{}').replace('"Logs": {', '"Logs": { // checkov:skip=CKV_AWS_18:not read\n');
    assert.deepEqual(reported(analyse('t.json', text), 's3-access-logging'), ['Logs', 'Other']);
  });

  test('HCL: a skip comment inside a resource block suppresses that resource only', () => {
    const text = 'resource "aws_sqs_queue" "a" {\n  #checkov:skip=CKV2_AWS_73:SSE-SQS is enough\n  name = "a"\n}\n\nresource "aws_sqs_queue" "b" {\n  name = "b"\n}\n';
    const result = analyse('main.tf', text);
    assert.deepEqual(reported(result, 'sqs-cmk'), ['aws_sqs_queue.b']);
    assert.deepEqual(suppressedBy(result, 'sqs-cmk'), [{ resource: 'aws_sqs_queue.a', tool: 'checkov', peerId: 'CKV2_AWS_73', reason: 'SSE-SQS is enough' }]);
  });

  test('an id no rule lists is information at its place; an equivalent id with no finding there says so', () => {
    const text = `${HEAD}${bucketYaml('Logs', '    # checkov:skip=CKV_AWS_999:unknown check\n    # checkov:skip=CKV_AWS_21:versioning is on anyway\n', '      VersioningConfiguration:\n        Status: Enabled\n')}`;
    const result = analyse('t.yaml', text);
    assert.deepEqual(problemsAt(result, text).map(({ at, severity }) => [at, severity]), [['checkov:skip=CKV_AWS_999', 'info'], ['checkov:skip=CKV_AWS_21', 'info']]);
    assert.match(result.problems[0].message, /no iac-hints rule is equivalent to this checkov check/);
    assert.match(result.problems[1].message, /equivalent of iac-hints s3-versioning\) suppresses nothing: iac-hints reports no s3-versioning finding on Logs/);
  });
});

describe('cfn_nag', () => {
  test('YAML and JSON: Metadata rules_to_suppress with id and reason', () => {
    const yaml = `${HEAD}${bucketYaml('Logs', '    Metadata:\n      cfn_nag:\n        rules_to_suppress:\n          - id: W35\n            reason: access logging handled centrally\n')}${bucketYaml('Other')}`;
    const json = bucketJson('{"cfn_nag": {"rules_to_suppress": [{"id": "W35", "reason": "access logging handled centrally"}]}}');
    for (const [path, text] of [['t.yaml', yaml], ['t.json', json]]) {
      const result = analyse(path, text);
      assert.deepEqual(reported(result, 's3-access-logging'), ['Other'], path);
      assert.deepEqual(suppressedBy(result, 's3-access-logging'), [{ resource: 'Logs', tool: 'cfn_nag', peerId: 'W35', reason: 'access logging handled centrally' }], path);
      assert.deepEqual(result.problems, [], path);
    }
  });
});

describe('cfn-lint', () => {
  test('YAML and JSON: ignore_checks on a resource or the template is read, and reported as having no equivalent', () => {
    const yaml = `AWSTemplateFormatVersion: "2010-09-09"\nMetadata:\n  cfn-lint:\n    config:\n      ignore_checks:\n        - W1001\nResources:\n${bucketYaml('Logs', '    Metadata:\n      cfn-lint:\n        config:\n          ignore_checks: [W3045]\n')}`;
    const json = `{"AWSTemplateFormatVersion": "2010-09-09", "Metadata": {"cfn-lint": {"config": {"ignore_checks": ["W1001"]}}}, "Resources": {
  "Logs": {"Type": "AWS::S3::Bucket", "Metadata": {"cfn-lint": {"config": {"ignore_checks": ["W3045"]}}}, "Properties": {"BucketName": "b"}}}}`;
    for (const [path, text] of [['t.yaml', yaml], ['t.json', json]]) {
      const result = analyse(path, text);
      assert.deepEqual(result.suppressed, [], path);
      assert.deepEqual(reported(result, 's3-access-logging'), ['Logs'], path);
      const problems = problemsAt(result, text);
      assert.deepEqual(problems.map(({ at, severity }) => [at.replace(/"/g, ''), severity]), [['W1001', 'info'], ['W3045', 'info']], path);
      assert.ok(problems.every((problem) => /cfn-lint ignore_checks W\d+: no iac-hints rule is equivalent/.test(problem.message)), path);
    }
  });
});

describe('KICS', () => {
  test('YAML and HCL: kics-scan comments suppress nothing (no rule lists a KICS query) and each is reported, as information', () => {
    const yaml = `# kics-scan disable=4bc4dd4c-7d8d-405e-a0fb-57fa4c31b4d9\n${HEAD}${bucketYaml('Logs', '    # kics-scan ignore-block\n', '      # kics-scan ignore-line\n      BucketName: b\n')}`;
    const hcl = '# kics-scan ignore\n// kics-scan ignore-block\nresource "aws_s3_bucket" "logs" {\n  #kics-scan ignore-line\n  bucket = "b"\n}\n';
    const expected: Record<string, string[]> = {
      't.yaml': ['kics-scan disable=4bc4dd4c-7d8d-405e-a0fb-57fa4c31b4d9', 'kics-scan ignore-block', 'kics-scan ignore-line'],
      'main.tf': ['kics-scan ignore', 'kics-scan ignore-block', 'kics-scan ignore-line'],
    };
    for (const [path, text] of [['t.yaml', yaml], ['main.tf', hcl]]) {
      const result = analyse(path, text);
      assert.deepEqual(result.suppressed, [], path);
      assert.ok(result.findings.some((finding) => finding.ruleId === 's3-access-logging'), path);
      const problems = problemsAt(result, text);
      assert.deepEqual(problems.map(({ at, severity }) => [at, severity]), expected[path].map((at) => [at, 'info']), path);
      assert.ok(problems.every((problem) => /^kics-scan [^:]+: no iac-hints rule lists a KICS query as an equivalent/.test(problem.message)), path);
      // Off with the other tools' suppressions.
      assert.deepEqual(analyse(path, text, false).problems, [], path);
    }
  });

  test('a mention of kics-scan that is not a command is not read', () => {
    const text = `${HEAD}${bucketYaml('Logs', '    # see the kics-scan docs; kics-scan ignore-lines is not a command\n')}`;
    assert.deepEqual(analyse('t.yaml', text).problems, []);
  });
});

describe('tfsec and Trivy (HCL)', () => {
  const queue = (name: string, before = '', inside = '  name = "q"\n') => `${before}resource "aws_sqs_queue" "${name}" {\n${inside}}\n`;

  test('an ignore on the line above a block covers the block: AVD id, lower-case AVD id, long id', () => {
    for (const [comment, tool, peerId] of [
      ['#trivy:ignore:AVD-AWS-0135', 'trivy', 'AVD-AWS-0135'],
      ['# trivy:ignore:avd-aws-0135', 'trivy', 'avd-aws-0135'],
      ['//tfsec:ignore:aws-sqs-queue-encryption-use-cmk', 'tfsec', 'aws-sqs-queue-encryption-use-cmk'],
    ]) {
      const result = analyse('main.tf', queue('a', `${comment}\n`) + queue('b'));
      assert.deepEqual(reported(result, 'sqs-cmk'), ['aws_sqs_queue.b'], comment);
      assert.deepEqual(suppressedBy(result, 'sqs-cmk'), [{ resource: 'aws_sqs_queue.a', tool, peerId, reason: '' }], comment);
      assert.deepEqual(result.problems, [], comment);
    }
  });

  test('a trailing ignore covers its own line, and the words after it are the reason', () => {
    const text = queue('a', '', '  kms_master_key_id = "alias/aws/sqs" #trivy:ignore:AVD-AWS-0135 AWS managed key accepted\n');
    const result = analyse('main.tf', text);
    assert.deepEqual(reported(result, 'sqs-cmk'), []);
    assert.deepEqual(suppressedBy(result, 'sqs-cmk'), [{ resource: 'aws_sqs_queue.a', tool: 'trivy', peerId: 'AVD-AWS-0135', reason: 'AWS managed key accepted' }]);
  });

  test('a run of ignore lines all apply to the block after the run; a blank line breaks it', () => {
    const chained = analyse('main.tf', queue('a', '#tfsec:ignore:aws-sqs-queue-encryption-use-cmk\n#trivy:ignore:AVD-AWS-0096\n'));
    assert.deepEqual(reported(chained, 'sqs-cmk'), []);
    const text = queue('a', '#trivy:ignore:AVD-AWS-0135\n\n');
    const broken = analyse('main.tf', text);
    assert.deepEqual(reported(broken, 'sqs-cmk'), ['aws_sqs_queue.a']);
    const [problem] = problemsAt(broken, text);
    assert.equal(problem.at, 'trivy:ignore:AVD-AWS-0135');
    assert.equal(problem.severity, 'info');
    assert.match(problem.message, /suppresses nothing: Trivy applies it to what starts on line 2 .* the sqs-cmk finding on aws_sqs_queue\.a is on line 3/);
  });

  test('exp: before the date it applies; from the date on it does not, with a warning; a date that is none never applies', () => {
    assert.deepEqual(reported(analyse('main.tf', queue('a', '#trivy:ignore:AVD-AWS-0135:exp:2999-12-31\n')), 'sqs-cmk'), []);
    const text = queue('a', '#trivy:ignore:AVD-AWS-0135:exp:2020-01-01\n');
    const expired = analyse('main.tf', text);
    assert.deepEqual(reported(expired, 'sqs-cmk'), ['aws_sqs_queue.a']);
    assert.deepEqual(problemsAt(expired, text).map(({ at, severity }) => [at, severity]), [['trivy:ignore:AVD-AWS-0135:exp:2020-01-01', 'warning']]);
    assert.match(expired.problems[0].message, /expired on 2020-01-01.*it stood for iac-hints sqs-cmk/);
    const invalid = analyse('main.tf', queue('a', '#tfsec:ignore:AVD-AWS-0135:exp:2024-13-01\n'));
    assert.deepEqual(reported(invalid, 'sqs-cmk'), ['aws_sqs_queue.a']);
    assert.match(invalid.problems[0].message, /"2024-13-01" is not a date/);
  });

  test('* covers every rule with a Trivy equivalent at that place; a workspace or attribute condition is not applied, and said', () => {
    const all = analyse('main.tf', queue('a', '#trivy:ignore:*\n') + queue('b'));
    assert.ok(all.findings.every((finding) => finding.resource.id !== 'aws_sqs_queue.a'));
    assert.ok(all.suppressed.some((entry) => entry.finding.ruleId === 'sqs-cmk' && entry.peerId === '*'));
    // s3-object-lock and s3-tls-only-policy list no Trivy check: a Trivy wildcard is not theirs to silence.
    const bucket = analyse('main.tf', '#tfsec:ignore:*\nresource "aws_s3_bucket" "d" {\n  bucket = "d"\n}\n');
    for (const rule of ['s3-object-lock', 's3-tls-only-policy']) assert.deepEqual(reported(bucket, rule), ['aws_s3_bucket.d'], `${rule} still reported`);
    assert.ok(bucket.suppressed.length > 0 && bucket.suppressed.every((entry) => entry.peerId === '*'));
    const workspace = analyse('main.tf', queue('a', '#trivy:ignore:AVD-AWS-0135:ws:prod\n'));
    assert.deepEqual(reported(workspace, 'sqs-cmk'), ['aws_sqs_queue.a']);
    assert.match(workspace.problems[0].message, /only in the Terraform workspace "prod"/);
    assert.equal(workspace.problems[0].severity, 'info');
    assert.deepEqual(reported(analyse('main.tf', queue('a', '#trivy:ignore:AVD-AWS-0135:ws:*\n')), 'sqs-cmk'), []);
    const condition = analyse('main.tf', queue('a', '#trivy:ignore:AVD-AWS-0135[name=q]\n'));
    assert.deepEqual(reported(condition, 'sqs-cmk'), ['aws_sqs_queue.a']);
    assert.match(condition.problems[0].message, /only where \[name=q\]/);
  });

  test('an AVD id that no rule lists is information: no iac-hints rule is equivalent', () => {
    const text = queue('a', '#tfsec:ignore:AVD-AWS-9999\n');
    const result = analyse('main.tf', text);
    assert.deepEqual(problemsAt(result, text).map(({ at, severity }) => [at, severity]), [['tfsec:ignore:AVD-AWS-9999', 'info']]);
    assert.match(result.problems[0].message, /no iac-hints rule is equivalent to this tfsec check/);
  });

  test('a long id iac-hints does not know is information that says so, not that no rule is equivalent', () => {
    const text = queue('a', '#tfsec:ignore:aws-sqs-queue-made-up-check\n');
    const result = analyse('main.tf', text);
    assert.deepEqual(problemsAt(result, text).map(({ at, severity }) => [at, severity]), [['tfsec:ignore:aws-sqs-queue-made-up-check', 'info']]);
    assert.match(result.problems[0].message, /iac-hints does not know the long id aws-sqs-queue-made-up-check.*write the AVD id instead/);
    assert.doesNotMatch(result.problems[0].message, /no iac-hints rule is equivalent/);
    const expired = analyse('main.tf', queue('a', '#trivy:ignore:aws-sqs-queue-made-up-check:exp:2020-01-01\n'));
    assert.match(expired.problems[0].message, /expired on 2020-01-01.*iac-hints does not know the long id aws-sqs-queue-made-up-check/);
  });

  test('long ids of checks rules list by AVD id are honoured: the security group ingress and the RDS instance a reviewer found', () => {
    const sg = (before: string) => `${before}resource "aws_security_group" "ssh" {\n  name = "ssh"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;
    assert.deepEqual(reported(analyse('main.tf', sg('')), 'sg-open-admin-ports'), ['aws_security_group.ssh']);
    const ingress = analyse('main.tf', sg('#tfsec:ignore:aws-ec2-no-public-ingress-sgr\n'));
    assert.deepEqual(reported(ingress, 'sg-open-admin-ports'), []);
    assert.deepEqual(suppressedBy(ingress, 'sg-open-admin-ports'), [{ resource: 'aws_security_group.ssh', tool: 'tfsec', peerId: 'aws-ec2-no-public-ingress-sgr', reason: '' }]);
    assert.deepEqual(ingress.problems, []);
    const db = (before: string) => `${before}resource "aws_db_instance" "main" {\n  engine            = "postgres"\n  instance_class    = "db.t3.micro"\n  allocated_storage = 20\n}\n`;
    assert.deepEqual(reported(analyse('main.tf', db('')), 'rds-storage-encrypted'), ['aws_db_instance.main']);
    const rds = analyse('main.tf', db('#tfsec:ignore:aws-rds-encrypt-instance-storage-data\n'));
    assert.deepEqual(reported(rds, 'rds-storage-encrypted'), []);
    assert.deepEqual(suppressedBy(rds, 'rds-storage-encrypted'), [{ resource: 'aws_db_instance.main', tool: 'tfsec', peerId: 'aws-rds-encrypt-instance-storage-data', reason: '' }]);
    assert.deepEqual(rds.problems, []);
  });

  test('an ignore above a module call covers what the module reports on the call (from the call\'s inputs)', () => {
    const files = new Map([
      ['/w/root/main.tf', '#trivy:ignore:AVD-AWS-0135\nmodule "q" {\n  source = "../queue"\n  key    = "alias/aws/sqs"\n}\n'],
      ['/w/queue/main.tf', `variable "key" {\n  type = string\n}\n\n${queue('this', '', '  kms_master_key_id = var.key\n')}`],
    ]);
    const view = {
      listFiles: (dir: string) => [...files.keys()].filter((path) => path.startsWith(`${dir}/`)).map((path) => path.slice(dir.length + 1)),
      readFile: (path: string) => files.get(path),
    };
    const root = files.get('/w/root/main.tf') ?? '';
    const without = new Analyzer({ files: view }).analyze({ path: '/w/root/main.tf', text: root.replace(/^#.*\n/, '') });
    assert.deepEqual(reported(without, 'sqs-cmk'), ['module.q.aws_sqs_queue.this']);
    const result = new Analyzer({ files: view }).analyze({ path: '/w/root/main.tf', text: root });
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'sqs-cmk'), []);
    assert.deepEqual(result.suppressed.filter((entry) => entry.finding.ruleId === 'sqs-cmk').map((entry) => [entry.finding.resource.id, entry.tool]), [['module.q.aws_sqs_queue.this', 'trivy']]);
  });

  test('Terraform JSON has no form: nothing is read there', () => {
    const text = '{"resource": {"aws_sqs_queue": {"a": {"//": "trivy:ignore:AVD-AWS-0135 checkov:skip=CKV2_AWS_73", "name": "q"}}}}';
    const result = analyse('main.tf.json', text);
    assert.deepEqual(reported(result, 'sqs-cmk'), ['aws_sqs_queue.a']);
    assert.deepEqual(result.problems, []);
  });
});

describe('all forms', () => {
  test('our own suppression wins; a foreign one on the same finding is used, so not reported', () => {
    const text = `${HEAD}  # iac-hints-ignore s3-access-logging: central trail\n${bucketYaml('Logs', '    # checkov:skip=CKV_AWS_18:central trail\n')}`;
    const result = analyse('t.yaml', text);
    assert.deepEqual(suppressedBy(result, 's3-access-logging'), [{ resource: 'Logs', tool: undefined, peerId: undefined, reason: 'central trail' }]);
    assert.deepEqual(result.problems, []);
  });

  test('otherToolSuppressions: false ignores them all and reports none', () => {
    const yaml = `${HEAD}${bucketYaml('Logs', '    # checkov:skip=CKV_AWS_18:central\n    Metadata:\n      cfn-lint:\n        config:\n          ignore_checks: [W3045]\n')}`;
    const hcl = '#trivy:ignore:AVD-AWS-0135:exp:2020-01-01\n#checkov:skip=CKV2_AWS_73\nresource "aws_sqs_queue" "a" {\n  #checkov:skip=CKV2_AWS_73\n  name = "q"\n}\n';
    const cfn = analyse('t.yaml', yaml, false);
    assert.deepEqual([cfn.suppressed, cfn.problems], [[], []]);
    assert.deepEqual(reported(cfn, 's3-access-logging'), ['Logs']);
    const tf = analyse('main.tf', hcl, false);
    assert.deepEqual([tf.suppressed, tf.problems], [[], []]);
    assert.deepEqual(reported(tf, 'sqs-cmk'), ['aws_sqs_queue.a']);
  });

  test('every id a rule lists leads back to that rule; every long id belongs to an AVD id some rule lists', () => {
    for (const rule of RULES) {
      const { checkov, cfnNag, trivy } = rule.meta.references;
      for (const [tool, ids] of [['checkov', checkov], ['cfn_nag', cfnNag], ['trivy', trivy], ['tfsec', trivy]] as const) {
        for (const id of ids) {
          const rules = equivalentRules(tool, id);
          assert.ok(rules !== 'all' && rules.includes(rule.meta.id), `${tool} ${id} -> ${rule.meta.id}`);
        }
      }
    }
    const listed = new Set(RULES.flatMap((rule) => rule.meta.references.trivy));
    for (const [avd, longIds] of Object.entries(TRIVY_LONG_IDS)) {
      assert.ok(listed.has(avd), `${avd} is listed by a rule`);
      for (const longId of longIds) {
        assert.match(longId, /^aws-[a-z0-9]+-[a-z0-9-]+$/);
        assert.deepEqual(equivalentRules('trivy', longId), equivalentRules('trivy', avd));
      }
    }
  });
});

describe('the case checkov-cfn-nag-suppressions-ignored', () => {
  const CASE = 'test/fixtures/cases/ci/checkov-cfn-nag-suppressions-ignored';

  test('bucket.yaml: the checkov comment, cfn_nag and checkov Metadata are honoured as suppressions of their equivalents', () => {
    const text = readFileSync(`${CASE}/bucket.yaml`, 'utf8');
    const result = analyse('bucket.yaml', text);
    assert.deepEqual(reported(result, 's3-access-logging'), []);
    assert.deepEqual(reported(result, 's3-versioning'), []);
    // checkov's comment comes first in the resource; cfn_nag's W35 covers the same finding.
    assert.deepEqual(suppressedBy(result, 's3-access-logging'), [{ resource: 'ParrotBucket', tool: 'checkov', peerId: 'CKV_AWS_18', reason: 'access logs are collected by the organisation trail' }]);
    assert.deepEqual(suppressedBy(result, 's3-versioning'), [{ resource: 'ParrotBucket', tool: 'checkov', peerId: 'CKV_AWS_21', reason: 'scratch data, versioning not needed' }]);
    assert.deepEqual(result.problems, []);
  });

  test('main.tf: the checkov comment is honoured; the tfsec and Trivy ignores, which Trivy applies to the line below them, are reported', () => {
    const text = readFileSync(`${CASE}/main.tf`, 'utf8');
    const result = analyse('main.tf', text);
    assert.deepEqual(reported(result, 'sqs-cmk'), []);
    assert.deepEqual(suppressedBy(result, 'sqs-cmk'), [{ resource: 'aws_sqs_queue.heron', tool: 'checkov', peerId: 'CKV2_AWS_73', reason: 'SSE-SQS is enough for these job ids' }]);
    const problems = problemsAt(result, text);
    assert.deepEqual(problems.map(({ at, severity }) => [at, severity]), [['tfsec:ignore:aws-sqs-queue-encryption-use-cmk', 'info'], ['trivy:ignore:AVD-AWS-0135', 'info']]);
    assert.ok(problems.every((problem) => /equivalent of iac-hints sqs-cmk\) suppresses nothing: (tfsec|Trivy) applies it to what starts on line 9/.test(problem.message)));
  });
});
