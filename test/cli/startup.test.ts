// How dist/cli.js starts (server/src/cli/launch.ts, scripts/code-cache.mjs, scripts/build.mjs): the build's V8 code
// cache is used when it was made from these very bytes and never otherwise, a run writes nothing, and a run loads
// only the parsers its files need. How fast it starts is `npm run bench`'s business, not a test's.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/paths';

const DIST = join(REPO_ROOT, 'dist');
const LAUNCHER_FILES = ['cli.js', 'cli-bundle.js', 'cli-bundle.cache'];
const JSON_TEMPLATE = join(REPO_ROOT, 'examples', 'cloudformation', 'web-stack.json');
const YAML_TEMPLATE = join(REPO_ROOT, 'examples', 'cloudformation', 'web-stack.yaml');
const TERRAFORM_MODULE = join(REPO_ROOT, 'examples', 'terraform');

/** Runs `node <dir>/cli.js args` (from the repository root unless `cwd`), as a user would, with NODE_OPTIONS cleared. */
function runAt(dir: string, args: readonly string[], cwd = REPO_ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(dir, 'cli.js'), ...args], {
    cwd,
    env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Whether the launcher in `dir` would run its bundle from the cache, asked in a fresh process as a run would. */
function cacheUsed(dir: string): boolean {
  const script = `process.stdout.write(String(require(${JSON.stringify(join(dir, 'cli.js'))}).compileBundle(${JSON.stringify(dir)}).cacheUsed))`;
  const result = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout === 'true';
}

/** Names, sizes and modification times of the files in `dir`. */
function listing(dir: string): string[] {
  return readdirSync(dir).sort().map((name) => {
    const info = statSync(join(dir, name));
    return `${name} ${info.size} ${info.mtimeMs}`;
  });
}

describe('the CLI launcher', () => {
  let temp: string;
  let copies = 0;
  /** A copy of the launcher, the bundle and the cache, to change one of them. */
  const copyOfDist = (): string => {
    const dir = join(temp, `dist-${copies++}`);
    mkdirSync(dir);
    for (const name of LAUNCHER_FILES) copyFileSync(join(DIST, name), join(dir, name));
    return dir;
  };

  before(() => {
    temp = mkdtempSync(join(tmpdir(), 'iac-hints-startup-'));
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  test('the build leaves a code cache that this Node accepts', () => {
    assert.equal(cacheUsed(DIST), true, 'dist/cli-bundle.cache is missing or was made by another Node: run npm run build with this Node');
  });

  test('a cache made from other bytes of the same length is not used: the run follows the bundle as it is', () => {
    // V8 checks only a source's length: with this cache it would run the old bytecode and print the old version.
    const dir = copyOfDist();
    const bundle = readFileSync(join(dir, 'cli-bundle.js'), 'latin1');
    const written = /TOOL_VERSION = "(\d)/.exec(bundle);
    assert.ok(written, 'the bundle names its version');
    const other = written[1] === '9' ? '8' : '9';
    writeFileSync(join(dir, 'cli-bundle.js'), bundle.replace(written[0], `TOOL_VERSION = "${other}`), 'latin1');
    assert.equal(statSync(join(dir, 'cli-bundle.js')).size, statSync(join(DIST, 'cli-bundle.js')).size);
    assert.equal(cacheUsed(dir), false);
    const result = runAt(dir, ['--version']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^iac-hints ${other}\\.`));
  });

  test('a damaged, empty or missing cache only means an ordinary compile, with the same output', () => {
    const expected = runCli(['scan', YAML_TEMPLATE, TERRAFORM_MODULE, '--format', 'json', '--fail-on', 'none']);
    assert.equal(expected.status, 0, expected.stderr);
    const damaged = copyOfDist();
    const cache = readFileSync(join(damaged, 'cli-bundle.cache'));
    // The right key, then bytes that are no code cache at all.
    writeFileSync(join(damaged, 'cli-bundle.cache'), Buffer.concat([cache.subarray(0, 64), Buffer.alloc(4096, 7)]));
    const empty = copyOfDist();
    writeFileSync(join(empty, 'cli-bundle.cache'), '');
    const missing = copyOfDist();
    rmSync(join(missing, 'cli-bundle.cache'));
    for (const dir of [damaged, empty, missing]) {
      assert.equal(cacheUsed(dir), false, dir);
      const result = runAt(dir, ['scan', YAML_TEMPLATE, TERRAFORM_MODULE, '--format', 'json', '--fail-on', 'none']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, expected.stdout, dir);
    }
  });

  test('a run writes nothing: not beside the CLI, not in the scanned folder, not in the working directory', () => {
    const dir = copyOfDist();
    const scanned = join(temp, 'scanned');
    const cwd = join(temp, 'cwd');
    mkdirSync(scanned);
    mkdirSync(cwd);
    copyFileSync(YAML_TEMPLATE, join(scanned, 'template.yaml'));
    copyFileSync(JSON_TEMPLATE, join(scanned, 'template.json'));
    const before = [listing(dir), listing(scanned), listing(cwd)];
    for (const format of ['text', 'json', 'sarif']) {
      const result = runAt(dir, ['scan', scanned, '--format', format, '--fail-on', 'none'], cwd);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /template\.yaml/);
    }
    assert.deepEqual([listing(dir), listing(scanned), listing(cwd)], before);
  });

  test('a run initialises only the parsers its files need', () => {
    const loads = (target: string): string[] => {
      const result = runCli(['scan', target, '--fail-on', 'none'], { env: { IAC_HINTS_TRACE_LOADS: '1' } });
      assert.equal(result.status, 0, result.stderr);
      return [...result.stderr.matchAll(/^iac-hints: loading (\S+)$/gm)].map((match) => match[1]).sort();
    };
    assert.deepEqual(loads(TERRAFORM_MODULE), []);
    assert.deepEqual(loads(JSON_TEMPLATE), ['jsonc-parser']);
    assert.deepEqual(loads(YAML_TEMPLATE), ['yaml']);
  });
});
