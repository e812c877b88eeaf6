// Wrong-shaped values on a rule's path: a property that should be a mapping or a list written as `!Ref P`, a
// plain scalar, or (in Terraform) an unevaluated expression. Such a value cannot be read: the rule says
// "cannot be checked" instead of judging the parameter's text as the setting (a false alarm) or crashing.
import type { Candidate, ValueResolver } from '../../resolution';
import { describeVia, quote } from '../../resolution';
import type { MapNode, ValueNode } from '../../types';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';

export type ShapeResolver = ValueResolver & { expand(candidate: Candidate): Candidate[] };

/**
 * Why `path` (property or argument names; `[]` = a list's elements) cannot be followed from `start`, or
 * undefined when every step is a mapping or list (or absent). The value at the last segment is the setting
 * itself and is not checked. Terraform's repeated blocks (a list at a named step) are stepped into.
 */
export function wrongShape(resolver: ShapeResolver, start: ValueNode | undefined, path: readonly string[], repeatedBlocks = false): string | undefined {
  let current: Candidate[] = resolver.expand({ node: start, via: [] });
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    // The node examined holds `segment`: it is named by the path before it.
    const name = path.slice(0, index).filter((step) => step !== '[]').join('.') || 'the resource body';
    const next: Candidate[] = [];
    for (const candidate of current) {
      const node = candidate.node;
      if (node === undefined) continue;
      const items = node.kind === 'seq' && (segment === '[]' || repeatedBlocks) ? node.items.flatMap((item) => resolver.expand({ node: item, via: candidate.via })) : [candidate];
      for (const item of items) {
        const value = item.node;
        if (value === undefined) continue;
        if (index === path.length - 1 && segment !== '[]' && value.kind === 'map') continue;
        if (segment === '[]') {
          if (node.kind !== 'seq') return `${name} is ${describe(resolver, node, candidate.via)}, where a list is expected`;
          next.push(item);
          continue;
        }
        if (value.kind !== 'map') return `${name} is ${describe(resolver, value, item.via)}, where a mapping is expected`;
        next.push(...resolver.expand({ node: entry(value, segment), via: item.via }));
      }
    }
    current = next;
  }
  return undefined;
}

function entry(map: MapNode, key: string): ValueNode | undefined {
  return map.entries.find((candidate) => candidate.key === key)?.value;
}

function describe(resolver: ValueResolver, node: ValueNode, via: readonly string[]): string {
  if (node.kind === 'seq') return `a list${describeVia(via)}`;
  if (node.kind === 'map') return `a mapping${describeVia(via)}`;
  const values = resolver.scalars(node, via);
  const first = values[0];
  if (!first) return 'a value that cannot be read';
  return first.known ? `${quote(first.value)}${describeVia(first.via)}` : `${first.description}${describeVia(first.via)}`;
}

/**
 * A rule whose readers first check that the mappings and lists on their paths have the right shape; a
 * wrong-shaped value gives 'unknown' (cannot be checked) with the reason. Paths are dotted, `[]` for list elements.
 */
export function guardShapes(rule: Rule, paths: { readonly cloudformation?: readonly string[]; readonly terraform?: readonly string[] }): Rule {
  const split = (path: string) => path.split('.').flatMap((segment) => (segment.endsWith('[]') ? [segment.slice(0, -2), '[]'] : [segment]));
  const cfn = (paths.cloudformation ?? []).map(split);
  const tf = (paths.terraform ?? []).map(split);
  const unknown = (reason: string): RuleOutcome[] => [{ kind: 'unknown', reason }];
  const cloudformation = rule.cloudformation;
  const terraform = rule.terraform;
  return {
    ...rule,
    ...(cloudformation
      ? {
        cloudformation: {
          check(resource, context) {
            for (const path of cfn) {
              const reason = wrongShape(context.resolver, resource.properties, path);
              if (reason) return unknown(reason);
            }
            return cloudformation.check(resource, context);
          },
        },
      }
      : {}),
    ...(terraform
      ? {
        terraform: {
          check(resource, context) {
            for (const path of tf) {
              const reason = wrongShape(context.resolver, resource.body, path, true);
              if (reason) return unknown(reason);
            }
            return terraform.check(resource, context);
          },
        },
      }
      : {}),
  };
}
