// Redshift requires SSL through require_ssl in the cluster parameter group the cluster names.
import { mapEntry } from '../cloudformation/template';
import type { CfnResource } from '../cloudformation/template';
import type { CfnRuleContext } from '../cloudformation/context';
import { checkParameterGroup, checkTfParameterGroup, customSettingMeta, singleString, isTrue } from './support';
import type { GroupExpectation, Rule } from './support';

const id = 'redshift-require-ssl';

function readListParameter(group: CfnResource, name: string, context: CfnRuleContext) {
  const values = [];
  for (const candidate of context.resolver.lookup(group.properties, ['Parameters', '[]'])) {
    if (candidate.node?.kind !== 'map') continue;
    if (singleString(mapEntry(candidate.node, 'ParameterName'), context) !== name) continue;
    const value = mapEntry(candidate.node, 'ParameterValue');
    if (value) values.push({ node: value, via: candidate.via });
  }
  return values;
}

// The default parameter group's require_ssl was false; AWS announced secure defaults for new provisioned clusters in
// 2025 (SSL required through the default parameter group, as reported), which no AWS page we could read confirms
// (checked 2026-11-30). So the default group, or a group that leaves require_ssl at the family default, cannot be
// judged; a group that sets require_ssl decides.
const EXPECT: GroupExpectation = {
  parameters: ['require_ssl'],
  isEnforcing: isTrue,
  enforcedByDefault: false,
  engineUnknown: 'the default require_ssl of new clusters cannot be told from the code (false before AWS\'s 2025 secure defaults, reported true since), so whether SSL is required cannot be told; set require_ssl to true in a parameter group to be sure',
  example: "require_ssl: 'true'",
};
const CONSEQUENCE = 'SSL is optional, so SQL clients may connect without encryption.';

export const redshiftRequireSsl: Rule = {
  meta: customSettingMeta(id, ['AWS::Redshift::Cluster'], id, ['aws_redshift_cluster']),
  cloudformation: {
    check(resource, context) {
      return checkParameterGroup(resource, context, {
        link: 'ClusterParameterGroupName',
        groupType: 'AWS::Redshift::ClusterParameterGroup',
        expect: () => EXPECT,
        readParameter: readListParameter,
        consequence: CONSEQUENCE,
      });
    },
  },
  terraform: {
    check(resource, context) {
      return checkTfParameterGroup(resource, context, {
        link: 'cluster_parameter_group_name',
        groupType: 'aws_redshift_parameter_group',
        expect: () => EXPECT,
        consequence: CONSEQUENCE,
      });
    },
  },
};
