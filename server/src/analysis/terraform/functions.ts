// Terraform's built-in functions over known values, as Terraform computes them: each function checked against its
// page under https://developer.hashicorp.com/terraform/language/functions and against the code Terraform runs
// (hashicorp/terraform internal/lang/funcs, zclconf/go-cty function/stdlib). A call gives a value, an error
// (Terraform would refuse the configuration: nothing is deployed) or unknown (not computed here, never guessed).
// Values are nodes of the value tree, so a value a function passes through (merge's entries, concat's items, the
// argument coalesce or lookup picks) keeps the range where it was written; what a function computes sits at the call.
import type { MapEntry, OffsetRange, ScalarValue, ValueNode } from '../types';
import type { Plain } from './functionText';
import {
  compareText, decodeJson, encodeJson, graphemes, isList, isObject, mapCase, numberText, numberTextG, parseNumber, quoteJson,
  replaceRegex, replaceText, sortedKeys, splitText, trimSpace,
} from './functionText';

export type { Plain };
export { encodeJson };

/** What a call gives: its value as a node (null as a null scalar), 'error' (Terraform refuses it) or 'unknown'. */
export type Computed = { readonly node: ValueNode } | 'error' | 'unknown';

// Inside, a failure is a symbol, so that no value (not even the string "error") is taken for one.
const error: unique symbol = Symbol('error');
const unknown: unique symbol = Symbol('unknown');
type Fail = typeof error | typeof unknown;
const failed = (value: unknown): value is Fail => value === error || value === unknown;

/** The functions evaluated here (`try` and `can` are decided by the resolver, which sees errors). */
export const FUNCTIONS = new Set(['merge', 'lookup', 'coalesce', 'coalescelist', 'concat', 'flatten', 'distinct', 'compact', 'toset', 'tolist', 'tomap',
  'keys', 'values', 'length', 'contains', 'element', 'index', 'one', 'zipmap', 'format', 'join', 'split', 'replace', 'lower', 'upper', 'trimspace',
  'tostring', 'tonumber', 'tobool', 'jsonencode', 'jsondecode', 'sensitive', 'nonsensitive']);

// ---------------------------------------------------------------------------------------------------------------
// Nodes. Arguments are closed values: scalars (null included), lists (seq) and objects (map), nothing else.

type Node = ValueNode;

const scalar = (value: ScalarValue, range: OffsetRange): Node => ({ kind: 'scalar', value, range });
const list = (items: readonly Node[], range: OffsetRange): Node => ({ kind: 'seq', items, range });
const isNull = (node: Node): boolean => node.kind === 'scalar' && node.value === null;

/** The plain value of a closed node; undefined when some part is not a value (an expression, a dynamic block). */
export function plainOf(node: Node | undefined): Plain | undefined {
  if (!node) return undefined;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq': {
      const items: Plain[] = [];
      for (const item of node.items) {
        const value = plainOf(item);
        if (value === undefined) return undefined;
        items.push(value);
      }
      return items;
    }
    case 'map': {
      if (node.dynamic) return undefined;
      const object: Record<string, Plain> = {};
      for (const entry of node.entries) {
        const value = plainOf(entry.value);
        if (value === undefined) return undefined;
        object[entry.key] = value;
      }
      return object;
    }
    default:
      return undefined;
  }
}

/** A plain value as a node placed at `site` (every part there: it was computed, not written). */
export function placed(value: Plain, site: OffsetRange): Node {
  if (isList(value)) return list(value.map((item) => placed(item, site)), site);
  if (isObject(value)) return { kind: 'map', range: site, entries: Object.keys(value).map((key): MapEntry => ({ key, keyRange: site, value: placed(value[key], site) })) };
  return scalar(value, site);
}

/** A key that two equal values share and unequal ones do not (types count: 1 is not "1"). */
function identity(value: Plain): string {
  if (isList(value)) return `[${value.map(identity).join(',')}]`;
  if (isObject(value)) return `{${sortedKeys(value).map((key) => `${JSON.stringify(key)}:${identity(value[key])}`).join(',')}}`;
  return typeof value === 'number' ? `n${value}` : JSON.stringify(value);
}

