// IAM policy documents: reading them from templates (maps or JSON strings) and judging their statements.
export * from './document';
export * from './judge';
export * from './targets';
export * from './ruleSupport';
export * from './identity';
export * from './terraform';
export * from './publicPolicyRule';
