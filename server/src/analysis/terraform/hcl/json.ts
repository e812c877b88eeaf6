// Terraform JSON syntax (.tf.json, .tfvars.json) mapped onto the native model, through jsonc-parser (offsets,
// error tolerance). Top-level keys are block types; their label count decides how many object levels are labels.
// Without a schema, nested blocks (`lifecycle`, `provisioner`, `dynamic`, `ebs_block_device`...) cannot be told
// from object-valued arguments, so every property inside a block body stays an attribute (objects stay objects).
// Strings containing `${` or `%{` are parsed as templates, their ranges mapped back into the JSON text.
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { finishProblems, nestedTooDeeply } from '../../limits';
import type { OffsetRange, Problem } from '../../offsets';
import { boundJsonNesting } from '../../parse/jsonNesting';
import type { HclAttribute, HclBlock, HclBody, HclExpression, HclFile, HclLabel, ObjectItem } from './ast';
import { Parser } from './parser';
import { parseTemplateText } from './template';

/** Labels per top-level block type. */
export const JSON_BLOCK_LABELS: Readonly<Record<string, number>> = {
  resource: 2, data: 2, module: 1, variable: 1, output: 1, provider: 1, check: 1,
  locals: 0, terraform: 0, moved: 0, import: 0, removed: 0,
};

export interface TerraformJsonOptions {
  /** `.tfvars.json`: every top-level property is an attribute. Otherwise known block types become blocks. */
  readonly variablesFile?: boolean;
}

const COMMENT_KEY = '//';

export function parseTerraformJson(text: string, options: TerraformJsonOptions = {}): HclFile {
  const problems: Problem[] = [];
  const body: { attributes: HclAttribute[]; blocks: HclBlock[]; range: OffsetRange } = {
    attributes: [], blocks: [], range: { start: 0, end: text.length },
  };
  const bounded = boundJsonNesting(text);
  const reader = new JsonReader(text, problems, bounded.tooDeep);
  try {
    const errors: ParseError[] = [];
    const tree = parseTree(bounded.text, errors, { allowTrailingComma: false, disallowComments: true });
    for (const error of errors) {
      problems.push({
        message: `JSON: ${printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}.`,
        range: { start: Math.min(error.offset, text.length), end: Math.min(error.offset + Math.max(error.length, 1), text.length) },
        severity: 'error',
      });
    }
    if (!tree) return { body, problems: finishProblems(problems, text) };
    if (tree.type !== 'object') {
      reader.problem('A Terraform JSON file must contain one object.', tree);
      return { body, problems: finishProblems(problems, text, reader.overflow) };
    }
    for (const property of tree.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || keyNode.type !== 'string' || keyNode.value === COMMENT_KEY) continue;
      const key = String(keyNode.value);
      const labelCount = options.variablesFile ? undefined : JSON_BLOCK_LABELS[key];
      if (labelCount === undefined) {
        body.attributes.push(reader.attribute(keyNode, valueNode, property));
      } else if (valueNode) {
        reader.blocks(key, rangeOf(keyNode), valueNode, labelCount, [], property, body.blocks);
      }
    }
  } catch (error) {
    problems.push({ message: `Terraform JSON could not be read: ${String(error)}`, range: { start: 0, end: 0 }, severity: 'error' });
  }
  return { body, problems: finishProblems(problems, text, reader.overflow) };
}

function rangeOf(node: JsonNode): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}

class JsonReader {
  /** Problems the template parsers of strings counted but did not keep. */
  overflow = 0;

  /** `tooDeep`: the placeholders boundJsonNesting put for containers nested too deeply (offset -> end). */
  constructor(private readonly text: string, private readonly problems: Problem[], private readonly tooDeep: ReadonlyMap<number, number>) {}

  /** The placeholder of a container nested too deeply: one warning at its opening bracket. */
  private cut(node: JsonNode): OffsetRange | undefined {
    const end = this.tooDeep.get(node.offset);
    if (end === undefined) return undefined;
    this.problems.push(nestedTooDeeply({ start: node.offset, end: node.offset + 1 }, 'JSON: '));
    return { start: node.offset, end };
  }

  problem(message: string, node: JsonNode): void {
    this.problems.push({ message, range: rangeOf(node), severity: 'error' });
  }

  /** Walk `labelsLeft` levels of label objects (or arrays of them) down to block bodies. */
  blocks(type: string, typeRange: OffsetRange, value: JsonNode, labelsLeft: number, labels: HclLabel[], owner: JsonNode, out: HclBlock[]): void {
    if (this.cut(value)) return;
    if (value.type === 'array') {
      for (const element of value.children ?? []) this.blocks(type, typeRange, element, labelsLeft, labels, element, out);
      return;
    }
    if (value.type !== 'object') {
      this.problem(labelsLeft > 0
        ? `Expected an object whose keys are the "${type}" block labels.`
        : `Expected an object (or an array of objects) for the body of the "${type}" block.`, value);
      return;
    }
    if (labelsLeft === 0) {
      out.push(this.block(type, typeRange, labels, value, owner));
      return;
    }
    for (const property of value.children ?? []) {
      const [keyNode, child] = property.children ?? [];
      if (!keyNode || keyNode.type !== 'string' || keyNode.value === COMMENT_KEY) continue;
      const label = { value: String(keyNode.value), range: rangeOf(keyNode) };
      if (!child) continue;
      this.blocks(type, typeRange, child, labelsLeft - 1, [...labels, label], property, out);
    }
  }

