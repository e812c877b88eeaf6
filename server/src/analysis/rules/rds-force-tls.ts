// TLS enforcement for RDS lives in a DB parameter group (rds.force_ssl, require_secure_transport) that the
// instance or cluster points to. The finding sits on the database; the group is a related location.
// The parameter-group walk is support/parameterGroups.ts.
import type { CfnResource } from '../cloudformation/template';
import type { CfnRuleContext } from '../cloudformation/context';
import { mapEntry } from '../cloudformation/template';
import { quote } from '../cloudformation/resolve';
import type { ScalarValue } from '../types';
import type { TfResource, TfRuleContext } from '../terraform/context';
import { checkParameterGroup, checkTfParameterGroup, rdsEngine, customSettingMeta, singleString } from './support';
import type { Rule, GroupExpectation } from './support';

const id = 'rds-force-tls';

function majorVersion(text: string | undefined): number | undefined {
  const match = text ? /(\d+)/.exec(text) : null;
  return match ? Number(match[1]) : undefined;
}

const ON = new Set(['1', 'on', 'true']);

/** The database's engine and version and the group's family, read by each format. */
interface EngineFacts {
  readonly engine: string | undefined;
  readonly version: string | undefined;
  readonly versionSet: boolean;
  readonly family: string | undefined;
}

/** Whether a parameter's value enforces TLS: rds.force_ssl / require_secure_transport on, Db2's db2comm SSL only. */
function enforcesTls(value: ScalarValue, parameter: string): boolean {
  const text = String(value).trim().toLowerCase();
  // RDS for Db2: DB2COMM 'TCPIP,SSL' keeps the clear-text port open beside the SSL port; only 'SSL' turns it off.
  if (parameter === 'db2comm') return text === 'ssl';
  return ON.has(text);
}

function rdsExpectation(facts: EngineFacts): GroupExpectation | string {
  const family = facts.family;
  const engine = rdsEngine(facts.engine) ?? rdsEngine(family);
  if (engine === 'oracle') return 'RDS for Oracle takes TLS from an option group (SSL option), which this rule does not read.';
  if (engine === 'db2') {
    return { parameters: ['db2comm'], isEnforcing: enforcesTls, enforcedByDefault: false, example: 'db2comm: SSL' };
  }
  // RDS for PostgreSQL 15 and later sets rds.force_ssl to 1 by default; without EngineVersion RDS picks a current (>= 15) major.
  const versionText = family && rdsEngine(family) === 'postgres' ? family.slice('postgres'.length) : facts.version;
  const major = majorVersion(versionText);
  const postgresDefault = engine === 'postgres' && (major !== undefined ? major >= 15 : !facts.versionSet && !family);
  if (engine === 'postgres' || engine === 'aurora-postgresql' || engine === 'sqlserver') {
    return { parameters: ['rds.force_ssl'], isEnforcing: enforcesTls, enforcedByDefault: postgresDefault, example: 'rds.force_ssl: 1' };
  }
  if (engine === 'mysql' || engine === 'aurora-mysql') {
    return { parameters: ['require_secure_transport'], isEnforcing: enforcesTls, enforcedByDefault: false, example: 'require_secure_transport: ON' };
  }
  // Engine unknown: a group can only hold the parameters of its own family, so an enforcing value of any engine's
  // parameter settles it; a group without any of them (or the default group) cannot be judged.
  return {
    parameters: ['rds.force_ssl', 'require_secure_transport', 'db2comm'],
    isEnforcing: enforcesTls,
    enforcedByDefault: false,
    engineUnknown: `the engine is not known (${facts.engine ? `engine ${quote(facts.engine)}` : 'no engine that can be read'}${family ? `, family ${quote(family)}` : ', no family that can be read'}), so which parameter enforces TLS cannot be told`,
    example: 'rds.force_ssl: 1 (PostgreSQL, SQL Server), require_secure_transport: ON (MySQL, MariaDB) or db2comm: SSL (Db2)',
  };
}

function cfnFacts(resource: CfnResource, context: CfnRuleContext, group: CfnResource | undefined): EngineFacts {
  return {
    engine: singleString(mapEntry(resource.properties, 'Engine'), context),
    version: singleString(mapEntry(resource.properties, 'EngineVersion'), context),
    versionSet: mapEntry(resource.properties, 'EngineVersion') !== undefined,
    family: group ? singleString(mapEntry(group.properties, 'Family'), context) : undefined,
  };
}

function tfFacts(resource: TfResource, context: TfRuleContext, group: TfResource | undefined): EngineFacts {
  return {
    engine: singleString(mapEntry(resource.body, 'engine'), context),
    version: singleString(mapEntry(resource.body, 'engine_version'), context),
    versionSet: mapEntry(resource.body, 'engine_version') !== undefined,
    family: group ? singleString(mapEntry(group.body, 'family'), context) : undefined,
  };
}

const readMapParameter = (group: CfnResource, name: string, context: CfnRuleContext) =>
  context.resolver.lookup(group.properties, ['Parameters', name]).flatMap((candidate) => (candidate.node ? [{ node: candidate.node, via: candidate.via }] : []));

const CONSEQUENCE = 'TLS is optional, so clients may connect without encryption and credentials and data cross the network in clear text.';

export const rdsForceTls: Rule = {
  meta: customSettingMeta('rds-force-tls', ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], id, ['aws_db_instance', 'aws_rds_cluster']),
  cloudformation: {
    check(resource, context) {
      if (resource.type === 'AWS::RDS::DBInstance') {
        if (mapEntry(resource.properties, 'DBClusterIdentifier')) {
          return [{ kind: 'not-applicable', detail: 'An Aurora or cluster member instance takes TLS enforcement from its cluster parameter group.' }];
        }
        return checkParameterGroup(resource, context, {
          link: 'DBParameterGroupName',
          groupType: 'AWS::RDS::DBParameterGroup',
          expect: (group) => rdsExpectation(cfnFacts(resource, context, group)),
          readParameter: readMapParameter,
          consequence: CONSEQUENCE,
        });
      }
      const engineMode = singleString(mapEntry(resource.properties, 'EngineMode'), context);
      if (engineMode === 'serverless') return [{ kind: 'not-applicable', detail: 'Aurora Serverless v1 (retired) is not checked.' }];
      return checkParameterGroup(resource, context, {
        link: 'DBClusterParameterGroupName',
        groupType: 'AWS::RDS::DBClusterParameterGroup',
        expect: (group) => rdsExpectation(cfnFacts(resource, context, group)),
        readParameter: readMapParameter,
        consequence: CONSEQUENCE,
      });
    },
  },
  terraform: {
    // Aurora members are aws_rds_cluster_instance (not checked): they take TLS from the cluster's group.
    check(resource, context) {
      const cluster = resource.type === 'aws_rds_cluster';
      if (cluster && singleString(mapEntry(resource.body, 'engine_mode'), context) === 'serverless') return [{ kind: 'not-applicable', detail: 'Aurora Serverless v1 (retired) is not checked.' }];
      return checkTfParameterGroup(resource, context, {
        link: cluster ? 'db_cluster_parameter_group_name' : 'parameter_group_name',
        groupType: cluster ? 'aws_rds_cluster_parameter_group' : 'aws_db_parameter_group',
        expect: (group) => rdsExpectation(tfFacts(resource, context, group)),
        consequence: CONSEQUENCE,
      });
    },
  },
};
