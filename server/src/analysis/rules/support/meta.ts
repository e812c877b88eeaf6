// Metadata of a custom rule that checks one knowledge-base setting with a CloudFormation reading.
import { getDefault, getItem, getSetting } from '../../knowledge';
import { docsUrl } from './references';
import type { RuleMeta } from './rule';
import { severityFor } from './settingRule';

/** Rule metadata from the knowledge base, for custom rules that check one setting. */
export function customSettingMeta(settingId: string, cloudformationTypes: readonly string[], ruleId = settingId, terraformTypes?: readonly string[]): RuleMeta {
  const setting = getSetting(settingId);
  if (!setting?.cloudformation) throw new Error(`Unknown CloudFormation setting ${settingId}`);
  const awsDefault = setting.defaultId ? getDefault(setting.defaultId) : undefined;
  return {
    id: ruleId,
    item: setting.item,
    title: setting.title,
    severity: severityFor(setting),
    rationale: getItem(setting.item)?.why ?? '',
    awsDefault: awsDefault
      ? { summary: awsDefault.summary, ...(awsDefault.since ? { since: awsDefault.since } : {}) }
      : { summary: setting.cloudformation.absent.text },
    references: setting.references,
    docsUrl: docsUrl(ruleId),
    resourceTypes: { cloudformation: cloudformationTypes, terraform: terraformTypes ?? (setting.terraform ? [setting.terraform.type] : []) },
    settings: [settingId],
  };
}
