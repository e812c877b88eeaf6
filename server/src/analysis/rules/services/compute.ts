// Setting rules for compute services. Each entry names a knowledge-base setting and says how to judge it.
import { mapEntry } from '../../cloudformation/template';
import type { MapNode, ValueNode } from '../../types';
import { describeVia } from '../../resolution';
import type { ValueResolver } from '../../resolution';
import { customerManagedKey, looksLikeCredentialName, isTrue, settingRule, withContainerDefinitions, guardShapes, elementRule, withSubnetPublicIp, withEbsDefaultEncryption, withLaunchTemplate } from '../support';
import type { RuleOutcome, Rule, ElementWhere } from '../support';

/** Both formats: no way the node group gets an SSH key (every branch leaves it out). */
function noSshKey(resolver: ValueResolver, start: ValueNode | undefined, path: readonly string[]): boolean {
  return resolver.lookup(start, path).every((candidate) => candidate.node === undefined);
}

/**
 * Both formats: EncryptionDisabled is valid only for S3 artifacts (CloudFormation reference, CodeBuild
 * Project Artifacts); CODEPIPELINE artifacts live in the pipeline's artifact store, NO_ARTIFACTS produce none.
 */
function notS3Artifacts(resolver: ValueResolver, start: ValueNode | undefined, path: readonly string[]): string | undefined {
  const types = resolver.lookup(start, path).flatMap((candidate) => (candidate.node ? resolver.scalars(candidate.node, candidate.via) : []));
  const known = types.length > 0 && types.every((type) => type.known && String(type.value).toUpperCase() !== 'S3');
  return known ? `The artifacts are not stored by CodeBuild in S3 (${path.join('.')} is ${types.map((type) => (type.known ? String(type.value) : '')).join(' or ')}): artifact encryption is not this project's setting.` : undefined;
}

