// Hovers: on a resource's Type, the service category and who manages what, with the status of each customer item;
// over a finding, that finding; on any property, list item or nested key a rule reads (settingReads.ts), the item
// it addresses, the rule's verdict, and the values it read there with their provenance.
import type { HoverResult } from '../api';
import { contains, factsMarkdown, resourceMarkdown } from '../hoverText';
import { describeCloudFormationResource } from '../knowledgeView';
import { getSetting } from '../knowledge';
import { hoverFacts, knowledgeReads } from '../settingReads';
import type { HoveredResource, SettingRead } from '../settingReads';
import type { Finding } from '../types';
import { traceSettingReads } from './check';
import type { ResourceCheck, TemplateCheck } from './check';
import type { CfnTemplate } from './template';
import type { Resolver } from './resolve';

/** Traces by resource check: a check belongs to one analysis, so each resource is traced at most once per text. */
const traces = new WeakMap<ResourceCheck, readonly SettingRead[]>();

/** `findings`: the file's reported findings (a hover over one always explains it). */
export function hoverAt(_template: CfnTemplate, check: TemplateCheck, offset: number, resolver: Resolver, findings: readonly Finding[] = []): HoverResult | undefined {
  const resourceCheck = check.resources.find((candidate) => contains(candidate.resource.range, offset));
  const resource = resourceCheck?.resource;
  const onType = resource?.type && resource.typeRange && contains(resource.typeRange, offset) ? resource.typeRange : undefined;
  const hovered: HoveredResource | undefined = resourceCheck?.resource.properties && !onType
    ? {
        root: resourceCheck.resource.properties,
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
      }
    : undefined;
  const facts = hoverFacts(offset, findings, hovered);
  if (resourceCheck && resource?.type && onType) {
    const markdown = resourceMarkdown(resource.type, describeCloudFormationResource(resource, resolver), resourceCheck.summary.responsibilities, 'template');
    return { markdown: facts ? `${factsMarkdown(facts)}\n\n---\n\n${markdown}` : markdown, range: onType };
  }
  return facts ? { markdown: factsMarkdown(facts), range: facts.range } : undefined;
}
