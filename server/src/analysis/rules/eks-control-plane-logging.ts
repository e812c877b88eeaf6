// EKS control plane logging: the list of enabled log types must include 'audit' (FSBP EKS.8).
// CloudFormation: Logging.ClusterLogging.EnabledTypes[].Type; Terraform: enabled_cluster_log_types (a flat list).
import { describeVia } from '../resolution';
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

const unguarded: Rule = {
  meta: { ...base.meta, resourceTypes: { cloudformation: base.meta.resourceTypes.cloudformation, terraform: ['aws_eks_cluster'] } },
  cloudformation: {
    check(resource, context) {
      return judgeLogTypes(resource.properties, resource.idRange, context.resolver, { path: CFN_PATH, listPath: ['Logging', 'ClusterLogging', 'EnabledTypes'], name: 'Logging.ClusterLogging.EnabledTypes' });
    },
  },
  terraform: {
    check(resource, context) {
      return judgeLogTypes(resource.body, resource.anchor, context.resolver, { path: TF_PATH, listPath: ['enabled_cluster_log_types'], name: 'enabled_cluster_log_types' });
    },
  },
};

/** Wrong shapes of the listed paths are reported as unreadable, not judged. */
export const eksControlPlaneLogging: Rule = guardShapes(unguarded, { cloudformation: ['Logging.ClusterLogging.EnabledTypes[].Type'], terraform: ['enabled_cluster_log_types[]'] });

/** Both formats: the audit log must be among the enabled types; a list that cannot be read cannot be checked. */
function judgeLogTypes(start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, reading: LogTypesReading): RuleOutcome[] {
  const types: string[] = [];
  let unknown = false;
  let conditional: string | undefined;
  for (const candidate of resolver.lookup(start, reading.path)) {
    if (!candidate.node) continue;
    for (const resolved of resolver.scalars(candidate.node, candidate.via)) {
      if (!resolved.known) unknown = true;
      else types.push(String(resolved.value).toLowerCase());
      if (resolved.via.length > 0) conditional ??= describeVia(resolved.via);
    }
  }
  const evidence = { path: reading.path, text: types.length > 0 ? `${reading.name}: ${types.join(', ')}` : `no ${reading.name}` };
  if (types.includes('audit')) return [{ kind: 'addressed', detail: `The audit log is enabled${conditional ?? ''}.`, evidence }];
  if (unknown) return [{ kind: 'unknown', reason: `${reading.name} cannot be read in the ${reading.path[0] === 'Logging' ? 'template' : 'module'}`, evidence }];
  const list = resolver.lookup(start, reading.listPath).find((candidate) => candidate.node);
  const message = types.length > 0
    ? `${reading.name} does not include 'audit': Kubernetes API calls (who did what in the cluster) are not logged, leaving no trail for investigations.`
    : `${reading.name} is not set: no control plane logs (audit, api, authenticator) are sent to CloudWatch, leaving no trail for investigations.`;
  return [{ kind: 'finding', message, range: list?.node?.range ?? anchor, evidence }];
}
