// Shared paths for tests compiled to out/test/<area>/ (or bundled by scripts/test-one.mjs under .test-one/): the
// repository root and the corpus next to it.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

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
export const CORPUS_ROOT = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
