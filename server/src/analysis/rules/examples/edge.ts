// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

export const EXAMPLES: readonly RuleExamples[] = [
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [
  'cloudfront-viewer-https:cloudformation',
  'cloudfront-viewer-https:terraform',
  'cloudfront-min-tls:cloudformation',
  'cloudfront-min-tls:terraform',
  'cloudfront-origin-https:cloudformation',
  'cloudfront-origin-https:terraform',
  'cloudfront-logging:cloudformation',
  'cloudfront-logging:terraform',
  'cloudfront-waf:cloudformation',
  'cloudfront-waf:terraform',
  'cloudfront-s3-oac:cloudformation',
  'cloudfront-s3-oac:terraform',
  'apigw-execution-logging:cloudformation',
  'apigw-execution-logging:terraform',
  'apigw-access-logging:cloudformation',
  'apigw-access-logging:terraform',
  'apigw-cache-encrypted:cloudformation',
  'apigw-cache-encrypted:terraform',
  'apigw-client-cert:cloudformation',
  'apigw-client-cert:terraform',
  'apigw-method-authorization:cloudformation',
  'apigw-method-authorization:terraform',
  'apigw-domain-tls:cloudformation',
  'apigw-domain-tls:terraform',
  'apigwv2-access-logging:cloudformation',
  'apigwv2-access-logging:terraform',
  'apigwv2-route-authorization:cloudformation',
  'apigwv2-route-authorization:terraform',
  'apigw-waf:cloudformation',
  'apigw-waf:terraform',
  'waf-logging:cloudformation',
  'waf-logging:terraform',
];
