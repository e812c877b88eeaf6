// Wrong shapes never crash a rule. Every property of every resource in the rules' examples and the rule cases is
// replaced in turn by `!If`, `!Ref`, a scalar, a list, an empty map and lists nested past the parsers' depth
// bound (CloudFormation), and every argument and nested block by a variable, null, a list, a map, a string, a
// conditional and lists nested past the bound (Terraform); no rule may report an internal error. Each (type,
// path, shape) is tried once, so the run stays short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getSetting } from '../../server/src/analysis/knowledge';
import { RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import { listRules } from '../../server/src/analysis/rules/registry';
import { analyseExample, exampleInput } from './support/examples';
import { conditionalProperty, propertySites, replaceProperty, replaceTerraform, terraformSites, withUndecidedCondition } from './support/mutate';

const CASES = 'test/fixtures/cases';

function caseFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? caseFiles(path) : [path];
  });
}

interface Base {
  readonly name: string;
  readonly text: string;
  readonly path: string;
  readonly files?: Readonly<Record<string, string>>;
}

function bases(format: 'cloudformation' | 'terraform'): Base[] {
  const result: Base[] = [];
  for (const examples of RULE_EXAMPLES) {
    for (const example of [...(examples[format]?.good ?? []), ...(examples[format]?.bad ?? [])]) {
      const { path, text } = exampleInput(format, example);
      if (path.endsWith('.json')) continue;
      result.push({ name: `${examples.rule}: ${example.name}`, text, path, ...(example.files ? { files: example.files } : {}) });
    }
  }
  // Paths the rules read that no example writes: a resource of each rule's types holding the first steps of
  // each setting's path, so the mutations reach them.
  for (const rule of listRules()) {
    for (const id of rule.settings ?? []) {
      const setting = getSetting(id);
      if (format === 'cloudformation' && setting?.cloudformation) {
        const steps = setting.cloudformation.propertyPath.split('.').map((step) => step.replace(/\[\]$/, ''));
        const nested = steps.reduceRight<string>((inner, step, index) => `${'  '.repeat(index)}${step}:\n${inner}`, `${'  '.repeat(steps.length)}Placeholder: x`);
        const indented = nested.split('\n').map((line) => `      ${line}`).join('\n');
        for (const type of rule.resourceTypes.cloudformation) result.push({ name: `${rule.id} setting ${id}`, path: 'template.yaml', text: `Resources:\n  R:\n    Type: ${type}\n    Properties:\n${indented}\n` });
      }
      if (format === 'terraform' && setting?.terraform) {
        const steps = setting.terraform.argumentPath.split('.');
        const body = steps.slice(0, -1).reduceRight<string>((inner, step) => `${step} {\n${inner}\n}`, `${steps[steps.length - 1]} = "x"`);
        for (const type of rule.resourceTypes.terraform) result.push({ name: `${rule.id} setting ${id}`, path: 'main.tf', text: `resource "${type}" "r" {\n${body}\n}\n` });
      }
    }
  }
  for (const file of caseFiles(CASES)) {
    if (format === 'cloudformation' && /\.ya?ml$/.test(file)) result.push({ name: file, text: readFileSync(file, 'utf8'), path: 'template.yaml' });
    if (format === 'terraform' && file.endsWith('.tf')) result.push({ name: file, text: readFileSync(file, 'utf8'), path: 'main.tf' });
  }
  return result;
}

function internalErrors(format: 'cloudformation' | 'terraform', base: Base, text: string): string[] {
  const result = analyseExample(format, base.path, text, base.files);
  return result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message);
}

/** At most 30 failures in full, then a count: enough to act on, short enough to read. */
function assertNone(failures: readonly string[]): void {
  const shown = failures.slice(0, 30);
  if (failures.length > shown.length) shown.push(`... and ${failures.length - shown.length} more`);
  assert.deepEqual(shown, []);
}

test('CloudFormation: no rule crashes when a property has another shape', (t) => {
  const failures: string[] = [];
  const tried = new Set<string>();
  let mutants = 0;
  for (const base of bases('cloudformation')) {
    const text = withUndecidedCondition(base.text, 'ShapeParam', 'ShapeUndecided');
    for (const error of internalErrors('cloudformation', base, text)) failures.push(`${base.name} as written: ${error}`);
    for (const site of propertySites(text)) {
      const shapes: Record<string, () => string> = {
        'Fn::If': () => conditionalProperty(text, site, 'ShapeUndecided', site.entry.value, text, 'absent', ''),
        Ref: () => replaceProperty(text, site, '!Ref ShapeParam'),
        scalar: () => replaceProperty(text, site, 'shape-scalar'),
        list: () => replaceProperty(text, site, '[shape-item]'),
        'empty map': () => replaceProperty(text, site, '{}'),
        // The deepest value a rule can meet: lists down to the parser's bound, an unknown value below.
        'deep list': () => replaceProperty(text, site, `${'['.repeat(120)}x${']'.repeat(120)}`),
      };
      for (const [shape, mutate] of Object.entries(shapes)) {
        const key = `${site.type}|${site.path.join('.')}|${shape}`;
        if (tried.has(key)) continue;
        tried.add(key);
        mutants++;
        const before = new Set(internalErrors('cloudformation', base, text));
        for (const error of internalErrors('cloudformation', base, mutate()).filter((message) => !before.has(message))) failures.push(`${site.type} ${site.path.join('.')} as ${shape} (from ${base.name}): ${error}`);
      }
    }
  }
  t.diagnostic(`${mutants} mutants tried`);
  assert.ok(mutants > 1000, `expected thousands of mutants, tried ${mutants}`);
  assertNone(failures);
});

test('Terraform: no rule crashes when an argument or nested block has another shape', (t) => {
  const failures: string[] = [];
  const tried = new Set<string>();
  let mutants = 0;
  for (const base of bases('terraform')) {
    const text = `${base.text}\nvariable "shape_unknown" {}\nvariable "shape_flag" {}\n`;
    for (const error of internalErrors('terraform', base, text)) failures.push(`${base.name} as written: ${error}`);
    for (const site of terraformSites(text)) {
      const type = site.address.split('.')[0];
      const deep = `${'['.repeat(120)}"x"${']'.repeat(120)}`;
      const shapes = ['var.shape_unknown', 'null', '[]', '{}', '"shape-scalar"', 'var.shape_flag ? "shape-scalar" : null', deep, ...(site.kind === 'attribute' ? ['true', '[{}]'] : [])];
      for (const shape of shapes) {
        const key = `${type}|${site.path.join('.')}|${site.kind}|${shape}`;
        if (tried.has(key)) continue;
        tried.add(key);
        mutants++;
        const before = new Set(internalErrors('terraform', base, text));
        for (const error of internalErrors('terraform', base, replaceTerraform(text, site, shape)).filter((message) => !before.has(message))) failures.push(`${type} ${site.path.join('.')} (${site.kind}) as ${shape} (from ${base.name}): ${error}`);
      }
    }
  }
  t.diagnostic(`${mutants} mutants tried`);
  assert.ok(mutants > 1000, `expected thousands of mutants, tried ${mutants}`);
  assertNone(failures);
});
