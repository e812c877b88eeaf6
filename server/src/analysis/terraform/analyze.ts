// Terraform analysis by module: the directory of the file, with every configuration and tfvars file in it
// (open buffers laid over the disk by the FileSystemView), the local modules it calls, the modules `terraform init`
// installed for its other calls (.terraform/modules/modules.json), and the modules anywhere in the workspace that
// call it. A module's result is cached by the text of all its files, so each file of it is answered from one analysis.
import type { AnalysisSettings, FileAnalysis, FileSystemView, ResourceSummary } from '../api';
import { TERRAFORM_MODULES_MANIFEST, isInstalledPath, isTerraformConfigPath } from '../formats';
import { basename, dirname, joinPath } from '../paths';
import { byPosition } from '../findings';
import { LineIndex } from '../text';
import type { Finding, OffsetRange, Problem } from '../types';
import { applySuppressions, commentSuppressions } from '../suppress';
import { applyForeignSuppressions, enclosingLines, terraformForeignSuppressions } from '../suppress/foreign';
import { checkModule, instancesOf } from './check';
import type { FileFinding, ModuleCheck } from './check';
import { installedFor, readModulesManifest } from './installed';
import type { InstalledModules } from './installed';
import { buildModule, isAutoVariablesFile, isLocalSource, parseTerraformFile } from './module';
import type { SourceFile, TfFile, TfModule, TfModuleCall, VariableValue } from './module';
import { TfResolver } from './resolve';
import { expressionToNode } from './values';
import { WorkspaceCalls } from './workspace';
import type { ModuleCaller } from './workspace';
import { finishProblems } from '../limits';
import { worstStatus } from '../summary';

const MAX_MODULE_DEPTH = 4;
/** Instances of one module call evaluated one by one, at most (more: the module once, count/each unknown). */
const MAX_CALL_INSTANCES = 8;
const CALL_ARGUMENTS_NOT_INPUTS = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);
/** Callers a module is evaluated with, at most (nearest first): each costs one more evaluation of the module. */
const MAX_CALLERS = 12;
const NO_CHECK: ModuleCheck = { resources: [], problems: [] };

/** Where a module sits in the call tree of the root module an analysis started from. */
interface CallContext {
  /** What `terraform init` installed for that root module (its manifest), if anything. */
  readonly installed: InstalledModules | undefined;
  /** This module's key in the manifest: '' for the root, `a.b` for call b inside call a. */
  readonly key: string;
  /** The root module's folder (installed directories are named relative to it). */
  readonly root: string;
}

/** A file read besides the module's own (a called module's, a caller's, a manifest), to tell when it changed. */
interface Read {
  readonly path: string;
  readonly text: string | undefined;
}

export interface ModuleAnalysis {
  readonly module: TfModule;
  readonly resolver: TfResolver;
  readonly check: ModuleCheck;
  /** Findings of called local modules that come from this module's inputs, reported on the call. */
  readonly callFindings: readonly FileFinding[];
  /**
   * The analyses of the local modules it calls, by call name, evaluated with this module's inputs: one per
   * instance of a call with count or for_each (none when it makes none), else one.
   */
  readonly children: ReadonlyMap<string, readonly ModuleAnalysis[]>;
  /** The line index of a file of the module, built when first asked for (most files of a scan are never shown). */
  lineIndexOf(path: string): LineIndex;
}

export class TerraformAnalyzer {
  private readonly modules = new Map<string, { signature: string; callers: string; analysis: ModuleAnalysis; calledSources: readonly SourceFile[]; reads: readonly Read[] }>();
  private readonly parsed = new Map<string, TfFile>();
  private readonly manifests = new Map<string, { text: string; installed: InstalledModules | undefined }>();
  private readonly workspace: WorkspaceCalls;

  /** Variable files given explicitly (`-var-file`), parsed once: they apply to root modules only. */
  private readonly variableFiles: readonly TfFile[];

  constructor(private readonly files: FileSystemView | undefined, private readonly settings: AnalysisSettings = {}, variableFiles: readonly SourceFile[] = []) {
    this.workspace = new WorkspaceCalls(files, (source) => this.parse(source));
    this.variableFiles = variableFiles.map((source) => parseTerraformFile(source.path, source.text));
  }

