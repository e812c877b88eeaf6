// Thin client: starts the bundled language server and forwards documents to it.
// All analysis, hovers and quick fixes live in the server (dist/server.js).
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

// The id doubles as the settings prefix: vscode-languageclient reads `iacHints.trace.server`.
const CLIENT_ID = 'iacHints';
const CLIENT_NAME = 'IaC Responsibility Hints';
const FILE_PATTERN = '**/*.{yaml,yml,json,template,tf,tf.json,tfvars}';
const LANGUAGES = ['yaml', 'json', 'jsonc', 'terraform'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);

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
    outputChannel,
  };

  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
