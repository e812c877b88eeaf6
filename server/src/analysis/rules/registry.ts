// Every rule, listed explicitly (no registration by import side effect).
import { ec2UserdataNoSecrets } from './ec2-userdata-no-secrets';
import { rdsManagedMasterPassword } from './rds-managed-master-password';
import { rdsStorageEncrypted } from './rds-storage-encrypted';
import { withAliases } from '../knowledge';
import type { Rule, RuleInfo } from './support/rule';
import { s3BlockPublicAccess } from './s3-block-public-access';
import { SERVICE_RULES } from './services';
import { sgOpenAdminPorts } from './sg-open-admin-ports';

/** A rule reads the aliases of its types too (knowledge/typeAliases: aws_alb is aws_lb). */
function withTypeAliases(rule: Rule): Rule {
  const { cloudformation, terraform } = rule.meta.resourceTypes;
  const expanded = { cloudformation: withAliases(cloudformation, 'cloudformation', rule.meta.id), terraform: withAliases(terraform, 'terraform', rule.meta.id) };
  if (expanded.cloudformation.length === cloudformation.length && expanded.terraform.length === terraform.length) return rule;
  return { ...rule, meta: { ...rule.meta, resourceTypes: expanded } };
}

export const RULES: readonly Rule[] = [
  sgOpenAdminPorts, rdsStorageEncrypted, rdsManagedMasterPassword, s3BlockPublicAccess, ec2UserdataNoSecrets, ...SERVICE_RULES,
].map(withTypeAliases);

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
