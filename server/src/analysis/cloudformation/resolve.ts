// Resolution of intrinsic functions into the values a template may deploy with, each with its provenance:
// Ref to parameters (Default, AllowedValues), pseudo parameters, Fn::If with conditions decided by parameter
// defaults, Fn::FindInMap over literal mappings, Fn::Sub, Fn::Join, Fn::Select. What cannot be known stays
// "unknown" with a description, so rules can say "depends on ..." instead of guessing.
import type { Candidate, ParameterChoice, Resolved, ValueResolver } from '../resolution';
import { describeVia, OPAQUE, opaque, opaqueReason, quote } from '../resolution';
import type { MapNode, ScalarValue, ValueNode } from '../types';
import type { CfnTemplate } from './template';
import { mapEntry } from './template';

export type { Candidate, ParameterChoice, Resolved };
export { describeVia, quote };

const MAX_DEPTH = 24;
/** Combinations of allowed parameter values tried to tell whether a condition is the same in every deployment. */
const MAX_ASSIGNMENTS = 256;
const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix',
]);

export class Resolver implements ValueResolver {
  constructor(private readonly template: CfnTemplate) {}

  /** Follows a property path (`['BucketEncryption', 'ServerSideEncryptionConfiguration', '[]', ...]`). */
  lookup(start: ValueNode | undefined, path: readonly string[], via: readonly string[] = []): Candidate[] {
    // Most paths cross plain mappings only: one candidate, no intermediate lists (the general walk below gives
    // the same answer for them).
    let node = start;
    for (let index = 0; index < path.length && node !== undefined; index++) {
      if (node.kind !== 'map' || path[index] === '[]') return this.lookupAll(start, path, via);
      node = mapEntry(node, path[index]);
    }
    return this.expand({ node, via });
  }

  private lookupAll(start: ValueNode | undefined, path: readonly string[], via: readonly string[]): Candidate[] {
    let current: Candidate[] = [{ node: start, via }];
    for (const segment of path) {
      const next: Candidate[] = [];
      for (const candidate of current) {
        for (const expanded of this.expand(candidate)) {
          const node = expanded.node;
          if (node === undefined) {
            next.push(expanded);
          } else if (segment === '[]') {
            if (node.kind === 'seq') {
              next.push(...this.listItems(node.items, expanded.via));
            } else {
              next.push({ node, via: expanded.via }); // unresolved list (e.g. !Ref ListParam): kept as the value
            }
          } else if (node.kind === 'map') {
            next.push({ node: mapEntry(node, segment), via: expanded.via });
          } else if (opaqueReason(node) !== undefined) {
            next.push({ node, via: expanded.via });
          } else {
            // A Ref, GetAtt or scalar where a mapping is expected: the key's value cannot be read from it.
            next.push({ node: opaque(node, segment, describeContainer(node)), via: expanded.via });
          }
        }
      }
      current = next;
    }
    return current.flatMap((candidate) => this.expand(candidate));
  }

  /**
   * The items of a list, each opened. An item that is AWS::NoValue (on some branch) is left out of the list
   * (CloudFormation template reference, pseudo parameters, AWS::NoValue), not the whole list: the list is empty
   * (one undefined candidate) only where every item may vanish, on the branches that remove them all; an item
   * that is always there keeps the list from being empty.
   */
  private listItems(items: readonly ValueNode[], via: readonly string[]): Candidate[] {
    if (items.length === 0) return [{ node: undefined, via }];
    const present: Candidate[] = [];
    const emptiedBy: string[] = [];
    let alwaysSome = false;
    for (const item of items) {
      const expanded = this.expand({ node: item, via });
      const gone = expanded.filter((candidate) => candidate.node === undefined);
      present.push(...expanded.filter((candidate) => candidate.node !== undefined));
      if (gone.length === 0) alwaysSome = true;
      for (const step of gone.flatMap((candidate) => candidate.via.slice(via.length))) if (!emptiedBy.includes(step)) emptiedBy.push(step);
    }
    return alwaysSome ? present : [...present, { node: undefined, via: [...via, ...emptiedBy] }];
  }

