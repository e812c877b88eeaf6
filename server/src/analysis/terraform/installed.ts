// Modules that `terraform init` installed: the manifest `.terraform/modules/modules.json` in the root module's
// folder says where each module call's code was put. Terraform writes it as
// `{"Modules":[{"Key":"s3","Source":"registry.terraform.io/terraform-aws-modules/s3-bucket/aws","Version":"4.1.0",
// "Dir":".terraform/modules/s3"}, ...]}`: Key is the call path from the root module (nested calls joined by ".",
// the root itself is ""), Dir the installed directory, relative to the folder Terraform ran in, with forward
// slashes (hashicorp/terraform internal/modsdir/manifest.go: Record, manifestSnapshotFile, ModuleKey;
// internal/modsdir/paths.go: ManifestSnapshotFilename). Read only: nothing is ever fetched.
import { joinPath } from '../paths';

export interface InstalledModule {
  /** The installed directory, joined to the root module's folder. */
  readonly dir: string;
  /** The source address Terraform recorded ("registry.terraform.io/ns/name/provider", "git::https://..."). */
  readonly source: string;
  readonly version: string | undefined;
}

/** Installed modules by Key ("s3", "s3.child"). */
export type InstalledModules = ReadonlyMap<string, InstalledModule>;

/**
 * The installed modules a manifest lists, with `Dir` joined to `rootDir` (an absolute `Dir` is kept). A text that
 * is not a manifest (bad JSON, no `Modules` list) gives undefined; records without a string Key and Dir are left
 * out, and a Key given twice (Terraform refuses such a file) is left out altogether. Never throws.
 */
export function readModulesManifest(text: string, rootDir: string): InstalledModules | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const records = isObject(parsed) ? parsed.Modules : undefined;
  if (!Array.isArray(records)) return undefined;
  const modules = new Map<string, InstalledModule>();
  const doubled = new Set<string>();
  for (const record of records as unknown[]) {
    if (!isObject(record)) continue;
    const { Key: key, Dir: dir, Source: source, Version: version } = record;
    if (typeof key !== 'string' || key === '' || typeof dir !== 'string' || dir.trim() === '') continue;
    if (modules.has(key)) doubled.add(key);
    modules.set(key, {
      dir: isAbsolute(dir) ? joinPath(dir, '.') : joinPath(rootDir, dir),
      source: typeof source === 'string' ? source : '',
      version: typeof version === 'string' && version !== '' ? version : undefined,
    });
  }
  for (const key of doubled) modules.delete(key);
  return modules;
}

/**
 * Whether an installed record is for the source a call names now. Terraform records registry addresses with their
 * host (`registry.terraform.io/` when the call omits it) and refuses to plan when the two differ ("run terraform
 * init"), so a registry record for another module is stale and not read. Other source kinds are recorded in forms
 * we do not rebuild (git:: prefixes, `.git` suffixes): those are taken as they are.
 */
export function installedFor(source: string, record: InstalledModule): boolean {
  if (!REGISTRY_SOURCE.test(source) || record.source === '') return true;
  const configured = source.toLowerCase();
  const recorded = record.source.toLowerCase();
  return recorded === configured || recorded === `registry.terraform.io/${configured}`;
}

/** `namespace/name/provider` or `host/namespace/name/provider` (a registry address, optionally `//subdir`). */
const REGISTRY_SOURCE = /^([a-z0-9.-]+\.[a-z]{2,}\/)?[\w-]+\/[\w-]+\/[\w-]+(\/\/.*)?$/i;

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
