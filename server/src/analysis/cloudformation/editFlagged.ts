// A fix that replaces the flagged value itself (the scalar at the finding's range: a `0.0.0.0/0` CidrIp inside an
// ingress element, a `"*"` Principal inside a statement, a secret in an environment variable) with a reference to a
// new parameter or to the template's own account. The node is found again in the current text; anything but a
// literal scalar written in the resource itself (a parameter default, an intrinsic, a JSON-string policy, a value a
// YAML alias brings) gets no fix.
import type { Fix, OffsetRange, ValueNode } from '../types';
import { declareParameter } from './editParameter';
import type { CfnResource, CfnTemplate } from './template';
import type { SetSettingFix } from '../rules/support/rule';

/** The scalar at `range` in the resource and the key of the mapping entry that holds it (through lists). */
interface Located {
  readonly value: string;
  readonly range: OffsetRange;
  readonly key: string | undefined;
}

function locate(node: ValueNode | undefined, range: OffsetRange, key: string | undefined): Located | undefined {
  if (!node || node.range.start > range.start || node.range.end < range.end) return undefined;
  if (node.kind === 'scalar') return node.range.start === range.start && node.range.end === range.end && typeof node.value === 'string' ? { value: node.value, range: node.range, key } : undefined;
  if (node.kind === 'map') {
    for (const entry of node.entries) {
      const found = locate(entry.value, range, entry.key);
      if (found) return found;
    }
  }
  if (node.kind === 'seq') {
    for (const item of node.items) {
      const found = locate(item, range, key);
      if (found) return found;
    }
  }
  return undefined; // inside an intrinsic: the author's wiring
}

/** The fix for a plan with `flagged`, for the finding at `range`, or undefined where no edit is certain. */
export function writeFlaggedFix(text: string, template: CfnTemplate, resource: CfnResource, plan: SetSettingFix, range: OffsetRange): Fix | undefined {
  const flagged = plan.flagged;
  if (!flagged) return undefined;
  const found = locate(resource.node, range, undefined);
  if (!found || found.range.start < resource.range.start || found.range.end > resource.range.end || !flagged.matches(found.value)) return undefined;
  // The text at the range must be the value as written (not a value a merge key or alias brings from elsewhere).
  const written = text.slice(found.range.start, found.range.end).replace(/^["']|["']$/g, '');
  if (written !== found.value) return undefined;
  const json = template.format === 'json';
  if (flagged.kind === 'value') {
    // The original's quotes kept in YAML; a plain scalar stays plain when the new value needs no quotes.
    const quote = json ? '"' : /^["']/.test(text.slice(found.range.start, found.range.end)) ? text[found.range.start] : /^[A-Za-z][A-Za-z0-9._-]*$/.test(flagged.value) ? '' : '"';
    const body = quote === '"' ? JSON.stringify(flagged.value).slice(1, -1) : quote === "'" ? flagged.value.replace(/'/g, "''") : flagged.value;
    return { title: plan.title, edits: [{ range: found.range, newText: `${quote}${body}${quote}` }] };
  }
  if (flagged.kind === 'own-account' && flagged.scalar) {
    return { title: plan.title, edits: [{ range: found.range, newText: json ? '{ "Ref": "AWS::AccountId" }' : '!Ref AWS::AccountId' }] };
  }
  if (flagged.kind === 'own-account') {
    const sub = 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root';
    const account = json ? `{ "Fn::Sub": ${JSON.stringify(sub)} }` : `!Sub ${JSON.stringify(sub)}`;
    // `Principal: "*"` is everyone: the whole principal becomes `{ AWS: <account> }`; inside `AWS:` only the value.
    const newText = found.key === 'Principal' ? (json ? `{ "AWS": ${account} }` : `{ AWS: ${account} }`) : found.key === 'AWS' ? account : undefined;
    return newText === undefined ? undefined : { title: plan.title, edits: [{ range: found.range, newText }] };
  }
  const parameter = flagged.parameter(found.value, found.key);
  const reference = json ? `{ "Ref": ${JSON.stringify(parameter.name)} }` : `!Ref ${parameter.name}`;
  const edits = [{ range: found.range, newText: reference }];
  if (template.parameters.has(parameter.name)) return { title: plan.title, edits };
  const declaration = declareParameter(text, template, parameter);
  return declaration ? { title: plan.title, edits: [declaration, ...edits] } : undefined;
}
