// Terraform hovers: on a resource's type label, its service, category and customer items; on an argument a
// rule reads, the item, its resolved value and where the value came from (variable, tfvars, module input).
import type { HoverResult } from '../api';
import { contains, locateKey, resourceMarkdown, settingMarkdown } from '../hoverText';
import { getItem, settingsForTerraformType } from '../knowledge';
import { describeTerraformResource, itemLabel } from '../knowledgeView';
import { describeVia, quote } from '../resolution';
import { listRules } from '../rules/registry';
import type { ModuleAnalysis } from './analyze';
import type { TfResource } from './module';

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
  const markdown = settingMarkdown(resourceCheck.runs, located.path) ?? splitSettingMarkdown(analysis, resource, located.path);
  return markdown ? { markdown, range: located.keyRange } : undefined;
}

/**
 * An argument of a split resource (aws_s3_bucket_versioning's status): the rule runs on the main resource, so
 * the hover says which duty the argument carries and what it resolves to here.
 */
function splitSettingMarkdown(analysis: ModuleAnalysis, resource: TfResource, path: readonly string[]): string | undefined {
  const key = path.filter((segment) => segment !== '[]').join('.');
  const setting = settingsForTerraformType(resource.type)
    .find((candidate) => candidate.terraform?.type === resource.type && candidate.terraform.splitResource && candidate.terraform.argumentPath === key);
  if (!setting?.terraform?.splitResource) return undefined;
  const node = analysis.resolver.lookup(resource.body, key.split('.'))[0]?.node;
  const values = node ? analysis.resolver.scalars(node) : [];
  const resolved = values.map((value) => (value.known ? `${key} is ${quote(value.value)}${describeVia(value.via)}` : `${key} is ${value.description}`)).join('; or ') || `${key} is not set`;
  const rule = listRules().find((candidate) => candidate.settings?.includes(setting.id));
  const lines = [
    `**Customer responsibility: ${itemLabel(setting.item)}** (${rule?.id ?? setting.id})`,
    '',
    `${setting.title}, for the \`${setting.terraform.splitResource.type}\` this resource points at through \`${setting.terraform.splitResource.link}\`. ${getItem(setting.item)?.why ?? ''}`,
    '',
    `Resolved: ${resolved}`,
  ];
  if (rule?.awsDefault) lines.push('', `AWS default: ${rule.awsDefault.summary}${rule.awsDefault.since ? ` (since ${rule.awsDefault.since})` : ''}`);
  return lines.join('\n');
}

function samePath(a: string, b: string): boolean {
  return a.replace(/\\/g, '/') === b.replace(/\\/g, '/');
}
