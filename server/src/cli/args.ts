// Command-line parsing for `iac-hints`: no dependency, strict (an unknown flag or a bad value is a usage error).
import type { Severity } from '../analysis';

export class UsageError extends Error {}

export type Format = 'text' | 'json' | 'sarif' | 'markdown' | 'html';
export type FailOn = Severity | 'none';
/** --fix writes the safe fixes in place; --fix-dry-run prints them as a unified diff. */
export type FixMode = 'write' | 'dry-run';

export type Command =
  | {
    readonly name: 'scan';
    readonly paths: readonly string[];
    readonly format: Format;
    readonly failOn: FailOn;
    readonly allowedRegions: readonly string[];
    /** `--config FILE`: instead of the nearest `.iac-hints.yaml`. */
    readonly config?: string;
    /** `--severity LEVEL`: report only findings at or above it (wins over the config's minimumSeverity). */
    readonly severity?: Severity;
    /** `--skip-path GLOB`, repeatable: added to the config's exclude globs. */
    readonly skipPaths: readonly string[];
    /** `--fix` (write) or `--fix-dry-run`: apply the safe quick fixes first. */
    readonly fix?: FixMode;
  } & ScanOutputOptions
  | { readonly name: 'rules'; readonly format: Format }
  | { readonly name: 'help'; readonly topic?: 'scan' | 'rules' }
  | { readonly name: 'version' };

/** How `scan` writes and judges its report (CI use): see USAGE. */
export interface ScanOutputOptions {
  /** Write the report here instead of standard output. */
  readonly outputFile?: string;
  /** Text: only what fails the scan, no summary. */
  readonly quiet: boolean;
  /** Text: also the files skipped and why, and the findings in the baseline. */
  readonly verbose: boolean;
  /** Terraform `-var-file`s, in the order given. */
  readonly varFiles: readonly string[];
  /** The name a template read from standard input (`-`) is analysed under. */
  readonly stdinFilename?: string;
  readonly baseline?: string;
  readonly createBaseline?: string;
  /** Whether parse errors count toward --fail-on (as errors) or are only reported. */
  readonly parseErrors: 'fail' | 'report';
}

