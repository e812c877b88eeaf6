// Terraform readers of the custom rules (rules written by hand rather than from the knowledge base).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings } from '../support/ruleTester';
import { analyseTerraform, expectTerraformFindings } from '../support/terraformTester';
import { Analyzer } from '../../../server/src/analysis';

describe('sg-open-admin-ports (Terraform)', () => {
  const rule = 'sg-open-admin-ports';
  test('inline ingress with SSH open to the world, through a variable default', () => {
    expectTerraformFindings(`variable "admin_cidr" {
  default = "0.0.0.0/0"
}
resource "aws_security_group" "web" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", ⟦var.admin_cidr⟧]
  }
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`, rule, [{ ruleId: rule, severity: 'error', message: ['SSH (port 22) is open to the internet', "cidr_blocks contains '0.0.0.0/0' (var.admin_cidr, default)"] }]);
  });
  test('all protocols on IPv6, security group rule and VPC ingress rule; egress and private ranges pass', () => {
    expectTerraformFindings(`resource "aws_security_group" "all" {
  ingress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    ipv6_cidr_blocks = [⟦"::/0"⟧]
  }
}
resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = [⟦"0.0.0.0/0"⟧]
  security_group_id = aws_security_group.all.id
}
resource "aws_security_group_rule" "out" {
  type              = "egress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.all.id
}
resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.all.id
  cidr_ipv4         = ⟦"0.0.0.0/0"⟧
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
}
resource "aws_vpc_security_group_ingress_rule" "internal" {
  security_group_id = aws_security_group.all.id
  cidr_ipv4         = "10.0.0.0/16"
  ip_protocol       = "-1"
}
`, rule, [
      { ruleId: rule, message: ['All ports are open to the internet', "ipv6_cidr_blocks contains '::/0'"] },
      { ruleId: rule, message: ['RDP (port 3389) is open'] },
      { ruleId: rule, message: ["SSH (port 22) is open", "cidr_ipv4 is '0.0.0.0/0'"] },
    ]);
  });
  test('tfvars override the default (a private range passes)', () => {
    expectTerraformFindings(`variable "admin_cidr" {
  default = "0.0.0.0/0"
}
resource "aws_security_group" "web" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}
`, rule, [], { 'terraform.tfvars': 'admin_cidr = "10.1.0.0/16"\n' });
  });
  test('dynamic ingress blocks are read', () => {
    expectTerraformFindings(`resource "aws_security_group" "dyn" {
  dynamic "ingress" {
    for_each = [22]
    content {
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = [⟦"0.0.0.0/0"⟧]
    }
  }
}
`, rule, [{ ruleId: rule }]);
  });
});

describe('rds-storage-encrypted (Terraform)', () => {
  const rule = 'rds-storage-encrypted';
  test('unencrypted instance and cluster, variable from tfvars; replicas and restores skipped', () => {
    expectTerraformFindings(`variable "encrypt" {
  default = true
}
resource "aws_db_instance" ⟦"main"⟧ {
  engine = "postgres"
}
resource "aws_rds_cluster" "aurora" {
  engine            = "aurora-postgresql"
  storage_encrypted = ⟦var.encrypt⟧
}
resource "aws_db_instance" "replica" {
  replicate_source_db = aws_db_instance.main.identifier
}
resource "aws_rds_cluster" "restored" {
  snapshot_identifier = "snap-1"
}
resource "aws_db_instance" "ok" {
  storage_encrypted = true
}
`, rule, [
      { ruleId: rule, message: ['storage_encrypted is not set', 'cannot be turned on after creation'] },
      { ruleId: rule, message: ['storage_encrypted is false (var.encrypt from terraform.tfvars)'] },
    ], { 'terraform.tfvars': 'encrypt = false\n' });
  });
});

