// Runs the fix writers directly on a text with a plan (test/unit/fix-writer.test.ts): the edits they write for
// one resource, applied, without a rule behind the plan.
import { parseTemplateText } from '../../server/src/analysis/cloudformation/parse';
import { buildTemplate } from '../../server/src/analysis/cloudformation/template';
import { writeOperationsFix } from '../../server/src/analysis/cloudformation/editOperations';
import type { ModuleAnalysis } from '../../server/src/analysis/terraform/analyze';
import { terraformOperationsEdits } from '../../server/src/analysis/terraform/editOperations';
import { buildModule, parseTerraformFile } from '../../server/src/analysis/terraform/module';
import type { SetSettingFix } from '../../server/src/analysis/rules/support/rule';
import type { TextEdit } from '../../server/src/analysis';
import { applyEdits } from './fixOutcome';

/** The text after the CloudFormation writer's fix for `resourceId`, or undefined when it declines. */
export function cfnFixed(path: string, text: string, resourceId: string, plan: SetSettingFix): string | undefined {
  const parsed = parseTemplateText(path, text);
  if (parsed.root?.kind !== 'map') throw new Error('not a template');
  const template = buildTemplate(parsed.root, parsed.format, [...parsed.problems]);
  const resource = template.resourcesById.get(resourceId);
  if (!resource) throw new Error(`no resource ${resourceId}`);
  const fix = writeOperationsFix(text, template, resource, plan);
  return fix && applyEdits(text, fix.edits);
}

/** The text after the HCL writer's fix for the resource at `address` in a one-file module. */
export function tfFixed(text: string, address: string, plan: SetSettingFix): string | undefined {
  const file = parseTerraformFile('/m/main.tf', text);
  const module = buildModule('/m', [file]);
  const resource = module.resources.find((candidate) => candidate.address === address);
  if (!resource) throw new Error(`no resource ${address}`);
  const companion = plan.companion?.terraform;
  let companionEdit: TextEdit | undefined;
  if (companion) {
    const end = resource.block.range.end;
    const name = `${resource.name}_${plan.companion!.suffix.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()}`;
    companionEdit = { range: { start: end, end }, newText: `\n\nresource "${companion.type}" "${name}" {\n${companion.body(`${resource.type}.${resource.name}`).map((line) => `  ${line}`).join('\n')}\n}` };
  }
  const edits = terraformOperationsEdits(text, { module } as unknown as ModuleAnalysis, resource, plan, companionEdit);
  return edits && applyEdits(text, edits);
}
