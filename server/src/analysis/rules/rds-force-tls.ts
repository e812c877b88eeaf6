// TLS enforcement for RDS lives in a DB parameter group (rds.force_ssl, require_secure_transport) that the
// instance or cluster points to. The finding sits on the database; the group is a related location.
// Also exports the parameter-group walk and the knowledge-based metadata used by redshift-require-ssl and docdb-tls.
import type { CfnResource, CfnRuleContext } from '../cloudformation/model';
import { mapEntry } from '../cloudformation/model';
import { describeVia, quote } from '../cloudformation/resolve';
import { getDefault, getItem, getSetting } from '../knowledge';
import type { OffsetRange, RelatedLocation, ScalarValue, ValueNode } from '../types';
import type { RuleOutcome } from './outcome';
import { docsUrl } from './references';
import type { Rule, RuleMeta } from './rule';
import { severityFor } from './settingRule';

const id = 'rds-force-tls';

/** Rule metadata from the knowledge base, for custom rules that check one setting. */
export function settingMeta(settingId: string, cloudformationTypes: readonly string[], ruleId = settingId): RuleMeta {
  const setting = getSetting(settingId);
  if (!setting?.cloudformation) throw new Error(`Unknown CloudFormation setting ${settingId}`);
  const awsDefault = setting.defaultId ? getDefault(setting.defaultId) : undefined;
  return {
    id: ruleId,
    item: setting.item,
    title: setting.title,
    severity: severityFor(setting),
    rationale: getItem(setting.item)?.why ?? '',
    awsDefault: awsDefault
      ? { summary: awsDefault.summary, ...(awsDefault.since ? { since: awsDefault.since } : {}) }
      : { summary: setting.cloudformation.absent.text },
    references: setting.references,
    docsUrl: docsUrl(ruleId),
    resourceTypes: { cloudformation: cloudformationTypes, terraform: setting.terraform ? [setting.terraform.type] : [] },
    settings: [settingId],
  };
}

/** The one known string a node resolves to (lower-cased), if it has exactly one. */
export function singleString(node: ValueNode | undefined, context: CfnRuleContext): string | undefined {
  if (!node) return undefined;
  const resolved = context.resolver.scalars(node);
  return resolved.length === 1 && resolved[0].known ? String(resolved[0].value).toLowerCase() : undefined;
}

/** What a parameter group needs for this database, or a reason the check does not apply. */
export interface GroupExpectation {
  /** Parameter names that enforce the duty (any one is enough). */
  readonly parameters: readonly string[];
  readonly isEnforcing: (value: ScalarValue) => boolean;
  /** The default group, or a group without the parameter, already enforces it. */
  readonly enforcedByDefault: boolean;
  /** What to add, e.g. "rds.force_ssl: 1". */
  readonly example: string;
}

export interface ParameterGroupCheck {
  /** Property on the database naming its group (DBParameterGroupName). */
  readonly link: string;
  readonly groupType: string;
  /** What is expected, given the linked group (undefined for the default group); a string says why it does not apply. */
  readonly expect: (group: CfnResource | undefined) => GroupExpectation | string;
  /** The value nodes of a parameter in the group; empty when the group does not set it. */
  readonly readParameter: (group: CfnResource, name: string, context: CfnRuleContext) => { node: ValueNode; via: readonly string[] }[];
  /** Completes "... : " for a database whose group does not enforce the duty. */
  readonly consequence: string;
}

type Link =
  | { kind: 'absent'; via: readonly string[] }
  | { kind: 'group'; group: CfnResource; range: OffsetRange; via: readonly string[] }
  | { kind: 'default'; name: string; range: OffsetRange; via: readonly string[] }
  | { kind: 'unknown'; text: string };

function links(resource: CfnResource, context: CfnRuleContext, check: ParameterGroupCheck): Link[] {
  const result: Link[] = [];
  for (const candidate of context.resolver.lookup(resource.properties, [check.link])) {
    const node = candidate.node;
    if (!node) {
      result.push({ kind: 'absent', via: candidate.via });
      continue;
    }
    if (node.kind === 'intrinsic' && node.name === 'Ref' && node.argument.kind === 'scalar') {
      const target = context.template.resourcesById.get(String(node.argument.value));
      if (target) {
        if (target.type === check.groupType) result.push({ kind: 'group', group: target, range: node.range, via: candidate.via });
        else result.push({ kind: 'unknown', text: `${check.link} refers to ${target.id}` });
        continue;
      }
    }
    for (const resolved of context.resolver.scalars(node, candidate.via)) {
      if (!resolved.known) {
        result.push({ kind: 'unknown', text: `${check.link} is ${resolved.description}${describeVia(resolved.via)}` });
        continue;
      }
      const name = String(resolved.value);
      const via = resolved.fromParameter && !resolved.fromParameter.isDefault ? [...resolved.via, 'if'] : resolved.via;
      if (name.toLowerCase().startsWith('default.')) result.push({ kind: 'default', name, range: node.range, via });
      else result.push({ kind: 'unknown', text: `${check.link} is ${quote(name)}, a group defined outside this template` });
    }
  }
  return result;
}

