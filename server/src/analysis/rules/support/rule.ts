// The shape of a rule: metadata first, then one reader per format. The metadata is the single source for
// diagnostics, hovers, `iac-hints rules` and docs/rules.md.
import type { ScalarValue, Severity, ToolReferences } from '../../types';
import type { CfnRuleContext } from '../../cloudformation/context';
import type { CfnResource } from '../../cloudformation/template';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import type { RuleOutcome } from './outcome';

export interface AwsDefaultNote {
  /** What AWS does when the setting is absent. */
  readonly summary: string;
  /** ISO date or YYYY-MM the default began, when known. */
  readonly since?: string;
}

export interface RuleMeta {
  readonly id: string;
  /** Responsibility item id (see knowledge/items). */
  readonly item: string;
  readonly title: string;
  readonly severity: Severity;
  /** Why this is the customer's side of the model, in one or two sentences. */
  readonly rationale: string;
  readonly awsDefault?: AwsDefaultNote;
  readonly references: ToolReferences;
  /** The rule's page, relative to the package root: `docs/rules/<rule-id>.md` (support/references.ts docsUrl). */
  readonly docsUrl: string;
  readonly resourceTypes: {
    readonly cloudformation: readonly string[];
    readonly terraform: readonly string[];
  };
  /** Setting ids of the knowledge base this rule checks. */
  readonly settings?: readonly string[];
}

export interface CloudFormationReader {
  /** Examines one resource (of one of meta.resourceTypes.cloudformation) and says what it found. */
  check(resource: CfnResource, context: CfnRuleContext): RuleOutcome[];
}

export interface TerraformReader {
  /** Examines one resource instance (of one of meta.resourceTypes.terraform), seeing its whole module. */
  check(resource: TfResource, context: TfRuleContext): RuleOutcome[];
}

/**
 * Whether a fix may be applied without the author looking: `safe` neither replaces the resource on the next
 * deployment nor writes a value the author must fill; `replaces` may replace it (CloudFormation "Update requires:
 * Replacement", a Terraform argument that forces a new resource: data on the old one is lost or must be moved);
 * `placeholder` writes a parameter or variable the author must give a value. Only safe fixes are applied by
 * fix-all (`source.fixAll.iac-hints`) and the CLI's `--fix`.
 */
/**
 * `safe`: fix-all and `scan --fix` may apply it. `replaces`: the resource may be replaced on the next deployment.
 * `placeholder`: a value to fill in. `breaks`: clients or deployments that relied on the old behaviour may stop
 * working (set from the fix's note, fixNotes.ts): offered one at a time, never applied in bulk.
 */
export type FixSafety = 'safe' | 'replaces' | 'placeholder' | 'breaks';

/** A value the fix cannot know (a KMS key, a log bucket, a signing profile): the author gives it at deployment. */
export interface FixParameter {
  /** The new CloudFormation parameter's (PascalCase) or Terraform variable's (snake_case) name; reused when it exists. */
  readonly name: string;
  /** What to give, written into the parameter's or variable's Description. */
  readonly description: string;
  /** A secret: the parameter is `NoEcho: true`, the variable `sensitive = true` (the value still reaches the resource). */
  readonly noEcho?: true;
  /** A list (security group ids): the parameter's Type and the variable's type; `String` / `string` when absent. */
  readonly type?: { readonly cloudformation: string; readonly terraform: string };
}

/** One more value offered for the same finding as its own action (supported runtimes, engine versions). */
export interface FixChoice {
  readonly title: string;
  readonly value: ScalarValue;
  /** The Terraform action; none when absent. */
  readonly terraform?: { readonly title: string; readonly value: ScalarValue };
}

/**
 * What replaces the flagged value itself, the scalar at the finding's range (a `0.0.0.0/0` CidrIp inside an ingress
 * element, a `"*"` Principal inside a statement, a secret in an environment variable), written where the finding
 * is rather than at `path`. The edit is recomputed from the current text: the node at the finding's range must be a
 * literal in the resource's own text whose value `matches` accepts, else no fix. `parameter`: `!Ref <Name>` /
 * `var.<name>` (named from the value and the key that holds it), declared when absent. `own-account`: the template's own account, `!Sub
 * arn:${AWS::Partition}:iam::${AWS::AccountId}:root`, or in Terraform an existing `data.aws_caller_identity`'s
 * account_id, else `var.<variable>`; written as `{ AWS: ... }` where the flagged value is the whole Principal.
 */
