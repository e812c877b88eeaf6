// The fast YAML path (parse/fastYaml.ts) against the `yaml` library path it stands in for: wherever the fast path
// gives a tree, it must be the library's tree (values, kinds and every offset) for a text the library reports no
// problem for. Inputs: the shared corpus (read in place), every rule example, the fixtures and shared cases,
// hand-written cases of the library's comment placement, and seeded random documents and mutations.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { parseFastYaml } from '../../server/src/analysis/parse/fastYaml';
import { parseYaml, parseYamlWithLibrary } from '../../server/src/analysis/parse/yaml';
import { RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import { CORPUS_ROOT, REPO_ROOT } from '../helpers/paths';
import { unmark } from './support/ruleTester';

/** The first place two trees differ, for a readable failure. */
function firstDifference(a: unknown, b: unknown, path = 'root'): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: fast ${JSON.stringify(a)}, library ${JSON.stringify(b)}`;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return `${path}: differs`;
}

/** Compares the two paths on `text` and on it with CRLF line breaks; returns whether the fast path took `text`. */
function check(text: string, label: string): boolean {
  checkOne(text.replace(/\r?\n/g, '\r\n'), `${label} (CRLF)`);
  return checkOne(text, label);
}

function checkOne(text: string, label: string): boolean {
  const fast = parseFastYaml(text);
  if (!fast) return false;
  const library = parseYamlWithLibrary(text);
  assert.deepEqual(library.problems, [], `${label}: the fast path took a text the library reports problems for:\n${JSON.stringify(text)}`);
  assert.equal(library.multipleDocuments, false, label);
  const difference = firstDifference(fast, library.root);
  assert.equal(difference, undefined, `${label}: ${difference}\n${JSON.stringify(text)}`);
  return true;
}

function yamlFilesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ya?ml|template)$/i.test(entry.name)) found.push(path);
    }
  };
  walk(root);
  return found.sort();
}

/** mulberry32: the same sequence for the same seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLOUDFORMATION_CORPUS = join(CORPUS_ROOT, 'cloudformation');

describe('fast YAML path', () => {
  test('gives the library\'s tree for every corpus template it takes, and takes most of them', () => {
    assert.ok(existsSync(CLOUDFORMATION_CORPUS), `the corpus is missing: ${CLOUDFORMATION_CORPUS}`);
    const files = yamlFilesUnder(CLOUDFORMATION_CORPUS);
    assert.ok(files.length > 100, `expected the corpus's YAML templates, found ${files.length}`);
    let taken = 0;
    for (const file of files) if (check(readFileSync(file, 'utf8'), file)) taken++;
    // Measured 134 of 159 when written (declined: 19 with unknown tags such as !Rain::Embed, which the library
    // reports, a tab, a document marker, block scalars the fast path leaves alone): a drop means templates fell back
    // to the slow path.
    assert.ok(taken >= Math.floor(files.length * 0.8), `the fast path took ${taken} of ${files.length} corpus templates`);
  });

  test('gives the library\'s tree for every rule example, fixture and shared case it takes', () => {
    let total = 0;
    let taken = 0;
    for (const examples of RULE_EXAMPLES) {
      for (const example of [...examples.cloudformation?.good ?? [], ...examples.cloudformation?.bad ?? []]) {
        if (example.path?.endsWith('.json')) continue;
        const { text } = unmark(example.code);
        total++;
        if (check(text, `${examples.rule}: ${example.name}`)) taken++;
      }
    }
    for (const root of [join(REPO_ROOT, 'test', 'fixtures'), join(REPO_ROOT, '..', 'shared', 'cases')]) {
      if (!existsSync(root)) continue;
      for (const file of yamlFilesUnder(root)) {
        total++;
        if (check(readFileSync(file, 'utf8'), file)) taken++;
      }
    }
    assert.ok(total > 300 && taken > total * 0.8, `the fast path took ${taken} of ${total} examples and fixtures`);
  });

  test('places comment lines after a collection where the library does', () => {
    // Each text exercises one rule of the library's parser (yaml 2.x parse/parser.ts): comments more indented than
    // the collection after a one-line value join the value's end; the rest travel up through the collections
    // being closed and stay in the first one not indented 0 and not more indented than one of them.
    const cases = [
      'A:\n  B: c\n    # more\nC: d\n',
      'A:\n  B: c\n  # same\nC: d\n',
      'A:\n  B: c\n    # more\n  # same\n    # more2\nC: d\n',
      'A:\n  B: c\n\n    # after a blank line\nC: d\n',
      'A:\n  B:\n    C: d\n      # deep\nE: f\n',
      'A: b\n  # c\n',
      'A:\n  - a\n    # c\nB: 1\n',
      'A:\n  - k: v\n\n    # c1\n# c2\nB: 1\n',
      'R:\n  X:\n    T:\n      - k: v\n\n        # c1\n  # c2\n  Y: 1\n',
      'R:\n  X:\n    T:\n      - - a\n        # c1\n  # c2\n  Y: 1\n',
      'R:\n  X:\n    P:\n      k: v\n   # c\n',
      'R:\n  X:\n    P:\n      k: v\n     # c\n',
      'R:\n  X:\n    P:\n      k: v\n       # c\n  Y: 1\n',
      'A:\n  - k: v\n  # c2\n',
      'A:\n  B: [a, b] # trailing\n    # more\nC: d\n',
      'A:\n  B: |\n    x\n   # after a block scalar\nC: 1\n',
      'A:\n  B: !If\n    - C\n    - x\n      # after a tagged block\n  # c\nD: 1\n',
    ];
    for (const text of cases) assert.ok(check(text, 'comment placement'), `the fast path should take ${JSON.stringify(text)}`);
  });

  test('reads scalars, block scalars, flow collections and tags as the library does', () => {
    const cases = [
      'A: 1.0\nB: 0x1F\nC: ~\nD: true\nE: 1e3\nF: .5\nG: -0\nH: 0o17\nI: 2010-09-09\nJ: 12345678901234567890\nK: .inf\nL: +12\n',
      'true: 1\n1.50: 2\n~: 3\n"q": 4\n\'s\': 5\n',
      'A: "x\\u00e9\\ty\\"z"\nB: \'it\'\'s\'\nC: a b  c   \n',
      'A: |\n  line1\n\n  line3\nB: |-\n  x\n  y\nC: >\n  a\n  b\n\n\n  c\nD: >-\n  a\n',
      'A: !Sub |\n  x ${Y}\nB: !Base64\n  Fn::Sub: y\n',
      'A: { "Fn::If" : [ C, {Ref: X}, !Ref Y ] }\nB: ["a", \'b\', c d, []]\nC: {}\n',
      'A: !GetAtt X.Arn\nB: !GetAZs\nC: !Ref 1\nD: !If\n  - C\n  - - a\n    - b\n  - k: v\n',
      '  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Name: !Sub "${AWS::StackName}-x"\n',
    ];
    for (const text of cases) assert.ok(check(text, 'scalars'), `the fast path should take ${JSON.stringify(text)}`);
  });

  test('leaves anchors, aliases, merge keys, tabs, lone CRs, several documents and unknown tags to the library', () => {
    const declined = [
      'A: &a x\nB: *a\n',
      'A:\n  <<: {x: 1}\n',
      'A:\n\tB: 1\n',
      'A: 1\rB: 2\r',
      '---\nA: 1\n---\nB: 2\n',
      'A: !Rain::Embed x.py\n',
      'A: [a,\n  b]\n',
      'A: "multi\n  line"\n',
      'A: plain\n  continued\n',
      'A: b: c\n',
      '? complex\n: key\n',
      'A:\n  - # nothing\n',
    ];
    for (const text of declined) assert.equal(parseFastYaml(text), undefined, JSON.stringify(text));
    // ...and parseYaml still reads them (through the library).
    assert.equal(parseYaml('A: &a x\nB: *a\n').root?.kind, 'map');
  });

  test('takes CRLF line breaks (Windows files)', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n  # a comment\r\n  Data:\r\n    Type: AWS::S3::Bucket\r\n    Properties:\r\n      Tags:\r\n        - Key: a\r\n          Value: !Sub |\r\n            x ${AWS::Region}\r\n\r\n            y\r\n';
    assert.ok(checkOne(text, 'CRLF'), 'the fast path should take a CRLF template');
  });

  test('random documents and mutations of real ones: the fast path agrees with the library or declines', { timeout: 120_000 }, () => {
    const random = seeded(20261201);
    // Every check also runs the text with CRLF line breaks.
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const scalars = ['a', 'b c', '1', '-2', '0x1F', '1.5', 'true', 'null', '~', '"q"', "'s'", '"a\\"b"', "'it''s'", '[a, b]', '{k: v}',
      '{"Ref": "X"}', '[]', '{}', '!Ref X', '!GetAtt A.B', '!Sub "${X}"', '!If [C, a, b]', '!GetAZs', 'x # c', '"x" # c',
      'arn:aws:s3:::b/*', 'a:b', '&x a', '*x', '- x', 'k: v', '"a":b', '["a": b]', '[a, {b: c}]'];
    const keys = ['K', 'Key', 'Fn::If', 'Ref', '"Q"', "'s'", 'a b', '1', 'true', '<<', '&a k'];
    const tags = ['!If', '!Sub', '!Join', '!Ref'];
    const comments = (maxIndent: number): string => {
      let out = '';
      while (random() < 0.25) out += random() < 0.3 ? '\n' : `${' '.repeat(Math.floor(random() * (maxIndent + 4)))}# c\n`;
      return out;
    };
    const blockScalar = (indent: number): string => {
      const contentIndent = indent + 1 + Math.floor(random() * 3);
      let out = `${pick(['|', '|-', '>', '>-'])}\n`;
      for (let line = 0, lines = 1 + Math.floor(random() * 3); line < lines; line++) {
        out += `${random() < 0.15 ? '' : ' '.repeat(contentIndent) + pick(['text', '# not a comment', 'more words'])}\n`;
      }
      return out;
    };
    const value = (indent: number, depth: number): string => {
      const roll = random();
      if (depth < 5 && roll < 0.35) return `\n${block(indent + 1 + Math.floor(random() * 3), depth + 1)}`;
      if (depth < 5 && roll < 0.42) return ` ${pick(tags)}\n${block(indent + 2, depth + 1)}`;
      if (roll < 0.5) return ` ${random() < 0.3 ? `${pick(tags)} ` : ''}${blockScalar(indent)}`;
      if (roll < 0.55) return `\n${depth < 5 ? `${' '.repeat(indent)}- a\n` : ''}`;
      if (roll < 0.58) return '\n';
      return ` ${pick(scalars)}${random() < 0.1 ? '   ' : ''}\n`;
    };
    const item = (indent: number, depth: number): string => {
      const roll = random();
      if (depth < 5 && roll < 0.25) return ` ${block(indent + 2, depth + 1).slice(indent + 2)}`;
      if (depth < 5 && roll < 0.32) return ` ${pick(tags)}\n${block(indent + 2 + Math.floor(random() * 2), depth + 1)}`;
      if (roll < 0.4) return ` ${blockScalar(indent)}`;
      return ` ${pick(scalars)}\n`;
    };
    const block = (indent: number, depth: number): string => {
      let out = '';
      const map = random() < 0.5 || depth > 4;
      for (let entry = 0, entries = 1 + Math.floor(random() * 3); entry < entries; entry++) {
        out += map ? `${' '.repeat(indent)}${pick(keys)}:${value(indent, depth)}` : `${' '.repeat(indent)}-${item(indent, depth)}`;
        out += comments(indent + 6);
      }
      return out;
    };
    let generatedTaken = 0;
    for (let index = 0; index < 4000; index++) {
      if (check(comments(4) + block(random() < 0.8 ? 0 : 2, 0) + comments(8), `random document ${index}`)) generatedTaken++;
    }
    const corpus = yamlFilesUnder(CLOUDFORMATION_CORPUS).map((file) => readFileSync(file, 'utf8'));
    const inserts = [' ', '#', ' #', ':', ': ', '-', '- ', "'", '"', '[', ']', '{', '}', '!', '|', '>', '\n', '&a ', '*', ',', '?', '\\', '\n  ', '\n#c\n', '!Ref ', '|-', '~'];
    let mutantsTaken = 0;
    for (let index = 0; index < 2000; index++) {
      // A whole template, or 60 lines from a top-level key of a long one (the library is slow on long texts).
      const lines = pick(corpus).split('\n');
      const tops = lines.flatMap((line, at) => (/^[A-Za-z]/.test(line) ? [at] : []));
      const from = lines.length <= 120 || tops.length === 0 ? 0 : pick(tops);
      let text = lines.slice(from, from + (lines.length <= 120 ? lines.length : 60)).join('\n');
      for (let edit = 0, edits = 1 + Math.floor(random() * 3); edit < edits; edit++) {
        const parts = text.split('\n');
        const at = Math.floor(random() * parts.length);
        const position = Math.floor(random() * text.length);
        switch (Math.floor(random() * 8)) {
          case 0: parts.splice(at, 1); text = parts.join('\n'); break;
          case 1: parts.splice(at, 0, parts[at] ?? ''); text = parts.join('\n'); break;
          case 2: parts[at] = ' '.repeat(1 + Math.floor(random() * 3)) + (parts[at] ?? ''); text = parts.join('\n'); break;
          case 3: parts[at] = (parts[at] ?? '').replace(/^ {1,2}/, ''); text = parts.join('\n'); break;
          case 4: parts.splice(at, 0, `${' '.repeat(Math.floor(random() * 12))}# c`); text = parts.join('\n'); break;
          case 5: text = text.slice(0, position); break;
          case 6: text = text.slice(0, position) + pick(inserts) + text.slice(position); break;
          default: text = text.slice(0, position) + text.slice(position + 1 + Math.floor(random() * 3));
        }
      }
      if (check(text, `mutant ${index}`)) mutantsTaken++;
    }
    // Not vacuous: both kinds of input reach the comparison often.
    assert.ok(generatedTaken > 1000, `the fast path took only ${generatedTaken} random documents`);
    assert.ok(mutantsTaken > 600, `the fast path took only ${mutantsTaken} mutants`);
  });
});
