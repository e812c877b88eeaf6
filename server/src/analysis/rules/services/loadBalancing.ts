// Elastic Load Balancing rules (ALB, NLB, GWLB and Classic), both formats. What a listener or a load balancer
// gets often depends on the other: a listener without a protocol is HTTP on an Application Load Balancer (AWS
// provider), none on a Gateway Load Balancer; a Network Load Balancer writes access logs for TLS listeners only.
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import { mapEntry } from '../../cloudformation/template';
import { canonicalType } from '../../knowledge';
import type { Resolved, ValueResolver } from '../../resolution';
import { describeVia, isConditionalStep, opaqueReason, quote } from '../../resolution';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import { referenceParts } from '../../terraform/hcl';
import type { MapNode, OffsetRange, ValueNode } from '../../types';
import { judgeSetting, settingRule, pointingAt } from '../support';
import type { RuleOutcome, Rule, AbsentMeaning, SetSettingFix } from '../support';

const CFN_LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const CFN_LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';

/** Every value a path may take from `start` (absent paths give none), through conditionals and parameters. */
function valuesAt(resolver: ValueResolver, start: ValueNode | undefined, path: readonly string[], via: readonly string[] = []): { values: Resolved[]; absent: boolean } {
  const values: Resolved[] = [];
  let absent = false;
  for (const candidate of resolver.lookup(start, path, via)) {
    if (!candidate.node) absent = true;
    else values.push(...resolver.scalars(candidate.node, candidate.via));
  }
  return { values, absent };
}

/** What a load balancer's type is: the known values (lower case), or why it cannot be known. */
interface LbKind {
  readonly kinds: readonly string[];
  readonly unknown?: string;
}

/** Both formats: `Type` / `load_balancer_type`, application when absent. */
function lbKind(resolver: ValueResolver, body: MapNode | undefined, key: string): LbKind {
  const { values, absent } = valuesAt(resolver, body, [key]);
  const kinds = new Set(absent ? ['application'] : []);
  let unknown: string | undefined;
  for (const value of values) {
    if (value.known) kinds.add(String(value.value).toLowerCase());
    else unknown ??= `${key} is ${value.description}${describeVia(value.via)}`;
  }
  return { kinds: [...kinds], ...(unknown ? { unknown } : {}) };
}

/** The kind an ELBv2 ARN names (`loadbalancer/app/`, `/net/`, `/gwy/`). */
function kindFromArn(arn: string): string | undefined {
  const match = /:loadbalancer\/(app|net|gwy)\//.exec(arn);
  return match ? { app: 'application', net: 'network', gwy: 'gateway' }[match[1]] : undefined;
}

/** CloudFormation: the kind of the load balancer a listener names (a Ref to one in the template, or a literal ARN). */
function cfnListenerLbKind(resource: CfnResource, context: CfnRuleContext): LbKind {
  const arn = mapEntry(resource.properties, 'LoadBalancerArn');
  if (arn?.kind === 'intrinsic' && arn.name === 'Ref' && arn.argument.kind === 'scalar') {
    const id = String(arn.argument.value);
    const lb = context.resourcesOfType(CFN_LB).find((other) => other.id === id);
    if (lb) return lbKind(context.resolver, lb.properties, 'Type');
  }
  const literal = arn?.kind === 'scalar' ? kindFromArn(String(arn.value)) : undefined;
  return literal ? { kinds: [literal] } : { kinds: [], unknown: 'LoadBalancerArn does not name a load balancer of this template' };
}

/** Terraform: the kind of the load balancer a listener names (aws_lb.x.arn in this module, or a literal ARN). */
function tfListenerLbKind(resource: TfResource, context: TfRuleContext): LbKind {
  const arn = mapEntry(resource.body, 'load_balancer_arn');
  const reference = arn?.kind === 'expression' ? referenceParts(arn.expression) : undefined;
  if (reference && canonicalType(reference.names[0]) === 'aws_lb') {
    const lb = context.resourcesOfType('aws_lb').find((other) => other.name === reference.names[1] && other.address.endsWith(`${other.type}.${other.name}`));
    if (lb) return lbKind(context.resolver.withBinding({}), lb.body, 'load_balancer_type');
  }
  const literal = valuesAt(context.resolver, resource.body, ['load_balancer_arn']).values.flatMap((value) => (value.known ? [kindFromArn(String(value.value))] : []))[0];
  return literal ? { kinds: [literal] } : { kinds: [], unknown: 'load_balancer_arn does not name a load balancer of this module' };
}

// --- alb-https-listener

interface ListenerKeys {
  readonly protocol: string;
  readonly actions: readonly string[];
  readonly type: string;
  readonly redirectProtocol: readonly string[];
  readonly consequence: string;
}

const CFN_LISTENER_KEYS: ListenerKeys = {
  protocol: 'Protocol',
  actions: ['DefaultActions', '[]'],
  type: 'Type',
  redirectProtocol: ['RedirectConfig', 'Protocol'],
  consequence: 'requests and responses cross the network in plain text; listen on HTTPS, or make the default action a redirect with RedirectConfig Protocol HTTPS.',
};
const TF_LISTENER_KEYS: ListenerKeys = {
  protocol: 'protocol',
  actions: ['default_action', '[]'],
  type: 'type',
  redirectProtocol: ['redirect', 'protocol'],
  consequence: 'requests and responses cross the network in plain text; set protocol = "HTTPS", or make the default_action a redirect with redirect { protocol = "HTTPS" }.',
};

const REDIRECTS = 'The listener\'s default action redirects to HTTPS.';

type Redirect = { readonly kind: 'all' | 'some' | 'none' } | { readonly kind: 'unknown'; readonly reason: string };

