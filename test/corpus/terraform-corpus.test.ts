// Real Terraform modules written by others (../shared/corpus/terraform): every module directory is analysed
// through the Analyzer with a disk FileSystemView (sibling files, tfvars, local module calls) without an exception
// and without an internal error reported as a problem.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import { diskView } from '../helpers/fileSystemView';
import { CORPUS_ROOT, sharedPresent } from '../helpers/paths';

const TERRAFORM_CORPUS = join(CORPUS_ROOT, 'terraform');
const TERRAFORM_FILE = /\.tf(\.json)?$|\.tfvars(\.json)?$/i;

/** Directories holding Terraform files (module directories), .terraform excluded. */
function moduleDirectories(directory: string): { dir: string; files: string[] }[] {
  const entries = readdirSync(directory, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && TERRAFORM_FILE.test(entry.name)).map((entry) => join(directory, entry.name)).sort();
  const below = entries.filter((entry) => entry.isDirectory() && entry.name !== '.terraform' && entry.name !== '.git')
    .flatMap((entry) => moduleDirectories(join(directory, entry.name)));
  return files.length > 0 ? [{ dir: directory, files }, ...below] : below;
}

test('every module of the Terraform corpus is analysed without an exception or an internal error', { timeout: 120_000 }, (t) => {
  if (!sharedPresent(t, TERRAFORM_CORPUS)) return;
  const modules = moduleDirectories(TERRAFORM_CORPUS);
  assert.ok(modules.length >= 100, `expected the whole corpus, found ${modules.length} module directories`);
  const analyzer = new Analyzer({ files: diskView(), incremental: false });
  let terraformFiles = 0;
  let findings = 0;
  for (const { dir, files } of modules) {
    for (const file of files) {
      const key = relative(TERRAFORM_CORPUS, file);
      const text = readFileSync(file, 'utf8');
      try {
        const analysis = analyzer.analyze({ path: file, text });
        assert.equal(analysis.kind, 'terraform', key);
        for (const problem of analysis.problems) assert.ok(!/internal error/i.test(problem.message), `${key}: ${problem.message}`);
        for (const finding of analysis.findings) {
          assert.ok(finding.range.start >= 0 && finding.range.end <= text.length && finding.range.start <= finding.range.end, `${key}: ${finding.ruleId} has a range outside the text`);
        }
        for (const offset of [0, Math.floor(text.length / 2)]) analyzer.hover({ path: file, text }, offset);
        analyzer.codeActions({ path: file, text }, { start: 0, end: text.length });
        terraformFiles++;
        findings += analysis.findings.length;
      } catch (error) {
        assert.fail(`${key}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
    for (const file of files) analyzer.forget(file);
    assert.ok(dir.startsWith(TERRAFORM_CORPUS));
  }
  assert.ok(terraformFiles >= 800, `analysed ${terraformFiles} files`);
  assert.ok(findings > 0, 'real modules produce some findings');
});