function isConditional(via: readonly string[]): boolean {
  return via.some((step) => step === 'if' || step.startsWith('if ') || step.startsWith('unless '));
}

/** Follows the database's parameter group link and judges the group's parameters. */
export function checkParameterGroup(resource: CfnResource, context: CfnRuleContext, check: ParameterGroupCheck): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  const fine: string[] = [];
  const report = (message: string, range: OffsetRange, via: readonly string[], related: RelatedLocation[] = []) => {
    outcomes.push(isConditional(via)
      ? { kind: 'depends', message: `Depends on the deployment: ${message}`, range }
      : { kind: 'finding', message, range, ...(related.length > 0 ? { related } : {}) });
  };
  for (const link of links(resource, context, check)) {
    if (link.kind === 'unknown') {
      fine.push(`${link.text}; cannot be checked in the template`);
      continue;
    }
    const expectation = check.expect(link.kind === 'group' ? link.group : undefined);
    if (typeof expectation === 'string') {
      fine.push(expectation);
      continue;
    }
    const via = describeVia(link.via.filter((step) => step !== 'if'));
    if (link.kind === 'absent' || link.kind === 'default') {
      const what = link.kind === 'absent' ? `${check.link} is not set${via}, so the default parameter group applies` : `${check.link} is the default group ${quote(link.name)}${via}`;
      if (expectation.enforcedByDefault) fine.push(`${what}, which enforces it`);
      else report(`${what}: ${check.consequence} Use a parameter group with ${expectation.example}.`, link.kind === 'absent' ? resource.idRange : link.range, link.via);
      continue;
    }
    const group = link.group;
    const relatedRange = keyRange(group, 'Parameters') ?? group.idRange;
    let set = false;
    let enforced = false;
    const bad: { text: string; range: OffsetRange; definite: boolean; parameter: string }[] = [];
    for (const name of expectation.parameters) {
      for (const value of check.readParameter(group, name, context)) {
        set = true;
        for (const resolved of context.resolver.scalars(value.node, value.via)) {
          if (!resolved.known) {
            enforced = true; // cannot be judged: do not alarm
            fine.push(`${name} in ${group.id} is ${resolved.description}; cannot be checked in the template`);
            continue;
          }
          if (expectation.isEnforcing(resolved.value)) {
            enforced = true;
            continue;
          }
          bad.push({
            text: `${name} is ${quote(resolved.value)} in parameter group ${group.id}${describeVia(resolved.via)}`,
            range: value.node.range,
            definite: !isConditional(resolved.via) && (!resolved.fromParameter || resolved.fromParameter.isDefault),
            parameter: name,
          });
        }
      }
    }
    if (!set) {
      if (expectation.enforcedByDefault) fine.push(`${group.id} leaves the parameter at its default, which enforces it`);
      else report(`parameter group ${group.id} does not set ${expectation.parameters.join(' or ')}${via}: ${check.consequence}`, link.range, link.via,
        [{ message: `Add ${expectation.example} to the parameters of ${group.id}.`, range: relatedRange }]);
      continue;
    }
    const failure = bad.find((entry) => entry.definite) ?? bad[0];
    if (failure && !(enforced && bad.every((entry) => !entry.definite))) {
      report(`${failure.text}: ${check.consequence}`, link.range, failure.definite ? link.via : [...link.via, 'if'],
        [{ message: `Set ${expectation.example} here.`, range: failure.range }]);
    } else {
      fine.push(`${group.id} sets ${expectation.parameters.join(' or ')}`);
    }
  }
  if (outcomes.length > 0) return outcomes;
  return [{ kind: 'addressed', detail: fine.join('; ') || 'TLS is enforced.' }];
}

function keyRange(resource: CfnResource, key: string): OffsetRange | undefined {
  return resource.properties?.entries.find((entry) => entry.key === key)?.keyRange;
}

type RdsEngine = 'postgres' | 'mysql' | 'sqlserver' | 'oracle' | 'db2' | 'aurora-postgresql' | 'aurora-mysql';

