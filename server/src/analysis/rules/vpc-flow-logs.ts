// A VPC's flow log is a separate AWS::EC2::FlowLog that points at it; checked on the VPC.
import type { OffsetRange } from '../types';
import { settingRule, pointingAt } from './support';
import type { RuleOutcome, Rule } from './support';

/** Both formats: a flow log pointing at the VPC records its traffic. */
function flowLogOutcome(logs: readonly string[], what: string, anchor: OffsetRange): RuleOutcome[] {
  if (logs.length > 0) return [{ kind: 'addressed', detail: `Flow log ${logs[0]} records this VPC's traffic.` }];
  return [{ kind: 'finding', message: `No ${what} points at this VPC: its traffic is not recorded, leaving no trail for investigations.`, range: anchor }];
}

const base = settingRule({ setting: 'vpc-flow-logs', cloudformation: { compliant: { present: true }, consequence: '' } });

export const vpcFlowLogs: Rule = {
  meta: { ...base.meta, resourceTypes: { cloudformation: ['AWS::EC2::VPC'], terraform: ['aws_vpc'] } },
  cloudformation: {
    check(resource, context) {
      const logs = [...pointingAt(resource, context, 'AWS::EC2::FlowLog', 'ResourceId'), ...pointingAt(resource, context, 'AWS::EC2::FlowLog', 'ResourceIds')];
      return flowLogOutcome(logs.map((log) => log.id), 'AWS::EC2::FlowLog in this template', resource.idRange);
    },
  },
  terraform: {
    check(resource, context) {
      return flowLogOutcome(context.linked(resource, 'aws_flow_log', 'vpc_id').map((log) => log.address), 'aws_flow_log in this module', resource.anchor);
    },
  },
};

