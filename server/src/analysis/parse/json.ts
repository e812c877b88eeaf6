// JSON -> value tree with offsets, through jsonc-parser (the tolerant parser VS Code itself uses):
// a half-typed document still yields every value that can be recognised.
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { MapEntry, MapNode, Problem, ValueNode } from '../types';
import { normaliseLongForm } from './intrinsics';
import type { ParsedValue } from './yaml';

export function parseJson(text: string): ParsedValue {
  const errors: ParseError[] = [];
  const problems: Problem[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    problems.push({ message: `JSON could not be parsed: ${String(error)}`, range: { start: 0, end: 0 }, severity: 'error' });
  }
  for (const error of errors) {
    problems.push({
      message: `JSON: ${describe(printParseErrorCode(error.error))}`,
      range: { start: error.offset, end: error.offset + Math.max(error.length, 1) },
      severity: 'error',
    });
  }
  return { root: tree ? convert(tree) : undefined, problems, multipleDocuments: false };
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function convert(node: JsonNode): ValueNode | undefined {
  const range = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return { kind: 'scalar', value: node.value as string | number | boolean | null, range };
    case 'array': {
      const items: ValueNode[] = [];
      for (const child of node.children ?? []) {
        const converted = convert(child);
        if (converted) items.push(converted);
      }
      return { kind: 'seq', items, range };
    }
    case 'object': {
      const entries: MapEntry[] = [];
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || keyNode.type !== 'string') continue;
        entries.push({
          key: String(keyNode.value),
          keyRange: { start: keyNode.offset, end: keyNode.offset + keyNode.length },
          value: valueNode ? convert(valueNode) : undefined,
        });
      }
      const map: MapNode = { kind: 'map', entries, range };
      return normaliseLongForm(map);
    }
    default:
      return undefined;
  }
}
