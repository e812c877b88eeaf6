// Which places of a resource each rule run reads, for hovers (issue 13, item 6): the resource's runs again, with a
// resolver that notes every key a run looks up, every list item it goes through and every value it resolves. The
// same idea as the outcome cache's read-sets (cloudformation/reads.ts), one level down: those say which resources a
// run read, these which settings of its own resource. Traced only when a hover asks, for the hovered resource only,
// once per analysis (the callers keep the trace with the analysis); the findings and statuses stay the cached ones.
import type { ResponsibilityStatus } from './api';
import { describeVia, quote } from './resolution';
import type { Candidate, Resolved, ValueResolver } from './resolution';
import { getRule } from './rules/registry';
import type { RuleOutcome } from './rules/support/outcome';
import type { Rule, RuleMeta } from './rules/support/rule';
import { summarise } from './summary';
import type { RuleRun } from './summary';
import type { Finding, MapNode, OffsetRange, ValueNode } from './types';

/** One place of a resource a rule run read. */
export interface SettingRead {
  readonly rule: Rule;
  /** The value read: a node's range (a key's value, a list item, a value resolved). */
  readonly range: OffsetRange;
  /** The key's range, when the value was reached by its key. */
  readonly keyRange?: OffsetRange;
  /** What the run resolved the value to, with provenance (`scalars`). */
  readonly resolved?: readonly Resolved[];
}

/** Nesting followed when a lookup's path is walked over the written tree (the parsers bound nesting at 100). */
const MAX_WALK_DEPTH = 128;

/**
 * Collects the reads of rule runs. `traced` wraps a resolver; while `during(rule, ...)` runs, every call the run makes
 * on it (`lookup`, `expand`, `scalars`, and resolvers it hands out, such as Terraform's `withBinding`) is noted.
 * Calls the resolver makes on itself are not: they are how a value is resolved, not what the rule asked for.
 */
export class ReadTrace {
  readonly reads: SettingRead[] = [];
  private rule: Rule | undefined;

  /** Runs `run` with its reads attributed to `rule`; a run that throws gives undefined (its reads so far stay). */
  during<T>(rule: Rule, run: () => T): T | undefined {
    this.rule = rule;
    try {
      return run();
    } catch {
      return undefined;
    } finally {
      this.rule = undefined;
    }
  }

  /** `resolver` as seen through the trace: the same answers, every call a run makes on it noted. */
  traced<T extends ValueResolver>(resolver: T): T {
    const lookup = (start: ValueNode | undefined, path: readonly string[], via?: readonly string[]): Candidate[] => {
      const result = resolver.lookup(start, path, via);
      if (this.rule) {
        this.walk(this.rule, start, path);
        for (const candidate of result) if (candidate.node) this.note({ rule: this.rule, range: candidate.node.range });
      }
      return result;
    };
    const scalars = (node: ValueNode, ...rest: unknown[]): Resolved[] => {
      const result = (resolver.scalars as (node: ValueNode, ...rest: unknown[]) => Resolved[]).call(resolver, node, ...rest);
      if (this.rule) this.note({ rule: this.rule, range: node.range, resolved: result });
      return result;
    };
    return new Proxy(resolver, {
      get: (target, property): unknown => {
        if (property === 'lookup') return lookup;
        if (property === 'scalars') return scalars;
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]): unknown => {
          const result: unknown = (value as (...args: unknown[]) => unknown).apply(target, args);
          if (property === 'expand' && this.rule) {
            const candidate = args[0] as Candidate | undefined;
            if (candidate?.node) this.note({ rule: this.rule, range: candidate.node.range });
          }
          return isResolver(result) ? this.traced(result) : result;
        };
      },
    });
  }

  private note(read: SettingRead): void {
    this.reads.push(read);
  }

  private walk(rule: Rule, node: ValueNode | undefined, path: readonly string[]): void {
    walkPath(node, path, 0, 0, (range, keyRange) => this.note({ rule, range, ...(keyRange ? { keyRange } : {}) }));
  }
}

/**
 * The keys and list items a lookup of `path` from `node` goes through, as written: both branches of Fn::If, every
 * element of a list (`[]`, or a Terraform key over repeated blocks), a dynamic block's content.
 */
