// Guest-OS patching is the customer's for EC2. A template can only show whether patching is wired up: an
// SSM association or maintenance window task that runs AWS-RunPatchBaseline. Checked on each instance
// (AWS::EC2::Instance, aws_instance). An association counts when its targets reach the instance (InstanceIds naming
// it, tags it has, or no targets); targets that certainly miss it (another instance, tag values it does not have)
// leave a finding, and targets that cannot be read (a parameter, a resource group) 'cannot be checked'. Maintenance window tasks count as they are (their targets live
// in separate window targets).
import { mapEntry } from '../cloudformation/template';
import type { CfnResource } from '../cloudformation/template';
import type { CfnRuleContext } from '../cloudformation/context';
import { mentions } from '../cloudformation/references';
import type { ValueResolver } from '../resolution';
import type { TfResource, TfRuleContext } from '../terraform/context';
import { referenceParts } from '../terraform/hcl';
import type { OffsetRange, ValueNode } from '../types';
import { settingRule } from './support';
import type { RuleOutcome, Rule } from './support';

const base = settingRule({ setting: 'ec2-ssm-patching', cloudformation: { compliant: { present: true }, consequence: '' } });
const PATCH_DOCUMENTS = new Set(['aws-runpatchbaseline', 'aws-applypatchbaseline', 'aws-runpatchbaselinewithhooks', 'aws-runpatchbaselineassociation']);

/** A target value as read: this instance, another one, a literal text, or something not readable. */
type TargetValue = { readonly kind: 'this' } | { readonly kind: 'other' } | { readonly kind: 'text'; readonly value: string } | { readonly kind: 'unknown' };

interface Target {
  readonly key: string | undefined;
  readonly values: readonly TargetValue[];
}

/** A patching resource of either format: its name, what it runs, and its targets (undefined when it names none). */
interface PatchSource {
  readonly name: string;
  readonly document: string | undefined;
  readonly targets: readonly Target[] | undefined;
}

/** The instance's tags: key -> values (undefined when the tags cannot be read). */
type Tags = ReadonlyMap<string, readonly string[]> | undefined;

export const ec2SsmPatching: Rule = {
  // Severity info, not the knowledge base's high: patching is often set up account-wide (Quick Setup, patch
  // policies) outside the template, so a template without it is a hint, not a certain gap. The knowledge base
  // names aws_ssm_association, but the duty is checked on the instance.
  meta: { ...base.meta, severity: 'info', resourceTypes: { cloudformation: ['AWS::EC2::Instance'], terraform: ['aws_instance'] } },
  cloudformation: {
    check: (resource, context) => judgePatching(cfnSources(resource, context), cfnTags(resource, context), 'this template', resource.idRange),
  },
  terraform: {
    check: (resource, context) => judgePatching(tfSources(resource, context), tfTags(resource, context), 'this module', resource.anchor),
  },
};

/**
 * Both formats: a patching association or task that reaches the instance discharges the duty (as far as a template
 * can show); one whose targets cannot be read (a parameter, unknown tags, a resource group) may or may not reach
 * it, so the duty cannot be checked, never addressed.
 */
function judgePatching(sources: readonly PatchSource[], tags: Tags, where: string, anchor: OffsetRange): RuleOutcome[] {
  const patching = sources.filter((source) => source.document !== undefined && PATCH_DOCUMENTS.has(source.document.toLowerCase()));
  const reaching = patching.find((source) => reaches(source.targets, tags) === 'yes');
  if (reaching) return [{ kind: 'addressed', detail: `${reaching.name} runs ${reaching.document ?? ''}.` }];
  const maybe = patching.filter((source) => reaches(source.targets, tags) === 'maybe');
  if (maybe.length > 0) {
    const names = maybe.map((source) => source.name).join(', ');
    return [{ kind: 'unknown', reason: `${names} run${maybe.length > 1 ? '' : 's'} ${maybe[0].document ?? ''} on targets that cannot be read here (a parameter, tags or a resource group), so whether the guest OS of this instance is patched cannot be checked.` }];
  }
  const elsewhere = patching.length > 0 ? ` (${patching.map((source) => source.name).join(', ')} target${patching.length > 1 ? '' : 's'} other instances)` : '';
  return [{
    kind: 'finding',
    message: `No SSM association or maintenance window task in ${where} runs AWS-RunPatchBaseline on this instance${elsewhere}: the guest OS is patched only if patching is set up elsewhere (Quick Setup, a patch policy).`,
    range: anchor,
  }];
}

/**
 * Whether targets include the instance: 'yes' (no targets, which this rule counts as reaching it; InstanceIds naming
 * it or '*'; tags it has), 'no' (a certain miss), or 'maybe' (a key or value that cannot be read, tags of the
 * instance that cannot be read, a resource group or another key).
 */
function reaches(targets: readonly Target[] | undefined, tags: Tags): 'yes' | 'no' | 'maybe' {
  if (targets === undefined || targets.length === 0) return 'yes';
  const each = targets.map((target): 'yes' | 'no' | 'maybe' => {
    const key = target.key?.toLowerCase();
    if (target.values.some((value) => value.kind === 'unknown') || key === undefined) return 'maybe';
    if (key === 'instanceids') return target.values.some((value) => value.kind === 'this' || (value.kind === 'text' && value.value === '*')) ? 'yes' : 'no';
    if (key.startsWith('tag:')) {
      if (tags === undefined || target.values.some((value) => value.kind !== 'text')) return 'maybe';
      const has = tags.get(target.key?.slice(4) ?? '');
      return target.values.some((value) => value.kind === 'text' && (has?.includes(value.value) ?? false)) ? 'yes' : 'no';
    }
    if (key === 'tag-key') {
      if (tags === undefined || target.values.some((value) => value.kind !== 'text')) return 'maybe';
      return target.values.some((value) => value.kind === 'text' && tags.has(value.value)) ? 'yes' : 'no';
    }
    return 'maybe'; // resource groups and other keys: which instances they hold is not in the template
  });
  return each.includes('yes') ? 'yes' : each.includes('maybe') ? 'maybe' : 'no';
}

