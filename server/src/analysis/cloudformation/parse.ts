// Chooses the parser for a template by file name (and, for `.template` files, by the first character).
import { parseJson } from '../parse/json';
import { parseTemplateYaml } from '../parse/incrementalYaml';
import type { IncrementalYamlParser } from '../parse/incrementalYaml';
import type { ParsedValue } from '../parse/yaml';

export interface ParsedTemplateText extends ParsedValue {
  readonly format: 'yaml' | 'json';
}

/**
 * `yamlParser` keeps per-document chunks between calls, so YAML edits re-parse only what they touched; without
 * it the same tree is computed in one go (parse/incrementalYaml.ts says how errors are recovered from).
 */
export function parseTemplateText(path: string, text: string, yamlParser?: IncrementalYamlParser): ParsedTemplateText {
  const format = /\.json$/i.test(path) || (!/\.ya?ml$/i.test(path) && /^\s*\{/.test(text)) ? 'json' : 'yaml';
  if (format === 'json') return { ...parseJson(text), format };
  return { ...(yamlParser ? yamlParser.parse(text) : parseTemplateYaml(text)), format };
}
