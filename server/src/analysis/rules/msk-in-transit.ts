// MSK: client-broker traffic must be TLS only and traffic between brokers encrypted (InCluster); both default to on.
import { combine, customSettingMeta, checkSetting, isTrue, judgeSetting } from './support';
import type { Rule, SettingCheck } from './support';

const id = 'msk-in-transit';
/** The two checks of both readers; `base` is the path of EncryptionInTransit, `keys` its two settings. */
function checks(base: readonly string[], keys: { readonly clientBroker: string; readonly inCluster: string }): SettingCheck[] {
  const DEFAULT = { kind: 'aws-default', detail: `${base[base.length - 1]} defaults to ${keys.clientBroker} TLS and ${keys.inCluster} true.` } as const;
  return [
    {
      path: [...base, keys.clientBroker],
      isCompliant: (value) => String(value).toUpperCase() === 'TLS',
      absent: DEFAULT,
      consequence: 'clients may produce and consume records over unencrypted connections.',
      fixId: 'set-client-broker-tls',
    },
    {
      path: [...base, keys.inCluster],
      isCompliant: isTrue,
      absent: DEFAULT,
      consequence: 'replication traffic between brokers is not encrypted.',
      fixId: 'set-in-cluster',
    },
  ];
}

const CFN_CHECKS = checks(['EncryptionInfo', 'EncryptionInTransit'], { clientBroker: 'ClientBroker', inCluster: 'InCluster' });
const TF_CHECKS = checks(['encryption_info', 'encryption_in_transit'], { clientBroker: 'client_broker', inCluster: 'in_cluster' });

export const mskInTransit: Rule = {
  meta: customSettingMeta(id, ['AWS::MSK::Cluster']),
  cloudformation: {
    check(resource, context) {
      return combine(CFN_CHECKS.map((check) => checkSetting(resource, context, check)));
    },
  },
  terraform: {
    // The provider's defaults are the API's: client_broker "TLS", in_cluster true.
    check(resource, context) {
      return combine(TF_CHECKS.map((check) => judgeSetting(resource.body, resource.anchor, context.resolver, check)));
    },
  },
  fixes: {
    'set-client-broker-tls': {
      title: 'Set ClientBroker: TLS', path: ['EncryptionInfo', 'EncryptionInTransit', 'ClientBroker'], value: 'TLS', safety: 'safe',
      terraform: { title: 'Set encryption_info.encryption_in_transit.client_broker = "TLS"', path: ['encryption_info', 'encryption_in_transit', 'client_broker'], value: 'TLS' },
    },
    'set-in-cluster': {
      title: 'Set InCluster: true', path: ['EncryptionInfo', 'EncryptionInTransit', 'InCluster'], value: true,
      // EncryptionInTransit.InCluster: "Update requires: Replacement"; the provider's in_cluster forces a new cluster.
      safety: 'replaces',
      terraform: { title: 'Set encryption_info.encryption_in_transit.in_cluster = true', path: ['encryption_info', 'encryption_in_transit', 'in_cluster'], value: true },
    },
  },
};
