// Aurora and Multi-AZ DB clusters: EnableCloudwatchLogsExports must include the engine's audit log (audit / postgresql).
import { mapEntry } from '../cloudformation/model';
import { singleString, settingMeta } from './rds-force-tls';
import { checkLogExports, rdsAuditLogs } from './rds-log-exports';
import type { Rule } from './rule';

export const rdsClusterLogExports: Rule = {
  meta: settingMeta('rds-cluster-log-exports', ['AWS::RDS::DBCluster']),
  cloudformation: {
    check(resource, context) {
      if (singleString(mapEntry(resource.properties, 'EngineMode'), context) === 'serverless') {
        return [{ kind: 'not-applicable', detail: 'Aurora Serverless v1 publishes logs through its parameter group, not EnableCloudwatchLogsExports.' }];
      }
      const engine = singleString(mapEntry(resource.properties, 'Engine'), context);
      return checkLogExports(resource, context, {
        required: rdsAuditLogs(engine),
        consequence: 'database activity leaves no trail in CloudWatch for investigations.',
      });
    },
  },
};
