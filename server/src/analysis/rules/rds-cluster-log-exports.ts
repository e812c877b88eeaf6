// Aurora and Multi-AZ DB clusters: EnableCloudwatchLogsExports must include the engine's audit log (audit / postgresql).
import { mapEntry } from '../cloudformation/template';
import { singleString, customSettingMeta, checkLogExports, checkTfLogExports, rdsLogExportsCheck, logExportFixes } from './support';
import type { Rule } from './support';

const SERVERLESS_V1 = { kind: 'not-applicable', detail: 'Aurora Serverless v1 publishes logs through its parameter group, not EnableCloudwatchLogsExports.' } as const;

export const rdsClusterLogExports: Rule = {
  meta: customSettingMeta('rds-cluster-log-exports', ['AWS::RDS::DBCluster']),
  fixes: logExportFixes(['audit', 'postgresql']),
  cloudformation: {
    check(resource, context) {
      if (singleString(mapEntry(resource.properties, 'EngineMode'), context) === 'serverless') {
        return [SERVERLESS_V1];
      }
      return checkLogExports(resource, context, rdsLogExportsCheck(singleString(mapEntry(resource.properties, 'Engine'), context)));
    },
  },
  terraform: {
    check(resource, context) {
      if (singleString(mapEntry(resource.body, 'engine_mode'), context) === 'serverless') return [SERVERLESS_V1];
      return checkTfLogExports(resource, context, rdsLogExportsCheck(singleString(mapEntry(resource.body, 'engine'), context)));
    },
  },
};
