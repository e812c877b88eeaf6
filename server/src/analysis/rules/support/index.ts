// The one support module of the rules: the rule shape, the verdicts, the declarative setting rules and the helpers
// shared by several rules. A rule file imports from here (and from the layers below), never from another rule.
export * from './rule';
export * from './outcome';
export * from './setting';
export * from './settingRule';
export * from './terraformSetting';
export * from './references';
export * from './meta';
export * from './values';
export * from './elements';
export * from './shapeGuard';
export * from './terraformSupport';
export * from './terraformWords';
export * from './secrets';
export * from './links';
export * from './ports';
export * from './networks';
export * from './kmsKeys';
export * from './engines';
export * from './parameterGroups';
export * from './logExports';
export * from './elasticBeanstalk';
export * from './ecsContainerDefinitions';
export * from './jsonValue';
export * from './samGlobals';
export * from './policy';
export * from './launchPlacement';