  /** Opens Fn::If and Ref AWS::NoValue, which decide whether a value is there at all. */
  expand(candidate: Candidate, depth = 0): Candidate[] {
    const node = candidate.node;
    if (!node || node.kind !== 'intrinsic' || depth > MAX_DEPTH) return [candidate];
    if (node.name === 'Ref' && node.argument.kind === 'scalar' && node.argument.value === 'AWS::NoValue') {
      return [{ node: undefined, via: [...candidate.via, 'AWS::NoValue'] }];
    }
    if (node.name === 'Fn::If' && node.argument.kind === 'seq' && node.argument.items.length === 3) {
      const [conditionNode, whenTrue, whenFalse] = node.argument.items;
      const name = conditionNode.kind === 'scalar' ? String(conditionNode.value) : '?';
      const decided = this.evaluateCondition(name);
      if (decided !== undefined) {
        // The defaults decide the deployment that is certain; other parameter values may take the other branch,
        // which is then only one way the stack may deploy ("depends"), unless no allowed value can get there.
        const [taken, other] = decided ? [whenTrue, whenFalse] : [whenFalse, whenTrue];
        const certain = this.expand({ node: taken, via: [...candidate.via, `condition ${name} is ${decided} with the parameter defaults`] }, depth + 1);
        if (this.evaluateCondition(name, 0, false) !== undefined) return certain;
        return [...certain, ...this.expand({ node: other, via: [...candidate.via, `${decided ? 'unless' : 'if'} ${name}`] }, depth + 1)];
      }
      return [
        ...this.expand({ node: whenTrue, via: [...candidate.via, `if ${name}`] }, depth + 1),
        ...this.expand({ node: whenFalse, via: [...candidate.via, `unless ${name}`] }, depth + 1),
      ];
    }
    return [candidate];
  }

  /** The scalar values a node may take. */
  scalars(node: ValueNode, via: readonly string[] = [], depth = 0): Resolved[] {
    if (depth > MAX_DEPTH) return [{ known: false, description: 'too deeply nested', via }];
    switch (node.kind) {
      case 'scalar':
        return [{ known: true, value: node.value, via }];
      case 'map':
        return [{ known: false, description: 'a mapping', via }];
      case 'seq':
        return [{ known: false, description: 'a list', via }];
      case 'intrinsic':
        return this.intrinsicScalars(node.name, node.argument, via, depth + 1);
      case 'expression':
        return [{ known: false, description: 'an expression', via }];
    }
  }

  private intrinsicScalars(name: string, argument: ValueNode, via: readonly string[], depth: number): Resolved[] {
    switch (name) {
      case OPAQUE:
        return [{ known: false, description: String(argument.kind === 'scalar' ? argument.value : 'a value that cannot be opened'), via }];
      case 'Ref':
        return this.refScalars(argument, via);
      case 'Fn::If': {
        const expanded = this.expand({ node: { kind: 'intrinsic', name, nameRange: argument.range, argument, range: argument.range }, via }, depth);
        return expanded.flatMap((candidate) =>
          candidate.node ? this.scalars(candidate.node, candidate.via, depth) : [{ known: false as const, description: 'no value (AWS::NoValue)', via: candidate.via }]);
      }
      case 'Fn::FindInMap':
        return this.findInMap(argument, via, depth);
      case 'Fn::Sub':
        return [this.sub(argument, via)];
      case 'Fn::Join':
        return [this.join(argument, via, depth)];
      case 'Fn::Select':
        return this.select(argument, via, depth);
      case 'Fn::GetAtt': {
        const parts = argument.kind === 'seq' ? argument.items.map((item) => (item.kind === 'scalar' ? String(item.value) : '?')) : ['?'];
        return [{ known: false, description: `the attribute ${parts.join('.')}`, via }];
      }
      case 'Fn::ImportValue':
        return [{ known: false, description: 'a value exported by another stack', via }];
      case 'Fn::Length':
        return [this.length(argument, via)];
      case 'Fn::ToJsonString':
        return [this.toJsonString(argument, via)];
      default:
        return [{ known: false, description: `the result of ${name}`, via }];
    }
  }

