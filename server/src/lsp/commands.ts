// workspace/executeCommand: what the editor's commands ask of the server. `iacHints.server.scanWorkspace` (the
// client's "IaC Hints: Scan Workspace") re-scans every template and module of the workspace folders, under the scan's
// work-done progress, even when scanWorkspaceOnStartup is off, and answers when it is done. The ids differ from the
// client's commands: vscode-languageclient registers every server command as an editor command of the same name.
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import type { ExecuteCommandParams } from 'vscode-languageserver/node';
import type { ServerState } from './state';
import { startWorkspaceScan } from './workspaceScan';

export const SCAN_WORKSPACE_COMMAND = 'iacHints.server.scanWorkspace';

/** The commands the server declares in `executeCommandProvider`. */
export const SERVER_COMMANDS: readonly string[] = [SCAN_WORKSPACE_COMMAND];

/** What Scan Workspace answers: the files whose diagnostics are not empty once the scan ended, and whether it ran. */
export interface ScanWorkspaceResult {
  readonly scanned: boolean;
  readonly filesWithFindings: number;
}

export async function onExecuteCommand(state: ServerState, params: ExecuteCommandParams): Promise<ScanWorkspaceResult> {
  if (params.command !== SCAN_WORKSPACE_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}`);
  if (!state.settings.enable) return { scanned: false, filesWithFindings: 0 };
  // Disk texts are kept only while their modification time and size hold (files.ts): a change made outside the
  // editor without a watcher event is read again.
  await startWorkspaceScan(state, { analyse: true });
  return { scanned: true, filesWithFindings: state.published.size };
}
