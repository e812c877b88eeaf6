// Setting rules for serverless services. Each entry names a knowledge-base setting and says how to judge it.
import type { Rule } from '../rule';

export const SERVERLESS_RULES: readonly Rule[] = [];
