// MSK: client-broker traffic must be TLS only and traffic between brokers encrypted (InCluster); both default to on.
import { combine } from './opensearch-https-tls';
import { settingMeta } from './rds-force-tls';
import type { Rule } from './rule';
import { checkSetting, isTrue } from './setting';

const id = 'msk-in-transit';
const DEFAULT = { kind: 'aws-default', detail: 'EncryptionInTransit defaults to ClientBroker TLS and InCluster true.' } as const;

export const mskInTransit: Rule = {
  meta: settingMeta(id, ['AWS::MSK::Cluster']),
  cloudformation: {
    check(resource, context) {
      return combine([
        checkSetting(resource, context, {
          path: ['EncryptionInfo', 'EncryptionInTransit', 'ClientBroker'],
          isCompliant: (value) => String(value).toUpperCase() === 'TLS',
          absent: DEFAULT,
          consequence: 'clients may produce and consume records over unencrypted connections.',
          fixId: 'set-client-broker-tls',
        }),
        checkSetting(resource, context, {
          path: ['EncryptionInfo', 'EncryptionInTransit', 'InCluster'],
          isCompliant: isTrue,
          absent: DEFAULT,
          consequence: 'replication traffic between brokers is not encrypted.',
          fixId: 'set-in-cluster',
        }),
      ]);
    },
  },
  fixes: {
    'set-client-broker-tls': { title: 'Set ClientBroker: TLS', path: ['EncryptionInfo', 'EncryptionInTransit', 'ClientBroker'], value: 'TLS' },
    'set-in-cluster': { title: 'Set InCluster: true', path: ['EncryptionInfo', 'EncryptionInTransit', 'InCluster'], value: true },
  },
};
