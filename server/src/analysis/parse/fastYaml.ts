// A fast path for the YAML most templates are written in: block mappings and sequences, one-line plain, quoted
// and flow values, literal and folded block scalars, comments and CloudFormation short-form tags, lines ending
// with LF or CRLF. It builds the same value tree as the `yaml` library path (./yaml.ts), offsets included, about
// fifteen times faster, and declines (returns undefined) on anything else or on any doubt: anchors and aliases,
// merge keys, several documents, directives, tabs, lone CRs, multi-line plain or quoted scalars, multi-line flow
// collections, explicit keys, unknown tags, empty nodes where the library's position rules are subtle, and every
// input the library would report a problem for. A declined text is parsed by the library, so the fast path can
// only change speed. test/unit/fast-yaml.test.ts compares the two on the shared corpus, every example and fixture,
// generated templates and seeded mutations of them.
import { MAX_NESTING } from '../limits';
import type { MapEntry, MapNode, OffsetRange, ScalarNode, ScalarValue, SeqNode, ValueNode } from '../types';
import { longNameForTag, normaliseLongForm, splitGetAtt } from './intrinsics';

/** Nodes built before the fast path gives up (the library path then applies its own budget and messages). */
const MAX_NODES = 200_000;
/** YAML limits implicit keys to 1024 characters. */
const MAX_KEY_LENGTH = 1024;

/** Thrown inside the parser to give up; never escapes parseFastYaml. */
class Decline {}
const DECLINE = new Decline();

