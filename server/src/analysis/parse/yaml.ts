// YAML -> value tree, with CloudFormation short-form tags normalised to long-form intrinsic nodes.
// Uses the `yaml` library's parser (never a regex), keeps offsets on keys and values, and never throws.
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { MapEntry, MapNode, OffsetRange, Problem, ScalarNode, SeqNode, ValueNode } from '../types';
import { longNameForTag, normaliseLongForm } from './intrinsics';

/** Upper bound on nodes built from one document: stops alias bombs and absurd inputs. */
const MAX_NODES = 500_000;

export interface ParsedValue {
  readonly root: ValueNode | undefined;
  readonly problems: Problem[];
  /** More than one YAML document in the stream: never a CloudFormation template. */
  readonly multipleDocuments: boolean;
}

export function parseYaml(text: string): ParsedValue {
  const problems: Problem[] = [];
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, strict: false }) as Document.Parsed[];
  } catch (error) {
    problems.push({ message: `YAML could not be parsed: ${String(error)}`, range: { start: 0, end: 0 }, severity: 'error' });
    return { root: undefined, problems, multipleDocuments: false };
  }
  if (!Array.isArray(documents)) documents = [documents as unknown as Document.Parsed];
  const withContent = documents.filter((doc) => doc.contents !== null);
  const document = withContent[0] ?? documents[0];
  if (!document) return { root: undefined, problems, multipleDocuments: false };

  for (const error of document.errors) {
    problems.push({ message: `YAML: ${firstLine(error.message)}`, range: toRange(error.pos, text.length), severity: 'error' });
  }
  for (const warning of document.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // tags are checked (and unknown ones reported) by the converter
    problems.push({ message: `YAML: ${firstLine(warning.message)}`, range: toRange(warning.pos, text.length), severity: 'warning' });
  }
  const converter = new Converter(text, document, problems);
  const root = document.contents ? converter.convert(document.contents as YamlNode) : undefined;
  return { root, problems, multipleDocuments: withContent.length > 1 };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function toRange(pos: [number, number] | undefined, length: number): OffsetRange {
  if (!pos) return { start: 0, end: 0 };
  return { start: Math.min(pos[0], length), end: Math.min(Math.max(pos[1], pos[0]), length) };
}

class Converter {
  private nodeCount = 0;
  private budgetReported = false;
  private readonly aliasStack: Alias[] = [];

  constructor(
    private readonly text: string,
    private readonly document: Document.Parsed,
    private readonly problems: Problem[],
  ) {}

  convert(node: YamlNode | null | undefined): ValueNode | undefined {
    if (node === null || node === undefined) return undefined;
    if (++this.nodeCount > MAX_NODES) {
      if (!this.budgetReported) {
        this.budgetReported = true;
        this.problems.push({
          message: `The document expands to more than ${MAX_NODES} values (alias bomb or huge file); the rest is not analysed.`,
          range: this.rangeOf(node),
          severity: 'error',
        });
      }
      return undefined;
    }
    if (isAlias(node)) return this.convertAlias(node);
    const plain = this.convertUntagged(node);
    if (plain === undefined) return undefined;
    const tag = node.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) return this.applyTag(tag, plain);
    return plain;
  }

  private convertAlias(alias: Alias): ValueNode | undefined {
    if (this.aliasStack.includes(alias)) return undefined;
    const target = alias.resolve(this.document);
    if (!target) {
      this.problems.push({ message: `YAML: unknown alias *${alias.source}`, range: this.rangeOf(alias), severity: 'error' });
      return undefined;
    }
    this.aliasStack.push(alias);
    try {
      return this.convert(target as YamlNode);
    } finally {
      this.aliasStack.pop();
    }
  }

  private convertUntagged(node: YamlNode): ValueNode | undefined {
    const range = this.rangeOf(node);
    if (isScalar(node)) {
      const raw = node.value;
      const value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw === null
        ? raw
        : typeof raw === 'bigint' ? Number(raw) : String(raw);
      const scalar: ScalarNode = { kind: 'scalar', value, range };
      return scalar;
    }
    if (isMap(node)) {
      const entries: MapEntry[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        if (keyNode === null || keyNode === undefined) continue;
        const key = isScalar(keyNode) ? String(keyNode.value ?? '') : undefined;
        if (key === undefined) continue; // complex keys never occur in templates
        entries.push({ key, keyRange: this.rangeOf(keyNode), value: this.convert(pair.value as YamlNode | null) });
      }
      const map: MapNode = { kind: 'map', entries, range };
      return normaliseLongForm(map);
    }
    if (isSeq(node)) {
      const items: ValueNode[] = [];
      for (const item of node.items) {
        const converted = this.convert(item as YamlNode | null);
        if (converted) items.push(converted);
      }
      const seq: SeqNode = { kind: 'seq', items, range };
      return seq;
    }
    return undefined;
  }

  private applyTag(tag: string, value: ValueNode): ValueNode {
    const name = longNameForTag(tag);
    if (name === undefined) {
      this.problems.push({ message: `Unknown tag ${tag}`, range: value.range, severity: 'warning' });
      return value;
    }
    const tagStart = this.findTag(tag, value.range.start);
    const nameRange = { start: tagStart, end: tagStart + tag.length };
    const range = { start: Math.min(tagStart, value.range.start), end: value.range.end };
    let argument = value;
    if (name === 'Fn::GetAtt' && value.kind === 'scalar' && typeof value.value === 'string') {
      argument = splitGetAtt(value.value, value.range);
    }
    return { kind: 'intrinsic', name, nameRange, argument, range };
  }

  /** The tag sits before the value, separated only by white space (or a line break for block values). */
  private findTag(tag: string, valueStart: number): number {
    const found = this.text.lastIndexOf(tag, valueStart);
    if (found < 0) return valueStart;
    const between = this.text.slice(found + tag.length, valueStart);
    return /^\s*$/.test(between) ? found : valueStart;
  }

  private rangeOf(node: YamlNode): OffsetRange {
    const range = node.range;
    if (!range) return { start: 0, end: 0 };
    // Block scalars (`|`, `>`) end after their last line break; a diagnostic should stop at the text.
    let end = range[1];
    while (end > range[0] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return { start: range[0], end };
  }
}

/** `!GetAtt Resource.Attribute.Part` -> [Resource, Attribute.Part], with ranges inside the scalar. */
function splitGetAtt(value: string, range: OffsetRange): SeqNode {
  const dot = value.indexOf('.');
  const quoteOffset = range.end - range.start > value.length ? 1 : 0;
  const start = range.start + quoteOffset;
  if (dot < 0) {
    return { kind: 'seq', items: [{ kind: 'scalar', value, range }], range };
  }
  return {
    kind: 'seq',
    items: [
      { kind: 'scalar', value: value.slice(0, dot), range: { start, end: start + dot } },
      { kind: 'scalar', value: value.slice(dot + 1), range: { start: start + dot + 1, end: start + value.length } },
    ],
    range,
  };
}
