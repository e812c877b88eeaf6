// A finding may be fixed in several ways (the supported runtimes, engine versions): the fix's own value first, then
// its `choices`, each offered as a separate action and written by the same writer.
import type { SetSettingFix } from './rule';

/** The fix, then one plan per choice (its title and value; a Terraform action only where the choice has one). */
export function fixOptions(plan: SetSettingFix): SetSettingFix[] {
  const { choices, ...first } = plan;
  return [first, ...(choices ?? []).map((choice): SetSettingFix => {
    const { terraform, ...rest } = first;
    return { ...rest, title: choice.title, value: choice.value, ...(terraform && choice.terraform ? { terraform: { ...terraform, title: choice.terraform.title, value: choice.terraform.value } } : {}) };
  })];
}
