// Applying (new) settings or a new `.iac-hints.yaml`: a new analyzer when what it was made with changes, then
// everything re-published; a new include/exclude re-scans the workspace.
import { createAnalyzer, fetchSettings, workerSettings } from './configuration';
import { clearAll, clearDiagnostics, reanalyseOpenDocuments } from './diagnostics';
import { uriToPath } from './paths';
import { isIncluded, loadProjectConfig, publishConfigProblems } from './projectConfig';
import type { ServerState } from './state';
import { startWorkspaceScan } from './workspaceScan';
import { refreshCodeLenses } from './report';

export async function applySettings(state: ServerState, options: { initial: boolean }): Promise<void> {
  const previous = state.settings;
  if (options.initial) {
    // The workspace folders are known now: find the configuration before anything is analysed.
    const before = state.config;
    state.config = loadProjectConfig(state);
    publishConfigProblems(state, before);
  }
  const next = await fetchSettings(state);
  state.settings = next;
  if (!options.initial && next.codeLens !== previous.codeLens) refreshCodeLenses(state);
  // The analyzer holds the severity floor, the allowed Regions and the rule policy: a change to any needs a new one.
  const analysis = workerSettings(next, state.config.parsed.config);
  const analyzerChanged = JSON.stringify(analysis) !== JSON.stringify(state.analysisSettings);
  if (analyzerChanged) {
    state.analysisSettings = analysis;
    state.analyzer = createAnalyzer(state.files, analysis, state.background);
    state.background.configure(analysis);
  }
  const filterChanged = state.config.filterKey !== state.scannedFilterKey;
  state.scannedFilterKey = state.config.filterKey;
  if (filterChanged) {
    // Files the configuration now leaves out keep no diagnostics (those it lets in come with the scan).
    for (const uri of [...state.published]) if (uri.startsWith('file:') && !isIncluded(state, uriToPath(uri))) clearDiagnostics(state, uri);
  }
  const analysisChanged = analyzerChanged || filterChanged || next.enable !== previous.enable;
  // Every report was computed under the previous settings.
  if (analysisChanged) {
    state.generations.settings++;
    if (!options.initial) refreshCodeLenses(state);
  }
  if (!options.initial && !analysisChanged && next.scanWorkspaceOnStartup === previous.scanWorkspaceOnStartup) return;
  if (!next.enable) {
    state.scanGeneration++; // Stop a running scan.
    clearAll(state);
    return;
  }
  // Disabled, everything was cleared: the configuration's problems are shown again.
  if (!previous.enable) publishConfigProblems(state, state.config);
  // Also at start-up: documents opened before the settings arrived were analysed with the defaults.
  if (!options.initial || analysisChanged) reanalyseOpenDocuments(state);
  // The scan lists the workspace's Terraform folders (a module's callers) even when it analyses nothing.
  if (options.initial || analyzerChanged || filterChanged || !previous.enable) void startWorkspaceScan(state);
}

/** A `.iac-hints.yaml` changed on disk (or the workspace folders did): read the configuration again and apply it. */
export async function reloadProjectConfig(state: ServerState): Promise<void> {
  const before = state.config;
  state.config = loadProjectConfig(state);
  publishConfigProblems(state, before);
  await applySettings(state, { initial: false });
}
