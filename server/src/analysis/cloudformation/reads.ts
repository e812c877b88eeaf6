// What a CloudFormation rule run read of its template (its read-set), recorded by the context the run was given.
// The rule-outcome cache (check.ts) keeps a run with snapshots of what it read and reuses it only while every one
// of them is unchanged, so a verdict that depended on another resource is recomputed when that resource changes.
// Recording is done by the context itself: a rule cannot reach another resource except through it (the template
// view below, `resourcesOfType`, `shared`), so no rule has to declare what it reads.
import type { AnalysisSettings } from '../api';
import type { MapNode, OffsetRange, ValueNode } from '../types';
import type { CfnRuleContext } from './context';
import type { Resolver } from './resolve';
import type { CfnResource, CfnTemplate } from './template';

const NOTHING: ReadonlySet<string> = new Set();
const NO_SHARED: ReadonlyMap<string, SharedRead> = new Map();

/** A shared value a run used through its fingerprint (CfnRuleContext.shared): how to compute it again, and what it was. */
export interface SharedRead {
  readonly key: string;
  readonly fingerprint: string;
  readonly compute: (context: CfnRuleContext) => unknown;
  readonly fingerprintOf: (value: unknown) => string;
  /** What computing the value read (the resources it was computed from), for tools and tests. */
  readonly reads: ReadSet;
}

/** What one run read besides its own resource and the template's environment (everything outside Resources). */
export class ReadSet {
  private idSet: Set<string> | undefined;
  private typeSet: Set<string> | undefined;
  private sharedMap: Map<string, SharedRead> | undefined;
  /** Every resource was listed (`template.resources`, iterating `resourcesById`, `template.root`). */
  all = false;

  /** Logical ids looked up one by one (`resourcesById.get`). */
  get ids(): ReadonlySet<string> {
    return this.idSet ?? NOTHING;
  }

  /** Types whose resources were listed (`resourcesOfType`). */
  get types(): ReadonlySet<string> {
    return this.typeSet ?? NOTHING;
  }

  /** Shared values used through their fingerprint, by key. */
  get shared(): ReadonlyMap<string, SharedRead> {
    return this.sharedMap ?? NO_SHARED;
  }

  addShared(read: SharedRead): void {
    (this.sharedMap ??= new Map()).set(read.key, read);
  }

  addId(id: string): void {
    (this.idSet ??= new Set()).add(id);
  }

  addType(type: string): void {
    (this.typeSet ??= new Set()).add(type);
  }

  add(other: ReadSet): void {
    for (const id of other.ids) this.addId(id);
    for (const type of other.types) this.addType(type);
    for (const read of other.shared.values()) this.addShared(read);
    if (other.all) this.all = true;
  }
}

/**
 * One resource as a check saw it: where it was and its text. `text` is undefined when the resource is absent or
 * its content is not its own text (a value inherited through a YAML alias or merge key, a resource made by
 * Fn::ForEach): a run that read such a resource cannot be cached, since its text does not say what it holds.
 */
export interface ResourceSnapshot {
  readonly id: string;
  readonly present: boolean;
  readonly range: OffsetRange;
  readonly text: string | undefined;
}

/** The resources of one type (or of every type, `*`), in template order, as a check saw them. */
export interface GroupSnapshot {
  readonly group: string;
  readonly members: readonly ResourceSnapshot[];
  /** Every member's content is its own text (see ResourceSnapshot.text). */
  readonly readable: boolean;
}

const EVERY_TYPE = '*';

/**
 * Snapshots of the template of one check, made on first use and shared by every run of the check that read the
 * same thing (so thousands of runs reading "every bucket" hold one list, not thousands).
 */
export class TemplateSnapshots {
  private readonly byResource = new Map<CfnResource, ResourceSnapshot>();
  private readonly byId = new Map<string, ResourceSnapshot>();
  private readonly byGroup = new Map<string, GroupSnapshot>();

  constructor(private readonly template: CfnTemplate, private readonly text: string, private readonly byType: ReadonlyMap<string, readonly CfnResource[]>) {}

  /** The resource `resourcesById.get(id)` gives (an absent one too: its appearance is a change). */
  resource(id: string): ResourceSnapshot {
    let snapshot = this.byId.get(id);
    if (!snapshot) {
      const resource = this.template.resourcesById.get(id);
      snapshot = resource ? this.of(resource) : { id, present: false, range: { start: 0, end: 0 }, text: '' };
      this.byId.set(id, snapshot);
    }
    return snapshot;
  }

  /** The resources `resourcesOfType(type)` gives; `undefined` for every resource of the template. */
  group(type: string | undefined): GroupSnapshot {
    const group = type ?? EVERY_TYPE;
    let snapshot = this.byGroup.get(group);
    if (!snapshot) {
      const resources = type === undefined ? this.template.resources : this.byType.get(type) ?? [];
      const members = resources.map((resource) => this.of(resource));
      snapshot = { group, members, readable: members.every((member) => member.text !== undefined) };
      this.byGroup.set(group, snapshot);
    }
    return snapshot;
  }

  /** One resource of the template. */
  of(resource: CfnResource): ResourceSnapshot {
    let snapshot = this.byResource.get(resource);
    if (!snapshot) {
      snapshot = { id: resource.id, present: true, range: resource.range, text: textOf(resource, this.text) };
      this.byResource.set(resource, snapshot);
    }
    return snapshot;
  }
}

function textOf(resource: CfnResource, text: string): string | undefined {
  if (resource.loops || writtenElsewhere(resource).length > 0) return undefined;
  return text.slice(resource.range.start, resource.range.end);
}

