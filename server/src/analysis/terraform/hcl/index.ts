// Terraform configuration syntax: HCL native syntax (.tf, .tfvars) and JSON syntax (.tf.json, .tfvars.json),
// both read into one model with offset ranges. Pure and total: text in, data out, problems instead of exceptions.
import { finishProblems } from '../../limits';
import type { Problem } from '../../offsets';
import { normaliseLoneCarriageReturns } from '../../text';
import type { HclFile } from './ast';
import { Parser } from './parser';

export type * from './ast';
export { parseTerraformJson, JSON_BLOCK_LABELS } from './json';
export type { TerraformJsonOptions } from './json';
export { childrenOf, literalValue, referenceParts, walkExpressions } from './helpers';
export type { ExpressionVisitor, LiteralValue, ReferenceParts } from './helpers';

/**
 * Parse HCL native syntax. Never throws; syntax errors are problems (ranges inside the text, floods merged and
 * capped by finishProblems) and the rest of the file is still read. A lone CR is read as a line break, as the
 * editor shows it (LineIndex), with one error: Terraform's scanner reads it as an invalid character.
 */
export function parseHcl(text: string): HclFile {
  const source = normaliseLoneCarriageReturns(text);
  const parser = new Parser(source);
  const extra: Problem[] = [];
  if (source !== text) extra.push(loneCarriageReturns(text));
  try {
    const body = parser.parseFile();
    return { body, problems: finishProblems([...extra, ...parser.problems], text, parser.overflow) };
  } catch (error) {
    return {
      body: { attributes: [], blocks: [], range: { start: 0, end: text.length } },
      problems: finishProblems([...extra, ...parser.problems, { message: `The file could not be parsed: ${String(error)}`, range: { start: 0, end: 0 }, severity: 'error' }], text, parser.overflow),
    };
  }
}

function loneCarriageReturns(text: string): Problem {
  const matches = text.match(/\r(?!\n)/g) ?? [];
  const first = text.search(/\r(?!\n)/);
  return {
    message: `This file breaks lines with a lone carriage return (CR, ${matches.length} in the file), which Terraform does not read as a line break ("Invalid character"). It is analysed here as if each were a line break; save it with LF or CRLF line endings.`,
    range: { start: first, end: first + 1 },
    severity: 'error',
  };
}
