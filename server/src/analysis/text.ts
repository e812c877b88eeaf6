// The one place where offsets become line/character positions and back (0-based, UTF-16 code units,
// which is what both JavaScript strings and the Language Server Protocol use). A line ends at LF, CRLF or a
// lone CR, as in the Language Server Protocol; the parsers break lines the same way (a lone CR is a YAML line
// break; see parse/yaml.ts and, for HCL, terraform/hcl/lexer.ts).
import type { OffsetRange } from './types';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface LineRange {
  readonly start: Position;
  readonly end: Position;
}

export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  /** A character past the end of its line means the line's end, before its line break (as LSP clients count). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    const nextLineStart = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    let offset = Math.max(lineStart, Math.min(lineStart + position.character, nextLineStart));
    while (offset > lineStart && isLineBreak(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  rangeOf(range: OffsetRange): LineRange {
    return { start: this.positionAt(range.start), end: this.positionAt(range.end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of a line's text, before its line break (LF, CRLF or CR). */
  lineEnd(line: number): number {
    const index = Math.max(0, Math.min(line, this.lineStarts.length - 1));
    let end = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1] : this.text.length;
    while (end > this.lineStarts[index] && isLineBreak(this.text.charCodeAt(end - 1))) end--;
    return end;
  }
}

/** Offset where the line holding `offset` starts: after the previous LF, CRLF or lone CR. */
export function lineStartAt(text: string, offset: number): number {
  let index = Math.max(0, Math.min(offset, text.length));
  while (index > 0 && !isLineBreak(text.charCodeAt(index - 1))) index--;
  return index;
}

/** The line break a text uses, for text inserted into it: its first one (CRLF, CR or LF), LF when it has none. */
export function lineBreakOf(text: string): string {
  const at = text.search(/[\r\n]/);
  if (at < 0 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

/**
 * The text with every lone CR (one not followed by LF) replaced by LF: one character for one, so every offset
 * stays valid. A lone CR is a line break in YAML (and for LineIndex, as in the Language Server Protocol), but
 * the `yaml` library only breaks lines at LF; CRLF it reads correctly and is left alone.
 */
export function normaliseLoneCarriageReturns(text: string): string {
  const first = text.indexOf('\r');
  if (first < 0) return text;
  return text.replace(/\r(?!\n)/g, '\n');
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}
