// Resolution of Terraform expressions into the values a configuration deploys with, with provenance:
// variables (calling module's inputs, then tfvars, then defaults), locals, each.key / each.value /
// count.index for one instance, conditionals (decided when their condition is known, both branches
// otherwise), literal templates and a few pure functions. References to other resources stay unknown.
import type { Candidate, Resolved, ValueResolver } from '../resolution';
import { opaque, opaqueReason } from '../resolution';
import type { DynamicBlock, MapEntry, MapNode, OffsetRange, ScalarValue, ValueNode } from '../types';
import { opaqueNode } from '../types';
import type { ForExpr, HclExpression, TemplatePart, TraversalStep } from './hcl/ast';
import { walkExpressions } from './hcl/helpers';
import type { TfModule } from './module';
import { callFunction, FUNCTIONS } from './functions';
import { compareText } from './functionText';
import { bindExpression, bindNode, expressionToNode, isBoundValue } from './values';

/** Alternatives multiplied across a call's arguments, at most (more: the call is not evaluated). */
const MAX_COMBINATIONS = 32;

/**
 * What an expression evaluates to: a known value (a closed node: scalars, lists and objects only, each part placed
 * where it was written), unknown, or an error (Terraform refuses the configuration).
 */
type Outcome = { readonly status: 'known'; readonly value: ValueNode; readonly via: readonly string[] } | { readonly status: 'unknown' | 'error'; readonly via: readonly string[] };

const merged = (...lists: (readonly string[])[]): string[] => [...new Set(lists.flat())];

const MAX_DEPTH = 24;

/**
 * The resolver an unevaluated expression node belongs to when it came from another module (a caller's input):
 * `local.x && var.y` passed into a child names the CALLER's local and variable, so it must be evaluated there,
 * never in the child's scope (where `var.y` may not exist, or may be another variable of the same name).
 */
const scopeOf = new WeakMap<ValueNode, TfResolver>();

