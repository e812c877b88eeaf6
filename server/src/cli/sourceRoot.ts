// Where the scanned files are relative to: the root of the source tree (SARIF's %SRCROOT%), so that a report names
// files the same way whatever the working directory (code scanning maps them onto the repository) and a baseline
// made in one folder matches a scan run from another.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

function isWithin(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The folder holding `.git` at or above `dir`, or undefined. */
function gitRoot(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * The source root for the given paths (relative to `cwd` or absolute): the Git working tree that holds them all
 * (found from the first), else the current directory when it holds them all (and is not `/`), else their deepest
 * common folder.
 * Returns an absolute path.
 */
export function sourceRoot(paths: readonly string[], cwd = process.cwd()): string {
  const absolute = paths.map((path) => resolve(cwd, path));
  const git = gitRoot(absolute.length > 0 ? dirname(absolute[0]) : cwd);
  if (git && absolute.every((path) => isWithin(path, git))) return git;
  // The current directory, unless it is the file system's root (`cd / && iac-hints scan /abs/path`).
  if (resolve(cwd) !== parse(resolve(cwd)).root && absolute.every((path) => isWithin(path, cwd))) return resolve(cwd);
  let common = dirname(absolute[0]);
  while (!absolute.every((path) => isWithin(path, common)) && dirname(common) !== common) common = dirname(common);
  return common || parse(cwd).root;
}

/** `path` (relative to `cwd` or absolute) as a URI reference relative to `root`: forward slashes, each segment percent-encoded. */
export function rootRelativeUri(path: string, root: string, cwd = process.cwd()): string {
  const rel = relative(root, resolve(cwd, path));
  return rel.split(sep).map((segment) => encodeURIComponent(segment)).join('/');
}

/** The absolute `file:` URI of a folder, with the trailing slash SARIF requires of a base URI. */
export function folderUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}