  private refScalars(argument: ValueNode, via: readonly string[]): Resolved[] {
    if (argument.kind !== 'scalar' || typeof argument.value !== 'string') return [{ known: false, description: 'a Ref', via }];
    const target = argument.value;
    if (PSEUDO_PARAMETERS.has(target)) return [{ known: false, description: `the pseudo parameter ${target}`, via }];
    const parameter = this.template.parameters.get(target);
    if (!parameter) {
      if (this.template.resourcesById.has(target)) return [{ known: false, description: `the id of resource ${target}`, via }];
      return [{ known: false, description: `Ref ${target}`, via }];
    }
    const defaultLiteral = parameter.defaultValue?.kind === 'scalar' ? parameter.defaultValue.value : undefined;
    const allowed = (parameter.allowedValues ?? []).filter((node) => node.kind === 'scalar');
    if (allowed.length > 0) {
      return allowed.map((node) => {
        const value = (node as { value: ScalarValue }).value;
        const isDefault = defaultLiteral !== undefined ? String(value) === String(defaultLiteral) : allowed.length === 1;
        const label = isDefault ? `default ${quote(value)}` : `allowed value ${quote(value)}`;
        return { known: true as const, value, via: [...via, `Ref ${target}, ${label}`], fromParameter: { parameter: target, isDefault } };
      });
    }
    if (defaultLiteral !== undefined) {
      return [{ known: true, value: defaultLiteral, via: [...via, `Ref ${target}, default ${quote(defaultLiteral)}`], fromParameter: { parameter: target, isDefault: true } }];
    }
    return [{ known: false, description: `the value given for parameter ${target} (no default)`, via: [...via, `Ref ${target}`] }];
  }

  private findInMap(argument: ValueNode, via: readonly string[], depth: number): Resolved[] {
    if (argument.kind !== 'seq' || argument.items.length < 3) return [{ known: false, description: 'a malformed Fn::FindInMap', via }];
    const [mapNameNode, topKeyNode, secondKeyNode, options] = argument.items;
    // AWS::LanguageExtensions: a fourth argument {DefaultValue: ...} is the value when a key is not in the mapping.
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-findinmap-enhancements.html
    const defaultNode = options?.kind === 'map' ? mapEntry(options, 'DefaultValue') : undefined;
    const fallback = (): Resolved[] => (defaultNode ? this.scalars(defaultNode, [...via, 'the Fn::FindInMap DefaultValue'], depth) : []);
    const mapName = this.single(mapNameNode);
    const mapping = mapName !== undefined ? this.template.mappings.get(mapName) : undefined;
    if (!mapping || mapping.kind !== 'map') {
      if (mapName !== undefined && defaultNode) return fallback();
      return [{ known: false, description: `a value of mapping ${mapName ?? '?'}`, via }];
    }
    const topKeys = this.keyChoices(topKeyNode);
    const secondKeys = this.keyChoices(secondKeyNode);
    const results: Resolved[] = [];
    let missing = false;
    const every = (entries: readonly { key: string }[]): KeyChoice[] => entries.map((entry) => ({ key: entry.key }));
    for (const top of topKeys ?? every(mapping.entries)) {
      const topEntry = mapping.entries.find((entry) => entry.key === top.key);
      const inner = topEntry?.value?.kind === 'map' ? topEntry.value : undefined;
      if (!inner) {
        missing = true;
        continue;
      }
      for (const second of secondKeys ?? every(inner.entries)) {
        const value = mapEntry(inner, second.key);
        if (!value) {
          missing = true;
          continue;
        }
        const chosen = [top.choice, second.choice].filter((choice): choice is ParameterChoice => choice !== undefined);
        const steps = [...via, ...(top.via ?? []), ...(second.via ?? []), `Mappings ${mapName}.${top.key}.${second.key}`];
        for (const resolved of this.scalars(value, steps, depth)) {
          if (!resolved.known || chosen.length === 0) results.push(resolved);
          else results.push({ ...resolved, fromParameter: chosen.find((choice) => !choice.isDefault) ?? resolved.fromParameter ?? chosen[0] });
        }
      }
    }
    // A key that is not known may also be one the mapping lacks, which then takes the default.
    if (defaultNode && (missing || topKeys === undefined || secondKeys === undefined)) results.push(...fallback());
    if (results.length === 0) return [{ known: false, description: `a value of mapping ${mapName}`, via }];
    // A key that cannot be known picks one entry at deployment: when the entries differ, each value is only one
    // way the stack may deploy ("depends"), never a fact.
    const free = [topKeys, secondKeys].some((keys) => keys === undefined);
    const values = new Set(results.map((resolved) => (resolved.known ? `=${String(resolved.value)}` : '?')));
    if (!free || values.size === 1) return results;
    const parameter = [topKeyNode, secondKeyNode].map((node) => this.scalars(node).find((resolved) => !resolved.known)).find((resolved) => resolved !== undefined);
    const name = parameter && !parameter.known ? parameter.description : 'a key chosen at deployment';
    return results.map((resolved) => (resolved.known && (!resolved.fromParameter || resolved.fromParameter.isDefault) ? { ...resolved, fromParameter: { parameter: name, isDefault: false } } : resolved));
  }

