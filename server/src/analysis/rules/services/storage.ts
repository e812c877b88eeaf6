// Setting rules for storage services. Each entry names a knowledge-base setting and says how to judge it.
// S3 Block Public Access lives in rules/s3-block-public-access.ts; bucket, key, queue and topic POLICIES are
// judged by the policy rules, not here.
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import { mapEntry } from '../../cloudformation/template';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import type { ScalarValue, ValueNode } from '../../types';
import { refersTo } from '../../cloudformation/references';
import { customerManagedKey, isTrue, judgeSetting, pointsAt, tfString, withInlineUnknown, withoutListStep, withTerraformCheck, writtenAt, settingRule } from '../support';
import type { RuleOutcome, Rule } from '../support';

/** Literal scalar at a top-level property, when it is one. */
function literal(resource: CfnResource, key: string): string | undefined {
  const node = mapEntry(resource.properties, key);
  return node?.kind === 'scalar' ? String(node.value) : undefined;
}

/** Where services that deliver logs to S3 name their bucket: [resource type, property path]. */
const LOG_DESTINATIONS: ReadonlyArray<readonly [string, readonly string[], string]> = [
  ['AWS::S3::Bucket', ['LoggingConfiguration', 'DestinationBucketName'], 'server access logs'],
  ['AWS::CloudFront::Distribution', ['DistributionConfig', 'Logging', 'Bucket'], 'access logs'],
  ['AWS::CloudTrail::Trail', ['S3BucketName'], 'trail'],
  ['AWS::Config::DeliveryChannel', ['S3BucketName'], 'configuration history'],
  ['AWS::EC2::FlowLog', ['LogDestination'], 'flow logs'],
  ['AWS::ElasticLoadBalancing::LoadBalancer', ['AccessLoggingPolicy', 'S3BucketName'], 'access logs'],
];

/**
 * Why a bucket is a log destination (or a replica of one), or undefined: a log bucket is not itself
 * access-logged (that would log its own log writes), and S3 server access logs and ELB access logs can only be
 * written with SSE-S3.
 */
export function logBucketReason(bucket: CfnResource, context: CfnRuleContext): string | undefined {
  // Three rules ask about every bucket: the answer for all of them is computed once per template check, and a run
  // depends on the answer (its fingerprint), not on every bucket it was computed from.
  return context.shared('s3/log-bucket-reasons', logBucketReasons, (reasons) => JSON.stringify([...reasons])).get(bucket.id);
}

