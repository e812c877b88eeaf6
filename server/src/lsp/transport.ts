// How the server talks to the editor. Over stdio (`--stdio`, what the extension's client uses) messages go through
// RawJsonStreamWriter, which writes JSON the analysis worker already serialised as it is (rawJson.ts), so a large
// template's diagnostics are never parsed, serialised or copied on the server's thread. The other transports
// (`--node-ipc`, `--socket`, `--pipe`) are set up by vscode-languageserver from the command line, and serialise
// RawJson values through their `toJSON` (correct, but on this thread).
import { format } from 'node:util';
import { AbstractMessageWriter, ProposedFeatures, StreamMessageReader, createConnection } from 'vscode-languageserver/node';
import type { Connection, Message, MessageWriter } from 'vscode-languageserver/node';
import { encodeMessage } from './rawJson';

/**
 * Writes LSP messages (`Content-Length` header, then the JSON) to a stream, each message's parts in one synchronous
 * run so that messages never interleave. Resolves at once; a message that cannot be serialised rejects and is
 * reported through `onError`, like vscode-jsonrpc's own writer.
 */
export class RawJsonStreamWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let parts: Uint8Array[];
    try {
      parts = encodeMessage(message);
    } catch (error) {
      this.errorCount++;
      this.fireError(error, message, this.errorCount);
      return Promise.reject(error);
    }
    const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
    this.stream.write(`Content-Length: ${length}\r\n\r\n`, 'ascii');
    for (const part of parts) this.stream.write(part);
    this.errorCount = 0;
    return Promise.resolve();
  }

  end(): void {
    this.stream.end();
  }
}

/**
 * The connection the command line asks for. `shutdownReceived` says whether the editor asked for a shutdown first:
 * when stdin closes the process exits with 0 after one, 1 otherwise (as vscode-languageserver does).
 */
export function createServerConnection(shutdownReceived: () => boolean, argv: readonly string[] = process.argv.slice(2)): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new RawJsonStreamWriter(process.stdout));
  // Given a reader and a writer instead of streams, the library neither exits when the editor goes away nor keeps
  // console output off stdout (where it would corrupt the protocol): both are done here.
  const exit = (): never => process.exit(shutdownReceived() ? 0 : 1);
  process.stdin.once('end', exit);
  process.stdin.once('close', exit);
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return connection;
}
