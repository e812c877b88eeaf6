// Terraform's built-in functions over known values, as Terraform computes them
// (https://developer.hashicorp.com/terraform/language/functions). A result is a value, an error (Terraform would
// refuse the configuration: nothing is deployed) or unknown (not evaluated here, never guessed).
import type { MapEntry, OffsetRange, ScalarValue, ValueNode } from '../types';

export type Plain = ScalarValue | readonly Plain[] | { readonly [key: string]: Plain };
export type Computed = { readonly value: Plain } | 'error' | 'unknown';

const error = 'error' as const;
const unknown = 'unknown' as const;

const isList = (value: Plain): value is readonly Plain[] => Array.isArray(value);
const isObject = (value: Plain): value is { readonly [key: string]: Plain } => value !== null && typeof value === 'object' && !Array.isArray(value);
const same = (left: Plain, right: Plain): boolean => encode(left) === encode(right);
const sortedKeys = (value: { readonly [key: string]: Plain }): string[] => Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The functions evaluated here (`try` and `can` are decided by the resolver, which sees errors). */
export const FUNCTIONS = new Set(['merge', 'lookup', 'coalesce', 'coalescelist', 'concat', 'flatten', 'distinct', 'compact', 'toset', 'tolist', 'tomap',
  'keys', 'values', 'length', 'contains', 'element', 'index', 'one', 'zipmap', 'format', 'join', 'split', 'replace', 'lower', 'upper', 'trimspace',
  'tostring', 'tonumber', 'tobool', 'jsonencode', 'jsondecode', 'sensitive', 'nonsensitive']);

function toText(value: Plain): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function flat(list: readonly Plain[]): Plain[] {
  return list.flatMap((item) => (isList(item) ? flat(item) : [item]));
}

