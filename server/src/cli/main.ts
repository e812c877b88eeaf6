// The `iac-hints` command line (dist/cli.js). All analysis goes through the core; this file does the I/O.
import { Analyzer, TOOL_NAME, TOOL_VERSION } from '../analysis';
import { USAGE, UsageError, parseArgs } from './args';
import type { Command } from './args';
import { shouldFail, toJsonReport, toTextReport } from './report';
import { fixFiles, fixSummary, unifiedDiff } from './fix';
import { rulesJson, rulesMarkdown, rulesText } from './rules';
import { toSarifReport } from './sarif';
import { DiskFileSystemView, collectFiles, readTextFile, scanFiles } from './scan';

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
    case 'scan': {
      const settings = command.allowedRegions.length > 0 ? { allowedRegions: command.allowedRegions } : {};
      const candidates = collectFiles(command.paths);
      if (command.fix) {
        const fixed = fixFiles(candidates, settings, command.fix === 'write');
        process.stderr.write(fixSummary(fixed, command.fix === 'write'));
        // A dry run's output is the patch alone, so that it can be piped to `git apply`.
        if (command.fix === 'dry-run') {
          process.stdout.write(unifiedDiff(fixed));
          return 0;
        }
      }
      const view = new DiskFileSystemView();
      const analyzer = new Analyzer({ files: view, incremental: false, ...settings });
      const files = scanFiles(candidates, view, analyzer);
      if (command.format === 'json') {
        process.stdout.write(`${JSON.stringify(toJsonReport(files, (path) => readTextFile(path)), null, 2)}\n`);
      } else if (command.format === 'sarif') {
        process.stdout.write(`${JSON.stringify(toSarifReport(files), null, 2)}\n`);
      } else {
        const colours = { enabled: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined };
        process.stdout.write(toTextReport(files, colours));
      }
      return shouldFail(files, command.failOn) ? 1 : 0;
    }
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
