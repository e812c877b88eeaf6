// Writes dist/cli-bundle.cache, the V8 code cache dist/cli.js (server/src/cli/launch.ts) starts the CLI with.
// Run by scripts/build.mjs after bundling; by hand: `node scripts/code-cache.mjs [distDir]`.
// The cache holds the bytecode of every function compiled while the CLI scans a training set, the repository's
// examples/ (CloudFormation YAML and JSON, a Terraform module), once per output format: each pass starts from
// the previous pass's cache and adds what it compiled. The file starts with the bundle's SHA-256, which the
// launcher checks (V8 checks only the source's length). Written under a temporary name and renamed, so a reader
// never sees half a cache.
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FORMATS = ['text', 'json', 'sarif'];
const require = createRequire(import.meta.url);

if (process.argv[2] === '--pass') {
  // One training pass in its own process: the CLI runs through the launcher, then what V8 compiled is saved.
  const [dist, ...cliArgs] = process.argv.slice(3);
  const launch = require(join(dist, 'cli.js'));
  const bundle = launch.compileBundle(dist);
  process.argv = [process.execPath, join(dist, 'cli.js'), ...cliArgs];
  process.on('exit', (code) => {
    if (code !== 0) return; // the parent reports the failure
    const key = launch.cacheKey(readFileSync(join(dist, launch.BUNDLE_NAME)));
    const target = join(dist, launch.CACHE_NAME);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([Buffer.from(key, 'latin1'), bundle.script.createCachedData()]));
    renameSync(temporary, target);
  });
  bundle.run();
} else {
  const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
  rmSync(join(dist, require(join(dist, 'cli.js')).CACHE_NAME), { force: true });
  for (const format of FORMATS) {
    const args = ['--pass', dist, 'scan', join(ROOT, 'examples'), '--format', format, '--fail-on', 'none'];
    const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) {
      console.error(`code cache: the ${format} pass failed (${result.status}): ${result.stderr}`);
      process.exit(1);
    }
  }
}
