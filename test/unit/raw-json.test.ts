// JSON the analysis worker serialised, spliced into protocol messages as it is (server/src/lsp/rawJson.ts), and the
// stdio writer that sends it (transport.ts): what reaches the editor must be exactly the message it would have got.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { RawJson, encodeMessage } from '../../server/src/lsp/rawJson';
import { RawJsonStreamWriter } from '../../server/src/lsp/transport';

const diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, message: 'é "quoted" \u2028', code: 'x' }];
const raw = (): RawJson => RawJson.of(new TextEncoder().encode(JSON.stringify(diagnostics)));
const decode = (parts: readonly Uint8Array[]): unknown => JSON.parse(Buffer.concat(parts).toString('utf8'));

test('a notification whose params are RawJson is the message JSON.stringify would write', () => {
  const params = RawJson.wrap('{"uri":"file:///a.yaml","version":3,"diagnostics":', raw(), '}');
  const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params } as unknown as Message;
  assert.deepEqual(decode(encodeMessage(message)), { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.yaml', version: 3, diagnostics } });
});

test('a response whose result is RawJson, and a message without any', () => {
  const result = RawJson.wrap('{"kind":"full","resultId":"r1","items":', raw(), '}');
  const response = { jsonrpc: '2.0', id: 7, result } as unknown as Message;
  assert.deepEqual(decode(encodeMessage(response)), { jsonrpc: '2.0', id: 7, result: { kind: 'full', resultId: 'r1', items: diagnostics } });
  const plain = { jsonrpc: '2.0', id: 8, result: { kind: 'unchanged', resultId: 'r1' } } as unknown as Message;
  assert.equal(Buffer.concat(encodeMessage(plain)).toString('utf8'), JSON.stringify(plain));
  // A message with nothing but the raw field still opens and closes right.
  assert.deepEqual(decode(encodeMessage({ params: raw() } as unknown as Message)), { params: diagnostics });
});

test('toJSON gives the value itself, for transports that serialise objects (IPC)', () => {
  assert.deepEqual(JSON.parse(JSON.stringify({ params: raw() })), { params: diagnostics });
});

test('the stdio writer frames each message with its byte length, the raw bytes written as they are', async () => {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = new RawJsonStreamWriter(stream);
  const first = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: RawJson.wrap('{"uri":"file:///a.yaml","diagnostics":', raw(), '}') } as unknown as Message;
  const second = { jsonrpc: '2.0', id: 1, result: null } as unknown as Message;
  await writer.write(first);
  await writer.write(second);
  const written = Buffer.concat(chunks);
  const messages: unknown[] = [];
  for (let at = 0; at < written.length;) {
    const headerEnd = written.indexOf('\r\n\r\n', at);
    const length = Number(/^Content-Length: (\d+)$/.exec(written.subarray(at, headerEnd).toString('ascii'))?.[1]);
    messages.push(JSON.parse(written.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
    at = headerEnd + 4 + length;
  }
  assert.deepEqual(messages, [
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.yaml', diagnostics } },
    { jsonrpc: '2.0', id: 1, result: null },
  ]);
  // A message that cannot be serialised is refused, and said.
  const errors: unknown[] = [];
  writer.onError((error) => errors.push(error));
  const cyclic: Record<string, unknown> = { jsonrpc: '2.0', method: 'x' };
  cyclic.params = cyclic;
  await assert.rejects(writer.write(cyclic as unknown as Message));
  assert.equal(errors.length, 1);
});
