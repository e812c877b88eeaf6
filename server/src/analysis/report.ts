// The Shared Responsibility Report: the analyses of some files as one matrix of resources by responsibility item,
// each cell a status (suppressed findings included, with their reason), the AWS side per service category, and
// totals. Plain data with line/character positions, so that the language server can send it as it is and the CLI,
// the webview and the code lenses read the same thing. Rendered by reportRender.ts.
import type { FileAnalysis, ResponsibilityStatus } from './api';
import { CATEGORIES, ITEMS } from './knowledge';
import { itemLabel } from './knowledgeView';
import { getRule } from './rules/registry';
import type { Finding, OffsetRange, Severity } from './types';
import type { LineIndex } from './text';

/** The statuses of a cell, worst first: the core's verdicts, and `suppressed` (every finding of the cell silenced). */
export type ReportStatus = ResponsibilityStatus['status'] | 'suppressed';

export const REPORT_STATUSES: readonly ReportStatus[] = ['missed', 'depends', 'cannot-be-checked', 'suppressed', 'addressed', 'aws-default', 'not-applicable'];

/** How each status reads in the report, the code lenses and the markdown. */
export const STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  missed: 'missed',
  depends: 'depends on the deployment',
  'cannot-be-checked': 'cannot be checked',
  suppressed: 'suppressed',
  addressed: 'addressed',
  'aws-default': 'AWS default',
  'not-applicable': 'not applicable',
};

/** A zero-based line/character range (LSP's convention). */
export interface ReportRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export interface ReportCell {
  /** Responsibility item id (knowledge/items.ts). */
  readonly item: string;
  readonly status: ReportStatus;
  /** What the rules said: the finding's message, what addressed it, or why it cannot be checked. */
  readonly detail: string;
  readonly ruleIds: readonly string[];
  /**
   * The most severe of the cell's findings (missed, depends, suppressed); for other statuses the most severe of its
   * rules as declared (what it would be if missed). Undefined when no rule is known.
   */
  readonly severity?: Severity;
  /** Where the deciding setting is, in the resource's file, when known. */
  readonly range?: ReportRange;
  /** For `aws-default`: since when AWS does it (YYYY-MM-DD or YYYY-MM), when known. */
  readonly since?: string;
  /** For `suppressed`: the reason given, and the other tool whose suppression applied (absent for ours). */
  readonly suppression?: { readonly reason: string; readonly tool?: string; readonly peerId?: string };
}

export type StatusCounts = Readonly<Record<ReportStatus, number>>;

export interface ReportResource {
  /** `file#id`: unique in a report, what a code lens asks the report to show. */
  readonly key: string;
  /** The file as the caller named it (path or URI). */
  readonly file: string;
  /** Logical id (CloudFormation) or address (Terraform). */
  readonly id: string;
  readonly type: string;
  /** infrastructure, container or abstracted; null when the type's service is not in the knowledge base. */
  readonly category: string | null;
  readonly range: ReportRange;
  /** One per item a rule looked at, in the items' order (knowledge/items.ts). */
  readonly cells: readonly ReportCell[];
  readonly counts: StatusCounts;
}

export interface ReportCategory {
  readonly id: string;
  readonly label: string;
  /** What AWS secures for services of this category. */
  readonly awsManages: readonly string[];
  readonly customerManages: readonly string[];
  /** Resources of the report in this category. */
  readonly resources: number;
}

export interface ResponsibilityReport {
  /** The files analysed as templates or Terraform (skipped files are left out), in the order given. */
  readonly files: readonly string[];
  /** The items that appear in at least one cell, in the knowledge base's order: the matrix's columns. */
  readonly items: readonly { readonly id: string; readonly label: string }[];
  readonly resources: readonly ReportResource[];
  /** The AWS side: every service category, with how many of the report's resources fall in it. */
  readonly awsSide: readonly ReportCategory[];
  /** Resources whose service is not in the knowledge base (no category). */
  readonly uncategorised: number;
  readonly totals: { readonly resources: number; readonly cells: StatusCounts };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const ITEM_ORDER = new Map(ITEMS.map((item, index) => [item.id as string, index]));

function emptyCounts(): Record<ReportStatus, number> {
  return { missed: 0, depends: 0, 'cannot-be-checked': 0, suppressed: 0, addressed: 0, 'aws-default': 0, 'not-applicable': 0 };
}

function toRange(lineIndex: LineIndex, range: OffsetRange): ReportRange {
  const { start, end } = lineIndex.rangeOf(range);
  return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
}

function worst(severities: readonly (Severity | undefined)[]): Severity | undefined {
  let result: Severity | undefined;
  for (const severity of severities) if (severity && (!result || SEVERITY_RANK[severity] < SEVERITY_RANK[result])) result = severity;
  return result;
}

/** Terraform findings of one instance name it (`aws_s3_bucket.a["x"]`); the summary names the resource. */
function sameResource(finding: Finding, id: string): boolean {
  return finding.resource.id === id || finding.resource.id.startsWith(`${id}[`);
}

function cellOf(analysis: FileAnalysis, resourceId: string, status: ResponsibilityStatus): ReportCell {
  const ofCell = (finding: Finding): boolean => finding.responsibility === status.item && sameResource(finding, resourceId) && status.ruleIds.includes(finding.ruleId);
  const kept = analysis.findings.filter(ofCell);
  const silenced = analysis.suppressed.filter((entry) => ofCell(entry.finding));
  const gap = status.status === 'missed' || status.status === 'depends';
  // A gap whose every finding was silenced (and none below the minimum severity kept it quiet) is "suppressed".
  const suppressed = gap && kept.length === 0 && silenced.length > 0 ? silenced[0] : undefined;
  const severity = gap ? worst([...kept.map((finding) => finding.severity), ...silenced.map((entry) => entry.finding.severity)]) : undefined;
  const declared = worst(status.ruleIds.map((id) => getRule(id)?.meta.severity));
  // The place shown: the most severe finding (an item's rules may all report on it, the worst is what to fix first).
  const mostSevere = [...kept].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.range.start - b.range.start)[0];
  const range = suppressed ? suppressed.finding.range : mostSevere?.range ?? status.range;
  return {
    item: status.item,
    status: suppressed ? 'suppressed' : status.status,
    detail: status.detail,
    ruleIds: status.ruleIds,
    ...(severity ?? declared ? { severity: severity ?? declared } : {}),
    ...(range ? { range: toRange(analysis.lineIndex, range) } : {}),
    ...(status.status === 'aws-default' && status.since ? { since: status.since } : {}),
    ...(suppressed ? { suppression: { reason: suppressed.reason, ...(suppressed.tool ? { tool: suppressed.tool } : {}), ...(suppressed.peerId ? { peerId: suppressed.peerId } : {}) } } : {}),
  };
}

