// Resolution of Terraform expressions into the values a configuration deploys with, with provenance:
// variables (calling module's inputs, then tfvars, then defaults), locals, each.key / each.value /
// count.index for one instance, conditionals (decided when their condition is known, both branches
// otherwise), literal templates and a few pure functions. References to other resources stay unknown.
import type { Candidate, Resolved, ValueResolver } from '../resolution';
import { opaque, opaqueReason } from '../resolution';
import type { MapEntry, OffsetRange, ScalarValue, ValueNode } from '../types';
import type { HclExpression, TraversalStep } from './hcl/ast';
import type { TfModule } from './module';
import { expressionToNode } from './values';

const MAX_DEPTH = 24;

/** The bindings of one instance of a resource with count or for_each. */
export interface InstanceBinding {
  readonly key?: ScalarValue;
  readonly value?: ValueNode;
  readonly index?: number;
}

export class TfResolver implements ValueResolver {
  constructor(
    readonly module: TfModule,
    private readonly binding: InstanceBinding = {},
    /** Resolves the expressions of input values, which belong to the calling module. */
    private readonly caller?: TfResolver,
  ) {}

  withBinding(binding: InstanceBinding): TfResolver {
    return new TfResolver(this.module, binding, this.caller);
  }

  lookup(start: ValueNode | undefined, path: readonly string[], via: readonly string[] = []): Candidate[] {
    let current = this.expand({ node: start, via });
    for (const segment of path) {
      const next: Candidate[] = [];
      for (const candidate of current) {
        const node = candidate.node;
        if (node === undefined) {
          next.push(candidate);
        } else if (node.kind === 'seq') {
          // Repeated blocks and lists: every element (Terraform paths do not mark them).
          const items = node.items.flatMap((item) => this.expand({ node: item, via: candidate.via }));
          if (items.length === 0) next.push({ node: undefined, via: candidate.via });
          for (const item of items) {
            if (segment === '[]') next.push(item);
            else if (item.node?.kind === 'map') next.push(...this.expand({ node: entryValue(item.node, segment), via: item.via }));
            else next.push(item);
          }
        } else if (segment === '[]') {
          next.push(candidate);
        } else if (node.kind === 'map') {
          next.push(...this.expand({ node: entryValue(node, segment), via: candidate.via }));
        } else if (opaqueReason(node) !== undefined) {
          next.push(candidate);
        } else {
          // An unresolved expression or a scalar where a block or object is expected: the argument's value
          // cannot be read from it.
          const what = node.kind === 'scalar' ? `the value ${JSON.stringify(node.value)}, where a block is expected` : 'an expression that is not evaluated, where a block is expected';
          next.push({ node: opaque(node, segment, what), via: candidate.via });
        }
      }
      current = next;
    }
    return current;
  }

  /** Replaces an expression node by the value(s) it resolves to; null means absent. */
  expand(candidate: Candidate, depth = 0): Candidate[] {
    const node = candidate.node;
    // `x = null` is Terraform's way of leaving an argument unset (the provider default applies).
    if (node?.kind === 'scalar' && node.value === null) return [{ node: undefined, via: [...candidate.via, 'null'] }];
    if (!node || node.kind !== 'expression' || depth > MAX_DEPTH) return [candidate];
    return this.resolveExpression(node.expression, node.range, candidate.via, depth + 1);
  }

  scalars(node: ValueNode, via: readonly string[] = [], depth = 0): Resolved[] {
    const results: Resolved[] = [];
    for (const candidate of this.expand({ node, via }, depth)) {
      const resolvedNode = candidate.node;
      if (resolvedNode === undefined) results.push({ known: false, description: 'null', via: candidate.via });
      else if (resolvedNode.kind === 'scalar') results.push({ known: true, value: resolvedNode.value, via: candidate.via });
      else if (resolvedNode.kind === 'map') results.push({ known: false, description: 'an object', via: candidate.via });
      else if (resolvedNode.kind === 'seq') results.push({ known: false, description: 'a list', via: candidate.via });
      else if (resolvedNode.kind === 'expression') results.push(this.evaluate(resolvedNode.expression, candidate.via, depth + 1));
      else results.push({ known: false, description: opaqueReason(resolvedNode) ?? 'a value', via: candidate.via });
    }
    return results;
  }

