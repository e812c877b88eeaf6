// Writes a "set this setting" fix in the template's own format and indentation. It changes only what it must:
// it replaces a wrong value, or inserts the missing key (and any missing parent mappings) into the nearest
// existing mapping. When the layout is too unusual to edit safely it returns no fix rather than a wrong one.
import { lineBreakOf, lineStartAt } from '../text';
import type { Fix, MapNode, OffsetRange, ScalarValue, TextEdit } from '../types';
import type { CfnResource, CfnTemplate } from './template';
import type { SetSettingFix } from '../rules/support/rule';
import { belowEmptyKey, keyIndent, writtenEmpty } from './editValue';

export function writeSetSettingFix(text: string, template: CfnTemplate, resource: CfnResource, plan: SetSettingFix): Fix | undefined {
  return writeSetPath(text, template, resource, ['Properties', ...plan.path], plan.value, plan.title);
}

/** Placeholder the author replaces; the analyser reports a suppression whose reason is still this. */
export const REASON_PLACEHOLDER = '<reason>';

/** "Suppress this rule for this resource": a comment above the logical id (YAML) or resource Metadata (JSON). */
export function writeSuppression(text: string, template: CfnTemplate, resource: CfnResource, ruleId: string): Fix | undefined {
  const title = `Suppress ${ruleId} for ${resource.id} (with a reason)`;
  if (template.format === 'json') return writeSetPath(text, template, resource, ['Metadata', 'iac-hints', 'ignore', ruleId], REASON_PLACEHOLDER, title);
  const lineStart = lineStartOf(text, resource.idRange.start);
  const indent = text.slice(lineStart, resource.idRange.start);
  if (!/^[ ]*$/.test(indent)) return undefined;
  return { title, edits: [{ range: { start: lineStart, end: lineStart }, newText: `${indent}# iac-hints-ignore ${ruleId}: ${REASON_PLACEHOLDER}${eol(text)}` }] };
}

function writeSetPath(text: string, template: CfnTemplate, resource: CfnResource, path: readonly string[], value: ScalarValue, title: string): Fix | undefined {
  let map: MapNode = resource.node;
  let depth = 0;
  const written = (range: OffsetRange): boolean => range.start >= resource.range.start && range.end <= resource.range.end;
  // Walk down through the mappings that exist.
  while (depth < path.length - 1) {
    const entry = map.entries.find((candidate) => candidate.key === path[depth]);
    if (!entry) break;
    // `Key:` with no value (`Properties:` left empty): the rest of the path is written below it, as its mapping.
    if (writtenEmpty(entry.value)) return template.format === 'yaml' && written(entry.keyRange) ? writeBelowEmptyKey(text, resource, entry.keyRange, path.slice(depth + 1), formatScalar(value, 'yaml'), title) : undefined;
    const next = entry.value;
    if (next?.kind !== 'map') return undefined; // an intrinsic or scalar where a mapping should be: do not guess
    // A mapping inherited whole (YAML alias or merge key): overriding it would drop its other keys.
    if (!written(entry.keyRange) || !written(next.range)) return undefined;
    map = next;
    depth++;
  }
  const remaining = path.slice(depth);
  const literal = formatScalar(value, template.format);
  if (remaining.length === 1) {
    const existing = map.entries.find((entry) => entry.key === remaining[0]);
    // An inherited key (YAML merge key) is overridden by writing the key in the resource's own mapping.
    if (existing && written(existing.keyRange)) {
      // A missing value is being typed; an intrinsic is the author's wiring (fix the parameter instead).
      if (!existing.value || existing.value.kind === 'intrinsic') return undefined;
      return insideResource({ title, edits: [{ range: existing.value.range, newText: literal }] }, resource);
    }
  }
  const edit = template.format === 'json'
    ? insertJson(text, map, remaining, literal)
    : text[map.range.start] === '{'
      ? insertFlow(text, map, remaining, formatScalar(value, 'json'), (key) => key)
      : insertYaml(text, map, resource, remaining, literal);
  return insideResource(edit ? { title, edits: [edit] } : undefined, resource);
}

/** `keys` nested below a key with no value, the last set to `literal`, one step deeper than the key. */
function writeBelowEmptyKey(text: string, resource: CfnResource, keyRange: OffsetRange, keys: readonly string[], literal: string, title: string): Fix | undefined {
  const step = indentStep(text, resource);
  const indent = keyIndent(text, keyRange) + step;
  const lines = keys.map((key, index) => `${indent}${step.repeat(index)}${key}:${index === keys.length - 1 ? ` ${literal}` : ''}`);
  // Written on the line after the key's: inside the resource, or just after its last line.
  const edit = belowEmptyKey(text, keyRange, lines, eol(text));
  return edit && { title, edits: [edit] };
}

