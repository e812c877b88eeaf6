// YAML -> value tree, with CloudFormation short-form tags normalised to long-form intrinsic nodes.
// Uses the `yaml` library's parser (never a regex), keeps offsets on keys and values, and never throws.
//
// Three things are done around the library, each keeping every offset of the text unchanged:
// - A lone CR is a line break in YAML (1.1 and 1.2, and so for PyYAML and CloudFormation), but the `yaml`
//   library reads it as an ordinary character, so the parsed text has each lone CR replaced by LF (one
//   character for one: offsets, and the LineIndex lines of the editor, stay the same).
// - The library composes collections recursively (its parser closes several at once recursively too) and
//   overflows the stack near 800 levels; a collection deeper than MAX_NESTING is replaced in the parsed text
//   by an empty placeholder of the same length, read as an unknown value, with one warning at its place.
// - A multi-line single- or double-quoted scalar whose continuation lines are indented like its key (less than
//   YAML 1.2 asks, but PyYAML, and so CloudFormation and cfn-lint, accept it) is read as PyYAML reads it; the
//   library would stop the scalar at the line break and report a missing quote.
import { Alias, Composer, Document, isAlias, isMap, isPair, isScalar, isSeq, Lexer, parseDocument, Parser } from 'yaml';
import type { CST, Node as YamlNode } from 'yaml';
import { finishProblems, MAX_NESTING, nestedTooDeeply, tooDeepNode } from '../limits';
import { normaliseLoneCarriageReturns } from '../text';
import type { MapEntry, MapNode, OffsetRange, Problem, ScalarNode, SeqNode, ValueNode } from '../types';
import { longNameForTag, normaliseLongForm, splitGetAtt } from './intrinsics';

/** Upper bound on nodes built from one document: stops alias bombs and absurd inputs. */
const MAX_NODES = 500_000;

const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false } as const;

export interface ParsedValue {
  readonly root: ValueNode | undefined;
  readonly problems: Problem[];
  /** More than one YAML document in the stream: never a CloudFormation template. */
  readonly multipleDocuments: boolean;
}

/**
 * Parses a YAML template. Never throws: syntax errors are problems (ranges inside the text, floods merged and
 * capped by finishProblems); a value nested more than MAX_NESTING levels deep is an unknown node with one
 * warning at its place, the rest of the document read as usual.
 */
export function parseYaml(text: string): ParsedValue {
  const parsed = parseYamlPart(text, 0);
  return { ...parsed, problems: finishProblems(parsed.problems, text) };
}

/**
 * parseYaml for a part of a document (incrementalYaml.ts): `outerDepth` is how many collection levels enclose
 * the part's top-level mapping in the whole document, so that the nesting bound falls at the same place, and
 * the problems are left unfinished (the caller finishes the problems of all parts together).
 */
