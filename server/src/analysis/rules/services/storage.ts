// Setting rules for storage services. Each entry names a knowledge-base setting and says how to judge it.
// S3 Block Public Access lives in rules/s3-block-public-access.ts; bucket, key, queue and topic POLICIES are
// judged by the policy rules, not here.
import type { CfnResource, CfnRuleContext } from '../../cloudformation/model';
import { mapEntry } from '../../cloudformation/model';
import { efsAccessPointIdentity } from '../efs-access-point-identity';
import type { Rule } from '../rule';
import { refersTo } from '../../cloudformation/references';
import { secretRotation } from '../secret-rotation';
import { settingRule } from '../settingRule';
import { ssmParameterSecurestring } from '../ssm-parameter-securestring';

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
  let reasons = logBucketCache.get(context.resolver);
  if (!reasons) {
    reasons = logBucketReasons(context);
    logBucketCache.set(context.resolver, reasons);
  }
  return reasons.get(bucket.id);
}

/**
 * Per template check (one resolver per check): every rule asks about every bucket, so the answer is computed
 * once for all of them.
 */
const logBucketCache = new WeakMap<object, Map<string, string>>();

function logBucketReasons(context: CfnRuleContext): Map<string, string> {
  const buckets = context.resourcesOfType('AWS::S3::Bucket');
  const reasons = new Map<string, string>();
  const note = (bucket: CfnResource, reason: string) => {
    if (!reasons.has(bucket.id)) reasons.set(bucket.id, reason);
  };
  for (const bucket of buckets) {
    if (literal(bucket, 'AccessControl') === 'LogDeliveryWrite') note(bucket, 'The bucket receives logs (AccessControl LogDeliveryWrite).');
  }
  for (const [type, path, what] of LOG_DESTINATIONS) {
    for (const source of context.resourcesOfType(type)) {
      const candidates = context.resolver.lookup(source.properties, path);
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
    destinations: context.resolver.lookup(source.properties, ['ReplicationConfiguration', 'Rules', '[]', 'Destination', 'Bucket']),
  })).filter((entry) => entry.destinations.some((candidate) => candidate.node !== undefined));
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

/** A key id or ARN naming an AWS managed key (alias/aws/<service>) rather than a customer managed one. */
function notAwsManaged(service: string): RegExp {
  return new RegExp(`^(?!(.*:)?alias/aws/${service}$)`);
}

