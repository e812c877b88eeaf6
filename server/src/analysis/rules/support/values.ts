// One value of a node, when it has one.
import type { ValueResolver } from '../../resolution';
import type { ValueNode } from '../../types';

/** The first value of a node, if it is known (as a string). */
export function single(node: ValueNode | undefined, resolver: ValueResolver): string | undefined {
  if (!node) return undefined;
  const resolved = resolver.scalars(node);
  return resolved.length > 0 && resolved[0].known ? String(resolved[0].value) : undefined;
}


/** The one known string a node resolves to (lower-cased), if it has exactly one. */
export function singleString(node: ValueNode | undefined, context: { readonly resolver: ValueResolver }): string | undefined {
  if (!node) return undefined;
  const resolved = context.resolver.scalars(node);
  return resolved.length === 1 && resolved[0].known ? String(resolved[0].value).toLowerCase() : undefined;
}
