// Setting rules for network services. Each entry names a knowledge-base setting and says how to judge it.
// SSH, RDP and all-ports exposure in security groups is sg-open-admin-ports (rules/sg-open-admin-ports.ts).
import type { CfnResource, CfnRuleContext } from '../../cloudformation/model';
import { mapEntry } from '../../cloudformation/model';
import { describeVia, quote } from '../../cloudformation/resolve';
import type { MapNode, OffsetRange, ValueNode } from '../../types';
import { naclNoWorldAdminPorts } from '../nacl-no-world-admin-ports';
import type { RuleOutcome } from '../outcome';
import type { Rule, TerraformReader } from '../rule';
import type { TfResource } from '../../terraform/context';
import type { Candidate, ValueResolver } from '../../resolution';
import type { TfRuleContext } from '../../terraform/context';
import { referenceParts } from '../../terraform/hcl';
import { judgeSetting } from '../setting';
import { settingRule } from '../settingRule';
import type { SettingRuleSpec } from '../settingRule';
import { sgEgressRestricted } from '../sg-egress-restricted';
import { sgNoWorldHighRiskPorts } from '../sg-no-world-high-risk-ports';
import { pointingAt, vpcFlowLogs } from '../vpc-flow-logs';
import { elementRule } from './compute';

function scalarsOf(node: ValueNode | undefined, context: { readonly resolver: ValueResolver }): string[] {
  if (!node) return [];
  return context.resolver.scalars(node).flatMap((resolved) => (resolved.known ? [String(resolved.value)] : []));
}

function loadBalancerType(body: MapNode | undefined, context: { readonly resolver: ValueResolver }, key: string): string {
  return scalarsOf(mapEntry(body, key), context)[0]?.toLowerCase() ?? 'application';
}

/** A rule whose metadata comes from the knowledge base and whose check is written by hand. */
function customRule(spec: Pick<SettingRuleSpec, 'setting' | 'severity'> & { types?: readonly string[] }, check: (resource: CfnResource, context: CfnRuleContext) => RuleOutcome[], terraform?: TerraformReader['check']): Rule {
  const base = settingRule({ setting: spec.setting, ...(spec.severity ? { severity: spec.severity } : {}), cloudformation: { compliant: { present: true }, consequence: '', ...(spec.types ? { types: spec.types } : {}) } });
  return { meta: base.meta, cloudformation: { check }, ...(terraform ? { terraform: { check: terraform } } : {}) };
}

/** Both formats: a resource of another type that points at this one discharges the duty (a WAF association, a logging configuration). */
function pointedAtOutcome(pointing: readonly string[], what: string, addressed: string, anchor: OffsetRange, consequence: string, target = 'it'): RuleOutcome[] {
  if (pointing.length > 0) return [{ kind: 'addressed', detail: `${pointing[0]} ${addressed}` }];
  return [{ kind: 'finding', message: `No ${what} points at ${target}: ${consequence}`, range: anchor }];
}

/** Terraform: resources of `type` in this module whose `link` argument refers to the resource. */
function tfPointing(resource: TfResource, context: TfRuleContext, type: string, link: string): string[] {
  return context.linked(resource, type, link).map((other) => other.address);
}

/**
 * An ELBv2 load balancer attribute ({Key, Value} in LoadBalancerAttributes): compliant when the key's value
 * passes, missed when the key is absent.
 */
function attributeRule(setting: string, key: string, isCompliant: (value: string) => boolean, consequence: string, applies: (type: string) => boolean, tfPath: readonly string[]): Rule {
  return customRule({ setting }, (resource, context) => {
    const type = loadBalancerType(resource.properties, context, 'Type');
    if (!applies(type)) return [{ kind: 'not-applicable', detail: `Not available on a ${type} load balancer.` }];
    for (const candidate of context.resolver.lookup(resource.properties, ['LoadBalancerAttributes', '[]'])) {
      const entry = candidate.node;
      if (entry?.kind !== 'map' || scalarsOf(mapEntry(entry, 'Key'), context)[0] !== key) continue;
      const valueNode = mapEntry(entry, 'Value');
      if (!valueNode) continue;
      return judgeAttribute(key, valueNode, candidate.via, context.resolver, isCompliant, consequence);
    }
    return [{ kind: 'finding', message: `${key} is not set: ${consequence}`, range: resource.idRange }];
  }, (resource, context) => {
    // Terraform has one argument (or block argument) per attribute on aws_lb.
    const type = loadBalancerType(resource.body, context, 'load_balancer_type');
    if (!applies(type)) return [{ kind: 'not-applicable', detail: `Not available on a ${type} load balancer.` }];
    const name = tfPath.join('.');
    const candidate = context.resolver.lookup(resource.body, tfPath).find((found) => found.node !== undefined);
    if (!candidate?.node) return [{ kind: 'finding', message: `${name} is not set: ${consequence}`, range: resource.anchor }];
    return judgeAttribute(name, candidate.node, candidate.via, context.resolver, isCompliant, consequence);
  });
}