/**
 * Whether the default action redirects to HTTPS: on every branch, on some (an undecided condition, a parameter
 * value), on none, or unknown. A redirect without a protocol keeps the request's protocol (#{protocol}), HTTP.
 */
function redirectsToHttps(resolver: ValueResolver, body: MapNode | undefined, keys: ListenerKeys): Redirect {
  let https = false;
  let plain = false;
  let unknown: string | undefined;
  for (const action of resolver.lookup(body, keys.actions)) {
    if (!action.node) continue;
    if (action.node.kind !== 'map') {
      unknown ??= `${keys.actions[0]} cannot be read here`;
      continue;
    }
    for (const type of valuesAt(resolver, action.node, [keys.type], action.via).values) {
      if (!type.known) {
        unknown ??= `the default action's ${keys.type} is ${type.description}`;
        continue;
      }
      const name = String(type.value).toLowerCase();
      // Authentication actions come before the terminal action; they neither serve nor redirect.
      if (name.startsWith('authenticate')) continue;
      if (name !== 'redirect') {
        plain = true;
        continue;
      }
      const protocol = valuesAt(resolver, action.node, keys.redirectProtocol, type.via);
      if (protocol.absent) plain = true;
      for (const value of protocol.values) {
        if (!value.known) unknown ??= `${keys.redirectProtocol.join('.')} is ${value.description}`;
        else if (String(value.value).toUpperCase() === 'HTTPS') https = true;
        else plain = true;
      }
    }
  }
  if (https && !plain && !unknown) return { kind: 'all' };
  if (https) return { kind: 'some' };
  return unknown ? { kind: 'unknown', reason: unknown } : { kind: 'none' };
}

/** Both formats: an HTTP listener must redirect to HTTPS; `absent` says what a missing protocol means. */
function judgeListener(resolver: ValueResolver, body: MapNode | undefined, anchor: OffsetRange, keys: ListenerKeys, absent: AbsentMeaning): RuleOutcome[] {
  const redirect = redirectsToHttps(resolver, body, keys);
  if (redirect.kind === 'all') return [{ kind: 'addressed', detail: REDIRECTS }];
  const outcomes = judgeSetting(body, anchor, resolver, {
    path: [keys.protocol],
    isCompliant: (value) => String(value).toUpperCase() !== 'HTTP',
    absent,
    consequence: keys.consequence,
  });
  return outcomes.map((outcome) => {
    if (outcome.kind === 'addressed') return passThrough(resolver, body, [keys.protocol]) ?? outcome;
    if (outcome.kind !== 'finding' && outcome.kind !== 'depends') return outcome;
    if (redirect.kind === 'unknown') return { kind: 'unknown', reason: `The listener may serve HTTP, and whether its default action redirects to HTTPS cannot be known: ${redirect.reason}.` };
    if (redirect.kind === 'some') {
      const message = outcome.kind === 'depends' ? outcome.message : `Depends on the deployment: ${outcome.message}`;
      return { kind: 'depends', message: `${message.replace(/\.$/, '')}; the default action redirects to HTTPS only on some branches.`, range: outcome.range };
    }
    return outcome;
  });
}

type MissingProtocol = AbsentMeaning | { readonly kind: 'unknown'; readonly reason: string };

const PASS_THROUGH = new Set(['TCP', 'UDP', 'TCP_UDP']);

/**
 * A TCP or UDP listener passes connections through without terminating them: whether clients speak TLS to the
 * targets is the application's, not visible in the file, so it is neither addressed nor missed here.
 */
function passThrough(resolver: ValueResolver, body: ValueNode | undefined, path: readonly string[]): RuleOutcome | undefined {
  const value = valuesAt(resolver, body, path).values.find((resolved) => resolved.known && PASS_THROUGH.has(String(resolved.value).toUpperCase()));
  if (!value?.known) return undefined;
  return { kind: 'unknown', reason: `${path.filter((step) => step !== '[]').join('.')} is ${quote(value.value)}: the load balancer passes connections through, so whether clients use TLS end to end cannot be known from the file.` };
}

/** What a listener without a protocol gets, from the kind of its load balancer. */
function missingProtocol(kind: LbKind, format: 'cloudformation' | 'terraform'): MissingProtocol {
  const only = (type: string) => !kind.unknown && kind.kinds.length > 0 && kind.kinds.every((each) => each === type);
  if (only('gateway')) return { kind: 'not-applicable', detail: 'A Gateway Load Balancer listener has no protocol (it forwards GENEVE traffic to appliances).' };
  if (format === 'terraform' && only('application')) {
    // AWS provider (aws_lb_listener): "For Application Load Balancers, valid values are HTTP and HTTPS, with a default of HTTP".
    return { kind: 'missed', message: 'the AWS provider creates the listener of an Application Load Balancer with protocol HTTP when none is given, so requests and responses cross the network in plain text; set protocol = "HTTPS", or make the default_action a redirect to HTTPS.' };
  }
  const why = kind.unknown ?? (format === 'cloudformation' ? 'CloudFormation documents no default protocol for a listener' : `the load balancer is ${kind.kinds.join(' or ')}`);
  return { kind: 'unknown', reason: `${format === 'cloudformation' ? 'Protocol' : 'protocol'} is not set and what the listener gets cannot be known: ${why}.` };
}