  private resolveExpression(expression: HclExpression, site: OffsetRange, via: readonly string[], depth: number): Candidate[] {
    if (depth > MAX_DEPTH) return [{ node: { kind: 'expression', expression, range: site }, via }];
    switch (expression.kind) {
      case 'literal':
        return expression.value === null ? [{ node: undefined, via }] : [{ node: expressionToNode(expression, site), via }];
      case 'template':
        if (expression.value !== undefined) return [{ node: expressionToNode(expression, site), via }];
        if (expression.parts.length === 1 && expression.parts[0].kind === 'interpolation') {
          return this.resolveExpression(expression.parts[0].expression, site, via, depth + 1); // "${var.x}"
        }
        break;
      case 'tuple':
      case 'object':
        return [{ node: expressionToNode(expression, site), via }];
      case 'parens':
        return this.resolveExpression(expression.expression, site, via, depth + 1);
      case 'traversal':
        return this.resolveTraversal(expression, site, via, depth);
      case 'conditional': {
        const conditions = this.evaluate(expression.condition, [], depth + 1);
        const text = describeExpression(expression.condition);
        if (conditions.known && typeof conditions.value === 'boolean') {
          const branch = conditions.value ? expression.trueResult : expression.falseResult;
          return this.resolveExpression(branch, site, [...via, `${text} is ${conditions.value}${describeSteps(conditions.via)}`], depth + 1);
        }
        return [
          ...this.resolveExpression(expression.trueResult, site, [...via, `if ${text}`], depth + 1),
          ...this.resolveExpression(expression.falseResult, site, [...via, `unless ${text}`], depth + 1),
        ];
      }
      case 'call': {
        const passThrough = ['tobool', 'tostring', 'tonumber', 'toset', 'tolist', 'tomap', 'try', 'coalesce', 'sensitive', 'nonsensitive'];
        if (passThrough.includes(expression.name) && expression.args.length > 0) {
          return this.resolveExpression(expression.args[0], site, via, depth + 1);
        }
        break;
      }
      default:
        break;
    }
    return [{ node: { kind: 'expression', expression, range: site }, via }];
  }

  private resolveTraversal(expression: HclExpression & { kind: 'traversal' }, site: OffsetRange, via: readonly string[], depth: number): Candidate[] {
    const unresolved: Candidate[] = [{ node: { kind: 'expression', expression, range: site }, via }];
    const [first, ...rest] = expression.steps;
    const firstName = first?.kind === 'attr' ? first.name : undefined;
    let base: Candidate[] | undefined;
    let remaining: TraversalStep[] = rest;
    if (expression.root === 'var' && firstName) {
      base = this.resolveVariable(firstName, site, via, depth);
    } else if (expression.root === 'local' && firstName) {
      const local = this.module.locals.get(firstName);
      if (local) base = this.resolveExpression(local.expression, site, [...via, `local.${firstName}`], depth + 1);
    } else if (expression.root === 'each' && firstName === 'key' && this.binding.key !== undefined) {
      base = [{ node: { kind: 'scalar', value: this.binding.key, range: site }, via: [...via, 'each.key'] }];
    } else if (expression.root === 'each' && firstName === 'value' && this.binding.value !== undefined) {
      base = this.expand({ node: resite(this.binding.value, site), via: [...via, 'each.value'] }, depth + 1);
    } else if (expression.root === 'count' && firstName === 'index' && this.binding.index !== undefined) {
      base = [{ node: { kind: 'scalar', value: this.binding.index, range: site }, via: [...via, 'count.index'] }];
    } else {
      remaining = [];
    }
    if (!base) return unresolved;
    let current = base;
    for (const step of remaining) {
      const next: Candidate[] = [];
      for (const candidate of current) {
        const node = candidate.node;
        if (step.kind === 'attr' && node?.kind === 'map') next.push(...this.expand({ node: entryValue(node, step.name), via: candidate.via }, depth + 1));
        else if (step.kind === 'index' && node?.kind === 'seq' && step.key.kind === 'literal' && typeof step.key.value === 'number') {
          next.push(...this.expand({ node: node.items[step.key.value], via: candidate.via }, depth + 1));
        } else if (step.kind === 'index' && node?.kind === 'map' && step.key.kind === 'template' && step.key.value !== undefined) {
          next.push(...this.expand({ node: entryValue(node, step.key.value), via: candidate.via }, depth + 1));
        } else return unresolved;
      }
      current = next;
    }
    return current;
  }

  private resolveVariable(name: string, site: OffsetRange, via: readonly string[], depth: number): Candidate[] | undefined {
    const given = this.module.variableValues.get(name);
    if (given) {
      const steps = [...via, `var.${name} from ${given.source}`];
      if (given.resolveIn === 'caller' && this.caller) {
        return this.caller.expand({ node: given.node, via: steps }, depth + 1).map((candidate) => ({ ...candidate, node: candidate.node && resite(candidate.node, site) }));
      }
      if (given.node.kind === 'expression') return this.resolveExpression(given.node.expression, site, steps, depth + 1);
      return [{ node: resite(given.node, site), via: steps }];
    }
    const declared = this.module.variables.get(name);
    if (declared?.defaultValue) return this.resolveExpression(declared.defaultValue, site, [...via, `var.${name}, default`], depth + 1);
    return undefined;
  }

