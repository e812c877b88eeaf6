// Which folders of the workspace call which local modules: the index behind "callers anywhere in the workspace".
// A module in `modules/bucket` is called from `envs/prod` or `examples/complete` as often as from the folder above
// it; its variables take what those callers pass. The host names the workspace's Terraform folders
// (`FileSystemView.terraformFolders`: the CLI's scanned tree, the server's workspace folders); without it, only the
// folders above a module are looked at. Each folder's calls are read once (files without a `module` block are not
// even parsed) and kept until the folder is forgotten (changed) or analysed again.
import type { FileSystemView } from '../api';
import { isInstalledPath, isTerraformConfigPath } from '../formats';
import { basename, dirname, joinPath } from '../paths';
import { buildModule, isLocalSource, parseTerraformFile } from './module';
import type { SourceFile, TfFile, TfModule } from './module';

/** Folders examined as possible callers of one module, at most (the folders above first, then the nearest). */
const MAX_CALLER_CANDIDATES = 2000;
/** Folders above a module that are examined even when the host names no workspace folders. */
const LEVELS_ABOVE = 3;

/** A folder that calls a module: its directory (as the host names it) and the names of the calls. */
export interface ModuleCaller {
  readonly dir: string;
  readonly calls: readonly string[];
}

interface LocalCall {
  readonly name: string;
  /** The called folder, joined to the caller's, and its key. */
  readonly targetDir: string;
  readonly target: string;
}

interface FolderCalls {
  /** The folder's local module calls, or undefined when they must be read again. */
  calls: readonly LocalCall[] | undefined;
  /** Every folder it has called since it was first read (key -> folder): one it stopped calling changes too. */
  readonly calledEver: Map<string, string>;
}

export class WorkspaceCalls {
  private readonly folders = new Map<string, FolderCalls>();
  private named: { source: readonly string[] | undefined; list: readonly { readonly folder: string; readonly key: string }[] } = { source: undefined, list: [] };

  /** `parse` may share the analyzer's cache of parsed files (a caller is usually analysed later too). */
  constructor(private readonly files: FileSystemView | undefined, private readonly parse: (source: SourceFile) => TfFile = (source) => parseTerraformFile(source.path, source.text)) {}

  /** Records the local calls of a module just analysed (its files as the analysis read them). */
  record(module: TfModule): void {
    this.store(module.dir, module, folderKey(module.dir));
  }

  /** The folder's files changed or closed: its calls are read again when next needed (what it called is kept). */
  forget(dir: string): void {
    const entry = this.folders.get(folderKey(dir));
    if (entry) entry.calls = undefined;
  }

  /**
   * The folders whose local module calls point at `dir`, with the call names, nearest first: the folders above
   * it, then the workspace's Terraform folders by path. At most MAX_CALLER_CANDIDATES folders are examined: in a
   * bigger workspace, those sharing the longest path with `dir`.
   * Folders under `.terraform` (installed copies) are not callers the user wrote.
   */
  callersOf(dir: string): ModuleCaller[] {
    const target = folderKey(dir);
    const callers: ModuleCaller[] = [];
    for (const { folder, key } of this.candidates(dir)) {
      if (key === target) continue;
      const calls = this.callsOf(folder, key).filter((call) => call.target === target).map((call) => call.name);
      if (calls.length > 0) callers.push({ dir: folder, calls });
    }
    return callers;
  }

  /** Folders that `dir` calls, or called at any time since it was first read. */
  calleesOf(dir: string): string[] {
    const key = folderKey(dir);
    this.callsOf(dir, key);
    return [...(this.folders.get(key)?.calledEver.values() ?? [])];
  }

  private candidates(dir: string): readonly { readonly folder: string; readonly key: string }[] {
    const above: { folder: string; key: string }[] = [];
    let current = dir;
    for (let level = 0; level < LEVELS_ABOVE; level++) {
      const parent = dirname(current);
      if (parent === current || basename(current) === '..') break;
      if (!isInstalledPath(parent)) above.push({ folder: parent, key: folderKey(parent) });
      current = parent;
    }
    const seen = new Set(above.map((candidate) => candidate.key));
    let named = this.namedFolders().filter((candidate) => !seen.has(candidate.key));
    if (above.length + named.length > MAX_CALLER_CANDIDATES) {
      // A big workspace: the folders nearest the module (the longest common path) are its likeliest callers.
      const target = folderKey(dir).split('/');
      const shared = (key: string): number => {
        const parts = key.split('/');
        let count = 0;
        while (count < parts.length && count < target.length && parts[count] === target[count]) count++;
        return count;
      };
      named = named.map((candidate) => ({ candidate, shared: shared(candidate.key) }))
        .sort((a, b) => b.shared - a.shared || (a.candidate.key < b.candidate.key ? -1 : a.candidate.key > b.candidate.key ? 1 : 0))
        .slice(0, Math.max(0, MAX_CALLER_CANDIDATES - above.length))
        .map((entry) => entry.candidate);
    }
    return above.length === 0 ? named : [...above, ...named];
  }

  /** The host's Terraform folders, sorted, with their keys; recomputed only when the host gives another list. */
  private namedFolders(): readonly { readonly folder: string; readonly key: string }[] {
    const folders = this.files?.terraformFolders?.();
    if (folders !== this.named.source) {
      const seen = new Set<string>();
      const list: { folder: string; key: string }[] = [];
      for (const folder of [...(folders ?? [])].sort()) {
        const key = folderKey(folder);
        if (seen.has(key) || isInstalledPath(folder)) continue;
        seen.add(key);
        list.push({ folder, key });
      }
      this.named = { source: folders, list };
    }
    return this.named.list;
  }

  private callsOf(dir: string, key: string): readonly LocalCall[] {
    const entry = this.folders.get(key);
    if (entry?.calls) return entry.calls;
    const files = [];
    for (const name of this.files?.listFiles(dir) ?? []) {
      const path = joinPath(dir, name);
      if (!isTerraformConfigPath(path)) continue;
      const text = this.files?.readFile(path);
      // Most files call no module: only those that may hold a `module` block are parsed.
      if (text !== undefined && MAY_CALL_MODULE.test(text)) files.push(this.parse({ path, text }));
    }
    return this.store(dir, buildModule(dir, files), key);
  }

  private store(dir: string, module: TfModule, key: string): readonly LocalCall[] {
    const calls: LocalCall[] = [];
    for (const call of module.moduleCalls) {
      if (!isLocalSource(call.source)) continue;
      const targetDir = joinPath(dir, call.source);
      calls.push({ name: call.name, targetDir, target: folderKey(targetDir) });
    }
    const entry = this.folders.get(key) ?? { calls: undefined, calledEver: new Map<string, string>() };
    entry.calls = calls;
    for (const call of calls) entry.calledEver.set(call.target, call.targetDir);
    this.folders.set(key, entry);
    return calls;
  }
}

/** `module "x" {` (or an unquoted label) in HCL, `"module":` in JSON. */
const MAY_CALL_MODULE = /^[ \t]*module[ \t]+["\w]|"module"\s*:/m;

/** One spelling per folder: `.` and `..` resolved, forward slashes. */
function folderKey(dir: string): string {
  return joinPath(dir, '.').replace(/\\/g, '/');
}
