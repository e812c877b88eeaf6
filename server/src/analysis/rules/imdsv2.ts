// IMDSv2 on instances, launch templates and launch configurations, one judgement for the three (and both
// formats), so the same duty has the same words and severity everywhere:
// - HttpTokens 'optional' is a certain gap (warning).
// - HttpEndpoint 'disabled' turns the metadata service off: nothing to steal through it (addressed).
// - HttpTokens absent: the launch then takes the AMI's ImdsSupport and the account's Regional IMDS defaults
//   (EC2 API InstanceMetadataOptionsRequest, "Default"). Amazon Linux 2023 AMIs are registered with
//   ImdsSupport v2.0 (AL2023 User Guide, "IMDSv2"), so an AL2023 AMI from AWS's public SSM parameter requires
//   IMDSv2 by default; any other AMI depends on things outside the file: information, never a warning.
import { mapEntry } from '../cloudformation/template';
import type { CfnResource } from '../cloudformation/template';
import type { CfnRuleContext } from '../cloudformation/context';
import type { ValueResolver } from '../resolution';
import { describeVia, isConditionalStep, quote } from '../resolution';
import type { TfResource, TfRuleContext } from '../terraform/context';
import type { HclExpression } from '../terraform/hcl';
import { referenceParts } from '../terraform/hcl';
import type { MapNode, OffsetRange, ValueNode } from '../types';
import { judgeSetting, settingRule, withLaunchTemplate } from './support';
import type { RuleOutcome, Rule } from './support';

const CONSEQUENCE = 'instances accept IMDSv1 requests, so an SSRF flaw in any application on them can read the instance metadata, including the credentials of the instance role if there is one.';
const SSRF = 'so an SSRF flaw in any application on them can read the instance metadata, including the credentials of the instance role if there is one';
/** AWS's public parameters for Amazon Linux 2023 AMIs (ImdsSupport v2.0), as a path or a resolve reference. */
const AL2023_PARAMETER = /\/aws\/service\/ami-amazon-linux-latest\/al2023-ami-/;
/** Amazon's own AMI owner ids (`owners = ["amazon"]` is the alias). */
const AMAZON_OWNERS = new Set(['amazon', '137112412989']);

interface Spelling {
  readonly tokens: readonly string[];
  readonly endpoint: readonly string[];
  readonly image: readonly string[];
  /** How to write "HttpTokens required" in this format. */
  readonly setRequired: string;
  readonly endpointName: string;
}

interface ImdsShape {
  readonly setting: 'ec2-imdsv2' | 'lt-imdsv2' | 'lc-imdsv2';
  readonly cloudformation: Spelling;
  readonly terraform: Spelling;
}

/** What the AMI tells about IMDS: an AL2023 AMI (and how we know), or nothing. */
type AmiReading = { readonly al2023: true; readonly text: string } | { readonly al2023: false };

function imdsRule(shape: ImdsShape): Rule {
  const cfn = shape.cloudformation;
  const tf = shape.terraform;
  const base = settingRule({
    setting: shape.setting,
    // The same duty on the three launch paths has one severity (the knowledge base rates the launch template lower).
    severity: 'warning',
    cloudformation: {
      path: cfn.tokens.join('.'), compliant: { equals: 'required' }, consequence: CONSEQUENCE, fix: 'required',
      // Every launch configuration property is "Update requires: Replacement" (a new configuration, then instances).
      ...(shape.setting === 'lc-imdsv2' ? { fixSafety: 'replaces' as const } : {}),
    },
    terraform: { compliant: { equals: 'required' }, fix: 'required' },
  });
  const fixId = Object.keys(base.fixes ?? {})[0];
  return {
    ...base,
    cloudformation: {
      check: (resource: CfnResource, context: CfnRuleContext) =>
        judgeImds(resource.properties, resource.idRange, context.resolver, cfn, fixId, () => cfnAmi(resource.properties, cfn.image, context)),
    },
    terraform: {
      check: (resource: TfResource, context: TfRuleContext) =>
        judgeImds(resource.body, resource.anchor, context.resolver, tf, fixId, () => tfAmi(resource.body, tf.image, context)),
    },
  };
}

