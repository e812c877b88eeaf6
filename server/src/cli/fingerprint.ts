// Stable identities of findings, for SARIF `partialFingerprints` and for baselines (`--create-baseline`,
// `--baseline`): what a finding is about, never where it is, so that unrelated edits (lines added above, other
// resources changed, the file re-indented) keep it.
import { createHash } from 'node:crypto';
import type { Finding } from '../analysis';

/** The key under `partialFingerprints`; its version changes whenever the recipe below does. */
export const FINGERPRINT_KEY = 'iacHintsFinding/v1';

/** The flagged text (the setting's value, or the resource's name for a missing setting): its first line, spaces and quotes folded. */
function flaggedText(text: string, finding: Finding): string {
  const raw = text.slice(finding.range.start, Math.min(finding.range.end, finding.range.start + 200));
  return raw.split(/\r\n|\r|\n/, 1)[0].replace(/["']/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * One fingerprint per finding, in order: a SHA-256 (hex, 32 digits) of the rule id, the resource (logical id or
 * Terraform address), the setting path the rule judged (when it names one) and the flagged text. Findings that
 * agree on all four (two list elements with the same value) are told apart by their order in the file.
 */
export function fingerprintFindings(text: string, findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = [finding.ruleId, finding.resource.id, (finding.settingPath ?? []).join('.'), flaggedText(text, finding)].join('\u0000');
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return createHash('sha256').update(occurrence === 1 ? base : `${base}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}
