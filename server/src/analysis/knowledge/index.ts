// The knowledge base: responsibility items, service categories, resource groups, settings and AWS defaults.
// Pure data and small lookups; no I/O.
import type { Setting } from './types';
import { SETTINGS } from './settings';

export * from './types';
export { ITEMS, getItem, isItemId } from './items';
export { CATEGORIES, AWS_RESPONSIBILITY, HYBRIDS, categoryFor, getCategory } from './categories';
export type { Hybrid, PropertyReader } from './categories';
export {
  RESOURCE_GROUPS, TERRAFORM_SPLIT_RESOURCES, CLOUDFORMATION_SPLIT_RESOURCES,
  serviceForCloudFormationType, serviceForTerraformType, getResourceGroup,
} from './resourceTypes';
export { AWS_DEFAULTS, getDefault, defaultsForType } from './awsDefaults';
export { TYPE_ALIASES, canonicalType, withAliases } from './typeAliases';
export type { TypeAlias } from './typeAliases';
export { SETTINGS };

/** Settings that belong to no resource group on purpose (none today). */
export const STANDALONE_SETTING_IDS: readonly string[] = [];

const settingById = new Map<string, Setting>(SETTINGS.map((s) => [s.id, s]));

/** The setting with this id, or undefined. */
export function getSetting(id: string): Setting | undefined {
  return settingById.get(id);
}

/**
 * Settings to check on a CloudFormation resource of this type: those whose property lives on it, and those
 * carried by a split resource (e.g. AWS::S3::BucketPolicy) that belong to it as the parent.
 */
export function settingsForCloudFormationType(type: string): Setting[] {
  return SETTINGS.filter((s) => s.cloudformation !== undefined
    && (s.cloudformation.type === type || s.cloudformation.splitResource?.type === type));
}

/**
 * Settings to check on a Terraform resource of this type: its own arguments, the deprecated inline (legacy) form,
 * and settings carried by split resources that point at it (e.g. aws_s3_bucket_versioning for aws_s3_bucket).
 */
export function settingsForTerraformType(type: string): Setting[] {
  return SETTINGS.filter((s) => s.terraform !== undefined
    && (s.terraform.type === type || s.terraform.legacy?.type === type || s.terraform.splitResource?.type === type));
}
