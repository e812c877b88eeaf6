// Chooses the parser for a template by file name (and, for `.template` files, by the first character).
import { parseJson } from '../parse/json';
import { parseYaml } from '../parse/yaml';
import type { ParsedValue } from '../parse/yaml';

export interface ParsedTemplateText extends ParsedValue {
  readonly format: 'yaml' | 'json';
}

export function parseTemplateText(path: string, text: string): ParsedTemplateText {
  const format = /\.json$/i.test(path) || (!/\.ya?ml$/i.test(path) && /^\s*\{/.test(text)) ? 'json' : 'yaml';
  return { ...(format === 'json' ? parseJson(text) : parseYaml(text)), format };
}
