// `.iac-hints.yaml` in both hosts: the CLI (dist/cli.js) and the language server (dist/server.js over stdio) give the
// same findings for the same configuration (a rule off, a severity override, an item filter, an exclude glob,
// allowed Regions); an invalid entry is reported at its exact place by both (the CLI as `path:line:col`, the server
// as a diagnostic on the file) while the rest still applies; a change of the file on disk is applied by the server.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli';
import { PULL_CAPABILITIES, TestLspClient, fileUri } from '../helpers/lspClient';

const STACK = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      PubliclyAccessible: false
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
  Table:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      BillingMode: PAY_PER_REQUEST
      Replicas:
        - Region: eu-west-1
        - Region: us-east-1
`;

const MAIN_TF = `resource "aws_db_instance" "db" {
  engine              = "postgres"
  storage_encrypted   = false
  publicly_accessible = true
}
`;

const CONFIG = `# several settings at once
minimumSeverity: info
allowedRegions: [eu-west-1]
items: [network-exposure, data-at-rest-encryption, data-residency]
rules:
  sg-open-admin-ports: off
  rds-storage-encrypted: error
exclude:
  - legacy
`;

/** An invalid minimum severity and an unknown rule id; the rule turned off must still be off. */
const INVALID = `minimumSeverity: warnin
rules:
  sg-open-admin-ports: off
  rds-storage-encrpyted: error
