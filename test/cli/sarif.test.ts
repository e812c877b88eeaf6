// `iac-hints scan --format sarif` as GitHub code scanning reads it: valid for the SARIF Multitool's SARIF and GitHub
// rules, rules with help and security-severity, URIs relative to %SRCROOT% from any working directory, fingerprints
// that survive unrelated edits, suppressions with their reason, parse problems as tool notifications.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, parse, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { listRules } from '../../server/src/analysis';
import { SECURITY_SEVERITY } from '../../server/src/cli/sarif';
import { runCli } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/paths';
import { validateSarif } from '../helpers/sarif';
import type { SarifLog } from '../helpers/sarif';
import { SSH_OPEN } from '../helpers/fixtures';

const CASES = join(REPO_ROOT, 'test', 'fixtures', 'cases', 'ci');

const SUPPRESSED = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  # iac-hints-ignore sg-open-admin-ports: a lab account torn down nightly
  AdminSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`;

function sarif(args: readonly string[], cwd?: string): { status: number | null; log: SarifLog } {
  const result = runCli(['scan', '--format', 'sarif', ...args], cwd ? { cwd } : {});
  assert.equal(result.stderr, '');
  return { status: result.status, log: JSON.parse(result.stdout) as SarifLog };
}

/** The absolute path a result's location names, through the run's originalUriBaseIds. */
function resolvedPath(log: SarifLog, location: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }): string {
  const { uri, uriBaseId } = location.physicalLocation.artifactLocation;
  assert.ok(uriBaseId, `${uri} has a uriBaseId`);
  const base = log.runs[0].originalUriBaseIds?.[uriBaseId]?.uri;
  assert.ok(base, `${uriBaseId} is declared in originalUriBaseIds`);
  assert.match(base, /^file:\/\/.*\/$/, 'an absolute file URI ending with a slash');
  return fileURLToPath(new URL(uri, base));
}

describe('SARIF for code scanning', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'iac-hints-sarif-'));
    for (const [name, text] of Object.entries({ 'ssh/template.yaml': SSH_OPEN, 'suppressed/template.yaml': SUPPRESSED })) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the Multitool finds no error in the SARIF of the examples and of the ci cases (rule kinds Gh and Sarif)', { timeout: 300_000 }, () => {
    const logs: Record<string, string> = {
      'examples.sarif': runCli(['scan', 'examples', '--format', 'sarif']).stdout,
      'parse-error.sarif': runCli(['scan', '.', '--format', 'sarif'], { cwd: join(CASES, 'parse-error-exit-code-and-sarif') }).stdout,
      'uri-outside-cwd.sarif': runCli(['scan', '../sarif-uri-outside-cwd', '--format', 'sarif'], { cwd: join(CASES, 'parse-error-exit-code-and-sarif') }).stdout,
      'suppressed.sarif': runCli(['scan', 'suppressed', '--format', 'sarif'], { cwd: dir }).stdout,
      'other-tools.sarif': runCli(['scan', '.', '--format', 'sarif'], { cwd: join(CASES, 'checkov-cfn-nag-suppressions-ignored') }).stdout,
      'baseline.sarif': (() => {
        const baseline = join(dir, 'baseline.json');
        runCli(['scan', 'ssh', '--create-baseline', baseline], { cwd: dir });
        return runCli(['scan', '.', '--format', 'sarif', '--baseline', baseline], { cwd: dir }).stdout;
      })(),
    };
    const out = mkdtempSync(join(tmpdir(), 'iac-hints-sarif-logs-'));
    try {
      const files = Object.entries(logs).map(([name, text]) => {
        assert.ok(JSON.parse(text), `${name} is JSON`);
        writeFileSync(join(out, name), text);
        return join(out, name);
      });
      // A control: a rule without help, which GitHub refuses, must be reported (the validator does run its rules).
      const control = join(out, 'control.sarif');
      const example = JSON.parse(logs['examples.sarif']) as { runs: { tool: { driver: { rules: Record<string, unknown>[] } } }[] };
      delete example.runs[0].tool.driver.rules[0].help;
      writeFileSync(control, JSON.stringify(example));
      const all = validateSarif([...files, control]);
      const controlErrors = all.filter((message) => message.file.endsWith('control.sarif') && message.level === 'error');
      assert.deepEqual([...new Set(controlErrors.map((message) => message.ruleId))], ['GH2012'], JSON.stringify(controlErrors));
      const messages = all.filter((message) => !message.file.endsWith('control.sarif'));
      const errors = messages.filter((message) => message.level === 'error');
      assert.deepEqual(errors.map((error) => `${error.file}: ${error.ruleId} ${error.text}`), []);
      // The one warning left: no informationUri, as the repository has no public address yet (see sarif.ts).
      assert.deepEqual([...new Set(messages.map((message) => message.ruleId))].filter((id) => id !== 'SARIF2005'), []);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('every rule has a name distinct from its id, descriptions, help in text and Markdown, tags and security-severity', () => {
    const { log } = sarif(['ssh'], dir);
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((rule) => rule.id), listRules().map((rule) => rule.id));
    const names = new Set<string>();
    for (const rule of rules) {
      const info = listRules().find((candidate) => candidate.id === rule.id)!;
      assert.ok(rule.name && rule.name !== rule.id && /^[A-Z][A-Za-z0-9]+$/.test(rule.name), `${rule.id}: name ${rule.name}`);
      assert.ok(!names.has(rule.name), `${rule.id}: name ${rule.name} is unique`);
      names.add(rule.name);
      assert.equal(rule.shortDescription?.text, info.title);
      assert.ok(rule.fullDescription?.text.startsWith(info.rationale), rule.id);
      for (const help of [rule.help?.text ?? '', rule.help?.markdown ?? '']) {
        assert.match(help, /Why this is your duty/, rule.id);
        assert.match(help, /What AWS does by default/, rule.id);
        assert.match(help, /How to fix/, rule.id);
        assert.ok(help.includes(info.awsDefault!.summary), `${rule.id}: the AWS default is said`);
      }
      assert.equal(rule.helpUri, undefined, 'no link to an address that is not published');
      assert.ok(rule.properties?.tags?.includes('security'), rule.id);
      assert.ok(rule.properties?.tags?.includes(info.item), `${rule.id}: tagged with its responsibility item`);
      assert.equal(rule.properties?.['security-severity'], SECURITY_SEVERITY[info.severity], rule.id);
      assert.equal(rule.defaultConfiguration?.level, { error: 'error', warning: 'warning', info: 'note' }[info.severity]);
    }
    // GitHub's scale: critical >= 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9.
    assert.deepEqual(SECURITY_SEVERITY, { error: '8.0', warning: '5.0', info: '2.0' });
    const encrypted = rules.find((rule) => rule.id === 'rds-storage-encrypted')!;
    assert.match(encrypted.help!.markdown!, /CloudFormation, `StorageEncrypted` of `AWS::RDS::DBInstance`: true/);
    assert.match(encrypted.help!.markdown!, /Terraform, `storage_encrypted` in `aws_db_instance`: true/);
  });

  test('URIs are relative to %SRCROOT% and name the same file from a sibling folder and from the file system root', () => {
    const template = join(CASES, 'sarif-uri-outside-cwd', 'template.yaml');
    const fromSibling = sarif(['../sarif-uri-outside-cwd'], join(CASES, 'parse-error-exit-code-and-sarif')).log;
    const root = parse(REPO_ROOT).root;
    const fromRoot = sarif([join(CASES, 'sarif-uri-outside-cwd')], root).log;
    const uris: string[] = [];
    for (const log of [fromSibling, fromRoot]) {
      const results = log.runs[0].results;
      assert.ok(results.length > 0, 'FinchBucket has findings');
      for (const result of results) {
        const { uri, uriBaseId } = result.locations[0].physicalLocation.artifactLocation;
        assert.equal(uriBaseId, '%SRCROOT%');
        assert.ok(!uri.startsWith('/') && !uri.startsWith('..') && !uri.includes('/../') && !/^[a-z]+:/i.test(uri), `a relative URI inside the root: ${uri}`);
        assert.equal(resolvedPath(log, result.locations[0]), resolve(template));
        uris.push(uri);
      }
    }
    assert.equal(new Set(uris).size, 1, `one URI whatever the working directory: ${[...new Set(uris)].join(', ')}`);
  });

  test('fingerprints survive lines added above and other resources, and change with the flagged setting', () => {
    const fingerprints = (text: string): string[] => {
      writeFileSync(join(dir, 'ssh', 'template.yaml'), text);
      const { log } = sarif(['ssh'], dir);
      return log.runs[0].results.filter((result) => result.ruleId === 'sg-open-admin-ports').map((result) => {
        const value = result.partialFingerprints?.['iacHintsFinding/v1'];
        assert.match(value ?? '', /^[0-9a-f]{32}$/);
        return value!;
      });
    };
    try {
      const original = fingerprints(SSH_OPEN);
      assert.equal(original.length, 1);
      const moved = SSH_OPEN.replace('Resources:\n', 'Description: moved down\nParameters:\n  Unused:\n    Type: String\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n');
      assert.deepEqual(fingerprints(moved), original, 'lines above and another resource change nothing');
      assert.deepEqual(fingerprints(SSH_OPEN.replace(/\n/g, '\r\n')), original, 'line endings change nothing');
      assert.notDeepEqual(fingerprints(SSH_OPEN.replace('0.0.0.0/0', '::/0').replace('CidrIp', 'CidrIpv6')), original, 'another setting is another finding');
      assert.notDeepEqual(fingerprints(SSH_OPEN.replace(/AdminSecurityGroup/g, 'BastionSecurityGroup')), original, 'another resource is another finding');
    } finally {
      writeFileSync(join(dir, 'ssh', 'template.yaml'), SSH_OPEN);
    }
  });

  test('a suppressed finding is a result with an in-source suppression and its reason', () => {
    const { status, log } = sarif(['suppressed'], dir);
    assert.equal(status, 0, 'a suppressed error does not fail the scan');
    const suppressed = log.runs[0].results.filter((result) => result.suppressions !== undefined);
    assert.deepEqual(suppressed.map((result) => [result.ruleId, result.suppressions]), [
      ['sg-open-admin-ports', [{ kind: 'inSource', justification: 'a lab account torn down nightly' }]],
    ]);
    assert.ok(suppressed[0].partialFingerprints?.['iacHintsFinding/v1']);
  });

  test('a finding suppressed by another tool\'s skip names the tool and its check id', () => {
    const { log } = sarif(['bucket.yaml'], join(CASES, 'checkov-cfn-nag-suppressions-ignored'));
    const byRule = new Map(log.runs[0].results.filter((result) => result.suppressions).map((result) => [result.ruleId, result.suppressions![0]]));
    assert.deepEqual(byRule.get('s3-versioning'), { kind: 'inSource', justification: 'scratch data, versioning not needed', properties: { tool: 'checkov', peerId: 'CKV_AWS_21' } });
    assert.equal(byRule.get('s3-access-logging')?.kind, 'inSource');
    assert.ok(byRule.get('s3-access-logging')?.properties?.tool, JSON.stringify(byRule.get('s3-access-logging')));
  });

  test('problems of the configuration file are tool configuration notifications at their place', () => {
    const folder = mkdtempSync(join(tmpdir(), 'iac-hints-sarif-config-'));
    try {
      writeFileSync(join(folder, 'template.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n');
      writeFileSync(join(folder, '.iac-hints.yaml'), 'minimumSeverity: warnin\n');
      const result = runCli(['scan', '--format', 'sarif', '.', '--fail-on', 'none'], { cwd: folder });
      const log = JSON.parse(result.stdout) as SarifLog;
      const notes = log.runs[0].invocations?.[0].toolConfigurationNotifications ?? [];
      assert.equal(notes.length, 1, JSON.stringify(notes));
      assert.equal(notes[0].level, 'error');
      assert.match(JSON.stringify(notes[0]), /\.iac-hints\.yaml/);
      assert.match(JSON.stringify(notes[0]), /"startLine":1/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
