// DocumentDB: TLS is on in the default cluster parameter group; only a custom group with tls 'disabled' turns it off.
import { checkParameterGroup, settingMeta } from './rds-force-tls';
import type { Rule } from './rule';

const id = 'docdb-tls';

export const docdbTls: Rule = {
  meta: settingMeta(id, ['AWS::DocDB::DBCluster']),
  cloudformation: {
    check(resource, context) {
      return checkParameterGroup(resource, context, {
        link: 'DBClusterParameterGroupName',
        groupType: 'AWS::DocDB::DBClusterParameterGroup',
        expect: () => ({ parameters: ['tls'], isEnforcing: (value) => String(value).toLowerCase() !== 'disabled', enforcedByDefault: true, example: 'tls: enabled' }),
        readParameter: (group, name, context) =>
          context.resolver.lookup(group.properties, ['Parameters', name]).flatMap((candidate) => (candidate.node ? [{ node: candidate.node, via: candidate.via }] : [])),
        consequence: 'clients connect without TLS, so data and credentials cross the network in clear text.',
      });
    },
  },
};
