// The service rule files, one list per family of services.
import { dataResidencyRegions } from '../data-residency-regions';
import { ebsDefaultEncryption } from '../ebs-default-encryption';
import { emrBlockPublicAccess } from '../emr-block-public-access';
import { iamPasswordPolicy } from '../iam-password-policy';
import type { Rule } from '../support/rule';
import { s3MfaDelete } from '../s3-mfa-delete';
import { sgDefaultRestrictAll } from '../sg-default-restrict-all';
import { ANALYTICS_RULES } from './analytics';
import { COMPUTE_RULES } from './compute';
import { DATABASES_RULES } from './databases';
import { NETWORK_RULES } from './network';
import { SECURITY_RULES } from './security';
import { SERVERLESS_RULES } from './serverless';
import { STORAGE_RULES } from './storage';

export const SERVICE_RULES: readonly Rule[] = [
  ...COMPUTE_RULES, ...NETWORK_RULES, ...DATABASES_RULES, ...ANALYTICS_RULES, ...STORAGE_RULES, ...SERVERLESS_RULES, ...SECURITY_RULES,
  // Settings only Terraform can express (account baselines, the default security group, MFA delete).
  ebsDefaultEncryption, emrBlockPublicAccess, sgDefaultRestrictAll, iamPasswordPolicy, s3MfaDelete,
  dataResidencyRegions,
];
