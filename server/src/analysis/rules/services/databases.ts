// Setting rules for database services. Each entry names a knowledge-base setting and says how to judge it.
import type { Rule } from '../rule';
import { settingRule } from '../settingRule';

export const DATABASES_RULES: readonly Rule[] = [
  settingRule({
    setting: 'rds-not-public',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'the database gets a public address and can be reached from the internet wherever its security groups allow.',
      whenMissing: 'whether the database is public depends on its subnet group (public in a default VPC); set PubliclyAccessible: false.',
      missingSeverity: 'warning',
      fix: false,
    },
  }),
];
