// `iac-hints rules`: every rule's metadata, from the core's registry.
import { TOOL_NAME, TOOL_VERSION, listRules } from '../analysis';
import type { RuleMeta } from '../analysis';
// RuleMeta does not say whether a rule can write a fix; the registry does. (Deep import: the core's index does
// not export getRule. If RuleMeta gains a `hasFix`, use that instead.)
import { getRule } from '../analysis/rules/registry';

export interface RuleInfo extends RuleMeta {
  readonly hasFix: boolean;
}

export function ruleInfos(): RuleInfo[] {
  return listRules().map((meta) => {
    const fixes = getRule(meta.id)?.fixes;
    return { ...meta, hasFix: fixes !== undefined && Object.keys(fixes).length > 0 };
  });
}

export function rulesJson(): unknown {
  return { version: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, rules: ruleInfos() };
}

export function rulesText(): string {
  const blocks = ruleInfos().map((rule) => {
    const references = (['checkov', 'fsbp', 'trivy', 'cfnNag'] as const)
      .filter((tool) => rule.references[tool].length > 0)
      .map((tool) => `${tool} ${rule.references[tool].join(', ')}`)
      .join('; ');
    const lines = [
      `${rule.id}  [${rule.severity}]  ${rule.title}`,
      `  item: ${rule.item}; quick fix: ${rule.hasFix ? 'yes' : 'no'}`,
      `  CloudFormation: ${rule.resourceTypes.cloudformation.join(', ') || '-'}`,
      `  Terraform: ${rule.resourceTypes.terraform.join(', ') || '-'}`,
    ];
    if (rule.awsDefault) lines.push(`  AWS default: ${rule.awsDefault.summary}${rule.awsDefault.since ? ` (since ${rule.awsDefault.since})` : ''}`);
    if (references) lines.push(`  references: ${references}`);
    lines.push(`  docs: ${rule.docsUrl}`);
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n\n${blocks.length} rules\n`;
}
