// AWS::Neptune::DBCluster: EnableCloudwatchLogsExports must include the audit log.
import { settingMeta } from './rds-force-tls';
import { checkLogExports } from './rds-log-exports';
import type { Rule } from './rule';

export const neptuneAuditLogs: Rule = {
  meta: settingMeta('neptune-audit-logs', ['AWS::Neptune::DBCluster']),
  cloudformation: {
    check(resource, context) {
      return checkLogExports(resource, context, {
        required: ['audit'],
        consequence: 'who read or changed what leaves no trail in CloudWatch for investigations.',
      });
    },
  },
};