/** One file's share of a report: its name and its resources (plain data, so it can cross a thread). */
export interface ReportPart {
  readonly file: string;
  readonly resources: readonly ReportResource[];
}

/**
 * One file's share of the report, or undefined for a skipped file. `file` names it in the report (default: the
 * analysis's path); resource keys are `file#id`. Pure and total.
 */
export function reportPart(analysis: FileAnalysis, file: string = analysis.path): ReportPart | undefined {
  if (analysis.kind === 'skipped') return undefined;
  const resources = analysis.resources.map((resource): ReportResource => {
    const cells = resource.responsibilities
      .map((status) => cellOf(analysis, resource.id, status))
      .sort((a, b) => (ITEM_ORDER.get(a.item) ?? ITEMS.length) - (ITEM_ORDER.get(b.item) ?? ITEMS.length) || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
    const counts = emptyCounts();
    for (const cell of cells) counts[cell.status]++;
    return {
      key: `${file}#${resource.id}`,
      file,
      id: resource.id,
      type: resource.type,
      category: resource.category ?? null,
      range: toRange(analysis.lineIndex, resource.range),
      cells,
      counts,
    };
  });
  return { file, resources };
}

/**
 * The report over files' parts (reportPart), in the order given: the matrix's columns, the AWS side and the totals.
 * The language server combines parts made on its thread and in its analysis worker. Pure and total.
 */
export function combineReport(parts: readonly ReportPart[]): ResponsibilityReport {
  const resources = parts.flatMap((part) => part.resources);
  const seenItems = new Set<string>();
  const totals = emptyCounts();
  for (const resource of resources) {
    for (const cell of resource.cells) {
      totals[cell.status]++;
      seenItems.add(cell.item);
    }
  }
  const items = [...seenItems]
    .sort((a, b) => (ITEM_ORDER.get(a) ?? ITEMS.length) - (ITEM_ORDER.get(b) ?? ITEMS.length) || (a < b ? -1 : 1))
    .map((id) => ({ id, label: itemLabel(id) }));
  const awsSide = CATEGORIES.map((category) => ({
    id: category.id,
    label: category.label,
    awsManages: category.awsManages,
    customerManages: category.customerManages,
    resources: resources.filter((resource) => resource.category === category.id).length,
  }));
  return {
    files: parts.map((part) => part.file),
    items,
    resources,
    awsSide,
    uncategorised: resources.filter((resource) => resource.category === null).length,
    totals: { resources: resources.length, cells: totals },
  };
}

/**
 * The report over some files' analyses (the CLI's scan, the server's current file or workspace). Pure and total:
 * skipped files contribute nothing; the order of `analyses` is kept, resources in each file's order.
 */
export function responsibilityReport(analyses: readonly FileAnalysis[]): ResponsibilityReport {
  return combineReport(analyses.flatMap((analysis) => reportPart(analysis) ?? []));
}

/**
 * The code lens line of a resource: "Customer: 4 of 7 addressed · 1 missed · 1 cannot be checked · 1 by AWS
 * default". The total leaves out the items that do not apply; zero counts are left out.
 */
export function lensTitle(resource: Pick<ReportResource, 'counts'>): string {
  const { counts } = resource;
  const total = REPORT_STATUSES.filter((status) => status !== 'not-applicable').reduce((sum, status) => sum + counts[status], 0);
  if (total === 0) return 'Customer: no duty checked here';
  const parts = [
    `Customer: ${counts.addressed} of ${total} addressed`,
    counts.missed > 0 ? `${counts.missed} missed` : '',
    counts.depends > 0 ? `${counts.depends} depends on the deployment` : '',
    counts['cannot-be-checked'] > 0 ? `${counts['cannot-be-checked']} cannot be checked` : '',
    counts['aws-default'] > 0 ? `${counts['aws-default']} by AWS default` : '',
    counts.suppressed > 0 ? `${counts.suppressed} suppressed` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}
