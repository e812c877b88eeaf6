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
  private readonly resolved = new Map<Alias, YamlNode | undefined>();

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

  /** `Alias.resolve` walks the document: each alias is resolved once, however often an expansion meets it. */
  private resolveAlias(alias: Alias): YamlNode | undefined {
    if (!this.resolved.has(alias)) this.resolved.set(alias, alias.resolve(this.document) as YamlNode | undefined);
    return this.resolved.get(alias);
  }

  private convertAlias(alias: Alias): ValueNode | undefined {
    if (this.aliasStack.includes(alias)) return undefined;
    const target = this.resolveAlias(alias);
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
      // YAML 1.1 merge keys (`<<: *anchor`, `<<: [*a, *b]`), applied as the deployment tools' YAML loader
      // (PyYAML in `aws cloudformation package` and `sam`) applies them: inherited entries first, later merge
      // keys over earlier ones, in a list the first mapping wins, and a key written in the mapping wins over all.
      let merged: MapEntry[] | undefined;
      let mergeAt = -1;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        if (keyNode === null || keyNode === undefined) continue;
        const key = isScalar(keyNode) ? String(keyNode.value ?? '') : undefined;
        if (key === undefined) continue; // complex keys never occur in templates
        if (isMergeKey(keyNode)) {
          if (mergeAt < 0) mergeAt = entries.length;
          merged = [...(merged ?? []), ...this.mergedEntries(pair.value as YamlNode | null, keyNode)];
          continue;
        }
        entries.push({ key, keyRange: this.rangeOf(keyNode), value: this.convert(pair.value as YamlNode | null) });
      }
      if (merged) entries.splice(mergeAt, 0, ...inherited(merged, entries));
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

  /**
   * The entries one merge key brings, in PyYAML's order (later ones override earlier ones): a mapping's
   * entries, or for a list of mappings the last mapping's first, so that the first mapping of the list wins.
   * Each mapping is converted first, so merges nested in it are already applied.
   */
  private mergedEntries(value: YamlNode | null, keyNode: YamlNode): MapEntry[] {
    const sources = value !== null && isSeq(value) ? [...value.items].reverse() as (YamlNode | null)[] : [value];
    const entries: MapEntry[] = [];
    for (const source of sources) {
      const written = source !== null && isAlias(source) ? this.resolveAlias(source) : source;
      const converted = written && isMap(written) ? this.convert(source) : undefined;
      const map = converted ? asMapping(converted) : undefined;
      if (!map) {
        this.problems.push({
          message: 'YAML: the merge key << takes a mapping or a list of mappings (the deployment tools reject this template)',
          range: source ? this.rangeOf(source) : this.rangeOf(keyNode),
          severity: 'error',
        });
        continue;
      }
      entries.push(...map.entries);
    }
    return entries;
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
    // Block scalars (`|`, `>`) end after their last line break, and a block collection followed by comments ends
    // at the indentation of the next key: a diagnostic should stop at the text, and a collection must end at the
    // same place whether the next key is there or not (parsed alone, a resource's chunk has none).
    let end = range[1];
    while (end > range[0] && /[\n\r \t]/.test(this.text[end - 1])) end--;
    return { start: range[0], end };
  }
}

/** A plain (unquoted) `<<` key, or one tagged `!!merge`: a quoted '<<' stays an ordinary key, as in YAML 1.1. */
function isMergeKey(keyNode: YamlNode): boolean {
  if (!isScalar(keyNode)) return false;
  if (keyNode.tag === 'tag:yaml.org,2002:merge') return true;
  return keyNode.value === '<<' && keyNode.type === 'PLAIN' && !keyNode.tag;
}

/** A merged mapping's value; a one-key mapping the converter read as a long-form intrinsic is one too. */
function asMapping(node: ValueNode): MapNode | undefined {
  if (node.kind === 'map') return node;
  if (node.kind === 'intrinsic') {
    return { kind: 'map', entries: [{ key: node.name, keyRange: node.nameRange, value: node.argument }], range: node.range };
  }
  return undefined;
}

/** The merged entries a mapping keeps: not overridden by one of its own keys, the last of each key. */
function inherited(merged: readonly MapEntry[], own: readonly MapEntry[]): MapEntry[] {
  const ownKeys = new Set(own.map((entry) => entry.key));
  const last = new Map<string, MapEntry>();
  for (const entry of merged) {
    if (ownKeys.has(entry.key)) continue;
    last.delete(entry.key);
    last.set(entry.key, entry);
  }
  return [...last.values()];
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