function walkPath(node: ValueNode | undefined, path: readonly string[], index: number, depth: number, note: (range: OffsetRange, keyRange?: OffsetRange) => void): void {
  if (!node || index >= path.length || depth > MAX_WALK_DEPTH) return;
  const segment = path[index];
  switch (node.kind) {
    case 'map':
      if (segment === '[]') {
        walkPath(node, path, index + 1, depth + 1, note);
        return;
      }
      for (const entry of node.entries) {
        if (entry.key !== segment) continue;
        note(entry.value?.range ?? entry.keyRange, entry.keyRange);
        walkPath(entry.value, path, index + 1, depth + 1, note);
      }
      return;
    case 'seq':
      for (const item of node.items) {
        if (segment === '[]') {
          note(item.range);
          walkPath(item, path, index + 1, depth + 1, note);
        } else {
          walkPath(item, path, index, depth + 1, note);
        }
      }
      return;
    case 'intrinsic':
      if (node.name === 'Fn::If' && node.argument.kind === 'seq' && node.argument.items.length === 3) {
        walkPath(node.argument.items[1], path, index, depth + 1, note);
        walkPath(node.argument.items[2], path, index, depth + 1, note);
      }
      return;
    default:
      return;
  }
}

/**
 * The places of the knowledge base's settings a rule checks (`pathOf`: a setting id's path on this resource type, or
 * undefined), as reads of that rule: a rule may stop before reading one (a queue with a KMS key needs no look at
 * SQS-managed encryption), yet the setting is still its duty, and the hover says so.
 */
export function knowledgeReads(root: MapNode, runs: readonly RuleRun[], pathOf: (settingId: string) => readonly string[] | undefined): SettingRead[] {
  const reads: SettingRead[] = [];
  for (const { rule } of runs) {
    for (const id of rule.meta.settings ?? []) {
      const path = pathOf(id);
      if (path) walkPath(root, path, 0, 0, (range, keyRange) => reads.push({ rule, range, ...(keyRange ? { keyRange } : {}) }));
    }
  }
  return reads;
}

function isResolver(value: unknown): value is ValueResolver {
  return typeof value === 'object' && value !== null && typeof (value as ValueResolver).lookup === 'function' && typeof (value as ValueResolver).scalars === 'function';
}

/** A key or list item of a resource, as written: where the cursor may be. */
export interface Place {
  /** Keys and list indexes from the resource's settings (Properties, or the Terraform block's body). */
  readonly path: readonly (string | number)[];
  readonly keyRange?: OffsetRange;
  /** The value's range (for a Terraform block, from its type to its closing brace). */
  readonly range: OffsetRange;
  readonly node: ValueNode | undefined;
}

/**
 * The places that hold `offset`, outermost first: the entries and list items from `root` down to the innermost
 * one whose key or value holds it. Lists are searched item by item (a Terraform group of repeated blocks has the
 * first block's range only); intrinsic functions are looked through (both branches of Fn::If hold places).
 */
export function placesAt(root: MapNode, offset: number): Place[] {
  const chain: Place[] = [];
  descend(root, offset, [], chain, 0);
  return chain;
}

function descend(node: ValueNode | undefined, offset: number, path: readonly (string | number)[], chain: Place[], depth: number): boolean {
  if (!node || depth > MAX_WALK_DEPTH) return false;
  switch (node.kind) {
    case 'map':
      for (const entry of node.entries) {
        const place: Place = { path: [...path, entry.key], keyRange: entry.keyRange, range: entry.value?.range ?? entry.keyRange, node: entry.value };
        if (within(offset, entry.keyRange)) {
          chain.push(place);
          return true;
        }
        const length = chain.length;
        chain.push(place);
        if (descend(entry.value, offset, place.path, chain, depth + 1) || (entry.value && within(offset, entry.value.range))) return true;
        chain.length = length;
      }
      return false;
    case 'seq':
      for (const [index, item] of node.items.entries()) {
        const length = chain.length;
        chain.push({ path: [...path, index], range: item.range, node: item });
        if (descend(item, offset, [...path, index], chain, depth + 1) || within(offset, item.range)) return true;
        chain.length = length;
      }
      return false;
    case 'intrinsic':
      // The branches of Fn::If are the setting's own values; other functions hold no settings.
      return node.name === 'Fn::If' && node.argument.kind === 'seq' && node.argument.items.length === 3
        && (descend(node.argument.items[1], offset, path, chain, depth + 1) || descend(node.argument.items[2], offset, path, chain, depth + 1));
    default:
      return false;
  }
}

