// Text as Terraform's functions write it (go-cty, Go's strings, fmt, encoding/json and regexp packages), for
// functions.ts: numbers as strings, JSON encoding, format() verbs, case mapping, trimspace and RE2 patterns in
// replace(). Each helper returns undefined where JavaScript would not give the same text as Terraform (a number
// too long to be written exactly, a character whose escape depends on the Go version, a pattern that cannot be
// translated safely): the caller then says unknown, never a guess.
import { MAX_NESTING } from '../limits';
import type { ScalarValue } from '../types';

/** A value of Terraform's type system with every part known (objects are Terraform objects and maps). */
export type Plain = ScalarValue | readonly Plain[] | { readonly [key: string]: Plain };

export const isList = (value: Plain): value is readonly Plain[] => Array.isArray(value);
export const isObject = (value: Plain): value is { readonly [key: string]: Plain } => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Go orders strings byte by byte in UTF-8, that is by code point; JavaScript's `<` compares UTF-16 units, which
 * differs for characters above U+FFFF against U+E000..U+FFFF. Negative, zero or positive, as Array.sort wants.
 */
export function compareText(left: string, right: string): number {
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const a = left.codePointAt(i) as number;
    const b = right.codePointAt(j) as number;
    if (a !== b) return a - b;
    i += a > 0xffff ? 2 : 1;
    j += b > 0xffff ? 2 : 1;
  }
  return (left.length - i) - (right.length - j);
}

/** The keys of an object in the order Terraform iterates them (lexical by code point). */
export const sortedKeys = (value: { readonly [key: string]: Plain }): string[] => Object.keys(value).sort(compareText);

/** Significant digits of a decimal text such as "-0.00125" (3) or "1200" (4, trailing zeros of an integer count). */
function significantDigits(text: string): number {
  const digits = text.replace(/^[-+]/, '').replace('.', '').replace(/^0+/, '');
  return digits.length;
}

/**
 * A number as Terraform converts it to a string (big.Float `Text('f', -1)`: every digit, never an exponent, so
 * 1e21 is "1000000000000000000000"). Undefined when the double we hold may not be the decimal the configuration
 * wrote: beyond 2^53 for integers, more than 15 significant digits otherwise, or not finite.
 */
export function numberText(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (Number.isInteger(value)) return Math.abs(value) <= Number.MAX_SAFE_INTEGER ? String(Object.is(value, -0) ? 0 : value) : undefined;
  const text = String(value);
  return /e/i.test(text) || significantDigits(text) > 15 ? undefined : text;
}

/**
 * A number as format's %v writes it (big.Float `Text('g', -1)`): the shortest digits, with an exponent of at least
 * two digits when the decimal exponent is below -4 or at least 6 (1000000 is "1e+06"). Undefined as numberText.
 */
export function numberTextG(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) return undefined;
  if (value === 0) return '0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  if (significantDigits(mantissa) > 15) return undefined;
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return numberText(value);
}

/**
 * A decimal number text as Terraform converts a string to a number (big.ParseFloat in base 10: an optional sign,
 * digits with an optional point, an optional exponent; no hexadecimal, no underscores, no spaces). Undefined when
 * Terraform refuses the text, or when it is a value a double cannot hold (Inf, more than 15 significant digits).
 */
