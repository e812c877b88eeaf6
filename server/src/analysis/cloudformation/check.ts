// Runs the rules over a template's resources and turns their outcomes into findings and responsibility status.
import type { AnalysisSettings, ResourceSummary } from '../api';
import { findingsOf, runGuarded } from '../findings';
import { categoryOf } from '../knowledgeView';
import { RULES_BY_CLOUDFORMATION_TYPE } from '../rules/registry';
import { summarise } from '../summary';
import type { RuleRun } from '../summary';
import type { RuleOutcome } from '../rules/support/outcome';
import type { Finding, OffsetRange, Problem, RelatedLocation, ValueNode } from '../types';
import type { CfnRuleContext } from './context';
import type { CfnResource, CfnTemplate } from './template';
import { Resolver } from './resolve';

export type { RuleRun };

export interface ResourceCheck {
  readonly resource: CfnResource;
  readonly runs: readonly RuleRun[];
  readonly findings: readonly Finding[];
  readonly summary: ResourceSummary;
}

export interface TemplateCheck {
  readonly resolver: Resolver;
  readonly resources: readonly ResourceCheck[];
  readonly problems: readonly Problem[];
}

/**
 * Rule outcomes kept between analyses of one document. A rule run that looked only at its own resource (no
 * other resources, no template access beyond what resolution reads) depends on the resource's text and on the
 * template's environment (everything outside Resources, and the set of logical ids); such runs are reused
 * while both are unchanged, shifted when the resource merely moved. Runs that followed links to other
 * resources are always recomputed.
 */
export class RuleOutcomeCache {
  private environment = '';
  private entries = new Map<string, { base: number; runs: RuleRun[] }>();

  /** Starts an analysis; forgets everything when the environment changed. */
  begin(environment: string): Map<string, { base: number; runs: RuleRun[] }> {
    if (environment !== this.environment) {
      this.environment = environment;
      this.entries = new Map();
    }
    const previous = this.entries;
    this.entries = new Map();
    return previous;
  }

  keep(key: string, base: number, runs: RuleRun[]): void {
    this.entries.set(key, { base, runs });
  }
}

export function checkTemplate(template: CfnTemplate, text?: string, cache?: RuleOutcomeCache, settings: AnalysisSettings = {}): TemplateCheck {
  const resolver = new Resolver(template);
  const byType = new Map<string, CfnResource[]>();
  for (const resource of template.resources) {
    if (!resource.type) continue;
    const list = byType.get(resource.type) ?? [];
    list.push(resource);
    byType.set(resource.type, list);
  }
  const problems: Problem[] = [];
  const previous = cache && text !== undefined ? cache.begin(environmentOf(template, text)) : undefined;
  const resources = template.resources.map((resource) => {
    // A resource that inherits text written elsewhere (a YAML alias or merge key) depends on more than its own
    // text: its runs are neither reused nor kept.
    const elsewhere = writtenElsewhere(resource);
    // A resource made by Fn::ForEach shares its text with the loop's other resources: its runs are not cached.
    const key = text !== undefined && elsewhere.length === 0 && !resource.loops ? text.slice(resource.range.start, resource.range.end) : undefined;
    const reused = key !== undefined ? previous?.get(key) : undefined;
    const { runs, local } = runRules(resource, template, resolver, settings, byType, problems, reused && { delta: resource.range.start - reused.base, runs: reused.runs });
    if (cache && key !== undefined) cache.keep(key, resource.range.start, local);
    return checkResource(resource, resolver, elsewhere.length === 0 ? runs : runs.map((run) => onInheritingResource(run, resource, elsewhere)));
  });
  return { resolver, resources, problems };
}

/** What a resource's own rule runs depend on besides its text: the template outside Resources, and the ids. */
function environmentOf(template: CfnTemplate, text: string): string {
  const parts: string[] = [];
  for (const entry of template.root.entries) {
    if (entry.key === 'Resources') continue;
    parts.push(text.slice(entry.keyRange.start, entry.value ? entry.value.range.end : entry.keyRange.end));
  }
  parts.push(template.resources.map((resource) => resource.id).join(','));
  return parts.join('\u0000');
}

function runRules(
  resource: CfnResource,
  template: CfnTemplate,
  resolver: Resolver,
  settings: AnalysisSettings,
  byType: ReadonlyMap<string, CfnResource[]>,
  problems: Problem[],
  reused: { delta: number; runs: readonly RuleRun[] } | undefined,
): { runs: RuleRun[]; local: RuleRun[] } {
  const runs: RuleRun[] = [];
  const local: RuleRun[] = [];
  const rules = resource.type ? RULES_BY_CLOUDFORMATION_TYPE.get(resource.type) ?? [] : [];
  for (const rule of rules) {
    const cached = reused?.runs.find((run) => run.rule === rule);
    if (cached) {
      const shifted = reused && reused.delta !== 0 ? shiftRun(cached, reused.delta) : cached;
      runs.push(shifted);
      local.push(shifted);
      continue;
    }
    let crossResource = false;
    const context: CfnRuleContext = {
      get template() {
        crossResource = true;
        return template;
      },
      resolver,
      settings,
      resourcesOfType: (type) => {
        crossResource = true;
        return byType.get(type) ?? [];
      },
    };
    const outcomes = runGuarded(rule, resource.idRange, (problem) => problems.push(problem), () => rule.cloudformation?.check(resource, context) ?? []);
    if (outcomes === undefined) continue;
    const run = { rule, outcomes };
    runs.push(run);
    if (!crossResource) local.push(run);
  }
  return { runs, local };
}

function shiftRun(run: RuleRun, delta: number): RuleRun {
  const shift = (range: OffsetRange): OffsetRange => ({ start: range.start + delta, end: range.end + delta });
  return {
    rule: run.rule,
    outcomes: run.outcomes.map((outcome): RuleOutcome => {
      switch (outcome.kind) {
        case 'finding':
          return { ...outcome, range: shift(outcome.range), ...(outcome.related ? { related: outcome.related.map((related) => (related.file ? related : { ...related, range: shift(related.range) })) } : {}) };
        case 'depends':
          return { ...outcome, range: shift(outcome.range) };
        case 'addressed':
          return outcome.range ? { ...outcome, range: shift(outcome.range) } : outcome;
        default:
          return outcome;
      }
    }),
  };
}

/** The ranges of the values a resource takes from text outside itself (YAML aliases and merge keys), outermost. */
function writtenElsewhere(resource: CfnResource): OffsetRange[] {
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

function checkResource(resource: CfnResource, resolver: Resolver, runs: readonly RuleRun[]): ResourceCheck {
  const ref = { id: resource.id, type: resource.type ?? '' };
  const findings = runs.flatMap((run) => findingsOf(run.rule, run.outcomes, ref));
  return {
    resource,
    runs,
    findings,
    summary: {
      id: resource.id,
      type: resource.type ?? '',
      category: categoryOf(resource, resolver),
      range: resource.range,
      responsibilities: summarise(runs),
    },
  };
}
