// Types of the knowledge base: responsibility items, service categories, resource groups, settings, AWS defaults.
// Pure data; no I/O.

/** The 14 customer-side responsibility items (security IN the cloud). Ids are stable. */
export type ItemId =
  | 'data-at-rest-encryption'
  | 'key-management'
  | 'data-in-transit'
  | 'network-exposure'
  | 'public-access'
  | 'identity-access'
  | 'secrets-management'
  | 'logging-audit'
  | 'backup-recovery'
  | 'integrity-versioning'
  | 'os-platform-patching'
  | 'compute-hardening'
  | 'data-residency'
  | 'data-masking';

/** Who runs how much of the stack: infrastructure (EC2 ...), container (RDS ...), abstracted (S3 ...). */
export type Category = 'infrastructure' | 'container' | 'abstracted';

export interface ResponsibilityItem {
  id: ItemId;
  /** Short lower-case phrase for messages, e.g. "encryption at rest". */
  label: string;
  /** The Shared Responsibility Model wording the item ties to. */
  modelWording: string;
  /** One sentence: why it is the customer's and not AWS's. */
  why: string;
  /** What the duty looks like in each category. */
  perCategory: Record<Category, string>;
}

export interface CategoryInfo {
  id: Category;
  label: string;
  awsManages: string[];
  customerManages: string[];
}

/** Reference severity (Security Hub scale). The diagnostic severity is mapped elsewhere. */
export type Severity = 'critical' | 'high' | 'medium' | 'low';
/** core = tied to a current FSBP control or high/critical; extended otherwise. */
export type Priority = 'core' | 'extended';

/**
 * What an absent CloudFormation property means:
 * - insecure: absent = off / weaker than required, a gap to report;
 * - aws-default: AWS applies a secure default (often with a date, see defaultId); explain, do not alarm;
 * - compliant: absent is simply the compliant value;
 * - not-applicable: the property is required, the setting cannot be expressed, or absence says nothing.
 */
export type AbsentMeaning = 'insecure' | 'aws-default' | 'compliant' | 'not-applicable';

/** The setting lives in a separate resource that points at (or is pointed at by) a parent resource. */
export interface SplitResource {
  /** The parent resource type the setting is about (e.g. aws_s3_bucket, AWS::S3::Bucket). */
  type: string;
  /** The argument / property that links the two. */
  link: string;
}

export interface CloudFormationSetting {
  type: string;
  /** Property path relative to Properties; "[]" = every list element. */
  propertyPath: string;
  splitResource?: SplitResource;
  compliant: string;
  absent: { meaning: AbsentMeaning; text: string };
  /** Path checked against the CloudFormation schemas (by the reference or by us, see checkedNote). */
  verified: boolean;
  checkedNote?: string;
}

export interface TerraformSetting {
  /** The resource type whose argument carries the setting (may be a split resource). */
  type: string;
  /** Argument path; "." separates nested blocks. */
  argumentPath: string;
  splitResource?: SplitResource;
  /** Deprecated inline alternative still in the provider schema. */
  legacy?: { type: string; argumentPath: string };
  compliant: string;
  /** What the reference says about the split/absent case in Terraform. */
  absentNote?: string;
  /** Path checked against the hashicorp/aws 6.66 schema. */
  verified: boolean;
  checkedNote?: string;
}

export interface References {
  /** Security Hub controls in the current AWS Foundational Security Best Practices standard. */
  fsbp: string[];
  /** Other Security Hub control ids (retired FSBP, other standards, unverified). */
  securityHub: string[];
  checkov: string[];
  /** Trivy AVD ids. */
  trivy: string[];
  cfnNag: string[];
}

/** A fact the reference marked unverified, and what our check found. */
export interface FactCheck {
  fact: string;
  verified: boolean;
  checkedNote: string;
}

export interface Setting {
  id: string;
  /** Short imperative, e.g. "Encrypt RDS storage". */
  title: string;
  item: ItemId;
  relatedItems?: ItemId[];
  severity: Severity;
  priority: Priority;
  /** Absent when CloudFormation cannot express the setting. */
  cloudformation?: CloudFormationSetting;
  terraform?: TerraformSetting;
  noncompliant: string;
  references: References;
  /** Link to an AWS default (awsDefaults.ts) that explains the absent case. */
  defaultId?: string;
  notes?: string;
  unverifiedFacts?: FactCheck[];
}

export interface ResourceGroup {
  id: string;
  service: string;
  cloudformationTypes: string[];
  /** SAM transform types that expand to this service. */
  samTypes?: string[];
  terraformTypes: string[];
  /** Remarks on single types: aliases, legacy types, account-level settings. */
  typeNotes?: Record<string, string>;
  category: Category;
  /** Where the category comes from (whitepaper, analogy, service docs). */
  basis: string;
  awsManages: string;
  customerManages: string;
  note?: string;
  settingIds: string[];
}

export interface SplitResourceRow {
  parent: string;
  children: string[];
  link: string;
  note?: string;
}

export interface AwsDefault {
  id: string;
  summary: string;
  /** ISO date (YYYY-MM-DD) or month (YYYY-MM) it began; undefined when unknown or always so. */
  since: string | undefined;
  /** Where the fact comes from. */
  source: string;
  appliesTo: string[];
  /** Whether the default is the secure choice (explain it) or the weak one (the customer must override it). */
  secure: boolean;
  customerStill: string;
}
