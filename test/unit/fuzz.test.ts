// Seeded, bounded fuzzing of the core (issue 10 item 7): every rule example and every project fixture file,
// mutated in the ways real half-typed or damaged files are (truncation, byte flips, deleted and duplicated line
// runs, YAML tags, anchors and aliases, merge keys, deep nesting, encodings: a BOM, NULs of UTF-16 read as UTF-8,
// Latin-1 bytes, CR and CRLF line breaks). For each mutated text: the core never throws and reports no internal
// error, every problem and finding range lies inside the text, and the editor's incremental result (edited into the
// mutation from the file as written, caches warm) equals the whole-text result (the CLI's one-shot analysis).
// The same seed gives the same inputs on every run; a failure names the input so it can be replayed.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { isCandidatePath } from '../../server/src/analysis';
import type { FileAnalysis } from '../../server/src/analysis';
import { RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import { cliAnalyse, editorAnalyzer, editorEntries, seedOf, seeded } from '../helpers/hosts';
import { REPO_ROOT } from '../helpers/paths';
import { exampleInput } from './support/examples';
import { memoryView } from '../helpers/fileSystemView';

type Random = () => number;
type Mutation = (text: string, random: Random) => string;

const pick = (random: Random, count: number): number => Math.floor(random() * count);
const at = (text: string, random: Random): number => pick(random, text.length + 1);
const insert = (text: string, offset: number, piece: string): string => `${text.slice(0, offset)}${piece}${text.slice(offset)}`;
const lineRun = (text: string, random: Random): { lines: string[]; start: number; end: number } => {
  const lines = text.split('\n');
  const start = pick(random, lines.length);
  return { lines, start, end: Math.min(lines.length, start + 1 + pick(random, 4)) };
};

/** The kinds of damage, by name (the name is part of a failure's message). */
const MUTATIONS: Readonly<Record<string, Mutation>> = {
  truncated: (text, random) => text.slice(0, at(text, random)),
  'bytes flipped': (text, random) => {
    let result = text;
    for (let count = 1 + pick(random, 4); count > 0; count--) {
      const offset = pick(random, Math.max(result.length, 1));
      result = `${result.slice(0, offset)}${String.fromCharCode(pick(random, 128))}${result.slice(offset + 1)}`;
    }
    return result;
  },
  'lines deleted': (text, random) => {
    const { lines, start, end } = lineRun(text, random);
    return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
  },
  'lines duplicated': (text, random) => {
    const { lines, start, end } = lineRun(text, random);
    return [...lines.slice(0, end), ...lines.slice(start, end), ...lines.slice(end)].join('\n');
  },
  'tag inserted': (text, random) => insert(text, at(text, random), ['!Ref ', '!!binary ', '!Sub ', '!Unknown ', '!!map ', '!GetAtt '][pick(random, 6)]),
  'anchor and alias': (text, random) => {
    const withAnchor = insert(text, at(text, random), '&a ');
    return insert(withAnchor, at(withAnchor, random), ['*a', '*a ', '<<: *a\n', '*missing '][pick(random, 4)]);
  },
  'deep nesting': (text, random) => {
    const depth = 50 + pick(random, 400);
    const [open, close] = [['[', ']'], ['{', '}'], ['(', ')']][pick(random, 3)];
    return insert(text, at(text, random), `${open.repeat(depth)}x${close.repeat(random() < 0.5 ? depth : pick(random, depth))}`);
  },
  'byte order mark': (text) => `\uFEFF${text}`,
  'UTF-16 read as UTF-8': (text, random) => {
    const start = pick(random, Math.max(text.length, 1));
    return text.slice(0, start) + [...text.slice(start, start + 200)].join('\u0000') + text.slice(start + 200);
  },
  'Latin-1 bytes': (text, random) => insert(text, at(text, random), '\u00e9\u00ff\u00c3\u00a9\ufffd'),
  'CR line breaks': (text) => text.replace(/\r?\n/g, '\r'),
  'CRLF line breaks': (text) => text.replace(/\r?\n/g, '\r\n'),
};

interface Input { readonly name: string; readonly path: string; readonly text: string; readonly files: Readonly<Record<string, string>> }

function inputs(): Input[] {
  const all: Input[] = [];
  for (const examples of RULE_EXAMPLES) {
    for (const format of ['cloudformation', 'terraform'] as const) {
      const reader = examples[format];
      if (!reader) continue;
      for (const example of [...reader.good, ...reader.bad]) {
        const { path, text } = exampleInput(format, example);
        all.push({ name: `${examples.rule} ${format}: ${example.name}`, path, text, files: { ...example.files, [path]: text } });
      }
    }
  }
  const visit = (dir: string): void => {
    const files: Record<string, string> = {};
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(join(dir, entry.name));
      else if (entry.isFile()) files[entry.name] = readFileSync(join(dir, entry.name), 'utf8');
    }
    for (const name of Object.keys(files).filter((file) => isCandidatePath(file))) {
      // Generated hostile fixtures are already fuzz inputs of their own (and large): mutate the rest.
      if (files[name].length > 50_000) continue;
      all.push({ name: `${relative(REPO_ROOT, dir)}/${name}`, path: name, text: files[name], files });
    }
  };
  visit(join(REPO_ROOT, 'examples'));
  visit(join(REPO_ROOT, 'test', 'fixtures'));
  return all;
}

