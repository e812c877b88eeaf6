// Where an EC2 launch lands and what the account does there: the subnet an instance, launch template or launch
// configuration puts instances in (and its MapPublicIpOnLaunch), and Terraform's account-level EBS encryption by
// default (aws_ebs_encryption_by_default) in the same module. Shared by the ec2/lt/lc public IP rules and the
// EBS encryption rules.
import type { CfnResource } from '../../cloudformation/template';
import { mapEntry } from '../../cloudformation/template';
import { mentions, refersTo } from '../../cloudformation/references';
import type { CfnRuleContext } from '../../cloudformation/context';
import { compatible, describeVia, isConditionalStep } from '../../resolution';
import type { Candidate, ValueResolver } from '../../resolution';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import type { MapNode, OffsetRange, ValueNode } from '../../types';
import { referenceParts } from '../../terraform/hcl';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';
import { pointsAt, withTerraformCheck, writtenAt } from './terraformSupport';
import { isTrue } from './setting';

// ---------------------------------------------------------------------------------------------------------------
// Public IPv4 addresses from the subnet.
//
// With AssociatePublicIpAddress not given, the instance follows its subnet's MapPublicIpOnLaunch: a default subnet
// assigns public IPv4 addresses, a nondefault one does not unless the attribute is on (CreateLaunchConfiguration
// AssociatePublicIpAddress; RunInstances InstanceNetworkInterfaceSpecification.AssociatePublicIpAddress "If
// launching into a default subnet, the default value is true"). Without any subnet the instance lands in the
// default VPC's default subnet.

/** Where a launch's subnet comes from: a written subnet value, or nothing (the default subnet). */
interface SubnetSource {
  /** The subnet value (a single subnet, or a list of subnets), or undefined when none is given. */
  readonly candidate: Candidate;
  /** What holds it, for messages ("SubnetId", "AutoScalingGroup Asg VPCZoneIdentifier"). */
  readonly where: string;
}

/** One way the launch turns out: a public address (certain or on some branch), none, or cannot be known. */
type Verdict =
  | { readonly kind: 'public'; readonly definite: boolean; readonly why: string }
  | { readonly kind: 'private'; readonly why: string }
  | { readonly kind: 'unknown'; readonly why: string };

interface Words {
  readonly subnetType: string;
  readonly mapAttribute: string;
  readonly associate: string;
}

const CFN_WORDS: Words = { subnetType: 'AWS::EC2::Subnet', mapAttribute: 'MapPublicIpOnLaunch', associate: 'AssociatePublicIpAddress' };
const TF_WORDS: Words = { subnetType: 'aws_subnet', mapAttribute: 'map_public_ip_on_launch', associate: 'associate_public_ip_address' };

/** A subnet resource of the template/module and how to read its MapPublicIpOnLaunch. */
interface SubnetResource {
  readonly name: string;
  readonly body: MapNode | undefined;
  /** True when `node` (a written subnet value) points at it. */
  readonly matches: (node: ValueNode) => boolean;
}

