// Service categories (who runs how much of the stack), the hybrids, and what AWS secures OF the cloud.
import type { Category, CategoryInfo } from './types';
import { serviceForCloudFormationType, serviceForTerraformType } from './resourceTypes';

export const CATEGORIES: readonly CategoryInfo[] = [
  {
    id: 'infrastructure', label: 'infrastructure service',
    awsManages: ['facilities and hardware', 'host OS and hypervisor', 'foundation network'],
    customerManages: ['guest OS and its patches', 'applications', 'security groups and network ACLs', 'network configuration and routing', 'instance roles', 'volume encryption', 'backups'],
  },
  {
    id: 'container', label: 'container service',
    awsManages: ['infrastructure', 'operating system', 'engine or platform install and patching (in maintenance windows)'],
    customerManages: ['data', 'network access (VPC, security groups, public flags)', 'users, IAM auth', 'encryption flags', 'TLS enforcement', 'backup retention', 'version upgrade settings', 'logging'],
  },
  {
    id: 'abstracted', label: 'abstracted service',
    awsManages: ['infrastructure', 'operating system', 'platform', 'service endpoints and durability'],
    customerManages: ['data and its classification', 'resource and IAM policies', 'encryption choices and keys', 'logging', 'Region and replication choices'],
  },
];

/** What AWS secures OF the cloud: never a customer finding. */
export const AWS_RESPONSIBILITY: readonly string[] = [
  'Regions, Availability Zones and edge locations',
  'physical facilities and hardware, including media sanitisation',
  'host operating system and virtualization isolation',
  'networking of the foundation services',
  'for container and abstracted services: OS and platform or engine installation and patching, service endpoints',
];

/** Reads a property (CloudFormation path relative to Properties, or Terraform argument path) of the resource. */
export type PropertyReader = (path: string) => unknown;

/** A resource whose category depends on how it is configured. */
export interface Hybrid {
  id: string;
  summary: string;
  /** CloudFormation and Terraform types the rule applies to. */
  types: string[];
  decide: (type: string, props: PropertyReader) => Category | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const includesFargate = (v: unknown): boolean =>
  Array.isArray(v) ? v.some((x) => str(x)?.toUpperCase() === 'FARGATE') : str(v)?.toUpperCase() === 'FARGATE';

export const HYBRIDS: readonly Hybrid[] = [
  {
    id: 'ecs-launch-type',
    summary: 'ECS on Fargate: AWS runs and patches the hosts (abstracted for compute); ECS on EC2: the container instances are the customer\'s (container). Task-level settings stay the customer\'s either way.',
    types: ['AWS::ECS::Service', 'AWS::ECS::TaskDefinition', 'aws_ecs_service', 'aws_ecs_task_definition'],
    decide: (type, props) => {
      const fargate = type.startsWith('AWS::')
        ? includesFargate(props('LaunchType')) || includesFargate(props('RequiresCompatibilities'))
          || (Array.isArray(props('CapacityProviderStrategy[]')) && (props('CapacityProviderStrategy[]') as unknown[]).some((x) => /^FARGATE/.test(str((x as Record<string, unknown>)?.CapacityProvider) ?? '')))
        : includesFargate(props('launch_type')) || includesFargate(props('requires_compatibilities'));
      return fargate ? 'abstracted' : undefined;
    },
  },
  {
    id: 'eks-data-plane',
    summary: 'EKS: AWS runs the Kubernetes control plane (container). Managed node groups: AWS provisions nodes, the customer still updates the AMI version; self-managed nodes (ASG / launch templates) are infrastructure; Fargate profiles are abstracted.',
    types: ['AWS::EKS::Cluster', 'AWS::EKS::Nodegroup', 'AWS::EKS::FargateProfile', 'aws_eks_cluster', 'aws_eks_node_group', 'aws_eks_fargate_profile'],
    decide: (type) => {
      if (type === 'AWS::EKS::FargateProfile' || type === 'aws_eks_fargate_profile') return 'abstracted';
      return 'container';
    },
  },
  {
    id: 'lambda-runtime',
    summary: 'Lambda: AWS patches the runtime in Auto mode (abstracted); in Manual mode, or for container images (PackageType Image), runtime patching is the customer\'s (container).',
    types: ['AWS::Lambda::Function', 'AWS::Serverless::Function', 'aws_lambda_function'],
    decide: (type, props) => {
      const cfn = type.startsWith('AWS::');
      const packageType = str(props(cfn ? 'PackageType' : 'package_type'));
      if (packageType?.toLowerCase() === 'image') return 'container';
      if (cfn && str(props('RuntimeManagementConfig.UpdateRuntimeOn'))?.toLowerCase() === 'manual') return 'container';
      return 'abstracted';
    },
  },
];

/** Where a hybrid has no say, the group's category; undefined for types we do not know. */
function staticCategory(type: string): Category | undefined {
  return (type.startsWith('AWS::') ? serviceForCloudFormationType(type) : serviceForTerraformType(type))?.category;
}

/**
 * The effective category of a resource, from its type and a few property values
 * (ECS launch type, EKS Fargate profiles, Lambda package type / runtime update mode).
 * Terraform's aws_lambda_runtime_management_config is a separate resource: resolve Manual mode there.
 */
export function categoryFor(type: string, props: PropertyReader = () => undefined): Category | undefined {
  for (const hybrid of HYBRIDS) {
    if (!hybrid.types.includes(type)) continue;
    const decided = hybrid.decide(type, props);
    if (decided) return decided;
  }
  return staticCategory(type);
}

/** The category record with this id. */
export function getCategory(id: Category): CategoryInfo {
  const found = CATEGORIES.find((c) => c.id === id);
  if (!found) throw new Error(`unknown category ${id}`);
  return found;
}
