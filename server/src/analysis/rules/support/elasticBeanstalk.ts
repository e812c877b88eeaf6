// Elastic Beanstalk settings are option entries {namespace, option name, value}: CloudFormation OptionSettings
// on the environment or on a configuration template it names (TemplateName); Terraform `setting { namespace
// name value }` blocks on aws_elastic_beanstalk_environment or on an aws_elastic_beanstalk_configuration_template
// it names (template_name). Each format reads the entries; the judgement is shared.
import { mapEntry } from '../../cloudformation/template';
import { describeVia, isConditionalStep, quote } from '../../resolution';
import type { ValueResolver } from '../../resolution';
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import { referenceParts } from '../../terraform/hcl';
import type { MapNode, OffsetRange } from '../../types';
import type { RuleOutcome } from './outcome';
import type { SetSettingFix } from './rule';

// Elastic Beanstalk settings are option entries {namespace, option name, value}: CloudFormation OptionSettings
// on the environment or on a configuration template it names (TemplateName); Terraform `setting { namespace
// name value }` blocks on aws_elastic_beanstalk_environment or on an aws_elastic_beanstalk_configuration_template
// it names (template_name). Each format reads the entries; the judgement is shared.

export interface OptionValue {
  readonly value: string | undefined;
  readonly range: OffsetRange;
  readonly text: string;
  /** Certain: no undecided condition or non-default parameter value leads to it. */
  readonly definite: boolean;
  /** Set on a way through the options where this option is not set: the steps of that way (some hold only on one branch). */
  readonly missingVia?: readonly string[];
}


/** How one format writes option entries. */
interface OptionKeys {
  readonly list: string;
  readonly namespace: string;
  readonly name: string;
  readonly value: string;
}


/** An environment as both formats give it: its own options, and the configuration template it names. */
export interface EbEnvironment {
  readonly options: MapNode | undefined;
  /** The named configuration template's body when it is in this template or module. */
  readonly template: MapNode | undefined;
  /** A configuration template is named but is defined elsewhere, so its options cannot be read. */
  readonly templateOutside: boolean;
  readonly anchor: OffsetRange;
  readonly keys: OptionKeys;
  readonly resolver: ValueResolver;
}


const CFN_KEYS: OptionKeys = { list: 'OptionSettings', namespace: 'Namespace', name: 'OptionName', value: 'Value' };
const TF_KEYS: OptionKeys = { list: 'setting', namespace: 'namespace', name: 'name', value: 'value' };


/** CloudFormation: the environment and a configuration template it names with Ref. */
export function cfnEnvironment(resource: CfnResource, context: CfnRuleContext): EbEnvironment {
  const templateName = mapEntry(resource.properties, 'TemplateName');
  let template: MapNode | undefined;
  if (templateName?.kind === 'intrinsic' && templateName.name === 'Ref' && templateName.argument.kind === 'scalar') {
    const target = context.template.resourcesById.get(String(templateName.argument.value));
    if (target?.type === 'AWS::ElasticBeanstalk::ConfigurationTemplate') template = target.properties;
  }
  return { options: resource.properties, template, templateOutside: templateName !== undefined && !template, anchor: resource.idRange, keys: CFN_KEYS, resolver: context.resolver };
}


const TF_TEMPLATE = 'aws_elastic_beanstalk_configuration_template';


/** Terraform: the environment and the aws_elastic_beanstalk_configuration_template its template_name refers to or names. */
export function tfEnvironment(resource: TfResource, context: TfRuleContext): EbEnvironment {
  const templateName = mapEntry(resource.body, 'template_name');
  let template: MapNode | undefined;
  if (templateName) {
    const templates = context.resourcesOfType(TF_TEMPLATE);
    const reference = templateName.kind === 'expression' ? referenceParts(templateName.expression) : undefined;
    if (reference && reference.names[0] === TF_TEMPLATE) {
      template = templates.find((candidate) => candidate.name === reference.names[1])?.body;
    } else {
      const names = context.resolver.scalars(templateName);
      const name = names.length === 1 && names[0].known ? String(names[0].value) : undefined;
      template = name === undefined ? undefined : templates.find((candidate) => {
        const own = mapEntry(candidate.body, 'name');
        return own !== undefined && context.resolver.scalars(own).some((value) => value.known && String(value.value) === name);
      })?.body;
    }
  }
  return { options: resource.body, template, templateOutside: templateName !== undefined && !template, anchor: resource.anchor, keys: TF_KEYS, resolver: context.resolver };
}


