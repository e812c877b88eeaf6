// A fix that adds a resource after the finding's resource (a bucket policy for a bucket), named after it, in the
// file's format: YAML block style with short-form intrinsics (`!Ref`, `!GetAtt`, `!Sub`) at the resource's
// indentation, or JSON at the file's indentation (before the resource when it is the last one). No fix when a resource of that name exists or the layout is unusual.
import { lineBreakOf, lineStartAt } from '../text';
import type { Fix } from '../types';
import type { CfnResource, CfnTemplate } from './template';
import type { CompanionResource, FixData } from '../rules/support/rule';
import { jsonText, yamlValueLines } from './editValue';

export function writeCompanionFix(text: string, template: CfnTemplate, resource: CfnResource, companion: CompanionResource, title: string): Fix | undefined {
  const id = `${resource.id}${companion.suffix}`;
  if (template.resourcesById.has(id) || resource.loops) return undefined;
  const body: FixData = { Type: companion.type, Properties: companion.properties(resource.id) as FixData };
  const newline = lineBreakOf(text);
  const idStart = lineStartAt(text, resource.idRange.start);
  const indent = text.slice(idStart, resource.idRange.start);
  const first = resource.node.entries[0];
  if (!first) return undefined;
  const childIndent = text.slice(lineStartAt(text, first.keyRange.start), first.keyRange.start);
  if (template.format === 'json') {
    if (!/^\s*$/.test(indent) || !/^\s*$/.test(childIndent) || childIndent.length <= indent.length) return undefined;
    const step = childIndent.slice(indent.length);
    const json = jsonText(body, indent, step, newline);
    const end = resource.range.end;
    if (text[end - 1] !== '}') return undefined;
    const member = `${indent}${JSON.stringify(id)}: ${json},${newline}`;
    // Whole lines only: after the resource when a comma ends its line (another resource follows), else before it
    // (the last resource: the new one takes the comma, and the order of resources means nothing to CloudFormation).
    const rest = /^[ \t]*,[ \t]*(\r?\n)/.exec(text.slice(end));
    const at = rest ? end + rest[0].length : idStart;
    return { title, edits: [{ range: { start: at, end: at }, newText: member }] };
  }
  if (!/^ *$/.test(indent) || !/^ *$/.test(childIndent) || childIndent.length <= indent.length) return undefined;
  const step = childIndent.slice(indent.length);
  // After the resource's last line: the start of the next line (a newline added at the end of the file).
  const lineEnd = text.indexOf('\n', resource.range.end);
  const at = lineEnd < 0 ? text.length : lineEnd + 1;
  const lead = lineEnd < 0 ? newline : '';
  const lines = [`${indent}${id}:`, ...yamlValueLines(body, indent + step, step)];
  return { title, edits: [{ range: { start: at, end: at }, newText: lead + lines.join(newline) + newline }] };
}
