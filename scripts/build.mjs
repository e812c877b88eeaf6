// Builds the bundles: the client (vscode external), the language server and its two worker threads (started by
// dist/server.js from its own folder: dist/worker.js analyses large files, dist/scanWorker.js the workspace scan's
// templates), and the CLI as two files: dist/cli.js, a small launcher (server/src/cli/launch.ts), and
// dist/cli-bundle.js, the CLI itself, which the launcher runs with the V8 code cache written here by
// scripts/code-cache.mjs (dist/cli-bundle.cache).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD entry hides its requires from esbuild; its ESM entry bundles cleanly.
  mainFields: ['module', 'main'],
};

/**
 * Each named package, imported anywhere in the bundle, becomes a facade whose functions load the package at their
 * first call: the package stays in the bundle, but its modules run only in a process that uses it (a CLI run over
 * Terraform or JSON files never initialises the YAML library). The facade exports the package's functions and
 * classes without static properties (no constants); importing anything else fails the build with esbuild's
 * "No matching export", which is the cue to import it some other way. With IAC_HINTS_TRACE_LOADS set, a package
 * says on stderr when it loads (test/cli/startup.test.ts checks what a run loads).
 */
function lazyPackages(names) {
  const require = createRequire(import.meta.url);
  const filter = new RegExp(`^(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`);
  return {
    name: 'lazy-packages',
    setup(build) {
      // The facade's own require of the package resolves as usual (its importer is in the 'lazy' namespace).
      build.onResolve({ filter }, (args) => (args.namespace === 'lazy' ? undefined : { path: args.path, namespace: 'lazy' }));
      build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
        const library = require(args.path);
        const isClass = (value) => /^class\b/.test(Function.prototype.toString.call(value));
        const plain = Object.keys(library).filter((key) => {
          const value = library[key];
          return typeof value === 'function' && Object.keys(value).length === 0;
        });
        const classes = new Set(plain.filter((key) => isClass(library[key])));
        // Each export starts as a stub that loads the package and then rebinds every export to the package's own
        // function (ES module exports are live bindings, also in esbuild's bundle): later calls go straight there.
        const contents = [
          'function load() {',
          `  if (process.env.IAC_HINTS_TRACE_LOADS) process.stderr.write(${JSON.stringify(`iac-hints: loading ${args.path}\n`)});`,
          `  const library = require(${JSON.stringify(args.path)});`,
          ...plain.map((key) => `  ${key} = library.${key};`),
          '}',
          // A class's stub is called with `new`; a constructor that returns an object gives that object, the
          // real class's instance (later `new` and instanceof use the real class, rebound by load()).
          ...plain.map((key) => (classes.has(key)
            ? `export let ${key} = function (...args) { load(); return new ${key}(...args); };`
            : `export let ${key} = function (...args) { load(); return ${key}(...args); };`)),
        ].join('\n');
        return { contents, loader: 'js', resolveDir: process.cwd() };
      });
    },
  };
}

// A cache left from an earlier build must not sit beside a new bundle, even if making the new one fails.
rmSync('dist/cli-bundle.cache', { force: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/worker.ts'], outfile: 'dist/worker.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/scanWorker.ts'], outfile: 'dist/scanWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-bundle.js', plugins: [lazyPackages(['yaml', 'jsonc-parser', 'picomatch/posix'])] }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // Writes docs/rules/*.md (`npm run docs:rules`); not shipped.
  esbuild.build({ ...common, entryPoints: ['server/src/docs/main.ts'], outfile: 'dist/rule-docs.js' }),
]);

// The code cache is made from the bundle just written; a failure here fails the build (a stale cache is never
// used, but a missing one would silently make every run slower).
const cache = spawnSync(process.execPath, ['scripts/code-cache.mjs', 'dist'], { stdio: 'inherit' });
if (cache.status !== 0) process.exit(cache.status ?? 1);
