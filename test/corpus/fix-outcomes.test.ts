// Every fixable finding on the shared corpus (../shared/corpus, read in place: YAML, JSON and Terraform) gets a
// fix whose outcome is clean (test/helpers/fixOutcome.ts): the fixed text parses, the finding is gone, no new
// finding appears that the title does not name, and the edit is minimal. Findings whose fix the writer declines
// must be the author's wiring (an intrinsic or reference, or the property written with Fn::If), a dynamic block, a
// module call's argument, or a resource made by Fn::ForEach.
// Run time stays bounded (about 25 s on this machine for 1,243 fixes on 2026-12-01): only files that hold a resource
// type some fix covers are analysed (the others cannot have a fixable finding), and one analyzer serves the whole
// corpus (its module cache). PER_RULE could cap the fixes applied per rule and file kind (a deterministic sample, the
// count left out printed); it is unbounded, so every fixable finding is judged, as issue 12 asks.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { Analyzer, isCandidatePath, isSkippedDirectory } from '../../server/src/analysis';
import { RULES } from '../../server/src/analysis/rules/registry';
import { diskView } from '../helpers/fileSystemView';
import { judgeFix } from '../helpers/fixOutcome';
import { CORPUS_ROOT } from '../helpers/paths';

const PER_RULE = Number.POSITIVE_INFINITY;

const FIXABLE = RULES.filter((rule) => rule.fixes && Object.keys(rule.fixes).length > 0);
const CFN_TYPES = [...new Set(FIXABLE.flatMap((rule) => rule.meta.resourceTypes.cloudformation))];
const TF_TYPES = new Set(FIXABLE.flatMap((rule) => rule.meta.resourceTypes.terraform));

function candidates(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return isSkippedDirectory(entry.name) ? [] : candidates(path);
    return entry.isFile() && isCandidatePath(path) ? [path] : [];
  }).sort();
}

/** Whether the text declares a resource of a type some fix covers (a fix edits only resources of its file). */
function mayHaveFix(path: string, text: string): boolean {
  if (/\.tf$/i.test(path)) return [...text.matchAll(/^[ \t]*resource[ \t]+"([\w-]+)"/gm)].some((match) => TF_TYPES.has(match[1]));
  if (/\.tf\.json$/i.test(path)) return false; // Terraform JSON gets no fix (terraform/edit.ts)
  return CFN_TYPES.some((type) => text.includes(type));
}

function kindOf(path: string): string {
  return /\.tf$/i.test(path) ? 'terraform' : /\.json$/i.test(path) ? 'json' : 'yaml';
}

test('every fixable finding on the shared corpus gets a clean fix', { timeout: 300_000 }, (t) => {
  if (!existsSync(CORPUS_ROOT)) {
    // One clear line; CI sets IAC_HINTS_REQUIRE_CORPUS so that a missing corpus fails there.
    assert.ok(!process.env.IAC_HINTS_REQUIRE_CORPUS, `the corpus is missing: ${CORPUS_ROOT}`);
    t.diagnostic(`skipped: ../shared/corpus is not beside the project (${CORPUS_ROOT})`);
    return;
  }
  const files = candidates(CORPUS_ROOT);
  assert.ok(files.length > 1000, `expected the whole corpus, found ${files.length} candidate files`);
  const analyzer = new Analyzer({ files: diskView() });
  const applied = new Map<string, number>();
  const problems: string[] = [];
  const declined: string[] = [];
  let judged = 0;
  let sampledOut = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!mayHaveFix(file, text)) continue;
    const key = relative(CORPUS_ROOT, file);
    const before = analyzer.analyze({ path: file, text });
    const fixable = before.findings.filter((finding) => finding.fixId);
    if (fixable.length === 0) continue;
    const actions = analyzer.codeActions({ path: file, text }, { start: 0, end: text.length }).filter((action) => action.isPreferred);
    for (const finding of fixable) {
      const action = actions.find((candidate) => candidate.finding.ruleId === finding.ruleId && candidate.finding.range.start === finding.range.start);
      const written = text.slice(finding.range.start, finding.range.end);
      if (!action) {
        // Declined: the value is an intrinsic / reference (the author's wiring), a dynamic block's resource, or
        // a resource inside a called module (the finding is on the module call).
        const wiring = /^\{\s*"(Ref|Fn::\w+)"|^!(Ref|If|Sub|GetAtt|FindInMap|Select|ImportValue)\b/.test(written);
        const inModule = finding.resource.id.startsWith('module.');
        const dynamic = /\bdynamic\s+"/.test(text) && /\.tf$/i.test(file);
        // A resource made by Fn::ForEach: a new resource beside it would have to be written into the loop.
        const loop = /\$\{\w+\}/.test(written) && /Fn::ForEach/.test(text);
        // The property the fix writes is already there, written with Fn::If (the finding sits on the logical id).
        const property = RULES.find((rule) => rule.meta.id === finding.ruleId)?.fixes?.[finding.fixId ?? '']?.path[0];
        const summary = before.resources.find((resource) => resource.id === finding.resource.id);
        const resourceText = summary ? text.slice(summary.range.start, summary.range.end) : '';
        const conditional = property !== undefined && new RegExp(`"?${property}"?\\s*:\\s*(!If\\b|\\{\\s*"Fn::If")`).test(resourceText);
        if (!wiring && !inModule && !dynamic && !loop && !conditional) declined.push(`${key} ${finding.ruleId} ${finding.resource.id}: ${written.slice(0, 60)}`);
        continue;
      }
      const bucket = `${finding.ruleId} ${kindOf(file)}`;
      if ((applied.get(bucket) ?? 0) >= PER_RULE) {
        sampledOut++;
        continue;
      }
      applied.set(bucket, (applied.get(bucket) ?? 0) + 1);
      judged++;
      const outcome = judgeFix(file, text, before, finding, action, (fixed) => analyzer.analyze({ path: file, text: fixed }));
      for (const problem of outcome.problems) problems.push(`${key} ${finding.ruleId} ${finding.resource.id} [${action.title}]: ${problem}`);
      // The analyzer reads sibling files from disk: give it the file as written again before the next one.
      if (/\.tf$/i.test(file)) analyzer.analyze({ path: file, text });
    }
  }
  t.diagnostic(`${judged} fixes applied and judged (${[...applied.keys()].length} rule and file kinds), ${sampledOut} left out by the sample of ${PER_RULE} per rule and kind`);
  assert.ok(judged >= 100, `applied ${judged} fixes: expected the corpus to offer many`);
  assert.deepEqual(problems, []);
  assert.deepEqual(declined, [], 'fixes declined for no stated reason');
});
