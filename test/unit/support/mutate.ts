// Text mutations for the generated rule tests: replace one property (CloudFormation) or one argument or nested
// block (Terraform) of a resource by a value of another shape, or put it under an undecided condition. Every
// mutation works on the source text through the parsers' offsets, so the rest of the file stays byte for byte.
import { parseTemplateText } from '../../../server/src/analysis/cloudformation/parse';
import { parseHcl } from '../../../server/src/analysis/terraform/hcl';
import type { HclBlock, HclBody } from '../../../server/src/analysis/terraform/hcl';
import type { MapEntry, MapNode, ValueNode } from '../../../server/src/analysis/types';

/** A property of a CloudFormation resource: its path under Properties and the entry in the value tree. */
export interface PropertySite {
  readonly resourceId: string;
  readonly type: string;
  readonly path: readonly string[];
  readonly entry: MapEntry & { readonly value: ValueNode };
}

/** Every property (nested maps and list elements included, up to `depth`) of every resource of a YAML template. */
export function propertySites(text: string, depth = 4): PropertySite[] {
  const parsed = parseTemplateText('t.yaml', text);
  const root = parsed.root;
  if (root?.kind !== 'map') return [];
  const resources = root.entries.find((entry) => entry.key === 'Resources')?.value;
  if (resources?.kind !== 'map') return [];
  const sites: PropertySite[] = [];
  for (const resource of resources.entries) {
    if (resource.value?.kind !== 'map') continue;
    const typeNode = resource.value.entries.find((entry) => entry.key === 'Type')?.value;
    const properties = resource.value.entries.find((entry) => entry.key === 'Properties')?.value;
    if (typeNode?.kind !== 'scalar' || properties?.kind !== 'map') continue;
    const visit = (map: MapNode, path: readonly string[]) => {
      for (const entry of map.entries) {
        if (!entry.value) continue;
        const here = [...path, entry.key];
        sites.push({ resourceId: resource.key, type: String(typeNode.value), path: here, entry: entry as PropertySite['entry'] });
        if (here.length >= depth) continue;
        if (entry.value.kind === 'map') visit(entry.value, here);
        if (entry.value.kind === 'seq') for (const item of entry.value.items) if (item.kind === 'map') visit(item, [...here, '[]']);
      }
    };
    visit(properties, []);
  }
  return sites;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The value's source text, re-indented so that it can sit at `column` as a block item. */
function reindent(text: string, node: ValueNode, column: number): string {
  const source = text.slice(node.range.start, node.range.end).replace(/\s+$/, '');
  // A value that starts on its key's line (`Key: !If` then its items below) is indented by its continuation
  // lines, not by where it starts: the least indented line goes to `column`.
  const indents = source.split('\n').slice(1).filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const shift = column - Math.min(columnOf(text, node.range.start), ...indents);
  return source.split('\n').map((line, index) => {
    if (index === 0 || line.trim() === '') return line;
    return shift >= 0 ? ' '.repeat(shift) + line : line.replace(new RegExp(`^ {0,${-shift}}`), '');
  }).join('\n');
}

/** Replaces a property's value (the entry keeps its key) with `value`, written after `Key: `. */
export function replaceProperty(text: string, site: PropertySite, value: string): string {
  const { entry } = site;
  const end = entry.value.range.start + text.slice(entry.value.range.start, entry.value.range.end).replace(/\s+$/, '').length;
  return `${text.slice(0, entry.keyRange.start)}${entry.key}: ${value}${text.slice(end)}`;
}

/** `Key: !If [Condition, a, b]` in block form, where a and b are source texts (or `!Ref AWS::NoValue`). */
export function conditionalProperty(text: string, site: PropertySite, condition: string, whenTrue: ValueNode | 'absent', sourceOfTrue: string, whenFalse: ValueNode | 'absent', sourceOfFalse: string): string {
  const column = columnOf(text, site.entry.keyRange.start) + 2;
  const branch = (node: ValueNode | 'absent', source: string) => (node === 'absent' ? '!Ref AWS::NoValue' : reindent(source, node, column + 2));
  const value = `!If\n${' '.repeat(column)}- ${condition}\n${' '.repeat(column)}- ${branch(whenTrue, sourceOfTrue)}\n${' '.repeat(column)}- ${branch(whenFalse, sourceOfFalse)}`;
  return replaceProperty(text, site, value);
}

/**
 * Adds a parameter and a condition on it that no default decides (the parameter has no Default), merging
 * into existing Parameters / Conditions sections.
 */
export function withUndecidedCondition(text: string, parameter: string, condition: string): string {
  let result = addToSection(text, 'Parameters', `${parameter}:\n    Type: String`);
  result = addToSection(result, 'Conditions', `${condition}: !Equals [!Ref ${parameter}, "yes"]`);
  return result;
}

function addToSection(text: string, section: string, entry: string): string {
  const match = new RegExp(`^${section}:[ \\t]*(\\r?\\n)`, 'm').exec(text);
  if (!match) return `${text.replace(/\s*$/, '\n')}${section}:\n  ${entry}\n`;
  const at = match.index + match[0].length;
  const indent = /^([ \t]+)\S/.exec(text.slice(at))?.[1] ?? '  ';
  const body = entry.split('\n').map((line, index) => (index === 0 ? indent + line : indent + line.replace(/^ {2}/, ''))).join('\n');
  return `${text.slice(0, at)}${body}\n${text.slice(at)}`;
}

/** A Terraform argument or nested block of a resource block, by path. */
export interface TerraformSite {
  readonly address: string;
  readonly path: readonly string[];
  readonly kind: 'attribute' | 'block';
  /** The text to replace: `name = expr` or `name { ... }`. */
  readonly range: { readonly start: number; readonly end: number };
  readonly name: string;
}

export function terraformSites(text: string, depth = 3): TerraformSite[] {
  const file = parseHcl(text);
  const sites: TerraformSite[] = [];
  for (const block of file.body.blocks) {
    if (block.type !== 'resource' || block.labels.length < 2) continue;
    const address = `${block.labels[0].value}.${block.labels[1].value}`;
    const visit = (body: HclBody, path: readonly string[]) => {
      for (const attribute of body.attributes) {
        sites.push({ address, path: [...path, attribute.name], kind: 'attribute', range: attribute.range, name: attribute.name });
      }
      for (const nested of body.blocks as HclBlock[]) {
        if (nested.type === 'dynamic' || nested.type === 'lifecycle') continue;
        const here = [...path, nested.type];
        sites.push({ address, path: here, kind: 'block', range: nested.range, name: nested.type });
        if (here.length < depth) visit(nested.body, here);
      }
    };
    visit(block.body, []);
  }
  return sites;
}

/** Replaces an argument or a nested block with `name = value`. */
export function replaceTerraform(text: string, site: TerraformSite, value: string): string {
  return `${text.slice(0, site.range.start)}${site.name} = ${value}${text.slice(site.range.end)}`;
}
