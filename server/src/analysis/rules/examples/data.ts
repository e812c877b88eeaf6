// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

export const EXAMPLES: readonly RuleExamples[] = [
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [
  'opensearch-at-rest:cloudformation',
  'opensearch-at-rest:terraform',
  'opensearch-node-to-node:cloudformation',
  'opensearch-node-to-node:terraform',
  'opensearch-https-tls:cloudformation',
  'opensearch-https-tls:terraform',
  'opensearch-in-vpc:cloudformation',
  'opensearch-in-vpc:terraform',
  'opensearch-fgac:cloudformation',
  'opensearch-fgac:terraform',
  'opensearch-audit-logs:cloudformation',
  'opensearch-audit-logs:terraform',
  'opensearch-software-update:cloudformation',
  'opensearch-software-update:terraform',
  'msk-in-transit:cloudformation',
  'msk-in-transit:terraform',
  'msk-no-public-access:cloudformation',
  'msk-no-public-access:terraform',
  'msk-no-unauthenticated:cloudformation',
  'msk-no-unauthenticated:terraform',
  'mq-not-public:cloudformation',
  'mq-not-public:terraform',
  'mq-audit-logs:cloudformation',
  'mq-audit-logs:terraform',
  'mq-auto-minor:cloudformation',
  'mq-auto-minor:terraform',
  'kinesis-stream-encryption:cloudformation',
  'kinesis-stream-encryption:terraform',
  'firehose-sse:cloudformation',
  'firehose-sse:terraform',
  'athena-workgroup-encryption:cloudformation',
  'athena-workgroup-encryption:terraform',
];
