// Terraform block bodies as the shared value tree: attributes and nested blocks become mapping entries
// (repeated blocks a list of mappings), literals become scalars, lists and objects become sequences and
// mappings, and everything else (references, calls, conditionals) an expression node resolved on demand.
import type { DynamicBlock, MapEntry, MapNode, OffsetRange, ValueNode } from '../types';
import type { HclBlock, HclBody, HclExpression, TemplatePart, TraversalStep } from './hcl/ast';

/** Meta-arguments and meta-blocks that are not settings of the resource. */
const META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);

export function bodyToMap(body: HclBody, range: OffsetRange): MapNode {
  const entries: MapEntry[] = [];
  // JSON syntax (.tf.json) has no nested blocks, only object properties: `"dynamic": {"ingress": {"for_each":
  // ..., "content": {...}}}` stands for repeated `ingress` blocks as the native `dynamic` block does, and joins
  // the `"ingress"` property of the same body (https://developer.hashicorp.com/terraform/language/syntax/json,
  // "Nested Block Mapping" and dynamic blocks).
  const jsonDynamic = new Map<string, { keyRange: OffsetRange; maps: MapNode[] }>();
  for (const attribute of body.attributes) {
    if (META.has(attribute.name)) continue;
    if (attribute.name === 'dynamic' && attribute.expression.kind === 'object') {
      for (const item of attribute.expression.items) {
        if (item.keyName === undefined || META.has(item.keyName)) continue;
        const group = jsonDynamic.get(item.keyName) ?? { keyRange: item.keyRange, maps: [] };
        const blocks = item.value.kind === 'tuple' ? item.value.items : [item.value];
        for (const block of blocks) {
          const dynamic = jsonDynamicOf(block, item.keyName);
          if (dynamic) group.maps.push(dynamic);
        }
        jsonDynamic.set(item.keyName, group);
      }
      continue;
    }
    entries.push({ key: attribute.name, keyRange: attribute.nameRange, value: expressionToNode(attribute.expression) });
  }
  for (const [name, group] of jsonDynamic) {
    if (group.maps.length === 0) continue;
    const index = entries.findIndex((entry) => entry.key === name);
    const written = index >= 0 ? entries[index].value : undefined;
    const items: ValueNode[] = [...(written ? (written.kind === 'seq' ? written.items : [written]) : []), ...group.maps];
    const value: ValueNode = items.length === 1 ? items[0] : { kind: 'seq', items, range: items[0].range };
    if (index >= 0) entries[index] = { ...entries[index], value };
    else entries.push({ key: name, keyRange: group.keyRange, value });
  }
  const groups = new Map<string, { keyRange: OffsetRange; blocks: { block: HclBlock; dynamic?: DynamicBlock }[] }>();
  for (const block of body.blocks) {
    // `dynamic "ingress" { content { ... } }` stands for repeated `ingress` blocks.
    const isDynamic = block.type === 'dynamic' && block.labels.length > 0;
    const name = isDynamic ? block.labels[0].value : block.type;
    if (META.has(name)) continue;
    const content = isDynamic ? block.body.blocks.find((inner) => inner.type === 'content') : block;
    if (!content) continue;
    const group = groups.get(name) ?? { keyRange: isDynamic ? block.labels[0].range : block.typeRange, blocks: [] };
    group.blocks.push(isDynamic ? { block: content, dynamic: dynamicOf(block, name) } : { block: content });
    groups.set(name, group);
  }
  for (const [name, group] of groups) {
    const maps = group.blocks.map(({ block, dynamic }): MapNode => {
      const map = bodyToMap(block.body, block.range);
      return dynamic ? { ...map, dynamic } : map;
    });
    entries.push({ key: name, keyRange: group.keyRange, value: maps.length === 1 ? maps[0] : { kind: 'seq', items: maps, range: maps[0].range } });
  }
  return { kind: 'map', entries, range };
}

/** A JSON-syntax dynamic block (`{"for_each": ..., "iterator": ..., "content": {...}}`) as its content's mapping. */
function jsonDynamicOf(expression: HclExpression, label: string): MapNode | undefined {
  if (expression.kind !== 'object') return undefined;
  const property = (name: string) => expression.items.find((item) => item.keyName === name)?.value;
  const content = property('content');
  if (content?.kind !== 'object') return undefined;
  const map = expressionToNode(content);
  if (map.kind !== 'map') return undefined;
  const iterator = property('iterator');
  // A JSON string is the iterator's name ("iterator": "rule"), read as a literal or a template without interpolation.
  const name = iterator?.kind === 'literal' && typeof iterator.value === 'string' ? iterator.value
    : iterator?.kind === 'template' && iterator.value !== undefined ? iterator.value : label;
  return { ...map, dynamic: { forEach: property('for_each'), iterator: name, label } };
}