export function parseYamlPart(text: string, outerDepth: number): ParsedValue {
  const problems: Problem[] = [];
  let documents: Document.Parsed[];
  let syntax: SyntaxTree;
  try {
    syntax = syntaxTree(normaliseLoneCarriageReturns(text), MAX_NESTING - outerDepth);
    documents = Array.from(new Composer(OPTIONS).compose(syntax.tokens)) as Document.Parsed[];
  } catch (error) {
    problems.push({ message: `YAML could not be parsed: ${String(error)}`, range: { start: 0, end: 0 }, severity: 'error' });
    return { root: undefined, problems, multipleDocuments: false };
  }
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
  const converter = new Converter(text, document, problems, syntax);
  const root = document.contents ? converter.convert(document.contents as YamlNode, outerDepth + 1) : undefined;
  return { root, problems, multipleDocuments: withContent.length > 1 };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function toRange(pos: [number, number] | undefined, length: number): OffsetRange {
  if (!pos) return { start: 0, end: 0 };
  const start = Math.max(0, Math.min(pos[0], length));
  return { start, end: Math.max(start, Math.min(pos[1], length)) };
}

// ---------------------------------------------------------------------------------------------------------------
// The concrete syntax tree, bounded and repaired before it is composed.

interface SyntaxTree {
  readonly tokens: CST.Token[];
  /** Offset of each placeholder that stands for a too-deep collection -> the end of that collection. */
  readonly tooDeep: ReadonlyMap<number, number>;
  /** Offset of each repaired multi-line quoted scalar -> its value as PyYAML reads it. */
  readonly repaired: ReadonlyMap<number, string>;
}

/** Readings of the text to bound it; past that many, the rest of the text after the last deep place is left unread. */
const MAX_BOUNDING_PASSES = 4;

/** Tokens of `text` with collections deeper than `maxDepth` replaced, and under-indented quoted scalars repaired. */
function syntaxTree(text: string, maxDepth: number): SyntaxTree {
  let tooDeep = new Map<number, number>();
  const first = boundedTokens(text, maxDepth, tooDeep);
  let tokens = first.tokens;
  let source = first.source;
  const repairs: QuoteRepair[] = [];
  for (const offset of unclosedQuotes(tokens).sort((a, b) => a - b)) {
    const repair = underIndentedQuote(first.source, offset);
    if (repair && repair.start >= (repairs[repairs.length - 1]?.end ?? 0)) repairs.push(repair);
  }
  const repaired = new Map<number, string>();
  if (repairs.length > 0) {
    // The scalar's line breaks become spaces (same length) so that the library reads it whole; its value is
    // then taken from the library reading the scalar alone, where the indentation of its lines does not matter.
    let joinedText = '';
    let at = 0;
    for (const repair of repairs) {
      joinedText += first.source.slice(at, repair.start) + first.source.slice(repair.start, repair.end).replace(/[\r\n]/g, ' ');
      at = repair.end;
    }
    joinedText += first.source.slice(at);
    const joinedDeep = new Map(tooDeep);
    const joined = boundedTokens(joinedText, maxDepth, joinedDeep);
    const closed = new Set(closedQuotes(joined.tokens));
    if (repairs.every((repair) => closed.has(repair.start))) {
      tokens = joined.tokens;
      tooDeep = joinedDeep;
      source = joined.source;
      for (const repair of repairs) repaired.set(repair.start, repair.value);
    }
  }
  // Flow collections continued on lines indented no more than the line they start on: PyYAML reads them (it
  // checks no indentation inside a flow collection), the library stops at such a line. Their line breaks
  // become spaces (same length), where that changes no value: each break follows `[`, `{` or `,`, or precedes
  // `]`, `}` or `,`, and no comment or multi-line quoted scalar is inside.
  const flows = blockFlowCollections(tokens).map((start) => underIndentedFlow(source, start)).filter((flow): flow is { start: number; end: number } => flow !== undefined);
  if (flows.length > 0) {
    let joinedText = '';
    let at = 0;
    for (const flow of flows.sort((a, b) => a.start - b.start)) {
      if (flow.start < at) continue;
      joinedText += source.slice(at, flow.start) + source.slice(flow.start, flow.end).replace(/[\r\n]/g, ' ');
      at = flow.end;
    }
    joinedText += source.slice(at);
    const joinedDeep = new Map(tooDeep);
    const joined = boundedTokens(joinedText, maxDepth, joinedDeep);
    tokens = joined.tokens;
    tooDeep = joinedDeep;
  }
  return { tokens, tooDeep, repaired };
}

/** Offsets of the flow collections of the tree that sit in block context (the outermost of each flow). */
function blockFlowCollections(tokens: readonly CST.Token[]): number[] {
  const found: number[] = [];
  const pending: CST.Token[] = [];
  for (const token of tokens) if (token.type === 'document' && token.value) pending.push(token.value);
  for (let token = pending.pop(); token; token = pending.pop()) {
    if (token.type === 'flow-collection') found.push(token.offset);
    else if (token.type === 'block-map' || token.type === 'block-seq') {
      for (const item of token.items) {
        if (item.value) pending.push(item.value);
        if ('key' in item && item.key) pending.push(item.key);
      }
    }
  }
  return found;
}

/** The flow collection opening at `start` when it can be joined onto one line (see syntaxTree), else undefined. */
function underIndentedFlow(text: string, start: number): { start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = leadingSpaces(text, lineStart);
  let depth = 0;
  let under = false;
  let currentLine = lineStart;
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (char === '"' || char === "'") {
      const close = closingQuote(text, at);
      if (close < 0 || text.slice(at, close).includes('\n')) return undefined;
      at = close;
    } else if (char === '#' && /\s/.test(text[at - 1] ?? '')) {
      return undefined;
    } else if (char === '[' || char === '{') {
      depth++;
    } else if (char === ']' || char === '}') {
      depth--;
      if (depth === 0) return under ? { start, end: at + 1 } : undefined;
    } else if (char === '\n') {
      const before = text.slice(currentLine, at).replace(/[ \t\r]+$/, '');
      const next = at + 1;
      currentLine = next;
      const after = text.slice(next).replace(/^[ \t\r]*/, '');
      if (!/[[{,]$/.test(before) && !/^[\]},]/.test(after)) return undefined;
      if (/^(---|\.\.\.)(\s|$)/.test(text.slice(next))) return undefined;
      const lineText = text.slice(next, text.indexOf('\n', next) < 0 ? text.length : text.indexOf('\n', next));
      if (lineText.trim() !== '' && leadingSpaces(text, next) <= indent) under = true;
    }
  }
  return undefined;
}

