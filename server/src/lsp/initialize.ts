// initialize / initialized: what the server offers, and what it sets up once the client is ready.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { InitializeParams, InitializeResult, ServerCapabilities } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, TOOL_NAME, TOOL_VERSION, candidateGlob } from '../analysis';
import { rememberPushedSettings } from './configuration';
import { SERVER_COMMANDS } from './commands';
import { FIX_ALL_KIND } from './convert';
import { applySettings, reloadProjectConfig } from './settingsChange';
import type { ServerState } from './state';
import { startWorkspaceScan } from './workspaceScan';

/** Files whose changes on disk are re-analysed (registered dynamically when the client allows it). */
export const WATCHED_FILES_GLOB = candidateGlob();
/** The configuration files (a nearer one may be created): a change applies the configuration again. */
export const WATCHED_CONFIG_GLOB = `**/${CONFIG_FILE_NAME}`;

/** The identifier of the pulled diagnostics (a client may name their collection after it). */
export const DIAGNOSTIC_PROVIDER_ID = 'iac-hints';

export function onInitialize(state: ServerState, params: InitializeParams): InitializeResult {
  state.capabilities = params.capabilities ?? {};
  // Settings given at start-up (`initializationOptions: { iacHints: {...} }`), until the client pushes others.
  rememberPushedSettings(state, { settings: params.initializationOptions });
  // A client that can pull diagnostics pulls those of open documents; the others get them pushed.
  state.pull = state.capabilities.textDocument?.diagnostic !== undefined;
  if (params.workspaceFolders && params.workspaceFolders.length > 0) {
    state.workspaceFolders = [...params.workspaceFolders];
  } else if (params.rootUri) {
    state.workspaceFolders = [{ uri: params.rootUri, name: params.rootUri }];
  }
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    codeLensProvider: { resolveProvider: false },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    executeCommandProvider: { commands: [...SERVER_COMMANDS] },
  };
  // interFileDependencies: a Terraform file's diagnostics depend on the other files of its module and its callers.
  // Files that are not open are pushed (the workspace scan), not pulled: no workspace diagnostics.
  if (state.pull) capabilities.diagnosticProvider = { identifier: DIAGNOSTIC_PROVIDER_ID, interFileDependencies: true, workspaceDiagnostics: false };
  return { capabilities, serverInfo: { name: TOOL_NAME, version: TOOL_VERSION } };
}

export async function onInitialized(state: ServerState): Promise<void> {
  const { connection, capabilities } = state;
  // Listened to before anything is awaited: a change sent right after `initialized` is otherwise fired to no one.
  if (capabilities.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => folder.uri));
      state.workspaceFolders = [...state.workspaceFolders.filter((folder) => !removed.has(folder.uri)), ...event.added];
      for (const uri of [...state.published]) {
        if (!state.documents.get(uri) && event.removed.some((folder) => uri.startsWith(folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`))) {
          state.published.delete(uri);
          void connection.sendDiagnostics({ uri, diagnostics: [] });
        }
      }
      // The first folder holds the configuration: it may be another one now (a re-scan follows when it changes).
      void reloadProjectConfig(state).then(() => {
        if (event.added.length > 0) void startWorkspaceScan(state);
      }).catch((error: unknown) => connection.console.error(`iac-hints: could not apply the configuration: ${String(error)}`));
    });
  }
  if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES_GLOB }, { globPattern: WATCHED_CONFIG_GLOB }] })
      .catch((error: unknown) => connection.console.error(`iac-hints: could not watch files: ${String(error)}`));
  }
  if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    await connection.client.register(DidChangeConfigurationNotification.type, { section: 'iacHints' })
      .catch((error: unknown) => connection.console.error(`iac-hints: could not follow the settings: ${String(error)}`));
  }
  await applySettings(state, { initial: true });
  state.background.prestart();
}
