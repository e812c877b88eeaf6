// Setting rules for analytics services. Each entry names a knowledge-base setting and says how to judge it.
import type { Rule } from '../rule';

export const ANALYTICS_RULES: readonly Rule[] = [];
