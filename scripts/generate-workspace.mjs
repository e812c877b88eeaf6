// Generates a workspace of many small templates, for measuring the language server's start-up scan (and for the
// LSP test that scans a 2,000-file workspace). Deterministic for a given seed and count.
//
// Mix (of `count` candidate files): ~62% YAML and ~25% JSON CloudFormation templates of 3-10 resources each (some
// with Parameters, Conditions and Fn::If, short and long intrinsic forms), ~6% Terraform files in module folders
// (variables.tf and 1-4 files of resources; a third are envs calling a local module), ~2% candidates that are not templates (a Kubernetes
// manifest, a settings JSON). Folders: teams/team-NN/svc-NN/..., a few dozen files per folder.
//
// Usage: node scripts/generate-workspace.mjs <empty or new folder> [count=10000] [seed=1]
//        import { generateWorkspace } from './generate-workspace.mjs'; generateWorkspace(dir, count, seed)
//        returns { files: string[] (absolute paths, every candidate written), bytes: number }.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: a small seeded generator (the same workspace for the same seed). */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- CloudFormation resources as plain objects ({Ref}, {'Fn::GetAtt'}, {'Fn::If'}, {'Fn::Sub'} intrinsics) ----

const CFN_RESOURCES = [
  (r, n) => ({ Type: 'AWS::S3::Bucket', Properties: pick(r, [
    {},
    { BucketName: `data-${n}`, VersioningConfiguration: { Status: 'Enabled' } },
    { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } },
    { PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: false, IgnorePublicAcls: true, RestrictPublicBuckets: true } },
    { LoggingConfiguration: { DestinationBucketName: { Ref: 'LogBucket' } }, VersioningConfiguration: { Status: { 'Fn::If': ['IsProd', 'Enabled', 'Suspended'] } } },
  ]) }),
  (r) => ({ Type: 'AWS::EC2::SecurityGroup', Properties: {
    GroupDescription: 'service access',
    VpcId: { Ref: 'VpcId' },
    SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: pick(r, [22, 443, 3389, 5432]), ToPort: pick(r, [22, 443, 3389, 5432]), CidrIp: pick(r, ['0.0.0.0/0', '10.0.0.0/8', { Ref: 'AllowedCidr' }]) }],
  } }),
  (r) => ({ Type: 'AWS::RDS::DBInstance', Properties: {
    Engine: pick(r, ['postgres', 'mysql']),
    DBInstanceClass: 'db.t4g.micro',
    AllocatedStorage: '20',
    MasterUsername: 'app',
    ManageMasterUserPassword: true,
    StorageEncrypted: pick(r, [true, false, { Ref: 'Encrypt' }]),
    PubliclyAccessible: pick(r, [false, true]),
    BackupRetentionPeriod: pick(r, [0, 7, 35]),
  } }),
  (r) => ({ Type: 'AWS::DynamoDB::Table', Properties: {
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    ...pick(r, [{}, { SSESpecification: { SSEEnabled: true } }, { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }]),
  } }),
  (r, n) => ({ Type: 'AWS::Lambda::Function', Properties: {
    Runtime: pick(r, ['python3.12', 'nodejs20.x', 'python3.7']),
    Handler: 'index.handler',
    Role: { 'Fn::GetAtt': ['AppRole', 'Arn'] },
    Code: { ZipFile: `def handler(event, context):\n    return ${n}\n` },
    ...pick(r, [{}, { Environment: { Variables: { STAGE: { Ref: 'Stage' } } } }]),
  } }),
  (r) => ({ Type: 'AWS::SQS::Queue', Properties: pick(r, [{}, { KmsMasterKeyId: 'alias/aws/sqs' }, { SqsManagedSseEnabled: false }]) }),
  (r) => ({ Type: 'AWS::SNS::Topic', Properties: pick(r, [{ TopicName: { 'Fn::Sub': '${Stage}-events' } }, { KmsMasterKeyId: 'alias/aws/sns' }]) }),
  (r) => ({ Type: 'AWS::IAM::Role', Properties: {
    AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
    Policies: [{ PolicyName: 'app', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: pick(r, ['s3:GetObject', '*', 's3:*']), Resource: pick(r, ['*', 'arn:aws:s3:::data/*']) }] } }],
  } }),
  (r) => ({ Type: 'AWS::EC2::Instance', Properties: {
    ImageId: 'ami-0abcdef1234567890',
    InstanceType: 't3.micro',
    ...pick(r, [{}, { MetadataOptions: { HttpTokens: 'required' } }, { Monitoring: true }]),
  } }),
  (r) => ({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: pick(r, [true, false]), KeyPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' } }, Action: 'kms:*', Resource: '*' }] } } }),
  (r) => ({ Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'eu-west-1a', Size: 20, Encrypted: pick(r, [true, false, { 'Fn::If': ['IsProd', true, false] }]) } }),
  (r) => ({ Type: 'AWS::Logs::LogGroup', Properties: pick(r, [{}, { RetentionInDays: 30 }, { RetentionInDays: 400, KmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/abc' }]) }),
];

function pick(r, options) {
  return options[Math.floor(r() * options.length)];
}

const PARAMETERS = {
  Stage: { Type: 'String', AllowedValues: ['dev', 'prod'], Default: 'dev' },
  VpcId: { Type: 'AWS::EC2::VPC::Id' },
  AllowedCidr: { Type: 'String', Default: '10.0.0.0/8' },
  Encrypt: { Type: 'String', AllowedValues: ['true', 'false'], Default: 'true' },
};
const CONDITIONS = { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } };

function cfnTemplate(r, n) {
  const count = 3 + Math.floor(r() * 8);
  const resources = {
    // Targets of the Ref/GetAtt above, so most references resolve to something.
    LogBucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: `logs-${n}` } },
    AppRole: CFN_RESOURCES[7](r, n),
  };
  for (let index = 2; index < count; index++) resources[`Resource${index}`] = pick(r, CFN_RESOURCES)(r, `${n}-${index}`);
  return { AWSTemplateFormatVersion: '2010-09-09', Description: `Generated service ${n}`, Parameters: PARAMETERS, Conditions: CONDITIONS, Resources: resources };
}

// ---- emitters ----

const SHORT_FORMS = new Set(['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::If', 'Fn::Equals']);

function yamlScalar(value) {
  if (typeof value !== 'string') return String(value);
  if (value.includes('\n')) return JSON.stringify(value);
  return /^[\w./-][\w ./:-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[\d.]+)$/i.test(value) && !value.includes(': ') ? value : JSON.stringify(value);
}

function isIntrinsic(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && SHORT_FORMS.has(keys[0]);
}

/** A short-form intrinsic on one line where it fits (`!Ref X`, `!GetAtt A.B`, `!Sub '...'`), else undefined. */
function shortForm(value) {
  const [key] = Object.keys(value);
  const argument = value[key];
  const tag = key === 'Ref' ? '!Ref' : `!${key.slice(4)}`;
  if (key === 'Fn::GetAtt') return `${tag} ${argument.join('.')}`;
  if (typeof argument === 'string') return `${tag} ${yamlScalar(argument)}`;
  if (Array.isArray(argument) && argument.every((item) => typeof item !== 'object' || isIntrinsic(item))) {
    return `${tag} [${argument.map((item) => (typeof item === 'object' ? shortForm(item) : yamlScalar(item))).join(', ')}]`;
  }
  return undefined;
}

function yaml(value, indent, r) {
  const pad = ' '.repeat(indent);
  const lines = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item && typeof item === 'object' && !isIntrinsic(item)) {
        const inner = yaml(item, indent + 2, r).split('\n');
        lines.push(`${pad}- ${inner[0].trimStart()}`, ...inner.slice(1));
      } else {
        lines.push(`${pad}- ${inline(item, r)}`);
      }
    }
    return lines.join('\n');
  }
  for (const [key, item] of Object.entries(value)) {
    if (item && typeof item === 'object' && !isIntrinsic(item)) {
      if (Array.isArray(item) ? item.length === 0 : Object.keys(item).length === 0) lines.push(`${pad}${key}: ${Array.isArray(item) ? '[]' : '{}'}`);
      else lines.push(`${pad}${key}:`, yaml(item, indent + 2, r));
    } else {
      lines.push(`${pad}${key}: ${inline(item, r)}`);
    }
  }
  return lines.join('\n');
}

