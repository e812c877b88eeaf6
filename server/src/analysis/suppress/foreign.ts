// Other tools' suppressions, honoured through the equivalents each rule lists (suppress/peers.ts), each read
// where and as its own tool reads it:
//   checkov   `checkov:skip=<ID>[:<reason>]` (or `bridgecrew:skip=`) on any line inside a CloudFormation resource
//             (YAML) or a Terraform resource or module block (HCL): that resource. Resource
//             `Metadata: {checkov: {skip: [{id, comment}]}}` (YAML and JSON). checkov/common/comment/enum.py.
//   cfn_nag   resource `Metadata: {cfn_nag: {rules_to_suppress: [{id, reason}]}}` (YAML and JSON).
//   cfn-lint  `Metadata: {cfn-lint: {config: {ignore_checks: [...]}}}` on a resource, or the template's own Metadata
//             (the whole file). No rule lists a cfn-lint equivalent, so these are only reported.
//   tfsec, Trivy  `tfsec:ignore:<ID>` / `trivy:ignore:<ID>` in a Terraform file, with optional `:exp:YYYY-MM-DD`
//             (no longer applied from that day, UTC) and `:ws:<workspace>`; as Trivy reads them
//             (aquasecurity/trivy pkg/iac/ignore): any space-separated word of a line, a run of ignore lines chained
//             to the line after the run, and an ignore on line L covers a finding when the finding, or an
//             attribute or block enclosing it, starts on line L or L+1. `*` covers every rule.
//   KICS      `# kics-scan ignore-line`, `ignore-block`, `ignore` (the file) and `disable=<query ids>` in a YAML or HCL
//             comment (`#` or `//`). No rule lists a KICS query as an equivalent, so these are only reported.
// Terraform JSON has no form for any of them (no comments; none of these tools reads ignores from `//` keys).
// cfn-guard's `Metadata.guard.SuppressedRules` is not read: no rule lists a guard rule as an equivalent.
import type { LineIndex } from '../text';
import type { Finding, OffsetRange, Problem } from '../types';
import type { CfnTemplate } from '../cloudformation/template';
import { mapEntry } from '../cloudformation/template';
import type { HclBody } from '../terraform/hcl/ast';
import type { MapNode, ValueNode } from '../types';
import { coversResource } from '../suppress';
import type { SuppressedFinding } from '../suppress';
import { equivalentRules, hasEquivalent } from './peers';
import type { PeerTool } from './peers';

export type { PeerTool };

/** What a foreign suppression covers. `line`: Trivy's rule (see the head of this file), 0-based. */
export type ForeignScope =
  | { readonly kind: 'file' }
  | { readonly kind: 'resources'; readonly ids: readonly string[] }
  | { readonly kind: 'line'; readonly line: number };

/** Why a suppression written in the file does not apply. */
export type Inactive =
  | { readonly kind: 'expired'; readonly date: string }
  | { readonly kind: 'bad-date'; readonly text: string }
  | { readonly kind: 'workspace'; readonly workspace: string }
  | { readonly kind: 'condition'; readonly condition: string };

export interface ForeignSuppression {
  readonly tool: PeerTool;
  /** The other tool's check id, as written. */
  readonly peerId: string;
  /** How it is written, for messages: `checkov:skip=CKV_AWS_18`, `cfn_nag rules_to_suppress W35`. */
  readonly form: string;
  /** The reason given (checkov comment, cfn_nag reason, words after a Trivy ignore), or ''. */
  readonly reason: string;
  /** Where it is written: the id, or the whole ignore word. */
  readonly range: OffsetRange;
  readonly scope: ForeignScope;
  readonly inactive?: Inactive;
}

const CHECKOV_COMMENT = /(checkov:skip=|bridgecrew:skip=) *([A-Z_\d]+)(:[^\n]+)?/;

