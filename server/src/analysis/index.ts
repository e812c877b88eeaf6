// Entry point of the analysis core. The language server and the CLI import only from here.
export * from './api';
export * from './types';
export { LineIndex } from './text';
export type { Position, LineRange } from './text';
export { Analyzer, applyTextEdits } from './analyzer';
export * from './formats';
export { TOOL_NAME, TOOL_VERSION } from './version';
export { listRules } from './rules/registry';
export type { RuleInfo, RuleMeta } from './rules/support/rule';
export { itemLabel as getItemLabel } from './knowledgeView';