/** for_each and the iterator's name (`iterator = x` or the label) of a `dynamic` block. */
function dynamicOf(block: HclBlock, label: string): DynamicBlock {
  const attribute = (name: string) => block.body.attributes.find((candidate) => candidate.name === name)?.expression;
  const iterator = attribute('iterator');
  const name = iterator?.kind === 'traversal' && iterator.steps.length === 0 ? iterator.root
    : iterator?.kind === 'template' && iterator.value !== undefined ? iterator.value : label;
  return { forEach: attribute('for_each'), iterator: name, label };
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
      // Written parens keep what they enclose where it is written; a bound value sits where the parens are.
      return expressionToNode(expression.expression, site ?? (isBoundValue(expression) ? expression.range : undefined));
    case 'unary':
      if (expression.operator === '-' && expression.operand.kind === 'literal' && typeof expression.operand.value === 'number') {
        return { kind: 'scalar', value: -expression.operand.value, range };
      }
      return { kind: 'expression', expression, range };
    default:
      return { kind: 'expression', expression, range };
  }
}

/** Names bound to values: a `for` expression's variables, a dynamic block's iterator ({ key, value }). */
export type Bindings = ReadonlyMap<string, ValueNode>;

/**
 * A copy of `node` in which every reference to a bound name reads the bound value: `ingress.value` in a dynamic
 * block's content, `r.name` in a for expression's body. Values that cannot be written as an expression (an
 * unreadable value) leave the reference as it is, so it stays unknown.
 */
export function bindNode(node: ValueNode, bindings: Bindings): ValueNode {
  switch (node.kind) {
    case 'expression': {
      const expression = bindExpression(node.expression, bindings);
      return expression === node.expression ? node : { kind: 'expression', expression, range: node.range };
    }
    case 'seq':
      return { ...node, items: node.items.map((item) => bindNode(item, bindings)) };
    case 'map': {
      const entries = node.entries.map((entry): MapEntry => ({ ...entry, value: entry.value && bindNode(entry.value, node.dynamic ? without(bindings, [node.dynamic.iterator]) : bindings) }));
      if (!node.dynamic) return { ...node, entries };
      const forEach = node.dynamic.forEach && bindExpression(node.dynamic.forEach, bindings);
      return { ...node, entries, dynamic: { ...node.dynamic, forEach } };
    }
    default:
      return node;
  }
}

function without(bindings: Bindings, names: readonly string[]): Bindings {
  if (!names.some((name) => bindings.has(name))) return bindings;
  const copy = new Map(bindings);
  for (const name of names) copy.delete(name);
  return copy;
}

/**
 * Parenthesised expressions made by binding, standing for a bound value that is itself an expression: not written
 * where they sit, so the resolver places their inner expression at their range, never at its own.
 */
const boundValues = new WeakSet<HclExpression>();

/** Whether `expression` stands for a bound value (made by bindExpression), rather than being written there. */
export function isBoundValue(expression: HclExpression): boolean {
  return boundValues.has(expression);
}

/**
 * A copy of `expression` in which every reference to a bound name reads the bound value. The value is placed at
 * the reference (`ingress.value` in a dynamic block's content: findings sit there), or, with `keepRanges`, where
 * its parts were written (a for expression's elements, when the for expression and its collection are written
 * in place).
 */
export function bindExpression(expression: HclExpression, bindings: Bindings, keepRanges = false): HclExpression {
  if (bindings.size === 0) return expression;
  const bind = (inner: HclExpression) => bindExpression(inner, bindings, keepRanges);
  switch (expression.kind) {
    case 'literal':
    case 'invalid':
      return expression;
    case 'template':
      return expression.value !== undefined ? expression : { ...expression, parts: expression.parts.map((part) => bindPart(part, bindings)) };
    case 'tuple':
      return { ...expression, items: expression.items.map(bind) };
    case 'object':
      return { ...expression, items: expression.items.map((item) => ({ ...item, key: bind(item.key), value: bind(item.value) })) };
    case 'traversal': {
      const bound = bindings.get(expression.root);
      const steps = expression.steps.map((step): TraversalStep => (step.kind === 'index' ? { ...step, key: bind(step.key) } : step));
      if (!bound) return { ...expression, steps };
      return readSteps(bound, steps, expression.range, keepRanges) ?? expression;
    }
    case 'call':
      return { ...expression, args: expression.args.map(bind) };
    case 'conditional':
      return { ...expression, condition: bind(expression.condition), trueResult: bind(expression.trueResult), falseResult: bind(expression.falseResult) };
    case 'binary':
      return { ...expression, left: bind(expression.left), right: bind(expression.right) };
    case 'unary':
      return { ...expression, operand: bind(expression.operand) };
    case 'parens': {
      const copy: HclExpression = { ...expression, expression: bind(expression.expression) };
      if (boundValues.has(expression)) boundValues.add(copy);
      return copy;
    }
    case 'for': {
      const inner = without(bindings, [expression.valueVar.name, ...(expression.keyVar ? [expression.keyVar.name] : [])]);
      return {
        ...expression,
        collection: bind(expression.collection),
        key: expression.key && bindExpression(expression.key, inner, keepRanges),
        value: bindExpression(expression.value, inner, keepRanges),
        condition: expression.condition && bindExpression(expression.condition, inner, keepRanges),
      };
    }
    case 'index':
      return { ...expression, collection: bind(expression.collection), key: bind(expression.key) };
    case 'getattr':
      return { ...expression, object: bind(expression.object) };
    case 'splat':
      return { ...expression, source: bind(expression.source) };
  }
}

