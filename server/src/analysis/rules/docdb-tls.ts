// DocumentDB: TLS is on in the default cluster parameter group; only a custom group with tls 'disabled' turns it off.
import { checkParameterGroup, checkTfParameterGroup, customSettingMeta } from './support';
import type { GroupExpectation, Rule } from './support';

const id = 'docdb-tls';

const EXPECT: GroupExpectation = { parameters: ['tls'], isEnforcing: (value) => String(value).toLowerCase() !== 'disabled', enforcedByDefault: true, example: 'tls: enabled' };
const CONSEQUENCE = 'clients connect without TLS, so data and credentials cross the network in clear text.';

export const docdbTls: Rule = {
  meta: customSettingMeta(id, ['AWS::DocDB::DBCluster'], id, ['aws_docdb_cluster']),
  cloudformation: {
    check(resource, context) {
      return checkParameterGroup(resource, context, {
        link: 'DBClusterParameterGroupName',
        groupType: 'AWS::DocDB::DBClusterParameterGroup',
        expect: () => EXPECT,
        readParameter: (group, name, context) =>
          context.resolver.lookup(group.properties, ['Parameters', name]).flatMap((candidate) => (candidate.node ? [{ node: candidate.node, via: candidate.via }] : [])),
        consequence: CONSEQUENCE,
      });
    },
  },
  terraform: {
    check(resource, context) {
      return checkTfParameterGroup(resource, context, {
        link: 'db_cluster_parameter_group_name',
        groupType: 'aws_docdb_cluster_parameter_group',
        expect: () => EXPECT,
        consequence: CONSEQUENCE,
      });
    },
  },
};