  /** The module analysis for the directory of `path`, with `text` as that file's content. */
  analyzeModuleOf(path: string, text: string): ModuleAnalysis {
    const dir = dirname(path);
    const sources = this.moduleSources(dir, { path, text });
    const signature = sources.map((source) => `${source.path}\u0000${source.text}`).join('\u0001');
    const callers = this.workspace.callersOf(dir).slice(0, MAX_CALLERS);
    const callerKey = callers.map((caller) => `${caller.dir}\u0000${caller.calls.join(',')}`).join('\u0001');
    const cached = this.modules.get(dir);
    // The result also depends on the files of the modules it calls and of its callers, and on the manifests
    // that say where installed modules are: a change to any of them invalidates it too.
    if (cached && cached.signature === signature && cached.callers === callerKey
      && cached.calledSources.every((source) => this.files?.readFile(source.path) === source.text)
      && cached.reads.every((read) => this.files?.readFile(read.path) === read.text)) {
      return cached.analysis;
    }
    const calledSources: SourceFile[] = [];
    const reads: Read[] = [];
    const standalone = this.analyzeModule(dir, sources, new Map(), '', undefined, 0, new Set([dir]), calledSources, this.rootContext(dir, reads));
    this.workspace.record(standalone.module);
    // Callers take findings away, add what their manifests installed for remote calls, and decide the statuses
    // (a caller's input may make a duty missed that the defaults meet): a module with resources or calls is
    // evaluated as its callers deploy it.
    const affected = standalone.callFindings.length > 0
      || standalone.check.resources.length > 0
      || standalone.module.moduleCalls.some((call) => call.source !== undefined && !isLocalSource(call.source));
    const analysis = affected ? this.asCalled(standalone, callers, calledSources, reads) : standalone;
    this.modules.set(dir, { signature, callers: callerKey, analysis, calledSources, reads });
    return analysis;
  }

  /**
   * Directories of modules that call the module in `dir`: analysed modules that call it directly or through other
   * local modules, and the workspace's folders that call it directly. Their call findings depend on it.
   */
  callersOf(dir: string): string[] {
    const target = dir.replace(/\\/g, '/');
    const cached = [...this.modules.entries()]
      .filter(([callerDir, entry]) => callerDir !== dir && entry.calledSources.some((source) => dirname(source.path).replace(/\\/g, '/') === target))
      .map(([callerDir]) => callerDir);
    const direct = this.workspace.callersOf(dir).map((caller) => caller.dir);
    return [...new Set([...cached, ...direct])];
  }

  /**
   * Directories of the local modules `dir` calls, or called before its last change: their own findings depend on
   * what it passes (a finding is kept on a module only when some caller's evaluation gives it).
   */
  calleesOf(dir: string): string[] {
    return this.workspace.calleesOf(dir);
  }

  /** `otherTools`: honour (and report) other tools' suppressions (see suppress/foreign.ts). */
  fileAnalysis(path: string, analysis: ModuleAnalysis, minimumRank: (finding: Finding) => boolean, otherTools = true): FileAnalysis {
    const lineIndex = analysis.lineIndexOf(path);
    // Terraform's installed copy of a module is not the user's code: what it deploys is reported on the call.
    if (isInstalledPath(path)) return { path, kind: 'terraform', problems: [], findings: [], suppressed: [], resources: [], lineIndex };
    const problems: Problem[] = [
      ...(analysis.module.problems.get(path) ?? []),
      ...analysis.check.problems.filter((entry) => entry.file === path).map((entry) => entry.problem),
    ];
    const file = analysis.module.files.find((candidate) => candidate.path === path);
    const text = file?.text ?? '';
    const resourceByLine = new Map<number, string>();
    const blocks: { id: string; range: OffsetRange }[] = [];
    for (const resource of analysis.module.resources) {
      if (resource.file !== path) continue;
      resourceByLine.set(lineIndex.positionAt(resource.block.range.start).line, resource.address);
      blocks.push({ id: resource.address, range: resource.block.range });
    }
    for (const call of analysis.module.moduleCalls) {
      if (call.file !== path) continue;
      resourceByLine.set(lineIndex.positionAt(call.block.range.start).line, `module.${call.name}`);
      blocks.push({ id: `module.${call.name}`, range: call.block.range });
    }
    const isHcl = file?.syntax !== 'json' && !/\.json$/i.test(path);
    const beforeSuppressions = problems.length;
    const suppressions = isHcl ? commentSuppressions(text, lineIndex, resourceByLine, problems) : [];
    const all = [...analysis.check.resources.flatMap((resource) => resource.findings), ...analysis.callFindings]
      .filter((entry) => entry.file === path)
      .map((entry) => entry.finding);
    const ours = applySuppressions(all, suppressions, lineIndex);
    // Terraform JSON has no form for other tools' suppressions (see suppress/foreign.ts).
    const foreign = otherTools && isHcl && file ? terraformForeignSuppressions(text, lineIndex, blocks) : [];
    const body = file?.parsed.body;
    const { kept, suppressed: foreignSuppressed, problems: foreignProblems } = applyForeignSuppressions(ours.kept, ours.suppressed.map((entry) => entry.finding), foreign, {
      lines: lineIndex,
      enclosingLines: body ? (finding) => enclosingLines(body, finding, lineIndex) : undefined,
    });
    problems.push(...foreignProblems);
    // The suppressions' own problems (one per comment) are bounded as a parse's are.
    problems.splice(beforeSuppressions, Infinity, ...finishProblems(problems.slice(beforeSuppressions), text));
    const suppressed = [...ours.suppressed, ...foreignSuppressed];
    const findings = kept
      .filter(minimumRank)
      .sort(byPosition);
    const resources: ResourceSummary[] = analysis.check.resources
      .filter((resource) => resource.resource.file === path)
      .map((resource) => resource.summary);
    return { path, kind: 'terraform', problems, findings, suppressed, resources, lineIndex };
  }