export type FlaggedReplacement =
  /** `value`: a literal written in its place, as a string (YAML plain when the original was and the value allows). */
  | { readonly kind: 'value'; readonly matches: (value: string) => boolean; readonly value: string }
  | { readonly kind: 'parameter'; readonly matches: (value: string) => boolean; readonly parameter: (value: string, key: string | undefined) => FixParameter }
  | {
    readonly kind: 'own-account';
    readonly matches: (value: string) => boolean;
    readonly variable: FixParameter;
    /** The value is a principal of its own (a Lambda permission's Principal): the bare account id (`!Ref AWS::AccountId`). */
    readonly scalar?: true;
  };

/**
 * Instead of setting a value: a new resource written after the finding's resource, named after it and referring
 * to it (a bucket policy for a bucket). CloudFormation properties are plain data with intrinsics in their long
 * form (`{ Ref: id }`, `{ 'Fn::GetAtt': [id, 'Arn'] }`, `{ 'Fn::Sub': '${id.Arn}/*' }`), written in the file's format.
 */
export interface CompanionResource {
  /** Appended to the logical id (CloudFormation) and, in snake_case, to the resource name (Terraform). */
  readonly suffix: string;
  readonly type: string;
  readonly properties: (id: string) => Readonly<Record<string, unknown>>;
  readonly terraform?: {
    readonly type: string;
    /** The body's lines (without braces, unindented) for the resource at `address` (`aws_s3_bucket.logs`). */
    readonly body: (address: string) => readonly string[];
  };
}

/**
 * A structured value a fix writes, as plain data: scalars, lists and mappings. CloudFormation intrinsics are
 * written in their long form (`{ Ref: 'Name' }`, `{ 'Fn::GetAtt': [id, 'Arn'] }`, `{ 'Fn::Sub': '...' }`), which
 * YAML gets as short-form tags (`!Ref Name`). The string `$COMPANION` anywhere in a value stands for the logical id
 * of the fix's companion resource (CloudFormation) or its address `type.name` (Terraform).
 */
export type FixData = ScalarValue | readonly FixData[] | { readonly [key: string]: FixData };

/**
 * The same for HCL, where the provider schema decides the syntax: a plain mapping is a nested block, a list of
 * mappings repeated nested blocks, `{ $object: {...} }` an object attribute (`tags = { ... }`), a list of scalars a
 * list attribute, and `{ $hcl: 'var.x' }` an expression written as it is.
 */
export type HclData = ScalarValue | readonly HclData[] | { readonly $hcl: string } | { readonly $object: { readonly [key: string]: HclData } } | { readonly [key: string]: HclData };

/**
 * One step of a fix with several parts (CloudFormation paths under Properties, Terraform paths in the resource
 * block, nested block names then an argument):
 * - `set`: the value at `path` (parents created; a mapping value is merged into an existing mapping or block, a
 *   scalar or list replaces a literal; an intrinsic or expression already there is the author's: no fix);
 * - `each`: in every element of the list at `list` (CloudFormation list of mappings; Terraform repeated nested
 *   blocks), `set` the value at `path`, leaving elements that have it; `where` names a key an element must have
 *   (BlockDeviceMappings elements with `Ebs`); no fix beside a Terraform `dynamic` block of that name; with
 *   `create`, an absent list is created with those elements (CloudFormation);
 * - `append`: elements added to the list at `list` unless an equal one is there (log types); with `match`, an
 *   element is a mapping identified by that key (`Key` of LoadBalancerAttributes) or keys (`Namespace` and
 *   `OptionName` of Elastic Beanstalk OptionSettings): an element with the same `match` values gets the other
 *   keys set instead of a second element. The list is created when absent.
 */
