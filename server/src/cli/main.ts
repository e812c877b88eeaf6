// The `iac-hints` command line (dist/cli.js). All analysis goes through the core; this file does the I/O.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { Analyzer, LineIndex, TOOL_NAME, TOOL_VERSION, configuredOptions, pathFilterOf, reportHtml, reportMarkdown, responsibilityReport, variableFileProblems } from '../analysis';
import type { Finding } from '../analysis';
import { USAGE, UsageError, parseArgs } from './args';
import { configProblemLines, configRelative, loadConfig } from './config';
import type { Command } from './args';
import { baselinedFindings, readBaseline, toBaseline, writeBaseline } from './baseline';
import { fixFiles, fixSummary, unifiedDiff } from './fix';
import { shouldFail, toJsonReport, toSummaryLine, toTextReport } from './report';
import { rulesJson, rulesMarkdown, rulesText } from './rules';
import { toSarifReport } from './sarif';
import { DiskFileSystemView, collectFiles, displayPath, readTextFile, scanFiles, scanText } from './scan';
import { sourceRoot } from './sourceRoot';

type ScanCommand = Extract<Command, { name: 'scan' }>;

/** The `--var-file`s, read and checked: Terraform refuses a variable file it cannot parse, and so do we. */
function readVariableFiles(paths: readonly string[]): { path: string; text: string }[] {
  return paths.map((given) => {
    let text: string;
    try {
      text = readFileSync(given, 'utf8');
    } catch (error) {
      throw new UsageError(`--var-file ${given}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as NodeJS.ErrnoException).code ?? error)}`);
    }
    const path = displayPath(given);
    const errors = variableFileProblems(path, text).filter((problem) => problem.severity === 'error');
    if (errors.length > 0) {
      const { line, character } = new LineIndex(text).positionAt(errors[0].range.start);
      throw new UsageError(`--var-file ${given}:${line + 1}:${character + 1}: ${errors[0].message}`);
    }
    return { path, text };
  });
}