/** Marks every unevaluated expression inside `node` that has no scope yet as belonging to `owner`. */
function claim(node: ValueNode | undefined, owner: TfResolver, depth = 0): void {
  if (!node || depth > MAX_CLAIM_DEPTH) return;
  if (node.kind === 'expression') {
    if (!scopeOf.has(node)) scopeOf.set(node, owner);
  } else if (node.kind === 'seq') {
    for (const item of node.items) claim(item, owner, depth + 1);
  } else if (node.kind === 'map') {
    for (const entry of node.entries) claim(entry.value, owner, depth + 1);
  }
}
const MAX_CLAIM_DEPTH = 64;
/** Elements a for expression or dynamic block is expanded over, at most (more: not evaluated). */
const MAX_ELEMENTS = 256;

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

  /** The resolver an unevaluated expression node belongs to: a caller's for an input it passed, else this one. */
  scopeOf(node: ValueNode): TfResolver {
    return scopeOf.get(node) ?? this;
  }

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
          // A dynamic block among them stands for its blocks, none when its for_each is empty.
          const items = node.items.flatMap((item) => this.expand({ node: item, via: candidate.via }))
            .flatMap((item) => (item.node?.kind === 'seq' && item.node.items.some((inner) => inner.kind === 'map') ? item.node.items.map((inner) => ({ node: inner, via: item.via })) : item.node === undefined && node.items.length > 1 ? [] : [item]));
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
    if (node?.kind === 'map' && node.dynamic && depth <= MAX_DEPTH) return this.expandDynamic(node, node.dynamic, candidate.via, depth + 1);
    if (!node || node.kind !== 'expression' || depth > MAX_DEPTH) return [candidate];
    const owner = scopeOf.get(node);
    if (owner && owner !== this) {
      const resolved = owner.expand(candidate, depth + 1);
      for (const result of resolved) claim(result.node, owner);
      return resolved;
    }
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
      else if (resolvedNode.kind === 'expression') results.push((scopeOf.get(resolvedNode) ?? this).evaluate(resolvedNode.expression, candidate.via, depth + 1));
      else results.push({ known: false, description: opaqueReason(resolvedNode) ?? 'a value', via: candidate.via });
    }
    return results;
  }

  private readonly dynamicBlocks = new WeakMap<MapNode, Candidate[]>();

  /**
   * A dynamic block as the blocks Terraform generates: one copy of the content per element of for_each, with
   * the iterator (`<label>.key` / `.value`, or the `iterator` name) bound to it; none when for_each is empty.
   * A for_each that cannot be read leaves the content with the iterator unbound (its values unknown).
   */
  private expandDynamic(node: MapNode, dynamic: DynamicBlock, via: readonly string[], depth: number): Candidate[] {
    const known = via.length === 0 ? this.dynamicBlocks.get(node) : undefined;
    if (known) return known;
    const { forEach, iterator } = dynamic;
    const content: MapNode = { kind: 'map', entries: node.entries, range: node.range };
    const result: Candidate[] = [];
    const alternatives = forEach ? this.resolveExpression(forEach, forEach.range, via, depth + 1) : [{ node: undefined, via }];
    for (const alternative of alternatives) {
      const elements = elementsOf(alternative.node, forEach?.kind === 'call' && forEach.name === 'toset');
      if (elements === undefined) {
        // How many blocks Terraform generates cannot be known (none, one or several): the content's values hold
        // only if there are any, and the block may as well be absent, so what the content says decides nothing
        // on its own (a literal `enabled = true` inside it is not "addressed").
        const source = forEach ? describeExpression(forEach) : 'not given';
        result.push({ node: content, via: [...alternative.via, `if dynamic "${dynamic.label}" generates blocks`] });
        result.push({ node: opaqueNode(node.range, `inside a dynamic "${dynamic.label}" block whose for_each (${source}) cannot be known`), via: alternative.via });
        continue;
      }
      const blocks = elements.map(([key, value]) => bindNode(content, new Map([[iterator, {
        kind: 'map',
        range: node.range,
        entries: [{ key: 'key', keyRange: node.range, value: { kind: 'scalar', value: key, range: value.range } }, { key: 'value', keyRange: node.range, value }],
      }]])));
      result.push({ node: blocks.length === 0 ? undefined : blocks.length === 1 ? blocks[0] : { kind: 'seq', items: blocks, range: node.range }, via: alternative.via });
    }
    if (via.length === 0) this.dynamicBlocks.set(node, result);
    return result;
  }

  /**
   * `[for v in coll : value if cond]` and `{for k, v in coll : key => value if cond}` (with `...` grouping) over a
   * known collection: a list or an object. An element whose condition, key or value cannot be decided leaves the
   * whole expression unevaluated.
   */
  private resolveFor(expression: ForExpr, site: OffsetRange, via: readonly string[], depth: number): Candidate[] {
    const unresolved = (steps: readonly string[]): Candidate => ({ node: { kind: 'expression', expression, range: site }, via: steps });
    // Written in place, each element keeps the ranges of what it was made of (the body's literals, the
    // collection's elements); otherwise every element sits at `site`.
    const inPlace = site === expression.range;
    const result: Candidate[] = [];
    for (const collection of this.resolveExpression(expression.collection, inPlace ? expression.collection.range : site, via, depth + 1)) {
      const elements = elementsOf(collection.node, false);
      if (elements === undefined) {
        result.push(unresolved(collection.via));
        continue;
      }
      const steps = [...collection.via];
      const items: ValueNode[] = [];
      const groups = new Map<string, ValueNode[]>();
      let decided = true;
      for (const [key, value] of elements) {
        const bindings = new Map<string, ValueNode>([[expression.valueVar.name, value]]);
        if (expression.keyVar) bindings.set(expression.keyVar.name, { kind: 'scalar', value: key, range: value.range });
        if (expression.condition) {
          const kept = this.scalars({ kind: 'expression', expression: bindExpression(expression.condition, bindings), range: expression.condition.range }, [], depth + 1);
          if (kept.length !== 1 || !kept[0].known || typeof kept[0].value !== 'boolean') {
            decided = false;
            break;
          }
          steps.push(...kept[0].via.filter((step) => !steps.includes(step)));
          if (!kept[0].value) continue;
        }
        const item = inPlace ? expressionToNode(bindExpression(expression.value, bindings, true)) : expressionToNode(bindExpression(expression.value, bindings), site);
        if (!expression.isObject || !expression.key) {
          items.push(item);
          continue;
        }
        const keys = this.scalars({ kind: 'expression', expression: bindExpression(expression.key, bindings), range: expression.key.range }, [], depth + 1);
        if (keys.length !== 1 || !keys[0].known || keys[0].value === null) {
          decided = false;
          break;
        }
        const name = String(keys[0].value);
        const group = groups.get(name) ?? [];
        // Without `...`, a key given twice is an error in Terraform: nothing is deployed to judge.
        if (group.length > 0 && !expression.grouping) {
          decided = false;
          break;
        }
        group.push(item);
        groups.set(name, group);
      }
      if (!decided) {
        result.push(unresolved(collection.via));
        continue;
      }
      const node: ValueNode = expression.isObject
        ? { kind: 'map', range: site, entries: [...groups].map(([key, values]): MapEntry => ({ key, keyRange: inPlace && expression.key ? expression.key.range : site, value: expression.grouping ? { kind: 'seq', items: values, range: site } : values[0] })) }
        : { kind: 'seq', items, range: site };
      result.push({ node, via: steps });
    }
    return result;
  }

  /**
   * The values an expression may take, placed at `site`. When `site` is the expression's own range (the very same
   * object: it is resolved where it is written), the parts written in it keep their own ranges, so that a finding
   * on an element points at that element; otherwise (a local, a variable's default, another file) everything is
   * placed at `site`, where the value is used.
   */
  private resolveExpression(expression: HclExpression, site: OffsetRange, via: readonly string[], depth: number): Candidate[] {
    if (depth > MAX_DEPTH) return [{ node: { kind: 'expression', expression, range: site }, via }];
    const inPlace = site === expression.range;
    const inner = (part: HclExpression): OffsetRange => (inPlace ? part.range : site);
    switch (expression.kind) {
      case 'literal':
        return expression.value === null ? [{ node: undefined, via }] : [{ node: expressionToNode(expression, inPlace ? undefined : site), via }];
      case 'template':
        if (expression.value !== undefined) return [{ node: expressionToNode(expression, inPlace ? undefined : site), via }];
        if (expression.parts.length === 1 && expression.parts[0].kind === 'interpolation') {
          return this.resolveExpression(expression.parts[0].expression, inner(expression.parts[0].expression), via, depth + 1); // "${var.x}"
        }
        break;
      case 'tuple':
      case 'object':
        return [{ node: expressionToNode(expression, inPlace ? undefined : site), via }];
      case 'parens':
        // A bound value (a for expression's or dynamic block's variable) is placed where the parens sit.
        return this.resolveExpression(expression.expression, isBoundValue(expression) ? site : inner(expression.expression), via, depth + 1);
      case 'traversal':
        return this.resolveTraversal(expression, site, via, depth);
      case 'for':
        return this.resolveFor(expression, site, via, depth);
      case 'conditional': {
        const conditions = this.evaluate(expression.condition, [], depth + 1);
        const text = describeExpression(expression.condition);
        if (conditions.known && typeof conditions.value === 'boolean') {
          const branch = conditions.value ? expression.trueResult : expression.falseResult;
          return this.resolveExpression(branch, inner(branch), [...via, `${text} is ${conditions.value}${describeSteps(conditions.via)}`], depth + 1);
        }
        return [
          ...this.resolveExpression(expression.trueResult, inner(expression.trueResult), [...via, `if ${text}`], depth + 1),
          ...this.resolveExpression(expression.falseResult, inner(expression.falseResult), [...via, `unless ${text}`], depth + 1),
        ];
      }
      case 'call': {
        // jsonencode stays the call: readers decode its argument where it is written (each entry's own range);
        // its text is computed where needed (evaluate, and as another call's argument).
        if (expression.name === 'jsonencode') break;
        const outcomes = this.callOutcomes(expression, via, depth + 1);
        if (!outcomes) break;
        return outcomes.map((outcome): Candidate => {
          if (outcome.status !== 'known') return { node: { kind: 'expression', expression, range: site }, via: outcome.via };
          const value = outcome.value.kind === 'scalar' && outcome.value.value === null ? undefined : outcome.value;
          return { node: value && (inPlace ? value : resite(value, site)), via: outcome.via };
        });
      }
      default:
        break;
    }
    return [{ node: { kind: 'expression', expression, range: site }, via }];
  }

  /**
   * A built-in function call (functions.ts), once per combination of its arguments' alternatives; undefined when
   * the function is not evaluated here. `try` takes the first argument that evaluates without error, `can` says
   * whether its argument does; a null argument there may be a missing attribute (an error), so it stays unknown.
   */
  private callOutcomes(call: HclExpression & { kind: 'call' }, via: readonly string[], depth: number): Outcome[] | undefined {
    const unknown: Outcome[] = [{ status: 'unknown', via }];
    if (depth > MAX_DEPTH) return unknown;
    if (call.name === 'try' || call.name === 'can') {
      if (call.args.length === 0 || (call.name === 'can' && call.args.length !== 1) || call.expandFinal) return unknown;
      for (const arg of call.args) {
        const outcomes = this.argOutcomes(arg, depth + 1);
        if (outcomes.every((outcome) => outcome.status === 'error')) {
          if (call.name === 'can') return [{ status: 'known', value: { kind: 'scalar', value: false, range: call.range }, via: merged(via, ...outcomes.map((outcome) => outcome.via)) }];
          continue;
        }
        if (outcomes.some((outcome) => outcome.status !== 'known' || isNullNode(outcome.value))) return [{ status: 'unknown', via: merged(via, ...outcomes.map((outcome) => outcome.via)) }];
        return outcomes.map((outcome) => ({
          ...outcome,
          value: call.name === 'can' ? { kind: 'scalar', value: true, range: call.range } : (outcome as Outcome & { status: 'known' }).value,
          via: merged(via, outcome.via),
        }));
      }
      return [{ status: 'error', via }];
    }
    if (!FUNCTIONS.has(call.name)) return undefined;
    let combinations: Outcome[][] = [[]];
    for (const arg of call.args) {
      const outcomes = this.argOutcomes(arg, depth + 1);
      combinations = combinations.flatMap((combination) => outcomes.map((outcome) => [...combination, outcome]));
      if (combinations.length > MAX_COMBINATIONS) return unknown;
    }
    return combinations.map((combination): Outcome => {
      const steps = merged(via, ...combination.map((outcome) => outcome.via));
      if (combination.some((outcome) => outcome.status === 'unknown')) return { status: 'unknown', via: steps };
      if (combination.some((outcome) => outcome.status === 'error')) return { status: 'error', via: steps };
      let args = combination.map((outcome) => (outcome as Outcome & { status: 'known' }).value);
      if (call.expandFinal) {
        const last = args[args.length - 1];
        if (last?.kind !== 'seq') return { status: 'error', via: steps };
        args = [...args.slice(0, -1), ...last.items];
      }
      const computed = callFunction(call.name, args, call.range);
      if (computed === undefined || computed === 'unknown') return { status: 'unknown', via: steps };
      if (computed === 'error') return { status: 'error', via: steps };
      return { status: 'known', value: computed.node, via: steps };
    });
  }

  /** The alternatives an argument evaluates to; a call argument keeps its errors. */
  private argOutcomes(expression: HclExpression, depth: number): Outcome[] {
    if (depth > MAX_DEPTH) return [{ status: 'unknown', via: [] }];
    if (expression.kind === 'call') {
      const outcomes = this.callOutcomes(expression, [], depth + 1);
      if (outcomes) return outcomes;
    }
    if (expression.kind === 'parens') return this.argOutcomes(expression.expression, depth + 1);
    if (expression.kind === 'traversal' && this.traverse(expression, expression.range, [], depth + 1) === 'error') return [{ status: 'error', via: [] }];
    return this.resolveExpression(expression, expression.range, [], depth + 1).map((candidate) => this.closedOf(candidate.node, expression.range, candidate.via, depth + 1));
  }

  /**
   * A resolved value as a closed node (scalars, lists, objects), when every part of it is known; absent (null) is a
   * null scalar at `site`. Parts keep their ranges. An object naming a key twice is unknown (Terraform refuses it).
   */
  private closedOf(node: ValueNode | undefined, site: OffsetRange, via: readonly string[], depth: number): Outcome {
    const unknown: Outcome = { status: 'unknown', via };
    if (depth > MAX_DEPTH) return unknown;
    if (node === undefined) return { status: 'known', value: { kind: 'scalar', value: null, range: site }, via };
    const part = (child: ValueNode | undefined): Outcome => {
      if (child === undefined) return unknown;
      const expanded = this.expand({ node: child, via: [] }, depth + 1);
      return expanded.length === 1 ? this.closedOf(expanded[0].node, child.range, expanded[0].via, depth + 1) : unknown;
    };
    switch (node.kind) {
      case 'scalar':
        return { status: 'known', value: node, via };
      case 'seq': {
        const items: ValueNode[] = [];
        const steps = [via];
        for (const item of node.items) {
          const outcome = part(item);
          if (outcome.status !== 'known') return { status: outcome.status, via: merged(via, outcome.via) };
          items.push(outcome.value);
          steps.push(outcome.via);
        }
        return { status: 'known', value: { kind: 'seq', items, range: node.range }, via: merged(...steps) };
      }
      case 'map': {
        if (node.dynamic || new Set(node.entries.map((entry) => entry.key)).size !== node.entries.length) return unknown;
        const entries: MapEntry[] = [];
        const steps = [via];
        for (const entry of node.entries) {
          const outcome = part(entry.value);
          if (outcome.status !== 'known') return { status: outcome.status, via: merged(via, outcome.via) };
          entries.push({ key: entry.key, keyRange: entry.keyRange, value: outcome.value });
          steps.push(outcome.via);
        }
        return { status: 'known', value: { kind: 'map', entries, range: node.range }, via: merged(...steps) };
      }
      case 'expression': {
        const resolved = (scopeOf.get(node) ?? this).evaluate(node.expression, via, depth + 1);
        return resolved.known ? { status: 'known', value: { kind: 'scalar', value: resolved.value, range: node.range }, via: resolved.via } : unknown;
      }
      default:
        return unknown;
    }
  }

  private resolveTraversal(expression: HclExpression & { kind: 'traversal' }, site: OffsetRange, via: readonly string[], depth: number): Candidate[] {
    const found = this.traverse(expression, site, via, depth);
    return found === 'error' ? [{ node: { kind: 'expression', expression, range: site }, via }] : found;
  }

  /**
   * A reference's values, or 'error' when Terraform refuses it: an attribute or index missing from an object or
   * tuple that locals build from literals alone. A variable's value may lack an attribute its type declares
   * optional, which reads as null; an attribute missing from a variable's value that its type does not declare
   * optional (no type, `any`, a map) is refused by Terraform ("Unsupported attribute") as well: try() takes its
   * fallback, and a setting reading it cannot be checked.
   */
  private traverse(expression: HclExpression & { kind: 'traversal' }, site: OffsetRange, via: readonly string[], depth: number): Candidate[] | 'error' {
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
    const literalOnly = (candidate: Candidate): boolean => expression.root === 'local' && candidate.via.slice(via.length).every((step) => step.startsWith('local.'));
    const optional = expression.root === 'var' && firstName ? optionalAttributes(this.module.variables.get(firstName)?.typeExpression) : undefined;
    let current = base;
    for (const step of remaining) {
      const next: Candidate[] = [];
      let missing = 0;
      for (const candidate of current) {
        const node = candidate.node;
        const key = step.kind === 'attr' ? step.name : step.kind === 'index' && step.key.kind === 'template' ? step.key.value : step.kind === 'index' && step.key.kind === 'literal' ? step.key.value : undefined;
        if (node?.kind === 'map' && !node.dynamic && typeof key === 'string') {
          const absent = !node.entries.some((entry) => entry.key === key);
          if (absent && (literalOnly(candidate) || (optional !== undefined && !optional.has(key)))) missing++;
          next.push(...this.expand({ node: entryValue(node, key), via: candidate.via }, depth + 1));
        } else if (node?.kind === 'seq' && step.kind === 'index' && typeof key === 'number') {
          if (!(Number.isInteger(key) && key >= 0 && key < node.items.length) && literalOnly(candidate)) missing++;
          next.push(...this.expand({ node: node.items[key], via: candidate.via }, depth + 1));
        } else return unresolved;
      }
      if (missing > 0 && missing === current.length) return 'error';
      if (missing > 0) return unresolved;
      current = next;
    }
    return current;
  }

  private resolveVariable(name: string, site: OffsetRange, via: readonly string[], depth: number): Candidate[] | undefined {
    const given = this.module.variableValues.get(name);
    if (given) {
      const steps = [...via, `var.${name} from ${given.source}`];
      if (given.resolveIn === 'caller' && this.caller) {
        const caller = this.caller;
        return caller.expand({ node: given.node, via: steps }, depth + 1).map((candidate) => {
          const node = candidate.node && resite(candidate.node, site);
          claim(node, caller);
          return { ...candidate, node };
        });
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
        let known = true;
        const steps: string[] = [];
        for (const part of expression.parts) {
          if (part.kind === 'text') text += part.value;
          else if (part.kind === 'interpolation') {
            const values = this.scalars({ kind: 'expression', expression: part.expression, range: part.range }, [], depth + 1);
            if (values.length !== 1 || !values[0].known) {
              // What follows the last part that cannot be known is the value's certain tail.
              known = false;
              text = '';
              continue;
            }
            text += String(values[0].value);
            steps.push(...values[0].via);
          } else {
            known = false;
            text = '';
          }
        }
        if (!known) return text ? { ...unknown, suffix: text } : unknown;
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
      case 'call':
        if (expression.name === 'jsonencode') {
          const outcomes = this.callOutcomes(expression, via, depth + 1);
          const value = outcomes?.length === 1 && outcomes[0].status === 'known' ? outcomes[0].value : undefined;
          if (value?.kind === 'scalar' && typeof value.value === 'string') return { known: true, value: value.value, via: (outcomes as Outcome[])[0].via };
          return unknown;
        }
        return this.evaluateOther(expression, via, depth);
      default:
        return this.evaluateOther(expression, via, depth);
    }
  }

  private evaluateOther(expression: HclExpression, via: readonly string[], depth: number): Resolved {
    const unknown: Resolved = { known: false, description: describeExpression(expression), via };
    const candidates = this.resolveExpression(expression, expression.range, via, depth + 1);
    if (candidates.length === 1 && candidates[0].node?.kind === 'scalar') return { known: true, value: candidates[0].node.value, via: candidates[0].via };
    if (candidates.length === 1 && candidates[0].node?.kind === 'expression' && candidates[0].node.expression !== expression) {
      return (scopeOf.get(candidates[0].node) ?? this).evaluate(candidates[0].node.expression, candidates[0].via, depth + 1);
    }
    return unknown;
  }
}

