// The editor and the CLI show the same findings for every file of the shared corpus (../shared/corpus, read in
// place). The CLI scans the corpus as `iac-hints scan` does (cli/scan.ts, one-shot analyses from disk); the
// editor is the language server's analyzer, given each template first with one line deleted (a state while
// typing, which fills its caches) and then as written, and each Terraform file as written. The chunked YAML parse
// is also compared with the single parse node by node. Compared: each host's diagnostics (rule id, range,
// severity, message, through lsp/convert.ts and cli/report.ts) and the analyses whole (test/helpers/hosts.ts).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { isCandidatePath, isSkippedDirectory, isTerraformConfigPath, isTerraformPath } from '../../server/src/analysis';
import { IncrementalYamlParser, parseTemplateYaml } from '../../server/src/analysis/parse/incrementalYaml';
import { displayPath } from '../../server/src/cli/scan';
import { diskView } from '../helpers/fileSystemView';
import { cliScan, editorAnalyzer, editorEntries, mutationsOf, seedOf, seeded, shownOf } from '../helpers/hosts';
import { CORPUS_ROOT, sharedPresent } from '../helpers/paths';

function candidates(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return isSkippedDirectory(entry.name) ? [] : candidates(path);
    return entry.isFile() && isCandidatePath(path) ? [path] : [];
  }).sort();
}

test('the editor and the CLI give the same findings on every file of the shared corpus', { timeout: 600_000 }, (t) => {
  if (!sharedPresent(t, CORPUS_ROOT)) return;
  const files = candidates(CORPUS_ROOT);
  assert.ok(files.length > 1000, `expected the whole corpus, found ${files.length} candidate files`);
  const scanned = cliScan(files);
  // The server knows the workspace's Terraform folders from its start-up scan (lsp/files.ts terraformFolders), as a
  // scan knows its files': where a module's callers are looked for.
  const folders = [...new Set(files.filter((file) => isTerraformConfigPath(file)).map((file) => dirname(displayPath(file))))].sort();
  const editor = editorAnalyzer({ ...diskView(), terraformFolders: () => folders });
  const mismatches: string[] = [];
  let findings = 0;
  let analysed = 0;
  files.forEach((file, index) => {
    const cli = scanned[index];
    const path = displayPath(file);
    assert.equal(cli.scanned.path, path);
    const text = readFileSync(file, 'utf8');
    const key = relative(CORPUS_ROOT, file);
    if (/\.ya?ml$/i.test(file)) {
      // The tree itself, every node and range: the editor's chunks (a fresh parser) and the CLI's single parse.
      try {
        assert.deepEqual(new IncrementalYamlParser().parse(text), parseTemplateYaml(text));
      } catch {
        mismatches.push(`${key}: the chunked parse differs from the single parse`);
      }
    }
    // A template is first seen mid-edit (its caches filled); a Terraform module is analysed whole on any change,
    // and its files are answered from one cached analysis, as in the server.
    const terraform = isTerraformPath(path);
    if (!terraform) editor.analyze({ path, text: mutationsOf(text, seeded(seedOf(key)))[0].text });
    const analysis = editor.analyze({ path, text });
    if (!terraform) editor.forget(path);
    if (analysis.kind !== 'skipped') analysed++;
    findings += analysis.findings.length;
    const shown = editorEntries(analysis);
    if (JSON.stringify(shown) !== JSON.stringify(cli.entries)) {
      mismatches.push(`${key}: editor only ${JSON.stringify(shown.filter((entry) => !cli.entries.includes(entry)).slice(0, 3))}, CLI only ${JSON.stringify(cli.entries.filter((entry) => !shown.includes(entry)).slice(0, 3))}`);
      return;
    }
    try {
      assert.deepEqual(shownOf(analysis), shownOf(cli.scanned.analysis));
    } catch {
      mismatches.push(`${key}: the analyses differ (kind, statuses, suppressed findings or related places)`);
    }
  });
  t.diagnostic(`${files.length} files, ${analysed} analysed, ${findings} findings`);
  assert.ok(analysed > 1000 && findings > 1000, `expected the whole corpus analysed: ${analysed} files, ${findings} findings`);
  assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} files differ`);
});
