// The HCL writer of a fix with several steps (SetSettingFix.terraform.operations): values set in the resource
// (merged into one tree, so two arguments of one new block are written once), values set in every nested block of
// a name, items appended to a list argument, the variables the values refer to (declared after the resource unless
// the module has them), and the companion resource the steps may refer to (`$COMPANION`, its address). No two
// edits may touch: otherwise there is no fix.
import type { FixParameter, HclData, SetSettingFix } from '../rules/support/rule';
import type { TextEdit } from '../types';
import type { ModuleAnalysis } from './analyze';
import { appendInBlock, blockAt, nestHcl, writeInEachBlock } from './editElements';
import { companionName, hclContext, isBlockData, isExpressionData, variableDeclaration, writeInBlock, type HclMapping } from './editValue';
import type { TfResource } from './module';

const COMPANION = '$COMPANION';

function substitute(value: HclData, address: string | undefined): HclData {
  if (address === undefined || value === null || typeof value !== 'object') return value;
  if (isExpressionData(value)) return { $hcl: value.$hcl.split(COMPANION).join(address) };
  if (Array.isArray(value)) return value.map((item: HclData) => substitute(item, address));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, address)]));
}

function merge(a: HclMapping, b: HclMapping): HclMapping {
  const out: Record<string, HclData> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const old = out[key];
    out[key] = isBlockData(old) && isBlockData(value) ? merge(old, value) : value;
  }
  return out;
}

/**
 * The edits of a plan with `terraform.operations` in `resource`'s file, with `companion` (the companion resource's
 * edit, when the fix has one) and the variables' declarations after the resource; undefined where an edit is not
 * certain or nothing is left to write.
 */
export function terraformOperationsEdits(text: string, analysis: ModuleAnalysis, resource: TfResource, plan: SetSettingFix, companion: TextEdit | undefined): TextEdit[] | undefined {
  const operations = plan.terraform?.operations;
  if (!operations || operations.length === 0) return undefined;
  const spec = plan.terraform?.companion ?? (plan.companion?.terraform ? { ...plan.companion.terraform, suffix: plan.companion.suffix } : undefined);
  if ((plan.companion || plan.terraform?.companion) && (!spec || !companion)) return undefined;
  const address = spec ? `${spec.type}.${companionName(resource.name, spec.suffix)}` : undefined;
  const context = hclContext(text);
  let wanted: HclMapping = {};
  const edits: TextEdit[] = [];
  for (const operation of operations) {
    if (operation.op === 'set') {
      wanted = merge(wanted, nestHcl(operation.path, substitute(operation.value, address)));
      continue;
    }
    const parent = blockAt(resource.block, operation.list.slice(0, -1));
    if (parent === false) return undefined;
    const name = operation.list[operation.list.length - 1];
    if (operation.op === 'each') {
      if (!parent) continue; // no such blocks: nothing to set
      const written = writeInEachBlock(context, parent, name, operation.path, substitute(operation.value, address), operation.where);
      if (!written) return undefined;
      edits.push(...written);
      continue;
    }
    const items = operation.items.map((item) => substitute(item, address));
    const present = parent && (operation.match !== undefined ? parent.body.blocks.some((block) => block.type === name) || parent.body.blocks.some((block) => block.type === 'dynamic' && block.labels[0]?.value === name) : parent.body.attributes.some((attribute) => attribute.name === name));
    if (!parent || !present) {
      wanted = merge(wanted, nestHcl(operation.list, items));
      continue;
    }
    const appended = appendInBlock(context, parent, name, items, operation.match);
    if (!appended) return undefined;
    edits.push(...appended);
  }
  if (Object.keys(wanted).length > 0) {
    const written = writeInBlock(context, resource.block, wanted);
    if (!written) return undefined;
    edits.push(...written);
  }
  if (edits.length === 0) return undefined;
  const variables = (plan.terraform?.variables ?? []).filter((variable) => !analysis.module.variables.has(variable.name));
  const after = [companion?.newText ?? '', declarations(variables, context.newline, context.unit)].join('');
  const end = resource.block.range.end;
  if (companion && (companion.range.start !== end || companion.range.end !== end)) return undefined;
  const all = after ? [...edits, { range: { start: end, end }, newText: after }] : edits;
  const sorted = [...all].sort((a, b) => a.range.start - b.range.start);
  return sorted.every((edit, index) => index === 0 || (sorted[index - 1].range.end <= edit.range.start && sorted[index - 1].range.start !== edit.range.start)) ? all : undefined;
}

/** `variable` blocks without a default (Terraform asks for the value), each after a blank line. */
function declarations(variables: readonly FixParameter[], newline: string, unit: string): string {
  return variables.map((variable) => ['', '', ...variableDeclaration(variable, unit)].join(newline)).join('');
}