function listenerRule(body: MapNode | undefined, anchor: OffsetRange, resolver: ValueResolver, keys: ListenerKeys, kind: () => LbKind, format: 'cloudformation' | 'terraform'): RuleOutcome[] {
  let absent: AbsentMeaning = { kind: 'not-applicable', detail: 'No protocol.' };
  if (resolver.lookup(body, [keys.protocol]).some((candidate) => !candidate.node)) {
    const meaning = missingProtocol(kind(), format);
    if (meaning.kind === 'unknown') return redirectsToHttps(resolver, body, keys).kind === 'all' ? [{ kind: 'addressed', detail: REDIRECTS }] : [meaning];
    absent = meaning;
  }
  return judgeListener(resolver, body, anchor, keys, absent);
}

// Metadata only: both readers are listenerRule above. aws_lb_listener spells protocol as the API does ("HTTP",
// "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP"; provider docs, aws_lb_listener), so the same values; the absent
// protocol is judged by listenerRule, which needs no skip.
const httpsListenerBase = settingRule({
  setting: 'alb-https-listener',
  cloudformation: { compliant: { noneOf: ['HTTP'] }, consequence: '' },
  terraform: { compliant: { noneOf: ['HTTP'] }, consequence: '' },
});

const albHttpsListener: Rule = {
  meta: httpsListenerBase.meta,
  cloudformation: {
    check: (resource, context) => listenerRule(resource.properties, resource.idRange, context.resolver, CFN_LISTENER_KEYS, () => cfnListenerLbKind(resource, context), 'cloudformation'),
  },
  terraform: {
    check: (resource, context) => listenerRule(resource.body, resource.anchor, context.resolver, TF_LISTENER_KEYS, () => tfListenerLbKind(resource, context), 'terraform'),
  },
};

// --- alb-tls-policy

/** Why a listener has no security policy to judge (not HTTPS/TLS), or undefined for HTTPS and TLS listeners. */
function encryptedListener(resolver: ValueResolver, body: ValueNode | undefined, key: string, policy: string, certificate: string): string | undefined {
  const protocols = valuesAt(resolver, body, [key]).values;
  if (protocols.length === 0) {
    // HTTPS and TLS listeners need a certificate: without protocol, a policy or a certificate says which it is.
    const secured = [policy, certificate].some((name) => resolver.lookup(body, [name]).some((candidate) => candidate.node !== undefined));
    return secured ? undefined : `${key} is not set and the listener has no certificate: it is not HTTPS or TLS.`;
  }
  const encrypted = protocols.some((protocol) => !protocol.known || ['HTTPS', 'TLS'].includes(String(protocol.value).toUpperCase()));
  return encrypted ? undefined : 'An HTTP, TCP or UDP listener has no TLS security policy.';
}

const albTlsPolicy = settingRule({
  setting: 'alb-tls-policy',
  cloudformation: {
    // TLS 1.2-minimum policies: ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-*, -FS-1-2-* (and FIPS variants).
    compliant: { matches: /(TLS13-1-[23]|TLS-1-2|FS-1-2)-/i },
    consequence: 'the listener accepts TLS 1.0 or 1.1 clients, protocols with known weaknesses; use ELBSecurityPolicy-TLS13-1-2-2021-06 or a stricter policy.',
    whenMissing: 'a listener created outside the console gets ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1 clients; set ELBSecurityPolicy-TLS13-1-2-2021-06 or a stricter policy.',
    // Only HTTPS and TLS listeners have a security policy.
    skip: (resource, context) => encryptedListener(context.resolver, resource.properties, 'Protocol', 'SslPolicy', 'Certificates'),
    fix: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  },
  terraform: {
    // ssl_policy takes the API's policy names (ELBSecurityPolicy-...; provider docs, aws_lb_listener): the same test.
    compliant: { matches: /(TLS13-1-[23]|TLS-1-2|FS-1-2)-/i },
    consequence: 'the listener accepts TLS 1.0 or 1.1 clients, protocols with known weaknesses; set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" or a stricter policy.',
    whenMissing: 'the listener gets ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1 clients; set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" or a stricter policy.',
    skip: (resource, context) => encryptedListener(context.resolver, resource.body, 'protocol', 'ssl_policy', 'certificate_arn'),
  },
});

// --- Load balancer attributes: drop invalid headers, access logs

interface LbView {
  readonly kind: LbKind;
  /** Network load balancers: whether one of its listeners in the file set is TLS. */
  readonly tlsListener: () => 'yes' | 'no' | { readonly unknown: string };
}

function tlsAmong(protocols: readonly { values: Resolved[] }[], where: string): 'yes' | 'no' | { readonly unknown: string } {
  if (protocols.length === 0) return { unknown: `no listener in ${where} names this network load balancer, so whether it has a TLS listener (the only traffic its access logs record) cannot be known` };
  if (protocols.some((listener) => listener.values.some((value) => value.known && String(value.value).toUpperCase() === 'TLS'))) return 'yes';
  if (protocols.some((listener) => listener.values.some((value) => !value.known))) return { unknown: 'a listener\'s protocol cannot be read, so whether the load balancer has a TLS listener cannot be known' };
  return 'no';
}

/**
 * An ELBv2 load balancer attribute: CloudFormation {Key, Value} in LoadBalancerAttributes, Terraform one argument
 * (or block argument) on aws_lb. Compliant when the value passes; missed when absent.
 */
