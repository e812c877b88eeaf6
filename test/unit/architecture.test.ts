// The analysis core reads as layers that point one way (ARCHITECTURE.md, "Layers"):
//
//   base -> syntax -> model -> evaluation -> knowledge -> rules -> engine
//
// Every .ts file under server/src/analysis is given exactly one layer by the table below (first matching pattern
// wins). A file may import from its own layer or any layer below it, never from a layer above; type-only imports
// count too (they are coupling all the same). No two files may import each other, directly or through others.
// The core imports nothing from the language server or the CLI.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const LAYERS = ['base', 'syntax', 'model', 'evaluation', 'knowledge', 'rules', 'engine'] as const;
type Layer = (typeof LAYERS)[number];

/**
 * The layer table, paths relative to server/src/analysis. `**` matches any path, `*` any name part.
 * Order matters only where patterns overlap (the more specific pattern comes first).
 */
const LAYER_TABLE: readonly (readonly [pattern: string, layer: Layer, why: string])[] = [
  // base: the shared vocabulary, no logic above it. api.ts holds only type declarations (checked below).
  ['offsets.ts', 'base', 'OffsetRange, Severity, Problem: what every layer (the HCL tree too) builds on'],
  ['terraform/hcl/ast.ts', 'base', 'type declarations of the HCL tree, which the value tree embeds (ExpressionNode)'],
  ['types.ts', 'base', 'the value tree, Finding, Fix, ResourceRef'],
  ['text.ts', 'base', 'LineIndex: offsets <-> line/character'],
  ['limits.ts', 'base', 'the bounds on hostile input: nesting depth, problems per parse'],
  ['api.ts', 'base', 'the public data shapes (FileAnalysis, AnalysisSettings, FileSystemView): types only'],
  ['paths.ts', 'base', 'path string helpers (no I/O)'],
  ['formats.ts', 'base', 'the description of each file format (pure data), shared by the CLI and the server'],
  ['version.ts', 'base', 'the version string'],
  // syntax: text -> value tree with offsets.
  ['parse/**', 'syntax', 'YAML, JSON, intrinsic tags, incremental YAML'],
  ['terraform/hcl/**', 'syntax', 'the HCL and .tf.json parser'],
  ['cloudformation/parse.ts', 'syntax', 'picks the YAML or JSON parser for a template'],
  ['cloudformation/detect.ts', 'syntax', 'is this text a CloudFormation template'],
  // model: the value tree read as a template or a module.
  ['cloudformation/template.ts', 'model', 'the template model'],
  ['cloudformation/languageExtensions.ts', 'model', 'Fn::ForEach expansion (AWS::LanguageExtensions) of the template model'],
  ['cloudformation/references.ts', 'model', 'which resources a node refers to'],
  ['terraform/module.ts', 'model', 'a directory as a module'],
  ['terraform/values.ts', 'model', 'HCL bodies as the shared value tree'],
  ['terraform/installed.ts', 'model', 'the modules terraform init installed (.terraform/modules/modules.json)'],
  // evaluation: what a value may be, with provenance.
  ['resolution.ts', 'evaluation', 'the format-neutral ValueResolver'],
  ['cloudformation/resolve.ts', 'evaluation', 'Ref, Sub, If, FindInMap, conditions'],
  ['terraform/resolve.ts', 'evaluation', 'var, local, tfvars, each/count'],
  ['terraform/functions.ts', 'evaluation', 'Terraform built-in functions over known values'],
  ['terraform/functionText.ts', 'evaluation', 'text as Terraform functions write it (numbers, JSON, format verbs, RE2 patterns)'],
  // knowledge: the knowledge base as data, and the lookups over it.
  ['knowledge/**', 'knowledge', 'items, categories, settings, AWS defaults'],
  ['knowledgeView.ts', 'knowledge', 'item labels, service views over resources'],
  // rules: judgements over resolved values, and what a rule sees.
  ['rules/**', 'rules', 'the support module (rule shape, helpers, policy documents), the registry, every rule'],
  ['cloudformation/context.ts', 'rules', 'what a rule sees of a template (CfnRuleContext)'],
  ['terraform/context.ts', 'rules', 'what a rule sees of a Terraform module (TfRuleContext)'],
  // engine: runs the rules and turns outcomes into findings, hovers, fixes; the entry points.
  ['findings.ts', 'engine', 'the one outcome-to-finding path for both formats'],
  ['summary.ts', 'engine', 'rule outcomes -> responsibility statuses'],
  ['report.ts', 'engine', 'the Shared Responsibility Report model (resources x items, AWS side, totals)'],
  ['reportRender.ts', 'engine', 'the report as markdown and HTML (CLI and webview)'],
  ['cloudformation/check.ts', 'engine', 'runs the rules over a template, outcome cache'],
  ['cloudformation/reads.ts', 'engine', 'the rule context that records what a run reads (read-sets, snapshots)'],
  ['cloudformation/hover.ts', 'engine', 'hovers'],
  ['cloudformation/edit.ts', 'engine', 'fix writer (YAML/JSON)'],
  ['cloudformation/editParameter.ts', 'engine', 'fix writer: a parameter to fill in'],
  ['cloudformation/editCompanion.ts', 'engine', 'fix writer: a companion resource'],
  ['cloudformation/editFlagged.ts', 'engine', 'fix writer: the flagged value replaced'],
  ['cloudformation/editValue.ts', 'engine', 'fix writer: structured values merged into a mapping'],
  ['cloudformation/editElements.ts', 'engine', 'fix writer: list elements (each, append)'],
  ['cloudformation/editOperations.ts', 'engine', 'fix writer: a fix with several steps'],
  ['terraform/check.ts', 'engine', 'runs the rules over a module'],
  ['terraform/analyze.ts', 'engine', 'module analysis cache'],
  ['terraform/workspace.ts', 'engine', 'which workspace folders call which local modules'],
  ['terraform/hover.ts', 'engine', 'hovers'],
  ['terraform/edit.ts', 'engine', 'fix writer (HCL)'],
  ['terraform/editFlagged.ts', 'engine', 'fix writer (HCL): the flagged value replaced'],
  ['terraform/editValue.ts', 'engine', 'fix writer: structured values merged into a block (HCL)'],
  ['terraform/editElements.ts', 'engine', 'fix writer: repeated blocks and list arguments (HCL)'],
  ['terraform/editOperations.ts', 'engine', 'fix writer: a fix with several steps (HCL)'],
  ['suppress.ts', 'engine', 'suppression comments and Metadata'],
  ['suppress/**', 'engine', "other tools' suppressions (checkov, cfn_nag, cfn-lint, tfsec, Trivy) and their equivalents"],
  ['hoverText.ts', 'engine', 'hover text for both formats'],
  ['settingReads.ts', 'engine', 'which settings of a resource each rule run reads (traced for hovers), and the facts a hover gives'],
  ['config.ts', 'engine', '.iac-hints.yaml: parsing, rule policy, path filter'],
  ['analyzer.ts', 'engine', 'the Analyzer: cache, dispatch by format'],
  ['index.ts', 'engine', 'the only entry point'],
];

