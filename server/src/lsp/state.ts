// The server's state, created once in main.ts and passed to every handler (no module-level mutable state).
import type { ClientCapabilities, Connection, TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../analysis';
import { DEFAULT_SETTINGS, createAnalyzer } from './configuration';
import type { Settings } from './configuration';
import { OverlayFileSystemView } from './files';

export interface ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** Open buffers over the disk: what the core reads of a Terraform module's other files. */
  readonly files: OverlayFileSystemView;
  /** Terraform files analysed from disk (workspace scan, watched changes), re-published when their module changes. */
  readonly diskTerraformFiles: Set<string>;
  /** Replaced when a setting that changes the analysis (minimumSeverity) changes. */
  analyzer: Analyzer;
  settings: Settings;
  /** Settings pushed by didChangeConfiguration, for clients that cannot answer workspace/configuration. */
  pushedSettings: unknown;
  capabilities: ClientCapabilities;
  workspaceFolders: WorkspaceFolder[];
  /** Debounce timers of open documents, by URI. */
  readonly pendingTimers: Map<string, NodeJS.Timeout>;
  /** Documents opened but not yet scheduled (onDidOpen fires just before onDidChangeContent). */
  readonly justOpened: Set<string>;
  /** URIs whose last published diagnostics were not empty (to clear them when needed). */
  readonly published: Set<string>;
  /** Bumped to cancel a running workspace scan (settings changed, folders changed, shutdown). */
  scanGeneration: number;
  /** Settled when the latest workspace scan ends (tests and the benchmark wait on nothing else). */
  scanning: Promise<void>;
}

export function createState(connection: Connection, documents: TextDocuments<TextDocument>): ServerState {
  const files = new OverlayFileSystemView(documents);
  return {
    connection,
    documents,
    files,
    diskTerraformFiles: new Set(),
    analyzer: createAnalyzer(files, DEFAULT_SETTINGS),
    settings: DEFAULT_SETTINGS,
    pushedSettings: undefined,
    capabilities: {},
    workspaceFolders: [],
    pendingTimers: new Map(),
    justOpened: new Set(),
    published: new Set(),
    scanGeneration: 0,
    scanning: Promise.resolve(),
  };
}