function attributeRule(setting: string, key: string, tfPath: readonly string[], consequence: string, applies: (view: LbView) => RuleOutcome | undefined, tfFix?: true): Rule {
  const base = settingRule({ setting, cloudformation: { compliant: { present: true }, consequence: '' } });
  // CloudFormation: the attribute is a Key/Value element of LoadBalancerAttributes, appended (or its Value set)
  // with the value "true" (AWS::ElasticLoadBalancingV2::LoadBalancer LoadBalancerAttribute: Key and Value strings).
  const fixId = tfFix ? `set-${tfPath.join('-')}` : undefined;
  const withFix = (outcomes: RuleOutcome[]): RuleOutcome[] => (fixId ? outcomes.map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends' ? { ...outcome, fixId } : outcome)) : outcomes);
  const fix: SetSettingFix = {
    title: `Set LoadBalancerAttributes ${key} = "true"`,
    path: [],
    value: true,
    safety: 'safe',
    operations: [{ op: 'append', list: ['LoadBalancerAttributes'], items: [{ Key: key, Value: 'true' }], match: 'Key' }],
    terraform: { title: `Set ${tfPath.join('.')} = true`, path: tfPath, value: true },
  };
  return {
    meta: base.meta,
    ...(fixId ? { fixes: { [fixId]: fix } } : {}),
    cloudformation: {
      check(resource, context) {
        // Every way the attribute list may turn out (an undecided condition may give several): the key's
        // entry in each, or its absence there.
        const judged = context.resolver.lookup(resource.properties, ['LoadBalancerAttributes']).map((list) => {
          const items = context.resolver.lookup(list.node, ['[]'], list.via);
          const entry = items.find((item) => item.node?.kind === 'map'
            && valuesAt(context.resolver, item.node, ['Key'], item.via).values.some((value) => value.known && value.value === key));
          const valueNode = entry?.node?.kind === 'map' ? mapEntry(entry.node, 'Value') : undefined;
          if (valueNode && entry) return judgeAttribute(key, valueNode, entry.via, context.resolver, consequence);
          const unread = items.find((item) => item.node !== undefined && item.node.kind !== 'map');
          if (unread) return [{ kind: 'unknown' as const, reason: `LoadBalancerAttributes cannot be read${describeVia(unread.via)}, so whether it sets ${key} cannot be known` }];
          return notSet(key, list.via, consequence, resource.idRange);
        });
        return withFix(gate(strongest(judged), {
          kind: lbKind(context.resolver, resource.properties, 'Type'),
          tlsListener: () => tlsAmong(pointingAt(resource, context, CFN_LISTENER, 'LoadBalancerArn').map((listener) => valuesAt(context.resolver, listener.properties, ['Protocol'])), 'this template'),
        }, applies));
      },
    },
    terraform: {
      check(resource, context) {
        const name = tfPath.join('.');
        const judged = context.resolver.lookup(resource.body, tfPath).map((candidate) => (candidate.node && !opaqueReason(candidate.node)
          ? judgeAttribute(name, candidate.node, candidate.via, context.resolver, consequence)
          : candidate.node ? [{ kind: 'unknown' as const, reason: `${name} is ${opaqueReason(candidate.node) ?? ''}${describeVia(candidate.via)}` }]
            : notSet(name, candidate.via, consequence, resource.anchor)));
        return withFix(gate(strongest(judged), {
          kind: lbKind(context.resolver, resource.body, 'load_balancer_type'),
          tlsListener: () => tlsAmong(context.linked(resource, 'aws_lb_listener', 'load_balancer_arn').map((listener) => valuesAt(context.resolver.withBinding({}), listener.body, ['protocol'])), 'this module'),
        }, applies));
      },
    },
  };
}

/** An attribute that is not set: a finding, or "depends" when that holds only on one branch of a condition. */
function notSet(name: string, via: readonly string[], consequence: string, anchor: OffsetRange): RuleOutcome[] {
  const message = `${name} is not set${describeVia(via)}: ${consequence}`;
  return [via.some(isConditionalStep) ? { kind: 'depends', message: `Depends on the deployment: ${message}`, range: anchor } : { kind: 'finding', message, range: anchor }];
}

/** One outcome from the judgements of every way a setting may turn out: a certain gap, then a possible one, then unknown. */
function strongest(judged: readonly RuleOutcome[][]): RuleOutcome[] {
  const all = judged.flat();
  for (const kind of ['finding', 'depends', 'unknown'] as const) {
    const found = all.find((outcome) => outcome.kind === kind);
    if (found) return [found];
  }
  return all.length > 0 ? [all[0]] : [];
}

/**
 * An attribute set well is addressed on any load balancer; a gap counts only where the attribute applies. When
 * the load balancer's type is itself undecided and one of its possible types would not need the attribute, a
 * gap is only possible.
 */
function gate(judged: RuleOutcome[], view: LbView, applies: (view: LbView) => RuleOutcome | undefined): RuleOutcome[] {
  if (judged.every((outcome) => outcome.kind === 'addressed')) return judged;
  const gated = applies(view);
  if (gated) return [gated];
  const exempt = view.kind.kinds.filter((kind) => applies({ ...view, kind: { kinds: [kind] } })?.kind === 'not-applicable');
  return judged.map((outcome) => (outcome.kind === 'finding' && exempt.length > 0
    ? { kind: 'depends', message: `Depends on the deployment: the load balancer may be ${exempt.join(' or ')}, where this does not apply; otherwise ${outcome.message}`, range: outcome.range }
    : outcome));
}

/** The judgement of both formats: the first non-compliant value of an attribute, or addressed. */
function judgeAttribute(name: string, valueNode: ValueNode, via: readonly string[], resolver: ValueResolver, consequence: string): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  let unknown: string | undefined;
  for (const resolved of resolver.scalars(valueNode, via)) {
    if (!resolved.known) {
      unknown ??= `${name} is ${resolved.description}${describeVia(resolved.via)}`;
      continue;
    }
    if (String(resolved.value).toLowerCase() === 'true') continue;
    const message = `${name} is ${quote(resolved.value)}${describeVia(resolved.via)}: ${consequence}`;
    const definite = (!resolved.fromParameter || resolved.fromParameter.isDefault) && !resolved.via.some(isConditionalStep);
    outcomes.push(definite ? { kind: 'finding', message, range: valueNode.range } : { kind: 'depends', message: `Depends on the deployment: ${message}`, range: valueNode.range });
  }
  if (outcomes.length > 0) return [outcomes.find((outcome) => outcome.kind === 'finding') ?? outcomes[0]];
  if (unknown) return [{ kind: 'unknown', reason: unknown }];
  return [{ kind: 'addressed', detail: `${name} is true.`, range: valueNode.range }];
}

