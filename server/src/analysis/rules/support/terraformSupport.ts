// Small Terraform helpers the storage and analytics specs share: reading a block body without resolving it,
// telling whether a value points at a resource, and swapping a rule's Terraform reader for a custom one.
import { referenceParts, walkExpressions } from '../../terraform/hcl';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import type { ValueNode } from '../../types';
import { getSetting } from '../../knowledge';
import type { Rule, TerraformReader } from './rule';
import { judgeSetting } from './setting';

/** The nodes at `path` in a block body as written (repeated blocks: every one), without resolving references. */
export function writtenAt(start: ValueNode | undefined, path: readonly string[]): ValueNode[] {
  let current: ValueNode[] = start ? [start] : [];
  for (const segment of path) {
    const next: ValueNode[] = [];
    for (const node of current) {
      const maps = node.kind === 'seq' ? node.items : [node];
      for (const map of maps) {
        if (map.kind !== 'map') continue;
        const value = map.entries.find((entry) => entry.key === segment)?.value;
        if (value) next.push(value);
      }
    }
    current = next;
  }
  return current;
}

/** The literal `bucket` (or other name argument) of a resource, when it is written as a plain string. */
function literalName(resource: TfResource, nameArgument: string): string | undefined {
  const node = writtenAt(resource.body, [nameArgument])[0];
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * Whether a written value points at `target`: a reference to it (`aws_s3_bucket.logs.id`, also inside a
 * template), or, when the target's name argument is a literal, that name (or an ARN ending in it).
 */
export function pointsAt(node: ValueNode | undefined, target: TfResource, nameArgument?: string): boolean {
  if (!node) return false;
  if (node.kind === 'expression') {
    let found = false;
    walkExpressions(node.expression, (expression) => {
      const parts = expression.kind === 'traversal' ? referenceParts(expression) : undefined;
      if (parts && (target.mode === 'managed' ? parts.names[0] === target.type && parts.names[1] === target.name : parts.names[0] === 'data' && parts.names[1] === target.type && parts.names[2] === target.name)) found = true;
      return !found;
    });
    return found;
  }
  if (node.kind === 'seq') return node.items.some((item) => pointsAt(item, target, nameArgument));
  if (node.kind !== 'scalar' || nameArgument === undefined) return false;
  const name = literalName(target, nameArgument);
  const text = String(node.value);
  return name !== undefined && (text === name || text.endsWith(`:::${name}`) || text.startsWith(`${name}.s3.`));
}

/** The single known string a Terraform value resolves to (lower case), or undefined. */
export function tfString(resource: TfResource, context: TfRuleContext, path: readonly string[]): string | undefined {
  const found = context.resolver.lookup(resource.body, path).filter((candidate) => candidate.node !== undefined);
  if (found.length !== 1 || !found[0].node) return undefined;
  const resolved = context.resolver.scalars(found[0].node, found[0].via);
  return resolved.length === 1 && resolved[0].known ? String(resolved[0].value).toLowerCase() : undefined;
}

/** The same rule with its Terraform reading replaced (the metadata, Terraform types and fixes kept). */
export function withTerraformCheck(rule: Rule, check: TerraformReader['check']): Rule {
  return { ...rule, terraform: { check } };
}

/**
 * The deprecated inline form of a split setting. A value that cannot be read (`acl = var.acl` with no value) decides
 * nothing: the shared reader would count it as "not set inline". Cannot be checked, unless a split resource
 * points at the bucket (that one is judged).
 */
export function withInlineUnknown(rule: Rule, settingId: string): Rule {
  const knowledge = getSetting(settingId)?.terraform;
  const reader = rule.terraform;
  if (!knowledge?.legacy || !knowledge.splitResource || !reader) return rule;
  const inlinePath = knowledge.legacy.argumentPath.split('.');
  const childType = knowledge.type;
  const link = knowledge.splitResource.link;
  return withTerraformCheck(rule, (resource, context) => {
    if (context.linked(resource, childType, link).length > 0) return reader.check(resource, context);
    // A bad inline value: its fix would add the split resource beside the inline form, which the provider
    // documents as conflicting; no fix rather than a doubtful one.
    const outcomes = reader.check(resource, context).map((outcome) => ((outcome.kind === 'finding' || outcome.kind === 'depends') && outcome.range !== resource.anchor ? { ...outcome, fixId: undefined } : outcome));
    if (outcomes.some((outcome) => outcome.kind === 'not-applicable' || outcome.kind === 'unknown' || (outcome.kind === 'finding' && outcome.range !== resource.anchor))) return outcomes;
    const inline = judgeSetting(resource.body, resource.anchor, context.resolver, {
      path: inlinePath, isCompliant: () => true, absent: { kind: 'compliant', detail: '' }, consequence: '', displayName: inlinePath.join('.'),
    });
    const unknown = inline.find((outcome) => outcome.kind === 'unknown');
    return unknown && outcomes.every((outcome) => outcome.kind !== 'depends') ? [unknown] : outcomes;
  });
}

/** Messages and reasons without the `.[]` list step of a path ("rule.blocked_encryption_types.[]"). */
export function withoutListStep(rule: Rule): Rule {
  const reader = rule.terraform;
  if (!reader) return rule;
  const clean = (text: string) => text.split('.[]').join('');
  return withTerraformCheck(rule, (resource, context) => reader.check(resource, context).map((outcome) => {
    if (outcome.kind === 'finding' || outcome.kind === 'depends') return { ...outcome, message: clean(outcome.message) };
    if (outcome.kind === 'unknown') return { ...outcome, reason: clean(outcome.reason) };
    if (outcome.kind === 'addressed' || outcome.kind === 'aws-default' || outcome.kind === 'not-applicable') return { ...outcome, detail: clean(outcome.detail) };
    return outcome;
  }));
}

/**
 * The detail said when a Terraform argument is absent (AWS or provider default), in Terraform words: the shared
 * reader repeats the knowledge base's CloudFormation text ("AutoMinorVersionUpgrade defaults to true").
 */
export function withTerraformDefaultDetail(rule: Rule, detail: string): Rule {
  const reader = rule.terraform;
  if (!reader) return rule;
  return withTerraformCheck(rule, (resource, context) => reader.check(resource, context).map((outcome) => {
    if (outcome.kind === 'aws-default') return { ...outcome, detail };
    if (outcome.kind === 'addressed' && outcome.range === undefined) return { ...outcome, detail };
    return outcome;
  }));
}

// engine's main log. Also exports the list check used by the cluster, DocumentDB and Neptune rules.

