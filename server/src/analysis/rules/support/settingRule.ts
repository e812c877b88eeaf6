// Declarative rules for the common case: one setting of the knowledge base, one predicate. The metadata
// (item, title, severity, references, AWS default) comes from the knowledge base; the spec adds only what
// the knowledge cannot say: how to judge a value, what the gap means in words, and the fix.
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import { terraformSettingReader } from './terraformSetting';
import { getDefault, getItem, getSetting } from '../../knowledge';
import type { Setting } from '../../knowledge';
import type { ScalarValue, Severity } from '../../types';
import type { RuleOutcome } from './outcome';
import { docsUrl } from './references';
import type { FixParameter, FixSafety, Rule, SetSettingFix } from './rule';
import type { AbsentMeaning } from './setting';
import { checkSetting } from './setting';

export type Compliance =
  | { readonly equals: ScalarValue }
  | { readonly oneOf: readonly ScalarValue[] }
  | { readonly noneOf: readonly ScalarValue[] }
  | { readonly atLeast: number }
  | { readonly atMost: number }
  | { readonly matches: RegExp }
  | { readonly present: true }
  /** A judgement no simpler form expresses; `describe` says what passes, for the docs. */
  | {
    readonly satisfies: (value: ScalarValue) => boolean; readonly describe: string;
    /** See SettingCheck.judgeSuffix: the judgement of a template's literal tail, where it alone decides. */
    readonly judgeSuffix?: (suffix: string) => boolean | undefined;
  };

export interface SettingRuleSpec {
  /** Knowledge-base setting id; also the rule id unless `id` is given. */
  readonly setting: string;
  readonly id?: string;
  /** Overrides the severity derived from the knowledge base. */
  readonly severity?: Severity;
  readonly cloudformation: {
    /** Defaults to the setting's CloudFormation type. */
    readonly types?: readonly string[];
    /** Property path under Properties (`A.B[].C`); defaults to the setting's path. */
    readonly path?: string;
    readonly compliant: Compliance;
    /** What an absent setting means; defaults to the knowledge base's reading. */
    readonly absent?: 'missed' | 'aws-default' | 'compliant' | 'not-applicable';
    /** Completes "<Setting> is <value>: ..." (and "<Setting> is not set: ..."). */
    readonly consequence: string;
    /** Message for an absent setting, when it differs from `consequence`. */
    readonly whenMissing?: string;
    /**
     * Returns why the rule does not apply to this resource (not-applicable), the outcomes to give instead of
     * the setting's judgement (e.g. addressed by another setting, or unknown), or undefined when it applies.
     */
    readonly skip?: (resource: CfnResource, context: CfnRuleContext) => string | RuleOutcome[] | undefined;
    /** Severity when the setting is absent (less certain than an explicit bad value). */
    readonly missingSeverity?: Severity;
    /** Value written by the quick fix (paths without `[]` only). */
    readonly fix?: ScalarValue;
    /** Whether writing `fix` may replace the resource (see FixSafety); safe unless said. */
    readonly fixSafety?: FixSafety;
    /**
     * Where no value can be known (a key, a bucket, a signing configuration): the fix sets the property to a new
     * parameter the author fills (placeholder); Terraform gets a variable named in snake_case unless
     * terraform.fixVariable names it.
     */
    readonly fixParameter?: FixParameter;
  };
  /**
   * The Terraform reading: by default the knowledge base's argument path (and split resource, and deprecated
   * inline form) judged with the CloudFormation predicate and words. `false` where the provider cannot
   * express the setting the same way.
   */
  readonly terraform?: false | {
    readonly path?: string;
    readonly compliant?: Compliance;
    readonly consequence?: string;
    readonly whenMissing?: string;
    readonly absent?: 'missed' | 'aws-default' | 'compliant' | 'not-applicable';
    /** What an absent argument means in Terraform's words (a provider default may differ from the API's). */
    readonly absentDetail?: string;
    /** As cloudformation.skip; `null` says the CloudFormation skip has no Terraform counterpart, on purpose. */
    readonly skip?: ((resource: TfResource, context: TfRuleContext) => string | RuleOutcome[] | undefined) | null;
    readonly fix?: ScalarValue;
    /** When the Terraform argument forces replacement where the CloudFormation property does not, or the reverse. */
    readonly fixSafety?: FixSafety;
    readonly fixVariable?: FixParameter;
  };
}

