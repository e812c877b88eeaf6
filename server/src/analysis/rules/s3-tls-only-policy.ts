// A bucket should have a policy statement that denies requests made without TLS (aws:SecureTransport false).
// The setting lives in AWS::S3::BucketPolicy, but the duty is the bucket's: the rule runs on each bucket and
// considers every bucket policy of the template that points at it.
import type { CfnResource, CfnTemplate } from '../cloudformation/template';
import type { CfnRuleContext } from '../cloudformation/context';
import { mapEntry } from '../cloudformation/template';
import { isTlsDeny, linksTo, linkTargets, readPolicyDocuments, readTerraformPolicies, settingMeta, tfArgument } from './support';
import type { PolicyDocument, Rule } from './support';
import type { RelatedLocation } from '../types';

const POLICY_TYPE = 'AWS::S3::BucketPolicy';

const TLS_ONLY_FIX = 'add-tls-only-policy';

/** The statement AWS recommends (S3 user guide, "Enforce encryption in transit"): deny any request without TLS. */
const DENY_PLAIN_HTTP_HCL = (address: string): string[] => [
  `bucket = ${address}.id`,
  'policy = jsonencode({',
  '  Version = "2012-10-17"',
  '  Statement = [{',
  '    Sid       = "DenyInsecureTransport"',
  '    Effect    = "Deny"',
  '    Principal = "*"',
  '    Action    = "s3:*"',
  `    Resource  = [${address}.arn, "\${${address}.arn}/*"]`,
  '    Condition = { Bool = { "aws:SecureTransport" = "false" } }',
  '  }]',
  '})',
];

