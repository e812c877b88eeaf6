// The Terraform sibling of expectFindings: a .tf snippet marks each expected finding's exact range with ⟦ and
// ⟧. The snippet is one file of a module; other files of the module (a split resource, terraform.tfvars) are
// given as an in-memory directory through a FileSystemView.
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import type { Finding } from '../../../server/src/analysis';
import type { ExpectedFinding } from './ruleTester';
import { assertMarkedFindings, unmark } from './ruleTester';

const DIR = '/module';

/** Analyses `main.tf` (or `name`) of an in-memory module holding `others` (file name -> text) too. */
export function analyseTerraform(text: string, others: Readonly<Record<string, string>> = {}, name = 'main.tf') {
  const files: Record<string, string> = { ...others, [name]: text };
  const analyzer = new Analyzer({
    files: {
      listFiles: (dir: string) => (dir === DIR ? Object.keys(files) : undefined),
      readFile: (path: string) => (path.startsWith(`${DIR}/`) ? files[path.slice(DIR.length + 1)] : undefined),
    },
  });
  return analyzer.analyze({ path: `${DIR}/${name}`, text });
}

/** Asserts that `ruleId` reports exactly the marked ranges (in order) in the marked file and nothing else. */
export function expectTerraformFindings(marked: string, ruleId: string, expected: readonly ExpectedFinding[] = [], others: Readonly<Record<string, string>> = {}): Finding[] {
  const { text, ranges } = unmark(marked);
  const result = analyseTerraform(text, others);
  assert.equal(result.kind, 'terraform', `should be analysed as Terraform (${result.skipReason ?? ''})`);
  return assertMarkedFindings(text, ranges, result.findings, ruleId, expected);
}

/** The responsibility statuses the analysis gives one resource (by address) for one rule, for compliant cases. */
export function terraformSummary(text: string, address: string, others: Readonly<Record<string, string>> = {}) {
  return analyseTerraform(text, others).resources?.find((resource) => resource.id === address);
}
