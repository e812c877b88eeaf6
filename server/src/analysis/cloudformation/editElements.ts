// Fix steps on lists: a value set in every element that lacks it (ContainerDefinitions, BlockDeviceMappings[*].Ebs),
// and elements appended to a list (log types, LoadBalancerAttributes Key/Value pairs), existing elements untouched.
// Appends go after the last element in its style: a `- item` line (block YAML), `, item` before `]` (one line), or
// a line of its own with a comma after the last element (a list written one element a line).
import { lineStartAt } from '../text';
import type { MapNode, SeqNode, TextEdit, ValueNode } from '../types';
import type { FixData } from '../rules/support/rule';
import { afterLine, flowText, holds, isMapping, jsonText, writeInMap, yamlValueLines, type EditContext, type FixMapping } from './editValue';

/** `{ a: { b: value } }` for the path `a.b`. */
export function nest(path: readonly string[], value: FixData): FixMapping {
  return path.reduceRight<FixData>((inner, key) => ({ [key]: inner }), value) as FixMapping;
}

/** The edits that make every mapping element of `list` (those with `where`, when given) hold `wanted`. */
export function writeInEachElement(context: EditContext, list: SeqNode, wanted: FixMapping, where?: string): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const item of list.items) {
    if (item.kind !== 'map') return undefined; // an Fn::If element, a Ref: the author's wiring
    if (where !== undefined && !item.entries.some((entry) => entry.key === where)) continue;
    const written = writeInMap(context, item, wanted);
    if (!written) return undefined;
    edits.push(...written);
  }
  return edits;
}

/**
 * The edits that add `items` to `list` unless an equal element is there; with `match`, a mapping element with the
 * same `match` value is completed instead (its other keys set).
 */
export function appendToList(context: EditContext, list: SeqNode, items: readonly FixData[], match?: string | readonly string[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const added: FixData[] = [];
  const keys = match === undefined ? [] : typeof match === 'string' ? [match] : match;
  for (const item of items) {
    if (keys.length > 0 && isMapping(item)) {
      const same = list.items.find((element): element is MapNode => element.kind === 'map' && keys.every((key) => holds(element.entries.find((entry) => entry.key === key)?.value, item[key])));
      if (same) {
        const written = writeInMap(context, same, item);
        if (!written) return undefined;
        edits.push(...written);
        continue;
      }
      if (list.items.some((element) => element.kind !== 'map')) return undefined; // a Ref or Fn::If element may be it
    } else if (list.items.some((element) => holds(element, item))) {
      continue;
    } else if (list.items.some((element) => element.kind === 'intrinsic')) {
      return undefined; // an element the fix cannot read may already be this one
    }
    added.push(item);
  }
  if (added.length === 0) return edits;
  const append = appendItems(context, list, added);
  return append ? [...edits, ...append] : undefined;
}

function appendItems(context: EditContext, list: SeqNode, items: readonly FixData[]): TextEdit[] | undefined {
  const { text, newline } = context;
  const last = list.items[list.items.length - 1];
  if (text[list.range.start] !== '[') {
    // Block YAML: `- item` lines at the first item's dash.
    const first = list.items[0];
    if (!first || !last) return undefined;
    const lineStart = lineStartAt(text, first.range.start);
    const dash = text.slice(lineStart, first.range.start);
    if (!/^ *- +$/.test(dash)) return undefined;
    const indent = dash.slice(0, dash.indexOf('-'));
    const at = afterLine(text, last.range.end);
    const lines = yamlValueLines(items as FixData[], indent, context.step);
    return [{ range: { start: at.offset, end: at.offset }, newText: at.lead + lines.join(newline) + newline }];
  }
  const close = list.range.end - 1;
  if (text[close] !== ']') return undefined;
  if (!last) {
    if (text.slice(list.range.start + 1, close).trim() !== '') return undefined;
    return [{ range: { start: list.range.start + 1, end: close }, newText: items.map((item) => flowText(item, context.format)).join(', ') }];
  }
  const firstStart = list.items[0].range.start;
  const indent = text.slice(lineStartAt(text, firstStart), firstStart);
  const closeOnOwnLine = /^[ \t]*$/.test(text.slice(lineStartAt(text, close), close));
  if (/^[ \t]*$/.test(indent) && closeOnOwnLine && lineStartAt(text, last.range.end) < lineStartAt(text, close)) {
    // One element a line: a comma after the last, then the new elements on lines of their own before `]`.
    const render = (item: FixData): string => (context.format === 'json' ? jsonText(item, indent, context.step, newline) : flowText(item, 'yaml'));
    const lineOfClose = lineStartAt(text, close);
    return [
      { range: { start: last.range.end, end: last.range.end }, newText: ',' },
      { range: { start: lineOfClose, end: lineOfClose }, newText: items.map((item) => `${indent}${render(item)}`).join(`,${newline}`) + newline },
    ];
  }
  return [{ range: { start: last.range.end, end: last.range.end }, newText: items.map((item) => `, ${flowText(item, context.format)}`).join('') }];
}

/** The node at `path` below `map` through mappings written in the resource, or undefined (absent or not readable). */
export function nodeAt(map: MapNode, path: readonly string[]): ValueNode | undefined {
  let node: ValueNode | undefined = map;
  for (const key of path) {
    if (node?.kind !== 'map') return undefined;
    node = node.entries.find((entry) => entry.key === key)?.value;
  }
  return node;
}