/** Application load balancers only; a load balancer of unknown kind cannot be judged. */
function applicationOnly(view: LbView): RuleOutcome | undefined {
  if (view.kind.kinds.includes('application')) return undefined;
  if (view.kind.unknown) return { kind: 'unknown', reason: `The load balancer's kind cannot be known: ${view.kind.unknown}.` };
  return { kind: 'not-applicable', detail: `Not available on a ${view.kind.kinds.join(' or ')} load balancer.` };
}

const albDropInvalidHeaders = attributeRule('alb-drop-invalid-headers', 'routing.http.drop_invalid_header_fields.enabled', ['drop_invalid_header_fields'],
  'requests with malformed headers reach the targets, a path for HTTP request smuggling and header injection.', applicationOnly, true);

const albAccessLogsBase = attributeRule('alb-access-logs', 'access_logs.s3.enabled', ['access_logs', 'enabled'],
  'requests to the load balancer are not logged, leaving no trail of who called what for investigations.', (view) => {
    if (view.kind.kinds.includes('application')) return undefined;
    // Network load balancers log TLS connections only (ELB user guide, access logs for your Network Load
    // Balancer); gateway load balancers have no access logs.
    if (view.kind.kinds.includes('network')) {
      const tls = view.tlsListener();
      if (tls === 'yes') return undefined;
      if (tls === 'no') return { kind: 'not-applicable', detail: 'A network load balancer logs TLS connections only, and it has no TLS listener.' };
      return { kind: 'unknown', reason: tls.unknown };
    }
    return applicationOnly(view);
  });

// Access-log fixes for both kinds of load balancer: logging is turned on only where the load balancer already
// names a log bucket (`enable-access-logs`); otherwise the fix adds the bucket as a new parameter or variable too
// (`enable-access-logs-bucket`), never replacing a bucket the author named. ELBv2 attributes access_logs.s3.enabled
// and access_logs.s3.bucket (AWS::ElasticLoadBalancingV2::LoadBalancer LoadBalancerAttribute; "Access logs for your
// Application Load Balancer", docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html);
// Terraform aws_lb access_logs { bucket (required), enabled (default false) } and aws_elb access_logs { bucket
// (required), enabled (default true) } (registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb, .../elb);
// AWS::ElasticLoadBalancing::LoadBalancer AccessLoggingPolicy { Enabled, S3BucketName } (both required, no
// interruption; docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-elasticloadbalancing-loadbalancer-accessloggingpolicy.html).
const LOG_BUCKET_PARAMETER = { name: 'LoadBalancerLogBucketName', description: 'Name of the S3 bucket (same Region) that receives the load balancer\'s access logs; its bucket policy must let Elastic Load Balancing write' };
const LOG_BUCKET_VARIABLE = { name: 'load_balancer_log_bucket_name', description: LOG_BUCKET_PARAMETER.description };
/** Terraform's access_logs block is the same in aws_lb and aws_elb: the bucket a new variable, logging on. */
const ACCESS_LOGS_WITH_BUCKET_TF: NonNullable<SetSettingFix['terraform']> = {
  title: `Set access_logs { bucket = var.${LOG_BUCKET_VARIABLE.name}, enabled = true } (a new variable, its value to fill in)`,
  path: [],
  value: true,
  variables: [LOG_BUCKET_VARIABLE],
  operations: [{ op: 'set', path: ['access_logs'], value: { bucket: { $hcl: `var.${LOG_BUCKET_VARIABLE.name}` }, enabled: true } }],
};
const ENABLE_LOGS = 'enable-access-logs';
const ENABLE_LOGS_BUCKET = 'enable-access-logs-bucket';

/** `rule` whose findings name ENABLE_LOGS where `named` says the load balancer names a log bucket, else ENABLE_LOGS_BUCKET. */
function withAccessLogFixes(
  rule: Rule,
  fixes: { readonly named: SetSettingFix; readonly unnamed: SetSettingFix },
  named: { readonly cloudformation: (resource: CfnResource, context: CfnRuleContext) => boolean; readonly terraform: (resource: TfResource, context: TfRuleContext) => boolean },
): Rule {
  const name = (outcomes: RuleOutcome[], bucket: boolean): RuleOutcome[] => outcomes.map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends'
    ? { ...outcome, fixId: bucket ? ENABLE_LOGS : ENABLE_LOGS_BUCKET } : outcome));
  const cfn = rule.cloudformation;
  const tf = rule.terraform;
  return {
    ...rule,
    fixes: { ...(rule.fixes ?? {}), [ENABLE_LOGS]: fixes.named, [ENABLE_LOGS_BUCKET]: fixes.unnamed },
    ...(cfn ? { cloudformation: { check: (resource, context) => name(cfn.check(resource, context), named.cloudformation(resource, context)) } } : {}),
    ...(tf ? { terraform: { check: (resource, context) => name(tf.check(resource, context), named.terraform(resource, context)) } } : {}),
  };
}

/** Whether any way the block at `path` may turn out has `key` set (to anything, an expression included). */
function hasKey(resolver: ValueResolver, body: MapNode | undefined, path: readonly string[]): boolean {
  return resolver.lookup(body, path).some((candidate) => candidate.node !== undefined);
}

