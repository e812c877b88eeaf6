// Shared paths for tests compiled to out/test/<area>/: the repository root and the corpus next to it.
import * as path from 'node:path';

/** The repository root (tests run from out/test/<area>/). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
export const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');
export const CORPUS_ROOT = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
