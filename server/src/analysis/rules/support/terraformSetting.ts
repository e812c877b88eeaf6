// The Terraform reading of a knowledge-base setting: the argument path on the resource, or on the split
// resources that point at it (aws_s3_bucket_versioning -> aws_s3_bucket), or the deprecated inline block.
// A resource is only said to miss a split setting after every resource of its module that points at it
// was considered; the finding sits on the main resource and points to the related one.
import type { Setting } from '../../knowledge';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import type { ScalarValue, Severity } from '../../types';
import type { RuleOutcome } from './outcome';
import type { SetSettingFix, TerraformReader } from './rule';
import type { AbsentMeaning, SettingCheck } from './setting';
import { judgeSetting } from './setting';

export interface TerraformSettingOptions {
  readonly compliant: (value: ScalarValue) => boolean;
  /** See SettingCheck.judgeSuffix. */
  readonly judgeSuffix?: (suffix: string) => boolean | undefined;
  readonly presenceIsEnough: boolean;
  readonly consequence: string;
  readonly whenMissing: string;
  readonly absent: 'missed' | 'aws-default' | 'compliant' | 'not-applicable';
  readonly absentDetail: string;
  readonly path?: string;
  /** Why the rule does not apply (not-applicable), or the outcomes to give instead of the setting's judgement. */
  readonly skip?: (resource: TfResource, context: TfRuleContext) => string | RuleOutcome[] | undefined;
  readonly missingSeverity?: Severity;
  readonly fixId: string | undefined;
  readonly fixValue: ScalarValue | undefined;
}

export interface TerraformSettingReader {
  readonly types: readonly string[];
  readonly reader: TerraformReader;
  readonly fix?: SetSettingFix['terraform'];
}

export function terraformSettingReader(setting: Setting, options: TerraformSettingOptions): TerraformSettingReader | undefined {
  const knowledge = setting.terraform;
  if (!knowledge) return undefined;
  const split = knowledge.splitResource;
  const argumentPath = (options.path ?? knowledge.argumentPath).split('.');
  const legacyPath = knowledge.legacy?.argumentPath.split('.');
  const parentType = split ? split.type : knowledge.type;
  const absent: AbsentMeaning = options.absent === 'missed'
    ? { kind: 'missed', message: options.whenMissing }
    : { kind: options.absent, detail: options.absentDetail };
  const check = (path: readonly string[], displayName?: string): SettingCheck => ({
    path,
    isCompliant: options.compliant,
    ...(options.judgeSuffix ? { judgeSuffix: options.judgeSuffix } : {}),
    absent,
    consequence: options.consequence,
    presenceIsEnough: options.presenceIsEnough,
    ...(options.fixId ? { fixId: options.fixId } : {}),
    ...(options.missingSeverity ? { missingSeverity: options.missingSeverity } : {}),
    ...(displayName ? { displayName } : {}),
  });
  const fixable = options.fixValue !== undefined && options.fixId !== undefined;
  const fix: SetSettingFix['terraform'] | undefined = fixable
    ? {
      title: split ? `Add ${knowledge.type} with ${argumentPath.join('.')} = ${JSON.stringify(options.fixValue)}` : `Set ${argumentPath.join('.')} = ${JSON.stringify(options.fixValue)}`,
      path: argumentPath,
      value: options.fixValue as ScalarValue,
      ...(split ? { splitResource: { type: knowledge.type, link: split.link } } : {}),
    }
    : undefined;

  const reader: TerraformReader = {
    check(resource, context): RuleOutcome[] {
      const reason = options.skip?.(resource, context);
      if (Array.isArray(reason)) return reason;
      if (reason) return [{ kind: 'not-applicable', detail: reason }];
      if (!split) return judgeSetting(resource.body, resource.anchor, context.resolver, check(argumentPath));
      return checkSplit(resource, context);
    },
  };

  function checkSplit(resource: TfResource, context: TfRuleContext): RuleOutcome[] {
    const children = context.linked(resource, knowledge!.type, split!.link);
    const childResults = children.map((child) => ({
      child,
      outcomes: judgeSetting(child.body, child.anchor, context.resolver.withBinding({}), check(argumentPath, `${child.address}: ${argumentPath.join('.')}`)),
    }));
    // A child that sets it badly: reported on the main resource, pointing at the child.
    for (const { child, outcomes } of childResults) {
      const bad = outcomes.find((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
      if (!bad || (bad.kind !== 'finding' && bad.kind !== 'depends')) continue;
      const related = [{ message: `set in ${child.address}`, range: bad.range, file: child.file }];
      return bad.kind === 'finding'
        // The fix sets the value in that child (terraform/edit.ts), which must be in the resource's file.
        ? [{ ...bad, range: resource.anchor, related, fixId: child.file === resource.file ? bad.fixId : undefined }]
        : [{ ...bad, range: resource.anchor, fixId: undefined }];
    }
    const good = childResults.flatMap((result) => result.outcomes).find((outcome) => outcome.kind === 'addressed');
    if (good) return [good];
    if (legacyPath) {
      const inline = judgeSetting(resource.body, resource.anchor, context.resolver, check(legacyPath));
      // Set inline (well, badly, or to a value that cannot be read): the inline form decides. An "addressed" without
      // a range is the absent inline argument read as compliant (an AWS default): not set, so the children decide.
      const inlineSet = inline.some((outcome) => outcome.kind === 'finding' ? outcome.range !== resource.anchor : (outcome.kind === 'addressed' && outcome.range !== undefined) || outcome.kind === 'depends' || outcome.kind === 'unknown');
      if (inlineSet) return inline;
    }
    if (childResults.length > 0) return childResults[0].outcomes.map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends' ? { ...outcome, range: resource.anchor } : outcome));
    const name = `${knowledge!.type} for this resource`;
    return judgeSetting(undefined, resource.anchor, context.resolver, {
      ...check([], `${name}`),
      absent: absent.kind === 'missed' ? { kind: 'missed', message: `no ${knowledge!.type} points at it${legacyPath ? ` and ${legacyPath.join('.')} is not set inline` : ''}: ${options.whenMissing}` } : absent,
    }).map((outcome) => (outcome.kind === 'finding' ? { ...outcome, message: outcome.message.replace(`${name} is not set: `, '') } : outcome));
  }

  return { types: [parentType], reader, ...(fix ? { fix } : {}) };
}