const SCAN_FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'markdown', 'html'];
const RULES_FORMATS: readonly Format[] = ['text', 'json', 'markdown'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const USAGE = `Usage: iac-hints <command> [options]

Commands:
  scan [paths...]   Analyse CloudFormation templates and Terraform modules in the given files and folders (default: .)
  rules             List every rule with its metadata

Options:
  --format text|json|sarif|markdown|html
                                       Output format (default: text); markdown and html: the Shared Responsibility
                                       Report (resources by responsibility item); rules: text|json|markdown
  --fail-on error|warning|info|none    scan: exit 1 when a finding is at or above this severity (default: error)
  --allowed-regions r1,r2              scan: Regions where data may live; data placed or copied elsewhere is reported
  --config FILE                        scan: the configuration to use (default: the nearest .iac-hints.yaml at or
                                       above the scanned folder)
  --severity error|warning|info        scan: report only findings at or above this severity
  --skip-path GLOB                     scan: do not analyse paths matching GLOB (relative to the configuration's
                                       folder, else the current one); repeatable
  --output-file FILE                   scan: write the report to FILE (stdout then gets the summary line only)
  --quiet                              scan: text lists only what fails the scan, without the summary
  --verbose                            scan: text also names the skipped files and why, and baselined findings
  --var-file FILE                      scan: Terraform variable file for root modules (repeatable; later wins)
  --stdin-filename NAME                scan -: analyse standard input as NAME (default: chosen from its content)
  --create-baseline FILE               scan: write the current findings to FILE; they no longer fail the scan
  --baseline FILE                      scan: only findings not in FILE fail the scan
  --parse-errors fail|report           scan: whether a file that cannot be parsed fails --fail-on (default: fail)
  --fix                                scan: apply the safe quick fixes (no replacement, no placeholder) in place, then report
  --fix-dry-run                        scan: print the safe quick fixes as a unified diff; write nothing
  -h, --help                           Show this help
  -v, --version                        Show the version

A path '-' reads one template from standard input.
Exit codes: 0 no finding at or above --fail-on, 1 at least one (or a parse error), 2 usage error.`;

function takeValue(args: readonly string[], index: number, flag: string, inline: string | undefined): [string, number] {
  if (inline !== undefined) return [inline, index];
  const value = args[index + 1];
  if (value === undefined || value.startsWith('-')) throw new UsageError(`${flag} needs a value`);
  return [value, index + 1];
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not '${value}'`);
  return value as T;
}

export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return { name: 'help' };
  if (first === '-v' || first === '--version') return { name: 'version' };
  if (first !== 'scan' && first !== 'rules') throw new UsageError(`unknown command '${first}'`);

  let format: Format = 'text';
  let failOn: FailOn = 'error';
  let allowedRegions: string[] = [];
  let config: string | undefined;
  let severity: Severity | undefined;
  const skipPaths: string[] = [];
  const output: { -readonly [K in keyof ScanOutputOptions]: ScanOutputOptions[K] } = { quiet: false, verbose: false, varFiles: [], parseErrors: 'fail' };
  const scanValue = (flag: string, index: number, inline: string | undefined): [string, number] => {
    if (first !== 'scan') throw new UsageError(`unknown option '${flag}' for ${first}`);
    return takeValue(rest, index, flag, inline);
  };
  const paths: string[] = [];
  let fix: FixMode | undefined;
  let onlyPaths = false;
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      if (first === 'rules') throw new UsageError(`rules takes no argument ('${arg}')`);
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = equals >= 0 ? arg.slice(0, equals) : arg;
    const inline = equals >= 0 ? arg.slice(equals + 1) : undefined;
    switch (flag) {
      case '-h':
      case '--help':
        return { name: 'help', topic: first };
      case '-v':
      case '--version':
        return { name: 'version' };
      case '--format': {
        const [value, next] = takeValue(rest, index, flag, inline);
        format = oneOf(flag, value, first === 'rules' ? RULES_FORMATS : SCAN_FORMATS);
        index = next;
        break;
      }
      case '--allowed-regions': {
        if (first !== 'scan') throw new UsageError(`unknown option '${flag}' for ${first}`);
        const [value, next] = takeValue(rest, index, flag, inline);
        allowedRegions = value.split(',').map((region) => region.trim()).filter(Boolean);
        if (allowedRegions.length === 0) throw new UsageError(`${flag} needs at least one Region`);
        index = next;
        break;
      }
      case '--fail-on': {
        if (first !== 'scan') throw new UsageError(`unknown option '${flag}' for ${first}`);
        const [value, next] = takeValue(rest, index, flag, inline);
        failOn = oneOf(flag, value, FAIL_ON);
        index = next;
        break;
      }
      case '--config':
      case '--severity':
      case '--skip-path': {
        if (first !== 'scan') throw new UsageError(`unknown option '${flag}' for ${first}`);
        const [value, next] = takeValue(rest, index, flag, inline);
        if (value.trim() === '') throw new UsageError(`${flag} needs a value`);
        if (flag === '--config') config = value;
        else if (flag === '--severity') severity = oneOf(flag, value, SEVERITIES);
        else skipPaths.push(value);
        index = next;
        break;
      }
      case '--quiet':
      case '--verbose':
        if (first !== 'scan') throw new UsageError(`unknown option '${flag}' for ${first}`);
        if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
        output[flag === '--quiet' ? 'quiet' : 'verbose'] = true;
        break;
      case '--fix':
      case '--fix-dry-run': {
        if (first !== 'scan') throw new UsageError(`unknown option '${flag}' for ${first}`);
        if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
        const mode: FixMode = flag === '--fix' ? 'write' : 'dry-run';
        if (fix !== undefined && fix !== mode) throw new UsageError('--fix and --fix-dry-run cannot be used together');
        fix = mode;
        break;
      }
      case '--output-file':
      case '--stdin-filename':
      case '--baseline':
      case '--create-baseline':
      case '--var-file': {
        const [value, next] = scanValue(flag, index, inline);
        if (value === '') throw new UsageError(`${flag} needs a value`);
        if (flag === '--var-file') output.varFiles = [...output.varFiles, value];
        else output[flag === '--output-file' ? 'outputFile' : flag === '--stdin-filename' ? 'stdinFilename' : flag === '--baseline' ? 'baseline' : 'createBaseline'] = value;
        index = next;
        break;
      }
      case '--parse-errors': {
        const [value, next] = scanValue(flag, index, inline);
        output.parseErrors = oneOf(flag, value, ['fail', 'report'] as const);
        index = next;
        break;
      }
      default:
        throw new UsageError(`unknown option '${flag}'`);
    }
  }
  if (first === 'rules') return { name: 'rules', format };
  if (output.quiet && output.verbose) throw new UsageError('--quiet and --verbose cannot be used together');
  if (paths.includes('-') && paths.length > 1) throw new UsageError("'-' (standard input) cannot be combined with other paths");
  if (output.stdinFilename !== undefined && !paths.includes('-')) throw new UsageError("--stdin-filename needs '-' (standard input) as the path");
  if (output.baseline !== undefined && output.createBaseline !== undefined) throw new UsageError('--baseline and --create-baseline cannot be used together');
  if (fix !== undefined && paths.includes('-')) throw new UsageError("--fix and --fix-dry-run need files, not '-' (standard input)");
  return {
    name: 'scan', paths: paths.length > 0 ? paths : ['.'], format, failOn, allowedRegions, skipPaths, ...output,
    ...(config === undefined ? {} : { config }), ...(severity === undefined ? {} : { severity }), ...(fix ? { fix } : {}),
  };
}
