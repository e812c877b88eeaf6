// A depth bound for JSON, applied before jsonc-parser reads the text: jsonc-parser and every walk after it recurse
// once per level (jsonc-parser overflows the stack near 10,000 levels), so a container nested more than
// MAX_NESTING levels deep is replaced, in a copy of the text of the same length, by the number `0` padded with
// spaces. Offsets are unchanged, so every other value keeps its range; the caller turns the placeholder into a
// node that reads as unknown and reports one problem there. Used for templates and for .tf.json alike.
import { MAX_NESTING } from '../limits';

export interface BoundedJson {
  /** The text to parse: the input, or a copy of the same length with too-deep containers replaced. */
  readonly text: string;
  /** Offset of each replaced container's opening bracket -> the end of the container (or of the text). */
  readonly tooDeep: ReadonlyMap<number, number>;
}

/**
 * A leading byte order mark as a space (same length): jsonc-parser reads it as an invalid symbol, where the YAML
 * and HCL parsers skip it and editors (VS Code) drop it when they load the file, so the CLI, which reads the
 * file's bytes, would report an error the editor never shows.
 */
function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

/**
 * Replaces every container that opens at depth MAX_NESTING + 1 (the top-level value is depth 1) with a
 * placeholder. Brackets are read outside strings and comments as jsonc-parser's scanner reads them (a string
 * ends at its closing quote or, unterminated, before a line break; a backslash escapes the next character; `//`
 * comments run to the line end, `/*` ones to `*\/`), and a container closes only at its own kind of bracket, as
 * in jsonc-parser, which skips a stray `]` in an object (so `[},[},...` nests as deep as it has `[`): the depth
 * counted here is never less than the depth jsonc-parser reaches. An unclosed container is replaced up to the end
 * of the text, and a leading byte order mark becomes a space. One pass over the text, no recursion, never throws.
 */
export function boundJsonNesting(text: string): BoundedJson {
  const cuts: [number, number][] = [];
  const length = text.length;
  // The open containers' closing brackets (125 `}`, 93 `]`), innermost last.
  const open: number[] = [];
  let cutStart = -1;
  let at = 0;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (code === 34) {
      at++;
      while (at < length) {
        const inner = text.charCodeAt(at);
        if (inner === 34) {
          at++;
          break;
        }
        if (inner === 10 || inner === 13) break;
        at += inner === 92 ? 2 : 1;
      }
      continue;
    }
    if (code === 47 && text.charCodeAt(at + 1) === 47) {
      while (at < length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
      continue;
    }
    if (code === 47 && text.charCodeAt(at + 1) === 42) {
      const close = text.indexOf('*/', at + 2);
      at = close < 0 ? length : close + 2;
      continue;
    }
    if (code === 123 || code === 91) {
      open.push(code === 123 ? 125 : 93);
      if (open.length === MAX_NESTING + 1 && cutStart < 0) cutStart = at;
    } else if (code === open[open.length - 1]) {
      open.pop();
      if (cutStart >= 0 && open.length === MAX_NESTING) {
        cuts.push([cutStart, at + 1]);
        cutStart = -1;
      }
    }
    at++;
  }
  if (cutStart >= 0) cuts.push([cutStart, length]);
  if (cuts.length === 0) return { text: withoutByteOrderMark(text), tooDeep: new Map() };
  const parts: string[] = [];
  const tooDeep = new Map<number, number>();
  let from = 0;
  for (const [start, end] of cuts) {
    parts.push(text.slice(from, start), '0'.padEnd(end - start, ' '));
    tooDeep.set(start, trimmedEnd(text, start, end));
    from = end;
  }
  parts.push(text.slice(from));
  return { text: withoutByteOrderMark(parts.join('')), tooDeep };
}

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start + 1 && /\s/.test(text[end - 1])) end--;
  return end;
}
