// Links from a policy resource to what it governs (BucketPolicy.Bucket, QueuePolicy.Queues, TopicPolicy.Topics):
// which resources of the template a value names through Ref, Fn::GetAtt or Fn::Sub, or which literal names.
import type { CfnRuleContext } from '../../../cloudformation/context';
import type { CfnResource } from '../../../cloudformation/template';
import { mapEntry } from '../../../cloudformation/template';
import type { ValueNode } from '../../../types';
import { patternText } from './document';

export interface LinkTarget {
  /** Logical ids of the template's resources the value refers to. */
  readonly ids: readonly string[];
  /** Literal names (or ARNs/URLs) the value may resolve to. */
  readonly literals: readonly string[];
  /** Texts with `${...}` placeholders of values that are neither (Fn::Sub of parameters and pseudo parameters). */
  readonly patterns: readonly string[];
  /** True when part of the value cannot be tied to a resource or a literal (parameter without default, import...). */
  readonly unknown: boolean;
}

/** What a link value (or list of them) points at. */
export function linkTargets(node: ValueNode | undefined, context: CfnRuleContext): LinkTarget {
  const ids = new Set<string>();
  const literals = new Set<string>();
  const patterns = new Set<string>();
  let unknown = false;
  const visit = (value: ValueNode | undefined, via: readonly string[], depth: number): void => {
    if (!value || depth > 8) return;
    for (const candidate of context.resolver.expand({ node: value, via })) {
      const node = candidate.node;
      if (!node) continue;
      if (node.kind === 'seq') {
        for (const item of node.items) visit(item, candidate.via, depth + 1);
        continue;
      }
      const id = referencedResource(node, context);
      if (id) {
        ids.add(id);
        continue;
      }
      let known = false;
      for (const resolved of context.resolver.scalars(node, candidate.via)) {
        if (resolved.known) {
          literals.add(String(resolved.value));
          known = true;
        }
      }
      if (!known) {
        unknown = true;
        const pattern = patternText(node);
        if (pattern !== undefined) patterns.add(pattern);
      }
    }
  };
  visit(node, [], 0);
  return { ids: [...ids], literals: [...literals], patterns: [...patterns], unknown };
}

/** The resource a Ref, Fn::GetAtt or Fn::Sub (`${Bucket}`, `arn:...:${Bucket}`) names, if it names one. */
function referencedResource(node: ValueNode, context: CfnRuleContext): string | undefined {
  if (node.kind !== 'intrinsic') return undefined;
  const argument = node.argument;
  if (node.name === 'Ref' && argument.kind === 'scalar') {
    const target = String(argument.value);
    return context.template.resourcesById.has(target) ? target : undefined;
  }
  if (node.name === 'Fn::GetAtt') {
    const first = argument.kind === 'seq' ? argument.items[0] : argument;
    const target = first?.kind === 'scalar' ? String(first.value).split('.')[0] : undefined;
    return target && context.template.resourcesById.has(target) ? target : undefined;
  }
  if (node.name === 'Fn::Sub' || node.name === 'Fn::Join') {
    const text = patternText(node);
    if (!text) return undefined;
    for (const match of text.matchAll(/\$\{([^}.!]+)(?:\.[^}]*)?\}/g)) {
      if (context.template.resourcesById.has(match[1])) return match[1];
    }
  }
  return undefined;
}

/** True when the link names this resource: by logical id, or by a literal equal to its name property. */
export function linksTo(target: LinkTarget, resource: CfnResource, nameProperty: string, context: CfnRuleContext): boolean {
  if (target.ids.includes(resource.id)) return true;
  const nameNode = mapEntry(resource.properties, nameProperty);
  if (!nameNode) return false;
  const namePattern = patternText(nameNode);
  if (namePattern !== undefined && target.patterns.some((pattern) => pattern === namePattern || pattern.endsWith(`:${namePattern}`))) return true;
  if (target.literals.length === 0) return false;
  const names = context.resolver.scalars(nameNode).filter((resolved) => resolved.known).map((resolved) => String(resolved.value));
  return target.literals.some((literal) => names.some((name) => literal === name || literal.endsWith(`:${name}`) || literal.endsWith(`/${name}`)));
}

/** "ReportsBucket", "ReportsBucket and LogsBucket", "'my-bucket'": the targets in words. */
export function describeTargets(target: LinkTarget, noun: string): string {
  const names = [...target.ids, ...[...target.literals, ...target.patterns].map((text) => `'${text}'`)];
  if (names.length === 0) return `the ${noun} it is attached to`;
  if (names.length === 1) return `${noun} ${names[0]}`;
  return `${noun}s ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
