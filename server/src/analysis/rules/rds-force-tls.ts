// TLS enforcement for RDS lives in a DB parameter group (rds.force_ssl, require_secure_transport) that the
// instance or cluster points to. The finding sits on the database; the group is a related location.
// Also exports the parameter-group walk and the knowledge-based metadata used by redshift-require-ssl and docdb-tls.
import type { CfnResource } from '../cloudformation/template';
import type { CfnRuleContext } from '../cloudformation/context';
import { mapEntry } from '../cloudformation/template';
import { describeVia, quote } from '../cloudformation/resolve';
import { getDefault, getItem, getSetting } from '../knowledge';
import type { OffsetRange, RelatedLocation, ScalarValue, ValueNode } from '../types';
import type { ValueResolver } from '../resolution';
import type { TfResource, TfRuleContext } from '../terraform/context';
import { referenceParts } from '../terraform/hcl';
import type { RuleOutcome } from './support/outcome';
import { docsUrl } from './support/references';
import type { Rule, RuleMeta } from './support/rule';
import { severityFor } from './support/settingRule';

const id = 'rds-force-tls';

/** Rule metadata from the knowledge base, for custom rules that check one setting. */
export function settingMeta(settingId: string, cloudformationTypes: readonly string[], ruleId = settingId, terraformTypes?: readonly string[]): RuleMeta {
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
    resourceTypes: { cloudformation: cloudformationTypes, terraform: terraformTypes ?? (setting.terraform ? [setting.terraform.type] : []) },
    settings: [settingId],
  };
}

/** The one known string a node resolves to (lower-cased), if it has exactly one. */
export function singleString(node: ValueNode | undefined, context: { readonly resolver: ValueResolver }): string | undefined {
  if (!node) return undefined;
  const resolved = context.resolver.scalars(node);
  return resolved.length === 1 && resolved[0].known ? String(resolved[0].value).toLowerCase() : undefined;
}

/** What a parameter group needs for this database, or a reason the check does not apply. */
export interface GroupExpectation {
  /** Parameter names that enforce the duty (any one is enough). */
  readonly parameters: readonly string[];
  readonly isEnforcing: (value: ScalarValue, parameter: string) => boolean;
  /**
   * Set when the engine cannot be read: a group that sets none of `parameters` (or the default group) cannot be
   * judged, so it gives 'unknown' with this reason instead of a finding.
   */
  readonly engineUnknown?: string;
  /** The default group, or a group without the parameter, already enforces it. */
  readonly enforcedByDefault: boolean;
  /** What to add, e.g. "rds.force_ssl: 1". */
  readonly example: string;
}

export interface ParameterGroupCheck {
  /** Property on the database naming its group (DBParameterGroupName). */
  readonly link: string;
  readonly groupType: string;
  /** What is expected, given the linked group (undefined for the default group); a string says why it cannot be judged here ('unknown'). */
  readonly expect: (group: CfnResource | undefined) => GroupExpectation | string;
  /** The value nodes of a parameter in the group; empty when the group does not set it. */
  readonly readParameter: (group: CfnResource, name: string, context: CfnRuleContext) => { node: ValueNode; via: readonly string[] }[];
  /** Completes "... : " for a database whose group does not enforce the duty. */
  readonly consequence: string;
}

/** The Terraform form of a check: the database's argument naming its group, and the group resource type. */
export interface TfParameterGroupCheck {
  /** Argument on the database naming its group (parameter_group_name). */
  readonly link: string;
  readonly groupType: string;
  readonly expect: (group: TfResource | undefined) => GroupExpectation | string;
  readonly consequence: string;
}

type Link<G> =
  | { kind: 'absent'; via: readonly string[] }
  | { kind: 'group'; group: G; range: OffsetRange; via: readonly string[] }
  | { kind: 'default'; name: string; range: OffsetRange; via: readonly string[] }
  | { kind: 'unknown'; text: string };

/** How the judgement sees a group of either format. */
interface GroupAccess<G> {
  readonly link: string;
  readonly expect: (group: G | undefined) => GroupExpectation | string;
  readonly parameter: (group: G, name: string) => { node: ValueNode; via: readonly string[] }[];
  readonly name: (group: G) => string;
  /** Where "add the parameter here" points. */
  readonly parametersRange: (group: G) => OffsetRange;
  /** Why some of the group's parameters cannot be read (a dynamic block, a variable), if so. */
  readonly unreadable: (group: G) => string | undefined;
  readonly consequence: string;
}

