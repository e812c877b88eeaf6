// Terraform quick fixes, written in HCL the way the file already looks: set an argument (creating nested
// blocks as needed) inside the resource, or add the split resource that carries the setting
// (aws_s3_bucket_versioning for aws_s3_bucket), repeating a counted or for_each parent. JSON configurations get no fix.
import type { AnalyzeInput, CodeActionResult, FileAnalysis } from '../api';
import { getRule } from '../rules/registry';
import { fixOptions } from '../rules/support/fixChoices';
import { writeFlaggedHcl } from './editFlagged';
import type { CompanionResource, FixParameter, SetSettingFix } from '../rules/support/rule';
import { lineBreakOf, lineStartAt } from '../text';
import type { OffsetRange, ScalarValue, TextEdit } from '../types';
import type { ModuleAnalysis } from './analyze';
import type { HclBlock } from './hcl/ast';
import type { TfResource } from './module';
import { terraformOperationsEdits } from './editOperations';
import { alignAssignments, assignmentsAbove, companionName, inUnit, openOneLineBlock, variableDeclaration } from './editValue';

export function terraformCodeActions(analysis: ModuleAnalysis, file: FileAnalysis, input: AnalyzeInput, range: OffsetRange): CodeActionResult[] {
  const actions: CodeActionResult[] = [];
  for (const finding of file.findings) {
    if (!finding.fixId || finding.range.start > range.end || range.start > finding.range.end) continue;
    const fixPlan = getRule(finding.ruleId)?.fixes?.[finding.fixId];
    const base = finding.resource.id.replace(/\[[^\]]*\]$/, '');
    const resource = analysis.module.resources.find((candidate) => candidate.address === base && candidate.file === file.path);
    if (!resource || /\.json$/i.test(resource.file)) continue;
    // A fix with choices is several actions; the first is preferred.
    for (const [index, setting] of (fixPlan ? fixOptions(fixPlan) : []).entries()) {
      const plan = setting.terraform;
      if (!plan) continue;
      const safe = (plan.safety ?? setting.safety) === 'safe';
      const companion = plan.companion ?? setting.companion?.terraform;
      const suffix = plan.companion?.suffix ?? setting.companion?.suffix;
      const edit = plan.variable || setting.flagged || (plan.operations && !companion) ? undefined : companion && suffix !== undefined ? addCompanion(input.text, analysis, resource, suffix, companion) : plan.splitResource ? addSplitResource(input.text, analysis, resource, plan) : setInBlock(input.text, resource.block, plan.path, plan.value);
      const edits = plan.splitResource && plan.operations ? splitOperationsEdits(input.text, analysis, resource, setting, plan.splitResource) : setting.flagged ? writeFlaggedHcl(input.text, analysis, resource, setting, finding.range) : plan.operations ? terraformOperationsEdits(input.text, analysis, resource, setting, edit) : plan.companion ? terraformCompanionEdits(input.text, analysis, resource, plan.companion, plan.variables ?? []) : plan.variable ? setVariable(input.text, analysis, resource, plan.path, plan.variable) : edit && [edit];
      // Editing the split resource that is there: its title says so instead of "Add <type> with ...".
      const child = plan.splitResource && !plan.operations && !companion ? splitChildren(analysis, resource, plan.splitResource)[0] : undefined;
      const title = child ? plan.title.replace(`Add ${child.type} with `, 'Set ').replace(/^(Set [^ ]+ = \S+)/, `$1 in ${child.address}`) : plan.title;
      if (edits) actions.push({ title, kind: 'quickfix', isPreferred: index === 0, fix: { title, edits }, finding: { ruleId: finding.ruleId, range: finding.range }, ...(safe ? { safe: true } : {}) });
    }
  }
  return [...actions, ...suppressActions(analysis, file, input, range)];
}

