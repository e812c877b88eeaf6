// Writes structured values (FixData: mappings, lists, long-form intrinsics) into a template's mappings, in the
// file's own style: YAML block style with short-form tags at the mapping's indentation, YAML flow style on one line,
// JSON in the file's indentation unit (spaces or tabs). `writeInMap` merges a tree of wanted values into one
// mapping: keys that exist are descended into (mappings) or replaced (literals); the missing ones are inserted in
// one edit. It returns undefined, never a doubtful edit: an intrinsic in the way is the author's wiring, a key
// inherited through a YAML merge key cannot be descended into, an odd layout is left alone.
import { lineBreakOf, lineStartAt } from '../text';
import type { MapNode, OffsetRange, ScalarValue, TextEdit, ValueNode } from '../types';
import type { FixData } from '../rules/support/rule';

/** What the writers need to know of the file: its format, line break, indentation unit, and the written range. */
export interface EditContext {
  readonly text: string;
  readonly format: 'yaml' | 'json';
  readonly newline: string;
  /** One level of indentation: a tab or spaces (JSON), spaces (YAML). */
  readonly step: string;
  /** Edits must stay inside this range (the resource): text outside it may be shared (a YAML anchor). */
  readonly within: OffsetRange;
}

export type FixMapping = { readonly [key: string]: FixData };

export function editContext(text: string, format: 'yaml' | 'json', within: OffsetRange): EditContext {
  return { text, format, newline: lineBreakOf(text), step: indentUnit(text, format), within };
}

