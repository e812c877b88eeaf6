// Runs the rules over a Terraform module: every managed resource, every known instance of it (count /
// for_each), seeing every file of the module. Findings carry the file they belong to.
import type { AnalysisSettings, ResourceSummary } from '../api';
import { summarise } from '../summary';
import type { RuleRun } from '../summary';
import { RULES_BY_TERRAFORM_TYPE } from '../rules/registry';
import type { Finding, Problem } from '../types';
import { canonicalType } from '../knowledge';
import { findingsOf, runGuarded } from '../findings';
import { terraformCategory } from '../knowledgeView';
import type { TfRuleContext } from './context';
import { referenceParts } from './hcl';
import type { TfModule, TfResource } from './module';
import type { InstanceBinding, TfResolver } from './resolve';

const MAX_INSTANCES = 64;

export interface FileFinding {
  readonly file: string;
  readonly finding: Finding;
}

export interface TfResourceCheck {
  readonly resource: TfResource;
  readonly runs: readonly RuleRun[];
  readonly findings: readonly FileFinding[];
  readonly summary: ResourceSummary;
}

export interface ModuleCheck {
  readonly resources: readonly TfResourceCheck[];
  readonly problems: readonly { readonly file: string; readonly problem: Problem }[];
}

export function checkModule(module: TfModule, resolver: TfResolver, settings: AnalysisSettings = {}): ModuleCheck {
  // Keyed by the canonical type, so a rule asking for aws_lb_listener sees aws_alb_listener too.
  const byType = new Map<string, TfResource[]>();
  for (const resource of module.resources) {
    if (resource.mode !== 'managed') continue;
    const type = canonicalType(resource.type);
    const list = byType.get(type) ?? [];
    list.push(resource);
    byType.set(type, list);
  }
  const problems: { file: string; problem: Problem }[] = [];
  const resources: TfResourceCheck[] = [];
  for (const resource of module.resources) {
    if (resource.mode !== 'managed') continue;
    resources.push(checkResource(resource, module, resolver, settings, byType, problems));
  }
  return { resources, problems };
}

function checkResource(resource: TfResource, module: TfModule, resolver: TfResolver, settings: AnalysisSettings, byType: Map<string, TfResource[]>, problems: { file: string; problem: Problem }[]): TfResourceCheck {
  const rules = RULES_BY_TERRAFORM_TYPE.get(resource.type) ?? [];
  const instances = instancesOf(resource, resolver);
  const runs: RuleRun[] = [];
  const perInstance: { address: string; findings: Finding[] }[] = [];
  for (const instance of instances) {
    const instanceResolver = resolver.withBinding(instance.binding);
    const context: TfRuleContext = {
      module,
      settings,
      resolver: instanceResolver,
      address: instance.address,
      resourcesOfType: (type) => byType.get(canonicalType(type)) ?? [],
      linked: (parent, childType, link) => linkedResources(parent, byType.get(canonicalType(childType)) ?? [], link),
    };
    const findings: Finding[] = [];
    for (const rule of rules) {
      const outcomes = runGuarded(rule, resource.anchor, (problem) => problems.push({ file: resource.file, problem }), () => rule.terraform?.check(resource, context) ?? []);
      if (outcomes === undefined) continue;
      if (instance === instances[0]) runs.push({ rule, outcomes });
      findings.push(...findingsOf(rule, outcomes, { id: instance.address, type: resource.type }));
    }
    perInstance.push({ address: instance.address, findings });
  }
  return {
    resource,
    runs,
    findings: mergeInstances(resource, perInstance).map((finding) => ({ file: resource.file, finding })),
    summary: {
      id: `${resource.address}`,
      type: resource.type,
      category: terraformCategory(resource, resolver),
      range: resource.block.range,
      responsibilities: summarise(runs),
    },
  };
}

