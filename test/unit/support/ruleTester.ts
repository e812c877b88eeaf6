// Data-driven rule tests in the style of eslint's RuleTester: a snippet marks each expected finding's exact
// range with ⟦ and ⟧; the helper strips the markers, analyses the text and compares rule ids, ranges and
// message fragments exactly.
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import type { Finding, Severity } from '../../../server/src/analysis';

export interface ExpectedFinding {
  readonly ruleId: string;
  readonly severity?: Severity;
  /** Fragments the message must contain. */
  readonly message?: readonly string[];
}

export interface Marked {
  readonly text: string;
  readonly ranges: readonly { start: number; end: number }[];
}

export function unmark(marked: string): Marked {
  const ranges: { start: number; end: number }[] = [];
  let text = '';
  let open = -1;
  for (const char of marked) {
    if (char === '⟦') open = text.length;
    else if (char === '⟧') {
      ranges.push({ start: open, end: text.length });
      open = -1;
    } else text += char;
  }
  return { text, ranges };
}

export function analyse(path: string, text: string) {
  return new Analyzer().analyze({ path, text });
}

/** Asserts that `ruleId` reports exactly the marked ranges (in order) and nothing else. */
export function expectFindings(path: string, marked: string, ruleId: string, expected: readonly ExpectedFinding[] = []): Finding[] {
  const { text, ranges } = unmark(marked);
  const result = analyse(path, text);
  assert.equal(result.kind, 'cloudformation', `${path} should be analysed as CloudFormation (${result.skipReason ?? ''})`);
  return assertMarkedFindings(text, ranges, result.findings, ruleId, expected);
}

/** The comparison both formats' testers share: exact ranges of `ruleId`, then severities and message fragments. */
export function assertMarkedFindings(text: string, ranges: Marked['ranges'], all: readonly Finding[], ruleId: string, expected: readonly ExpectedFinding[]): Finding[] {
  const findings = all.filter((finding) => finding.ruleId === ruleId);
  const describe = (finding: Finding) => `${JSON.stringify(text.slice(finding.range.start, finding.range.end))} @${finding.range.start}-${finding.range.end}: ${finding.message}`;
  assert.deepEqual(
    findings.map((finding) => ({ start: finding.range.start, end: finding.range.end })),
    ranges,
    `ranges of ${ruleId}:\n${findings.map(describe).join('\n')}`,
  );
  expected.forEach((want, index) => {
    const finding = findings[index];
    assert.ok(finding, `expected finding ${index} of ${ruleId}`);
    if (want.severity) assert.equal(finding.severity, want.severity, describe(finding));
    for (const fragment of want.message ?? []) assert.ok(finding.message.includes(fragment), `message should contain ${JSON.stringify(fragment)}: ${finding.message}`);
  });
  return findings;
}
