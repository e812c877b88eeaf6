// The knowledge lookups the engine and hovers need, in one seam between them and the knowledge data.
import type { CfnResource } from './cloudformation/template';
import type { Resolver } from './cloudformation/resolve';
import { categoryFor, getCategory, getItem, HYBRIDS, serviceForCloudFormationType, serviceForTerraformType } from './knowledge';
import type { TfResource } from './terraform/module';
import type { TfResolver } from './terraform/resolve';
import type { Category, PropertyReader, ResourceGroup } from './knowledge';
import type { ValueNode } from './types';

export function itemLabel(item: string): string {
  return getItem(item)?.label ?? item;
}

export interface ServiceView {
  readonly service: string;
  readonly category: Category;
  readonly categoryLabel: string;
  readonly awsManages: string;
  readonly customerManages: string;
  /** How a hybrid service's category was decided (ECS launch type, Lambda runtime mode...). */
  readonly hybridNote?: string;
}

/** The service, its effective category and who manages what, for a CloudFormation resource. */
export function describeCloudFormationResource(resource: CfnResource, resolver: Resolver): ServiceView | undefined {
  if (!resource.type) return undefined;
  const group = serviceForCloudFormationType(resource.type);
  if (!group) return undefined;
  return serviceView(resource.type, group, (path) => readProperty(resource, resolver, path));
}

/** The view of a service group, with the category a hybrid's properties decide. */
function serviceView(type: string, group: ResourceGroup, read: PropertyReader): ServiceView {
  const category = categoryFor(type, read) ?? group.category;
  const hybrid = HYBRIDS.find((candidate) => candidate.types.includes(type));
  return {
    service: group.service,
    category,
    categoryLabel: getCategory(category).label,
    awsManages: group.awsManages,
    customerManages: group.customerManages,
    ...(hybrid ? { hybridNote: hybrid.summary } : {}),
  };
}

export function categoryOf(resource: CfnResource, resolver: Resolver): string | undefined {
  return describeCloudFormationResource(resource, resolver)?.category;
}

/** A property as a plain value (literals resolved through parameters; lists as arrays), for category decisions. */
function readProperty(resource: CfnResource, resolver: Resolver, path: string): unknown {
  const segments = path.replace(/\[\]$/, '').split('.');
  const candidates = resolver.lookup(resource.properties, segments);
  const node = candidates[0]?.node;
  return node ? plain(node, resolver) : undefined;
}

function plain(node: ValueNode, resolver: Resolver): unknown {
  switch (node.kind) {
    case 'seq':
      return node.items.map((item) => plain(item, resolver));
    case 'map':
      return Object.fromEntries(node.entries.map((entry) => [entry.key, entry.value ? plain(entry.value, resolver) : undefined]));
    default: {
      const resolved = resolver.scalars(node);
      return resolved.length === 1 && resolved[0].known ? resolved[0].value : undefined;
    }
  }
}

/** The service, its effective category and who manages what, for a Terraform resource. */
export function describeTerraformResource(resource: TfResource, resolver: TfResolver): ServiceView | undefined {
  const group = serviceForTerraformType(resource.type);
  if (!group) return undefined;
  return serviceView(resource.type, group, (path) => {
    const node = resolver.lookup(resource.body, path.replace(/\[\]$/, '').split('.'))[0]?.node;
    const values = node ? resolver.scalars(node) : [];
    return values.length === 1 && values[0].known ? values[0].value : undefined;
  });
}

export function terraformCategory(resource: TfResource, resolver: TfResolver): string | undefined {
  return describeTerraformResource(resource, resolver)?.category;
}
