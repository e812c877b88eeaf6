// Hover text shared by both formats: a resource's service, category and customer items; the findings and settings
// under the cursor (settingReads.ts gathers the facts): item, verdict, resolved value and provenance. Also finds the
// setting path under the cursor in a value tree.
import type { ResponsibilityStatus } from './api';
import { itemLabel } from './knowledgeView';
import { docsUrl } from './rules/support';
import type { ServiceView } from './knowledgeView';
import type { HoverFacts } from './settingReads';
import type { MapNode, OffsetRange, ValueNode } from './types';

const STATUS_TEXT: Record<string, string> = {
  missed: 'missed',
  depends: 'depends on the deployment',
  'cannot-be-checked': 'cannot be checked',
  addressed: 'addressed',
  'aws-default': 'covered by an AWS default',
  'not-applicable': 'not applicable',
};

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

export function resourceMarkdown(type: string, service: ServiceView | undefined, statuses: readonly ResponsibilityStatus[], where: string): string {
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
  if (statuses.length > 0) {
    lines.push('', `**Customer items in this ${where}:**`, '');
    for (const status of statuses) {
      const why = status.status === 'cannot-be-checked' ? `: ${status.detail.replace(/^cannot be checked: /, '')}` : '';
      lines.push(`- ${itemLabel(status.item)}: **${STATUS_TEXT[status.status] ?? status.status}**${why} (${status.ruleIds.map(ruleLink).join(', ')})`);
    }
  }
  return lines.join('\n');
}

/**
 * A rule id linked to its page, relative to the package root (`[id](docs/rules/id.md)`, rules/support docsUrl):
 * the language server makes the link absolute, a plain-text hover keeps the id and the target.
 */
export function ruleLink(ruleId: string): string {
  return `[${ruleId}](${docsUrl(ruleId)})`;
}

export interface LocatedKey {
  readonly path: readonly string[];
  readonly keyRange: OffsetRange;
}

/** The path of the key under the cursor (`[]` for list elements). */
export function locateKey(map: MapNode, offset: number, prefix: readonly string[] = []): LocatedKey | undefined {
  for (const entry of map.entries) {
    const path = [...prefix, entry.key];
    if (contains(entry.keyRange, offset)) return { path, keyRange: entry.keyRange };
    if (entry.value && contains(entry.value.range, offset)) {
      const inner = locateInValue(entry.value, offset, path);
      if (inner) return inner;
    }
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

export function contains(range: OffsetRange, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

/**
 * The hover over a finding or a setting a rule reads (settingReads.ts): each finding under the cursor (its message,
 * its item and rule, the values its rule read there), then each other rule that reads the setting (item, verdict,
 * the resolved values with provenance); sections apart by a rule.
 */
export function factsMarkdown(facts: HoverFacts): string {
  const sections: string[] = [];
  for (const { finding, meta, values } of facts.findings) {
    const lines = [`**Customer responsibility: ${itemLabel(finding.responsibility)}** (${ruleLink(finding.ruleId)}, ${finding.severity})`, '', finding.message];
    if (meta) lines.push('', `${meta.title}. ${meta.rationale}`);
    if (values.length > 0) lines.push('', ...resolvedLines(values));
    if (meta?.awsDefault) lines.push('', `AWS default: ${meta.awsDefault.summary}${meta.awsDefault.since ? ` (since ${meta.awsDefault.since})` : ''}`);
    sections.push(lines.join('\n'));
  }
  for (const { meta, status, detail, values, resourceId } of facts.settings) {
    const verdict = status ? `: **${STATUS_TEXT[status] ?? status}** in ${resourceId === undefined ? 'this resource' : `\`${resourceId}\``}` : '';
    const lines = [`**Customer responsibility: ${itemLabel(meta.item)}** (${ruleLink(meta.id)})${verdict}`, '', `${meta.title}. ${meta.rationale}`];
    if (values.length > 0) lines.push('', ...resolvedLines(values));
    if (detail) lines.push('', detail);
    if (meta.awsDefault) lines.push('', `AWS default: ${meta.awsDefault.summary}${meta.awsDefault.since ? ` (since ${meta.awsDefault.since})` : ''}`);
    sections.push(lines.join('\n'));
  }
  return sections.join('\n\n---\n\n');
}

function resolvedLines(values: readonly string[]): string[] {
  return values.length === 1 ? [`Resolved: ${values[0]}`] : ['Resolved:', '', ...values.map((value) => `- ${value}`)];
}
