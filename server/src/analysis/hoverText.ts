// Hover text shared by both formats: a resource's service, category and customer items; a setting's item,
// resolved value and provenance. Also finds the setting path under the cursor in a value tree.
import type { ResponsibilityStatus } from './api';
import { itemLabel } from './knowledgeView';
import { docsUrl } from './rules/support';
import type { ServiceView } from './knowledgeView';
import type { RuleRun } from './summary';
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

function pathKey(path: readonly string[]): string {
  return path.filter((segment) => segment !== '[]').join('/');
}

export function settingMarkdown(runs: readonly RuleRun[], path: readonly string[]): string | undefined {
  const key = pathKey(path);
  for (const run of runs) {
    for (const outcome of run.outcomes) {
      if (outcome.kind === 'not-applicable' || !outcome.evidence || pathKey(outcome.evidence.path) !== key) continue;
      const meta = run.rule.meta;
      const resolved = outcome.kind === 'unknown' ? `Cannot be checked: ${outcome.evidence.text}` : `Resolved: ${outcome.evidence.text}`;
      const lines = [`**Customer responsibility: ${itemLabel(meta.item)}** (${ruleLink(meta.id)})`, '', `${meta.title}. ${meta.rationale}`, '', resolved];
      if (meta.awsDefault) lines.push('', `AWS default: ${meta.awsDefault.summary}${meta.awsDefault.since ? ` (since ${meta.awsDefault.since})` : ''}`);
      return lines.join('\n');
    }
  }
  return undefined;
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
