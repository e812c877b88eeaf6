// Templates: quoted strings and heredocs, read character by character, with `${ }` interpolations and
// `%{ if }` / `%{ for }` directives handed back to the expression parser.
import type { HclExpression, TemplateExpr, TemplateFor, TemplateIf, TemplatePart } from './ast';
import { TOP_LEVEL_BLOCKS } from './lexer';
import type { Token } from './lexer';
import type { OffsetRange, Problem } from '../../offsets';

/**
 * What the template reader needs of the expression parser (parser.ts implements it). Declared here so the two
 * files do not import each other: the parser calls the template reader, the reader calls back through this.
 */
export interface TemplateHost {
  readonly text: string;
  readonly limit: number;
  readonly pos: number;
  lastStart: number;
  lastEnd: number;
  readonly problems: Problem[];
  peek(): Token;
  peekAfter(token: Token): Token;
  next(): Token;
  seek(offset: number): void;
  at(value: string): boolean;
  withNewlines<T>(ignore: boolean, fn: () => T): T;
  withLimit<T>(limit: number, fn: () => T): T;
  error(message: string, range: OffsetRange): void;
  rewind(pos: number, lastEnd: number, problemCount: number, lastStart?: number): void;
  parseExpression(): HclExpression;
}

const MAX_DIRECTIVE_DEPTH = 64;

export function parseQuoted(p: TemplateHost, quote: Token): TemplateExpr {
  const reader = new TemplateReader(p, true, quote.end, p.limit);
  const { parts } = reader.readParts([]);
  let end = reader.pos;
  if (p.text.charCodeAt(end) === 34 && end < p.limit) {
    end++;
  } else if (!reader.broken) {
    p.error('Unterminated string: missing the closing quote.', { start: quote.start, end });
  }
  p.seek(end);
  p.lastStart = quote.start;
  p.lastEnd = end;
  return { kind: 'template', parts, value: literalText(parts), heredoc: undefined, range: { start: quote.start, end } };
}

export function parseHeredoc(p: TemplateHost, opener: Token): TemplateExpr {
  const text = p.text;
  const limit = p.limit;
  const marker = opener.value;
  const stripIndent = opener.strip === true;
  let at = opener.end;
  while (at < limit && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
  if (text.charCodeAt(at) === 13) at++;
  const contentStart = Math.min(at + 1, limit);
  let contentEnd = -1;
  let end = -1;
  let lineStart = contentStart;
  while (lineStart < limit) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > limit) lineEnd = limit;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trim();
    if (trimmed === marker) {
      contentEnd = lineStart;
      end = lineStart + line.indexOf(marker) + marker.length;
      break;
    }
    lineStart = lineEnd + 1;
  }
  if (contentEnd < 0) {
    p.error(`Unterminated heredoc: no closing line "${marker}".`, { start: opener.start, end: opener.end });
    contentEnd = recoveryEnd(text, contentStart, limit);
    end = contentEnd;
    // Leave the line break before the next block to the body parser.
    while (end > contentStart && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  }
  const reader = new TemplateReader(p, false, contentStart, contentEnd);
  let { parts } = reader.readParts([]);
  if (stripIndent) parts = dedent(text, parts, contentStart, contentEnd);
  p.seek(end);
  p.lastStart = opener.start;
  p.lastEnd = end;
  return {
    kind: 'template', parts, value: literalText(parts), heredoc: { marker, stripIndent }, range: { start: opener.start, end },
  };
}

/** Template text without delimiters (a JSON string's content): `${ }` and `%{ }` are read, escapes are not. */
export function parseTemplateText(p: TemplateHost, start: number, end: number): TemplateExpr {
  const reader = new TemplateReader(p, false, start, end);
  const { parts } = reader.readParts([]);
  return { kind: 'template', parts, value: literalText(parts), heredoc: undefined, range: { start, end } };
}

/** Where an unterminated heredoc is taken to end: before a column-0 line starting a top-level block, else the limit. */
function recoveryEnd(text: string, from: number, limit: number): number {
  let lineStart = from;
  while (lineStart < limit) {
    const match = /^([a-z]+)[ \t]*["{a-zA-Z_]/.exec(text.slice(lineStart, Math.min(lineStart + 40, limit)));
    if (match && TOP_LEVEL_BLOCKS.has(match[1])) return lineStart;
    const lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd >= limit) break;
    lineStart = lineEnd + 1;
  }
  return limit;
}