function decline(): never {
  throw DECLINE;
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/**
 * Texts that are never on the fast path, found without parsing: tabs, a CR that is not part of a CRLF, a byte
 * order mark, U+2028 and U+2029, document markers and directives. (Anchors, aliases and merge keys are declined
 * where a node or key would start.)
 */
const ALWAYS_DECLINED = /[\t\uFEFF\u2028\u2029]|\r(?!\n)|^(?:---|\.\.\.)(?:[ \r\n]|$)|^%/m;

/**
 * The value tree of `text` (same shape, values and offsets as ./yaml.ts builds with the `yaml` library, which
 * would report no problem for it), or undefined when the text is outside the fast path's subset. `maxDepth`:
 * the levels of collections the library path reads (deeper ones it leaves unread, with a warning: declined).
 * Never throws.
 */
export function parseFastYaml(text: string, maxDepth = MAX_NESTING): ValueNode | undefined {
  if (text.length === 0 || ALWAYS_DECLINED.test(text)) return undefined;
  try {
    return new FastParser(text, maxDepth).parseDocument();
  } catch (error) {
    if (error instanceof Decline) return undefined;
    return undefined; // A bug here must never cost the file: the library path still parses it.
  }
}

interface Parsed {
  readonly node: ValueNode;
  /** Where the parent's range ends when this node is its last entry (the library's `range[2]` of the node). */
  readonly nodeEnd: number;
  /** The first line after the node's own lines (blank and comment lines may follow before the next content). */
  readonly nextLine: number;
  /**
   * leaf: a one-line scalar or flow collection (the library keeps more indented comment lines after it in its
   * end); empty: `Key:` with nothing; blockScalar: `|` or `>`; collection: a block mapping or sequence, tagged or
   * not.
   */
  readonly shape: 'leaf' | 'empty' | 'blockScalar' | 'collection' | 'taggedCollection';
  /**
   * For a collection: the largest indentation of the comment lines after it that it did not keep (they move up
   * to the collection that contains it, as the library's parser moves them); undefined when there are none.
   */
  readonly trailing?: number;
}

class FastParser {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Leading spaces of each line; -1 for a line that is blank or only a comment. */
  private readonly indents: number[] = [];
  private nodes = 0;
  /** Collections open around the node being read (the document's top collection is 1). */
  private depth = 0;

  constructor(private readonly text: string, private readonly maxDepth: number) {
    let start = 0;
    const length = text.length;
    while (start <= length) {
      let lineBreak = text.indexOf('\n', start);
      if (lineBreak < 0) lineBreak = length;
      // A line's content ends before its CRLF or LF.
      const end = lineBreak > start && text.charCodeAt(lineBreak - 1) === 13 ? lineBreak - 1 : lineBreak;
      this.starts.push(start);
      this.ends.push(end);
      let position = start;
      while (position < end && text.charCodeAt(position) === SPACE) position++;
      this.indents.push(position === end || text.charCodeAt(position) === HASH ? -1 : position - start);
      start = lineBreak + 1;
    }
  }

  parseDocument(): ValueNode {
    const first = this.nextContent(0);
    if (first < 0) decline();
    const parsed = this.parseBlock(first, this.indents[first], this.starts[first] + this.indents[first]);
    if (this.nextContent(parsed.nextLine) >= 0) decline();
    return parsed.node;
  }

  /** The first line at or after `line` with content, or -1. */
  private nextContent(line: number): number {
    const count = this.indents.length;
    for (let index = line; index < count; index++) if (this.indents[index] >= 0) return index;
    return -1;
  }

  private count(): void {
    if (++this.nodes > MAX_NODES) decline();
  }

  /** Entering a collection; one level short of the library's bound is already declined. */
  private enter(): void {
    if (++this.depth >= this.maxDepth) decline();
  }

  /**
   * The end of a range as the library path gives it: white space before it excluded (a block scalar's last line
   * breaks, a collection's trailing spaces, or the indentation before the next key it ran to).
   */
  private trimmed(start: number, end: number): number {
    let at = end;
    while (at > start && isWhiteSpace(this.text.charCodeAt(at - 1))) at--;
    return at;
  }

  /** A block mapping or sequence whose first token is at `position` (column `column`) of `line`. */
  private parseBlock(line: number, column: number, position: number): Parsed {
    const text = this.text;
    if (text.charCodeAt(position) === DASH && this.isSeparated(position + 1, this.ends[line])) return this.parseSeq(line, column);
    if (this.keyAt(position, this.ends[line])) return this.parseMap(line, column);
    return decline();
  }

  /** Is there a comment line between `line` and the content line above it? */
  private commentAbove(line: number): boolean {
    for (let above = line - 1; above >= 0 && this.indents[above] < 0; above--) if (!this.isBlankLine(above)) return true;
    return false;
  }

  /** After `position`: a space, or the end of the line. */
  private isSeparated(position: number, end: number): boolean {
    return position >= end || this.text.charCodeAt(position) === SPACE;
  }

  private parseSeq(firstLine: number, column: number): Parsed {
    this.count();
    this.enter();
    const items: ValueNode[] = [];
    const start = this.starts[firstLine] + column;
    let line = firstLine;
    for (;;) {
      const dash = this.starts[line] + column;
      const end = this.ends[line];
      let position = dash + 1;
      while (position < end && this.text.charCodeAt(position) === SPACE) position++;
      if (position >= end || this.text.charCodeAt(position) === HASH) decline(); // An empty item, or one on the next lines.
      const item = this.parseItem(line, position, column);
      // An empty item (`- !GetAZs`) takes the comments written before its dash into its range in the library.
      if (item.shape === 'empty' && this.commentAbove(line)) decline();
      items.push(item.node);
      const next = this.nextContent(item.nextLine);
      const nextDash = next < 0 ? -1 : this.starts[next] + column;
      if (next < 0 || this.indents[next] < column || !(this.text.charCodeAt(nextDash) === DASH && this.isSeparated(nextDash + 1, this.ends[next]))) {
        if (next >= 0 && this.indents[next] > column) decline();
        const closed = this.close(item, column);
        this.depth--;
        return { node: seq(items, start, this.trimmed(start, closed.end)), nodeEnd: closed.nodeEnd, nextLine: item.nextLine, shape: 'collection', trailing: closed.trailing };
      }
      if (this.indents[next] > column) decline();
      line = next;
    }
  }

  /** A sequence item at `position` of `line`: a nested block (`- - a`, `- Key: v`) or a value. */
  private parseItem(line: number, position: number, seqColumn: number): Parsed {
    const column = position - this.starts[line];
    const code = this.text.charCodeAt(position);
    if (code === DASH && this.isSeparated(position + 1, this.ends[line])) return this.parseSeq(line, column);
    if (this.keyAt(position, this.ends[line])) return this.parseMap(line, column);
    return this.parseValue(line, position, seqColumn);
  }

  private parseMap(firstLine: number, column: number): Parsed {
    this.count();
    this.enter();
    const text = this.text;
    const entries: MapEntry[] = [];
    let line = firstLine;
    let start = -1;
    for (;;) {
      const position = this.starts[line] + column;
      const end = this.ends[line];
      const key = this.keyAt(position, end);
      if (!key) return decline();
      if (start < 0) start = key.range.start;
      let value = key.colon + 1;
      while (value < end && text.charCodeAt(value) === SPACE) value++;
      let parsed: Parsed;
      if (value >= end || text.charCodeAt(value) === HASH) {
        parsed = this.parseValueBelow(line, column, key.colon, value >= end && value === key.colon + 1);
      } else {
        parsed = this.parseValue(line, value, column);
      }
      this.count();
      entries.push({ key: key.key, keyRange: key.range, value: parsed.node });
      const next = this.nextContent(parsed.nextLine);
      const indent = next < 0 ? -1 : this.indents[next];
      if (indent > column) decline();
      if (indent < column) {
        const closed = this.close(parsed, column);
        this.depth--;
        return { node: map(entries, start, this.trimmed(start, closed.end)), nodeEnd: closed.nodeEnd, nextLine: parsed.nextLine, shape: 'collection', trailing: closed.trailing };
      }
      const nextPosition = this.starts[next] + column;
      if (text.charCodeAt(nextPosition) === DASH && this.isSeparated(nextPosition + 1, this.ends[next])) decline();
      line = next;
    }
  }

  /**
   * A collection at `column` is closed (the next content line is less indented, or there is none) after its last
   * entry `last`. Where it ends follows the library's parser: comment lines right after a one-line value that are
   * more indented than the collection join that value's end; the comment lines after that travel up through the
   * collections being closed and stay in the first one that is not indented 0 and is not more indented than one of
   * them, whose parent's range then runs to the next node. Returns the collection's own range end, what its parent
   * sees as its end, and the comments still travelling. A block scalar keeps none of them; comments after an empty
   * value are left to the library.
   */
  private close(last: Parsed, column: number): { end: number; nodeEnd: number; trailing?: number } {
    const count = this.indents.length;
    let end = last.nodeEnd;
    const collection = last.shape === 'collection' || last.shape === 'taggedCollection';
    let trailing = collection ? last.trailing : undefined;
    let absorbing = last.shape === 'leaf';
    let line = last.nextLine;
    for (; line < count && this.indents[line] < 0; line++) {
      if (this.isBlankLine(line)) continue;
      if (collection) continue; // Its comments were accounted for when it closed.
      if (last.shape === 'empty') decline();
      const indent = this.leadingSpaces(line);
      if (absorbing && indent > column) {
        end = this.ends[line];
        continue;
      }
      absorbing = false;
      trailing = Math.max(trailing ?? -1, indent);
    }
    if (trailing !== undefined && column !== 0 && trailing >= column) return { end, nodeEnd: this.nextNodeStart(line) };
    return { end, nodeEnd: end, trailing };
  }

  /** Where the next node starts (after its indentation), or the text's end (trimmed where it becomes a range's end). */
  private nextNodeStart(line: number): number {
    return line < this.indents.length ? this.starts[line] + this.indents[line] : this.text.length;
  }

  /**
   * The value of `Key:` written on the lines below: a more indented block, a sequence at the key's own column, or
   * nothing (an empty value right after the colon, only when nothing follows the colon on its line).
   */
  private parseValueBelow(line: number, column: number, colon: number, bare: boolean): Parsed {
    const next = this.nextContent(line + 1);
    if (next >= 0) {
      const indent = this.indents[next];
      const position = this.starts[next] + indent;
      if (indent > column) return this.parseBlock(next, indent, position);
      if (indent === column && this.text.charCodeAt(position) === DASH && this.isSeparated(position + 1, this.ends[next])) return this.parseSeq(next, column);
    }
    if (!bare) decline();
    this.count();
    return { node: scalar(null, colon + 1, colon + 1), nodeEnd: colon + 1, nextLine: line + 1, shape: 'empty' };
  }

  /** A value starting at `position` of `line` (not at its end, not a comment); `parentColumn`: its collection's. */
  private parseValue(line: number, position: number, parentColumn: number): Parsed {
    const text = this.text;
    const end = this.ends[line];
    const code = text.charCodeAt(position);
    if (code === 33 /* ! */) return this.parseTagged(line, position, parentColumn);
    this.count();
    if (code === 124 /* | */ || code === 62 /* > */) return this.parseBlockScalar(line, position, parentColumn);
    let node: ValueNode;
    let after: number;
    if (code === 34 /* " */ || code === 39 /* ' */) {
      const quoted = this.quoted(position, end);
      node = scalar(quoted.value, position, quoted.end);
      after = quoted.end;
    } else if (code === 91 /* [ */ || code === 123 /* { */) {
      const flow = this.flow(position, end);
      node = flow.node;
      after = flow.end;
    } else {
      const plain = this.plainBlockScalar(position, end);
      node = scalar(resolvePlain(text.slice(position, plain)), position, plain);
      after = plain;
    }
    this.expectLineEnd(after, end);
    return { node, nodeEnd: end, nextLine: line + 1, shape: 'leaf' };
  }

  /** Only spaces, then optionally a comment, from `position` to the end of the line. */
  private expectLineEnd(position: number, end: number): void {
    const text = this.text;
    let index = position;
    while (index < end && text.charCodeAt(index) === SPACE) index++;
    if (index < end && !(text.charCodeAt(index) === HASH && index > position)) decline();
  }

  /** `!Tag value`, or `!Tag` with a block below (no comment in between: the library would not find the tag). */
  private parseTagged(line: number, position: number, parentColumn: number): Parsed {
    const text = this.text;
    const end = this.ends[line];
    let tagEnd = position + 1;
    while (tagEnd < end && isTagChar(text.charCodeAt(tagEnd))) tagEnd++;
    const tag = text.slice(position, tagEnd);
    const name = longNameForTag(tag);
    if (name === undefined || tag.length < 2 || !this.isSeparated(tagEnd, end)) return decline();
    let value = tagEnd;
    while (value < end && text.charCodeAt(value) === SPACE) value++;
    let parsed: Parsed;
    if (value >= end || text.charCodeAt(value) === HASH) {
      const next = this.nextContent(line + 1);
      if (next < 0 || this.indents[next] <= parentColumn) {
        // `!GetAZs` alone: a tagged empty string, after the spaces. (A comment after it enters its range.)
        if (value < end) decline();
        this.count();
        return { node: applyTag(name, position, tag.length, scalar('', value, value)), nodeEnd: value, nextLine: line + 1, shape: 'empty' };
      }
      if (value < end) decline(); // A comment between the tag and its block: the library would not find the tag.
      for (let between = line + 1; between < next; between++) if (this.starts[between] !== this.ends[between]) decline();
      parsed = { ...this.parseBlock(next, this.indents[next], this.starts[next] + this.indents[next]), shape: 'taggedCollection' };
    } else {
      const code = text.charCodeAt(value);
      if (code === 33 /* ! */ || code === HASH) return decline();
      if ((code === DASH && this.isSeparated(value + 1, end)) || this.keyAt(value, end)) return decline();
      if (code === 124 /* | */ || code === 62 /* > */ || code === 34 || code === 39 || code === 91 || code === 123) {
        parsed = this.parseValue(line, value, parentColumn);
      } else {
        // A tagged plain scalar is a string whatever it looks like (the library resolves only untagged ones).
        this.count();
        const plain = this.plainBlockScalar(value, end);
        this.expectLineEnd(plain, end);
        parsed = { node: scalar(text.slice(value, plain), value, plain), nodeEnd: end, nextLine: line + 1, shape: 'leaf' };
      }
    }
    return { ...parsed, node: applyTag(name, position, tag.length, parsed.node) };
  }

  /** `|`, `|-`, `>`, `>-`: the content lines below, more indented than `parentColumn`. */
  private parseBlockScalar(line: number, position: number, parentColumn: number): Parsed {
    const text = this.text;
    const end = this.ends[line];
    const folded = text.charCodeAt(position) === 62;
    let header = position + 1;
    let strip = false;
    if (header < end && text.charCodeAt(header) === DASH) {
      strip = true;
      header++;
    }
    while (header < end && text.charCodeAt(header) === SPACE) header++;
    if (header < end) decline(); // Keep (+), indentation indicators, comments after the header.
    const first = line + 1;
    const count = this.indents.length;
    if (first >= count || this.isBlankLine(first)) decline();
    const contentIndent = this.leadingSpaces(first);
    if (contentIndent <= parentColumn) decline();
    let last = first;
    let stop = first + 1;
    for (; stop < count; stop++) {
      if (this.isBlankLine(stop)) {
        if (this.ends[stop] - this.starts[stop] > contentIndent) decline();
        continue;
      }
      if (this.leadingSpaces(stop) < contentIndent) break;
      last = stop;
    }
    let value = '';
    let pendingBlank = 0;
    for (let index = first; index <= last; index++) {
      const lineStart = this.starts[index];
      const lineEnd = this.ends[index];
      if (this.isBlankLine(index)) {
        pendingBlank++;
        continue;
      }
      const content = text.slice(lineStart + contentIndent, lineEnd);
      if (folded && content.charCodeAt(0) === SPACE) decline(); // More-indented lines keep their breaks.
      if (index === first) {
        value = content;
      } else if (folded) {
        value += (pendingBlank > 0 ? '\n'.repeat(pendingBlank) : ' ') + content;
      } else {
        value += '\n'.repeat(pendingBlank + 1) + content;
      }
      pendingBlank = 0;
    }
    if (!strip) value += '\n';
    const rangeEnd = this.ends[last];
    return { node: scalar(value, position, this.trimmed(position, rangeEnd)), nodeEnd: rangeEnd, nextLine: stop, shape: 'blockScalar' };
  }

  private isBlankLine(line: number): boolean {
    const text = this.text;
    for (let index = this.starts[line]; index < this.ends[line]; index++) if (text.charCodeAt(index) !== SPACE) return false;
    return true;
  }

  private leadingSpaces(line: number): number {
    const text = this.text;
    const start = this.starts[line];
    let index = start;
    while (index < this.ends[line] && text.charCodeAt(index) === SPACE) index++;
    return index - start;
  }

  /**
   * A block plain scalar from `position`: to the end of the line or a comment, trailing spaces excluded. Returns
   * its end. Declines on what would make it something else (`: ` inside, a trailing colon, an indicator first).
   */
  private plainBlockScalar(position: number, end: number): number {
    const text = this.text;
    const first = text.charCodeAt(position);
    if (isIndicator(first) || ((first === 63 /* ? */ || first === COLON || first === DASH) && this.isSeparated(position + 1, end))) decline();
    let index = position;
    let last = position;
    while (index < end) {
      const code = text.charCodeAt(index);
      if (code === HASH && text.charCodeAt(index - 1) === SPACE) break;
      if (code === COLON && this.isSeparated(index + 1, end)) decline();
      if (code !== SPACE) last = index + 1;
      index++;
    }
    return last;
  }

  /** `key:` at `position` (plain or quoted key, then a colon followed by a space or the end of the line). */
  private keyAt(position: number, end: number): { key: string; range: OffsetRange; colon: number } | undefined {
    const text = this.text;
    const first = text.charCodeAt(position);
    if (first === 34 || first === 39) {
      let quoted: { value: string; end: number };
      try {
        quoted = this.quoted(position, end);
      } catch {
        return undefined;
      }
      let colon = quoted.end;
      while (colon < end && text.charCodeAt(colon) === SPACE) colon++;
      if (colon >= end || text.charCodeAt(colon) !== COLON || !this.isSeparated(colon + 1, end)) return undefined;
      return { key: quoted.value, range: { start: position, end: quoted.end }, colon };
    }
    if (isIndicator(first) || first === 63 /* ? */ || first === COLON || first === DASH) return undefined;
    for (let index = position + 1; index < end; index++) {
      const code = text.charCodeAt(index);
      if (code === HASH && text.charCodeAt(index - 1) === SPACE) return undefined;
      if (code === COLON && this.isSeparated(index + 1, end)) {
        let keyEnd = index;
        while (keyEnd > position && text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
        if (keyEnd - position > MAX_KEY_LENGTH) decline();
        const raw = text.slice(position, keyEnd);
        if (raw === '<<') decline(); // A merge key.
        const value = resolvePlain(raw);
        return { key: value === null ? '' : String(value), range: { start: position, end: keyEnd }, colon: index };
      }
    }
    return undefined;
  }

  /** A one-line quoted scalar at `position`: its value and the offset after the closing quote. */
  private quoted(position: number, end: number): { value: string; end: number } {
    const text = this.text;
    if (text.charCodeAt(position) === 39) {
      let value = '';
      let from = position + 1;
      for (;;) {
        const quote = text.indexOf("'", from);
        if (quote < 0 || quote >= end) return decline();
        value += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === 39 && quote + 1 < end) {
          value += "'";
          from = quote + 2;
          continue;
        }
        return { value, end: quote + 1 };
      }
    }
    let value = '';
    let from = position + 1;
    for (let index = from; index < end; index++) {
      const code = text.charCodeAt(index);
      if (code === 34) return { value: value + text.slice(from, index), end: index + 1 };
      if (code !== 92 /* \ */) continue;
      value += text.slice(from, index);
      const escape = text[index + 1];
      const simple = ESCAPES[escape];
      if (simple !== undefined && index + 1 < end) {
        value += simple;
        index++;
      } else if (escape === 'u' && index + 5 < end && /^[0-9A-Fa-f]{4}$/.test(text.slice(index + 2, index + 6))) {
        value += String.fromCharCode(parseInt(text.slice(index + 2, index + 6), 16));
        index += 5;
      } else {
        return decline();
      }
      from = index + 1;
    }
    return decline();
  }

  /** A one-line flow collection at `position` (`[` or `{`): its node and the offset after the closing bracket. */
  private flow(position: number, end: number): { node: ValueNode; end: number } {
    this.count();
    this.enter();
    const text = this.text;
    const isMap = text.charCodeAt(position) === 123;
    const close = isMap ? 125 : 93;
    let index = this.skipSpaces(position + 1, end);
    if (index < end && text.charCodeAt(index) === close) {
      this.depth--;
      return { node: isMap ? map([], position, index + 1) : seq([], position, index + 1), end: index + 1 };
    }
    const items: ValueNode[] = [];
    const entries: MapEntry[] = [];
    for (;;) {
      if (index >= end) decline();
      if (isMap) {
        const key = this.flowKey(index, end);
        index = this.skipSpaces(key.after, end);
        const value = this.flowItem(index, end);
        this.count();
        entries.push({ key: key.key, keyRange: key.range, value: value.node });
        index = value.end;
      } else {
        const item = this.flowItem(index, end);
        items.push(item.node);
        index = item.end;
      }
      index = this.skipSpaces(index, end);
      if (index >= end) decline();
      const code = text.charCodeAt(index);
      if (code === close) {
        const closeEnd = index + 1;
        this.depth--;
        return { node: isMap ? map(entries, position, closeEnd) : seq(items, position, closeEnd), end: closeEnd };
      }
      if (code !== 44 /* , */) decline();
      index = this.skipSpaces(index + 1, end);
      if (index < end && (text.charCodeAt(index) === close || text.charCodeAt(index) === 44)) decline();
    }
  }

  private skipSpaces(position: number, end: number): number {
    let index = position;
    while (index < end && this.text.charCodeAt(index) === SPACE) index++;
    return index;
  }

  /** A flow mapping key and its colon: `"k":`, `'k':`, or `k: ` (a plain key needs a space after the colon). */
  private flowKey(position: number, end: number): { key: string; range: OffsetRange; after: number } {
    const text = this.text;
    const first = text.charCodeAt(position);
    if (first === 34 || first === 39) {
      const quoted = this.quoted(position, end);
      const colon = this.skipSpaces(quoted.end, end);
      if (colon >= end || text.charCodeAt(colon) !== COLON) decline();
      return { key: quoted.value, range: { start: position, end: quoted.end }, after: colon + 1 };
    }
    if (isIndicator(first) || first === 63 || first === COLON || first === DASH) decline();
    let index = position;
    let last = position;
    for (; index < end; index++) {
      const code = text.charCodeAt(index);
      if (code === COLON) break;
      if (code === 44 || code === 91 || code === 93 || code === 123 || code === 125 || code === HASH) decline();
      if (code !== SPACE) last = index + 1;
    }
    if (index >= end || text.charCodeAt(index + 1) !== SPACE) decline();
    const raw = text.slice(position, last);
    if (raw === '<<') decline();
    const value = resolvePlain(raw);
    return { key: value === null ? '' : String(value), range: { start: position, end: last }, after: index + 1 };
  }

  /** A value inside a flow collection. */
  private flowItem(position: number, end: number): { node: ValueNode; end: number } {
    const text = this.text;
    const code = text.charCodeAt(position);
    if (code === 91 || code === 123) return this.flow(position, end);
    this.count();
    if (code === 34 || code === 39) {
      const quoted = this.quoted(position, end);
      this.checkAfterFlowValue(quoted.end, end);
      return { node: scalar(quoted.value, position, quoted.end), end: quoted.end };
    }
    if (code === 33 /* ! */) {
      let tagEnd = position + 1;
      while (tagEnd < end && isTagChar(text.charCodeAt(tagEnd))) tagEnd++;
      const tag = text.slice(position, tagEnd);
      const name = longNameForTag(tag);
      if (name === undefined || tagEnd >= end || text.charCodeAt(tagEnd) !== SPACE) decline();
      const valueStart = this.skipSpaces(tagEnd, end);
      const valueCode = text.charCodeAt(valueStart);
      if (valueStart >= end || valueCode === 33 || valueCode === 44 || valueCode === 93 || valueCode === 125) decline();
      let inner: { node: ValueNode; end: number };
      if (valueCode === 91 || valueCode === 123 || valueCode === 34 || valueCode === 39) {
        inner = this.flowItem(valueStart, end);
      } else {
        const plainEnd = this.plainFlowScalar(valueStart, end);
        this.count();
        inner = { node: scalar(text.slice(valueStart, plainEnd), valueStart, plainEnd), end: plainEnd };
      }
      return { node: applyTag(name, position, tag.length, inner.node), end: inner.end };
    }
    const plainEnd = this.plainFlowScalar(position, end);
    return { node: scalar(resolvePlain(text.slice(position, plainEnd)), position, plainEnd), end: plainEnd };
  }

  /** After a quoted flow value: a JSON-like `"a":b` pair inside a sequence is left to the library. */
  private checkAfterFlowValue(position: number, end: number): void {
    const index = this.skipSpaces(position, end);
    if (index < end && this.text.charCodeAt(index) === COLON) decline();
  }

  /** A plain scalar inside a flow collection: up to `,`, `]`, `}`; trailing spaces excluded. */
  private plainFlowScalar(position: number, end: number): number {
    const text = this.text;
    const first = text.charCodeAt(position);
    if (isIndicator(first) || ((first === 63 || first === COLON || first === DASH) && this.isSeparated(position + 1, end))) decline();
    let index = position;
    let last = position;
    for (; index < end; index++) {
      const code = text.charCodeAt(index);
      if (code === 44 || code === 93 || code === 125) break;
      if (code === 91 || code === 123 || code === HASH) decline();
      if (code === COLON) {
        const next = text.charCodeAt(index + 1);
        if (index + 1 >= end || next === SPACE || next === 44 || next === 93 || next === 125 || next === 91 || next === 123) decline();
      }
      if (code !== SPACE) last = index + 1;
    }
    if (last === position) decline();
    return last;
  }
}

/** What the library path trims from the end of a range. */
function isWhiteSpace(code: number): boolean {
  return code === SPACE || code === 10 || code === 13 || code === 9;
}

/** Characters that cannot start a plain scalar (YAML c-indicator, less `-`, `?` and `:` handled apart). */
function isIndicator(code: number): boolean {
  switch (code) {
    case 44: case 91: case 93: case 123: case 125: // , [ ] { }
    case 35: case 38: case 42: case 33: case 124: case 62: // # & * ! | >
    case 39: case 34: case 37: case 64: case 96: // ' " % @ `
    case 32: case 9:
      return true;
    default:
      return Number.isNaN(code);
  }
}

/** Tag characters the fast path reads after `!` (CloudFormation's short forms are letters and digits). */
function isTagChar(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0', ' ': ' ' };

// The YAML 1.2 core schema as the `yaml` library resolves plain scalars (its default schema, tags tried in this
// order: null, bool, octal, decimal and hexadecimal int, special floats, exponent floats, floats).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Only these first characters can make a plain scalar anything but a string. */
const MAY_NOT_BE_STRING = /^[-+.0-9~nNtTfF]/;

/** The value of an untagged plain scalar. */
export function resolvePlain(source: string): ScalarValue {
  if (source.length === 0) return null;
  if (!MAY_NOT_BE_STRING.test(source)) return source;
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
  if (INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (INT.test(source)) return parseInt(source, 10);
  if (INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  if (FLOAT_NAN.test(source)) return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return source;
}

function scalar(value: ScalarValue, start: number, end: number): ScalarNode {
  return { kind: 'scalar', value, range: { start, end } };
}

function seq(items: ValueNode[], start: number, end: number): SeqNode {
  return { kind: 'seq', items, range: { start, end } };
}

function map(entries: MapEntry[], start: number, end: number): ValueNode {
  const node: MapNode = { kind: 'map', entries, range: { start, end } };
  return normaliseLongForm(node);
}

/** As the library path's Converter.applyTag, the tag being right before the value (spaces or line breaks between). */
function applyTag(name: string, tagStart: number, tagLength: number, value: ValueNode): ValueNode {
  const nameRange = { start: tagStart, end: tagStart + tagLength };
  const range = { start: Math.min(tagStart, value.range.start), end: value.range.end };
  let argument = value;
  if (name === 'Fn::GetAtt' && value.kind === 'scalar' && typeof value.value === 'string') argument = splitGetAtt(value.value, value.range);
  return { kind: 'intrinsic', name, nameRange, argument, range };
}
