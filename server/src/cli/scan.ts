// `iac-hints scan`: finds candidate files under the given paths, reads them, and hands each to the core (Terraform
// files with a view of the disk, so each is analysed with the rest of its module).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Analyzer, MAX_FILE_SIZE, isCandidatePath, isSkippedDirectory, isTerraformConfigPath, isTerraformPath } from '../analysis';
import type { FileAnalysis, FileSystemView } from '../analysis';
import { UsageError } from './args';
import { fingerprintFindings } from './fingerprint';

export interface ScannedFile {
  /** Relative to the current directory, with forward slashes. */
  readonly path: string;
  /** The core's result; undefined when the file could not be read or was too large. */
  readonly analysis?: FileAnalysis;
  /** Why the file was not analysed (I/O) or why the core skipped it. */
  readonly skipReason?: string;
  /** One per finding of `analysis.findings`, in order (see fingerprint.ts). */
  readonly fingerprints?: readonly string[];
  /** One per entry of `analysis.suppressed`, in order. */
  readonly suppressedFingerprints?: readonly string[];
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const relativePath = relative(cwd, path) || '.';
  return sep === '/' ? relativePath : relativePath.split(sep).join('/');
}

/**
 * Candidate files under the given paths, in a stable order, each once. Throws UsageError for a missing path.
 * Which names are candidates and which folders are skipped is the core's format description (analysis/formats.ts),
 * shared with the language server's workspace scan. `included` (the configuration's include/exclude globs) decides
 * which walked files and folders are kept; a file named explicitly is always listed.
 */
