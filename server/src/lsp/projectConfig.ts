// `.iac-hints.yaml` in the language server: the nearest one at or above the first workspace folder, read from disk and
// parsed by the core (analysis/config.ts, the CLI's loader too). A change of the file on disk (watched) applies it
// again, as a settings change does (settingsChange.ts); its problems are published on the file itself.
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, LineIndex, nearestConfigFile, parseConfig, pathFilterOf } from '../analysis';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { ParsedConfig } from '../analysis';
import { problemToDiagnostic } from './convert';
import { pathToUri, uriToPath } from './paths';
import type { ServerState } from './state';

export interface ProjectConfig {
  /** The file in force (absolute), if any. */
  readonly path?: string;
  readonly parsed: ParsedConfig;
  readonly lineIndex?: LineIndex;
  /** Whether a path relative to the configuration's folder is analysed (include/exclude). */
  readonly included: (relativePath: string) => boolean;
  /** include/exclude and the folder they are relative to, as a key: a change re-scans the workspace. */
  readonly filterKey: string;
}

export const NO_PROJECT_CONFIG: ProjectConfig = { parsed: { config: EMPTY_CONFIG, problems: [] }, included: () => true, filterKey: '' };

/** Whether `path` is a file (false when it is missing or unreadable). */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Finds and reads the configuration of the workspace (its first `file:` folder). Never throws. */
export function loadProjectConfig(state: ServerState): ProjectConfig {
  const folder = state.workspaceFolders.find((candidate) => candidate.uri.startsWith('file:'));
  const path = folder && nearestConfigFile(resolve(uriToPath(folder.uri)), isFile);
  if (!path) return NO_PROJECT_CONFIG;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    const parsed: ParsedConfig = { config: EMPTY_CONFIG, problems: [{ message: `${CONFIG_FILE_NAME} could not be read (${reason}); the defaults apply.`, range: { start: 0, end: 0 }, severity: 'error' }] };
    return { path, parsed, lineIndex: new LineIndex(''), included: () => true, filterKey: '' };
  }
  const parsed = parseConfig(text, path);
  const { include, exclude } = parsed.config;
  return {
    path,
    parsed,
    lineIndex: new LineIndex(text),
    included: pathFilterOf(parsed.config),
    filterKey: include.length + exclude.length > 0 ? JSON.stringify([dirname(path), include, exclude]) : '',
  };
}

/** Whether the file at `path` is analysed under the workspace's configuration (its include/exclude globs). */
export function isIncluded(state: ServerState, path: string): boolean {
  const config = state.config;
  if (!config.path || config.filterKey === '') return true;
  const relativePath = relative(dirname(config.path), path);
  return config.included(sep === '/' ? relativePath : relativePath.split(sep).join('/'));
}

/**
 * The diagnostics of the configuration file in force at `uri`, or undefined when `uri` is not that file (or the
 * extension is disabled: then it shows nothing, as every other file).
 */
export function configDiagnostics(state: ServerState, uri: string): Diagnostic[] | undefined {
  const config = state.config;
  if (!state.settings.enable || !config.path || !uri.startsWith('file:') || uriToPath(uri) !== config.path || !config.lineIndex) return undefined;
  const lineIndex = config.lineIndex;
  return config.parsed.problems.map((problem) => problemToDiagnostic(problem, lineIndex, 'config'));
}

/**
 * Publishes the problems of the configuration in force, and clears those of `previous` (another file, or none now).
 * A pulling client that has the file open pulls them (pullDiagnostics.ts); it is asked to.
 */
export function publishConfigProblems(state: ServerState, previous: ProjectConfig): void {
  if (previous.path && previous.path !== state.config.path) {
    const uri = pathToUri(previous.path);
    state.published.delete(uri);
    void state.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
  if (!state.config.path) return;
  const uri = pathToUri(state.config.path);
  const diagnostics = configDiagnostics(state, uri) ?? [];
  if (diagnostics.length > 0) state.published.add(uri);
  else state.published.delete(uri);
  void state.connection.sendDiagnostics({ uri, diagnostics });
}

/** Whether a watched change concerns the configuration: a `.iac-hints.yaml` anywhere (a nearer one may appear). */
export function isConfigPath(path: string): boolean {
  return path.endsWith(`${sep}${CONFIG_FILE_NAME}`) || path.endsWith(`/${CONFIG_FILE_NAME}`);
}
