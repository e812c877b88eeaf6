// The `iac-hints` command line: exit codes, the JSON contract, the text format, skipping and robustness.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TOOL_NAME, TOOL_VERSION, listRules } from '../../server/src/analysis';
import { getRule } from '../../server/src/analysis/rules/registry';
import { runCli } from '../helpers/cli';
import { KUBERNETES, MALFORMED, SSH_OPEN } from '../helpers/fixtures';

/** Only warnings: an unencrypted database (and whatever else the rules say about it, all warnings). */
const RDS = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: "20"
      MasterUsername: app
      ManageMasterUserPassword: true
      PubliclyAccessible: false
`;

const CLEAN = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Topic:
    Type: AWS::SNS::Topic
`;

interface JsonPosition { line: number; character: number }
interface JsonRange { start: JsonPosition; end: JsonPosition }
interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  files: { path: string; kind: string; reason?: string; problems: { message: string; range: JsonRange }[] }[];
  findings: {
    ruleId: string; responsibility: string; severity: string; message: string; file: string; range: JsonRange;
    resource: { id: string; type: string }; references: Record<string, string[]>;
  }[];
  resources: { file: string; id: string; type: string; category: string | null; responsibilities: { item: string; status: string; ruleIds: string[]; detail: string }[] }[];
}