/** The judgement of both formats: the first non-compliant value of an attribute, or addressed. */
function judgeAttribute(name: string, valueNode: ValueNode, via: readonly string[], resolver: ValueResolver, isCompliant: (value: string) => boolean, consequence: string): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  for (const resolved of resolver.scalars(valueNode, via)) {
    if (!resolved.known || isCompliant(String(resolved.value).toLowerCase())) continue;
    const message = `${name} is ${quote(resolved.value)}${describeVia(resolved.via)}: ${consequence}`;
    const definite = !resolved.fromParameter || resolved.fromParameter.isDefault;
    outcomes.push(definite ? { kind: 'finding', message, range: valueNode.range } : { kind: 'depends', message: `Depends on the deployment: ${message}`, range: valueNode.range });
  }
  return outcomes.length > 0 ? outcomes.slice(0, 1) : [{ kind: 'addressed', detail: `${name} is set.`, range: valueNode.range }];
}

/** WAFv2 association pointing at the resource (or, for a stage, at its REST API). */
function wafRule(setting: string, types: readonly string[], consequence: string, applies?: (resource: CfnResource, context: CfnRuleContext) => boolean, tfApplies?: (resource: TfResource, context: TfRuleContext) => boolean): Rule {
  return customRule({ setting, types }, (resource, context) => {
    if (applies && !applies(resource, context)) return [{ kind: 'not-applicable', detail: 'WAF cannot be attached to this resource.' }];
    const targets = [resource.id];
    const api = mapEntry(resource.properties, 'RestApiId');
    if (api?.kind === 'intrinsic' && api.name === 'Ref' && api.argument.kind === 'scalar') targets.push(String(api.argument.value));
    const associations = targets.flatMap((id) => pointingAt({ ...resource, id }, context, 'AWS::WAFv2::WebACLAssociation', 'ResourceArn'));
    return pointedAtOutcome(associations.map((association) => association.id), 'AWS::WAFv2::WebACLAssociation in this template', 'attaches a web ACL.', resource.idRange, consequence);
  }, (resource, context) => {
    if (tfApplies && !tfApplies(resource, context)) return [{ kind: 'not-applicable', detail: 'WAF cannot be attached to this resource.' }];
    return pointedAtOutcome(tfPointing(resource, context, 'aws_wafv2_web_acl_association', 'resource_arn'), 'aws_wafv2_web_acl_association in this module', 'attaches a web ACL.', resource.anchor, consequence);
  });
}

const S3_WEBSITE = /s3-website[.-]/i;
function isS3Origin(origin: MapNode, context: CfnRuleContext): boolean {
  if (mapEntry(origin, 'S3OriginConfig')) return true;
  if (mapEntry(origin, 'CustomOriginConfig')) return false;
  const domain = mapEntry(origin, 'DomainName');
  if (domain?.kind === 'intrinsic' && domain.name === 'Fn::GetAtt') {
    const target = domain.argument.kind === 'seq' ? domain.argument.items[0] : domain.argument;
    const id = target?.kind === 'scalar' ? String(target.value).split('.')[0] : '';
    return context.template.resourcesById.get(id)?.type === 'AWS::S3::Bucket';
  }
  return scalarsOf(domain, context).some((name) => /\.s3[.-]/i.test(name) && !S3_WEBSITE.test(name));
}

