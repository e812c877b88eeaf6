// The one list of rules (no registration by import side effect): every rule file and every family of declarative
// specs is imported here and nowhere else. Rule files import only ./support and the layers below.
import { withAliases } from '../knowledge';
import { codebuildNoPlaintextCredentials } from './codebuild-no-plaintext-credentials';
import { dataResidencyRegions } from './data-residency-regions';
import { docdbAuditLogs } from './docdb-audit-logs';
import { docdbTls } from './docdb-tls';
import { ebManagedPlatformUpdates } from './eb-managed-platform-updates';
import { ebStreamLogs } from './eb-stream-logs';
import { ebsDefaultEncryption } from './ebs-default-encryption';
import { ec2SsmPatching } from './ec2-ssm-patching';
import { ec2UserdataNoSecrets } from './ec2-userdata-no-secrets';
import { ecrPolicyNotPublic } from './ecr-policy-not-public';
import { ecsContainerInsights } from './ecs-container-insights';
import { efsAccessPointIdentity } from './efs-access-point-identity';
import { eksControlPlaneLogging } from './eks-control-plane-logging';
import { eksEndpointPrivate } from './eks-endpoint-private';
import { eksSecretsEncryption } from './eks-secrets-encryption';
import { emrBlockPublicAccess } from './emr-block-public-access';
import { emrSecurityConfiguration } from './emr-security-configuration';
import { iamNoAdminStar } from './iam-no-admin-star';
import { iamNoServiceWildcard } from './iam-no-service-wildcard';
import { iamNoUserPolicies } from './iam-no-user-policies';
import { iamPasswordPolicy } from './iam-password-policy';
import { iamRoleTrustNotPublic } from './iam-role-trust-not-public';
import { ec2Imdsv2, lcImdsv2, ltImdsv2 } from './imdsv2';
import { kmsPolicyNoWildcardPrincipal } from './kms-policy-no-wildcard-principal';
import { lambdaEnvNoSecrets } from './lambda-env-no-secrets';
import { lambdaPermissionNotPublic } from './lambda-permission-not-public';
import { lambdaUrlAuth } from './lambda-url-auth';
import { mskInTransit } from './msk-in-transit';
import { naclNoWorldAdminPorts } from './nacl-no-world-admin-ports';
import { neptuneAuditLogs } from './neptune-audit-logs';
import { opensearchHttpsTls } from './opensearch-https-tls';
import { rdsClusterLogExports } from './rds-cluster-log-exports';
import { rdsForceTls } from './rds-force-tls';
import { rdsLogExports } from './rds-log-exports';
import { rdsManagedMasterPassword } from './rds-managed-master-password';
import { rdsStorageEncrypted } from './rds-storage-encrypted';
import { redshiftRequireSsl } from './redshift-require-ssl';
import { s3BlockPublicAccess } from './s3-block-public-access';
import { s3MfaDelete } from './s3-mfa-delete';
import { s3PolicyNoPublicPrincipal } from './s3-policy-no-public-principal';
import { s3TlsOnlyPolicy } from './s3-tls-only-policy';
import { secretRotation } from './secret-rotation';
import { secretsManagerPolicyNotPublic } from './secretsmanager-policy-not-public';
import { sgDefaultRestrictAll } from './sg-default-restrict-all';
import { sgEgressRestricted } from './sg-egress-restricted';
import { sgNoWorldHighRiskPorts } from './sg-no-world-high-risk-ports';
import { sgOpenAdminPorts } from './sg-open-admin-ports';
import { snsPolicyNotPublic } from './sns-policy-not-public';
import { sqsEncryption } from './sqs-encryption';
import { sqsPolicyNotPublic } from './sqs-policy-not-public';
import { ssmParameterSecurestring } from './ssm-parameter-securestring';
import { vpcFlowLogs } from './vpc-flow-logs';
import { ANALYTICS_RULES } from './services/analytics';
import { COMPUTE_RULES } from './services/compute';
import { DATABASES_RULES } from './services/databases';
import { APIGW_RULES, CLOUDFRONT_RULES, EDGE_WAF_RULES } from './services/edge';
import { albWaf, LOAD_BALANCING_RULES } from './services/loadBalancing';
import { NETWORK_RULES } from './services/network';
import { SECURITY_RULES } from './services/security';
import { SERVERLESS_RULES } from './services/serverless';
import { STORAGE_RULES } from './services/storage';
import { withDesignFixes, withFixNotes } from './support';
import { NO_FIX_REASONS } from './fixGaps';
import type { Rule, RuleInfo } from './support';