  /** The file changed or was closed: everything learnt from it is read again when needed. */
  forget(path: string): void {
    this.release(path);
    this.workspace.forget(dirname(path));
  }

  /** Done with the file for now (a scan moved on): its analysis is dropped, the calls its module makes are kept. */
  release(path: string): void {
    this.parsed.delete(path);
    this.modules.delete(dirname(path));
  }

  /** The call context of a root module: its manifest of installed modules, if `terraform init` wrote one. */
  private rootContext(dir: string, reads: Read[]): CallContext {
    const path = joinPath(dir, TERRAFORM_MODULES_MANIFEST);
    const text = this.files?.readFile(path);
    reads.push({ path, text });
    if (text === undefined) return { installed: undefined, key: '', root: dir };
    let cached = this.manifests.get(dir);
    if (cached?.text !== text) this.manifests.set(dir, cached = { text, installed: readModulesManifest(text, dir) });
    return { installed: cached.installed, key: '', root: dir };
  }

  /** Where a call's module is: a local path, or the installed copy its manifest key names. */
  private childOf(dir: string, call: TfModuleCall, context: CallContext): { dir: string; context: CallContext } | undefined {
    const key = context.key === '' ? call.name : `${context.key}.${call.name}`;
    if (isLocalSource(call.source)) return { dir: joinPath(dir, call.source), context: { ...context, key } };
    const record = call.source === undefined ? undefined : context.installed?.get(key);
    if (!record || call.source === undefined || !installedFor(call.source, record)) return undefined;
    return { dir: record.dir, context: { ...context, key } };
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

  /**
   * One module evaluated with `inputs` from its caller (resolved by `caller`), and the modules it calls. `only`
   * (a caller evaluated for one module's sake) limits the work to those calls: the caller's own resources are
   * not checked.
   */
  private analyzeModule(dir: string, sources: readonly SourceFile[], inputs: ReadonlyMap<string, VariableValue>, prefix: string, caller: TfResolver | undefined, depth: number, visiting: ReadonlySet<string>, calledSources: SourceFile[], context: CallContext, only?: ReadonlySet<string>): ModuleAnalysis {
    const files = sources.map((source) => this.parse(source));
    const installedCall = (name: string, source: string): string | undefined => {
      const record = context.installed?.get(context.key === '' ? name : `${context.key}.${name}`);
      // An installed directory without configuration (deleted, or a failed init) leaves the call opaque.
      if (!record || !installedFor(source, record) || !this.files?.listFiles(record.dir)?.some((name) => isTerraformConfigPath(name))) return undefined;
      return [relativeTo(record.dir, context.root), record.version && `version ${record.version}`].filter(Boolean).join(', ');
    };
    const module = buildModule(dir, files, inputs, prefix, installedCall, prefix === '' ? this.variableFiles : []);
    const resolver = new TfResolver(module, {}, caller);
    const check = only ? NO_CHECK : checkModule(module, resolver, this.settings);
    const callFindings: FileFinding[] = [];
    const children = new Map<string, ModuleAnalysis[]>();
    if (depth < MAX_MODULE_DEPTH) {
      for (const call of module.moduleCalls) {
        if (only && !only.has(call.name)) continue;
        const located = this.childOf(dir, call, context);
        if (!located) continue;
        const childDir = located.dir;
        if (visiting.has(childDir)) continue;
        const childSources = this.moduleSources(childDir);
        if (childSources.length === 0) continue;
        calledSources.push(...childSources);
        const childInputs = new Map<string, VariableValue>();
        for (const attribute of call.block.body.attributes) {
          if (CALL_ARGUMENTS_NOT_INPUTS.has(attribute.name)) continue;
          childInputs.set(attribute.name, { node: expressionToNode(attribute.expression), source: `module.${call.name} input`, resolveIn: 'caller' });
        }
        // A call with count or for_each makes one instance of the module per element (none for 0 or an empty
        // collection), its inputs read with that instance's count.index / each.key / each.value. Too many, or
        // not known: the module once, those values unknown.
        const argument = (name: string) => call.block.body.attributes.find((attribute) => attribute.name === name)?.expression;
        const made = instancesOf({ address: `module.${call.name}`, count: argument('count'), forEach: argument('for_each') }, resolver);
        const instances = made.length > MAX_CALL_INSTANCES ? [{ address: `module.${call.name}`, binding: {} }] : made;
        const analysed: ModuleAnalysis[] = [];
        children.set(call.name, analysed);
        for (const instance of instances) {
          const child = this.analyzeModule(childDir, childSources, childInputs, `${prefix}${instance.address}.`, resolver.withBinding(instance.binding), depth + 1, new Set([...visiting, childDir]), calledSources, located.context);
          analysed.push(child);
          this.liftCallFindings(child, call, `${prefix}${instance.address}.`, childDir, callFindings);
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

  /** The findings of a called module's instance that its caller causes, placed on the call. */
  private liftCallFindings(child: ModuleAnalysis, call: TfModuleCall, childPrefix: string, childDir: string, callFindings: FileFinding[]): void {
    // An installed copy is not the user's code: everything it reports is reported on the call. A local
    // module's own findings stay in its files; only those its caller's inputs cause move to the call.
    const installed = isInstalledPath(childDir);
    const marker = `from module.${call.name} input`;
    const label: OffsetRange = call.block.labels[0]?.range ?? call.block.typeRange;
    for (const entry of [...child.check.resources.flatMap((resource) => resource.findings), ...child.callFindings]) {
      if (!installed && !entry.finding.message.includes(marker) && !entry.finding.message.includes(`${childPrefix}module.`)) continue;
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

  /**
   * A module's own findings as its callers deploy it. The workspace's modules that call it (`callers`, found by
   * WorkspaceCalls: folders above, siblings, cousins) decide the values of its variables: a finding is kept only
   * when some caller's evaluation of the module gives it too, on a value the caller does not pass (findings from a
   * caller's inputs are reported on that caller's call; a resource no caller creates has none). The same holds for
   * the findings it reports on its own calls; and what a caller's manifest installed for the module's remote
   * calls is reported on them too. With no caller known the module is a root module: its defaults are what
   * deploys, and messages name them ("var.x, default").
   */
  private asCalled(standalone: ModuleAnalysis, callers: readonly ModuleCaller[], calledSources: SourceFile[], reads: Read[]): ModuleAnalysis {
    const called: { child: ModuleAnalysis; marker: string }[] = [];
    // A caller whose call makes no instance (count = 0, an empty for_each) deploys none of the module.
    let calledAtAll = false;
    for (const caller of callers) {
      const sources = this.moduleSources(caller.dir);
      if (sources.length === 0) continue;
      calledSources.push(...sources);
      const context = this.rootContext(caller.dir, reads);
      const callerAnalysis = this.analyzeModule(caller.dir, sources, new Map(), '', undefined, 0, new Set([caller.dir]), [], context, new Set(caller.calls));
      for (const name of caller.calls) {
        const instances = callerAnalysis.children.get(name);
        if (instances) calledAtAll = true;
        for (const child of instances ?? []) called.push({ child, marker: `from module.${name} input` });
      }
    }
    // No caller known: the module is deployed as a root module, with its defaults (the message names them).
    if (!calledAtAll) return standalone;
    const keyOf = (entry: FileFinding) => `${entry.file}|${entry.finding.ruleId}|${entry.finding.range.start}|${entry.finding.range.end}`;
    const given = new Set<string>();
    const givenOnCalls = new Map<string, FileFinding>();
    for (const { child, marker } of called) {
      for (const entry of child.check.resources.flatMap((resource) => resource.findings)) {
        if (!/ from module\.[^ ;)]+ input/.test(entry.finding.message)) given.add(keyOf(entry));
      }
      for (const entry of child.callFindings) {
        if (entry.finding.message.includes(marker)) continue;
        const key = `${keyOf(entry)}|${entry.finding.resource.id.replace(/^module\.[^.]+\./, '')}`;
        if (!givenOnCalls.has(key)) givenOnCalls.set(key, entry);
      }
    }
    // The statuses follow the callers' evaluations too (the worst of them per item), not the module's defaults: a
    // resource whose finding no caller gives must not be shown as missing the duty.
    const placeOf = (resource: ModuleCheck['resources'][number]) => `${resource.resource.file}|${resource.resource.anchor.start}`;
    const asDeployed = new Map<string, ResourceSummary[]>();
    for (const { child } of called) {
      for (const resource of child.check.resources) asDeployed.set(placeOf(resource), [...(asDeployed.get(placeOf(resource)) ?? []), resource.summary]);
    }
    const resources = standalone.check.resources.map((resource) => ({
      ...resource,
      findings: resource.findings.filter((entry) => given.has(keyOf(entry))),
      summary: deployedSummary(resource.summary, asDeployed.get(placeOf(resource))),
    }));
    // A call finding of the module itself names the resource without a caller's prefix; seen from a caller it has
    // one (`module.x.`): compare without it, and keep one finding per place, rule and resource, as the module
    // itself words it when it has it.
    const callFindings: FileFinding[] = [];
    const kept = new Set<string>();
    for (const entry of standalone.callFindings) {
      const key = `${keyOf(entry)}|${entry.finding.resource.id}`;
      if (givenOnCalls.has(key) && !kept.has(key)) {
        kept.add(key);
        callFindings.push(entry);
      }
    }
    // What a caller's manifest installed for the module's remote calls is not in the module's own evaluation.
    for (const [key, entry] of givenOnCalls) {
      if (kept.has(key) || !isInstalledPath(entry.finding.related[0]?.file ?? '') || !standalone.module.files.some((file) => file.path === entry.file)) continue;
      kept.add(key);
      callFindings.push(entry);
    }
    return { ...standalone, check: { ...standalone.check, resources }, callFindings };
  }
}

/**
 * A called module's resource summary as its callers deploy it: per item, the worst status among the callers'
 * evaluations (`deployed`, one summary per caller instance); the module's own when no caller creates the resource.
 */
function deployedSummary(own: ResourceSummary, deployed: readonly ResourceSummary[] | undefined): ResourceSummary {
  if (!deployed || deployed.length === 0) return own;
  // Callers are met in no fixed order (the editor finds them as files open, a scan all at once): among equally bad
  // statuses the module's own wins, then the first by detail, so every host shows the same one.
  const responsibilities = own.responsibilities.map((status) => {
    const theirs = deployed.flatMap((summary) => summary.responsibilities.filter((candidate) => candidate.item === status.item));
    const worst = worstStatus(theirs);
    if (!worst || worst.status === status.status) return status;
    return theirs.filter((candidate) => candidate.status === worst.status).sort((a, b) => (a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0))[0];
  });
  return { ...own, responsibilities };
}

/** The input of module call `name` that a finding's value came through: `var.x from module.name input`. */
function inputNamed(message: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`var\\.([\\w-]+) from module\\.${escaped} input`).exec(message)?.[1];
}

/** `path` relative to `base` when it is below it (`.terraform/modules/s3`), else as it is. */
function relativeTo(path: string, base: string): string {
  const prefix = `${joinPath(base, '.').replace(/\\/g, '/')}/`;
  const normal = path.replace(/\\/g, '/');
  return prefix !== '/' && normal.startsWith(prefix) ? normal.slice(prefix.length) : path;
}

function samePath(a: string, b: string): boolean {
  return a.replace(/\\/g, '/') === b.replace(/\\/g, '/');
}
