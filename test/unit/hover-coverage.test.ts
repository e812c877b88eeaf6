// Issue 13, item 6: a hover on every setting a rule reads, and over every finding. For every file of examples/ and
// ../shared/cases (read in place), in YAML, JSON and HCL: every position that carries a finding (its first, middle and
// last character) explains that finding; every key a rule reads of a resource (as the engine traces it), and every
// setting of the knowledge base a rule checks that the resource writes, explains the rule's item and the value read.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import type { FileAnalysis, HoverResult } from '../../server/src/analysis';
import { checkTemplate, traceSettingReads } from '../../server/src/analysis/cloudformation/check';
import { parseTemplateText } from '../../server/src/analysis/cloudformation/parse';
import { buildTemplate } from '../../server/src/analysis/cloudformation/template';
import { settingsForCloudFormationType, settingsForTerraformType } from '../../server/src/analysis/knowledge';
import { itemLabel } from '../../server/src/analysis/knowledgeView';
import { listRules } from '../../server/src/analysis/rules/registry';
import type { SettingRead } from '../../server/src/analysis/settingReads';
import { TerraformAnalyzer } from '../../server/src/analysis/terraform/analyze';
import { traceSettingReads as traceTerraformReads } from '../../server/src/analysis/terraform/check';
import type { MapNode, OffsetRange, Problem, ValueNode } from '../../server/src/analysis/types';
import { diskView } from '../helpers/fileSystemView';
import { REPO_ROOT, SHARED_ROOT, sharedPresent } from '../helpers/paths';

const CASES = path.join(SHARED_ROOT, 'cases');
/** Files that only test bounds on hostile input (thousands of nested levels): nothing there for a rule to read. */
const LARGE = 64 * 1024;

function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full));
    else if (/\.(ya?ml|json|tf)$/.test(entry.name) && statSync(full).size <= LARGE) found.push(full);
  }
  return found.sort();
}

/** A resource's settings and the places its rules read, with the rule's id and item. */
interface ResourceReads {
  readonly name: string;
  readonly root: MapNode;
  readonly range: OffsetRange;
  readonly type: string;
  readonly reads: readonly SettingRead[];
  readonly checkedRules: ReadonlySet<string>;
}

function cloudFormationReads(file: string, text: string): ResourceReads[] {
  const parsed = parseTemplateText(file, text);
  if (parsed.root?.kind !== 'map') return [];
  const problems: Problem[] = [];
  const template = buildTemplate(parsed.root, parsed.format, problems);
  const check = checkTemplate(template, text);
  return check.resources.flatMap((resourceCheck) => {
    const { resource } = resourceCheck;
    if (!resource.properties || !resource.type) return [];
    const checkedRules = new Set(resourceCheck.runs.filter((run) => run.outcomes.some((outcome) => outcome.kind !== 'not-applicable')).map((run) => run.rule.meta.id));
    return [{ name: resource.id, root: resource.properties, range: resource.range, type: resource.type, reads: traceSettingReads(check, resourceCheck), checkedRules }];
  });
}

function terraformReads(file: string, text: string): ResourceReads[] {
  const analysis = new TerraformAnalyzer(diskView()).analyzeModuleOf(file, text);
  return analysis.check.resources.filter((resourceCheck) => resourceCheck.resource.file === file).map((resourceCheck) => {
    const { resource } = resourceCheck;
    const checkedRules = new Set(resourceCheck.runs.filter((run) => run.outcomes.some((outcome) => outcome.kind !== 'not-applicable')).map((run) => run.rule.meta.id));
    return { name: resource.address, root: resource.body, range: resource.block.range, type: resource.type, reads: traceTerraformReads(analysis.module, analysis.resolver, resourceCheck, analysis.check.settings), checkedRules };
  });
}

