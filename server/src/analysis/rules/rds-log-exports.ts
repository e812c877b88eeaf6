// RDS instances export logs to CloudWatch through EnableCloudwatchLogsExports, a list that must include the
// engine's main log. Also exports the list check used by the cluster, DocumentDB and Neptune rules.
import type { CfnResource, CfnRuleContext } from '../cloudformation/model';
import { mapEntry } from '../cloudformation/model';
import { describeVia, quote } from '../cloudformation/resolve';
import type { ValueResolver } from '../resolution';
import type { TfResource, TfRuleContext } from '../terraform/context';
import type { OffsetRange, ValueNode } from '../types';
import type { RuleOutcome } from './outcome';
import { rdsEngine, settingMeta } from './rds-force-tls';
import type { Rule } from './rule';

const id = 'rds-log-exports';
const PROPERTY = 'EnableCloudwatchLogsExports';
const TF_ARGUMENT = 'enabled_cloudwatch_logs_exports';

export interface LogExportsCheck {
  /** Log types of which at least one must be exported; undefined = any non-empty list. */
  readonly required: readonly string[] | undefined;
  /** Completes "<...>: " when nothing (or not the required log) is exported. */
  readonly consequence: string;
}

export function checkLogExports(resource: CfnResource, context: CfnRuleContext, check: LogExportsCheck): RuleOutcome[] {
  return judgeLogExports(resource.properties, resource.idRange, context.resolver, PROPERTY, check);
}

/** The Terraform reading: the same judgement of the `argument` list (enabled_cloudwatch_logs_exports). */
export function checkTfLogExports(resource: TfResource, context: TfRuleContext, check: LogExportsCheck, argument = TF_ARGUMENT): RuleOutcome[] {
  return judgeLogExports(resource.body, resource.anchor, context.resolver, argument, check);
}

/**
 * The format-neutral judgement of a list of exported log types at `property` of `start`. `branch` is the
 * provenance of the engine judged (one branch of an undecided condition): list values on the other branch are
 * left out.
 */
function judgeLogExports(start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, property: string, check: LogExportsCheck, branch: readonly string[] = []): RuleOutcome[] {
  const PROPERTY = property;
  const outcomes: RuleOutcome[] = [];
  const fine: string[] = [];
  // A list (or an item) this rule cannot read decides nothing: 'unknown', never 'addressed'.
  const unknowns: string[] = [];
  const evidencePath = [PROPERTY];
  for (const candidate of resolver.lookup(start, [PROPERTY])) {
    if (!compatible(branch, candidate.via)) continue;
    const conditional = candidate.via.some((step) => step.startsWith('if ') || step.startsWith('unless '));
    const via = describeVia(candidate.via);
    const node = candidate.node;
    let problem: string | undefined;
    if (!node || (node.kind === 'seq' && node.items.length === 0)) {
      problem = `${PROPERTY} is ${node ? 'empty' : 'not set'}${via}: no logs are exported to CloudWatch; ${check.consequence}`;
    } else if (node.kind === 'seq') {
      const values: string[] = [];
      let unknown = false;
      for (const item of node.items) {
        for (const resolved of resolver.scalars(item, candidate.via)) {
          if (resolved.known) values.push(String(resolved.value).toLowerCase());
          else unknown = true;
        }
      }
      const present = check.required ? check.required.some((name) => values.includes(name)) : values.length > 0;
      if (present) fine.push(`${PROPERTY} is [${values.join(', ')}${unknown ? ', ...' : ''}]${via}`);
      else if (unknown) unknowns.push(`${PROPERTY} is [${[...values, '...'].join(', ')}]${via}: an item cannot be read, so whether ${check.required ? check.required.map((name) => `'${name}'`).join(' or ') : 'a log'} is exported cannot be checked`);
      else problem = `${PROPERTY} is [${values.join(', ')}]${via}, without ${(check.required ?? []).map((name) => `'${name}'`).join(' or ')}: ${check.consequence}`;
    } else {
      const resolved = resolver.scalars(node, candidate.via);
      const description = resolved.find((value) => !value.known);
      unknowns.push(`${PROPERTY} is ${description && !description.known ? description.description : 'computed'}${via}; cannot be checked in the template`);
    }
    if (problem) {
      const range = node ? node.range : anchor;
      outcomes.push(conditional
        ? { kind: 'depends', message: `Depends on the deployment: ${problem}`, range, evidence: { path: evidencePath, text: problem } }
        : { kind: 'finding', message: problem, range, evidence: { path: evidencePath, text: problem } });
    }
  }
  if (outcomes.length > 0) return [outcomes.find((outcome) => outcome.kind === 'finding') ?? outcomes[0]];
  if (unknowns.length > 0) return [{ kind: 'unknown', reason: unknowns.join('; '), evidence: { path: evidencePath, text: unknowns.join('; ') } }];
  return [{ kind: 'addressed', detail: fine.join('; '), evidence: { path: evidencePath, text: fine.join('; ') } }];
}