/** The engine family of an RDS engine name or parameter group family ("postgres16", "aurora-mysql8.0", "sqlserver-se-15.0"). */
export function rdsEngine(name: string | undefined): RdsEngine | undefined {
  if (!name) return undefined;
  const lower = name.toLowerCase();
  if (lower.startsWith('aurora-postgresql')) return 'aurora-postgresql';
  if (lower.startsWith('aurora')) return 'aurora-mysql';
  if (lower.startsWith('postgres')) return 'postgres';
  if (lower.startsWith('mysql') || lower.startsWith('mariadb')) return 'mysql';
  if (lower.startsWith('sqlserver')) return 'sqlserver';
  if (lower.startsWith('oracle') || lower.startsWith('custom-oracle')) return 'oracle';
  if (lower.startsWith('db2')) return 'db2';
  if (lower.startsWith('custom-sqlserver')) return 'sqlserver';
  return undefined;
}

function majorVersion(text: string | undefined): number | undefined {
  const match = text ? /(\d+)/.exec(text) : null;
  return match ? Number(match[1]) : undefined;
}

const ON = new Set(['1', 'on', 'true']);

function rdsExpectation(resource: CfnResource, context: CfnRuleContext, group: CfnResource | undefined): GroupExpectation | string {
  const engineName = singleString(mapEntry(resource.properties, 'Engine'), context);
  const family = group ? singleString(mapEntry(group.properties, 'Family'), context) : undefined;
  const engine = rdsEngine(engineName) ?? rdsEngine(family);
  if (engine === 'oracle') return 'Oracle takes TLS from an option group (SSL option), not from the parameter group.';
  if (engine === 'db2') return 'Db2 TLS is configured with ssl_svcename and an option group, not checked here.';
  // RDS for PostgreSQL 15 and later sets rds.force_ssl to 1 by default; without EngineVersion RDS picks a current (>= 15) major.
  const versionText = family && rdsEngine(family) === 'postgres' ? family.slice('postgres'.length) : singleString(mapEntry(resource.properties, 'EngineVersion'), context);
  const versionNode = mapEntry(resource.properties, 'EngineVersion');
  const major = majorVersion(versionText);
  const postgresDefault = engine === 'postgres' && (major !== undefined ? major >= 15 : !versionNode && !family);
  if (engine === 'postgres' || engine === 'aurora-postgresql' || engine === 'sqlserver') {
    return { parameters: ['rds.force_ssl'], isEnforcing: (value) => ON.has(String(value).toLowerCase()), enforcedByDefault: postgresDefault, example: 'rds.force_ssl: 1' };
  }
  if (engine === 'mysql' || engine === 'aurora-mysql') {
    return { parameters: ['require_secure_transport'], isEnforcing: (value) => ON.has(String(value).toLowerCase()), enforcedByDefault: false, example: 'require_secure_transport: ON' };
  }
  return {
    parameters: ['rds.force_ssl', 'require_secure_transport'],
    isEnforcing: (value) => ON.has(String(value).toLowerCase()),
    enforcedByDefault: false,
    example: 'rds.force_ssl: 1 (PostgreSQL, SQL Server) or require_secure_transport: ON (MySQL, MariaDB)',
  };
}

const readMapParameter = (group: CfnResource, name: string, context: CfnRuleContext) =>
  context.resolver.lookup(group.properties, ['Parameters', name]).flatMap((candidate) => (candidate.node ? [{ node: candidate.node, via: candidate.via }] : []));

const CONSEQUENCE = 'TLS is optional, so clients may connect without encryption and credentials and data cross the network in clear text.';

export const rdsForceTls: Rule = {
  meta: settingMeta('rds-force-tls', ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], id),
  cloudformation: {
    check(resource, context) {
      if (resource.type === 'AWS::RDS::DBInstance') {
        if (mapEntry(resource.properties, 'DBClusterIdentifier')) {
          return [{ kind: 'not-applicable', detail: 'An Aurora or cluster member instance takes TLS enforcement from its cluster parameter group.' }];
        }
        return checkParameterGroup(resource, context, {
          link: 'DBParameterGroupName',
          groupType: 'AWS::RDS::DBParameterGroup',
          expect: (group) => rdsExpectation(resource, context, group),
          readParameter: readMapParameter,
          consequence: CONSEQUENCE,
        });
      }
      const engineMode = singleString(mapEntry(resource.properties, 'EngineMode'), context);
      if (engineMode === 'serverless') return [{ kind: 'not-applicable', detail: 'Aurora Serverless v1 (retired) is not checked.' }];
      return checkParameterGroup(resource, context, {
        link: 'DBClusterParameterGroupName',
        groupType: 'AWS::RDS::DBClusterParameterGroup',
        expect: (group) => rdsExpectation(resource, context, group),
        readParameter: readMapParameter,
        consequence: CONSEQUENCE,
      });
    },
  },
};
