// JSON written elsewhere (by the analysis worker), sent as it is. The diagnostics of a large template are tens of
// megabytes of JSON (147,000 diagnostics, 77 MB for the 4.9 MB case): turning them into objects on the server's
// thread and serialising them again would hold it for about a second, and even copying them into one buffer takes
// ~100 ms. The worker sends the bytes instead, and the stdio writer (transport.ts) writes them as they are around
// the rest of the message; other transports (IPC) get the value through `toJSON`.
import type { Message } from 'vscode-languageserver/node';

/** A JSON value already serialised as UTF-8, in parts written one after the other. */
export class RawJson {
  private constructor(private readonly parts: readonly Uint8Array[]) {}

  /** Serialised JSON (the worker's bytes). */
  static of(json: Uint8Array): RawJson {
    return new RawJson([json]);
  }

  /** `value` inside other JSON: `prefix`, the value's bytes, `suffix` (e.g. `{"items":` ... `}`); nothing is copied. */
  static wrap(prefix: string, value: RawJson, suffix: string): RawJson {
    return new RawJson([Buffer.from(prefix, 'utf8'), ...value.parts, Buffer.from(suffix, 'utf8')]);
  }

  /** The parts, in order (shared, not copied: never modify them). */
  chunks(): readonly Uint8Array[] {
    return this.parts;
  }

  /** The value itself, for transports that serialise objects (IPC) and for message tracing: parsed, so slow. */
  toJSON(): unknown {
    return JSON.parse(Buffer.concat(this.parts).toString('utf8'));
  }
}

/**
 * A JSON-RPC message as UTF-8 parts: `JSON.stringify` of the message, except that a `params` or `result` that is a
 * RawJson is put in as its own parts (not copied). Throws only when the message cannot be serialised (a cycle).
 */
export function encodeMessage(message: Message): Uint8Array[] {
  const record = message as unknown as Record<string, unknown>;
  const field = record.params instanceof RawJson ? 'params' : record.result instanceof RawJson ? 'result' : undefined;
  if (field === undefined) return [Buffer.from(JSON.stringify(message), 'utf8')];
  const { [field]: raw, ...rest } = record;
  const head = JSON.stringify(rest); // "{...}", reopened to append the raw field.
  const opening = `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}${JSON.stringify(field)}:`;
  return [Buffer.from(opening, 'utf8'), ...(raw as RawJson).chunks(), Buffer.from('}', 'utf8')];
}
