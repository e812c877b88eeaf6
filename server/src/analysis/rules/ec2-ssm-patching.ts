// Guest-OS patching is the customer's for EC2. A template can only show whether patching is wired up: an
// SSM association or maintenance window task that runs AWS-RunPatchBaseline. Checked on each instance.
import { mapEntry } from '../cloudformation/model';
import type { CfnRuleContext } from '../cloudformation/model';
import type { Rule } from './rule';
import { settingRule } from './settingRule';

const base = settingRule({ setting: 'ec2-ssm-patching', cloudformation: { compliant: { present: true }, consequence: '' } });
const PATCH_DOCUMENTS = new Set(['aws-runpatchbaseline', 'aws-applypatchbaseline', 'aws-runpatchbaselinewithhooks', 'aws-runpatchbaselineassociation']);

export const ec2SsmPatching: Rule = {
  // Severity info, not the knowledge base's high: patching is often set up account-wide (Quick Setup, patch
  // policies) outside the template, so a template without it is a hint, not a certain gap.
  // No Terraform reading yet, so no Terraform types: the knowledge base names aws_ssm_association, but the duty is checked on the instance (aws_instance); a reader over aws_ssm_association / aws_ssm_maintenance_window_task is not written yet.
  meta: { ...base.meta, severity: 'info', resourceTypes: { terraform: [], cloudformation: ['AWS::EC2::Instance'] } },
  cloudformation: {
    check(resource, context) {
      const how = patchingIn(context);
      if (how) return [{ kind: 'addressed', detail: how }];
      return [{
        kind: 'finding',
        message: 'No SSM association or maintenance window task in this template runs AWS-RunPatchBaseline: the guest OS is patched only if patching is set up elsewhere (Quick Setup, a patch policy).',
        range: resource.idRange,
      }];
    },
  },
};

function patchingIn(context: CfnRuleContext): string | undefined {
  for (const association of context.resourcesOfType('AWS::SSM::Association')) {
    const name = mapEntry(association.properties, 'Name');
    if (name?.kind === 'scalar' && PATCH_DOCUMENTS.has(String(name.value).toLowerCase())) return `${association.id} runs ${String(name.value)}.`;
  }
  for (const task of context.resourcesOfType('AWS::SSM::MaintenanceWindowTask')) {
    const arn = mapEntry(task.properties, 'TaskArn');
    if (arn?.kind === 'scalar' && PATCH_DOCUMENTS.has(String(arn.value).toLowerCase())) return `${task.id} runs ${String(arn.value)}.`;
  }
  return undefined;
}
