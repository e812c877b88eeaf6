// The analyzer: detects what a file is, parses it, builds the model, runs the rules, and keeps the last
// result per document so hovers and code actions on an unchanged text cost nothing.
import type { AnalysisSettings, AnalyzeInput, AnalyzerOptions, CodeActionResult, FileAnalysis, FixAllResult, HoverResult } from './api';
import { checkTemplate, RuleOutcomeCache } from './cloudformation/check';
import type { TemplateCheck } from './cloudformation/check';
import { detectTemplate, looksLikeTemplateText, mayBeTemplateText } from './cloudformation/detect';
import { writeSetSettingFix, writeSuppression } from './cloudformation/edit';
import { writeCompanionFix } from './cloudformation/editCompanion';
import { writeParameterFix } from './cloudformation/editParameter';
import { writeFlaggedFix } from './cloudformation/editFlagged';
import { writeOperationsFix } from './cloudformation/editOperations';
import { hoverAt } from './cloudformation/hover';
import { buildTemplate } from './cloudformation/template';
import { applySuppressions, collectSuppressions } from './suppress';
import { applyForeignSuppressions, cloudFormationForeignSuppressions } from './suppress/foreign';
import type { CfnTemplate } from './cloudformation/template';
import { parseTemplateText } from './cloudformation/parse';
import { IncrementalYamlParser } from './parse/incrementalYaml';
import { TerraformAnalyzer } from './terraform/analyze';
import type { ModuleAnalysis } from './terraform/analyze';
import { terraformCodeActions } from './terraform/edit';
import { terraformHoverAt } from './terraform/hover';
import { getRule } from './rules/registry';
import { fixOptions } from './rules/support/fixChoices';
import { CLOUDFORMATION, formatOfPath, MAX_FILE_SIZE, TERRAFORM } from './formats';
import { byPosition } from './findings';
import { LineIndex } from './text';
import { finishProblems } from './limits';
import type { OffsetRange, Problem, Severity, TextEdit } from './types';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

interface CachedAnalysis {
  readonly text: string;
  readonly yamlParser?: IncrementalYamlParser;
  readonly ruleCache?: RuleOutcomeCache;
  readonly analysis: FileAnalysis;
  readonly template?: CfnTemplate;
  readonly check?: TemplateCheck;
  readonly terraform?: ModuleAnalysis;
}

export class Analyzer {
  private readonly cache = new Map<string, CachedAnalysis>();
  private readonly maxFileSize: number;
  private readonly minimumSeverity: Severity;
  private readonly incremental: boolean;
  private readonly terraform: TerraformAnalyzer;
  private readonly settings: AnalysisSettings;
  private readonly otherToolSuppressions: boolean;
  private readonly options: AnalyzerOptions;

  constructor(options: AnalyzerOptions = {}) {
    this.options = options;
    this.maxFileSize = options.maxFileSize ?? MAX_FILE_SIZE;
    this.minimumSeverity = options.minimumSeverity ?? 'info';
    this.incremental = options.incremental ?? true;
    this.otherToolSuppressions = options.otherToolSuppressions ?? true;
    this.settings = {
      ...(options.allowedRegions ? { allowedRegions: options.allowedRegions } : {}),
      ...(options.rules && Object.keys(options.rules).length > 0 ? { rules: options.rules } : {}),
    };
    this.terraform = new TerraformAnalyzer(options.files, this.settings, options.terraformVariableFiles);
  }

  analyze(input: AnalyzeInput): FileAnalysis {
    return this.analyzeCached(input).analysis;
  }

  hover(input: AnalyzeInput, offset: number): HoverResult | undefined {
    const cached = this.analyzeCached(input);
    try {
      if (cached.terraform) return terraformHoverAt(cached.terraform, input.path, offset, cached.analysis.findings);
      if (!cached.template || !cached.check) return undefined;
      return hoverAt(cached.template, cached.check, offset, cached.check.resolver, cached.analysis.findings);
    } catch {
      return undefined;
    }
  }

