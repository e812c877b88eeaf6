// Applying (new) settings: a new analyzer when the minimum severity changes, then everything re-published.
import { Analyzer } from '../analysis';
import { fetchSettings } from './configuration';
import { clearAll, reanalyseOpenDocuments } from './diagnostics';
import type { ServerState } from './state';
import { startWorkspaceScan } from './workspaceScan';

export async function applySettings(state: ServerState, options: { initial: boolean }): Promise<void> {
  const previous = state.settings;
  const next = await fetchSettings(state);
  state.settings = next;
  const severityChanged = next.minimumSeverity !== previous.minimumSeverity;
  if (severityChanged) state.analyzer = new Analyzer({ files: state.files, minimumSeverity: next.minimumSeverity });
  if (!options.initial && !severityChanged && next.enable === previous.enable && next.scanWorkspaceOnStartup === previous.scanWorkspaceOnStartup) return;
  if (!next.enable) {
    state.scanGeneration++; // Stop a running scan.
    clearAll(state);
    return;
  }
  if (!options.initial) reanalyseOpenDocuments(state);
  if (options.initial || severityChanged || !previous.enable) {
    if (next.scanWorkspaceOnStartup) void startWorkspaceScan(state);
  }
}
