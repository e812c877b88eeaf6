// The two hosts' code paths without their I/O, for tests that compare what each shows for the same text.
// The editor: the language server's Analyzer (lsp/configuration.ts: incremental, kept between edits) and its
// conversion to diagnostics (lsp/convert.ts), as lsp/diagnostics.ts `diagnose` does for every published text.
// The CLI: cli/scan.ts `scanFiles` (a one-shot Analyzer, files read from disk) and the JSON report (cli/report.ts);
// for texts that are not on disk, the same one-shot Analyzer over a view of the files.
// Both hosts are thin layers over the core's two paths (incremental and whole-document); what differs between
// them beyond that is the conversion, which these helpers go through too.
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { Analyzer } from '../../server/src/analysis';
import type { FileAnalysis, FileSystemView } from '../../server/src/analysis';
import { toJsonReport } from '../../server/src/cli/report';
import { scanFiles } from '../../server/src/cli/scan';
import type { ScannedFile } from '../../server/src/cli/scan';
import { DEFAULT_SETTINGS, createAnalyzer, workerSettings } from '../../server/src/lsp/configuration';
import { toDiagnostics } from '../../server/src/lsp/convert';

interface JsonRange { start: { line: number; character: number }; end: { line: number; character: number } }
interface JsonReport {
  files: { path: string; kind: string; problems: { message: string; range: JsonRange }[] }[];
  findings: { ruleId: string; severity: string; message: string; file: string; range: JsonRange }[];
}

const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3 };

/**
 * One diagnostic as both hosts say it: code (rule id, or `parse` for a problem with the input), range, severity
 * and message. Problems carry no severity in the JSON report, so none is compared for them here (the analyses
 * themselves are compared whole as well).
 */
function entry(code: string, range: JsonRange, severity: number | undefined, message: string): string {
  const at = `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
  return `${code} ${at} ${code === 'parse' ? '-' : String(severity)} ${message}`;
}

/** What the editor publishes for an analysis, sorted. */
export function editorEntries(analysis: FileAnalysis): string[] {
  const diagnostics: Diagnostic[] = toDiagnostics(analysis, pathToFileURL(analysis.path).toString());
  return diagnostics.map((diagnostic) => entry(String(diagnostic.code), diagnostic.range, diagnostic.severity, String(diagnostic.message))).sort();
}

/** The language server's analyzer over a view of the files (the server lays open buffers over the disk). */
export function editorAnalyzer(files: FileSystemView): Analyzer {
  return createAnalyzer(files, workerSettings(DEFAULT_SETTINGS));
}

/** `iac-hints scan` of these files from disk: each file's analysis and what the JSON report says of it, sorted. */
export function cliScan(files: readonly string[]): { scanned: ScannedFile; entries: string[] }[] {
  return cliReport(scanFiles(files));
}

/**
 * `iac-hints scan` of a text without the disk: the analyzer scanFiles makes (one-shot, `incremental: false`) over a
 * view of the module's files, and the ScannedFile scanOne makes of its result.
 */
export function cliAnalyse(path: string, text: string, files: FileSystemView): { scanned: ScannedFile; entries: string[] } {
  const analysis = new Analyzer({ files, incremental: false }).analyze({ path, text });
  const scanned: ScannedFile = analysis.kind === 'skipped' ? { path, analysis, skipReason: analysis.skipReason ?? 'skipped' } : { path, analysis };
  return cliReport([scanned])[0];
}

function cliReport(scanned: readonly ScannedFile[]): { scanned: ScannedFile; entries: string[] }[] {
  const report = toJsonReport(scanned) as JsonReport;
  return scanned.map((file, index) => {
    const json = report.files[index];
    // A file the CLI skips shows nothing in the text report, as the editor publishes nothing for it.
    const problems = json.kind === 'skipped' ? [] : json.problems.map((problem) => entry('parse', problem.range, undefined, problem.message));
    const findings = report.findings.filter((finding) => finding.file === file.path).map((finding) => entry(finding.ruleId, finding.range, SEVERITY[finding.severity], finding.message));
    return { scanned: file, entries: [...problems, ...findings].sort() };
  });
}

/** Everything a host shows of an analysis, for a whole comparison (the line index follows from the text). */
export function shownOf(analysis: FileAnalysis | undefined): unknown {
  if (!analysis) return undefined;
  const { lineIndex: _lineIndex, ...rest } = analysis;
  return rest;
}

/** A small seeded generator (mulberry32): the same seed gives the same mutations on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from a name, so that a case keeps its mutations when others are added. */
export function seedOf(name: string): number {
  let hash = 2166136261;
  for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 16777619);
  return hash >>> 0;
}

/** The mutations of a text the agreement tests use: a line deleted, a line duplicated, a stray ':' inserted. */
export function mutationsOf(text: string, random: () => number): { name: string; text: string }[] {
  const lines = text.split('\n');
  const pick = (count: number) => Math.floor(random() * count);
  const deleted = pick(lines.length);
  const duplicated = pick(lines.length);
  const at = pick(text.length + 1);
  return [
    { name: `line ${deleted + 1} deleted`, text: [...lines.slice(0, deleted), ...lines.slice(deleted + 1)].join('\n') },
    { name: `line ${duplicated + 1} duplicated`, text: [...lines.slice(0, duplicated + 1), ...lines.slice(duplicated)].join('\n') },
    { name: `':' inserted at ${at}`, text: `${text.slice(0, at)}:${text.slice(at)}` },
  ];
}
