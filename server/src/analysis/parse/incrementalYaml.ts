// Incremental YAML parsing for templates. A template's Resources section is split into one chunk per
// resource (by indentation, at line boundaries), and the text before and after it into two more chunks.
// Each chunk is parsed alone and cached by its text, so an edit re-parses only the resource it touched;
// chunks that merely moved are shifted, not re-parsed. Anything the splitter is not sure about (anchors and
// aliases, several documents, flow-style Resources, odd indentation) falls back to one full parse, which
// gives the same tree.
import type { MapEntry, MapNode, OffsetRange, Problem, ValueNode } from '../types';
import { parseYaml } from './yaml';
import type { ParsedValue } from './yaml';

interface ChunkResult {
  readonly root: ValueNode | undefined;
  readonly problems: readonly Problem[];
}

interface CachedChunk {
  readonly relative: ChunkResult;
  base: number;
  shifted: ChunkResult;
  generation: number;
}

interface Chunk {
  readonly start: number;
  readonly end: number;
}

const FALLBACK_PATTERN = /(^|[\s[{,])[&*][^\s,\]}]|^(---|\.\.\.)\s*$|^%/m;

export class IncrementalYamlParser {
  private readonly chunks = new Map<string, CachedChunk>();
  private generation = 0;

  parse(text: string): ParsedValue {
    const split = FALLBACK_PATTERN.test(text) ? undefined : splitResources(text);
    if (!split) {
      this.chunks.clear();
      return parseYaml(text);
    }
    this.generation++;
    const prefix = this.parseChunk(text, { start: 0, end: split.resourcesStart });
    const suffix = this.parseChunk(text, { start: split.resourcesEnd, end: text.length });
    const resources = split.resources.map((chunk) => this.parseChunk(text, chunk));
    this.evictUnused();

    const single = (result: ChunkResult): MapEntry | undefined =>
      result.root?.kind === 'map' && result.root.entries.length === 1 ? result.root.entries[0] : undefined;
    const resourceEntries = resources.map(single);
    const prefixRoot = prefix.root;
    const suffixRoot = suffix.root;
    const prefixOk = prefixRoot?.kind === 'map' && prefixRoot.entries.at(-1)?.key === 'Resources';
    const suffixOk = suffixRoot === undefined || suffixRoot.kind === 'map';
    if (!prefixOk || !suffixOk || resourceEntries.some((entry) => entry === undefined)) {
      this.chunks.clear();
      return parseYaml(text);
    }
    const entries = resourceEntries as MapEntry[];
    const resourcesMap: MapNode = {
      kind: 'map',
      entries,
      range: { start: entries[0].keyRange.start, end: lastValueEnd(entries) },
    };
    const prefixEntries = (prefixRoot as MapNode).entries;
    const resourcesKey = prefixEntries[prefixEntries.length - 1];
    const rootEntries: MapEntry[] = [
      ...prefixEntries.slice(0, -1),
      { key: resourcesKey.key, keyRange: resourcesKey.keyRange, value: resourcesMap },
      ...(suffixRoot?.kind === 'map' ? suffixRoot.entries : []),
    ];
    const root: MapNode = {
      kind: 'map',
      entries: rootEntries,
      range: { start: (prefixRoot as MapNode).range.start, end: Math.max(resourcesMap.range.end, suffixRoot?.range.end ?? 0) },
    };
    const problems = [prefix, ...resources, suffix].flatMap((result) => result.problems);
    return { root, problems, multipleDocuments: false };
  }

  private parseChunk(text: string, chunk: Chunk): ChunkResult {
    const chunkText = text.slice(chunk.start, chunk.end);
    let cached = this.chunks.get(chunkText);
    if (!cached) {
      const parsed = parseYaml(chunkText);
      const relative = { root: parsed.root, problems: parsed.problems };
      cached = { relative, base: 0, shifted: relative, generation: this.generation };
      this.chunks.set(chunkText, cached);
    }
    cached.generation = this.generation;
    if (cached.base !== chunk.start) {
      cached.base = chunk.start;
      cached.shifted = shiftResult(cached.relative, chunk.start);
    }
    return cached.shifted;
  }

  private evictUnused(): void {
    for (const [key, cached] of this.chunks) if (cached.generation !== this.generation) this.chunks.delete(key);
  }
}

interface ResourceSplit {
  readonly resourcesStart: number;
  readonly resourcesEnd: number;
  readonly resources: readonly Chunk[];
}

/** Finds the top-level `Resources:` block and the line where each resource starts. */
function splitResources(text: string): ResourceSplit | undefined {
  const header = /^Resources[ \t]*:[ \t]*(#.*)?\r?$/m.exec(text);
  if (!header) return undefined;
  const bodyStart = header.index + header[0].length + 1;
  if (bodyStart > text.length) return undefined;
  const starts: number[] = [];
  let childIndent = -1;
  let end = text.length;
  let position = bodyStart;
  while (position < text.length) {
    const newline = text.indexOf('\n', position);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(position, lineEnd);
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (content !== '' && !content.startsWith('#')) {
      if (indent === 0) {
        end = position;
        break;
      }
      if (line[indent - 1] === '\t' || line.slice(0, indent).includes('\t')) return undefined;
      if (childIndent < 0) childIndent = indent;
      if (indent < childIndent) return undefined;
      if (indent === childIndent) {
        if (content.startsWith('-') || content.startsWith('{') || content.startsWith('[')) return undefined;
        starts.push(position);
      }
    }
    position = lineEnd + 1;
  }
  if (starts.length === 0) return undefined;
  const resources = starts.map((start, index) => ({ start, end: index + 1 < starts.length ? starts[index + 1] : end }));
  return { resourcesStart: starts[0], resourcesEnd: end, resources };
}

function lastValueEnd(entries: readonly MapEntry[]): number {
  const last = entries[entries.length - 1];
  return last.value ? last.value.range.end : last.keyRange.end;
}

function shiftResult(result: ChunkResult, delta: number): ChunkResult {
  if (delta === 0) return result;
  return {
    root: result.root && shiftNode(result.root, delta),
    problems: result.problems.map((problem) => ({ ...problem, range: shiftRange(problem.range, delta) })),
  };
}

function shiftRange(range: OffsetRange, delta: number): OffsetRange {
  return { start: range.start + delta, end: range.end + delta };
}

function shiftNode(node: ValueNode, delta: number): ValueNode {
  const range = shiftRange(node.range, delta);
  switch (node.kind) {
    case 'scalar':
      return { kind: 'scalar', value: node.value, range };
    case 'seq':
      return { kind: 'seq', items: node.items.map((item) => shiftNode(item, delta)), range };
    case 'map':
      return {
        kind: 'map',
        range,
        entries: node.entries.map((entry) => ({
          key: entry.key,
          keyRange: shiftRange(entry.keyRange, delta),
          value: entry.value && shiftNode(entry.value, delta),
        })),
      };
    case 'intrinsic':
      return { kind: 'intrinsic', name: node.name, nameRange: shiftRange(node.nameRange, delta), argument: shiftNode(node.argument, delta), range };
    case 'expression':
      return { kind: 'expression', expression: node.expression, range };
  }
}