  /**
   * The keys a Fn::FindInMap key argument may take, each with the parameter choice it comes from (a parameter's
   * default or another allowed value); undefined when it cannot be known (a parameter without default, a pseudo
   * parameter), which may be any key of the mapping.
   */
  private keyChoices(node: ValueNode): KeyChoice[] | undefined {
    const choices: KeyChoice[] = [];
    for (const candidate of this.scalars(node)) {
      if (!candidate.known) return undefined;
      const choice = candidate.fromParameter;
      // A non-default allowed value is named in the provenance ("Ref Env, allowed value 'dev'").
      choices.push({ key: String(candidate.value), ...(choice ? { choice } : {}), ...(choice && !choice.isDefault ? { via: candidate.via } : {}) });
    }
    return choices.length > 0 ? choices : undefined;
  }

  /** Fn::Length (AWS::LanguageExtensions): the number of items of a literal list or of a CommaDelimitedList default. */
  private length(argument: ValueNode, via: readonly string[]): Resolved {
    if (argument.kind === 'seq') return { known: true, value: argument.items.length, via };
    if (argument.kind === 'intrinsic' && argument.name === 'Ref' && argument.argument.kind === 'scalar') {
      const name = String(argument.argument.value);
      const parameter = this.template.parameters.get(name);
      const fallback = parameter?.defaultValue;
      if (parameter?.type === 'CommaDelimitedList' && fallback?.kind === 'scalar' && fallback.value !== null) {
        return { known: true, value: String(fallback.value).split(',').length, via: [...via, `Ref ${name}, default ${quote(fallback.value)}`] };
      }
    }
    return { known: false, description: 'the length of a list that cannot be known', via };
  }

  /** Fn::ToJsonString (AWS::LanguageExtensions): the JSON text of a literal object or list. */
  private toJsonString(argument: ValueNode, via: readonly string[]): Resolved {
    const literal = literalOf(argument);
    return literal === undefined
      ? { known: false, description: 'the JSON text of a value that cannot be known', via }
      : { known: true, value: JSON.stringify(literal.value), via };
  }