/** The option's values in the environment, then in the configuration template it names. */
/**
 * The option's values in the environment, then in the configuration template it names. Ways through the
 * options (branches of an undecided condition) where the option is not set come as entries with `missingVia`,
 * when the option is set on some other way.
 */
export function findOption(environment: EbEnvironment, namespace: string, option: string): OptionValue[] {
  const found = optionIn(environment.options, environment, namespace, option);
  if (found.some((entry) => !entry.missingVia)) {
    // Where the environment leaves the option out on one branch, the configuration template may set it.
    if (!environment.template || !found.some((entry) => entry.missingVia)) return found;
    return [...found.filter((entry) => !entry.missingVia), ...optionIn(environment.template, environment, namespace, option)];
  }
  return environment.template ? optionIn(environment.template, environment, namespace, option) : [];
}


function optionIn(start: MapNode | undefined, environment: EbEnvironment, namespace: string, option: string): OptionValue[] {
  const { keys, resolver } = environment;
  const known = (node: ReturnType<typeof mapEntry>, via: readonly string[]) => {
    const values = node ? resolver.scalars(node, via) : [];
    return values.length === 1 && values[0].known ? String(values[0].value) : undefined;
  };
  const result: OptionValue[] = [];
  const missing: (readonly string[])[] = [];
  for (const list of resolver.lookup(start, [keys.list])) {
    // Set on this way through the options when an entry names it on no further branch than the list's own.
    let set = false;
    for (const candidate of list.node ? resolver.lookup(list.node, ['[]'], list.via) : []) {
      const entry = candidate.node;
      if (entry?.kind !== 'map') continue;
      if (known(mapEntry(entry, keys.namespace), candidate.via)?.toLowerCase() !== namespace || known(mapEntry(entry, keys.name), candidate.via) !== option) continue;
      const valueNode = mapEntry(entry, keys.value);
      if (!valueNode) continue;
      if (conditional(candidate.via) === conditional(list.via)) set = true;
      for (const resolved of resolver.scalars(valueNode, candidate.via)) {
        const value = resolved.known ? String(resolved.value) : undefined;
        const definite = !resolved.via.some(isConditionalStep) && (!resolved.known || resolved.fromParameter === undefined || resolved.fromParameter.isDefault);
        result.push({ value, range: valueNode.range, text: `${option} is ${resolved.known ? quote(resolved.value) : resolved.description}${describeVia(resolved.via)}`, definite });
      }
    }
    if (!set) missing.push(list.via);
  }
  if (result.length === 0) return [];
  return [...result, ...missing.map((via) => ({ value: undefined, range: result[0].range, text: `${option} is not set${describeVia(via)}`, definite: !via.some(isConditionalStep), missingVia: via }))];
}


/**
 * Why the option entries cannot all be read (the list or an entry given as a Ref or an expression, a
 * namespace or name that is not a known text), or undefined when every entry was read.
 */
export function unreadableOptions(environment: EbEnvironment): string | undefined {
  const { keys, resolver } = environment;
  for (const start of [environment.options, environment.template]) {
    for (const list of resolver.lookup(start, [keys.list])) {
      if (!list.node) continue;
      // Terraform gives one block as a mapping, repeated blocks as a list.
      if (list.node.kind !== 'seq' && list.node.kind !== 'map') return `${keys.list} cannot be read as a list of options${describeVia(list.via)}`;
    }
    for (const candidate of resolver.lookup(start, [keys.list, '[]'])) {
      const entry = candidate.node;
      if (!entry) continue;
      if (entry.kind !== 'map') return `an entry of ${keys.list} cannot be read${describeVia(candidate.via)}`;
      for (const key of [keys.namespace, keys.name]) {
        const node = mapEntry(entry, key);
        const values = node ? resolver.scalars(node, candidate.via) : [];
        if (values.some((value) => !value.known)) return `an entry of ${keys.list} has a ${key} that cannot be read${describeVia(candidate.via)}`;
      }
    }
  }
  return undefined;
}


