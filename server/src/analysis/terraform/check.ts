// Runs the rules over a Terraform module: every managed resource, every known instance of it (count /
// for_each), seeing every file of the module. Findings carry the file they belong to.
import type { AnalysisSettings, ResourceSummary } from '../api';
import { summarise } from '../summary';
import type { RuleRun } from '../summary';
import { RULES_BY_TERRAFORM_TYPE } from '../rules/registry';
import type { Finding, Problem, ValueNode } from '../types';
import { canonicalType } from '../knowledge';
import { findingsOf, runGuarded } from '../findings';
import { ReadTrace } from '../settingReads';
import type { SettingRead } from '../settingReads';
import { terraformCategory } from '../knowledgeView';
import type { TfRuleContext } from './context';
import { referenceParts } from './hcl';
import type { HclExpression } from './hcl';
import type { TfModule, TfResource } from './module';
import type { InstanceBinding, TfResolver } from './resolve';
import { describeExpression } from './resolve';
import type { RuleOutcome } from '../rules/support/outcome';

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
  /** The settings the rules saw (a hover traces a resource's runs again with them). */
  readonly settings?: AnalysisSettings;
}

/**
 * What each rule run on the resource's first instance (the one its statuses come from) reads of it
 * (settingReads.ts), for hovers: the runs again with a resolver that notes every read. `resolver` is the module's.
 */
export function traceSettingReads(module: TfModule, resolver: TfResolver, resourceCheck: TfResourceCheck, settings: AnalysisSettings = {}): readonly SettingRead[] {
  const { resource } = resourceCheck;
  const instance = instancesOf(resource, resolver)[0];
  if (!instance) return [];
  const trace = new ReadTrace();
  const context = instanceContext(resource, module, resolver, trace.traced(resolver.withBinding(instance.binding)), instance, settings, resourcesByType(module), new Map(), false);
  for (const { rule } of resourceCheck.runs) trace.during(rule, () => rule.terraform?.check(resource, context));
  return trace.reads;
}

export function checkModule(module: TfModule, resolver: TfResolver, settings: AnalysisSettings = {}): ModuleCheck {
  const byType = resourcesByType(module);
  const problems: { file: string; problem: Problem }[] = [];
  const resources: TfResourceCheck[] = [];
  for (const resource of module.resources) {
    if (resource.mode !== 'managed') continue;
    resources.push(checkResource(resource, module, resolver, settings, byType, problems));
  }
  return { resources, problems, settings };
}

/** The managed resources by canonical type, so a rule asking for aws_lb_listener sees aws_alb_listener too. */
function resourcesByType(module: TfModule): Map<string, TfResource[]> {
  const byType = new Map<string, TfResource[]>();
  for (const resource of module.resources) {
    if (resource.mode !== 'managed') continue;
    const type = canonicalType(resource.type);
    const list = byType.get(type) ?? [];
    list.push(resource);
    byType.set(type, list);
  }
  return byType;
}

/** What the rules see of one instance; `unsure` collects the children that may or may not point at a parent. */
function instanceContext(resource: TfResource, module: TfModule, resolver: TfResolver, instanceResolver: TfResolver, instance: Instance, settings: AnalysisSettings, byType: Map<string, TfResource[]>, unsure: Map<string, string>, withUnsure: boolean): TfRuleContext {
  return {
    module,
    settings,
    resolver: instanceResolver,
    address: instance.address,
    resourcesOfType: (type) => byType.get(canonicalType(type)) ?? [],
    linked: (parent, childType, link) => {
      const self = parent === resource;
      const links = linkedResources(parent, byType.get(canonicalType(childType)) ?? [], link, self ? instanceResolver : resolver, self ? instance.binding : {});
      for (const { child, why } of links.unsure) unsure.set(child.address, why);
      return withUnsure ? [...links.linked, ...links.unsure.map(({ child }) => child)] : links.linked;
    },
  };
}

