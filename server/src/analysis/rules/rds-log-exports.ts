// RDS instances export logs to CloudWatch through EnableCloudwatchLogsExports, a list that must include the
// engine's main log (the list check is support/logExports.ts).
import { mapEntry } from '../cloudformation/template';
import { customSettingMeta, singleString, checkLogExports, checkTfLogExports, rdsLogExportsCheck } from './support';
import type { Rule } from './support';

const id = 'rds-log-exports';
export const rdsLogExports: Rule = {
  meta: customSettingMeta(id, ['AWS::RDS::DBInstance']),
  cloudformation: {
    check(resource, context) {
      if (mapEntry(resource.properties, 'DBClusterIdentifier')) {
        return [{ kind: 'not-applicable', detail: 'An Aurora or cluster member instance exports logs through its cluster.' }];
      }
      return checkLogExports(resource, context, rdsLogExportsCheck(singleString(mapEntry(resource.properties, 'Engine'), context)));
    },
  },
  terraform: {
    // Aurora members are aws_rds_cluster_instance (not checked here): they export through aws_rds_cluster.
    check(resource, context) {
      return checkTfLogExports(resource, context, rdsLogExportsCheck(singleString(mapEntry(resource.body, 'engine'), context)));
    },
  },
};
