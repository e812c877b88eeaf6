// OpenSearch: HTTPS must be enforced (EnforceHTTPS) and the endpoint must refuse TLS before 1.2 (TLSSecurityPolicy).
import { customSettingMeta, checkSetting, isTrue, judgeSetting, combine } from './support';
import type { Rule, SettingCheck } from './support';

const id = 'opensearch-https-tls';
/**
 * Policies whose minimum is TLS 1.2 or later: today Policy-Min-TLS-1-2-2019-07 and Policy-Min-TLS-1-2-PFS-2023-10
 * (OpenSearch API DomainEndpointOptions); later Policy-Min-TLS-1-2-* / 1-3-* names keep the same meaning.
 */
const TLS12 = /^Policy-Min-TLS-1-[2-9](-|$)/i;

/** The two checks of both readers; `paths` names EnforceHTTPS and TLSSecurityPolicy in the format. */
function checks(paths: { readonly https: readonly string[]; readonly policy: readonly string[] }): SettingCheck[] {
  return [
    {
      path: paths.https,
      isCompliant: isTrue,
      absent: { kind: 'missed', message: 'the domain also accepts plain HTTP, so queries and credentials may cross the network unencrypted.' },
      consequence: 'the domain also accepts plain HTTP, so queries and credentials may cross the network unencrypted.',
      fixId: 'set-enforce-https',
    },
    {
      path: paths.policy,
      isCompliant: (value) => TLS12.test(String(value)),
      // The API's default policy is Policy-Min-TLS-1-0-2019-07 (TLS 1.0 and 1.1 allowed).
      absent: { kind: 'missed', message: 'the default policy Policy-Min-TLS-1-0-2019-07 still accepts TLS 1.0 and 1.1.' },
      consequence: 'clients may still negotiate TLS 1.0 or 1.1.',
      fixId: 'set-tls-policy',
    },
  ];
}

const CFN_CHECKS = checks({ https: ['DomainEndpointOptions', 'EnforceHTTPS'], policy: ['DomainEndpointOptions', 'TLSSecurityPolicy'] });
const TF_CHECKS = checks({ https: ['domain_endpoint_options', 'enforce_https'], policy: ['domain_endpoint_options', 'tls_security_policy'] });

export const opensearchHttpsTls: Rule = {
  meta: customSettingMeta(id, ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'], id, ['aws_opensearch_domain', 'aws_elasticsearch_domain']),
  cloudformation: {
    check(resource, context) {
      return combine(CFN_CHECKS.map((check) => checkSetting(resource, context, check)));
    },
  },
  terraform: {
    check(resource, context) {
      // The provider defaults enforce_https to true inside a domain_endpoint_options block; without the block
      // the API default (HTTP allowed) applies.
      const block = context.resolver.lookup(resource.body, ['domain_endpoint_options']).some((candidate) => candidate.node !== undefined);
      const [https, policy] = TF_CHECKS;
      return combine([
        block ? judgeSetting(resource.body, resource.anchor, context.resolver, { ...https, absent: { kind: 'compliant', detail: 'enforce_https defaults to true in the provider.' } }) : judgeSetting(resource.body, resource.anchor, context.resolver, https),
        judgeSetting(resource.body, resource.anchor, context.resolver, policy),
      ]);
    },
  },
  fixes: {
    'set-enforce-https': {
      title: 'Set EnforceHTTPS: true', path: ['DomainEndpointOptions', 'EnforceHTTPS'], value: true, safety: 'safe',
      terraform: { title: 'Set domain_endpoint_options.enforce_https = true', path: ['domain_endpoint_options', 'enforce_https'], value: true },
    },
    'set-tls-policy': {
      title: 'Set TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10', path: ['DomainEndpointOptions', 'TLSSecurityPolicy'], value: 'Policy-Min-TLS-1-2-PFS-2023-10', safety: 'safe',
      terraform: { title: 'Set domain_endpoint_options.tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"', path: ['domain_endpoint_options', 'tls_security_policy'], value: 'Policy-Min-TLS-1-2-PFS-2023-10' },
    },
  },
};