function scalar(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

function has(node: MapNode | undefined, key: string): boolean {
  return mapEntry(node, key) !== undefined;
}

/** Both formats: whether the volume's Encrypted value is true, false (or absent), or cannot be read. */
function volumeEncryption(body: MapNode | undefined, key: string, resolver: ValueResolver): 'true' | 'false' | string {
  const encrypted = mapEntry(body, key);
  const values = encrypted ? resolver.scalars(encrypted) : [];
  if (values.some((value) => value.known && String(value.value).toLowerCase() === 'true')) return 'true';
  const unknown = values.find((value) => !value.known);
  return unknown && !unknown.known ? `${key} is ${unknown.description}${describeVia(unknown.via)}` : 'false';
}

/** Both formats: the key choice is moot unless the volume is encrypted (ebs-volume-encrypted reports that). */
function unencryptedVolume(body: MapNode | undefined, key: string, context: { readonly resolver: ValueResolver }): string | undefined {
  return volumeEncryption(body, key, context.resolver) === 'false' ? 'Only an encrypted volume uses a KMS key (see ebs-volume-encrypted).' : undefined;
}

/** The key rule cannot say anything while the volume's encryption cannot be read. */
function unlessEncryptionUnknown(rule: Rule): Rule {
  return {
    ...rule,
    ...(rule.cloudformation ? {
      cloudformation: {
        check: (resource, context) => {
          const state = volumeEncryption(resource.properties, 'Encrypted', context.resolver);
          return state !== 'true' && state !== 'false' ? [{ kind: 'unknown', reason: state }] : rule.cloudformation?.check(resource, context) ?? [];
        },
      },
    } : {}),
    ...(rule.terraform ? {
      terraform: {
        check: (resource, context) => {
          const state = volumeEncryption(resource.body, 'encrypted', context.resolver);
          return state !== 'true' && state !== 'false' ? [{ kind: 'unknown', reason: state }] : rule.terraform?.check(resource, context) ?? [];
        },
      },
    } : {}),
  };
}

const hasEbs = (element: MapNode) => has(element, 'Ebs');
/** Terraform's root and extra EBS volumes of an instance or launch configuration. */
const TF_VOLUMES = ['root_block_device', 'ebs_block_device'];
const ROOT_VOLUME = 'the root volume is encrypted only if the AMI\'s snapshot is or account-level EBS encryption by default is on.';
const blockDevicesMissing = { message: ROOT_VOLUME, depends: true };
/** Root device names of AWS's AMIs (Amazon Linux: /dev/xvda; Ubuntu, Windows, RHEL: /dev/sda1): such a mapping overrides the AMI's root volume. */
const ROOT_DEVICES = new Set(['/dev/xvda', '/dev/sda1', '/dev/sda', 'xvda', 'sda1']);

/**
 * Both formats, an EBS mapping without Encrypted: a volume restored from a snapshot inherits the snapshot's
 * encryption, and the root volume the AMI's snapshot's, so only a new blank volume is certainly unencrypted
 * (EC2 User Guide, "Encryption rules" of Amazon EBS encryption).
 */
function refineVolume(element: MapNode, outcomes: RuleOutcome[], where: ElementWhere): RuleOutcome[] {
  const absent = (outcome: RuleOutcome) => outcome.kind === 'finding' && / is not set: /.test(outcome.message);
  if (!outcomes.some(absent)) return outcomes;
  const cfn = where.format === 'cloudformation';
  const ebs = cfn ? mapEntry(element, 'Ebs') : where.list === 'block_device_mappings' ? mapEntry(element, 'ebs') : element;
  const volume = ebs?.kind === 'map' ? ebs : undefined;
  if (has(volume, cfn ? 'SnapshotId' : 'snapshot_id')) {
    return [{ kind: 'not-applicable', detail: 'A volume restored from a snapshot inherits the snapshot\'s encryption when Encrypted is not given.' }];
  }
  const device = scalar(mapEntry(element, cfn ? 'DeviceName' : 'device_name'));
  const root = where.list === 'root_block_device' || (device !== undefined && ROOT_DEVICES.has(device));
  if (!root) return outcomes;
  return outcomes.map((outcome) => (outcome.kind === 'finding' && absent(outcome)
    ? { kind: 'depends', message: `Depends on the deployment: ${outcome.message.replace(/ is not set: .*$/s, ` is not set: ${ROOT_VOLUME}`)}`, range: outcome.range }
    : outcome));
}

/** What a public address exposes, per launch kind (both formats). */
const PUBLIC = {
  instance: 'the instance gets a public address and is reachable from the internet wherever its security groups allow.',
  template: 'every instance launched from the template gets a public address and is reachable from the internet wherever its security groups allow.',
  configuration: 'every instance launched from the configuration gets a public address and is reachable from the internet wherever its security groups allow.',
} as const;

/**
 * Terraform, associate_public_ip_address not set (or null) where withSubnetPublicIp has no subnet to follow: a
 * public IPv4 address is assigned at launch only to a new primary network interface (RunInstances
 * InstanceNetworkInterfaceSpecification AssociatePublicIpAddress), by default only in a default subnet or one with
 * map_public_ip_on_launch = true (CreateLaunchConfiguration AssociatePublicIpAddress; Amazon VPC User Guide,
 * "Default subnets").
 */
const TF_ABSENT = {
  instance: 'associate_public_ip_address is not set and the instance attaches an existing network interface (network_interface): a public IPv4 address is assigned at launch only to a new primary interface.',
  template: 'associate_public_ip_address is not set on a new primary network interface (the template\'s network_interfaces attach existing interfaces or secondary ones): a public IPv4 address is assigned at launch only to a new primary interface.',
  configuration: 'associate_public_ip_address is not set: instances follow their subnet, a default subnet assigns a public IPv4 address, an aws_subnet only when map_public_ip_on_launch is true.',
} as const;

// Launch templates first: an instance launched from one of the same file follows them (withLaunchTemplate).
const LT_NO_PUBLIC_IP = withSubnetPublicIp(elementRule({
    setting: 'lt-no-public-ip',
    list: 'LaunchTemplateData.NetworkInterfaces',
    elements: { lists: ['network_interfaces'], path: 'associate_public_ip_address' },
    cloudformation: {
      path: 'AssociatePublicIpAddress',
      compliant: { equals: false },
      consequence: 'every instance launched from the template gets a public address and is reachable from the internet wherever its security groups allow.',
      // LaunchTemplateData changes make a new template version (Update requires: No interruption); Terraform
      // network_interfaces.associate_public_ip_address is a string-typed bool ("false"), updated in place.
      fix: false,
    },
    terraform: { absentDetail: TF_ABSENT.template },
  }), 'launch-template', { cloudformation: PUBLIC.template, terraform: PUBLIC.template });

const LT_EBS_ENCRYPTED = withEbsDefaultEncryption(elementRule({
    setting: 'lt-ebs-encrypted',
    list: 'LaunchTemplateData.BlockDeviceMappings',
    elements: { lists: ['block_device_mappings'], path: 'ebs.encrypted', applies: (element) => has(element, 'ebs') },
    applies: hasEbs,
    whenListMissing: blockDevicesMissing,
    refine: refineVolume,
    cloudformation: {
      path: 'Ebs.Encrypted',
      compliant: { equals: true },
      consequence: 'volumes launched from the template are stored unencrypted unless account-level EBS encryption by default is on.',
      // A new template version (LaunchTemplateData: Update requires No interruption; Terraform updates in place).
      fix: true,
    },
  }));

export const COMPUTE_RULES: readonly Rule[] = [
  // --- EC2 instance
  // Not set, the instance follows its subnet's MapPublicIpOnLaunch (launchPlacement.ts).
  withLaunchTemplate(withSubnetPublicIp(elementRule({
    setting: 'ec2-no-public-ip',
    list: 'NetworkInterfaces',
    elements: 'argument',
    cloudformation: {
      path: 'AssociatePublicIpAddress',
      compliant: { equals: false },
      consequence: 'the instance gets a public address and is reachable from the internet wherever its security groups allow.',
    },
    // Reached only when the instance attaches an existing network interface (withSubnetPublicIp follows the subnet otherwise).
    terraform: { absentDetail: TF_ABSENT.instance },
  }), 'instance', { cloudformation: PUBLIC.instance, terraform: PUBLIC.instance }), LT_NO_PUBLIC_IP, {
    cloudformation: { instance: [['NetworkInterfaces']], template: [['LaunchTemplateData', 'NetworkInterfaces', '[]', 'AssociatePublicIpAddress']] },
    terraform: { instance: [['associate_public_ip_address'], ['network_interface']], template: [['network_interfaces', '[]', 'associate_public_ip_address']] },
  }),
  withLaunchTemplate(withEbsDefaultEncryption(elementRule({
    setting: 'ec2-ebs-encrypted',
    list: 'BlockDeviceMappings',
    elements: { lists: TF_VOLUMES, path: 'encrypted' },
    applies: hasEbs,
    whenListMissing: blockDevicesMissing,
    refine: refineVolume,
    cloudformation: {
      path: 'Ebs.Encrypted',
      compliant: { equals: true },
      consequence: 'the volume and its snapshots are stored unencrypted unless account-level EBS encryption by default is on.',
      // AWS::EC2::Instance BlockDeviceMappings: changing anything but DeleteOnTermination requires Replacement;
      // aws_instance root_block_device.encrypted and ebs_block_device force a new instance too.
      fix: true,
      fixSafety: 'replaces',
    },
  })), LT_EBS_ENCRYPTED, {
    cloudformation: { instance: [['BlockDeviceMappings']], template: [['LaunchTemplateData', 'BlockDeviceMappings']] },
    terraform: { instance: [['root_block_device'], ['ebs_block_device']], template: [['block_device_mappings']] },
  }),
  settingRule({
    setting: 'ec2-instance-profile',
    cloudformation: {
      compliant: { present: true },
      fixParameter: { name: 'InstanceProfileName', description: 'Name of an IAM instance profile for the instance; its role needs AmazonSSMManagedInstanceCore for Systems Manager.' },
      consequence: 'software on the instance has no role credentials and tends to be given long-lived access keys instead.',
    },
  }),
  // --- EBS volume
  withEbsDefaultEncryption(settingRule({
    setting: 'ebs-volume-encrypted',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'the volume and its snapshots are stored unencrypted unless account-level EBS encryption by default is on.',
      // A volume restored from a snapshot inherits the snapshot's encryption when Encrypted is not given.
      skip: (resource) => (has(resource.properties, 'SnapshotId') && !has(resource.properties, 'Encrypted') ? 'A volume restored from a snapshot (SnapshotId) inherits the snapshot\'s encryption.' : undefined),
      fix: true,
      // Encrypted: "Update requires: Replacement": a new, empty volume.
      fixSafety: 'replaces',
    },
    terraform: {
      skip: (resource) => (has(resource.body, 'snapshot_id') && !has(resource.body, 'encrypted') ? 'A volume restored from a snapshot (snapshot_id) inherits the snapshot\'s encryption.' : undefined),
    },
  })),
  unlessEncryptionUnknown(settingRule({
    setting: 'ebs-volume-cmk',
    cloudformation: {
      // Naming the AWS managed key (alias/aws/ebs) is the same as naming none.
      compliant: customerManagedKey('ebs'),
      fixParameter: { name: 'VolumeKmsKeyId', description: 'ARN or ID of the customer managed KMS key that encrypts the volume.' },
      consequence: 'the volume is encrypted with the AWS managed aws/ebs key, whose policy you cannot restrict or audit separately.',
      whenMissing: 'the volume is encrypted with the AWS managed aws/ebs key, whose policy you cannot restrict or audit separately.',
      skip: (resource, context) => unencryptedVolume(resource.properties, 'Encrypted', context),
    },
    terraform: {
      // kms_key_id takes the key's ARN (AWS provider, aws_ebs_volume); the AWS managed key's alias ARN
      // (...:alias/aws/ebs) is the same as naming none.
      compliant: customerManagedKey('ebs'),
      skip: (resource, context) => unencryptedVolume(resource.body, 'encrypted', context),
    },
  })),
  // --- Launch template
  LT_NO_PUBLIC_IP,
  LT_EBS_ENCRYPTED,
  // --- Launch configuration
  withSubnetPublicIp(settingRule({
    setting: 'lc-no-public-ip',
    cloudformation: {
      compliant: { equals: false },
      fix: false,
      // Every launch configuration property is "Update requires: Replacement" (associate_public_ip_address forces a new one too).
      fixSafety: 'replaces',
      consequence: PUBLIC.configuration,
    },
    terraform: { absentDetail: TF_ABSENT.configuration },
  }), 'launch-configuration', { cloudformation: PUBLIC.configuration, terraform: PUBLIC.configuration }),
  withEbsDefaultEncryption(elementRule({
    setting: 'lc-ebs-encrypted',
    list: 'BlockDeviceMappings',
    elements: { lists: TF_VOLUMES, path: 'encrypted' },
    applies: hasEbs,
    whenListMissing: blockDevicesMissing,
    refine: refineVolume,
    cloudformation: {
      path: 'Ebs.Encrypted',
      compliant: { equals: true },
      consequence: 'volumes launched from the configuration are stored unencrypted unless account-level EBS encryption by default is on.',
      // Every launch configuration property is "Update requires: Replacement" (ebs_block_device forces a new one too).
      fix: true,
      fixSafety: 'replaces',
    },
  })),
  // --- ECS
  // Terraform: container_definitions is one JSON document, read per container (ecsContainerDefinitions.ts).
  withContainerDefinitions(guardShapes(settingRule({
    setting: 'ecs-no-privileged',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'the container has root access to the host\'s devices and kernel, so a compromised container owns the host.',
      // ContainerDefinition.Privileged (AWS::ECS::TaskDefinition): Boolean, default false; like every task
      // definition property, Update requires: Replacement (a new revision).
      fix: false,
      fixSafety: 'replaces',
    },
  }), { cloudformation: ['ContainerDefinitions[].Privileged'] }), {
    path: ['privileged'],
    isCompliant: (value) => !isTrue(value),
    absent: { kind: 'compliant', detail: 'privileged defaults to false.' },
    consequence: 'the container has root access to the host\'s devices and kernel, so a compromised container owns the host.',
  }),
  withContainerDefinitions(guardShapes(settingRule({
    setting: 'ecs-readonly-rootfs',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'an attacker in the container can write and persist tools and changes in its file system.',
      whenMissing: 'the root file system is writable, so an attacker in the container can write and persist tools and changes.',
      // ContainerDefinition.ReadonlyRootFilesystem: Boolean; Update requires: Replacement (a new revision).
      fix: true,
      fixSafety: 'replaces',
    },
  }), { cloudformation: ['ContainerDefinitions[].ReadonlyRootFilesystem'] }), {
    path: ['readonlyRootFilesystem'],
    isCompliant: isTrue,
    absent: { kind: 'missed', message: 'the root file system is writable, so an attacker in the container can write and persist tools and changes.' },
    consequence: 'an attacker in the container can write and persist tools and changes in its file system.',
  }),
  settingRule({
    setting: 'ecs-no-host-pid',
    cloudformation: {
      compliant: { noneOf: ['host'] },
      consequence: 'containers see and can signal every process on the host, breaking the isolation between tasks.',
      fix: 'task',
      // Every task definition property is "Update requires: Replacement": a new revision the services roll out.
      fixSafety: 'replaces',
    },
    // pid_mode takes the API's values, spelt the same (AWS provider, aws_ecs_task_definition: host or task);
    // unset, each task has its own PID namespace.
    terraform: { compliant: { noneOf: ['host'] }, absentDetail: 'No pid_mode: each task has its own PID namespace.' },
  }),
  withContainerDefinitions(guardShapes(settingRule({
    setting: 'ecs-no-secrets-in-env',
    cloudformation: {
      // Names that look like credentials, but not names of where a credential is kept (ARN, name, path, id).
      compliant: { satisfies: (name) => !looksLikeCredentialName(String(name)), describe: 'not a credential name' },
      consequence: 'a credential in Environment is stored in plain text in the task definition, visible to anyone who can describe it; pass it with Secrets (ValueFrom a Secrets Manager or SSM ARN).',
    },
    // Terraform gives the containers as one JSON document (container_definitions), read by
    // withContainerDefinitions below with its own predicate and words: no argument reading here.
    terraform: false,
  }), { cloudformation: ['ContainerDefinitions[].Environment[].Name'] }), {
    path: ['environment', '[]', 'name'],
    isCompliant: (name) => !looksLikeCredentialName(String(name)),
    absent: { kind: 'compliant', detail: 'No environment variables, nothing to leak.' },
    consequence: 'a credential in environment is stored in plain text in the task definition, visible to anyone who can describe it; pass it in secrets (valueFrom a Secrets Manager or SSM Parameter Store ARN).',
  }),
  withContainerDefinitions(guardShapes(elementRule({
    setting: 'ecs-logging',
    list: 'ContainerDefinitions',
    // Terraform gives the containers as one JSON document, read by withContainerDefinitions, not as blocks.
    elements: false,
    cloudformation: {
      path: 'LogConfiguration.LogDriver',
      compliant: { present: true },
      consequence: 'the container\'s output goes nowhere you can read it after the task stops, leaving no trail for investigations.',
    },
  }), { cloudformation: ['ContainerDefinitions[].LogConfiguration.LogDriver'] }), {
    path: ['logConfiguration', 'logDriver'],
    isCompliant: () => true,
    presenceIsEnough: true,
    absent: { kind: 'missed', message: 'the container\'s output goes nowhere you can read it after the task stops, leaving no trail for investigations.' },
    consequence: '',
  }),
  guardShapes(elementRule({
    setting: 'ecs-efs-transit-encryption',
    list: 'Volumes',
    elements: { lists: ['volume'], path: 'efs_volume_configuration.transit_encryption', applies: (element) => has(element, 'efs_volume_configuration') },
    applies: (element) => has(element, 'EFSVolumeConfiguration'),
    cloudformation: {
      path: 'EFSVolumeConfiguration.TransitEncryption',
      compliant: { equals: 'ENABLED' },
      consequence: 'file data travels between the task and EFS unencrypted.',
      // EFSVolumeConfiguration TransitEncryption: ENABLED | DISABLED; a task definition change is a new revision
      // (Update requires: Replacement; every aws_ecs_task_definition argument forces a new one).
      fix: 'ENABLED',
      fixSafety: 'replaces',
    },
    // transit_encryption takes the API's values, spelt the same (AWS provider: ENABLED or DISABLED; omitted
    // means DISABLED, as in the API).
    terraform: {
      compliant: { equals: 'ENABLED' },
      whenMissing: 'it defaults to DISABLED, so file data travels between the task and EFS unencrypted.',
    },
  }), { cloudformation: ['Volumes[].EFSVolumeConfiguration.TransitEncryption'], terraform: ['volume.efs_volume_configuration.transit_encryption'] }),
  guardShapes(settingRule({
    setting: 'ecs-service-no-public-ip',
    cloudformation: {
      compliant: { equals: 'DISABLED' },
      consequence: 'each task gets a public address and is reachable from the internet wherever its security groups allow.',
      fix: 'DISABLED',
    },
    // The provider's assign_public_ip is a boolean (default false), not the API's ENABLED/DISABLED.
    terraform: {
      compliant: { satisfies: (value) => !isTrue(value), describe: 'false or absent' },
      consequence: 'each task gets a public address and is reachable from the internet wherever its security groups allow; set network_configuration.assign_public_ip = false.',
      absentDetail: 'assign_public_ip defaults to false (AWS provider, aws_ecs_service): tasks get no public address.',
      fix: false,
    },
  }), { cloudformation: ['NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp'], terraform: ['network_configuration.assign_public_ip'] }),
  settingRule({
    setting: 'ecs-fargate-latest-platform',
    cloudformation: {
      // 1.4.0 is what LATEST points to on Linux and 1.0.0 the only Windows version (Linux 1.0.0-1.2.0 are
      // retired): pinning them is the latest platform (ECS developer guide, Fargate platform versions).
      compliant: { oneOf: ['LATEST', '1.4.0', '1.0.0'] },
      fix: 'LATEST',
      consequence: 'tasks stay on an older Fargate platform version than LATEST (1.4.0 on Linux): they miss the kernel and runtime updates of newer versions, and stop launching when AWS retires it.',
    },
    // platform_version takes the API's values, spelt the same; the AWS provider defaults it to LATEST.
    terraform: {
      compliant: { oneOf: ['LATEST', '1.4.0', '1.0.0'] },
      absentDetail: 'platform_version defaults to LATEST (AWS provider, aws_ecs_service).',
    },
  }),
  // --- EKS
  settingRule({
    setting: 'eks-supported-version',
    cloudformation: {
      // EKS standard support lasts 14 months per minor version; 1.32 and older left it by March 2026. Keep this
      // threshold conservative (it ages), so a version flagged here is certainly out of standard support.
      compliant: { matches: /^1\.(3[3-9]|[4-9]\d)$|^[2-9]\./ },
      consequence: 'this Kubernetes version is out of EKS standard support: it gets no further patches unless you pay for extended support, which also ends.',
      // 1.35 (released January 2026) is in standard support until March 2027, 1.34 only until 2 December 2026 (EKS
      // user guide, "Understand the Kubernetes version lifecycle on EKS": 14 months of standard support per minor
      // version; "Update existing cluster to new Kubernetes version": one minor version at a time). Its note says so.
      fix: '1.35',
    },
    // version is the same "1.NN" text (AWS provider, aws_eks_cluster); unset, EKS creates the cluster on the
    // latest available version.
    terraform: {
      compliant: { matches: /^1\.(3[3-9]|[4-9]\d)$|^[2-9]\./ },
      absentDetail: 'Without version the cluster is created on the latest version EKS offers (AWS provider, aws_eks_cluster).',
    },
  }),
  guardShapes(settingRule({
    setting: 'eks-nodegroup-ssh',
    cloudformation: {
      compliant: { present: true },
      absent: 'missed',
      consequence: 'with an SSH key and no SourceSecurityGroups, EKS opens SSH (port 22) on the nodes to 0.0.0.0/0.',
      // The security groups allowed SSH to the nodes: without them EKS opens port 22 to 0.0.0.0/0 (EKS API
      // RemoteAccessConfig.sourceSecurityGroups); a list, hence the list parameter and variable types.
      fixParameter: {
        name: 'SshSourceSecurityGroupIds',
        description: 'The security groups whose members may reach the nodes over SSH (port 22).',
        type: { cloudformation: 'List<AWS::EC2::SecurityGroup::Id>', terraform: 'list(string)' },
      },
      skip: (resource, context) => (noSshKey(context.resolver, resource.properties, ['RemoteAccess', 'Ec2SshKey']) ? 'No RemoteAccess.Ec2SshKey: no SSH access to the nodes.' : undefined),
    },
    terraform: {
      consequence: 'with an ec2_ssh_key and no source_security_group_ids, EKS opens SSH (port 22) on the nodes to 0.0.0.0/0.',
      skip: (resource, context) => (noSshKey(context.resolver, resource.body, ['remote_access', 'ec2_ssh_key']) ? 'No remote_access.ec2_ssh_key: no SSH access to the nodes.' : undefined),
    },
  }), { cloudformation: ['RemoteAccess.Ec2SshKey'], terraform: ['remote_access.ec2_ssh_key'] }),
  // --- Elastic Beanstalk, EMR, SageMaker, SSM, CodeBuild
  settingRule({
    setting: 'sagemaker-no-direct-internet',
    cloudformation: {
      compliant: { equals: 'Disabled' },
      fix: 'Disabled',
      // DirectInternetAccess: "Update requires: Replacement" (direct_internet_access forces a new notebook instance).
      fixSafety: 'replaces',
      consequence: 'the notebook can reach and be reached through the internet outside your VPC controls; set Disabled with a SubnetId.',
    },
    // direct_internet_access takes the API's values, spelt the same (AWS provider: Enabled, the default, or Disabled).
    terraform: {
      compliant: { equals: 'Disabled' },
      consequence: 'the notebook can reach and be reached through the internet outside your VPC controls; set direct_internet_access = "Disabled" with a subnet_id.',
      whenMissing: 'it defaults to Enabled, so the notebook can reach and be reached through the internet outside your VPC controls; set direct_internet_access = "Disabled" with a subnet_id.',
    },
  }),
  settingRule({
    setting: 'sagemaker-no-root',
    cloudformation: {
      compliant: { equals: 'Disabled' },
      consequence: 'notebook users get root on the instance and can change its software and security settings.',
      fix: 'Disabled',
    },
    // root_access takes the API's values, spelt the same (AWS provider: Enabled, the default, or Disabled).
    terraform: {
      compliant: { equals: 'Disabled' },
      whenMissing: 'it defaults to Enabled, so notebook users get root on the instance and can change its software and security settings.',
    },
  }),
  settingRule({
    setting: 'sagemaker-notebook-kms',
    cloudformation: {
      compliant: { present: true },
      fixParameter: { name: 'NotebookKmsKeyId', description: 'ARN or ID of the customer managed KMS key that encrypts the notebook instance storage volume.' },
      consequence: 'the notebook\'s storage volume is encrypted with an AWS managed key you cannot control or audit.',
    },
  }),
  guardShapes(settingRule({
    setting: 'codebuild-no-privileged',
    cloudformation: {
      compliant: { equals: false },
      fix: false,
      consequence: 'build commands run with root access to the build host\'s Docker daemon; keep it for builds that must build images.',
    },
    // privileged_mode is a boolean, default false (AWS provider, aws_codebuild_project environment).
    terraform: {
      compliant: { equals: false },
      consequence: 'build commands run with root access to the build host\'s Docker daemon; keep environment.privileged_mode for builds that must build images.',
      absentDetail: 'environment.privileged_mode defaults to false (AWS provider, aws_codebuild_project).',
    },
  }), { cloudformation: ['Environment.PrivilegedMode'], terraform: ['environment.privileged_mode'] }),
  guardShapes(settingRule({
    setting: 'codebuild-artifact-encryption',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'build artifacts are stored in S3 unencrypted.',
      fix: false,
      skip: (resource, context) => notS3Artifacts(context.resolver, resource.properties, ['Artifacts', 'Type']),
    },
    // encryption_disabled is a boolean, default false (AWS provider, aws_codebuild_project artifacts).
    terraform: {
      compliant: { equals: false },
      consequence: 'build artifacts are stored in S3 unencrypted; set artifacts.encryption_disabled = false.',
      absentDetail: 'artifacts.encryption_disabled defaults to false (AWS provider, aws_codebuild_project): artifacts are encrypted.',
      skip: (resource, context) => notS3Artifacts(context.resolver, resource.body, ['artifacts', 'type']),
    },
  }), { cloudformation: ['Artifacts.EncryptionDisabled'], terraform: ['artifacts.encryption_disabled'] }),
];
