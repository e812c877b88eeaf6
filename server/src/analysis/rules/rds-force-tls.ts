// TLS enforcement for RDS lives in a DB parameter group (rds.force_ssl, require_secure_transport) that the
// instance or cluster points to. The finding sits on the database; the group is a related location.
// The parameter-group walk is support/parameterGroups.ts.
import type { CfnResource } from '../cloudformation/template';
import type { CfnRuleContext } from '../cloudformation/context';
import { mapEntry } from '../cloudformation/template';
import { compatible, describeVia, quote } from '../resolution';
import type { ValueResolver } from '../resolution';
import type { ScalarValue, ValueNode } from '../types';
import type { TfResource, TfRuleContext } from '../terraform/context';
import { checkParameterGroup, checkTfParameterGroup, rdsEngine, customSettingMeta, singleString } from './support';
import type { Rule, GroupExpectation, RuleOutcome } from './support';

const id = 'rds-force-tls';

function majorVersion(text: string | undefined): number | undefined {
  const match = text ? /(\d+)/.exec(text) : null;
  return match ? Number(match[1]) : undefined;
}

/** "11.8.2" -> [11, 8]; "11" -> [11, undefined]; undefined when no number can be read. */
function majorMinor(text: string | undefined): [number, number | undefined] | undefined {
  const match = text ? /(\d+)(?:\.(\d+))?/.exec(text) : null;
  return match ? [Number(match[1]), match[2] === undefined ? undefined : Number(match[2])] : undefined;
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

/**
 * RDS for MariaDB and MySQL: require_secure_transport defaults to ON from MariaDB 11.8 (OFF in 11.4 and earlier)
 * and in MySQL 9.7 (OFF in 8.4 and earlier) (RDS User Guide, "Requiring SSL/TLS for all connections to a MariaDB /
 * MySQL DB instance"). The version comes from the group's family or the database's engine version; when neither
 * can be read (not set: RDS picks its default version), a default group or one that leaves the parameter alone
 * cannot be judged, while a group that sets the parameter still decides.
 */
function secureTransportExpectation(engine: 'mysql' | 'mariadb', facts: EngineFacts): GroupExpectation {
  const family = facts.family?.toLowerCase().startsWith(engine) ? facts.family.slice(engine.length) : undefined;
  const version = majorMinor(family ?? facts.version);
  const base = { parameters: ['require_secure_transport'], isEnforcing: enforcesTls, example: 'require_secure_transport: ON' } as const;
  const onFrom = engine === 'mariadb' ? 'MariaDB 11.8 and later (OFF in 11.4 and earlier)' : 'MySQL 9.7 (OFF in 8.4 and earlier)';
  let onByDefault: boolean | undefined;
  if (version) {
    const [major, minor] = version;
    if (engine === 'mariadb') onByDefault = major !== 11 ? major > 11 : minor === undefined ? undefined : minor >= 8;
    else onByDefault = major < 9 ? false : major === 9 && minor === 7 ? true : undefined;
  }
  if (onByDefault !== undefined) return { ...base, enforcedByDefault: onByDefault };
  const which = version
    ? `the engine version ${quote(family ?? facts.version ?? '')} is not one whose default the RDS documentation gives`
    : facts.versionSet ? 'the engine version cannot be read' : 'no engine version is set, so RDS picks its default version';
  return { ...base, enforcedByDefault: false, engineUnknown: `${which}; require_secure_transport is ON by default in ${onFrom}, so whether TLS is enforced cannot be told` };
}

function rdsExpectation(facts: EngineFacts): GroupExpectation | string {
  const family = facts.family;
  // rdsEngine groups MariaDB with MySQL (same parameter); their defaults differ, so MariaDB is told apart here.
  const named = rdsEngine(facts.engine) ? facts.engine : family;
  const engine = rdsEngine(named) === 'mysql' && named?.toLowerCase().startsWith('mariadb') ? 'mariadb' : rdsEngine(named);
  if (engine === 'oracle') return 'RDS for Oracle takes TLS from an option group (SSL option), which this rule does not read.';
  if (engine === 'db2') {
    return { parameters: ['db2comm'], isEnforcing: enforcesTls, enforcedByDefault: false, example: 'db2comm: SSL' };
  }
  // RDS for PostgreSQL 15 and later sets rds.force_ssl to 1 by default; without EngineVersion RDS picks a current (>= 15) major.
  const versionText = family && rdsEngine(family) === 'postgres' ? family.slice('postgres'.length) : facts.version;
  const major = majorVersion(versionText);
  const postgresDefault = engine === 'postgres' && (major !== undefined ? major >= 15 : !facts.versionSet && !family);
  if (engine === 'postgres' || engine === 'aurora-postgresql' || engine === 'sqlserver') {
    // A version that is written but cannot be read (a variable without a value) decides the PostgreSQL default.
    const versionUnknown = engine === 'postgres' && major === undefined && facts.versionSet
      ? { engineUnknown: 'the engine version cannot be read; rds.force_ssl is 1 by default from PostgreSQL 15 (0 before), so whether TLS is enforced cannot be told' } : {};
    return { parameters: ['rds.force_ssl'], isEnforcing: enforcesTls, enforcedByDefault: postgresDefault, example: 'rds.force_ssl: 1', ...versionUnknown };
  }
  if (engine === 'mysql' || engine === 'mariadb') return secureTransportExpectation(engine, facts);
  if (engine === 'aurora-mysql') {
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

/** One engine a database may run, with its provenance (undefined engine: none that can be read). */
interface EngineBranch {
  readonly engine: string | undefined;
  readonly via: readonly string[];
}

function engineBranches(start: ValueNode | undefined, key: string, resolver: ValueResolver): EngineBranch[] {
  return resolver.lookup(start, [key]).flatMap((candidate) => (candidate.node
    ? resolver.scalars(candidate.node, candidate.via).map((resolved) => ({ engine: resolved.known ? String(resolved.value).toLowerCase() : undefined, via: resolved.via }))
    : [{ engine: undefined, via: candidate.via }]));
}

/** The one known value of a key on this branch (lower-cased), and whether it is written there at all. */
function onBranch(start: ValueNode | undefined, key: string, resolver: ValueResolver, branch: readonly string[]): { value: string | undefined; set: boolean } {
  const candidates = resolver.lookup(start, [key]).filter((candidate) => compatible(branch, candidate.via) && candidate.node !== undefined);
  const values = candidates.flatMap((candidate) => resolver.scalars(candidate.node as ValueNode, candidate.via));
  return { value: values.length === 1 && values[0].known ? String(values[0].value).toLowerCase() : undefined, set: candidates.length > 0 };
}

/**
 * The engine decides which parameter enforces TLS. An engine that differs by branch (Fn::If on an undecided
 * condition, a parameter with several allowed values) is judged per engine, each with the links and version of
 * its own branch: a gap on every engine is a finding, a gap on some only "depends".
 */
function perEngine(branches: readonly EngineBranch[], engineName: string, judge: (branch: EngineBranch | undefined) => RuleOutcome[]): RuleOutcome[] {
  if (branches.length <= 1 || new Set(branches.map((branch) => branch.engine)).size <= 1) return judge(undefined);
  const results = branches.map((branch) => ({ branch, outcomes: judge(branch) }));
  const gaps = results.flatMap(({ branch, outcomes }) => outcomes.filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends').map((outcome) => ({ branch, outcome })));
  if (gaps.length > 0) {
    if (results.every(({ outcomes }) => outcomes.some((outcome) => outcome.kind === 'finding'))) return [(gaps.find((gap) => gap.outcome.kind === 'finding') ?? gaps[0]).outcome];
    const first = gaps.find((gap) => gap.outcome.kind === 'finding') ?? gaps[0];
    const outcome = first.outcome as Extract<RuleOutcome, { kind: 'finding' | 'depends' }>;
    const engine = first.branch.engine ? `${engineName} ${quote(first.branch.engine)}${describeVia(first.branch.via)}` : `an ${engineName} that cannot be read`;
    return [{ kind: 'depends', message: `Depends on the deployment: with ${engine}, ${outcome.message.replace(/^Depends on the deployment: /, '')}`, range: outcome.range }];
  }
  const unknown = results.flatMap(({ outcomes }) => outcomes).find((outcome) => outcome.kind === 'unknown');
  return unknown ? [unknown] : results[0].outcomes;
}

/** The family a default group's name carries: 'default.mysql8.0' -> 'mysql8.0'. */
function defaultFamily(name: string | undefined): string | undefined {
  return name?.toLowerCase().startsWith('default.') ? name.slice('default.'.length).toLowerCase() : undefined;
}

function cfnFacts(resource: CfnResource, context: CfnRuleContext, group: CfnResource | undefined, branch?: EngineBranch, defaultName?: string): EngineFacts {
  const version = onBranch(resource.properties, 'EngineVersion', context.resolver, branch?.via ?? []);
  return {
    engine: branch ? branch.engine : singleString(mapEntry(resource.properties, 'Engine'), context),
    version: branch ? version.value : singleString(mapEntry(resource.properties, 'EngineVersion'), context),
    versionSet: branch ? version.set : mapEntry(resource.properties, 'EngineVersion') !== undefined,
    family: group ? singleString(mapEntry(group.properties, 'Family'), context) : defaultFamily(defaultName),
  };
}

function tfFacts(resource: TfResource, context: TfRuleContext, group: TfResource | undefined, branch?: EngineBranch, defaultName?: string): EngineFacts {
  const version = onBranch(resource.body, 'engine_version', context.resolver, branch?.via ?? []);
  return {
    engine: branch ? branch.engine : singleString(mapEntry(resource.body, 'engine'), context),
    version: branch ? version.value : singleString(mapEntry(resource.body, 'engine_version'), context),
    versionSet: branch ? version.set : mapEntry(resource.body, 'engine_version') !== undefined,
    family: group ? singleString(mapEntry(group.body, 'family'), context) : defaultFamily(defaultName),
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
        return perEngine(engineBranches(resource.properties, 'Engine', context.resolver), 'Engine', (branch) => checkParameterGroup(resource, context, {
          link: 'DBParameterGroupName',
          groupType: 'AWS::RDS::DBParameterGroup',
          expect: (group, defaultName) => rdsExpectation(cfnFacts(resource, context, group, branch, defaultName)),
          readParameter: readMapParameter,
          consequence: CONSEQUENCE,
          ...(branch ? { branch: branch.via } : {}),
        }));
      }
      const engineMode = singleString(mapEntry(resource.properties, 'EngineMode'), context);
      if (engineMode === 'serverless') return [{ kind: 'not-applicable', detail: 'Aurora Serverless v1 (retired) is not checked.' }];
      return perEngine(engineBranches(resource.properties, 'Engine', context.resolver), 'Engine', (branch) => checkParameterGroup(resource, context, {
        link: 'DBClusterParameterGroupName',
        groupType: 'AWS::RDS::DBClusterParameterGroup',
        expect: (group, defaultName) => rdsExpectation(cfnFacts(resource, context, group, branch, defaultName)),
        readParameter: readMapParameter,
        consequence: CONSEQUENCE,
        ...(branch ? { branch: branch.via } : {}),
      }));
    },
  },
  terraform: {
    // Aurora members are aws_rds_cluster_instance (not checked): they take TLS from the cluster's group.
    check(resource, context) {
      const cluster = resource.type === 'aws_rds_cluster';
      if (cluster && singleString(mapEntry(resource.body, 'engine_mode'), context) === 'serverless') return [{ kind: 'not-applicable', detail: 'Aurora Serverless v1 (retired) is not checked.' }];
      return perEngine(engineBranches(resource.body, 'engine', context.resolver), 'engine', (branch) => checkTfParameterGroup(resource, context, {
        link: cluster ? 'db_cluster_parameter_group_name' : 'parameter_group_name',
        groupType: cluster ? 'aws_rds_cluster_parameter_group' : 'aws_db_parameter_group',
        expect: (group, defaultName) => rdsExpectation(tfFacts(resource, context, group, branch, defaultName)),
        consequence: CONSEQUENCE,
        ...(branch ? { branch: branch.via } : {}),
      }));
    },
  },
};
