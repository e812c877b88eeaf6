// Terraform block bodies as the shared value tree: attributes and nested blocks become mapping entries
// (repeated blocks a list of mappings), literals become scalars, lists and objects become sequences and
// mappings, and everything else (references, calls, conditionals) an expression node resolved on demand.
import type { MapEntry, MapNode, OffsetRange, ValueNode } from '../types';
import type { HclBlock, HclBody, HclExpression } from './hcl/ast';

/** Meta-arguments and meta-blocks that are not settings of the resource. */
const META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);

export function bodyToMap(body: HclBody, range: OffsetRange): MapNode {
  const entries: MapEntry[] = [];
  for (const attribute of body.attributes) {
    if (META.has(attribute.name)) continue;
    entries.push({ key: attribute.name, keyRange: attribute.nameRange, value: expressionToNode(attribute.expression) });
  }
  const groups = new Map<string, { keyRange: OffsetRange; blocks: HclBlock[] }>();
  for (const block of body.blocks) {
    // `dynamic "ingress" { content { ... } }` stands for repeated `ingress` blocks.
    const isDynamic = block.type === 'dynamic' && block.labels.length > 0;
    const name = isDynamic ? block.labels[0].value : block.type;
    if (META.has(name)) continue;
    const content = isDynamic ? block.body.blocks.find((inner) => inner.type === 'content') : block;
    if (!content) continue;
    const group = groups.get(name) ?? { keyRange: isDynamic ? block.labels[0].range : block.typeRange, blocks: [] };
    group.blocks.push(content);
    groups.set(name, group);
  }
  for (const [name, group] of groups) {
    const maps = group.blocks.map((block) => bodyToMap(block.body, block.range));
    entries.push({ key: name, keyRange: group.keyRange, value: maps.length === 1 ? maps[0] : { kind: 'seq', items: maps, range: maps[0].range } });
  }
  return { kind: 'map', entries, range };
}

/**
 * Converted nodes by expression and site: resolution converts the same literal (a variable's default, a local)
 * again each time a rule reads it, and nodes are immutable, so one conversion serves every read.
 */
const converted = new WeakMap<HclExpression, Map<string, ValueNode>>();

/** Plain data becomes scalars, lists and mappings; the rest stays an expression, optionally placed at `site`. */
export function expressionToNode(expression: HclExpression, site?: OffsetRange): ValueNode {
  const key = site ? `${site.start}:${site.end}` : '';
  let bySite = converted.get(expression);
  const cached = bySite?.get(key);
  if (cached) return cached;
  const node = convert(expression, site);
  if (!bySite) converted.set(expression, bySite = new Map());
  bySite.set(key, node);
  return node;
}

function convert(expression: HclExpression, site: OffsetRange | undefined): ValueNode {
  const range = site ?? expression.range;
  switch (expression.kind) {
    case 'literal':
      return { kind: 'scalar', value: expression.value, range };
    case 'template':
      return expression.value !== undefined ? { kind: 'scalar', value: expression.value, range } : { kind: 'expression', expression, range };
    case 'tuple':
      return { kind: 'seq', items: expression.items.map((item) => expressionToNode(item, site)), range };
    case 'object': {
      const entries: MapEntry[] = [];
      for (const item of expression.items) {
        if (item.keyName === undefined) continue;
        entries.push({ key: item.keyName, keyRange: site ?? item.keyRange, value: expressionToNode(item.value, site) });
      }
      return { kind: 'map', entries, range };
    }
    case 'parens':
      return expressionToNode(expression.expression, site ?? expression.range);
    case 'unary':
      if (expression.operator === '-' && expression.operand.kind === 'literal' && typeof expression.operand.value === 'number') {
        return { kind: 'scalar', value: -expression.operand.value, range };
      }
      return { kind: 'expression', expression, range };
    default:
      return { kind: 'expression', expression, range };
  }
}
