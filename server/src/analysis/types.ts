// Core data types shared by every stage of the analysis. Positions are offsets into the document text;
// they become line/character only at the edges (see text.ts), so edits and caches stay cheap.
// The value tree embeds the HCL expression tree (ExpressionNode), whose type declarations sit in
// terraform/hcl/ast.ts; both build on offsets.ts, so neither imports the other's file back.
import type { OffsetRange, Problem, Severity } from './offsets';
import type { HclExpression } from './terraform/hcl/ast';

export type { OffsetRange, Problem, Severity };

export type FileKind = 'cloudformation' | 'terraform' | 'skipped';

// ---------------------------------------------------------------------------------------------------------------
// Value tree: what YAML and JSON parse into. Intrinsic functions are normalised to their long names.

export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  /** Range of the whole value, tag included. */
  readonly range: OffsetRange;
}

export interface ScalarNode extends NodeBase {
  readonly kind: 'scalar';
  readonly value: ScalarValue;
}

export interface MapEntry {
  readonly key: string;
  readonly keyRange: OffsetRange;
  /** Undefined while the value is still being typed (`Key:` with nothing after it). */
  readonly value: ValueNode | undefined;
}

export interface MapNode extends NodeBase {
  readonly kind: 'map';
  readonly entries: readonly MapEntry[];
  /**
   * Terraform `dynamic "x" { for_each = ...; iterator = it; content { ... } }`: this map is the content, written
   * with the iterator unbound; the resolver expands it into one block per element of for_each (none when empty).
   */
  readonly dynamic?: DynamicBlock;
}

export interface DynamicBlock {
  readonly forEach: HclExpression | undefined;
  /** The iterator's name: `iterator = x`, else the block's label. */
  readonly iterator: string;
  /** The block's label: the name of the nested blocks it generates. */
  readonly label: string;
}

export interface SeqNode extends NodeBase {
  readonly kind: 'seq';
  readonly items: readonly ValueNode[];
}

/** `!Ref X`, `{"Fn::GetAtt": [...]}` and friends. `name` is always the long form: `Ref`, `Fn::Sub`, `Condition`. */
export interface IntrinsicNode extends NodeBase {
  readonly kind: 'intrinsic';
  readonly name: string;
  /** Range of the tag (`!Sub`) or of the key (`"Fn::Sub"`). */
  readonly nameRange: OffsetRange;
  readonly argument: ValueNode;
}

/** A Terraform expression that is not a plain literal (a reference, a call, a conditional...): resolved lazily. */
export interface ExpressionNode extends NodeBase {
  readonly kind: 'expression';
  readonly expression: HclExpression;
}

export type ValueNode = ScalarNode | MapNode | SeqNode | IntrinsicNode | ExpressionNode;

/**
 * The stand-in for a value that cannot be read: a key under `!Ref P` or a scalar where a mapping (or a Terraform
 * block) is expected (made by resolution), or a value nested too deeply to be parsed (made by the parsers). Its
 * scalars are unknown, with the reason; a rule that only asks whether a key is present learns that it cannot
 * know. Shape: an intrinsic node named OPAQUE whose argument is a scalar holding the reason.
 */
export const OPAQUE = 'IacHints::ValueInside';

/** An OPAQUE node over `range` whose scalars are unknown because of `reason` ("X inside a Ref"). */
export function opaqueNode(range: OffsetRange, reason: string): IntrinsicNode {
  return { kind: 'intrinsic', name: OPAQUE, nameRange: range, range, argument: { kind: 'scalar', value: reason, range } };
}

/** Why a node stands for a value that cannot be read (see OPAQUE), or undefined for any other node. */
export function opaqueReason(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'intrinsic' && node.name === OPAQUE && node.argument.kind === 'scalar' ? String(node.argument.value) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Findings and what the layers above need to show them.

export interface ResourceRef {
  /** Logical id (CloudFormation) or address (Terraform: `aws_s3_bucket.logs`, `aws_s3_bucket.logs["a"]`). */
  readonly id: string;
  readonly type: string;
}

export interface TextEdit {
  readonly range: OffsetRange;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface RelatedLocation {
  readonly message: string;
  readonly range: OffsetRange;
  /** Path of another file, when the related place is not in the analysed file. */
  readonly file?: string;
}

export interface ToolReferences {
  readonly checkov: readonly string[];
  readonly fsbp: readonly string[];
  readonly trivy: readonly string[];
  readonly cfnNag: readonly string[];
}

export interface Finding {
  readonly ruleId: string;
  readonly responsibility: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: OffsetRange;
  readonly resource: ResourceRef;
  readonly references: ToolReferences;
  /** The rule's page, relative to the package root (`docs/rules/<rule-id>.md`; rules/support/references.ts). */
  readonly docsUrl: string;
  readonly related: readonly RelatedLocation[];
  /** Identifies the fix the rule can write for this finding; the edit is recomputed from the current text. */
  readonly fixId?: string;
  /**
   * The setting the rule judged, when it names one: property path under Properties (CloudFormation) or argument
   * path (Terraform), `[]` for list elements. With the rule and resource it identifies the finding across edits
   * (SARIF partialFingerprints, baselines).
   */
  readonly settingPath?: readonly string[];
}
