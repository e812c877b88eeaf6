// `.iac-hints.yaml`: the project's configuration, one loader for the CLI and the language server. Pure: the hosts
// find and read the file (the nearest one at or above the scanned folder or workspace root, or `--config`); this
// file parses it into settings with problems at their exact place, and turns the settings into analyzer options
// and a path filter. An invalid entry is reported and ignored, never the whole file: the rest still applies.
import { makeRe } from 'picomatch/posix';
import type { AnalyzerOptions, RulePolicy } from './api';
import { ITEMS, isItemId } from './knowledge';
import { dirname, joinPath } from './paths';
import { parseYaml } from './parse/yaml';
import { RULES, getRule } from './rules/registry';
import type { MapEntry, OffsetRange, Problem, Severity, ValueNode } from './types';

/** The file name looked for in each folder, from the scanned one up to the file system's root. */
export const CONFIG_FILE_NAME = '.iac-hints.yaml';

/**
 * The nearest `.iac-hints.yaml` in `folder` (an absolute path) or a folder above it, or undefined. `isFile` asks the
 * host's file system; both hosts look the same way (the CLI from the scanned folder, the server from its first
 * workspace folder).
 */
export function nearestConfigFile(folder: string, isFile: (path: string) => boolean): string | undefined {
  for (let current = folder; ;) {
    const candidate = joinPath(current, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const above = dirname(current);
    if (above === current || above === '.') return undefined;
    current = above;
  }
}

/** What a rule or a responsibility item is set to: off, on (as written), or a severity for its findings. */
export type RuleLevel = Severity | 'off' | 'on';

/** The settings of a `.iac-hints.yaml`; a key that was absent or invalid is undefined (or empty). */
export interface IacHintsConfig {
  /** Findings below this severity are not reported. */
  readonly minimumSeverity?: Severity;
  /** Regions where data may live (never empty: an empty list is "not set"). */
  readonly allowedRegions?: readonly string[];
  /** Only these responsibility items are checked (never empty: an empty or all-unknown list is "not set"). */
  readonly items?: readonly string[];
  /** Per responsibility item id. */
  readonly itemSeverity: Readonly<Record<string, RuleLevel>>;
  /** Per rule id; wins over the item's level and the `items` list. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** Only paths matching one of these globs are analysed (empty: every path). Relative to the config's folder. */
  readonly include: readonly string[];
  /** Paths matching one of these globs are not analysed, besides the folders always skipped. */
  readonly exclude: readonly string[];
  /** Whether other tools' suppressions (checkov, cfn_nag, ...) silence findings (undefined: the default, true). */
  readonly otherToolSuppressions?: boolean;
}

export interface ParsedConfig {
  readonly config: IacHintsConfig;
  /** Offsets into the config's text; errors are ignored values, warnings unknown names. */
  readonly problems: readonly Problem[];
}

export const EMPTY_CONFIG: IacHintsConfig = { itemSeverity: {}, rules: {}, include: [], exclude: [] };

/** The keys of a `.iac-hints.yaml` (the JSON Schema in schemas/ lists the same: test/unit/config.test.ts). */
export const CONFIG_KEYS = ['minimumSeverity', 'allowedRegions', 'items', 'itemSeverity', 'rules', 'include', 'exclude', 'suppressions'] as const;
export const SUPPRESSIONS_KEYS = ['otherTools'] as const;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const LEVELS: readonly RuleLevel[] = ['off', 'on', 'error', 'warning', 'info'];
/** Standard, GovCloud and ISO partitions: `eu-west-1`, `us-gov-west-1`, `us-isob-east-1`. */
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

/**
 * Parses the text of a `.iac-hints.yaml` (`path` is only named in messages). Never throws. Every problem has the
 * exact range of the key or value at fault; an invalid value leaves its setting at the default, and the other
 * settings apply. Unknown rule ids and items are warnings with a "did you mean" when one is close.
 */
export function parseConfig(text: string, path: string): ParsedConfig {
  const problems: Problem[] = [];
  const error = (range: OffsetRange, message: string): void => void problems.push({ message, range, severity: 'error' });
  const warn = (range: OffsetRange, message: string): void => void problems.push({ message, range, severity: 'warning' });
  const parsed = parseYaml(text);
  problems.push(...parsed.problems);
  const root = parsed.root;
  if (root === undefined || (root.kind === 'scalar' && root.value === null)) return { config: EMPTY_CONFIG, problems };
  if (root.kind !== 'map') {
    error(root.range, `${path} must be a mapping of settings (minimumSeverity, rules, ...); it is ignored.`);
    return { config: EMPTY_CONFIG, problems };
  }

  let minimumSeverity: Severity | undefined;
  let allowedRegions: string[] | undefined;
  let items: string[] | undefined;
  const itemSeverity: Record<string, RuleLevel> = {};
  const rules: Record<string, RuleLevel> = {};
  let include: string[] = [];
  let exclude: string[] = [];
  let otherToolSuppressions: boolean | undefined;

  for (const entry of lastOfEach(root.entries, warn)) {
    const value = entry.value;
    const at = value?.range ?? entry.keyRange;
    switch (entry.key) {
      case 'minimumSeverity': {
        const severity = stringOf(value);
        if (severity !== undefined && (SEVERITIES as readonly string[]).includes(severity)) minimumSeverity = severity as Severity;
        else error(at, `minimumSeverity must be one of ${SEVERITIES.join(', ')}${severity === undefined ? '' : `, not '${severity}'`}; the default applies.`);
        break;
      }
      case 'allowedRegions': {
        const regions = stringList(entry, error);
        for (const region of regions) if (!REGION.test(region.value)) warn(region.range, `'${region.value}' does not look like an AWS Region name (such as eu-west-1).`);
        allowedRegions = regions.length > 0 ? regions.map((region) => region.value) : undefined;
        break;
      }
      case 'items': {
        if (value === undefined || (value.kind === 'scalar' && value.value === null)) break;
        const known = stringList(entry, error).filter((item) => {
          if (isItemId(item.value)) return true;
          warn(item.range, `Unknown responsibility item '${item.value}'${didYouMean(item.value, ITEMS.map((known) => known.id))}; it is ignored.`);
          return false;
        });
        // An empty list would check nothing: never let the configuration silence everything.
        if (known.length > 0) items = known.map((item) => item.value);
        else error(at, 'items lists no known responsibility item; every item is checked.');
        break;
      }
      case 'itemSeverity':
        readLevels(entry, itemSeverity, error, warn, 'responsibility item', (id) => isItemId(id), ITEMS.map((item) => item.id));
        break;
      case 'rules':
        readLevels(entry, rules, error, warn, 'rule', (id) => getRule(id) !== undefined, RULES.map((rule) => rule.meta.id));
        break;
      case 'include':
      case 'exclude': {
        const globs = stringList(entry, error).filter((glob) => validGlob(glob, error, warn)).map((glob) => glob.value);
        if (entry.key === 'include') include = globs;
        else exclude = globs;
        break;
      }
      case 'suppressions': {
        if (value?.kind !== 'map') {
          error(at, 'suppressions must be a mapping (otherTools: true|false); the defaults apply.');
          break;
        }
        for (const inner of lastOfEach(value.entries, warn)) {
          if (inner.key !== 'otherTools') {
            warn(inner.keyRange, `Unknown key 'suppressions.${inner.key}'${didYouMean(inner.key, SUPPRESSIONS_KEYS)}; it is ignored.`);
            continue;
          }
          const flag = inner.value?.kind === 'scalar' && typeof inner.value.value === 'boolean' ? inner.value.value : undefined;
          if (flag === undefined) error(inner.value?.range ?? inner.keyRange, 'suppressions.otherTools must be true or false; the default (true) applies.');
          else otherToolSuppressions = flag;
        }
        break;
      }
      default:
        warn(entry.keyRange, `Unknown key '${entry.key}'${didYouMean(entry.key, CONFIG_KEYS)}; it is ignored.`);
    }
  }
  const config: IacHintsConfig = {
    ...(minimumSeverity ? { minimumSeverity } : {}),
    ...(allowedRegions ? { allowedRegions } : {}),
    ...(items ? { items } : {}),
    itemSeverity,
    rules,
    include,
    exclude,
    ...(otherToolSuppressions === undefined ? {} : { otherToolSuppressions }),
  };
  return { config, problems };
}

/** Entries of a mapping, the last of each key (a repeated key is a warning on the earlier one). */
function lastOfEach(entries: readonly MapEntry[], warn: (range: OffsetRange, message: string) => void): MapEntry[] {
  const last = new Map<string, MapEntry>();
  for (const entry of entries) {
    const earlier = last.get(entry.key);
    if (earlier) warn(earlier.keyRange, `'${entry.key}' is set again below; the last one applies.`);
    last.set(entry.key, entry);
  }
  return entries.filter((entry) => last.get(entry.key) === entry);
}

function stringOf(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** A list of strings; anything else is an error at its place, skipped (an empty value is an empty list). */
function stringList(entry: MapEntry, error: (range: OffsetRange, message: string) => void): { value: string; range: OffsetRange }[] {
  const value = entry.value;
  if (value?.kind !== 'seq') {
    if (!(value?.kind === 'scalar' && value.value === null)) error(value?.range ?? entry.keyRange, `${entry.key} must be a list of strings; it is ignored.`);
    return [];
  }
  const strings: { value: string; range: OffsetRange }[] = [];
  for (const item of value.items) {
    const text = stringOf(item);
    if (text === undefined || text.trim() === '') error(item.range, `Each entry of ${entry.key} must be a non-empty string; this one is ignored.`);
    else strings.push({ value: text.trim(), range: item.range });
  }
  return strings;
}

/** `rules:` or `itemSeverity:`: a mapping of ids to off | on | error | warning | info (booleans for off/on). */
function readLevels(
  entry: MapEntry,
  into: Record<string, RuleLevel>,
  error: (range: OffsetRange, message: string) => void,
  warn: (range: OffsetRange, message: string) => void,
  what: string,
  known: (id: string) => boolean,
  ids: readonly string[],
): void {
  const value = entry.value;
  if (value?.kind !== 'map') {
    if (!(value?.kind === 'scalar' && value.value === null)) error(value?.range ?? entry.keyRange, `${entry.key} must be a mapping of ${what} ids to ${LEVELS.join(' | ')}; it is ignored.`);
    return;
  }
  for (const inner of lastOfEach(value.entries, warn)) {
    if (!known(inner.key)) {
      warn(inner.keyRange, `Unknown ${what} '${inner.key}'${didYouMean(inner.key, ids)}; it is ignored.`);
      continue;
    }
    const node = inner.value;
    const level = node?.kind === 'scalar' && typeof node.value === 'boolean' ? (node.value ? 'on' : 'off') : stringOf(node);
    if (level !== undefined && (LEVELS as readonly string[]).includes(level)) into[inner.key] = level as RuleLevel;
    else error(node?.range ?? inner.keyRange, `${entry.key}.${inner.key} must be one of ${LEVELS.join(', ')}${level === undefined ? '' : `, not '${level}'`}; it is ignored.`);
  }
}

function validGlob(glob: { value: string; range: OffsetRange }, error: (range: OffsetRange, message: string) => void, warn: (range: OffsetRange, message: string) => void): boolean {
  if (glob.value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob.value) || glob.value.startsWith('../')) {
    warn(glob.range, `'${glob.value}' is matched against paths relative to the folder of ${CONFIG_FILE_NAME}; it can never match.`);
  }
  try {
    makeRe(glob.value, GLOB_OPTIONS);
    return true;
  } catch (problem) {
    error(glob.range, `'${glob.value}' is not a valid glob (${String(problem)}); it is ignored.`);
    return false;
  }
}

/** The closest name within a small edit distance, as ` (did you mean 'x'?)`, or ''. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean '${best}'?)`;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Per rule, how the configuration changes it: off, or a severity for its findings (rules it leaves as written are
 * absent). A rule's own level wins over its item's level (`itemSeverity`), which wins over the `items` list.
 */
export function rulePolicyOf(config: IacHintsConfig): RulePolicy {
  const policy: Record<string, Severity | 'off'> = {};
  const checked = config.items ? new Set(config.items) : undefined;
  for (const rule of RULES) {
    const { id, item, severity } = rule.meta;
    const own = config.rules[id];
    const ofItem = config.itemSeverity[item];
    const enabled = own !== undefined ? own !== 'off' : ofItem !== undefined ? ofItem !== 'off' : checked ? checked.has(item) : true;
    if (!enabled) {
      policy[id] = 'off';
      continue;
    }
    const level = own !== undefined && own !== 'on' && own !== 'off' ? own : ofItem !== undefined && ofItem !== 'on' && ofItem !== 'off' ? ofItem : undefined;
    if (level !== undefined && level !== severity) policy[id] = level;
  }
  return policy;
}

/** Settings a host also has of its own: command-line flags, editor settings. An empty list is "not set". */
export interface HostSettings {
  readonly minimumSeverity?: Severity;
  readonly allowedRegions?: readonly string[];
}

/** What a configuration (with the host's own settings) sets of the analyzer's options. */
export type ConfiguredOptions = Required<Pick<AnalyzerOptions, 'minimumSeverity' | 'rules' | 'otherToolSuppressions'>> & Pick<AnalyzerOptions, 'allowedRegions'>;

/**
 * The analyzer options of a configuration, with the precedence both hosts use: `over` (the CLI's flags) >
 * the configuration > `under` (the editor's settings) > the defaults (minimum severity info, no allowed Regions,
 * other tools' suppressions counted).
 */
export function configuredOptions(config: IacHintsConfig, over: HostSettings = {}, under: HostSettings = {}): ConfiguredOptions {
  const regions = [over.allowedRegions, config.allowedRegions, under.allowedRegions].find((list) => list !== undefined && list.length > 0);
  return {
    minimumSeverity: over.minimumSeverity ?? config.minimumSeverity ?? under.minimumSeverity ?? 'info',
    rules: rulePolicyOf(config),
    otherToolSuppressions: config.otherToolSuppressions ?? true,
    ...(regions ? { allowedRegions: regions } : {}),
  };
}

const GLOB_OPTIONS = { dot: true } as const;

/**
 * Whether a file is analysed under a configuration: `relativePath` is its path relative to the folder of the
 * configuration (forward slashes). A glob matches a path or any folder above it (`legacy` and `legacy/**` both
 * skip everything under legacy/); `extraExclude` adds globs (the CLI's --skip-path). The folders always skipped
 * (formats.ts SKIPPED_DIRECTORIES) are left out by the hosts' walks, not here: a file named on the command line or
 * opened in the editor is analysed wherever it is. A path outside the configuration's folder (../) matches no glob.
 */
export function pathFilterOf(config: IacHintsConfig, extraExclude: readonly string[] = []): (relativePath: string) => boolean {
  const compile = (globs: readonly string[]): RegExp[] => globs.flatMap((glob) => {
    try {
      return [makeRe(glob.replace(/\/+$/, ''), GLOB_OPTIONS)];
    } catch {
      return [];
    }
  });
  const include = compile(config.include);
  const exclude = compile([...config.exclude, ...extraExclude]);
  return (relativePath) => {
    const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
    const parts = path.split('/');
    if (parts[0] === '..' || path.startsWith('/')) return true;
    const prefixes = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
    const matches = (patterns: readonly RegExp[]): boolean => patterns.some((pattern) => prefixes.some((prefix) => pattern.test(prefix)));
    if (include.length > 0 && !matches(include)) return false;
    return !matches(exclude);
  };
}
