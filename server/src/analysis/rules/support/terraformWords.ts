// Terraform words for declarative rules whose Terraform reading needs them: settingRule() takes the text for an
// absent argument from the CloudFormation reading ("Enable is required."), which is wrong where the provider
// has a default of its own.
import { getSetting } from '../../knowledge';
import type { MapNode } from '../../types';
import type { Rule } from './rule';

/**
 * The rule with `detail` for an absent Terraform argument: outcomes that repeat the CloudFormation absence text
 * of the rule's setting get the provider's words instead.
 */
export function terraformAbsentDetail(rule: Rule, detail: string): Rule {
  const inner = rule.terraform;
  const cfnText = getSetting(rule.meta.settings?.[0] ?? rule.meta.id)?.cloudformation?.absent.text;
  if (!inner || !cfnText) return rule;
  return {
    ...rule,
    terraform: {
      check(resource, context) {
        return inner.check(resource, context).map((outcome) => ('detail' in outcome && outcome.detail === cfnText ? { ...outcome, detail } : outcome));
      },
    },
  };
}

/** `package_type = "Image"` (literal): a container-image function. */
export function terraformContainerImage(body: MapNode): boolean {
  const node = body.entries.find((entry) => entry.key === 'package_type')?.value;
  return node?.kind === 'scalar' && node.value === 'Image';
}