export const STORAGE_RULES: readonly Rule[] = [
  // ---- S3 (AWS::S3::Bucket settings only) ----
  settingRule({
    setting: 's3-default-encryption',
    cloudformation: {
      compliant: { oneOf: ['aws:kms', 'aws:kms:dsse', 'AES256'] },
      consequence: 'S3 accepts only aws:kms, aws:kms:dsse or AES256 as the default encryption.',
    },
  }),
  settingRule({
    setting: 's3-kms-cmk',
    cloudformation: {
      compliant: { matches: notAwsManaged('s3') },
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
  }),
  settingRule({
    setting: 's3-sse-c-blocked',
    cloudformation: {
      // EncryptionType is a list (['SSE-C'] or ['NONE']): every element is judged.
      path: 'BucketEncryption.ServerSideEncryptionConfiguration[].BlockedEncryptionTypes.EncryptionType[]',
      compliant: { noneOf: ['NONE'] },
      consequence: 'clients may upload objects encrypted with their own keys (SSE-C), keys AWS never holds and you cannot rotate or revoke.',
    },
  }),
  settingRule({
    setting: 's3-acl-not-public',
    cloudformation: {
      compliant: { noneOf: ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'] },
      consequence: 'the bucket ACL grants access to everyone (or to every AWS account); only Block Public Access stands between the bucket and the internet.',
      fix: 'Private',
    },
  }),
  settingRule({
    setting: 's3-acls-disabled',
    cloudformation: {
      compliant: { equals: 'BucketOwnerEnforced' },
      consequence: 'ACLs stay in force, so object grants can give access that bucket policies and IAM do not show.',
      // Log delivery through the LogDeliveryWrite ACL, and CloudFront standard logging, need ACLs enabled.
      skip: (resource, context) => {
        if (literal(resource, 'AccessControl') === 'LogDeliveryWrite') return 'The bucket receives logs through the LogDeliveryWrite ACL, which needs ACLs enabled.';
        const distribution = context.resourcesOfType('AWS::CloudFront::Distribution').find((candidate) =>
          context.resolver.lookup(candidate.properties, ['DistributionConfig', 'Logging', 'Bucket']).some((found) => refersTo(found.node, resource.id)));
        return distribution ? `The bucket receives the standard logs of ${distribution.id}, which CloudFront writes through an ACL.` : undefined;
      },
    },
  }),
  settingRule({
    setting: 's3-versioning',
    cloudformation: {
      compliant: { equals: 'Enabled' },
      consequence: 'overwritten or deleted objects cannot be recovered.',
      fix: 'Enabled',
    },
  }),
  settingRule({
    setting: 's3-object-lock',
    // Object Lock only matters for data that must be immutable (knowledge notes; not an FSBP control): a hint.
    severity: 'info',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'objects can be deleted or overwritten before any retention period ends.',
    },
  }),
  settingRule({
    setting: 's3-access-logging',
    cloudformation: {
      // LoggingConfiguration alone turns logging on: without DestinationBucketName the logs go to the bucket itself.
      path: 'LoggingConfiguration',
      compliant: { present: true },
      consequence: 'requests to the bucket leave no access log for investigations.',
      skip: (resource, context) => logBucketReason(resource, context),
    },
  }),

  // ---- EFS ----
  settingRule({
    setting: 'efs-encrypted',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'files are stored unencrypted.',
      whenMissing: 'files are stored unencrypted, and encryption can only be chosen when the file system is created.',
      fix: true,
    },
  }),
  settingRule({
    setting: 'efs-backup-policy',
    cloudformation: {
      compliant: { equals: 'ENABLED' },
      consequence: 'no automatic daily backups are taken, so deleted or corrupted files cannot be restored.',
      fix: 'ENABLED',
    },
  }),
  efsAccessPointIdentity,

  // ---- ECR ----
  settingRule({
    setting: 'ecr-scan-on-push',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'pushed images are not scanned for known vulnerabilities (unless registry-level scanning is on).',
      fix: true,
    },
  }),
  settingRule({
    setting: 'ecr-immutable-tags',
    cloudformation: {
      compliant: { oneOf: ['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION'] },
      consequence: 'a tag can be moved to another image, so a deployment by tag may run an image nobody reviewed.',
      fix: 'IMMUTABLE',
    },
  }),
  settingRule({
    setting: 'ecr-kms',
    cloudformation: {
      compliant: { oneOf: ['KMS', 'KMS_DSSE'] },
      consequence: 'images are encrypted with an AWS managed AES-256 key, not a KMS key whose policy you control.',
    },
  }),

  // ---- AWS Backup ----
  settingRule({
    setting: 'backup-vault-kms',
    cloudformation: {
      compliant: { present: true },
      consequence: 'recovery points are encrypted with the AWS managed aws/backup key (or an AWS owned key), not one whose policy you control.',
    },
  }),
  settingRule({
    setting: 'backup-vault-lock',
    cloudformation: {
      compliant: { present: true },
      consequence: 'anyone allowed to delete recovery points can remove them before their retention ends, stolen credentials included.',
    },
  }),

  // ---- CloudWatch Logs ----
  settingRule({
    setting: 'loggroup-kms',
    cloudformation: {
      compliant: { present: true },
      consequence: 'log data is encrypted with CloudWatch Logs keys, not a KMS key you control.',
    },
  }),
  settingRule({
    setting: 'loggroup-retention',
    // The one-year floor is CloudWatch.16 (not FSBP), and a shorter explicit retention is usually a deliberate
    // cost decision for debug logs: a hint rather than a warning.
    severity: 'info',
    cloudformation: {
      compliant: { atLeast: 365 },
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
      // Absent means the longest window, 30 days (CloudFormation reference: PendingWindowInDays defaults to 30).
      absent: 'compliant',
      consequence: 'KMS accepts a waiting period of 7 to 30 days only.',
    },
  }),

  // ---- Secrets Manager ----
  settingRule({
    setting: 'secret-cmk',
    cloudformation: {
      compliant: { matches: notAwsManaged('secretsmanager') },
      consequence: 'the secret is encrypted with the AWS managed aws/secretsmanager key, whose policy you do not control.',
    },
  }),
  secretRotation,

  // ---- SSM Parameter Store ----
  ssmParameterSecurestring,
];