function asSet(list: readonly Plain[]): Computed {
  const distinct: Plain[] = [];
  for (const item of list) if (!distinct.some((seen) => same(seen, item))) distinct.push(item);
  if (distinct.every((item) => typeof item === 'number')) return { value: [...distinct].sort((a, b) => (a as number) - (b as number)) };
  if (distinct.every((item) => item === null || typeof item !== 'object')) {
    // Mixed primitive elements are converted to strings (the set's element type); strings sort lexically.
    const texts = distinct.map((item) => (item === null ? null : String(item)));
    if (texts.includes(null)) return error;
    return { value: [...new Set(texts as string[])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
  }
  return unknown; // sets of collections: their order is not modelled
}

/** Go's encoding/json as Terraform's jsonencode uses it: compact, keys sorted, <, > and & escaped. */
export function encode(value: Plain): string {
  if (isList(value)) return `[${value.map(encode).join(',')}]`;
  if (isObject(value)) return `{${sortedKeys(value).map((key) => `${encode(key)}:${encode(value[key])}`).join(',')}}`;
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function format(spec: string, args: readonly Plain[]): Computed {
  let out = '';
  let next = 0;
  for (let i = 0; i < spec.length; i++) {
    const char = spec[i];
    if (char !== '%') {
      out += char;
      continue;
    }
    const verb = spec[++i];
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (next >= args.length) return error;
    const arg = args[next++];
    if (verb === 's') {
      const text = toText(arg);
      if (text === undefined) return error;
      out += text;
    } else if (verb === 'd') {
      const number = typeof arg === 'string' && /^-?\d+$/.test(arg) ? Number(arg) : arg;
      if (typeof number !== 'number' || !Number.isInteger(number)) return error;
      out += String(number);
    } else if (verb === 'v') {
      out += typeof arg === 'object' && arg !== null ? encode(arg) : arg === null ? 'null' : String(arg);
    } else if (verb === 'q') {
      const text = toText(arg);
      if (text === undefined) return error;
      out += JSON.stringify(text);
    } else return unknown; // widths, precisions and other verbs are not modelled
  }
  return next === args.length ? { value: out } : error;
}

function decodeJson(text: string): Computed {
  try {
    return { value: JSON.parse(text) as Plain };
  } catch {
    return error;
  }
}

/** One function applied to known arguments; undefined when the function is not one of FUNCTIONS. */
export function applyFunction(name: string, args: readonly Plain[]): Computed | undefined {
  const [first, second, third] = args;
  const arity = (min: number, max = min): boolean => args.length >= min && args.length <= max;
  switch (name) {
    case 'sensitive':
    case 'nonsensitive':
      return arity(1) ? { value: first } : error;
    case 'merge': {
      const merged: Record<string, Plain> = {};
      for (const arg of args) {
        if (arg === null) continue;
        if (!isObject(arg)) return error;
        for (const key of Object.keys(arg)) merged[key] = arg[key];
      }
      return { value: merged };
    }
    case 'lookup': {
      if (!arity(2, 3) || !isObject(first) || typeof second !== 'string') return error;
      if (Object.prototype.hasOwnProperty.call(first, second)) return { value: first[second] };
      return args.length === 3 ? { value: third } : error;
    }
    case 'coalesce': {
      const found = args.find((arg) => arg !== null && arg !== '');
      if (found === undefined) return error;
      // Mixed primitive arguments are unified to string, as Terraform does (coalesce(1, "a") is "1").
      const types = new Set(args.filter((arg) => arg !== null).map((arg) => (isList(arg) ? 'list' : typeof arg)));
      if (types.size > 1) return [...types].every((type) => type !== 'list' && type !== 'object') ? { value: String(found) } : error;
      return { value: found };
    }
    case 'coalescelist': {
      if (!args.every(isList)) return error;
      const found = args.find((arg) => (arg as readonly Plain[]).length > 0);
      return found === undefined ? error : { value: found };
    }
    case 'concat':
      return args.every(isList) ? { value: args.flatMap((arg) => arg as readonly Plain[]) } : error;
    case 'flatten':
      return arity(1) && isList(first) ? { value: flat(first) } : error;
    case 'distinct': {
      if (!arity(1) || !isList(first)) return error;
      const distinct: Plain[] = [];
      for (const item of first) if (!distinct.some((seen) => same(seen, item))) distinct.push(item);
      return { value: distinct };
    }
    case 'compact':
      return arity(1) && isList(first) && first.every((item) => item === null || typeof item === 'string') ? { value: first.filter((item) => item !== null && item !== '') } : error;
    case 'toset':
      return arity(1) && isList(first) ? asSet(first) : first === null ? { value: null } : error;
    case 'tolist':
      return arity(1) && (isList(first) || first === null) ? { value: first } : error;
    case 'tomap':
      return arity(1) && (isObject(first) || first === null) ? { value: first } : error;
    case 'keys':
      return arity(1) && isObject(first) ? { value: sortedKeys(first) } : error;
    case 'values':
      return arity(1) && isObject(first) ? { value: sortedKeys(first).map((key) => first[key]) } : error;
    case 'length':
      if (!arity(1)) return error;
      if (isList(first)) return { value: first.length };
      if (isObject(first)) return { value: Object.keys(first).length };
      if (typeof first === 'string') return { value: [...new Intl.Segmenter().segment(first)].length };
      return error;
    case 'contains':
      return arity(2) && isList(first) ? { value: first.some((item) => same(item, second)) } : error;
    case 'element': {
      if (!arity(2) || !isList(first) || typeof second !== 'number' || !Number.isInteger(second) || second < 0 || first.length === 0) return error;
      return { value: first[second % first.length] };
    }
    case 'index': {
      if (!arity(2) || !isList(first)) return error;
      const at = first.findIndex((item) => same(item, second));
      return at < 0 ? error : { value: at };
    }
    case 'one':
      if (!arity(1) || !isList(first) || first.length > 1) return error;
      return { value: first.length === 0 ? null : first[0] };
    case 'zipmap': {
      if (!arity(2) || !isList(first) || !isList(second) || first.length !== second.length) return error;
      const map: Record<string, Plain> = {};
      for (const [i, key] of first.entries()) {
        const text = toText(key);
        if (text === undefined) return error;
        map[text] = second[i];
      }
      return { value: map };
    }
    case 'format':
      return args.length >= 1 && typeof first === 'string' ? format(first, args.slice(1)) : error;
    case 'join': {
      if (args.length < 2 || typeof first !== 'string' || !args.slice(1).every(isList)) return error;
      const items = args.slice(1).flatMap((arg) => arg as readonly Plain[]).map(toText);
      return items.every((item) => item !== undefined) ? { value: items.join(first) } : error;
    }
    case 'split':
      return arity(2) && typeof first === 'string' && typeof second === 'string' ? { value: second.split(first) } : error;
    case 'replace': {
      if (!arity(3) || typeof first !== 'string' || typeof second !== 'string' || typeof third !== 'string') return error;
      if (second.length > 1 && second.startsWith('/') && second.endsWith('/')) return unknown; // RE2 patterns: not modelled
      return { value: first.split(second).join(third) };
    }
    case 'lower':
    case 'upper':
    case 'trimspace': {
      if (!arity(1) || typeof first !== 'string') return error;
      return { value: name === 'lower' ? first.toLowerCase() : name === 'upper' ? first.toUpperCase() : first.trim() };
    }
    case 'tostring':
      if (!arity(1)) return error;
      return first === null ? { value: null } : toText(first) === undefined ? error : { value: toText(first) as string };
    case 'tonumber':
      if (!arity(1)) return error;
      if (first === null || typeof first === 'number') return { value: first };
      return typeof first === 'string' && /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(first) ? { value: Number(first) } : error;
    case 'tobool':
      if (!arity(1)) return error;
      if (first === null || typeof first === 'boolean') return { value: first };
      return first === 'true' ? { value: true } : first === 'false' ? { value: false } : error;
    case 'jsonencode':
      return arity(1) ? { value: encode(first) } : error;
    case 'jsondecode':
      return arity(1) && typeof first === 'string' ? decodeJson(first) : error;
    default:
      return undefined;
  }
}

/** A computed value as a node of the value model placed at `site` (null: absent). */
export function plainToNode(value: Plain, site: OffsetRange): ValueNode | undefined {
  if (isList(value)) return { kind: 'seq', range: site, items: value.map((item) => plainToNode(item, site) ?? { kind: 'scalar', value: null, range: site }) };
  if (isObject(value)) return { kind: 'map', range: site, entries: Object.keys(value).map((key): MapEntry => ({ key, keyRange: site, value: plainToNode(value[key], site) ?? { kind: 'scalar', value: null, range: site } })) };
  return value === null ? undefined : { kind: 'scalar', value, range: site };
}
