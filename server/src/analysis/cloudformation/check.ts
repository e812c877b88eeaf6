// Runs the rules over a template's resources and turns their outcomes into findings and responsibility status.
import type { AnalysisSettings, ResourceSummary } from '../api';
import { findingsOf, runGuarded } from '../findings';
import { categoryOf } from '../knowledgeView';
import { RULES_BY_CLOUDFORMATION_TYPE } from '../rules/registry';
import { ReadTrace } from '../settingReads';
import type { SettingRead } from '../settingReads';
import { summarise } from '../summary';
import type { RuleRun } from '../summary';
import type { RuleOutcome } from '../rules/support/outcome';
import type { Rule } from '../rules/support/rule';
import type { Finding, OffsetRange, Problem, RelatedLocation } from '../types';
import { ReadSet, TemplateSnapshots, recordingContext, sharedValue, writtenElsewhere } from './reads';
import type { CheckScope, GroupSnapshot, ResourceSnapshot, SharedRead } from './reads';
import type { CfnResource, CfnTemplate } from './template';
import { Resolver } from './resolve';

export type { RuleRun };

export interface ResourceCheck {
  readonly resource: CfnResource;
  readonly runs: readonly RuleRun[];
  readonly findings: readonly Finding[];
  readonly summary: ResourceSummary;
  /** What each run read besides the resource and the environment, in the order of `runs`. */
  readonly reads: readonly RunReads[];
}

/** The resources a rule run read through its context (see reads.ts). */
export interface RunReads {
  readonly ids: ReadonlySet<string>;
  readonly types: ReadonlySet<string>;
  readonly all: boolean;
  /** Shared values the run used through their fingerprint, each with what computing it read. */
  readonly shared: ReadonlyMap<string, { readonly reads: RunReads }>;
}

export interface TemplateCheck {
  readonly resolver: Resolver;
  /** What the runs saw (settings, resources by type, shared values): a hover traces a resource's runs in it again. */
  readonly scope: CheckScope;
  readonly resources: readonly ResourceCheck[];
  readonly problems: readonly Problem[];
}

/** A run kept between analyses, with snapshots of the other resources it read. */
interface CachedRun {
  readonly run: RuleRun;
  readonly reads: ReadSet;
  readonly resources: readonly ResourceSnapshot[];
  readonly groups: readonly GroupSnapshot[];
}

interface CachedResource {
  readonly own: ResourceSnapshot;
  readonly runs: readonly CachedRun[];
}

/** A stretch of the previous text, unchanged in the current one, `delta` characters further on. */
interface Region {
  readonly start: number;
  readonly end: number;
  readonly delta: number;
}

/**
 * Rule outcomes kept between analyses of one document. A run depends on its resource's text, on the template's
 * environment (everything outside Resources, the set of logical ids, the format and the settings) and on the
 * other resources it read through its context (its read-set, recorded by reads.ts). A run is reused while all of
 * these are unchanged; its ranges are moved with the text they point into (each read resource, or an environment
 * section, may have moved by its own distance). A change of the environment forgets everything.
 */
export class RuleOutcomeCache {
  private environment = '';
  private environmentRanges: readonly OffsetRange[] = [];
  private entries = new Map<string, CachedResource>();

  /** Starts an analysis: what the previous one kept, and how the environment's sections moved since. */
  begin(environment: string, environmentRanges: readonly OffsetRange[]): { entries: ReadonlyMap<string, CachedResource>; environment: readonly Region[] } | undefined {
    const same = environment === this.environment;
    const previous = this.entries;
    const regions = same ? this.environmentRanges.map((range, index) => ({ ...range, delta: environmentRanges[index].start - range.start })) : [];
    this.environment = environment;
    this.environmentRanges = environmentRanges;
    this.entries = new Map();
    return same ? { entries: previous, environment: regions } : undefined;
  }

  keep(text: string, cached: CachedResource): void {
    this.entries.set(text, cached);
  }
}

