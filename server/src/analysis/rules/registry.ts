// Every rule, listed explicitly (no registration by import side effect).
import { ec2UserdataNoSecrets } from './ec2-userdata-no-secrets';
import { rdsManagedMasterPassword } from './rds-managed-master-password';
import { rdsStorageEncrypted } from './rds-storage-encrypted';
import type { Rule, RuleInfo } from './rule';
import { s3BlockPublicAccess } from './s3-block-public-access';
import { SERVICE_RULES } from './services';
import { sgOpenAdminPorts } from './sg-open-admin-ports';

export const RULES: readonly Rule[] = [
  sgOpenAdminPorts, rdsStorageEncrypted, rdsManagedMasterPassword, s3BlockPublicAccess, ec2UserdataNoSecrets, ...SERVICE_RULES,
];

const byId = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

export function listRules(): readonly RuleInfo[] {
  return RULES.map((rule) => ({ ...rule.meta, hasFix: rule.fixes !== undefined && Object.keys(rule.fixes).length > 0 }));
}

function indexByType(typesOf: (rule: Rule) => readonly string[] | undefined): ReadonlyMap<string, readonly Rule[]> {
  const map = new Map<string, Rule[]>();
  for (const rule of RULES) {
    for (const type of typesOf(rule) ?? []) {
      const list = map.get(type) ?? [];
      list.push(rule);
      map.set(type, list);
    }
  }
  return map;
}

/** Rules with a Terraform reader, by Terraform type. */
export const RULES_BY_TERRAFORM_TYPE = indexByType((rule) => (rule.terraform ? rule.meta.resourceTypes.terraform : undefined));

/** Rules by CloudFormation type, computed once. */
export const RULES_BY_CLOUDFORMATION_TYPE: ReadonlyMap<string, readonly Rule[]> = (() => {
  const map = new Map<string, Rule[]>();
  for (const rule of RULES) {
    if (!rule.cloudformation) continue;
    for (const type of rule.meta.resourceTypes.cloudformation) {
      const list = map.get(type) ?? [];
      list.push(rule);
      map.set(type, list);
    }
  }
  return map;
})();
