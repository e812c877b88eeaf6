// A fix whose value cannot be known (a KMS key, a signing configuration, a web ACL): the property is set to
// `!Ref <Parameter>` (`{ "Ref": ... }` in JSON) and the parameter is declared, without a default, so the deployment
// asks for it. The property is written by edit.ts's writer (the same placement rules); this file only swaps the
// value and adds the declaration under Parameters (created before Resources when the template has none).
import { lineBreakOf, lineStartAt } from '../text';
import type { Fix, TextEdit } from '../types';
import { writeSetSettingFix } from './edit';
import type { CfnResource, CfnTemplate } from './template';
import type { FixParameter, SetSettingFix } from '../rules/support/rule';

/** Stands for the reference while edit.ts writes the property (a plain word in both formats, never in a template). */
const MARKER = 'IacHintsParameterReference';

/** The fix for a plan with `parameter`, or undefined where either edit cannot be written safely. */
export function writeParameterFix(text: string, template: CfnTemplate, resource: CfnResource, plan: SetSettingFix): Fix | undefined {
  const parameter = plan.parameter;
  if (!parameter) return undefined;
  const set = writeSetSettingFix(text, template, resource, { ...plan, value: MARKER });
  if (!set) return undefined;
  // The marker is quoted in JSON and in a YAML flow mapping (edit.ts writes flow values as JSON), bare in block
  // YAML: the whole token is swapped, so a flow mapping gets `!Ref X`, not the string "!Ref X".
  const reference = template.format === 'json' ? `{ "Ref": ${JSON.stringify(parameter.name)} }` : `!Ref ${parameter.name}`;
  if (!set.edits.every((edit) => edit.newText.split(MARKER).length === 2)) return undefined;
  const edits = set.edits.map((edit) => ({ ...edit, newText: edit.newText.replace(edit.newText.includes(JSON.stringify(MARKER)) ? JSON.stringify(MARKER) : MARKER, reference) }));
  if (template.parameters.has(parameter.name)) return { title: plan.title, edits };
  const declaration = declareParameters(text, template, [parameter]);
  return declaration ? { title: plan.title, edits: [declaration, ...edits] } : undefined;
}

/** The declaration of `parameter` under Parameters (created before Resources when absent), or undefined where unsure. */
export function declareParameter(text: string, template: CfnTemplate, parameter: FixParameter): TextEdit | undefined {
  return declareParameters(text, template, [parameter]);
}

/**
 * One edit declaring parameters without a default (the deployment asks for them; Type String unless the parameter
 * says otherwise, NoEcho when it asks) under Parameters, the section created before Resources when the template has
 * none; undefined where the layout is unusual.
 */
export function declareParameters(text: string, template: CfnTemplate, parameters: readonly FixParameter[]): TextEdit | undefined {
  const newline = lineBreakOf(text);
  const section = template.root.entries.find((entry) => entry.key === 'Parameters');
  if (parameters.length === 0) return undefined;
  if (template.format === 'json') {
    const member = parameters.map((parameter) => `${JSON.stringify(parameter.name)}: { "Type": ${JSON.stringify(parameter.type?.cloudformation ?? 'String')}, "Description": ${JSON.stringify(parameter.description)}${parameter.noEcho ? ', "NoEcho": true' : ''} }`).join(`,${separator(text, (section ?? template.root.entries.find((entry) => entry.key === 'Resources'))?.keyRange.start ?? 0, newline)}`);
    if (section) {
      const first = section.value?.kind === 'map' ? section.value.entries[0] : undefined;
      if (!first) return undefined;
      return { range: { start: first.keyRange.start, end: first.keyRange.start }, newText: `${member},${separator(text, first.keyRange.start, newline)}` };
    }
    const resources = template.root.entries.find((entry) => entry.key === 'Resources');
    if (!resources) return undefined;
    return { range: { start: resources.keyRange.start, end: resources.keyRange.start }, newText: `"Parameters": { ${member} },${separator(text, resources.keyRange.start, newline)}` };
  }
  const lines = (indent: string, step: string) => parameters.flatMap((parameter) => [
    `${indent}${parameter.name}:`,
    `${indent}${step}Type: ${parameter.type?.cloudformation ?? 'String'}`,
    `${indent}${step}Description: ${JSON.stringify(parameter.description)}`,
    ...(parameter.noEcho ? [`${indent}${step}NoEcho: true`] : []),
  ]);
  if (section) {
    const first = section.value?.kind === 'map' ? section.value.entries[0] : undefined;
    if (!first) return undefined;
    const indent = blockIndent(text, first.keyRange.start);
    const child = first.value?.kind === 'map' ? first.value.entries[0] : undefined;
    const childIndent = child ? blockIndent(text, child.keyRange.start) : undefined;
    if (indent === undefined || (child && (childIndent === undefined || childIndent.length <= indent.length))) return undefined;
    const step = childIndent ? childIndent.slice(indent.length) : '  ';
    const start = lineStartAt(text, first.keyRange.start);
    return { range: { start, end: start }, newText: lines(indent, step).join(newline) + newline };
  }
  const resources = template.root.entries.find((entry) => entry.key === 'Resources');
  const firstResource = template.resources[0];
  if (!resources || blockIndent(text, resources.keyRange.start) !== '') return undefined;
  const step = firstResource ? blockIndent(text, firstResource.idRange.start) : '  ';
  if (!step) return undefined;
  const start = lineStartAt(text, resources.keyRange.start);
  return { range: { start, end: start }, newText: ['Parameters:', ...lines(step, step)].join(newline) + newline };
}

/** The spaces before a key that starts its line (block style), or undefined (flow style, `- Key:`). */
function blockIndent(text: string, offset: number): string | undefined {
  const before = text.slice(lineStartAt(text, offset), offset);
  return /^[ ]*$/.test(before) ? before : undefined;
}

/** What follows a JSON member written before the key at `offset`: a line break and that key's indentation. */
function separator(text: string, offset: number, newline: string): string {
  const before = text.slice(lineStartAt(text, offset), offset);
  return /^\s*$/.test(before) ? `${newline}${before}` : ' ';
}
