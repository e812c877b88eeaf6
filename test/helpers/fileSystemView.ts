// FileSystemViews for tests: the disk (as the CLI reads it) and an in-memory tree (path -> text).
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
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

/** A view of the given files only (absolute or relative paths with '/'). */
export function memoryView(files: Readonly<Record<string, string>>): FileSystemView {
  return {
    listFiles(dir) {
      const names = Object.keys(files).filter((path) => dirname(path) === dir).map((path) => basename(path));
      return names.length > 0 ? names : undefined;
    },
    readFile(path) {
      return files[path];
    },
  };
}