function inline(value, r) {
  if (isIntrinsic(value)) {
    const short = r() < 0.7 ? shortForm(value) : undefined;
    return short ?? JSON.stringify(value); // The long form, as a flow mapping (JSON is YAML).
  }
  return yamlScalar(value);
}

// ---- Terraform ----

const TF_RESOURCES = [
  (r, n) => `resource "aws_s3_bucket" "b${n}" {\n  bucket = "\${var.prefix}-data-${n}"\n}\n\nresource "aws_s3_bucket_versioning" "b${n}" {\n  bucket = aws_s3_bucket.b${n}.id\n  versioning_configuration {\n    status = ${pick(r, ['"Enabled"', '"Suspended"', 'var.versioning'])}\n  }\n}\n`,
  (r, n) => `resource "aws_security_group" "sg${n}" {\n  name   = "sg-${n}"\n  vpc_id = var.vpc_id\n\n  ingress {\n    from_port   = ${pick(r, [22, 443, 3389])}\n    to_port     = ${pick(r, [22, 443, 3389])}\n    protocol    = "tcp"\n    cidr_blocks = [${pick(r, ['"0.0.0.0/0"', '"10.0.0.0/8"', 'var.cidr'])}]\n  }\n}\n`,
  (r, n) => `resource "aws_db_instance" "db${n}" {\n  engine              = "postgres"\n  instance_class      = "db.t4g.micro"\n  allocated_storage   = 20\n  storage_encrypted   = ${pick(r, ['true', 'false', 'var.encrypt'])}\n  publicly_accessible = ${pick(r, ['false', 'true', 'var.public'])}\n}\n`,
  (r, n) => `resource "aws_dynamodb_table" "t${n}" {\n  name         = "table-${n}"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "pk"\n\n  attribute {\n    name = "pk"\n    type = "S"\n  }\n${pick(r, ['', '\n  point_in_time_recovery {\n    enabled = true\n  }\n'])}}\n`,
  (r, n) => `resource "aws_sqs_queue" "q${n}" {\n  name = "queue-${n}"\n${pick(r, ['', '  kms_master_key_id = "alias/aws/sqs"\n', '  sqs_managed_sse_enabled = false\n'])}}\n`,
  (r, n) => `resource "aws_kms_key" "k${n}" {\n  description         = "key ${n}"\n  enable_key_rotation = ${pick(r, ['true', 'false'])}\n}\n`,
  (r, n) => `resource "aws_ebs_volume" "v${n}" {\n  availability_zone = "eu-west-1a"\n  size              = 20\n  encrypted         = ${pick(r, ['true', 'false', 'local.encrypted'])}\n}\n`,
  (r, n) => `resource "aws_cloudwatch_log_group" "l${n}" {\n  name              = "/app/${n}"\n  retention_in_days = ${pick(r, ['30', '0', '400'])}\n}\n`,
];