const albAccessLogs = withAccessLogFixes(albAccessLogsBase, {
  named: {
    title: 'Set LoadBalancerAttributes access_logs.s3.enabled = "true" (to the log bucket it names)',
    safety: 'safe',
    path: [],
    value: true,
    operations: [{ op: 'append', list: ['LoadBalancerAttributes'], items: [{ Key: 'access_logs.s3.enabled', Value: 'true' }], match: 'Key' }],
    terraform: { title: 'Set access_logs.enabled = true (to the log bucket it names)', path: ['access_logs', 'enabled'], value: true },
  },
  unnamed: {
    title: `Set LoadBalancerAttributes access_logs.s3.enabled = "true" and access_logs.s3.bucket to a new parameter ${LOG_BUCKET_PARAMETER.name} (its value to fill in)`,
    safety: 'placeholder',
    path: [],
    value: true,
    parameters: [LOG_BUCKET_PARAMETER],
    operations: [{
      op: 'append',
      list: ['LoadBalancerAttributes'],
      items: [{ Key: 'access_logs.s3.enabled', Value: 'true' }, { Key: 'access_logs.s3.bucket', Value: { Ref: LOG_BUCKET_PARAMETER.name } }],
      match: 'Key',
    }],
    terraform: ACCESS_LOGS_WITH_BUCKET_TF,
  },
}, {
  cloudformation: (resource, context) => context.resolver.lookup(resource.properties, ['LoadBalancerAttributes']).some((list) => context.resolver.lookup(list.node, ['[]'], list.via)
    .some((item) => item.node?.kind === 'map' && valuesAt(context.resolver, item.node, ['Key'], item.via).values.some((value) => value.known && value.value === 'access_logs.s3.bucket'))),
  terraform: (resource, context) => hasKey(context.resolver, resource.body, ['access_logs', 'bucket']),
});

// --- lb-internal-scheme

const isGatewayCfn = (resource: CfnResource, context: CfnRuleContext) => {
  const kind = lbKind(context.resolver, resource.properties, 'Type');
  return kind.kinds.length > 0 && kind.kinds.every((type) => type === 'gateway') ? 'A Gateway Load Balancer has no scheme: it is reached through endpoints in your VPCs.' : undefined;
};
const isGatewayTf = (resource: TfResource, context: TfRuleContext) => {
  const kind = lbKind(context.resolver, resource.body, 'load_balancer_type');
  return kind.kinds.length > 0 && kind.kinds.every((type) => type === 'gateway') ? 'A Gateway Load Balancer has no scheme: it is reached through endpoints in your VPCs.' : undefined;
};

const INTERNET_FACING = 'the load balancer is reachable from the internet; if that is intended, put WAF and HTTPS in front of it.';

const lbInternalSchemeBase = settingRule({
  setting: 'lb-internal-scheme',
  // Information, not the knowledge base's medium: an internet-facing load balancer is usually the point of it;
  // the hint is to make the exposure a conscious choice (with WAF and HTTPS).
  severity: 'info',
  cloudformation: {
    compliant: { equals: 'internal' },
    fix: 'internal',
    // Scheme: "Update requires: Replacement" (internal forces a new load balancer), with new DNS names.
    fixSafety: 'replaces',
    consequence: INTERNET_FACING,
    whenMissing: `Scheme defaults to internet-facing, so ${INTERNET_FACING}`,
    skip: isGatewayCfn,
  },
  terraform: {
    compliant: { equals: true },
    fix: true,
    consequence: INTERNET_FACING,
    whenMissing: `internal defaults to false, so ${INTERNET_FACING}`,
    skip: isGatewayTf,
  },
});

/** What fronts an internet-facing load balancer: the web ACL association and the HTTPS listener found, if any. */
interface Front {
  readonly waf: string | undefined;
  readonly https: string | undefined;
}

/**
 * A Network Load Balancer takes no web ACL (AWS WAF protects Application Load Balancers, not Network ones: AWS WAF
 * Developer Guide, resources you can protect) and terminates TLS, not HTTPS: the hint asks for TLS listeners, and a
 * listener whose protocol is certainly TLS addresses it.
 */
const INTERNET_FACING_NLB = 'the load balancer is reachable from the internet; if that is intended, terminate TLS on its listeners (AWS WAF does not attach to a Network Load Balancer).';

function frontedNetwork(outcomes: RuleOutcome[], tls: string | undefined): RuleOutcome[] {
  return outcomes.map((outcome) => {
    if (outcome.kind !== 'finding' && outcome.kind !== 'depends') return outcome;
    if (tls) return { kind: 'addressed', detail: `The network load balancer is internet-facing with a TLS listener (${tls}).` };
    return { ...outcome, message: outcome.message.replace(INTERNET_FACING, INTERNET_FACING_NLB) };
  });
}

function isNetwork(kind: LbKind): boolean {
  return kind.unknown === undefined && kind.kinds.length > 0 && kind.kinds.every((type) => type === 'network');
}

/** True when every value a listener's protocol may take is known and `protocol` (HTTPS, TLS). */
function allOf(protocol: string, values: { values: Resolved[]; absent: boolean }): boolean {
  return !values.absent && values.values.length > 0 && values.values.every((value) => value.known && String(value.value).toUpperCase() === protocol);
}

/**
 * The hint asks for WAF and HTTPS in front of an internet-facing load balancer: when a web ACL association and an
 * HTTPS listener (protocol certainly HTTPS) both point at it, the exposure is the intended, protected one and the
 * duty is addressed. With one of them missing the hint stays, naming what is missing. Plain HTTP listeners beside
 * the HTTPS one are alb-https-listener's to judge; a web ACL attaches to application load balancers only.
 */
