// Settings under `iacHints.*`: read through workspace/configuration when the client can answer it (cached,
// refreshed on didChangeConfiguration), else taken from what didChangeConfiguration pushed last, or from the
// initialize request's initializationOptions (`{ "iacHints": {...} }`, what Helix's `config` and Neovim's
// `init_options` send) until something is pushed.
import { Analyzer, EMPTY_CONFIG, configuredOptions } from '../analysis';
import type { FileSystemView, IacHintsConfig, Severity } from '../analysis';
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
  /** `iacHints.codeLens.enable`: the code lens above each resource counting its customer duties. */
  readonly codeLens: boolean;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: true, allowedRegions: [], codeLens: true };

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
    codeLens: codeLensEnabled(value),
  };
}

/** `codeLens.enable`, nested as VS Code sends it (`{ codeLens: { enable } }`) or dotted as other clients may. */
function codeLensEnabled(value: Record<string, unknown>): boolean {
  const nested = value.codeLens && typeof value.codeLens === 'object' ? (value.codeLens as Record<string, unknown>).enable : undefined;
  const given = nested ?? value['codeLens.enable'];
  return typeof given === 'boolean' ? given : DEFAULT_SETTINGS.codeLens;
}

export async function fetchSettings(state: ServerState): Promise<Settings> {
  if (state.capabilities.workspace?.configuration) {
    try {
      const answer: unknown = await state.connection.workspace.getConfiguration(SETTINGS_SECTION);
      // A client without the section (Neovim with no `settings.iacHints`, say) answers null: the settings it pushed or
      // gave at initialization apply then.
      return normalizeSettings(answer !== null && typeof answer === 'object' ? answer : state.pushedSettings);
    } catch (error) {
      state.connection.console.error(`iac-hints: could not read the settings: ${String(error)}`);
      return state.settings;
    }
  }
  return normalizeSettings(state.pushedSettings);
}

/**
 * didChangeConfiguration's payload: `{settings: {iacHints: {...}}}` from clients that push settings; also the
 * initialize request's `initializationOptions` (`{iacHints: {...}}`), given as `{settings: initializationOptions}`.
 */
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
  const options = {
    files,
    incremental,
    minimumSeverity: settings.minimumSeverity,
    rules: settings.rules,
    otherToolSuppressions: settings.otherToolSuppressions,
    ...(settings.allowedRegions.length > 0 ? { allowedRegions: settings.allowedRegions } : {}),
  };
  return background ? new MirroredAnalyzer(options, background) : new Analyzer(options);
}

/**
 * What the analyzers (this thread's and the worker's) get: `.iac-hints.yaml` over the editor's settings, the
 * precedence the CLI uses too (its flags > .iac-hints.yaml > editor settings > defaults; core config.ts).
 */
export function workerSettings(settings: Settings, config: IacHintsConfig = EMPTY_CONFIG): WorkerSettings {
  const options = configuredOptions(config, {}, { minimumSeverity: settings.minimumSeverity, allowedRegions: settings.allowedRegions });
  return { minimumSeverity: options.minimumSeverity, allowedRegions: options.allowedRegions ?? [], rules: options.rules, otherToolSuppressions: options.otherToolSuppressions };
}
