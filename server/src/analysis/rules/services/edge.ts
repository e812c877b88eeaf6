// Rules for the edge services: CloudFront, API Gateway (REST, HTTP and WebSocket APIs) and WAF. Both formats
// read through the resolver (Fn::If, parameters, variables); a container given in a shape the rule cannot read
// (a map-typed property as !Ref, a scalar or a list; a Terraform block written as an expression) is 'unknown'.
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import { mapEntry } from '../../cloudformation/template';
import { mentions, refersTo } from '../../cloudformation/references';
import type { Candidate, Resolved, ValueResolver } from '../../resolution';
import { describeVia, isConditionalStep, quote } from '../../resolution';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import { referenceParts, walkExpressions } from '../../terraform/hcl';
import type { HclExpression, TemplatePart } from '../../terraform/hcl';
import { expressionToNode } from '../../terraform/values';
import { parseYaml } from '../../parse/yaml';
import type { MapNode, OffsetRange, ScalarValue, ValueNode } from '../../types';
import { opaqueReason } from '../../types';
import { elementRange, judgeSetting, readPolicyDocuments, readTerraformPolicies, settingRule, tfArgument, withSamGlobals } from '../support';
import type { PolicyDocument, RuleOutcome, Rule, SetSettingFix, SettingCheck } from '../support';

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers

interface Resolving { readonly resolver: ValueResolver }

function scalarsOf(node: ValueNode | undefined, context: Resolving): string[] {
  if (!node) return [];
  return context.resolver.scalars(node).flatMap((resolved) => (resolved.known ? [String(resolved.value)] : []));
}

/** The metadata of a knowledge-base setting's rule, for rules whose checks are written by hand. */
function metaRule(setting: string, check: Rule['cloudformation'], terraform: Rule['terraform'], types?: { cloudformation?: readonly string[]; terraform?: readonly string[] }): Rule {
  const base = settingRule({ setting, cloudformation: { compliant: { present: true }, consequence: '', ...(types?.cloudformation ? { types: types.cloudformation } : {}) } });
  const resourceTypes = { cloudformation: base.meta.resourceTypes.cloudformation, terraform: types?.terraform ?? base.meta.resourceTypes.terraform };
  return { meta: { ...base.meta, resourceTypes }, ...(check ? { cloudformation: check } : {}), ...(terraform ? { terraform } : {}) };
}

function describeNode(node: ValueNode): string {
  switch (node.kind) {
    case 'scalar': return quote(node.value);
    case 'seq': return 'a list';
    case 'map': return 'a mapping';
    case 'expression': return 'an expression';
    case 'intrinsic': return opaqueReason(node) ?? (node.name === 'Ref' && node.argument.kind === 'scalar' ? `Ref ${String(node.argument.value)}` : node.name);
  }
}

type Shape = 'map' | 'seq';
/** A container a rule reads (a property path, `[]` for list elements) and the shape it must have. */
type Container = readonly [path: readonly string[], shape: Shape];

/** CloudFormation: the first container (any branch of Fn::If) that is not of its shape makes the setting unreadable. */
function cfnShapeProblem(resolver: ValueResolver, start: MapNode | undefined, containers: readonly Container[]): RuleOutcome | undefined {
  for (const [path, shape] of containers) {
    for (const candidate of resolver.lookup(start, path)) {
      const node = candidate.node;
      if (!node || node.kind === shape) continue;
      const name = path.filter((segment) => segment !== '[]').join('.');
      return { kind: 'unknown', reason: `${name} is ${describeNode(node)}${describeVia(candidate.via)}, not a ${shape === 'map' ? 'mapping' : 'list'}: the setting cannot be read.` };
    }
  }
  return undefined;
}

/** Terraform: a nested block written as an expression (`s3_origin_config = var.oai`) cannot be read as a block. */
function tfShapeProblem(body: MapNode, blocks: readonly (readonly string[])[]): RuleOutcome | undefined {
  for (const path of blocks) {
    let nodes: ValueNode[] = [body];
    for (let index = 0; index < path.length; index++) {
      nodes = nodes.flatMap((node) => (node.kind === 'seq' ? node.items : [node]))
        .flatMap((node) => (node.kind === 'map' ? [mapEntry(node, path[index])].filter((value): value is ValueNode => value !== undefined) : []));
      const bad = nodes.flatMap((node) => (node.kind === 'seq' ? node.items : [node])).find((node) => node.kind !== 'map');
      if (bad) return { kind: 'unknown', reason: `${path.slice(0, index + 1).join('.')} is ${describeNode(bad)}, not a block: the setting cannot be read.` };
    }
  }
  return undefined;
}

/** A rule whose readers first make sure the containers they read have the expected shape. */
function guarded(rule: Rule, cloudformation: readonly Container[], terraform: readonly (readonly string[])[]): Rule {
  const cfn = rule.cloudformation;
  const tf = rule.terraform;
  return {
    ...rule,
    ...(cfn ? { cloudformation: { check: (resource, context) => { const problem = cfnShapeProblem(context.resolver, resource.properties, cloudformation); return problem ? [problem] : cfn.check(resource, context); } } } : {}),
    ...(tf ? { terraform: { check: (resource, context) => { const problem = tfShapeProblem(resource.body, terraform); return problem ? [problem] : tf.check(resource, context); } } } : {}),
  };
}

/** True when a value holds only for some deployments: one branch of an undecided condition, a non-default parameter value. */
function uncertain(via: readonly string[], resolved?: Resolved): boolean {
  return via.some(isConditionalStep) || (resolved?.known === true && resolved.fromParameter !== undefined && !resolved.fromParameter.isDefault);
}

/** A finding that holds only on one branch of an undecided condition is information: "Depends on the deployment". */
function onBranch(outcome: RuleOutcome, via: readonly string[]): RuleOutcome {
  if (outcome.kind !== 'finding' || !via.some(isConditionalStep)) return outcome;
  return { kind: 'depends', message: `Depends on the deployment: ${outcome.message}${outcome.message.includes(describeVia(via)) ? '' : describeVia(via)}`, range: outcome.range, ...(outcome.fixId ? { fixId: outcome.fixId } : {}) };
}

const RANK: Record<RuleOutcome['kind'], number> = { finding: 0, depends: 1, unknown: 2, addressed: 3, 'aws-default': 4, 'not-applicable': 5 };

