// FileSystemViews for tests: the disk (as the CLI reads it) and an in-memory tree (path -> text).
import { readFileSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';

const { basename, dirname } = posix;
import type { FileSystemView } from '../../server/src/analysis';

export function diskView(): FileSystemView {
  return {
    listFiles(dir) {
      try {
        return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
      } catch {
        return undefined;
      }
    },
    readFile(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * A view of the given files only. Names are paths with '/'; with `root` ('/root'), a name `a/main.tf` is the file
 * `/root/a/main.tf`. `files` may be a function, for a tree a test edits as it goes.
 */
export function memoryView(files: Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>), root?: string): FileSystemView {
  const current = typeof files === 'function' ? files : () => files;
  const full = (name: string): string => (root === undefined ? name : `${root}/${name}`);
  return {
    listFiles(dir) {
      const names = Object.keys(current()).map(full).filter((path) => dirname(path) === dir).map((path) => basename(path));
      return names.length > 0 ? names : undefined;
    },
    readFile(path) {
      if (root === undefined) return current()[path];
      return path.startsWith(`${root}/`) ? current()[path.slice(root.length + 1)] : undefined;
    },
  };
}
