// The writer of a fix with several steps (SetSettingFix.operations): values set under Properties (merged into one
// tree, so two keys under one new parent are written once), values set in every element of a list, elements
// appended, the parameters the values refer to, and a companion resource the steps may refer to ($COMPANION).
// Every edit of the resource stays inside it, and no two edits touch: otherwise there is no fix.
import type { Fix, TextEdit } from '../types';
import type { FixData, SetSettingFix } from '../rules/support/rule';
import { appendToList, nest, nodeAt, writeInEachElement } from './editElements';
import { writeCompanionFix } from './editCompanion';
import { declareParameters } from './editParameter';
import { afterLine, editContext, isIntrinsic, isMapping, writeInMap, writtenEmpty, type FixMapping } from './editValue';
import type { CfnResource, CfnTemplate } from './template';

const COMPANION = '$COMPANION';

/** `$COMPANION` in every string of `value` replaced by `id`. */
function substitute(value: FixData, id: string | undefined): FixData {
  if (id === undefined) return value;
  if (typeof value === 'string') return value.split(COMPANION).join(id);
  if (Array.isArray(value)) return value.map((item: FixData) => substitute(item, id));
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, id)]));
  return value;
}

/** `b` merged into `a`: mappings key by key (intrinsics are values), anything else replaced. */
function merge(a: FixMapping, b: FixMapping): FixMapping {
  const out: Record<string, FixData> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const old = out[key];
    out[key] = isMapping(old) && isMapping(value) && !isIntrinsic(old) && !isIntrinsic(value) ? merge(old, value) : value;
  }
  return out;
}

/** The fix for a plan with `operations`, or undefined where an edit is not certain or nothing is left to write. */
export function writeOperationsFix(text: string, template: CfnTemplate, resource: CfnResource, plan: SetSettingFix): Fix | undefined {
  const operations = plan.operations;
  // No steps is a fix only with a companion (a resource that refers to this one, with parameters of its own).
  if (!operations || (operations.length === 0 && !plan.companion)) return undefined;
  const companionId = plan.companion ? `${resource.id}${plan.companion.suffix}` : undefined;
  const context = editContext(text, template.format, resource.range);
  const written = nodeAt(resource.node, ['Properties']);
  // `Properties:` with nothing written is no mapping yet: writeInMap writes one below it.
  if (written && written.kind !== 'map' && !writtenEmpty(written)) return undefined;
  const properties = written?.kind === 'map' ? written : undefined;
  let wanted: FixMapping = {};
  const edits: TextEdit[] = [];
  // Steps on the elements of one list are merged, so two keys new to one element are written in one edit.
  const elementSteps = new Map<string, { list: readonly string[]; where: string | undefined; wanted: FixMapping; create: readonly FixData[] | undefined }>();
  for (const operation of operations) {
    if (operation.op === 'set') {
      wanted = merge(wanted, nest(operation.path, substitute(operation.value, companionId)));
    } else if (operation.op === 'each') {
      const key = JSON.stringify([operation.list, operation.where ?? null]);
      const step = elementSteps.get(key) ?? { list: operation.list, where: operation.where, wanted: {}, create: undefined };
      const create = operation.create?.map((item) => substitute(item, companionId)) ?? step.create;
      elementSteps.set(key, { ...step, create, wanted: merge(step.wanted, nest(operation.path, substitute(operation.value, companionId))) });
    }
  }
  for (const step of elementSteps.values()) {
    const list = properties && nodeAt(properties, step.list);
    if (!list) {
      // No elements: nothing to set, unless the step says what to create.
      if (step.create) wanted = merge(wanted, nest(step.list, step.create));
      continue;
    }
    if (list.kind !== 'seq') return undefined;
    const written = writeInEachElement(context, list, step.wanted, step.where);
    if (!written) return undefined;
    edits.push(...written);
  }
  for (const operation of operations) {
    if (operation.op !== 'append') continue;
    const list = properties && nodeAt(properties, operation.list);
    const items = operation.items.map((item) => substitute(item, companionId));
    if (!list) {
      wanted = merge(wanted, nest(operation.list, items));
      continue;
    }
    if (list.kind !== 'seq') return undefined;
    const appended = appendToList(context, list, items, operation.match);
    if (!appended) return undefined;
    edits.push(...appended);
  }
  if (Object.keys(wanted).length > 0) {
    const written = writeInMap(context, resource.node, { Properties: wanted });
    if (!written) return undefined;
    edits.push(...written);
  }
  if ((edits.length === 0 && operations.length > 0) || !disjoint(edits)) return undefined;
  // Inside the resource, or lines inserted just after its last line (a list element appended).
  const next = afterLine(text, resource.range.end).offset;
  if (!edits.every((edit) => edit.range.start >= resource.range.start && (edit.range.end <= resource.range.end || edit.range.start === next && edit.range.end === next))) return undefined;
  const all = [...edits];
  const parameters = (plan.parameters ?? []).filter((parameter) => !template.parameters.has(parameter.name));
  if (parameters.length > 0) {
    const declaration = declareParameters(text, template, parameters);
    if (!declaration) return undefined;
    all.push(declaration);
  }
  if (plan.companion) {
    const companion = writeCompanionFix(text, template, resource, plan.companion, plan.title);
    if (!companion) return undefined;
    all.push(...companion.edits);
  }
  return disjoint(all) ? { title: plan.title, edits: all } : undefined;
}

/** No two edits overlap or insert at the same place (their order there would be undefined). */
function disjoint(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return sorted.every((edit, index) => index === 0 || (sorted[index - 1].range.end <= edit.range.start && sorted[index - 1].range.start !== edit.range.start));
}
