import type { ToolReferences } from '../../types';

export function references(partial: Partial<ToolReferences>): ToolReferences {
  return { checkov: partial.checkov ?? [], fsbp: partial.fsbp ?? [], trivy: partial.trivy ?? [], cfnNag: partial.cfnNag ?? [] };
}

/**
 * The rule's documentation page as a URL reference relative to the package root: `docs/rules/<rule-id>.md`,
 * generated from the rule metadata and examples (`npm run docs:rules`) and shipped with the extension and the npm
 * package, so it opens offline. The repository has no public address: a host that needs an absolute URI resolves
 * it against its own install folder (the language server: lsp/ruleDocs.ts).
 */
export function docsUrl(ruleId: string): string {
  return `${RULE_DOCS_FOLDER}/${ruleId}.md`;
}

/** Where the rule pages live, relative to the package root. */
export const RULE_DOCS_FOLDER = 'docs/rules';
