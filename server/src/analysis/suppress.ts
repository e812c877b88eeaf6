// Suppressions, always with a reason:
//   # iac-hints-ignore <rule-id>[, <rule-id>...]: <reason>   above a resource's logical id (the whole resource),
//                                                            above a setting's line, or at the end of that line
//   # iac-hints-ignore-file <rule-id|all>: <reason>          anywhere (the whole file)
//   Metadata: { iac-hints: { ignore: { <rule-id>: <reason> } } }   on a resource (YAML and JSON alike)
// The same comments work in Terraform (.tf), above a `resource` block.
// A suppression without a reason still applies, but is reported, so reviews can see it.
// Other tools' suppressions (checkov, cfn_nag, cfn-lint, tfsec, Trivy) are read in suppress/foreign.ts.
import type { LineIndex } from './text';
import type { Finding, Problem } from './types';
import type { CfnTemplate } from './cloudformation/template';
import { mapEntry } from './cloudformation/template';

export interface Suppression {
  readonly ruleIds: readonly string[] | 'all';
  readonly reason: string;
  /** Whole file; or the resource id; or the line it covers. */
  readonly scope: { kind: 'file' } | { kind: 'resource'; id: string } | { kind: 'line'; line: number };
}

export interface SuppressedFinding {
  readonly finding: Finding;
  readonly reason: string;
  /** The other tool whose suppression applied ('checkov', 'cfn_nag', 'cfn-lint', 'kics', 'tfsec', 'trivy'); absent: ours. */
  readonly tool?: string;
  /** That tool's check id, as written in the suppression (`CKV_AWS_18`, `W35`, `AVD-AWS-0135`). */
  readonly peerId?: string;
}

const COMMENT = /(^|\s)#\s*iac-hints-ignore(-file)?\b[ \t]*([^:\n#]*?)[ \t]*(?::[ \t]*([^\n]*?))?[ \t]*$/;
const PLACEHOLDER_REASON = /^(<reason>|todo|)$/i;

export function collectSuppressions(text: string, lines: LineIndex, template: CfnTemplate, problems: Problem[]): Suppression[] {
  const resourceByLine = new Map<number, string>();
  for (const resource of template.resources) resourceByLine.set(lines.positionAt(resource.idRange.start).line, resource.id);
  return [...commentSuppressions(text, lines, resourceByLine, problems), ...metadataSuppressions(template, problems)];
}

/**
 * Suppression comments (`#`, which YAML and HCL share). `resourceByLine` maps the line where a resource starts
 * (its logical id, or `resource "type" "name" {`) to the id findings carry.
 */
export function commentSuppressions(text: string, lines: LineIndex, resourceByLine: ReadonlyMap<number, string>, problems: Problem[]): Suppression[] {
  const suppressions: Suppression[] = [];

  if (text.includes('iac-hints-ignore')) {
    for (let line = 0; line < lines.lineCount; line++) {
      const start = lines.lineStart(line);
      const lineText = text.slice(start, lines.lineEnd(line));
      const match = COMMENT.exec(lineText);
      if (!match) continue;
      const isFile = match[2] === '-file';
      const ids = match[3].split(/[\s,]+/).filter(Boolean);
      const reason = (match[4] ?? '').trim();
      const range = { start: start + match.index + match[1].length, end: start + lineText.length };
      if (ids.length === 0) {
        problems.push({ message: 'iac-hints-ignore needs the rule id(s) to suppress, then a colon and the reason.', range, severity: 'warning' });
        continue;
      }
      if (PLACEHOLDER_REASON.test(reason)) {
        problems.push({ message: `Suppression of ${ids.join(', ')} has no reason: say why the risk is accepted after a colon.`, range, severity: 'warning' });
      }
      const ruleIds = ids.includes('all') ? 'all' : ids;
      const commentOnly = lineText.trimStart().startsWith('#');
      if (isFile) {
        suppressions.push({ ruleIds, reason, scope: { kind: 'file' } });
      } else if (!commentOnly) {
        suppressions.push({ ruleIds, reason, scope: { kind: 'line', line } });
      } else {
        let next = line + 1;
        while (next < lines.lineCount && /^\s*(#.*)?$/.test(text.slice(lines.lineStart(next), lines.lineEnd(next)))) next++;
        const resourceId = resourceByLine.get(next);
        suppressions.push(resourceId ? { ruleIds, reason, scope: { kind: 'resource', id: resourceId } } : { ruleIds, reason, scope: { kind: 'line', line: next } });
      }
    }
  }
  return suppressions;
}

function metadataSuppressions(template: CfnTemplate, problems: Problem[]): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const resource of template.resources) {
    const settings = mapEntry(resource.node, 'Metadata');
    const ours = settings?.kind === 'map' ? mapEntry(settings, 'iac-hints') : undefined;
    const ignore = ours?.kind === 'map' ? mapEntry(ours, 'ignore') : undefined;
    if (ignore?.kind !== 'map') continue;
    for (const entry of ignore.entries) {
      const reason = entry.value?.kind === 'scalar' && entry.value.value !== null ? String(entry.value.value).trim() : '';
      if (PLACEHOLDER_REASON.test(reason)) {
        problems.push({ message: `Suppression of ${entry.key} has no reason: give one as the value.`, range: entry.keyRange, severity: 'warning' });
      }
      suppressions.push({ ruleIds: [entry.key], reason, scope: { kind: 'resource', id: resource.id } });
    }
  }
  return suppressions;
}

/** Splits findings into those still reported and those suppressed (with the reason). */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], lines: LineIndex): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const line = lines.positionAt(finding.range.start).line;
    const match = suppressions.find((suppression) =>
      (suppression.ruleIds === 'all' || suppression.ruleIds.includes(finding.ruleId))
      && (suppression.scope.kind === 'file'
        || (suppression.scope.kind === 'resource' && coversResource(suppression.scope.id, finding.resource.id))
        || (suppression.scope.kind === 'line' && suppression.scope.line === line)));
    if (match) suppressed.push({ finding, reason: match.reason });
    else kept.push(finding);
  }
  return { kept, suppressed };
}

/** A resource suppression covers the resource, its instances (`x["a"]`) and, for a module call, what it creates. */
export function coversResource(id: string, findingResource: string): boolean {
  return findingResource === id || findingResource.startsWith(`${id}[`) || findingResource.startsWith(`${id}.`);
}