/**
 * The library's concrete syntax tree, with no collection deeper than `maxDepth` (a document's top value is depth
 * 1). The library's parser keeps the open collections on a stack (the document first), and its composer recurses
 * once per level, so the parser is fed one token at a time and every collection that opens at depth maxDepth + 1
 * is noted; each is then replaced in the text (one character for one: `[]` and spaces, line breaks kept) and the
 * text read again, which finds nothing more unless the text-level end of a replaced collection was wrong.
 * The parser also closes many block collections at once by recursion, which overflows near 2,000 levels: then
 * the places noted so far are replaced first. `tooDeep` gets each replaced collection's offset and end.
 */
function boundedTokens(text: string, maxDepth: number, tooDeep: Map<number, number>): { tokens: CST.Token[]; source: string } {
  let source = text;
  for (let pass = 1; ; pass++) {
    // Each pass replaces at least one collection, and the last possible one the rest of the text: never reached.
    if (pass > MAX_BOUNDING_PASSES + 1) throw new Error('the depth bound did not converge');
    const parser = new Parser();
    const tokens: CST.Token[] = [];
    const starts: number[] = [];
    let deepest: CST.Token | undefined;
    try {
      for (const lexeme of new Lexer().lex(source)) {
        for (const token of parser.next(lexeme)) tokens.push(token);
        // stack[0] is the document, stack[1..] the open collections (a scalar may sit on top).
        // A placeholder put by an earlier pass is at that depth too, and empty: it is not noted again.
        const candidate = parser.stack[maxDepth + 1];
        if (candidate && candidate !== deepest && isCollectionToken(candidate) && !tooDeep.has(candidate.offset)) {
          deepest = candidate;
          starts.push(candidate.offset);
        }
      }
      if (starts.length === 0) {
        for (const token of parser.end()) tokens.push(token);
        return { tokens, source };
      }
    } catch (error) {
      if (starts.length === 0) throw error;
    }
    let replacedTo = -1;
    for (const start of starts) {
      if (start < replacedTo) continue; // inside a collection replaced already
      const end = pass < MAX_BOUNDING_PASSES ? collectionEnd(source, start) : source.length;
      tooDeep.set(start, trimmedEnd(source, start, end));
      source = source.slice(0, start) + placeholderText(source.slice(start, end)) + source.slice(end);
      replacedTo = end;
    }
  }
}

function isCollectionToken(token: CST.Token): boolean {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}

/**
 * Where the collection starting at `at` ends, read from the text alone: a flow collection at its closing bracket,
 * and any collection before the next line (not blank, not a comment) indented less than it (a block
 * collection's column) or not more than the line it starts on (a flow collection), as the library reads them.
 */
function collectionEnd(text: string, at: number): number {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const flow = text[at] === '[' || text[at] === '{';
  const limit = flow ? leadingSpaces(text, lineStart) + 1 : at - lineStart;
  let end = text.length;
  for (let newline = text.indexOf('\n', at); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
    const next = newline + 1;
    const indent = leadingSpaces(text, next);
    const first = text[next + indent];
    if (first === undefined || first === '\n' || first === '\r' || first === '#') continue;
    if (indent < limit) {
      end = newline;
      break;
    }
  }
  if (!flow) return end;
  const close = closingBracket(text, at, end);
  return close >= 0 ? close + 1 : end;
}

/** Offset of the bracket that closes the flow collection opening at `at`, before `limit`; -1 when it is not closed. */
function closingBracket(text: string, at: number, limit: number): number {
  let depth = 0;
  for (let index = at; index < limit; index++) {
    const char = text[index];
    if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') {
      if (--depth === 0) return index;
    } else if (char === "'" || char === '"') {
      const close = closingQuote(text, index);
      if (close < 0 || close >= limit) return -1;
      index = close;
    } else if (char === '#' && /\s/.test(text[index - 1] ?? ' ')) {
      const lineEnd = text.indexOf('\n', index);
      if (lineEnd < 0) return -1;
      index = lineEnd;
    }
  }
  return -1;
}