describe('iac-hints scan', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'iac-hints-cli-'));
    for (const [name, text] of Object.entries({
      'error/ssh.yaml': SSH_OPEN,
      'warning/rds.yaml': RDS,
      'clean/topic.yaml': CLEAN,
      'mixed/ssh.yaml': SSH_OPEN,
      'mixed/deployment.yaml': KUBERNETES,
      'mixed/package.json': '{"name": "x", "version": "1.0.0"}',
      'mixed/node_modules/dep/ssh.yaml': SSH_OPEN,
      'broken/a-broken.yaml': MALFORMED,
      'broken/b-not-json.json': '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {',
      'broken/c-ssh.yaml': SSH_OPEN,
    })) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  const json = (args: string[]): { status: number | null; report: JsonReport } => {
    const result = runCli(['scan', '--format', 'json', ...args], { cwd: root });
    assert.equal(result.stderr, '');
    return { status: result.status, report: JSON.parse(result.stdout) as JsonReport };
  };

  test('exit codes follow --fail-on', () => {
    assert.equal(runCli(['scan', 'error'], { cwd: root }).status, 1, 'SSH open to the world is an error');
    assert.equal(runCli(['scan', 'error', '--fail-on', 'none'], { cwd: root }).status, 0);
    // The rule set grows: the expected code for each folder and threshold comes from the folder's own findings.
    const rank: Record<string, number> = { error: 0, warning: 1, info: 2 };
    for (const folder of ['error', 'warning', 'clean', 'mixed']) {
      const { report } = json([folder, '--fail-on', 'none']);
      const worst = Math.min(3, ...report.findings.map((finding) => rank[finding.severity]));
      for (const failOn of ['error', 'warning', 'info', 'none']) {
        const expected = failOn !== 'none' && worst <= rank[failOn] ? 1 : 0;
        const flag = failOn === 'info' ? ['--fail-on=info'] : ['--fail-on', failOn];
        assert.equal(runCli(['scan', folder, ...flag], { cwd: root }).status, expected, `scan ${folder} --fail-on ${failOn} (worst severity rank ${worst})`);
      }
    }
    assert.ok(json(['warning', '--fail-on', 'none']).report.findings.some((finding) => finding.ruleId === 'rds-storage-encrypted' && finding.severity === 'warning'));
    assert.equal(runCli(['scan', 'warning'], { cwd: root }).status, json(['warning']).report.findings.some((finding) => finding.severity === 'error') ? 1 : 0, 'the default is --fail-on error');
  });

  test('usage errors exit 2 with a message on stderr', () => {
    for (const [args, pattern] of [
      [['scan', '--bogus'], /unknown option '--bogus'/],
      [['scan', '--fail-on', 'sometimes'], /--fail-on must be one of/],
      [['scan', '--format', 'xml'], /--format must be one of/],
      [['scan', '--format'], /--format needs a value/],
      [['scan', 'does-not-exist'], /no such file or directory: does-not-exist/],
      [['frobnicate'], /unknown command 'frobnicate'/],
    ] as const) {
      const result = runCli(args, { cwd: root });
      assert.equal(result.status, 2, `${args.join(' ')} exits 2`);
      assert.match(result.stderr, pattern);
      assert.equal(result.stdout, '');
    }
  });

  test('--help and --version', () => {
    const help = runCli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: iac-hints/);
    assert.match(runCli(['scan', '--help']).stdout, /--fail-on/);
    const version = runCli(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), `${TOOL_NAME} ${TOOL_VERSION}`);
  });

  test('the JSON report follows the contract, with exact 0-based ranges and relative paths', () => {
    const { status, report } = json(['error']);
    assert.equal(status, 1);
    assert.deepEqual(Object.keys(report), ['version', 'tool', 'files', 'findings', 'resources', 'suppressed']);
    assert.equal(report.version, 1);
    assert.deepEqual(report.tool, { name: TOOL_NAME, version: TOOL_VERSION });
    assert.deepEqual(report.files, [{ path: 'error/ssh.yaml', kind: 'cloudformation', problems: [] }]);
    const ssh = report.findings.filter((finding) => finding.ruleId === 'sg-open-admin-ports');
    assert.equal(ssh.length, 1, JSON.stringify(report.findings.map((finding) => finding.ruleId)));
    const [finding] = ssh;
    assert.deepEqual(Object.keys(finding), ['ruleId', 'responsibility', 'severity', 'message', 'file', 'range', 'resource', 'references']);
    assert.equal(finding.responsibility, 'network-exposure');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /^SSH \(port 22\) is open to the internet/);
    assert.equal(finding.file, 'error/ssh.yaml');
    assert.deepEqual(finding.range, { start: { line: 10, character: 18 }, end: { line: 10, character: 27 } });
    assert.deepEqual(finding.resource, { id: 'AdminSecurityGroup', type: 'AWS::EC2::SecurityGroup' });
    for (const tool of ['checkov', 'fsbp', 'trivy']) assert.ok(Array.isArray(finding.references[tool]), `references.${tool}`);
    assert.ok(finding.references.checkov.includes('CKV_AWS_24'));
    assert.equal(report.resources.length, 1);
    const [resource] = report.resources;
    assert.deepEqual(Object.keys(resource), ['file', 'id', 'type', 'category', 'responsibilities']);
    assert.equal(resource.file, 'error/ssh.yaml');
    assert.equal(resource.id, 'AdminSecurityGroup');
    const network = resource.responsibilities.find((item) => item.item === 'network-exposure');
    assert.ok(network);
    assert.equal(network.status, 'missed');
    assert.ok(network.ruleIds.includes('sg-open-admin-ports'), JSON.stringify(network.ruleIds));
    assert.equal(typeof network.detail, 'string');
  });

  test('a Kubernetes manifest and a package.json next to a template are skipped with no findings; node_modules is not entered', () => {
    const { report } = json(['mixed']);
    const byPath = new Map(report.files.map((file) => [file.path, file]));
    assert.equal(byPath.get('mixed/ssh.yaml')?.kind, 'cloudformation');
    const manifest = byPath.get('mixed/deployment.yaml');
    assert.equal(manifest?.kind, 'skipped');
    assert.equal(typeof manifest?.reason, 'string');
    // package.json is not a candidate name: not read at all (or, if listed, skipped).
    const packageJson = byPath.get('mixed/package.json');
    assert.ok(packageJson === undefined || packageJson.kind === 'skipped');
    assert.equal([...byPath.keys()].some((path) => path.includes('node_modules')), false);
    assert.deepEqual(new Set(report.findings.map((finding) => finding.file)), new Set(['mixed/ssh.yaml']));
  });

  test('a file named explicitly but not a template is listed as skipped', () => {
    const { status, report } = json(['mixed/package.json', 'mixed/deployment.yaml']);
    assert.equal(status, 0);
    assert.deepEqual(report.files.map((file) => [file.path, file.kind]), [['mixed/package.json', 'skipped'], ['mixed/deployment.yaml', 'skipped']]);
    assert.deepEqual(report.findings, []);
  });

  test('malformed files are reported and the rest is scanned', () => {
    const { status, report } = json(['broken']);
    assert.equal(status, 1, 'the SSH template still fails the scan');
    const broken = report.files.find((file) => file.path === 'broken/a-broken.yaml');
    assert.ok(broken, JSON.stringify(report.files));
    assert.ok(broken.problems.length > 0, 'the YAML error is reported');
    assert.equal(typeof broken.problems[0].range.start.line, 'number');
    assert.ok(report.files.some((file) => file.path === 'broken/b-not-json.json'));
    assert.ok(report.findings.some((finding) => finding.file === 'broken/c-ssh.yaml' && finding.ruleId === 'sg-open-admin-ports'));

    const text = runCli(['scan', 'broken'], { cwd: root });
    assert.match(text.stdout, /^broken\/a-broken\.yaml:\d+:\d+ error parse /m);
  });

  test('text format: one `path:line:col severity ruleId message` line per finding, then a summary', () => {
    const result = runCli(['scan', 'error', 'warning', 'mixed'], { cwd: root });
    assert.equal(result.status, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.ok(lines.some((line) => line.startsWith('error/ssh.yaml:11:19 error sg-open-admin-ports [network exposure] SSH (port 22) is open to the internet')), result.stdout);
    const findingLines = lines.filter((line) => /^\S+:\d+:\d+ (error|warning|info) \S+ /.test(line));
    const { report } = json(['error', 'warning', 'mixed']);
    assert.equal(findingLines.length, report.findings.length);
    const errors = report.findings.filter((finding) => finding.severity === 'error').length;
    const warnings = report.findings.filter((finding) => finding.severity === 'warning').length;
    const infos = report.findings.filter((finding) => finding.severity === 'info').length;
    const templates = report.files.filter((file) => file.kind === 'cloudformation').length;
    const terraform = report.files.filter((file) => file.kind === 'terraform').length;
    const skipped = report.files.length - templates - terraform;
    // Zero counts are left out of the parenthesis (a scan with parse errors must not read "0 errors").
    const bySeverity = [errors > 0 ? `${errors} errors?` : '', warnings > 0 ? `${warnings} warnings?` : '', infos > 0 ? `${infos} info` : ''].filter(Boolean).join(', ');
    assert.match(lines[lines.length - 1], new RegExp(`^${report.findings.length} findings \\(${bySeverity}\\) in ${templates} CloudFormation templates? and ${terraform} Terraform files?; ${skipped} files? skipped$`));
    // NO_COLOR (set by runCli) and a pipe: no escape codes.
    assert.equal(result.stdout.includes('\u001b['), false);
  });

  test('the examples folder: SSH, RDS and S3 findings', () => {
    const result = runCli(['scan', 'examples', '--format', 'json']);
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout) as JsonReport;
    const rules = new Set(report.findings.map((finding) => finding.ruleId));
    for (const rule of ['sg-open-admin-ports', 'rds-storage-encrypted', 's3-block-public-access']) assert.ok(rules.has(rule), `${rule} in ${[...rules].join(', ')}`);
    // CloudFormation templates and Terraform modules (the CLI scans both); nothing from the non-templates.
    assert.ok(report.findings.every((finding) => finding.file.startsWith('examples/cloudformation/') || finding.file.startsWith('examples/terraform/')));
    assert.equal(report.files.find((file) => file.path === 'examples/not-cloudformation/deployment.yaml')?.kind, 'skipped');
  });
});