/** A rule reads the aliases of its types too (knowledge/typeAliases: aws_alb is aws_lb). */
function withTypeAliases(rule: Rule): Rule {
  const { cloudformation, terraform } = rule.meta.resourceTypes;
  const expanded = { cloudformation: withAliases(cloudformation, 'cloudformation', rule.meta.id), terraform: withAliases(terraform, 'terraform', rule.meta.id) };
  if (expanded.cloudformation.length === cloudformation.length && expanded.terraform.length === terraform.length) return rule;
  return { ...rule, meta: { ...rule.meta, resourceTypes: expanded } };
}

/** Every rule, sorted by id: one file per custom rule, and the settingRule specs of each services/*.ts family. */
export const RULES: readonly Rule[] = [
  // One file per custom rule (rules/<rule-id>.ts; imdsv2.ts holds the three IMDSv2 rules, services/loadBalancing.ts albWaf).
  codebuildNoPlaintextCredentials, dataResidencyRegions, docdbAuditLogs, docdbTls, ebManagedPlatformUpdates,
  ebStreamLogs, ebsDefaultEncryption, ec2SsmPatching, ec2UserdataNoSecrets, ecrPolicyNotPublic,
  ecsContainerInsights, efsAccessPointIdentity, eksControlPlaneLogging, eksEndpointPrivate, eksSecretsEncryption,
  emrBlockPublicAccess, emrSecurityConfiguration, iamNoAdminStar, iamNoServiceWildcard, iamNoUserPolicies,
  iamPasswordPolicy, iamRoleTrustNotPublic, ec2Imdsv2, ltImdsv2, lcImdsv2, kmsPolicyNoWildcardPrincipal,
  lambdaEnvNoSecrets, lambdaPermissionNotPublic, lambdaUrlAuth, mskInTransit, naclNoWorldAdminPorts,
  neptuneAuditLogs, opensearchHttpsTls, rdsClusterLogExports, rdsForceTls, rdsLogExports, rdsManagedMasterPassword,
  rdsStorageEncrypted, redshiftRequireSsl, s3BlockPublicAccess, s3MfaDelete, s3PolicyNoPublicPrincipal,
  s3TlsOnlyPolicy, secretRotation, secretsManagerPolicyNotPublic, sgDefaultRestrictAll, sgEgressRestricted,
  sgNoWorldHighRiskPorts, sgOpenAdminPorts, snsPolicyNotPublic, sqsEncryption, sqsPolicyNotPublic,
  ssmParameterSecurestring, vpcFlowLogs, albWaf,
  // The declarative specs of each family of services.
  ...ANALYTICS_RULES, ...COMPUTE_RULES, ...DATABASES_RULES, ...APIGW_RULES, ...CLOUDFRONT_RULES, ...EDGE_WAF_RULES,
  ...LOAD_BALANCING_RULES, ...NETWORK_RULES, ...SECURITY_RULES, ...SERVERLESS_RULES, ...STORAGE_RULES,
].map(withTypeAliases).map(withDesignFixes).map(withFixNotes).sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

const byId = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

export function listRules(): readonly RuleInfo[] {
  return RULES.map((rule) => {
    const fixes = fixCoverage(rule);
    const reason = NO_FIX_REASONS[rule.meta.id];
    return { ...rule.meta, hasFix: Object.values(fixes).some((format) => format.hasFix), fixes, ...(reason ? { noFixReason: reason } : {}) };
  });
}

/** Per format the rule reads: whether it has a fix there and whether all of them are safe. */
function fixCoverage(rule: Rule): RuleInfo['fixes'] {
  const plans = Object.values(rule.fixes ?? {});
  const coverage: { cloudformation?: { hasFix: boolean; safe: boolean }; terraform?: { hasFix: boolean; safe: boolean } } = {};
  if (rule.cloudformation && rule.meta.resourceTypes.cloudformation.length > 0) {
    const cfn = plans.filter((plan) => plan.path.length > 0 || plan.companion !== undefined || plan.flagged !== undefined || (plan.operations?.length ?? 0) > 0);
    coverage.cloudformation = { hasFix: cfn.length > 0, safe: cfn.length > 0 && cfn.every((plan) => plan.safety === 'safe') };
  }
  if (rule.terraform && rule.meta.resourceTypes.terraform.length > 0) {
    const tf = plans.flatMap((plan) => (plan.terraform ? [plan.terraform.safety ?? plan.safety] : []));
    coverage.terraform = { hasFix: tf.length > 0, safe: tf.length > 0 && tf.every((safety) => safety === 'safe') };
  }
  return coverage;
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
