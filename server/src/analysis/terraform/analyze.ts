// Terraform analysis by module: the directory of the file, with every configuration and tfvars file in it
// (open buffers laid over the disk by the FileSystemView), and the local modules it calls. A module's result
// is cached by the text of all its files, so each file of it is answered from one analysis.
import type { AnalysisSettings, FileAnalysis, FileSystemView, ResourceSummary } from '../api';
import { isTerraformConfigPath } from '../formats';
import { basename, dirname, joinPath } from '../paths';
import { LineIndex } from '../text';
import type { Finding, OffsetRange, Problem } from '../types';
import { applySuppressions, commentSuppressions } from '../suppress';
import { checkModule } from './check';
import type { FileFinding, ModuleCheck } from './check';
import { buildModule, isAutoVariablesFile, isLocalSource, parseTerraformFile } from './module';
import type { SourceFile, TfFile, TfModule, VariableValue } from './module';
import { TfResolver } from './resolve';
import { expressionToNode } from './values';

const MAX_MODULE_DEPTH = 4;
const CALL_ARGUMENTS_NOT_INPUTS = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

export interface ModuleAnalysis {
  readonly module: TfModule;
  readonly resolver: TfResolver;
  readonly check: ModuleCheck;
  /** Findings of called local modules that come from this module's inputs, reported on the call. */
  readonly callFindings: readonly FileFinding[];
  /** The analyses of the local modules it calls, by call name, evaluated with this module's inputs. */
  readonly children: ReadonlyMap<string, ModuleAnalysis>;
  /** The line index of a file of the module, built when first asked for (most files of a scan are never shown). */
  lineIndexOf(path: string): LineIndex;
}

export class TerraformAnalyzer {
  private readonly modules = new Map<string, { signature: string; analysis: ModuleAnalysis; calledSources: readonly SourceFile[] }>();
  private readonly parsed = new Map<string, TfFile>();

  constructor(private readonly files: FileSystemView | undefined, private readonly settings: AnalysisSettings = {}) {}

  /** The module analysis for the directory of `path`, with `text` as that file's content. */
  analyzeModuleOf(path: string, text: string): ModuleAnalysis {
    const dir = dirname(path);
    const sources = this.moduleSources(dir, { path, text });
    const signature = sources.map((source) => `${source.path}\u0000${source.text}`).join('\u0001');
    const cached = this.modules.get(dir);
    // The result also depends on the files of the local modules it calls: a change there invalidates it too.
    if (cached && cached.signature === signature && cached.calledSources.every((source) => this.files?.readFile(source.path) === source.text)) {
      return cached.analysis;
    }
    const calledSources: SourceFile[] = [];
    const standalone = this.analyzeModule(dir, sources, new Map(), '', undefined, 0, new Set([dir]), calledSources);
    const analysis = this.asCalled(dir, standalone, calledSources);
    this.modules.set(dir, { signature, analysis, calledSources });
    return analysis;
  }

  /** Directories of analysed modules that call the module in `dir` (directly or through other local modules). */
  callersOf(dir: string): string[] {
    const target = dir.replace(/\\/g, '/');
    return [...this.modules.entries()]
      .filter(([callerDir, entry]) => callerDir !== dir && entry.calledSources.some((source) => dirname(source.path).replace(/\\/g, '/') === target))
      .map(([callerDir]) => callerDir);
  }