function known(node: ValueNode | undefined, resolver: ValueResolver): string | undefined {
  const values = node ? resolver.scalars(node) : [];
  return values.length === 1 && values[0].known ? String(values[0].value) : undefined;
}

// --- CloudFormation

function cfnSources(resource: CfnResource, context: CfnRuleContext): PatchSource[] {
  const value = (node: ValueNode): TargetValue => {
    if (mentions(node, resource.id)) return { kind: 'this' };
    if (node.kind === 'intrinsic' && (node.name === 'Ref' || node.name === 'Fn::GetAtt')) {
      const target = node.argument.kind === 'scalar' ? String(node.argument.value).split('.')[0] : node.argument.kind === 'seq' && node.argument.items[0]?.kind === 'scalar' ? String(node.argument.items[0].value) : undefined;
      if (target !== undefined && context.template.resourcesById.has(target)) return { kind: 'other' };
    }
    const text = known(node, context.resolver);
    return text === undefined ? { kind: 'unknown' } : { kind: 'text', value: text };
  };
  const sources: PatchSource[] = [];
  for (const association of context.resourcesOfType('AWS::SSM::Association')) {
    const targets: Target[] = context.resolver.lookup(association.properties, ['Targets', '[]']).flatMap((candidate) => {
      if (candidate.node?.kind !== 'map') return [];
      const values = mapEntry(candidate.node, 'Values');
      return [{ key: known(mapEntry(candidate.node, 'Key'), context.resolver), values: values?.kind === 'seq' ? values.items.map(value) : values ? [value(values)] : [] }];
    });
    const instanceId = mapEntry(association.properties, 'InstanceId');
    if (instanceId) targets.push({ key: 'InstanceIds', values: [value(instanceId)] });
    sources.push({ name: association.id, document: known(mapEntry(association.properties, 'Name'), context.resolver), targets: targets.length > 0 ? targets : undefined });
  }
  for (const task of context.resourcesOfType('AWS::SSM::MaintenanceWindowTask')) {
    sources.push({ name: task.id, document: known(mapEntry(task.properties, 'TaskArn'), context.resolver), targets: undefined });
  }
  return sources;
}

function cfnTags(resource: CfnResource, context: CfnRuleContext): Tags {
  const tags = new Map<string, string[]>();
  for (const candidate of context.resolver.lookup(resource.properties, ['Tags', '[]'])) {
    if (!candidate.node) continue;
    if (candidate.node.kind !== 'map') return undefined;
    const key = known(mapEntry(candidate.node, 'Key'), context.resolver);
    const value = known(mapEntry(candidate.node, 'Value'), context.resolver);
    if (key === undefined || value === undefined) return undefined;
    tags.set(key, [...(tags.get(key) ?? []), value]);
  }
  return tags;
}

// --- Terraform

function tfSources(resource: TfResource, context: TfRuleContext): PatchSource[] {
  const resolver = context.resolver;
  const value = (node: ValueNode): TargetValue => {
    const reference = node.kind === 'expression' ? referenceParts(node.expression) : undefined;
    if (reference && reference.names[0] === resource.type && reference.names.length >= 2) return reference.names[1] === resource.name ? { kind: 'this' } : { kind: 'other' };
    const text = known(node, resolver);
    return text === undefined ? { kind: 'unknown' } : { kind: 'text', value: text };
  };
  const sources: PatchSource[] = [];
  for (const association of context.resourcesOfType('aws_ssm_association')) {
    const targets: Target[] = resolver.lookup(association.body, ['targets', '[]']).flatMap((candidate) => {
      if (candidate.node?.kind !== 'map') return [];
      const values = mapEntry(candidate.node, 'values');
      return [{ key: known(mapEntry(candidate.node, 'key'), resolver), values: values?.kind === 'seq' ? values.items.map(value) : values ? [value(values)] : [] }];
    });
    const instanceId = mapEntry(association.body, 'instance_id');
    if (instanceId) targets.push({ key: 'InstanceIds', values: [value(instanceId)] });
    sources.push({ name: association.address, document: known(mapEntry(association.body, 'name'), resolver), targets: targets.length > 0 ? targets : undefined });
  }
  for (const task of context.resourcesOfType('aws_ssm_maintenance_window_task')) {
    sources.push({ name: task.address, document: known(mapEntry(task.body, 'task_arn'), resolver), targets: undefined });
  }
  return sources;
}

function tfTags(resource: TfResource, context: TfRuleContext): Tags {
  const tags = new Map<string, string[]>();
  const node = mapEntry(resource.body, 'tags');
  if (!node) return tags;
  const expanded = context.resolver.expand({ node, via: [] });
  if (expanded.length !== 1 || expanded[0].node?.kind !== 'map') return undefined;
  for (const entry of expanded[0].node.entries) {
    const value = known(entry.value, context.resolver);
    if (value === undefined) return undefined;
    tags.set(entry.key, [value]);
  }
  return tags;
}