function judgeSubnets(sources: readonly SubnetSource[], subnets: readonly SubnetResource[], resolver: ValueResolver & { expand(candidate: Candidate): Candidate[] }, words: Words): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const source of sources) {
    const branch = source.candidate.via.some(isConditionalStep);
    const node = source.candidate.node;
    if (!node || (node.kind === 'seq' && node.items.length === 0)) {
      verdicts.push({ kind: 'public', definite: false, why: `no subnet is given${describeVia(source.candidate.via)}, so instances land in a default subnet, which assigns public IPv4 addresses unless its setting was changed` });
      continue;
    }
    const items = node.kind === 'seq' ? node.items.flatMap((item) => resolver.expand({ node: item, via: source.candidate.via })) : [source.candidate];
    for (const item of items) {
      const subnet = item.node ? subnets.find((candidate) => candidate.matches(item.node as ValueNode)) : undefined;
      if (!subnet) {
        verdicts.push({ kind: 'unknown', why: `the subnet in ${source.where} is not an ${words.subnetType} of this ${words === CFN_WORDS ? 'template' : 'module'}, so its ${words.mapAttribute} cannot be read` });
        continue;
      }
      const found = resolver.lookup(subnet.body, [words.mapAttribute], item.via);
      for (const candidate of found) {
        if (!candidate.node) {
          verdicts.push({ kind: 'private', why: `${subnet.name} leaves ${words.mapAttribute} unset (false)` });
          continue;
        }
        for (const value of resolver.scalars(candidate.node, candidate.via)) {
          if (!value.known) verdicts.push({ kind: 'unknown', why: `${subnet.name} ${words.mapAttribute} is ${value.description}${describeVia(value.via)}` });
          else if (isTrue(value.value)) {
            const definite = !branch && !value.via.some(isConditionalStep) && (value.fromParameter === undefined || value.fromParameter.isDefault);
            verdicts.push({ kind: 'public', definite, why: `${subnet.name} (${source.where}) sets ${words.mapAttribute} to true${definite ? '' : describeVia(value.via)}` });
          } else verdicts.push({ kind: 'private', why: `${subnet.name} sets ${words.mapAttribute} to false` });
        }
      }
    }
  }
  return verdicts;
}

/** The outcome of the verdicts of every way the launch may go. */
function outcomeOf(verdicts: readonly Verdict[], words: Words, consequence: string, range: OffsetRange): RuleOutcome[] {
  const publicOnes = verdicts.filter((verdict): verdict is Extract<Verdict, { kind: 'public' }> => verdict.kind === 'public');
  const definite = publicOnes.find((verdict) => verdict.definite);
  if (definite) return [{ kind: 'finding', message: `${words.associate} is not set and ${definite.why}: ${consequence}`, range }];
  if (publicOnes.length > 0) return [{ kind: 'depends', message: `Depends on the deployment: ${words.associate} is not set and ${publicOnes[0].why}: ${consequence}`, range }];
  const unknown = verdicts.find((verdict) => verdict.kind === 'unknown');
  if (unknown) return [{ kind: 'unknown', reason: `${words.associate} is not set and ${unknown.why}` }];
  const reasons = [...new Set(verdicts.map((verdict) => verdict.why))];
  return [{ kind: 'addressed', detail: `${words.associate} is not set and ${reasons.join('; ')}: no public IPv4 address.` }];
}

/** The provenance of a way through which the property is absent (possibly on one branch only), or undefined when it is always set. */
function absentWay(resolver: ValueResolver, start: MapNode | undefined, key: string): readonly string[] | undefined {
  return resolver.lookup(start, [key]).find((candidate) => candidate.node === undefined)?.via;
}

/** Sources reached only where the property is absent: that way's provenance first. */
function within(via: readonly string[], sources: SubnetSource[] | 'unused' | undefined): SubnetSource[] | 'unused' | undefined {
  // Only a condition's branch matters: a variable whose value is null leaves the argument unset, as omitting it does.
  if (!Array.isArray(sources) || !via.some(isConditionalStep)) return sources;
  return sources.map((source) => ({ ...source, candidate: { node: source.candidate.node, via: [...via, ...source.candidate.via] } }));
}

/** What kind of launch the rule judges. */
export type LaunchKind = 'instance' | 'launch-template' | 'launch-configuration';

/** Both formats: a gap or an unreadable value of the property itself decides; else the subnet may. */
function decidedByProperty(outcomes: RuleOutcome[]): boolean {
  return outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends' || outcome.kind === 'unknown');
}

