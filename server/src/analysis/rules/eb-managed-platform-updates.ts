// Elastic Beanstalk settings live in OptionSettings as {Namespace, OptionName, Value} entries, on the
// environment or on a configuration template it names (TemplateName).
import type { CfnResource, CfnRuleContext } from '../cloudformation/model';
import { mapEntry } from '../cloudformation/model';
import { describeVia, quote } from '../cloudformation/resolve';
import type { MapNode, OffsetRange } from '../types';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';
import { settingRule } from './settingRule';

export interface OptionValue {
  readonly value: string | undefined;
  readonly range: OffsetRange;
  readonly text: string;
}

/** The option's values in the environment, then in a configuration template of this template it names. */
export function findOption(resource: CfnResource, context: CfnRuleContext, namespace: string, option: string): OptionValue[] {
  const found = optionIn(resource.properties, context, namespace, option);
  if (found.length > 0) return found;
  const templateName = mapEntry(resource.properties, 'TemplateName');
  if (templateName?.kind === 'intrinsic' && templateName.name === 'Ref' && templateName.argument.kind === 'scalar') {
    const target = context.template.resourcesById.get(String(templateName.argument.value));
    if (target?.type === 'AWS::ElasticBeanstalk::ConfigurationTemplate') return optionIn(target.properties, context, namespace, option);
  }
  return [];
}

function optionIn(properties: MapNode | undefined, context: CfnRuleContext, namespace: string, option: string): OptionValue[] {
  const result: OptionValue[] = [];
  for (const candidate of context.resolver.lookup(properties, ['OptionSettings', '[]'])) {
    const entry = candidate.node;
    if (entry?.kind !== 'map') continue;
    const ns = mapEntry(entry, 'Namespace');
    const name = mapEntry(entry, 'OptionName');
    if (ns?.kind !== 'scalar' || name?.kind !== 'scalar') continue;
    if (String(ns.value).toLowerCase() !== namespace || String(name.value) !== option) continue;
    const valueNode = mapEntry(entry, 'Value');
    if (!valueNode) continue;
    for (const resolved of context.resolver.scalars(valueNode, candidate.via)) {
      const value = resolved.known ? String(resolved.value) : undefined;
      result.push({ value, range: valueNode.range, text: `${option} is ${resolved.known ? quote(resolved.value) : resolved.description}${describeVia(resolved.via)}` });
    }
  }
  return result;
}

/** Judges one option: every known value must be compliant; absent is the gap. */
export function judgeOption(resource: CfnResource, values: readonly OptionValue[], isCompliant: (value: string) => boolean, consequence: string, whenMissing: string): RuleOutcome[] {
  if (values.length === 0) {
    if (mapEntry(resource.properties, 'TemplateName') && !mapEntry(resource.properties, 'OptionSettings')) {
      return [{ kind: 'not-applicable', detail: 'Options come from a configuration template outside this template.' }];
    }
    return [{ kind: 'finding', message: whenMissing, range: resource.idRange }];
  }
  const bad = values.find((option) => option.value !== undefined && !isCompliant(option.value));
  if (bad) return [{ kind: 'finding', message: `${bad.text}: ${consequence}`, range: bad.range }];
  return [{ kind: 'addressed', detail: values[0].text, range: values[0].range }];
}

const base = settingRule({ setting: 'eb-managed-platform-updates', cloudformation: { compliant: { present: true }, consequence: '' } });

export const ebManagedPlatformUpdates: Rule = {
  // No Terraform reading yet, so no Terraform types: setting { namespace name value } blocks need their own option lookup (judgeOption reads OptionSettings); not written yet.
  meta: { ...base.meta, resourceTypes: { ...base.meta.resourceTypes, terraform: [] } },
  cloudformation: {
    check(resource, context) {
      const enabled = findOption(resource, context, 'aws:elasticbeanstalk:managedactions', 'ManagedActionsEnabled');
      const outcomes = judgeOption(resource, enabled, (value) => value.toLowerCase() === 'true',
        'the platform (OS, runtime, web server) is not patched automatically in a maintenance window.',
        'aws:elasticbeanstalk:managedactions ManagedActionsEnabled is not set: the platform (OS, runtime, web server) is not patched automatically; turn on managed actions with an UpdateLevel of minor or patch.');
      if (outcomes.some((outcome) => outcome.kind !== 'addressed')) return outcomes;
      const level = findOption(resource, context, 'aws:elasticbeanstalk:managedactions:platformupdate', 'UpdateLevel');
      if (level.length === 0) {
        return [{ kind: 'finding', message: 'aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel is not set: managed actions are on, but without an UpdateLevel no platform update is applied.', range: resource.idRange }];
      }
      return judgeOption(resource, level, (value) => ['minor', 'patch'].includes(value.toLowerCase()),
        'no platform update is applied.', '');
    },
  },
};