/** One verdict over several branches or elements: every gap, else the least certain of the rest. */
function worst(outcomes: readonly RuleOutcome[]): RuleOutcome[] {
  const gaps = outcomes.filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
  const seen = new Set<string>();
  const unique = gaps.filter((gap) => {
    const key = `${gap.range.start}:${gap.range.end}:${'message' in gap ? gap.message : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length > 0) return unique;
  return [...outcomes].sort((a, b) => RANK[a.kind] - RANK[b.kind]).slice(0, 1);
}

/** One verdict over the ways a list may turn out: every gap (certain ones first), else the least certain of the rest. */
function acrossBranches(judged: readonly RuleOutcome[][]): RuleOutcome[] {
  return worst(judged.flat()).sort((a, b) => RANK[a.kind] - RANK[b.kind]);
}

/** CloudFormation: resources of a type whose property refers to the resource. */
function pointingAt(resource: CfnResource, context: CfnRuleContext, type: string, property: string): CfnResource[] {
  return context.resourcesOfType(type).filter((other) => mentions(mapEntry(other.properties, property), resource.id));
}

/** Both formats: a resource of another type that points at this one discharges the duty (a WAF association, a logging configuration). */
function pointedAtOutcome(pointing: readonly string[], what: string, addressed: string, anchor: OffsetRange, consequence: string, target = 'it'): RuleOutcome[] {
  if (pointing.length > 0) return [{ kind: 'addressed', detail: `${pointing[0]} ${addressed}` }];
  return [{ kind: 'finding', message: `No ${what} points at ${target}: ${consequence}`, range: anchor }];
}

/** CloudFormation: the resource a property refers to with Ref or Fn::GetAtt, if in this template. */
function cfnReferenced(node: ValueNode | undefined, context: CfnRuleContext): CfnResource | undefined {
  if (node?.kind !== 'intrinsic') return undefined;
  return context.template.resources.find((other) => refersTo(node, other.id));
}

// ---------------------------------------------------------------------------------------------------------------
// CloudFront

const DISTRIBUTION: Container = [['DistributionConfig'], 'map'];
const S3_WEBSITE = /s3-website[.-]/i;
const VIEWER_PLAIN_HTTP = 'viewers can fetch content over plain HTTP, readable and alterable on the way; use redirect-to-https or https-only.';

/** Both formats: every cache behaviour's viewer protocol policy (default and ordered), judged alike. */
function judgeViewerHttps(start: MapNode | undefined, anchor: OffsetRange, resolver: ValueResolver, paths: readonly (readonly string[])[], name: string): RuleOutcome[] {
  const outcomes = paths.flatMap((path, index) => judgeSetting(start, anchor, resolver, {
    path,
    isCompliant: (value) => String(value).toLowerCase() !== 'allow-all',
    absent: { kind: 'not-applicable', detail: `${name} is required.` },
    consequence: VIEWER_PLAIN_HTTP,
    // The default cache behaviour only: the fix writer sets one path, not each element of the ordered behaviours.
    ...(index === 0 ? { fixId: VIEWER_HTTPS_FIX } : {}),
  }));
  const gaps = outcomes.filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
  if (gaps.length > 0) return gaps;
  return outcomes.find((outcome) => outcome.kind === 'unknown') ? [outcomes.find((outcome) => outcome.kind === 'unknown') as RuleOutcome] : outcomes.slice(0, 1);
}

const CFN_BEHAVIOURS = [['DistributionConfig', 'DefaultCacheBehavior', 'ViewerProtocolPolicy'], ['DistributionConfig', 'CacheBehaviors', '[]', 'ViewerProtocolPolicy']] as const;
const TF_BEHAVIOURS = [['default_cache_behavior', 'viewer_protocol_policy'], ['ordered_cache_behavior', 'viewer_protocol_policy']] as const;
const CFN_BEHAVIOUR_SHAPES: readonly Container[] = [DISTRIBUTION, [['DistributionConfig', 'DefaultCacheBehavior'], 'map'], [['DistributionConfig', 'CacheBehaviors'], 'seq'], [['DistributionConfig', 'CacheBehaviors', '[]'], 'map']];
const TF_BEHAVIOUR_BLOCKS = [['default_cache_behavior'], ['ordered_cache_behavior']];

const VIEWER_HTTPS_FIX = 'redirect-to-https';

const viewerHttps: Rule = {
  ...guarded(metaRule('cloudfront-viewer-https',
    { check: (resource, context) => judgeViewerHttps(resource.properties, resource.idRange, context.resolver, CFN_BEHAVIOURS, 'ViewerProtocolPolicy') },
    { check: (resource, context) => judgeViewerHttps(resource.body, resource.anchor, context.resolver, TF_BEHAVIOURS, 'viewer_protocol_policy') }),
  CFN_BEHAVIOUR_SHAPES, TF_BEHAVIOUR_BLOCKS),
  fixes: {
    // Viewers asking over HTTP are redirected, not refused: no client breaks, and no replacement.
    [VIEWER_HTTPS_FIX]: {
      title: 'Set ViewerProtocolPolicy: redirect-to-https',
      path: ['DistributionConfig', 'DefaultCacheBehavior', 'ViewerProtocolPolicy'],
      value: 'redirect-to-https',
      safety: 'safe',
      terraform: { title: 'Set default_cache_behavior.viewer_protocol_policy = "redirect-to-https"', path: ['default_cache_behavior', 'viewer_protocol_policy'], value: 'redirect-to-https' },
    },
  },
};

/** True when every viewer protocol policy of the distribution is known and keeps viewers on HTTPS. */
function viewersAllHttps(start: MapNode | undefined, resolver: ValueResolver, paths: readonly (readonly string[])[]): boolean {
  const values = paths.flatMap((path) => resolver.lookup(start, path)).flatMap((candidate) => (candidate.node ? resolver.scalars(candidate.node, candidate.via) : []));
  return values.length > 0 && values.every((value) => value.known && String(value.value).toLowerCase() !== 'allow-all');
}

interface CertificateWords {
  readonly custom: readonly string[];
  readonly version: string;
  readonly fix: string;
}

const CFN_CERTIFICATE: CertificateWords = { custom: ['AcmCertificateArn', 'IamCertificateId'], version: 'MinimumProtocolVersion', fix: 'MinimumProtocolVersion TLSv1.2_2021' };
const TF_CERTIFICATE: CertificateWords = { custom: ['acm_certificate_arn', 'iam_certificate_id'], version: 'minimum_protocol_version', fix: 'minimum_protocol_version = "TLSv1.2_2021"' };
const MODERN_TLS = ['tlsv1.2_2021', 'tlsv1.2_2025', 'tlsv1.3_2025'];

/**
 * Both formats, per way the viewer certificate may turn out: the default *.cloudfront.net certificate always
 * gets the TLSv1 policy (CloudFront API reference, ViewerCertificate.MinimumProtocolVersion), a custom
 * certificate the policy it names (TLSv1 when none is named).
 */
function judgeMinTls(certificates: readonly Candidate[], anchor: OffsetRange, resolver: ValueResolver, words: CertificateWords): RuleOutcome[] {
  return worst(certificates.flatMap((candidate): RuleOutcome[] => {
    const node = candidate.node;
    if (node && node.kind !== 'map') return [{ kind: 'unknown', reason: `The viewer certificate is ${describeNode(node)}${describeVia(candidate.via)}: the security policy cannot be read.` }];
    const custom = node !== undefined && words.custom.some((key) => resolver.lookup(node, [key], candidate.via).some((found) => found.node !== undefined));
    if (!custom) {
      return [onBranch({
        kind: 'finding',
        severity: 'info',
        message: `The distribution uses the default *.cloudfront.net certificate${describeVia(candidate.via)}: its security policy is TLSv1 and cannot be raised, so viewers can connect with TLS 1.0; serve it on your own domain with an ACM certificate and ${words.fix}.`,
        range: node?.range ?? anchor,
      }, candidate.via)];
    }
    const check: SettingCheck = {
      path: [words.version],
      isCompliant: (value) => MODERN_TLS.includes(String(value).toLowerCase()),
      absent: { kind: 'missed', message: `the security policy defaults to TLSv1, so viewers can connect with TLS 1.0; set ${words.fix} or newer.` },
      consequence: 'viewers can connect with protocols or ciphers older than the TLSv1.2_2021 policy.',
      fixId: 'set-min-tls',
    };
    return judgeSetting(node, anchor, resolver, check).map((outcome) => onBranch(outcome, candidate.via));
  }));
}

const minTls = guarded(metaRule('cloudfront-min-tls',
  { check: (resource, context) => judgeMinTls(context.resolver.lookup(resource.properties, ['DistributionConfig', 'ViewerCertificate']), resource.idRange, context.resolver, CFN_CERTIFICATE) },
  // viewer_certificate is required in Terraform; cloudfront_default_certificate = true is the default certificate.
  { check: (resource, context) => judgeMinTls(context.resolver.lookup(resource.body, ['viewer_certificate']), resource.anchor, context.resolver, TF_CERTIFICATE) }),
[DISTRIBUTION, [['DistributionConfig', 'ViewerCertificate'], 'map']], [['viewer_certificate']]);
// With a certificate of the author's (ACM or IAM) the policy is a setting of the distribution (CloudFront developer
// guide, "Supported protocols and ciphers between viewers and CloudFront": TLSv1.2_2021 for SNI and dedicated IP
// alike); the default certificate's finding has no fix, since the certificate is the author's to get.
const minTlsRule: Rule = {
  ...minTls,
  fixes: {
    'set-min-tls': {
      title: 'Set ViewerCertificate.MinimumProtocolVersion: TLSv1.2_2021', path: ['DistributionConfig', 'ViewerCertificate', 'MinimumProtocolVersion'], value: 'TLSv1.2_2021', safety: 'safe',
      terraform: { title: 'Set viewer_certificate.minimum_protocol_version = "TLSv1.2_2021"', path: ['viewer_certificate', 'minimum_protocol_version'], value: 'TLSv1.2_2021' },
    },
  },
};

/** Both formats: every origin (through conditions), judged by `judge`, or not applicable when none is of its kind. */
function judgeOrigins(origins: readonly Candidate[], what: string, judge: (origin: MapNode, via: readonly string[]) => RuleOutcome[] | undefined): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  for (const candidate of origins) {
    // An origin that cannot be read (a dynamic block over an unknown collection, an expression) may be of the kind.
    if (candidate.node !== undefined && candidate.node.kind !== 'map') outcomes.push({ kind: 'unknown', reason: `An origin is ${describeNode(candidate.node)}${describeVia(candidate.via)}: whether it is ${what === 'S3' ? 'an' : 'a'} ${what} origin cannot be read.` });
    if (candidate.node?.kind !== 'map') continue;
    const judged = judge(candidate.node, candidate.via);
    if (judged) outcomes.push(...judged.map((outcome) => onBranch(outcome, candidate.via)));
  }
  return outcomes.length > 0 ? worst(outcomes) : [{ kind: 'not-applicable', detail: `No ${what} origin.` }];
}

interface OriginWords {
  readonly custom: string;
  readonly policy: string;
  readonly domain: string;
  readonly behaviours: readonly (readonly string[])[];
}

const ORIGIN_PLAIN_HTTP = 'CloudFront can fetch from the origin over plain HTTP, readable and alterable between the edge and the origin; use https-only (match-viewer is HTTPS only while every cache behaviour keeps viewers on HTTPS).';

function judgeOriginHttps(start: MapNode | undefined, origins: readonly Candidate[], resolver: ValueResolver, words: OriginWords): RuleOutcome[] {
  // match-viewer speaks HTTPS to the origin whenever every cache behaviour keeps viewers on HTTPS.
  const viewersHttps = viewersAllHttps(start, resolver, words.behaviours);
  return judgeOrigins(origins, 'custom', (origin) => {
    if (!mapEntry(origin, words.custom)) return undefined;
    // S3 website endpoints only speak HTTP; their problem is the public bucket, not the protocol.
    const domains = resolver.lookup(origin, [words.domain]).flatMap((found) => (found.node ? resolver.scalars(found.node, found.via) : []));
    if (domains.some((domain) => domain.known && S3_WEBSITE.test(String(domain.value)))) return undefined;
    const outcomes = judgeSetting(origin, elementRange(origin), resolver, {
      path: [words.custom, words.policy],
      isCompliant: (value) => String(value).toLowerCase() === 'https-only' || (viewersHttps && String(value).toLowerCase() === 'match-viewer'),
      absent: { kind: 'not-applicable', detail: `${words.policy} is required.` },
      consequence: ORIGIN_PLAIN_HTTP,
      displayName: words.policy,
    });
    return outcomes.every((outcome) => outcome.kind === 'not-applicable') ? undefined : outcomes;
  });
}

const originHttps = guarded(metaRule('cloudfront-origin-https',
  { check: (resource, context) => judgeOriginHttps(resource.properties, context.resolver.lookup(resource.properties, ['DistributionConfig', 'Origins', '[]']), context.resolver, { custom: 'CustomOriginConfig', policy: 'OriginProtocolPolicy', domain: 'DomainName', behaviours: CFN_BEHAVIOURS }) },
  { check: (resource, context) => judgeOriginHttps(resource.body, context.resolver.lookup(resource.body, ['origin', '[]']), context.resolver, { custom: 'custom_origin_config', policy: 'origin_protocol_policy', domain: 'domain_name', behaviours: TF_BEHAVIOURS }) }),
[DISTRIBUTION, [['DistributionConfig', 'Origins'], 'seq'], [['DistributionConfig', 'Origins', '[]'], 'map'], [['DistributionConfig', 'Origins', '[]', 'CustomOriginConfig'], 'map'], ...CFN_BEHAVIOUR_SHAPES.slice(1)],
[['origin'], ['origin', 'custom_origin_config'], ...TF_BEHAVIOUR_BLOCKS]);

function isS3Origin(origin: MapNode, context: CfnRuleContext): boolean {
  if (mapEntry(origin, 'S3OriginConfig')) return true;
  if (mapEntry(origin, 'CustomOriginConfig')) return false;
  const bucket = cfnReferenced(mapEntry(origin, 'DomainName'), context);
  if (bucket) return bucket.type === 'AWS::S3::Bucket';
  return scalarsOf(mapEntry(origin, 'DomainName'), context).some((name) => /\.s3[.-]/i.test(name) && !S3_WEBSITE.test(name));
}

/**
 * Terraform: an s3_origin_config block, a bucket's domain attribute, or an S3 (not website) domain name. An origin
 * with neither config block whose domain_name cannot be read (a variable without a value, an expression) may be an
 * S3 origin: the reason, as a string.
 */
function tfS3Origin(origin: MapNode, context: TfRuleContext): boolean | string {
  if (mapEntry(origin, 's3_origin_config')) return true;
  if (mapEntry(origin, 'custom_origin_config')) return false;
  const domain = mapEntry(origin, 'domain_name');
  const reference = domain?.kind === 'expression' ? referenceParts(domain.expression) : undefined;
  const bucket = reference?.names[0] === 'aws_s3_bucket' || (reference?.names[0] === 'data' && reference.names[1] === 'aws_s3_bucket');
  if (reference && bucket) return !reference.names.includes('website_endpoint') && !reference.names.includes('website_domain');
  if (scalarsOf(domain, context).some((name) => /\.s3[.-]/i.test(name) && !S3_WEBSITE.test(name))) return true;
  // Another resource's attribute (a load balancer's dns_name...) is not a bucket's domain.
  if (reference && reference.names[0] !== 'data' && /^aws_/.test(reference.names[0])) return false;
  const unknown = context.resolver.lookup(origin, ['domain_name']).flatMap((found) => (found.node ? context.resolver.scalars(found.node, found.via) : [])).find((value) => !value.known);
  return unknown && !unknown.known ? `domain_name is ${unknown.description}${describeVia(unknown.via)}` : false;
}

/** Terraform: an origin of unknown kind is judged as an S3 origin, but a missing access control is only "may be". */
function tfOac(origin: MapNode, via: readonly string[], context: TfRuleContext): RuleOutcome[] | undefined {
  const kind = tfS3Origin(origin, context);
  if (kind === false) return undefined;
  const outcomes = judgeOac(origin, via, context.resolver, TF_OAC);
  if (kind === true) return outcomes;
  return outcomes.map((outcome): RuleOutcome => (outcome.kind === 'finding' || outcome.kind === 'depends'
    ? { kind: 'unknown', reason: `An origin has no custom_origin_config and its ${kind}, so it may be an S3 origin: if it is, ${outcome.message.replace(/^Depends on the deployment: /, '')}` }
    : outcome));
}

interface OacWords { readonly oac: string; readonly s3: string; readonly oai: string }

/**
 * One S3 origin: private when it names an origin access control, or a legacy origin access identity (an empty
 * identity is the documented way to say "none"). Each way the two may turn out is judged.
 */
function judgeOac(origin: MapNode, via: readonly string[], resolver: ValueResolver, words: OacWords): RuleOutcome[] {
  const set = (candidate: Candidate) => candidate.node !== undefined && !resolver.scalars(candidate.node, candidate.via).every((value) => value.known && value.value === '');
  const oacs = resolver.lookup(origin, [words.oac], via);
  if (oacs.length > 0 && oacs.every(set)) return [{ kind: 'addressed', detail: `${words.oac} is set.` }];
  const outcomes: RuleOutcome[] = [];
  for (const oac of oacs) {
    if (set(oac)) {
      outcomes.push({ kind: 'addressed', detail: `${words.oac} is set.` });
      continue;
    }
    for (const oai of resolver.lookup(origin, [words.s3, words.oai], oac.via)) {
      if (set(oai)) {
        outcomes.push({ kind: 'addressed', detail: `${words.s3}.${words.oai} is set (a legacy origin access identity).` });
        continue;
      }
      const text = `${words.oac} is not set and ${oai.node ? `${words.s3}.${words.oai} is empty` : `there is no ${words.s3}.${words.oai}`}${describeVia(oai.via)}`;
      outcomes.push(onBranch({ kind: 'finding', message: `${text}: the S3 origin has neither origin access control nor an origin access identity, so the bucket must be public for CloudFront to read it.`, range: elementRange(origin) }, oai.via));
    }
  }
  return worst(outcomes);
}

const CFN_OAC: OacWords = { oac: 'OriginAccessControlId', s3: 'S3OriginConfig', oai: 'OriginAccessIdentity' };
const TF_OAC: OacWords = { oac: 'origin_access_control_id', s3: 's3_origin_config', oai: 'origin_access_identity' };

const s3Oac = guarded(metaRule('cloudfront-s3-oac',
  { check: (resource, context) => judgeOrigins(context.resolver.lookup(resource.properties, ['DistributionConfig', 'Origins', '[]']), 'S3', (origin, via) => (isS3Origin(origin, context) ? judgeOac(origin, via, context.resolver, CFN_OAC) : undefined)) },
  { check: (resource, context) => judgeOrigins(context.resolver.lookup(resource.body, ['origin', '[]']), 'S3', (origin, via) => tfOac(origin, via, context)) }),
[DISTRIBUTION, [['DistributionConfig', 'Origins'], 'seq'], [['DistributionConfig', 'Origins', '[]'], 'map'], [['DistributionConfig', 'Origins', '[]', 'S3OriginConfig'], 'map']],
[['origin'], ['origin', 's3_origin_config']]);

const cloudfrontLogging = guarded(settingRule({
  setting: 'cloudfront-logging',
  cloudformation: {
    compliant: { present: true },
    consequence: 'viewer requests are not logged, leaving no trail for investigations.',
    // Standard logging v2 is an AWS::Logs::DeliverySource pointing at the distribution.
    skip: (resource, context) => (pointingAt(resource, context, 'AWS::Logs::DeliverySource', 'ResourceArn').length > 0 ? 'Logs are delivered by an AWS::Logs::DeliverySource.' : undefined),
  },
  terraform: {
    consequence: 'viewer requests are not logged, leaving no trail for investigations; set logging_config, or deliver standard logs (v2) with aws_cloudwatch_log_delivery_source.',
    skip: (resource, context) => (context.linked(resource, 'aws_cloudwatch_log_delivery_source', 'resource_arn').length > 0 ? 'Logs are delivered by an aws_cloudwatch_log_delivery_source.' : undefined),
  },
}), [DISTRIBUTION, [['DistributionConfig', 'Logging'], 'map']], [['logging_config']]);

const cloudfrontWaf = guarded(settingRule({
  setting: 'cloudfront-waf',
  cloudformation: {
    compliant: { present: true },
    fixParameter: { name: 'CloudFrontWebAclArn', description: 'ARN of the AWS WAF web ACL (scope CLOUDFRONT, created in us-east-1) that filters requests to the distribution.' },
    consequence: 'requests reach the origin without web-exploit or bot filtering.',
    whenMissing: 'no web ACL filters requests before they reach the origin (common exploits, bots, floods).',
  },
}), [DISTRIBUTION], []);

// ---------------------------------------------------------------------------------------------------------------
// API Gateway

// SAM: Globals.Api (AccessLogSetting, MethodSettings, ...) is merged into every AWS::Serverless::Api, and
// Globals.HttpApi (AccessLogSettings, ...) into every AWS::Serverless::HttpApi (SAM developer guide, Globals section).
const SAM_API = 'AWS::Serverless::Api';

const NO_EXECUTION_LOGS = 'API Gateway writes no execution logs, leaving no trail of errors or requests for investigations.';

/** Both formats: some method setting logs at ERROR or INFO; else the first other level, or undefined when none is set. */
function judgeExecutionLogging(levels: readonly Candidate[], resolver: ValueResolver, name: string, range: (node: ValueNode) => OffsetRange): RuleOutcome[] | undefined {
  const outcomes: RuleOutcome[] = [];
  for (const candidate of levels) {
    if (!candidate.node) continue;
    for (const resolved of resolver.scalars(candidate.node, candidate.via)) {
      if (!resolved.known) {
        outcomes.push({ kind: 'unknown', reason: `${name} is ${resolved.description}${describeVia(resolved.via)}.` });
        continue;
      }
      const text = `${name} is ${quote(resolved.value)}${describeVia(resolved.via)}`;
      if (['error', 'info'].includes(String(resolved.value).toLowerCase())) {
        // One logging method setting is enough, unless it only logs on some deployments.
        if (!uncertain(resolved.via, resolved)) return [{ kind: 'addressed', detail: `${text}.`, range: range(candidate.node) }];
        outcomes.push({ kind: 'addressed', detail: `${text}.`, range: range(candidate.node) });
        continue;
      }
      const message = `${text}: ${NO_EXECUTION_LOGS}`;
      outcomes.push(uncertain(resolved.via, resolved) ? { kind: 'depends', message: `Depends on the deployment: ${message}`, range: range(candidate.node) } : { kind: 'finding', message, range: range(candidate.node) });
    }
  }
  if (outcomes.length === 0) return undefined;
  const gaps = worst(outcomes);
  return gaps.slice(0, 1);
}

const METHOD_SETTINGS: readonly Container[] = [[['MethodSettings'], 'seq'], [['MethodSettings', '[]'], 'map']];

// Not for a SAM API: SAM appends its MethodSettings to those of Globals.Api, which the writer does not see, so an
// entry there could be a second one for the same path.
const EXECUTION_LOGS_FIX = 'log-errors';



/** Gaps get the fix (the writer declines where a condition or reference is in the way). */
function withFixId(outcomes: RuleOutcome[], fixId: string | undefined): RuleOutcome[] {
  if (fixId === undefined) return outcomes;
  return outcomes.map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends' ? { ...outcome, fixId } : outcome));
}

/**
 * ERROR execution logs for every method: CloudFormation a MethodSettings entry { ResourcePath: '/*', HttpMethod:
 * '*', LoggingLevel: ERROR } (AWS::ApiGateway::Stage MethodSetting; an entry for /* and * gets the level instead;
 * Update requires: No interruption); Terraform an aws_api_gateway_method_settings for the stage, method_path
 * "*\/*", settings { logging_level = "ERROR" }, only where none names the stage.
 */
const EXECUTION_LOGS: SetSettingFix = {
  title: 'Log errors for every method (MethodSettings ResourcePath /*, HttpMethod *, LoggingLevel ERROR)',
  path: [],
  value: 'ERROR',
  safety: 'safe',
  operations: [{ op: 'append', list: ['MethodSettings'], items: [{ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: 'ERROR' }], match: ['ResourcePath', 'HttpMethod'] }],
  terraform: {
    title: 'Add aws_api_gateway_method_settings logging errors for every method of the stage',
    path: [],
    value: 'ERROR',
    companion: {
      suffix: 'MethodSettings',
      type: 'aws_api_gateway_method_settings',
      body: (address) => [`rest_api_id = ${address}.rest_api_id`, `stage_name  = ${address}.stage_name`, 'method_path = "*/*"', '', 'settings {', '  logging_level = "ERROR"', '}'],
    },
  },
};

const executionLogging = withSamGlobals(guarded({ ...metaRule('apigw-execution-logging', {
  // Judged per way the MethodSettings list may turn out: a list that is absent (or has no logging entry) on one
  // branch of an undecided condition only leaves logging off for those deployments.
  check: (resource, context) => withFixId(acrossBranches(context.resolver.lookup(resource.properties, ['MethodSettings']).map((list) => judgeExecutionLogging(context.resolver.lookup(list.node, ['[]', 'LoggingLevel'], list.via), context.resolver, 'LoggingLevel', (node) => node.range)
    ?? [onBranch({ kind: 'finding', message: `MethodSettings LoggingLevel is not set${describeVia(list.via)}: execution logging is off, leaving no trail of errors or requests for investigations; set LoggingLevel ERROR or INFO for ResourcePath /* and HttpMethod *.`, range: resource.idRange }, list.via)])).slice(0, 1), resource.type === SAM_API ? undefined : EXECUTION_LOGS_FIX),
}, {
  check: (resource, context) => {
    // aws_api_gateway_method_settings names the stage (stage_name = aws_api_gateway_stage.x.stage_name); it may
    // sit in another file of the module, so its findings are reported on the stage.
    const settings = context.linked(resource, 'aws_api_gateway_method_settings', 'stage_name');
    const problem = settings.map((method) => tfShapeProblem(method.body, [['settings']])).find((found) => found !== undefined);
    if (problem) return [problem];
    const resolver = context.resolver.withBinding({});
    const levels = settings.flatMap((method) => resolver.lookup(method.body, ['settings', 'logging_level']));
    const outcomes = judgeExecutionLogging(levels, resolver, `${settings[0]?.address ?? 'aws_api_gateway_method_settings'}: settings.logging_level`, () => resource.anchor)
      ?? [{ kind: 'finding', message: `${settings.length > 0 ? `${settings[0].address} does not set settings.logging_level` : 'No aws_api_gateway_method_settings in this module names this stage'}: execution logging is off, leaving no trail of errors or requests for investigations; set logging_level = "ERROR" or "INFO" for method_path "*/*".`, range: resource.anchor }];
    // The companion is added only where no method settings name the stage (two would fight over */*).
    return settings.length === 0 ? withFixId(outcomes, EXECUTION_LOGS_FIX) : outcomes;
  },
}, { cloudformation: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'], terraform: ['aws_api_gateway_stage'] }), fixes: { [EXECUTION_LOGS_FIX]: EXECUTION_LOGS } }, METHOD_SETTINGS, []), SAM_API, 'Api');

const accessLogging = withSamGlobals(guarded(settingRule({
  setting: 'apigw-access-logging',
  cloudformation: {
    types: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'],
    compliant: { present: true },
    consequence: 'calls to the API are not logged, leaving no trail of who called what for investigations.',
  },
  terraform: { consequence: 'calls to the API are not logged, leaving no trail of who called what for investigations; add an access_log_settings block with destination_arn and format.' },
}), [[['AccessLogSetting'], 'map']], [['access_log_settings']]), SAM_API, 'Api');

const UNENCRYPTED_CACHE = 'cached responses are stored unencrypted.';

interface CacheWords {
  readonly caching: string;
  readonly encrypted: string;
  readonly noEntry: string;
}

/**
 * Both formats: with a stage cache, every method setting that caches (CachingEnabled true, or unset: GET
 * methods cache by default once the stage has a cache) must set CacheDataEncrypted, which defaults to false.
 */
function judgeCacheEntries(entries: readonly { readonly node: MapNode; readonly anchor: OffsetRange; readonly via: readonly string[]; readonly name: string }[], resolver: ValueResolver, words: CacheWords, anchor: OffsetRange): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  let switchedOff = false;
  for (const entry of entries) {
    const caching = resolver.lookup(entry.node, [words.caching], entry.via).flatMap((found) => (found.node ? resolver.scalars(found.node, found.via) : []));
    if (caching.length > 0 && caching.every((value) => value.known && !isTrueValue(value.value))) {
      switchedOff = true;
      continue;
    }
    outcomes.push(...judgeSetting(entry.node, entry.anchor, resolver, {
      path: [words.encrypted],
      isCompliant: isTrueValue,
      absent: { kind: 'missed', message: `it defaults to false, so ${UNENCRYPTED_CACHE}` },
      consequence: UNENCRYPTED_CACHE,
      displayName: `${entry.name}${words.encrypted}`,
    }).map((outcome) => onBranch(outcome, entry.via)));
  }
  if (outcomes.length > 0) return worst(outcomes);
  if (switchedOff) return [{ kind: 'not-applicable', detail: `${words.caching} is false in the method settings.` }];
  return [{ kind: 'finding', message: words.noEntry, range: anchor }];
}

function isTrueValue(value: ScalarValue): boolean {
  return String(value).toLowerCase() === 'true';
}

/** Both formats: the stage cache is on (certainly), on for some deployments only, off, or unknown. */
function cacheCluster(node: ValueNode | undefined, resolver: ValueResolver, name: string): { readonly on: 'yes' | 'some' | 'no'; readonly via: readonly string[] } | RuleOutcome {
  const values = node ? resolver.scalars(node) : [];
  const unknown = values.find((value) => !value.known);
  if (unknown && !unknown.known) return { kind: 'unknown', reason: `${name} is ${unknown.description}${describeVia(unknown.via)}.` };
  const on = values.filter((value) => value.known && isTrueValue(value.value));
  if (on.length === 0) return { on: 'no', via: [] };
  const certain = on.find((value) => !uncertain(value.via, value));
  return certain ? { on: 'yes', via: certain.via } : { on: 'some', via: on[0].via };
}

function withCache(cluster: ReturnType<typeof cacheCluster>, name: string, judge: () => RuleOutcome[]): RuleOutcome[] {
  if ('kind' in cluster) return [cluster];
  if (cluster.on === 'no') return [{ kind: 'not-applicable', detail: `${name} is not true: the stage has no cache.` }];
  const outcomes = judge();
  if (cluster.on === 'yes') return outcomes;
  // The cache exists only for some deployments: a gap is only possible there.
  return outcomes.map((outcome) => (outcome.kind === 'finding' ? { kind: 'depends', message: `Depends on the deployment: ${outcome.message} (${name} is true only ${cluster.via.join('; ') || 'for some parameter values'})`, range: outcome.range } : outcome));
}

const CACHE_FIX = 'encrypt-cache';

/**
 * CacheDataEncrypted true in every MethodSettings entry (MethodSetting CacheDataEncrypted, Boolean; Update
 * requires: No interruption), or one entry for /* and * when the stage has none. Terraform: the stage's one
 * aws_api_gateway_method_settings gets the value (none or several: no fix, as execution logging may add one for every method).
 */
const CACHE_ENCRYPTED: SetSettingFix = {
  title: 'Set CacheDataEncrypted: true in every MethodSettings entry',
  path: [],
  value: true,
  safety: 'safe',
  operations: [{ op: 'each', list: ['MethodSettings'], path: ['CacheDataEncrypted'], value: true, create: [{ ResourcePath: '/*', HttpMethod: '*', CacheDataEncrypted: true }] }],
  // Terraform: settings.cache_data_encrypted = true in the one aws_api_gateway_method_settings of the stage (the
  // provider page: "cache_data_encrypted - (Optional) Whether the cached responses are encrypted"); none or several: no fix.
  terraform: {
    title: 'Set settings.cache_data_encrypted = true in the stage\'s aws_api_gateway_method_settings',
    path: [],
    value: true,
    splitResource: { type: 'aws_api_gateway_method_settings', link: 'stage_name' },
    operations: [{ op: 'set', path: ['settings'], value: { cache_data_encrypted: true } }],
  },
};

const cacheEncrypted = guarded({ ...metaRule('apigw-cache-encrypted', {
  // Judged per way the MethodSettings list may turn out (absent on one branch of a condition: no entry there).
  check: (resource, context) => withFixId(withCache(cacheCluster(mapEntry(resource.properties, 'CacheClusterEnabled'), context.resolver, 'CacheClusterEnabled'), 'CacheClusterEnabled', () => acrossBranches(context.resolver.lookup(resource.properties, ['MethodSettings']).map((list) => judgeCacheEntries(
    context.resolver.lookup(list.node, ['[]'], list.via).flatMap((found) => (found.node?.kind === 'map' ? [{ node: found.node, anchor: elementRange(found.node), via: found.via, name: '' }] : [])),
    context.resolver,
    { caching: 'CachingEnabled', encrypted: 'CacheDataEncrypted', noEntry: `CacheClusterEnabled is true and no MethodSettings entry sets CacheDataEncrypted${describeVia(list.via)}: GET methods are cached by default, and the cache is not encrypted unless CacheDataEncrypted is true.` },
    resource.idRange,
  ).map((outcome) => onBranch(outcome, list.via))))), CACHE_FIX),
}, {
  check: (resource, context) => withCache(cacheCluster(mapEntry(resource.body, 'cache_cluster_enabled'), context.resolver, 'cache_cluster_enabled'), 'cache_cluster_enabled', () => {
    const settings = context.linked(resource, 'aws_api_gateway_method_settings', 'stage_name');
    const problem = settings.map((method) => tfShapeProblem(method.body, [['settings']])).find((found) => found !== undefined);
    if (problem) return [problem];
    const resolver = context.resolver.withBinding({});
    // Method settings may sit in another file: their findings are reported on the stage.
    const entries = settings.flatMap((method) => resolver.lookup(method.body, ['settings']).flatMap((found) => (found.node?.kind === 'map' ? [{ node: found.node, anchor: resource.anchor, via: found.via, name: `${method.address}: settings.` }] : [])));
    return judgeCacheEntries(entries, resolver, {
      caching: 'caching_enabled',
      encrypted: 'cache_data_encrypted',
      noEntry: 'cache_cluster_enabled is true and no aws_api_gateway_method_settings for this stage sets settings.cache_data_encrypted = true: GET methods are cached by default, and the cache is not encrypted.',
    }, resource.anchor).map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends' ? { ...outcome, range: resource.anchor, fixId: outcome.kind === 'finding' && settings.length === 1 ? CACHE_FIX : undefined } : outcome));
  }),
}), fixes: { [CACHE_FIX]: CACHE_ENCRYPTED } }, METHOD_SETTINGS, []);

const HTTP_INTEGRATIONS = ['http', 'http_proxy'];

/**
 * What a stage's REST API sends its requests to, as far as can be told: Lambda (AWS_PROXY), AWS service (AWS)
 * and MOCK integrations never see the client certificate, which API Gateway presents to HTTP and HTTP_PROXY
 * integrations only (API Gateway developer guide, "Generate and configure an SSL certificate for backend
 * authentication": "verify that HTTP requests to your backend system are from API Gateway"; "API
 * Gateway-supported certificate authorities for HTTP and HTTP proxy integrations").
 * - `not-http`: every integration is known, and none is HTTP;
 * - `maybe-http`: an integration is (or may be, for some parameter value) HTTP, or the API or its integrations
 *   are not in the file at all: the hint stays;
 * - `unknown`: no known HTTP integration, but an integration type or the API's OpenAPI definition cannot be read.
 */
type Backends = { readonly kind: 'not-http' | 'maybe-http' } | { readonly kind: 'unknown'; readonly reason: string };

function backendsOf(types: readonly Resolved[], gaps: readonly string[]): Backends {
  if (types.some((type) => type.known && HTTP_INTEGRATIONS.includes(String(type.value).toLowerCase()))) return { kind: 'maybe-http' };
  if (gaps.length > 0) return { kind: 'unknown', reason: gaps[0] };
  const unknown = types.find((type) => !type.known);
  if (unknown && !unknown.known) return { kind: 'unknown', reason: `an integration type of the API is ${unknown.description}${describeVia(unknown.via)}` };
  return types.length > 0 ? { kind: 'not-http' } : { kind: 'maybe-http' };
}

/**
 * Both formats: integration types in an OpenAPI definition (x-amazon-apigateway-integration.type), through
 * conditions, locals and variables. `level` counts the steps below `paths` (path item, operation): a value
 * there that cannot be read may hold integrations, and is recorded in `gaps`.
 */
function openApiIntegrationTypes(node: ValueNode | undefined, resolver: ValueResolver, via: readonly string[], out: Resolved[], gaps: string[], level?: number, depth = 0): void {
  if (!node || depth > 12) return;
  for (const candidate of resolver.lookup(node, [], via)) {
    const value = candidate.node;
    if (!value) continue;
    if (value.kind === 'seq') {
      for (const item of value.items) openApiIntegrationTypes(item, resolver, candidate.via, out, gaps, level, depth + 1);
    } else if (value.kind === 'map') {
      for (const entry of value.entries) {
        if (entry.key === 'x-amazon-apigateway-integration') {
          for (const type of resolver.lookup(entry.value, ['type'], candidate.via)) {
            out.push(...(type.node ? resolver.scalars(type.node, type.via) : [{ known: false as const, description: 'an integration without a readable type', via: type.via }]));
          }
        } else if (entry.key === 'Fn::Transform') {
          gaps.push('the OpenAPI Body includes Fn::Transform (AWS::Include), whose integrations cannot be read');
        } else {
          const next = entry.key === 'paths' ? 0 : level !== undefined && level < 2 ? level + 1 : undefined;
          openApiIntegrationTypes(entry.value, resolver, candidate.via, out, gaps, next, depth + 1);
        }
      }
    } else if (value.kind === 'intrinsic' && value.name === 'Fn::Transform') {
      gaps.push('the OpenAPI Body includes Fn::Transform (AWS::Include), whose integrations cannot be read');
    } else if (level !== undefined && value.kind !== 'scalar') {
      gaps.push(`a part of the OpenAPI paths is ${describeNode(value)}${describeVia(candidate.via)}, whose integrations cannot be read`);
    }
  }
}

function cfnBackends(stage: CfnResource, context: CfnRuleContext): Backends {
  const api = cfnReferenced(mapEntry(stage.properties, 'RestApiId'), context);
  if (!api || api.type !== 'AWS::ApiGateway::RestApi') return { kind: 'maybe-http' };
  const types: Resolved[] = [];
  const gaps: string[] = [];
  if (mapEntry(api.properties, 'BodyS3Location')) gaps.push(`${api.id} takes its OpenAPI definition from BodyS3Location, whose integrations cannot be read here`);
  const body = mapEntry(api.properties, 'Body');
  if (body) {
    for (const candidate of context.resolver.lookup(body, [])) {
      if (candidate.node && candidate.node.kind !== 'map') gaps.push(`the Body of ${api.id} is ${describeNode(candidate.node)}${describeVia(candidate.via)}, whose integrations cannot be read`);
    }
    openApiIntegrationTypes(body, context.resolver, [], types, gaps);
  }
  for (const method of context.resourcesOfType('AWS::ApiGateway::Method')) {
    if (!refersTo(mapEntry(method.properties, 'RestApiId'), api.id)) continue;
    const found = context.resolver.lookup(method.properties, ['Integration', 'Type']);
    for (const candidate of found) {
      types.push(...(candidate.node ? context.resolver.scalars(candidate.node, candidate.via) : [{ known: false as const, description: 'no integration type', via: candidate.via }]));
    }
  }
  return backendsOf(types, gaps);
}

/** How Terraform resources name their API: the argument, the API's type, and the types whose argument names it too. */
interface ApiLink { readonly argument: string; readonly type: string; readonly children: RegExp }
const REST_API: ApiLink = { argument: 'rest_api_id', type: 'aws_api_gateway_rest_api', children: /^aws_api_gateway_(?!rest_api$)/ };
const V2_API: ApiLink = { argument: 'api_id', type: 'aws_apigatewayv2_api', children: /^aws_apigatewayv2_(?!api$)/ };

/**
 * Terraform: the API resources of this module a resource's rest_api_id (api_id) may name, followed through
 * locals, variables, conditionals and chains of other API Gateway resources (`rest_api_id =
 * aws_api_gateway_method.get.rest_api_id`, `aws_api_gateway_resource.items.rest_api_id`). Empty when it names
 * none of them (a variable without a value, a literal id, a data source, an API of another module).
 */
function tfApis(resource: TfResource, context: TfRuleContext, link: ApiLink = REST_API, seen: Set<TfResource> = new Set()): TfResource[] {
  if (seen.has(resource)) return [];
  seen.add(resource);
  const written = mapEntry(resource.body, link.argument);
  if (!written) return [];
  const resolver = context.resolver.withBinding({});
  const found = new Set<TfResource>();
  for (const candidate of resolver.lookup(written, [])) {
    const expression = candidate.node?.kind === 'expression' ? candidate.node.expression : undefined;
    const names = expression ? referenceParts(expression)?.names : undefined;
    if (!names || names.length < 3) continue;
    const [type, name, attribute] = names;
    const named = context.resourcesOfType(type).filter((other) => other.mode === 'managed' && other.name === name);
    if (type === link.type && attribute === 'id') named.forEach((api) => found.add(api));
    else if (link.children.test(type) && attribute === link.argument) named.forEach((child) => tfApis(child, context, link, seen).forEach((api) => found.add(api)));
  }
  return [...found];
}

/** Terraform: the one API of this module a resource belongs to, if it can be told. */
function tfApi(resource: TfResource, context: TfRuleContext, link: ApiLink = REST_API): TfResource | undefined {
  const apis = tfApis(resource, context, link);
  return apis.length === 1 ? apis[0] : undefined;
}

/** Terraform: the OpenAPI `body` of a REST API, as jsonencode() of an object or a JSON or YAML string. */
function tfOpenApiTypes(api: TfResource, context: TfRuleContext, types: Resolved[], gaps: string[]): void {
  const written = mapEntry(api.body, 'body');
  if (!written) return;
  const resolver = context.resolver.withBinding({});
  for (const candidate of resolver.lookup(written, [])) {
    const node = candidate.node;
    if (!node) continue;
    if (node.kind === 'expression' && node.expression.kind === 'call' && node.expression.name === 'jsonencode' && node.expression.args.length === 1) {
      openApiIntegrationTypes(expressionToNode(node.expression.args[0], node.range), resolver, candidate.via, types, gaps);
      continue;
    }
    const texts = node.kind === 'map' ? [] : resolver.scalars(node, candidate.via);
    const known = texts.length === 1 && texts[0].known && typeof texts[0].value === 'string' ? texts[0].value : undefined;
    const text = known ?? (node.kind === 'expression' && node.expression.kind === 'template' ? templateWithHoles(node.expression.parts, resolver) : undefined);
    if (node.kind === 'map') {
      openApiIntegrationTypes(node, resolver, candidate.via, types, gaps);
    } else if (text === undefined) {
      const why = texts.find((resolved) => !resolved.known);
      gaps.push(`body of ${api.address} is ${why && !why.known ? why.description : 'a value'}${describeVia(candidate.via)}, whose integrations cannot be read`);
    } else {
      // With holes, only JSON is read: there a hole parses only inside a string, never in place of structure.
      const parsed = text.includes(HOLE) && !isJson(text) ? undefined : parseYaml(text);
      if (parsed?.root?.kind !== 'map') {
        gaps.push(`body of ${api.address} is not an OpenAPI document that can be read`);
        continue;
      }
      const found: Resolved[] = [];
      openApiIntegrationTypes(parsed.root, resolver, candidate.via, found, gaps);
      // A type written as an interpolation that cannot be evaluated is unknown.
      types.push(...found.map((type): Resolved => (type.known && String(type.value).includes(HOLE) ? { known: false, description: 'an interpolation that cannot be evaluated', via: type.via } : type)));
    }
  }
}

const HOLE = '__iac_hints_unknown__';

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The text of a JSON or YAML string template whose unknown interpolations (`${aws_lambda_function.fn.invoke_arn}`)
 * are left as a marker, read only when the text is JSON (then they stand inside strings and cannot hide
 * structure, such as another integration); a directive (`%{ for }`) gives undefined.
 */
function templateWithHoles(parts: readonly TemplatePart[], resolver: ValueResolver): string | undefined {
  let text = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      text += part.value;
    } else if (part.kind === 'interpolation') {
      const values = resolver.scalars(expressionToNode(part.expression, part.expression.range));
      text += values.length === 1 && values[0].known ? String(values[0].value) : HOLE;
    } else {
      return undefined;
    }
  }
  return text;
}

