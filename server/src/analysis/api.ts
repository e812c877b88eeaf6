// The public face of the analysis core: everything the language server and the CLI may call.
// Pure: text in, data out. Never throws (errors become problems), never touches the file system.
import type { LineIndex } from './text';
import type { FileKind, Finding, Fix, OffsetRange, Problem, Severity } from './types';

export interface AnalyzeInput {
  /** Path or URI of the document: used for detection by extension and in messages, never opened. */
  readonly path: string;
  readonly text: string;
}

export interface ResponsibilityStatus {
  readonly item: string;
  /**
   * The verdict algebra, worst first: missed (certain), depends (some deployments), cannot-be-checked (a
   * deciding value is unknown; `detail` says why), addressed, aws-default, not-applicable.
   */
  readonly status: 'missed' | 'depends' | 'cannot-be-checked' | 'addressed' | 'aws-default' | 'not-applicable';
  readonly ruleIds: readonly string[];
  readonly detail: string;
  /**
   * Where the deciding setting is, in the resource's file, when the rule named a place: the worst outcome's range
   * (a finding's, or the setting that addressed the duty). Absent when the duty was decided by absence alone.
   */
  readonly range?: OffsetRange;
  /** For `aws-default`: the date (YYYY-MM-DD or YYYY-MM) AWS's default began, when the rule knows it. */
  readonly since?: string;
}

export interface ResourceSummary {
  readonly id: string;
  readonly type: string;
  readonly category: string | undefined;
  readonly range: OffsetRange;
  readonly responsibilities: readonly ResponsibilityStatus[];
}

export interface FileAnalysis {
  readonly path: string;
  readonly kind: FileKind;
  /** Why a file was skipped (not a template, binary, too large), for `kind: 'skipped'`. */
  readonly skipReason?: string;
  readonly problems: readonly Problem[];
  readonly findings: readonly Finding[];
  /**
   * Findings silenced by an `iac-hints-ignore` comment or resource Metadata, with the reason given; or by another
   * tool's suppression of an equivalent check, naming the tool ('checkov', 'cfn_nag', 'cfn-lint', 'kics', 'tfsec',
   * 'trivy') and its check id as written (`peerId`). Both are absent for our own suppressions.
   */
  readonly suppressed: readonly { readonly finding: Finding; readonly reason: string; readonly tool?: string; readonly peerId?: string }[];
  readonly resources: readonly ResourceSummary[];
  readonly lineIndex: LineIndex;
}

export interface HoverResult {
  readonly markdown: string;
  readonly range: OffsetRange;
}

export interface CodeActionResult {
  readonly title: string;
  readonly kind: 'quickfix';
  readonly isPreferred: boolean;
  readonly fix: Fix;
  /** A quick fix that neither replaces the resource nor writes a placeholder: fix-all and `--fix` apply these only. */
  readonly safe?: boolean;
  /** The finding this action answers, to match it with the editor's diagnostic (rule id + range). */
  readonly finding: Pick<Finding, 'ruleId' | 'range'>;
}

/**
 * How the core sees other files (the sibling files of a Terraform module, local modules it calls). Passed in
 * from outside: the language server lays open editor buffers over the disk, the CLI reads the disk.
 */
export interface FileSystemView {
  /** Names (not paths) of the files of a directory, or undefined when it cannot be read. */
  listFiles(dir: string): readonly string[] | undefined;
  readFile(path: string): string | undefined;
  /**
   * The workspace's folders that hold Terraform configuration files, named as the host names paths (the CLI: the
   * scanned tree; the server: its workspace folders), or undefined when unknown. A module's callers are looked for
   * among them (siblings such as `envs/prod` or `examples/x` calling `../../modules/y`), besides the folders above.
   */
  terraformFolders?(): readonly string[] | undefined;
}

/** The user's policy that rules may read (both formats). */
export interface AnalysisSettings {
  /**
   * Regions where data may live. When given, data placed or copied to another Region is a missed
   * data-residency duty; without it, where data goes is only said (information).
   */
  readonly allowedRegions?: readonly string[];
  /**
   * Rules turned off or given another severity (`.iac-hints.yaml`, config.ts rulePolicyOf); a rule not named runs
   * as written. An "off" rule is not run: no finding, no status, no hover line.
   */
  readonly rules?: RulePolicy;
}

/** By rule id: 'off', or the severity of the rule's findings ("depends" findings stay information). */
export type RulePolicy = Readonly<Record<string, Severity | 'off'>>;

/** What fix-all did to one file: the fixed text and the titles of the quick fixes applied, in order. */
export interface FixAllResult {
  readonly text: string;
  readonly applied: readonly string[];
}

export interface AnalyzerOptions extends AnalysisSettings {
  /** Without it, a Terraform file is analysed as a module of its own. */
  readonly files?: FileSystemView;
  /** Files larger than this are skipped with a message (default 5 MiB). */
  readonly maxFileSize?: number;
  readonly minimumSeverity?: Severity;
  /**
   * Keep per-document parse chunks so edits re-parse only what they touched (default true). One-shot scans
   * (the CLI) turn it off: a single whole-document parse is faster the first time.
   */
  readonly incremental?: boolean;
  /**
   * Terraform variable files given explicitly (`terraform plan -var-file`), in the order given: their values
   * apply to every root module, after terraform.tfvars and *.auto.tfvars (a later file wins). The host reads them.
   */
  readonly terraformVariableFiles?: readonly { readonly path: string; readonly text: string }[];
  /**
   * Honour other tools' suppressions of equivalent checks (checkov, cfn_nag, cfn-lint, tfsec, Trivy; default
   * true). When false they are neither applied nor reported. `.iac-hints.yaml`: `suppressions: { otherTools: false }`.
   */
  readonly otherToolSuppressions?: boolean;
}