describe('s3-block-public-access (Terraform)', () => {
  const rule = 's3-block-public-access';
  test('a flag set to false or left out of the block is reported on the block; no block is the AWS default', () => {
    expectTerraformFindings(`resource "aws_s3_bucket" "data" {}
resource "aws_s3_bucket_public_access_block" ⟦"data"⟧ {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = ⟦false⟧
  ignore_public_acls      = true
}
resource "aws_s3_bucket" "plain" {}
`, rule, [
      { ruleId: rule, message: ['restrict_public_buckets is not set', 'defaults to false'] },
      { ruleId: rule, message: ['block_public_policy is false', 'a bucket policy can make the bucket public'] },
    ]);
    const result = analyseTerraform('resource "aws_s3_bucket" "plain" {}\n');
    const plain = result.resources.find((resource) => resource.id === 'aws_s3_bucket.plain');
    assert.ok(plain);
    assert.ok(JSON.stringify(plain.responsibilities).includes('default'), JSON.stringify(plain.responsibilities));
  });
  test('the block in another file of the module, all flags on', () => {
    expectTerraformFindings('resource "aws_s3_bucket" "data" {}\n', rule, [], {
      'bpa.tf': `resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
    });
  });
});

describe('resource and identity policies (Terraform)', () => {
  test('s3-policy-no-public-principal: jsonencode of a literal object', () => {
    const rule = 's3-policy-no-public-principal';
    expectTerraformFindings(`resource "aws_s3_bucket_policy" "public" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = ⟦"*"⟧
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::b/*"
    }, {
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::b/*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-123" } }
    }]
  })
}
`, rule, [{ ruleId: rule, message: ["Statement 1 of the bucket policy aws_s3_bucket_policy.public allows 's3:GetObject' to Principal '*'"] }]);
  });
  test('iam-role-trust-not-public: aws_iam_policy_document in another file, reported where it is used', () => {
    const rule = 'iam-role-trust-not-public';
    const findings = expectTerraformFindings(`resource "aws_iam_role" "open" {
  assume_role_policy = ⟦data.aws_iam_policy_document.trust.json⟧
}
`, rule, [{ ruleId: rule, message: ["trust policy of role aws_iam_role.open allows 'sts:AssumeRole' to Principal '*'"] }], {
      'policies.tf': `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
`,
    });
    assert.equal(findings.length, 1);
  });
  test('iam-role-trust-not-public: a data source with a restricting condition passes; in the same file the finding sits on the identifier', () => {
    const rule = 'iam-role-trust-not-public';
    expectTerraformFindings(`data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-123"]
    }
  }
}
data "aws_iam_policy_document" "open" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [⟦"*"⟧]
    }
  }
}
resource "aws_iam_role" "ok" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
resource "aws_iam_role" "bad" {
  assume_role_policy = data.aws_iam_policy_document.open.json
}
`, rule, [{ ruleId: rule }]);
  });
  test('iam-no-admin-star: heredoc JSON, jsonencode with a variable, inline_policy and AdministratorAccess attachment', () => {
    const rule = 'iam-no-admin-star';
    expectTerraformFindings(`variable "actions" {
  default = "*"
}
resource "aws_iam_policy" "heredoc" {
  policy = ⟦<<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
EOF⟧
}
resource "aws_iam_role_policy" "jsonencoded" {
  role   = "r"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = ⟦var.actions⟧, Resource = "*" }]
  })
}
resource "aws_iam_role" "r" {
  assume_role_policy = "{}"
  inline_policy {
    name   = "admin"
    policy = jsonencode({ Statement = [{ Effect = "Allow", NotAction = ⟦["iam:*"]⟧, Resource = "*" }] })
  }
}
resource "aws_iam_role_policy_attachment" "admin" {
  role       = "r"
  policy_arn = ⟦"arn:aws:iam::aws:policy/AdministratorAccess"⟧
}
resource "aws_iam_policy" "scoped" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}
`, rule, [
      { ruleId: rule, message: ["Statement 1 of policy aws_iam_policy.heredoc allows Action '*' on Resource '*'"] },
      { ruleId: rule, message: ["of role policy aws_iam_role_policy.jsonencoded allows Action '*'", 'var.actions, default'] },
      { ruleId: rule, message: ["inline policy 'admin' of role aws_iam_role.r uses Allow with NotAction"] },
      { ruleId: rule, message: ['aws_iam_role_policy_attachment.admin attaches the AWS managed policy AdministratorAccess'] },
    ]);
  });
  test('iam-no-service-wildcard and iam-no-user-policies', () => {
    expectTerraformFindings(`resource "aws_iam_user_policy" "u" {
  user   = "alice"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = [⟦"s3:*"⟧], Resource = "*" }] })
}
`, 'iam-no-service-wildcard', [{ ruleId: 'iam-no-service-wildcard', message: ["allows 's3:*' on Resource '*'"] }]);
    expectTerraformFindings(`resource "aws_iam_user_policy" "u" {
  user   = ⟦"alice"⟧
  policy = "{}"
}
resource "aws_iam_user_policy_attachment" "a" {
  user       = ⟦"alice"⟧
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  users      = []
  roles      = ["r"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`, 'iam-no-user-policies', [{ ruleId: 'iam-no-user-policies', message: ['aws_iam_user_policy.u is an inline policy of a user (user)'] }, { ruleId: 'iam-no-user-policies' }]);
  });
  test('queue, topic, key, repository and secret policies', () => {
    const doc = 'jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = ⟦"*"⟧ }, Action = "*", Resource = "*" }] })';
    expectTerraformFindings(`resource "aws_sqs_queue_policy" "q" {
  queue_url = "u"
  policy    = ${doc}
}
resource "aws_sqs_queue" "inline" {
  policy = ${doc}
}
`, 'sqs-policy-not-public', [{ ruleId: 'sqs-policy-not-public', message: ['queue policy aws_sqs_queue_policy.q'] }, { ruleId: 'sqs-policy-not-public', message: ['queue policy of queue aws_sqs_queue.inline'] }]);
    expectTerraformFindings(`resource "aws_sns_topic_policy" "t" {
  arn    = "a"
  policy = ${doc}
}
`, 'sns-policy-not-public', [{ ruleId: 'sns-policy-not-public' }]);
    expectTerraformFindings(`resource "aws_kms_key" "k" {
  policy = ${doc}
}
resource "aws_kms_key" "default" {}
`, 'kms-policy-no-wildcard-principal', [{ ruleId: 'kms-policy-no-wildcard-principal', message: ['key policy of aws_kms_key.k'] }]);
    expectTerraformFindings(`resource "aws_ecr_repository_policy" "r" {
  repository = "r"
  policy     = ${doc}
}
`, 'ecr-policy-not-public', [{ ruleId: 'ecr-policy-not-public' }]);
    expectTerraformFindings(`resource "aws_secretsmanager_secret_policy" "s" {
  secret_arn = "a"
  policy     = ${doc}
}
`, 'secretsmanager-policy-not-public', [{ ruleId: 'secretsmanager-policy-not-public' }]);
  });
  test('s3-tls-only-policy: bucket without a policy, with a policy lacking the Deny, with the Deny in aws_iam_policy_document', () => {
    const rule = 's3-tls-only-policy';
    expectTerraformFindings(`resource "aws_s3_bucket" ⟦"none"⟧ {}
resource "aws_s3_bucket" ⟦"weak"⟧ {}
resource "aws_s3_bucket_policy" "weak" {
  bucket = aws_s3_bucket.weak.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "s3:GetObject", Resource = "*" }] })
}
resource "aws_s3_bucket" "strict" {}
resource "aws_s3_bucket_policy" "strict" {
  bucket = aws_s3_bucket.strict.id
  policy = data.aws_iam_policy_document.tls.json
}
data "aws_iam_policy_document" "tls" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
`, rule, [
      { ruleId: rule, message: ['aws_s3_bucket.none has no aws_s3_bucket_policy that denies requests without TLS'] },
      { ruleId: rule, message: ['its policy aws_s3_bucket_policy.weak lacks the Deny'] },
    ]);
  });
});

describe('Lambda permissions and function URLs (Terraform)', () => {
  test('lambda-permission-not-public: principal "*" and an unscoped service principal; source_arn scopes', () => {
    const rule = 'lambda-permission-not-public';
    expectTerraformFindings(`resource "aws_lambda_permission" "anyone" {
  action        = "lambda:InvokeFunctionUrl"
  function_name = "f"
  principal     = ⟦"*"⟧
  function_url_auth_type = "NONE"
}
resource "aws_lambda_permission" "s3" {
  action        = "lambda:InvokeFunction"
  function_name = "f"
  principal     = ⟦"s3.amazonaws.com"⟧
}
resource "aws_lambda_permission" "scoped" {
  action        = "lambda:InvokeFunction"
  function_name = "f"
  principal     = "s3.amazonaws.com"
  source_arn    = "arn:aws:s3:::b"
}
`, rule, [
      { ruleId: rule, severity: 'error', message: ["principal is '*' with function_url_auth_type NONE", 'without signing in'] },
      { ruleId: rule, severity: 'warning', message: ["principal is 's3.amazonaws.com' with no source_arn or source_account"] },
    ]);
  });
  test('lambda-url-auth: authorization_type NONE', () => {
    const rule = 'lambda-url-auth';
    expectTerraformFindings(`resource "aws_lambda_function_url" "open" {
  function_name      = "f"
  authorization_type = ⟦"NONE"⟧
}
resource "aws_lambda_function_url" "iam" {
  function_name      = "f"
  authorization_type = "AWS_IAM"
}
`, rule, [{ ruleId: rule, message: ["authorization_type is 'NONE'"] }]);
  });
});

describe('Terraform-only settings', () => {
  test('ebs-default-encryption: enabled = false through a variable; absent is the provider default', () => {
    expectTerraformFindings(`variable "on" {
  default = false
}
resource "aws_ebs_encryption_by_default" "this" {
  enabled = ⟦var.on⟧
}
resource "aws_ebs_encryption_by_default" "implicit" {}
`, 'ebs-default-encryption', [{ ruleId: 'ebs-default-encryption', message: ['enabled is false (var.on, default)'] }]);
  });
  test('sg-default-restrict-all: rules kept on the default security group', () => {
    expectTerraformFindings(`resource "aws_default_security_group" "default" {
  vpc_id = "vpc-1"
  ⟦ingress⟧ {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
}
resource "aws_default_security_group" "empty" {
  vpc_id = "vpc-2"
}
`, 'sg-default-restrict-all', [{ ruleId: 'sg-default-restrict-all', message: ['keeps ingress rules'] }]);
  });
  test('iam-password-policy: short length and missing character classes', () => {
    expectTerraformFindings(`resource "aws_iam_account_password_policy" ⟦"strict"⟧ {
  minimum_password_length      = ⟦8⟧
  require_symbols              = true
  require_numbers              = true
  require_uppercase_characters = true
}
`, 'iam-password-policy', [{ ruleId: 'iam-password-policy', message: ['require_lowercase_characters is not set'] }, { ruleId: 'iam-password-policy', message: ['minimum_password_length is 8'] }]);
  });
  test('s3-mfa-delete: versioning without MFA delete', () => {
    expectTerraformFindings(`resource "aws_s3_bucket_versioning" "v" {
  bucket = "b"
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = ⟦"Disabled"⟧
  }
}
`, 's3-mfa-delete', [{ ruleId: 's3-mfa-delete', message: ["versioning_configuration.mfa_delete is 'Disabled'"] }]);
  });
});

describe('data-residency-regions', () => {
  const rule = 'data-residency-regions';
  test('Terraform: DynamoDB replicas, backup copy to another Region, provider alias and the region argument', () => {
    expectTerraformFindings(`provider "aws" {
  region = "eu-central-1"
}
provider "aws" {
  alias  = "west"
  region = var.dr_region
}
variable "dr_region" {
  default = "us-west-2"
}
resource "aws_dynamodb_table" "t" {
  name = "t"
  replica {
    region_name = ⟦"us-west-2"⟧
  }
  replica {
    region_name = "eu-west-1"
  }
}
resource "aws_backup_plan" "p" {
  name = "p"
  rule {
    rule_name         = "r"
    target_vault_name = "v"
    copy_action {
      destination_vault_arn = ⟦"arn:aws:backup:ap-southeast-2:111122223333:backup-vault:dr"⟧
    }
  }
}
resource "aws_s3_bucket" "dr" {
  provider = ⟦aws.west⟧
}
resource "aws_s3_bucket" "pinned" {
  region = ⟦"eu-west-3"⟧
}
resource "aws_s3_bucket" "home" {}
`, rule, [
      { ruleId: rule, severity: 'info', message: ['table data is replicated to us-west-2 and eu-west-1: make sure each Region is allowed for this data.'] },
      { ruleId: rule, message: ['backups are copied to ap-southeast-2'] },
      { ruleId: rule, message: ['aws_s3_bucket.dr is placed in us-west-2 through provider aws.west'] },
      { ruleId: rule, message: ['aws_s3_bucket.pinned is placed in eu-west-3 (region argument)'] },
    ]);
  });
  test('CloudFormation: global table replicas and backup copy actions', () => {
    expectFindings('t.yaml', `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Table:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      Replicas:
        - Region: ⟦us-east-1⟧
        - Region: eu-west-1
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: p
        BackupPlanRule:
          - RuleName: r
            TargetBackupVault: v
            CopyActions:
              - DestinationBackupVaultArn: ⟦arn:aws:backup:eu-north-1:111122223333:backup-vault:dr⟧
`, rule, [{ ruleId: rule, severity: 'info', message: ['table data is replicated to us-east-1 and eu-west-1'] }, { ruleId: rule, message: ['backups are copied to eu-north-1'] }]);
  });
});

describe('data-residency-regions with allowed Regions', () => {
  const rule = 'data-residency-regions';
  const globalTable = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Table:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n        - Region: eu-west-1\n        - Region: us-east-1\n';
  test('a Region outside the allowed ones is a warning on it; inside them, nothing is reported', () => {
    const restricted = new Analyzer({ allowedRegions: ['eu-west-1'] }).analyze({ path: 't.yaml', text: globalTable }).findings.filter((finding) => finding.ruleId === rule);
    assert.deepEqual(restricted.map((finding) => [finding.severity, globalTable.slice(finding.range.start, finding.range.end)]), [['warning', 'us-east-1']]);
    assert.match(restricted[0].message, /which is not among the allowed Regions \(eu-west-1\)/);
    const allowed = new Analyzer({ allowedRegions: ['eu-west-1', 'us-east-1'] }).analyze({ path: 't.yaml', text: globalTable });
    assert.deepEqual(allowed.findings.filter((finding) => finding.ruleId === rule), []);
    assert.equal(allowed.resources[0].responsibilities.find((status) => status.item === 'data-residency')?.status, 'addressed');
  });
  test('Terraform: a resource placed by its region argument outside the allowed Regions', () => {
    const text = 'resource "aws_sqs_queue" "q" {\n  region = "us-west-2"\n}\n';
    const result = new Analyzer({ allowedRegions: ['eu-central-1'] }).analyze({ path: '/m/main.tf', text });
    const findings = result.findings.filter((finding) => finding.ruleId === rule);
    assert.deepEqual(findings.map((finding) => text.slice(finding.range.start, finding.range.end)), ['"us-west-2"']);
  });
});

describe('emr-block-public-access (Terraform only)', () => {
  const rule = 'emr-block-public-access';
  test('turned off, or an exception wider than SSH, is reported; on with port 22 only is fine', () => {
    expectTerraformFindings(`resource "aws_emr_block_public_access_configuration" "off" {
  block_public_security_group_rules = ⟦false⟧
}
`, rule, [{ ruleId: rule, severity: 'error', message: ['block_public_security_group_rules is false'] }]);
    expectTerraformFindings(`resource "aws_emr_block_public_access_configuration" "wide" {
  block_public_security_group_rules = true
  ⟦permitted_public_security_group_rule_range {
    min_range = 22
    max_range = 8080
  }⟧
}
`, rule, [{ ruleId: rule, message: ['ports 22-8080'] }]);
    expectTerraformFindings(`resource "aws_emr_block_public_access_configuration" "ok" {
  block_public_security_group_rules = true
  permitted_public_security_group_rule_range {
    min_range = 22
    max_range = 22
  }
}
`, rule);
  });
});

describe('undecided conditionals in custom readers (Terraform)', () => {
  test('ssm-parameter-securestring: a secret under a conditional type or value is "depends"', () => {
    const rule = 'ssm-parameter-securestring';
    expectTerraformFindings(`variable "secure" {
  type = bool
}
variable "prod" {
  type = bool
}
resource "aws_ssm_parameter" "typed" {
  name  = "/app/db/password"
  type  = var.secure ? "SecureString" : "String"
  value = ⟦"hunter2-prod"⟧
}
resource "aws_ssm_parameter" "valued" {
  name  = "/app/db/password"
  type  = "String"
  value = var.prod ? ⟦"hunter2-prod"⟧ : "{{resolve:secretsmanager:db}}"
}
resource "aws_ssm_parameter" "secure" {
  name  = "/app/db/password"
  type  = "SecureString"
  value = "hunter2-prod"
}
`, rule, [{ ruleId: rule, severity: 'info', message: ['Depends on the deployment', "type is 'SecureString' only under a condition"] }, { ruleId: rule, severity: 'info', message: ['Depends on the deployment'] }]);
  });
  test('lambda-permission-not-public: source_arn under a conditional is "depends"', () => {
    const rule = 'lambda-permission-not-public';
    expectTerraformFindings(`variable "scoped" {
  type = bool
}
resource "aws_lambda_permission" "p" {
  function_name = "fn"
  action        = "lambda:InvokeFunction"
  principal     = ⟦"s3.amazonaws.com"⟧
  source_arn    = var.scoped ? "arn:aws:s3:::uploads" : null
}
`, rule, [{ ruleId: rule, severity: 'info', message: ['Depends on the deployment', 'source_arn only under a condition'] }]);
  });
});
