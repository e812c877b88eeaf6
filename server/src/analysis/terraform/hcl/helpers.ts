// Small readers over the expression model for the Terraform layer: literal values, reference names, walking.
import type { HclExpression, TemplatePart } from './ast';

export type LiteralValue = string | number | boolean | null | LiteralValue[] | { [key: string]: LiteralValue };

/**
 * The JS value of an expression made only of literals: a literal, a template without interpolation, `-1`,
 * `(x)`, and tuples / objects of those. Undefined for anything that needs evaluation (references, calls...).
 */
export function literalValue(expression: HclExpression): LiteralValue | undefined {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'template':
      return expression.value;
    case 'parens':
      return literalValue(expression.expression);
    case 'unary': {
      const operand = literalValue(expression.operand);
      if (expression.operator === '-' && typeof operand === 'number') return -operand;
      if (expression.operator === '!' && typeof operand === 'boolean') return !operand;
      return undefined;
    }
    case 'tuple': {
      const items: LiteralValue[] = [];
      for (const item of expression.items) {
        const value = literalValue(item);
        if (value === undefined) return undefined;
        items.push(value);
      }
      return items;
    }
    case 'object': {
      const result: { [key: string]: LiteralValue } = {};
      for (const item of expression.items) {
        const value = literalValue(item.value);
        if (item.keyName === undefined || value === undefined) return undefined;
        result[item.keyName] = value;
      }
      return result;
    }
    default:
      return undefined;
  }
}

export interface ReferenceParts {
  /** The attribute names only, root first: `aws_instance.web[0].id` gives `['aws_instance', 'web', 'id']`. */
  readonly names: string[];
  /**
   * Every step in order, indexes noted in brackets: `['aws_instance', 'web', '[0]', 'id']`. A literal key reads
   * `[0]` or `["a"]`, a splat `[*]`, a computed key (`[count.index]`) `[?]`.
   */
  readonly parts: string[];
}

/**
 * The dotted names of a reference (`var.name`, `aws_s3_bucket.logs.id`, `each.key`). Parentheses and a template that
 * is only one interpolation (`"${var.x}"`) are looked through. Undefined when the expression is not a reference.
 */
export function referenceParts(expression: HclExpression): ReferenceParts | undefined {
  let current = expression;
  for (;;) {
    if (current.kind === 'parens') {
      current = current.expression;
    } else if (current.kind === 'template' && current.parts.length === 1 && current.parts[0].kind === 'interpolation') {
      current = current.parts[0].expression;
    } else {
      break;
    }
  }
  if (current.kind !== 'traversal') return undefined;
  const names = [current.root];
  const parts = [current.root];
  for (const step of current.steps) {
    if (step.kind === 'attr') {
      names.push(step.name);
      parts.push(step.name);
    } else if (step.kind === 'splat') {
      parts.push(step.style === 'full' ? '[*]' : '.*');
    } else {
      const key = literalValue(step.key);
      parts.push(typeof key === 'number' || typeof key === 'string' ? `[${JSON.stringify(key)}]` : '[?]');
    }
  }
  return { names, parts };
}

/** Return false from the visitor to skip the children of that node. */
export type ExpressionVisitor = (expression: HclExpression, parent: HclExpression | undefined) => void | boolean;

/** Pre-order walk over an expression and every expression inside it (template parts, index keys, items...). */
export function walkExpressions(expression: HclExpression, visit: ExpressionVisitor): void {
  const stack: [HclExpression, HclExpression | undefined][] = [[expression, undefined]];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry) break;
    const [node, parent] = entry;
    if (visit(node, parent) === false) continue;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], node]);
  }
}

/** The direct sub-expressions of an expression, in source order. */
export function childrenOf(expression: HclExpression): HclExpression[] {
  switch (expression.kind) {
    case 'literal':
    case 'invalid':
      return [];
    case 'template':
      return templateChildren(expression.parts);
    case 'tuple':
      return expression.items;
    case 'object':
      return expression.items.flatMap((item) => [item.key, item.value]);
    case 'traversal':
      return expression.steps.flatMap((step) => (step.kind === 'index' ? [step.key] : []));
    case 'call':
      return expression.args;
    case 'conditional':
      return [expression.condition, expression.trueResult, expression.falseResult];
    case 'binary':
      return [expression.left, expression.right];
    case 'unary':
      return [expression.operand];
    case 'parens':
      return [expression.expression];
    case 'for': {
      const list = [expression.collection];
      if (expression.key) list.push(expression.key);
      list.push(expression.value);
      if (expression.condition) list.push(expression.condition);
      return list;
    }
    case 'index':
      return [expression.collection, expression.key];
    case 'getattr':
      return [expression.object];
    case 'splat':
      return [expression.source];
  }
}

function templateChildren(parts: readonly TemplatePart[]): HclExpression[] {
  const result: HclExpression[] = [];
  for (const part of parts) {
    switch (part.kind) {
      case 'interpolation':
        result.push(part.expression);
        break;
      case 'if':
        result.push(part.condition, ...templateChildren(part.then), ...templateChildren(part.else ?? []));
        break;
      case 'for':
        result.push(part.collection, ...templateChildren(part.body));
        break;
      default:
        break;
    }
  }
  return result;
}
