// The format-neutral face of resolution: CloudFormation (parameters, conditions) and Terraform (variables,
// locals, tfvars) each implement it, so setting rules judge values the same way in both formats.
import { OPAQUE, opaqueNode, opaqueReason } from './types';
import type { ScalarValue, ValueNode } from './types';

export { OPAQUE, opaqueReason };

/** One way a path may turn out: the node found there (undefined = absent) and how we got there. */
export interface Candidate {
  readonly node: ValueNode | undefined;
  readonly via: readonly string[];
}

export interface ParameterChoice {
  /** The parameter (CloudFormation) or variable (Terraform) the value came from. */
  readonly parameter: string;
  /** True when this value is the default (or the value set for this deployment, e.g. in tfvars). */
  readonly isDefault: boolean;
}

export type Resolved =
  | { readonly known: true; readonly value: ScalarValue; readonly via: readonly string[]; readonly fromParameter?: ParameterChoice }
  | {
    readonly known: false; readonly description: string; readonly via: readonly string[];
    /**
     * The text the value certainly ends with, when only its start cannot be known: the literal tail of a string
     * template (Fn::Sub, a Terraform "${...}" template) after its last part that cannot be known. Absent otherwise.
     */
    readonly suffix?: string;
  };

export interface ValueResolver {
  /** Follows a path of keys (`[]` = every list element) from `start`, opening conditionals on the way. */
  lookup(start: ValueNode | undefined, path: readonly string[], via?: readonly string[]): Candidate[];
  /** Every scalar value a node may take, with provenance. */
  scalars(node: ValueNode, via?: readonly string[]): Resolved[];
}

export function quote(value: ScalarValue): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** "StorageEncrypted is false (Ref EncryptDatabase, default 'false')": the provenance in parentheses. */
export function describeVia(via: readonly string[]): string {
  return via.length > 0 ? ` (${via.join('; ')})` : '';
}

/** False when two provenances take opposite branches of one condition (they cannot hold together). */
export function compatible(a: readonly string[], b: readonly string[]): boolean {
  const sides = (via: readonly string[]) => via.map(branchOf).filter((step): step is string => step !== undefined);
  const theirs = new Set(sides(b));
  return !sides(a).some((step) => theirs.has(step.startsWith('if ') ? `unless ${step.slice(3)}` : `if ${step.slice(7)}`));
}

/** `if X` / `unless X` for a step that takes one branch of condition X (also the one the parameter defaults take). */
function branchOf(step: string): string | undefined {
  if (step.startsWith('if ') || step.startsWith('unless ')) return step;
  const decided = /^condition (.+) is (true|false) with the parameter defaults$/.exec(step);
  return decided ? `${decided[2] === 'true' ? 'if' : 'unless'} ${decided[1]}` : undefined;
}

/** A step of provenance that means "only on one branch of an undecided condition". */
export function isConditionalStep(step: string): boolean {
  return step.startsWith('if ') || step.startsWith('unless ');
}

/** The stand-in `lookup` returns when a path goes on inside a value it cannot open (see OPAQUE in types.ts). */
export function opaque(container: ValueNode, key: string, what: string): ValueNode {
  return opaqueNode(container.range, `${key} inside ${what}`);
}