/** The file's indentation unit: the leading white space of its first indented line (YAML: spaces only). */
function indentUnit(text: string, format: 'yaml' | 'json'): string {
  const match = /^([ \t]+)["\w-]/m.exec(text);
  if (!match) return '  ';
  if (match[1].startsWith('\t')) return format === 'json' ? '\t' : '  ';
  return match[1];
}

const SHORT_TAGS: Readonly<Record<string, string>> = {
  Ref: '!Ref', 'Fn::GetAtt': '!GetAtt', 'Fn::Sub': '!Sub', 'Fn::Join': '!Join', 'Fn::If': '!If', 'Fn::Select': '!Select',
  'Fn::ImportValue': '!ImportValue', 'Fn::FindInMap': '!FindInMap', 'Fn::Split': '!Split', 'Fn::GetAZs': '!GetAZs', 'Fn::Base64': '!Base64',
};

export function isMapping(value: FixData | undefined): value is FixMapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A long-form intrinsic (`{ Ref: x }`): one key, a known function name. */
export function isIntrinsic(value: FixData | undefined): boolean {
  if (!isMapping(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

function yamlScalar(value: ScalarValue): string {
  if (typeof value !== 'string') return String(value);
  const plain = /^[A-Za-z_/][\w./:-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function yamlKey(key: string): string {
  return /^[A-Za-z_][\w.:-]*$/.test(key) ? key : JSON.stringify(key);
}

/** A value on one line after `key: ` or `- ` in block YAML, or undefined when it needs lines of its own. */
function yamlInline(value: FixData): string | undefined {
  if (value === null || typeof value !== 'object') return yamlScalar(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : value.every((item) => item === null || typeof item !== 'object') ? `[${value.map((item) => yamlScalar(item as ScalarValue)).join(', ')}]` : undefined;
  const entries = Object.entries(value as FixMapping);
  if (entries.length === 0) return '{}';
  if (isIntrinsic(value)) {
    const [name, argument] = entries[0];
    const tag = SHORT_TAGS[name];
    if (name === 'Fn::GetAtt' && Array.isArray(argument) && argument.every((part) => typeof part === 'string')) return `!GetAtt ${argument.join('.')}`;
    if (tag && (argument === null || typeof argument !== 'object')) return `${tag} ${yamlScalar(argument)}`;
    if (tag) return `${tag} ${flowText(argument, 'yaml')}`;
  }
  return undefined;
}

/** `key: value` lines at `indent` in block YAML (nested mappings and lists below it). */
export function yamlMemberLines(key: string, value: FixData, indent: string, step: string): string[] {
  const one = yamlInline(value);
  if (one !== undefined) return [`${indent}${yamlKey(key)}: ${one}`];
  return [`${indent}${yamlKey(key)}:`, ...yamlValueLines(value, indent + step, step)];
}

/** The lines of a mapping or list value in block YAML, each at `indent`. */
export function yamlValueLines(value: FixData, indent: string, step: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: FixData) => {
      const one = yamlInline(item);
      if (one !== undefined) return [`${indent}- ${one}`];
      // A list item's keys line up after `- `.
      const [head, ...rest] = yamlValueLines(item, `${indent}  `, step);
      return [`${indent}- ${head.trimStart()}`, ...rest];
    });
  }
  return Object.entries(value as FixMapping).flatMap(([key, item]) => yamlMemberLines(key, item, indent, step));
}

/** One-line text of a value in YAML flow style (long-form intrinsics) or JSON. */
export function flowText(value: FixData, format: 'yaml' | 'json'): string {
  if (value === null || typeof value !== 'object') return format === 'json' ? JSON.stringify(value) : flowScalar(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map((item: FixData) => flowText(item, format)).join(', ')}]`;
  const entries = Object.entries(value as FixMapping);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([key, item]) => `${format === 'json' ? JSON.stringify(key) : flowKey(key)}: ${flowText(item, format)}`).join(', ')} }`;
}

function flowScalar(value: ScalarValue): string {
  if (typeof value !== 'string') return String(value);
  return /^[A-Za-z_/][\w./-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value) ? value : JSON.stringify(value);
}

function flowKey(key: string): string {
  return /^[A-Za-z_][\w.:-]*$/.test(key) && !key.includes('::') ? key : JSON.stringify(key);
}

/**
 * JSON text of a value whose first line continues a line at `indent`: scalars, short lists and intrinsics with a
 * scalar argument on one line, other collections one member a line in the file's unit.
 */
export function jsonText(value: FixData, indent: string, step: string, newline: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => item === null || typeof item !== 'object')) return flowText(value, 'json');
    return `[${newline}${value.map((item: FixData) => `${indent}${step}${jsonText(item, indent + step, step, newline)}`).join(`,${newline}`)}${newline}${indent}]`;
  }
  const entries = Object.entries(value as FixMapping);
  if (entries.length === 0) return '{}';
  if (isIntrinsic(value) && (entries[0][1] === null || typeof entries[0][1] !== 'object' || Array.isArray(entries[0][1]) && (entries[0][1] as FixData[]).every((item) => item === null || typeof item !== 'object'))) return flowText(value, 'json');
  return `{${newline}${entries.map(([key, item]) => `${indent}${step}${JSON.stringify(key)}: ${jsonText(item, indent + step, step, newline)}`).join(`,${newline}`)}${newline}${indent}}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing

function sameScalar(a: ScalarValue, b: ScalarValue): boolean {
  return String(a).toLowerCase() === String(b).toLowerCase();
}

/** Whether a written node already holds `value` (scalars compared as CloudFormation reads them: "true" is true). */
export function holds(node: ValueNode | undefined, value: FixData): boolean {
  if (!node) return false;
  if (value === null || typeof value !== 'object') return node.kind === 'scalar' && sameScalar(node.value, value);
  if (Array.isArray(value)) return node.kind === 'seq' && node.items.length === value.length && value.every((item: FixData, index) => holds(node.items[index], item));
  if (isIntrinsic(value)) {
    const [name, argument] = Object.entries(value as FixMapping)[0];
    return node.kind === 'intrinsic' && node.name === name && holds(node.argument, argument);
  }
  return node.kind === 'map' && Object.entries(value as FixMapping).every(([key, item]) => holds(node.entries.find((entry) => entry.key === key)?.value, item));
}

// ---------------------------------------------------------------------------------------------------------------
// Writing into a mapping

function inside(context: EditContext, range: OffsetRange): boolean {
  return range.start >= context.within.start && range.end <= context.within.end;
}

/** Where a key's text starts (before its opening quote). */
function keyStart(text: string, range: OffsetRange): number {
  return text[range.start - 1] === '"' || text[range.start - 1] === "'" ? range.start - 1 : range.start;
}

function lineIndent(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/**
 * The edits that make `map` hold every key of `wanted` (merged into mappings that exist, literals replaced,
 * missing keys inserted together), [] when it holds them all, or undefined when no edit is certain.
 */
export function writeInMap(context: EditContext, map: MapNode, wanted: FixMapping): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const missing: [string, FixData][] = [];
  for (const [key, value] of Object.entries(wanted)) {
    const entry = map.entries.find((candidate) => candidate.key === key);
    if (!entry || !inside(context, entry.keyRange)) {
      // A key a YAML merge key brings is overridden by writing it here, but a mapping cannot be merged into.
      if (entry && isMapping(value) && !isIntrinsic(value)) return undefined;
      missing.push([key, value]);
      continue;
    }
    const node = entry.value;
    if (!node || writtenEmpty(node)) {
      // `Key:` with nothing after it: a mapping is written below it; a scalar may be being typed.
      if (context.format !== 'yaml' || !isMapping(value) || isIntrinsic(value)) return undefined;
      const indent = keyIndent(context.text, entry.keyRange) + context.step;
      const below = belowEmptyKey(context.text, entry.keyRange, Object.entries(value).flatMap(([name, item]) => yamlMemberLines(name, item, indent, context.step)), context.newline);
      if (!below) return undefined;
      edits.push(below);
      continue;
    }
    if (holds(node, value)) continue;
    if (node.kind === 'intrinsic') return undefined; // the author's wiring: fix the parameter or condition instead
    if (isMapping(value) && !isIntrinsic(value) && node.kind === 'map') {
      if (!inside(context, node.range)) return undefined;
      const nested = writeInMap(context, node, value);
      if (!nested) return undefined;
      edits.push(...nested);
      continue;
    }
    if (node.kind === 'map' || node.kind === 'seq') {
      if (!inside(context, node.range)) return undefined;
    }
    const replaced = replaceValue(context, entry.keyRange, node, value);
    if (!replaced) return undefined;
    edits.push(replaced);
  }
  if (missing.length > 0) {
    const insertion = insertMembers(context, map, missing);
    if (!insertion) return undefined;
    edits.push(insertion);
  }
  return edits;
}

/** Replaces a written value (a scalar, or a collection) by `value`. */
function replaceValue(context: EditContext, keyRange: OffsetRange, node: ValueNode, value: FixData): TextEdit | undefined {
  const { text } = context;
  const flow = context.format === 'json' || isFlowAt(text, node.range.start, keyRange);
  if (flow) {
    const indent = lineIndent(text, keyStart(text, keyRange));
    const newText = context.format === 'json' ? jsonText(value, indent, context.step, context.newline) : flowText(value, 'yaml');
    return { range: node.range, newText };
  }
  const one = yamlInline(value);
  if (one !== undefined) return { range: node.range, newText: one };
  // A collection in block style goes on the lines below its key: replace from just after the colon.
  const colon = text.indexOf(':', keyRange.end);
  if (colon < 0 || colon > node.range.start || /\n/.test(text.slice(colon, node.range.end))) return undefined;
  const indent = lineIndent(text, keyStart(text, keyRange));
  if (!/^ *$/.test(indent) || text.slice(lineStartAt(text, keyRange.start), keyStart(text, keyRange)).trim() !== '') return undefined;
  const lines = yamlValueLines(value, indent + context.step, context.step);
  return { range: { start: colon + 1, end: node.range.end }, newText: context.newline + lines.join(context.newline) };
}

/** Whether the value at `offset` sits inside a YAML flow collection (its key is preceded by `{` or `,` on its line). */
function isFlowAt(text: string, offset: number, keyRange: OffsetRange): boolean {
  const before = text.slice(lineStartAt(text, keyRange.start), keyStart(text, keyRange)).trim();
  return /[{,[]$/.test(before) || text[offset] === '{' || text[offset] === '[';
}

/**
 * `lines` written below a block-YAML key that has no value yet (`Properties:`, a comment after it at most), which
 * makes them its mapping; undefined for any other layout (flow style, `~`, `null`, JSON). `lines` are already at
 * the key's indentation plus one step.
 */
export function belowEmptyKey(text: string, keyRange: OffsetRange, lines: readonly string[], newline: string): TextEdit | undefined {
  const start = keyStart(text, keyRange);
  if (!/^ *$/.test(text.slice(lineStartAt(text, start), start))) return undefined;
  const rest = /^["']?[ \t]*:[ \t]*(?:#[^\r\n]*)?(?=\r?\n|$)/.exec(text.slice(keyRange.end));
  if (!rest) return undefined;
  const at = afterLine(text, keyRange.end + rest[0].length);
  return { range: { start: at.offset, end: at.offset }, newText: at.lead + lines.join(newline) + newline };
}

/** Whether a key has no value written (`Key:`): no node, or YAML's implicit null (an empty range). */
export function writtenEmpty(node: ValueNode | undefined): boolean {
  return !node || (node.kind === 'scalar' && node.value === null && node.range.start === node.range.end);
}

/** The indentation of the block-YAML key at `keyRange` (the spaces before it, its quote excluded). */
export function keyIndent(text: string, keyRange: OffsetRange): string {
  return lineIndent(text, keyStart(text, keyRange));
}

/** Inserts `key: value` members into `map` (one edit), in its style. */
function insertMembers(context: EditContext, map: MapNode, members: readonly [string, FixData][]): TextEdit | undefined {
  const { text } = context;
  if (text[map.range.start] === '{') return insertFlowMembers(context, map, members);
  if (context.format === 'json') return undefined;
  const written = map.entries.filter((entry) => inside(context, entry.keyRange));
  const first = written[0];
  if (!first) return undefined;
  const start = keyStart(text, first.keyRange);
  let lineStart = lineStartAt(text, start);
  const before = text.slice(lineStart, start);
  if (/^ *$/.test(before)) {
    // Comment lines just above the first key, at its indentation, stay with it: insert above them.
    while (lineStart > 0) {
      const previous = lineStartAt(text, lineStart - 1);
      if (!/^ *#[^\r\n]*\r?\n$/.test(text.slice(previous, lineStart)) || !text.startsWith(`${before}#`, previous)) break;
      lineStart = previous;
    }
    const lines = members.flatMap(([key, value]) => yamlMemberLines(key, value, before, context.step));
    return { range: { start: lineStart, end: lineStart }, newText: lines.join(context.newline) + context.newline };
  }
  // A list item `- Key: v`: its keys line up after the dash; new keys go after its last line.
  if (!/^ *(- +)+$/.test(before)) return undefined;
  const last = map.entries[map.entries.length - 1];
  if (!inside(context, last.keyRange)) return undefined;
  const end = last.value ? Math.max(last.value.range.end, last.keyRange.end) : last.keyRange.end;
  const at = afterLine(text, end);
  const indent = ' '.repeat(before.length);
  const lines = members.flatMap(([key, value]) => yamlMemberLines(key, value, indent, context.step));
  return { range: { start: at.offset, end: at.offset }, newText: at.lead + lines.join(context.newline) + context.newline };
}

