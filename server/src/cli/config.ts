// Finding and reading `.iac-hints.yaml` for `iac-hints scan`: `--config FILE`, else the nearest one at or above the
// folder holding every scanned path. Parsing and meaning are the core's (analysis/config.ts), shared with the
// language server.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, parse, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, LineIndex, nearestConfigFile, parseConfig } from '../analysis';
import type { IacHintsConfig, Problem } from '../analysis';
import { UsageError } from './args';
import { displayPath } from './scan';

export interface LoadedConfig {
  /** The file read, relative to the current directory; undefined when there is none. */
  readonly path?: string;
  readonly config: IacHintsConfig;
  readonly problems: readonly Problem[];
  readonly lineIndex?: LineIndex;
  /** The folder globs are relative to: the configuration's, else the current directory. */
  readonly root: string;
}

/** Whether `path` is a file (false when it is missing or unreadable). */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The deepest folder holding every path (a file's own folder). */
function commonFolder(paths: readonly string[]): string {
  const folders = paths.map((path) => {
    const absolute = resolve(path);
    try {
      return statSync(absolute).isDirectory() ? absolute : dirname(absolute);
    } catch {
      return dirname(absolute);
    }
  });
  const root = parse(folders[0]).root;
  let common = folders[0].slice(root.length).split(sep).filter(Boolean);
  for (const folder of folders.slice(1)) {
    const parts = folder.slice(parse(folder).root.length).split(sep).filter(Boolean);
    let same = 0;
    while (same < common.length && same < parts.length && common[same] === parts[same]) same++;
    common = common.slice(0, same);
  }
  return join(root, ...common);
}

/** Reads the configuration of a scan. Throws UsageError when `--config` names a file that cannot be read. */
export function loadConfig(explicit: string | undefined, scanPaths: readonly string[]): LoadedConfig {
  const file = explicit ?? nearestConfigFile(resolve(commonFolder(scanPaths)), isFile);
  if (file === undefined) return { config: EMPTY_CONFIG, problems: [], root: process.cwd() };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    if (explicit !== undefined) throw new UsageError(`cannot read the configuration ${explicit}: ${reason}`);
    // Found but unreadable: said, and the defaults apply.
    return { path: displayPath(file), config: EMPTY_CONFIG, problems: [{ message: `${CONFIG_FILE_NAME} could not be read (${reason}); the defaults apply.`, range: { start: 0, end: 0 }, severity: 'error' }], lineIndex: new LineIndex(''), root: dirname(resolve(file)) };
  }
  const path = displayPath(file);
  const { config, problems } = parseConfig(text, path);
  return { path, config, problems, lineIndex: new LineIndex(text), root: dirname(resolve(file)) };
}

/** `path:line:col severity config message` lines (1-based), as the text report writes a file's problems. */
export function configProblemLines(loaded: LoadedConfig): string[] {
  if (!loaded.path || !loaded.lineIndex) return [];
  const lineIndex = loaded.lineIndex;
  return loaded.problems.map((problem) => {
    const { line, character } = lineIndex.positionAt(problem.range.start);
    return `${loaded.path}:${line + 1}:${character + 1} ${problem.severity} config ${problem.message}`;
  });
}

/** The path of `file` (as the CLI names it) relative to the configuration's folder, with forward slashes. */
export function configRelative(loaded: LoadedConfig, file: string): string {
  const path = relative(loaded.root, resolve(file));
  return sep === '/' ? path : path.split(sep).join('/');
}
