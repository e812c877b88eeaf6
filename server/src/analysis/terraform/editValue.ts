// Writes structured values (HclData) into a resource's HCL body the way the provider schema has them: nested blocks
// (`logging { ... }`, repeated blocks), object attributes (`tags = { ... }`), list attributes, and expressions as
// written (`var.x`). `writeInBlock` merges a tree of wanted values into one block: blocks that exist are descended
// into, literal arguments replaced, the missing ones inserted together before the block's `}` in the file's
// indentation unit (tabs too) and line breaks; a one-line block (`{}`, `{ a = 1 }`) is opened onto lines. No edit
// where it is not certain: a `dynamic` block or an attribute of the name, several blocks of the name, a one-line
// block with a comment or a nested block, the author's expression in the way.
import type { FixParameter, HclData } from '../rules/support/rule';
import { lineBreakOf, lineStartAt } from '../text';
import type { TextEdit } from '../types';
import type { HclBlock, HclExpression } from './hcl/ast';

export interface HclContext {
  readonly text: string;
  readonly newline: string;
  /** One level of indentation as the file writes it (a tab, or spaces). */
  readonly unit: string;
}

export type HclMapping = { readonly [key: string]: HclData };

export function hclContext(text: string): HclContext {
  // An argument or block line (not a ` * ` comment continuation or heredoc punctuation).
  const match = /^([ \t]+)[A-Za-z_]/m.exec(text);
  const unit = !match ? '  ' : match[1].startsWith('\t') ? '\t' : match[1];
  return { text, newline: lineBreakOf(text), unit };
}

/**
 * A line written with two-space steps (companion bodies, variable declarations) in the file's own unit: a tab file
 * gets tabs, a four-space file four spaces a level.
 */
export function inUnit(line: string, unit: string): string {
  const steps = /^(?: {2})*/.exec(line)?.[0].length ?? 0;
  return unit.repeat(steps / 2) + line.slice(steps);
}

/** `variable "<name>" { description, type, sensitive }` (no default: Terraform asks for it), in the file's unit. */
export function variableDeclaration(variable: FixParameter, unit: string): string[] {
  return [
    `variable "${variable.name}" {`,
    `${unit}description = ${JSON.stringify(variable.description)}`,
    `${unit}type        = ${variable.type?.terraform ?? 'string'}`,
    ...(variable.noEcho ? [`${unit}sensitive   = true`] : []),
    '}',
  ];
}

/** The name of a companion resource: `<parent name><suffix in snake_case>` (`b` + `TlsOnlyPolicy` = `b_tls_only_policy`). */
export function companionName(parentName: string, suffix: string): string {
  return `${parentName}${suffix.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/^(?=[A-Z])/, '_').toLowerCase()}`;
}

function isObjectLike(value: HclData | undefined): value is { readonly [key: string]: HclData } {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

export function isExpressionData(value: HclData | undefined): value is { readonly $hcl: string } {
  return isObjectLike(value) && typeof (value as Record<string, unknown>).$hcl === 'string';
}

function isObjectData(value: HclData | undefined): value is { readonly $object: HclMapping } {
  return isObjectLike(value) && isObjectLike((value as Record<string, HclData>).$object) && Object.keys(value).length === 1;
}

/** A nested block's body: a plain mapping. */
export function isBlockData(value: HclData | undefined): value is HclMapping {
  return isObjectLike(value) && !isExpressionData(value) && !isObjectData(value);
}

/** Repeated nested blocks: a list of plain mappings. */
function isBlockList(value: HclData | undefined): value is readonly HclMapping[] {
  return Array.isArray(value) && value.length > 0 && value.every((item: HclData) => isBlockData(item));
}

/** `dynamic "name"` blocks generate `name` blocks: a static one beside them would be a second, conflicting one. */
export function hasDynamic(block: HclBlock, name: string): boolean {
  return block.body.blocks.some((candidate) => candidate.type === 'dynamic' && candidate.labels[0]?.value === name);
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

/** An attribute's value as HCL text, its later lines at `indent` plus a unit. */
export function hclText(value: HclData, indent: string, context: HclContext): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? JSON.stringify(value) : String(value);
  if (isExpressionData(value)) return value.$hcl;
  if (Array.isArray(value)) return `[${value.map((item: HclData) => hclText(item, indent, context)).join(', ')}]`;
  const entries = Object.entries(isObjectData(value) ? value.$object : value);
  if (entries.length === 0) return '{}';
  const inner = indent + context.unit;
  const key = (name: string): string => (/^[A-Za-z_][\w-]*$/.test(name) ? name : JSON.stringify(name));
  return `{${context.newline}${entries.map(([name, item]) => `${inner}${key(name)} = ${hclText(item, inner, context)}`).join(context.newline)}${context.newline}${indent}}`;
}

/** The lines of a body holding `wanted`, each at `indent` (nested blocks one unit deeper). */
export function bodyLines(wanted: HclMapping, indent: string, context: HclContext): string[] {
  return Object.entries(wanted).flatMap(([name, value]) => {
    if (isBlockData(value)) return blockLines(name, value, indent, context);
    if (isBlockList(value)) return value.flatMap((item) => blockLines(name, item, indent, context));
    return [`${indent}${name} = ${hclText(value, indent, context)}`];
  });
}

function blockLines(name: string, body: HclMapping, indent: string, context: HclContext): string[] {
  return [`${indent}${name} {`, ...bodyLines(body, indent + context.unit, context), `${indent}}`];
}

// ---------------------------------------------------------------------------------------------------------------
// Aligning `=` as terraform fmt does (hclwrite): a run of consecutive lines that each hold a whole `name = value`
// has its `=` one column after its longest name; a blank, comment, block or multi-line argument line ends the run.

const ASSIGNMENT = /^([ \t]*)([A-Za-z_][\w-]*|"(?:[^"\\]|\\.)*") +(=(?!=).*)$/;