/** Judges one option: every known value must be compliant; absent is the gap unless a template defined elsewhere may set it. */
export function judgeOption(environment: EbEnvironment, all: readonly OptionValue[], isCompliant: (value: string) => boolean, consequence: string, whenMissing: string): RuleOutcome[] {
  const values = all.filter((option) => !option.missingVia);
  if (values.length === 0) {
    if (environment.templateOutside) {
      return [{ kind: 'not-applicable', detail: 'Options may come from a configuration template defined outside this file.' }];
    }
    const unreadable = unreadableOptions(environment);
    if (unreadable) return [{ kind: 'unknown', reason: unreadable }];
    return [{ kind: 'finding', message: whenMissing, range: environment.anchor }];
  }
  const bads = values.filter((option) => option.value !== undefined && !isCompliant(option.value));
  const bad = bads.find((option) => option.definite) ?? bads[0];
  if (bad?.definite) return [{ kind: 'finding', message: `${bad.text}: ${consequence}`, range: bad.range }];
  if (bad) return [{ kind: 'depends', message: `Depends on the deployment: ${bad.text}: ${consequence}`, range: bad.range }];
  // Left out on one branch of an undecided condition only (a configuration template defined elsewhere may set it).
  const gap = environment.templateOutside ? undefined : all.find((option) => option.missingVia);
  if (gap?.missingVia && whenMissing) {
    const message = whenMissing.replace(/ is not set: /, ` is not set${describeVia(gap.missingVia)}: `);
    return [gap.definite ? { kind: 'finding', message, range: environment.anchor } : { kind: 'depends', message: `Depends on the deployment: ${message}`, range: environment.anchor }];
  }
  // A value we cannot read decides nothing.
  const unknown = values.find((option) => option.value === undefined);
  if (unknown) return [{ kind: 'unknown', reason: unknown.text }];
  return [{ kind: 'addressed', detail: values[0].text, range: values[0].range }];
}

const conditional = (via: readonly string[]) => via.filter(isConditionalStep).length;


/**
 * A fix that sets Elastic Beanstalk options in the environment (an option there overrides its configuration
 * template's): CloudFormation OptionSettings entries { Namespace, OptionName, Value } and Terraform `setting`
 * blocks { namespace, name, value }, an entry of the same namespace and name given the value, others appended.
 */
export function ebOptionFix(title: string, options: readonly { readonly namespace: string; readonly name: string; readonly value: string }[]): SetSettingFix {
  return {
    title,
    path: [],
    value: '',
    safety: 'safe',
    operations: [{ op: 'append', list: [CFN_KEYS.list], items: options.map((option) => ({ [CFN_KEYS.namespace]: option.namespace, [CFN_KEYS.name]: option.name, [CFN_KEYS.value]: option.value })), match: [CFN_KEYS.namespace, CFN_KEYS.name] }],
    terraform: {
      title,
      path: [],
      value: '',
      operations: [{ op: 'append', list: [TF_KEYS.list], items: options.map((option) => ({ [TF_KEYS.namespace]: option.namespace, [TF_KEYS.name]: option.name, [TF_KEYS.value]: option.value })), match: [TF_KEYS.namespace, TF_KEYS.name] }],
    },
  };
}

/** Outcomes with the fix named on their gaps. */
export function withFixId(outcomes: RuleOutcome[], fixId: string): RuleOutcome[] {
  return outcomes.map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends' ? { ...outcome, fixId } : outcome));
}
