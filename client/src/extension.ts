// Thin client: starts the bundled language server and forwards documents to it.
// All analysis, hovers and quick fixes live in the server (dist/server.js); the commands are in commands.ts.
import type * as vscode from 'vscode';
import {
  type CancellationToken,
  LanguageClient,
  type LanguageClientOptions,
  type MessageSignature,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
// The one description of the file formats (pure data, bundled into the client too).
import { candidateGlob } from '../../server/src/analysis/formats';
import { registerReport } from './report';
import { registerCommands, ruleLinkOptions } from './commands';

// The id doubles as the settings prefix: vscode-languageclient reads `iacHints.trace.server`.
const CLIENT_ID = 'iacHints';
const CLIENT_NAME = 'IaC Responsibility Hints';
const FILE_PATTERN = candidateGlob();
const LANGUAGES = ['yaml', 'json', 'jsonc', 'terraform'];

/**
 * An editor request (code actions on blur, say) that races with deactivation fails inside
 * vscode-languageclient with a plain "Starting server failed" error, which it logs and rethrows,
 * so every window reload left errors in the logs. While stopping, such requests answer empty.
 */
class IacHintsClient extends LanguageClient {
  stopping = false;

  override handleFailedRequest<T>(type: MessageSignature, token: CancellationToken | undefined, error: unknown,
    defaultValue: T, showNotification?: boolean, throwOnCancel?: boolean): T {
    if (this.stopping) return defaultValue;
    return super.handleFailedRequest(type, token, error, defaultValue, showNotification, throwOnCancel);
  }
}

let client: IacHintsClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activationStarted = Date.now();
  const module = context.asAbsolutePath('dist/server.js');
  // Over stdio the server writes the diagnostics its analysis worker serialised as they are; over IPC they would be
  // parsed and serialised again on the server's thread (megabytes for a large template).
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const clientOptions: LanguageClientOptions = {
    // Only real files and unsaved buffers: git/diff views would otherwise get duplicate findings.
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      { scheme: 'file', pattern: FILE_PATTERN },
    ],
    synchronize: { configurationSection: CLIENT_ID },
    // The client owns its channel and disposes it after the server stopped: a channel in
    // context.subscriptions is disposed before stop() finishes and late log lines then throw.
    outputChannelName: CLIENT_NAME,
    // Rule links (diagnostic codes, hovers) open the shipped rule page as a markdown preview.
    ...ruleLinkOptions(),
  };

  client = new IacHintsClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  // The Shared Responsibility Report: its command (also the code lenses'), webview and status bar item.
  registerReport(context, () => client);
  registerCommands(context, () => client, restartServer);
  // Activation ends here: the server starts in the background, so the editor never waits for it.
  const activatedIn = Date.now() - activationStarted;
  const starting = client;
  void starting.start().then(
    () => starting.outputChannel.appendLine(`activated in ${activatedIn} ms; language server ready after ${Date.now() - activationStarted} ms`),
    (error: unknown) => starting.outputChannel.appendLine(`the language server could not start: ${String(error)}`),
  );
}

/** Restart Language Server: requests that fail while it restarts answer empty, as while stopping. */
async function restartServer(): Promise<void> {
  const running = client;
  if (!running) return;
  running.stopping = true;
  try {
    await running.restart();
    running.outputChannel.appendLine('language server restarted');
  } finally {
    running.stopping = false;
  }
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (!running) return;
  running.stopping = true;
  await running.dispose();
}
