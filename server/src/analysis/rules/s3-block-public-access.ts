import { docsUrl, references, checkSetting, isTrue, judgeSetting } from './support';
import type { RuleOutcome, Rule, SettingCheck } from './support';

const id = 's3-block-public-access';
const FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;
const SINCE = '2023-04';
/** The aws_s3_bucket_public_access_block argument of each flag. */
const TF_FLAGS: Readonly<Record<(typeof FLAGS)[number], string>> = {
  BlockPublicAcls: 'block_public_acls',
  BlockPublicPolicy: 'block_public_policy',
  IgnorePublicAcls: 'ignore_public_acls',
  RestrictPublicBuckets: 'restrict_public_buckets',
};
const TF_BLOCK = 'aws_s3_bucket_public_access_block';

export const s3BlockPublicAccess: Rule = {
  meta: {
    id,
    item: 'public-access',
    title: 'Keep S3 Block Public Access on',
    severity: 'error',
    rationale:
      'Who can read your content is the customer\'s decision. AWS turns Block Public Access on for new buckets, but a template that turns a flag off makes the bucket one policy or ACL away from public.',
    awsDefault: { summary: 'New buckets have all four Block Public Access settings on and ACLs disabled.', since: SINCE },
    references: references({ checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'], fsbp: ['S3.8'], trivy: ['AVD-AWS-0086', 'AVD-AWS-0087', 'AVD-AWS-0091', 'AVD-AWS-0093'] }),
    docsUrl: docsUrl(id),
    resourceTypes: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket', TF_BLOCK] },
    settings: ['s3-bpa-block-public-acls', 's3-bpa-block-public-policy', 's3-bpa-ignore-public-acls', 's3-bpa-restrict-public-buckets'],
  },
  cloudformation: {
    check(resource, context) {
      const outcomes: RuleOutcome[] = FLAGS.flatMap((flag) => checkSetting(resource, context, flagCheck(flag, ['PublicAccessBlockConfiguration', flag], {
        kind: 'aws-default', detail: `${flag} is on by default for buckets created since April 2023.`,
      })));
      return summariseFlags(outcomes);
    },
  },
  terraform: {
    // The flags are judged where they are written (aws_s3_bucket_public_access_block, whose arguments default
    // to false); the bucket says whether a block of the module points at it, else AWS's default applies.
    check(resource, context) {
      if (resource.type === TF_BLOCK) {
        return summariseFlags(FLAGS.flatMap((flag) => judgeSetting(resource.body, resource.anchor, context.resolver, flagCheck(flag, [TF_FLAGS[flag]], {
          kind: 'missed', message: `the argument defaults to false in ${TF_BLOCK}, so ${consequenceOf(flag)}`,
        }))));
      }
      const blocks = context.linked(resource, TF_BLOCK, 'bucket');
      if (blocks.length === 0) {
        return [{ kind: 'aws-default', detail: `No ${TF_BLOCK} points at the bucket: Block Public Access is on by default for buckets created since April 2023 (${SINCE}).` }];
      }
      const names = blocks.map((block) => block.address).join(' and ');
      const judged = blocks.flatMap((block) => FLAGS.flatMap((flag) => judgeSetting(block.body, block.anchor, context.resolver.withBinding({}), flagCheck(flag, [TF_FLAGS[flag]], { kind: 'missed', message: '' }))));
      if (judged.every((outcome) => outcome.kind === 'addressed')) return [{ kind: 'addressed', detail: `All four Block Public Access settings are on (${names}).` }];
      // A flag off is reported on the block itself; a flag that cannot be read leaves the bucket cannot be
      // checked too (never addressed, never "judged elsewhere" while the bucket's item says addressed).
      const gap = judged.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
      const unknown = judged.find((outcome) => outcome.kind === 'unknown');
      if (!gap && unknown?.kind === 'unknown') return [{ kind: 'unknown', reason: `the Block Public Access settings of ${names} cannot be read: ${unknown.reason}` }];
      return [{ kind: 'not-applicable', detail: `The Block Public Access settings are judged on ${names}.` }];
    },
  },
  fixes: Object.fromEntries(FLAGS.map((flag) => [
    `enable-${flag}`,
    {
      title: `Set ${flag}: true`,
      path: ['PublicAccessBlockConfiguration', flag],
      value: true,
      safety: 'safe' as const,
      terraform: { title: `Set ${TF_FLAGS[flag]} = true`, path: [TF_FLAGS[flag]], value: true },
    },
  ])),
};

function consequenceOf(flag: string): string {
  return flag.includes('Policy') || flag.includes('Buckets')
    ? 'a bucket policy can make the bucket public.'
    : 'an ACL can make the bucket or its objects public.';
}

function flagCheck(flag: (typeof FLAGS)[number], path: readonly string[], absent: SettingCheck['absent']): SettingCheck {
  return { path, isCompliant: isTrue, absent, consequence: consequenceOf(flag), fixId: `enable-${flag}` };
}

function summariseFlags(outcomes: readonly RuleOutcome[]): RuleOutcome[] {
  const problems = outcomes.filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
  if (problems.length > 0) return problems;
  // A flag that cannot be read decides nothing: cannot be checked, never "all four on".
  const unknown = outcomes.find((outcome) => outcome.kind === 'unknown');
  if (unknown) return [unknown];
  if (outcomes.every((outcome) => outcome.kind === 'aws-default')) {
    return [{ kind: 'aws-default', detail: `Block Public Access is on by default for buckets created since April 2023 (${SINCE}).` }];
  }
  return [{ kind: 'addressed', detail: 'All four Block Public Access settings are on.' }];
}