/** The parts of a line that is a whole single-line `name = value`, or undefined. */
function assignment(line: string): { indent: string; name: string; rest: string } | undefined {
  const match = ASSIGNMENT.exec(line);
  if (!match || /^=\s*<</.test(match[3])) return undefined;
  const code = match[3].replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const net = (code.match(/[[{(]/g)?.length ?? 0) - (code.match(/[\]})]/g)?.length ?? 0);
  return net === 0 ? { indent: match[1], name: match[2], rest: match[3] } : undefined;
}

/**
 * The `=` columns (from the line start) of the run of single-line arguments of `block` that ends on the line just
 * before `lineStart`: what an inserted argument there joins. Empty when that line is not such an argument.
 */
export function assignmentsAbove(text: string, block: HclBlock, lineStart: number): number[] {
  const columns: number[] = [];
  let line = lineStart;
  for (const attribute of [...block.body.attributes].sort((a, b) => b.range.start - a.range.start)) {
    if (line === 0) break;
    const previous = lineStartAt(text, line - 1);
    const start = attribute.nameRange.start;
    if (lineStartAt(text, start) !== previous || !/^[ \t]*$/.test(text.slice(previous, start))) break;
    if (lineStartAt(text, attribute.range.end) !== previous) break; // a multi-line value (a heredoc, an object)
    const equals = text.indexOf('=', attribute.nameRange.end);
    if (equals < 0 || equals >= attribute.expression.range.start || !assignment(text.slice(previous, attribute.range.end))) break;
    columns.push(equals - previous);
    line = previous;
  }
  return columns;
}

/**
 * Inserted lines with their `=` where terraform fmt puts them. Runs inside the new lines are aligned on their
 * longest name. The first run joins the arguments just above it (`above`, their `=` columns): when those are
 * aligned, each joining line's `=` goes in their column, or one space after its name when it is longer (fmt would
 * move the others, and text outside the edit is not touched); when they are not aligned, one space.
 */
export function alignAssignments(lines: readonly string[], above: readonly number[] = []): string[] {
  const result = [...lines];
  let index = 0;
  while (index < result.length) {
    if (!assignment(result[index])) {
      index++;
      continue;
    }
    let end = index;
    const run: { indent: string; name: string; rest: string }[] = [];
    for (let found = assignment(result[end]); found; found = end < result.length ? assignment(result[end]) : undefined) {
      run.push(found);
      end++;
    }
    const lead = (part: { indent: string; name: string }): number => part.indent.length + part.name.length;
    const joins = index === 0 && above.length > 0;
    const column = joins ? (above.every((value) => value === above[0]) ? above[0] : 0) : Math.max(...run.map(lead)) + 1;
    run.forEach((part, offset) => {
      result[index + offset] = `${part.indent}${part.name}${' '.repeat(Math.max(1, column - lead(part)))}${part.rest}`;
    });
    index = end;
  }
  return result;
}

/**
 * The edit that opens a block written on one line onto lines: `{}` gets `lines`; `{ name = value }` (HCL allows one
 * argument there) gets its argument, as written, on a line of its own and `lines` after it, their `=` aligned with
 * it. From after `{` to before `}`, so the braces and the argument's text stay. Undefined for anything else on the
 * line between the braces (a comment, a nested block).
 */
