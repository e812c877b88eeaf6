// The rule pages (docs/rules/<rule-id>.md), shipped with the extension and the npm package so that a diagnostic's
// code link and the hover's rule link open offline. Generated from the rule metadata (the help SARIF carries: why
// the duty is the customer's, what AWS does by default and since when, how to fix, the peers' ids) and the rules'
// good and bad examples, shown in YAML, JSON (the YAML template converted, intrinsics in their long form) and HCL.
// Pure: `npm run docs:rules` (main.ts) writes them, test/unit/rule-pages.test.ts checks the committed ones agree.
import { getItemLabel, listRules } from '../analysis';
import type { RuleInfo, ValueNode } from '../analysis';
import { parseYaml } from '../analysis/parse/yaml';
import { RULE_EXAMPLES } from '../analysis/rules/examples';
import type { Example, ReaderExamples, RuleExamples } from '../analysis/rules/examples';
import { ruleHelp } from '../cli/sarif';

/** At most this many good and bad examples per format on a page (the first ones, as the examples file orders them). */
const EXAMPLES_PER_KIND = 2;

/** The peers' names as their users know them. */
const PEERS = [
  ['checkov', 'checkov'],
  ['trivy', 'Trivy / tfsec (AVD id)'],
  ['cfnNag', 'cfn_nag'],
  ['fsbp', 'AWS Security Hub, AWS Foundational Security Best Practices (FSBP)'],
] as const;

/** The example's code without the ⟦ ⟧ marks of expected findings, with the template header the tests add. */
function exampleCode(format: 'cloudformation' | 'terraform', example: Example): { path: string; code: string } {
  const path = example.path ?? (format === 'cloudformation' ? 'template.yaml' : 'main.tf');
  let code = example.code.replace(/[⟦⟧]/g, '');
  if (format === 'cloudformation' && !path.endsWith('.json') && !/^AWSTemplateFormatVersion:/m.test(code) && !/^Transform:/m.test(code)) {
    code = `AWSTemplateFormatVersion: "2010-09-09"\n${code}`;
  }
  return { path, code: code.endsWith('\n') ? code : `${code}\n` };
}

/** A YAML template's value as plain JSON: intrinsics in their long form (`{"Fn::Sub": ...}`), as CloudFormation reads `!Sub`. */
export function toPlain(node: ValueNode | undefined): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar': return node.value;
    case 'seq': return node.items.map(toPlain);
    case 'map': return Object.fromEntries(node.entries.map((entry) => [entry.key, toPlain(entry.value)]));
    case 'intrinsic': return { [node.name]: toPlain(node.argument) };
    default: return null;
  }
}

/** The same template in JSON, when the YAML parses cleanly into a mapping. */
function asJson(yaml: string): string | undefined {
  const parsed = parseYaml(yaml);
  if (parsed.problems.some((problem) => problem.severity === 'error') || parsed.root?.kind !== 'map') return undefined;
  return `${JSON.stringify(toPlain(parsed.root), null, 2)}\n`;
}

function fence(language: string, code: string): string[] {
  // A fence longer than any backtick run in the code.
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  return [`${marks}${language}`, code.replace(/\n$/, ''), marks];
}

function exampleBlocks(format: 'cloudformation' | 'terraform', examples: ReaderExamples): string[] {
  const lines: string[] = [];
  for (const [kind, list] of [['Bad', examples.bad], ['Good', examples.good]] as const) {
    for (const example of list.slice(0, EXAMPLES_PER_KIND)) {
      const { path, code } = exampleCode(format, example);
      const extra = Object.entries(example.files ?? {});
      lines.push(`**${kind}**: ${example.name}`, '');
      if (format === 'terraform') {
        const language = path.endsWith('.json') ? 'json' : 'hcl';
        if (extra.length > 0) lines.push(`\`${path}\`:`, '');
        lines.push(...fence(language, code), '');
        for (const [name, text] of extra) lines.push(`\`${name}\`:`, '', ...fence(name.endsWith('.json') ? 'json' : 'hcl', text.endsWith('\n') ? text : `${text}\n`), '');
      } else if (path.endsWith('.json')) {
        lines.push('JSON:', '', ...fence('json', code), '');
      } else {
        lines.push('YAML:', '', ...fence('yaml', code), '');
        const json = asJson(code);
        if (json) lines.push('The same template in JSON:', '', ...fence('json', json), '');
      }
    }
  }
  return lines;
}

/** A help section that starts with a bold lead (`**Why this is your duty.** ...`) as a heading and its text. */
function headed(section: string): string {
  const match = /^\*\*([^*]+?)\.?\*\*[.,]?\s*([\s\S]*)$/.exec(section);
  if (!match) return section;
  const [, lead, untrimmed] = match;
  const rest = untrimmed.trim();
  if (lead === 'To accept the risk') return `## Accepting the risk\n\n${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
  return rest ? `## ${lead}\n\n${rest}` : `## ${lead}`;
}

/** One rule's page (markdown). */
export function rulePage(rule: RuleInfo, examples: RuleExamples | undefined): string {
  const help = ruleHelp(rule);
  const [, ...sections] = help.markdown.split('\n\n');
  const fix = Object.entries(rule.fixes)
    .map(([format, state]) => `${format === 'cloudformation' ? 'CloudFormation' : 'Terraform'}: ${!state.hasFix ? 'none' : state.safe ? 'yes, safe to apply in bulk' : 'yes, review it before applying'}`)
    .join('; ');
  const lines = [
    `# ${rule.id}`,
    '',
    `**${rule.title}**`,
    '',
    `- Responsibility item: ${getItemLabel(rule.item)} (\`${rule.item}\`)`,
    `- Severity: ${rule.severity}`,
    `- Quick fix: ${fix || 'none'}${rule.noFixReason ? ` (${rule.noFixReason})` : ''}`,
    `- CloudFormation: ${rule.resourceTypes.cloudformation.map((type) => `\`${type}\``).join(', ') || 'none'}`,
    `- Terraform: ${rule.resourceTypes.terraform.map((type) => `\`${type}\``).join(', ') || 'none'}`,
    '',
    ...sections.filter((section) => !section.startsWith('**Equivalent checks.**')).flatMap((section) => [headed(section), '']),
    '## Equivalent checks in other tools',
    '',
    '| tool | ids |',
    '| --- | --- |',
    ...PEERS.map(([key, name]) => `| ${name} | ${rule.references[key].length > 0 ? rule.references[key].map((id) => `\`${id}\``).join(', ') : 'none'} |`),
    '',
  ];
  for (const [format, title] of [['cloudformation', 'CloudFormation'], ['terraform', 'Terraform']] as const) {
    const readerExamples = examples?.[format];
    if (!readerExamples || readerExamples.bad.length + readerExamples.good.length === 0) continue;
    lines.push(`## Examples: ${title}`, '', ...exampleBlocks(format, readerExamples));
  }
  lines.push(`All rules: [the rule reference](../rules.md). Generated by \`npm run docs:rules\` from the rule metadata and examples; do not edit by hand.`, '');
  return lines.join('\n');
}

/** Every rule's page, by file name (`<rule-id>.md`). */
export function rulePages(): Map<string, string> {
  const byRule = new Map(RULE_EXAMPLES.map((examples) => [examples.rule, examples]));
  return new Map(listRules().map((rule) => [`${rule.id}.md`, rulePage(rule, byRule.get(rule.id))]));
}