function literalText(parts: readonly TemplatePart[]): string | undefined {
  let value = '';
  for (const part of parts) {
    if (part.kind !== 'text') return undefined;
    value += part.value;
  }
  return value;
}

/** `<<-EOF`: remove the smallest indentation of the non-blank lines from every line. */
function dedent(text: string, parts: TemplatePart[], start: number, end: number): TemplatePart[] {
  let indent = Infinity;
  for (const line of text.slice(start, end).split('\n')) {
    if (line.trim() === '') continue;
    const width = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    indent = Math.min(indent, width);
  }
  if (indent === Infinity || indent === 0) return parts;
  const strip = (value: string, atLineStart: boolean): string => {
    const lines = value.split('\n');
    return lines.map((line, i) => (i > 0 || atLineStart ? line.replace(new RegExp(`^[ \\t]{0,${indent}}`), '') : line)).join('\n');
  };
  const visit = (list: TemplatePart[]): TemplatePart[] => list.map((part): TemplatePart => {
    switch (part.kind) {
      case 'text': {
        const atLineStart = part.range.start === start || text.charCodeAt(part.range.start - 1) === 10;
        return { ...part, value: strip(part.value, atLineStart) };
      }
      case 'if':
        return { ...part, then: visit(part.then), else: part.else ? visit(part.else) : undefined };
      case 'for':
        return { ...part, body: visit(part.body) };
      default:
        return part;
    }
  });
  return visit(parts);
}

interface DirectiveHead {
  keyword: string;
  start: number;
  /** After the keyword. */
  keywordEnd: number;
  stripLeft: boolean;
}

class TemplateReader {
  pos: number;
  /** An interpolation or directive could not be closed: the template ends here, already reported. */
  broken = false;
  private directiveDepth = 0;

  constructor(private readonly p: TemplateHost, private readonly quoted: boolean, start: number, private readonly limit: number) {
    this.pos = start;
  }

  readParts(endKeywords: readonly string[], stripFirst = false): { parts: TemplatePart[]; ended: DirectiveHead | undefined; endStripRight: boolean } {
    const text = this.p.text;
    const parts: TemplatePart[] = [];
    let textStart = this.pos;
    let segmentStart = this.pos;
    let value = '';
    let stripNext = stripFirst;
    const flush = (): void => {
      value += text.slice(segmentStart, this.pos);
      if (stripNext) value = value.trimStart();
      if (this.pos > textStart && !(stripNext && value === '')) {
        parts.push({ kind: 'text', value, range: { start: textStart, end: this.pos } });
      }
      stripNext = false;
      value = '';
    };
    const restart = (): void => {
      textStart = this.pos;
      segmentStart = this.pos;
    };
    const stripPrevious = (): void => {
      const last = parts[parts.length - 1];
      if (last?.kind !== 'text') return;
      const trimmed = last.value.trimEnd();
      if (trimmed === '') parts.pop();
      else parts[parts.length - 1] = { ...last, value: trimmed };
    };
    while (this.pos < this.limit && !this.broken) {
      const code = text.charCodeAt(this.pos);
      if (this.quoted && (code === 34 || code === 10 || (code === 13 && text.charCodeAt(this.pos + 1) === 10))) break;
      if (this.quoted && code === 92) {
        value += text.slice(segmentStart, this.pos);
        value += this.readEscape();
        segmentStart = this.pos;
        continue;
      }
      if ((code === 36 || code === 37) && text.charCodeAt(this.pos + 1) === 123) {
        flush();
        if (code === 36) {
          const part = this.readInterpolation();
          if (part.stripLeft) stripPrevious();
          if (part.part) parts.push(part.part);
          stripNext = part.stripRight;
        } else {
          const head = this.readDirectiveHead();
          if (head.stripLeft) stripPrevious();
          if (endKeywords.includes(head.keyword)) {
            const stripRight = this.closeDirective(head);
            return { parts, ended: head, endStripRight: stripRight };
          }
          const result = this.readDirective(head);
          if (result.part) parts.push(result.part);
          stripNext = result.stripRight;
        }
        restart();
        continue;
      }
      if ((code === 36 || code === 37) && text.charCodeAt(this.pos + 1) === code && text.charCodeAt(this.pos + 2) === 123) {
        // `$${` and `%%{` are literal `${` and `%{`.
        value += text.slice(segmentStart, this.pos) + String.fromCharCode(code) + '{';
        this.pos += 3;
        segmentStart = this.pos;
        continue;
      }
      this.pos++;
    }
    flush();
    return { parts, ended: undefined, endStripRight: false };
  }

