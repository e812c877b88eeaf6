// On-demand tokenizer for HCL native syntax. `scanToken` is stateless: it reads one token starting at an offset,
// so the parser can re-scan after switching into template mode or after rewinding for error recovery.
// Whitespace and comments are skipped; newlines are tokens (the parser decides where they matter).

export type TokenType =
  | 'ident'
  | 'number'
  /** `"`: the parser reads the template itself. */
  | 'quote'
  /** `<<EOF` or `<<-EOF`; `value` is the marker, `strip` tells the `-` form. */
  | 'heredoc'
  | 'punct'
  | 'newline'
  | 'eof'
  /** A character that starts no token. */
  | 'invalid';

export interface Token {
  readonly type: TokenType;
  readonly start: number;
  readonly end: number;
  /** Identifier name, operator text, number text or heredoc marker. */
  readonly value: string;
  readonly strip?: boolean;
}

export interface LexProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** Block types that start a new top-level block; a column-0 line starting with one ends an unclosed block. */
export const TOP_LEVEL_BLOCKS: ReadonlySet<string> = new Set([
  'resource', 'data', 'module', 'variable', 'output', 'locals', 'provider', 'terraform', 'moved', 'import', 'check', 'removed',
]);

const THREE = ['...'];
const TWO = new Set(['==', '!=', '<=', '>=', '&&', '||', '=>', '::']);
const ONE = new Set(['{', '}', '[', ']', '(', ')', '=', ':', '?', ',', '.', '*', '/', '%', '+', '-', '<', '>', '!', '~']);

const NON_ASCII_ID_START = /[\p{ID_Start}]/u;
const NON_ASCII_ID_CONTINUE = /[\p{ID_Continue}]/u;

export function isIdentStart(code: number, text: string, at: number): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95) return true;
  if (code < 128) return false;
  return NON_ASCII_ID_START.test(String.fromCodePoint(text.codePointAt(at) ?? code));
}

export function isIdentPart(code: number, text: string, at: number): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45) {
    return true;
  }
  if (code < 128) return false;
  return NON_ASCII_ID_CONTINUE.test(String.fromCodePoint(text.codePointAt(at) ?? code));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Length of the code point at `at` (2 for a surrogate pair). */
function charLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1;
}

/** Offset after spaces, tabs, lone carriage returns, a byte order mark and comments (never past a newline, except inside a block comment). */
export function skipTrivia(text: string, pos: number, limit: number, problems?: LexProblem[]): number {
  while (pos < limit) {
    const code = text.charCodeAt(pos);
    if (code === 32 || code === 9 || code === 0xfeff || code === 11 || code === 12) {
      pos++;
    } else if (code === 13) {
      if (text.charCodeAt(pos + 1) === 10) return pos;
      pos++;
    } else if (code === 35 || (code === 47 && text.charCodeAt(pos + 1) === 47)) {
      while (pos < limit && text.charCodeAt(pos) !== 10 && !(text.charCodeAt(pos) === 13 && text.charCodeAt(pos + 1) === 10)) pos++;
    } else if (code === 47 && text.charCodeAt(pos + 1) === 42) {
      const close = text.indexOf('*/', pos + 2);
      if (close < 0 || close + 2 > limit) {
        problems?.push({ message: 'Unterminated comment: missing "*/".', start: pos, end: pos + 2 });
        return limit;
      }
      pos = close + 2;
    } else {
      return pos;
    }
  }
  return pos;
}

function scanNumber(text: string, pos: number, limit: number): number {
  while (pos < limit && isDigit(text.charCodeAt(pos))) pos++;
  if (text.charCodeAt(pos) === 46 && pos + 1 < limit && isDigit(text.charCodeAt(pos + 1))) {
    pos++;
    while (pos < limit && isDigit(text.charCodeAt(pos))) pos++;
  }
  const e = text.charCodeAt(pos);
  if (e === 101 || e === 69) {
    let after = pos + 1;
    const sign = text.charCodeAt(after);
    if (sign === 43 || sign === 45) after++;
    if (after < limit && isDigit(text.charCodeAt(after))) {
      pos = after;
      while (pos < limit && isDigit(text.charCodeAt(pos))) pos++;
    }
  }
  return pos;
}

/** `<<EOF` / `<<-EOF` directly followed by a newline; undefined when the text is not a heredoc opener. */
function scanHeredoc(text: string, pos: number, limit: number): Token | undefined {
  let at = pos + 2;
  const strip = text.charCodeAt(at) === 45;
  if (strip) at++;
  if (at >= limit || !isIdentStart(text.charCodeAt(at), text, at)) return undefined;
  const nameStart = at;
  while (at < limit && isIdentPart(text.charCodeAt(at), text, at)) at += charLength(text, at);
  let after = at;
  while (after < limit && (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9)) after++;
  const next = text.charCodeAt(after);
  if (!(after >= limit || next === 10 || (next === 13 && text.charCodeAt(after + 1) === 10))) return undefined;
  return { type: 'heredoc', start: pos, end: at, value: text.slice(nameStart, at), strip };
}

