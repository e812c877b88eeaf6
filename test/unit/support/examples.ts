// Runs one rule example: analyses it in the right format (a Terraform example as a module in memory, with its
// other files) and compares the rule's findings with the marked ranges exactly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Analyzer } from '../../../server/src/analysis';
import type { FileAnalysis, ResponsibilityStatus } from '../../../server/src/analysis';
import type { Example } from '../../../server/src/analysis/rules/examples';
import { getRule } from '../../../server/src/analysis/rules/registry';
import { assertMarkedFindings, unmark } from './ruleTester';

export type Format = 'cloudformation' | 'terraform';
export const FORMATS: readonly Format[] = ['cloudformation', 'terraform'];

/** The formats a rule reads: it has a reader and lists resource types for it. */
export function readerFormats(ruleId: string): Format[] {
  const rule = getRule(ruleId);
  if (!rule) return [];
  return FORMATS.filter((format) => rule[format] !== undefined && rule.meta.resourceTypes[format].length > 0);
}

const DIR = '/module';

/** The text an example analyses (markers removed, a template header added) and its marked ranges. */
export function exampleInput(format: 'cloudformation' | 'terraform', example: Example): { path: string; text: string; ranges: { start: number; end: number }[] } {
  const path = example.path ?? (format === 'cloudformation' ? 'template.yaml' : 'main.tf');
  let code = example.code;
  if (format === 'cloudformation' && !path.endsWith('.json') && !/^AWSTemplateFormatVersion:/m.test(code) && !/^Transform:/m.test(code)) {
    code = `AWSTemplateFormatVersion: "2010-09-09"\n${code}`;
  }
  const { text, ranges } = unmark(code);
  return { path, text, ranges: [...ranges] };
}

/** Analyses an example's text (and, for Terraform, its module's other files). */
export function analyseExample(format: 'cloudformation' | 'terraform', path: string, text: string, files: Readonly<Record<string, string>> = {}): FileAnalysis {
  if (format === 'cloudformation') return new Analyzer().analyze({ path, text });
  const all: Record<string, string> = { ...files, [path]: text };
  const analyzer = new Analyzer({
    files: {
      listFiles: (dir: string) => (dir === DIR ? Object.keys(all) : undefined),
      readFile: (file: string) => (file.startsWith(`${DIR}/`) ? all[file.slice(DIR.length + 1)] : undefined),
    },
  });
  return analyzer.analyze({ path: `${DIR}/${path}`, text });
}

export function runExample(ruleId: string, format: 'cloudformation' | 'terraform', example: Example, good: boolean): void {
  const { path, text, ranges } = exampleInput(format, example);
  assert.equal(good, ranges.length === 0, good ? 'a good example has no ⟦ ⟧ marks' : 'a bad example marks at least one finding');
  const result = analyseExample(format, path, text, example.files);
  assert.equal(result.kind, format, `should be analysed as ${format} (${result.skipReason ?? ''})`);
  const internal = result.problems.filter((problem) => problem.message.startsWith('Internal error'));
  assert.deepEqual(internal.map((problem) => problem.message), [], 'no rule crashes');
  assertMarkedFindings(text, ranges, result.findings, ruleId, (example.expect ?? []).map((want) => ({ ruleId, ...want })));
}

/** A case fixture `dir/name` (or `text` in its place), analysed in the format its name says (`.tf`: a one-file module). */
export function analyseCase(dir: string, name: string, text = readFileSync(`${dir}/${name}`, 'utf8')): FileAnalysis {
  return analyseExample(name.endsWith('.tf') ? 'terraform' : 'cloudformation', name, text);
}

/** Resource `id`'s status for the item rule `ruleId` judges, or for `item`; fails the test when it has none. */
export function statusOf(result: FileAnalysis, id: string, by: { readonly ruleId: string } | { readonly item: string }): ResponsibilityStatus {
  const found = result.resources.find((candidate) => candidate.id === id)?.responsibilities
    .find((responsibility) => ('ruleId' in by ? responsibility.ruleIds.includes(by.ruleId) : responsibility.item === by.item));
  assert.ok(found, `${id} should have a status ${'ruleId' in by ? `from ${by.ruleId}` : `for ${by.item}`}`);
  return found;
}
