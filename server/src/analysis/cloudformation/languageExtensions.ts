// The AWS::LanguageExtensions transform's Fn::ForEach, expanded before the rules run as the transform expands
// it, wherever CloudFormation accepts it: Resources, Conditions, Outputs and any mapping inside a resource (its
// properties included): `Fn::ForEach::Loop: [Identifier, Collection, {OutputKey: OutputValue}]` repeats the
// fragment once per collection item, with every `${Identifier}` and `&{Identifier}` (the item with its
// non-alphanumeric characters removed) replaced in keys and string values, and `Ref Identifier` replaced by the
// item. The collection is a literal list or a Ref to a CommaDelimitedList parameter (its default decides the
// deployment that is certain). Generated nodes keep the ranges of the loop body the user wrote.
// Sources: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html
// and https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-aws-languageextensions.html
import type { MapEntry, MapNode, Problem, ValueNode } from '../types';

/** What a loop reads of a parameter (the model's CfnParameter has these fields). */
export interface LoopParameter {
  readonly type: string | undefined;
  readonly defaultValue: ValueNode | undefined;
}

export const LANGUAGE_EXTENSIONS = 'AWS::LanguageExtensions';
const FOR_EACH = 'Fn::ForEach::';
const MAX_DEPTH = 8;
const MAX_GENERATED = 1000;
// Deeper than any real template; the parsers bound nesting themselves, this keeps the walk bounded too.
const MAX_WALK_DEPTH = 200;

/** One generated entry of Resources, with the loop(s) it came from. */
export interface GeneratedEntry {
  readonly entry: MapEntry;
  readonly loops: readonly string[];
}

export function isForEachKey(key: string): boolean {
  return key.startsWith(FOR_EACH);
}

/** The entries a Fn::ForEach loop makes, or none (with one info problem) when it cannot be expanded. */
export function expandForEach(
  entry: MapEntry,
  parameters: ReadonlyMap<string, LoopParameter>,
  problems: Problem[],
  loops: readonly string[] = [],
  depth = 0,
): GeneratedEntry[] {
  const loopName = entry.key.slice(FOR_EACH.length);
  const notExpanded = (why: string): GeneratedEntry[] => {
    const message = `${entry.key} (a language-extension loop) is not expanded: ${why}; what it makes is not analysed.`;
    // A loop inside another loop's body is met once per outer item: say it once.
    if (!problems.some((problem) => problem.message === message && problem.range.start === entry.keyRange.start)) {
      problems.push({ message, range: entry.keyRange, severity: 'info' });
    }
    return [];
  };
  if (depth > MAX_DEPTH) return notExpanded('it is nested too deeply');
  const argument = entry.value;
  if (argument?.kind !== 'seq' || argument.items.length !== 3) return notExpanded('it is not a list of an identifier, a collection and a fragment');
  const [identifierNode, collectionNode, fragment] = argument.items;
  if (identifierNode.kind !== 'scalar' || typeof identifierNode.value !== 'string' || identifierNode.value === '') {
    return notExpanded('its identifier is not a literal name');
  }
  if (fragment.kind !== 'map') return notExpanded('its fragment is not a mapping of output keys to values');
  const collection = collectionOf(collectionNode, parameters);
  if (typeof collection === 'string') return notExpanded(collection);
  const identifier = identifierNode.value;
  const generated: GeneratedEntry[] = [];
  for (const item of collection) {
    const substituted = substitute(fragment, identifier, item) as MapNode;
    for (const output of substituted.entries) {
      if (isForEachKey(output.key)) {
        generated.push(...expandForEach(output, parameters, problems, [...loops, loopName], depth + 1));
      } else {
        generated.push({ entry: output, loops: [...loops, loopName] });
      }
      if (generated.length > MAX_GENERATED) return notExpanded(`it makes more than ${MAX_GENERATED} resources`);
    }
  }
  return generated;
}