`;

const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3 };

interface JsonRange { start: { line: number; character: number }; end: { line: number; character: number } }
interface JsonReport {
  findings: { ruleId: string; severity: string; message: string; file: string; range: JsonRange }[];
  config?: { path: string; problems: { message: string; severity: string; range: JsonRange }[] };
}

function at(range: JsonRange): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** A workspace with the configuration, a template, a Terraform module and an excluded folder. */
function workspace(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'iac-hints-config-'));
  writeFileSync(join(dir, '.iac-hints.yaml'), config);
  writeFileSync(join(dir, 'stack.yaml'), STACK);
  mkdirSync(join(dir, 'tf'));
  writeFileSync(join(dir, 'tf', 'main.tf'), MAIN_TF);
  mkdirSync(join(dir, 'legacy'));
  writeFileSync(join(dir, 'legacy', 'old.yaml'), STACK);
  return dir;
}

/** `file ruleId severity range message` of every finding the CLI reports, scanning the workspace from inside it. */
function cliFindings(dir: string, extra: readonly string[] = []): { entries: string[]; report: JsonReport; stderr: string } {
  const result = runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', ...extra], { cwd: dir });
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout) as JsonReport;
  const entries = report.findings.map((finding) => `${finding.file} ${finding.ruleId} ${SEVERITY[finding.severity]} ${at(finding.range)} ${finding.message}`).sort();
  return { entries, report, stderr: result.stderr };
}

/** The same of what the server last published for each file of the workspace (but the configuration file). */
function serverFindings(client: TestLspClient, dir: string): string[] {
  const last = new Map<string, PublishDiagnosticsParams>();
  for (const params of client.diagnostics.values) last.set(params.uri, params);
  const entries: string[] = [];
  for (const [uri, params] of last) {
    const file = relative(dir, fileURLToPath(uri)).split('\\').join('/');
    if (file === '.iac-hints.yaml' || file.startsWith('..')) continue;
    for (const diagnostic of params.diagnostics) entries.push(`${file} ${String(diagnostic.code)} ${diagnostic.severity} ${at(diagnostic.range)} ${diagnostic.message}`);
  }
  return entries.sort();
}

async function scannedServer(dir: string, settings: Record<string, unknown> = {}): Promise<TestLspClient> {
  const { client } = await TestLspClient.start({ workspaceFolders: [dir], settings });
  await client.progress.find((event) => event.value.kind === 'end', 'the end of the workspace scan', 30_000);
  return client;
}

const dirs: string[] = [];
const clients: TestLspClient[] = [];
after(async () => {
  for (const client of clients) await client.shutdown().catch(() => client.kill());
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('.iac-hints.yaml in the CLI and the language server', () => {
  test('both hosts give the same findings under the same configuration, and the configuration shows in them', async () => {
    const dir = workspace(CONFIG);
    dirs.push(dir);
    const cli = cliFindings(dir);
    assert.equal(cli.stderr, '');
    assert.deepEqual(cli.report.config, { path: '.iac-hints.yaml', problems: [] });
    // Editor settings below the configuration: the configuration wins (info, eu-west-1).
    const client = await scannedServer(dir, { minimumSeverity: 'error', allowedRegions: ['us-east-1'] });
    clients.push(client);
    const server = serverFindings(client, dir);
    assert.deepEqual(server, cli.entries);

    const rules = new Set(cli.report.findings.map((finding) => finding.ruleId));
    assert.ok(!rules.has('sg-open-admin-ports'), 'a rule off reports nothing');
    const encrypted = cli.report.findings.filter((finding) => finding.ruleId === 'rds-storage-encrypted');
    assert.deepEqual(encrypted.map((finding) => `${finding.file} ${finding.severity}`).sort(), ['stack.yaml error', 'tf/main.tf error'], 'a severity override');
    assert.ok(!rules.has('rds-backup-retention') && !rules.has('rds-log-exports') && !rules.has('rds-iam-auth'), 'items not listed are not checked');
    assert.ok(rules.has('rds-not-public'), 'an item listed is checked');
    assert.ok(!cli.report.findings.some((finding) => finding.file.startsWith('legacy/')), 'an excluded folder is not analysed');
    const residency = cli.report.findings.filter((finding) => finding.ruleId === 'data-residency-regions');
    assert.ok(residency.length > 0 && residency.every((finding) => finding.severity !== 'info') && residency.some((finding) => finding.message.includes('us-east-1')), JSON.stringify(residency));

    // Without the configuration, the same files say more: the settings above were in force.
    rmSync(join(dir, '.iac-hints.yaml'));
    const plain = cliFindings(dir);
    assert.ok(plain.report.findings.some((finding) => finding.ruleId === 'sg-open-admin-ports'));
    assert.ok(plain.report.findings.some((finding) => finding.file.startsWith('legacy/')));
    writeFileSync(join(dir, '.iac-hints.yaml'), CONFIG);
  });

  test('command-line flags win over the configuration: --severity, --skip-path, --config', () => {
    const dir = workspace(CONFIG);
    dirs.push(dir);
    const strict = cliFindings(dir, ['--severity', 'error', '--skip-path', 'tf/**']);
    assert.ok(strict.report.findings.length > 0);
    assert.ok(strict.report.findings.every((finding) => finding.severity === 'error' && finding.file === 'stack.yaml'), strict.entries.join('\n'));
    const other = join(dir, 'other.yaml');
    writeFileSync(other, 'rules: {sg-open-admin-ports: warning}\n');
    const explicit = cliFindings(dir, ['--config', 'other.yaml']);
    assert.ok(explicit.report.findings.some((finding) => finding.ruleId === 'sg-open-admin-ports' && finding.severity === 'warning'));
    assert.ok(explicit.report.findings.some((finding) => finding.file.startsWith('legacy/')), 'the other configuration excludes nothing');
    const missing = runCli(['scan', '.', '--config', 'nowhere.yaml'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read the configuration nowhere\.yaml: ENOENT/);
  });

  test('an invalid configuration is reported at its exact place by both hosts, and the rest still applies', async () => {
    const dir = workspace(INVALID);
    dirs.push(dir);
    const cli = cliFindings(dir);
    // Line 1 col 18: `warnin`; line 4 col 3: the unknown rule id.
    assert.deepEqual(cli.stderr.trim().split('\n'), [
      ".iac-hints.yaml:1:18 error config minimumSeverity must be one of error, warning, info, not 'warnin'; the default applies.",
      ".iac-hints.yaml:4:3 warning config Unknown rule 'rds-storage-encrpyted' (did you mean 'rds-storage-encrypted'?); it is ignored.",
    ]);
    assert.deepEqual(cli.report.config?.problems.map((problem) => `${problem.severity} ${at(problem.range)}`), ['error 0:17-0:23', 'warning 3:2-3:23']);
    const text = runCli(['scan', '.', '--fail-on', 'none'], { cwd: dir });
    assert.equal(text.stderr, cli.stderr, 'the text report says the same on stderr');

    const client = await scannedServer(dir);
    clients.push(client);
    const configUri = fileUri(join(dir, '.iac-hints.yaml'));
    const published = await client.diagnostics.find((params) => params.uri === configUri && params.diagnostics.length > 0, 'the configuration problems');
    assert.deepEqual(published.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.severity} ${at(diagnostic.range)} ${diagnostic.message}`), [
      "config 1 0:17-0:23 minimumSeverity must be one of error, warning, info, not 'warnin'; the default applies.",
      "config 2 3:2-3:23 Unknown rule 'rds-storage-encrpyted' (did you mean 'rds-storage-encrypted'?); it is ignored.",
    ]);
    // The valid part applies in both: the rule off stays off, and nothing else was silenced.
    const server = serverFindings(client, dir);
    assert.deepEqual(server, cli.entries);
    assert.ok(!cli.report.findings.some((finding) => finding.ruleId === 'sg-open-admin-ports'));
    assert.ok(cli.report.findings.some((finding) => finding.ruleId === 'rds-storage-encrypted' && finding.severity === 'warning'));
    assert.ok(cli.report.findings.some((finding) => finding.severity === 'info'), 'the default minimum severity applies');

    // Fixed on disk: the server applies it (a watched change) and clears the file's problems.
    writeFileSync(join(dir, '.iac-hints.yaml'), 'rules:\n  rds-storage-encrypted: error\n');
    const stackUri = fileUri(join(dir, 'stack.yaml'));
    const cleared = client.diagnostics.next((params) => params.uri === configUri && params.diagnostics.length === 0, 'the configuration problems cleared');
    const republished = client.diagnostics.next((params) => params.uri === stackUri && params.diagnostics.some((diagnostic) => diagnostic.code === 'sg-open-admin-ports'), 'the template re-published under the new configuration', 30_000);
    // A new rule policy makes a new analyzer, and the workspace is scanned again with it.
    const rescanned = client.progress.next((event) => event.value.kind === 'end', 'the end of the new workspace scan', 30_000);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await cleared;
    const params = await republished;
    assert.ok(params.diagnostics.some((diagnostic) => diagnostic.code === 'rds-storage-encrypted' && diagnostic.severity === 1));
    await rescanned;
    assert.deepEqual(serverFindings(client, dir), cliFindings(dir).entries);
  });

  test('open documents: the configuration file shows its problems (pushed or pulled), an excluded file shows nothing', async () => {
    const dir = workspace(`${CONFIG}colour: blue\n`);
    dirs.push(dir);
    const configPath = join(dir, '.iac-hints.yaml');
    const legacy = join(dir, 'legacy', 'old.yaml');
    const stack = join(dir, 'stack.yaml');
    const expected = ["config 2 9:0-9:6 Unknown key 'colour'; it is ignored."];
    const shown = (diagnostics: readonly Diagnostic[]) =>
      diagnostics.map((diagnostic) => `${String(diagnostic.code)} ${diagnostic.severity} ${at(diagnostic.range)} ${String(diagnostic.message)}`);

    const pushing = await scannedServer(dir);
    clients.push(pushing);
    const configUri = await pushing.open(configPath, `${CONFIG}colour: blue\n`);
    assert.deepEqual(shown((await pushing.nextDiagnostics(configUri)).diagnostics), expected);
    const legacyUri = await pushing.open(legacy, STACK);
    assert.deepEqual((await pushing.nextDiagnostics(legacyUri)).diagnostics, []);
    const stackUri = await pushing.open(stack, STACK);
    assert.ok((await pushing.nextDiagnostics(stackUri)).diagnostics.length > 0, 'an included file is analysed');
    await pushing.close(configUri);
    assert.deepEqual(shown((await pushing.nextDiagnostics(configUri)).diagnostics), expected, 'closed: the problems stay');

    const { client: pulling } = await TestLspClient.start({ workspaceFolders: [dir], capabilities: PULL_CAPABILITIES });
    clients.push(pulling);
    await pulling.progress.find((event) => event.value.kind === 'end', 'the end of the workspace scan', 30_000);
    await pulling.open(configPath, `${CONFIG}colour: blue\n`);
    const report = await pulling.pullDiagnostics(configUri);
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.kind === 'full' ? shown(report.items) : [], expected);
    await pulling.open(legacy, STACK);
    const excluded = await pulling.pullDiagnostics(legacyUri);
    assert.deepEqual(excluded.kind === 'full' ? excluded.items : [], []);
    await pulling.open(stack, STACK);
    const included = await pulling.pullDiagnostics(stackUri);
    assert.ok(included.kind === 'full' && included.items.length > 0);
  });

  test('a workspace folder added right after start-up brings its configuration with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iac-hints-config-folder-'));
    const { client } = await TestLspClient.start({ workspaceFolders: [], settings: { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: false } });
    try {
      writeFileSync(join(dir, '.iac-hints.yaml'), 'rules:\n  sg-open-admin-ports: off\n');
      const template = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Admin:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: admin\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n`;
      writeFileSync(join(dir, 'sg.yaml'), template);
      // Sent at once, while the server is still asking the client for its settings after `initialized`.
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(dir), name: 'added' }], removed: [] } });
      const uri = await client.open(join(dir, 'sg.yaml'), template);
      const cli = runCli(['scan', '--format', 'json', '--severity', 'info', '--fail-on', 'none', join(dir, 'sg.yaml')]);
      const expected = (JSON.parse(cli.stdout) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId).sort();
      assert.ok(!expected.includes('sg-open-admin-ports') && expected.length > 0, 'the CLI applies the configuration');
      const published = await client.findDiagnostics(uri, (params) => !params.diagnostics.some((diagnostic) => diagnostic.code === 'sg-open-admin-ports'), 'diagnostics under the added folder\'s configuration');
      assert.deepEqual(published.diagnostics.map((diagnostic) => String(diagnostic.code)).sort(), expected);
    } finally {
      await client.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
