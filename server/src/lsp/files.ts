// How the core sees other files from the language server: open editor buffers laid over the disk (the buffer's
// text wins), so a Terraform module is analysed with what the user is typing in any of its files. The analysis
// worker (worker.ts) builds the same view over the copies of the buffers the server sends it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute } from 'node:path';
import { MAX_FILE_SIZE, isTerraformConfigPath } from '../analysis';
import type { FileSystemView } from '../analysis';
import { uriToPath } from './paths';

/** A candidate's saved text, or undefined when it is gone, unreadable, not a file or over the size limit. */
export function readCandidateText(path: string): string | undefined {
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size > MAX_FILE_SIZE) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The open buffers a view lays over the disk: the server's TextDocuments, or the worker's copies of them. */
export interface OpenBuffers {
  all(): readonly { readonly uri: string; getText(): string }[];
}

export class OverlayFileSystemView implements FileSystemView {
  /** Disk texts by path, kept while the file's modification time and size are unchanged. */
  private readonly disk = new Map<string, { mtimeMs: number; size: number; text: string }>();
  /** Folders of the workspace holding Terraform configuration files (the workspace scan's listing, watched creations). */
  private readonly workspaceFolders = new Set<string>();
  /** What `terraformFolders` last answered, kept while nothing changed (the core caches by this list). */
  private folders: { key: string; list: readonly string[] } | undefined;
  private foldersVersion = 0;

  constructor(private readonly documents: OpenBuffers) {}

  /** Open documents by file system path. */
  private openDocuments(): Map<string, { getText(): string }> {
    const byPath = new Map<string, { getText(): string }>();
    for (const document of this.documents.all()) {
      if (document.uri.startsWith('file:')) byPath.set(uriToPath(document.uri), document);
    }
    return byPath;
  }

  listFiles(dir: string): readonly string[] | undefined {
    // An unsaved buffer's "directory" is not a place on disk: it is a module of its own.
    if (!isAbsolute(dir)) return undefined;
    const names = new Set<string>();
    let readable = true;
    try {
      for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isFile()) names.add(entry.name);
    } catch {
      readable = false;
    }
    for (const path of this.openDocuments().keys()) {
      if (dirname(path) === dir) names.add(basename(path));
    }
    return readable || names.size > 0 ? [...names].sort() : undefined;
  }

  readFile(path: string): string | undefined {
    const open = this.openDocuments().get(path);
    if (open) return open.getText();
    if (!isAbsolute(path)) return undefined;
    try {
      const info = statSync(path);
      if (!info.isFile() || info.size > MAX_FILE_SIZE) return undefined;
      const cached = this.disk.get(path);
      if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.text;
      const text = readFileSync(path, 'utf8');
      this.disk.set(path, { mtimeMs: info.mtimeMs, size: info.size, text });
      return text;
    } catch {
      this.disk.delete(path);
      return undefined;
    }
  }

  /**
   * The workspace's Terraform folders, as the CLI would find them scanning the workspace folders, plus the folders
   * of open Terraform documents: where the core looks for a module's callers.
   */
  terraformFolders(): readonly string[] {
    const folders = new Set(this.workspaceFolders);
    for (const path of this.openDocuments().keys()) if (isTerraformConfigPath(path)) folders.add(dirname(path));
    const list = [...folders].sort();
    const key = list.join('\u0000');
    if (this.folders?.key !== key) this.folders = { key, list };
    return this.folders.list;
  }

  /** Bumped whenever the workspace's Terraform folders change (what a module's callers may be): a cache key. */
  get workspaceFoldersVersion(): number {
    return this.foldersVersion;
  }

  /** The workspace's candidate files were listed: their Terraform folders replace the ones known. */
  setWorkspaceFiles(paths: readonly string[]): void {
    this.workspaceFolders.clear();
    for (const path of paths) if (isTerraformConfigPath(path)) this.workspaceFolders.add(dirname(path));
    this.foldersVersion++;
  }

  /** The workspace's Terraform folders known from its listing and watched creations (not the open documents'). */
  workspaceTerraformFolders(): readonly string[] {
    return [...this.workspaceFolders].sort();
  }

  /** Replaces the workspace's Terraform folders (the worker's copy of the server's list). */
  setWorkspaceTerraformFolders(folders: readonly string[]): void {
    this.workspaceFolders.clear();
    for (const folder of folders) this.workspaceFolders.add(folder);
    this.foldersVersion++;
  }

  /** A Terraform file was created on disk: its folder is one of the workspace's. */
  addWorkspaceFile(path: string): void {
    if (!isTerraformConfigPath(path) || this.workspaceFolders.has(dirname(path))) return;
    this.workspaceFolders.add(dirname(path));
    this.foldersVersion++;
  }

  /** Forgets a disk text (changed or deleted on disk; also when its directory's module is released). */
  invalidate(path: string): void {
    this.disk.delete(path);
  }

  /** Forgets every disk text of a directory. */
  release(dir: string): void {
    for (const path of [...this.disk.keys()]) if (dirname(path) === dir) this.disk.delete(path);
  }
}