/** Items where a gap exposes data or access today: their high and critical settings are errors. */
const EXPOSING_ITEMS = new Set(['public-access', 'network-exposure', 'secrets-management']);

export function severityFor(setting: Setting): Severity {
  if (setting.severity === 'critical' || setting.severity === 'high') return EXPOSING_ITEMS.has(setting.item) ? 'error' : 'warning';
  return setting.severity === 'medium' ? 'warning' : 'info';
}

/**
 * Where a rule's Terraform reading silently reuses its CloudFormation reading (enum spellings, words naming
 * CloudFormation properties, a CloudFormation-only `skip`): the vocabulary differs often enough that the spec
 * must say so explicitly. Checked by a test; empty for every rule. Kept here: each Terraform-reading spec by
 * rule id, with its CloudFormation path.
 */
const terraformReadings = new Map<string, { spec: SettingRuleSpec; path: readonly string[] }[]>();

/**
 * The gaps found in the setting rule with this id (none for other rules). Worked out here, not when the rule is
 * made: only a test asks, and the regular expressions would cost every run of the CLI.
 */
export function terraformVocabularyGaps(ruleId: string): readonly string[] {
  return [...new Set((terraformReadings.get(ruleId) ?? []).flatMap(({ spec, path }) => vocabularyGaps(spec, path)))];
}

function vocabularyGaps(spec: SettingRuleSpec, cfnPath: readonly string[]): string[] {
  const tf = spec.terraform;
  if (tf === false) return [];
  const gaps: string[] = [];
  const compliance = spec.cloudformation.compliant;
  const values = 'equals' in compliance ? [compliance.equals] : 'oneOf' in compliance ? compliance.oneOf : 'noneOf' in compliance ? compliance.noneOf : [];
  const enumLike = values.some((value) => typeof value === 'string' && !/^(true|false|-?\d+)$/i.test(value));
  if (tf?.compliant === undefined && (enumLike || 'matches' in compliance || 'satisfies' in compliance)) gaps.push('the Terraform reading inherits the CloudFormation compliant values; give terraform.compliant');
  if (spec.cloudformation.skip && tf?.skip === undefined) gaps.push('the CloudFormation reading has a skip the Terraform reading lacks; give terraform.skip (or say why none is needed)');
  const names = cfnPath.filter((segment) => segment !== '[]' && /^[A-Z]/.test(segment));
  const words = [spec.cloudformation.consequence, spec.cloudformation.whenMissing ?? ''].join(' ');
  const named = names.filter((name) => new RegExp(`\\b${name}\\b`).test(words));
  if (named.length > 0 && (tf?.consequence === undefined || (spec.cloudformation.whenMissing !== undefined && tf?.whenMissing === undefined))) {
    gaps.push(`the Terraform message would name CloudFormation properties (${named.join(', ')}); give terraform.consequence / whenMissing`);
  }
  return gaps;
}

