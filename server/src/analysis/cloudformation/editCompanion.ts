// A fix that adds a resource after the finding's resource (a bucket policy for a bucket), named after it, in the
// file's format: YAML block style with short-form intrinsics (`!Ref`, `!GetAtt`, `!Sub`) at the resource's
// indentation, or JSON at the file's indentation (before the resource when it is the last one). No fix when a resource of that name exists or the layout is unusual.
import { lineBreakOf, lineStartAt } from '../text';
import type { Fix } from '../types';
import type { CfnResource, CfnTemplate } from './template';
import type { CompanionResource } from '../rules/support/rule';

export function writeCompanionFix(text: string, template: CfnTemplate, resource: CfnResource, companion: CompanionResource, title: string): Fix | undefined {
  const id = `${resource.id}${companion.suffix}`;
  if (template.resourcesById.has(id) || resource.loops) return undefined;
  const body = { Type: companion.type, Properties: companion.properties(resource.id) };
  const newline = lineBreakOf(text);
  const idStart = lineStartAt(text, resource.idRange.start);
  const indent = text.slice(idStart, resource.idRange.start);
  const first = resource.node.entries[0];
  if (!first) return undefined;
  const childIndent = text.slice(lineStartAt(text, first.keyRange.start), first.keyRange.start);
  if (template.format === 'json') {
    if (!/^\s*$/.test(indent) || !/^\s*$/.test(childIndent) || childIndent.length <= indent.length) return undefined;
    const step = childIndent.slice(indent.length);
    const json = JSON.stringify(body, null, step).split('\n').map((line, index) => (index === 0 ? line : indent + line)).join(newline);
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
  const lines = [`${indent}${id}:`, ...yamlLines(body, indent + step, step)];
  return { title, edits: [{ range: { start: at, end: at }, newText: lead + lines.join(newline) + newline }] };
}

const SHORT: Record<string, string> = { Ref: '!Ref', 'Fn::GetAtt': '!GetAtt', 'Fn::Sub': '!Sub' };

/** A scalar or short-form intrinsic on one line, or undefined for a collection. */
function inline(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return yamlScalar(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1 && SHORT[entries[0][0]]) {
    const [name, argument] = entries[0];
    if (name === 'Fn::GetAtt' && Array.isArray(argument)) return `!GetAtt ${argument.join('.')}`;
    if (typeof argument === 'string') return `${SHORT[name]} ${yamlScalar(argument)}`;
  }
  return entries.length === 0 ? '{}' : undefined;
}

function yamlLines(value: unknown, indent: string, step: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const one = inline(item);
      if (one !== undefined) return [`${indent}- ${one}`];
      const [head, ...rest] = yamlLines(item, `${indent}  `, step);
      return [`${indent}- ${head.trimStart()}`, ...rest];
    });
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
    const one = inline(item);
    const name = yamlScalar(key);
    return one !== undefined ? [`${indent}${name}: ${one}`] : [`${indent}${name}:`, ...yamlLines(item, indent + step, step)];
  });
}

function yamlScalar(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  return /^[A-Za-z][\w./:-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value) ? value : JSON.stringify(value);
}
