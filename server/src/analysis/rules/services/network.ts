// Setting rules for network services. Each entry names a knowledge-base setting and says how to judge it.
import type { Rule } from '../rule';

export const NETWORK_RULES: readonly Rule[] = [];