/** The token at or after `pos` (trivia skipped). Never reads at or past `limit`. */
export function scanToken(text: string, pos: number, limit: number, problems?: LexProblem[]): Token {
  pos = skipTrivia(text, pos, limit, problems);
  if (pos >= limit) return { type: 'eof', start: limit, end: limit, value: '' };
  const code = text.charCodeAt(pos);
  if (code === 10) return { type: 'newline', start: pos, end: pos + 1, value: '\n' };
  if (code === 13) return { type: 'newline', start: pos, end: pos + 2, value: '\n' };
  if (isIdentStart(code, text, pos)) {
    let end = pos + charLength(text, pos);
    while (end < limit && isIdentPart(text.charCodeAt(end), text, end)) end += charLength(text, end);
    return { type: 'ident', start: pos, end, value: text.slice(pos, end) };
  }
  if (isDigit(code)) {
    const end = scanNumber(text, pos, limit);
    return { type: 'number', start: pos, end, value: text.slice(pos, end) };
  }
  if (code === 34) return { type: 'quote', start: pos, end: pos + 1, value: '"' };
  if (code === 60 && text.charCodeAt(pos + 1) === 60) {
    const heredoc = scanHeredoc(text, pos, limit);
    if (heredoc) return heredoc;
  }
  const three = text.slice(pos, pos + 3);
  if (pos + 3 <= limit && THREE.includes(three)) return { type: 'punct', start: pos, end: pos + 3, value: three };
  const two = text.slice(pos, pos + 2);
  if (pos + 2 <= limit && TWO.has(two)) return { type: 'punct', start: pos, end: pos + 2, value: two };
  const one = text[pos];
  if (ONE.has(one)) return { type: 'punct', start: pos, end: pos + 1, value: one };
  const length = charLength(text, pos);
  return { type: 'invalid', start: pos, end: pos + length, value: text.slice(pos, pos + length) };
}

/** True when only spaces and tabs separate `offset` from the start of its line. */
export function isFirstOnLine(text: string, offset: number): boolean {
  let at = offset - 1;
  while (at >= 0) {
    const code = text.charCodeAt(at);
    if (code === 10) return true;
    if (code !== 32 && code !== 9 && code !== 0xfeff) return false;
    at--;
  }
  return true;
}

export function isColumnZero(text: string, offset: number): boolean {
  return offset === 0 || text.charCodeAt(offset - 1) === 10 || (offset === 1 && text.charCodeAt(0) === 0xfeff);
}

/** How a token reads in a message. */
export function describeToken(token: Token): string {
  switch (token.type) {
    case 'eof':
      return 'end of file';
    case 'newline':
      return 'end of line';
    case 'quote':
      return 'a string';
    case 'heredoc':
      return 'a heredoc';
    case 'number':
      return `number ${token.value}`;
    case 'ident':
      return `"${token.value}"`;
    default:
      return `"${token.value}"`;
  }
}

const HEREDOC_OPENER = /^<<-?([\p{ID_Start}_][\p{ID_Continue}-]*)[ \t]*\r?\n/u;
const RECOVERY_LINE = /^([a-z]+)[ \t]*["{\p{ID_Start}_]/u;

/**
 * Offset just after the construct that starts at `from` (an opening bracket, a quoted string or a heredoc),
 * scanned without recursion: brackets of every kind are balanced, strings (with their `${ }` and `%{ }`
 * sequences), comments and heredocs are read whole. Stops early at a column-0 line that starts a top-level block
 * (the offset of that line) and at `limit`. Used to pass over input nested too deeply to be parsed.
 */
export function skipBalanced(text: string, from: number, limit: number): number {
  // One entry per open construct: a bracket, or a string (closed by `"`), or an interpolation inside a string.
  const open: ('bracket' | 'string' | 'interpolation')[] = [];
  let at = from;
  while (at < limit) {
    const code = text.charCodeAt(at);
    if (open[open.length - 1] === 'string') {
      if (code === 92) at += 2;
      else if (code === 34) {
        open.pop();
        at++;
      } else if (code === 10 || code === 13) {
        open.pop(); // an unterminated string ends at its line end
      } else if ((code === 36 || code === 37) && text.charCodeAt(at + 1) === 123) {
        open.push('interpolation');
        at += 2;
      } else if ((code === 36 || code === 37) && text.charCodeAt(at + 1) === code && text.charCodeAt(at + 2) === 123) {
        at += 3; // `$${` and `%%{` are literal text
      } else {
        at++;
      }
    } else if (code === 34) {
      open.push('string');
      at++;
    } else if (code === 35 || (code === 47 && text.charCodeAt(at + 1) === 47)) {
      while (at < limit && text.charCodeAt(at) !== 10) at++;
    } else if (code === 47 && text.charCodeAt(at + 1) === 42) {
      const close = text.indexOf('*/', at + 2);
      at = close < 0 ? limit : close + 2;
    } else if (code === 60 && text.charCodeAt(at + 1) === 60 && HEREDOC_OPENER.test(text.slice(at, at + 200))) {
      at = heredocEnd(text, at, limit);
    } else if (code === 123 || code === 91 || code === 40) {
      open.push('bracket');
      at++;
    } else if (code === 125 || code === 93 || code === 41) {
      open.pop();
      at++;
    } else if (code === 10 && at + 1 < limit && isRecoveryLine(text, at + 1)) {
      return at + 1;
    } else {
      at++;
    }
    if (open.length === 0 && at > from) return Math.min(at, limit);
  }
  return limit;
}

/** After the closing marker line of the heredoc whose `<<` is at `from`, or `limit` when it is never closed. */
function heredocEnd(text: string, from: number, limit: number): number {
  const match = HEREDOC_OPENER.exec(text.slice(from, from + 200));
  if (!match) return from + 2;
  const marker = match[1];
  let lineStart = from + match[0].length;
  while (lineStart < limit) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > limit) lineEnd = limit;
    if (text.slice(lineStart, lineEnd).trim() === marker) return lineEnd;
    lineStart = lineEnd + 1;
  }
  return limit;
}

/** A column-0 line that starts a top-level block (`resource "x" "y" {`): where an unclosed construct stops. */
function isRecoveryLine(text: string, lineStart: number): boolean {
  const match = RECOVERY_LINE.exec(text.slice(lineStart, lineStart + 40));
  return match !== null && TOP_LEVEL_BLOCKS.has(match[1]);
}