/**
 * The (key, value) elements of a collection: an object's keys (in Terraform's order, lexical), a list's indexes (a
 * set's values, `asSet`), or undefined when the value is not a readable collection. Absent (null) is not a
 * collection either.
 */
function elementsOf(node: ValueNode | undefined, asSet: boolean): [ScalarValue, ValueNode][] | undefined {
  if (node?.kind === 'map' && !node.dynamic && node.entries.length <= MAX_ELEMENTS) {
    const elements: [ScalarValue, ValueNode][] = [];
    for (const entry of [...node.entries].sort((a, b) => compareText(a.key, b.key))) {
      if (!entry.value) return undefined;
      elements.push([entry.key, entry.value]);
    }
    return elements;
  }
  if (node?.kind === 'seq' && node.items.length <= MAX_ELEMENTS) {
    if (asSet && !node.items.every((item) => item.kind === 'scalar')) return undefined;
    return node.items.map((item, index): [ScalarValue, ValueNode] => [asSet && item.kind === 'scalar' ? item.value : index, item]);
  }
  return undefined;
}

const isNullNode = (node: ValueNode): boolean => node.kind === 'scalar' && node.value === null;

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
    case 'expression': {
      const copy: ValueNode = { kind: 'expression', expression: node.expression, range: site };
      const owner = scopeOf.get(node);
      if (owner) scopeOf.set(copy, owner);
      return copy;
    }
  }
}

