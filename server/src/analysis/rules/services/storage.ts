// Setting rules for storage services. Each entry names a knowledge-base setting and says how to judge it.
import type { Rule } from '../rule';

export const STORAGE_RULES: readonly Rule[] = [];
