// The messages between the language server's thread (background.ts) and its analysis worker (worker.ts). The
// worker answers every request with the same `id`, in the order received; it runs one request at a time.
import { createHash } from 'node:crypto';
import type { CodeAction, CodeActionContext, Hover, Position, Range } from 'vscode-languageserver/node';
import type { ReportPart, RulePolicy, Severity } from '../analysis';

/**
 * What the worker's analyzer needs of the settings (the server's Analyzer gets the same): the editor's settings and
 * `.iac-hints.yaml` combined (configuration.ts workerSettings).
 */
export interface WorkerSettings {
  readonly minimumSeverity: Severity;
  readonly allowedRegions: readonly string[];
  readonly rules: RulePolicy;
  readonly otherToolSuppressions: boolean;
}

export type ToWorker =
  | { readonly type: 'configure'; readonly settings: WorkerSettings }
  /**
   * The open `file:` buffers that changed since the last overlay (full texts by URI) and the ones closed since, and
   * the workspace's Terraform folders when they changed: the worker's FileSystemView is the server's.
   */
  | { readonly type: 'overlay'; readonly changed: readonly { readonly uri: string; readonly text: string }[]; readonly removed: readonly string[]; readonly folders?: readonly string[] }
  | (AnalyzeRequest & {
    /** The text is the open buffer's current one: the worker lays it over the disk (it is left out of the overlay). */
    readonly buffer: boolean;
  })
  | { readonly type: 'hover'; readonly id: number; readonly path: string; readonly version: number; readonly position: Position }
  | { readonly type: 'codeActions'; readonly id: number; readonly uri: string; readonly path: string; readonly version: number; readonly range: Range; readonly context: CodeActionContext }
  /**
   * The file's share of the Shared Responsibility Report (analysis/report.ts reportPart), named `name`: the server's
   * report of a file too large to analyse on its thread. An open document analysed here answers from its kept analysis.
   */
  | { readonly type: 'report'; readonly id: number; readonly path: string; readonly text: string; readonly name: string }
  /** `Analyzer.forget`: the file changed or closed. */
  | { readonly type: 'forget'; readonly path: string }
  /** `Analyzer.release`: done with the file for now (a scan moved on). */
  | { readonly type: 'release'; readonly path: string };

export interface AnalyzeRequest {
  readonly type: 'analyze';
  readonly id: number;
  readonly uri: string;
  /** What the core gets as the path (paths.ts uriToPath). */
  readonly path: string;
  readonly text: string;
  /** The open document's version; undefined for a file's saved text. */
  readonly version?: number;
  /**
   * What becomes of the analysis afterwards: kept for open documents (hovers, code actions, incremental edits) and
   * Terraform files (their module answers its other files); a saved CloudFormation template, or a file the server
   * forgot while the job waited, is forgotten (Analyzer.forget), as on the server's thread.
   */
  readonly then: 'keep' | 'forget';
  /** The hash of the diagnostics the server already has for this URI: an equal result comes back without them. */
  readonly previousHash?: string;
}

export interface AnalyzeResult {
  readonly type: 'analyzed';
  readonly id: number;
  /** False when the core skipped the file (not a template...): its diagnostics are then its problems only, if any. */
  readonly analysed: boolean;
  /** How many diagnostics (also when `json` is left out). */
  readonly count: number;
  /** diagnosticsHash of the diagnostics' JSON. */
  readonly hash: string;
  /** The diagnostics (a `Diagnostic[]`) as UTF-8 JSON, transferred; left out when `hash` is the request's `previousHash`. */
  readonly json?: Uint8Array;
  /** How long the analysis and the conversion took, in milliseconds. */
  readonly ms: number;
  /** Terraform: the folders of the modules that call this file's module and of those it calls (diagnostics.ts refreshModule). */
  readonly callers?: readonly string[];
  readonly callees?: readonly string[];
}

export type FromWorker =
  | AnalyzeResult
  | { readonly type: 'hover'; readonly id: number; readonly hover: Hover | null }
  | { readonly type: 'codeActions'; readonly id: number; readonly actions: CodeAction[] }
  /** The report's share of the file; null when the core skipped it (not a template). */
  | { readonly type: 'report'; readonly id: number; readonly part: ReportPart | null }
  /** A request failed inside the worker (the core does not throw; this is for everything around it). */
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** The hash both threads give a document's diagnostics (their JSON), to tell a changed result from an unchanged one. */
export function diagnosticsHash(json: string | Uint8Array): string {
  return createHash('sha1').update(json).digest('base64');
}
