// The SARIF Multitool (npm: @microsoft/sarif-multitool, a self-contained .NET binary in a per-platform optional
// dependency), run directly: its npm bin runs the binary through a shell, where `--rule-kind Gh;Sarif` would be
// cut at the semicolon.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './paths';

export interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: SarifRule[] } };
    invocations?: { executionSuccessful: boolean; toolExecutionNotifications?: SarifNotification[]; toolConfigurationNotifications?: SarifNotification[] }[];
    originalUriBaseIds?: Record<string, { uri: string }>;
    results: SarifResult[];
    properties?: Record<string, unknown>;
  }[];
}

export interface SarifRule {
  id: string;
  name?: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown?: string };
  helpUri?: string;
  defaultConfiguration?: { level: string };
  properties?: { tags?: string[]; 'security-severity'?: string; [key: string]: unknown };
}

export interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn: number; endLine: number; endColumn: number } };
}

export interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints?: Record<string, string>;
  suppressions?: { kind: string; justification?: string; properties?: Record<string, unknown> }[];
  baselineState?: string;
}

export interface SarifNotification {
  level: string;
  message: { text: string };
  locations?: SarifLocation[];
  descriptor?: { id: string };
}

/** The Multitool binary of this platform; throws with the reason when it is not installed. */
export function multitoolPath(): string {
  const require = createRequire(join(REPO_ROOT, 'package.json'));
  const packageName = `@microsoft/sarif-multitool-${process.platform}`;
  let dir: string;
  try {
    dir = dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    throw new Error(`${packageName} is not installed (a devDependency through @microsoft/sarif-multitool's optional dependencies): run npm ci`);
  }
  const binary = join(dir, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
  if (!existsSync(binary)) throw new Error(`the SARIF Multitool binary is missing: ${binary}`);
  return binary;
}

export interface ValidationMessage {
  readonly ruleId: string;
  readonly level: string;
  readonly text: string;
  readonly file: string;
}

/**
 * Validates SARIF files with the Multitool's SARIF and GitHub rules (`validate --rule-kind "Gh;Sarif"`) and
 * returns what it reported (level 'error' or 'warning'). Throws when the tool cannot run.
 */
export function validateSarif(files: readonly string[]): ValidationMessage[] {
  const out = mkdtempSync(join(tmpdir(), 'iac-hints-sarif-validate-'));
  try {
    const output = join(out, 'validation.sarif');
    const run = spawnSync(multitoolPath(), ['validate', '--rule-kind', 'Gh;Sarif', '--output', output, ...files], {
      encoding: 'utf8',
      timeout: 120_000,
      // No ICU needed: the validator compares ASCII names.
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    if (run.error) throw new Error(`the SARIF Multitool did not run: ${run.error.message}`);
    if (!existsSync(output)) throw new Error(`the SARIF Multitool wrote no report (exit ${run.status}): ${run.stdout}${run.stderr}`);
    const log = JSON.parse(readFileSync(output, 'utf8')) as {
      runs: { tool: { driver: { rules?: { id: string; messageStrings?: Record<string, { text: string }> }[] } }; results?: { ruleId: string; level?: string; message: { id?: string; arguments?: string[]; text?: string }; locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[] }[];
    };
    const run0 = log.runs[0];
    const rules = new Map((run0.tool.driver.rules ?? []).map((rule) => [rule.id, rule]));
    return (run0.results ?? []).map((result) => {
      const template = result.message.id ? rules.get(result.ruleId)?.messageStrings?.[result.message.id]?.text : undefined;
      const text = result.message.text ?? (template ?? '').replace(/\{(\d+)\}/g, (_, index: string) => result.message.arguments?.[Number(index)] ?? '');
      return { ruleId: result.ruleId, level: result.level ?? 'warning', text, file: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '' };
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
