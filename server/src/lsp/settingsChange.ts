// Applying (new) settings: a new analyzer when the minimum severity changes, then everything re-published.
import { createAnalyzer, fetchSettings, workerSettings } from './configuration';
import { clearAll, reanalyseOpenDocuments } from './diagnostics';
import type { ServerState } from './state';
import { startWorkspaceScan } from './workspaceScan';

export async function applySettings(state: ServerState, options: { initial: boolean }): Promise<void> {
  const previous = state.settings;
  const next = await fetchSettings(state);
  state.settings = next;
  // The analyzer holds the severity floor and the allowed Regions: a change to either needs a new one.
  const severityChanged = next.minimumSeverity !== previous.minimumSeverity
    || next.allowedRegions.join(',') !== previous.allowedRegions.join(',');
  if (severityChanged) {
    state.analyzer = createAnalyzer(state.files, next, state.background);
    state.background.configure(workerSettings(next));
  }
  const analysisChanged = severityChanged || next.enable !== previous.enable;
  // Every report was computed under the previous settings.
  if (analysisChanged) state.generations.settings++;
  if (!options.initial && !analysisChanged && next.scanWorkspaceOnStartup === previous.scanWorkspaceOnStartup) return;
  if (!next.enable) {
    state.scanGeneration++; // Stop a running scan.
    clearAll(state);
    return;
  }
  // Also at start-up: documents opened before the settings arrived were analysed with the defaults.
  if (!options.initial || analysisChanged) reanalyseOpenDocuments(state);
  // The scan lists the workspace's Terraform folders (a module's callers) even when it analyses nothing.
  if (options.initial || severityChanged || !previous.enable) void startWorkspaceScan(state);
}
