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
import type { ValueResolver } from '../../resolution';
import type { TfRuleContext } from '../../terraform/context';
import { settingRule } from '../settingRule';
import type { SettingRuleSpec } from '../settingRule';
import { sgEgressRestricted } from '../sg-egress-restricted';
import { sgNoWorldHighRiskPorts } from '../sg-no-world-high-risk-ports';
import { pointingAt, vpcFlowLogs } from '../vpc-flow-logs';
import { APIGW_RULES, CLOUDFRONT_RULES, EDGE_WAF_RULES } from './edge';

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

const isApplicationLb = (resource: CfnResource, context: CfnRuleContext) => loadBalancerType(resource.properties, context, 'Type') === 'application'
  && scalarsOf(mapEntry(resource.properties, 'Scheme'), context)[0] !== 'internal';
const isTfApplicationLb = (resource: TfResource, context: TfRuleContext) => loadBalancerType(resource.body, context, 'load_balancer_type') === 'application'
  && !scalarsOf(mapEntry(resource.body, 'internal'), context).some((value) => value.toLowerCase() === 'true');

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
  // --- CloudFront and API Gateway (rules/services/edge.ts)
  ...CLOUDFRONT_RULES,
  ...APIGW_RULES,
  // --- WAF
  wafRule('alb-waf', ['AWS::ElasticLoadBalancingV2::LoadBalancer'], 'the load balancer has no web ACL filtering common exploits, bots and floods.', isApplicationLb, isTfApplicationLb),
  ...EDGE_WAF_RULES,
];

/** Why a listener has no security policy to judge (not HTTPS/TLS), or undefined for HTTPS and TLS listeners. */
function encryptedListener(resolver: ValueResolver, body: ValueNode | undefined, key: string): string | undefined {
  const protocols = resolver.lookup(body, [key]).flatMap((candidate) => (candidate.node ? resolver.scalars(candidate.node, candidate.via) : []));
  if (protocols.length === 0) return 'No Protocol: the listener is not HTTPS or TLS.';
  const encrypted = protocols.some((protocol) => !protocol.known || ['HTTPS', 'TLS'].includes(String(protocol.value).toUpperCase()));
  return encrypted ? undefined : 'An HTTP, TCP or UDP listener has no TLS security policy.';
}