function logBucketReasons(context: CfnRuleContext): Map<string, string> {
  const buckets = context.resourcesOfType('AWS::S3::Bucket');
  const reasons = new Map<string, string>();
  const note = (bucket: CfnResource, reason: string) => {
    if (!reasons.has(bucket.id)) reasons.set(bucket.id, reason);
  };
  for (const bucket of buckets) {
    if (literal(bucket, 'AccessControl') === 'LogDeliveryWrite') note(bucket, 'The bucket receives logs (AccessControl LogDeliveryWrite).');
  }
  // Only an intrinsic can refer to a bucket (refersTo): a source without one is passed over without comparing it
  // with every bucket, which made a template of many buckets quadratic (29,487 buckets: 95 s).
  const references = (source: CfnResource, path: readonly string[]) => context.resolver.lookup(source.properties, path).filter((candidate) => candidate.node?.kind === 'intrinsic');
  for (const [type, path, what] of LOG_DESTINATIONS) {
    for (const source of context.resourcesOfType(type)) {
      const candidates = references(source, path);
      if (candidates.length === 0) continue;
      for (const bucket of buckets) {
        if (source.id !== bucket.id && candidates.some((candidate) => refersTo(candidate.node, bucket.id))) note(bucket, `The bucket receives the ${what} of ${source.id}.`);
      }
    }
  }
  for (const balancer of context.resourcesOfType('AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    const attributes = mapEntry(balancer.properties, 'LoadBalancerAttributes');
    if (attributes?.kind !== 'seq') continue;
    for (const attribute of attributes.items) {
      if (attribute.kind !== 'map') continue;
      const key = mapEntry(attribute, 'Key');
      if (key?.kind !== 'scalar' || !String(key.value).endsWith('.s3.bucket')) continue;
      for (const bucket of buckets) {
        if (refersTo(mapEntry(attribute, 'Value'), bucket.id)) note(bucket, `The bucket receives the access logs of load balancer ${balancer.id}.`);
      }
    }
  }
  // A replica of a log bucket holds the same logs (followed until nothing changes, so chains work).
  const replicaSources = buckets.filter((source) => mapEntry(source.properties, 'ReplicationConfiguration') !== undefined).map((source) => ({
    source,
    destinations: references(source, ['ReplicationConfiguration', 'Rules', '[]', 'Destination', 'Bucket']),
  })).filter((entry) => entry.destinations.length > 0);
  for (let changed = true; changed;) {
    changed = false;
    for (const { source, destinations } of replicaSources) {
      if (!reasons.has(source.id)) continue;
      for (const bucket of buckets) {
        if (bucket.id === source.id || reasons.has(bucket.id)) continue;
        if (destinations.some((candidate) => refersTo(candidate.node, bucket.id))) {
          reasons.set(bucket.id, `The bucket is a replica of log bucket ${source.id}.`);
          changed = true;
        }
      }
    }
  }
  return reasons;
}

/** Terraform: where services that deliver logs to S3 name their bucket: [resource type, argument path, what]. */
const TF_LOG_DESTINATIONS: ReadonlyArray<readonly [string, readonly string[], string]> = [
  ['aws_s3_bucket_logging', ['target_bucket'], 'server access logs'],
  ['aws_s3_bucket', ['logging', 'target_bucket'], 'server access logs'],
  ['aws_cloudfront_distribution', ['logging_config', 'bucket'], 'access logs'],
  ['aws_cloudtrail', ['s3_bucket_name'], 'trail'],
  ['aws_config_delivery_channel', ['s3_bucket_name'], 'configuration history'],
  ['aws_flow_log', ['log_destination'], 'flow logs'],
  ['aws_elb', ['access_logs', 'bucket'], 'access logs'],
  ['aws_lb', ['access_logs', 'bucket'], 'access logs'],
];

/**
 * The Terraform reading of logBucketReason: why an aws_s3_bucket receives logs, or undefined. Computed per run
 * (not kept per module): `context.linked` depends on the run (the instance, and whether links that cannot be
 * resolved count), and tells the engine which links were unsure, which a value kept from another run would not.
 */
export function tfLogBucketReason(bucket: TfResource, context: TfRuleContext): string | undefined {
  const acls = [bucket, ...context.linked(bucket, 'aws_s3_bucket_acl', 'bucket')];
  if (acls.some((acl) => tfString(acl, context, ['acl']) === 'log-delivery-write')) return 'The bucket receives logs (acl "log-delivery-write").';
  for (const [type, path, what] of TF_LOG_DESTINATIONS) {
    for (const source of context.resourcesOfType(type)) {
      if (source === bucket) continue;
      // An aws_s3_bucket_logging that logs the bucket into itself does not make it a log bucket.
      if (type === 'aws_s3_bucket_logging' && writtenAt(source.body, ['bucket']).some((node) => pointsAt(node, bucket, 'bucket'))) continue;
      if (writtenAt(source.body, path).some((node) => pointsAt(node, bucket, 'bucket'))) return `The bucket receives the ${what} of ${source.address}.`;
    }
  }
  return undefined;
}

/** S3 canned ACLs that grant access to everyone (AllUsers) or to every AWS account (AuthenticatedUsers). */
const PUBLIC_CANNED_ACLS = { cloudformation: ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'], terraform: ['public-read', 'public-read-write', 'authenticated-read'] } as const;
const PUBLIC_GROUPS: Readonly<Record<string, string>> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'the AllUsers group (everyone)',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'the AuthenticatedUsers group (any AWS account)',
};

/**
 * Explicit grants (aws_s3_bucket_acl access_control_policy.grant, or the deprecated inline `grant` blocks of
 * aws_s3_bucket) to AllUsers or AuthenticatedUsers: a finding; a grantee URI that cannot be read: unknown.
 */
function tfPublicGrants(bucket: TfResource, context: TfRuleContext): RuleOutcome[] {
  const sources: Array<{ owner: TfResource; grants: readonly ValueNode[]; where: string }> = [
    { owner: bucket, grants: writtenAt(bucket.body, ['grant']).flatMap(items), where: 'grant' },
    ...context.linked(bucket, 'aws_s3_bucket_acl', 'bucket').map((acl) => ({ owner: acl, grants: writtenAt(acl.body, ['access_control_policy', 'grant']).flatMap(items), where: 'access_control_policy.grant' })),
  ];
  let unknown: string | undefined;
  for (const { owner, grants, where } of sources) {
    const resolver = owner === bucket ? context.resolver : context.resolver.withBinding({});
    for (const grant of grants) {
      const uris = resolver.lookup(grant, owner === bucket ? ['uri'] : ['grantee', 'uri']);
      for (const candidate of uris) {
        if (!candidate.node) continue;
        for (const resolved of resolver.scalars(candidate.node, candidate.via)) {
          if (!resolved.known) {
            unknown ??= `${owner.address}: ${where} grantee uri is ${resolved.description}`;
            continue;
          }
          const group = PUBLIC_GROUPS[String(resolved.value)];
          if (!group) continue;
          const permissions = resolver.lookup(grant, owner === bucket ? ['permissions', '[]'] : ['permission']).flatMap((found) => (found.node ? resolver.scalars(found.node, found.via) : []))
            .filter((value) => value.known).map((value) => String(value.value));
          const what = permissions.length > 0 ? permissions.join(', ') : 'access';
          const message = `${owner.address} grants ${what} to ${group} in ${where}: the bucket ACL gives access beyond your account; only Block Public Access stands between the bucket and the internet.`;
          const related = owner === bucket ? undefined : [{ message: `granted in ${owner.address}`, range: candidate.node.range, file: owner.file }];
          return [{ kind: 'finding', message, range: owner === bucket ? candidate.node.range : bucket.anchor, ...(related ? { related } : {}) }];
        }
      }
    }
  }
  return unknown ? [{ kind: 'unknown', reason: unknown }] : [];
}

function items(node: ValueNode): ValueNode[] {
  return node.kind === 'seq' ? [...node.items] : [node];
}

/** S3 versioning in Terraform: aws_s3_bucket_versioning status "Enabled", or the deprecated inline `versioning { enabled = true }`. */
function versioningOn(value: ScalarValue): boolean {
  return String(value).toLowerCase() === 'enabled' || isTrue(value);
}


/** One registry scanning rule as read: how often it scans and the repository filters it applies to. */
interface RegistryScanRule {
  readonly frequency: string | undefined;
  readonly filters: readonly (string | undefined)[];
}

/**
 * Registry-level scanning (AWS::ECR::RegistryScanningConfiguration, aws_ecr_registry_scanning_configuration)
 * scans pushed images of the repositories its filters match, whatever the repository's own setting: a missing
 * repository-level scan on push is then addressed, or cannot be checked when the match cannot be decided.
 */
function registryScanning(rules: readonly RegistryScanRule[], repositoryName: string | undefined, where: string): RuleOutcome | undefined {
  const scanning = rules.filter((rule) => rule.frequency === undefined || rule.frequency === 'scan_on_push' || rule.frequency === 'continuous_scan');
  if (scanning.length === 0) return undefined;
  const matches = (filter: string) => repositoryName !== undefined && new RegExp(`^${filter.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(repositoryName);
  const filters = scanning.flatMap((rule) => rule.filters);
  const certain = scanning.filter((rule) => rule.frequency !== undefined).flatMap((rule) => rule.filters);
  if (certain.some((filter) => filter !== undefined && (filter === '*' || matches(filter)))) {
    return { kind: 'addressed', detail: `Registry-level scanning (${where}) scans the images pushed to this repository.` };
  }
  // Every filter and the name known, none matching: the repository's own setting decides.
  if (repositoryName !== undefined && scanning.every((rule) => rule.frequency !== undefined) && filters.every((filter) => filter !== undefined)) return undefined;
  return { kind: 'unknown', reason: `Registry-level scanning (${where}) may scan this repository; whether its filters match cannot be decided from the code.` };
}

function lowerStrings(values: readonly { readonly known: boolean; readonly value?: unknown }[]): (string | undefined)[] {
  return values.map((value) => (value.known ? String(value.value).toLowerCase() : undefined));
}

function ecrScanOnPush(): Rule {
  const base = settingRule({
    setting: 'ecr-scan-on-push',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'pushed images are not scanned for known vulnerabilities (unless registry-level scanning is on).',
      fix: true,
    },
  });
  const missed = (outcomes: RuleOutcome[]) => outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
  return {
    ...base,
    cloudformation: {
      check(resource, context) {
        const outcomes = base.cloudformation ? base.cloudformation.check(resource, context) : [];
        if (!missed(outcomes)) return outcomes;
        const resolver = context.resolver;
        for (const registry of context.resourcesOfType('AWS::ECR::RegistryScanningConfiguration')) {
          const rules = resolver.lookup(registry.properties, ['Rules', '[]']).filter((found) => found.node !== undefined).map((found): RegistryScanRule => {
            const frequency = resolver.lookup(found.node, ['ScanFrequency']).flatMap((value) => (value.node ? resolver.scalars(value.node, value.via) : []));
            const filters = resolver.lookup(found.node, ['RepositoryFilters', '[]', 'Filter']).flatMap((value) => (value.node ? resolver.scalars(value.node, value.via) : []));
            return { frequency: frequency.length === 1 && frequency[0].known ? String(frequency[0].value).toLowerCase() : undefined, filters: filters.map((value) => (value.known ? String(value.value) : undefined)) };
          });
          const name = singleName(resolver.lookup(resource.properties, ['RepositoryName']).flatMap((value) => (value.node ? resolver.scalars(value.node, value.via) : [])));
          const verdict = registryScanning(rules, name, registry.id);
          if (verdict) return [verdict];
        }
        return outcomes;
      },
    },
    terraform: {
      check(resource, context) {
        const outcomes = base.terraform ? base.terraform.check(resource, context) : [];
        if (!missed(outcomes)) return outcomes;
        for (const registry of context.resourcesOfType('aws_ecr_registry_scanning_configuration')) {
          const resolver = context.resolver.withBinding({});
          const rules = writtenAt(registry.body, ['rule']).flatMap(items).map((rule): RegistryScanRule => {
            const frequency = lowerStrings(resolver.lookup(rule, ['scan_frequency']).flatMap((value) => (value.node ? resolver.scalars(value.node, value.via) : [])));
            const filters = resolver.lookup(rule, ['repository_filter', 'filter']).flatMap((value) => (value.node ? resolver.scalars(value.node, value.via) : []));
            return { frequency: frequency.length === 1 ? frequency[0] : undefined, filters: filters.map((value) => (value.known ? String(value.value) : undefined)) };
          });
          const name = singleName(context.resolver.lookup(resource.body, ['name']).flatMap((value) => (value.node ? context.resolver.scalars(value.node, value.via) : [])));
          const verdict = registryScanning(rules, name, registry.address);
          if (verdict) return [verdict];
        }
        return outcomes;
      },
    },
  };
}

function singleName(values: readonly { readonly known: boolean; readonly value?: unknown }[]): string | undefined {
  return values.length === 1 && values[0].known ? String(values[0].value) : undefined;
}

function s3AclNotPublic(): Rule {
  const base = settingRule({
    setting: 's3-acl-not-public',
    cloudformation: {
      // CloudFormation can only write a canned ACL (AccessControl); grants to groups are not a bucket property.
      compliant: { noneOf: PUBLIC_CANNED_ACLS.cloudformation },
      consequence: 'the bucket ACL grants access to everyone (or to every AWS account); only Block Public Access stands between the bucket and the internet.',
      fix: 'Private',
    },
    terraform: {
      compliant: { noneOf: PUBLIC_CANNED_ACLS.terraform },
      fix: 'private',
    },
  });
  const cannedAcl = base.terraform;
  // Terraform can also grant to the public groups explicitly (access_control_policy, inline grant blocks).
  return withTerraformCheck(base, (resource, context) => {
    const canned = cannedAcl ? cannedAcl.check(resource, context) : [];
    if (canned.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends' || outcome.kind === 'not-applicable')) return canned;
    const grants = tfPublicGrants(resource, context);
    return grants.length > 0 ? grants : canned;
  });
}

function s3ObjectLock(): Rule {
  const base = settingRule({
    setting: 's3-object-lock',
    // Object Lock only matters for data that must be immutable (knowledge notes; not an FSBP control): a hint.
    severity: 'info',
    cloudformation: {
      compliant: { equals: true },
      fix: true,
      // ObjectLockEnabled may replace the bucket (object_lock_enabled forces a new one), and Object Lock cannot be turned off again.
      fixSafety: 'replaces',
      consequence: 'objects can be deleted or overwritten before any retention period ends.',
    },
  });
  const reader = base.terraform;
  // Provider v3 wrote it inline: object_lock_configuration { object_lock_enabled = "Enabled" } (deprecated, still read).
  return withTerraformCheck(base, (resource, context) => {
    const outcomes = reader ? reader.check(resource, context) : [];
    if (!outcomes.some((outcome) => outcome.kind === 'finding' && outcome.range === resource.anchor)) return outcomes;
    const legacy = judgeSetting(resource.body, resource.anchor, context.resolver, {
      path: ['object_lock_configuration', 'object_lock_enabled'],
      isCompliant: (value) => String(value) === 'Enabled',
      absent: { kind: 'missed', message: '' },
      consequence: 'objects can be deleted or overwritten before any retention period ends.',
    });
    return legacy.some((outcome) => outcome.kind !== 'finding' || outcome.range !== resource.anchor) ? legacy : outcomes;
  });
}

export const STORAGE_RULES: readonly Rule[] = [
  // ---- S3 (AWS::S3::Bucket settings only) ----
  withInlineUnknown(settingRule({
    setting: 's3-default-encryption',
    cloudformation: {
      compliant: { oneOf: ['aws:kms', 'aws:kms:dsse', 'AES256'] },
      consequence: 'S3 accepts only aws:kms, aws:kms:dsse or AES256 as the default encryption.',
      // AES256 (SSE-S3) is what S3 applies when nothing is set (ServerSideEncryptionByDefault SSEAlgorithm,
      // AWS::S3::Bucket; Update requires: No interruption).
      fix: 'AES256',
    },
    // apply_server_side_encryption_by_default.sse_algorithm takes the API's spelling: AES256, aws:kms, aws:kms:dsse.
    // The fix sets AES256 in the bucket's aws_s3_bucket_server_side_encryption_configuration ("Valid values are
    // AES256, aws:kms, and aws:kms:dsse", Terraform AWS provider docs), or adds it.
    terraform: { compliant: { oneOf: ['aws:kms', 'aws:kms:dsse', 'AES256'] }, fix: 'AES256' },
  }), 's3-default-encryption'),
  settingRule({
    setting: 's3-kms-cmk',
    cloudformation: {
      compliant: customerManagedKey('s3'),
      // S3 encrypts every object (SSE-S3) by default and this is not an FSBP control: a missing customer managed
      // key is a hint; an explicit AWS managed key keeps the knowledge base's severity.
      missingSeverity: 'info',
      consequence: 'objects are encrypted with the AWS managed aws/s3 key, whose policy and rotation you do not control.',
      whenMissing: 'objects are encrypted with S3-managed keys (SSE-S3) or the AWS managed aws/s3 key, not a key whose policy and audit trail you control.',
      // Log destinations cannot use SSE-KMS: S3 server access logs and ELB access logs are written with SSE-S3 only.
      skip: (resource, context) => {
        const reason = logBucketReason(resource, context);
        return reason ? `${reason} Log delivery supports SSE-S3 only.` : undefined;
      },
    },
    // kms_master_key_id takes a key id, key ARN, alias or alias ARN, as KMSMasterKeyID does: the same test.
    terraform: {
      compliant: customerManagedKey('s3'),
      skip: (resource, context) => {
        const reason = tfLogBucketReason(resource, context);
        return reason ? `${reason} Log delivery supports SSE-S3 only.` : undefined;
      },
    },
  }),
  withoutListStep(settingRule({
    setting: 's3-sse-c-blocked',
    cloudformation: {
      // EncryptionType is a list (['SSE-C'] or ['NONE']): every element is judged.
      path: 'BucketEncryption.ServerSideEncryptionConfiguration[].BlockedEncryptionTypes.EncryptionType[]',
      compliant: { noneOf: ['NONE'] },
      consequence: 'clients may upload objects encrypted with their own keys (SSE-C), keys AWS never holds and you cannot rotate or revoke.',
    },
    // blocked_encryption_types is a list of strings too ("SSE-C" or "NONE", the API's spelling): every element is judged.
    terraform: { path: 'rule.blocked_encryption_types.[]', compliant: { noneOf: ['NONE'] } },
  })),
  withInlineUnknown(s3AclNotPublic(), 's3-acl-not-public'),
  settingRule({
    setting: 's3-acls-disabled',
    cloudformation: {
      compliant: { equals: 'BucketOwnerEnforced' },
      consequence: 'ACLs stay in force, so object grants can give access that bucket policies and IAM do not show.',
      // OwnershipControls Rules[].ObjectOwnership (AWS::S3::Bucket OwnershipControlsRule; Update requires: No interruption).
      fix: 'BucketOwnerEnforced',
      // Log delivery through the LogDeliveryWrite ACL, and CloudFront standard logging, need ACLs enabled.
      skip: (resource, context) => {
        if (literal(resource, 'AccessControl') === 'LogDeliveryWrite') return 'The bucket receives logs through the LogDeliveryWrite ACL, which needs ACLs enabled.';
        const distribution = context.resourcesOfType('AWS::CloudFront::Distribution').find((candidate) =>
          context.resolver.lookup(candidate.properties, ['DistributionConfig', 'Logging', 'Bucket']).some((found) => refersTo(found.node, resource.id)));
        return distribution ? `The bucket receives the standard logs of ${distribution.id}, which CloudFront writes through an ACL.` : undefined;
      },
    },
    // rule.object_ownership takes the API's spelling: BucketOwnerEnforced, BucketOwnerPreferred or ObjectWriter.
    terraform: {
      compliant: { equals: 'BucketOwnerEnforced' },
      // rule.object_ownership in the bucket's aws_s3_bucket_ownership_controls ("Valid values: BucketOwnerPreferred,
      // ObjectWriter or BucketOwnerEnforced", Terraform AWS provider docs), or the resource added.
      fix: 'BucketOwnerEnforced',
      skip: (resource, context) => {
        const acls = [resource, ...context.linked(resource, 'aws_s3_bucket_acl', 'bucket')];
        if (acls.some((acl) => tfString(acl, context, ['acl']) === 'log-delivery-write')) return 'The bucket receives logs through the log-delivery-write ACL, which needs ACLs enabled.';
        const distribution = context.resourcesOfType('aws_cloudfront_distribution').find((candidate) =>
          writtenAt(candidate.body, ['logging_config', 'bucket']).some((node) => pointsAt(node, resource, 'bucket')));
        return distribution ? `The bucket receives the standard logs of ${distribution.address}, which CloudFront writes through an ACL.` : undefined;
      },
    },
  }),
  withInlineUnknown(settingRule({
    setting: 's3-versioning',
    cloudformation: {
      compliant: { equals: 'Enabled' },
      consequence: 'overwritten or deleted objects cannot be recovered.',
      fix: 'Enabled',
    },
    // aws_s3_bucket_versioning says "Enabled" | "Suspended" | "Disabled"; the deprecated inline block says
    // `versioning { enabled = true }`.
    terraform: {
      compliant: { satisfies: versioningOn, describe: 'versioning_configuration.status "Enabled" (or inline versioning.enabled = true)' },
    },
  }), 's3-versioning'),
  s3ObjectLock(),
  withInlineUnknown(settingRule({
    setting: 's3-access-logging',
    cloudformation: {
      // LoggingConfiguration alone turns logging on: without DestinationBucketName the logs go to the bucket itself.
      path: 'LoggingConfiguration',
      compliant: { present: true },
      consequence: 'requests to the bucket leave no access log for investigations.',
      skip: (resource, context) => logBucketReason(resource, context),
    },
    terraform: {
      skip: (resource, context) => tfLogBucketReason(resource, context),
    },
  }), 's3-access-logging'),

  // ---- EFS ----
  settingRule({
    setting: 'efs-encrypted',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'files are stored unencrypted.',
      whenMissing: 'files are stored unencrypted, and encryption can only be chosen when the file system is created.',
      fix: true,
      // Encrypted: "Update requires: Replacement"; the data must be copied to the new file system.
      fixSafety: 'replaces',
    },
  }),
  settingRule({
    setting: 'efs-backup-policy',
    cloudformation: {
      compliant: { equals: 'ENABLED' },
      consequence: 'no automatic daily backups are taken, so deleted or corrupted files cannot be restored.',
      fix: 'ENABLED',
    },
    // aws_efs_backup_policy's backup_policy.status takes the API's spelling: ENABLED or DISABLED.
    terraform: {
      compliant: { equals: 'ENABLED' },
      whenMissing: 'automatic backups stay off, so deleted or corrupted files cannot be restored.',
    },
  }),

  // ---- ECR ----
  ecrScanOnPush(),
  settingRule({
    setting: 'ecr-immutable-tags',
    cloudformation: {
      compliant: { oneOf: ['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION'] },
      consequence: 'a tag can be moved to another image, so a deployment by tag may run an image nobody reviewed.',
      fix: 'IMMUTABLE',
    },
    // image_tag_mutability takes the API's spelling (MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION,
    // MUTABLE_WITH_EXCLUSION) and defaults to MUTABLE.
    terraform: {
      compliant: { oneOf: ['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION'] },
      whenMissing: 'image_tag_mutability defaults to MUTABLE, so a tag can be moved to another image and a deployment by tag may run an image nobody reviewed.',
    },
  }),
  settingRule({
    setting: 'ecr-kms',
    cloudformation: {
      compliant: { oneOf: ['KMS', 'KMS_DSSE'] },
      fix: 'KMS',
      // EncryptionConfiguration: "Update requires: Replacement" (encryption_configuration forces a new repository).
      fixSafety: 'replaces',
      consequence: 'images are encrypted with an AWS managed AES-256 key, not a KMS key whose policy you control.',
    },
    // encryption_configuration.encryption_type takes the API's spelling (AES256, KMS, KMS_DSSE) and defaults to AES256.
    terraform: {
      compliant: { oneOf: ['KMS', 'KMS_DSSE'] },
      whenMissing: 'encryption_type defaults to AES256, so images are encrypted with an AWS managed AES-256 key, not a KMS key whose policy you control.',
    },
  }),

  // ---- AWS Backup ----
  settingRule({
    setting: 'backup-vault-kms',
    cloudformation: {
      compliant: { present: true },
      fixParameter: { name: 'BackupVaultKmsKeyArn', description: 'ARN of the customer managed KMS key that encrypts the backups in the vault.' },
      consequence: 'recovery points are encrypted with the AWS managed aws/backup key (or an AWS owned key), not one whose policy you control.',
    },
  }),
  settingRule({
    setting: 'backup-vault-lock',
    cloudformation: {
      compliant: { present: true },
      consequence: 'anyone allowed to delete recovery points can remove them before their retention ends, stolen credentials included.',
    },
    // min_retention_days is optional in aws_backup_vault_lock_configuration: the lock resource itself is the
    // setting, so any lock configuration pointing at the vault counts.
    terraform: { path: 'backup_vault_name' },
  }),

  // ---- CloudWatch Logs ----
  settingRule({
    setting: 'loggroup-kms',
    // CloudWatch Logs always encrypts log data at rest; without a KMS key it uses its own service keys, which the
    // customer cannot control, rotate, revoke or audit (CloudWatch Logs user guide, "Encrypt log data in CloudWatch
    // Logs using AWS Key Management Service"). As for sqs-cmk and secret-cmk, the missing key is an info hint.
    // CloudWatch Logs has no AWS managed key alias: any key id names a KMS key the customer chose.
    cloudformation: {
      compliant: { present: true },
      fixParameter: { name: 'LogGroupKmsKeyArn', description: 'ARN of the customer managed KMS key that encrypts the log group (its policy must let CloudWatch Logs use it).' },
      absent: 'missed',
      consequence: 'log data is encrypted with CloudWatch Logs keys, not a KMS key you control.',
      whenMissing: 'log data is encrypted only with keys CloudWatch Logs owns, so you cannot control, revoke or audit who decrypts it.',
    },
  }),
  settingRule({
    setting: 'loggroup-retention',
    // The one-year floor is CloudWatch.16 (not FSBP), and a shorter explicit retention is usually a deliberate
    // cost decision for debug logs: a hint rather than a warning.
    severity: 'info',
    cloudformation: {
      compliant: { atLeast: 365 },
      fix: 365,
      consequence: 'older log events are deleted before the one-year retention that audits commonly expect.',
    },
    // retention_in_days = 0 keeps events forever (AWS provider docs), like an absent RetentionInDays.
    terraform: { compliant: { satisfies: (value) => Number(value) === 0 || Number(value) >= 365, describe: '0 (never expire) or at least 365' } },
  }),
  settingRule({
    setting: 'loggroup-data-protection',
    cloudformation: {
      compliant: { present: true },
      consequence: 'sensitive data written to the log group is stored and shown unmasked.',
    },
  }),

  // ---- KMS ----
  settingRule({
    setting: 'kms-rotation',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'the same key material protects the data for the key\'s whole life.',
      fix: true,
      skip: (resource) => {
        const spec = literal(resource, 'KeySpec');
        if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') return `Automatic rotation is not available for ${spec} keys.`;
        const origin = literal(resource, 'Origin');
        if (origin !== undefined && origin !== 'AWS_KMS') return `Automatic rotation is not available for keys with origin ${origin}.`;
        return undefined;
      },
    },
    terraform: {
      // aws_kms_key has no origin argument (imported key material is aws_kms_external_key).
      skip: (resource) => {
        const node = resource.body.entries.find((entry) => entry.key === 'customer_master_key_spec')?.value;
        const spec = node?.kind === 'scalar' ? String(node.value) : undefined;
        return spec !== undefined && spec !== 'SYMMETRIC_DEFAULT' ? `Automatic rotation is not available for ${spec} keys.` : undefined;
      },
    },
  }),
  settingRule({
    setting: 'kms-deletion-window',
    cloudformation: {
      compliant: { atLeast: 7 },
      fix: 30,
      // Absent means the longest window, 30 days (CloudFormation reference: PendingWindowInDays defaults to 30).
      absent: 'compliant',
      consequence: 'KMS accepts a waiting period of 7 to 30 days only.',
    },
  }),

  // ---- Secrets Manager ----
  settingRule({
    setting: 'secret-cmk',
    cloudformation: {
      compliant: customerManagedKey('secretsmanager'),
      fixParameter: { name: 'SecretKmsKeyId', description: 'ARN, ID or alias of the customer managed KMS key that encrypts the secret value.' },
      consequence: 'the secret is encrypted with the AWS managed aws/secretsmanager key, whose policy you do not control.',
    },
    // kms_key_id takes the same key ids, ARNs and aliases as KmsKeyId; unset, Secrets Manager uses aws/secretsmanager.
    terraform: { compliant: customerManagedKey('secretsmanager') },
  }),
];
