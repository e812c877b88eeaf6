// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

export const EXAMPLES: readonly RuleExamples[] = [
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [
  's3-block-public-access:cloudformation',
  's3-block-public-access:terraform',
  's3-default-encryption:cloudformation',
  's3-default-encryption:terraform',
  's3-kms-cmk:cloudformation',
  's3-kms-cmk:terraform',
  's3-sse-c-blocked:cloudformation',
  's3-sse-c-blocked:terraform',
  's3-acl-not-public:cloudformation',
  's3-acl-not-public:terraform',
  's3-acls-disabled:cloudformation',
  's3-acls-disabled:terraform',
  's3-versioning:cloudformation',
  's3-versioning:terraform',
  's3-object-lock:cloudformation',
  's3-object-lock:terraform',
  's3-access-logging:cloudformation',
  's3-access-logging:terraform',
  'efs-encrypted:cloudformation',
  'efs-encrypted:terraform',
  'efs-backup-policy:cloudformation',
  'efs-backup-policy:terraform',
  'efs-access-point-identity:cloudformation',
  'efs-access-point-identity:terraform',
  'ecr-scan-on-push:cloudformation',
  'ecr-scan-on-push:terraform',
  'ecr-immutable-tags:cloudformation',
  'ecr-immutable-tags:terraform',
  'ecr-kms:cloudformation',
  'ecr-kms:terraform',
  'backup-vault-kms:cloudformation',
  'backup-vault-kms:terraform',
  'backup-vault-lock:cloudformation',
  'backup-vault-lock:terraform',
  's3-tls-only-policy:cloudformation',
  's3-tls-only-policy:terraform',
  's3-mfa-delete:terraform',
  'data-residency-regions:cloudformation',
  'data-residency-regions:terraform',
];