/** Elements of a network interface list that take the subnet's default: primary (device index 0 or none), new, no explicit value. */
function followingInterfaces(resolver: ValueResolver, start: MapNode | undefined, path: readonly string[], keys: { associate: string; device: string; existing: string }, via: readonly string[] = []): Candidate[] {
  return resolver.lookup(start, [...path, '[]'], via).flatMap((candidate): Candidate[] => {
    if (candidate.node?.kind !== 'map') return [];
    const device = mapEntry(candidate.node, keys.device);
    if (device?.kind === 'scalar' && String(device.value) !== '0') return [];
    if (mapEntry(candidate.node, keys.existing)) return [];
    // The ways the element leaves the address unset (not written, AWS::NoValue, Terraform null), each with its provenance.
    return resolver.lookup(candidate.node, [keys.associate], candidate.via)
      .filter((way) => way.node === undefined)
      .map((way) => ({ node: candidate.node, via: way.via }));
  });
}

/**
 * The ec2/lt/lc public IP rule with the subnet followed: when AssociatePublicIpAddress is not given, the instances
 * follow the subnet they land in (an instance's SubnetId, a template interface's SubnetId, or the subnets of the
 * Auto Scaling groups of the same template/module that use the template or configuration).
 */
export function withSubnetPublicIp(rule: Rule, kind: LaunchKind, consequence: { cloudformation: string; terraform: string }): Rule {
  const cfn = rule.cloudformation;
  const tf = rule.terraform;
  return {
    ...rule,
    ...(cfn ? {
      cloudformation: {
        check(resource, context) {
          const outcomes = cfn.check(resource, context);
          if (decidedByProperty(outcomes)) return outcomes;
          const absent = kind === 'launch-configuration' ? absentWay(context.resolver, resource.properties, 'AssociatePublicIpAddress') : [];
          if (absent === undefined) return outcomes;
          const sources = within(absent, cfnSources(resource, context, kind));
          if (sources === undefined || sources.length === 0) return outcomes;
          if (sources === 'unused') return [{ kind: 'unknown', reason: `AssociatePublicIpAddress is not set and no AWS::AutoScaling::AutoScalingGroup of this template uses ${resource.id}: its instances follow the MapPublicIpOnLaunch of whatever subnet they are launched in` }];
          const subnets: SubnetResource[] = context.resourcesOfType('AWS::EC2::Subnet').map((subnet) => ({ name: subnet.id, body: subnet.properties, matches: (node) => refersTo(node, subnet.id) }));
          return outcomeOf(judgeSubnets(sources, subnets, context.resolver as ValueResolver & { expand(candidate: Candidate): Candidate[] }, CFN_WORDS), CFN_WORDS, consequence.cloudformation, resource.idRange);
        },
      },
    } : {}),
    ...(tf ? { terraform: { check(resource: TfResource, context: TfRuleContext): RuleOutcome[] {
      const outcomes = tf.check(resource, context);
      if (decidedByProperty(outcomes)) return outcomes;
      const absent = kind !== 'launch-template' ? absentWay(context.resolver, resource.body, 'associate_public_ip_address') : [];
      if (absent === undefined) return outcomes;
      const sources = within(absent, tfSources(resource, context, kind));
      if (sources === undefined || sources.length === 0) return outcomes;
      if (sources === 'unused') return [{ kind: 'unknown', reason: `associate_public_ip_address is not set and no aws_autoscaling_group of this module uses ${resource.address}: its instances follow the map_public_ip_on_launch of whatever subnet they are launched in` }];
      const subnets: SubnetResource[] = context.resourcesOfType('aws_subnet').map((subnet) => ({ name: subnet.address, body: subnet.body, matches: (node) => pointsAt(node, subnet) }));
      return outcomeOf(judgeSubnets(sources, subnets, context.resolver, TF_WORDS), TF_WORDS, consequence.terraform, resource.anchor);
    } } } : {}),
  };
}

