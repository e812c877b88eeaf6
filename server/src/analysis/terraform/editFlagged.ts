// The HCL writer of a fix that replaces the flagged value itself (see FlaggedReplacement): the literal at the
// finding's range, in the resource's own block (an argument, a nested block, a list, an object, a `jsonencode({...})`
// policy), becomes `var.<name>` (declared after the resource unless the module has it) or the own account. A value
// from a variable, a local, a heredoc or a JSON string, or inside a conditional, gets no fix.
import type { FixParameter, SetSettingFix } from '../rules/support/rule';
import { lineBreakOf } from '../text';
import type { OffsetRange, TextEdit } from '../types';
import type { ModuleAnalysis } from './analyze';
import type { HclBody, HclExpression } from './hcl/ast';
import type { TfResource } from './module';
import { hclContext, variableDeclaration } from './editValue';

interface Located {
  readonly value: string;
  readonly range: OffsetRange;
  readonly key: string | undefined;
}

function inExpression(expression: HclExpression, range: OffsetRange, key: string | undefined): Located | undefined {
  if (expression.range.start > range.start || expression.range.end < range.end) return undefined;
  switch (expression.kind) {
    case 'literal':
    case 'template': {
      const value = expression.kind === 'literal' ? expression.value : expression.heredoc === undefined ? expression.value : undefined;
      const exact = expression.range.start === range.start && expression.range.end === range.end;
      return exact && typeof value === 'string' ? { value, range: expression.range, key } : undefined;
    }
    case 'tuple':
      return first(expression.items, (item) => inExpression(item, range, key));
    case 'object':
      return first(expression.items, (item) => inExpression(item.value, range, item.keyName));
    case 'call':
      return first(expression.args, (arg) => inExpression(arg, range, key));
    case 'parens':
      return inExpression(expression.expression, range, key);
    default:
      return undefined;
  }
}

function inBody(body: HclBody, range: OffsetRange): Located | undefined {
  return first(body.attributes, (attribute) => inExpression(attribute.expression, range, attribute.name))
    ?? first(body.blocks.filter((block) => block.type !== 'dynamic'), (block) => inBody(block.body, range));
}

function first<T, R>(items: readonly T[], find: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const found = find(item);
    if (found) return found;
  }
  return undefined;
}

/** `name` in snake_case (`AllowedSshCidr` -> `allowed_ssh_cidr`). */
export function snakeName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** The edits for a plan with `flagged`, for the finding at `range` in `resource`, or undefined where unsure. */
export function writeFlaggedHcl(text: string, analysis: ModuleAnalysis, resource: TfResource, plan: SetSettingFix, range: OffsetRange): TextEdit[] | undefined {
  const flagged = plan.flagged;
  if (!flagged || range.start < resource.block.range.start || range.end > resource.block.range.end) return undefined;
  const found = inBody(resource.block.body, range);
  if (!found || !flagged.matches(found.value)) return undefined;
  if (flagged.kind === 'value') return [{ range: found.range, newText: JSON.stringify(flagged.value) }];
  let reference: string;
  let variable: FixParameter | undefined;
  if (flagged.kind === 'own-account') {
    const identity = analysis.module.resources.find((candidate) => candidate.mode === 'data' && candidate.type === 'aws_caller_identity' && !candidate.count && !candidate.forEach);
    variable = identity ? undefined : flagged.variable;
    const account = identity ? `data.aws_caller_identity.${identity.name}.account_id` : `var.${flagged.variable.name}`;
    // An account id is an AWS principal of its own (IAM: "Principal": { "AWS": "123456789012" }), in every partition.
    reference = flagged.scalar || found.key === 'AWS' ? account : found.key === 'Principal' ? `{ AWS = ${account} }` : '';
    if (!reference) return undefined;
  } else {
    const parameter = flagged.parameter(found.value, found.key);
    variable = { ...parameter, name: snakeName(parameter.name) };
    reference = `var.${variable.name}`;
  }
  const edits: TextEdit[] = [{ range: found.range, newText: reference }];
  if (!variable || analysis.module.variables.has(variable.name)) return edits;
  const newline = lineBreakOf(text);
  const declaration = variableDeclaration(variable, hclContext(text).unit);
  const end = resource.block.range.end;
  return [...edits, { range: { start: end, end }, newText: `${newline}${newline}${declaration.join(newline)}` }];
}