function links(resource: CfnResource, context: CfnRuleContext, check: ParameterGroupCheck): Link<CfnResource>[] {
  const result: Link<CfnResource>[] = [];
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

/** Terraform: the group by reference (aws_db_parameter_group.x.name / .id) or by its literal name in this module. */
function tfLinks(resource: TfResource, context: TfRuleContext, check: TfParameterGroupCheck): Link<TfResource>[] {
  const result: Link<TfResource>[] = [];
  const groups = context.resourcesOfType(check.groupType);
  for (const candidate of context.resolver.lookup(resource.body, [check.link])) {
    const node = candidate.node;
    if (!node) {
      result.push({ kind: 'absent', via: candidate.via });
      continue;
    }
    const reference = node.kind === 'expression' ? referenceParts(node.expression) : undefined;
    if (reference && reference.names[0] !== 'var' && reference.names[0] !== 'local' && reference.names.length >= 2) {
      const target = reference.names[0] === check.groupType ? groups.find((group) => group.name === reference.names[1]) : undefined;
      if (target) result.push({ kind: 'group', group: target, range: node.range, via: candidate.via });
      else result.push({ kind: 'unknown', text: `${check.link} refers to ${reference.parts.join('.')}` });
      continue;
    }
    for (const resolved of context.resolver.scalars(node, candidate.via)) {
      if (!resolved.known) {
        result.push({ kind: 'unknown', text: `${check.link} is ${resolved.description}${describeVia(resolved.via)}` });
        continue;
      }
      const name = String(resolved.value);
      const named = groups.find((group) => singleString(mapEntry(group.body, 'name'), context) === name.toLowerCase());
      if (named) result.push({ kind: 'group', group: named, range: node.range, via: resolved.via });
      else if (name.toLowerCase().startsWith('default.')) result.push({ kind: 'default', name, range: node.range, via: resolved.via });
      else result.push({ kind: 'unknown', text: `${check.link} is ${quote(name)}, a group defined outside this module` });
    }
  }
  return result;
}

function isConditional(via: readonly string[]): boolean {
  return via.some((step) => step === 'if' || step.startsWith('if ') || step.startsWith('unless '));
}

/** Follows the database's parameter group link and judges the group's parameters. */
export function checkParameterGroup(resource: CfnResource, context: CfnRuleContext, check: ParameterGroupCheck): RuleOutcome[] {
  return judgeParameterGroup(links(resource, context, check), resource.idRange, context.resolver, {
    link: check.link,
    expect: check.expect,
    parameter: (group, name) => check.readParameter(group, name, context),
    name: (group) => group.id,
    parametersRange: (group) => keyRange(group, 'Parameters') ?? group.idRange,
    unreadable: (group) => context.resolver.lookup(group.properties, ['Parameters']).some((candidate) => candidate.node !== undefined && candidate.node.kind !== 'map' && candidate.node.kind !== 'seq')
      ? `Parameters of ${group.id} is computed` : undefined,
    consequence: check.consequence,
  });
}

/** The Terraform reading: `parameter { name = ... value = ... }` blocks of the linked group, same judgement. */
export function checkTfParameterGroup(resource: TfResource, context: TfRuleContext, check: TfParameterGroupCheck): RuleOutcome[] {
  return judgeParameterGroup(tfLinks(resource, context, check), resource.anchor, context.resolver, {
    link: check.link,
    expect: (group) => {
      const expectation = check.expect(group);
      return typeof expectation === 'string' ? expectation : { ...expectation, example: tfExample(expectation.example) };
    },
    parameter: (group, name) => context.resolver.lookup(group.body, ['parameter', '[]']).flatMap((candidate) => {
      if (candidate.node?.kind !== 'map' || singleString(mapEntry(candidate.node, 'name'), context) !== name.toLowerCase()) return [];
      const value = mapEntry(candidate.node, 'value');
      return value ? [{ node: value, via: candidate.via }] : [];
    }),
    name: (group) => group.address,
    parametersRange: (group) => group.anchor,
    unreadable: (group) => {
      for (const candidate of context.resolver.lookup(group.body, ['parameter'])) {
        const node = candidate.node;
        if (!node) continue;
        const blocks = node.kind === 'seq' ? node.items : [node];
        // `parameter = var.x`, or a block (dynamic "parameter" content) whose name is an expression.
        if (blocks.some((block) => block.kind !== 'map' || singleString(mapEntry(block, 'name'), context) === undefined)) return `a parameter of ${group.address} is computed (a dynamic block or an expression)`;
      }
      return undefined;
    },
    consequence: check.consequence,
  });
}

/** "rds.force_ssl: 1" -> 'parameter { name = "rds.force_ssl" value = "1" }'. */
function tfExample(example: string): string {
  return example.replace(/([\w.]+): '?([\w.-]+)'?/g, 'parameter { name = "$1" value = "$2" }');
}

function judgeParameterGroup<G>(groupLinks: readonly Link<G>[], anchor: OffsetRange, resolver: ValueResolver, check: GroupAccess<G>): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  const fine: string[] = [];
  // Deciding values this rule cannot read: never 'addressed', never a finding.
  const unknowns: string[] = [];
  const report = (message: string, range: OffsetRange, via: readonly string[], related: RelatedLocation[] = []) => {
    outcomes.push(isConditional(via)
      ? { kind: 'depends', message: `Depends on the deployment: ${message}`, range }
      : { kind: 'finding', message, range, ...(related.length > 0 ? { related } : {}) });
  };
  for (const link of groupLinks) {
    if (link.kind === 'unknown') {
      unknowns.push(`${link.text}; cannot be checked in the template`);
      continue;
    }
    const expectation = check.expect(link.kind === 'group' ? link.group : undefined);
    if (typeof expectation === 'string') {
      unknowns.push(expectation);
      continue;
    }
    const via = describeVia(link.via.filter((step) => step !== 'if'));
    if (link.kind === 'absent' || link.kind === 'default') {
      const what = link.kind === 'absent' ? `${check.link} is not set${via}, so the default parameter group applies` : `${check.link} is the default group ${quote(link.name)}${via}`;
      if (expectation.enforcedByDefault) fine.push(`${what}, which enforces it`);
      else if (expectation.engineUnknown) unknowns.push(`${what}; ${expectation.engineUnknown}`);
      else report(`${what}: ${check.consequence} Use a parameter group with ${expectation.example}.`, link.kind === 'absent' ? anchor : link.range, link.via);
      continue;
    }
    const group = link.group;
    const groupName = check.name(group);
    let set = false;
    let enforced = false;
    const bad: { text: string; range: OffsetRange; definite: boolean; parameter: string }[] = [];
    for (const name of expectation.parameters) {
      for (const value of check.parameter(group, name)) {
        set = true;
        for (const resolved of resolver.scalars(value.node, value.via)) {
          if (!resolved.known) {
            enforced = true; // cannot be judged: do not alarm, and do not call it addressed either
            unknowns.push(`${name} in ${groupName} is ${resolved.description}; cannot be checked in the template`);
            continue;
          }
          if (expectation.isEnforcing(resolved.value, name)) {
            enforced = true;
            continue;
          }
          bad.push({
            text: `${name} is ${quote(resolved.value)} in parameter group ${groupName}${describeVia(resolved.via)}`,
            range: value.node.range,
            definite: !isConditional(resolved.via) && (!resolved.fromParameter || resolved.fromParameter.isDefault),
            parameter: name,
          });
        }
      }
    }
    const unreadable = set ? undefined : check.unreadable(group);
    if (unreadable) {
      unknowns.push(`${unreadable}, so whether ${groupName} sets ${expectation.parameters.join(' or ')} cannot be checked in the code`);
      continue;
    }
    if (!set) {
      if (expectation.enforcedByDefault) fine.push(`${groupName} leaves the parameter at its default, which enforces it`);
      else if (expectation.engineUnknown) unknowns.push(`parameter group ${groupName} sets none of ${expectation.parameters.join(', ')}; ${expectation.engineUnknown}`);
      else report(`parameter group ${groupName} does not set ${expectation.parameters.join(' or ')}${via}: ${check.consequence}`, link.range, link.via,
        [{ message: `Add ${expectation.example} to the parameters of ${groupName}.`, range: check.parametersRange(group) }]);
      continue;
    }
    const failure = bad.find((entry) => entry.definite) ?? bad[0];
    if (failure && !(enforced && bad.every((entry) => !entry.definite))) {
      report(`${failure.text}: ${check.consequence}`, link.range, failure.definite ? link.via : [...link.via, 'if'],
        [{ message: `Set ${expectation.example} here.`, range: failure.range }]);
    } else {
      fine.push(`${groupName} sets ${expectation.parameters.join(' or ')}`);
    }
  }
  if (outcomes.length > 0) return outcomes;
  if (unknowns.length > 0) return [{ kind: 'unknown', reason: unknowns.join('; ') }];
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
  meta: settingMeta('rds-force-tls', ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], id, ['aws_db_instance', 'aws_rds_cluster']),
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