/** "Suppress <rule> for <resource> (with a reason)": a comment line above the resource or module block. */
function suppressActions(analysis: ModuleAnalysis, file: FileAnalysis, input: AnalyzeInput, range: OffsetRange): CodeActionResult[] {
  if (/\.json$/i.test(file.path)) return [];
  const actions: CodeActionResult[] = [];
  for (const finding of file.findings) {
    if (finding.range.start > range.end || range.start > finding.range.end) continue;
    const base = finding.resource.id.replace(/\[[^\]]*\]$/, '');
    const resource = analysis.module.resources.find((candidate) => candidate.address === base && candidate.file === file.path);
    const call = resource ? undefined : analysis.module.moduleCalls.find((candidate) => candidate.file === file.path && base.startsWith(`module.${candidate.name}.`));
    const block = resource?.block ?? call?.block;
    if (!block) continue;
    const lineStart = lineStartOf(input.text, block.range.start);
    const indent = input.text.slice(lineStart, block.range.start);
    if (!/^[ \t]*$/.test(indent)) continue;
    const target = resource ? resource.address : `module.${call!.name}`;
    const title = `Suppress ${finding.ruleId} for ${target} (with a reason)`;
    const edit = { range: { start: lineStart, end: lineStart }, newText: `${indent}# iac-hints-ignore ${finding.ruleId}: <reason>${eol(input.text)}` };
    actions.push({ title, kind: 'quickfix', isPreferred: false, fix: { title, edits: [edit] }, finding: { ruleId: finding.ruleId, range: finding.range } });
  }
  return actions;
}