export function settingRule(spec: SettingRuleSpec): Rule {
  const setting = getSetting(spec.setting);
  if (!setting || !setting.cloudformation) throw new Error(`Unknown CloudFormation setting ${spec.setting}`);
  const knowledge = setting.cloudformation;
  const id = spec.id ?? setting.id;
  const types = spec.cloudformation.types ?? [knowledge.type];
  const pathText = spec.cloudformation.path ?? knowledge.propertyPath;
  const path = pathText.split('.').flatMap((segment) => (segment.endsWith('[]') ? [segment.slice(0, -2), '[]'] : [segment]));
  const awsDefault = setting.defaultId ? getDefault(setting.defaultId) : undefined;
  const absentKind = spec.cloudformation.absent ?? ({ insecure: 'missed', 'aws-default': 'aws-default', compliant: 'compliant', 'not-applicable': 'not-applicable' } as const)[knowledge.absent.meaning];
  const absent: AbsentMeaning = absentKind === 'missed'
    ? { kind: 'missed', message: spec.cloudformation.whenMissing ?? spec.cloudformation.consequence }
    : { kind: absentKind, detail: awsDefault ? `${awsDefault.summary}${awsDefault.since ? ` (since ${awsDefault.since})` : ''}` : knowledge.absent.text };
  const parameter = spec.cloudformation.fixParameter;
  // A path through one list (`ContainerDefinitions[].Privileged`) is fixed in every element (an `each` step);
  // its Terraform reading gets a fix only where the spec writes one (the argument may be JSON, or blocks).
  const inList = path.includes('[]');
  const fixable = inList
    ? spec.cloudformation.fix !== undefined && parameter === undefined && path.indexOf('[]') === path.lastIndexOf('[]') && path.indexOf('[]') > 0 && path[path.length - 1] !== '[]'
    : spec.cloudformation.fix !== undefined || parameter !== undefined;
  const fixId = fixable ? `set-${path.filter((segment) => segment !== '[]').join('-')}${inList ? '-in-each' : ''}` : undefined;
  const isCompliant = predicate(spec.cloudformation.compliant);
  // A variant of a setting's rule (its own id, e.g. the SAM reading) would repeat the main rule's Terraform
  // findings: only the main rule reads Terraform unless the variant asks for it.
  const readsTerraform = spec.terraform !== false && (spec.id === undefined || spec.id === setting.id || spec.terraform !== undefined);
  const terraform = setting.terraform && readsTerraform
    ? terraformSettingReader(setting, {
      compliant: predicate(spec.terraform?.compliant ?? spec.cloudformation.compliant),
      ...suffixJudgement(spec.terraform?.compliant ?? spec.cloudformation.compliant),
      presenceIsEnough: 'present' in (spec.terraform?.compliant ?? spec.cloudformation.compliant),
      consequence: spec.terraform?.consequence ?? spec.cloudformation.consequence,
      absent: spec.terraform?.absent ?? absentKind,
      whenMissing: spec.terraform?.whenMissing ?? spec.cloudformation.whenMissing ?? spec.terraform?.consequence ?? spec.cloudformation.consequence,
      absentDetail: spec.terraform?.absentDetail ?? (absent.kind === 'missed' ? '' : absent.detail),
      ...(spec.terraform?.path ? { path: spec.terraform.path } : {}),
      ...(spec.terraform?.skip ? { skip: spec.terraform.skip } : {}),
      ...(spec.cloudformation.missingSeverity ? { missingSeverity: spec.cloudformation.missingSeverity } : {}),
      fixId,
      fixValue: spec.terraform?.fix ?? (inList ? undefined : spec.cloudformation.fix ?? (parameter ? '' : undefined)),
    })
    : undefined;
  const rule: Rule = {
    meta: {
      id,
      item: setting.item,
      title: setting.title,
      severity: spec.severity ?? severityFor(setting),
      rationale: getItem(setting.item)?.why ?? '',
      awsDefault: awsDefault
        ? { summary: awsDefault.summary, ...(awsDefault.since ? { since: awsDefault.since } : {}) }
        : { summary: knowledge.absent.text },
      references: setting.references,
      docsUrl: docsUrl(id),
      resourceTypes: { cloudformation: types, terraform: terraform ? terraform.types : [] },
      settings: [setting.id],
    },
    cloudformation: {
      check(resource, context): RuleOutcome[] {
        const reason = spec.cloudformation.skip?.(resource, context);
        if (Array.isArray(reason)) return reason;
        if (reason) return [{ kind: 'not-applicable', detail: reason }];
        return checkSetting(resource, context, {
          path,
          isCompliant,
          ...suffixJudgement(spec.cloudformation.compliant),
          absent,
          consequence: spec.cloudformation.consequence,
          ...(fixId ? { fixId } : {}),
          ...('present' in spec.cloudformation.compliant ? { presenceIsEnough: true } : {}),
          ...(spec.cloudformation.missingSeverity ? { missingSeverity: spec.cloudformation.missingSeverity } : {}),
        });
      },
    },
    ...(terraform ? { terraform: terraform.reader } : {}),
    ...(fixId ? { fixes: { [fixId]: settingFix(spec, path, terraform?.fix) } } : {}),
  };
  if (terraform) terraformReadings.set(id, [...(terraformReadings.get(id) ?? []), { spec, path }]);
  return rule;
}

