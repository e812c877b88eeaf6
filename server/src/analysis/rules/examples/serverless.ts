// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

export const EXAMPLES: readonly RuleExamples[] = [
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [
  'loggroup-kms:cloudformation',
  'loggroup-kms:terraform',
  'loggroup-retention:cloudformation',
  'loggroup-retention:terraform',
  'loggroup-data-protection:cloudformation',
  'loggroup-data-protection:terraform',
  'lambda-supported-runtime:cloudformation',
  'lambda-supported-runtime:terraform',
  'lambda-runtime-update-mode:cloudformation',
  'lambda-runtime-update-mode:terraform',
  'lambda-env-kms:cloudformation',
  'lambda-env-kms:terraform',
  'lambda-env-no-secrets:cloudformation',
  'lambda-env-no-secrets:terraform',
  'lambda-code-signing:cloudformation',
  'lambda-code-signing:terraform',
  'lambda-in-vpc:cloudformation',
  'lambda-in-vpc:terraform',
  'lambda-tracing:cloudformation',
  'lambda-tracing:terraform',
  'lambda-tracing-sam:cloudformation',
  'sqs-encryption:cloudformation',
  'sqs-encryption:terraform',
  'sqs-cmk:cloudformation',
  'sqs-cmk:terraform',
  'sns-kms:cloudformation',
  'sns-kms:terraform',
  'sns-data-protection-policy:cloudformation',
  'sns-data-protection-policy:terraform',
  'sfn-logging:cloudformation',
  'sfn-logging:terraform',
  'sfn-logging-sam:cloudformation',
  'cognito-no-unauth-identities:cloudformation',
  'cognito-no-unauth-identities:terraform',
  'cognito-user-pool-mfa:cloudformation',
  'cognito-user-pool-mfa:terraform',
  'dynamodb-cmk-sam:cloudformation',
  'lambda-url-auth:cloudformation',
  'lambda-url-auth:terraform',
];