export function checkTemplate(template: CfnTemplate, text?: string, cache?: RuleOutcomeCache, settings: AnalysisSettings = {}): TemplateCheck {
  const resolver = new Resolver(template);
  const byType = new Map<string, CfnResource[]>();
  for (const resource of template.resources) {
    // A resource whose Condition no allowed parameter value makes true is never created: it links to no other.
    if (!resource.type || neverCreated(resource, resolver)) continue;
    const list = byType.get(resource.type) ?? [];
    list.push(resource);
    byType.set(resource.type, list);
  }
  const problems: Problem[] = [];
  const scope: CheckScope = { template, resolver, settings, byType, shared: new Map() };
  const snapshots = cache && text !== undefined ? new TemplateSnapshots(template, text, byType) : undefined;
  const environment = cache && text !== undefined ? environmentOf(template, text, settings) : undefined;
  const previous = environment && cache?.begin(environment.key, environment.ranges);
  const validation = previous && snapshots ? new Validation(snapshots, previous.environment, scope) : undefined;
  const resources = template.resources.map((resource) => {
    // A resource whose content is not (only) its own text (a YAML alias or merge key, Fn::ForEach) is not cached.
    const own = snapshots?.of(resource);
    const elsewhere = own?.text !== undefined ? [] : writtenElsewhere(resource);
    const reused = own?.text !== undefined ? previous?.entries.get(own.text) : undefined;
    const ownRegion = reused && own ? { start: reused.own.range.start, end: reused.own.range.end, delta: own.range.start - reused.own.range.start } : undefined;
    const fresh = runRules(resource, scope, problems, reused && validation && ownRegion ? (rule) => validation.reuse(reused.runs, rule, ownRegion) : undefined);
    if (cache && own?.text !== undefined && snapshots) {
      const kept = fresh.flatMap((entry) => entry.cached ?? cacheable(entry.run, entry.reads, snapshots) ?? []);
      cache.keep(own.text, { own, runs: kept });
    }
    const runs = fresh.map((entry) => entry.run);
    const reads = fresh.map((entry) => entry.reads);
    const placed = elsewhere.length === 0 ? runs : runs.map((run) => onInheritingResource(run, resource, elsewhere));
    return checkResource(resource, resolver, placed.map((run) => underCondition(run, resource, resolver)), reads, settings);
  });
  return { resolver, scope, resources, problems };
}

/**
 * What each rule run on the resource reads of it (settingReads.ts), for hovers: its runs again, in the check's scope
 * (shared values already computed are reused) with a resolver that notes every read. A run that throws keeps the
 * reads it made.
 */
export function traceSettingReads(check: TemplateCheck, resourceCheck: ResourceCheck): readonly SettingRead[] {
  const trace = new ReadTrace();
  const scope: CheckScope = { ...check.scope, resolver: trace.traced(check.scope.resolver) };
  for (const { rule } of resourceCheck.runs) {
    trace.during(rule, () => rule.cloudformation?.check(resourceCheck.resource, recordingContext(scope, new ReadSet())));
  }
  return trace.reads;
}

/**
 * What a resource's own rule runs depend on besides its text and what they read: the template outside Resources,
 * the logical ids, the format and the settings. Also the ranges of the sections outside Resources, to move
 * outcome ranges that point into them.
 */
function environmentOf(template: CfnTemplate, text: string, settings: AnalysisSettings): { key: string; ranges: OffsetRange[] } {
  const parts: string[] = [template.format, JSON.stringify(settings)];
  const ranges: OffsetRange[] = [];
  for (const entry of template.root.entries) {
    if (entry.key === 'Resources') continue;
    const range = { start: entry.keyRange.start, end: entry.value ? Math.max(entry.value.range.end, entry.keyRange.end) : entry.keyRange.end };
    ranges.push(range);
    parts.push(text.slice(range.start, range.end));
  }
  parts.push(template.resources.map((resource) => resource.id).join(','));
  return { key: parts.join('\u0000'), ranges };
}

/** The run with snapshots of what it read, or undefined when something it read cannot be told apart by its text. */
function cacheable(run: RuleRun, reads: ReadSet, snapshots: TemplateSnapshots): CachedRun | undefined {
  const resources = [...reads.ids].map((id) => snapshots.resource(id));
  const groups = [...reads.types].map((type) => snapshots.group(type));
  if (reads.all) groups.push(snapshots.group(undefined));
  if (resources.some((snapshot) => snapshot.present && snapshot.text === undefined) || groups.some((group) => !group.readable)) return undefined;
  return { run, reads, resources, groups };
}

/** Where stretches of the previous text are now: regions sorted by start, and whether none of them moved. */
interface Moves {
  readonly regions: readonly Region[];
  readonly still: boolean;
}

function movesOf(regions: Region[]): Moves {
  regions.sort((a, b) => a.start - b.start);
  return { regions, still: regions.every((region) => region.delta === 0) };
}

/** The region of `moves` that holds `range`, by binary search. */
function regionOf(moves: Moves, range: OffsetRange): Region | undefined {
  let low = 0;
  let high = moves.regions.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const region = moves.regions[middle];
    if (range.start < region.start) high = middle - 1;
    else if (range.start > region.end) low = middle + 1;
    else return range.end <= region.end ? region : undefined;
  }
  return undefined;
}

