// The few knowledge lookups the engine and hovers need. Until the full knowledge base lands this holds a
// minimal table; it is the single seam between the engine and the knowledge data.
const ITEM_LABELS: Record<string, string> = {
  'data-at-rest-encryption': 'encryption at rest',
  'key-management': 'key management',
  'data-in-transit': 'data in transit',
  'network-exposure': 'network exposure',
  'public-access': 'public access',
  'identity-access': 'identity and access',
  'secrets-management': 'secrets',
  'logging-audit': 'logging and audit',
  'backup-recovery': 'backup and recovery',
  'integrity-versioning': 'integrity and versioning',
  'os-platform-patching': 'OS and platform patching',
  'compute-hardening': 'compute hardening',
  'data-residency': 'data residency',
  'data-masking': 'data masking',
};

export function itemLabel(item: string): string {
  return ITEM_LABELS[item] ?? item;
}

export interface ServiceView {
  readonly service: string;
  readonly category: 'infrastructure' | 'container' | 'abstracted';
  readonly awsManages: string;
  readonly customerManages: string;
}

const SERVICES: Record<string, ServiceView> = {
  'AWS::S3::Bucket': {
    service: 'Amazon S3',
    category: 'abstracted',
    awsManages: 'the storage infrastructure, operating systems and platform, durability and availability.',
    customerManages: 'the data, who may access it (bucket policies, ACLs, Block Public Access), encryption key choices, TLS-only access, versioning, logging and replication.',
  },
  'AWS::RDS::DBInstance': {
    service: 'Amazon RDS',
    category: 'container',
    awsManages: 'the hardware, the operating system and the database engine installation and patching.',
    customerManages: 'the data, network access (security groups, PubliclyAccessible), database users and IAM authentication, storage encryption, TLS enforcement, backups and logging.',
  },
  'AWS::EC2::SecurityGroup': {
    service: 'Amazon VPC security groups',
    category: 'infrastructure',
    awsManages: 'the network foundation and the enforcement of the rules.',
    customerManages: 'which addresses may reach which ports: every ingress and egress rule.',
  },
};

export function describeService(type: string): ServiceView | undefined {
  return SERVICES[type];
}

export function categoryOf(type: string): string | undefined {
  return SERVICES[type]?.category;
}