/** Instances that give the same finding are reported once, on the resource's base address. */
function mergeInstances(resource: TfResource, perInstance: { address: string; findings: Finding[] }[]): Finding[] {
  if (perInstance.length === 1) return perInstance[0].findings;
  const key = (finding: Finding) => `${finding.ruleId}|${finding.range.start}|${finding.range.end}|${finding.message}`;
  const counts = new Map<string, number>();
  for (const instance of perInstance) for (const finding of new Set(instance.findings.map(key))) counts.set(finding, (counts.get(finding) ?? 0) + 1);
  const result: Finding[] = [];
  const emitted = new Set<string>();
  for (const instance of perInstance) {
    for (const finding of instance.findings) {
      const k = key(finding);
      if (counts.get(k) === perInstance.length) {
        if (emitted.has(k)) continue;
        emitted.add(k);
        result.push({ ...finding, resource: { id: resource.address, type: resource.type } });
      } else {
        result.push(finding);
      }
    }
  }
  return result;
}

interface Instance {
  readonly address: string;
  readonly binding: InstanceBinding;
}

/** The instances count / for_each make, when their value is known; else the resource as one. */
export function instancesOf(resource: TfResource, resolver: TfResolver): Instance[] {
  const single = [{ address: resource.address, binding: {} }];
  if (resource.count) {
    const values = resolver.scalars({ kind: 'expression', expression: resource.count, range: resource.count.range });
    if (values.length !== 1 || !values[0].known || typeof values[0].value !== 'number') return single;
    const count = Math.min(Math.max(0, Math.floor(values[0].value)), MAX_INSTANCES);
    return Array.from({ length: count }, (_, index) => ({ address: `${resource.address}[${index}]`, binding: { index } }));
  }
  if (resource.forEach) {
    const candidates = resolver.expand({ node: { kind: 'expression', expression: resource.forEach, range: resource.forEach.range }, via: [] });
    if (candidates.length !== 1) return single;
    const node = candidates[0].node;
    if (node?.kind === 'map') {
      return node.entries.slice(0, MAX_INSTANCES).map((entry) => ({
        address: `${resource.address}[${JSON.stringify(entry.key)}]`,
        binding: { key: entry.key, ...(entry.value ? { value: entry.value } : {}) },
      }));
    }
    if (node?.kind === 'seq' && node.items.every((item) => item.kind === 'scalar')) {
      return node.items.slice(0, MAX_INSTANCES).map((item) => {
        const key = item.kind === 'scalar' ? item.value : null;
        return { address: `${resource.address}[${JSON.stringify(key)}]`, binding: { key: key ?? '', value: item } };
      });
    }
  }
  return single;
}

/**
 * Children of a split setting that point at `parent` through `link`: `bucket = aws_s3_bucket.b.id`,
 * `aws_s3_bucket.b[0].id`, or a child whose for_each iterates the parent (`each.value.id`).
 */
export function linkedResources(parent: TfResource, children: readonly TfResource[], link: string): TfResource[] {
  return children.filter((child) => {
    const linkExpression = child.block.body.attributes.find((attribute) => attribute.name === link)?.expression;
    if (!linkExpression) return false;
    if (pointsAt(linkExpression, parent)) return true;
    const iterates = child.forEach ?? child.count;
    return iterates !== undefined && pointsAt(iterates, parent) && refersToEach(linkExpression);
  });
}

function pointsAt(expression: Parameters<typeof referenceParts>[0], parent: TfResource): boolean {
  const parts = referenceParts(expression);
  if (!parts) return false;
  const names = parts.names;
  return parent.mode === 'managed' ? names[0] === parent.type && names[1] === parent.name : names[0] === 'data' && names[1] === parent.type && names[2] === parent.name;
}

function refersToEach(expression: Parameters<typeof referenceParts>[0]): boolean {
  const parts = referenceParts(expression);
  return parts !== undefined && (parts.names[0] === 'each' || parts.names[0] === 'count');
}