/** Same length: an empty flow sequence (a null `~` for one character), every other character but line breaks a space. */
function placeholderText(region: string): string {
  const head = region.length >= 2 ? '[]' : '~';
  return head + region.slice(head.length).replace(/[^\r\n]/g, ' ');
}

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start + 1 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Offsets of the quoted scalars of the tree, closed or not, in block context (not inside a flow collection). */
function quotedScalars(tokens: readonly CST.Token[]): { closed: number[]; unclosed: number[] } {
  const closed: number[] = [];
  const unclosed: number[] = [];
  const pending: { token: CST.Token; flow: boolean }[] = [];
  for (const token of tokens) if (token.type === 'document' && token.value) pending.push({ token: token.value, flow: false });
  for (let slot = pending.pop(); slot; slot = pending.pop()) {
    const { token, flow } = slot;
    if (token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar') {
      if (isClosedQuote(token.source)) closed.push(token.offset);
      else if (!flow) unclosed.push(token.offset);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      const inFlow = flow || token.type === 'flow-collection';
      for (const item of token.items) {
        if (item.value) pending.push({ token: item.value, flow: inFlow });
        if ('key' in item && item.key) pending.push({ token: item.key, flow: inFlow });
      }
    }
  }
  return { closed, unclosed };
}

function unclosedQuotes(tokens: readonly CST.Token[]): number[] {
  return quotedScalars(tokens).unclosed;
}

function closedQuotes(tokens: readonly CST.Token[]): number[] {
  return quotedScalars(tokens).closed;
}

/** True when a quoted scalar's source ends with its closing quote (escaped quotes are not closing ones). */
function isClosedQuote(source: string): boolean {
  const close = closingQuote(source, 0);
  return close === source.length - 1;
}

/** Offset of the quote that closes the scalar opening at `start`, or -1. Single quotes escape as '', double as \". */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let at = start + 1; at < text.length; at++) {
    const char = text[at];
    if (quote === '"' && char === '\\') at++;
    else if (char === quote) {
      if (quote === "'" && text[at + 1] === "'") at++;
      else return at;
    }
  }
  return -1;
}

