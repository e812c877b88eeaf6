// Hovers: on a resource's Type, the service category and who manages what, with the status of each
// customer item; on a setting a rule reads, the item it addresses, its resolved value and provenance.
import type { HoverResult } from '../api';
import { contains, locateKey, resourceMarkdown, settingMarkdown } from '../hoverText';
import { describeCloudFormationResource } from '../knowledgeView';
import type { TemplateCheck } from './check';
import type { CfnTemplate } from './template';
import type { Resolver } from './resolve';

export function hoverAt(_template: CfnTemplate, check: TemplateCheck, offset: number, resolver: Resolver): HoverResult | undefined {
  const resourceCheck = check.resources.find((candidate) => contains(candidate.resource.range, offset));
  if (!resourceCheck) return undefined;
  const { resource } = resourceCheck;
  if (resource.type && resource.typeRange && contains(resource.typeRange, offset)) {
    const markdown = resourceMarkdown(resource.type, describeCloudFormationResource(resource, resolver), resourceCheck.summary.responsibilities, 'template');
    return { markdown, range: resource.typeRange };
  }
  if (resource.properties) {
    const located = locateKey(resource.properties, offset);
    if (located) {
      const markdown = settingMarkdown(resourceCheck.runs, located.path);
      if (markdown) return { markdown, range: located.keyRange };
    }
  }
  return undefined;
}
