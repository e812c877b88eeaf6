import { mapEntry } from '../cloudformation/template';
import type { ValueResolver } from '../resolution';
import type { ValueNode } from '../types';
import { docsUrl, references, checkSetting, isTrue, judgeSetting } from './support';
import type { Rule, SettingCheck } from './support';

const id = 'rds-storage-encrypted';

// Aurora User Guide, "Using Amazon Aurora Serverless v1": the cluster volume is always encrypted and encryption cannot be disabled.
const SERVERLESS_V1 = { kind: 'aws-default', detail: 'Aurora Serverless v1 clusters are always encrypted at rest; encryption cannot be turned off.' } as const;

export const rdsStorageEncrypted: Rule = {
  meta: {
    id,
    item: 'data-at-rest-encryption',
    title: 'Encrypt RDS database storage',
    severity: 'warning',
    rationale:
      'AWS runs the encryption, but turning it on is the customer\'s choice, and it can only be made when the database is created: an unencrypted instance must be copied to be encrypted later.',
    awsDefault: { summary: 'RDS storage is not encrypted unless StorageEncrypted is true (Aurora instances inherit the cluster\'s setting).' },
    references: references({ checkov: ['CKV_AWS_16', 'CKV_AWS_96'], fsbp: ['RDS.3', 'RDS.27'], trivy: ['AVD-AWS-0080', 'AVD-AWS-0079'], cfnNag: ['F26', 'F27'] }),
    docsUrl: docsUrl(id),
    resourceTypes: { cloudformation: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], terraform: ['aws_db_instance', 'aws_rds_cluster'] },
    settings: ['rds-storage-encrypted', 'rds-cluster-storage-encrypted'],
  },
  cloudformation: {
    check(resource, context) {
      if (resource.type === 'AWS::RDS::DBInstance') {
        if (mapEntry(resource.properties, 'DBClusterIdentifier')) {
          return [{ kind: 'not-applicable', detail: 'An Aurora instance is encrypted by its cluster (DBClusterIdentifier).' }];
        }
        if (mapEntry(resource.properties, 'SourceDBInstanceIdentifier') || mapEntry(resource.properties, 'DBSnapshotIdentifier')) {
          return [{ kind: 'not-applicable', detail: 'A read replica or snapshot restore inherits encryption from its source.' }];
        }
      }
      if (resource.type === 'AWS::RDS::DBCluster' && mapEntry(resource.properties, 'SnapshotIdentifier')) {
        return [{ kind: 'not-applicable', detail: 'A cluster restored from a snapshot inherits its encryption.' }];
      }
      if (resource.type === 'AWS::RDS::DBCluster' && isServerlessV1(mapEntry(resource.properties, 'EngineMode'), context.resolver)) return [SERVERLESS_V1];
      return checkSetting(resource, context, encryptedCheck(['StorageEncrypted']));
    },
  },
  terraform: {
    check(resource, context) {
      // aws_rds_cluster_instance has no storage setting: Aurora instances are encrypted by their cluster.
      const has = (key: string) => resource.body.entries.some((entry) => entry.key === key);
      if (resource.type === 'aws_db_instance') {
        const inherited = ['replicate_source_db', 'snapshot_identifier', 'restore_to_point_in_time'].filter(has);
        if (inherited.length > 0) return [{ kind: 'not-applicable', detail: `A read replica or restore inherits encryption from its source (${inherited.join(', ')}).` }];
      }
      if (resource.type === 'aws_rds_cluster') {
        const inherited = ['snapshot_identifier', 'replication_source_identifier', 'restore_to_point_in_time'].filter(has);
        if (inherited.length > 0) return [{ kind: 'not-applicable', detail: `A cluster restored or replicated from a source inherits its encryption (${inherited.join(', ')}).` }];
        if (isServerlessV1(mapEntry(resource.body, 'engine_mode'), context.resolver)) return [SERVERLESS_V1];
      }
      return judgeSetting(resource.body, resource.anchor, context.resolver, encryptedCheck(['storage_encrypted']));
    },
  },
  fixes: {
    'set-storage-encrypted': {
      title: 'Set StorageEncrypted: true',
      path: ['StorageEncrypted'],
      value: true,
      // An unencrypted instance or cluster cannot be encrypted in place: "Update requires: Replacement" (snapshot, copy encrypted, restore).
      safety: 'replaces',
      terraform: { title: 'Set storage_encrypted = true', path: ['storage_encrypted'], value: true },
    },
  },
};

/** The engine mode is certainly 'serverless' (Aurora Serverless v1). */
function isServerlessV1(node: ValueNode | undefined, resolver: ValueResolver): boolean {
  const values = node ? resolver.scalars(node) : [];
  return values.length > 0 && values.every((value) => value.known && String(value.value).toLowerCase() === 'serverless');
}

function encryptedCheck(path: readonly string[]): SettingCheck {
  return {
    path,
    isCompliant: isTrue,
    absent: { kind: 'missed', message: 'the database and its backups are stored unencrypted, and encryption cannot be turned on after creation.' },
    consequence: 'the database and its backups are stored unencrypted.',
    fixId: 'set-storage-encrypted',
  };
}
