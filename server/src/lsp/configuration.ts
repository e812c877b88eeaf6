// Settings under `iacHints.*`: read through workspace/configuration when the client can answer it (cached,
// refreshed on didChangeConfiguration), else taken from what didChangeConfiguration pushes.
import { Analyzer } from '../analysis';
import type { FileSystemView, Severity } from '../analysis';
import { MirroredAnalyzer } from './background';
import type { BackgroundAnalyzer } from './background';
import type { ServerState } from './state';
import type { WorkerSettings } from './workerProtocol';

export const SETTINGS_SECTION = 'iacHints';

export interface Settings {
  readonly enable: boolean;
  readonly minimumSeverity: Severity;
  readonly scanWorkspaceOnStartup: boolean;
  /** Regions where data may live (empty: where data goes is only said, as information). */
  readonly allowedRegions: readonly string[];
}

export const DEFAULT_SETTINGS: Settings = { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: true, allowedRegions: [] };

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Accepts anything (a client may send garbage) and keeps only valid values. */
export function normalizeSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    minimumSeverity: SEVERITIES.includes(value.minimumSeverity as Severity) ? (value.minimumSeverity as Severity) : DEFAULT_SETTINGS.minimumSeverity,
    scanWorkspaceOnStartup: typeof value.scanWorkspaceOnStartup === 'boolean' ? value.scanWorkspaceOnStartup : DEFAULT_SETTINGS.scanWorkspaceOnStartup,
    allowedRegions: Array.isArray(value.allowedRegions)
      ? value.allowedRegions.filter((region): region is string => typeof region === 'string' && region.trim() !== '').map((region) => region.trim())
      : DEFAULT_SETTINGS.allowedRegions,
  };
}

export async function fetchSettings(state: ServerState): Promise<Settings> {
  if (state.capabilities.workspace?.configuration) {
    try {
      return normalizeSettings(await state.connection.workspace.getConfiguration(SETTINGS_SECTION));
    } catch (error) {
      state.connection.console.error(`iac-hints: could not read the settings: ${String(error)}`);
      return state.settings;
    }
  }
  return normalizeSettings(state.pushedSettings);
}

/** didChangeConfiguration's payload: `{settings: {iacHints: {...}}}` from clients that push settings. */
export function rememberPushedSettings(state: ServerState, params: { settings?: unknown }): void {
  const settings = params.settings as Record<string, unknown> | undefined;
  if (settings && typeof settings === 'object' && SETTINGS_SECTION in settings) state.pushedSettings = settings[SETTINGS_SECTION];
}

/**

 * The analyzer for these settings (the severity floor and the allowed Regions live in it). With `background`, what
 * it forgets or releases the analysis worker's analyzer forgets or releases too. `incremental: false` keeps nothing
 * between analyses (the workspace scan's templates, as the CLI).
 */
export function createAnalyzer(files: FileSystemView | undefined, settings: WorkerSettings, background?: BackgroundAnalyzer, incremental = true): Analyzer {
  const options = { files, incremental, minimumSeverity: settings.minimumSeverity, ...(settings.allowedRegions.length > 0 ? { allowedRegions: settings.allowedRegions } : {}) };
  return background ? new MirroredAnalyzer(options, background) : new Analyzer(options);
}

/** What the analysis worker's analyzer needs of the settings. */
export function workerSettings(settings: Settings): WorkerSettings {
  return { minimumSeverity: settings.minimumSeverity, allowedRegions: settings.allowedRegions };
}
