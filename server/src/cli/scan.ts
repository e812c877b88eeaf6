// `iac-hints scan`: finds candidate files under the given paths, reads them, and hands each to the core.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Analyzer, isCandidatePath } from '../analysis';
import type { FileAnalysis } from '../analysis';
import { UsageError } from './args';

export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules', '.terraform']);
export const MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface ScannedFile {
  /** Relative to the current directory, with forward slashes. */
  readonly path: string;
  /** The core's result; undefined when the file could not be read or was too large. */
  readonly analysis?: FileAnalysis;
  /** Why the file was not analysed (I/O) or why the core skipped it. */
  readonly skipReason?: string;
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const relativePath = relative(cwd, path) || '.';
  return sep === '/' ? relativePath : relativePath.split(sep).join('/');
}

/** Candidate files under the given paths, in a stable order, each once. Throws UsageError for a missing path. */
export function collectFiles(paths: readonly string[]): string[] {
  for (const path of paths) {
    try {
      statSync(path);
    } catch {
      throw new UsageError(`no such file or directory: ${path}`);
    }
  }
  const seen = new Set<string>();
  const files: string[] = [];
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  const walk = (directory: string): void => {
    let names: string[];
    try {
      names = readdirSync(directory).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(directory, name);
      let info;
      try {
        info = statSync(path);
      } catch {
        continue;
      }
      if (info.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(name)) walk(path);
      } else if (info.isFile() && isCandidatePath(path)) {
        add(path);
      }
    }
  };
  for (const path of paths) {
    if (statSync(path).isDirectory()) walk(path);
    else add(join(path)); // A file named explicitly is listed even if its name is not a candidate's.
  }
  return files;
}

export function scanFiles(files: readonly string[], analyzer = new Analyzer()): ScannedFile[] {
  return files.map((file) => {
    const path = displayPath(file);
    if (!isCandidatePath(file)) return { path, skipReason: 'not a template file name' };
    let text: string;
    try {
      const size = statSync(file).size;
      if (size > MAX_FILE_SIZE) return { path, skipReason: `larger than ${MAX_FILE_SIZE / 1024 / 1024} MiB (${size} bytes)` };
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return { path, skipReason: `unreadable: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
    const analysis = analyzer.analyze({ path, text });
    analyzer.forget(path); // Nothing is edited here: keep memory flat on big trees.
    return analysis.kind === 'skipped' ? { path, analysis, skipReason: analysis.skipReason ?? 'skipped' } : { path, analysis };
  });
}