/** An edit outside the resource would change text other resources share (a YAML anchor): no fix then. */
function insideResource(fix: Fix | undefined, resource: CfnResource): Fix | undefined {
  if (!fix) return undefined;
  const inside = fix.edits.every((edit) => edit.range.start >= resource.range.start && edit.range.end <= resource.range.end);
  return inside ? fix : undefined;
}

function formatScalar(value: ScalarValue, format: 'yaml' | 'json'): string {
  if (typeof value === 'string') return format === 'json' ? JSON.stringify(value) : /^[\w./:<>-]+$/.test(value) && !value.startsWith('<') && !/^(true|false|null|yes|no|on|off|~|[\d.]+)$/i.test(value) ? value : JSON.stringify(value);
  return String(value);
}

function lineStartOf(text: string, offset: number): number {
  return lineStartAt(text, offset);
}

function eol(text: string): string {
  return lineBreakOf(text);
}

/** The indentation step the file uses: difference between a mapping's keys and its parent key. */
function indentStep(text: string, resource: CfnResource): string {
  const first = resource.node.entries[0];
  if (!first) return '  ';
  const childColumn = first.keyRange.start - lineStartOf(text, first.keyRange.start);
  const parentColumn = resource.idRange.start - lineStartOf(text, resource.idRange.start);
  const step = childColumn - parentColumn;
  return ' '.repeat(step > 0 ? step : 2);
}

function insertYaml(text: string, map: MapNode, resource: CfnResource, keys: readonly string[], literal: string): TextEdit | undefined {
  // The first key written in the resource itself: keys a merge key brings are written under their anchor.
  const first = map.entries.find((entry) => entry.keyRange.start >= resource.range.start && entry.keyRange.end <= resource.range.end);
  if (!first) return undefined;
  const keyStart = text[first.keyRange.start - 1] === '"' || text[first.keyRange.start - 1] === "'" ? first.keyRange.start - 1 : first.keyRange.start;
  let lineStart = lineStartOf(text, keyStart);
  const before = text.slice(lineStart, keyStart);
  if (!/^[ ]*$/.test(before)) return undefined; // flow style or `- Key:` list item: leave it to the author
  // Comment lines just above the first key, at its indentation, stay with it: insert above them.
  while (lineStart > 0) {
    const previous = lineStartOf(text, lineStart - 1);
    if (!/^[ ]*#[^\r\n]*\r?\n$/.test(text.slice(previous, lineStart)) || !text.startsWith(`${before}#`, previous)) break;
    lineStart = previous;
  }
  const step = indentStep(text, resource);
  const newline = eol(text);
  const lines = keys.map((key, index) => {
    const indent = before + step.repeat(index);
    return index === keys.length - 1 ? `${indent}${key}: ${literal}` : `${indent}${key}:`;
  });
  return { range: { start: lineStart, end: lineStart }, newText: lines.join(newline) + newline };
}

function insertJson(text: string, map: MapNode, keys: readonly string[], literal: string): TextEdit | undefined {
  return insertFlow(text, map, keys, literal, (key) => JSON.stringify(key));
}

/**
 * A member first in a `{ ... }` mapping (JSON, or YAML flow style): on its own line when the first member is, else
 * inline; an empty mapping (`{}`, `{ }`, braces on separate lines) gets `{ member }` between its braces.
 */
function insertFlow(text: string, map: MapNode, keys: readonly string[], literal: string, quote: (key: string) => string): TextEdit | undefined {
  const value = keys.slice(1).reduceRight((inner, key) => `{ ${quote(key)}: ${inner} }`, literal);
  const member = `${quote(keys[0])}: ${value}`;
  const first = map.entries[0];
  if (!first) {
    if (text[map.range.start] !== '{' || text.slice(map.range.start, map.range.end).replace(/\s/g, '') !== '{}') return undefined;
    return { range: { start: map.range.start + 1, end: map.range.end - 1 }, newText: ` ${member} ` };
  }
  // A quoted key's range may start after its quote: insert before the quote.
  const at = text[first.keyRange.start - 1] === '"' || text[first.keyRange.start - 1] === "'" ? first.keyRange.start - 1 : first.keyRange.start;
  const indent = text.slice(lineStartOf(text, at), at);
  const separator = /^\s*$/.test(indent) ? `,${eol(text)}${indent}` : ', ';
  return { range: { start: at, end: at }, newText: member + separator };
}