export const s3TlsOnlyPolicy: Rule = {
  meta: settingMeta('s3-tls-only-policy', ['AWS::S3::Bucket'], { terraform: ['aws_s3_bucket'] }),
  fixes: {
    // Safe: no replacement and nothing to fill; offered only for a bucket with no policy in the template.
    [TLS_ONLY_FIX]: {
      title: 'Add a bucket policy that denies requests without TLS',
      path: [],
      value: '',
      safety: 'safe',
      companion: {
        suffix: 'TlsOnlyPolicy',
        type: POLICY_TYPE,
        properties: (id) => ({
          Bucket: { Ref: id },
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{
              Sid: 'DenyInsecureTransport',
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: [{ 'Fn::GetAtt': [id, 'Arn'] }, { 'Fn::Sub': `\${${id}.Arn}/*` }],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }],
          },
        }),
        terraform: { type: 'aws_s3_bucket_policy', body: DENY_PLAIN_HTTP_HCL },
      },
      terraform: { title: 'Add an aws_s3_bucket_policy that denies requests without TLS', path: [], value: '' },
    },
  },
  cloudformation: {
    check(bucket, context) {
      const attached: CfnResource[] = [];
      const unlinked: CfnResource[] = [];
      for (const policy of context.resourcesOfType(POLICY_TYPE)) {
        const target = linkTargets(mapEntry(policy.properties, 'Bucket'), context);
        if (linksTo(target, bucket, 'BucketName', context)) attached.push(policy);
        else if (target.ids.length === 0 && target.literals.length === 0 && target.patterns.length === 0) unlinked.push(policy);
      }
      const denying = attached.find((policy) => hasTlsDeny(policy, context));
      if (denying) return [{ kind: 'addressed', detail: `Bucket policy ${denying.id} denies requests without TLS (aws:SecureTransport false).`, range: denying.idRange }];
      const unreadable = attached.find((policy) => readPolicyDocuments(mapEntry(policy.properties, 'PolicyDocument'), context.resolver).length === 0);
      // A document or a target that cannot be read decides nothing: cannot be checked, never addressed.
      if (unreadable) return [{ kind: 'unknown', reason: `The document of bucket policy ${unreadable.id} cannot be read from the template; it may deny requests without TLS.` }];
      const maybe = unlinked.find((policy) => hasTlsDeny(policy, context));
      if (maybe) return [{ kind: 'unknown', reason: `Bucket policy ${maybe.id} denies requests without TLS; which bucket it applies to is decided at deployment.` }];
      // A resource whose Type is not a plain name (a Rain module, `!Rain::Module bucket-policy.yaml`) is written
      // elsewhere and may be the bucket policy: nothing can be said.
      const module = attached.length === 0 ? context.shared('s3/external-module', (shared) => externalModule(shared.template), (module) => module?.id ?? '') : undefined;
      if (module) return [{ kind: 'unknown', reason: `${module.id} is a module written outside the template; it may attach a bucket policy that denies requests without TLS.` }];
      const related: RelatedLocation[] = attached.map((policy) => ({
        message: `Bucket policy ${policy.id} has no Deny statement for aws:SecureTransport false.`,
        range: mapEntry(policy.properties, 'PolicyDocument')?.range ?? policy.idRange,
      }));
      const names = attached.map((policy) => policy.id).join(' and ');
      const message = attached.length === 0
        ? `${bucket.id} has no bucket policy that denies requests without TLS (aws:SecureTransport): clients can read and write its objects over plain HTTP. Add a bucket policy with a Deny statement for Condition Bool aws:SecureTransport false.`
        : `${bucket.id} has no bucket policy that denies requests without TLS (aws:SecureTransport): its policy ${names} lacks the Deny, so clients can read and write its objects over plain HTTP. Add a Deny statement for Condition Bool aws:SecureTransport false.`;
      // Only a bucket without any policy gets the companion: a second policy would replace the first.
      return [{ kind: 'finding', message, range: bucket.idRange, related, ...(attached.length === 0 ? { fixId: TLS_ONLY_FIX } : {}) }];
    },
  },
  terraform: {
    // Every aws_s3_bucket_policy of the module whose `bucket` points at this bucket.
    check(bucket, context) {
      // The deprecated inline `policy` argument of aws_s3_bucket is a bucket policy too (the provider writes it
      // with PutBucketPolicy, like aws_s3_bucket_policy): read it the same way.
      const inline = tfArgument(bucket, 'policy');
      const attached = [
        ...(inline ? [{ policy: bucket, name: `inline policy of ${bucket.address}`, documents: readTerraformPolicies(inline, context, bucket.file) }] : []),
        ...context.linked(bucket, 'aws_s3_bucket_policy', 'bucket').map((policy) => ({
          policy,
          name: `policy ${policy.address}`,
          documents: readTerraformPolicies(tfArgument(policy, 'policy'), { ...context, resolver: context.resolver.withBinding({}) }, policy.file),
        })),
      ];
      const denying = attached.find(({ documents }) => documentsDenyPlainHttp(documents));
      if (denying) return [{ kind: 'addressed', detail: `Bucket ${denying.name} denies requests without TLS (aws:SecureTransport false).` }];
      const unreadable = attached.find(({ documents }) => documents.length === 0);
      if (unreadable) return [{ kind: 'unknown', reason: `The document of bucket ${unreadable.name} cannot be read from the module; it may deny requests without TLS.` }];
      const related: RelatedLocation[] = attached.map(({ policy, name }) => ({
        message: `Bucket ${name} has no Deny statement for aws:SecureTransport false.`,
        range: tfArgument(policy, 'policy')?.range ?? policy.anchor,
        file: policy.file,
      }));
      const names = attached.map(({ name }) => name).join(' and ');
      const message = attached.length === 0
        ? `${context.address} has no aws_s3_bucket_policy that denies requests without TLS (aws:SecureTransport): clients can read and write its objects over plain HTTP. Add an aws_s3_bucket_policy with a Deny statement for condition Bool aws:SecureTransport false.`
        : `${context.address} has no bucket policy that denies requests without TLS (aws:SecureTransport): its ${names} ${attached.length > 1 ? 'lack' : 'lacks'} the Deny, so clients can read and write its objects over plain HTTP. Add a Deny statement for condition Bool aws:SecureTransport false.`;
      return [{ kind: 'finding', message, range: bucket.anchor, related, ...(attached.length === 0 ? { fixId: TLS_ONLY_FIX } : {}) }];
    },
  },
};

function documentsDenyPlainHttp(documents: readonly PolicyDocument[]): boolean {
  return documents.some((document) => document.statements.some(isTlsDeny));
}

function hasTlsDeny(policy: CfnResource, context: CfnRuleContext): boolean {
  return documentsDenyPlainHttp(readPolicyDocuments(mapEntry(policy.properties, 'PolicyDocument'), context.resolver));
}

/**
 * The first resource of a type written outside the template (a Rain or registry module). Shared by the runs of a
 * check (`context.shared`): every bucket asks, and scanning the resources for each would make a large template
 * quadratic.
 */
function externalModule(template: CfnTemplate): CfnResource | undefined {
  return template.resources.find((resource) => mapEntry(resource.node, 'Type') !== undefined && !(resource.type ?? '').includes('::'));
}
