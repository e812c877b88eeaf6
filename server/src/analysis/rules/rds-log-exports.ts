// RDS instances export logs to CloudWatch through EnableCloudwatchLogsExports, a list that must include the
// engine's main log (the list check is support/logExports.ts).
import { mapEntry } from '../cloudformation/template';
import { describeVia, quote } from '../resolution';
import type { ValueResolver } from '../resolution';
import type { OffsetRange, ValueNode } from '../types';
import { customSettingMeta, judgeLogExports, LOG_EXPORTS_ARGUMENT, LOG_EXPORTS_PROPERTY, rdsLogExportsCheck, logExportFixes } from './support';
import type { Rule, RuleOutcome } from './support';

const id = 'rds-log-exports';

/**
 * The engine decides which log is required. An engine that differs by branch (Fn::If on an undecided condition,
 * a parameter with several allowed values) is judged per engine: a gap on every engine is a finding, a gap on
 * some only "depends".
 */
/** An engine of each family whose required log differs (support/logExports.ts rdsAuditLogs). */
const ENGINE_FAMILIES = ['mysql', 'postgres', 'oracle-ee', 'sqlserver-ee'];

/**
 * The judgement for one engine. An engine that cannot be known (a parameter without a default, an absent Engine on
 * a restored instance) may be any family: a list that would be addressed only for some families cannot be checked.
 */
function judgeEngine(start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, engineKey: string, property: string, engine: string | undefined, via?: readonly string[]): RuleOutcome[] {
  const outcomes = judgeLogExports(start, anchor, resolver, property, rdsLogExportsCheck(engine), via);
  if (engine !== undefined || !outcomes.some((outcome) => outcome.kind === 'addressed')) return outcomes;
  const missing = ENGINE_FAMILIES.filter((family) => !judgeLogExports(start, anchor, resolver, property, rdsLogExportsCheck(family), via).some((outcome) => outcome.kind === 'addressed'));
  if (missing.length === 0) return outcomes;
  const exported = outcomes.flatMap((outcome) => (outcome.kind === 'addressed' ? [outcome.detail] : [])).join('; ');
  return [{ kind: 'unknown', reason: `${exported}, but ${engineKey} cannot be known here, and the log to export depends on it ('audit' for MySQL, MariaDB and Oracle, 'postgresql' for PostgreSQL, 'error' or 'agent' for SQL Server), so whether the engine's audit log is exported cannot be checked` }];
}

function judgePerEngine(start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, engineKey: string, property: string): RuleOutcome[] {
  const engines = resolver.lookup(start, [engineKey]).flatMap((candidate) => (candidate.node
    ? resolver.scalars(candidate.node, candidate.via).map((resolved) => ({ engine: resolved.known ? String(resolved.value).toLowerCase() : undefined, via: resolved.via }))
    : [{ engine: undefined, via: candidate.via }]));
  const distinct = new Set(engines.map((entry) => entry.engine));
  if (engines.length <= 1 || distinct.size <= 1) return judgeEngine(start, anchor, resolver, engineKey, property, engines[0]?.engine);
  const results = engines.map((entry) => ({ entry, outcomes: judgeEngine(start, anchor, resolver, engineKey, property, entry.engine, entry.via) }));
  const gaps = results.flatMap(({ entry, outcomes }) => outcomes.filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends').map((outcome) => ({ entry, outcome })));
  if (gaps.length > 0) {
    const every = results.every(({ outcomes }) => outcomes.some((outcome) => outcome.kind === 'finding'));
    const first = gaps.find((gap) => gap.outcome.kind === 'finding') ?? gaps[0];
    if (every) return [first.outcome];
    const outcome = first.outcome as Extract<RuleOutcome, { kind: 'finding' | 'depends' }>;
    const message = outcome.message.replace(/^Depends on the deployment: /, '');
    const engine = first.entry.engine ? `${engineKey} ${quote(first.entry.engine)}${describeVia(first.entry.via)}` : `${engineKey} unknown`;
    return [{ kind: 'depends', message: `Depends on the deployment: with ${engine}, ${message}`, range: outcome.range, ...(outcome.evidence ? { evidence: outcome.evidence } : {}), ...(outcome.fixId ? { fixId: outcome.fixId } : {}) }];
  }
  return [results.map(({ outcomes }) => outcomes.find((outcome) => outcome.kind === 'unknown')).find(Boolean) ?? results[0].outcomes[0]];
}
export const rdsLogExports: Rule = {
  meta: customSettingMeta(id, ['AWS::RDS::DBInstance']),
  fixes: logExportFixes(['audit', 'postgresql', 'error']),
  cloudformation: {
    check(resource, context) {
      if (mapEntry(resource.properties, 'DBClusterIdentifier')) {
        return [{ kind: 'not-applicable', detail: 'An Aurora or cluster member instance exports logs through its cluster.' }];
      }
      return judgePerEngine(resource.properties, resource.idRange, context.resolver, 'Engine', LOG_EXPORTS_PROPERTY);
    },
  },
  terraform: {
    // Aurora members are aws_rds_cluster_instance (not checked here): they export through aws_rds_cluster.
    check(resource, context) {
      return judgePerEngine(resource.body, resource.anchor, context.resolver, 'engine', LOG_EXPORTS_ARGUMENT);
    },
  },
};