/** The fix of a setting rule: the literal, or a parameter (and a Terraform variable) where no value can be known. */
function settingFix(spec: SettingRuleSpec, path: readonly string[], terraform: SetSettingFix['terraform'] | undefined): SetSettingFix {
  const name = path[path.length - 1];
  const parameter = spec.cloudformation.fixParameter;
  const tfOverride = spec.terraform && spec.terraform.fixSafety ? { safety: spec.terraform.fixSafety } : {};
  const list = path.indexOf('[]');
  if (list > 0) {
    return {
      title: `Set ${name}: ${String(spec.cloudformation.fix)} in every element of ${path[list - 1]}`,
      path: [],
      value: spec.cloudformation.fix ?? '',
      operations: [{ op: 'each', list: path.slice(0, list), path: path.slice(list + 1), value: spec.cloudformation.fix ?? '' }],
      safety: spec.cloudformation.fixSafety ?? 'safe',
      ...(terraform ? { terraform: { ...terraform, ...tfOverride } } : {}),
    };
  }
  if (!parameter) {
    return {
      title: `Set ${name}: ${String(spec.cloudformation.fix)}`,
      path,
      value: spec.cloudformation.fix ?? '',
      safety: spec.cloudformation.fixSafety ?? 'safe',
      ...(terraform ? { terraform: { ...terraform, ...tfOverride } } : {}),
    };
  }
  const variable = (spec.terraform ? spec.terraform.fixVariable : undefined) ?? { ...parameter, name: snakeCase(parameter.name) };
  return {
    title: `Set ${name} to a new parameter ${parameter.name} (its value to fill in)`,
    path,
    value: '',
    parameter,
    safety: 'placeholder',
    // A split resource would need its own declaration: no Terraform fix there.
    ...(terraform && !terraform.splitResource
      ? { terraform: { ...terraform, title: `Set ${terraform.path.join('.')} = var.${variable.name} (a new variable, its value to fill in)`, variable, safety: 'placeholder' as const } }
      : {}),
  };
}

/** `LambdaKmsKeyArn` -> `lambda_kms_key_arn`. */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/**
 * How a value compares: booleans and words case-insensitively (true, "true", "True" alike), and integers by their
 * number (0, "0" and "00" alike; only integers, so version strings such as "1.2" and "1.20" stay apart).
 */
function normalise(value: ScalarValue): string {
  const text = String(value).toLowerCase();
  return /^[+-]?\d+$/.test(text) ? String(Number(text)) : text;
}

/** The compliance's judgement of a template's literal tail, as a SettingCheck field (none for most). */
function suffixJudgement(compliance: Compliance): { judgeSuffix?: (suffix: string) => boolean | undefined } {
  return 'satisfies' in compliance && compliance.judgeSuffix ? { judgeSuffix: compliance.judgeSuffix } : {};
}

function predicate(compliance: Compliance): (value: ScalarValue) => boolean {
  if ('equals' in compliance) return (value) => normalise(value) === normalise(compliance.equals);
  if ('oneOf' in compliance) return (value) => compliance.oneOf.some((allowed) => normalise(allowed) === normalise(value));
  if ('noneOf' in compliance) return (value) => !compliance.noneOf.some((denied) => normalise(denied) === normalise(value));
  if ('atLeast' in compliance) return (value) => Number(value) >= compliance.atLeast;
  if ('atMost' in compliance) return (value) => Number(value) <= compliance.atMost;
  if ('matches' in compliance) return (value) => compliance.matches.test(String(value));
  if ('satisfies' in compliance) return compliance.satisfies;
  return () => true;
}
