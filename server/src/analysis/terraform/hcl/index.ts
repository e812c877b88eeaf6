// Terraform configuration syntax: HCL native syntax (.tf, .tfvars) and JSON syntax (.tf.json, .tfvars.json),
// both read into one model with offset ranges. Pure and total: text in, data out, problems instead of exceptions.
import type { HclFile } from './ast';
import { Parser } from './parser';

export type * from './ast';
export { parseTerraformJson, JSON_BLOCK_LABELS } from './json';
export type { TerraformJsonOptions } from './json';
export { childrenOf, literalValue, referenceParts, walkExpressions } from './helpers';
export type { ExpressionVisitor, LiteralValue, ReferenceParts } from './helpers';

/** Parse HCL native syntax. Never throws; syntax errors are problems and the rest of the file is still read. */
export function parseHcl(text: string): HclFile {
  const parser = new Parser(text);
  try {
    const body = parser.parseFile();
    const problems = [...parser.problems].sort((a, b) => a.range.start - b.range.start);
    return { body, problems };
  } catch (error) {
    return {
      body: { attributes: [], blocks: [], range: { start: 0, end: text.length } },
      problems: [...parser.problems, { message: `The file could not be parsed: ${String(error)}`, range: { start: 0, end: 0 }, severity: 'error' }],
    };
  }
}
