// The server's state, created once in main.ts and passed to every handler (no module-level mutable state).
import { join } from 'node:path';
import type { ClientCapabilities, Connection, TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer, ReportPart } from '../analysis';
import { BackgroundAnalyzer } from './background';
import { DEFAULT_SETTINGS, createAnalyzer, workerSettings } from './configuration';
import type { Settings } from './configuration';
import { OverlayFileSystemView } from './files';
import { NO_PROJECT_CONFIG } from './projectConfig';
import type { ProjectConfig } from './projectConfig';
import type { WorkerSettings } from './workerProtocol';
import type { DiagnosticReport } from './reports';

/**
 * The workspace's shares of the report (one per file analysed as a template or Terraform, named as the report names
 * files), the URI of each name, and the files left out: over BACKGROUND_ANALYSIS_SIZE characters when the analysis
 * worker could not answer for them.
 */
export interface WorkspaceParts {
  readonly parts: readonly ReportPart[];
  readonly uris: Readonly<Record<string, string>>;
  readonly notAnalysed: readonly string[];
}

export interface ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** Open buffers over the disk: what the core reads of a Terraform module's other files. */
  readonly files: OverlayFileSystemView;
  /** Terraform files analysed from disk (workspace scan, watched changes), re-published when their module changes. */
  readonly diskTerraformFiles: Set<string>;
  /** Replaced when a setting that changes the analysis (minimumSeverity) changes. */
  analyzer: Analyzer;
  /** The analysis worker: large documents and files, and those found slow on this thread (reports.ts laneOf). */
  readonly background: BackgroundAnalyzer;
  settings: Settings;
  /** The workspace's `.iac-hints.yaml` (projectConfig.ts), read at start-up and when it changes on disk. */
  config: ProjectConfig;
  /** What the analyzers were made with: the settings and the configuration combined (configuration.ts workerSettings). */
  analysisSettings: WorkerSettings;
  /** The configuration's include/exclude the workspace was last scanned with (ProjectConfig.filterKey). */
  scannedFilterKey: string;
  /** Settings pushed by didChangeConfiguration, for clients that cannot answer workspace/configuration. */
  pushedSettings: unknown;
  capabilities: ClientCapabilities;
  /** The client pulls the diagnostics of open documents (textDocument/diagnostic); they are pushed otherwise. */
  pull: boolean;
  workspaceFolders: WorkspaceFolder[];
  /** Debounce timers of open documents, by URI. */
  readonly pendingTimers: Map<string, NodeJS.Timeout>;
  /** Documents opened but not yet scheduled (onDidOpen fires just before onDidChangeContent). */
  readonly justOpened: Set<string>;
  /** URIs whose last published diagnostics were not empty (to clear them when needed). */
  readonly published: Set<string>;
  /** The last diagnostics computed for each open document (reports.ts). */
  readonly reports: Map<string, DiagnosticReport>;
  /** Background analyses under way, by URI, for the version and inputs they analyse (reports.ts). */
  readonly computing: Map<string, { readonly version: number; readonly inputs: string; readonly promise: Promise<DiagnosticReport | undefined> }>;
  /** How long the last analysis of each open document took (ms): the debounce is skipped when it is shorter. */
  readonly analysisMs: Map<string, number>;
  /**
   * Templates (by path) and Terraform modules (by folder): how many analyses in a row took longer than the budget on
   * this thread (reports.ts: at SLOW_ANALYSES_IN_A_ROW they move to the worker).
   */
  readonly slowAnalyses: Map<string, number>;
  /** What modules analysed in the worker call and are called by (folder -> folders), for refreshModule. */
  readonly backgroundModuleLinks: Map<string, { readonly callers: readonly string[]; readonly callees: readonly string[] }>;
  /**
   * Bumped when what a document's diagnostics depend on besides its text changes: the settings, and any Terraform
   * buffer or file (of any module: callers and callees count). Reports record them (reports.ts inputsOf).
   */
  generations: { settings: number; terraform: number };
  /** A workspace/diagnostic/refresh request is under way (`again`: another is needed after it). */
  refresh: { running: boolean; again: boolean };
  /** Bumped to cancel a running workspace scan (settings changed, folders changed, shutdown). */
  scanGeneration: number;
  /** Settled when the latest workspace scan ends (tests and the benchmark wait on nothing else). */
  scanning: Promise<void>;
  /** Bumped for every change seen on disk (watched files): the workspace report is computed again (report.ts). */
  diskChanges: number;
  /** The workspace's shares of the Shared Responsibility Report, and what they were computed for (report.ts). */
  workspaceReport?: { readonly key: string; readonly parts: Promise<WorkspaceParts> };
  /**
   * The workspace report's share of each file (null: skipped, not a template), with the text, inputs and report name
   * it was made from (report.ts).
   */
  readonly reportParts: Map<string, { readonly text: string; readonly inputs: string; readonly name: string; readonly part: ReportPart | null }>;
}

export function createState(connection: Connection, documents: TextDocuments<TextDocument>): ServerState {
  const files = new OverlayFileSystemView(documents);
  const background = new BackgroundAnalyzer({
    // Next to dist/server.js (esbuild bundles both from server/src/lsp).
    script: join(__dirname, 'worker.js'),
    buffers: documents,
    folders: () => files.workspaceTerraformFolders(),
    log: (message) => connection.console.error(message),
    trace: (message) => connection.tracer.log(message),
  });
  const analysisSettings = workerSettings(DEFAULT_SETTINGS);
  background.configure(analysisSettings);
  return {
    connection,
    documents,
    files,
    diskTerraformFiles: new Set(),
    analyzer: createAnalyzer(files, analysisSettings, background),
    background,
    settings: DEFAULT_SETTINGS,
    config: NO_PROJECT_CONFIG,
    analysisSettings,
    scannedFilterKey: '',
    pushedSettings: undefined,
    capabilities: {},
    pull: false,
    workspaceFolders: [],
    pendingTimers: new Map(),
    justOpened: new Set(),
    published: new Set(),
    reports: new Map(),
    computing: new Map(),
    analysisMs: new Map(),
    slowAnalyses: new Map(),
    backgroundModuleLinks: new Map(),
    generations: { settings: 0, terraform: 0 },
    refresh: { running: false, again: false },
    scanGeneration: 0,
    scanning: Promise.resolve(),
    diskChanges: 0,
    reportParts: new Map(),
  };
}
