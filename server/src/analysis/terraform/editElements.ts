// Fix steps on repeated things in HCL: a value set in every nested block of a name (`ebs_block_device`,
// `container_definitions` is JSON and not one of them), and items appended to a list argument
// (`enabled_cluster_log_types`), or blocks identified by an argument completed or added. Nothing is written next
// to a `dynamic` block of the name: the blocks it generates cannot be edited here.
import type { HclData } from '../rules/support/rule';
import { lineStartAt } from '../text';
import type { TextEdit } from '../types';
import type { HclBlock } from './hcl/ast';
import { expressionHolds, hasDynamic, hclText, insertInBlock, isBlockData, replaceable, writeInBlock, type HclContext, type HclMapping } from './editValue';

/** `{ a: { b: value } }` for the path `a.b`. */
export function nestHcl(path: readonly string[], value: HclData): HclMapping {
  return path.reduceRight<HclData>((inner, key) => ({ [key]: inner }), value) as HclMapping;
}

/**
 * The single nested block at `path` below `block` (`undefined` when one level is absent, `false` when the path
 * cannot be followed: several blocks, a dynamic block or an attribute of that name).
 */
export function blockAt(block: HclBlock, path: readonly string[]): HclBlock | undefined | false {
  let current = block;
  for (const name of path) {
    if (hasDynamic(current, name) || current.body.attributes.some((attribute) => attribute.name === name)) return false;
    const matches = current.body.blocks.filter((candidate) => candidate.type === name);
    if (matches.length > 1) return false;
    if (matches.length === 0) return undefined;
    current = matches[0];
  }
  return current;
}

/** Sets `path` to `value` in every `name` block of `parent` (those with a `where` argument or block, when given). */
export function writeInEachBlock(context: HclContext, parent: HclBlock, name: string, path: readonly string[], value: HclData, where?: string): TextEdit[] | undefined {
  if (hasDynamic(parent, name)) return undefined;
  const edits: TextEdit[] = [];
  for (const block of parent.body.blocks.filter((candidate) => candidate.type === name)) {
    if (where !== undefined && !block.body.attributes.some((attribute) => attribute.name === where) && !block.body.blocks.some((candidate) => candidate.type === where)) continue;
    const written = writeInBlock(context, block, nestHcl(path, value));
    if (!written) return undefined;
    edits.push(...written);
  }
  return edits;
}

/**
 * Adds `items` to the `name` list argument of `parent` (scalars or expressions, unless one equal is there), or,
 * with `match`, completes the `name` block whose `match` argument is the item's or adds a block. Undefined where
 * the list is the author's expression. The list must exist (an absent one is a `set`).
 */
export function appendInBlock(context: HclContext, parent: HclBlock, name: string, items: readonly HclData[], match?: string | readonly string[]): TextEdit[] | undefined {
  const { text, newline } = context;
  if (match !== undefined) {
    const keys = typeof match === 'string' ? [match] : match;
    if (hasDynamic(parent, name)) return undefined;
    const edits: TextEdit[] = [];
    const added: HclMapping[] = [];
    for (const item of items) {
      if (!isBlockData(item)) return undefined;
      const wanted = item as Record<string, HclData>;
      const same = parent.body.blocks.find((block) => block.type === name && keys.every((key) => block.body.attributes.some((attribute) => attribute.name === key && expressionHolds(text, attribute.expression, wanted[key]))));
      if (same) {
        const written = writeInBlock(context, same, item);
        if (!written) return undefined;
        edits.push(...written);
      } else {
        added.push(item);
      }
    }
    if (added.length === 0) return edits;
    const insertion = insertInBlock(context, parent, { [name]: added });
    return insertion ? [...edits, insertion] : undefined;
  }
  const attribute = parent.body.attributes.find((candidate) => candidate.name === name);
  const list = attribute?.expression;
  if (!list || list.kind !== 'tuple') return undefined;
  if (list.items.some((item) => !replaceable(item) && item.kind !== 'traversal')) return undefined;
  const added = items.filter((item) => !list.items.some((element) => expressionHolds(text, element, item)));
  if (added.length === 0) return [];
  const indent = /^[ \t]*/.exec(text.slice(lineStartAt(text, attribute.nameRange.start), attribute.nameRange.start))?.[0] ?? '';
  const close = list.range.end - 1;
  if (text[close] !== ']') return undefined;
  const last = list.items[list.items.length - 1];
  if (!last) return [{ range: { start: list.range.start + 1, end: close }, newText: added.map((item) => hclText(item, indent, context)).join(', ') }];
  const firstStart = list.items[0].range.start;
  const itemIndent = text.slice(lineStartAt(text, firstStart), firstStart);
  const lineOfClose = lineStartAt(text, close);
  if (/^[ \t]*$/.test(itemIndent) && /^[ \t]*$/.test(text.slice(lineOfClose, close)) && lineStartAt(text, last.range.end) < lineOfClose) {
    // One item a line: a comma after the last (unless it has one), the new items on lines of their own before `]`.
    const trailing = /^[ \t]*,/.test(text.slice(last.range.end));
    const lines = added.map((item) => `${itemIndent}${hclText(item, itemIndent, context)},`).join(newline) + newline;
    return [
      ...(trailing ? [] : [{ range: { start: last.range.end, end: last.range.end }, newText: ',' }]),
      { range: { start: lineOfClose, end: lineOfClose }, newText: lines },
    ];
  }
  return [{ range: { start: last.range.end, end: last.range.end }, newText: added.map((item) => `, ${hclText(item, indent, context)}`).join('') }];
}