  /** Quick fixes, then suppressions, for the reported findings whose range touches `range`. */
  codeActions(input: AnalyzeInput, range: OffsetRange): CodeActionResult[] {
    const cached = this.analyzeCached(input);
    if (cached.terraform) return terraformCodeActions(cached.terraform, cached.analysis, input, range);
    const template = cached.template;
    if (!template || !cached.check) return [];
    const fixes: CodeActionResult[] = [];
    const suppressions: CodeActionResult[] = [];
    for (const finding of cached.analysis.findings) {
      if (!touches(finding.range, range)) continue;
      const resource = template.resourcesById.get(finding.resource.id);
      if (!resource) continue;
      const key = { ruleId: finding.ruleId, range: finding.range };
      try {
        const fixPlan = finding.fixId ? getRule(finding.ruleId)?.fixes?.[finding.fixId] : undefined;
        // A fix with choices is several actions; the first is preferred.
        for (const [index, plan] of (fixPlan ? fixOptions(fixPlan) : []).entries()) {
          const fix = plan.operations ? writeOperationsFix(input.text, template, resource, plan) : plan.companion ? writeCompanionFix(input.text, template, resource, plan.companion, plan.title) : plan.flagged ? writeFlaggedFix(input.text, template, resource, plan, finding.range) : plan.parameter ? writeParameterFix(input.text, template, resource, plan) : writeSetSettingFix(input.text, template, resource, plan);
          if (fix) fixes.push({ title: fix.title, kind: 'quickfix', isPreferred: index === 0, fix, finding: key, ...(plan.safety === 'safe' ? { safe: true } : {}) });
        }
        const suppression = writeSuppression(input.text, template, resource, finding.ruleId);
        if (suppression) suppressions.push({ title: suppression.title, kind: 'quickfix', isPreferred: false, fix: suppression, finding: key });
      } catch {
        // No fix is better than a wrong one.
      }
    }
    return [...fixes, ...suppressions];
  }

  /**
   * Fix-all: applies every safe quick fix (`CodeActionResult.safe`: no replacement, no placeholder, nothing that may
   * break clients), or the ones `accept` takes, of the file's findings, or returns undefined when there is none. Fixes whose edits touch each other go in later passes over
   * the re-analysed text (two fixes creating the same parent mapping would write it twice), at most
   * FIX_ALL_PASSES passes; later passes use a one-shot analyzer so the editor's cache keeps only real texts.
   */
  fixAll(input: AnalyzeInput, accept: (action: CodeActionResult) => boolean = (action) => action.safe === true): FixAllResult | undefined {
    const applied: string[] = [];
    let text = input.text;
    try {
      const oneShot = new Analyzer({ ...this.options, incremental: false });
      for (let pass = 0; pass < FIX_ALL_PASSES; pass++) {
        const analyzer = pass === 0 ? this : oneShot;
        const actions = analyzer.codeActions({ path: input.path, text }, { start: 0, end: text.length }).filter(accept);
        const chosen = disjointFixes(actions);
        if (chosen.length === 0) break;
        text = applyTextEdits(text, chosen.flatMap((action) => action.fix.edits));
        applied.push(...chosen.map((action) => action.title));
      }
    } catch {
      // A fix that cannot be written is left out; what was applied so far stands.
    }
    return applied.length > 0 && text !== input.text ? { text, applied } : undefined;
  }

  /**
   * Directories of Terraform modules that call the module in `dir` (analysed ones, directly or through other local
   * modules, and the workspace's folders that call it directly): their call findings depend on it.
   */
  terraformCallersOf(dir: string): string[] {
    return this.terraform.callersOf(dir);
  }

  /**
   * Directories of the local Terraform modules the module in `dir` calls, or called before its last change: a
   * module's own findings depend on what its callers pass.
   */
  terraformCalleesOf(dir: string): string[] {
    return this.terraform.calleesOf(dir);
  }

  /** The file changed, was deleted or closed: everything cached about it is dropped. */
  forget(path: string): void {
    this.cache.delete(path);
    this.terraform.forget(path);
  }

  /**
   * Done with the file for now (a scan moved on): its analysis is dropped to keep memory flat, but what its
   * Terraform module calls is kept, so other modules' callers are found without reading it again. Use `forget`
   * when the file changed.
   */
  release(path: string): void {
    this.cache.delete(path);
    this.terraform.release(path);
  }

  private analyzeCached(input: AnalyzeInput): CachedAnalysis {
    const previous = this.cache.get(input.path);
    // A Terraform file's result also depends on the other files of its module: the module cache decides.
    if (previous && previous.text === input.text && !previous.terraform) return previous;
    let result: CachedAnalysis;
    try {
      const yamlParser = this.incremental ? previous?.yamlParser ?? new IncrementalYamlParser() : undefined;
      const ruleCache = this.incremental ? previous?.ruleCache ?? new RuleOutcomeCache() : undefined;
      result = this.analyzeFresh(input, yamlParser, ruleCache);
    } catch (error) {
      result = {
        text: input.text,
        analysis: skipped(input, `internal error: ${String(error)}`, [
          { message: `The analysis failed unexpectedly: ${String(error)}`, range: { start: 0, end: 0 }, severity: 'error' },
        ]),
      };
    }
    // One-shot analyses keep nothing: a CLI scan of thousands of files must not hold them all.
    if (this.incremental) this.cache.set(input.path, result);
    return result;
  }