interface QuoteRepair {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/**
 * The one pattern accepted beyond YAML 1.2: a quoted scalar in block context, closed on a later line, whose
 * continuation lines are indented less than YAML 1.2 asks (as far as its key or its `-`, less, not at all, or
 * with tabs), with no document marker (`---` or `...` at the start of a line) among them and nothing but a
 * comment after the closing quote. PyYAML's scanner never looks at the indentation inside a quoted scalar (only
 * at document markers), so it, and so CloudFormation and cfn-lint, reads it as if the lines were indented more
 * (line breaks folded as usual). Anything else keeps the library's error.
 */
function underIndentedQuote(text: string, start: number): QuoteRepair | undefined {
  const close = closingQuote(text, start);
  if (close < 0) return undefined;
  let at = text.indexOf('\n', start);
  if (at < 0 || at > close) return undefined;
  while (at >= 0 && at < close) {
    const next = at + 1;
    const lineEnd = text.indexOf('\n', next);
    const line = text.slice(next, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
    if (/^(---|\.\.\.)([ \t]|$)/.test(line)) return undefined;
    at = lineEnd;
  }
  const restEnd = text.indexOf('\n', close);
  const rest = text.slice(close + 1, restEnd < 0 ? text.length : restEnd);
  if (!/^[ \t]*(#.*)?\r?$/.test(rest)) return undefined;
  // The library reads the scalar alone as a list item with its continuation lines indented: PyYAML's value.
  const source = text.slice(start, close + 1);
  const alone = parseDocument(`- ${source.replace(/\r?\n/g, '\n  ')}\n`, OPTIONS);
  const item = isSeq(alone.contents) ? alone.contents.items[0] : undefined;
  if (alone.errors.length > 0 || !isScalar(item) || typeof item.value !== 'string') return undefined;
  return { start, end: close + 1, value: item.value };
}

function leadingSpaces(text: string, from: number): number {
  let at = from;
  while (text.charCodeAt(at) === 32) at++;
  return at - from;
}

class Converter {
  private nodeCount = 0;
  private budgetReported = false;
  private readonly aliasStack: Alias[] = [];
  private readonly resolved = new Map<Alias, YamlNode | undefined>();
  private readonly reportedTooDeep = new Set<number>();

  constructor(
    private readonly text: string,
    private readonly document: Document.Parsed,
    private readonly problems: Problem[],
    private readonly syntax: SyntaxTree,
  ) {}

  /** `depth` is the node's level in the whole document (its top value is 1); aliases count where they expand. */
  convert(node: YamlNode | null | undefined, depth: number): ValueNode | undefined {
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
    const tooDeep = this.tooDeep(node, depth);
    if (tooDeep) return tooDeep;
    if (isAlias(node)) return this.convertAlias(node, depth);
    const plain = this.convertUntagged(node, depth);
    if (plain === undefined) return undefined;
    const tag = node.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) return this.applyTag(tag, plain);
    return plain;
  }

  /**
   * The unknown node for a collection left unread: a placeholder of the syntax tree, or a collection that an
   * alias brings deeper than MAX_NESTING. One warning per place: the alias for an expansion, else the collection.
   */
  private tooDeep(node: YamlNode, depth: number): ValueNode | undefined {
    const start = node.range?.[0];
    const placeholder = (isSeq(node) && node.flow === true && node.items.length === 0) || (isScalar(node) && node.value === null);
    const cutEnd = start !== undefined && placeholder ? this.syntax.tooDeep.get(start) : undefined;
    if (cutEnd === undefined && !(depth > MAX_NESTING && (isMap(node) || isSeq(node)))) return undefined;
    const range = cutEnd !== undefined && start !== undefined ? { start, end: cutEnd } : this.rangeOf(node);
    const place = this.aliasStack.length > 0 ? this.rangeOf(this.aliasStack[0]) : { start: range.start, end: Math.min(range.start + 1, range.end) };
    if (!this.reportedTooDeep.has(place.start)) {
      this.reportedTooDeep.add(place.start);
      this.problems.push(nestedTooDeeply(place, 'YAML: '));
    }
    return tooDeepNode(range);
  }

  /** `Alias.resolve` walks the document: each alias is resolved once, however often an expansion meets it. */
  private resolveAlias(alias: Alias): YamlNode | undefined {
    if (!this.resolved.has(alias)) this.resolved.set(alias, alias.resolve(this.document) as YamlNode | undefined);
    return this.resolved.get(alias);
  }

  private convertAlias(alias: Alias, depth: number): ValueNode | undefined {
    if (this.aliasStack.includes(alias)) return undefined;
    const target = this.resolveAlias(alias);
    if (!target) {
      this.problems.push({ message: `YAML: unknown alias *${alias.source}`, range: this.rangeOf(alias), severity: 'error' });
      return undefined;
    }
    this.aliasStack.push(alias);
    try {
      return this.convert(target as YamlNode, depth);
    } finally {
      this.aliasStack.pop();
    }
  }

  private convertUntagged(node: YamlNode, depth: number): ValueNode | undefined {
    const range = this.rangeOf(node);
    if (isScalar(node)) {
      const raw = this.syntax.repaired.get(range.start) ?? node.value;
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
          merged = [...(merged ?? []), ...this.mergedEntries(pair.value as YamlNode | null, keyNode, depth)];
          continue;
        }
        entries.push({ key, keyRange: this.rangeOf(keyNode), value: this.convert(pair.value as YamlNode | null, depth + 1) });
      }
      if (merged) entries.splice(mergeAt, 0, ...inherited(merged, entries));
      const map: MapNode = { kind: 'map', entries, range };
      return normaliseLongForm(map);
    }
    if (isSeq(node)) {
      const items: ValueNode[] = [];
      for (const item of node.items) {
        const converted = this.convert(item as YamlNode | null, depth + 1);
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
  private mergedEntries(value: YamlNode | null, keyNode: YamlNode, depth: number): MapEntry[] {
    const sources = value !== null && isSeq(value) ? [...value.items].reverse() as (YamlNode | null)[] : [value];
    const entries: MapEntry[] = [];
    for (const source of sources) {
      const written = source !== null && isAlias(source) ? this.resolveAlias(source) : source;
      // The merged mapping's entries become entries of the mapping at `depth`: it is read at that level.
      const converted = written && isMap(written) ? this.convert(source, depth) : undefined;
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