function hclValue(value: ScalarValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function lineStartOf(text: string, offset: number): number {
  return lineStartAt(text, offset);
}

function eol(text: string): string {
  return lineBreakOf(text);
}

/** Lines that set `path` (nested blocks, then `name = value`), each prefixed by `indent` plus its depth. */
function nestedLines(path: readonly string[], value: ScalarValue, indent: string, step: string): string[] {
  const [head, ...rest] = path;
  if (rest.length === 0) return [`${indent}${head} = ${hclValue(value)}`];
  return [`${indent}${head} {`, ...nestedLines(rest, value, indent + step, step), `${indent}}`];
}

/**
 * One level of indentation as the file writes it: the leading white space of its first indented argument or block
 * line (a tab, or that many spaces), two spaces when nothing is indented.
 */
function indentUnit(text: string): string {
  // An argument or block line (not a ` * ` comment continuation or heredoc punctuation).
  const match = /^([ \t]+)[A-Za-z_]/m.exec(text);
  if (!match) return '  ';
  return match[1].startsWith('\t') ? '\t' : match[1];
}

/** `dynamic "name"` blocks generate `name` blocks: a static one beside them would be a second, conflicting one. */
function hasDynamic(block: HclBlock, name: string): boolean {
  return block.body.blocks.some((candidate) => candidate.type === 'dynamic' && candidate.labels[0]?.value === name);
}

/**
 * The edit that sets `path` (nested block names, then an argument) to `value` in `block`, or undefined when no
 * edit is certain: the value is the author's expression, a level is a `dynamic` block or an object argument, or a
 * level has several blocks of that name. A one-line block (`{}`, `{ a = 1 }`) is opened onto lines. Inserted
 * lines go last in the block, in the file's indentation and line breaks.
 */
export function setInBlock(text: string, block: HclBlock, path: readonly string[], value: ScalarValue): TextEdit | undefined {
  let current = block;
  let depth = 0;
  while (depth < path.length - 1) {
    const name = path[depth];
    if (hasDynamic(current, name) || current.body.attributes.some((attribute) => attribute.name === name)) return undefined;
    const matches = current.body.blocks.filter((candidate) => candidate.type === name);
    if (matches.length > 1) return undefined;
    if (matches.length === 0) break;
    current = matches[0];
    depth++;
  }
  const remaining = path.slice(depth);
  if (remaining.length > 1 && hasDynamic(current, remaining[0])) return undefined;
  if (remaining.length === 1) {
    const existing = current.body.attributes.find((attribute) => attribute.name === remaining[0]);
    if (existing) {
      const expression = existing.expression;
      const literal = expression.kind === 'literal' || (expression.kind === 'template' && expression.value !== undefined && expression.heredoc === undefined);
      return literal ? { range: expression.range, newText: hclValue(value) } : undefined; // a reference is the author's wiring
    }
  }
  const newline = eol(text);
  const blockLine = lineStartOf(text, current.range.start);
  const blockIndent = /^[ \t]*/.exec(text.slice(blockLine, current.range.start))?.[0] ?? '';
  const closeLine = lineStartOf(text, current.closeBrace);
  if (closeLine <= current.openBrace) {
    // `{` and `}` on one line (`{}`, `{ a = 1 }`): opened onto lines.
    const unit = indentUnit(text);
    return openOneLineBlock(text, current, nestedLines(remaining, value, blockIndent + unit, unit), blockIndent + unit, blockIndent, newline);
  }
  if (!/^[ \t]*$/.test(text.slice(closeLine, current.closeBrace))) return undefined; // `}` after content on its line
  const closeIndent = text.slice(closeLine, current.closeBrace);
  const firstStart = current.body.attributes[0]?.nameRange.start ?? current.body.blocks[0]?.typeRange.start;
  const unit = indentUnit(text);
  const indent = firstStart !== undefined ? text.slice(lineStartOf(text, firstStart), firstStart) : `${closeIndent}${unit}`;
  if (!/^[ \t]*$/.test(indent)) return undefined; // the first child shares a line with something else
  const step = indent.length > closeIndent.length ? indent.slice(closeIndent.length) : unit;
  return { range: { start: closeLine, end: closeLine }, newText: alignAssignments(nestedLines(remaining, value, indent, step), assignmentsAbove(text, current, closeLine)).join(newline) + newline };
}

/** `path = var.<name>`, and `variable "<name>"` (no default: Terraform asks for it) after the resource unless the module declares it. */
function setVariable(text: string, analysis: ModuleAnalysis, resource: TfResource, path: readonly string[], variable: FixParameter): TextEdit[] | undefined {
  const marker = JSON.stringify('iac_hints_variable_reference');
  const set = setInBlock(text, resource.block, path, JSON.parse(marker) as string);
  if (!set || set.newText.split(marker).length !== 2) return undefined;
  const edits = [{ ...set, newText: set.newText.replace(marker, `var.${variable.name}`) }];
  if (analysis.module.variables.has(variable.name)) return edits;
  const newline = eol(text);
  const end = resource.block.range.end;
  const declaration = variableDeclaration(variable, indentUnit(text));
  return [...edits, { range: { start: end, end }, newText: `${newline}${newline}${declaration.join(newline)}` }];
}

/**
 * How a resource added for `parent` repeats it and names its instance: for a counted parent `count =
 * length(<parent>)` and `<parent>[count.index]`, for a for_each parent `for_each = <parent>` and `each.value` (one
 * added instance per parent instance, with the same keys); otherwise no meta-argument and `<parent>`.
 */
function instanceOf(parent: TfResource): { readonly meta: string[]; readonly reference: string } {
  const address = `${parent.type}.${parent.name}`;
  if (parent.count) return { meta: [`count = length(${address})`, ''], reference: `${address}[count.index]` };
  if (parent.forEach) return { meta: [`for_each = ${address}`, ''], reference: 'each.value' };
  return { meta: [], reference: address };
}

/** A companion resource (a bucket policy for a bucket) after the parent, named `<parent name><suffix in snake_case>`. */
function addCompanion(text: string, analysis: ModuleAnalysis, parent: TfResource, suffix: string, companion: NonNullable<CompanionResource['terraform']>): TextEdit | undefined {
  if (parent.address.startsWith('module.')) return undefined;
  const name = companionName(parent.name, suffix);
  if (analysis.module.resources.some((candidate) => candidate.type === companion.type && candidate.name === name)) return undefined;
  const newline = eol(text);
  const unit = indentUnit(text);
  const instance = instanceOf(parent);
  const body = [...instance.meta, ...companion.body(instance.reference)];
  const lines = [`resource "${companion.type}" "${name}" {`, ...body.map((line) => (line ? unit + inUnit(line, unit) : line)), '}'];
  const end = parent.block.range.end;
  return { range: { start: end, end }, newText: `${newline}${newline}${lines.join(newline)}` };
}

/** A Terraform-only companion (SetSettingFix.terraform.companion) and the variables its body names, after the resource. */
function terraformCompanionEdits(text: string, analysis: ModuleAnalysis, parent: TfResource, companion: NonNullable<NonNullable<SetSettingFix['terraform']>['companion']>, variables: readonly FixParameter[]): TextEdit[] | undefined {
  const edit = addCompanion(text, analysis, parent, companion.suffix, companion);
  if (!edit) return undefined;
  const newline = eol(text);
  const declarations = variables.filter((variable) => !analysis.module.variables.has(variable.name)).map((variable) => ['', '', ...variableDeclaration(variable, indentUnit(text))].join(newline));
  return [{ ...edit, newText: edit.newText + declarations.join('') }];
}

/**
 * A new split resource after `parent` (`aws_s3_bucket_versioning.<parent name>`, or `<parent name>_versioning` when
 * that name is taken, linked by `bucket = ....id`), repeating a counted or for_each parent's instances; undefined
 * for a resource in a called module, or when both names are taken.
 */
function addSplitResource(text: string, analysis: ModuleAnalysis, parent: TfResource, plan: NonNullable<SetSettingFix['terraform']>): TextEdit | undefined {
  if (!plan.splitResource || parent.address.startsWith('module.')) return undefined;
  // The split resource is there with a wrong value (sse_algorithm = "AES128" in the bucket's
  // aws_s3_bucket_server_side_encryption_configuration): the value is set in it instead.
  const children = splitChildren(analysis, parent, plan.splitResource);
  if (children.length > 1) return undefined;
  if (children.length === 1) return children[0].file === parent.file && !children[0].count && !children[0].forEach ? setInBlock(text, children[0].block, plan.path, plan.value) : undefined;
  // Named after the parent; when another resource of the type has that name (pointing at another bucket), after the
  // parent and the setting (`<bucket>_versioning`).
  const type = plan.splitResource.type;
  const taken = (name: string) => analysis.module.resources.some((resource) => resource.type === type && resource.name === name);
  const tail = type.startsWith(`${parent.type}_`) ? type.slice(parent.type.length + 1) : type.replace(/^aws_/, '');
  const name = [parent.name, `${parent.name}_${tail}`].find((candidate) => !taken(candidate));
  if (name === undefined) return undefined;
  const newline = eol(text);
  const unit = indentUnit(text);
  const instance = instanceOf(parent);
  const lines = [
    `resource "${type}" "${name}" {`,
    ...instance.meta.map((line) => (line ? unit + line : line)),
    `${unit}${plan.splitResource.link} = ${instance.reference}.id`,
    ...nestedLines(plan.path, plan.value, unit, unit),
    '}',
  ];
  const end = parent.block.range.end;
  return { range: { start: end, end }, newText: `${newline}${newline}${alignAssignments(lines).join(newline)}` };
}

/**
 * The split resources of `split.type` whose `split.link` argument refers to `parent` (`bucket =
 * aws_s3_bucket.data.id`, `function_name = aws_lambda_function.f.function_name`): read from the text of the argument, so a bucket named through a variable
 * or a local is not seen, and then a second resource is not added either (its address is checked apart).
 */
export function splitChildren(analysis: ModuleAnalysis, parent: TfResource, split: { readonly type: string; readonly link: string }): TfResource[] {
  const reference = new RegExp(`(^|[^\\w.])${parent.type}\\.${parent.name}\\.\\w+\\b`);
  return analysis.module.resources.filter((candidate) => candidate.type === split.type && candidate.block.body.attributes.some((attribute) =>
    attribute.name === split.link && reference.test(analysis.module.files.find((file) => file.path === candidate.file)?.text.slice(attribute.expression.range.start, attribute.expression.range.end) ?? '')));
}

/**
 * Operations on the split resource (`terraform.splitResource` with `operations`): applied in the one resource of
 * that type pointing at `parent` in its file, or, when none does, written into the companion (`terraform.companion`)
 * the fix adds instead; undefined when several point at it or it is in another file.
 */
function splitOperationsEdits(text: string, analysis: ModuleAnalysis, parent: TfResource, setting: SetSettingFix, split: { readonly type: string; readonly link: string }): TextEdit[] | undefined {
  const children = splitChildren(analysis, parent, split);
  if (children.length > 1) return undefined;
  if (children.length === 0) {
    const companion = setting.terraform?.companion;
    return companion ? terraformCompanionEdits(text, analysis, parent, companion, setting.terraform?.variables ?? []) : undefined;
  }
  const child = children[0];
  if (child.file !== parent.file || child.count || child.forEach) return undefined;
  // The companion is only for a missing child: without it the operations apply to the child alone.
  const terraform = { ...setting.terraform!, companion: undefined };
  return terraformOperationsEdits(text, analysis, child, { ...setting, companion: undefined, terraform }, undefined);
}