  private block(type: string, typeRange: OffsetRange, labels: HclLabel[], object: JsonNode, owner: JsonNode): HclBlock {
    const closed = this.text.charCodeAt(object.offset + object.length - 1) === 125;
    const openBrace = object.offset + 1;
    const closeBrace = closed ? object.offset + object.length - 1 : object.offset + object.length;
    const body: HclBody = { ...this.bodyOf(object), range: { start: openBrace, end: closeBrace } };
    return { type, typeRange, labels, body, range: rangeOf(owner), openBrace, closeBrace };
  }

  private bodyOf(object: JsonNode): { attributes: HclAttribute[]; blocks: HclBlock[] } {
    const attributes: HclAttribute[] = [];
    for (const property of object.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || keyNode.type !== 'string' || keyNode.value === COMMENT_KEY) continue;
      attributes.push(this.attribute(keyNode, valueNode, property));
    }
    return { attributes, blocks: [] };
  }

  attribute(keyNode: JsonNode, valueNode: JsonNode | undefined, property: JsonNode): HclAttribute {
    const nameRange = rangeOf(keyNode);
    const expression: HclExpression = valueNode
      ? this.expression(valueNode)
      : { kind: 'invalid', range: { start: nameRange.end, end: nameRange.end } };
    return { name: String(keyNode.value), nameRange, expression, range: rangeOf(property) };
  }

  expression(node: JsonNode): HclExpression {
    const cut = this.cut(node);
    if (cut) return { kind: 'invalid', range: cut };
    const range = rangeOf(node);
    switch (node.type) {
      case 'string':
        return this.string(node);
      case 'number':
      case 'boolean':
      case 'null':
        return { kind: 'literal', value: node.value as number | boolean | null, range };
      case 'array':
        return { kind: 'tuple', items: (node.children ?? []).map((child) => this.expression(child)), range };
      case 'object': {
        const items: ObjectItem[] = [];
        for (const property of node.children ?? []) {
          const [keyNode, valueNode] = property.children ?? [];
          if (!keyNode || keyNode.type !== 'string') continue;
          const keyRange = rangeOf(keyNode);
          const keyName = String(keyNode.value);
          items.push({
            key: { kind: 'literal', value: keyName, range: keyRange },
            keyName,
            keyRange,
            value: valueNode ? this.expression(valueNode) : { kind: 'invalid', range: { start: keyRange.end, end: keyRange.end } },
            separator: ':',
            range: rangeOf(property),
          });
        }
        return { kind: 'object', items, range };
      }
      default:
        return { kind: 'invalid', range };
    }
  }

  /** A JSON string: a literal, or a template when it holds `${` / `%{` (ranges mapped back through escapes). */
  private string(node: JsonNode): HclExpression {
    const range = rangeOf(node);
    const value = String(node.value);
    if (!value.includes('${') && !value.includes('%{')) return { kind: 'literal', value, range };
    const decoded = decodeWithOffsets(this.text, node);
    if (decoded.value !== value) return { kind: 'literal', value, range };
    const parser = new Parser(decoded.value);
    const template = parseTemplateText(parser, 0, decoded.value.length);
    const map = (r: OffsetRange): OffsetRange => ({ start: decoded.offsets[r.start] ?? range.start, end: decoded.offsets[r.end] ?? range.end });
    for (const problem of parser.problems) this.problems.push({ ...problem, range: map(problem.range) });
    this.overflow += parser.overflow;
    return { ...(remapRanges(template, map) as HclExpression), range };
  }
}

/** Decode a JSON string token, recording for each UTF-16 unit of the result its offset in the text (plus the end). */
function decodeWithOffsets(text: string, node: JsonNode): { value: string; offsets: number[] } {
  const end = node.offset + node.length - (text.charCodeAt(node.offset + node.length - 1) === 34 && node.length > 1 ? 1 : 0);
  let at = node.offset + 1;
  let value = '';
  const offsets: number[] = [];
  while (at < end) {
    const code = text.charCodeAt(at);
    if (code !== 92) {
      value += text[at];
      offsets.push(at);
      at++;
      continue;
    }
    const next = text[at + 1];
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
    if (next in simple) {
      value += simple[next];
      offsets.push(at);
      at += 2;
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
      value += String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16));
      offsets.push(at);
      at += 6;
    } else {
      value += text[at];
      offsets.push(at);
      at++;
    }
  }
  offsets.push(end);
  return { value, offsets };
}

/** Copy of a syntax tree with every `{start, end}` range passed through `map`. */
function remapRanges(node: unknown, map: (range: OffsetRange) => OffsetRange): unknown {
  if (Array.isArray(node)) return node.map((item) => remapRanges(item, map));
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 2 && typeof record.start === 'number' && typeof record.end === 'number') return map(record as unknown as OffsetRange);
  const copy: Record<string, unknown> = {};
  for (const key of keys) copy[key] = remapRanges(record[key], map);
  return copy;
}