/**
 * Decides, for the runs kept by the previous analysis, whether what they read is unchanged, and where each read
 * resource now is. Answers are kept per snapshot: every run that read the same list shares one comparison, so
 * thousands of runs that read "every bucket" cost one comparison of the buckets, not thousands.
 */
class Validation {
  private readonly resources = new Map<ResourceSnapshot, Region | null>();
  private readonly groups = new Map<GroupSnapshot, Moves | null>();
  private readonly environment: Moves;

  /** Whether each shared value (by key) has the fingerprint it had: computed at most once per check. */
  private readonly sharedStill = new Map<string, boolean>();

  constructor(private readonly current: TemplateSnapshots, environment: readonly Region[], private readonly scope: CheckScope) {
    this.environment = movesOf([...environment]);
  }

  /** The previous run of `rule` on this resource, moved to the current text, if nothing it read has changed. */
  reuse(runs: readonly CachedRun[], rule: Rule, own: Region): CachedRun | undefined {
    const cached = runs.find((candidate) => candidate.run.rule === rule);
    if (!cached) return undefined;
    for (const read of cached.reads.shared.values()) {
      if (!this.sharedUnchanged(read)) return undefined;
    }
    // Most runs read nothing else: no lists are made for them.
    let still = own.delta === 0 && this.environment.still;
    const singles: Region[] = cached.resources.length > 0 ? [own] : [];
    for (const snapshot of cached.resources) {
      const region = this.resourceRegion(snapshot, this.current.resource(snapshot.id));
      if (!region) return undefined;
      singles.push(region);
      still &&= region.delta === 0;
    }
    const groups: Moves[] = [];
    for (const group of cached.groups) {
      const moves = this.groupMoves(group);
      if (!moves) return undefined;
      groups.push(moves);
      still &&= moves.still;
    }
    if (still) return cached;
    if (singles.length === 0) singles.push(own);
    const locate = (range: OffsetRange): Region | undefined =>
      singles.find((region) => range.start >= region.start && range.end <= region.end)
      ?? groups.reduce<Region | undefined>((found, moves) => found ?? regionOf(moves, range), undefined)
      ?? regionOf(this.environment, range);
    const run = moveRun(cached.run, locate);
    return run && { ...cached, run };
  }

  private sharedUnchanged(read: SharedRead): boolean {
    let still = this.sharedStill.get(read.key);
    if (still === undefined) {
      still = sharedValue(this.scope, read.key, read.compute, read.fingerprintOf).fingerprint === read.fingerprint;
      this.sharedStill.set(read.key, still);
    }
    return still;
  }

  private resourceRegion(before: ResourceSnapshot, now: ResourceSnapshot): Region | undefined {
    let region = this.resources.get(before);
    if (region === undefined) {
      const same = before.present === now.present && now.text !== undefined && before.text === now.text;
      region = same ? { start: before.range.start, end: before.range.end, delta: now.range.start - before.range.start } : null;
      this.resources.set(before, region);
    }
    return region ?? undefined;
  }

  private groupMoves(before: GroupSnapshot): Moves | undefined {
    let moves = this.groups.get(before);
    if (moves === undefined) {
      const now = this.current.group(before.group === '*' ? undefined : before.group);
      let regions: Region[] | undefined = before.members.length === now.members.length ? [] : undefined;
      for (let index = 0; regions && index < before.members.length; index++) {
        const region = this.resourceRegion(before.members[index], now.members[index]);
        if (region) regions.push(region);
        else regions = undefined;
      }
      moves = regions ? movesOf(regions) : null;
      this.groups.set(before, moves);
    }
    return moves ?? undefined;
  }
}

/** The run with every range moved by the distance of the region it lies in; undefined if one lies in none. */
function moveRun(run: RuleRun, locate: (range: OffsetRange) => Region | undefined): RuleRun | undefined {
  let lost = false;
  const move = (range: OffsetRange): OffsetRange => {
    const region = locate(range);
    if (!region) {
      lost = true;
      return range;
    }
    return region.delta === 0 ? range : { start: range.start + region.delta, end: range.end + region.delta };
  };
  const outcomes = run.outcomes.map((outcome): RuleOutcome => {
    switch (outcome.kind) {
      case 'finding':
        return { ...outcome, range: move(outcome.range), ...(outcome.related ? { related: outcome.related.map((related) => (related.file ? related : { ...related, range: move(related.range) })) } : {}) };
      case 'depends':
        return { ...outcome, range: move(outcome.range) };
      case 'addressed':
        return outcome.range ? { ...outcome, range: move(outcome.range) } : outcome;
      default:
        return outcome;
    }
  });
  return lost ? undefined : { rule: run.rule, outcomes };
}