/**
 * Imports that break the rule today and can only be fixed inside server/src/analysis/rules/ (other branches own
 * those files). Keys are `from -> to`; each says why it is tolerated. Keep this list short.
 */
const KNOWN_EXCEPTIONS: ReadonlyMap<string, string> = new Map<string, string>([]);

/** Cycles tolerated for the same reason, each given as its sorted list of files. */
const KNOWN_CYCLES: ReadonlyMap<string, string> = new Map<string, string>([]);

/** Files whose every statement is a type declaration: they may sit in base although the engine reads them. */
const TYPE_ONLY_MODULES = ['offsets.ts', 'terraform/hcl/ast.ts', 'api.ts'];

function repoRoot(): string {
  // Compiled to out/test/unit/ by `npm test`; bundled to a temporary directory by scripts/test-one.mjs.
  for (const candidate of [path.resolve(__dirname, '../../..'), process.cwd()]) {
    if (fs.existsSync(path.join(candidate, 'server', 'src', 'analysis', 'index.ts'))) return candidate;
  }
  throw new Error('cannot find the repository root');
}

const ROOT = repoRoot();
const CORE = path.join(ROOT, 'server', 'src', 'analysis');

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTs(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

function rel(file: string): string {
  return path.relative(CORE, file).split(path.sep).join('/');
}

function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\*\*\/?|\*)/)
    .map((part) => (part === '**' || part === '**/' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

const COMPILED = LAYER_TABLE.map(([pattern, layer]) => ({ pattern, layer, re: globToRegExp(pattern) }));

function layerOf(relPath: string): Layer | undefined {
  return COMPILED.find((entry) => entry.re.test(relPath))?.layer;
}

interface Import {
  readonly specifier: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

/** Every import of a file: `import`, `import type`, `export ... from`, side-effect and `import('...')` types. */
export function importsOf(text: string): Import[] {
  const out: Import[] = [];
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  // The names part may span lines but never reaches into the next statement (a line starting import/export).
  const statement = /^[ \t]*(import|export)\b(\s+type\b)?((?:(?!\n[ \t]*(?:import|export)\b)[^;'"])*?)\bfrom\s*['"]([^'"]+)['"]/gm;
  for (let m = statement.exec(text); m; m = statement.exec(text)) {
    const names = m[3] ?? '';
    const braces = /\{([^}]*)\}/.exec(names);
    const everyNameTyped = braces !== null && !/^[^{]*\w[^{]*\{/.test(names.replace(/^\s*(type\s+)?/, '')) &&
      braces[1].split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    out.push({ specifier: m[4], typeOnly: m[2] !== undefined || everyNameTyped, line: lineAt(m.index) });
  }
  const bare = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;
  for (let m = bare.exec(text); m; m = bare.exec(text)) out.push({ specifier: m[1], typeOnly: false, line: lineAt(m.index) });
  const inline = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = inline.exec(text); m; m = inline.exec(text)) out.push({ specifier: m[1], typeOnly: true, line: lineAt(m.index) });
  return out;
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

function readGraph(): { files: string[]; edges: Edge[]; outside: string[] } {
  const files = listTs(CORE).map(rel);
  const edges: Edge[] = [];
  const outside: string[] = [];
  for (const file of files) {
    const full = path.join(CORE, file);
    for (const imp of importsOf(fs.readFileSync(full, 'utf8'))) {
      if (!imp.specifier.startsWith('.')) continue;
      const target = resolveRelative(full, imp.specifier);
      if (target === undefined) {
        outside.push(`${file}:${imp.line} imports '${imp.specifier}', which is no .ts file`);
        continue;
      }
      const targetRel = path.relative(CORE, target).split(path.sep).join('/');
      if (targetRel.startsWith('..')) {
        outside.push(`${file}:${imp.line} imports '${imp.specifier}' from outside the core`);
        continue;
      }
      edges.push({ from: file, to: targetRel, typeOnly: imp.typeOnly, line: imp.line });
    }
  }
  return { files, edges, outside };
}

/** Strongly connected components with more than one file (or a file importing itself): Tarjan's algorithm. */
function cycles(files: readonly string[], edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}

/** One concrete loop through a component, for the message: a -> b -> ... -> a. */
function loopThrough(component: readonly string[], edges: readonly Edge[]): string {
  const inside = new Set(component);
  const start = component[0];
  const prev = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const e of edges) {
      if (e.from !== v || !inside.has(e.to)) continue;
      if (e.to === start) {
        const pathBack = [v];
        for (let p = prev.get(v); p !== undefined; p = prev.get(p)) pathBack.push(p);
        return [...pathBack.reverse(), start].join(' -> ');
      }
      if (!seen.has(e.to)) {
        seen.add(e.to);
        prev.set(e.to, v);
        queue.push(e.to);
      }
    }
  }
  return component.join(', ');
}

describe('architecture: the layers of the analysis core', () => {
  const { files, edges, outside } = readGraph();

  it('finds the core and its imports', () => {
    assert.ok(files.length > 50, `only ${files.length} files under ${CORE}`);
    assert.ok(edges.length > files.length, `only ${edges.length} imports found`);
  });

  it('gives every file exactly one layer', () => {
    const unassigned = files.filter((f) => layerOf(f) === undefined);
    assert.deepEqual(unassigned, [], 'add these files to LAYER_TABLE in test/unit/architecture.test.ts');
    const unused = COMPILED.filter((entry) => !files.some((f) => entry.re.test(f))).map((entry) => entry.pattern);
    assert.deepEqual(unused, [], 'these LAYER_TABLE patterns match no file any more');
  });

  it('imports only files of the core (nothing from the language server or the CLI)', () => {
    assert.deepEqual(outside, []);
  });

  it('keeps the type-only modules of the base layer free of code', () => {
    for (const file of TYPE_ONLY_MODULES) {
      const text = fs.readFileSync(path.join(CORE, file), 'utf8');
      const code = text
        .split('\n')
        .filter((line) => /^(export\s+)?(const|let|var|function|class|enum|default)\b/.test(line) || /^export\s+(\{|\*)/.test(line));
      assert.deepEqual(code, [], `${file} is in the base layer because it declares types only`);
    }
  });

  it('points every import down (or within a layer), type-only imports included', () => {
    const rank = (f: string): number => LAYERS.indexOf(layerOf(f)!);
    const upward = edges
      .filter((e) => rank(e.to) > rank(e.from))
      .map((e) => `${e.from}:${e.line} (${layerOf(e.from)}) imports ${e.typeOnly ? 'types from ' : ''}${e.to} (${layerOf(e.to)})`)
      .filter((message) => {
        const key = message.replace(/:\d+ \(\w+\) imports (types from )?/, ' -> ').replace(/ \(\w+\)$/, '');
        return !KNOWN_EXCEPTIONS.has(key);
      });
    assert.deepEqual(upward, []);
  });

  it('has no import cycle between files', () => {
    const found = cycles(files, edges)
      .filter((component) => !KNOWN_CYCLES.has(component.join(' ')))
      .map((component) => `${component.length} files: ${loopThrough(component, edges)}`);
    assert.deepEqual(found, []);
  });

  it('lists only exceptions that still occur', () => {
    const present = new Set(edges.map((e) => `${e.from} -> ${e.to}`));
    assert.deepEqual([...KNOWN_EXCEPTIONS.keys()].filter((key) => !present.has(key)), []);
    const current = new Set(cycles(files, edges).map((component) => component.join(' ')));
    assert.deepEqual([...KNOWN_CYCLES.keys()].filter((key) => !current.has(key)), []);
  });
});

describe('architecture: the import reader', () => {
  it('reads every import form', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import {\n  c,\n  d,\n} from '../c';",
      "export * from './e';",
      "export type { F } from './f';",
      "import { type G, type H } from './g';",
      "import './side';",
      "let x: import('./inline').T;",
      "import { readFileSync } from 'node:fs';",
      'export interface Local {\n  readonly a: number\n}',
      "import type { Later } from './later';",
    ].join('\n');
    assert.deepEqual(
      importsOf(text).map((i) => `${i.specifier}${i.typeOnly ? ' (type)' : ''}`),
      ['./a', './b (type)', '../c', './e', './f (type)', './g (type)', 'node:fs', './later (type)', './side', './inline (type)'],
    );
  });
});
