// EKS control plane logging: the list of enabled log types must include 'audit' (FSBP EKS.8).
// CloudFormation: Logging.ClusterLogging.EnabledTypes[].Type; Terraform: enabled_cluster_log_types (a flat list).
import { describeVia, isConditionalStep } from '../resolution';
import type { ValueResolver } from '../resolution';
import type { OffsetRange, ValueNode } from '../types';
import { settingRule, guardShapes } from './support';
import type { RuleOutcome, Rule } from './support';

const base = settingRule({ setting: 'eks-control-plane-logging', cloudformation: { compliant: { present: true }, consequence: '' } });
const CFN_PATH = ['Logging', 'ClusterLogging', 'EnabledTypes', '[]', 'Type'];
const TF_PATH = ['enabled_cluster_log_types', '[]'];

/** How one format names the list of log types. */
interface LogTypesReading {
  /** Path to each log type name. */
  readonly path: readonly string[];
  /** Path to the list itself (where a finding goes). */
  readonly listPath: readonly string[];
  /** The list's name in messages. */
  readonly name: string;
}

const FIX_ID = 'add-audit-log';

/** The fix goes on gaps (a certain one, or one on a branch: the writer declines where an intrinsic is in the way). */
function withFix(outcomes: RuleOutcome[]): RuleOutcome[] {
  return outcomes.map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends' ? { ...outcome, fixId: FIX_ID } : outcome));
}

const unguarded: Rule = {
  meta: { ...base.meta, resourceTypes: { cloudformation: base.meta.resourceTypes.cloudformation, terraform: ['aws_eks_cluster'] } },
  // The audit log type is added to the ones enabled, the others kept: AWS::EKS::Cluster Logging.ClusterLogging
  // EnabledTypes is a list of { Type } (api, audit, authenticator, controllerManager, scheduler), updated without
  // interruption; aws_eks_cluster enabled_cluster_log_types is a list of the same names, updated in place.
  fixes: {
    [FIX_ID]: {
      title: 'Add the audit log type to Logging.ClusterLogging.EnabledTypes',
      path: [],
      value: 'audit',
      safety: 'safe',
      operations: [{ op: 'append', list: ['Logging', 'ClusterLogging', 'EnabledTypes'], items: [{ Type: 'audit' }], match: 'Type' }],
      terraform: { title: 'Add "audit" to enabled_cluster_log_types', path: [], value: 'audit', operations: [{ op: 'append', list: ['enabled_cluster_log_types'], items: ['audit'] }] },
    },
  },
  cloudformation: {
    check(resource, context) {
      return withFix(judgeLogTypes(resource.properties, resource.idRange, context.resolver, { path: CFN_PATH, listPath: ['Logging', 'ClusterLogging', 'EnabledTypes'], name: 'Logging.ClusterLogging.EnabledTypes' }));
    },
  },
  terraform: {
    check(resource, context) {
      return withFix(judgeLogTypes(resource.body, resource.anchor, context.resolver, { path: TF_PATH, listPath: ['enabled_cluster_log_types'], name: 'enabled_cluster_log_types' }));
    },
  },
};

export const eksControlPlaneLogging: Rule = guardShapes(unguarded, { cloudformation: ['Logging.ClusterLogging.EnabledTypes[].Type'], terraform: ['enabled_cluster_log_types[]'] });

/**
 * Both formats: the audit log must be among the enabled types; a list that cannot be read cannot be checked.
 * Judged per way through the list (each branch of an undecided condition): audit missing on a branch only
 * is 'depends'.
 */
function judgeLogTypes(start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, reading: LogTypesReading): RuleOutcome[] {
  const conditional = (via: readonly string[]) => via.filter(isConditionalStep).length;
  const allTypes: string[] = [];
  let unknown = false;
  let addressed: string | undefined;
  const gaps: { readonly definite: boolean; readonly hasTypes: boolean; readonly partial: boolean; readonly via: readonly string[]; readonly range: OffsetRange }[] = [];
  for (const list of resolver.lookup(start, reading.listPath)) {
    const types: string[] = [];
    let listUnknown = false;
    // Audit on every way through this list (not only on a branch of a condition inside it), or only on some.
    let audit: 'always' | 'sometimes' | undefined;
    let auditVia: readonly string[] = [];
    for (const candidate of list.node ? resolver.lookup(list.node, reading.path.slice(reading.listPath.length), list.via) : []) {
      if (!candidate.node) continue;
      for (const resolved of resolver.scalars(candidate.node, candidate.via)) {
        if (!resolved.known) {
          listUnknown = true;
          continue;
        }
        const type = String(resolved.value).toLowerCase();
        types.push(type);
        if (type !== 'audit') continue;
        const always = conditional(resolved.via) === conditional(list.via) && (resolved.fromParameter === undefined || resolved.fromParameter.isDefault);
        if (always) audit = 'always';
        else audit ??= 'sometimes';
        auditVia = resolved.via;
      }
    }
    allTypes.push(...types);
    if (audit === 'always') {
      addressed ??= describeVia(auditVia);
      continue;
    }
    if (listUnknown) {
      unknown = true;
      continue;
    }
    gaps.push({ definite: audit === undefined && conditional(list.via) === 0, hasTypes: types.length > 0, partial: audit !== undefined, via: audit ? auditVia : list.via, range: list.node?.range ?? anchor });
  }
  const evidence = { path: reading.path, text: allTypes.length > 0 ? `${reading.name}: ${[...new Set(allTypes)].join(', ')}` : `no ${reading.name}` };
  const gap = gaps.find((entry) => entry.definite) ?? gaps[0];
  if (gap) {
    // For audit on one branch of a condition inside the list, the gap is on the other branch.
    const where = gap.definite ? '' : gap.partial ? ` (audit only ${gap.via.join('; ')})` : describeVia(gap.via);
    const message = gap.hasTypes
      ? `${reading.name} does not include 'audit'${where}: Kubernetes API calls (who did what in the cluster) are not logged, leaving no trail for investigations.`
      : `${reading.name} is not set${where}: no control plane logs (audit, api, authenticator) are sent to CloudWatch, leaving no trail for investigations.`;
    if (gap.definite) return [{ kind: 'finding', message, range: gap.range, evidence }];
    return [{ kind: 'depends', message: `Depends on the deployment: ${message}`, range: gap.range, evidence }];
  }
  if (unknown) return [{ kind: 'unknown', reason: `${reading.name} cannot be read in the ${reading.path[0] === 'Logging' ? 'template' : 'module'}`, evidence }];
  return [{ kind: 'addressed', detail: `The audit log is enabled${addressed ?? ''}.`, evidence }];
}
