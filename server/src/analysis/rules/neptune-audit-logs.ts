// AWS::Neptune::DBCluster: EnableCloudwatchLogsExports must include the audit log.
import { settingMeta } from './rds-force-tls';
import { checkLogExports, checkTfLogExports } from './rds-log-exports';
import type { LogExportsCheck } from './rds-log-exports';
import type { Rule } from './support/rule';

const AUDIT: LogExportsCheck = { required: ['audit'], consequence: 'who read or changed what leaves no trail in CloudWatch for investigations.' };

export const neptuneAuditLogs: Rule = {
  meta: settingMeta('neptune-audit-logs', ['AWS::Neptune::DBCluster']),
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
