// OpenSearch: HTTPS must be enforced (EnforceHTTPS) and the endpoint must refuse TLS before 1.2 (TLSSecurityPolicy).
import type { RuleOutcome } from './outcome';
import { settingMeta } from './rds-force-tls';
import type { Rule } from './rule';
import { checkSetting, isTrue } from './setting';

const id = 'opensearch-https-tls';
const TLS12 = ['Policy-Min-TLS-1-2-2019-07', 'Policy-Min-TLS-1-2-PFS-2023-10'];

/** The outcomes of several checks of one duty: every gap found, or the first addressed outcome. */
export function combine(results: readonly RuleOutcome[][]): RuleOutcome[] {
  const gaps = results.flat().filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
  return gaps.length > 0 ? gaps : (results[0] ?? []);
}

export const opensearchHttpsTls: Rule = {
  meta: settingMeta(id, ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain']),
  cloudformation: {
    check(resource, context) {
      return combine([
        checkSetting(resource, context, {
          path: ['DomainEndpointOptions', 'EnforceHTTPS'],
          isCompliant: isTrue,
          absent: { kind: 'missed', message: 'the domain also accepts plain HTTP, so queries and credentials may cross the network unencrypted.' },
          consequence: 'the domain also accepts plain HTTP, so queries and credentials may cross the network unencrypted.',
          fixId: 'set-enforce-https',
        }),
        checkSetting(resource, context, {
          path: ['DomainEndpointOptions', 'TLSSecurityPolicy'],
          isCompliant: (value) => TLS12.some((policy) => policy.toLowerCase() === String(value).toLowerCase()),
          // The API's default policy is Policy-Min-TLS-1-0-2019-07 (TLS 1.0 and 1.1 allowed).
          absent: { kind: 'missed', message: 'the default policy Policy-Min-TLS-1-0-2019-07 still accepts TLS 1.0 and 1.1.' },
          consequence: 'clients may still negotiate TLS 1.0 or 1.1.',
          fixId: 'set-tls-policy',
        }),
      ]);
    },
  },
  fixes: {
    'set-enforce-https': { title: 'Set EnforceHTTPS: true', path: ['DomainEndpointOptions', 'EnforceHTTPS'], value: true },
    'set-tls-policy': { title: 'Set TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10', path: ['DomainEndpointOptions', 'TLSSecurityPolicy'], value: 'Policy-Min-TLS-1-2-PFS-2023-10' },
  },
};