function fronted(outcomes: RuleOutcome[], front: Front): RuleOutcome[] {
  return outcomes.map((outcome) => {
    if (outcome.kind !== 'finding' && outcome.kind !== 'depends') return outcome;
    if (front.waf && front.https) return { kind: 'addressed', detail: `The load balancer is internet-facing with a web ACL (${front.waf}) and an HTTPS listener (${front.https}) in front of it.` };
    const has = front.waf ? ` It has a web ACL (${front.waf}) but no HTTPS listener.` : front.https ? ` It has an HTTPS listener (${front.https}) but no web ACL.` : '';
    return { ...outcome, message: `${outcome.message}${has}` };
  });
}

const lbInternalScheme: Rule = {
  ...lbInternalSchemeBase,
  cloudformation: {
    check(resource, context) {
      const outcomes = lbInternalSchemeBase.cloudformation?.check(resource, context) ?? [];
      if (!outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends')) return outcomes;
      const listeners = pointingAt(resource, context, CFN_LISTENER, 'LoadBalancerArn');
      if (isNetwork(lbKind(context.resolver, resource.properties, 'Type'))) {
        return frontedNetwork(outcomes, listeners.find((listener) => allOf('TLS', valuesAt(context.resolver, listener.properties, ['Protocol'])))?.id);
      }
      const waf = pointingAt(resource, context, 'AWS::WAFv2::WebACLAssociation', 'ResourceArn')[0]?.id;
      const https = listeners.find((listener) => allOf('HTTPS', valuesAt(context.resolver, listener.properties, ['Protocol'])))?.id;
      return fronted(outcomes, { waf, https });
    },
  },
  terraform: {
    check(resource, context) {
      const outcomes = lbInternalSchemeBase.terraform?.check(resource, context) ?? [];
      if (!outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends')) return outcomes;
      const resolver = context.resolver.withBinding({});
      const listeners = context.linked(resource, 'aws_lb_listener', 'load_balancer_arn');
      if (isNetwork(lbKind(resolver, resource.body, 'load_balancer_type'))) {
        return frontedNetwork(outcomes, listeners.find((listener) => allOf('TLS', valuesAt(resolver, listener.body, ['protocol'])))?.address);
      }
      const waf = context.linked(resource, 'aws_wafv2_web_acl_association', 'resource_arn')[0]?.address;
      const https = listeners.find((listener) => allOf('HTTPS', valuesAt(resolver, listener.body, ['protocol'])))?.address;
      return fronted(outcomes, { waf, https });
    },
  },
};

// --- Classic Load Balancer

const clbHttpsListenerBase = settingRule({
  setting: 'clb-https-listener',
  cloudformation: {
    // Plain HTTP is the gap; TCP passes connections through (judged below as unknown).
    compliant: { noneOf: ['HTTP'] },
    consequence: 'traffic between clients and the load balancer is not encrypted; use HTTPS or SSL with an ACM certificate.',
  },
  terraform: {
    // aws_elb's lb_protocol takes HTTP, HTTPS, TCP or SSL (provider docs, aws_elb; the provider stores it in lower
    // case, and the comparison ignores case): the same test as CloudFormation.
    compliant: { noneOf: ['HTTP'] },
    path: 'listener.[].lb_protocol',
    // aws_elb requires at least one listener block, and each its lb_protocol (provider docs, aws_elb).
    absentDetail: 'aws_elb requires a listener block with lb_protocol.',
    consequence: 'traffic between clients and the load balancer is not encrypted; use lb_protocol = "https" or "ssl" with an ACM certificate (ssl_certificate_id).',
  },
});

const clbHttpsListener: Rule = {
  ...clbHttpsListenerBase,
  cloudformation: {
    check(resource, context) {
      const outcomes = clbHttpsListenerBase.cloudformation?.check(resource, context) ?? [];
      return outcomes.map((outcome) => (outcome.kind === 'addressed' ? passThrough(context.resolver, resource.properties, ['Listeners', '[]', 'Protocol']) ?? outcome : outcome));
    },
  },
  terraform: {
    check(resource, context) {
      const outcomes = clbHttpsListenerBase.terraform?.check(resource, context) ?? [];
      return outcomes.map((outcome) => (outcome.kind === 'addressed' ? passThrough(context.resolver, resource.body, ['listener', '[]', 'lb_protocol']) ?? outcome : outcome));
    },
  },
};

const clbAccessLogsBase = settingRule({
  setting: 'clb-access-logs',
  cloudformation: {
    compliant: { equals: true },
    consequence: 'requests to the load balancer are not logged, leaving no trail of who called what for investigations.',
  },
  terraform: {
    consequence: 'requests to the load balancer are not logged, leaving no trail of who called what for investigations.',
    whenMissing: 'there is no access_logs block, so requests to the load balancer are not logged, leaving no trail of who called what for investigations.',
  },
});

const clbAccessLogsChecked: Rule = {
  ...clbAccessLogsBase,
  terraform: {
    check(resource, context) {
      // In aws_elb, an access_logs block without `enabled` is on (the provider's default is true).
      const blocks = context.resolver.lookup(resource.body, ['access_logs']).filter((candidate) => candidate.node?.kind === 'map');
      if (blocks.length > 0 && blocks.every((block) => context.resolver.lookup(block.node, ['enabled'], block.via).every((candidate) => !candidate.node))) {
        return [{ kind: 'addressed', detail: 'access_logs is set; its enabled argument defaults to true.' }];
      }
      return clbAccessLogsBase.terraform?.check(resource, context) ?? [];
    },
  },
};

const clbAccessLogs = withAccessLogFixes(clbAccessLogsChecked, {
  named: {
    title: 'Set AccessLoggingPolicy.Enabled = true (to the log bucket it names)',
    safety: 'safe',
    path: ['AccessLoggingPolicy', 'Enabled'],
    value: true,
    terraform: { title: 'Set access_logs.enabled = true (to the log bucket it names)', path: ['access_logs', 'enabled'], value: true },
  },
  unnamed: {
    title: `Set AccessLoggingPolicy { Enabled: true, S3BucketName: a new parameter ${LOG_BUCKET_PARAMETER.name} } (its value to fill in)`,
    safety: 'placeholder',
    path: [],
    value: true,
    parameters: [LOG_BUCKET_PARAMETER],
    operations: [{ op: 'set', path: ['AccessLoggingPolicy'], value: { Enabled: true, S3BucketName: { Ref: LOG_BUCKET_PARAMETER.name } } }],
    terraform: ACCESS_LOGS_WITH_BUCKET_TF,
  },
}, {
  cloudformation: (resource, context) => hasKey(context.resolver, resource.properties, ['AccessLoggingPolicy', 'S3BucketName']),
  terraform: (resource, context) => hasKey(context.resolver, resource.body, ['access_logs', 'bucket']),
});

// --- alb-waf

const NO_WAF = 'the load balancer has no web ACL filtering common exploits, bots and floods.';

/** Internet-facing application load balancers only; `undefined` when the rule applies. */
function wafApplies(kind: LbKind, internal: readonly Resolved[]): RuleOutcome | undefined {
  const notApplication = applicationOnly({ kind, tlsListener: () => 'no' });
  if (notApplication?.kind === 'not-applicable') return { kind: 'not-applicable', detail: 'AWS WAF attaches to Application Load Balancers, not to network or gateway ones.' };
  if (internal.length > 0 && internal.every((value) => value.known && value.value === true)) return { kind: 'not-applicable', detail: 'An internal load balancer is not reachable from the internet.' };
  return notApplication;
}

/**
 * No web ACL: a finding when the load balancer is certainly an internet-facing application one (a literal, a
 * parameter default, no undecided condition); "depends" when that holds only for some deployments; unknown
 * when the scheme cannot be read.
 */
function noWaf(message: string, kind: LbKind, internal: readonly Resolved[], range: OffsetRange): RuleOutcome {
  const certainlyExposed = internal.some((value) => value.known && value.value === false && !value.via.some(isConditionalStep) && (value.fromParameter === undefined || value.fromParameter.isDefault));
  const certainlyApplication = kind.kinds.length === 1 && kind.kinds[0] === 'application' && !kind.unknown;
  if (certainlyExposed && certainlyApplication) return { kind: 'finding', message, range };
  const unread = internal.find((value) => !value.known);
  if (unread && !unread.known && !internal.some((value) => value.known && value.value === false)) return { kind: 'unknown', reason: `Whether the load balancer is internal cannot be known: it is ${unread.description}${describeVia(unread.via)}.` };
  return { kind: 'depends', message: `Depends on the deployment: the load balancer is an internet-facing application load balancer only for some deployments. ${message}`, range };
}

const wafBase = settingRule({ setting: 'alb-waf', cloudformation: { types: [CFN_LB], compliant: { present: true }, consequence: '' } });

const albWaf: Rule = {
  meta: wafBase.meta,
  cloudformation: {
    check(resource, context) {
      const scheme = valuesAt(context.resolver, resource.properties, ['Scheme']);
      // Scheme defaults to internet-facing.
      const internal = [...scheme.values.map((value): Resolved => (value.known ? { ...value, value: String(value.value) === 'internal' } : value)), ...(scheme.absent ? [{ known: true as const, value: false, via: [] }] : [])];
      const gate = wafApplies(lbKind(context.resolver, resource.properties, 'Type'), internal);
      if (gate) return [gate];
      const associations = pointingAt(resource, context, 'AWS::WAFv2::WebACLAssociation', 'ResourceArn');
      if (associations.length > 0) return [{ kind: 'addressed', detail: `${associations[0].id} attaches a web ACL.` }];
      return [noWaf(`No AWS::WAFv2::WebACLAssociation in this template points at it: ${NO_WAF}`, lbKind(context.resolver, resource.properties, 'Type'), internal, resource.idRange)];
    },
  },
  terraform: {
    check(resource, context) {
      const flag = valuesAt(context.resolver, resource.body, ['internal']);
      // internal defaults to false.
      const internal = [...flag.values.map((value): Resolved => (value.known ? { ...value, value: String(value.value).toLowerCase() === 'true' } : value)), ...(flag.absent ? [{ known: true as const, value: false, via: [] }] : [])];
      const gate = wafApplies(lbKind(context.resolver, resource.body, 'load_balancer_type'), internal);
      if (gate) return [gate];
      const associations = context.linked(resource, 'aws_wafv2_web_acl_association', 'resource_arn');
      if (associations.length > 0) return [{ kind: 'addressed', detail: `${associations[0].address} attaches a web ACL.` }];
      return [noWaf(`No aws_wafv2_web_acl_association in this module points at it: ${NO_WAF}`, lbKind(context.resolver, resource.body, 'load_balancer_type'), internal, resource.anchor)];
    },
  },
};

export const LOAD_BALANCING_RULES: readonly Rule[] = [
  albHttpsListener,
  albTlsPolicy,
  albDropInvalidHeaders,
  albAccessLogs,
  lbInternalScheme,
  clbHttpsListener,
  clbAccessLogs,
];

/** Listed with the WAF rules, where it always was. */
export { albWaf };