export function parseNumber(text: string): number | 'error' | undefined {
  if (/^[-+]?inf(inity)?$/i.test(text)) return undefined;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return 'error';
  const value = Number(text);
  const mantissa = text.replace(/[eE].*$/, '').replace(/^[-+]?0*\.?0*/, '').replace('.', '').replace(/0+$/, '');
  return Number.isFinite(value) && mantissa.length <= 15 ? value : undefined;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A string as Go's encoding/json writes it, which jsonencode and format's %q use: `<`, `>`, `&`, U+2028 and U+2029
 * escaped as \u003c... Undefined for \b and \f (Go before 1.22 writes \u0008, later \b: it depends on the
 * Terraform build) and for text that is not valid Unicode.
 */
export function quoteJson(text: string): string | undefined {
  if (/[\b\f]/.test(text) || LONE_SURROGATE.test(text)) return undefined;
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * jsonencode's text: compact, object keys sorted, numbers without exponent, strings escaped as quoteJson.
 * Undefined when a part cannot be written exactly (see numberText and quoteJson).
 */
export function encodeJson(value: Plain): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return quoteJson(value);
  const parts: string[] = [];
  if (isList(value)) {
    for (const item of value) {
      const text = encodeJson(item);
      if (text === undefined) return undefined;
      parts.push(text);
    }
    return `[${parts.join(',')}]`;
  }
  for (const key of sortedKeys(value)) {
    const name = quoteJson(key);
    const text = encodeJson(value[key]);
    if (name === undefined || text === undefined) return undefined;
    parts.push(`${name}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * jsondecode: a JSON text as a value. 'error' when it is not JSON; undefined when JSON.parse would not give what
 * Terraform gives (an object with a key twice, which go-cty refuses; a number a double cannot hold), and when the
 * value nests more than MAX_NESTING levels (the functions here, and exactJson, recurse per level).
 */
export function decodeJson(text: string): { readonly value: Plain } | 'error' | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'error';
  }
  if (nestsDeeperThan(parsed, MAX_NESTING)) return undefined;
  if (/"(?:[^"\\]|\\.)*"\s*:/.test(text) && hasDuplicateKeys(text)) return undefined;
  return exactJson(parsed) ? { value: parsed as Plain } : undefined;
}

/** True when arrays and objects nest more than `max` levels in `value` (JSON.parse output); no recursion. */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > max) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

function exactJson(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && (!Number.isInteger(value) || Math.abs(value) <= Number.MAX_SAFE_INTEGER);
  if (Array.isArray(value)) return value.every(exactJson);
  if (value !== null && typeof value === 'object') return Object.values(value).every(exactJson);
  return true;
}

/** Whether some object in a (valid) JSON text names a key twice: JSON.parse keeps the last, go-cty refuses it. */
function hasDuplicateKeys(text: string): boolean {
  const stack: Set<string>[] = [];
  const token = /"(?:[^"\\]|\\.)*"|[{}[\]:,]|[^\s{}[\]:,"]+/g;
  let previous: string | undefined;
  let pending: string | undefined;
  for (const match of text.matchAll(token)) {
    const part = match[0];
    if (part === '{') stack.push(new Set());
    else if (part === '}') stack.pop();
    else if (part === ':' && pending !== undefined) {
      const keys = stack[stack.length - 1];
      if (keys?.has(pending)) return true;
      keys?.add(pending);
    }
    pending = part.startsWith('"') && (previous === '{' || previous === ',') ? (JSON.parse(part) as string) : undefined;
    previous = part;
  }
  return false;
}

/** Grapheme clusters, Terraform's characters (length, and format widths and precisions). */
export function graphemes(text: string): string[] {
  return [...new Intl.Segmenter().segment(text)].map((segment) => segment.segment);
}

/**
 * lower/upper as Go's strings.ToLower/ToUpper: each code point mapped alone by Unicode's simple case mapping.
 * JavaScript applies the full mapping (ß to SS, final sigma): a code point whose JavaScript mapping is not one code
 * point makes the result undefined.
 */
export function mapCase(text: string, upper: boolean): string | undefined {
  let out = '';
  for (const char of text) {
    const mapped = upper ? char.toUpperCase() : char.toLowerCase();
    if ([...mapped].length !== 1) return undefined;
    out += mapped;
  }
  return out;
}

/** Go's unicode.IsSpace: ASCII spaces, U+0085, U+00A0 and the Unicode separators (Z*); not U+FEFF as JavaScript's trim. */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** trimspace as Go's strings.TrimSpace. */
export function trimSpace(text: string): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && GO_SPACE.test(chars[start])) start++;
  while (end > start && GO_SPACE.test(chars[end - 1])) end--;
  return chars.slice(start, end).join('');
}

/** Go's strings.Replace(text, old, replacement, -1): an empty `old` matches before every code point and at the end. */
export function replaceText(text: string, old: string, replacement: string): string {
  if (old === '') return replacement + [...text].map((char) => char + replacement).join('');
  return text.split(old).join(replacement);
}

/** Go's strings.Split: an empty separator splits into code points (none for an empty text). */
export function splitText(separator: string, text: string): string[] {
  return separator === '' ? [...text] : text.split(separator);
}

// ---------------------------------------------------------------------------------------------------------------
// replace() with a /pattern/: Go's regexp (RE2) translated to a JavaScript RegExp with the `u` flag, for the
// syntax both read the same way. Anything else (flags, named groups, Unicode classes, \Q..\E, POSIX classes,
// octal escapes) is not translated. Both engines pick leftmost-first matches, so they agree on the matches except
// for empty ones (Go skips an empty match right after a match, JavaScript does not): a pattern that matches empty
// text anywhere makes the result unknown.

const SYNTAX = '^$\\.*+?()[]{}|/';

/** A character as a JavaScript `u` pattern reads it literally (inside a class `-` needs escaping too). */
function literal(char: string, inClass: boolean): string {
  return SYNTAX.includes(char) || (inClass && char === '-') ? `\\${char}` : char;
}

const SPACE_CLASS = '\\t\\n\\f\\r ';

/** A translated piece: its JavaScript text, the index after it, and its code point when it is one character. */
type Piece = { readonly text: string; readonly next: number; readonly code?: number };

/** The escape whose backslash is at pattern[i - 1], or undefined when it is not one we translate. */
function escape(pattern: string, i: number, inClass: boolean): Piece | undefined {
  const char = pattern[i];
  if (char === undefined) return undefined;
  if ('dDwW'.includes(char)) return { text: `\\${char}`, next: i + 1 };
  // Go's \s is [\t\n\f\r ]; JavaScript's also takes \v and the Unicode spaces.
  if (char === 's') return { text: inClass ? SPACE_CLASS : `[${SPACE_CLASS}]`, next: i + 1 };
  if (char === 'S' && !inClass) return { text: `[^${SPACE_CLASS}]`, next: i + 1 };
  if (!inClass && (char === 'b' || char === 'B')) return { text: `\\${char}`, next: i + 1 };
  if (!inClass && char === 'A') return { text: '^', next: i + 1 };
  if (!inClass && char === 'z') return { text: '$', next: i + 1 };
  const controls: Readonly<Record<string, number>> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
  if (controls[char] !== undefined) return { text: `\\u{${controls[char].toString(16)}}`, next: i + 1, code: controls[char] };
  if (char === 'x') {
    const hex = /^\{([0-9a-fA-F]{1,6})\}/.exec(pattern.slice(i + 1)) ?? /^()([0-9a-fA-F]{2})/.exec(pattern.slice(i + 1));
    if (!hex) return undefined;
    const code = parseInt(hex[1] || hex[2], 16);
    return code > 0x10ffff ? undefined : { text: `\\u{${code.toString(16)}}`, next: i + 1 + hex[0].length, code };
  }
  // Go: a backslash before punctuation is that character; before a letter or digit it is an escape we do not translate.
  if (/[!-/:-@[-`{-~]/.test(char)) return { text: literal(char, inClass), next: i + 1, code: char.charCodeAt(0) };
  return undefined;
}

/** One member of a bracket class at pattern[i]: a character, an escape, or undefined (a POSIX class, an untranslated escape). */
function classMember(pattern: string, i: number): Piece | undefined {
  if (pattern[i] === '\\') return escape(pattern, i + 1, true);
  if (pattern[i] === '[' && pattern[i + 1] === ':') return undefined;
  const code = pattern.codePointAt(i) as number;
  const char = String.fromCodePoint(code);
  return { text: literal(char, true), next: i + char.length, code };
}

/** A bracket class whose `[` is at pattern[start]: its JavaScript text and the index after `]`, or undefined. */
function bracketClass(pattern: string, start: number): Piece | undefined {
  let i = start + 1;
  let text = '[';
  if (pattern[i] === '^') {
    text += '^';
    i++;
  }
  const first = i;
  while (i < pattern.length) {
    // `]` first is a member; `-` is one only first or last (Go refuses it elsewhere outside a range).
    if (pattern[i] === ']' && i > first) return { text: `${text}]`, next: i + 1 };
    if (pattern[i] === '-' && i > first && pattern[i + 1] !== ']') return undefined;
    const low = classMember(pattern, i);
    if (!low) return undefined;
    i = low.next;
    if (pattern[i] === '-' && pattern[i + 1] !== ']' && i + 1 < pattern.length) {
      const high = classMember(pattern, i + 1);
      if (!high || low.code === undefined || high.code === undefined || high.code < low.code) return undefined;
      i = high.next;
      text += `${low.text}-${high.text}`;
    } else {
      text += low.text;
    }
  }
  return undefined; // not closed
}

/** The JavaScript source of an RE2 pattern, or undefined when it is not one we translate. */
export function translateRe2(pattern: string): string | undefined {
  let out = '';
  let i = 0;
  let canRepeat = false;
  let depth = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    if (char === '\\') {
      const escaped = escape(pattern, i + 1, false);
      if (!escaped) return undefined;
      out += escaped.text;
      i = escaped.next;
      canRepeat = !['^', '$', '\\b', '\\B'].includes(escaped.text);
    } else if (char === '[') {
      const cls = bracketClass(pattern, i);
      if (!cls) return undefined;
      out += cls.text;
      i = cls.next;
      canRepeat = true;
    } else if (char === '(') {
      if (pattern[i + 1] === '?') {
        if (pattern[i + 2] !== ':') return undefined; // flags and named groups
        out += '(?:';
        i += 3;
      } else {
        out += '(';
        i++;
      }
      depth++;
      canRepeat = false;
    } else if (char === ')') {
      if (depth === 0) return undefined;
      depth--;
      out += ')';
      i++;
      canRepeat = true;
    } else if (char === '|') {
      out += '|';
      i++;
      canRepeat = false;
    } else if (char === '*' || char === '+' || char === '?' || (char === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i)))) {
      if (!canRepeat) return undefined;
      let quantifier = char;
      if (char === '{') {
        quantifier = (/^\{\d+(,\d*)?\}/.exec(pattern.slice(i)) as RegExpExecArray)[0];
        const counts = quantifier.slice(1, -1).split(',').filter((part) => part !== '').map(Number);
        if (counts.some((count) => count > 1000) || (counts.length === 2 && counts[1] < counts[0])) return undefined;
      }
      i += quantifier.length;
      if (pattern[i] === '?') {
        quantifier += '?';
        i++;
      }
      out += quantifier;
      canRepeat = false;
    } else if (char === '.') {
      out += '[^\\n]';
      i++;
      canRepeat = true;
    } else if (char === '^' || char === '$') {
      out += char;
      i++;
      canRepeat = false;
    } else {
      const code = pattern.codePointAt(i) as number;
      const text = String.fromCodePoint(code);
      out += literal(text, false);
      i += text.length;
      canRepeat = true;
    }
  }
  return depth === 0 ? out : undefined;
}