function checkResource(resource: TfResource, module: TfModule, resolver: TfResolver, settings: AnalysisSettings, byType: Map<string, TfResource[]>, problems: { file: string; problem: Problem }[]): TfResourceCheck {
  const rules = RULES_BY_TERRAFORM_TYPE.get(resource.type) ?? [];
  const instances = instancesOf(resource, resolver);
  const runs: RuleRun[] = [];
  const perInstance: { address: string; findings: Finding[] }[] = [];
  for (const instance of instances) {
    const instanceResolver = resolver.withBinding(instance.binding);
    // Children that may or may not point at a parent: the rule is run with and without them, and where the two
    // verdicts differ the duty cannot be checked.
    const unsure = new Map<string, string>();
    const contextWith = (withUnsure: boolean): TfRuleContext => instanceContext(resource, module, resolver, instanceResolver, instance, settings, byType, unsure, withUnsure);
    const context = contextWith(false);
    const findings: Finding[] = [];
    for (const rule of rules) {
      if (settings.rules?.[rule.meta.id] === 'off') continue;
      unsure.clear();
      const report = (problem: Problem) => problems.push({ file: resource.file, problem });
      let outcomes = runGuarded(rule, resource.anchor, report, () => rule.terraform?.check(resource, context) ?? []);
      if (outcomes === undefined) continue;
      if (unsure.size > 0) {
        const reasons = [...unsure.values()];
        const alternative = runGuarded(rule, resource.anchor, report, () => rule.terraform?.check(resource, contextWith(true)) ?? []);
        if (alternative === undefined) continue;
        if (hasGap(outcomes) !== hasGap(alternative)) outcomes = [{ kind: 'unknown', reason: `${reasons.join('; ')}: it may be set for this resource or not` }];
      }
      if (instance === instances[0]) runs.push({ rule, outcomes });
      findings.push(...findingsOf(rule, outcomes, { id: instance.address, type: resource.type }, settings.rules));
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
      responsibilities: withinBlock(summarise(runs), resource.block.range),
    },
  };
}

/**
 * A status's place must be in the resource's own file: a setting read from a linked resource (a split S3 setting)
 * may sit in another file of the module, and outcomes do not say which. Places outside the block are dropped.
 */
function withinBlock(statuses: readonly ResourceSummary['responsibilities'][number][], block: { readonly start: number; readonly end: number }): ResourceSummary['responsibilities'][number][] {
  return statuses.map((status) => {
    if (!status.range || (status.range.start >= block.start && status.range.end <= block.end)) return status;
    const { range: _dropped, ...rest } = status;
    return rest;
  });
}

