// Which iac-hints rules stand for another tool's check: the equivalents each rule's metadata lists (checkov,
// cfn_nag, Trivy AVD ids), plus Trivy's long ids (knowledge/trivyIds.ts), which tfsec and Trivy ignores accept too.
// cfn-lint checks are listed by no rule (its rules are about template validity, not the customer's duties), nor
// are KICS queries.
import { RULES } from '../rules/registry';
import { TRIVY_LONG_IDS } from '../knowledge/trivyIds';

/** The tools whose suppressions iac-hints reads, named as `FileAnalysis.suppressed[].tool` names them. */
export type PeerTool = 'checkov' | 'cfn_nag' | 'cfn-lint' | 'kics' | 'tfsec' | 'trivy';

let index: ReadonlyMap<string, readonly string[]> | undefined;

function key(tool: PeerTool, id: string): string {
  // tfsec and Trivy share ids: both prefixes are read by Trivy, and tfsec used the same check registry.
  return `${tool === 'tfsec' ? 'trivy' : tool}\u0000${id}`;
}

function buildIndex(): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  const add = (tool: PeerTool, id: string, ruleId: string): void => {
    const list = map.get(key(tool, id)) ?? [];
    if (!list.includes(ruleId)) list.push(ruleId);
    map.set(key(tool, id), list);
  };
  for (const rule of RULES) {
    const { checkov, cfnNag, trivy } = rule.meta.references;
    for (const id of checkov) add('checkov', id, rule.meta.id);
    for (const id of cfnNag) add('cfn_nag', id, rule.meta.id);
    for (const id of trivy) {
      // Trivy compares the id as written, and the AVD id in lower case (`avd-aws-0091`).
      add('trivy', id, rule.meta.id);
      add('trivy', id.toLowerCase(), rule.meta.id);
      for (const longId of TRIVY_LONG_IDS[id] ?? []) add('trivy', longId, rule.meta.id);
    }
  }
  for (const list of map.values()) list.sort();
  return map;
}

/** Whether `ruleId` lists any check of `tool` as an equivalent (what a Trivy or tfsec wildcard `*` covers). */
export function hasEquivalent(tool: PeerTool, ruleId: string): boolean {
  const references = RULES.find((rule) => rule.meta.id === ruleId)?.meta.references;
  if (!references) return false;
  return tool === 'checkov' ? references.checkov.length > 0 : tool === 'cfn_nag' ? references.cfnNag.length > 0 : tool === 'cfn-lint' || tool === 'kics' ? false : references.trivy.length > 0;
}

/**
 * The iac-hints rule ids (sorted) that are equivalents of `tool`'s check `id`, as rules' metadata lists them;
 * 'all' for Trivy's and tfsec's wildcard `*` (every rule with a Trivy equivalent: hasEquivalent); an empty list
 * when no rule is equivalent.
 */
export function equivalentRules(tool: PeerTool, id: string): readonly string[] | 'all' {
  if ((tool === 'trivy' || tool === 'tfsec') && id === '*') return 'all';
  index ??= buildIndex();
  return index.get(key(tool, id)) ?? [];
}