  fileAnalysis(path: string, analysis: ModuleAnalysis, minimumRank: (finding: Finding) => boolean): FileAnalysis {
    const lineIndex = analysis.lineIndexOf(path);
    const problems: Problem[] = [
      ...(analysis.module.problems.get(path) ?? []),
      ...analysis.check.problems.filter((entry) => entry.file === path).map((entry) => entry.problem),
    ];
    const text = analysis.module.files.find((file) => file.path === path)?.text ?? '';
    const resourceByLine = new Map<number, string>();
    for (const resource of analysis.module.resources) {
      if (resource.file === path) resourceByLine.set(lineIndex.positionAt(resource.block.range.start).line, resource.address);
    }
    for (const call of analysis.module.moduleCalls) {
      if (call.file === path) resourceByLine.set(lineIndex.positionAt(call.block.range.start).line, `module.${call.name}`);
    }
    const suppressions = /\.json$/i.test(path) ? [] : commentSuppressions(text, lineIndex, resourceByLine, problems);
    const all = [...analysis.check.resources.flatMap((resource) => resource.findings), ...analysis.callFindings]
      .filter((entry) => entry.file === path)
      .map((entry) => entry.finding);
    const { kept, suppressed } = applySuppressions(all, suppressions, lineIndex);
    const findings = kept
      .filter(minimumRank)
      .sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
    const resources: ResourceSummary[] = analysis.check.resources
      .filter((resource) => resource.resource.file === path)
      .map((resource) => resource.summary);
    return { path, kind: 'terraform', problems, findings, suppressed, resources, lineIndex };
  }

  forget(path: string): void {
    this.parsed.delete(path);
    this.modules.delete(dirname(path));
  }

  private moduleSources(dir: string, override?: SourceFile): SourceFile[] {
    const names = this.files?.listFiles(dir);
    const sources: SourceFile[] = [];
    const seen = new Set<string>();
    for (const name of names ?? []) {
      const path = joinPath(dir, name);
      if (!isTerraformConfigPath(path) && !isAutoVariablesFile(path)) continue;
      const text = override && samePath(override.path, path) ? override.text : this.files?.readFile(path);
      if (text === undefined) continue;
      sources.push({ path: override && samePath(override.path, path) ? override.path : path, text });
      seen.add(basename(path));
    }
    if (override && !seen.has(basename(override.path))) sources.push(override);
    return sources.sort((a, b) => a.path.localeCompare(b.path));
  }

  private parse(source: SourceFile): TfFile {
    const cached = this.parsed.get(source.path);
    if (cached && cached.text === source.text) return cached;
    const parsed = parseTerraformFile(source.path, source.text);
    this.parsed.set(source.path, parsed);
    return parsed;
  }

  private analyzeModule(dir: string, sources: readonly SourceFile[], inputs: ReadonlyMap<string, VariableValue>, prefix: string, caller: TfResolver | undefined, depth: number, visiting: ReadonlySet<string>, calledSources: SourceFile[]): ModuleAnalysis {
    const files = sources.map((source) => this.parse(source));
    const module = buildModule(dir, files, inputs, prefix);
    const resolver = new TfResolver(module, {}, caller);
    const check = checkModule(module, resolver, this.settings);
    const callFindings: FileFinding[] = [];
    const children = new Map<string, ModuleAnalysis>();
    if (depth < MAX_MODULE_DEPTH) {
      for (const call of module.moduleCalls) {
        if (!isLocalSource(call.source)) continue;
        const childDir = joinPath(dir, call.source);
        if (visiting.has(childDir)) continue;
        const childSources = this.moduleSources(childDir);
        if (childSources.length === 0) continue;
        calledSources.push(...childSources);
        const childInputs = new Map<string, VariableValue>();
        for (const attribute of call.block.body.attributes) {
          if (CALL_ARGUMENTS_NOT_INPUTS.has(attribute.name)) continue;
          childInputs.set(attribute.name, { node: expressionToNode(attribute.expression), source: `module.${call.name} input`, resolveIn: 'caller' });
        }
        const child = this.analyzeModule(childDir, childSources, childInputs, `${prefix}module.${call.name}.`, resolver, depth + 1, new Set([...visiting, childDir]), calledSources);
        children.set(call.name, child);
        const marker = `from module.${call.name} input`;
        const label: OffsetRange = call.block.labels[0]?.range ?? call.block.typeRange;
        for (const entry of [...child.check.resources.flatMap((resource) => resource.findings), ...child.callFindings]) {
          if (!entry.finding.message.includes(marker) && !entry.finding.message.includes(`${prefix}module.${call.name}.module.`)) continue;
          // The finding sits on the argument of the call that carries the value (where the user edits it),
          // else on the call's label.
          const input = inputNamed(entry.finding.message, call.name);
          const anchor: OffsetRange = call.block.body.attributes.find((attribute) => attribute.name === input)?.range ?? label;
          callFindings.push({
            file: call.file,
            finding: {
              ...entry.finding,
              // A finding already lifted from a deeper call carries the address: name it once.
              message: entry.finding.message.startsWith(`${entry.finding.resource.id}: `) ? entry.finding.message : `${entry.finding.resource.id}: ${entry.finding.message}`,
              range: anchor,
              related: [{ message: `in ${entry.finding.resource.id}`, range: entry.finding.range, file: entry.file }],
            },
          });
        }
      }
    }
    const texts = new Map(files.map((file) => [file.path, file.text]));
    const lineIndexes = new Map<string, LineIndex>();
    const lineIndexOf = (path: string): LineIndex => {
      let index = lineIndexes.get(path);
      if (!index) lineIndexes.set(path, index = new LineIndex(texts.get(path) ?? ''));
      return index;
    };
    return { module, resolver, check, callFindings, children, lineIndexOf };
  }

