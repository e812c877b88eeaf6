// The value model's law on real code nobody here wrote: no resource status is "addressed" for a value that
// could not be known. A judgement that needed an unknown value says "cannot be checked: <reason>".
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { Analyzer, isCandidatePath } from '../../server/src/analysis';
import type { FileAnalysis } from '../../server/src/analysis';
import { diskView } from '../helpers/fileSystemView';
import { CORPUS_ROOT, sharedPresent } from '../helpers/paths';

/**
 * Words resolution uses for values it cannot know (cloudformation/resolve.ts, terraform/resolve.ts); an
 * "addressed" detail that contains one was judged on an unknown.
 */
const UNKNOWN_WORDS = /cannot be checked|cannot be known|the attribute [A-Za-z]|exported by another stack|the value given for parameter|the pseudo parameter|a computed Fn::Sub|the result of Fn::|\bis unknown\b|not evaluated|a remote module|another resource's/;

function files(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === '.terraform' || entry.name === '.git') return [];
    const path = join(directory, entry.name);
    return entry.isDirectory() ? files(path) : entry.isFile() ? [path] : [];
  });
}

function addressedOnUnknown(key: string, analysis: FileAnalysis): string[] {
  return analysis.resources.flatMap((resource) => resource.responsibilities
    .filter((status) => status.status === 'addressed' && UNKNOWN_WORDS.test(status.detail))
    .map((status) => `${key} ${resource.id} ${status.item} (${status.ruleIds.join(', ')}): ${status.detail}`));
}

test('no resource status on the shared corpus is "addressed" for an unknown value', { timeout: 300_000 }, (t) => {
  if (!sharedPresent(t, CORPUS_ROOT)) return;
  const analyzer = new Analyzer({ files: diskView(), incremental: false });
  const wrong: string[] = [];
  let statuses = 0;
  let cannotBeChecked = 0;
  for (const file of files(CORPUS_ROOT)) {
    if (!isCandidatePath(file) && !/\.tf(\.json)?$/.test(file)) continue;
    const analysis = analyzer.analyze({ path: file, text: readFileSync(file, 'utf8') });
    analyzer.forget(file);
    if (analysis.kind === 'skipped') continue;
    for (const resource of analysis.resources) {
      statuses += resource.responsibilities.length;
      cannotBeChecked += resource.responsibilities.filter((status) => status.status === 'cannot-be-checked').length;
    }
    wrong.push(...addressedOnUnknown(relative(CORPUS_ROOT, file), analysis));
  }
  t.diagnostic(`${statuses} statuses, ${cannotBeChecked} cannot be checked`);
  assert.ok(statuses > 1000, `expected the whole corpus, found ${statuses} statuses`);
  assert.ok(cannotBeChecked > 0, 'real code has values that cannot be known: some statuses must say so');
  const shown = wrong.slice(0, 30);
  if (wrong.length > shown.length) shown.push(`... and ${wrong.length - shown.length} more`);
  assert.deepEqual(shown, []);
});
