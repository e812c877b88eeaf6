// Hovers: on a resource's Type, the service category and who manages what, with the status of each
// customer item; on a setting a rule reads, the item it addresses, its resolved value and provenance.
import type { HoverResult } from '../api';
import { describeCloudFormationResource, itemLabel } from '../knowledgeView';
import type { MapNode, OffsetRange, ValueNode } from '../types';
import type { ResourceCheck, TemplateCheck } from './check';
import type { CfnTemplate } from './model';
import type { Resolver } from './resolve';

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

const STATUS_TEXT: Record<string, string> = {
  missed: 'missed',
  depends: 'depends on the deployment',
  addressed: 'addressed',
  'aws-default': 'covered by an AWS default',
  'not-applicable': 'not applicable',
};

export function hoverAt(_template: CfnTemplate, check: TemplateCheck, offset: number, resolver: Resolver): HoverResult | undefined {
  const resourceCheck = check.resources.find((candidate) => contains(candidate.resource.range, offset));
  if (!resourceCheck) return undefined;
  const { resource } = resourceCheck;
  if (resource.type && resource.typeRange && contains(resource.typeRange, offset)) {
    return { markdown: resourceTypeMarkdown(resourceCheck, resolver), range: resource.typeRange };
  }
  if (resource.properties) {
    const located = locateKey(resource.properties, offset, []);
    if (located) {
      const markdown = settingMarkdown(resourceCheck, located.path);
      if (markdown) return { markdown, range: located.keyRange };
    }
  }
  return undefined;
}

function resourceTypeMarkdown(resourceCheck: ResourceCheck, resolver: Resolver): string {
  const type = resourceCheck.resource.type ?? '';
  const service = describeCloudFormationResource(resourceCheck.resource, resolver);
  const lines: string[] = [];
  if (service) {
    const category = service.categoryLabel[0].toUpperCase() + service.categoryLabel.slice(1);
    lines.push(`**${service.service}** (\`${type}\`): ${category}`, '');
    lines.push(`**AWS manages** ${lowerFirst(service.awsManages.replace(/^AWS:\s*/, ''))}`, '');
    lines.push(`**Customer manages** ${lowerFirst(service.customerManages.replace(/^Customer:\s*/, ''))}`);
    if (service.hybridNote) lines.push('', `_${service.hybridNote}_`);
  } else {
    lines.push(`\`${type}\``, '', 'No responsibility data for this type yet.');
  }
  const statuses = resourceCheck.summary.responsibilities;
  if (statuses.length > 0) {
    lines.push('', '**Customer items in this template:**', '');
    for (const status of statuses) {
      lines.push(`- ${itemLabel(status.item)}: **${STATUS_TEXT[status.status] ?? status.status}** (${status.ruleIds.join(', ')})`);
    }
  }
  return lines.join('\n');
}

function settingMarkdown(resourceCheck: ResourceCheck, path: readonly string[]): string | undefined {
  const key = path.join('/');
  const lines: string[] = [];
  for (const run of resourceCheck.runs) {
    for (const outcome of run.outcomes) {
      if (outcome.kind === 'not-applicable' || !outcome.evidence || outcome.evidence.path.join('/') !== key) continue;
      const meta = run.rule.meta;
      lines.push(`**Customer responsibility: ${itemLabel(meta.item)}** (${meta.id})`, '');
      lines.push(`${meta.title}. ${meta.rationale}`, '');
      lines.push(`Resolved: ${outcome.evidence.text}`);
      if (meta.awsDefault) lines.push('', `AWS default: ${meta.awsDefault.summary}${meta.awsDefault.since ? ` (since ${meta.awsDefault.since})` : ''}`);
      return lines.join('\n');
    }
  }
  return undefined;
}

interface LocatedKey {
  readonly path: readonly string[];
  readonly keyRange: OffsetRange;
}

/** The property path of the key under the cursor (`[]` for list elements). */
function locateKey(map: MapNode, offset: number, prefix: readonly string[]): LocatedKey | undefined {
  for (const entry of map.entries) {
    const path = [...prefix, entry.key];
    if (contains(entry.keyRange, offset)) return { path, keyRange: entry.keyRange };
    if (entry.value && contains(entry.value.range, offset)) return locateInValue(entry.value, offset, path);
  }
  return undefined;
}

function locateInValue(value: ValueNode, offset: number, path: readonly string[]): LocatedKey | undefined {
  if (value.kind === 'map') return locateKey(value, offset, path);
  if (value.kind === 'seq') {
    const item = value.items.find((candidate) => contains(candidate.range, offset));
    return item ? locateInValue(item, offset, [...path, '[]']) : undefined;
  }
  return undefined;
}

function contains(range: OffsetRange, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}