function describeSteps(via: readonly string[]): string {
  return via.length > 0 ? ` (${via.join('; ')})` : '';
}

/**
 * The attribute names a variable's type constraint declares optional (`optional(type)` or `optional(type, default)`
 * in any object type inside it); empty for no type, `any`, maps and the rest.
 */
function optionalAttributes(type: HclExpression | undefined): ReadonlySet<string> {
  const names = new Set<string>();
  if (!type) return names;
  walkExpressions(type, (expression) => {
    if (expression.kind !== 'object') return;
    for (const item of expression.items) {
      if (item.value.kind === 'call' && item.value.name === 'optional' && item.keyName !== undefined) names.add(item.keyName);
    }
  });
  return names;
}

/** A template's text with its interpolations described ("arn:aws:kms:${var.region}:..."); "${...}" when long. */
function describeTemplate(parts: readonly TemplatePart[]): string {
  let text = '';
  for (const part of parts) {
    if (part.kind === 'text') text += part.value;
    else if (part.kind === 'interpolation') text += `\${${describeExpression(part.expression)}}`;
    else return '"${...}"';
    if (text.length > 160) return '"${...}"';
  }
  return JSON.stringify(text);
}

/** Short source-like text for an expression, for messages. */
export function describeExpression(expression: HclExpression): string {
  switch (expression.kind) {
    case 'literal':
      return JSON.stringify(expression.value);
    case 'template':
      if (expression.value !== undefined) return JSON.stringify(expression.value);
      return describeTemplate(expression.parts);
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
