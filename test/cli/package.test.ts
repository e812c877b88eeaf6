// The npm package as teams install it: `npm pack` holds the CLI and nothing else, installs offline (everything is
// bundled: no dependency), and its `iac-hints` bin scans the examples; the GitHub Actions example's scan step and
// the pre-commit hook's entry run as written. Packs the dist/ this test run built (scripts are not run: the
// prepack script's production build would replace dist/ under the other suites).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { listRules } from '../../server/src/analysis';
import { REPO_ROOT } from '../helpers/paths';
import type { SarifLog } from '../helpers/sarif';
import { SSH_OPEN } from '../helpers/fixtures';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: readonly string[], cwd: string, shell = false): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 180_000, shell, env: { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the npm package', { timeout: 300_000 }, () => {
  let dir: string;
  let app: string;
  let bin: string;
  let files: string[];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'iac-hints-package-'));
    const pack = run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], REPO_ROOT);
    assert.equal(pack.status, 0, pack.stderr);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    files = packed.files.map((file) => file.path).sort();
    // A project that uses it: the tarball installed with no network (it has no dependencies to fetch).
    app = join(dir, 'app');
    cpSync(join(REPO_ROOT, 'examples'), app, { recursive: true });
    writeFileSync(join(app, 'package.json'), '{"name": "app", "version": "1.0.0", "private": true}\n');
    const install = run(NPM, ['install', '--offline', '--no-save', join(dir, packed.filename)], app);
    assert.equal(install.status, 0, install.stderr);
    bin = join(app, 'node_modules', '.bin', process.platform === 'win32' ? 'iac-hints.cmd' : 'iac-hints');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  test('holds the CLI (launcher, bundle, code cache) with the README, the licence and the rule pages, and no dependency', () => {
    assert.deepEqual(files.filter((file) => !file.startsWith('docs/rules/')), ['LICENSE', 'README.md', 'dist/cli-bundle.cache', 'dist/cli-bundle.js', 'dist/cli.js', 'docs/rules.md', 'package.json']);
    // Each rule's page, which its docsUrl names relative to the package root.
    assert.deepEqual(files.filter((file) => file.startsWith('docs/rules/')), listRules().map((rule) => rule.docsUrl).sort());
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { private?: boolean; bin: Record<string, string>; dependencies?: object };
    assert.equal(manifest.private, undefined, 'publishable');
    assert.deepEqual(manifest.bin, { 'iac-hints': './dist/cli.js' });
    assert.equal(manifest.dependencies, undefined, 'everything is bundled');
  });

  test('`npx iac-hints scan` runs the installed bin on the examples', () => {
    const result = run('npx', ['--offline', 'iac-hints', 'scan', 'cloudformation', 'terraform', 'not-cloudformation'], app, process.platform === 'win32');
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^cloudformation\/web-stack\.yaml:\d+:\d+ error sg-open-admin-ports /m);
    assert.match(result.stdout, /in 2 CloudFormation templates and 4 Terraform files; 1 file skipped/);
  });

  test('the GitHub Actions example\'s scan step writes SARIF for upload-sarif', () => {
    const workflow = parse(readFileSync(join(REPO_ROOT, 'docs', 'examples', 'github-code-scanning.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { id?: string; run?: string; uses?: string; with?: Record<string, string> }[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const scan = steps.find((step) => step.id === 'scan');
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(scan?.run && upload?.with, 'a scan step and an upload-sarif step');
    const result = run(scan.run, [], app, true);
    assert.equal(result.status, 1, `the examples have errors: the job fails (${result.stderr})`);
    assert.match(result.stdout, /^\d+ findings \(/, 'the log shows the summary');
    const log = JSON.parse(readFileSync(join(app, upload.with.sarif_file), 'utf8')) as SarifLog;
    assert.equal(log.runs[0].results.some((result) => result.ruleId === 'sg-open-admin-ports'), true);
    const uris = new Set(log.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok([...uris].every((uri) => /^(cloudformation|terraform)\//.test(uri)), [...uris].join(', '));
  });

  test('the pre-commit hook\'s entry, given files, scans them', () => {
    const [hook] = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; pass_filenames?: boolean }[];
    assert.equal(hook.id, 'iac-hints');
    assert.equal(hook.language, 'node');
    assert.notEqual(hook.pass_filenames, false);
    const files = new RegExp(hook.files);
    for (const name of ['template.yaml', 'stack.yml', 'web.json', 'main.tf', 'prod.tfvars', 'x.template']) assert.ok(files.test(name), name);
    for (const name of ['README.md', 'main.py']) assert.ok(!files.test(name), name);
    const [command, ...args] = hook.entry.split(' ');
    assert.equal(command, 'iac-hints', 'the package\'s bin');
    writeFileSync(join(app, 'open.yaml'), SSH_OPEN);
    const failing = run(bin, [...args, 'open.yaml', 'terraform/s3.tf', 'package.json'], app);
    assert.equal(failing.status, 1, failing.stderr);
    assert.match(failing.stdout, /^open\.yaml:11:19 error sg-open-admin-ports /m);
    assert.match(failing.stdout, /^terraform\/s3\.tf:\d+:\d+ /m, 'a Terraform file is analysed with its module');
    const passing = run(bin, [...args, 'not-cloudformation/deployment.yaml'], app);
    assert.equal(passing.status, 0, passing.stdout);
  });
});
