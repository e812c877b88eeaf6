// CloudFormation intrinsic functions: their long names, the YAML short-form tags, and the rule that turns a
// single-key mapping such as {"Fn::Sub": ...} into an intrinsic node, so every later stage sees one shape.
import type { IntrinsicNode, MapNode, OffsetRange, SeqNode, ValueNode } from '../types';

export const INTRINSIC_NAMES: ReadonlySet<string> = new Set([
  'Ref', 'Condition', 'Fn::Base64', 'Fn::Cidr', 'Fn::FindInMap', 'Fn::GetAtt', 'Fn::GetAZs', 'Fn::ImportValue',
  'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::Sub', 'Fn::Transform', 'Fn::If', 'Fn::Equals', 'Fn::And', 'Fn::Or',
  'Fn::Not', 'Fn::Length', 'Fn::ToJsonString',
]);

/** YAML short-form tag (without `!`) -> long name. */
export function longNameForTag(tag: string): string | undefined {
  const bare = tag.startsWith('!') ? tag.slice(1) : tag;
  if (bare === 'Ref' || bare === 'Condition') return bare;
  const long = `Fn::${bare}`;
  return INTRINSIC_NAMES.has(long) ? long : undefined;
}

/** A mapping with exactly one key naming an intrinsic becomes that intrinsic. */
export function normaliseLongForm(map: MapNode): ValueNode {
  if (map.entries.length !== 1) return map;
  const [entry] = map.entries;
  if (!INTRINSIC_NAMES.has(entry.key) || entry.value === undefined) return map;
  // `Condition` is also a resource attribute and an IAM statement key; as a function its argument is a name.
  if (entry.key === 'Condition' && !(entry.value.kind === 'scalar' && typeof entry.value.value === 'string')) return map;
  const intrinsic: IntrinsicNode = {
    kind: 'intrinsic',
    name: entry.key,
    nameRange: entry.keyRange,
    argument: entry.value,
    range: map.range,
  };
  return intrinsic;
}

/** `!GetAtt Resource.Attribute.Part` -> [Resource, Attribute.Part], with ranges inside the scalar. */
export function splitGetAtt(value: string, range: OffsetRange): SeqNode {
  const dot = value.indexOf('.');
  const quoteOffset = range.end - range.start > value.length ? 1 : 0;
  const start = range.start + quoteOffset;
  if (dot < 0) {
    return { kind: 'seq', items: [{ kind: 'scalar', value, range }], range };
  }
  return {
    kind: 'seq',
    items: [
      { kind: 'scalar', value: value.slice(0, dot), range: { start, end: start + dot } },
      { kind: 'scalar', value: value.slice(dot + 1), range: { start: start + dot + 1, end: start + value.length } },
    ],
    range,
  };
}
