// Terraform expressions evaluated by the resolver as plain values, for the function and expression tables.
import assert from 'node:assert/strict';
import type { Plain } from '../../../server/src/analysis/terraform/functions';
import { buildModule, parseTerraformFile } from '../../../server/src/analysis/terraform/module';
import { TfResolver } from '../../../server/src/analysis/terraform/resolve';
import type { ValueNode } from '../../../server/src/analysis/types';

export type { Plain };

/** What a table row expects when the value cannot be known (an unknown input, or an error outside try/can). */
export const UNKNOWN = Symbol('unknown');

/** The resolved node as a plain value: null when absent, UNKNOWN when some part cannot be known. */
export function plain(node: ValueNode | undefined, resolver: TfResolver): Plain | typeof UNKNOWN {
  if (node === undefined) return null;
  const expanded = resolver.expand({ node, via: [] });
  if (expanded.length !== 1) return UNKNOWN;
  const value = expanded[0].node;
  if (value === undefined) return null;
  if (value.kind === 'scalar') return value.value;
  if (value.kind === 'expression') {
    // A call kept as written (jsonencode): its scalar, where one is needed.
    const scalars = resolver.scalars(value);
    return scalars.length === 1 && scalars[0].known ? scalars[0].value : UNKNOWN;
  }
  if (value.kind === 'seq') {
    const items = value.items.map((item) => plain(item, resolver));
    return items.includes(UNKNOWN) ? UNKNOWN : (items as Plain[]);
  }
  if (value.kind === 'map') {
    const object: { [key: string]: Plain } = {};
    for (const entry of value.entries) {
      const item = plain(entry.value, resolver);
      if (item === UNKNOWN) return UNKNOWN;
      object[entry.key] = item;
    }
    return object;
  }
  return UNKNOWN;
}

/**
 * The value of `local.x = expression` in a module with `variables` (variable blocks) and `locals` (more
 * `name = value` lines of the same locals block, each ending with a line break).
 */
export function localValue(expression: string, variables: string, locals: string): Plain | typeof UNKNOWN {
  const text = `${variables}locals {\n${locals}  x = ${expression}\n}\n`;
  const module = buildModule('.', [parseTerraformFile('main.tf', text)]);
  const local = module.locals.get('x');
  assert.ok(local, expression);
  return plain({ kind: 'expression', expression: local.expression, range: local.expression.range }, new TfResolver(module));
}