/** Two branches that can hold together: neither takes a condition the other excludes ('if X' with 'unless X'). */
function compatible(a: readonly string[], b: readonly string[]): boolean {
  return !a.some((step) => (step.startsWith('if ') && b.includes(`unless ${step.slice(3)}`)) || (step.startsWith('unless ') && b.includes(`if ${step.slice(7)}`)));
}

/**
 * The engine decides which log is required. An engine that differs by branch (Fn::If on an undecided condition,
 * a parameter with several allowed values) is judged per engine: a gap on every engine is a finding, a gap on
 * some only "depends".
 */
function judgePerEngine(start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, engineKey: string, property: string): RuleOutcome[] {
  const engines = resolver.lookup(start, [engineKey]).flatMap((candidate) => (candidate.node
    ? resolver.scalars(candidate.node, candidate.via).map((resolved) => ({ engine: resolved.known ? String(resolved.value).toLowerCase() : undefined, via: resolved.via }))
    : [{ engine: undefined, via: candidate.via }]));
  const distinct = new Set(engines.map((entry) => entry.engine));
  if (engines.length <= 1 || distinct.size <= 1) return judgeLogExports(start, anchor, resolver, property, rdsLogExportsCheck(engines[0]?.engine));
  const results = engines.map((entry) => ({ entry, outcomes: judgeLogExports(start, anchor, resolver, property, rdsLogExportsCheck(entry.engine), entry.via) }));
  const gaps = results.flatMap(({ entry, outcomes }) => outcomes.filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends').map((outcome) => ({ entry, outcome })));
  if (gaps.length > 0) {
    const every = results.every(({ outcomes }) => outcomes.some((outcome) => outcome.kind === 'finding'));
    const first = gaps.find((gap) => gap.outcome.kind === 'finding') ?? gaps[0];
    if (every) return [first.outcome];
    const outcome = first.outcome as Extract<RuleOutcome, { kind: 'finding' | 'depends' }>;
    const message = outcome.message.replace(/^Depends on the deployment: /, '');
    const engine = first.entry.engine ? `${engineKey} ${quote(first.entry.engine)}${describeVia(first.entry.via)}` : `${engineKey} unknown`;
    return [{ kind: 'depends', message: `Depends on the deployment: with ${engine}, ${message}`, range: outcome.range, ...(outcome.evidence ? { evidence: outcome.evidence } : {}) }];
  }
  return [results.map(({ outcomes }) => outcomes.find((outcome) => outcome.kind === 'unknown')).find(Boolean) ?? results[0].outcomes[0]];
}

/** The audit-relevant log of each RDS engine family (see the knowledge base's compliant text). */
export function rdsAuditLogs(engineName: string | undefined): readonly string[] | undefined {
  switch (rdsEngine(engineName)) {
    case 'postgres':
    case 'aurora-postgresql':
      return ['postgresql'];
    case 'mysql':
    case 'aurora-mysql':
      return ['audit'];
    case 'oracle':
      return ['audit'];
    case 'sqlserver':
      return ['error', 'agent'];
    default:
      return undefined;
  }
}

/** The judgement of both readers: the engine's audit log must be exported. */
export function rdsLogExportsCheck(engine: string | undefined): LogExportsCheck {
  return { required: rdsAuditLogs(engine), consequence: 'database activity leaves no trail in CloudWatch for investigations.' };
}

export const rdsLogExports: Rule = {
  meta: settingMeta(id, ['AWS::RDS::DBInstance']),
  cloudformation: {
    check(resource, context) {
      if (mapEntry(resource.properties, 'DBClusterIdentifier')) {
        return [{ kind: 'not-applicable', detail: 'An Aurora or cluster member instance exports logs through its cluster.' }];
      }
      return judgePerEngine(resource.properties, resource.idRange, context.resolver, 'Engine', PROPERTY);
    },
  },
  terraform: {
    // Aurora members are aws_rds_cluster_instance (not checked here): they export through aws_rds_cluster.
    check(resource, context) {
      return judgePerEngine(resource.body, resource.anchor, context.resolver, 'engine', TF_ARGUMENT);
    },
  },
};