describe('iac-hints rules', () => {
  test('text lists every rule', () => {
    const result = runCli(['rules']);
    assert.equal(result.status, 0);
    for (const rule of listRules()) assert.match(result.stdout, new RegExp(`^${rule.id}  \\[${rule.severity}\\]`, 'm'));
    assert.match(result.stdout, new RegExp(`^${listRules().length} rules$`, 'm'));
  });

  test('JSON carries the metadata of every rule and whether it has a fix', () => {
    const result = runCli(['rules', '--format', 'json']);
    assert.equal(result.status, 0);
    const parsed = JSON.parse(result.stdout) as { version: number; rules: { id: string; item: string; severity: string; hasFix: boolean; resourceTypes: { cloudformation: string[]; terraform: string[] }; references: Record<string, string[]>; docsUrl: string }[] };
    assert.equal(parsed.version, 1);
    assert.deepEqual(parsed.rules.map((rule) => rule.id), listRules().map((rule) => rule.id));
    for (const rule of parsed.rules) {
      assert.equal(typeof rule.hasFix, 'boolean');
      assert.ok(Array.isArray(rule.resourceTypes.cloudformation));
      assert.ok(Array.isArray(rule.references.checkov));
      assert.equal(rule.docsUrl, `docs/rules/${rule.id}.md`);
    }
    assert.equal(parsed.rules.find((rule) => rule.id === 'rds-storage-encrypted')?.hasFix, true);
    for (const rule of parsed.rules) {
      const fixes = getRule(rule.id)?.fixes;
      assert.equal(rule.hasFix, fixes !== undefined && Object.keys(fixes).length > 0, `${rule.id}.hasFix`);
    }
  });

  test('rules rejects --fail-on and arguments', () => {
    assert.equal(runCli(['rules', '--fail-on', 'error']).status, 2);
    assert.equal(runCli(['rules', 'extra']).status, 2);
  });
});
