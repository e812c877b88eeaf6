// The service rule files, one list per family of services.
import type { Rule } from '../rule';
import { ANALYTICS_RULES } from './analytics';
import { COMPUTE_RULES } from './compute';
import { DATABASES_RULES } from './databases';
import { NETWORK_RULES } from './network';
import { SECURITY_RULES } from './security';
import { SERVERLESS_RULES } from './serverless';
import { STORAGE_RULES } from './storage';

export const SERVICE_RULES: readonly Rule[] = [
  ...COMPUTE_RULES, ...NETWORK_RULES, ...DATABASES_RULES, ...ANALYTICS_RULES, ...STORAGE_RULES, ...SERVERLESS_RULES, ...SECURITY_RULES,
];
