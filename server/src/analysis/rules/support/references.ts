import type { ToolReferences } from '../../types';

export function references(partial: Partial<ToolReferences>): ToolReferences {
  return { checkov: partial.checkov ?? [], fsbp: partial.fsbp ?? [], trivy: partial.trivy ?? [], cfnNag: partial.cfnNag ?? [] };
}

export function docsUrl(ruleId: string): string {
  return `https://github.com/iac-hints/iac-responsibility-hints/blob/main/docs/rules.md#${ruleId}`;
}