export type FixOperation<Data = FixData> =
  | { readonly op: 'set'; readonly path: readonly string[]; readonly value: Data }
  | { readonly op: 'each'; readonly list: readonly string[]; readonly path: readonly string[]; readonly value: Data; readonly where?: string; readonly create?: readonly Data[] }
  | { readonly op: 'append'; readonly list: readonly string[]; readonly items: readonly Data[]; readonly match?: string | readonly string[] };

/** A fix says what to set; each format's writer decides how to write it in the file's own style. */
export interface SetSettingFix {
  readonly title: string;
  /** Safety of the CloudFormation fix (and of the Terraform one unless it says otherwise). */
  readonly safety: FixSafety;
  /** Property path under Properties (CloudFormation). */
  readonly path: readonly string[];
  readonly value: ScalarValue;
  /** Written instead of setting `path` (which is then empty): a companion resource. */
  readonly companion?: CompanionResource;
  /** Set instead of `value`: `!Ref` to a new template parameter (never an invented ARN); safety `placeholder`. */
  readonly parameter?: FixParameter;
  /** Written instead of setting `path` (which is then empty): the flagged value itself is replaced. */
  readonly flagged?: FlaggedReplacement;
  /** More values offered for the same finding, each its own action after this fix's (never applied in bulk unless safe). */
  readonly choices?: readonly FixChoice[];
  /**
   * Written instead of `path`/`value` (then `path: []`): several steps in one edit of the resource (with `companion`,
   * the companion is added too and the steps may refer to it as `$COMPANION`).
   */
  readonly operations?: readonly FixOperation[];
  /** Parameters the values refer to (`{ Ref: name }`), declared unless the template has them; safety `placeholder`. */
  readonly parameters?: readonly FixParameter[];
  readonly terraform?: {
    readonly title: string;
    /** Argument path (nested blocks by name) in the resource, or in a new split resource. */
    readonly path: readonly string[];
    readonly value: ScalarValue;
    /** The setting lives in a separate resource linked to this one (`aws_s3_bucket_versioning.bucket`). */
    readonly splitResource?: { readonly type: string; readonly link: string };
    /** Set instead of `value`: `var.<name>`, declaring the variable in the resource's file when the module has none. */
    readonly variable?: FixParameter;
    /** Written instead of `path`/`value` (then `path: []`), as `operations` above; `$COMPANION` is the companion's address. */
    readonly operations?: readonly FixOperation<HclData>[];
    /**
     * A companion resource for Terraform only (where the provider splits a setting into its own resource, such as
     * aws_api_gateway_method_settings or aws_redshift_logging, and CloudFormation sets it on the resource itself), added
     * after the resource; with `operations` they may refer to it as `$COMPANION`, without them it is the whole fix and
     * the `variables` its body names are declared after it unless the module has them.
     */
    readonly companion?: { readonly suffix: string } & NonNullable<CompanionResource['terraform']>;
    /** Variables the values refer to (`{ $hcl: 'var.name' }`), declared after the resource unless the module has them. */
    readonly variables?: readonly FixParameter[];
    /** When the Terraform change differs (an argument that forces replacement where CloudFormation updates in place). */
    readonly safety?: FixSafety;
  };
}

export interface Rule {
  readonly meta: RuleMeta;
  readonly cloudformation?: CloudFormationReader;
  readonly terraform?: TerraformReader;
  /** Fixes by fix id; a finding names one, and the edit is computed from the current document. */
  readonly fixes?: Readonly<Record<string, SetSettingFix>>;
}

/** What `iac-hints rules` and the docs show of a rule. */
export interface RuleInfo extends RuleMeta {
  readonly hasFix: boolean;
  /**
   * Per format the rule reads: whether a quick fix exists (`cloudformation` covers YAML and JSON templates, one
   * writer; `terraform` covers HCL, `.tf.json` gets none) and whether every fix for it is safe (see FixSafety).
   */
  readonly fixes: {
    readonly cloudformation?: { readonly hasFix: boolean; readonly safe: boolean };
    readonly terraform?: { readonly hasFix: boolean; readonly safe: boolean };
  };
  /** Why a format the rule reads has no fix (rules/fixGaps.ts). */
  readonly noFixReason?: string;
}