/** CloudFormation: the subnet sources of the launch; undefined when nothing follows a subnet; 'unused' when the subnet is chosen outside the template. */
function cfnSources(resource: CfnResource, context: CfnRuleContext, kind: LaunchKind): SubnetSource[] | 'unused' | undefined {
  const resolver = context.resolver;
  const keys = { associate: 'AssociatePublicIpAddress', device: 'DeviceIndex', existing: 'NetworkInterfaceId' };
  if (kind === 'instance') {
    // Per way through NetworkInterfaces (it may be there on one branch of a condition only): without it, SubnetId.
    return resolver.lookup(resource.properties, ['NetworkInterfaces']).flatMap((list): SubnetSource[] => {
      if (!list.node) {
        return resolver.lookup(resource.properties, ['SubnetId'])
          .filter((candidate) => compatible(candidate.via, list.via))
          .map((candidate) => ({ candidate: { node: candidate.node, via: [...list.via, ...candidate.via] }, where: 'SubnetId' }));
      }
      return followingInterfaces(resolver, { kind: 'map', range: list.node.range, entries: [{ key: 'NetworkInterfaces', keyRange: list.node.range, value: list.node }] } as MapNode, ['NetworkInterfaces'], keys, list.via)
        .flatMap((element) => resolver.lookup(element.node, ['SubnetId'], element.via).map((candidate) => ({ candidate, where: 'NetworkInterfaces SubnetId' })));
    });
  }
  const sources: SubnetSource[] = [];
  let groupsNeeded = true;
  if (kind === 'launch-template') {
    const data = ['LaunchTemplateData'];
    const interfaces = resolver.lookup(resource.properties, [...data, 'NetworkInterfaces']).some((candidate) => candidate.node);
    if (interfaces) {
      groupsNeeded = false;
      for (const element of followingInterfaces(resolver, resource.properties, [...data, 'NetworkInterfaces'], keys)) {
        for (const candidate of resolver.lookup(element.node, ['SubnetId'], element.via)) {
          if (candidate.node) sources.push({ candidate, where: 'NetworkInterfaces SubnetId' });
          else groupsNeeded = true;
        }
      }
      if (!groupsNeeded) return sources.length > 0 ? sources : undefined;
    }
  }
  const property = kind === 'launch-template' ? ['LaunchTemplate', 'MixedInstancesPolicy'] : ['LaunchConfigurationName'];
  const groups = context.resourcesOfType('AWS::AutoScaling::AutoScalingGroup')
    .filter((group) => property.some((key) => mentions(mapEntry(group.properties, key), resource.id)));
  if (groups.length === 0) return sources.length > 0 ? sources : 'unused';
  for (const group of groups) {
    for (const candidate of resolver.lookup(group.properties, ['VPCZoneIdentifier'])) sources.push({ candidate, where: `${group.id} VPCZoneIdentifier` });
  }
  return sources;
}

/** Terraform: as cfnSources. */
function tfSources(resource: TfResource, context: TfRuleContext, kind: LaunchKind): SubnetSource[] | 'unused' | undefined {
  const resolver = context.resolver;
  if (kind === 'instance') {
    // An attached aws_network_interface: an existing interface gets no public address at launch.
    if (mapEntry(resource.body, 'network_interface') || mapEntry(resource.body, 'primary_network_interface')) return undefined;
    return resolver.lookup(resource.body, ['subnet_id']).map((candidate) => ({ candidate, where: 'subnet_id' }));
  }
  const sources: SubnetSource[] = [];
  if (kind === 'launch-template' && resolver.lookup(resource.body, ['network_interfaces']).some((candidate) => candidate.node)) {
    let groupsNeeded = false;
    for (const element of followingInterfaces(resolver, resource.body, ['network_interfaces'], { associate: 'associate_public_ip_address', device: 'device_index', existing: 'network_interface_id' })) {
      for (const candidate of resolver.lookup(element.node, ['subnet_id'], element.via)) {
        if (candidate.node) sources.push({ candidate, where: 'network_interfaces subnet_id' });
        else groupsNeeded = true;
      }
    }
    if (!groupsNeeded) return sources.length > 0 ? sources : undefined;
  }
  const groups = context.resourcesOfType('aws_autoscaling_group').filter((group) => (kind === 'launch-template'
    ? [...writtenAt(group.body, ['launch_template']), ...writtenAt(group.body, ['mixed_instances_policy', 'launch_template', 'launch_template_specification'])]
      .some((block) => block.kind === 'map' && block.entries.some((entry) => (entry.key === 'id' || entry.key === 'name') && pointsAt(entry.value, resource)))
    : writtenAt(group.body, ['launch_configuration']).some((node) => pointsAt(node, resource))));
  if (groups.length === 0) return sources.length > 0 ? sources : 'unused';
  for (const group of groups) {
    for (const candidate of resolver.lookup(group.body, ['vpc_zone_identifier'])) sources.push({ candidate, where: `${group.address} vpc_zone_identifier` });
  }
  return sources;
}

