// A depth bound for JSON, applied before jsonc-parser reads the text: jsonc-parser and every walk after it recurse
// once per level (jsonc-parser overflows the stack near 10,000 levels), so a container nested more than
// MAX_NESTING levels deep is replaced, in a copy of the text of the same length, by the number `0` padded with
// spaces. Offsets are unchanged, so every other value keeps its range; the caller turns the placeholder into a
// node that reads as unknown and reports one problem there. Used for templates and for .tf.json alike.
import { createScanner } from 'jsonc-parser';
import { MAX_NESTING } from '../limits';

// jsonc-parser's SyntaxKind is a const enum, which a bundler cannot inline from a declaration file.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

export interface BoundedJson {
  /** The text to parse: the input, or a copy of the same length with too-deep containers replaced. */
  readonly text: string;
  /** Offset of each replaced container's opening bracket -> the end of the container (or of the text). */
  readonly tooDeep: ReadonlyMap<number, number>;
}

/**
 * Replaces every container that opens at depth MAX_NESTING + 1 (the top-level value is depth 1) with a
 * placeholder, as jsonc-parser's own scanner tokenises the text (strings and comments included). An unclosed
 * container is replaced up to the end of the text. Linear in the text, never throws.
 */
export function boundJsonNesting(text: string): BoundedJson {
  if (!mayNestBeyond(text, MAX_NESTING)) return { text, tooDeep: new Map() };
  const scanner = createScanner(text, true);
  const cuts: [number, number][] = [];
  let depth = 0;
  let cutStart = -1;
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      depth++;
      if (depth === MAX_NESTING + 1 && cutStart < 0) cutStart = scanner.getTokenOffset();
    } else if ((kind === CLOSE_BRACE || kind === CLOSE_BRACKET) && depth > 0) {
      depth--;
      if (cutStart >= 0 && depth === MAX_NESTING) {
        cuts.push([cutStart, scanner.getTokenOffset() + scanner.getTokenLength()]);
        cutStart = -1;
      }
    }
  }
  if (cutStart >= 0) cuts.push([cutStart, text.length]);
  if (cuts.length === 0) return { text, tooDeep: new Map() };
  const parts: string[] = [];
  const tooDeep = new Map<number, number>();
  let at = 0;
  for (const [start, end] of cuts) {
    parts.push(text.slice(at, start), '0'.padEnd(end - start, ' '));
    tooDeep.set(start, trimmedEnd(text, start, end));
    at = end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), tooDeep };
}

/** False when the text has too few opening brackets to nest beyond `max`: the common case costs one pass. */
function mayNestBeyond(text: string, max: number): boolean {
  let opens = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if ((code === 123 || code === 91) && ++opens > max) return true;
  }
  return false;
}

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start + 1 && /\s/.test(text[end - 1])) end--;
  return end;
}
