// EKS control plane logging: the list of enabled log types must include 'audit' (FSBP EKS.8).
import { describeVia } from '../cloudformation/resolve';
import type { Rule } from './rule';
import { settingRule } from './settingRule';

const base = settingRule({ setting: 'eks-control-plane-logging', cloudformation: { compliant: { present: true }, consequence: '' } });
const PATH = ['Logging', 'ClusterLogging', 'EnabledTypes', '[]', 'Type'];

export const eksControlPlaneLogging: Rule = {
  // No Terraform reading yet, so no Terraform types: enabled_cluster_log_types is a flat list, not Logging.ClusterLogging.EnabledTypes[].Type; its reader is not written yet.
  meta: { ...base.meta, resourceTypes: { ...base.meta.resourceTypes, terraform: [] } },
  cloudformation: {
    check(resource, context) {
      const types: string[] = [];
      let unknown = false;
      let conditional: string | undefined;
      for (const candidate of context.resolver.lookup(resource.properties, PATH)) {
        if (!candidate.node) continue;
        for (const resolved of context.resolver.scalars(candidate.node, candidate.via)) {
          if (!resolved.known) unknown = true;
          else types.push(String(resolved.value).toLowerCase());
          if (resolved.via.length > 0) conditional ??= describeVia(resolved.via);
        }
      }
      const evidence = { path: PATH, text: types.length > 0 ? `EnabledTypes: ${types.join(', ')}` : 'no EnabledTypes' };
      if (types.includes('audit')) return [{ kind: 'addressed', detail: `The audit log is enabled${conditional ?? ''}.`, evidence }];
      if (unknown) return [{ kind: 'addressed', detail: 'EnabledTypes cannot be read in the template.', evidence }];
      const list = context.resolver.lookup(resource.properties, ['Logging', 'ClusterLogging', 'EnabledTypes']).find((candidate) => candidate.node);
      const message = types.length > 0
        ? `Logging.ClusterLogging.EnabledTypes does not include 'audit': Kubernetes API calls (who did what in the cluster) are not logged, leaving no trail for investigations.`
        : 'Logging.ClusterLogging.EnabledTypes is not set: no control plane logs (audit, api, authenticator) are sent to CloudWatch, leaving no trail for investigations.';
      return [{ kind: 'finding', message, range: list?.node?.range ?? resource.idRange, evidence }];
    },
  },
};