/** The collection's items, or why they cannot be known. */
function collectionOf(node: ValueNode, parameters: ReadonlyMap<string, LoopParameter>): string[] | string {
  if (node.kind === 'seq') {
    const items: string[] = [];
    for (const item of node.items) {
      if (item.kind !== 'scalar' || item.value === null || typeof item.value === 'object') return 'an item of its collection is not a literal value';
      items.push(String(item.value));
    }
    return items;
  }
  if (node.kind === 'intrinsic' && node.name === 'Ref' && node.argument.kind === 'scalar') {
    const name = String(node.argument.value);
    const parameter = parameters.get(name);
    if (!parameter) return `its collection refers to ${name}, which is not a parameter`;
    if (parameter.type !== 'CommaDelimitedList') return `its collection refers to parameter ${name}, which is not a CommaDelimitedList`;
    const fallback = parameter.defaultValue;
    if (fallback?.kind !== 'scalar' || fallback.value === null) return `its collection is the value given for parameter ${name} (no default)`;
    return String(fallback.value).split(',').map((part) => part.trim());
  }
  return 'its collection is not a literal list or a Ref to a CommaDelimitedList parameter';
}

function replaceIn(text: string, identifier: string, item: string): string {
  return text.split(`\${${identifier}}`).join(item).split(`&{${identifier}}`).join(item.replace(/[^A-Za-z0-9]/g, ''));
}

/**
 * A copy of `node` with every `Fn::ForEach::` key of every mapping in it (at any depth up to `MAX_WALK_DEPTH`)
 * replaced by the entries the loop makes. Loops that cannot be expanded are dropped with one info problem each
 * (what they make is not analysed). Ranges stay those of the written text; never throws.
 */
export function expandLoopsIn(node: ValueNode, parameters: ReadonlyMap<string, LoopParameter>, problems: Problem[], depth = 0): ValueNode {
  if (depth > MAX_WALK_DEPTH) return node;
  switch (node.kind) {
    case 'map': {
      const entries: MapEntry[] = [];
      for (const entry of node.entries) {
        if (isForEachKey(entry.key)) {
          for (const generated of expandForEach(entry, parameters, problems)) {
            entries.push(expandEntry(generated.entry, parameters, problems, depth));
          }
        } else {
          entries.push(expandEntry(entry, parameters, problems, depth));
        }
      }
      return { ...node, entries };
    }
    case 'seq':
      return { ...node, items: node.items.map((item) => expandLoopsIn(item, parameters, problems, depth + 1)) };
    case 'intrinsic':
      return { ...node, argument: expandLoopsIn(node.argument, parameters, problems, depth + 1) };
    default:
      return node;
  }
}

function expandEntry(entry: MapEntry, parameters: ReadonlyMap<string, LoopParameter>, problems: Problem[], depth: number): MapEntry {
  return entry.value ? { ...entry, value: expandLoopsIn(entry.value, parameters, problems, depth + 1) } : entry;
}

/** A copy of the fragment with the identifier replaced by the item; ranges stay those of the written text. */
export function substitute(node: ValueNode, identifier: string, item: string): ValueNode {
  switch (node.kind) {
    case 'scalar':
      return typeof node.value === 'string' ? { ...node, value: replaceIn(node.value, identifier, item) } : node;
    case 'map':
      return {
        ...node,
        entries: node.entries.map((entry) => ({
          key: replaceIn(entry.key, identifier, item),
          keyRange: entry.keyRange,
          value: entry.value && substitute(entry.value, identifier, item),
        })),
      };
    case 'seq':
      return { ...node, items: node.items.map((child) => substitute(child, identifier, item)) };
    case 'intrinsic':
      if (node.name === 'Ref' && node.argument.kind === 'scalar' && node.argument.value === identifier) {
        return { kind: 'scalar', value: item, range: node.range };
      }
      return { ...node, argument: substitute(node.argument, identifier, item) };
    default:
      return node;
  }
}
