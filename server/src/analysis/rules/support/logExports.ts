// Log exports to CloudWatch: a list (EnableCloudwatchLogsExports, enabled_cloudwatch_logs_exports) that must
// include the engine's main log; used by the RDS, DocumentDB and Neptune rules.
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import { describeVia } from '../../cloudformation/resolve';
import { compatible } from '../../resolution';
import type { ValueResolver } from '../../resolution';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import type { OffsetRange, ValueNode } from '../../types';
import { rdsEngine } from './engines';
import type { RuleOutcome } from './outcome';
import type { SetSettingFix } from './rule';

/** The CloudFormation property and Terraform argument of RDS, DocumentDB and Neptune log exports. */
export const LOG_EXPORTS_PROPERTY = 'EnableCloudwatchLogsExports';
export const LOG_EXPORTS_ARGUMENT = 'enabled_cloudwatch_logs_exports';


export interface LogExportsCheck {
  /** Log types of which at least one must be exported; undefined = any non-empty list. */
  readonly required: readonly string[] | undefined;
  /** Completes "<...>: " when nothing (or not the required log) is exported. */
  readonly consequence: string;
}


export function checkLogExports(resource: CfnResource, context: CfnRuleContext, check: LogExportsCheck): RuleOutcome[] {
  return judgeLogExports(resource.properties, resource.idRange, context.resolver, LOG_EXPORTS_PROPERTY, check);
}


/** The Terraform reading: the same judgement of the `argument` list (enabled_cloudwatch_logs_exports). */
export function checkTfLogExports(resource: TfResource, context: TfRuleContext, check: LogExportsCheck, argument = LOG_EXPORTS_ARGUMENT): RuleOutcome[] {
  return judgeLogExports(resource.body, resource.anchor, context.resolver, argument, check);
}


/**
 * The format-neutral judgement of a list of exported log types at `property` of `start`. `branch` is the
 * provenance of the engine judged (one branch of an undecided condition): list values on the other branch are
 * left out.
 */
export function judgeLogExports(start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, property: string, check: LogExportsCheck, branch: readonly string[] = []): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  const fine: string[] = [];
  // A list (or an item) this rule cannot read decides nothing: 'unknown', never 'addressed'.
  const unknowns: string[] = [];
  const evidencePath = [property];
  for (const candidate of resolver.lookup(start, [property])) {
    if (!compatible(branch, candidate.via)) continue;
    const conditional = candidate.via.some((step) => step.startsWith('if ') || step.startsWith('unless '));
    const via = describeVia(candidate.via);
    const node = candidate.node;
    let problem: string | undefined;
    if (!node || (node.kind === 'seq' && node.items.length === 0)) {
      problem = `${property} is ${node ? 'empty' : 'not set'}${via}: no logs are exported to CloudWatch; ${check.consequence}`;
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
      if (present) fine.push(`${property} is [${values.join(', ')}${unknown ? ', ...' : ''}]${via}`);
      else if (unknown) unknowns.push(`${property} is [${[...values, '...'].join(', ')}]${via}: an item cannot be read, so whether ${check.required ? check.required.map((name) => `'${name}'`).join(' or ') : 'a log'} is exported cannot be checked`);
      else problem = `${property} is [${values.join(', ')}]${via}, without ${(check.required ?? []).map((name) => `'${name}'`).join(' or ')}: ${check.consequence}`;
    } else {
      const resolved = resolver.scalars(node, candidate.via);
      const description = resolved.find((value) => !value.known);
      unknowns.push(`${property} is ${description && !description.known ? description.description : 'computed'}${via}; cannot be checked in the template`);
    }
    if (problem) {
      const range = node ? node.range : anchor;
      const fix = check.required ? { fixId: logExportFixId(check.required[0]) } : {};
      outcomes.push(conditional
        ? { kind: 'depends', message: `Depends on the deployment: ${problem}`, range, evidence: { path: evidencePath, text: problem }, ...fix }
        : { kind: 'finding', message: problem, range, evidence: { path: evidencePath, text: problem }, ...fix });
    }
  }
  if (outcomes.length > 0) return [outcomes.find((outcome) => outcome.kind === 'finding') ?? outcomes[0]];
  if (unknowns.length > 0) return [{ kind: 'unknown', reason: unknowns.join('; '), evidence: { path: evidencePath, text: unknowns.join('; ') } }];
  return [{ kind: 'addressed', detail: fine.join('; '), evidence: { path: evidencePath, text: fine.join('; ') } }];
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



/** The fix id that exports `log` (the first of the required logs: the one the finding asks for). */
export function logExportFixId(log: string): string {
  return `export-${log}`;
}

/**
 * Fixes that add each of `logs` to the exported log types, the others kept (CloudFormation
 * EnableCloudwatchLogsExports, a list of strings updated without interruption; the Terraform `argument`, a set
 * of strings updated in place). Exporting costs CloudWatch Logs ingestion (fixNotes.ts says so).
 */
export function logExportFixes(logs: readonly string[], argument = LOG_EXPORTS_ARGUMENT): Readonly<Record<string, SetSettingFix>> {
  return Object.fromEntries(logs.map((log) => [logExportFixId(log), {
    title: `Add '${log}' to ${LOG_EXPORTS_PROPERTY}`,
    path: [],
    value: log,
    safety: 'safe' as const,
    operations: [{ op: 'append' as const, list: [LOG_EXPORTS_PROPERTY], items: [log] }],
    terraform: { title: `Add "${log}" to ${argument}`, path: [], value: log, operations: [{ op: 'append' as const, list: [argument], items: [log] }] },
  }]));
}