  private sub(argument: ValueNode, via: readonly string[]): Resolved {
    const templateNode = argument.kind === 'seq' ? argument.items[0] : argument;
    const variables = argument.kind === 'seq' && argument.items[1]?.kind === 'map' ? (argument.items[1] as MapNode) : undefined;
    if (!templateNode || templateNode.kind !== 'scalar' || typeof templateNode.value !== 'string') {
      return { known: false, description: 'a computed Fn::Sub', via };
    }
    let unknown = false;
    // The output's length after the last variable that cannot be known: what follows is the value's certain tail.
    let tailFrom = 0;
    let length = 0;
    const steps: string[] = [];
    const value = templateNode.value.replace(/\$\{([^!}][^}]*)\}|[^$]+|\$/g, (whole, name: string | undefined) => {
      if (name === undefined) {
        length += whole.length;
        return whole;
      }
      const explicit = mapEntry(variables, name);
      const resolved = explicit ? this.scalars(explicit, [], 0) : this.refScalars({ kind: 'scalar', value: name, range: templateNode.range }, []);
      const first = resolved[0];
      if (resolved.length === 1 && first?.known) {
        steps.push(...first.via);
        length += String(first.value).length;
        return String(first.value);
      }
      unknown = true;
      length += whole.length;
      tailFrom = length;
      return whole;
    });
    const suffix = value.slice(tailFrom);
    return unknown
      ? { known: false, description: `"${value}"`, via: [...via, ...steps], ...(suffix ? { suffix } : {}) }
      : { known: true, value, via: [...via, ...steps] };
  }

  private join(argument: ValueNode, via: readonly string[], depth: number): Resolved {
    if (argument.kind !== 'seq' || argument.items.length !== 2) return { known: false, description: 'a malformed Fn::Join', via };
    const delimiter = this.single(argument.items[0]) ?? '';
    const list = argument.items[1];
    if (list.kind !== 'seq') return { known: false, description: 'a joined list', via };
    const parts: string[] = [];
    let known = true;
    for (const item of list.items) {
      const resolved = this.scalars(item, [], depth);
      if (resolved.length !== 1 || !resolved[0].known) {
        // What follows the last part that cannot be known is the value's certain tail.
        known = false;
        parts.length = 0;
        parts.push('');
        continue;
      }
      parts.push(String(resolved[0].value));
    }
    if (!known) {
      const suffix = parts.join(delimiter);
      return suffix ? { known: false, description: `a joined value ending in "${suffix}"`, via, suffix } : { known: false, description: 'a joined value', via };
    }
    return { known: true, value: parts.join(delimiter), via };
  }

  private select(argument: ValueNode, via: readonly string[], depth: number): Resolved[] {
    if (argument.kind !== 'seq' || argument.items.length !== 2) return [{ known: false, description: 'a malformed Fn::Select', via }];
    const index = Number(this.single(argument.items[0]));
    const list = argument.items[1];
    if (list.kind === 'seq' && Number.isInteger(index) && list.items[index]) return this.scalars(list.items[index], via, depth);
    return [{ known: false, description: 'a selected value', via }];
  }

  /** The one literal string a node stands for, if it has exactly one. */
  private single(node: ValueNode): string | undefined {
    const resolved = this.scalars(node);
    return resolved.length === 1 && resolved[0].known ? String(resolved[0].value) : undefined;
  }

  /**
   * The value of a condition: with `useDefaults` (the default), as the parameter defaults decide it; without, only
   * if every deployment gets the same value: the parameters it compares that have AllowedValues are tried with each
   * combination of them (a parameter without AllowedValues, a pseudo parameter or a computed value may be anything),
   * so `!And [IsProd, IsDev]` over one parameter is false whatever is chosen.
   */
  evaluateCondition(name: string, depth = 0, useDefaults = true): boolean | undefined {
    const node = this.template.conditions.get(name);
    if (!node || depth > MAX_DEPTH) return undefined;
    if (useDefaults) return this.evaluateConditionNode(node, depth + 1, undefined);
    const names = new Set<string>();
    this.comparedParameters(node, names, depth + 1);
    let assignments: Map<string, string>[] = [new Map()];
    for (const parameter of names) {
      const allowed = (this.template.parameters.get(parameter)?.allowedValues ?? []).filter((value) => value.kind === 'scalar');
      if (allowed.length === 0) continue;
      assignments = assignments.flatMap((assignment) => allowed.map((value) => new Map([...assignment, [parameter, String((value as { value: ScalarValue }).value ?? '')]])));
      if (assignments.length > MAX_ASSIGNMENTS) return undefined;
    }
    let result: boolean | undefined;
    for (const assignment of assignments) {
      const value = this.evaluateConditionNode(node, depth + 1, assignment);
      if (value === undefined || (result !== undefined && value !== result)) return undefined;
      result = value;
    }
    return result;
  }

  /** The parameters a condition compares (Ref inside Fn::Equals, through Condition references). */
  private comparedParameters(node: ValueNode, names: Set<string>, depth: number): void {
    if (depth > MAX_DEPTH || node.kind !== 'intrinsic') return;
    if (node.name === 'Ref' && node.argument.kind === 'scalar' && this.template.parameters.has(String(node.argument.value))) {
      names.add(String(node.argument.value));
      return;
    }
    if (node.name === 'Condition' && node.argument.kind === 'scalar') {
      const named = this.template.conditions.get(String(node.argument.value));
      if (named) this.comparedParameters(named, names, depth + 1);
      return;
    }
    if (node.argument.kind === 'seq') for (const item of node.argument.items) this.comparedParameters(item, names, depth + 1);
  }

  /** `assigned`: undefined to decide with the parameter defaults; else the allowed value each parameter is given. */
  private evaluateConditionNode(node: ValueNode, depth: number, assigned: ReadonlyMap<string, string> | undefined): boolean | undefined {
    if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
    if (node.kind !== 'intrinsic' || depth > MAX_DEPTH) return undefined;
    const items = node.argument.kind === 'seq' ? node.argument.items : [];
    switch (node.name) {
      case 'Condition': {
        if (node.argument.kind !== 'scalar') return undefined;
        const named = this.template.conditions.get(String(node.argument.value));
        return named ? this.evaluateConditionNode(named, depth + 1, assigned) : undefined;
      }
      case 'Fn::Equals': {
        if (items.length !== 2) return undefined;
        const left = assigned ? this.fixedValue(items[0], assigned) : this.decidedValue(items[0]);
        const right = assigned ? this.fixedValue(items[1], assigned) : this.decidedValue(items[1]);
        return left === undefined || right === undefined ? undefined : left === right;
      }
      case 'Fn::Not': {
        const inner = items[0] ? this.evaluateConditionNode(items[0], depth + 1, assigned) : undefined;
        return inner === undefined ? undefined : !inner;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const values = items.map((item) => this.evaluateConditionNode(item, depth + 1, assigned));
        const isAnd = node.name === 'Fn::And';
        if (values.includes(!isAnd)) return !isAnd;
        return values.includes(undefined) ? undefined : isAnd;
      }
      default:
        return undefined;
    }
  }

  /**
   * A value in one deployment: a literal, or a Ref to a parameter given one of its allowed values (`assigned`).
   * Anything else is taken as free (so the other branch of a condition counts as reachable).
   */
  private fixedValue(node: ValueNode, assigned: ReadonlyMap<string, string>): string | undefined {
    if (node.kind === 'scalar') return String(node.value ?? '');
    if (node.kind === 'intrinsic' && node.name === 'Ref' && node.argument.kind === 'scalar') return assigned.get(String(node.argument.value));
    return undefined;
  }

  /** A value fixed by the parameter defaults (for conditions): a Ref to a parameter uses its default. */
  private decidedValue(node: ValueNode): string | undefined {
    if (node.kind === 'intrinsic' && node.name === 'Ref' && node.argument.kind === 'scalar') {
      const parameter = this.template.parameters.get(String(node.argument.value));
      const fallback = parameter?.defaultValue;
      return fallback?.kind === 'scalar' ? String(fallback.value ?? '') : undefined;
    }
    const resolved = this.scalars(node);
    return resolved.length === 1 && resolved[0].known ? String(resolved[0].value ?? '') : undefined;
  }
}

