// Every quick fix applied to the rules' own bad examples (server/src/analysis/rules/examples), in every format the
// rule reads: CloudFormation YAML as written, the same template converted to JSON (4-space indented), and Terraform
// HCL. Each applied fix must leave a text that still parses and takes the finding away; and every rule that
// declares a fix for a format must have a bad example where it is applied (`listRules().fixes`).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer, applyTextEdits, listRules } from '../../server/src/analysis';
import type { FileAnalysis } from '../../server/src/analysis';
import { parseYaml } from '../../server/src/analysis/parse/yaml';
import { RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import type { Example } from '../../server/src/analysis/rules/examples';
import { exampleInput, readerFormats } from './support/examples';
import { toPlain } from '../../server/src/docs/rulePages';

export type Variant = 'yaml' | 'json' | 'hcl';

/**
 * Fixes no bad example can take, with why. The list only shrinks (the test fails when one is applied). Empty since
 * the writer edits the split resource that is there (lambda-runtime-update-mode, s3-acl-not-public in HCL).
 */
const NEVER_APPLIED = new Set<string>([]);
const DIR = '/module';


function analyzerFor(variant: Variant, path: string, text: string, files: Readonly<Record<string, string>> = {}): { analyzer: Analyzer; path: string } {
  if (variant !== 'hcl') return { analyzer: new Analyzer(), path };
  const all: Record<string, string> = { ...files, [path]: text };
  const analyzer = new Analyzer({
    files: {
      listFiles: (dir: string) => (dir === DIR ? Object.keys(all) : undefined),
      readFile: (file: string) => (file.startsWith(`${DIR}/`) ? all[file.slice(DIR.length + 1)] : undefined),
    },
  });
  return { analyzer, path: `${DIR}/${path}` };
}

function parses(variant: Variant, analysis: FileAnalysis): string[] {
  return analysis.problems.filter((problem) => problem.severity === 'error').map((problem) => `${variant}: ${problem.message}`);
}

/** The texts a bad example is read as. */
function variantsOf(format: 'cloudformation' | 'terraform', example: Example): { variant: Variant; path: string; text: string }[] {
  const { path, text } = exampleInput(format, example);
  if (format === 'terraform') return /\.json$/i.test(path) ? [] : [{ variant: 'hcl', path, text }];
  if (/\.json$/i.test(path)) return [{ variant: 'json', path, text }];
  const parsed = parseYaml(text);
  const variants: { variant: Variant; path: string; text: string }[] = [{ variant: 'yaml', path, text }];
  if (!parsed.problems.some((problem) => problem.severity === 'error') && parsed.root?.kind === 'map') {
    variants.push({ variant: 'json', path: path.replace(/\.ya?ml$/i, '.json'), text: `${JSON.stringify(toPlain(parsed.root), null, 4)}\n` });
  }
  return variants;
}

interface Applied {
  /** rule:variant -> fixes applied */
  readonly applied: Map<string, number>;
  readonly failures: string[];
}

function applyAll(): Applied {
  const applied = new Map<string, number>();
  const failures: string[] = [];
  for (const examples of RULE_EXAMPLES) {
    for (const format of readerFormats(examples.rule)) {
      for (const example of examples[format]?.bad ?? []) {
        for (const { variant, path, text } of variantsOf(format, example)) {
          const { analyzer, path: fullPath } = analyzerFor(variant, path, text, example.files);
          const input = { path: fullPath, text };
          const analysis = analyzer.analyze(input);
          const findings = analysis.findings.filter((finding) => finding.ruleId === examples.rule && finding.fixId);
          for (const finding of findings) {
            const actions = analyzer.codeActions(input, finding.range)
              .filter((action) => action.isPreferred && action.finding.ruleId === examples.rule && action.finding.range.start === finding.range.start);
            for (const action of actions) {
              const fixed = applyTextEdits(text, action.fix.edits);
              const where = `${examples.rule} ${variant} "${example.name}" (${action.title})`;
              if (variant === 'json') {
                try {
                  JSON.parse(fixed);
                } catch (error) {
                  failures.push(`${where}: not JSON after the fix: ${String(error)}\n${fixed}`);
                  continue;
                }
              }
              const after = analyzerFor(variant, path, fixed, example.files);
              const result = after.analyzer.analyze({ path: after.path, text: fixed });
              const broken = parses(variant, result).filter((problem) => !parses(variant, analysis).includes(problem));
              if (broken.length > 0) failures.push(`${where}: ${broken.join('; ')}\n${fixed}`);
              const same = (candidate: typeof finding) => candidate.ruleId === finding.ruleId && candidate.resource.id === finding.resource.id && candidate.message === finding.message;
              if (result.findings.some(same)) failures.push(`${where}: the finding is still there:\n${fixed}`);
              const key = `${examples.rule}:${variant}`;
              applied.set(key, (applied.get(key) ?? 0) + 1);
            }
          }
        }
      }
    }
  }
  return { applied, failures };
}

describe('quick fixes on the rules\' bad examples', () => {
  const { applied, failures } = applyAll();

  test('every fix applied to a bad example parses and takes its finding away', () => {
    assert.ok(applied.size > 0);
    assert.deepEqual(failures, []);
  });

  test('every rule with a fix for a format has a bad example where it is applied, in YAML, JSON and HCL', () => {
    const missing: string[] = [];
    for (const rule of listRules()) {
      const wanted: Variant[] = [
        ...(rule.fixes.cloudformation?.hasFix ? ['yaml', 'json'] as const : []),
        ...(rule.fixes.terraform?.hasFix ? ['hcl'] as const : []),
      ];
      for (const variant of wanted) {
        const key = `${rule.id}:${variant}`;
        if (applied.has(key) === NEVER_APPLIED.has(key)) missing.push(applied.has(key) ? `${key} is applied now: take it off NEVER_APPLIED` : key);
      }
    }
    assert.deepEqual(missing, [], 'fixes never applied to a bad example');
  });
});
