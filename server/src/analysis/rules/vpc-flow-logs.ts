// A VPC's flow log is a separate AWS::EC2::FlowLog that points at it; checked on the VPC.
import { mentions } from '../cloudformation/references';
import type { CfnResource, CfnRuleContext } from '../cloudformation/model';
import { mapEntry } from '../cloudformation/model';
import type { Rule } from './rule';
import { settingRule } from './settingRule';

/** Resources of a type whose property refers to the resource. */
export function pointingAt(resource: CfnResource, context: CfnRuleContext, type: string, property: string): CfnResource[] {
  return context.resourcesOfType(type).filter((other) => mentions(mapEntry(other.properties, property), resource.id));
}

const base = settingRule({ setting: 'vpc-flow-logs', cloudformation: { compliant: { present: true }, consequence: '' } });

export const vpcFlowLogs: Rule = {
  meta: { ...base.meta, resourceTypes: { ...base.meta.resourceTypes, cloudformation: ['AWS::EC2::VPC'] } },
  cloudformation: {
    check(resource, context) {
      const logs = [...pointingAt(resource, context, 'AWS::EC2::FlowLog', 'ResourceId'), ...pointingAt(resource, context, 'AWS::EC2::FlowLog', 'ResourceIds')];
      if (logs.length > 0) return [{ kind: 'addressed', detail: `Flow log ${logs[0].id} records this VPC's traffic.` }];
      return [{ kind: 'finding', message: 'No AWS::EC2::FlowLog in this template points at this VPC: its traffic is not recorded, leaving no trail for investigations.', range: resource.idRange }];
    },
  },
};

