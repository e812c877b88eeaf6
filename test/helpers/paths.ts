// Shared paths for tests compiled to out/test/<area>/ (or bundled by scripts/test-one.mjs under .test-one/): the
// repository root and the corpus next to it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { TestContext } from 'node:test';

/** The repository root: the nearest folder above the running test that holds package.json. */
function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '../../..');
  }
}

export const REPO_ROOT = repositoryRoot();
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
export const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');
/** The shared material beside the project (read-only): corpus/, reference/, cases/. */
export const SHARED_ROOT = path.resolve(REPO_ROOT, '..', 'shared');
export const CORPUS_ROOT = path.join(SHARED_ROOT, 'corpus');

/**
 * Whether `dir` (under ../shared) is there. A clone with nothing beside it still passes `npm test`: a test that
 * reads a missing `dir` says so in one line and returns early; with IAC_HINTS_REQUIRE_CORPUS set (.ci/run sets it)
 * the absence fails the test instead.
 */
export function sharedPresent(t: TestContext, dir: string): boolean {
  if (existsSync(dir)) return true;
  assert.ok(!process.env.IAC_HINTS_REQUIRE_CORPUS, `${dir} is missing, and IAC_HINTS_REQUIRE_CORPUS requires it`);
  t.diagnostic(`skipped: ../shared/${path.relative(SHARED_ROOT, dir).split(path.sep).join('/')} is not beside the project (${dir})`);
  return false;
}
