// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

export const EXAMPLES: readonly RuleExamples[] = [
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [
  'ec2-userdata-no-secrets:cloudformation',
  'ec2-userdata-no-secrets:terraform',
  'ec2-imdsv2:cloudformation',
  'ec2-imdsv2:terraform',
  'ec2-no-public-ip:cloudformation',
  'ec2-no-public-ip:terraform',
  'ec2-ebs-encrypted:cloudformation',
  'ec2-ebs-encrypted:terraform',
  'ec2-instance-profile:cloudformation',
  'ec2-instance-profile:terraform',
  'ebs-volume-encrypted:cloudformation',
  'ebs-volume-encrypted:terraform',
  'ebs-volume-cmk:cloudformation',
  'ebs-volume-cmk:terraform',
  'lt-imdsv2:cloudformation',
  'lt-imdsv2:terraform',
  'lt-no-public-ip:cloudformation',
  'lt-no-public-ip:terraform',
  'lt-ebs-encrypted:cloudformation',
  'lt-ebs-encrypted:terraform',
  'lc-imdsv2:cloudformation',
  'lc-imdsv2:terraform',
  'lc-no-public-ip:cloudformation',
  'lc-no-public-ip:terraform',
  'lc-ebs-encrypted:cloudformation',
  'lc-ebs-encrypted:terraform',
  'eb-managed-platform-updates:cloudformation',
  'eb-managed-platform-updates:terraform',
  'eb-stream-logs:cloudformation',
  'eb-stream-logs:terraform',
  'emr-security-configuration:cloudformation',
  'emr-security-configuration:terraform',
  'ec2-ssm-patching:cloudformation',
  'ec2-ssm-patching:terraform',
  'ebs-default-encryption:terraform',
  'emr-block-public-access:terraform',
];
