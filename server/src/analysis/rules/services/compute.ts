// Setting rules for compute services. Each entry names a knowledge-base setting and says how to judge it.
import type { Rule } from '../rule';

export const COMPUTE_RULES: readonly Rule[] = [];