function tfBackends(stage: TfResource, context: TfRuleContext): Backends {
  const api = tfApi(stage, context);
  if (!api) return { kind: 'maybe-http' };
  const types: Resolved[] = [];
  const gaps: string[] = [];
  tfOpenApiTypes(api, context, types, gaps);
  const resolver = context.resolver.withBinding({});
  for (const integration of context.resourcesOfType('aws_api_gateway_integration')) {
    if (integration.mode !== 'managed' || !tfApis(integration, context).includes(api)) continue;
    const type = mapEntry(integration.body, 'type');
    types.push(...(type ? resolver.scalars(type) : [{ known: false as const, description: `not set on ${integration.address}`, via: [] }]));
  }
  return backendsOf(types, gaps);
}

const NOT_HTTP = 'Every integration of the API is a Lambda, AWS service or mock integration (AWS_PROXY, AWS, MOCK): API Gateway presents the client certificate to HTTP integrations only.';
const CLIENT_CERT = 'an HTTP backend cannot tell API Gateway calls from anyone else\'s';

const clientCertBase = settingRule({
  setting: 'apigw-client-cert',
  cloudformation: {
    compliant: { present: true },
    fixParameter: { name: 'ApiClientCertificateId', description: 'ID of the API Gateway client certificate the stage presents to its backend.' },
    consequence: `${CLIENT_CERT}.`,
    // Information when absent: only HTTP integrations can check the certificate.
    missingSeverity: 'info',
    whenMissing: `${CLIENT_CERT} (this matters for HTTP and HTTP_PROXY integrations only, not for Lambda or AWS service integrations).`,
    skip: (resource, context) => (cfnBackends(resource, context).kind === 'not-http' ? NOT_HTTP : undefined),
  },
  terraform: {
    whenMissing: `${CLIENT_CERT} (this matters for HTTP and HTTP_PROXY integrations only, not for Lambda or AWS service integrations); set client_certificate_id = aws_api_gateway_client_certificate.<name>.id.`,
    skip: (resource, context) => (tfBackends(resource, context).kind === 'not-http' ? NOT_HTTP : undefined),
  },
});