  /** The scalar an unresolved expression computes, when its inputs are known. */
  private evaluate(expression: HclExpression, via: readonly string[], depth: number): Resolved {
    const unknown: Resolved = { known: false, description: describeExpression(expression), via };
    if (depth > MAX_DEPTH) return unknown;
    switch (expression.kind) {
      case 'literal':
        return { known: true, value: expression.value, via };
      case 'template': {
        if (expression.value !== undefined) return { known: true, value: expression.value, via };
        let text = '';
        const steps: string[] = [];
        for (const part of expression.parts) {
          if (part.kind === 'text') text += part.value;
          else if (part.kind === 'interpolation') {
            const values = this.scalars({ kind: 'expression', expression: part.expression, range: part.range }, [], depth + 1);
            if (values.length !== 1 || !values[0].known) return unknown;
            text += String(values[0].value);
            steps.push(...values[0].via);
          } else return unknown;
        }
        return { known: true, value: text, via: [...via, ...steps] };
      }
      case 'unary':
      case 'binary': {
        const operands = expression.kind === 'unary' ? [expression.operand] : [expression.left, expression.right];
        const values: ScalarValue[] = [];
        const steps: string[] = [];
        for (const operand of operands) {
          const resolved = this.scalars({ kind: 'expression', expression: operand, range: operand.range }, [], depth + 1);
          if (resolved.length !== 1 || !resolved[0].known) return unknown;
          values.push(resolved[0].value);
          steps.push(...resolved[0].via);
        }
        const value = expression.kind === 'unary' ? unaryValue(expression.operator, values[0]) : binaryValue(expression.operator, values[0], values[1]);
        return value === undefined ? unknown : { known: true, value, via: [...via, ...steps] };
      }
      default: {
        const candidates = this.resolveExpression(expression, expression.range, via, depth + 1);
        if (candidates.length === 1 && candidates[0].node?.kind === 'scalar') return { known: true, value: candidates[0].node.value, via: candidates[0].via };
        if (candidates.length === 1 && candidates[0].node?.kind === 'expression' && candidates[0].node.expression !== expression) {
          return this.evaluate(candidates[0].node.expression, candidates[0].via, depth + 1);
        }
        return unknown;
      }
    }
  }
}

function entryValue(map: ValueNode & { kind: 'map' }, key: string): ValueNode | undefined {
  return map.entries.find((entry) => entry.key === key)?.value;
}

function unaryValue(operator: '!' | '-', value: ScalarValue): ScalarValue | undefined {
  if (operator === '!' && typeof value === 'boolean') return !value;
  if (operator === '-' && typeof value === 'number') return -value;
  return undefined;
}

function binaryValue(operator: string, left: ScalarValue, right: ScalarValue): ScalarValue | undefined {
  switch (operator) {
    case '==': return String(left) === String(right);
    case '!=': return String(left) !== String(right);
    case '&&': return typeof left === 'boolean' && typeof right === 'boolean' ? left && right : undefined;
    case '||': return typeof left === 'boolean' && typeof right === 'boolean' ? left || right : undefined;
    default: {
      if (typeof left !== 'number' || typeof right !== 'number') return undefined;
      switch (operator) {
        case '+': return left + right;
        case '-': return left - right;
        case '*': return left * right;
        case '<': return left < right;
        case '>': return left > right;
        case '<=': return left <= right;
        case '>=': return left >= right;
        default: return undefined;
      }
    }
  }
}

/** A copy of a value placed at `site`: values from another file are reported where they are used. */
export function resite(node: ValueNode, site: OffsetRange): ValueNode {
  switch (node.kind) {
    case 'scalar':
      return { kind: 'scalar', value: node.value, range: site };
    case 'seq':
      return { kind: 'seq', items: node.items.map((item) => resite(item, site)), range: site };
    case 'map':
      return { kind: 'map', range: site, entries: node.entries.map((entry): MapEntry => ({ key: entry.key, keyRange: site, value: entry.value && resite(entry.value, site) })) };
    case 'intrinsic':
      return { ...node, range: site };
    case 'expression':
      return { kind: 'expression', expression: node.expression, range: site };
  }
}

function describeSteps(via: readonly string[]): string {
  return via.length > 0 ? ` (${via.join('; ')})` : '';
}

/** Short source-like text for an expression, for messages. */
export function describeExpression(expression: HclExpression): string {
  switch (expression.kind) {
    case 'literal':
      return JSON.stringify(expression.value);
    case 'template':
      return expression.value !== undefined ? JSON.stringify(expression.value) : '"${...}"';
    case 'traversal':
      return expression.root + expression.steps.map((step) => {
        if (step.kind === 'attr') return `.${step.name}`;
        if (step.kind === 'splat') return step.style === 'full' ? '[*]' : '.*';
        return `[${step.key.kind === 'literal' ? JSON.stringify(step.key.value) : step.key.kind === 'template' && step.key.value !== undefined ? JSON.stringify(step.key.value) : '...'}]`;
      }).join('');
    case 'call':
      return `${expression.name}(...)`;
    case 'unary':
      return `${expression.operator}${describeExpression(expression.operand)}`;
    case 'binary':
      return `${describeExpression(expression.left)} ${expression.operator} ${describeExpression(expression.right)}`;
    case 'parens':
      return `(${describeExpression(expression.expression)})`;
    case 'conditional':
      return `${describeExpression(expression.condition)} ? ... : ...`;
    default:
      return 'an expression';
  }
}
