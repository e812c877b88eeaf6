// The shared bounds on hostile input (limits.ts) and the one notion of a line (text.ts): how a parser's problems
// are clamped, merged and capped, and how LF, CRLF and lone-CR line breaks give lines and columns.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { finishProblems, MAX_NESTING, MAX_PARSE_PROBLEMS, nestedTooDeeply, tooDeepNode } from '../../server/src/analysis/limits';
import { LineIndex, lineBreakOf, lineStartAt, normaliseLoneCarriageReturns } from '../../server/src/analysis/text';
import { opaqueReason } from '../../server/src/analysis/types';
import type { Problem } from '../../server/src/analysis/types';

const error = (message: string, start: number, end = start + 1): Problem => ({ message, range: { start, end }, severity: 'error' });

describe('finishProblems', () => {
  test('ranges past the end of the text, or negative, are clamped into it', () => {
    assert.deepEqual(finishProblems([error('a', 10, 12), error('b', -3, -1)], 'abcdefgh'), [
      { message: 'b', range: { start: 0, end: 0 }, severity: 'error' },
      { message: 'a', range: { start: 8, end: 8 }, severity: 'error' },
    ]);
  });

  test('sorted by position; at one place, by message', () => {
    const text = 'x'.repeat(20);
    assert.deepEqual(finishProblems([error('b', 5), error('a', 9), error('a', 5)], text).map((problem) => `${problem.message}@${problem.range.start}`), ['a@5', 'b@5', 'a@9']);
  });

  test('a run of identical problems separated only by white space becomes one problem over the run', () => {
    const text = '}} }\n\t}x}';
    const problems = [0, 1, 3, 6, 8].map((at) => error('stray', at));
    assert.deepEqual(finishProblems(problems, text), [
      { message: 'stray (4 times)', range: { start: 0, end: 7 }, severity: 'error' },
      { message: 'stray', range: { start: 8, end: 9 }, severity: 'error' },
    ]);
  });

  test('identical problems at one place are one problem', () => {
    assert.deepEqual(finishProblems([error('close', 3, 3), error('close', 3, 3), error('close', 3, 3)], 'abc'), [
      { message: 'close (3 times)', range: { start: 3, end: 3 }, severity: 'error' },
    ]);
  });

  test('a different severity or message breaks a run', () => {
    const warning: Problem = { message: 'stray', range: { start: 1, end: 2 }, severity: 'warning' };
    assert.equal(finishProblems([error('stray', 0), warning, error('stray', 2)], '   ').length, 3);
    assert.equal(finishProblems([error('stray', 0), error('other', 1), error('stray', 2)], '   ').length, 3);
  });

  test(`at most ${MAX_PARSE_PROBLEMS}; the last one counts the rest, with the worst severity among them`, () => {
    const text = 'a.'.repeat(500);
    const problems: Problem[] = Array.from({ length: 300 }, (_, index) => ({ message: 'p', range: { start: index * 2, end: index * 2 + 1 }, severity: index === 250 ? 'error' : 'warning' }));
    const finished = finishProblems(problems, text);
    assert.equal(finished.length, MAX_PARSE_PROBLEMS);
    assert.deepEqual(finished[MAX_PARSE_PROBLEMS - 1], { message: '... and 201 more problems (not listed).', range: { start: 198, end: 199 }, severity: 'error' });
  });

  test('problems a parser only counted are added to the last one', () => {
    const finished = finishProblems([error('p', 0)], 'ab', 7);
    assert.deepEqual(finished, [error('p', 0), { message: '... and 7 more problems (not listed).', range: { start: 0, end: 1 }, severity: 'error' }]);
  });

  test('the input is not changed', () => {
    const problems = [error('b', 3), error('a', 0)];
    finishProblems(problems, 'abcd');
    assert.deepEqual(problems.map((problem) => problem.message), ['b', 'a']);
  });
});

describe('the nesting bound', () => {
  test('the problem and the unknown node that stand for a value nested too deeply', () => {
    assert.equal(MAX_NESTING, 100);
    assert.deepEqual(nestedTooDeeply({ start: 4, end: 5 }, 'YAML: '), {
      message: 'YAML: Nested too deeply (more than 100 levels): this value is not analysed.', range: { start: 4, end: 5 }, severity: 'warning',
    });
    const node = tooDeepNode({ start: 4, end: 90 });
    assert.equal(node.range.end, 90);
    assert.equal(opaqueReason(node), 'a value nested more than 100 levels deep, which is not analysed');
  });
});

describe('lines: LF, CRLF and lone CR', () => {
  const text = 'a\rbb\r\nccc\nd\r\r';
  const lines = new LineIndex(text);

  test('every kind of line break ends a line', () => {
    assert.equal(lines.lineCount, 6);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((line) => lines.lineStart(line)), [0, 2, 6, 10, 12, 13]);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((line) => text.slice(lines.lineStart(line), lines.lineEnd(line))), ['a', 'bb', 'ccc', 'd', '', '']);
  });

  test('offsets and positions map both ways', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      const position = lines.positionAt(offset);
      // An offset inside a CRLF pair has no position of its own: it maps to the end of its line.
      if (offset === 5) assert.deepEqual(position, { line: 1, character: 3 });
      else assert.equal(lines.offsetAt(position), offset, `offset ${offset}`);
    }
  });

  test('a character past the end of a line means the end of the line, before its line break (as LSP clients count)', () => {
    assert.equal(lines.offsetAt({ line: 1, character: 99 }), 4);
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 1);
    assert.equal(lines.offsetAt({ line: 5, character: 99 }), text.length);
    assert.equal(lines.offsetAt({ line: 99, character: 0 }), text.length);
  });

  test('the line a fix inserts into starts after any line break; inserted text uses the file\'s line break', () => {
    assert.equal(lineStartAt(text, 4), 2);
    assert.equal(lineStartAt(text, 8), 6);
    assert.equal(lineStartAt(text, 11), 10);
    assert.equal(lineBreakOf('a\rb\nc'), '\r');
    assert.equal(lineBreakOf('a\r\nb\rc'), '\r\n');
    assert.equal(lineBreakOf('a\nb\r\n'), '\n');
    assert.equal(lineBreakOf('one line'), '\n');
  });

  test('lone CRs become LF for the YAML library, one character for one; CRLF stays', () => {
    assert.equal(normaliseLoneCarriageReturns(text), 'a\nbb\r\nccc\nd\n\n');
    assert.equal(normaliseLoneCarriageReturns('no breaks'), 'no breaks');
  });
});
