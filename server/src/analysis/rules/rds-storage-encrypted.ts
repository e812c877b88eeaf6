import { mapEntry } from '../cloudformation/model';
import { docsUrl, references } from './references';
import type { Rule } from './rule';
import { checkSetting, isTrue } from './setting';

const id = 'rds-storage-encrypted';

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
      return checkSetting(resource, context, {
        path: ['StorageEncrypted'],
        isCompliant: isTrue,
        absent: { kind: 'missed', message: 'the database and its backups are stored unencrypted, and encryption cannot be turned on after creation.' },
        consequence: 'the database and its backups are stored unencrypted.',
        fixId: 'set-storage-encrypted',
      });
    },
  },
  fixes: {
    'set-storage-encrypted': { title: 'Set StorageEncrypted: true', path: ['StorageEncrypted'], value: true },
  },
};
