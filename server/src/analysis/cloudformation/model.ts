// Compatibility re-export for the rule files, which import the template model and CfnRuleContext from here.
// New code imports the model from ./template and the rule context from ./context. This file sits in the rules
// layer (see test/unit/architecture.test.ts); once the rule imports are retargeted it can go.
export * from './template';
export type { CfnRuleContext } from './context';