/** One key a Fn::FindInMap argument may take, with the parameter choice it comes from. */
interface KeyChoice {
  readonly key: string;
  readonly choice?: ParameterChoice;
  readonly via?: readonly string[];
}

/** The plain value of a tree of literals (no intrinsic inside), wrapped so that null stays a value. */
function literalOf(node: ValueNode): { value: unknown } | undefined {
  switch (node.kind) {
    case 'scalar':
      return { value: node.value };
    case 'seq': {
      const items: unknown[] = [];
      for (const item of node.items) {
        const literal = literalOf(item);
        if (!literal) return undefined;
        items.push(literal.value);
      }
      return { value: items };
    }
    case 'map': {
      const result: Record<string, unknown> = {};
      for (const entry of node.entries) {
        const literal = entry.value ? literalOf(entry.value) : { value: null };
        if (!literal) return undefined;
        result[entry.key] = literal.value;
      }
      return { value: result };
    }
    default:
      return undefined;
  }
}

/** "a Ref to Access where a mapping is expected": what stands where a mapping should be. */
function describeContainer(node: ValueNode): string {
  if (node.kind === 'intrinsic') {
    const target = node.argument.kind === 'scalar' ? ` ${String(node.argument.value)}` : '';
    return `${node.name === 'Ref' ? `a Ref to${target}` : `the result of ${node.name}`}, where a mapping is expected`;
  }
  if (node.kind === 'scalar') return `the scalar ${quote(node.value ?? 'null')}, where a mapping is expected`;
  return 'a value where a mapping is expected';
}