/** Terraform: an s3_origin_config block, a bucket's domain attribute, or an S3 (not website) domain name. */
function isTfS3Origin(origin: MapNode, context: TfRuleContext): boolean {
  if (mapEntry(origin, 's3_origin_config')) return true;
  if (mapEntry(origin, 'custom_origin_config')) return false;
  const domain = mapEntry(origin, 'domain_name');
  const reference = domain?.kind === 'expression' ? referenceParts(domain.expression) : undefined;
  if (reference?.names[0] === 'aws_s3_bucket') return !reference.names.includes('website_endpoint') && !reference.names.includes('website_domain');
  return scalarsOf(domain, context).some((name) => /\.s3[.-]/i.test(name) && !S3_WEBSITE.test(name));
}

/** Both formats: every cache behaviour's viewer protocol policy (default and ordered), judged alike. */
function judgeViewerHttps(start: MapNode | undefined, anchor: OffsetRange, resolver: ValueResolver, paths: readonly (readonly string[])[], name: string): RuleOutcome[] {
  const outcomes = paths.flatMap((path) => judgeSetting(start, anchor, resolver, {
    path,
    isCompliant: (value) => String(value).toLowerCase() !== 'allow-all',
    absent: { kind: 'not-applicable', detail: `${name} is required.` },
    consequence: 'viewers can fetch content over plain HTTP, readable and alterable on the way; use redirect-to-https or https-only.',
  }));
  const gaps = outcomes.filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
  return gaps.length > 0 ? gaps : outcomes.slice(0, 1);
}

const viewerHttps = customRule({ setting: 'cloudfront-viewer-https' },
  (resource, context) => judgeViewerHttps(resource.properties, resource.idRange, context.resolver,
    [['DistributionConfig', 'DefaultCacheBehavior', 'ViewerProtocolPolicy'], ['DistributionConfig', 'CacheBehaviors', '[]', 'ViewerProtocolPolicy']], 'ViewerProtocolPolicy'),
  (resource, context) => judgeViewerHttps(resource.body, resource.anchor, context.resolver,
    [['default_cache_behavior', 'viewer_protocol_policy'], ['ordered_cache_behavior', '[]', 'viewer_protocol_policy']], 'viewer_protocol_policy'));