/** The start of the line after the one holding `offset` (a line break first when it is the file's last line). */
export function afterLine(text: string, offset: number): { offset: number; lead: string } {
  const lineEnd = text.indexOf('\n', offset);
  return lineEnd < 0 ? { offset: text.length, lead: lineBreakOf(text) } : { offset: lineEnd + 1, lead: '' };
}

/**
 * Members first in a `{ ... }` mapping (JSON, or YAML flow style): each on its own line when the first member is,
 * else inline; an empty mapping gets them between its braces (JSON on lines of their own).
 */
function insertFlowMembers(context: EditContext, map: MapNode, members: readonly [string, FixData][]): TextEdit | undefined {
  const { text, format } = context;
  const json = format === 'json';
  const quote = (key: string): string => (json ? JSON.stringify(key) : flowKey(key));
  const first = map.entries[0];
  if (!first) {
    if (text.slice(map.range.start, map.range.end).replace(/\s/g, '') !== '{}') return undefined;
    if (!json) return { range: { start: map.range.start + 1, end: map.range.end - 1 }, newText: ` ${members.map(([key, value]) => `${quote(key)}: ${flowText(value, 'yaml')}`).join(', ')} ` };
    const outer = lineIndent(text, map.range.start);
    const indent = outer + context.step;
    const body = members.map(([key, value]) => `${indent}${quote(key)}: ${jsonText(value, indent, context.step, context.newline)}`).join(`,${context.newline}`);
    return { range: { start: map.range.start + 1, end: map.range.end - 1 }, newText: `${context.newline}${body}${context.newline}${outer}` };
  }
  const at = keyStart(text, first.keyRange);
  const indent = text.slice(lineStartAt(text, at), at);
  const ownLine = /^[ \t]*$/.test(indent);
  const render = (value: FixData): string => (json && ownLine ? jsonText(value, indent, context.step, context.newline) : flowText(value, format));
  const separator = ownLine ? `,${context.newline}${indent}` : ', ';
  return { range: { start: at, end: at }, newText: members.map(([key, value]) => `${quote(key)}: ${render(value)}${separator}`).join('') };
}
