// Baselines: `--create-baseline FILE` records the findings a project accepts today; `--baseline FILE` lets only
// the others fail the scan. A finding is known by its file (relative to the baseline file's folder, so neither the
// working directory nor the paths given matter) and its fingerprint (fingerprint.ts: rule, resource, setting,
// flagged text; not its line).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { TOOL_NAME } from '../analysis';
import type { Finding } from '../analysis';
import { UsageError } from './args';
import type { ScannedFile } from './scan';
import { rootRelativeUri } from './sourceRoot';

export const BASELINE_VERSION = 1;

/** The baseline file (JSON). `findings` are sorted; `ruleId`, `resource` and `message` are for the reader only. */
export interface BaselineFile {
  readonly version: number;
  readonly tool: string;
  readonly findings: readonly { readonly file: string; readonly fingerprint: string; readonly ruleId: string; readonly resource: string; readonly message: string }[];
}

/** The findings of a scan with their keys; files named relative to `baselinePath`'s folder. */
function entries(files: readonly ScannedFile[], baselinePath: string): { key: string; finding: Finding; file: string; fingerprint: string }[] {
  const folder = dirname(resolve(baselinePath));
  return files.flatMap((file) => {
    const uri = rootRelativeUri(file.path, folder);
    return (file.analysis?.findings ?? []).flatMap((finding, index) => {
      const fingerprint = file.fingerprints?.[index];
      return fingerprint ? [{ key: `${uri}\u0000${fingerprint}`, finding, file: uri, fingerprint }] : [];
    });
  });
}

/** The baseline of a scan: every finding (suppressed ones are already accepted with a reason). */
export function toBaseline(files: readonly ScannedFile[], baselinePath: string): BaselineFile {
  const findings = entries(files, baselinePath)
    .map(({ file, fingerprint, finding }) => ({ file, fingerprint, ruleId: finding.ruleId, resource: finding.resource.id, message: finding.message }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  return { version: BASELINE_VERSION, tool: TOOL_NAME, findings };
}

/** Writes the baseline file. Throws UsageError when it cannot be written. */
export function writeBaseline(path: string, baseline: BaselineFile): void {
  try {
    // `--create-baseline ci/baseline.json` in a fresh checkout: the folder is made, as --output-file users expect.
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`cannot write the baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Reads a baseline file: the keys of its findings. Throws UsageError when it is missing or not a baseline. */
export function readBaseline(path: string): ReadonlySet<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the baseline ${path}: ${code ?? (error instanceof Error ? error.message : String(error))}`);
  }
  const baseline = parsed as Partial<BaselineFile> | null;
  if (typeof baseline !== 'object' || baseline === null || baseline.version !== BASELINE_VERSION || !Array.isArray(baseline.findings)) {
    throw new UsageError(`${path} is not an ${TOOL_NAME} baseline (version ${BASELINE_VERSION}); make one with --create-baseline`);
  }
  const keys = new Set<string>();
  for (const entry of baseline.findings as unknown[]) {
    const { file, fingerprint } = (entry ?? {}) as { file?: unknown; fingerprint?: unknown };
    if (typeof file === 'string' && typeof fingerprint === 'string') keys.add(`${file}\u0000${fingerprint}`);
  }
  return keys;
}

/** The findings of the scan that the baseline holds. */
export function baselinedFindings(files: readonly ScannedFile[], baselinePath: string, keys: ReadonlySet<string>): Set<Finding> {
  return new Set(entries(files, baselinePath).filter((entry) => keys.has(entry.key)).map((entry) => entry.finding));
}
