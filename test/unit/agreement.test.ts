// The editor and the CLI show the same findings for the same text, also for broken text: every example of every
// rule and every fixture and example file of the project, as written and with seeded mutations (a line deleted,
// a line duplicated, a stray ':' inserted). The editor analyses the file as written first and is then edited into
// each mutation in turn and back, so its caches (YAML chunks, rule outcomes, Terraform modules) are warm, as when typing;
// the CLI analyses each text afresh, as its scan does (test/helpers/hosts.ts). What is compared: each host's diagnostics (rule id, range, severity,
// message, through lsp/convert.ts and cli/report.ts) and the core's analyses whole. See test/helpers/hosts.ts
// for why these are the hosts' paths.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { isCandidatePath } from '../../server/src/analysis';
import { RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import { cliAnalyse, editorAnalyzer, editorEntries, mutationsOf, seedOf, seeded, shownOf } from '../helpers/hosts';
import { REPO_ROOT } from '../helpers/paths';
import { exampleInput } from './support/examples';
import { memoryView } from '../helpers/fileSystemView';

/** A module or template folder: files by relative name, and which of them to mutate. */
interface Fixture {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly mutate: readonly string[];
}

function exampleFixtures(): Fixture[] {
  return RULE_EXAMPLES.flatMap((examples) => (['cloudformation', 'terraform'] as const).flatMap((format) => {
    const reader = examples[format];
    if (!reader) return [];
    return [...reader.good, ...reader.bad].map((example): Fixture => {
      const { path, text } = exampleInput(format, example);
      return { name: `${examples.rule} ${format}: ${example.name}`, files: { ...example.files, [path]: text }, mutate: [path] };
    });
  }));
}

/** The project's own example and fixture folders, each candidate file mutated in turn. */
function folderFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  const visit = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true });
    const files: Record<string, string> = {};
    for (const entry of entries) {
      if (entry.isDirectory()) visit(join(dir, entry.name));
      else if (entry.isFile()) files[entry.name] = readFileSync(join(dir, entry.name), 'utf8');
    }
    const mutate = Object.keys(files).filter((name) => isCandidatePath(name));
    if (mutate.length > 0) fixtures.push({ name: relative(REPO_ROOT, dir), files, mutate });
  };
  visit(join(REPO_ROOT, 'examples'));
  visit(join(REPO_ROOT, 'test', 'fixtures'));
  return fixtures;
}

describe('the editor and the CLI agree on the same text', () => {
  /** Every mismatch between the hosts over the fixtures, as "fixture / file / step: what differs". */
  function disagreements(fixtures: readonly Fixture[]): { mismatches: string[]; steps: number; broken: number } {
    const mismatches: string[] = [];
    let steps = 0;
    let broken = 0;
    for (const fixture of fixtures) {
      for (const name of fixture.mutate) {
        // The fixture as a folder in memory (a Terraform module reads its siblings through the view).
        const path = `/fixture/${name}`;
        const original = fixture.files[name];
        let current: Record<string, string> = { ...fixture.files };
        const view = memoryView(() => current, '/fixture');
        const editor = editorAnalyzer(view);
        const scans = new Map<string, ReturnType<typeof cliAnalyse>>();
        const compare = (step: string, text: string): void => {
          current = { ...fixture.files, [name]: text };
          let cli = scans.get(text);
          if (!cli) scans.set(text, cli = cliAnalyse(path, text, view));
          const analysis = editor.analyze({ path, text });
          steps++;
          if (analysis.problems.some((problem) => problem.severity === 'error')) broken++;
          const where = `${fixture.name} / ${name} / ${step}`;
          const shown = editorEntries(analysis);
          if (JSON.stringify(shown) !== JSON.stringify(cli.entries)) {
            mismatches.push(`${where}: editor ${JSON.stringify(shown.filter((entry) => !cli.entries.includes(entry)))} CLI ${JSON.stringify(cli.entries.filter((entry) => !shown.includes(entry)))}`);
          } else {
            try {
              assert.deepEqual(shownOf(analysis), shownOf(cli.scanned.analysis));
            } catch {
              mismatches.push(`${where}: the analyses differ (statuses, suppressed findings or related places)`);
            }
          }
        };
        // As written, then from one mutation straight to the next (broken text edited into other broken text), and back.
        compare('as written', original);
        for (const mutation of mutationsOf(original, seeded(seedOf(`${fixture.name}/${name}`)))) compare(mutation.name, mutation.text);
        compare('back as written', original);
      }
    }
    return { mismatches, steps, broken };
  }

  test('every rule example, as written and mutated', { timeout: 300_000 }, () => {
    const fixtures = exampleFixtures();
    assert.ok(fixtures.length > 900, `${fixtures.length} examples`);
    const { mismatches, steps, broken } = disagreements(fixtures);
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} of ${steps} steps differ`);
    // The mutations must reach the error paths the hosts once disagreed on.
    assert.ok(broken > 300, `${broken} steps with a syntax error`);
  });

  test('every file of examples/ and test/fixtures/, as written and mutated', { timeout: 120_000 }, () => {
    const fixtures = folderFixtures();
    assert.ok(fixtures.length > 20, `${fixtures.length} folders`);
    const { mismatches, steps } = disagreements(fixtures);
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} of ${steps} steps differ`);
  });
});
