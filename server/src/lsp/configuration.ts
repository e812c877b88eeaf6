// Settings under `iacHints.*`: read through workspace/configuration when the client can answer it (cached,
// refreshed on didChangeConfiguration), else taken from what didChangeConfiguration pushes.
import type { Severity } from '../analysis';
import type { ServerState } from './state';

export const SETTINGS_SECTION = 'iacHints';

export interface Settings {
  readonly enable: boolean;
  readonly minimumSeverity: Severity;
  readonly scanWorkspaceOnStartup: boolean;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: true };

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Accepts anything (a client may send garbage) and keeps only valid values. */
export function normalizeSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    minimumSeverity: SEVERITIES.includes(value.minimumSeverity as Severity) ? (value.minimumSeverity as Severity) : DEFAULT_SETTINGS.minimumSeverity,
    scanWorkspaceOnStartup: typeof value.scanWorkspaceOnStartup === 'boolean' ? value.scanWorkspaceOnStartup : DEFAULT_SETTINGS.scanWorkspaceOnStartup,
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