function runRules(
  resource: CfnResource,
  scope: CheckScope,
  problems: Problem[],
  reuse: ((rule: Rule) => CachedRun | undefined) | undefined,
): { run: RuleRun; reads: ReadSet; cached?: CachedRun }[] {
  const results: { run: RuleRun; reads: ReadSet; cached?: CachedRun }[] = [];
  const rules = resource.type ? RULES_BY_CLOUDFORMATION_TYPE.get(resource.type) ?? [] : [];
  for (const rule of rules) {
    if (scope.settings.rules?.[rule.meta.id] === 'off') continue;
    const cached = reuse?.(rule);
    if (cached) {
      results.push({ run: cached.run, reads: cached.reads, cached });
      continue;
    }
    const reads = new ReadSet();
    const context = recordingContext(scope, reads);
    const outcomes = runGuarded(rule, resource.idRange, (problem) => problems.push(problem), () => rule.cloudformation?.check(resource, context) ?? []);
    if (outcomes === undefined) continue;
    results.push({ run: { rule, outcomes }, reads });
  }
  return results;
}

/** Whether the resource's Condition is false whatever the parameters (a literal, or parameters with one allowed value). */
function neverCreated(resource: CfnResource, resolver: Resolver): boolean {
  return resource.condition !== undefined && resolver.evaluateCondition(resource.condition, 0, false) === false;
}

/**
 * A resource with a Condition is created only when the condition is true
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-condition.html). Never true:
 * nothing of it is deployed, so no duty applies. True with the parameter defaults: it is created in this deployment
 * and its outcomes stand. False with the defaults, or not decided by them: a gap is only one way the stack may deploy
 * ("depends"), never a fact.
 */
function underCondition(run: RuleRun, resource: CfnResource, resolver: Resolver): RuleRun {
  const name = resource.condition;
  if (name === undefined) return run;
  if (neverCreated(resource, resolver)) {
    return { rule: run.rule, outcomes: [{ kind: 'not-applicable', detail: `The resource is never created: its Condition ${name} is false for every allowed parameter value.` }] };
  }
  const withDefaults = resolver.evaluateCondition(name);
  if (withDefaults === true) return run;
  const when = withDefaults === false ? `the resource is created only if ${name} is true, which it is not with the parameter defaults` : `the resource is created only if ${name} is true`;
  return {
    rule: run.rule,
    outcomes: run.outcomes.map((outcome): RuleOutcome => {
      if (outcome.kind === 'depends') return { ...outcome, message: `${outcome.message} (${when})` };
      if (outcome.kind !== 'finding') return outcome;
      return {
        kind: 'depends',
        message: `Depends on the deployment: ${outcome.message} (${when})`,
        range: outcome.range,
        ...(outcome.fixId ? { fixId: outcome.fixId } : {}),
        ...(outcome.evidence ? { evidence: outcome.evidence } : {}),
      };
    }),
  };
}

/**
 * A finding on a value the resource inherits through a YAML alias or merge key sits on the inheriting
 * resource's logical id (the value's own place belongs to the resource that wrote it), with the written value
 * as a related location. Its fix (cloudformation/edit.ts) overrides the value in the resource's own mapping,
 * never edits the shared text.
 */
function onInheritingResource(run: RuleRun, resource: CfnResource, elsewhere: readonly OffsetRange[]): RuleRun {
  const inherited = (range: OffsetRange): boolean => elsewhere.some((outer) => range.start >= outer.start && range.end <= outer.end);
  const related = (range: OffsetRange): RelatedLocation => ({ message: `Written here, inherited by ${resource.id} through a YAML alias or merge key`, range });
  return {
    rule: run.rule,
    outcomes: run.outcomes.map((outcome): RuleOutcome => {
      if ((outcome.kind !== 'finding' && outcome.kind !== 'depends') || !inherited(outcome.range)) return outcome;
      if (outcome.kind === 'depends') return { ...outcome, range: resource.idRange };
      return { ...outcome, range: resource.idRange, related: [related(outcome.range), ...(outcome.related ?? [])] };
    }),
  };
}

function checkResource(resource: CfnResource, resolver: Resolver, runs: readonly RuleRun[], reads: readonly RunReads[], settings: AnalysisSettings): ResourceCheck {
  const ref = { id: resource.id, type: resource.type ?? '' };
  const findings = runs.flatMap((run) => findingsOf(run.rule, run.outcomes, ref, settings.rules));
  return {
    resource,
    runs,
    findings,
    reads,
    summary: {
      id: resource.id,
      type: resource.type ?? '',
      category: categoryOf(resource, resolver),
      range: resource.range,
      responsibilities: summarise(runs),
    },
  };
}
