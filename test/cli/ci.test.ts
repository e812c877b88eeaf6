// The CLI as CI teams use it: baselines, --output-file, --quiet and --verbose, templates on standard input, and
// Terraform --var-file.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../helpers/cli';
import { KUBERNETES, SSH_OPEN } from '../helpers/fixtures';

const DATABASE_TF = `variable "encrypted" {
  type    = bool
  default = true
}

resource "aws_db_instance" "db" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  storage_encrypted   = var.encrypted
  publicly_accessible = false
}
`;

interface JsonFinding { ruleId: string; file: string; message: string; severity: string; baselineState?: string }

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

describe('the CLI in CI', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'iac-hints-ci-'));
    write(root, {
      'stack/a.yaml': SSH_OPEN,
      'stack/deployment.yaml': KUBERNETES,
      'tf/main.tf': DATABASE_TF,
      'tf/terraform.tfvars': 'encrypted = true\n',
      'vars/prod.tfvars': 'encrypted = false\n',
      'vars/safe.tfvars': 'encrypted = true\n',
      'vars/broken.tfvars': 'encrypted = \n',
    });
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  const findings = (args: string[], cwd = root): JsonFinding[] => {
    const result = runCli(['scan', '--format', 'json', '--fail-on', 'none', ...args], { cwd });
    assert.equal(result.status, 0, result.stderr);
    return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
  };

  test('a baseline accepts today\'s findings: only new ones fail, wherever the scan runs from', () => {
    const work = join(root, 'baseline');
    write(work, { 'infra/a.yaml': SSH_OPEN });
    const baseline = join(work, 'ci', 'iac-hints-baseline.json'); // a folder not made yet
    const created = runCli(['scan', 'infra', '--create-baseline', baseline], { cwd: work });
    assert.equal(created.status, 0, 'the findings written to the baseline do not fail the scan that writes it');
    const file = JSON.parse(readFileSync(baseline, 'utf8')) as { version: number; findings: { file: string; fingerprint: string; ruleId: string }[] };
    assert.equal(file.version, 1);
    assert.ok(file.findings.some((entry) => entry.ruleId === 'sg-open-admin-ports' && entry.file.endsWith('infra/a.yaml')), JSON.stringify(file.findings));

    const same = runCli(['scan', 'infra', '--baseline', baseline], { cwd: work });
    assert.equal(same.status, 0, same.stdout);
    assert.doesNotMatch(same.stdout, /sg-open-admin-ports/, 'baselined findings are not listed');
    assert.match(same.stdout, new RegExp(`; ${file.findings.length} in the baseline$`, 'm'));
    assert.match(runCli(['scan', 'infra', '--baseline', baseline, '--verbose'], { cwd: work }).stdout, /sg-open-admin-ports .*\(in the baseline\)$/m);

    // Lines added above the old finding keep it known; a new file with the same mistake is new.
    write(work, { 'infra/a.yaml': SSH_OPEN.replace('Resources:\n', 'Description: edited\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n'), 'infra/b.yaml': SSH_OPEN });
    const grown = runCli(['scan', 'infra', '--baseline', baseline], { cwd: work });
    assert.equal(grown.status, 1);
    assert.match(grown.stdout, /^infra\/b\.yaml:\d+:\d+ error sg-open-admin-ports/m);
    assert.doesNotMatch(grown.stdout, /^infra\/a\.yaml:\d+:\d+ error sg-open-admin-ports/m);
    // From another working directory the baseline still matches (files are named from the source root).
    const elsewhere = findings([join(work, 'infra'), '--baseline', baseline], tmpdir());
    const ssh = elsewhere.filter((finding) => finding.ruleId === 'sg-open-admin-ports');
    assert.deepEqual(ssh.map((finding) => [finding.file.endsWith('infra/a.yaml'), finding.baselineState]).sort(), [[false, 'new'], [true, 'unchanged']]);

    for (const [args, pattern] of [
      [['--baseline', join(work, 'missing.json')], /cannot read the baseline/],
      [['--baseline', join(work, 'infra', 'a.yaml')], /cannot read the baseline|is not an iac-hints baseline/],
      [['--baseline', baseline, '--create-baseline', baseline], /cannot be used together/],
    ] as const) {
      const result = runCli(['scan', 'infra', ...args], { cwd: work });
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, pattern);
    }
  });

  test('--output-file writes the report there and only the summary to stdout; --quiet prints only what fails', () => {
    const out = join(root, 'report.sarif');
    const result = runCli(['scan', 'stack', '--format', 'sarif', '--output-file', out], { cwd: root });
    assert.equal(result.status, 1);
    assert.ok(existsSync(out));
    assert.equal((JSON.parse(readFileSync(out, 'utf8')) as { version: string }).version, '2.1.0');
    assert.match(result.stdout, /^\d+ findings \(.*\) in 1 CloudFormation template and 0 Terraform files; 1 file skipped\n$/);

    assert.equal(runCli(['scan', 'stack', '--format', 'sarif', '--output-file', out, '--quiet'], { cwd: root }).stdout, '');
    const quiet = runCli(['scan', 'stack', '--quiet'], { cwd: root });
    assert.equal(quiet.status, 1);
    const lines = quiet.stdout.trimEnd().split('\n');
    assert.ok(lines.length > 0 && lines.every((line) => / error /.test(line)), quiet.stdout);
    assert.ok(lines.some((line) => line.includes('sg-open-admin-ports')));
    const passing = runCli(['scan', 'stack', '--quiet', '--fail-on', 'none'], { cwd: root });
    assert.deepEqual([passing.status, passing.stdout], [0, '']);
    assert.equal(runCli(['scan', 'stack', '--quiet', '--verbose'], { cwd: root }).status, 2);
    const unwritable = runCli(['scan', 'stack', '--output-file', join(root, 'no-such-folder', 'x.txt')], { cwd: root });
    assert.equal(unwritable.status, 2);
    assert.match(unwritable.stderr, /cannot write/);
  });

  test('--verbose names the skipped files and why', () => {
    const plain = runCli(['scan', 'stack'], { cwd: root }).stdout;
    assert.doesNotMatch(plain, /deployment\.yaml/);
    const verbose = runCli(['scan', 'stack', '--verbose'], { cwd: root }).stdout;
    assert.match(verbose, /^stack\/deployment\.yaml: skipped \(.+\)$/m);
  });

  test('`scan -` reads one template from standard input, its format told by its content or by --stdin-filename', () => {
    const yaml = runCli(['scan', '-', '--format', 'json'], { cwd: root, input: SSH_OPEN });
    assert.equal(yaml.status, 1, yaml.stderr);
    const yamlReport = JSON.parse(yaml.stdout) as { files: { path: string; kind: string }[]; findings: JsonFinding[] };
    assert.deepEqual(yamlReport.files.map((file) => [file.path, file.kind]), [['stdin.yaml', 'cloudformation']]);
    assert.ok(yamlReport.findings.some((finding) => finding.ruleId === 'sg-open-admin-ports'));

    const empty = runCli(['scan', '-'], { cwd: root, input: '' });
    assert.equal(empty.status, 0, empty.stderr);
    assert.match(empty.stdout, /^0 findings in 0 CloudFormation templates and 0 Terraform files; 1 file skipped$/m);

    const hcl = DATABASE_TF.replace('default = true', 'default = false');
    const terraform = JSON.parse(runCli(['scan', '-', '--format', 'json', '--fail-on', 'none'], { cwd: root, input: hcl }).stdout) as { files: { path: string; kind: string }[]; findings: JsonFinding[] };
    assert.deepEqual(terraform.files.map((file) => [file.path, file.kind]), [['stdin.tf', 'terraform']]);
    assert.ok(terraform.findings.some((finding) => finding.ruleId === 'rds-storage-encrypted'), JSON.stringify(terraform.findings.map((finding) => finding.ruleId)));

    // Named, a Terraform file joins the module of its folder: here the variable is declared in main.tf and the
    // value comes from the folder's terraform.tfvars (true), so the database is encrypted.
    const joined = JSON.parse(runCli(['scan', '-', '--stdin-filename', 'tf/other.tf', '--format', 'json', '--fail-on', 'none'], { cwd: root, input: 'output "x" {\n  value = 1\n}\n' }).stdout) as { files: { path: string }[]; findings: JsonFinding[] };
    assert.deepEqual(joined.files.map((file) => file.path), ['tf/other.tf']);
    assert.deepEqual(joined.findings, []);
    const usage = runCli(['scan', '-', 'stack'], { cwd: root, input: SSH_OPEN });
    assert.equal(usage.status, 2);
    assert.equal(runCli(['scan', 'stack', '--stdin-filename', 'x.yaml'], { cwd: root }).status, 2);
  });

  test('--var-file feeds root modules after terraform.tfvars, later files winning; a broken one is a usage error', () => {
    const encryption = (args: string[]) => findings(['tf', ...args]).filter((finding) => finding.ruleId === 'rds-storage-encrypted');
    assert.deepEqual(encryption([]), [], 'terraform.tfvars says true');
    const prod = encryption(['--var-file', 'vars/prod.tfvars']);
    assert.equal(prod.length, 1);
    assert.match(prod[0].message, /prod\.tfvars/);
    assert.deepEqual(encryption(['--var-file', 'vars/prod.tfvars', '--var-file', 'vars/safe.tfvars']), [], 'the later file wins');
    assert.equal(encryption(['--var-file=vars/safe.tfvars', '--var-file=vars/prod.tfvars']).length, 1);
    const broken = runCli(['scan', 'tf', '--var-file', 'vars/broken.tfvars'], { cwd: root });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /--var-file vars\/broken\.tfvars:1:\d+: /);
    const missing = runCli(['scan', 'tf', '--var-file', 'vars/none.tfvars'], { cwd: root });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file/);
  });
});
