import { docsUrl, references } from './references';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';
import { checkSetting, isTrue } from './setting';

const id = 's3-block-public-access';
const FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;
const SINCE = '2023-04';

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
    resourceTypes: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket', 'aws_s3_bucket_public_access_block'] },
    settings: ['s3-bpa-block-public-acls', 's3-bpa-block-public-policy', 's3-bpa-ignore-public-acls', 's3-bpa-restrict-public-buckets'],
  },
  cloudformation: {
    check(resource, context) {
      const outcomes: RuleOutcome[] = FLAGS.flatMap((flag) => checkSetting(resource, context, {
        path: ['PublicAccessBlockConfiguration', flag],
        isCompliant: isTrue,
        absent: { kind: 'aws-default', detail: `${flag} is on by default for buckets created since April 2023.` },
        consequence: flag.includes('Policy') || flag.includes('Buckets')
          ? 'a bucket policy can make the bucket public.'
          : 'an ACL can make the bucket or its objects public.',
        fixId: `enable-${flag}`,
      }));
      const problems = outcomes.filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
      if (problems.length > 0) return problems;
      if (outcomes.every((outcome) => outcome.kind === 'aws-default')) {
        return [{ kind: 'aws-default', detail: `Block Public Access is on by default for buckets created since April 2023 (${SINCE}).` }];
      }
      return [{ kind: 'addressed', detail: 'All four Block Public Access settings are on.' }];
    },
  },
  fixes: Object.fromEntries(FLAGS.map((flag) => [
    `enable-${flag}`,
    { title: `Set ${flag}: true`, path: ['PublicAccessBlockConfiguration', flag], value: true },
  ])),
};