export function openOneLineBlock(text: string, block: HclBlock, lines: readonly string[], indent: string, blockIndent: string, newline: string): TextEdit | undefined {
  const range = { start: block.openBrace, end: block.closeBrace };
  const inside = text.slice(block.openBrace, block.closeBrace);
  const { attributes, blocks } = block.body;
  if (blocks.length === 0 && attributes.length === 0) {
    return /^[ \t]*$/.test(inside) ? { range, newText: `${newline}${alignAssignments(lines).join(newline)}${newline}${blockIndent}` } : undefined;
  }
  const attribute = attributes[0];
  if (blocks.length > 0 || attributes.length > 1) return undefined;
  const written = text.slice(attribute.range.start, attribute.range.end);
  if (/[\r\n]/.test(inside) || text.slice(block.openBrace, attribute.range.start).trim() !== '' || text.slice(attribute.range.end, block.closeBrace).trim() !== '') return undefined;
  const equals = written.indexOf('=');
  if (equals < 0 || attribute.range.start + equals >= attribute.expression.range.start || !assignment(`${indent}${written}`)) return undefined;
  const body = [`${indent}${written}`, ...alignAssignments(lines, [indent.length + equals])];
  return { range, newText: `${newline}${body.join(newline)}${newline}${blockIndent}` };
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing

function literalOf(expression: HclExpression): string | number | boolean | null | undefined {
  if (expression.kind === 'literal') return expression.value;
  if (expression.kind === 'template' && expression.value !== undefined && expression.heredoc === undefined) return expression.value;
  return undefined;
}

/** Whether a written expression already is `value` (scalars as Terraform converts them: "true" is true). */
export function expressionHolds(text: string, expression: HclExpression, value: HclData): boolean {
  if (value === null || typeof value !== 'object') {
    const literal = literalOf(expression);
    return literal !== undefined && String(literal).toLowerCase() === String(value).toLowerCase();
  }
  if (isExpressionData(value)) return text.slice(expression.range.start, expression.range.end).trim() === value.$hcl;
  if (Array.isArray(value)) return expression.kind === 'tuple' && expression.items.length === value.length && value.every((item: HclData, index) => expressionHolds(text, expression.items[index], item));
  const entries = Object.entries(isObjectData(value) ? value.$object : value);
  return expression.kind === 'object' && entries.every(([key, item]) => {
    const found = expression.items.find((candidate) => candidate.keyName === key);
    return found !== undefined && expressionHolds(text, found.value, item);
  });
}

/** A value the fix may replace: literals, and lists and objects of literals (anything else is the author's). */
export function replaceable(expression: HclExpression): boolean {
  if (literalOf(expression) !== undefined) return true;
  if (expression.kind === 'tuple') return expression.items.every(replaceable);
  if (expression.kind === 'object') return expression.items.every((item) => item.keyName !== undefined && replaceable(item.value));
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing into a block

function lineIndent(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStartAt(text, offset), offset))?.[0] ?? '';
}

/**
 * The edits that make `block` hold every entry of `wanted`, [] when it holds them all, or undefined when no edit is
 * certain.
 */
export function writeInBlock(context: HclContext, block: HclBlock, wanted: HclMapping): TextEdit[] | undefined {
  const { text } = context;
  const edits: TextEdit[] = [];
  const missing: Record<string, HclData> = {};
  for (const [name, value] of Object.entries(wanted)) {
    const attribute = block.body.attributes.find((candidate) => candidate.name === name);
    const blocks = block.body.blocks.filter((candidate) => candidate.type === name);
    if (hasDynamic(block, name)) return undefined;
    if (isBlockData(value)) {
      if (attribute || blocks.length > 1) return undefined;
      if (blocks.length === 1) {
        const nested = writeInBlock(context, blocks[0], value);
        if (!nested) return undefined;
        edits.push(...nested);
      } else {
        missing[name] = value;
      }
      continue;
    }
    if (isBlockList(value)) {
      if (attribute || blocks.length > 0) return undefined; // which of them to change is an `each` step's question
      missing[name] = value;
      continue;
    }
    if (blocks.length > 0) return undefined;
    if (!attribute) {
      missing[name] = value;
      continue;
    }
    if (expressionHolds(text, attribute.expression, value)) continue;
    if (!replaceable(attribute.expression)) return undefined; // a reference or call: the author's wiring
    edits.push({ range: attribute.expression.range, newText: hclText(value, lineIndent(text, attribute.nameRange.start), context) });
  }
  if (Object.keys(missing).length > 0) {
    const insertion = insertInBlock(context, block, missing);
    if (!insertion) return undefined;
    edits.push(insertion);
  }
  return edits;
}

/** Lines holding `wanted`, last in `block` (a one-line block is opened onto lines). */
export function insertInBlock(context: HclContext, block: HclBlock, wanted: HclMapping): TextEdit | undefined {
  const { text, newline, unit } = context;
  const blockIndent = lineIndent(text, block.range.start);
  const closeLine = lineStartAt(text, block.closeBrace);
  if (text[block.closeBrace] !== '}') return undefined; // an unclosed block
  if (closeLine <= block.openBrace) return openOneLineBlock(text, block, bodyLines(wanted, blockIndent + unit, context), blockIndent + unit, blockIndent, newline);
  if (!/^[ \t]*$/.test(text.slice(closeLine, block.closeBrace))) return undefined; // `}` after content on its line
  const closeIndent = text.slice(closeLine, block.closeBrace);
  const firstStart = block.body.attributes[0]?.nameRange.start ?? block.body.blocks[0]?.typeRange.start;
  const indent = firstStart !== undefined ? text.slice(lineStartAt(text, firstStart), firstStart) : `${closeIndent}${unit}`;
  if (!/^[ \t]*$/.test(indent)) return undefined; // the first child shares a line with something else
  return { range: { start: closeLine, end: closeLine }, newText: alignAssignments(bodyLines(wanted, indent, context), assignmentsAbove(text, block, closeLine)).join(newline) + newline };
}
