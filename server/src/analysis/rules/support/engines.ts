// Database engine families, and rules that do not apply to some engines.
import type { ValueResolver } from '../../resolution';
import { describeVia, quote } from '../../resolution';
import type { ValueNode } from '../../types';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';

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

/** Where a rule reads the engine: the property or argument, and the types on which it may be an excluded one. */
export interface EngineKeys {
  readonly cloudformation: string;
  readonly terraform: string;
  /**
   * Resource types that can run an excluded engine (a Memcached cache cluster, not a replication group): there an
   * engine that cannot be known may be one the rule does not apply to, so its gap cannot be checked. All when absent.
   */
  readonly mayBeExcluded?: readonly string[];
}

/**
 * A rule that does not apply to some engines (Memcached has no backups, RabbitMQ no audit log). When the engine
 * differs by branch (Fn::If on an undecided condition, a conditional expression, a parameter with several allowed
 * values) and only some branches are such engines, the skip cannot decide: a gap found for the others depends on
 * the deployment. When the engine cannot be known at all, a gap cannot be checked: it may be an excluded engine.
 */
export function notForEngines(rule: Rule, excluded: (engine: string) => boolean, keys: EngineKeys): Rule {
  const soften = (outcomes: RuleOutcome[], type: string, start: ValueNode | undefined, key: string, resolver: ValueResolver): RuleOutcome[] => {
    const branches = resolver.lookup(start, [key]).flatMap((candidate) => (candidate.node
      ? resolver.scalars(candidate.node, candidate.via).map((resolved) => ({ engine: resolved.known ? String(resolved.value).toLowerCase() : undefined, unknown: resolved.known ? undefined : resolved.description, via: resolved.via }))
      : [{ engine: undefined, unknown: undefined, via: candidate.via }]));
    const out = branches.filter((branch) => branch.engine !== undefined && excluded(branch.engine));
    const mayBeExcluded = keys.mayBeExcluded === undefined || keys.mayBeExcluded.includes(type);
    const unknown = mayBeExcluded ? branches.find((branch) => branch.unknown !== undefined) : undefined;
    // A branch the rule applies to: a known engine that is not excluded, the default engine, or (where no excluded
    // engine is possible) one that cannot be known.
    const kept = branches.find((branch) => (branch.unknown !== undefined ? !mayBeExcluded : branch.engine === undefined || !excluded(branch.engine)));
    if (unknown && out.length === 0 && !kept) {
      const reason = `${key} is ${unknown.unknown ?? 'not known'}${describeVia(unknown.via)}, which may be an engine this duty does not apply to`;
      return outcomes.map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends' ? { kind: 'unknown', reason: `${reason}: ${outcome.message}`, ...(outcome.evidence ? { evidence: outcome.evidence } : {}) } : outcome));
    }
    if ((out.length === 0 && !unknown) || !kept) return outcomes;
    const which = kept.engine ? `${key} ${quote(kept.engine)}${describeVia(kept.via)}` : out.length > 0 ? `an ${key} other than ${quote(out[0].engine as string)}` : `another ${key}`;
    return outcomes.map((outcome) => (outcome.kind === 'finding'
      ? { kind: 'depends', message: `Depends on the deployment: with ${which}, ${outcome.message}`, range: outcome.range, ...(outcome.fixId ? { fixId: outcome.fixId } : {}), ...(outcome.evidence ? { evidence: outcome.evidence } : {}) }
      : outcome));
  };
  const { cloudformation, terraform } = rule;
  return {
    ...rule,
    ...(cloudformation ? { cloudformation: { check: (resource, context) => soften(cloudformation.check(resource, context), resource.type ?? '', resource.properties, keys.cloudformation, context.resolver) } } : {}),
    ...(terraform ? { terraform: { check: (resource, context) => soften(terraform.check(resource, context), resource.type, resource.body, keys.terraform, context.resolver) } } : {}),
  };
}