function hasGap(outcomes: readonly RuleOutcome[]): boolean {
  return outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
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

export interface Instance {
  readonly address: string;
  readonly binding: InstanceBinding;
}

/** The instances count / for_each make, when their value is known; else the resource as one. */
export function instancesOf(resource: Pick<TfResource, 'address' | 'count' | 'forEach'>, resolver: TfResolver): Instance[] {
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
 * The argument holding the name a split setting may carry instead of a reference, per parent type: the name AWS
 * and the provider accept as the link (S3 bucket id = bucket name; a secret's friendly name; a log group's name...).
 * Parents not listed get a generated id (sg-..., vpc-..., an ARN) that a literal or a variable cannot hold for a
 * resource this module creates.
 * Sources: provider docs for aws_s3_bucket (`id` = name of the bucket) and aws_s3_bucket_versioning (`bucket` =
 * name of the S3 bucket); Secrets Manager RotateSecret (SecretId = "the ARN or name of the secret").
 */
const NAME_ARGUMENT: Readonly<Record<string, string>> = {
  aws_s3_bucket: 'bucket',
  aws_secretsmanager_secret: 'name',
  aws_cloudwatch_log_group: 'name',
  aws_ecr_repository: 'name',
  aws_backup_vault: 'name',
  aws_lambda_function: 'function_name',
  aws_redshift_cluster: 'cluster_identifier',
};

export interface Links {
  /** Children that point at the parent in every case. */
  readonly linked: TfResource[];
  /** Children whose link cannot be resolved, or is resolved only on some branches, and could point at the parent. */
  readonly unsure: { readonly child: TfResource; readonly why: string }[];
}

type Join = 'yes' | 'no' | { readonly unsure: string };

/**
 * Children of a split setting that point at `parent` through `link`, as Terraform resolves them: a reference
 * (`aws_s3_bucket.b.id`, `.bucket`, `.arn`, `[0].id`, directly or through a local, variable or conditional), a
 * child whose for_each iterates the parent (`each.value.id`), or the parent's literal name (`bucket = "name"`,
 * `bucket = local.name` where the bucket says the same). `resolver` is bound to the parent's instance, and
 * `instance` is that instance's binding: a reference that picks one instance of a parent with count or for_each
 * (`aws_s3_bucket.b["a"].id`, `aws_s3_bucket.b[count.index].id`) points at that instance only.
 */
export function linkedResources(parent: TfResource, children: readonly TfResource[], link: string, resolver: TfResolver, instance: InstanceBinding = {}): Links {
  const linked: TfResource[] = [];
  const unsure: { child: TfResource; why: string }[] = [];
  for (const child of children) {
    const join = joins(parent, child, link, resolver, instance);
    if (join === 'yes') linked.push(child);
    else if (join !== 'no') unsure.push({ child, why: join.unsure });
  }
  return { linked, unsure };
}

function joins(parent: TfResource, child: TfResource, link: string, parentResolver: TfResolver, parentInstance: InstanceBinding): Join {
  const linkExpression = child.block.body.attributes.find((attribute) => attribute.name === link)?.expression;
  if (!linkExpression) return 'no';
  // A child with count = 0 or an empty for_each is not deployed: it sets nothing on any parent.
  if ((child.count || child.forEach) && instancesOf(child, parentResolver.withBinding({})).length === 0) return 'no';
  const picksInstance = parentInstance.key !== undefined || parentInstance.index !== undefined;
  if (pointsAt(linkExpression, parent) && !picksInstance) return 'yes';
  const iterates = child.forEach ?? child.count;
  if (iterates !== undefined && iteratesOver(iterates, parent) && (refersToEach(linkExpression) || picksOwnInstance(linkExpression, parent))) return 'yes';
  const names = parentNames(parent, parentResolver);
  const childResolver = parentResolver.withBinding({});
  const verdicts: Join[] = instancesOf(child, childResolver).map((instance) => {
    const instanceResolver = childResolver.withBinding(instance.binding);
    const what = `${child.address}: ${link} = ${describeExpression(linkExpression)}`;
    return all(instanceResolver.expand({ node: { kind: 'expression', expression: linkExpression, range: linkExpression.range }, via: [] }).map((candidate) => joinOf(candidate.node, parent, names, instanceResolver, what, parentInstance)), what);
  });
  // One instance of the child pointing at the parent is a child of it.
  if (verdicts.includes('yes')) return 'yes';
  return verdicts.find((verdict) => typeof verdict === 'object') ?? 'no';
}

/** Every branch joins, none does, or it depends on the branch. */
function all(verdicts: readonly Join[], what: string): Join {
  if (verdicts.length > 0 && verdicts.every((verdict) => verdict === 'yes')) return 'yes';
  if (verdicts.every((verdict) => verdict === 'no')) return 'no';
  return verdicts.find((verdict) => typeof verdict === 'object') ?? { unsure: `${what} names it on some branches only` };
}

type ParentNames = { readonly known: readonly string[] } | { readonly unknown: string };

/** The names the parent deploys with (none when AWS generates it), or why they cannot be known. */
function parentNames(parent: TfResource, resolver: TfResolver): ParentNames | undefined {
  const argument = NAME_ARGUMENT[canonicalType(parent.type)];
  if (!argument) return undefined;
  const known: string[] = [];
  for (const candidate of resolver.lookup(parent.body, [argument])) {
    if (candidate.node === undefined) continue; // not set: a generated name, which no literal can equal
    for (const value of resolver.scalars(candidate.node, candidate.via)) {
      if (!value.known) return { unknown: `${parent.address}: ${argument} is ${value.description}` };
      known.push(String(value.value));
    }
  }
  return { known };
}

function joinOf(node: ValueNode | undefined, parent: TfResource, names: ParentNames | undefined, resolver: TfResolver, what: string, instance: InstanceBinding): Join {
  if (node === undefined) return 'no';
  if (node.kind === 'expression') {
    const parts = referenceParts(node.expression);
    if (parts && !['var', 'local', 'each', 'count', 'path', 'terraform', 'self'].includes(parts.names[0])) {
      if (pointsAt(node.expression, parent)) return picksThisInstance(node.expression, parent, instance, resolver, what);
      // Another resource of this module is not the parent; a data source or module output may name it.
      const managed = parts.names[0] !== 'data' && parts.names[0] !== 'module';
      if (managed || !names) return 'no';
      return { unsure: `${what}, ${parts.parts.join('.')}, cannot be resolved` };
    }
  }
  if (!names) return 'no';
  return all(resolver.scalars(node).map((value): Join => {
    if (!value.known) return { unsure: `${what}, ${value.description}, cannot be resolved` };
    if ('unknown' in names) return { unsure: `${names.unknown}, so ${what} may name it` };
    if (!names.known.includes(String(value.value))) return 'no';
    return names.known.length === 1 ? 'yes' : { unsure: `${what} names it on some branches only` };
  }), what);
}

function pointsAt(expression: Parameters<typeof referenceParts>[0], parent: TfResource): boolean {
  const parts = referenceParts(expression);
  if (!parts) return false;
  const names = parts.names;
  return parent.mode === 'managed' ? names[0] === parent.type && names[1] === parent.name : names[0] === 'data' && names[1] === parent.type && names[2] === parent.name;
}

/**
 * Whether a reference to `parent` picks the given instance of it: an index right after the parent's name
 * (`aws_s3_bucket.b["a"]`, `[0]`, `[count.index]` evaluated for the child's instance) must equal the instance's
 * for_each key or count index; a reference without one (or a splat) takes every instance.
 */
function picksThisInstance(expression: HclExpression, parent: TfResource, instance: InstanceBinding, resolver: TfResolver, what: string): Join {
  if (instance.key === undefined && instance.index === undefined) return 'yes';
  let current = expression;
  for (;;) {
    if (current.kind === 'parens') current = current.expression;
    else if (current.kind === 'template' && current.parts.length === 1 && current.parts[0].kind === 'interpolation') current = current.parts[0].expression;
    else break;
  }
  if (current.kind !== 'traversal') return 'yes';
  const step = current.steps[parent.mode === 'managed' ? 1 : 2];
  if (step?.kind !== 'index') return 'yes';
  return all(resolver.scalars({ kind: 'expression', expression: step.key, range: step.key.range }).map((value): Join => {
    if (!value.known) return { unsure: `${what}, ${value.description}, cannot be resolved` };
    if (instance.index !== undefined) return value.value === instance.index ? 'yes' : 'no';
    return String(value.value) === String(instance.key) ? 'yes' : 'no';
  }), what);
}

/**
 * Whether a child's count or for_each goes over the parent's instances: `for_each = aws_s3_bucket.b` (the parent's
 * instances by key), or `count = length(aws_s3_bucket.b)` (one per instance of a counted parent).
 */
function iteratesOver(iterates: HclExpression, parent: TfResource): boolean {
  if (iterates.kind === 'call' && iterates.name === 'length' && iterates.args.length === 1) return pointsAt(iterates.args[0], parent);
  return pointsAt(iterates, parent);
}

/** `<parent>[count.index].x` or `<parent>[each.key].x`: the parent instance with the child instance's own index or key. */
function picksOwnInstance(expression: HclExpression, parent: TfResource): boolean {
  if (expression.kind !== 'traversal' || !pointsAt(expression, parent)) return false;
  const step = expression.steps[parent.mode === 'managed' ? 1 : 2];
  if (step?.kind !== 'index') return false;
  const key = referenceParts(step.key)?.names.join('.');
  return key === 'count.index' || key === 'each.key';
}

function refersToEach(expression: Parameters<typeof referenceParts>[0]): boolean {
  const parts = referenceParts(expression);
  return parts !== undefined && (parts.names[0] === 'each' || parts.names[0] === 'count');
}
