// Setting rules for security services. Each entry names a knowledge-base setting and says how to judge it.
import type { Rule } from '../rule';

export const SECURITY_RULES: readonly Rule[] = [];
