// AWS::Neptune::DBCluster: EnableCloudwatchLogsExports must include the audit log.
import { customSettingMeta, checkLogExports, checkTfLogExports, logExportFixes } from './support';
import type { LogExportsCheck, Rule } from './support';

const AUDIT: LogExportsCheck = { required: ['audit'], consequence: 'who read or changed what leaves no trail in CloudWatch for investigations.' };

export const neptuneAuditLogs: Rule = {
  meta: customSettingMeta('neptune-audit-logs', ['AWS::Neptune::DBCluster']),
  fixes: logExportFixes(['audit'], 'enable_cloudwatch_logs_exports'),
  cloudformation: {
    check(resource, context) {
      return checkLogExports(resource, context, AUDIT);
    },
  },
  terraform: {
    check(resource, context) {
      return checkTfLogExports(resource, context, AUDIT, 'enable_cloudwatch_logs_exports');
    },
  },
};
