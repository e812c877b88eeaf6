// The syntax model shared by the native (.tf) and JSON (.tf.json) readers. Every node carries a half-open
// offset range into the text it came from; nothing here refers to lines or columns.
import type { OffsetRange, Problem } from '../../offsets';

export interface HclFile {
  readonly body: HclBody;
  readonly problems: Problem[];
}

export interface HclBody {
  readonly attributes: HclAttribute[];
  readonly blocks: HclBlock[];
  /** The whole file, or the text between a block's braces. */
  readonly range: OffsetRange;
}

export interface HclAttribute {
  readonly name: string;
  readonly nameRange: OffsetRange;
  readonly expression: HclExpression;
  /** From the name to the end of the expression. */
  readonly range: OffsetRange;
}

export interface HclLabel {
  readonly value: string;
  /** Range of the label as written, quotes included. */
  readonly range: OffsetRange;
}

export interface HclBlock {
  readonly type: string;
  readonly typeRange: OffsetRange;
  readonly labels: HclLabel[];
  readonly body: HclBody;
  /** From the type to just after the closing brace (or to where the body stopped when it is missing). */
  readonly range: OffsetRange;
  /** Offset just after `{`: insert text here to put it first in the body. */
  readonly openBrace: number;
  /** Offset of `}` (just before it): insert text here to put it last in the body. */
  readonly closeBrace: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions

interface ExprBase {
  readonly range: OffsetRange;
}

export type LiteralScalar = string | number | boolean | null;

export interface LiteralExpr extends ExprBase {
  readonly kind: 'literal';
  readonly value: LiteralScalar;
}

/** Literal text of a template, with escapes decoded (and heredoc indentation / strip markers applied). */
export interface TemplateText {
  readonly kind: 'text';
  readonly value: string;
  readonly range: OffsetRange;
}

/** `${ expression }`; `range` covers `${` to `}`. */
export interface TemplateInterpolation {
  readonly kind: 'interpolation';
  readonly expression: HclExpression;
  readonly range: OffsetRange;
}

/** `%{ if cond }...%{ else }...%{ endif }` */
export interface TemplateIf {
  readonly kind: 'if';
  readonly condition: HclExpression;
  readonly then: TemplatePart[];
  readonly else: TemplatePart[] | undefined;
  readonly range: OffsetRange;
}

/** `%{ for k, v in coll }...%{ endfor }` */
export interface TemplateFor {
  readonly kind: 'for';
  readonly keyVar: string | undefined;
  readonly valueVar: string;
  readonly collection: HclExpression;
  readonly body: TemplatePart[];
  readonly range: OffsetRange;
}

export type TemplatePart = TemplateText | TemplateInterpolation | TemplateIf | TemplateFor;

export interface HeredocInfo {
  readonly marker: string;
  /** `<<-EOF`: common leading whitespace is removed from the text values. */
  readonly stripIndent: boolean;
}

/** A quoted string or a heredoc. */
export interface TemplateExpr extends ExprBase {
  readonly kind: 'template';
  readonly parts: TemplatePart[];
  /** The string when the template has no interpolation or directive, else undefined. */
  readonly value: string | undefined;
  readonly heredoc: HeredocInfo | undefined;
}

export interface TupleExpr extends ExprBase {
  readonly kind: 'tuple';
  readonly items: HclExpression[];
}

export interface ObjectItem {
  /** A bare identifier key becomes a string literal; `(expr)` and quoted keys are kept as written. */
  readonly key: HclExpression;
  /** The key as a string when it is literal (identifier or plain quoted string), else undefined. */
  readonly keyName: string | undefined;
  readonly keyRange: OffsetRange;
  readonly value: HclExpression;
  /** `=` or `:` */
  readonly separator: '=' | ':';
  readonly range: OffsetRange;
}

export interface ObjectExpr extends ExprBase {
  readonly kind: 'object';
  readonly items: ObjectItem[];
}

export interface AttrStep {
  readonly kind: 'attr';
  readonly name: string;
  readonly range: OffsetRange;
}

/** `[key]`, or the legacy `.0` form (then `key` is a number literal). */
export interface IndexStep {
  readonly kind: 'index';
  readonly key: HclExpression;
  readonly range: OffsetRange;
}

/** `[*]` (full) or `.*` (attribute-only, legacy). */
export interface SplatStep {
  readonly kind: 'splat';
  readonly style: 'full' | 'attr';
  readonly range: OffsetRange;
}

export type TraversalStep = AttrStep | IndexStep | SplatStep;

/** A reference: `var.name`, `aws_s3_bucket.logs.id`, `aws_instance.web[0].id`, `each.key`, `x[*].id`. */
export interface TraversalExpr extends ExprBase {
  readonly kind: 'traversal';
  readonly root: string;
  readonly rootRange: OffsetRange;
  readonly steps: TraversalStep[];
}

/** `name(args)`, `provider::aws::arn_parse(x)` (then `name` is the whole `provider::aws::arn_parse`). */
export interface CallExpr extends ExprBase {
  readonly kind: 'call';
  readonly name: string;
  readonly nameRange: OffsetRange;
  readonly args: HclExpression[];
  /** `f(list...)`: the last argument is expanded. */
  readonly expandFinal: boolean;
}

export interface ConditionalExpr extends ExprBase {
  readonly kind: 'conditional';
  readonly condition: HclExpression;
  readonly trueResult: HclExpression;
  readonly falseResult: HclExpression;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpr extends ExprBase {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly operatorRange: OffsetRange;
  readonly left: HclExpression;
  readonly right: HclExpression;
}

export interface UnaryExpr extends ExprBase {
  readonly kind: 'unary';
  readonly operator: '!' | '-';
  readonly operand: HclExpression;
}

export interface ParensExpr extends ExprBase {
  readonly kind: 'parens';
  readonly expression: HclExpression;
}

export interface ForVariable {
  readonly name: string;
  readonly range: OffsetRange;
}

/** `[for v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}` */
export interface ForExpr extends ExprBase {
  readonly kind: 'for';
  readonly isObject: boolean;
  readonly keyVar: ForVariable | undefined;
  readonly valueVar: ForVariable;
  readonly collection: HclExpression;
  /** Only for the object form. */
  readonly key: HclExpression | undefined;
  readonly value: HclExpression;
  readonly condition: HclExpression | undefined;
  /** `...` after the value (object form): group values by key. */
  readonly grouping: boolean;
}

/** Index on something that is not a plain reference: `f(x)[0]`, `[1, 2][0]`. */
export interface IndexExpr extends ExprBase {
  readonly kind: 'index';
  readonly collection: HclExpression;
  readonly key: HclExpression;
}

/** Attribute access on something that is not a plain reference: `f(x).id`, `(a).b`. */
export interface GetAttrExpr extends ExprBase {
  readonly kind: 'getattr';
  readonly object: HclExpression;
  readonly name: string;
  readonly nameRange: OffsetRange;
}

/** Splat on something that is not a plain reference: `f(x)[*]`; later `.id` steps become getattr on it. */
export interface SplatExpr extends ExprBase {
  readonly kind: 'splat';
  readonly source: HclExpression;
  readonly style: 'full' | 'attr';
}

/** What could not be parsed; a problem was reported for it. */
export interface InvalidExpr extends ExprBase {
  readonly kind: 'invalid';
}

export type HclExpression =
  | LiteralExpr
  | TemplateExpr
  | TupleExpr
  | ObjectExpr
  | TraversalExpr
  | CallExpr
  | ConditionalExpr
  | BinaryExpr
  | UnaryExpr
  | ParensExpr
  | ForExpr
  | IndexExpr
  | GetAttrExpr
  | SplatExpr
  | InvalidExpr;