const TF_VARIABLES = `variable "prefix" {
  type    = string
  default = "acme"
}

variable "vpc_id" {
  type = string
}

variable "cidr" {
  type    = string
  default = "10.0.0.0/8"
}

variable "encrypt" {
  type    = bool
  default = true
}

variable "public" {
  type    = bool
  default = false
}

variable "versioning" {
  type    = string
  default = "Enabled"
}

locals {
  encrypted = var.encrypt
}
`;

function tfMain(r, n) {
  const count = 3 + Math.floor(r() * 8);
  const blocks = [];
  for (let index = 0; index < count; index++) blocks.push(pick(r, TF_RESOURCES)(r, `${n}_${index}`));
  return blocks.join('\n');
}

const NOT_TEMPLATES = [
  ['deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n'],
  ['settings.json', '{\n  "editor.tabSize": 2,\n  "files.exclude": {"**/.git": true}\n}\n'],
];

/**
 * Writes `count` candidate files under `root` (created if missing). Returns the absolute paths written, in the
 * order written, and their total size in bytes.
 */
export function generateWorkspace(root, count = 10_000, seed = 1) {
  const r = random(seed);
  const files = [];
  let bytes = 0;
  const write = (path, text) => {
    writeFileSync(path, text);
    files.push(path);
    bytes += Buffer.byteLength(text);
  };
  let folder = 0;
  while (files.length < count) {
    const left = count - files.length;
    const dir = join(root, 'teams', `team-${String(Math.floor(folder / 20)).padStart(2, '0')}`, `svc-${String(folder % 20).padStart(2, '0')}`);
    folder++;
    mkdirSync(dir, { recursive: true });
    const roll = r();
    if (roll < 0.4) {
      // A Terraform module folder: variables.tf and 1-4 files of resources; every third one is an env calling a
      // shared module (which holds the resources).
      const n = files.length;
      const parts = 1 + Math.floor(r() * 4);
      const moduleDir = folder % 3 === 0 ? join(root, 'modules', `m${folder}`) : dir;
      if (moduleDir !== dir) {
        mkdirSync(moduleDir, { recursive: true });
        write(join(dir, 'main.tf'), `module "svc" {\n  source  = "../../../modules/m${folder}"\n  vpc_id  = "vpc-0123"\n  encrypt = ${pick(r, ['true', 'false'])}\n  public  = ${pick(r, ['true', 'false'])}\n}\n`);
      }
      for (let part = 0; part < parts && files.length < count; part++) write(join(moduleDir, `${['main', 'storage', 'network', 'data'][part]}.tf`), tfMain(r, `${n}_${part}`));
      if (files.length < count) write(join(moduleDir, 'variables.tf'), TF_VARIABLES);
      continue;
    }
    // A CloudFormation folder of a few dozen templates.
    const size = Math.min(left, 10 + Math.floor(r() * 40));
    for (let index = 0; index < size; index++) {
      const n = files.length;
      const kind = r();
      if (kind < 0.02) {
        const [name, text] = pick(r, NOT_TEMPLATES);
        write(join(dir, `${index}-${name}`), text);
      } else if (kind < 0.30) {
        write(join(dir, `stack-${index}.json`), `${JSON.stringify(cfnTemplate(r, n), null, 2)}\n`);
      } else {
        write(join(dir, `stack-${index}.${r() < 0.8 ? 'yaml' : 'yml'}`), `${yaml(cfnTemplate(r, n), 0, r)}\n`);
      }
    }
  }
  return { files, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, count = '10000', seed = '1'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/generate-workspace.mjs <folder> [count=10000] [seed=1]');
    process.exit(2);
  }
  const { files, bytes } = generateWorkspace(resolve(dir), Number(count), Number(seed));
  console.log(`${files.length} files, ${bytes} bytes in ${resolve(dir)}`);
}
