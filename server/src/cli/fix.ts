// `iac-hints scan --fix` / `--fix-dry-run`: the core's fix-all (safe quick fixes only: no replacement, no
// placeholder) over every scanned file. --fix writes the files in place before the scan reports what is left;
// --fix-dry-run writes nothing and prints a unified diff (jsdiff, so the patch is what `git apply` and `patch -p1` read).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { Analyzer, MAX_FILE_SIZE, isCandidatePath } from '../analysis';
import type { AnalyzerOptions } from '../analysis';
import { DiskFileSystemView, displayPath } from './scan';

export interface FixedFile {
  /** Relative to the current directory, with forward slashes. */
  readonly path: string;
  readonly before: string;
  readonly after: string;
  /** Titles of the fixes applied, in order. */
  readonly applied: readonly string[];
}

/**
 * Applies fix-all to each file; with `write`, each changed file is written in place (its module's other files are
 * read again afterwards, so a later file of the same module sees the fixed text). Unreadable, too large and
 * non-candidate files are passed over: the scan that follows reports them.
 */
export function fixFiles(files: readonly string[], options: Omit<AnalyzerOptions, 'files' | 'incremental'>, write: boolean): FixedFile[] {
  const view = new DiskFileSystemView();
  const paths = files.map((file) => displayPath(file));
  view.setScannedFiles(paths);
  const analyzer = new Analyzer({ ...options, files: view, incremental: false });
  const fixed: FixedFile[] = [];
  files.forEach((file, index) => {
    const path = paths[index];
    if (!isCandidatePath(file)) return;
    let before: string;
    try {
      if (statSync(file).size > MAX_FILE_SIZE) return;
      before = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    const result = analyzer.fixAll({ path, text: before });
    analyzer.release(path);
    if (!result) return;
    if (write) {
      writeFileSync(file, result.text, 'utf8');
      view.release(dirname(path));
    }
    fixed.push({ path, before, after: result.text, applied: result.applied });
  });
  return fixed;
}

/** A unified diff of the fixed files, `a/` and `b/` prefixed as git writes them. */
export function unifiedDiff(fixed: readonly FixedFile[]): string {
  return fixed.map((file) => createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.before, file.after, '', '', { context: 3 })
    .replace(/^=+\n/, '')
    .replace(/^(---|\+\+\+) (.*)\t$/gm, '$1 $2')).join('');
}

/** One line for stderr: how many fixes in how many files. */
export function fixSummary(fixed: readonly FixedFile[], write: boolean): string {
  const count = fixed.reduce((sum, file) => sum + file.applied.length, 0);
  const fixes = `${count} safe fix${count === 1 ? '' : 'es'}`;
  const where = `${fixed.length} file${fixed.length === 1 ? '' : 's'}`;
  return write ? `Applied ${fixes} in ${where}.\n` : `${fixes} in ${where} would be applied (nothing written).\n`;
}