/** The ranges of the values a resource takes from text outside itself (YAML aliases and merge keys), outermost. */
export function writtenElsewhere(resource: CfnResource): OffsetRange[] {
  const found: OffsetRange[] = [];
  const inside = (range: OffsetRange): boolean => range.start >= resource.range.start && range.end <= resource.range.end;
  const walk = (node: ValueNode | undefined): void => {
    if (!node) return;
    if (!inside(node.range)) {
      found.push(node.range);
      return;
    }
    switch (node.kind) {
      case 'map':
        for (const entry of node.entries) {
          if (!inside(entry.keyRange)) found.push(entry.keyRange);
          walk(entry.value);
        }
        return;
      case 'seq':
        for (const item of node.items) walk(item);
        return;
      case 'intrinsic':
        walk(node.argument);
        return;
      default:
        return;
    }
  };
  walk(resource.node);
  return found;
}

/** Values shared by the runs of one check (`CfnRuleContext.shared`), each with what computing it read. */
export type SharedValues = Map<string, SharedValue>;

interface SharedValue {
  readonly value: unknown;
  readonly reads: ReadSet;
  /** Given when the value was asked for with a fingerprint function. */
  readonly fingerprint?: string;
}

/**
 * The shared value `key` of a check, computed on first use with a context that records what computing it read.
 * Used by the runs (RecordingContext.shared) and by the cache when it asks whether a value changed (check.ts).
 */
export function sharedValue(scope: CheckScope, key: string, compute: (context: CfnRuleContext) => unknown, fingerprintOf?: (value: unknown) => string): SharedValue {
  let entry = scope.shared.get(key);
  if (!entry) {
    const own = new ReadSet();
    const value = compute(new RecordingContext(scope, own));
    entry = { value, reads: own, fingerprint: fingerprintOf?.(value) };
    scope.shared.set(key, entry);
  }
  return entry;
}

export interface CheckScope {
  readonly template: CfnTemplate;
  readonly resolver: Resolver;
  readonly settings: AnalysisSettings;
  readonly byType: ReadonlyMap<string, readonly CfnResource[]>;
  readonly shared: SharedValues;
}

/** A rule context that records into `reads` every resource the run asks for. */
export function recordingContext(scope: CheckScope, reads: ReadSet): CfnRuleContext {
  return new RecordingContext(scope, reads);
}

// A class rather than an object of closures: one is made for every rule run.
class RecordingContext implements CfnRuleContext {
  private view: CfnTemplate | undefined;

  constructor(private readonly scope: CheckScope, private readonly reads: ReadSet) {}

  get template(): CfnTemplate {
    this.view ??= templateView(this.scope.template, this.reads);
    return this.view;
  }

  get resolver(): Resolver {
    return this.scope.resolver;
  }

  get settings(): AnalysisSettings {
    return this.scope.settings;
  }

  resourcesOfType(type: string): readonly CfnResource[] {
    this.reads.addType(type);
    return this.scope.byType.get(type) ?? [];
  }

  shared<T>(key: string, compute: (context: CfnRuleContext) => T, fingerprint?: (value: T) => string): T {
    const fingerprintOf = fingerprint as ((value: unknown) => string) | undefined;
    const entry = sharedValue(this.scope, key, compute, fingerprintOf);
    if (fingerprintOf && entry.fingerprint !== undefined) {
      // The run depends on the value: the cache computes it again and compares.
      this.reads.addShared({ key, fingerprint: entry.fingerprint, compute, fingerprintOf, reads: entry.reads });
    } else {
      // Whoever uses the shared value depends on everything computing it read.
      this.reads.add(entry.reads);
    }
    return entry.value as T;
  }
}

/**
 * The template as a run sees it. Parameters, conditions, mappings, transforms, globals and the set of logical ids
 * are the environment, which the cache compares as a whole; reading resources is recorded.
 */
function templateView(template: CfnTemplate, reads: ReadSet): CfnTemplate {
  return {
    format: template.format,
    get root(): MapNode {
      reads.all = true; // The root holds Resources.
      return template.root;
    },
    parameters: template.parameters,
    conditions: template.conditions,
    mappings: template.mappings,
    get resources(): readonly CfnResource[] {
      reads.all = true;
      return template.resources;
    },
    resourcesById: new RecordedResourceMap(template.resourcesById, reads),
    transforms: template.transforms,
    globals: template.globals,
  };
}

/** `resourcesById` that records the ids looked up; `has` only asks whether an id exists, which the environment holds. */
class RecordedResourceMap implements ReadonlyMap<string, CfnResource> {
  constructor(private readonly map: ReadonlyMap<string, CfnResource>, private readonly reads: ReadSet) {}

  get size(): number {
    return this.map.size;
  }

  get(id: string): CfnResource | undefined {
    this.reads.addId(id);
    return this.map.get(id);
  }

  has(id: string): boolean {
    return this.map.has(id);
  }

  forEach(callback: (value: CfnResource, key: string, map: ReadonlyMap<string, CfnResource>) => void, thisArg?: unknown): void {
    this.reads.all = true;
    this.map.forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries(): MapIterator<[string, CfnResource]> {
    this.reads.all = true;
    return this.map.entries();
  }

  keys(): MapIterator<string> {
    return this.map.keys();
  }

  values(): MapIterator<CfnResource> {
    this.reads.all = true;
    return this.map.values();
  }

  [Symbol.iterator](): MapIterator<[string, CfnResource]> {
    return this.entries();
  }
}
