// Entry point of the analysis core. The language server and the CLI import only from here.
export * from './api';
export * from './types';
export { LineIndex } from './text';
export type { Position, LineRange } from './text';
export { Analyzer, applyTextEdits } from './analyzer';
export { CONFIG_FILE_NAME, EMPTY_CONFIG, configuredOptions, didYouMean, nearestConfigFile, parseConfig, pathFilterOf, rulePolicyOf } from './config';
export type { ConfiguredOptions, HostSettings, IacHintsConfig, ParsedConfig, RuleLevel } from './config';
export * from './formats';
export { TOOL_NAME, TOOL_VERSION } from './version';
export { listRules } from './rules/registry';
export type { RuleInfo, RuleMeta } from './rules/support/rule';
export { itemLabel as getItemLabel } from './knowledgeView';
export { variableFileProblems } from './terraform/module';
export { getItem, getSetting } from './knowledge';
export type { ResponsibilityItem, Setting } from './knowledge';