/** What is wrong with one analysis of `text`, if anything. */
function faults(analysis: FileAnalysis, text: string): string[] {
  const wrong: string[] = [];
  const inside = (range: { start: number; end: number }) => range.start >= 0 && range.start <= range.end && range.end <= text.length;
  for (const problem of analysis.problems) if (!inside(problem.range)) wrong.push(`problem range ${problem.range.start}-${problem.range.end} outside [0, ${text.length}]: ${problem.message}`);
  for (const finding of analysis.findings) {
    if (!inside(finding.range)) wrong.push(`${finding.ruleId} range ${finding.range.start}-${finding.range.end} outside [0, ${text.length}]`);
    if (/Internal error/i.test(finding.message)) wrong.push(`${finding.ruleId}: ${finding.message}`);
  }
  for (const problem of analysis.problems) if (/Internal error|RangeError|Maximum call stack/i.test(problem.message)) wrong.push(problem.message);
  return wrong;
}

// A hang detector, not a speed measurement (speed is in `npm run bench`): an input that takes longer than this is
// stuck in a loop or an exponential path. The largest fixture takes well under a second on this 2-core machine.
const HANG_MS = 10_000;
const MUTATIONS_PER_INPUT = 3;

test('the core survives seeded damage to every example and fixture, and the editor equals the CLI on it', { timeout: 240_000 }, () => {
  const all = inputs();
  assert.ok(all.length > 1000, `${all.length} inputs`);
  const names = Object.keys(MUTATIONS);
  const wrong: string[] = [];
  const used = new Set<string>();
  let steps = 0;
  for (const input of all) {
    const random = seeded(seedOf(`fuzz/${input.name}`));
    const path = `/fuzz/${input.path}`;
    let current: Record<string, string> = { ...input.files };
    const files = memoryView(() => current, '/fuzz');
    const editor = editorAnalyzer(files);
    const run = (label: string, text: string): void => {
      current = { ...input.files, [input.path]: text };
      const started = Date.now();
      let analysis: FileAnalysis;
      let whole: ReturnType<typeof cliAnalyse>;
      try {
        analysis = editor.analyze({ path, text });
        whole = cliAnalyse(path, text, files);
      } catch (error) {
        wrong.push(`${input.name} / ${label}: threw ${String(error)}`);
        return;
      }
      steps++;
      const elapsed = Date.now() - started;
      if (elapsed > HANG_MS) wrong.push(`${input.name} / ${label}: ${elapsed} ms (hang bound ${HANG_MS} ms)`);
      for (const fault of faults(analysis, text)) wrong.push(`${input.name} / ${label}: ${fault}`);
      const shown = editorEntries(analysis);
      if (JSON.stringify(shown) !== JSON.stringify(whole.entries)) {
        wrong.push(`${input.name} / ${label}: editor ${JSON.stringify(shown.filter((entry) => !whole.entries.includes(entry))).slice(0, 300)} CLI ${JSON.stringify(whole.entries.filter((entry) => !shown.includes(entry))).slice(0, 300)}`);
      }
    };
    run('as written', input.text);
    for (let index = 0; index < MUTATIONS_PER_INPUT; index++) {
      const name = names[pick(random, names.length)];
      used.add(name);
      run(name, MUTATIONS[name](input.text, random));
    }
  }
  // Every kind of damage is exercised by the seed (else a kind could silently stop being tested).
  assert.deepEqual(names.filter((name) => !used.has(name)), []);
  assert.ok(steps > all.length * MUTATIONS_PER_INPUT, `${steps} steps`);
  assert.deepEqual(wrong.slice(0, 15), [], `${wrong.length} faults in ${steps} steps`);
});