function whenMissing(spelling: Spelling): string {
  return `instances accept IMDSv1 requests unless the AMI is registered with ImdsSupport v2.0 (as Amazon Linux 2023 AMIs are) or the account's instance metadata defaults for the Region require IMDSv2, ${SSRF}; set ${spelling.setRequired} to be explicit.`;
}

/** Both formats: the endpoint, then the tokens, then (when tokens are not set) the AMI. */
function judgeImds(start: MapNode | undefined, anchor: OffsetRange, resolver: ValueResolver, spelling: Spelling, fixId: string | undefined, ami: () => AmiReading): RuleOutcome[] {
  const unreadable = unreadableOptions(start, spelling, resolver);
  if (unreadable) return [{ kind: 'unknown', reason: unreadable }];
  const endpoint = endpointState(start, spelling, resolver);
  if (endpoint.kind === 'disabled') {
    return [{ kind: 'addressed', detail: `${endpoint.text}: the instance metadata service is off, so no role credentials can be read through it.`, range: endpoint.range }];
  }
  const outcomes = judgeSetting(start, anchor, resolver, {
    path: spelling.tokens,
    isCompliant: (value) => String(value).toLowerCase() === 'required',
    absent: { kind: 'missed', message: whenMissing(spelling) },
    consequence: CONSEQUENCE,
    ...(fixId ? { fixId } : {}),
  });
  return outcomes.map((outcome) => {
    if (outcome.kind !== 'finding' && outcome.kind !== 'depends') return outcome;
    if (endpoint.kind === 'unknown') return { kind: 'unknown', reason: endpoint.text, ...(outcome.evidence ? { evidence: outcome.evidence } : {}) };
    const absent = outcome.range.start === anchor.start && outcome.range.end === anchor.end;
    if (outcome.kind === 'finding' && absent) {
      const image = ami();
      if (image.al2023) {
        return { kind: 'aws-default', detail: `${spelling.tokens[spelling.tokens.length - 1]} is not set and ${image.text} is an Amazon Linux 2023 AMI (ImdsSupport v2.0): instances require IMDSv2 unless the account's instance metadata defaults say otherwise.` };
      }
      return { kind: 'depends', message: `Depends on the deployment: ${outcome.message}`, range: outcome.range, ...(fixId ? { fixId } : {}), ...(outcome.evidence ? { evidence: outcome.evidence } : {}) };
    }
    if (outcome.kind === 'finding' && endpoint.kind === 'sometimes') {
      return { kind: 'depends', message: `Depends on the deployment: ${outcome.message} (unless ${endpoint.text})`, range: outcome.range, ...(fixId ? { fixId } : {}) };
    }
    return outcome;
  });
}

type EndpointState =
  | { readonly kind: 'enabled' }
  | { readonly kind: 'disabled' | 'sometimes' | 'unknown'; readonly text: string; readonly range?: OffsetRange };

/**
 * Whether the metadata endpoint is off: for every value it may take, only for a deployment other than the
 * default one (or the default only), or not readable.
 */
function endpointState(start: MapNode | undefined, spelling: Spelling, resolver: ValueResolver): EndpointState {
  let disabled: { text: string; range: OffsetRange; definite: boolean } | undefined;
  let enabledDefinite = false;
  let enabledMaybe = false;
  let unknown: string | undefined;
  for (const candidate of resolver.lookup(start, spelling.endpoint)) {
    const conditional = candidate.via.some(isConditionalStep);
    if (!candidate.node) {
      if (conditional) enabledMaybe = true;
      else enabledDefinite = true;
      continue;
    }
    for (const resolved of resolver.scalars(candidate.node, candidate.via)) {
      if (!resolved.known) {
        unknown ??= `${spelling.endpointName} is ${resolved.description}${describeVia(resolved.via)}`;
        continue;
      }
      const definite = !conditional && (resolved.fromParameter === undefined || resolved.fromParameter.isDefault);
      if (String(resolved.value).toLowerCase() === 'disabled') {
        if (!disabled || (definite && !disabled.definite)) disabled = { text: `${spelling.endpointName} is ${quote(resolved.value)}${describeVia(resolved.via)}`, range: candidate.node.range, definite };
      } else if (definite) enabledDefinite = true;
      else enabledMaybe = true;
    }
  }
  if (unknown) return { kind: 'unknown', text: unknown };
  if (disabled && !enabledDefinite && !enabledMaybe) return { kind: 'disabled', text: disabled.text, range: disabled.range };
  // The endpoint is on in the deployment as written: the tokens decide. Off only by default: the gap depends.
  if (disabled && !enabledDefinite) return { kind: 'sometimes', text: disabled.text };
  return { kind: 'enabled' };
}