  /**
   * A module's own findings as its callers deploy it. Local modules in the folders above that call `dir`
   * decide the values of its variables: a finding is kept only when some caller's evaluation of the module
   * gives it too, on a value the caller does not pass (findings from a caller's inputs are reported on that
   * caller's call; a resource no caller creates has none). With no caller known the module is a root module: its
   * defaults are what deploys, and messages name them ("var.x, default").
   */
  private asCalled(dir: string, standalone: ModuleAnalysis, calledSources: SourceFile[]): ModuleAnalysis {
    const called: ModuleAnalysis[] = [];
    for (const caller of this.callersAbove(dir)) {
      calledSources.push(...caller.sources);
      const callerAnalysis = this.analyzeModule(caller.dir, caller.sources, new Map(), '', undefined, 0, new Set([caller.dir]), []);
      for (const name of caller.calls) {
        const child = callerAnalysis.children.get(name);
        if (child) called.push(child);
      }
    }
    const keyOf = (entry: FileFinding) => `${entry.file}|${entry.finding.ruleId}|${entry.finding.range.start}|${entry.finding.range.end}`;
    let keep: (entry: FileFinding) => FileFinding | undefined;
    if (called.length > 0) {
      const given = new Set<string>();
      for (const child of called) {
        for (const entry of child.check.resources.flatMap((resource) => resource.findings)) {
          if (!/ from module\.[^ ;)]+ input/.test(entry.finding.message)) given.add(keyOf(entry));
        }
      }
      keep = (entry) => (given.has(keyOf(entry)) ? entry : undefined);
    } else {
      // No caller known: the module is deployed as a root module, with its defaults (the message names them).
      keep = (entry) => entry;
    }
    const resources = standalone.check.resources.map((resource) => ({
      ...resource,
      findings: resource.findings.map(keep).filter((entry): entry is FileFinding => entry !== undefined),
    }));
    return { ...standalone, check: { ...standalone.check, resources } };
  }

  /** Modules in the folders above `dir` (up to three levels) whose local module calls point at `dir`. */
  private callersAbove(dir: string): { dir: string; sources: SourceFile[]; calls: string[] }[] {
    const target = joinPath(dir, '.');
    const callers: { dir: string; sources: SourceFile[]; calls: string[] }[] = [];
    let current = dir;
    for (let level = 0; level < 3; level++) {
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
      const sources = this.moduleSources(current);
      if (sources.length === 0) continue;
      const module = buildModule(current, sources.map((source) => this.parse(source)), new Map(), '');
      const calls = module.moduleCalls
        .filter((call) => isLocalSource(call.source) && call.source !== undefined && samePath(joinPath(current, call.source), target))
        .map((call) => call.name);
      if (calls.length > 0) callers.push({ dir: current, sources, calls });
    }
    return callers;
  }
}

/** The input of module call `name` that a finding's value came through: `var.x from module.name input`. */
function inputNamed(message: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`var\\.([\\w-]+) from module\\.${escaped} input`).exec(message)?.[1];
}

function samePath(a: string, b: string): boolean {
  return a.replace(/\\/g, '/') === b.replace(/\\/g, '/');
}