/** Go's Regexp.Expand template: $1, ${1}, $name, ${name}, $$; names we never define and missing groups give "". */
function expand(template: string, groups: readonly (string | undefined)[]): string | undefined {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const char = template[i];
    if (char !== '$') {
      out += char;
      continue;
    }
    if (template[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    const rest = template.slice(i + 1);
    const match = /^\{([A-Za-z0-9_]+)\}/.exec(rest) ?? (rest.startsWith('{') ? null : /^[A-Za-z0-9_]+/.exec(rest));
    // Go reads any Unicode letter or digit as part of a name: where one could continue it, we stop.
    const after = rest.charCodeAt(match && !match[1] ? match[0].length : rest.startsWith('{') ? 1 : 0);
    if (after > 0x7f) return undefined;
    if (!match) {
      out += '$'; // malformed: the $ is kept as text
      continue;
    }
    const name = match[1] ?? match[0];
    i += match[0].length;
    const number = /^\d+$/.test(name) && (name === '0' || !name.startsWith('0')) && name.length < 9 ? Number(name) : undefined;
    out += number === undefined ? '' : groups[number] ?? '';
  }
  return out;
}

/**
 * replace(text, "/pattern/", replacement) as Go's Regexp.ReplaceAllString; undefined when the pattern is not one
 * translateRe2 reads, when it matches empty text, or when the replacement names a group in a way we do not read.
 */
export function replaceRegex(text: string, pattern: string, replacement: string): string | undefined {
  const source = translateRe2(pattern);
  if (source === undefined) return undefined;
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'gu');
  } catch {
    return undefined;
  }
  let out = '';
  let last = 0;
  for (const match of text.matchAll(regex)) {
    if (match[0] === '') return undefined;
    const expanded = expand(replacement, match);
    if (expanded === undefined) return undefined;
    out += text.slice(last, match.index) + expanded;
    last = (match.index as number) + match[0].length;
  }
  return out + text.slice(last);
}
