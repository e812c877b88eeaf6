// Runs the rules over a template's resources and turns their outcomes into findings and responsibility status.
import type { ResourceSummary, ResponsibilityStatus } from '../api';
import { categoryOf, itemLabel } from '../knowledgeView';
import type { RuleOutcome } from '../rules/outcome';
import { RULES_BY_CLOUDFORMATION_TYPE } from '../rules/registry';
import type { Rule } from '../rules/rule';
import type { Finding, Problem, Severity } from '../types';
import type { CfnResource, CfnRuleContext, CfnTemplate } from './model';
import { Resolver } from './resolve';

export interface RuleRun {
  readonly rule: Rule;
  readonly outcomes: readonly RuleOutcome[];
}

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

export function checkTemplate(template: CfnTemplate): TemplateCheck {
  const resolver = new Resolver(template);
  const byType = new Map<string, CfnResource[]>();
  for (const resource of template.resources) {
    if (!resource.type) continue;
    const list = byType.get(resource.type) ?? [];
    list.push(resource);
    byType.set(resource.type, list);
  }
  const context: CfnRuleContext = { template, resolver, resourcesOfType: (type) => byType.get(type) ?? [] };
  const problems: Problem[] = [];
  const resources = template.resources.map((resource) => checkResource(resource, context, problems));
  return { resolver, resources, problems };
}

function checkResource(resource: CfnResource, context: CfnRuleContext, problems: Problem[]): ResourceCheck {
  const runs: RuleRun[] = [];
  const rules = resource.type ? RULES_BY_CLOUDFORMATION_TYPE.get(resource.type) ?? [] : [];
  for (const rule of rules) {
    try {
      runs.push({ rule, outcomes: rule.cloudformation?.check(resource, context) ?? [] });
    } catch (error) {
      // A rule bug must not hide the other rules' findings; say so instead.
      problems.push({ message: `Internal error in rule ${rule.meta.id}: ${String(error)}`, range: resource.idRange, severity: 'warning' });
    }
  }
  const findings: Finding[] = [];
  for (const run of runs) {
    for (const outcome of run.outcomes) {
      if (outcome.kind !== 'finding' && outcome.kind !== 'depends') continue;
      const severity: Severity = outcome.kind === 'depends' ? 'info' : outcome.severity ?? run.rule.meta.severity;
      findings.push({
        ruleId: run.rule.meta.id,
        responsibility: run.rule.meta.item,
        severity,
        message: `Customer responsibility (${itemLabel(run.rule.meta.item)}): ${outcome.message}`,
        range: outcome.range,
        resource: { id: resource.id, type: resource.type ?? '' },
        references: run.rule.meta.references,
        docsUrl: run.rule.meta.docsUrl,
        related: outcome.kind === 'finding' ? outcome.related ?? [] : [],
        ...(outcome.fixId ? { fixId: outcome.fixId } : {}),
      });
    }
  }
  return {
    resource,
    runs,
    findings,
    summary: {
      id: resource.id,
      type: resource.type ?? '',
      category: categoryOf(resource, context.resolver),
      range: resource.range,
      responsibilities: summarise(runs),
    },
  };
}

const STATUS_ORDER: readonly ResponsibilityStatus['status'][] = ['missed', 'depends', 'addressed', 'aws-default', 'not-applicable'];

/** One status per responsibility item: the worst outcome of the rules that address it. */
function summarise(runs: readonly RuleRun[]): ResponsibilityStatus[] {
  const byItem = new Map<string, { status: ResponsibilityStatus['status']; ruleIds: Set<string>; details: string[] }>();
  for (const run of runs) {
    for (const outcome of run.outcomes) {
      const status: ResponsibilityStatus['status'] = outcome.kind === 'finding' ? 'missed' : outcome.kind;
      const detail = outcome.kind === 'finding' || outcome.kind === 'depends' ? outcome.message : outcome.detail;
      const entry = byItem.get(run.rule.meta.item) ?? { status, ruleIds: new Set<string>(), details: [] };
      if (STATUS_ORDER.indexOf(status) < STATUS_ORDER.indexOf(entry.status)) entry.status = status;
      entry.ruleIds.add(run.rule.meta.id);
      entry.details.push(detail);
      byItem.set(run.rule.meta.item, entry);
    }
  }
  return [...byItem.entries()].map(([item, entry]) => ({
    item,
    status: entry.status,
    ruleIds: [...entry.ruleIds],
    detail: [...new Set(entry.details)].join(' '),
  }));
}
