// How one resource's value points at another: Ref, Fn::GetAtt and ${Id} in Fn::Sub.
import type { ValueNode } from '../types';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when `node` itself is `Ref <id>`, `Fn::GetAtt <id>.<attribute>` or an `Fn::Sub` naming `${<id>}`. */
export function refersTo(node: ValueNode | undefined, id: string): boolean {
  if (node?.kind !== 'intrinsic') return false;
  const argument = node.argument;
  if (node.name === 'Ref') return argument.kind === 'scalar' && argument.value === id;
  if (node.name === 'Fn::GetAtt') {
    if (argument.kind === 'seq') return argument.items[0]?.kind === 'scalar' && argument.items[0].value === id;
    return argument.kind === 'scalar' && String(argument.value).split('.')[0] === id;
  }
  if (node.name === 'Fn::Sub') {
    const text = argument.kind === 'seq' ? argument.items[0] : argument;
    return text?.kind === 'scalar' && new RegExp(`\\$\\{${escape(id)}[.}]`).test(String(text.value));
  }
  return false;
}

/** True when `node` refers to the logical id anywhere inside it (through Join, If, Select...). */
export function mentions(node: ValueNode | undefined, id: string): boolean {
  if (!node) return false;
  switch (node.kind) {
    case 'scalar':
    case 'expression':
      return false;
    case 'seq':
      return node.items.some((item) => mentions(item, id));
    case 'map':
      return node.entries.some((entry) => mentions(entry.value, id));
    case 'intrinsic':
      return refersTo(node, id) || mentions(node.argument, id);
  }
}
