import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/paths';

describe('rule reference and SARIF', () => {
  test('docs/rules.md is what `iac-hints rules --format markdown` generates (regenerate it when rules change)', () => {
    const generated = runCli(['rules', '--format', 'markdown']);
    assert.equal(generated.status, 0, generated.stderr);
    const committed = readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
    assert.equal(committed, generated.stdout, 'docs/rules.md is stale: run `node dist/cli.js rules --format markdown > docs/rules.md`');
  });

  test('scan --format sarif gives SARIF 2.1.0 with one result per finding and 1-based regions', () => {
    const json = runCli(['scan', 'examples', '--format', 'json', '--fail-on', 'none']);
    const sarif = runCli(['scan', 'examples', '--format', 'sarif', '--fail-on', 'none']);
    assert.equal(sarif.status, 0, sarif.stderr);
    const findings = (JSON.parse(json.stdout) as { findings: { ruleId: string; file: string; range: { start: { line: number; character: number } } }[] }).findings;
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.results.length, findings.length);
    assert.ok(findings.length > 0);
    findings.forEach((finding, index) => {
      const result = run.results[index];
      assert.equal(result.ruleId, finding.ruleId);
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, finding.ruleId);
      const location = result.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uri, finding.file);
      assert.equal(location.region.startLine, finding.range.start.line + 1);
      assert.equal(location.region.startColumn, finding.range.start.character + 1);
    });
  });

  test('an unknown format is a usage error', () => {
    assert.equal(runCli(['scan', 'examples', '--format', 'yaml']).status, 2);
    assert.equal(runCli(['rules', '--format', 'sarif']).status, 2);
    assert.equal(runCli(['rules', '--format', 'html']).status, 2);
  });
});

describe('the Shared Responsibility Report from the CLI', () => {
  test('--format markdown: the matrix and each resource\'s items; the exit code still follows --fail-on', () => {
    const run = runCli(['scan', 'examples/cloudformation/web-stack.yaml', '--format', 'markdown']);
    assert.equal(run.status, 1, 'errors fail the scan, whatever the format');
    assert.match(run.stdout, /^# Shared Responsibility Report\n/);
    assert.match(run.stdout, /\n\| `WebSecurityGroup` \| `AWS::EC2::SecurityGroup` \| examples\/cloudformation\/web-stack\.yaml:14 \|/);
    assert.match(run.stdout, /- \*\*network exposure\*\*: ✗ missed, error: .*SSH \(port 22\) is open to the internet/);
    assert.match(run.stdout, /- \*\*data in transit\*\*: \? cannot be checked: cannot be checked: /);
  });

  test('--format html --output-file: one self-contained page; stdout gets the summary line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iac-hints-report-'));
    const file = path.join(dir, 'report.html');
    const run = runCli(['scan', 'examples', '--format', 'html', '--output-file', file, '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^\d+ findings/);
    const html = readFileSync(file, 'utf8');
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(html)?.[1];
    assert.ok(nonce && nonce.length >= 22, 'a random nonce of 128 bits');
    assert.ok(html.includes(`<script nonce="${nonce}">`));
    assert.match(html, /data-key="examples\/cloudformation\/web-stack\.yaml#ArchiveDatabase"/);
    // Each link leads, from the report's own folder, to the scanned file (not to a path relative to the working directory).
    const nested = path.join(dir, 'deep', 'er');
    mkdirSync(nested, { recursive: true });
    const nestedFile = path.join(nested, 'report.html');
    assert.equal(runCli(['scan', 'examples', '--format', 'html', '--output-file', nestedFile, '--fail-on', 'none']).status, 0);
    const hrefs = [...readFileSync(nestedFile, 'utf8').matchAll(/ href="([^"#]+)#L(\d+)"/g)];
    assert.ok(hrefs.length > 10, 'the report links its places');
    for (const [, href, line] of hrefs) {
      const target = path.resolve(nested, decodeURIComponent(href!));
      assert.ok(existsSync(target) && target.startsWith(path.join(REPO_ROOT, 'examples')), `${href} from ${nested}`);
      assert.ok(Number(line) >= 1 && Number(line) <= readFileSync(target, 'utf8').split('\n').length);
    }
    // A fresh nonce each time.
    const again = runCli(['scan', 'examples', '--format', 'html', '--fail-on', 'none']).stdout;
    assert.notEqual(/script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(again)?.[1], nonce);
  });
});

describe('suppressions in the CLI output', () => {
  test('JSON lists what was suppressed and why; the text summary counts it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iac-hints-suppressed-'));
    writeFileSync(path.join(dir, 'db.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  # iac-hints-ignore rds-storage-encrypted: synthetic data only\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n');
    const json = JSON.parse(runCli(['scan', dir, '--format', 'json', '--fail-on', 'none']).stdout) as { findings: { ruleId: string }[]; suppressed: { ruleId: string; reason: string; resource: { id: string } }[] };
    assert.deepEqual(json.suppressed.map((entry) => [entry.ruleId, entry.resource.id, entry.reason]), [['rds-storage-encrypted', 'Db', 'synthetic data only']]);
    assert.ok(!json.findings.some((finding) => finding.ruleId === 'rds-storage-encrypted'));
    assert.match(runCli(['scan', dir, '--fail-on', 'none']).stdout, /; 1 suppressed\n$/);
  });

  test('JSON names the other tool whose suppression applied, and its check id', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iac-hints-suppressed-'));
    writeFileSync(path.join(dir, 'bucket.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Metadata:\n      checkov:\n        skip:\n          - id: CKV_AWS_21\n            comment: scratch data\n');
    const json = JSON.parse(runCli(['scan', dir, '--format', 'json', '--fail-on', 'none']).stdout) as { suppressed: { ruleId: string; reason: string; tool?: string; peerId?: string }[] };
    assert.deepEqual(json.suppressed.map((entry) => [entry.ruleId, entry.tool, entry.peerId, entry.reason]), [['s3-versioning', 'checkov', 'CKV_AWS_21', 'scratch data']]);
  });
});

describe('--allowed-regions', () => {
  test('a replica outside the allowed Regions fails a scan at --fail-on warning; without the flag it is information', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iac-hints-regions-'));
    writeFileSync(path.join(dir, 'table.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Table:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n        - Region: eu-west-1\n        - Region: us-east-1\n');
    const residency = (stdout: string) => (JSON.parse(stdout) as { findings: { ruleId: string; severity: string }[] }).findings.filter((finding) => finding.ruleId === 'data-residency-regions');
    assert.deepEqual(residency(runCli(['scan', dir, '--format', 'json', '--fail-on', 'none']).stdout).map((finding) => finding.severity), ['info']);
    const restricted = runCli(['scan', dir, '--format', 'json', '--fail-on', 'none', '--allowed-regions', 'eu-west-1,eu-central-1']);
    assert.deepEqual(residency(restricted.stdout).map((finding) => finding.severity), ['warning']);
    assert.equal(runCli(['scan', dir, '--allowed-regions', 'eu-west-1', '--fail-on', 'warning']).status, 1);
    assert.equal(runCli(['scan', dir, '--allowed-regions', '']).status, 2);
  });
});