/** Where a line of the text starts, for messages. */
function where(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

const VALUE = /Resolved:|is (?:'|-?\d|true|false|not set|an? |unknown|null|the attribute)/;

interface Coverage {
  findings: number;
  readKeys: number;
  readValues: number;
  knowledgeKeys: number;
}

function checkFile(file: string, coverage: Coverage): void {
  const text = readFileSync(file, 'utf8');
  const analyzer = new Analyzer({ files: diskView() });
  const input = { path: file, text };
  const analysis: FileAnalysis = analyzer.analyze(input);
  if (analysis.kind === 'skipped') return;
  const hovers = new Map<number, HoverResult | undefined>();
  const hover = (offset: number): HoverResult | undefined => {
    if (!hovers.has(offset)) {
      const result = analyzer.hover(input, offset);
      if (result) assert.ok(result.range.start <= offset && offset <= result.range.end, `the hover's range holds the cursor at ${name}:${where(text, offset)}`);
      hovers.set(offset, result);
    }
    return hovers.get(offset);
  };
  const name = path.relative(path.dirname(REPO_ROOT), file);

  // Every position that carries a finding explains that finding.
  for (const finding of analysis.findings) {
    const { start, end } = finding.range;
    for (const offset of new Set([start, Math.floor((start + end) / 2), Math.max(start, end - 1)])) {
      const result = hover(offset);
      const at = `${name}:${where(text, offset)} (${finding.ruleId})`;
      assert.ok(result, `no hover over the finding at ${at}`);
      assert.ok(result.markdown.includes(finding.message), `the hover at ${at} does not give the finding's message:\n${result.markdown}`);
      assert.ok(result.markdown.includes(finding.ruleId) && result.markdown.includes(itemLabel(finding.responsibility)), `the hover at ${at} does not name the rule and item`);
      coverage.findings++;
    }
  }

  // Every place a rule reads, on its key and on its value.
  const resources = analysis.kind === 'terraform' ? terraformReads(file, text) : cloudFormationReads(file, text);
  for (const resource of resources) {
    for (const read of resource.reads) {
      // A read of the whole body (a rule asking what the resource holds) is not a setting.
      if (read.range.start < resource.range.start || read.range.end > resource.range.end || (read.range.start <= resource.root.range.start && read.range.end >= resource.root.range.end)) continue;
      if (read.keyRange && read.keyRange.start >= resource.range.start && read.keyRange.end <= resource.range.end) {
        const offset = read.keyRange.start;
        const result = hover(offset);
        const at = `${name}:${where(text, offset)} (${resource.name}, ${read.rule.meta.id} reads ${text.slice(read.keyRange.start, read.keyRange.end)})`;
        assert.ok(result, `no hover on a key a rule reads at ${at}`);
        explains(result, read.rule.meta.id, read.rule.meta.item, at);
        coverage.readKeys++;
      }
      if (read.range.start < read.range.end) {
        const offset = read.range.start;
        const result = hover(offset);
        const at = `${name}:${where(text, offset)} (${resource.name}, a value ${read.rule.meta.id} reads)`;
        assert.ok(result, `no hover on a value a rule reads at ${at}`);
        assert.match(result.markdown, /Customer responsibility: /, at);
        assert.match(result.markdown, VALUE, `the hover at ${at} gives no value:\n${result.markdown}`);
        coverage.readValues++;
      }
    }
    // The knowledge base's settings the resource writes, for the rules that check them here.
    const settings = analysis.kind === 'terraform'
      ? settingsForTerraformType(resource.type).filter((setting) => setting.terraform?.type === resource.type && !setting.terraform.splitResource).map((setting) => ({ setting, path: setting.terraform?.argumentPath.split('.') ?? [] }))
      : settingsForCloudFormationType(resource.type).filter((setting) => setting.cloudformation?.type === resource.type && !setting.cloudformation.splitResource).map((setting) => ({ setting, path: setting.cloudformation?.propertyPath.split('.') ?? [] }));
    for (const { setting, path: settingPath } of settings) {
      const rule = listRules().find((candidate) => candidate.settings?.includes(setting.id) && resource.checkedRules.has(candidate.id));
      const key = rule && keyAt(resource.root, settingPath);
      if (!rule || !key) continue;
      const result = hover(key.start);
      const at = `${name}:${where(text, key.start)} (${resource.name}, ${setting.id})`;
      assert.ok(result, `no hover on the knowledge setting at ${at}`);
      assert.match(result.markdown, /Customer responsibility: /, at);
      assert.match(result.markdown, VALUE, `the hover at ${at} gives no value:\n${result.markdown}`);
      coverage.knowledgeKeys++;
    }
  }
}

/** The key range of a property path as written (first list element for `[]`), or undefined when absent. */
function keyAt(root: MapNode, settingPath: readonly string[]): OffsetRange | undefined {
  let node: MapNode | undefined = root;
  let range: OffsetRange | undefined;
  for (const segment of settingPath) {
    if (!node) return undefined;
    if (segment === '[]') continue;
    const entry: MapNode['entries'][number] | undefined = node.entries.find((candidate) => candidate.key === segment);
    if (!entry) return undefined;
    range = entry.keyRange;
    let value: ValueNode | undefined = entry.value;
    while (value?.kind === 'seq') value = value.items[0];
    node = value?.kind === 'map' ? value : undefined;
  }
  return range;
}

function explains(result: HoverResult, ruleId: string, item: string, at: string): void {
  assert.ok(result.markdown.includes(ruleId), `the hover at ${at} does not name ${ruleId}:\n${result.markdown}`);
  assert.ok(result.markdown.includes(itemLabel(item)), `the hover at ${at} does not name the item ${itemLabel(item)}`);
  assert.match(result.markdown, VALUE, `the hover at ${at} gives no value:\n${result.markdown}`);
}

function run(t: TestContext, files: readonly string[]): Coverage {
  const coverage: Coverage = { findings: 0, readKeys: 0, readValues: 0, knowledgeKeys: 0 };
  for (const file of files) checkFile(file, coverage);
  t.diagnostic(`${files.length} files: ${coverage.findings} finding positions, ${coverage.readKeys} keys and ${coverage.readValues} values read, ${coverage.knowledgeKeys} knowledge settings`);
  return coverage;
}

describe('a hover on every finding and every setting a rule reads', () => {
  test('examples/ (YAML, JSON, HCL)', (t) => {
    const files = filesUnder(path.join(REPO_ROOT, 'examples'));
    assert.ok(files.some((file) => file.endsWith('.json')) && files.some((file) => file.endsWith('.yaml')) && files.some((file) => file.endsWith('.tf')));
    const coverage = run(t, files);
    assert.ok(coverage.findings > 0 && coverage.readKeys > 0 && coverage.readValues > 0 && coverage.knowledgeKeys > 0);
  });

  test('../shared/cases, read in place', (t) => {
    if (!sharedPresent(t, CASES)) return;
    const coverage = run(t, filesUnder(CASES));
    assert.ok(coverage.findings > 0 && coverage.readKeys > 0);
  });
});

const TF_JSON = `{
  "resource": {
    "aws_security_group": {
      "admin": {
        "name": "admin",
        "ingress": [
          { "from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"] },
          { "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"] }
        ]
      }
    }
  }
}
`;

const TF_DYNAMIC = `locals {
  admin = [{ port = 3389, cidr = "0.0.0.0/0" }]
}

resource "aws_security_group" "jump" {
  name = "jump"
  dynamic "ingress" {
    for_each = local.admin
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = [rule.value.cidr]
    }
  }
}
`;

test('a .tf.json module and a dynamic block with an iterator: every finding and read, and the values said', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'iac-hints-hover-'));
  try {
    mkdirSync(path.join(dir, 'json'));
    mkdirSync(path.join(dir, 'dynamic'));
    const json = path.join(dir, 'json', 'main.tf.json');
    const dynamic = path.join(dir, 'dynamic', 'main.tf');
    writeFileSync(json, TF_JSON);
    writeFileSync(dynamic, TF_DYNAMIC);
    const coverage = run(t, [json, dynamic]);
    assert.ok(coverage.findings >= 2 && coverage.readKeys > 0);
    const analyzer = new Analyzer({ files: diskView() });
    const second = TF_JSON.indexOf('"from_port": 22') + 2;
    assert.match(analyzer.hover({ path: json, text: TF_JSON }, second)?.markdown ?? '', /ingress\[1\]\.from_port is 22/);
    const port = TF_DYNAMIC.indexOf('from_port') + 2;
    assert.match(analyzer.hover({ path: dynamic, text: TF_DYNAMIC }, port)?.markdown ?? '', /ingress\.from_port is 3389 \(local\.admin/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