  private readEscape(): string {
    const text = this.p.text;
    const start = this.pos;
    const next = text[this.pos + 1];
    this.pos += 2;
    switch (next) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case '"': return '"';
      case '\\': return '\\';
      case 'u':
      case 'U': {
        const length = next === 'u' ? 4 : 8;
        const hex = text.slice(this.pos, this.pos + length);
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === length) {
          const point = parseInt(hex, 16);
          if (point <= 0x10ffff) {
            this.pos += length;
            return String.fromCodePoint(point);
          }
        }
        this.p.error(`Invalid unicode escape: "\\${next}" needs ${length} hexadecimal digits.`, { start, end: this.pos });
        return '';
      }
      default:
        if (next === undefined || next === '\n' || next === '\r' || start + 1 >= this.limit) {
          this.pos = start + 1;
          this.p.error('Unterminated escape sequence.', { start, end: start + 1 });
          return '';
        }
        this.p.error(`Invalid escape sequence "\\${next}".`, { start, end: this.pos });
        return next;
    }
  }

  /** Parse an expression starting at this.pos, newlines ignored, within the template's limit. */
  private expression(): HclExpression {
    this.p.seek(this.pos);
    return this.p.withLimit(this.limit, () => this.p.withNewlines(true, () => this.p.parseExpression()));
  }

  /** `~}` or `}` at the parser's position: returns the end offset, or undefined when missing. */
  private readClose(): { end: number; stripRight: boolean } | undefined {
    return this.p.withLimit(this.limit, () => this.p.withNewlines(true, () => {
      const token = this.p.peek();
      if (token.type === 'punct' && token.value === '~') {
        const after = this.p.peekAfter(token);
        if (after.type === 'punct' && after.value === '}') {
          this.p.next();
          this.p.next();
          return { end: after.end, stripRight: true };
        }
      }
      if (token.type === 'punct' && token.value === '}') return { end: this.p.next().end, stripRight: false };
      return undefined;
    }));
  }

  /** The closing `}` is missing: report, and decide where the template resumes. */
  private unclosed(what: string, start: number, problemCount: number): void {
    const text = this.p.text;
    const offending = this.p.withLimit(this.limit, () => this.p.withNewlines(true, () => this.p.peek()));
    let newline = this.quoted ? text.indexOf('\n', start) : -1;
    if (newline >= this.limit) newline = -1;
    if (newline >= 0 && newline < Math.max(offending.start, this.p.lastEnd)) {
      // The string cannot go on past its line: what followed belongs to the enclosing body.
      this.p.rewind(this.p.pos, this.p.lastEnd, problemCount);
      this.pos = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      this.broken = true;
      this.p.error(`Missing "}" to close the ${what}; the string is not terminated.`, { start, end: this.pos });
      return;
    }
    this.p.error(`Missing "}" to close the ${what}.`, { start, end: start + 2 });
    this.pos = Math.max(this.p.lastEnd, this.pos);
  }

  private readInterpolation(): { part: TemplatePart | undefined; stripLeft: boolean; stripRight: boolean } {
    const start = this.pos;
    this.pos += 2;
    const stripLeft = this.p.text.charCodeAt(this.pos) === 126;
    if (stripLeft) this.pos++;
    const problemCount = this.p.problems.length;
    const expression = this.expression();
    const close = this.readClose();
    if (!close) {
      this.unclosed('interpolation', start, problemCount);
      if (this.broken) return { part: undefined, stripLeft, stripRight: false };
      return { part: { kind: 'interpolation', expression, range: { start, end: this.pos } }, stripLeft, stripRight: false };
    }
    this.pos = close.end;
    return { part: { kind: 'interpolation', expression, range: { start, end: close.end } }, stripLeft, stripRight: close.stripRight };
  }

  private readDirectiveHead(): DirectiveHead {
    const start = this.pos;
    let at = start + 2;
    const stripLeft = this.p.text.charCodeAt(at) === 126;
    if (stripLeft) at++;
    this.p.seek(at);
    const token = this.p.withLimit(this.limit, () => this.p.withNewlines(true, () => this.p.peek()));
    if (token.type === 'ident') {
      this.p.withLimit(this.limit, () => this.p.withNewlines(true, () => this.p.next()));
      return { keyword: token.value, start, keywordEnd: token.end, stripLeft };
    }
    return { keyword: '', start, keywordEnd: at, stripLeft };
  }

  /** Close a directive with no arguments (`else`, `endif`, `endfor`); returns its strip-right marker. */
  private closeDirective(head: DirectiveHead): boolean {
    this.pos = head.keywordEnd;
    const problemCount = this.p.problems.length;
    this.p.seek(head.keywordEnd);
    const close = this.readClose();
    if (!close) {
      this.unclosed(`"${head.keyword}" directive`, head.start, problemCount);
      return false;
    }
    this.pos = close.end;
    return close.stripRight;
  }

  private readDirective(head: DirectiveHead): { part: TemplatePart | undefined; stripRight: boolean } {
    if (head.keyword !== 'if' && head.keyword !== 'for') {
      const message = head.keyword === ''
        ? 'Expected "if", "for", "else", "endif" or "endfor" after "%{".'
        : `Unexpected "${head.keyword}" directive here.`;
      this.p.error(message, { start: head.start, end: Math.max(head.keywordEnd, head.start + 2) });
      this.closeDirective(head);
      return { part: undefined, stripRight: false };
    }
    if (this.directiveDepth >= MAX_DIRECTIVE_DEPTH) {
      this.p.error('Template directives are nested too deeply.', { start: head.start, end: head.keywordEnd });
      this.broken = true;
      this.pos = this.limit;
      return { part: undefined, stripRight: false };
    }
    this.directiveDepth++;
    try {
      return head.keyword === 'if' ? this.readIf(head) : this.readFor(head);
    } finally {
      this.directiveDepth--;
    }
  }

  private readIf(head: DirectiveHead): { part: TemplatePart | undefined; stripRight: boolean } {
    this.pos = head.keywordEnd;
    const problemCount = this.p.problems.length;
    const condition = this.expression();
    const close = this.readClose();
    if (!close) {
      this.unclosed('"if" directive', head.start, problemCount);
      return { part: undefined, stripRight: false };
    }
    this.pos = close.end;
    const thenPart = this.readParts(['else', 'endif'], close.stripRight);
    let elseParts: TemplatePart[] | undefined;
    let stripRight = thenPart.endStripRight;
    let ended = thenPart.ended;
    if (ended?.keyword === 'else') {
      const elsePart = this.readParts(['endif'], thenPart.endStripRight);
      elseParts = elsePart.parts;
      stripRight = elsePart.endStripRight;
      ended = elsePart.ended;
    }
    if (!ended && !this.broken) this.p.error('Missing "%{ endif }" for this "if" directive.', { start: head.start, end: head.keywordEnd });
    const part: TemplateIf = {
      kind: 'if', condition, then: thenPart.parts, else: elseParts, range: { start: head.start, end: this.pos },
    };
    return { part, stripRight };
  }

  private readFor(head: DirectiveHead): { part: TemplatePart | undefined; stripRight: boolean } {
    this.pos = head.keywordEnd;
    const problemCount = this.p.problems.length;
    const p = this.p;
    const header = p.withLimit(this.limit, () => p.withNewlines(true, () => {
      p.seek(head.keywordEnd);
      const first = p.peek();
      if (first.type !== 'ident') return undefined;
      p.next();
      let keyVar: string | undefined;
      let valueVar = first.value;
      if (p.at(',')) {
        p.next();
        const second = p.peek();
        if (second.type !== 'ident') return undefined;
        p.next();
        keyVar = first.value;
        valueVar = second.value;
      }
      const inToken = p.peek();
      if (inToken.type !== 'ident' || inToken.value !== 'in') return undefined;
      p.next();
      return { keyVar, valueVar, collection: p.parseExpression() };
    }));
    if (!header) {
      p.error('Expected "for NAME in COLLECTION" or "for KEY, VALUE in COLLECTION".', { start: head.start, end: head.keywordEnd });
      this.pos = Math.max(this.pos, p.lastEnd);
    }
    const close = this.readClose();
    if (!close) {
      this.unclosed('"for" directive', head.start, problemCount);
      return { part: undefined, stripRight: false };
    }
    this.pos = close.end;
    const body = this.readParts(['endfor'], close.stripRight);
    if (!body.ended && !this.broken) p.error('Missing "%{ endfor }" for this "for" directive.', { start: head.start, end: head.keywordEnd });
    if (!header) return { part: undefined, stripRight: body.endStripRight };
    const part: TemplateFor = {
      kind: 'for', keyVar: header.keyVar, valueVar: header.valueVar, collection: header.collection, body: body.parts,
      range: { start: head.start, end: this.pos },
    };
    return { part, stripRight: body.endStripRight };
  }
}
