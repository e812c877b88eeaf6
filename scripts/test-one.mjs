// Fast loop for one test file: bundles it with esbuild (no type check) and runs it with node --test.
// Usage: node scripts/test-one.mjs test/unit/examples.test.ts [--test-name-pattern=...]
// `npm test` remains the full check (type check, lint, every suite).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/test-one.mjs <test file.ts> [node --test options]');
  process.exit(2);
}
// Mirrors out/test/<area>/ (under .test-one/) so that test/helpers/paths.ts finds the repository root.
const outfile = join('.test-one', relative(process.cwd(), resolve(file)).replace(/\.ts$/, '.js'));
await esbuild.build({ entryPoints: [file], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, mainFields: ['module', 'main'], logLevel: 'warning', sourcemap: 'inline' });
// CLI suites run dist/cli.js from the repository root the helpers find (.test-one): point it at the real build.
mkdirSync('.test-one', { recursive: true });
if (!existsSync(join('.test-one', 'dist'))) symlinkSync(resolve('dist'), join('.test-one', 'dist'), 'dir');
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...rest, outfile], { stdio: 'inherit', cwd: process.cwd() });
process.exit(result.status ?? 1);