// ---------------------------------------------------------------------------------------------------------------
// Terraform: EBS encryption by default (aws_ebs_encryption_by_default, enabled defaults to true; per account and
// Region: "After you enable encryption by default, the EBS volumes that you create are always encrypted",
// EnableEbsEncryptionByDefault). CloudFormation has no resource type for it.

/** The account default in the module for this resource: on, on only maybe (another provider or Region, a branch), or unknown. */
type DefaultEncryption =
  | { readonly kind: 'on'; readonly address: string }
  | { readonly kind: 'maybe'; readonly why: string }
  | { readonly kind: 'unknown'; readonly why: string }
  | { readonly kind: 'none' };

/** The provider configuration a resource uses (`aws` for the default one). */
function providerOf(resource: TfResource): string {
  return resource.provider ?? 'aws';
}

function defaultEncryption(resource: TfResource, context: TfRuleContext): DefaultEncryption {
  let maybe: string | undefined;
  let unknown: string | undefined;
  for (const setting of context.resourcesOfType('aws_ebs_encryption_by_default')) {
    const sameProvider = providerOf(setting) === providerOf(resource);
    const region = writtenAt(setting.body, ['region']).length > 0 || writtenAt(resource.body, ['region']).length > 0;
    for (const candidate of context.resolver.lookup(setting.body, ['enabled'])) {
      const values = candidate.node ? context.resolver.scalars(candidate.node, candidate.via) : [{ known: true as const, value: true, via: candidate.via }];
      for (const value of values) {
        if (!value.known) {
          unknown ??= `${setting.address} enabled is ${value.description}${describeVia(value.via)}`;
          continue;
        }
        if (!isTrue(value.value)) continue;
        const branch = value.via.some(isConditionalStep) || ('fromParameter' in value && value.fromParameter !== undefined && !value.fromParameter.isDefault);
        if (sameProvider && !region && !branch && !setting.count && !setting.forEach) return { kind: 'on', address: setting.address };
        maybe ??= `${setting.address} turns on EBS encryption by default${describeVia(value.via)}${sameProvider && !region ? '' : ', if it manages the Region this resource is in'}`;
      }
    }
  }
  if (maybe) return { kind: 'maybe', why: maybe };
  if (unknown) return { kind: 'unknown', why: unknown };
  return { kind: 'none' };
}

/**
 * The EBS encryption rule with the module's aws_ebs_encryption_by_default considered: with the account default
 * on in the same provider and Region, every new volume is encrypted (addressed); when the default may manage
 * another Region (another provider, a region argument) or holds on one branch, a finding only depends.
 */
