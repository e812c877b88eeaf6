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
import { albWaf, LOAD_BALANCING_RULES } from './loadBalancing';

function scalarsOf(node: ValueNode | undefined, context: { readonly resolver: ValueResolver }): string[] {
  if (!node) return [];
  return context.resolver.scalars(node).flatMap((resolved) => (resolved.known ? [String(resolved.value)] : []));
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
  // --- Load balancers (services/loadBalancing.ts)
  ...LOAD_BALANCING_RULES,
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
  albWaf,
  wafRule('apigw-waf', ['AWS::ApiGateway::Stage'], 'the API stage has no web ACL filtering common exploits, bots and floods.'),
  customRule({ setting: 'waf-logging', types: ['AWS::WAFv2::WebACL'] }, (resource, context) =>
    pointedAtOutcome(pointingAt(resource, context, 'AWS::WAFv2::LoggingConfiguration', 'ResourceArn').map((configuration) => configuration.id),
      'AWS::WAFv2::LoggingConfiguration in this template', 'logs the web ACL.', resource.idRange, WAF_LOGGING, 'this web ACL'),
  (resource, context) => pointedAtOutcome(tfPointing(resource, context, 'aws_wafv2_web_acl_logging_configuration', 'resource_arn'),
    'aws_wafv2_web_acl_logging_configuration in this module', 'logs the web ACL.', resource.anchor, WAF_LOGGING, 'this web ACL')),
];