/** The options block as something other than a mapping (`!Ref`, a scalar, an unevaluated expression): not readable. */
function unreadableOptions(start: MapNode | undefined, spelling: Spelling, resolver: ValueResolver): string | undefined {
  const parent = spelling.tokens.slice(0, -1);
  for (const candidate of resolver.lookup(start, parent)) {
    const node = candidate.node;
    if (node && node.kind !== 'map') return `${parent.join('.')} cannot be read as a block of settings${describeVia(candidate.via)}`;
  }
  return undefined;
}

/** CloudFormation: ImageId as an AL2023 public parameter (`{{resolve:ssm:...}}`, or a parameter of SSM type whose value names it). */
function cfnAmi(properties: MapNode | undefined, path: readonly string[], context: CfnRuleContext): AmiReading {
  const texts: string[] = [];
  for (const candidate of context.resolver.lookup(properties, path)) {
    if (!candidate.node) return { al2023: false };
    for (const resolved of context.resolver.scalars(candidate.node, candidate.via)) {
      if (!resolved.known || !AL2023_PARAMETER.test(String(resolved.value))) return { al2023: false };
      texts.push(String(resolved.value));
    }
  }
  return texts.length > 0 ? { al2023: true, text: `${path.join('.')} ${quote(texts[0])}` } : { al2023: false };
}

/**
 * Terraform: the AMI from `data.aws_ssm_parameter` naming an AL2023 public parameter, a `resolve:ssm:` AMI
 * string, or `data.aws_ami` owned by Amazon whose name filter only matches `al2023-ami-` images.
 */
function tfAmi(body: MapNode, path: readonly string[], context: TfRuleContext): AmiReading {
  const node = path.length === 1 ? mapEntry(body, path[0]) : context.resolver.lookup(body, path)[0]?.node;
  if (!node) return { al2023: false };
  if (node.kind === 'expression') {
    const reference = dataReference(node.expression);
    if (reference) {
      const source = context.module.resources.find((resource) => resource.mode === 'data' && resource.type === reference.type && resource.name === reference.name);
      if (source && reference.type === 'aws_ssm_parameter' && knownText(mapEntry(source.body, 'name'), context.resolver).every((name) => AL2023_PARAMETER.test(name)) && knownText(mapEntry(source.body, 'name'), context.resolver).length > 0) {
        return { al2023: true, text: `the AMI from ${source.address}` };
      }
      if (source && reference.type === 'aws_ami' && amazonAl2023Filter(source.body, context.resolver)) return { al2023: true, text: `the AMI from ${source.address}` };
      return { al2023: false };
    }
  }
  const texts = knownText(node, context.resolver);
  return texts.length > 0 && texts.every((text) => AL2023_PARAMETER.test(text)) ? { al2023: true, text: `${path.join('.')} ${quote(texts[0])}` } : { al2023: false };
}

/** `data.T.N.value` (or `.id`, `.insecure_value`), also inside `nonsensitive(...)`. */
function dataReference(expression: HclExpression): { type: string; name: string } | undefined {
  const inner = expression.kind === 'call' && expression.name === 'nonsensitive' && expression.args.length === 1 ? expression.args[0] : expression;
  const parts = referenceParts(inner);
  if (!parts || parts.names[0] !== 'data' || parts.names.length < 4) return undefined;
  return { type: parts.names[1], name: parts.names[2] };
}

