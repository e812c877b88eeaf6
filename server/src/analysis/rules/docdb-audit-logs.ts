// DocumentDB: EnableCloudwatchLogsExports must include 'audit' (audit_logs must also be on in the cluster parameter group).
import { settingMeta } from './rds-force-tls';
import { checkLogExports, checkTfLogExports } from './rds-log-exports';
import type { LogExportsCheck } from './rds-log-exports';
import type { Rule } from './support/rule';

const AUDIT: LogExportsCheck = { required: ['audit'], consequence: 'who read or changed what leaves no trail in CloudWatch for investigations.' };

export const docdbAuditLogs: Rule = {
  meta: settingMeta('docdb-audit-logs', ['AWS::DocDB::DBCluster']),
  cloudformation: {
    check(resource, context) {
      return checkLogExports(resource, context, AUDIT);
    },
  },
  terraform: {
    check(resource, context) {
      return checkTfLogExports(resource, context, AUDIT);
    },
  },
};