function bindPart(part: TemplatePart, bindings: Bindings): TemplatePart {
  switch (part.kind) {
    case 'text':
      return part;
    case 'interpolation':
      return { ...part, expression: bindExpression(part.expression, bindings) };
    case 'if':
      return { ...part, condition: bindExpression(part.condition, bindings), then: part.then.map((inner) => bindPart(inner, bindings)), else: part.else?.map((inner) => bindPart(inner, bindings)) };
    case 'for': {
      const inner = without(bindings, [part.valueVar, ...(part.keyVar ? [part.keyVar] : [])]);
      return { ...part, collection: bindExpression(part.collection, bindings), body: part.body.map((piece) => bindPart(piece, inner)) };
    }
  }
}

/** The expression for `value` read through `steps` (attributes and literal indexes), placed at `site` (or kept). */
function readSteps(value: ValueNode, steps: readonly TraversalStep[], site: OffsetRange, keepRanges: boolean): HclExpression | undefined {
  let node: ValueNode | undefined = value;
  let index = 0;
  for (; index < steps.length && node && node.kind !== 'expression'; index++) {
    const step = steps[index];
    const key = step.kind === 'attr' ? step.name : step.kind === 'index' ? literalKey(step.key) : undefined;
    if (key === undefined) return undefined;
    if (node.kind === 'map') node = node.entries.find((entry) => entry.key === String(key))?.value;
    else if (node.kind === 'seq' && typeof key === 'number') node = node.items[key];
    else return undefined;
  }
  if (!node) return undefined;
  const base = valueToExpression(node, site, keepRanges);
  if (!base) return undefined;
  const rest = steps.slice(index);
  if (rest.length === 0) return base;
  // A bound value that is itself a reference (`var.x`): the remaining steps go on from it.
  if (base.kind === 'parens' && base.expression.kind === 'traversal') {
    return boundValue({ ...base.expression, steps: [...base.expression.steps, ...rest] }, base.range);
  }
  return undefined;
}

function literalKey(expression: HclExpression): string | number | undefined {
  if (expression.kind === 'literal' && (typeof expression.value === 'number' || typeof expression.value === 'string')) return expression.value;
  if (expression.kind === 'template' && expression.value !== undefined) return expression.value;
  return undefined;
}

function boundValue(expression: HclExpression, range: OffsetRange): HclExpression {
  const parens: HclExpression = { kind: 'parens', expression, range };
  boundValues.add(parens);
  return parens;
}

/**
 * A value of the value tree written back as an expression at `site`, or at the ranges of its own parts with
 * `keepRanges`; undefined when it has no such form.
 */
function valueToExpression(node: ValueNode, site: OffsetRange, keepRanges: boolean): HclExpression | undefined {
  const range = keepRanges ? node.range : site;
  switch (node.kind) {
    case 'scalar':
      return typeof node.value === 'string'
        ? { kind: 'template', parts: [{ kind: 'text', value: node.value, range }], value: node.value, heredoc: undefined, range }
        : { kind: 'literal', value: node.value, range };
    case 'seq': {
      const items = node.items.map((item) => valueToExpression(item, site, keepRanges));
      return items.every((item): item is HclExpression => item !== undefined) ? { kind: 'tuple', items, range } : undefined;
    }
    case 'map': {
      if (node.dynamic) return undefined;
      const items = [];
      for (const entry of node.entries) {
        const value = entry.value && valueToExpression(entry.value, site, keepRanges);
        if (!value) return undefined;
        const keyRange = keepRanges ? entry.keyRange : site;
        items.push({ key: { kind: 'template' as const, parts: [], value: entry.key, heredoc: undefined, range: keyRange }, keyName: entry.key, keyRange, value, separator: '=' as const, range });
      }
      return { kind: 'object', items, range };
    }
    case 'expression':
      return boundValue(node.expression, range);
    default:
      return undefined;
  }
}
