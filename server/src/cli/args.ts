// Command-line parsing for `iac-hints`: no dependency, strict (an unknown flag or a bad value is a usage error).
import type { Severity } from '../analysis';

export class UsageError extends Error {}

export type Format = 'text' | 'json' | 'sarif' | 'markdown';
export type FailOn = Severity | 'none';
/** --fix writes the safe fixes in place; --fix-dry-run prints them as a unified diff. */
export type FixMode = 'write' | 'dry-run';

export type Command =
  | { readonly name: 'scan'; readonly paths: readonly string[]; readonly format: Format; readonly failOn: FailOn; readonly allowedRegions: readonly string[]; readonly fix?: FixMode }
  | { readonly name: 'rules'; readonly format: Format }
  | { readonly name: 'help'; readonly topic?: 'scan' | 'rules' }
  | { readonly name: 'version' };

const SCAN_FORMATS: readonly Format[] = ['text', 'json', 'sarif'];
const RULES_FORMATS: readonly Format[] = ['text', 'json', 'markdown'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

export const USAGE = `Usage: iac-hints <command> [options]

Commands:
  scan [paths...]   Analyse CloudFormation templates and Terraform modules in the given files and folders (default: .)
  rules             List every rule with its metadata

Options:
  --format text|json|sarif             Output format (default: text); rules: text|json|markdown
  --fail-on error|warning|info|none    scan: exit 1 when a finding is at or above this severity (default: error)
  --allowed-regions r1,r2              scan: Regions where data may live; data placed or copied elsewhere is reported
  --fix                                scan: apply the safe quick fixes (no replacement, no placeholder) in place, then report
  --fix-dry-run                        scan: print the safe quick fixes as a unified diff; write nothing
  -h, --help                           Show this help
  -v, --version                        Show the version

Exit codes: 0 no finding at or above --fail-on, 1 at least one, 2 usage error.`;

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
      case '--fix':
      case '--fix-dry-run': {
        if (first !== 'scan') throw new UsageError(`unknown option '${flag}' for ${first}`);
        if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
        const mode: FixMode = flag === '--fix' ? 'write' : 'dry-run';
        if (fix !== undefined && fix !== mode) throw new UsageError('--fix and --fix-dry-run cannot be used together');
        fix = mode;
        break;
      }
      default:
        throw new UsageError(`unknown option '${flag}'`);
    }
  }
  if (first === 'rules') return { name: 'rules', format };
  return { name: 'scan', paths: paths.length > 0 ? paths : ['.'], format, failOn, allowedRegions, ...(fix ? { fix } : {}) };
}