/** A missing certificate matters only if an integration is HTTP: when that cannot be told, the stage cannot be checked. */
function unlessBackendsUnknown(outcomes: RuleOutcome[], backends: () => Backends): RuleOutcome[] {
  if (!outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends')) return outcomes;
  const known = backends();
  return known.kind === 'unknown' ? [{ kind: 'unknown', reason: `${known.reason}: whether any integration is HTTP (the only kind shown the client certificate) cannot be told.` }] : outcomes;
}

const clientCert: Rule = {
  ...clientCertBase,
  cloudformation: { check: (resource, context) => unlessBackendsUnknown(clientCertBase.cloudformation?.check(resource, context) ?? [], () => cfnBackends(resource, context)) },
  terraform: { check: (resource, context) => unlessBackendsUnknown(clientCertBase.terraform?.check(resource, context) ?? [], () => tfBackends(resource, context)) },
};

const methodAuthorizationBase = settingRule({
  setting: 'apigw-method-authorization',
  cloudformation: {
    compliant: { noneOf: ['NONE'] },
    // CloudFormation does not require AuthorizationType; without it the method is NONE (open).
    absent: 'missed',
    consequence: 'anyone who can reach the API can call this method; use AWS_IAM, a Cognito or Lambda authorizer, or require an API key.',
    whenMissing: 'the method defaults to NONE, so anyone who can reach the API can call it; use AWS_IAM, a Cognito or Lambda authorizer, or require an API key.',
    // AWS_IAM needs no authorizer resource (AWS::ApiGateway::Method AuthorizationType: NONE, AWS_IAM, CUSTOM,
    // COGNITO_USER_POOLS; the authorizers need an AuthorizerId the author designs).
    fix: 'AWS_IAM',
    skip: (resource, context) => openByDesign(mapEntry(resource.properties, 'HttpMethod'), mapEntry(resource.properties, 'ApiKeyRequired'), context),
  },
  terraform: {
    // authorization is a required argument of aws_api_gateway_method, with the API's values (NONE, CUSTOM,
    // AWS_IAM, COGNITO_USER_POOLS; provider docs, aws_api_gateway_method): the same test.
    compliant: { noneOf: ['NONE'] },
    absent: 'not-applicable',
    absentDetail: 'authorization is a required argument of aws_api_gateway_method.',
    consequence: 'anyone who can reach the API can call this method; set authorization = "AWS_IAM", "COGNITO_USER_POOLS" or "CUSTOM" (with authorizer_id), or api_key_required = true.',
    skip: (resource, context) => openByDesign(mapEntry(resource.body, 'http_method'), mapEntry(resource.body, 'api_key_required'), context),
  },
});

/**
 * A PRIVATE REST API is reachable only through interface VPC endpoints for execute-api, and a resource policy
 * whose condition names aws:SourceVpce (or aws:SourceVpc) admits calls from those endpoints (or VPCs) only (API
 * Gateway developer guide, "Private REST APIs in API Gateway" and "Example: Allow private API traffic based on
 * source VPC or VPC endpoint"). A method without authorization there is open to whoever can send requests
 * through that endpoint, not to the internet: information naming the endpoint, not a warning.
 * Returns the endpoint restriction as text, or undefined when the API is not certainly private and so limited.
 */
function privateEndpointLimit(types: readonly Candidate[], documents: readonly PolicyDocument[], resolver: ValueResolver): string | undefined {
  const values = types.flatMap((candidate) => (candidate.node ? resolver.scalars(candidate.node, candidate.via) : []));
  if (values.length === 0 || !values.every((value) => value.known && String(value.value).toUpperCase() === 'PRIVATE')) return undefined;
  // Every way the policy may turn out must limit the callers by VPC endpoint or VPC.
  if (documents.length === 0) return undefined;
  const limits = documents.map((document) => document.statements.flatMap((statement) => statement.condition)
    .find((entry) => ['aws:sourcevpce', 'aws:sourcevpc'].includes(entry.key.toLowerCase()) && !/ifexists$/i.test(entry.operator)
      && entry.values.length > 0 && entry.values.every((value) => value.value !== '*' && !/\*/.test(value.value ?? ''))));
  if (limits.some((limit) => limit === undefined)) return undefined;
  const first = limits[0];
  return first ? `${first.key} ${first.values.map((value) => value.value ?? value.text).join(', ')}` : undefined;
}

function privateApi(outcomes: RuleOutcome[], limit: string | undefined): RuleOutcome[] {
  if (!limit) return outcomes;
  const reword = (message: string) => message.replace(/anyone who can reach the API can call (this method|it)/,
    `the API is PRIVATE and its resource policy admits execute-api:Invoke only with ${limit}, so anyone who can send requests through that VPC endpoint can call $1`);
  return outcomes.map((outcome) => {
    if (outcome.kind === 'finding') return { ...outcome, severity: 'info', message: reword(outcome.message) };
    if (outcome.kind === 'depends') return { ...outcome, message: reword(outcome.message) };
    return outcome;
  });
}

const methodAuthorization: Rule = {
  ...methodAuthorizationBase,
  cloudformation: {
    check(resource, context) {
      const outcomes = methodAuthorizationBase.cloudformation?.check(resource, context) ?? [];
      if (!outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends')) return outcomes;
      const api = cfnReferenced(mapEntry(resource.properties, 'RestApiId'), context);
      if (api?.type !== 'AWS::ApiGateway::RestApi') return outcomes;
      const types = context.resolver.lookup(api.properties, ['EndpointConfiguration', 'Types', '[]']);
      return privateApi(outcomes, privateEndpointLimit(types, readPolicyDocuments(mapEntry(api.properties, 'Policy'), context.resolver), context.resolver));
    },
  },
  terraform: {
    check(resource, context) {
      const outcomes = methodAuthorizationBase.terraform?.check(resource, context) ?? [];
      if (!outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends')) return outcomes;
      const api = tfApi(resource, context);
      if (!api) return outcomes;
      const apiContext = { ...context, resolver: context.resolver.withBinding({}) };
      const types = apiContext.resolver.lookup(api.body, ['endpoint_configuration', 'types', '[]']);
      // The policy is the API's `policy` argument or an aws_api_gateway_rest_api_policy naming the API.
      const standalone = context.resourcesOfType('aws_api_gateway_rest_api_policy').filter((policy) => policy.mode === 'managed' && tfApis(policy, context).includes(api));
      const documents = [
        ...readTerraformPolicies(tfArgument(api, 'policy'), apiContext, api.file),
        ...standalone.flatMap((policy) => readTerraformPolicies(tfArgument(policy, 'policy'), apiContext, policy.file)),
      ];
      return privateApi(outcomes, privateEndpointLimit(types, documents, apiContext.resolver));
    },
  },
};

/** Both formats: CORS preflight methods are open by design; a method that requires an API key is not open. */
function openByDesign(method: ValueNode | undefined, apiKey: ValueNode | undefined, context: Resolving): string | undefined {
  if (scalarsOf(method, context).some((value) => value.toUpperCase() === 'OPTIONS')) return 'CORS preflight (OPTIONS) methods are open by design.';
  if (scalarsOf(apiKey, context).some((value) => value.toLowerCase() === 'true')) return 'The method requires an API key.';
  return undefined;
}

const domainTls = settingRule({
  setting: 'apigw-domain-tls',
  cloudformation: {
    compliant: { matches: /^(TLS_1_2|SecurityPolicy_TLS13_.*|SecurityPolicy_TLS12_.*)$/i },
    consequence: 'clients can connect to the custom domain with TLS 1.0 or 1.1.',
    whenMissing: 'SecurityPolicy defaults to TLS_1_0, so clients can connect to the custom domain with TLS 1.0; set TLS_1_2.',
    fix: 'TLS_1_2',
  },
  terraform: {
    // security_policy takes the API's names (TLS_1_0, TLS_1_2 and the enhanced SecurityPolicy_TLS13_* /
    // SecurityPolicy_TLS12_* policies; provider docs, aws_api_gateway_domain_name): the same test.
    compliant: { matches: /^(TLS_1_2|SecurityPolicy_TLS13_.*|SecurityPolicy_TLS12_.*)$/i },
    consequence: 'clients can connect to the custom domain with TLS 1.0 or 1.1; set security_policy = "TLS_1_2".',
    whenMissing: 'security_policy defaults to "TLS_1_0", so clients can connect to the custom domain with TLS 1.0; set security_policy = "TLS_1_2".',
  },
});

const v2AccessLogging = withSamGlobals(guarded(settingRule({
  setting: 'apigwv2-access-logging',
  cloudformation: {
    types: ['AWS::ApiGatewayV2::Stage', 'AWS::Serverless::HttpApi'],
    compliant: { present: true },
    consequence: 'calls to the API are not logged, leaving no trail of who called what for investigations.',
  },
  terraform: { consequence: 'calls to the API are not logged, leaving no trail of who called what for investigations; add an access_log_settings block with destination_arn and format.' },
}), [[['AccessLogSettings'], 'map']], [['access_log_settings']]), 'AWS::Serverless::HttpApi', 'HttpApi');

/**
 * Both formats: CORS preflight (OPTIONS) routes are open by design, and WebSocket APIs authorize on $connect
 * only (other routes cannot take an authorizer).
 */
function routeOpenByDesign(key: string, protocol: string | undefined): string | undefined {
  if (/^OPTIONS /i.test(key)) return 'CORS preflight (OPTIONS) routes are open by design.';
  const websocket = protocol !== undefined ? protocol.toUpperCase() === 'WEBSOCKET' : !/^(\$default|\S+ \/.*)$/.test(key);
  return websocket && key !== '$connect' ? 'WebSocket routes other than $connect cannot have authorization.' : undefined;
}

/** A setting's possible values: a string each, undefined for one that cannot be known; [''] when it is absent. */
function possibleScalars(node: ValueNode | undefined, context: Resolving): (string | undefined)[] {
  if (!node) return [''];
  const values = context.resolver.scalars(node).map((resolved) => (resolved.known ? String(resolved.value) : undefined));
  return values.length > 0 ? values : [undefined];
}

/**
 * routeOpenByDesign over every possible route key and protocol (an API not found, or whose protocol cannot be read,
 * is told by the key's shape). A key that cannot be known on an API that is or may be WebSocket, or possible values
 * that disagree, leave it open: then an authorization setting that is not certainly compliant cannot be checked
 * (the route may be one that cannot take authorization). AuthorizationType's values: AWS::ApiGatewayV2::Route.
 */
function routeSkip(keys: (string | undefined)[], protocols: (string | undefined)[] | undefined, authorization: (string | undefined)[], setting: string): string | RuleOutcome[] | undefined {
  const verdicts = new Set<string | undefined>();
  let unsure = false;
  for (const key of keys) {
    for (const protocol of protocols ?? [undefined]) {
      if (key === undefined) {
        if (protocol === undefined || protocol.toUpperCase() === 'WEBSOCKET') unsure = true;
        else verdicts.add(undefined); // an HTTP route must be authorized whatever its key (bar a CORS preflight)
      } else {
        verdicts.add(routeOpenByDesign(key, protocol));
      }
    }
  }
  if (!unsure && verdicts.size === 1) return [...verdicts][0];
  if (authorization.every((value) => value !== undefined && ['AWS_IAM', 'JWT', 'CUSTOM'].includes(value.toUpperCase()))) return undefined;
  return [{ kind: 'unknown', reason: `the route key or the API's protocol cannot be known here, and a WebSocket route other than $connect cannot have authorization, so whether ${setting} is needed cannot be told.` }];
}

const routeAuthorization = settingRule({
  setting: 'apigwv2-route-authorization',
  cloudformation: {
    compliant: { oneOf: ['AWS_IAM', 'JWT', 'CUSTOM'] },
    consequence: 'anyone who can reach the API can call this route; use AWS_IAM, a JWT or a Lambda authorizer.',
    // AWS_IAM needs no authorizer (AWS::ApiGatewayV2::Route AuthorizationType: NONE, AWS_IAM, CUSTOM, JWT; for a
    // WebSocket API only $connect takes one, and the rule skips the other routes).
    fix: 'AWS_IAM',
    whenMissing: 'AuthorizationType defaults to NONE, so anyone who can reach the API can call this route; use AWS_IAM, a JWT or a Lambda authorizer.',
    skip: (resource, context) => {
      const api = cfnReferenced(mapEntry(resource.properties, 'ApiId'), context);
      const protocols = api ? possibleScalars(mapEntry(api.properties, 'ProtocolType'), context) : undefined;
      return routeSkip(possibleScalars(mapEntry(resource.properties, 'RouteKey'), context), protocols,
        possibleScalars(mapEntry(resource.properties, 'AuthorizationType'), context), 'AuthorizationType');
    },
  },
  terraform: {
    // authorization_type takes the API's values and defaults to NONE (provider docs, aws_apigatewayv2_route): the same test.
    compliant: { oneOf: ['AWS_IAM', 'JWT', 'CUSTOM'] },
    consequence: 'anyone who can reach the API can call this route; set authorization_type = "AWS_IAM", "JWT" or "CUSTOM" (with authorizer_id).',
    whenMissing: 'authorization_type defaults to "NONE", so anyone who can reach the API can call this route; set authorization_type = "AWS_IAM", "JWT" or "CUSTOM" (with authorizer_id).',
    skip: (resource, context) => {
      const api = tfApi(resource, context, V2_API);
      const protocols = api ? possibleScalars(mapEntry(api.body, 'protocol_type'), context) : undefined;
      return routeSkip(possibleScalars(mapEntry(resource.body, 'route_key'), context), protocols,
        possibleScalars(mapEntry(resource.body, 'authorization_type'), context), 'authorization_type');
    },
  },
});

// ---------------------------------------------------------------------------------------------------------------
// WAF

const STAGE_WAF = 'the API stage has no web ACL filtering common exploits, bots and floods.';

/** A WAFv2 association pointing at the stage (or, in CloudFormation, at its REST API: the ARN is built with !Sub). */
const apigwWaf = metaRule('apigw-waf', {
  check(resource, context) {
    const targets = [resource.id];
    const api = mapEntry(resource.properties, 'RestApiId');
    if (api?.kind === 'intrinsic' && api.name === 'Ref' && api.argument.kind === 'scalar') targets.push(String(api.argument.value));
    const associations = targets.flatMap((id) => pointingAt({ ...resource, id }, context, 'AWS::WAFv2::WebACLAssociation', 'ResourceArn'));
    return pointedAtOutcome(associations.map((association) => association.id), 'AWS::WAFv2::WebACLAssociation in this template', 'attaches a web ACL.', resource.idRange, STAGE_WAF);
  },
}, {
  check: (resource, context) => pointedAtOutcome(tfStageAssociations(resource, context).map((other) => other.address),
    'aws_wafv2_web_acl_association in this module', 'attaches a web ACL.', resource.anchor, STAGE_WAF),
}, { cloudformation: ['AWS::ApiGateway::Stage'] });

/**
 * Terraform: the web ACL associations whose resource_arn names the stage: its `arn` (also through a local), or
 * an ARN built in a string from a reference to the stage, or from the stage's REST API and its literal stage name
 * (`"arn:aws:apigateway:\${var.region}::/restapis/\${aws_api_gateway_rest_api.api.id}/stages/prod"`; the stage ARN
 * format is arn:aws:apigateway:region::/restapis/api-id/stages/stage-name, AWS WAF developer guide and the
 * provider docs of aws_wafv2_web_acl_association).
 */
function tfStageAssociations(stage: TfResource, context: TfRuleContext): TfResource[] {
  const direct = context.linked(stage, 'aws_wafv2_web_acl_association', 'resource_arn');
  const api = tfApi(stage, context);
  const names = scalarsOf(mapEntry(stage.body, 'stage_name'), context);
  const stageName = names.length === 1 ? names[0] : undefined;
  const resolver = context.resolver.withBinding({});
  const built = context.resourcesOfType('aws_wafv2_web_acl_association').filter((association) => association.mode === 'managed' && !direct.includes(association)
    && resolver.lookup(mapEntry(association.body, 'resource_arn'), []).some((candidate) => candidate.node?.kind === 'expression' && arnNamesStage(candidate.node.expression, stage, api, stageName)));
  return [...direct, ...built];
}

function arnNamesStage(expression: HclExpression, stage: TfResource, api: TfResource | undefined, stageName: string | undefined): boolean {
  let namesStage = false;
  let namesApi = false;
  let text = '';
  walkExpressions(expression, (node) => {
    if (node.kind === 'traversal') {
      const names = referenceParts(node)?.names ?? [];
      if (names[0] === stage.type && names[1] === stage.name) namesStage = true;
      if (api && names[0] === api.type && names[1] === api.name) namesApi = true;
    } else if (node.kind === 'template') {
      text += node.parts.map((part) => (part.kind === 'text' ? part.value : '\u0000')).join('');
    }
  });
  if (namesStage) return true;
  return namesApi && stageName !== undefined && new RegExp(`/stages/${stageName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[/\u0000])`).test(text);
}

const WAF_LOGGING = 'the requests it allows and blocks are not logged.';

const wafLogging = metaRule('waf-logging', {
  check: (resource, context) => pointedAtOutcome(pointingAt(resource, context, 'AWS::WAFv2::LoggingConfiguration', 'ResourceArn').map((configuration) => configuration.id),
    'AWS::WAFv2::LoggingConfiguration in this template', 'logs the web ACL.', resource.idRange, WAF_LOGGING, 'this web ACL'),
}, {
  check: (resource, context) => pointedAtOutcome(context.linked(resource, 'aws_wafv2_web_acl_logging_configuration', 'resource_arn').map((other) => other.address),
    'aws_wafv2_web_acl_logging_configuration in this module', 'logs the web ACL.', resource.anchor, WAF_LOGGING, 'this web ACL'),
}, { cloudformation: ['AWS::WAFv2::WebACL'] });

export const CLOUDFRONT_RULES: readonly Rule[] = [viewerHttps, minTlsRule, originHttps, cloudfrontLogging, cloudfrontWaf, s3Oac];
export const APIGW_RULES: readonly Rule[] = [executionLogging, accessLogging, cacheEncrypted, clientCert, methodAuthorization, domainTls, v2AccessLogging, routeAuthorization];
export const EDGE_WAF_RULES: readonly Rule[] = [apigwWaf, wafLogging];
