// Terraform hovers: on a resource's type label, its service, category and customer items; on an argument a
// rule reads, the item, its resolved value and where the value came from (variable, tfvars, module input).
import type { HoverResult } from '../api';
import { contains, locateKey, resourceMarkdown, settingMarkdown } from '../hoverText';
import { describeTerraformResource } from '../knowledgeView';
import type { ModuleAnalysis } from './analyze';

export function terraformHoverAt(analysis: ModuleAnalysis, path: string, offset: number): HoverResult | undefined {
  const resourceCheck = analysis.check.resources.find((candidate) => samePath(candidate.resource.file, path) && contains(candidate.resource.block.range, offset));
  if (!resourceCheck) return undefined;
  const { resource } = resourceCheck;
  const typeLabel = resource.block.labels[0];
  if (typeLabel && contains(typeLabel.range, offset)) {
    const markdown = resourceMarkdown(resource.type, describeTerraformResource(resource, analysis.resolver), resourceCheck.summary.responsibilities, 'module');
    return { markdown, range: typeLabel.range };
  }
  const located = locateKey(resource.body, offset);
  if (!located) return undefined;
  const markdown = settingMarkdown(resourceCheck.runs, located.path);
  return markdown ? { markdown, range: located.keyRange } : undefined;
}

function samePath(a: string, b: string): boolean {
  return a.replace(/\\/g, '/') === b.replace(/\\/g, '/');
}