// KICS reads its commands from comments (pkg/model/comment_*.go): `kics-scan <command>`.
const KICS_COMMENT = /(?:#|\/\/)\s*kics-scan\s+(ignore-line|ignore-block|ignore|disable=[^\s#]*)(?=\s|$)/;

/** Today's date (UTC, YYYY-MM-DD), which Trivy compares expiry dates with. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

// ------------------------------------------------------------------------------------------------------------
// CloudFormation

/** The suppressions of checkov (YAML comments and Metadata), cfn_nag and cfn-lint (Metadata) in a template. */
export function cloudFormationForeignSuppressions(text: string, lines: LineIndex, template: CfnTemplate): ForeignSuppression[] {
  const found: ForeignSuppression[] = [];
  if (template.format === 'yaml') {
    const spans = template.resources.map((resource) => ({ id: resource.id, range: { start: resource.range.start, end: withTrailingComments(text, lines, resource.range.end, lines.positionAt(resource.idRange.start).character) } }));
    found.push(...checkovComments(text, lines, spans), ...kicsComments(text, lines));
  }
  for (const resource of template.resources) {
    const metadata = mapEntry(resource.node, 'Metadata');
    if (metadata?.kind !== 'map') continue;
    const scope: ForeignScope = { kind: 'resources', ids: [resource.id] };
    for (const item of itemsOf(path(metadata, ['checkov', 'skip']))) {
      const id = scalarEntry(item, 'id');
      if (id) found.push({ tool: 'checkov', peerId: id.text, form: `checkov skip ${id.text} (Metadata)`, reason: scalarEntry(item, 'comment')?.text ?? '', range: id.range, scope });
    }
    for (const item of itemsOf(path(metadata, ['cfn_nag', 'rules_to_suppress']))) {
      const id = scalarEntry(item, 'id');
      if (id) found.push({ tool: 'cfn_nag', peerId: id.text, form: `cfn_nag rules_to_suppress ${id.text}`, reason: scalarEntry(item, 'reason')?.text ?? '', range: id.range, scope });
    }
    found.push(...cfnLintChecks(metadata, scope));
  }
  const templateMetadata = mapEntry(template.root, 'Metadata');
  if (templateMetadata?.kind === 'map') found.push(...cfnLintChecks(templateMetadata, { kind: 'file' }));
  return merged(found);
}

/**
 * checkov reads a YAML resource up to where its mapping ends, which takes in the comment lines after its last
 * value; those indented deeper than the logical id are the resource's own (one at the id's column belongs to what
 * follows, to a reader).
 */
function withTrailingComments(text: string, lines: LineIndex, end: number, idColumn: number): number {
  let extended = end;
  for (let line = lines.positionAt(end).line + 1; line < lines.lineCount; line++) {
    const lineText = text.slice(lines.lineStart(line), lines.lineEnd(line));
    if (lineText.trim() === '') continue;
    const comment = /^(\s*)#/.exec(lineText);
    if (!comment || comment[1].length <= idColumn) break;
    extended = lines.lineEnd(line);
  }
  return extended;
}

function cfnLintChecks(metadata: MapNode, scope: ForeignScope): ForeignSuppression[] {
  const checks = path(metadata, ['cfn-lint', 'config', 'ignore_checks']);
  const items = checks?.kind === 'scalar' ? [checks] : itemsOf(checks);
  return items.flatMap((item) => {
    const text = scalarText(item);
    return text ? [{ tool: 'cfn-lint' as const, peerId: text, form: `cfn-lint ignore_checks ${text}`, reason: '', range: item.range, scope }] : [];
  });
}

function path(node: ValueNode | undefined, keys: readonly string[]): ValueNode | undefined {
  let current = node;
  for (const key of keys) current = current?.kind === 'map' ? mapEntry(current, key) : undefined;
  return current;
}

function itemsOf(node: ValueNode | undefined): readonly ValueNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

function scalarText(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null && String(node.value).trim() !== '' ? String(node.value).trim() : undefined;
}

function scalarEntry(item: ValueNode, key: string): { text: string; range: OffsetRange } | undefined {
  const value = item.kind === 'map' ? mapEntry(item, key) : undefined;
  const text = scalarText(value);
  return text !== undefined && value ? { text, range: value.range } : undefined;
}

/** Fn::ForEach makes several resources of one written body: one suppression, covering all of them. */
function merged(found: readonly ForeignSuppression[]): ForeignSuppression[] {
  const byPlace = new Map<string, ForeignSuppression>();
  for (const suppression of found) {
    const place = `${suppression.tool}\u0000${suppression.peerId}\u0000${suppression.range.start}\u0000${suppression.range.end}`;
    const earlier = byPlace.get(place);
    if (earlier?.scope.kind === 'resources' && suppression.scope.kind === 'resources') {
      byPlace.set(place, { ...earlier, scope: { kind: 'resources', ids: [...new Set([...earlier.scope.ids, ...suppression.scope.ids])] } });
    } else if (!earlier) {
      byPlace.set(place, suppression);
    }
  }
  return [...byPlace.values()].sort((a, b) => a.range.start - b.range.start);
}

// ------------------------------------------------------------------------------------------------------------
// Terraform (HCL)

/**
 * The suppressions of checkov and of tfsec/Trivy in one `.tf` file. `blocks` are the file's resource and module
 * blocks with the id findings carry (`aws_s3_bucket.logs`, `module.db`); `today` is YYYY-MM-DD (UTC).
 */
export function terraformForeignSuppressions(text: string, lines: LineIndex, blocks: readonly { id: string; range: OffsetRange }[], today: string = todayUtc()): ForeignSuppression[] {
  return merged([...checkovComments(text, lines, blocks), ...trivyIgnores(text, lines, today), ...kicsComments(text, lines)]);
}

/** KICS's comment commands: reported only (see the head of this file), so each covers the file for the message. */
function kicsComments(text: string, lines: LineIndex): ForeignSuppression[] {
  if (!text.includes('kics-scan')) return [];
  const found: ForeignSuppression[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const lineText = text.slice(start, lines.lineEnd(line));
    if (!lineText.includes('kics-scan')) continue;
    const match = KICS_COMMENT.exec(lineText);
    if (!match) continue;
    const from = start + match.index + match[0].indexOf('kics-scan');
    found.push({ tool: 'kics', peerId: match[1], form: `kics-scan ${match[1]}`, reason: '', range: { start: from, end: start + match.index + match[0].length }, scope: { kind: 'file' } });
  }
  return found;
}

/**
 * The lines (0-based) Trivy compares an ignore's line with for a finding: the finding's own first line, and the
 * first line of every attribute and block of `body` that encloses it (a resource block, a nested block, a module call).
 */
export function enclosingLines(body: HclBody, finding: Finding, lines: LineIndex): number[] {
  const offset = finding.range.start;
  const found = [lines.positionAt(offset).line];
  let current: HclBody | undefined = body;
  while (current) {
    let next: HclBody | undefined;
    for (const attribute of current.attributes) {
      if (attribute.range.start <= offset && offset < attribute.range.end) found.push(lines.positionAt(attribute.range.start).line);
    }
    for (const block of current.blocks) {
      if (block.range.start <= offset && offset < block.range.end) {
        found.push(lines.positionAt(block.range.start).line);
        next = block.body;
        break;
      }
    }
    current = next;
  }
  return found;
}

function checkovComments(text: string, lines: LineIndex, spans: readonly { id: string; range: OffsetRange }[]): ForeignSuppression[] {
  if (!text.includes('checkov:skip=') && !text.includes('bridgecrew:skip=')) return [];
  const found: ForeignSuppression[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const match = CHECKOV_COMMENT.exec(text.slice(start, lines.lineEnd(line)));
    if (!match) continue;
    const idStart = start + match.index + match[0].indexOf(match[2], match[1].length);
    const range = { start: start + match.index, end: idStart + match[2].length };
    // checkov reads the lines of each resource: the comment covers the resource (resources) it is written in.
    const ids = spans.filter((span) => span.range.start <= range.start && range.start < span.range.end).map((span) => span.id);
    const reason = (match[3] ?? '').slice(1).trim().replace(/^"(.*)"$/, '$1');
    found.push({ tool: 'checkov', peerId: match[2], form: `checkov:skip=${match[2]}`, reason, range, scope: { kind: 'resources', ids } });
  }
  return found;
}

interface TrivyRule {
  readonly tool: 'tfsec' | 'trivy';
  readonly id: string;
  readonly range: OffsetRange;
  line: number;
  readonly reason: string;
  readonly inactive?: Inactive;
}

function trivyIgnores(text: string, lines: LineIndex, today: string): ForeignSuppression[] {
  if (!text.includes('tfsec:') && !text.includes('trivy:')) return [];
  const rules: TrivyRule[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const lineText = text.slice(start, lines.lineEnd(line));
    if (!lineText.includes('tfsec:') && !lineText.includes('trivy:')) continue;
    const onLine: TrivyRule[] = [];
    let reasonFrom = 0;
    for (const word of lineText.matchAll(/\S+/g)) {
      const lead = /^[#/*]*/.exec(word[0])?.[0].length ?? 0;
      const part = word[0].slice(lead);
      const tool = part.startsWith('tfsec:') ? 'tfsec' : part.startsWith('trivy:') ? 'trivy' : undefined;
      if (!tool) continue;
      const sections = parseSections(part.slice(tool.length + 1), today);
      if (!sections) continue;
      const wordStart = start + (word.index ?? 0) + lead;
      onLine.push({ tool, id: sections.id, range: { start: wordStart, end: wordStart + part.length }, line, reason: '', inactive: sections.inactive });
      reasonFrom = (word.index ?? 0) + word[0].length;
    }
    const reason = lineText.slice(reasonFrom).trim().replace(/^(#|\/\/|\/\*)\s*/, '').replace(/\s*\*\/$/, '');
    rules.push(...onLine.map((rule) => ({ ...rule, reason })));
  }
  shift(rules);
  return rules.map((rule) => ({
    tool: rule.tool,
    peerId: rule.id,
    form: `${rule.tool}:ignore:${rule.id}`,
    reason: rule.reason,
    range: rule.range,
    scope: { kind: 'line', line: rule.line },
    inactive: rule.inactive,
  }));
}

/** `ignore:<id>[params]`, `exp:<date>`, `ws:<workspace>` pairs, as Trivy splits them; undefined without an id. */
function parseSections(input: string, today: string): { id: string; inactive?: Inactive } | undefined {
  const segments = input.split(':');
  let id: string | undefined;
  let condition: string | undefined;
  let inactive: Inactive | undefined;
  for (let i = 0; i + 1 < segments.length; i += 2) {
    const [name, value] = [segments[i], segments[i + 1]];
    if (name === 'ignore') {
      const bracket = value.indexOf('[');
      id = bracket === -1 ? value : value.slice(0, bracket);
      if (bracket !== -1) condition = value.slice(bracket);
    } else if (name === 'exp') {
      if (!isDate(value)) inactive ??= { kind: 'bad-date', text: value };
      else if (today >= value) inactive ??= { kind: 'expired', date: value };
    } else if (name === 'ws' && !globMatches(value, 'default')) {
      inactive ??= { kind: 'workspace', workspace: value };
    }
  }
  if (!id) return undefined;
  if (condition && !inactive) inactive = { kind: 'condition', condition };
  return { id, inactive };
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function globMatches(pattern: string, name: string): boolean {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(name);
}

/** Trivy's `Rules.shift`: a run of ignore lines directly above a line all apply to the line after the run. */
function shift(rules: TrivyRule[]): void {
  let runLine: number | undefined;
  let offset = 0;
  for (let i = rules.length - 1; i > 0; i--) {
    const current = rules[i];
    const next = rules[i - 1];
    runLine ??= current.line;
    if (next.line + 1 + offset === current.line) {
      next.line = runLine;
      offset++;
    } else {
      runLine = undefined;
      offset = 0;
    }
  }
}

// ------------------------------------------------------------------------------------------------------------
// Applying them

/** How the engine places a finding: its line, and (Terraform) the lines Trivy compares (see enclosingLines). */
export interface FindingPlaces {
  readonly lines: LineIndex;
  readonly enclosingLines?: (finding: Finding) => readonly number[];
}

const TOOL_NAMES: Record<PeerTool, string> = { checkov: 'checkov', cfn_nag: 'cfn_nag', 'cfn-lint': 'cfn-lint', kics: 'KICS', tfsec: 'tfsec', trivy: 'Trivy' };

/**
 * Moves the findings an active foreign suppression covers from `kept` to `suppressed` (tool and peer id named),
 * and reports every foreign suppression that does not apply (expired, conditional) or covers no finding, even one
 * already suppressed by iac-hints' own comments (`alreadySuppressed`), as a problem at the place it is written:
 * warning for an expiry that has passed or cannot be read (the author's own review date, which the other tool
 * enforces too), information otherwise (the other tool may well see what iac-hints does not).
 */
export function applyForeignSuppressions(
  kept: readonly Finding[],
  alreadySuppressed: readonly Finding[],
  foreign: readonly ForeignSuppression[],
  places: FindingPlaces,
): { kept: Finding[]; suppressed: SuppressedFinding[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const by = new Map<Finding, ForeignSuppression>();
  const all = [...kept, ...alreadySuppressed];
  for (const suppression of foreign) {
    const rules = equivalentRules(suppression.tool, suppression.peerId);
    const covered = suppression.inactive ? [] : all.filter((finding) => covers(suppression, rules, finding, places));
    for (const finding of covered) if (!by.has(finding)) by.set(finding, suppression);
    const message = suppression.inactive
      ? inactiveMessage(suppression, suppression.inactive, rules)
      : covered.length === 0 ? unusedMessage(suppression, rules, all, places) : undefined;
    if (message) problems.push({ message, range: suppression.range, severity: suppression.inactive?.kind === 'expired' || suppression.inactive?.kind === 'bad-date' ? 'warning' : 'info' });
  }
  const stillKept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of kept) {
    const suppression = by.get(finding);
    if (suppression) suppressed.push({ finding, reason: suppression.reason, tool: suppression.tool, peerId: suppression.peerId });
    else stillKept.push(finding);
  }
  return { kept: stillKept, suppressed, problems };
}

function covers(suppression: ForeignSuppression, rules: readonly string[] | 'all', finding: Finding, places: FindingPlaces): boolean {
  if (rules !== 'all' && !rules.includes(finding.ruleId)) return false;
  // A wildcard stands for the tool's own checks: a rule without an equivalent there is not the tool's to silence.
  if (rules === 'all' && !hasEquivalent(suppression.tool, finding.ruleId)) return false;
  const scope = suppression.scope;
  switch (scope.kind) {
    case 'file': return true;
    case 'resources': return scope.ids.some((id) => coversResource(id, finding.resource.id));
    case 'line': {
      const lines = places.enclosingLines?.(finding) ?? [places.lines.positionAt(finding.range.start).line];
      return lines.some((line) => line === scope.line || line === scope.line + 1);
    }
  }
}

function standsFor(rules: readonly string[] | 'all'): string {
  return rules === 'all' ? 'every iac-hints rule with a Trivy equivalent' : rules.length === 0 ? '' : `iac-hints ${rules.join(', ')}`;
}

// Trivy's long id shape (`<provider>-<service>-<short code>`, e.g. aws-ec2-no-public-ingress-sgr), not an AVD id.
const LONG_ID = /^(?!avd-)[a-z0-9]+-[a-z0-9]+-[a-z0-9-]+$/;

/**
 * Whether a tfsec/Trivy id is a long id that knowledge/trivyIds.ts does not hold: iac-hints cannot tell which check
 * it names, so it must not say that no rule is equivalent (the check may well be one a rule lists by AVD id).
 */
function unknownLongId(suppression: ForeignSuppression, rules: readonly string[] | 'all'): boolean {
  return (suppression.tool === 'trivy' || suppression.tool === 'tfsec') && rules !== 'all' && rules.length === 0 && LONG_ID.test(suppression.peerId);
}

function inactiveMessage(suppression: ForeignSuppression, inactive: Inactive, rules: readonly string[] | 'all'): string {
  const tool = TOOL_NAMES[suppression.tool];
  const what = standsFor(rules);
  const equivalent = what ? `it stood for ${what}` : unknownLongId(suppression, rules) ? `iac-hints does not know the long id ${suppression.peerId}` : 'no iac-hints rule is equivalent';
  switch (inactive.kind) {
    case 'expired':
      return `${suppression.form} expired on ${inactive.date}: it no longer suppresses anything, here as in ${tool} (${equivalent}).`;
    case 'bad-date':
      return `${suppression.form}: the expiry date "${inactive.text}" is not a date (YYYY-MM-DD), so ${tool} never applies it, nor does iac-hints.`;
    case 'workspace':
      return `${suppression.form} applies only in the Terraform workspace "${inactive.workspace}"; iac-hints reads the configuration as the default workspace, so it does not apply it${what ? ` to ${what}` : ''}.`;
    case 'condition':
      return `${suppression.form} applies only where ${inactive.condition}; iac-hints does not evaluate that condition, so it does not apply it${what ? ` to ${what}` : ''}.`;
  }
}

function unusedMessage(suppression: ForeignSuppression, rules: readonly string[] | 'all', findings: readonly Finding[], places: FindingPlaces): string {
  const tool = TOOL_NAMES[suppression.tool];
  if (unknownLongId(suppression, rules)) {
    return `${suppression.form}: iac-hints does not know the long id ${suppression.peerId}, so it cannot tell which of its rules this ${tool} check stands for and suppresses nothing with it (information only); if one of iac-hints' rules lists the check's AVD id (\`iac-hints rules\`, references), write the AVD id instead.`;
  }
  if (suppression.tool === 'kics') {
    return `${suppression.form}: no iac-hints rule lists a KICS query as an equivalent, so iac-hints suppresses nothing with this KICS comment (information only); to silence an iac-hints finding, add an iac-hints-ignore comment for its rule.`;
  }
  if (rules !== 'all' && rules.length === 0) {
    return `${suppression.form}: no iac-hints rule is equivalent to this ${tool} check, so there is nothing for it to suppress here (information only).`;
  }
  const scope = suppression.scope;
  const lead = `${suppression.form} (the equivalent of ${standsFor(rules)}) suppresses nothing`;
  if (scope.kind === 'resources' && scope.ids.length === 0) {
    return `${lead}: it is not inside a resource, and ${tool} applies a skip comment to the resource it is written in.`;
  }
  const none = `iac-hints reports no ${rules === 'all' ? '' : `${rules.join(' or ')} `}finding`;
  if (scope.kind === 'resources') return `${lead}: ${none} on ${scope.ids.join(', ')}.`;
  if (scope.kind === 'file') return `${lead}: ${none} in this file.`;
  const nearest = findings
    .filter((finding) => rules === 'all' || rules.includes(finding.ruleId))
    .map((finding) => ({ finding, line: places.lines.positionAt(finding.range.start).line }))
    .sort((a, b) => Math.abs(a.line - scope.line) - Math.abs(b.line - scope.line))[0];
  const where = `${tool} applies it to what starts on line ${scope.line + 2} (or on its own line ${scope.line + 1})`;
  if (!nearest) return `${lead}: ${none} in this file.`;
  return `${lead}: ${where}, and the ${nearest.finding.ruleId} finding on ${nearest.finding.resource.id} is on line ${nearest.line + 1}. Put the comment on the line above that finding's line or above its block.`;
}
