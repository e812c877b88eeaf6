// Incremental YAML parsing for templates. A template's Resources section is split into one chunk per
// resource (by indentation, at line boundaries), and the text before and after it into two more chunks.
// Each chunk is parsed alone and cached by its text, so an edit re-parses only the resource it touched;
// chunks that merely moved are shifted, not re-parsed. Anything the splitter is not sure about (anchors and
// aliases, document markers, flow-style Resources, odd indentation) falls back to one full parse.
//
// One result for one text, whichever path computes it (the editor's cached chunks or the CLI's single parse):
// - the text splits and every chunk parses without an error: the chunks' tree, which is the whole document's
//   (test/unit/parse.test.ts and test/unit/agreement.test.ts check it);
// - it splits, a chunk has an error and the whole document has none: the whole document (the split was wrong);
// - it splits and both have errors: the chunks' tree, so the error stays inside the resource it is in and the
//   other resources are read as written (the YAML library's own recovery can swallow the resources after an
//   error into the broken one: with `Broken: oops` before an indented map, every later resource is lost);
// - it does not split: the whole document, errors and all.
// `parseTemplateYaml` computes it in one go; `IncrementalYamlParser` with chunks kept between edits.
// The chunks' problems are finished (merged, capped) together, as a whole parse finishes its own; each chunk is
// bounded in depth at the level it has in the whole document; lone CRs are line breaks here as in parseYaml.
import { finishProblems } from '../limits';
import { normaliseLoneCarriageReturns } from '../text';
import type { MapEntry, MapNode, OffsetRange, Problem, ValueNode } from '../types';
import { parseYaml, parseYamlPart } from './yaml';
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

// Anchors and aliases (a chunk may use an anchor of another), any document marker line (a second document,
// even with content after the marker), directives, and the characters a regular expression takes for line
// breaks although YAML does not (U+2028, U+2029: the splitter would not see the lines YAML sees).
const FALLBACK_PATTERN = /(^|[\s[{,])[&*][^\s,\]}]|^(---|\.\.\.)(?=\s|$)|^%|[\u2028\u2029]/m;

/** The chunks of a template, or undefined when it must be parsed whole. */
function splitOf(text: string): ResourceSplit | undefined {
  return FALLBACK_PATTERN.test(text) ? undefined : splitResources(text);
}

function hasErrors(result: { readonly problems: readonly Problem[] }): boolean {
  return result.problems.some((problem) => problem.severity === 'error');
}

/**
 * A template's YAML as the module comment says, parsed in one go (the CLI's path): the whole document first
 * (one parse is the fastest way to read a valid file), the chunks only when it has an error.
 */
export function parseTemplateYaml(original: string): ParsedValue {
  // Offsets stay valid: the replacement is one character for one (see parseYaml).
  const text = normaliseLoneCarriageReturns(original);
  const whole = parseYaml(text);
  if (!hasErrors(whole)) return whole;
  const split = splitOf(text);
  return (split && assemble(text, split, (chunk, outerDepth) => parseChunkText(text, chunk, outerDepth))) ?? whole;
}

export class IncrementalYamlParser {
  private readonly chunks = new Map<string, CachedChunk>();
  private generation = 0;

  /** The same result as `parseTemplateYaml(text)`, re-parsing only the chunks that changed since the last call. */
  parse(original: string): ParsedValue {
    const text = normaliseLoneCarriageReturns(original);
    const split = splitOf(text);
    if (!split) {
      this.chunks.clear();
      return parseYaml(text);
    }
    this.generation++;
    const chunked = assemble(text, split, (chunk, outerDepth) => this.parseChunk(text, chunk, outerDepth));
    this.evictUnused();
    if (!chunked) {
      this.chunks.clear();
      return parseYaml(text);
    }
    if (!hasErrors(chunked)) return chunked;
    // An error in a chunk may be one the whole document does not have (a construct spanning chunks): the whole
    // document decides whether the text is valid.
    const whole = parseYaml(text);
    return hasErrors(whole) ? chunked : whole;
  }

  private parseChunk(text: string, chunk: Chunk, outerDepth: number): ChunkResult {
    const chunkText = text.slice(chunk.start, chunk.end);
    const key = `${outerDepth}:${chunkText}`;
    let cached = this.chunks.get(key);
    if (!cached) {
      const relative = parseChunkText(chunkText, { start: 0, end: chunkText.length }, outerDepth);
      cached = { relative, base: 0, shifted: relative, generation: this.generation };
      this.chunks.set(key, cached);
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

/**
 * One chunk parsed alone, with offsets in `text`; `outerDepth` levels enclose its top mapping in the document.
 * Its problems are left unfinished: assemble finishes those of all chunks together.
 */
function parseChunkText(text: string, chunk: Chunk, outerDepth: number): ChunkResult {
  const parsed = parseYamlPart(text.slice(chunk.start, chunk.end), outerDepth);
  return shiftResult({ root: parsed.root, problems: parsed.problems }, chunk.start);
}

/**
 * The template's tree from its chunks: the prefix (ending with the Resources key), one single-entry mapping per
 * resource, the suffix. Undefined when the chunks do not have that shape (the split guessed wrong).
 */
function assemble(text: string, split: ResourceSplit, parseChunk: (chunk: Chunk, outerDepth: number) => ChunkResult): ParsedValue | undefined {
  const prefix = parseChunk({ start: 0, end: split.resourcesStart }, 0);
  const suffix = parseChunk({ start: split.resourcesEnd, end: split.length }, 0);
  // A resource chunk's mapping is the value of Resources: one level below the document's top mapping.
  const resources = split.resources.map((chunk) => parseChunk(chunk, 1));
  const single = (result: ChunkResult): MapEntry | undefined =>
    result.root?.kind === 'map' && result.root.entries.length === 1 ? result.root.entries[0] : undefined;
  const resourceEntries = resources.map(single);
  const prefixRoot = prefix.root;
  const suffixRoot = suffix.root;
  if (prefixRoot?.kind !== 'map' || prefixRoot.entries.at(-1)?.key !== 'Resources') return undefined;
  if (suffixRoot !== undefined && suffixRoot.kind !== 'map') return undefined;
  if (resourceEntries.some((entry) => entry === undefined)) return undefined;
  const entries = resourceEntries as MapEntry[];
  const resourcesMap: MapNode = {
    kind: 'map',
    entries,
    range: { start: entries[0].keyRange.start, end: lastValueEnd(entries) },
  };
  const prefixEntries = prefixRoot.entries;
  const resourcesKey = prefixEntries[prefixEntries.length - 1];
  const rootEntries: MapEntry[] = [
    ...prefixEntries.slice(0, -1),
    { key: resourcesKey.key, keyRange: resourcesKey.keyRange, value: resourcesMap },
    ...(suffixRoot?.kind === 'map' ? suffixRoot.entries : []),
  ];
  const root: MapNode = {
    kind: 'map',
    entries: rootEntries,
    range: { start: prefixRoot.range.start, end: Math.max(resourcesMap.range.end, suffixRoot?.range.end ?? 0) },
  };
  const problems = finishProblems([prefix, ...resources, suffix].flatMap((result) => result.problems), text);
  return { root, problems, multipleDocuments: false };
}

interface ResourceSplit {
  /** The length of the whole text. */
  readonly length: number;
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
  return { length: text.length, resourcesStart: starts[0], resourcesEnd: end, resources };
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