/** The shape of a value's type, for telling whether collections share one (null fits any type). */
function shape(node: Node): string {
  if (node.kind === 'seq') return `[${node.items.map(shape).join(',')}]`;
  if (node.kind === 'map') return `{${[...node.entries].sort((a, b) => compareText(a.key, b.key)).map((entry) => `${entry.key}:${entry.value ? shape(entry.value) : '?'}`).join(',')}}`;
  return node.kind === 'scalar' ? (node.value === null ? 'null' : typeof node.value) : '?';
}

// ---------------------------------------------------------------------------------------------------------------
// Conversions Terraform applies to arguments (go-cty convert): number and bool to string always; string to number
// or bool where a number or bool is required; nothing else.

/** A string argument (cty.String): null stays null; numbers and bools are converted; collections are an error. */
function text(node: Node): string | null | Fail {
  if (node.kind !== 'scalar') return error;
  const value = node.value;
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  return numberText(value) ?? unknown;
}

/** A string argument that must not be null (a function parameter without AllowNull). */
function requiredText(node: Node | undefined): string | Fail {
  if (!node) return error;
  const value = text(node);
  return value === null ? error : value;
}

/** A number argument (cty.Number): a number, or a string in decimal notation; null is an error here. */
function number(node: Node | undefined): number | Fail {
  if (node?.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') return error;
  if (typeof node.value === 'number') return node.value;
  const parsed = parseNumber(node.value);
  return parsed === 'error' ? error : parsed ?? unknown;
}

/** An element converted to a string, keeping where it was written. */
function asStringNode(node: Node): Node | Fail {
  const value = text(node);
  if (failed(value)) return value;
  return node.kind === 'scalar' && value === node.value ? node : scalar(value, node.range);
}

/**
 * Elements converted to one element type, as Terraform converts a tuple to a list, set or map: primitives of
 * several types become strings when one of them is a string (a number and a bool alone have no common type);
 * collections must already share a type (else unknown: go-cty's unification of structural types is not modelled).
 */
function unify(items: readonly Node[]): Node[] | Fail {
  const present = items.filter((item) => !isNull(item));
  const kinds = new Set(present.map((item) => (item.kind === 'scalar' ? typeof item.value : 'collection')));
  if (kinds.size === 0) return [...items];
  if (kinds.has('collection')) {
    if (kinds.size > 1) return error;
    return new Set(present.map(shape)).size === 1 ? [...items] : unknown;
  }
  if (kinds.size === 1) return [...items];
  if (!kinds.has('string')) return error;
  const converted: Node[] = [];
  for (const item of items) {
    const node = isNull(item) ? item : asStringNode(item);
    if (failed(node)) return node;
    converted.push(node);
  }
  return converted;
}

function entriesOf(node: Node): readonly MapEntry[] {
  return node.kind === 'map' ? node.entries : [];
}

function valueOf(entry: MapEntry, site: OffsetRange): Node {
  return entry.value ?? scalar(null, site);
}

/** A set's elements in Terraform's order: duplicates removed; strings lexical, numbers ascending, false before true. */
function asSet(items: readonly Node[]): Node[] | Fail {
  const unified = unify(items);
  if (failed(unified)) return unified;
  const seen = new Set<string>();
  const distinct: Node[] = [];
  for (const item of unified) {
    // A null element or a collection element: the order of such sets is not modelled.
    if (item.kind !== 'scalar' || item.value === null) return unknown;
    const key = identity(item.value);
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(item);
  }
  return distinct.sort((a, b) => {
    const x = (a as { value: ScalarValue }).value;
    const y = (b as { value: ScalarValue }).value;
    if (typeof x === 'string' && typeof y === 'string') return compareText(x, y);
    return Number(x) - Number(y);
  });
}

function flatten(items: readonly Node[]): Node[] {
  return items.flatMap((item) => (item.kind === 'seq' ? flatten(item.items) : [item]));
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * One function applied to known arguments (closed nodes). `site` is the call: computed values sit there, values
 * passed through keep their own ranges. Undefined when the function is not one of FUNCTIONS.
 * Sources: the function's page at https://developer.hashicorp.com/terraform/language/functions/<name> and its
 * implementation (go-cty stdlib, Terraform's lang/funcs); test/unit/terraform-functions.test.ts holds the examples.
 */
export function callFunction(name: string, args: readonly Node[], site: OffsetRange): Computed | undefined {
  const value = evaluate(name, args, site);
  if (value === undefined) return undefined;
  return value === error ? 'error' : value === unknown ? 'unknown' : { node: value };
}

function evaluate(name: string, args: readonly Node[], site: OffsetRange): Node | Fail | undefined {
  const [first, second, third] = args;
  const arity = (min: number, max = min): boolean => args.length >= min && args.length <= max;
  // A value computed here (not passed through) sits at the call; undefined: not computed the way Terraform does.
  const computed = (value: Plain | undefined): Node | Fail => (value === undefined ? unknown : placed(value, site));
  switch (name) {
    case 'sensitive':
    case 'nonsensitive':
      return arity(1) ? (first) : error;
    case 'merge': {
      // Later arguments win; null arguments are skipped, and only nulls give null.
      const entries = new Map<string, MapEntry>();
      let allNull = args.length > 0;
      for (const arg of args) {
        if (isNull(arg)) continue;
        allNull = false;
        if (arg.kind !== 'map') return error;
        for (const entry of arg.entries) {
          entries.delete(entry.key);
          entries.set(entry.key, entry);
        }
      }
      return allNull ? scalar(null, site) : { kind: 'map', range: site, entries: [...entries.values()] };
    }
    case 'lookup': {
      if (!arity(2, 3) || first.kind !== 'map') return error;
      const key = requiredText(second);
      if (failed(key)) return key;
      const found = [...first.entries].reverse().find((entry) => entry.key === key);
      if (found) return valueOf(found, site);
      // A map's default is converted to its element type; an object's is not. Which one this is, is not known.
      return third ? (third) : error;
    }
    case 'coalesce':
      return coalesce(args);
    case 'coalescelist': {
      if (args.length === 0) return error;
      if (args.some(isNull)) return unknown;
      if (!args.every((arg) => arg.kind === 'seq')) return error;
      const found = args.find((arg) => arg.kind === 'seq' && arg.items.length > 0);
      return found ? (found) : error;
    }
    case 'concat':
      if (args.length === 0 || !args.every((arg) => arg.kind === 'seq')) return error;
      return list(args.flatMap((arg) => (arg.kind === 'seq' ? arg.items : [])), site);
    case 'flatten':
      return arity(1) && first.kind === 'seq' ? (list(flatten(first.items), site)) : error;
    case 'distinct': {
      if (!arity(1) || first.kind !== 'seq') return error;
      const unified = unify(first.items);
      if (failed(unified)) return unified;
      const seen = new Set<string>();
      const kept: Node[] = [];
      for (const item of unified) {
        const key = identity(plainOf(item) ?? null);
        if (!seen.has(key)) kept.push(item);
        seen.add(key);
      }
      return list(kept, site);
    }
    case 'compact': {
      if (!arity(1) || first.kind !== 'seq') return error;
      const kept: Node[] = [];
      for (const item of first.items) {
        if (isNull(item)) continue;
        const converted = asStringNode(item);
        if (failed(converted)) return converted;
        if (converted.kind === 'scalar' && converted.value !== '') kept.push(converted);
      }
      return list(kept, site);
    }
    case 'toset':
    case 'tolist': {
      if (!arity(1)) return error;
      if (isNull(first)) return scalar(null, site);
      if (first.kind !== 'seq') return error;
      const items = name === 'toset' ? asSet(first.items) : unify(first.items);
      return failed(items) ? items : (list(items, site));
    }
    case 'tomap': {
      if (!arity(1)) return error;
      if (isNull(first)) return scalar(null, site);
      if (first.kind !== 'map') return error;
      const values = unify(first.entries.map((entry) => valueOf(entry, site)));
      if (failed(values)) return values;
      return { kind: 'map', range: site, entries: first.entries.map((entry, i): MapEntry => ({ ...entry, value: values[i] })) };
    }
    case 'keys':
    case 'values': {
      if (!arity(1) || first.kind !== 'map') return error;
      const sorted = [...entriesOf(first)].sort((a, b) => compareText(a.key, b.key));
      return list(sorted.map((entry) => (name === 'keys' ? scalar(entry.key, entry.keyRange) : valueOf(entry, site))), site);
    }
    case 'length': {
      if (!arity(1)) return error;
      if (first.kind === 'seq') return computed(first.items.length);
      if (first.kind === 'map') return computed(first.entries.length);
      return first.kind === 'scalar' && typeof first.value === 'string' ? computed(graphemes(first.value).length) : error;
    }
    case 'contains':
    case 'index': {
      if (!arity(2) || first.kind !== 'seq' || isNull(second)) return error;
      // Structural values compare by type too, and a map is not an object: not modelled.
      if (second.kind !== 'scalar' || first.items.some((item) => item.kind !== 'scalar')) return unknown;
      const sought = identity(second.value);
      const at = first.items.findIndex((item) => item.kind === 'scalar' && identity(item.value) === sought);
      if (name === 'contains') return computed(at >= 0);
      return at >= 0 ? computed(at) : error;
    }
    case 'element': {
      if (!arity(2) || first.kind !== 'seq') return error;
      const index = number(second);
      if (failed(index)) return index;
      if (!Number.isInteger(index) || first.items.length === 0) return error;
      // A negative index is an error before Terraform 1.12 and counts from the end since: it depends on the version.
      if (index < 0) return unknown;
      return first.items[index % first.items.length];
    }
    case 'one':
      if (!arity(1) || first.kind !== 'seq' || first.items.length > 1) return error;
      return first.items[0] ?? scalar(null, site);
    case 'zipmap': {
      if (!arity(2) || first.kind !== 'seq' || second.kind !== 'seq') return error;
      if (first.items.length !== second.items.length) return error;
      const entries = new Map<string, MapEntry>();
      for (const [i, keyNode] of first.items.entries()) {
        const key = requiredText(keyNode);
        if (failed(key)) return key;
        entries.delete(key);
        entries.set(key, { key, keyRange: keyNode.range, value: second.items[i] });
      }
      return { kind: 'map', range: site, entries: [...entries.values()] };
    }
    case 'format': {
      const spec = requiredText(first);
      if (failed(spec)) return spec;
      const values = args.slice(1).map(plainOf);
      if (values.some((value) => value === undefined)) return unknown;
      const written = format(spec, values as Plain[]);
      return failed(written) ? written : computed(written.text);
    }
    case 'join': {
      const separator = requiredText(first);
      if (failed(separator)) return separator;
      if (args.length < 2) return error;
      const parts: string[] = [];
      for (const arg of args.slice(1)) {
        if (arg.kind !== 'seq') return error;
        for (const item of arg.items) {
          const part = requiredText(item);
          if (failed(part)) return part;
          parts.push(part);
        }
      }
      return computed(parts.join(separator));
    }
    case 'split': {
      if (!arity(2)) return error;
      const separator = requiredText(first);
      const whole = requiredText(second);
      if (failed(separator)) return separator;
      if (failed(whole)) return whole;
      return computed(splitText(separator, whole));
    }
    case 'replace': {
      if (!arity(3)) return error;
      const [whole, old, replacement] = [requiredText(first), requiredText(second), requiredText(third)];
      for (const part of [whole, old, replacement]) if (failed(part)) return part;
      const [a, b, c] = [whole, old, replacement] as string[];
      if (b.length > 1 && b.startsWith('/') && b.endsWith('/')) return computed(replaceRegex(a, b.slice(1, -1), c));
      return computed(replaceText(a, b, c));
    }
    case 'lower':
    case 'upper':
    case 'trimspace': {
      if (!arity(1)) return error;
      const value = requiredText(first);
      if (failed(value)) return value;
      return computed(name === 'trimspace' ? trimSpace(value) : mapCase(value, name === 'upper'));
    }
    case 'tostring': {
      if (!arity(1)) return error;
      const value = text(first);
      if (failed(value)) return value;
      return first.kind === 'scalar' && value === first.value ? first : scalar(value, first.range);
    }
    case 'tonumber': {
      if (!arity(1)) return error;
      if (isNull(first)) return first;
      const value = number(first);
      if (failed(value)) return value;
      return first.kind === 'scalar' && value === first.value ? first : scalar(value, first.range);
    }
    case 'tobool': {
      if (!arity(1) || first.kind !== 'scalar') return error;
      if (first.value === null || typeof first.value === 'boolean') return first;
      if (first.value === 'true' || first.value === 'false') return scalar(first.value === 'true', first.range);
      return error;
    }
    case 'jsonencode': {
      if (!arity(1)) return error;
      const value = plainOf(first);
      return value === undefined ? unknown : computed(encodeJson(value));
    }
    case 'jsondecode': {
      if (!arity(1)) return error;
      const json = requiredText(first);
      if (failed(json)) return json;
      const decoded = decodeJson(json);
      return decoded === 'error' ? error : computed(decoded?.value);
    }
    default:
      return undefined;
  }
}

/**
 * coalesce: the first argument that is not null and, when the arguments unify to string, not "". Primitives of
 * several types unify to string when one is a string (coalesce(1, "a") is "1"); a collection beside a primitive is
 * an error; collections of different types are not modelled.
 */
function coalesce(args: readonly Node[]): Node | Fail {
  const present = args.filter((arg) => !isNull(arg));
  if (present.length === 0) return error;
  const kinds = new Set(present.map((arg) => (arg.kind === 'scalar' ? typeof arg.value : 'collection')));
  if (kinds.has('collection')) {
    if (kinds.size > 1) return error;
    return new Set(present.map(shape)).size === 1 ? (present[0]) : unknown;
  }
  if (kinds.size > 1 && !kinds.has('string')) return error;
  const asString = kinds.has('string');
  for (const arg of present) {
    const node = asString ? asStringNode(arg) : arg;
    if (failed(node)) return node;
    if (asString && node.kind === 'scalar' && node.value === '') continue;
    return node;
  }
  return error;
}

// ---------------------------------------------------------------------------------------------------------------
// format(): go-cty's formatFSM. A verb is `%` flags (0 # - + space) [n] width .precision letter. Verbs computed
// here: %% %v %#v %t %d %s %q, with width and flags (precision for %s and %q only); the other number verbs
// (%b %o %x %X %e %E %f %g %G) and precision on %d are not modelled (unknown).

interface Verb {
  readonly flags: string;
  readonly arg: number | undefined;
  readonly width: number | undefined;
  readonly precision: number | undefined;
  readonly mode: string;
}

/** Pads as go-cty's formatPadWidth: to `width` characters, with zeros for the 0 flag, on the right for the - flag. */
function pad(verb: Verb, value: string): string {
  const missing = (verb.width ?? 0) - graphemes(value).length;
  if (missing <= 0) return value;
  const padding = (verb.flags.includes('0') ? '0' : ' ').repeat(missing);
  return verb.flags.includes('-') ? value + padding : padding + value;
}

/** Reads one verb after its `%` at spec[i]: the verb and the index after it, or 'error' for a malformed one. */
function readVerb(spec: string, start: number): [Verb, number] | typeof error {
  let i = start;
  let flags = '';
  while (i < spec.length && '0#-+ '.includes(spec[i])) flags += spec[i++];
  let arg: number | undefined;
  if (spec[i] === '[') {
    const match = /^\[([1-9]\d*)\]/.exec(spec.slice(i));
    if (!match) return error;
    arg = Number(match[1]);
    i += match[0].length;
  }
  const width = /^[1-9]\d*/.exec(spec.slice(i));
  if (width) i += width[0].length;
  let precision: number | undefined;
  if (spec[i] === '.') {
    const digits = /^\d*/.exec(spec.slice(i + 1)) as RegExpExecArray;
    precision = digits[0] === '' ? 0 : Number(digits[0]);
    i += 1 + digits[0].length;
  }
  const mode = spec[i];
  if (mode === undefined || !/[a-zA-Z]/.test(mode)) return error;
  return [{ flags, arg, width: width ? Number(width[0]) : undefined, precision, mode }, i + 1];
}

/** One verb applied to its argument: the text, 'error' where Terraform refuses it, undefined where not modelled. */
function formatOne(verb: Verb, value: Plain): string | typeof error | undefined {
  if (verb.mode !== 'v' && value === null) return error;
  switch (verb.mode) {
    case 'v': {
      if (!verb.flags.includes('#') && typeof value === 'string') return pad(verb, value);
      if (!verb.flags.includes('#') && typeof value === 'number') {
        const written = numberTextG(value);
        return written === undefined ? undefined : pad(verb, written);
      }
      const json = encodeJson(value);
      return json === undefined ? undefined : pad(verb, json);
    }
    case 't': {
      if (value === true || value === 'true') return 'true';
      if (value === false || value === 'false') return 'false';
      return error;
    }
    case 's':
    case 'q': {
      if (typeof value === 'object') return error;
      let written = typeof value === 'number' ? numberText(value) : String(value);
      if (written === undefined) return undefined;
      if (verb.precision !== undefined && verb.precision > 0) written = graphemes(written).slice(0, verb.precision).join('');
      if (verb.mode === 'q') written = quoteJson(written);
      return written === undefined ? undefined : pad(verb, written);
    }
    case 'd': {
      const parsed = typeof value === 'string' ? parseNumber(value) : typeof value === 'number' ? value : 'error';
      if (parsed === 'error') return error;
      if (parsed === undefined) return undefined;
      if (!Number.isInteger(parsed)) return error;
      if (verb.precision !== undefined || verb.flags.includes('#') || Math.abs(parsed) > Number.MAX_SAFE_INTEGER) return undefined;
      return padInteger(verb, parsed);
    }
    case 'b': case 'o': case 'x': case 'X': case 'e': case 'E': case 'f': case 'g': case 'G':
      return undefined;
    default:
      return error; // not a verb
  }
}

/** An integer as Go's fmt writes it for %d: + or space sign flags, zero padding after the sign unless -, width. */
function padInteger(verb: Verb, value: number): string {
  const sign = value < 0 ? '-' : verb.flags.includes('+') ? '+' : verb.flags.includes(' ') ? ' ' : '';
  const digits = String(Math.abs(value));
  const width = verb.width ?? 0;
  if (verb.flags.includes('-')) return (sign + digits).padEnd(width, ' ');
  if (verb.flags.includes('0')) return sign + digits.padStart(width - sign.length, '0');
  return (sign + digits).padStart(width, ' ');
}

/**
 * format(spec, values...) as go-cty's formatFSM: verbs take successive arguments, `[n]` picks the n-th (and the
 * next verbs go on from it). Too few arguments, a malformed verb, a letter that is not a verb, a null for a verb
 * other than %v, a value a verb cannot convert: error. Arguments no verb uses are an error since go-cty 1.13 and
 * were not before: unknown.
 */
function format(spec: string, values: readonly Plain[]): { readonly text: string } | Fail {
  let out = '';
  let next = 1;
  let highest = 0;
  for (let i = 0; i < spec.length;) {
    if (spec[i] !== '%') {
      out += spec[i++];
      continue;
    }
    if (spec[i + 1] === '%') {
      out += '%';
      i += 2;
      continue;
    }
    const read = readVerb(spec, i + 1);
    if (read === error) return error;
    const [verb, after] = read;
    i = after;
    const number = verb.arg ?? next;
    if (number > values.length) return error;
    highest = Math.max(highest, number);
    next = number + 1;
    const written = formatOne(verb, values[number - 1]);
    if (written === undefined) return unknown;
    if (written === error) return error;
    out += written;
  }
  return highest < values.length ? unknown : { text: out };
}

/**
 * One function applied to plain values, the results placed nowhere in particular: for callers and tests that
 * need values, not positions.
 */
export function applyFunction(name: string, args: readonly Plain[]): { readonly value: Plain } | 'error' | 'unknown' | undefined {
  const site: OffsetRange = { start: 0, end: 0 };
  const computed = callFunction(name, args.map((arg) => placed(arg, site)), site);
  if (computed === undefined || typeof computed === 'string') return computed;
  const value = plainOf(computed.node);
  return value === undefined ? 'unknown' : { value };
}