function knownText(node: ValueNode | undefined, resolver: ValueResolver): string[] {
  const texts: string[] = [];
  for (const value of node ? resolver.scalars(node) : []) {
    if (!value.known) return [];
    texts.push(String(value.value));
  }
  return texts;
}

/** `owners = ["amazon"]` and a `filter { name = "name" values = ["al2023-ami-..."] }` (or name_regex) that only matches AL2023. */
function amazonAl2023Filter(body: MapNode, resolver: ValueResolver): boolean {
  const owners = mapEntry(body, 'owners');
  const ownerList = owners?.kind === 'seq' ? owners.items.flatMap((item) => knownText(item, resolver)) : [];
  if (ownerList.length === 0 || !ownerList.every((owner) => AMAZON_OWNERS.has(owner))) return false;
  const filters = resolver.lookup(body, ['filter']).flatMap((candidate) => (candidate.node?.kind === 'seq' ? candidate.node.items : candidate.node ? [candidate.node] : []));
  return filters.some((filter) => {
    if (filter.kind !== 'map' || knownText(mapEntry(filter, 'name'), resolver).join() !== 'name') return false;
    const values = mapEntry(filter, 'values');
    const names = values?.kind === 'seq' ? values.items.map((item) => knownText(item, resolver)) : [];
    return names.length > 0 && names.every((name) => name.length === 1 && name[0].startsWith('al2023-ami-'));
  });
}

export const ltImdsv2 = imdsRule({
  setting: 'lt-imdsv2',
  cloudformation: {
    tokens: ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'],
    endpoint: ['LaunchTemplateData', 'MetadataOptions', 'HttpEndpoint'],
    image: ['LaunchTemplateData', 'ImageId'],
    setRequired: 'LaunchTemplateData.MetadataOptions.HttpTokens: required',
    endpointName: 'LaunchTemplateData.MetadataOptions.HttpEndpoint',
  },
  terraform: { tokens: ['metadata_options', 'http_tokens'], endpoint: ['metadata_options', 'http_endpoint'], image: ['image_id'], setRequired: 'metadata_options.http_tokens = "required"', endpointName: 'metadata_options.http_endpoint' },
});

/** An instance launched from a launch template of the same file takes the template's metadata options unless it sets its own. */
export const ec2Imdsv2 = withLaunchTemplate(imdsRule({
  setting: 'ec2-imdsv2',
  cloudformation: { tokens: ['MetadataOptions', 'HttpTokens'], endpoint: ['MetadataOptions', 'HttpEndpoint'], image: ['ImageId'], setRequired: 'MetadataOptions.HttpTokens: required', endpointName: 'MetadataOptions.HttpEndpoint' },
  terraform: { tokens: ['metadata_options', 'http_tokens'], endpoint: ['metadata_options', 'http_endpoint'], image: ['ami'], setRequired: 'metadata_options.http_tokens = "required"', endpointName: 'metadata_options.http_endpoint' },
}), ltImdsv2, {
  cloudformation: { instance: [['MetadataOptions']], template: [['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'], ['LaunchTemplateData', 'MetadataOptions', 'HttpEndpoint']] },
  terraform: { instance: [['metadata_options']], template: [['metadata_options', 'http_tokens'], ['metadata_options', 'http_endpoint']] },
});

export const lcImdsv2 = imdsRule({
  setting: 'lc-imdsv2',
  cloudformation: { tokens: ['MetadataOptions', 'HttpTokens'], endpoint: ['MetadataOptions', 'HttpEndpoint'], image: ['ImageId'], setRequired: 'MetadataOptions.HttpTokens: required', endpointName: 'MetadataOptions.HttpEndpoint' },
  terraform: { tokens: ['metadata_options', 'http_tokens'], endpoint: ['metadata_options', 'http_endpoint'], image: ['image_id'], setRequired: 'metadata_options.http_tokens = "required"', endpointName: 'metadata_options.http_endpoint' },
});