/** The innermost place whose value holds `range` (what a read is labelled by), or undefined. */
export function placeHolding(root: MapNode, range: OffsetRange): Place | undefined {
  const chain = placesAt(root, range.start);
  for (let index = chain.length - 1; index >= 0; index--) {
    const place = chain[index];
    if (inside(range, place.range) || (place.keyRange && inside(range, place.keyRange))) return place;
  }
  return undefined;
}

/** `SecurityGroupIngress[1].CidrIp`, `ingress.from_port`. */
export function pathLabel(path: readonly (string | number)[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** The reads inside a place: its key, its value, or anything within the value. */
export function readsIn(reads: readonly SettingRead[], place: Place): SettingRead[] {
  return reads.filter((read) => inside(read.range, place.range) || (read.keyRange !== undefined && place.keyRange !== undefined && inside(read.keyRange, place.keyRange)));
}

export function inside(inner: OffsetRange, outer: OffsetRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function within(offset: number, range: OffsetRange): boolean {
  return range.start <= offset && offset <= range.end;
}

/** What one rule says about the place under the cursor. */
export interface RuleFacts {
  readonly meta: RuleMeta;
  /** The rule's verdict on the resource, worst outcome first, and its words. */
  readonly status?: ResponsibilityStatus['status'];
  readonly detail?: string;
  /** The values the rule read there: "CidrIp is '0.0.0.0/0' (Ref AdminCidr; default '0.0.0.0/0')". */
  readonly values: readonly string[];
  /** The resource the verdict is on, when the place is not inside it (SAM Globals, inherited by several). */
  readonly resourceId?: string;
}

/** A reported finding whose range holds the cursor, with the values its rule read inside that range. */
export interface FindingFacts {
  readonly finding: Finding;
  readonly meta: RuleMeta | undefined;
  readonly values: readonly string[];
}

export interface HoverFacts {
  readonly findings: readonly FindingFacts[];
  readonly settings: readonly RuleFacts[];
  /** The innermost of the findings' ranges and the place's key or value. */
  readonly range: OffsetRange;
}

/** The resource under the cursor, as its format's hover sees it. */
export interface HoveredResource {
  /** Its settings: Properties, or the Terraform block's body. */
  readonly root: MapNode;
  readonly runs: readonly RuleRun[];
  /** The trace of its runs (computed when first asked for). */
  readonly reads: () => readonly SettingRead[];
  /** Every value a node may take, for a place no run resolved itself. */
  readonly resolve: (node: ValueNode) => readonly Resolved[];
}

/** Values said per rule and place, at most: a list of fifty ingress rules is summarised, not printed. */
const MAX_VALUES = 8;

/**
 * The facts of a hover at `offset`: every reported finding (`findings`, those of the file) whose range holds it,
 * and, inside `resource`, the innermost key or list item some rule read at `placeOffset` (the same offset, or the
 * label of the Terraform dynamic block whose header it is on), with each such rule's item, verdict and the values it
 * read there (with provenance). Undefined when there is neither.
 */
export function hoverFacts(offset: number, findings: readonly Finding[], resource: HoveredResource | undefined, placeOffset = offset): HoverFacts | undefined {
  const here = findings.filter((finding) => within(offset, finding.range));
  let reads: readonly SettingRead[] = [];
  let place: Place | undefined;
  if (resource) {
    const chain = placesAt(resource.root, placeOffset);
    const traced = chain.length > 0 || here.length > 0 ? resource.reads() : [];
    for (let index = chain.length - 1; index >= 0 && !place; index--) {
      const found = readsIn(traced, chain[index]);
      if (found.length > 0) {
        place = chain[index];
        reads = found;
      }
    }
    if (here.length > 0) reads = [...reads, ...traced.filter((read) => here.some((finding) => finding.ruleId === read.rule.meta.id && inside(read.range, finding.range)))];
  }
  if (here.length === 0 && !place) return undefined;
  const valuesOf = (rule: Rule, range: OffsetRange | undefined): string[] => (resource ? valueLines(resource, reads.filter((read) => read.rule === rule && (!range || inside(read.range, range)))) : []);
  const factsOfFindings = here.map((finding): FindingFacts => {
    const rule = getRule(finding.ruleId);
    return { finding, meta: rule?.meta, values: rule ? valuesOf(rule, finding.range) : [] };
  });
  const settings: RuleFacts[] = [];
  if (resource && place) {
    const hovered = place;
    const rules = [...new Set(readsIn(reads, hovered).map((read) => read.rule))].filter((rule) => !here.some((finding) => finding.ruleId === rule.meta.id));
    for (const rule of rules) {
      const run = resource.runs.find((candidate) => candidate.rule === rule);
      const status = run ? summarise([run])[0] : undefined;
      const evidence = run?.outcomes.flatMap((outcome) => (outcome.kind !== 'not-applicable' && outcome.evidence && sameSetting(outcome.evidence.path, hovered.path) ? [outcome.evidence.text] : [])) ?? [];
      // The rule's own words where it has them (evidence of this setting), else the values it read here.
      let values = evidence.length > 0 ? [...new Set(evidence)] : valuesOf(rule, undefined);
      if (values.length === 0) values = describePlace(resource, hovered);
      const detail = run ? detailAt(run, hovered) : undefined;
      settings.push({ meta: rule.meta, ...(status ? { status: status.status } : {}), ...(detail ? { detail } : {}), values: values.slice(0, MAX_VALUES) });
    }
  }
  const ranges = [...here.map((finding) => finding.range), ...(place ? [place.keyRange && within(placeOffset, place.keyRange) ? place.keyRange : place.range] : [])];
  const range = ranges.reduce((best, candidate) => (candidate.end - candidate.start < best.end - best.start ? candidate : best));
  return { findings: factsOfFindings, settings, range };
}

/**
 * What the run said about this place: the messages of its outcomes placed inside it, else of those placed nowhere
 * (a reason it cannot be checked, an AWS default), never another place's finding.
 */
function detailAt(run: RuleRun, place: Place): string | undefined {
  const words = (outcome: RuleOutcome): string => (outcome.kind === 'finding' || outcome.kind === 'depends' ? outcome.message : outcome.kind === 'unknown' ? `Cannot be checked: ${outcome.reason}` : outcome.detail);
  const rangeOf = (outcome: RuleOutcome): OffsetRange | undefined => (outcome.kind === 'finding' || outcome.kind === 'depends' || outcome.kind === 'addressed' ? outcome.range : undefined);
  const placed = run.outcomes.filter((outcome) => {
    const range = rangeOf(outcome);
    return range !== undefined && (inside(range, place.range) || (place.keyRange !== undefined && inside(range, place.keyRange)));
  });
  const chosen = placed.length > 0 ? placed : run.outcomes.filter((outcome) => rangeOf(outcome) === undefined && outcome.kind !== 'addressed');
  return chosen.length > 0 ? [...new Set(chosen.map(words))].join(' ') : undefined;
}

/** "CidrIp is '0.0.0.0/0' (Ref AdminCidr; default '0.0.0.0/0')" for each value the reads resolved, labelled by their key. */
function valueLines(resource: HoveredResource, reads: readonly SettingRead[]): string[] {
  const lines = new Set<string>();
  for (const read of reads) {
    if (!read.resolved) continue;
    const holder = placeHolding(resource.root, read.range);
    if (!holder) continue;
    const label = pathLabel(holder.path);
    for (const resolved of read.resolved) lines.add(resolvedLine(label, resolved));
    // A list of thousands of statements is summarised: the first values say enough, and each label costs a walk.
    if (lines.size >= MAX_VALUES) break;
  }
  return [...lines].slice(0, MAX_VALUES);
}

function resolvedLine(label: string, resolved: Resolved): string {
  return resolved.known ? `${label} is ${quote(resolved.value)}${describeVia(resolved.via)}` : `${label} is ${resolved.description}${describeVia(resolved.via)}`;
}

/** A place no run resolved itself: its values, or what it holds (a list, a block). */
function describePlace(resource: HoveredResource, place: Place): string[] {
  const label = pathLabel(place.path);
  const node = place.node;
  if (!node) return [`${label} has no value yet`];
  if (node.kind === 'seq') return [`${label} is a list of ${node.items.length} item${node.items.length === 1 ? '' : 's'}`];
  if (node.kind === 'map') return [`${label} is ${node.dynamic ? 'a dynamic block' : 'a block'} with ${node.entries.map((entry) => entry.key).join(', ') || 'nothing in it'}`];
  return [...new Set(resource.resolve(node).map((resolved) => resolvedLine(label, resolved)))].slice(0, MAX_VALUES);
}

/** An evidence path (`[]` for list elements) names the place (list indexes left out). */
function sameSetting(evidence: readonly string[], path: readonly (string | number)[]): boolean {
  const a = evidence.filter((segment) => segment !== '[]');
  const b = path.filter((segment): segment is string => typeof segment === 'string');
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}
