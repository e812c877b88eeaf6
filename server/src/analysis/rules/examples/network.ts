// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

export const EXAMPLES: readonly RuleExamples[] = [
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [
  'sg-open-admin-ports:cloudformation',
  'sg-open-admin-ports:terraform',
  'sg-no-world-high-risk-ports:cloudformation',
  'sg-no-world-high-risk-ports:terraform',
  'sg-egress-restricted:cloudformation',
  'sg-egress-restricted:terraform',
  'nacl-no-world-admin-ports:cloudformation',
  'nacl-no-world-admin-ports:terraform',
  'subnet-no-auto-public-ip:cloudformation',
  'subnet-no-auto-public-ip:terraform',
  'vpc-flow-logs:cloudformation',
  'vpc-flow-logs:terraform',
  'tgw-no-auto-accept:cloudformation',
  'tgw-no-auto-accept:terraform',
  'alb-https-listener:cloudformation',
  'alb-https-listener:terraform',
  'alb-tls-policy:cloudformation',
  'alb-tls-policy:terraform',
  'alb-drop-invalid-headers:cloudformation',
  'alb-drop-invalid-headers:terraform',
  'alb-access-logs:cloudformation',
  'alb-access-logs:terraform',
  'lb-internal-scheme:cloudformation',
  'lb-internal-scheme:terraform',
  'clb-https-listener:cloudformation',
  'clb-https-listener:terraform',
  'clb-access-logs:cloudformation',
  'clb-access-logs:terraform',
  'alb-waf:cloudformation',
  'alb-waf:terraform',
  'sg-default-restrict-all:terraform',
];