export function withEbsDefaultEncryption(rule: Rule): Rule {
  const tf = rule.terraform;
  if (!tf) return rule;
  return withTerraformCheck(rule, (resource, context) => {
    const outcomes = tf.check(resource, context);
    if (!outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends')) return outcomes;
    const state = defaultEncryption(resource, context);
    if (state.kind === 'none') return outcomes;
    if (state.kind === 'on') return [{ kind: 'addressed', detail: `${state.address} turns on EBS encryption by default for this account and Region: new volumes are always encrypted.` }];
    if (state.kind === 'unknown') return [{ kind: 'unknown', reason: `EBS encryption by default decides it and ${state.why}` }];
    return outcomes.map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends'
      ? { kind: 'depends', message: `Depends on the deployment: ${outcome.message.replace(/^Depends on the deployment: /, '')} (${state.why})`, range: outcome.range }
      : outcome));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// An instance launched from a launch template of the same template/module.
//
// RunInstances takes the template's launch parameters for what the request does not set itself (RunInstances
// LaunchTemplate: "Any additional parameters that you specify for the new instance override the corresponding
// parameters included in the launch template"). So when the instance leaves a setting to the template and the
// template writes it, the template's verdict is the instance's. Which version the instance uses matters: the
// written template is its latest version ($Latest, LatestVersionNumber / latest_version); the default version
// ($Default, DefaultVersionNumber / default_version, or none in Terraform) stays the first one unless it is moved
// (aws_launch_template update_default_version), so a verdict through it only depends.

/** Where the instance and the template write the setting, per format. */
export interface LaunchTemplatePaths {
  readonly cloudformation: { readonly instance: readonly (readonly string[])[]; readonly template: readonly (readonly string[])[] };
  readonly terraform: { readonly instance: readonly (readonly string[])[]; readonly template: readonly (readonly string[])[] };
}

function writes(resolver: ValueResolver, start: MapNode | undefined, paths: readonly (readonly string[])[]): boolean {
  return paths.some((path) => resolver.lookup(start, path).some((candidate) => candidate.node !== undefined));
}

/** The instance's outcomes when the template decides: on the instance, in the template's words. */
function fromTemplate(outcomes: readonly RuleOutcome[], name: string, version: string | undefined, range: OffsetRange): RuleOutcome[] {
  const via = `the instance leaves it to launch template ${name}`;
  const older = version ? `; the instance uses ${version}, which is the version written here only while no later version exists or it is made the default` : '';
  return outcomes.map((outcome): RuleOutcome => {
    switch (outcome.kind) {
      case 'addressed':
        return version
          ? { kind: 'depends', message: `Depends on the deployment: ${via}, whose written version is compliant (${outcome.detail.replace(/\.$/, '')})${older}.`, range }
          : { kind: 'addressed', detail: `${via}: ${outcome.detail}`, ...(outcome.evidence ? { evidence: outcome.evidence } : {}) };
      case 'aws-default':
        return version
          ? { kind: 'depends', message: `Depends on the deployment: ${via} (${outcome.detail.replace(/\.$/, '')})${older}.`, range }
          : { kind: 'aws-default', detail: `${via}: ${outcome.detail}` };
      case 'finding':
        return version
          ? { kind: 'depends', message: `Depends on the deployment: ${via}: ${outcome.message.replace(/\.$/, '')}${older}.`, range }
          : { kind: 'finding', message: `${via}: ${outcome.message}`, range, ...(outcome.severity ? { severity: outcome.severity } : {}) };
      case 'depends':
        return { kind: 'depends', message: `Depends on the deployment: ${via}: ${outcome.message.replace(/^Depends on the deployment: /, '')}`, range };
      case 'unknown':
        return { ...outcome, reason: `${via}, and ${outcome.reason}` };
      default:
        return outcome;
    }
  });
}

/** Both formats: the latest version (undefined), or how the instance names an older-or-default one. */
function cfnVersion(node: ValueNode | undefined): string | undefined {
  if (node?.kind === 'scalar' && String(node.value) === '$Latest') return undefined;
  if (node?.kind === 'intrinsic' && node.name === 'Fn::GetAtt') {
    const argument = node.argument;
    const attribute = argument.kind === 'seq' ? argument.items[1] : argument.kind === 'scalar' ? { kind: 'scalar', value: String(argument.value).split('.').slice(1).join('.') } : undefined;
    if (attribute?.kind === 'scalar' && attribute.value === 'LatestVersionNumber') return undefined;
    if (attribute?.kind === 'scalar') return `its ${String(attribute.value)}`;
  }
  if (node?.kind === 'scalar') return `version ${String(node.value)}`;
  return node ? 'the Version given' : 'the default version';
}

/** `aws_launch_template.x.<attribute>` of the template: the attribute's name. */
function attributeOf(node: ValueNode, template: TfResource): string | undefined {
  if (node.kind !== 'expression') return undefined;
  const parts = referenceParts(node.expression);
  return parts && parts.names[0] === template.type && parts.names[1] === template.name ? parts.names[2] : undefined;
}

function tfVersion(node: ValueNode | undefined, template: TfResource, resolver: ValueResolver): string | undefined {
  if (node?.kind === 'scalar' && String(node.value) === '$Latest') return undefined;
  if (node?.kind === 'expression' && attributeOf(node, template) === 'latest_version') return undefined;
  const movesDefault = resolver.lookup(template.body, ['update_default_version']).every((candidate) => candidate.node !== undefined
    && resolver.scalars(candidate.node, candidate.via).every((value) => value.known && isTrue(value.value)));
  const isDefault = !node || (node.kind === 'scalar' && String(node.value) === '$Default') || (node.kind === 'expression' && attributeOf(node, template) === 'default_version');
  if (isDefault && movesDefault) return undefined;
  if (isDefault) return 'the default version';
  return node.kind === 'scalar' ? `version ${String(node.value)}` : 'the version given';
}

/**
 * The instance rule with its launch template followed: when the instance does not write the setting and a launch
 * template of the same template/module does, the template rule's verdict (on the template) is the instance's.
 */
export function withLaunchTemplate(rule: Rule, templateRule: Rule, paths: LaunchTemplatePaths): Rule {
  const cfn = rule.cloudformation;
  const tf = rule.terraform;
  return {
    ...rule,
    ...(cfn ? {
      cloudformation: {
        check(resource, context) {
          const outcomes = cfn.check(resource, context);
          const spec = mapEntry(resource.properties, 'LaunchTemplate');
          if (spec?.kind !== 'map' || writes(context.resolver, resource.properties, paths.cloudformation.instance)) return outcomes;
          const reference = mapEntry(spec, 'LaunchTemplateId') ?? mapEntry(spec, 'LaunchTemplateName');
          const template = context.resourcesOfType('AWS::EC2::LaunchTemplate').find((candidate) => refersTo(reference, candidate.id));
          if (!template || !templateRule.cloudformation || !writes(context.resolver, template.properties, paths.cloudformation.template)) return outcomes;
          return fromTemplate(templateRule.cloudformation.check(template, context), template.id, cfnVersion(mapEntry(spec, 'Version')), resource.idRange);
        },
      },
    } : {}),
    ...(tf ? {
      terraform: {
        check(resource: TfResource, context: TfRuleContext): RuleOutcome[] {
          const outcomes = tf.check(resource, context);
          const spec = mapEntry(resource.body, 'launch_template');
          if (spec?.kind !== 'map' || writes(context.resolver, resource.body, paths.terraform.instance)) return outcomes;
          const reference = mapEntry(spec, 'id') ?? mapEntry(spec, 'name');
          const template = context.resourcesOfType('aws_launch_template').find((candidate) => pointsAt(reference, candidate));
          if (!template || !templateRule.terraform || !writes(context.resolver, template.body, paths.terraform.template)) return outcomes;
          return fromTemplate(templateRule.terraform.check(template, context), template.address, tfVersion(mapEntry(spec, 'version'), template, context.resolver), resource.anchor);
        },
      },
    } : {}),
  };
}
