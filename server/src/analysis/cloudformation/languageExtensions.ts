// The AWS::LanguageExtensions transform's Fn::ForEach in Resources, expanded before the rules run as the
// transform expands it: `Fn::ForEach::Loop: [Identifier, Collection, {OutputKey: OutputValue}]` repeats the
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
    problems.push({ message: `${entry.key} (a language-extension loop) is not expanded: ${why}; the resources it makes are not analysed.`, range: entry.keyRange, severity: 'info' });
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
