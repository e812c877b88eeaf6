// Hovers: on a resource's Type, the service category and who manages what, with the status of each customer item;
// over a finding, that finding; on any property, list item or nested key a rule reads (settingReads.ts), the item
// it addresses, the rule's verdict, and the values it read there with their provenance.
import type { HoverResult } from '../api';
import { contains, factsMarkdown, resourceMarkdown } from '../hoverText';
import { describeCloudFormationResource } from '../knowledgeView';
import { getSetting } from '../knowledge';
import { hoverFacts, knowledgeReads } from '../settingReads';
import type { HoverFacts, HoveredResource, SettingRead } from '../settingReads';
import type { Finding, MapNode } from '../types';
import { traceSettingReads } from './check';
import type { ResourceCheck, TemplateCheck } from './check';
import type { CfnTemplate } from './template';
import type { Resolver } from './resolve';

/** Traces by resource check: a check belongs to one analysis, so each resource is traced at most once per text. */
const traces = new WeakMap<ResourceCheck, readonly SettingRead[]>();

/** `findings`: the file's reported findings (a hover over one always explains it). */
export function hoverAt(template: CfnTemplate, check: TemplateCheck, offset: number, resolver: Resolver, findings: readonly Finding[] = []): HoverResult | undefined {
  const resourceCheck = check.resources.find((candidate) => contains(candidate.resource.range, offset));
  const resource = resourceCheck?.resource;
  const onType = resource?.type && resource.typeRange && contains(resource.typeRange, offset) ? resource.typeRange : undefined;
  if (!resourceCheck && template.globals && contains(template.globals.range, offset)) {
    const facts = globalsFacts(template.globals, check, offset, resolver, findings);
    return facts ? { markdown: factsMarkdown(facts), range: facts.range } : undefined;
  }
  const hovered: HoveredResource | undefined = resourceCheck?.resource.properties && !onType
    ? hoveredResource(check, resourceCheck, resourceCheck.resource.properties, resolver)
    : undefined;
  const facts = hoverFacts(offset, findings, hovered);
  if (resourceCheck && resource?.type && onType) {
    const markdown = resourceMarkdown(resource.type, describeCloudFormationResource(resource, resolver), resourceCheck.summary.responsibilities, 'template');
    return { markdown: facts ? `${factsMarkdown(facts)}\n\n---\n\n${markdown}` : markdown, range: onType };
  }
  return facts ? { markdown: factsMarkdown(facts), range: facts.range } : undefined;
}

/** A resource as the hover sees it, its settings read from `root` (its Properties, or SAM's Globals). */
function hoveredResource(check: TemplateCheck, resourceCheck: ResourceCheck, root: MapNode, resolver: Resolver): HoveredResource {
  return {
    root,
    runs: resourceCheck.runs,
    reads: () => {
      let reads = traces.get(resourceCheck);
      if (!reads) {
        const { properties, type } = resourceCheck.resource;
        const pathOf = (id: string): string[] | undefined => {
          const setting = getSetting(id)?.cloudformation;
          return setting && setting.type === type && !setting.splitResource ? setting.propertyPath.split('.') : undefined;
        };
        reads = [...traceSettingReads(check, resourceCheck), ...(properties ? knowledgeReads(properties, resourceCheck.runs, pathOf) : [])];
        traces.set(resourceCheck, reads);
      }
      return reads;
    },
    resolve: (node) => resolver.scalars(node),
  };
}

/**
 * A hover inside SAM's Globals: SAM copies Globals.<section> onto every AWS::Serverless::<section> resource
 * (rules/support/samGlobals.ts), so a setting there is read by those resources' rules, whose merged properties keep
 * the Globals ranges. Each such resource whose rules read the place under the cursor says its verdict (named, since
 * several may inherit it); a finding placed in Globals is explained once, by its own resource.
 */
function globalsFacts(globals: MapNode, check: TemplateCheck, offset: number, resolver: Resolver, findings: readonly Finding[]): HoverFacts | undefined {
  const all: HoverFacts[] = [];
  const explained = new Set<Finding>();
  const section = globals.entries.find((entry) => entry.value?.kind === 'map' && contains(entry.value.range, offset));
  if (section?.value?.kind === 'map') {
    const root = section.value;
    for (const resourceCheck of check.resources) {
      if (resourceCheck.resource.type !== `AWS::Serverless::${section.key}`) continue;
      const own = findings.filter((finding) => finding.resource.id === resourceCheck.resource.id);
      const hovered = hoveredResource(check, resourceCheck, root, resolver);
      const facts = hoverFacts(offset, own, { ...hovered, reads: () => [...hovered.reads(), ...inheritedKnowledgeReads(root, resourceCheck)] });
      if (!facts) continue;
      for (const { finding } of facts.findings) explained.add(finding);
      all.push({ ...facts, settings: facts.settings.map((setting) => ({ ...setting, resourceId: resourceCheck.resource.id })) });
    }
  }
  const unclaimed = hoverFacts(offset, findings.filter((finding) => !explained.has(finding)), undefined);
  if (unclaimed) all.push(unclaimed);
  if (all.length === 0) return undefined;
  return {
    findings: all.flatMap((facts) => facts.findings),
    settings: all.flatMap((facts) => facts.settings),
    range: all.map((facts) => facts.range).reduce((best, candidate) => (candidate.end - candidate.start < best.end - best.start ? candidate : best)),
  };
}

/** The knowledge-base settings the resource's rules check, at their places in the Globals section it inherits. */
function inheritedKnowledgeReads(section: MapNode, resourceCheck: ResourceCheck): SettingRead[] {
  const { type } = resourceCheck.resource;
  return knowledgeReads(section, resourceCheck.runs, (id) => {
    const setting = getSetting(id)?.cloudformation;
    return setting && setting.type === type && !setting.splitResource ? setting.propertyPath.split('.') : undefined;
  });
}
