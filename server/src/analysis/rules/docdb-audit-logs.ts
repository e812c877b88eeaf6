// DocumentDB: EnableCloudwatchLogsExports must include 'audit' (audit_logs must also be on in the cluster parameter group).
import { customSettingMeta, checkLogExports, checkTfLogExports, logExportFixes } from './support';
import type { LogExportsCheck, Rule } from './support';

const AUDIT: LogExportsCheck = { required: ['audit'], consequence: 'who read or changed what leaves no trail in CloudWatch for investigations.' };

export const docdbAuditLogs: Rule = {
  meta: customSettingMeta('docdb-audit-logs', ['AWS::DocDB::DBCluster']),
  fixes: logExportFixes(['audit']),
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
