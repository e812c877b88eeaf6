// JSON documents written as strings inside a template or module (a policy, ECS container definitions, an EMR
// security configuration), read into the value tree. JSON.parse itself does not recurse, but every walk over the
// result does: a value nested more than MAX_NESTING levels deep becomes an unknown node, never a crash.
import { MAX_NESTING, tooDeepNode } from '../../limits';
import type { OffsetRange, ValueNode } from '../../types';

/** The JSON text as a value tree whose nodes all carry `range` (the string's); undefined when it is not JSON. */
export function parseJsonValue(text: string, range: OffsetRange): ValueNode | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return jsonValueNode(parsed, range);
}

/** A parsed JSON value as a value tree (levels below MAX_NESTING an unknown node), every node at `range`. */
export function jsonValueNode(value: unknown, range: OffsetRange, depth = 1): ValueNode {
  const nested = Array.isArray(value) || (value !== null && typeof value === 'object');
  if (nested && depth > MAX_NESTING) return tooDeepNode(range);
  if (Array.isArray(value)) return { kind: 'seq', range, items: value.map((item) => jsonValueNode(item, range, depth + 1)) };
  if (value !== null && typeof value === 'object') {
    return { kind: 'map', range, entries: Object.entries(value).map(([key, item]) => ({ key, keyRange: range, value: jsonValueNode(item, range, depth + 1) })) };
  }
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  return { kind: 'scalar', range, value: scalar };
}