  private analyzeFresh(input: AnalyzeInput, yamlParser: IncrementalYamlParser | undefined, ruleCache: RuleOutcomeCache | undefined): CachedAnalysis {
    const { path, text } = input;
    if (text.length > this.maxFileSize) {
      return { text, analysis: skipped(input, `larger than ${Math.round(this.maxFileSize / 1024 / 1024)} MiB`, [tooLarge(text.length, this.maxFileSize)]) };
    }
    if (looksBinary(text)) return { text, analysis: skipped(input, 'binary file') };
    const format = formatOfPath(path);
    if (format === TERRAFORM) {
      const module = this.terraform.analyzeModuleOf(path, text);
      const analysis = this.terraform.fileAnalysis(path, module, (finding) => SEVERITY_RANK[finding.severity] <= SEVERITY_RANK[this.minimumSeverity], this.otherToolSuppressions);
      return { text, analysis, terraform: module };
    }
    if (format !== CLOUDFORMATION) return { text, analysis: skipped(input, 'not a template file name') };
    if (!mayBeTemplateText(text)) return { text, analysis: skipped(input, 'not a CloudFormation template') };

    const parsed = parseTemplateText(path, text, yamlParser);
    if (parsed.multipleDocuments) return { text, analysis: skipped(input, 'a multi-document YAML stream is not a CloudFormation template') };
    const detection = detectTemplate(parsed.root);
    if (!detection.isTemplate || parsed.root?.kind !== 'map') {
      // What the syntax errors left may not look like a template, but the text does: say what is wrong.
      if (parsed.problems.some((problem) => problem.severity === 'error') && looksLikeTemplateText(text)) {
        return { text, analysis: { path, kind: 'cloudformation', problems: parsed.problems, findings: [], suppressed: [], resources: [], lineIndex: new LineIndex(text) } };
      }
      return { text, analysis: skipped(input, detection.isTemplate ? 'not a CloudFormation template' : detection.reason) };
    }
    const problems: Problem[] = [...parsed.problems];
    const template = buildTemplate(parsed.root, parsed.format, problems);
    const check = checkTemplate(template, text, ruleCache, this.settings);
    problems.push(...check.problems);
    const lineIndex = new LineIndex(text);
    const beforeSuppressions = problems.length;
    const suppressions = collectSuppressions(text, lineIndex, template, problems);
    const ours = applySuppressions(check.resources.flatMap((resourceCheck) => resourceCheck.findings), suppressions, lineIndex);
    const foreign = this.otherToolSuppressions ? cloudFormationForeignSuppressions(text, lineIndex, template) : [];
    const { kept, suppressed: foreignSuppressed, problems: foreignProblems } = applyForeignSuppressions(ours.kept, ours.suppressed.map((entry) => entry.finding), foreign, { lines: lineIndex });
    problems.push(...foreignProblems);
    // The suppressions' own problems (one per comment or Metadata entry) are bounded as a parse's are.
    problems.splice(beforeSuppressions, Infinity, ...finishProblems(problems.slice(beforeSuppressions), text));
    const suppressed = [...ours.suppressed, ...foreignSuppressed];
    const findings = kept
      .filter((finding) => SEVERITY_RANK[finding.severity] <= SEVERITY_RANK[this.minimumSeverity])
      .sort(byPosition);
    return {
      text,
      yamlParser,
      ruleCache,
      template,
      check,
      analysis: {
        path,
        kind: 'cloudformation',
        problems,
        findings,
        suppressed,
        resources: check.resources.map((resourceCheck) => resourceCheck.summary),
        lineIndex,
      },
    };
  }
}

function skipped(input: AnalyzeInput, reason: string, problems: Problem[] = []): FileAnalysis {
  return { path: input.path, kind: 'skipped', skipReason: reason, problems, findings: [], suppressed: [], resources: [], lineIndex: new LineIndex(input.text) };
}

function tooLarge(size: number, limit: number): Problem {
  return { message: `The file is ${size} characters long, over the ${limit} limit; it is not analysed.`, range: { start: 0, end: 0 }, severity: 'warning' };
}

function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  return head.includes('\u0000') || /[\uFFFD]{4,}/.test(head);
}

/** Passes of fix-all over one file: each re-analyses the text the previous one wrote. */
const FIX_ALL_PASSES = 8;

/** Fixes whose edits are apart from each other's (an insertion at another edit's offset waits for the next pass). */
function disjointFixes(actions: readonly CodeActionResult[]): CodeActionResult[] {
  const taken: OffsetRange[] = [];
  const chosen: CodeActionResult[] = [];
  const seen = new Set<string>();
  for (const action of actions) {
    const key = JSON.stringify(action.fix.edits);
    if (seen.has(key)) continue; // the same fix offered for two findings
    seen.add(key);
    if (action.fix.edits.some((edit) => taken.some((range) => touches(edit.range, range)))) continue;
    chosen.push(action);
    taken.push(...action.fix.edits.map((edit) => edit.range));
  }
  return chosen;
}

/** Applies non-overlapping edits (offsets into `text`). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.range.start - a.range.start)
    .reduce((current, edit) => current.slice(0, edit.range.start) + edit.newText + current.slice(edit.range.end), text);
}

function touches(a: OffsetRange, b: OffsetRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}