function readStandardInput(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read standard input: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function scan(command: ScanCommand): number {
  // Inputs that can be wrong are checked before any analysis.
  const baselineKeys = command.baseline === undefined ? undefined : readBaseline(command.baseline);
  const terraformVariableFiles = readVariableFiles(command.varFiles);
  const fromStdin = command.paths.length === 1 && command.paths[0] === '-';
  // Command-line flags > .iac-hints.yaml > defaults (the editor's settings sit between the last two).
  const loaded = loadConfig(command.config, command.paths);
  for (const line of configProblemLines(loaded)) process.stderr.write(`${line}\n`);
  const options = configuredOptions(loaded.config, { ...(command.severity ? { minimumSeverity: command.severity } : {}), allowedRegions: command.allowedRegions });
  const view = new DiskFileSystemView();
  const analyzer = new Analyzer({
    // Standard input without a name is a file of its own: no folder on disk to join.
    ...(fromStdin && command.stdinFilename === undefined ? {} : { files: view }),
    incremental: false,
    ...options,
    ...(terraformVariableFiles.length > 0 ? { terraformVariableFiles } : {}),
  });
  const included = pathFilterOf(loaded.config, command.skipPaths);
  let excluded = 0;
  const candidates = fromStdin ? [] : collectFiles(command.paths, (path) => {
    const keep = included(configRelative(loaded, path));
    if (!keep) excluded++;
    return keep;
  });
  if (excluded > 0 && candidates.length === 0) {
    // A mistyped glob must not pass for a clean scan.
    process.stderr.write(`iac-hints: warning: the include/exclude globs${command.skipPaths.length > 0 ? ' and --skip-path' : ''} left out all ${excluded} candidate files: nothing was analysed (globs are relative to ${loaded.root} and case-sensitive).\n`);
  } else if (excluded > 0 && command.verbose) {
    process.stderr.write(`iac-hints: ${excluded} candidate files left out by the include/exclude globs${command.skipPaths.length > 0 ? ' and --skip-path' : ''}.\n`);
  }
  if (command.fix) {
    const fixed = fixFiles(candidates, { ...options, ...(terraformVariableFiles.length > 0 ? { terraformVariableFiles } : {}) }, command.fix === 'write');
    process.stderr.write(fixSummary(fixed, command.fix === 'write'));
    // A dry run's output is the patch alone, so that it can be piped to `git apply`.
    if (command.fix === 'dry-run') {
      process.stdout.write(unifiedDiff(fixed));
      return 0;
    }
  }
  const files = fromStdin
    ? [scanText(readStandardInput(), command.stdinFilename, view, analyzer)]
    : scanFiles(candidates, view, analyzer);
  const root = sourceRoot(files.length > 0 ? files.map((file) => file.path) : ['.']);

  let baselined: ReadonlySet<Finding> | undefined;
  if (command.createBaseline !== undefined) {
    writeBaseline(command.createBaseline, toBaseline(files, command.createBaseline));
    baselined = new Set(files.flatMap((file) => file.analysis?.findings ?? []));
  } else if (baselineKeys && command.baseline !== undefined) {
    baselined = baselinedFindings(files, command.baseline, baselineKeys);
  }
  // Only a baseline that was given says new or unchanged in the reports.
  const given = baselineKeys ? baselined : undefined;

  let report: string;
  const config = loaded.path && loaded.lineIndex ? { path: loaded.path, lineIndex: loaded.lineIndex, problems: loaded.problems } : undefined;
  if (command.format === 'json') {
    report = `${JSON.stringify(toJsonReport(files, (path) => readTextFile(path), { ...(config ? { config } : {}), ...(given ? { baselined: given } : {}) }), null, 2)}\n`;
  } else if (command.format === 'markdown' || command.format === 'html') {
    // The Shared Responsibility Report: the same model and renderer as the editor's webview.
    const model = responsibilityReport(files.flatMap((file) => (file.analysis ? [file.analysis] : [])));
    report = command.format === 'markdown' ? reportMarkdown(model) : reportHtml(model, { nonce: randomBytes(16).toString('base64'), ...(command.outputFile !== undefined ? { hrefOf: hrefFrom(command.outputFile) } : {}) });
  } else if (command.format === 'sarif') {
    report = `${JSON.stringify(toSarifReport(files, { root, textOf: (path) => readTextFile(path), ...(given ? { baselined: given } : {}), ...(config ? { config } : {}) }), null, 2)}\n`;
  } else {
    const colours = { enabled: command.outputFile === undefined && Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined };
    report = toTextReport(files, colours, { failOn: command.failOn, parseErrors: command.parseErrors, quiet: command.quiet, verbose: command.verbose, ...(baselined ? { baselined } : {}) });
  }
  if (command.outputFile !== undefined) {
    try {
      writeFileSync(command.outputFile, report);
    } catch (error) {
      throw new UsageError(`cannot write ${command.outputFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    if (!command.quiet) process.stdout.write(toSummaryLine(files, baselined ? { baselined } : {}));
  } else {
    process.stdout.write(report);
  }
  return shouldFail(files, command.failOn, { parseErrors: command.parseErrors, ...(baselined ? { baselined } : {}) }) ? 1 : 0;
}

/**
 * Links of an HTML report written to `outputFile`: each file's path relative to the report's folder (the model's
 * paths are relative to the working directory, which the page does not know), each segment percent-encoded so
 * that '#', '?' or '%' in a name stay part of the path; `#L<line>` (1-based) after it.
 */
function hrefFrom(outputFile: string): (file: string, range: { readonly start: { readonly line: number } }) => string {
  const folder = dirname(resolve(outputFile));
  return (file, range) => `${relative(folder, resolve(file)).split(sep).map(encodeURIComponent).join('/')}#L${range.start.line + 1}`;
}

function run(command: Command): number {
  switch (command.name) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${TOOL_NAME} ${TOOL_VERSION}\n`);
      return 0;
    case 'rules':
      if (command.format === 'json') process.stdout.write(`${JSON.stringify(rulesJson(), null, 2)}\n`);
      else if (command.format === 'markdown') process.stdout.write(rulesMarkdown());
      else process.stdout.write(rulesText());
      return 0;
    case 'scan':
      return scan(command);
  }
}

function main(): void {
  // `iac-hints scan | head`: a closed pipe ends the output, not the process with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  let code: number;
  try {
    code = run(parseArgs(process.argv.slice(2)));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${TOOL_NAME}: ${error.message}\nRun '${TOOL_NAME} --help' for usage.\n`);
      code = 2;
    } else {
      process.stderr.write(`${TOOL_NAME}: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      code = 3;
    }
  }
  process.exitCode = code;
}

main();