export function collectFiles(paths: readonly string[], included: (path: string) => boolean = () => true): string[] {
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
        // A folder no include glob can reach inside is still walked: `include: ['**/*.tf']` matches below it.
        if (!isSkippedDirectory(name)) walk(path);
      } else if (info.isFile() && isCandidatePath(path) && included(path)) {
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

/**
 * The disk as the core sees it (sibling files of a Terraform module, local modules it calls), read once per scan:
 * every file of a module asks for the whole module, so listings and texts are cached until `release(dir)`.
 */
export class DiskFileSystemView implements FileSystemView {
  private readonly listings = new Map<string, readonly string[] | undefined>();
  private readonly texts = new Map<string, string | undefined>();
  private folders: readonly string[] | undefined;

  /** The folders of the scanned tree that hold Terraform configuration: where a module's callers may be. */
  terraformFolders(): readonly string[] | undefined {
    return this.folders;
  }

  /** Names the scanned files (paths as the core is given them), from which the Terraform folders are taken. */
  setScannedFiles(paths: readonly string[]): void {
    this.folders = [...new Set(paths.filter((path) => isTerraformConfigPath(path)).map((path) => dirname(path)))];
  }

  listFiles(dir: string): readonly string[] | undefined {
    if (!this.listings.has(dir)) {
      let names: string[] | undefined;
      try {
        names = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
      } catch {
        names = undefined;
      }
      this.listings.set(dir, names);
    }
    return this.listings.get(dir);
  }

  readFile(path: string): string | undefined {
    if (!this.texts.has(path)) {
      let text: string | undefined;
      try {
        text = statSync(path).size > MAX_FILE_SIZE ? undefined : readFileSync(path, 'utf8');
      } catch {
        text = undefined;
      }
      this.texts.set(path, text);
    }
    return this.texts.get(path);
  }

  /** Drops what was read from `dir` (its module is done). */
  release(dir: string): void {
    this.listings.delete(dir);
    for (const path of [...this.texts.keys()]) if (dirname(path) === dir) this.texts.delete(path);
  }
}

export function scanFiles(files: readonly string[], view = new DiskFileSystemView(), analyzer = new Analyzer({ files: view, incremental: false })): ScannedFile[] {
  const paths = files.map((file) => displayPath(file));
  // The scanned tree is the workspace: a module's callers are looked for in all its Terraform folders.
  view.setScannedFiles(paths);
  // A Terraform module is analysed once for all its files: keep its analysis until its last file is done.
  const byDirectory = new Map<string, { paths: string[]; left: number }>();
  for (const path of paths) {
    if (!isTerraformPath(path)) continue;
    const entry = byDirectory.get(dirname(path)) ?? { paths: [], left: 0 };
    entry.paths.push(path);
    entry.left++;
    byDirectory.set(dirname(path), entry);
  }
  return files.map((file, index) => {
    const path = paths[index];
    const terraform = isTerraformPath(path);
    try {
      return scanOne(file, path, analyzer, terraform ? view : undefined);
    } finally {
      const entry = terraform ? byDirectory.get(dirname(path)) : undefined;
      if (entry) {
        if (--entry.left === 0) {
          for (const sibling of entry.paths) analyzer.release(sibling);
          view.release(dirname(path));
        }
      } else {
        analyzer.release(path); // Nothing is edited here: keep memory flat on big trees.
      }
    }
  });
}

function scanOne(file: string, path: string, analyzer: Analyzer, view: DiskFileSystemView | undefined): ScannedFile {
  if (!isCandidatePath(file)) return { path, skipReason: 'not a template file name' };
  let text: string | undefined;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_SIZE) return { path, skipReason: `larger than ${MAX_FILE_SIZE / 1024 / 1024} MiB (${size} bytes)` };
    text = view ? view.readFile(path) : undefined;
    if (text === undefined) text = readFileSync(file, 'utf8');
  } catch (error) {
    return { path, skipReason: `unreadable: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  return analyzeText(path, text, analyzer);
}

function analyzeText(path: string, text: string, analyzer: Analyzer): ScannedFile {
  const analysis = analyzer.analyze({ path, text });
  if (analysis.kind === 'skipped') return { path, analysis, skipReason: analysis.skipReason ?? 'skipped' };
  return {
    path,
    analysis,
    fingerprints: fingerprintFindings(text, analysis.findings),
    suppressedFingerprints: fingerprintFindings(text, analysis.suppressed.map((entry) => entry.finding)),
  };
}

/**
 * The name a template read from standard input is analysed under, from its content: a CloudFormation template
 * (YAML or JSON), Terraform JSON, or Terraform HCL (blocks such as `resource "aws_s3_bucket" "x" {`).
 */
export function stdinName(text: string): string {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(body)) {
    if (/"(AWSTemplateFormatVersion|Resources|Transform)"\s*:/.test(body)) return 'stdin.json';
    return /"(resource|terraform|provider|variable|module|data|locals|output)"\s*:/.test(body) ? 'stdin.tf.json' : 'stdin.json';
  }
  const hclBlock = /^[ \t]*(resource|data|module|variable|locals|provider|terraform|output)(\s+("[^"\n]*"|[A-Za-z_][\w-]*))*\s*\{/m;
  if (hclBlock.test(body) && !/^(AWSTemplateFormatVersion|Resources|Transform)\s*:/m.test(body)) return 'stdin.tf';
  return 'stdin.yaml';
}

/**
 * One template read from standard input (`iac-hints scan -`), analysed as `name` (`--stdin-filename`, relative to
 * the current directory: a Terraform file then joins the module of its folder on disk) or as a name chosen from
 * its content (a Terraform file is then a module of its own).
 */
export function scanText(text: string, name: string | undefined, view: DiskFileSystemView, analyzer: Analyzer): ScannedFile {
  const path = name === undefined ? stdinName(text) : displayPath(name);
  view.setScannedFiles([path]);
  if (Buffer.byteLength(text, 'utf8') > MAX_FILE_SIZE) return { path, skipReason: `larger than ${MAX_FILE_SIZE / 1024 / 1024} MiB` };
  return analyzeText(path, text, analyzer);
}

/** A file's text for the report (a related place in another file), or undefined when it cannot be read. */
export function readTextFile(path: string): string | undefined {
  try {
    return statSync(path).size > MAX_FILE_SIZE ? undefined : readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