const minTlsCustom = settingRule({
  setting: 'cloudfront-min-tls',
  cloudformation: {
    compliant: { oneOf: ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'] },
    consequence: 'viewers can connect with protocols or ciphers older than the TLSv1.2_2021 policy.',
    whenMissing: 'the security policy defaults to TLSv1, so viewers can connect with TLS 1.0; set TLSv1.2_2021 or newer.',
  },
});
/** Both formats: a distribution on the default *.cloudfront.net certificate cannot raise its TLS policy. */
function defaultCertificate(certificate: ValueNode | undefined, ownKeys: readonly string[], anchor: OffsetRange): RuleOutcome[] | undefined {
  const custom = certificate?.kind === 'map' && ownKeys.some((key) => mapEntry(certificate, key));
  if (custom || (certificate && certificate.kind !== 'map')) return undefined;
  return [{
    kind: 'finding',
    severity: 'info',
    message: 'The distribution uses the default *.cloudfront.net certificate: its security policy is TLSv1 and cannot be raised, so viewers can connect with TLS 1.0; serve it on your own domain with an ACM certificate and MinimumProtocolVersion TLSv1.2_2021.',
    range: certificate?.range ?? anchor,
  }];
}

const minTls: Rule = {
  meta: minTlsCustom.meta,
  cloudformation: {
    check(resource, context) {
      const certificate = mapEntry(mapEntry(resource.properties, 'DistributionConfig') as MapNode | undefined, 'ViewerCertificate');
      return defaultCertificate(certificate, ['AcmCertificateArn', 'IamCertificateId'], resource.idRange) ?? minTlsCustom.cloudformation?.check(resource, context) ?? [];
    },
  },
  terraform: {
    check(resource, context) {
      // viewer_certificate is required in Terraform; cloudfront_default_certificate = true is the default certificate.
      const certificate = mapEntry(resource.body, 'viewer_certificate');
      return defaultCertificate(certificate, ['acm_certificate_arn', 'iam_certificate_id'], resource.anchor) ?? minTlsCustom.terraform?.check(resource, context) ?? [];
    },
  },
};

const NO_EXECUTION_LOGS = 'API Gateway writes no execution logs, leaving no trail of errors or requests for investigations.';

/** Both formats: some method setting logs at ERROR or INFO; else the first other level, or undefined when none is set. */
function judgeExecutionLogging(levels: readonly Candidate[], resolver: ValueResolver, name: string, range: (node: ValueNode) => OffsetRange): RuleOutcome[] | undefined {
  let off: RuleOutcome | undefined;
  for (const candidate of levels) {
    if (!candidate.node) continue;
    for (const resolved of resolver.scalars(candidate.node, candidate.via)) {
      if (!resolved.known) return [{ kind: 'addressed', detail: `${name} cannot be read in the template.` }];
      if (['error', 'info'].includes(String(resolved.value).toLowerCase())) return [{ kind: 'addressed', detail: `${name} is ${quote(resolved.value)}.`, range: range(candidate.node) }];
      off ??= { kind: 'finding', message: `${name} is ${quote(resolved.value)}${describeVia(resolved.via)}: ${NO_EXECUTION_LOGS}`, range: range(candidate.node) };
    }
  }
  return off ? [off] : undefined;
}

const executionLogging = customRule({ setting: 'apigw-execution-logging', types: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'] }, (resource, context) =>
  judgeExecutionLogging(context.resolver.lookup(resource.properties, ['MethodSettings', '[]', 'LoggingLevel']), context.resolver, 'LoggingLevel', (node) => node.range)
    ?? [{ kind: 'finding', message: 'MethodSettings LoggingLevel is not set: execution logging is off, leaving no trail of errors or requests for investigations; set LoggingLevel ERROR or INFO for ResourcePath /* and HttpMethod *.', range: resource.idRange }],
(resource, context) => {
  // aws_api_gateway_method_settings names the stage (stage_name = aws_api_gateway_stage.x.stage_name); it may
  // sit in another file of the module, so its findings are reported on the stage.
  const settings = context.linked(resource, 'aws_api_gateway_method_settings', 'stage_name');
  const levels = settings.flatMap((method) => context.resolver.withBinding({}).lookup(method.body, ['settings', 'logging_level']));
  return judgeExecutionLogging(levels, context.resolver.withBinding({}), `${settings[0]?.address ?? 'aws_api_gateway_method_settings'}: settings.logging_level`, () => resource.anchor)
    ?? [{ kind: 'finding', message: `${settings.length > 0 ? `${settings[0].address} does not set settings.logging_level` : 'No aws_api_gateway_method_settings in this module names this stage'}: execution logging is off, leaving no trail of errors or requests for investigations; set logging_level = "ERROR" or "INFO" for method_path "*/*".`, range: resource.anchor }];
});

const isApplicationLb = (resource: CfnResource, context: CfnRuleContext) => loadBalancerType(resource.properties, context, 'Type') === 'application'
  && scalarsOf(mapEntry(resource.properties, 'Scheme'), context)[0] !== 'internal';
const isTfApplicationLb = (resource: TfResource, context: TfRuleContext) => loadBalancerType(resource.body, context, 'load_balancer_type') === 'application'
  && !scalarsOf(mapEntry(resource.body, 'internal'), context).some((value) => value.toLowerCase() === 'true');

const WAF_LOGGING = 'the requests it allows and blocks are not logged.';

export const NETWORK_RULES: readonly Rule[] = [
  // --- Security groups, network ACLs, subnets, VPCs, transit gateways
  sgNoWorldHighRiskPorts,
  sgEgressRestricted,
  naclNoWorldAdminPorts,
  settingRule({
    setting: 'subnet-no-auto-public-ip',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'every instance launched in the subnet gets a public address unless it opts out, so it is reachable from the internet wherever its security groups allow.',
    },
  }),
  vpcFlowLogs,
  settingRule({
    setting: 'tgw-no-auto-accept',
    cloudformation: {
      compliant: { equals: 'disable' },
      consequence: 'any account the gateway is shared with can attach its VPCs without your review, joining your network.',
      fix: 'disable',
    },
  }),
  // --- Load balancers
  settingRule({
    setting: 'alb-https-listener',
    cloudformation: {
      compliant: { noneOf: ['HTTP'] },
      consequence: 'requests and responses cross the network in plain text; listen on HTTPS, or redirect HTTP to HTTPS.',
      skip: (resource, context) => {
        const redirects = context.resolver.lookup(resource.properties, ['DefaultActions', '[]']).some((candidate) => {
          const action = candidate.node?.kind === 'map' ? candidate.node : undefined;
          return scalarsOf(mapEntry(action, 'Type'), context)[0]?.toLowerCase() === 'redirect'
            && scalarsOf(mapEntry(mapEntry(action, 'RedirectConfig') as MapNode | undefined, 'Protocol'), context)[0]?.toUpperCase() === 'HTTPS';
        });
        return redirects ? 'The HTTP listener redirects to HTTPS.' : undefined;
      },
    },
  }),
  settingRule({
    setting: 'alb-tls-policy',
    cloudformation: {
      // TLS 1.2-minimum policies: ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-*, -FS-1-2-* (and FIPS variants).
      compliant: { matches: /(TLS13-1-[23]|TLS-1-2|FS-1-2)-/i },
      consequence: 'the listener accepts TLS 1.0 or 1.1 clients, protocols with known weaknesses; use ELBSecurityPolicy-TLS13-1-2-2021-06 or a stricter policy.',
      whenMissing: 'a listener created outside the console gets ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1 clients; set ELBSecurityPolicy-TLS13-1-2-2021-06 or a stricter policy.',
      // Only HTTPS and TLS listeners have a security policy.
      skip: (resource, context) => encryptedListener(context.resolver, resource.properties, 'Protocol'),
      fix: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    },
    terraform: {
      skip: (resource, context) => encryptedListener(context.resolver, resource.body, 'protocol'),
    },
  }),
  attributeRule('alb-drop-invalid-headers', 'routing.http.drop_invalid_header_fields.enabled', (value) => value === 'true',
    'requests with malformed headers reach the targets, a path for HTTP request smuggling and header injection.', (type) => type === 'application', ['drop_invalid_header_fields']),
  attributeRule('alb-access-logs', 'access_logs.s3.enabled', (value) => value === 'true',
    // Application load balancers only: NLBs log TLS listeners alone and gateway load balancers not at all.
    'requests to the load balancer are not logged, leaving no trail of who called what for investigations.', (type) => type === 'application', ['access_logs', 'enabled']),
  settingRule({
    setting: 'lb-internal-scheme',
    // Information, not the knowledge base's medium: an internet-facing load balancer is usually the point of it;
    // the hint is to make the exposure a conscious choice (with WAF and HTTPS).
    severity: 'info',
    cloudformation: {
      compliant: { equals: 'internal' },
      consequence: 'the load balancer is reachable from the internet; if that is intended, put WAF and HTTPS in front of it.',
      whenMissing: 'Scheme defaults to internet-facing, so the load balancer is reachable from the internet; if that is intended, put WAF and HTTPS in front of it.',
    },
  }),
  settingRule({
    setting: 'clb-https-listener',
    cloudformation: {
      compliant: { oneOf: ['HTTPS', 'SSL'] },
      consequence: 'traffic between clients and the load balancer is not encrypted; use HTTPS or SSL with an ACM certificate.',
    },
  }),
  settingRule({
    setting: 'clb-access-logs',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'requests to the load balancer are not logged, leaving no trail of who called what for investigations.',
    },
  }),
  // --- CloudFront
  viewerHttps,
  minTls,
  elementRule({
    setting: 'cloudfront-origin-https',
    list: 'DistributionConfig.Origins',
    elements: {
      lists: ['origin'],
      path: 'custom_origin_config.origin_protocol_policy',
      applies: (origin, context) => mapEntry(origin, 'custom_origin_config') !== undefined && !scalarsOf(mapEntry(origin, 'domain_name'), context).some((name) => S3_WEBSITE.test(name)),
    },
    // S3 website endpoints only speak HTTP; their problem is the public bucket, not the protocol.
    applies: (origin, context) => mapEntry(origin, 'CustomOriginConfig') !== undefined && !scalarsOf(mapEntry(origin, 'DomainName'), context).some((name) => S3_WEBSITE.test(name)),
    cloudformation: {
      path: 'CustomOriginConfig.OriginProtocolPolicy',
      compliant: { equals: 'https-only' },
      absent: 'not-applicable',
      consequence: 'CloudFront can fetch from the origin over plain HTTP, readable and alterable between the edge and the origin.',
    },
  }),
  settingRule({
    setting: 'cloudfront-logging',
    cloudformation: {
      compliant: { present: true },
      consequence: 'viewer requests are not logged, leaving no trail for investigations.',
      // Standard logging v2 is an AWS::Logs::DeliverySource pointing at the distribution.
      skip: (resource, context) => (pointingAt(resource, context, 'AWS::Logs::DeliverySource', 'ResourceArn').length > 0 ? 'Logs are delivered by an AWS::Logs::DeliverySource.' : undefined),
    },
  }),
  settingRule({
    setting: 'cloudfront-waf',
    cloudformation: {
      compliant: { present: true },
      consequence: 'requests reach the origin without web-exploit or bot filtering.',
      whenMissing: 'no web ACL filters requests before they reach the origin (common exploits, bots, floods).',
    },
  }),
  elementRule({
    setting: 'cloudfront-s3-oac',
    list: 'DistributionConfig.Origins',
    elements: {
      lists: ['origin'],
      path: 'origin_access_control_id',
      applies: (origin, context) => isTfS3Origin(origin, context)
        && scalarsOf(mapEntry(mapEntry(origin, 's3_origin_config') as MapNode | undefined, 'origin_access_identity'), context).every((oai) => oai === ''),
    },
    // A legacy origin access identity also keeps the bucket private.
    applies: (origin, context) => isS3Origin(origin, context)
      && scalarsOf(mapEntry(mapEntry(origin, 'S3OriginConfig') as MapNode | undefined, 'OriginAccessIdentity'), context).every((oai) => oai === ''),
    cloudformation: {
      path: 'OriginAccessControlId',
      compliant: { present: true },
      consequence: 'the S3 origin has neither origin access control nor an origin access identity, so the bucket must be public for CloudFront to read it.',
    },
  }),
  // --- API Gateway
  executionLogging,
  settingRule({
    setting: 'apigw-access-logging',
    cloudformation: {
      types: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'],
      compliant: { present: true },
      consequence: 'calls to the API are not logged, leaving no trail of who called what for investigations.',
    },
  }),
  settingRule({
    setting: 'apigw-cache-encrypted',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'cached responses are stored unencrypted.',
      skip: (resource, context) => {
        const cluster = scalarsOf(mapEntry(resource.properties, 'CacheClusterEnabled'), context).some((value) => value.toLowerCase() === 'true');
        const method = context.resolver.lookup(resource.properties, ['MethodSettings', '[]', 'CachingEnabled'])
          .some((candidate) => scalarsOf(candidate.node, context).some((value) => value.toLowerCase() === 'true'));
        return cluster || method ? undefined : 'Caching is not enabled.';
      },
    },
  }),
  settingRule({
    setting: 'apigw-client-cert',
    cloudformation: {
      compliant: { present: true },
      consequence: 'an HTTP backend cannot tell API Gateway calls from anyone else\'s.',
      // Information when absent: only HTTP backends can check the certificate; Lambda and AWS integrations cannot use it.
      missingSeverity: 'info',
      whenMissing: 'an HTTP backend cannot tell API Gateway calls from anyone else\'s (irrelevant for Lambda and AWS service integrations).',
    },
  }),
  settingRule({
    setting: 'apigw-method-authorization',
    cloudformation: {
      compliant: { noneOf: ['NONE'] },
      // CloudFormation does not require AuthorizationType; without it the method is NONE (open).
      absent: 'missed',
      consequence: 'anyone who can reach the API can call this method; use AWS_IAM, a Cognito or Lambda authorizer, or require an API key.',
      whenMissing: 'the method defaults to NONE, so anyone who can reach the API can call it; use AWS_IAM, a Cognito or Lambda authorizer, or require an API key.',
      skip: (resource, context) => {
        if (scalarsOf(mapEntry(resource.properties, 'HttpMethod'), context).some((method) => method.toUpperCase() === 'OPTIONS')) return 'CORS preflight (OPTIONS) methods are open by design.';
        if (scalarsOf(mapEntry(resource.properties, 'ApiKeyRequired'), context).some((value) => value.toLowerCase() === 'true')) return 'The method requires an API key.';
        return undefined;
      },
    },
  }),
  settingRule({
    setting: 'apigw-domain-tls',
    cloudformation: {
      compliant: { matches: /^(TLS_1_2|SecurityPolicy_TLS13_.*|SecurityPolicy_TLS12_.*)$/i },
      consequence: 'clients can connect to the custom domain with TLS 1.0 or 1.1.',
      whenMissing: 'SecurityPolicy defaults to TLS_1_0, so clients can connect to the custom domain with TLS 1.0; set TLS_1_2.',
      fix: 'TLS_1_2',
    },
  }),
  settingRule({
    setting: 'apigwv2-access-logging',
    cloudformation: {
      types: ['AWS::ApiGatewayV2::Stage', 'AWS::Serverless::HttpApi'],
      compliant: { present: true },
      consequence: 'calls to the API are not logged, leaving no trail of who called what for investigations.',
    },
  }),
  settingRule({
    setting: 'apigwv2-route-authorization',
    cloudformation: {
      compliant: { oneOf: ['AWS_IAM', 'JWT', 'CUSTOM'] },
      consequence: 'anyone who can reach the API can call this route; use AWS_IAM, a JWT or a Lambda authorizer.',
      whenMissing: 'AuthorizationType defaults to NONE, so anyone who can reach the API can call this route; use AWS_IAM, a JWT or a Lambda authorizer.',
      skip: (resource, context) => {
        const key = scalarsOf(mapEntry(resource.properties, 'RouteKey'), context)[0] ?? '';
        if (/^OPTIONS /i.test(key)) return 'CORS preflight (OPTIONS) routes are open by design.';
        const api = mapEntry(resource.properties, 'ApiId');
        const apiId = api?.kind === 'intrinsic' && api.name === 'Ref' && api.argument.kind === 'scalar' ? String(api.argument.value) : undefined;
        const target = apiId ? context.template.resourcesById.get(apiId) : undefined;
        const websocket = target ? scalarsOf(mapEntry(target.properties, 'ProtocolType'), context)[0] === 'WEBSOCKET' : !/^(\$default|\S+ \/.*)$/.test(key);
        // WebSocket APIs authorize on $connect only; other routes cannot take an authorizer.
        return websocket && key !== '$connect' ? 'WebSocket routes other than $connect cannot have authorization.' : undefined;
      },
    },
  }),
  // --- WAF
  wafRule('alb-waf', ['AWS::ElasticLoadBalancingV2::LoadBalancer'], 'the load balancer has no web ACL filtering common exploits, bots and floods.', isApplicationLb, isTfApplicationLb),
  wafRule('apigw-waf', ['AWS::ApiGateway::Stage'], 'the API stage has no web ACL filtering common exploits, bots and floods.'),
  customRule({ setting: 'waf-logging', types: ['AWS::WAFv2::WebACL'] }, (resource, context) =>
    pointedAtOutcome(pointingAt(resource, context, 'AWS::WAFv2::LoggingConfiguration', 'ResourceArn').map((configuration) => configuration.id),
      'AWS::WAFv2::LoggingConfiguration in this template', 'logs the web ACL.', resource.idRange, WAF_LOGGING, 'this web ACL'),
  (resource, context) => pointedAtOutcome(tfPointing(resource, context, 'aws_wafv2_web_acl_logging_configuration', 'resource_arn'),
    'aws_wafv2_web_acl_logging_configuration in this module', 'logs the web ACL.', resource.anchor, WAF_LOGGING, 'this web ACL')),
];

/** Why a listener has no security policy to judge (not HTTPS/TLS), or undefined for HTTPS and TLS listeners. */
function encryptedListener(resolver: ValueResolver, body: ValueNode | undefined, key: string): string | undefined {
  const protocols = resolver.lookup(body, [key]).flatMap((candidate) => (candidate.node ? resolver.scalars(candidate.node, candidate.via) : []));
  if (protocols.length === 0) return 'No Protocol: the listener is not HTTPS or TLS.';
  const encrypted = protocols.some((protocol) => !protocol.known || ['HTTPS', 'TLS'].includes(String(protocol.value).toUpperCase()));
  return encrypted ? undefined : 'An HTTP, TCP or UDP listener has no TLS security policy.';
}
