// The `iac-hints` executable (dist/cli.js). It runs the CLI bundle (dist/cli-bundle.js) with the V8 code cache
// the build wrote next to it (dist/cli-bundle.cache), so a run skips compiling ~1.3 MB of JavaScript and the
// functions a scan needs: about a third of a small scan's time. Node 20 has no module.enableCompileCache, so the
// cache is vm.Script cachedData. Nothing is written at run time; the cache is made once by the build
// (scripts/code-cache.mjs). It is used only when it was made from these exact bytes: V8 itself checks its own
// version, its flags and the source's length, not the source's content, so the cache starts with the bundle's
// SHA-256 and the launcher compares it. Any mismatch, a missing or unreadable cache, or V8 rejecting it (another
// Node version) means an ordinary compile: slower, never different.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

export const BUNDLE_NAME = 'cli-bundle.js';
export const CACHE_NAME = 'cli-bundle.cache';
/** Length of the hex SHA-256 that starts a cache file. */
const KEY_LENGTH = 64;
/**
 * V8 hands a function to its optimising compiler (TurboFan, on a background thread) once it has run through an
 * "interrupt budget" of bytecode. A scan of a few templates ends before most of those compiles pay off, and on a
 * busy 2-core machine they compete with the scan: four times V8 11's default (67,584) made a 200-resource scan
 * about a fifth faster, and scans that run for seconds (the shared corpus, a 1 MB template) no slower. Which
 * tier runs a function never changes what it computes.
 */
export const INTERRUPT_BUDGET = 4 * 67_584;

export interface CompiledBundle {
  /** The compiled bundle; `createCachedData()` after `run()` holds every function the run compiled. */
  readonly script: Script;
  /** Whether the code cache was given to V8 and accepted. */
  readonly cacheUsed: boolean;
  /** Runs the bundle as the CommonJS module it is (the CLI's main runs at once). */
  run(): void;
}

/** The key a cache file starts with: the hex SHA-256 of the bundle's bytes. */
export function cacheKey(bundle: Buffer): string {
  return createHash('sha256').update(bundle).digest('hex');
}

/**
 * Compiles `<dir>/cli-bundle.js` wrapped as a CommonJS module, with `<dir>/cli-bundle.cache` when that file starts
 * with the bundle's key. Sets this process's V8 interrupt budget first (INTERRUPT_BUDGET): V8 accepts a cache only
 * under the flags it was made with, and the build makes it through this function too. Throws only when the bundle
 * cannot be read or compiled, as `node dist/cli-bundle.js` would.
 */
export function compileBundle(dir: string): CompiledBundle {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  const filename = join(dir, BUNDLE_NAME);
  const bytes = readFileSync(filename);
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(join(dir, CACHE_NAME));
    if (cache.length > KEY_LENGTH && cache.toString('latin1', 0, KEY_LENGTH) === cacheKey(bytes)) cachedData = cache.subarray(KEY_LENGTH);
  } catch {
    cachedData = undefined; // no cache, or unreadable: compile as usual
  }
  // esbuild writes ASCII, where latin1 decodes the same text as UTF-8 several times faster.
  const text = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  // The same wrapper as Node's own CommonJS loader, so line numbers in stack traces stay the bundle's.
  const source = `(function (exports, require, module, __filename, __dirname) { ${text}\n});`;
  const script = new Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
  return {
    script,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    run() {
      const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
      const bundleModule = { exports: {}, filename, id: filename };
      wrapper.call(bundleModule.exports, bundleModule.exports, createRequire(filename), bundleModule, filename, dir);
    },
  };
}

if (require.main === module) compileBundle(__dirname).run();
