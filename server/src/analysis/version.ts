export const TOOL_NAME = 'iac-hints';
export const TOOL_VERSION = '0.1.0';
