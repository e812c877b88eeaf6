// JSON -> value tree with offsets, through jsonc-parser (the tolerant parser VS Code itself uses):
// a half-typed document still yields every value that can be recognised.
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { finishProblems, MAX_NESTING, nestedTooDeeply, tooDeepNode } from '../limits';
import type { MapEntry, MapNode, Problem, ValueNode } from '../types';
import { normaliseLongForm } from './intrinsics';
import { boundJsonNesting } from './jsonNesting';
import type { ParsedValue } from './yaml';

/**
 * Parses a JSON (or JSON with comments) template. Never throws: syntax errors are problems (ranges inside the
 * text, floods merged and capped by finishProblems), and a value nested more than MAX_NESTING levels deep is
 * an unknown node with one warning at its opening bracket, the rest of the document read as usual.
 */
export function parseJson(text: string): ParsedValue {
  const errors: ParseError[] = [];
  const problems: Problem[] = [];
  const bounded = boundJsonNesting(text);
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(bounded.text, errors, { allowTrailingComma: true, disallowComments: false });
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
  const root = tree ? convert(tree, bounded.tooDeep, problems, 1) : undefined;
  return { root, problems: finishProblems(problems, text), multipleDocuments: false };
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** `depth` is the node's level (the root is 1); boundJsonNesting keeps it at most MAX_NESTING + 1. */
function convert(node: JsonNode, tooDeep: ReadonlyMap<number, number>, problems: Problem[], depth: number): ValueNode | undefined {
  const range = { start: node.offset, end: node.offset + node.length };
  const cutEnd = tooDeep.get(node.offset);
  if (cutEnd !== undefined || (depth > MAX_NESTING && (node.type === 'array' || node.type === 'object'))) {
    problems.push(nestedTooDeeply({ start: node.offset, end: node.offset + 1 }, 'JSON: '));
    return tooDeepNode({ start: node.offset, end: cutEnd ?? range.end });
  }
  switch (node.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return { kind: 'scalar', value: node.value as string | number | boolean | null, range };
    case 'array': {
      const items: ValueNode[] = [];
      for (const child of node.children ?? []) {
        const converted = convert(child, tooDeep, problems, depth + 1);
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
          value: valueNode ? convert(valueNode, tooDeep, problems, depth + 1) : undefined,
        });
      }
      const map: MapNode = { kind: 'map', entries, range };
      return normaliseLongForm(map);
    }
    default:
      return undefined;
  }
}
