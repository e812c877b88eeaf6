// A VPC's flow log is a separate AWS::EC2::FlowLog that points at it; checked on the VPC.
import type { CfnResource, CfnRuleContext } from '../cloudformation/model';
import { mapEntry } from '../cloudformation/model';
import type { ValueNode } from '../types';
import type { Rule } from './rule';
import { settingRule } from './settingRule';

/** Whether a value refers to the logical id (Ref, Fn::GetAtt, ${Id} in Fn::Sub), anywhere inside it. */
export function refersTo(node: ValueNode | undefined, id: string): boolean {
  if (!node) return false;
  switch (node.kind) {
    case 'scalar':
    case 'expression':
      return false;
    case 'seq':
      return node.items.some((item) => refersTo(item, id));
    case 'map':
      return node.entries.some((entry) => refersTo(entry.value, id));
    case 'intrinsic': {
      const argument = node.argument;
      if (node.name === 'Ref') return argument.kind === 'scalar' && argument.value === id;
      if (node.name === 'Fn::GetAtt') {
        if (argument.kind === 'scalar') return String(argument.value).split('.')[0] === id;
        if (argument.kind === 'seq') return argument.items[0]?.kind === 'scalar' && argument.items[0].value === id;
      }
      if (node.name === 'Fn::Sub') {
        const text = argument.kind === 'seq' ? argument.items[0] : argument;
        if (text?.kind === 'scalar' && new RegExp(`\\$\\{${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.[^}]*)?\\}`).test(String(text.value))) return true;
      }
      return refersTo(argument, id);
    }
  }
  return false;
}

/** Resources of a type whose property refers to the resource. */
export function pointingAt(resource: CfnResource, context: CfnRuleContext, type: string, property: string): CfnResource[] {
  return context.resourcesOfType(type).filter((other) => refersTo(mapEntry(other.properties, property), resource.id));
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
