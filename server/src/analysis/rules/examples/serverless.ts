// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

const SAM = 'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\n';

export const EXAMPLES: readonly RuleExamples[] = [
  // ---- CloudWatch Logs ----
  {
    // CloudWatch Logs always encrypts; without a KMS key it uses its own keys, which the customer cannot control
    // or audit: an info hint, as for sqs-cmk and secret-cmk. Any key id is a key the customer chose.
    rule: 'loggroup-kms',
    cloudformation: {
      good: [
        { name: 'a KMS key from a GetAtt', code: `Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      KmsKeyId: !GetAtt LogKey.Arn
` },
      ],
      bad: [
        { name: 'no key: CloudWatch Logs service keys', code: `Resources:
  ⟦Plain⟧:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365
`, expect: [{ severity: 'info', message: ['KmsKeyId is not set', 'keys CloudWatch Logs owns'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'kms_key_id from a key resource', code: `resource "aws_cloudwatch_log_group" "app" {
  name       = "/app"
  kms_key_id = aws_kms_key.logs.arn
}
` },
      ],
      bad: [
        { name: 'no kms_key_id: CloudWatch Logs service keys', code: `resource "aws_cloudwatch_log_group" ⟦"plain"⟧ {
  name = "/plain"
}
`, expect: [{ severity: 'info', message: ['kms_key_id is not set', 'keys CloudWatch Logs owns'] }] },
      ],
    },
  },
  {
    rule: 'loggroup-retention',
    cloudformation: {
      good: [
        { name: 'a year, or no retention (never expire)', code: `Resources:
  Year:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365
  Forever:
    Type: AWS::Logs::LogGroup
` },
      ],
      bad: [
        { name: 'two weeks', code: `Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: ⟦14⟧
`, expect: [{ severity: 'info', message: ['RetentionInDays is 14', 'one-year retention'] }] },
      ],
    },
    terraform: {
      good: [
        { name: '0 means never expire; 400 days; absent', code: `resource "aws_cloudwatch_log_group" "forever" {
  retention_in_days = 0
}
resource "aws_cloudwatch_log_group" "long" {
  retention_in_days = 400
}
resource "aws_cloudwatch_log_group" "unset" {
  name = "/unset"
}
` },
      ],
      bad: [
        { name: 'thirty days from a variable default', code: `variable "days" {
  default = 30
}
resource "aws_cloudwatch_log_group" "app" {
  retention_in_days = ⟦var.days⟧
}
`, expect: [{ severity: 'info', message: ['retention_in_days is 30', 'var.days'] }] },
        { name: 'two weeks, written in the block', code: 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app"\n  retention_in_days = ⟦14⟧\n}\n', expect: [{ severity: 'info', message: ['retention_in_days is 14'] }] },
      ],
    },
  },
  {
    rule: 'loggroup-data-protection',
    cloudformation: {
      good: [
        { name: 'a data protection policy', code: `Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      DataProtectionPolicy:
        Name: mask-pii
        Version: "2021-06-01"
        Statement: []
` },
      ],
      bad: [
        { name: 'no policy', code: `Resources:
  ⟦Logs⟧:
    Type: AWS::Logs::LogGroup
`, expect: [{ severity: 'info', message: ['DataProtectionPolicy is not set', 'unmasked'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'an aws_cloudwatch_log_data_protection_policy points at the group', code: `resource "aws_cloudwatch_log_group" "app" {
  name = "/app"
}
resource "aws_cloudwatch_log_data_protection_policy" "app" {
  log_group_name  = aws_cloudwatch_log_group.app.name
  policy_document = jsonencode({ Name = "mask", Version = "2021-06-01", Statement = [] })
}
` },
      ],
      bad: [
        { name: 'no data protection policy resource', code: `resource "aws_cloudwatch_log_group" ⟦"app"⟧ {
  name = "/app"
}
`, expect: [{ severity: 'info', message: ['aws_cloudwatch_log_data_protection_policy'] }] },
      ],
    },
  },

  // ---- Lambda ----
  {
    rule: 'lambda-supported-runtime',
    cloudformation: {
      good: [
        { name: 'a current runtime; a container image has none', code: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
  Image:
    Type: AWS::Lambda::Function
    Properties:
      PackageType: Image
      Code: { ImageUri: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1 }
` },
      ],
      bad: [
        { name: 'python3.7, from SAM Globals', code: `${SAM}Globals:
  Function:
    Runtime: ⟦python3.7⟧
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
`, expect: [{ severity: 'warning', message: ["Runtime is 'python3.7'", 'Deprecated since 2023-12-04', 'Globals.Function'] }] },
      ],
    },
    terraform: {
      good: [
        {
          name: 'runtime from a variable whose default is "" names no runtime: cannot be checked, no finding',
          code: `variable "runtime" {
  type    = string
  default = ""
}

resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "app.handler"
  runtime       = var.runtime
  filename      = "fn.zip"
}
`,
        },
        { name: 'a current runtime; an image function', code: `resource "aws_lambda_function" "fn" {
  function_name = "fn"
  runtime       = "nodejs22.x"
}
resource "aws_lambda_function" "image" {
  function_name = "image"
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1"
}
` },
      ],
      bad: [
        { name: 'nodejs14.x', code: `resource "aws_lambda_function" "fn" {
  function_name = "fn"
  runtime       = ⟦"nodejs14.x"⟧
}
`, expect: [{ severity: 'warning', message: ["runtime is 'nodejs14.x'", 'Deprecated since 2023-12-04'] }] },
      ],
    },
  },
  {
    rule: 'lambda-runtime-update-mode',
    cloudformation: {
      good: [
        { name: 'Auto, or no RuntimeManagementConfig (Auto)', code: `Resources:
  A:
    Type: AWS::Lambda::Function
    Properties:
      RuntimeManagementConfig: { UpdateRuntimeOn: Auto }
  B:
    Type: AWS::Lambda::Function
` },
        { name: 'a container-image function: no managed runtime to update (not applicable)', code: `Resources:
  A:
    Type: AWS::Lambda::Function
    Properties:
      PackageType: Image
      Code:
        ImageUri: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1
` },
      ],
      bad: [
        { name: 'Manual', code: `Resources:
  A:
    Type: AWS::Lambda::Function
    Properties:
      RuntimeManagementConfig:
        UpdateRuntimeOn: ⟦Manual⟧
        RuntimeVersionArn: arn:aws:lambda:eu-west-1::runtime:abc
`, expect: [{ severity: 'info', message: ["UpdateRuntimeOn is 'Manual'"] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'no runtime management config; FunctionUpdate', code: `resource "aws_lambda_function" "a" {
  function_name = "a"
}
resource "aws_lambda_function" "b" {
  function_name = "b"
}
resource "aws_lambda_runtime_management_config" "b" {
  function_name     = aws_lambda_function.b.function_name
  update_runtime_on = "FunctionUpdate"
}
` },
        { name: 'a container-image function: no managed runtime to update (not applicable)', code: `resource "aws_lambda_function" "a" {
  function_name = "a"
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1"
}
` },
      ],
      bad: [
        { name: 'Manual in aws_lambda_runtime_management_config', code: `resource "aws_lambda_function" ⟦"a"⟧ {
  function_name = "a"
}
resource "aws_lambda_runtime_management_config" "a" {
  function_name       = aws_lambda_function.a.function_name
  update_runtime_on   = "Manual"
  runtime_version_arn = "arn:aws:lambda:eu-west-1::runtime:abc"
}
`, expect: [{ severity: 'info', message: ["update_runtime_on is 'Manual'"] }] },
      ],
    },
  },
  {
    rule: 'lambda-env-kms',
    cloudformation: {
      good: [
        { name: 'a key with variables; no variables at all', code: `Resources:
  A:
    Type: AWS::Lambda::Function
    Properties:
      KmsKeyArn: !GetAtt Key.Arn
      Environment: { Variables: { STAGE: prod } }
  B:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
` },
      ],
      bad: [
        { name: 'variables without KmsKeyArn', code: `Resources:
  ⟦A⟧:
    Type: AWS::Lambda::Function
    Properties:
      Environment: { Variables: { STAGE: prod } }
`, expect: [{ severity: 'info', message: ['KmsKeyArn is not set', 'AWS managed Lambda key'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'kms_key_arn with variables; no environment block', code: `resource "aws_lambda_function" "a" {
  function_name = "a"
  kms_key_arn   = aws_kms_key.env.arn
  environment {
    variables = { STAGE = "prod" }
  }
}
resource "aws_lambda_function" "b" {
  function_name = "b"
}
` },
      ],
      bad: [
        { name: 'variables without kms_key_arn', code: `resource "aws_lambda_function" ⟦"a"⟧ {
  function_name = "a"
  environment {
    variables = { STAGE = "prod" }
  }
}
`, expect: [{ severity: 'info', message: ['kms_key_arn is not set'] }] },
      ],
    },
  },
  {
    rule: 'lambda-env-no-secrets',
    cloudformation: {
      good: [
        { name: 'references and plain settings; a NoEcho parameter without default', code: `Parameters:
  DbPassword:
    Type: String
    NoEcho: true
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          DB_PASSWORD: !Ref DbPassword
          DB_SECRET_ARN: arn:aws:secretsmanager:eu-west-1:111122223333:secret:db
          API_TOKEN: "{{resolve:secretsmanager:api:SecretString:token}}"
          STAGE: prod
` },
      ],
      bad: [
        { name: 'an access key pair; a password in SAM Globals', code: `${SAM}Globals:
  Function:
    Environment:
      Variables:
        DB_PASSWORD: ⟦hunter2-prod⟧
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Environment:
        Variables:
          AWS_ACCESS_KEY_ID: ⟦AKIA2QX7NM4TZ9KD5LPW⟧
          AWS_SECRET_ACCESS_KEY: ⟦r8Vb2LqW0sNf7Jx4Tz9Kc1Hm6Pd3Ye5Ua0Gi2Bo8⟧
`, expect: [
          { severity: 'error', message: ['DB_PASSWORD is a literal secret'] },
          { severity: 'error', message: ['AWS_ACCESS_KEY_ID is an AWS access key id'] },
          { severity: 'error', message: ['AWS_SECRET_ACCESS_KEY is a literal secret', 'the template'] },
        ] },
        { name: 'a token on one branch of a condition', code: `Parameters:
  Stage: { Type: String, AllowedValues: [dev, prod] }
Conditions:
  IsDev: !Equals [!Ref Stage, dev]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          API_TOKEN: ⟦!If [IsDev, tok_dev_1234567890, !Ref AWS::NoValue]⟧
`, expect: [{ severity: 'info', message: ['Depends on the deployment', 'API_TOKEN'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'secrets read at runtime; an unset sensitive variable', code: `variable "db_password" {
  sensitive = true
}
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  environment {
    variables = {
      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn
      DB_PASSWORD   = var.db_password
      STAGE         = "prod"
    }
  }
}
` },
      ],
      bad: [
        { name: 'an access key pair in a map literal', code: `resource "aws_lambda_function" "billing" {
  function_name = "billing-export"
  environment {
    variables = {
      EXPORT_KEY_ID     = ⟦"AKIA2QX7NM4TZ9KD5LPW"⟧
      EXPORT_KEY_SECRET = ⟦"r8Vb2LqW0sNf7Jx4Tz9Kc1Hm6Pd3Ye5Ua0Gi2Bo8"⟧
      EXPORT_REGION     = "eu-west-1"
    }
  }
}
`, expect: [
          { severity: 'error', message: ['EXPORT_KEY_ID is an AWS access key id', 'Terraform code'] },
          { severity: 'error', message: ['EXPORT_KEY_SECRET is a literal secret'] },
        ] },
        { name: 'a password in a local merged with a token from a variable default', code: `locals {
  base = { DB_PASSWORD = "s3cr3t-Pa55word" }
}
variable "api_token" {
  default = "tok_live_abcdef123456"
}
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  environment {
    variables = merge(⟦local.base⟧, {
      API_TOKEN = ⟦var.api_token⟧
    })
  }
}
`, expect: [
          { severity: 'error', message: ['DB_PASSWORD is a literal secret', 'local.base'] },
          { severity: 'error', message: ['API_TOKEN is a literal secret', 'var.api_token'] },
        ] },
      ],
    },
  },
  {
    rule: 'lambda-code-signing',
    cloudformation: {
      good: [
        { name: 'a code signing config; an image function', code: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      CodeSigningConfigArn: !Ref Signing
  Image:
    Type: AWS::Lambda::Function
    Properties:
      PackageType: Image
` },
      ],
      bad: [
        { name: 'none', code: `Resources:
  ⟦Fn⟧:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
`, expect: [{ severity: 'info', message: ['CodeSigningConfigArn is not set'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'code_signing_config_arn; an image function', code: `resource "aws_lambda_function" "fn" {
  function_name           = "fn"
  code_signing_config_arn = aws_lambda_code_signing_config.this.arn
}
resource "aws_lambda_function" "image" {
  function_name = "image"
  package_type  = "Image"
}
` },
      ],
      bad: [
        { name: 'none', code: `resource "aws_lambda_function" ⟦"fn"⟧ {
  function_name = "fn"
}
`, expect: [{ severity: 'info', message: ['code_signing_config_arn is not set'] }] },
      ],
    },
  },
  {
    rule: 'lambda-in-vpc',
    cloudformation: {
      good: [
        { name: 'subnets from a parameter', code: `Parameters:
  Subnets: { Type: "List<AWS::EC2::Subnet::Id>" }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      VpcConfig:
        SubnetIds: !Ref Subnets
        SecurityGroupIds: [sg-0123456789abcdef0]
` },
      ],
      bad: [
        { name: 'no VpcConfig; empty SubnetIds', code: `Resources:
  ⟦Fn⟧:
    Type: AWS::Lambda::Function
  Detached:
    Type: AWS::Lambda::Function
    Properties:
      VpcConfig: { SubnetIds: ⟦[]⟧, SecurityGroupIds: [] }
`, expect: [{ severity: 'info', message: ['VpcConfig.SubnetIds is not set'] }, { severity: 'info', message: ['VpcConfig.SubnetIds is an empty list'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'vpc_config with subnets', code: `resource "aws_lambda_function" "fn" {
  function_name = "fn"
  vpc_config {
    subnet_ids         = var.private_subnets
    security_group_ids = [aws_security_group.fn.id]
  }
}
` },
      ],
      bad: [
        { name: 'no vpc_config; empty subnet list (detached from the VPC)', code: `resource "aws_lambda_function" ⟦"fn"⟧ {
  function_name = "fn"
}
resource "aws_lambda_function" "detached" {
  function_name = "detached"
  vpc_config {
    subnet_ids         = ⟦[]⟧
    security_group_ids = []
  }
}
`, expect: [{ severity: 'info', message: ['vpc_config.subnet_ids is not set'] }, { severity: 'info', message: ['vpc_config.subnet_ids is an empty list'] }] },
      ],
    },
  },
  {
    rule: 'lambda-tracing',
    cloudformation: {
      good: [
        { name: 'Active', code: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      TracingConfig: { Mode: Active }
` },
      ],
      bad: [
        { name: 'PassThrough; not set', code: `Resources:
  A:
    Type: AWS::Lambda::Function
    Properties:
      TracingConfig: { Mode: ⟦PassThrough⟧ }
  ⟦B⟧:
    Type: AWS::Lambda::Function
`, expect: [{ severity: 'info', message: ["TracingConfig.Mode is 'PassThrough'"] }, { message: ['TracingConfig.Mode is not set'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'Active', code: `resource "aws_lambda_function" "fn" {
  function_name = "fn"
  tracing_config {
    mode = "Active"
  }
}
` },
      ],
      bad: [
        { name: 'PassThrough; no tracing_config (PassThrough)', code: `resource "aws_lambda_function" "fn" {
  function_name = "fn"
  tracing_config {
    mode = ⟦"PassThrough"⟧
  }
}
resource "aws_lambda_function" ⟦"plain"⟧ {
  function_name = "plain"
}
`, expect: [{ severity: 'info', message: ["tracing_config.mode is 'PassThrough'"] }, { severity: 'info', message: ['tracing_config.mode is not set'] }] },
      ],
    },
  },
  {
    rule: 'lambda-tracing-sam',
    cloudformation: {
      good: [
        { name: 'Tracing Active in Globals', code: `${SAM}Globals:
  Function:
    Tracing: Active
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
` },
      ],
      bad: [
        { name: 'no Tracing', code: `${SAM}Resources:
  ⟦Fn⟧:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
`, expect: [{ severity: 'info', message: ['Tracing is not set'] }] },
      ],
    },
  },

  // ---- SQS ----
  {
    rule: 'sqs-encryption',
    cloudformation: {
      good: [
        { name: 'the SSE-SQS default; a KMS key even with SqsManagedSseEnabled false', code: `Resources:
  Default:
    Type: AWS::SQS::Queue
  Kms:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/orders
      SqsManagedSseEnabled: false
` },
      ],
      bad: [
        { name: 'SqsManagedSseEnabled false without a key', code: `Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: ⟦false⟧
`, expect: [{ severity: 'warning', message: ['SqsManagedSseEnabled is false', 'without a KmsMasterKeyId'] }] },
        { name: 'a key on one branch only', code: `Parameters:
  UseKms: { Type: String, AllowedValues: ["yes", "no"] }
Conditions:
  Kms: !Equals [!Ref UseKms, "yes"]
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !If [Kms, alias/orders, !Ref AWS::NoValue]
      SqsManagedSseEnabled: ⟦false⟧
`, expect: [{ severity: 'info', message: ['Depends on the deployment', 'where KmsMasterKeyId is not set'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'kms_master_key_id with sqs_managed_sse_enabled false; default; true', code: `resource "aws_sqs_queue" "orders" {
  name                    = "incoming-orders"
  kms_master_key_id       = "arn:aws:kms:eu-west-1:111122223333:key/5d1e0c7a-2f4b-4c1e-9a77-0e6b1f2d3c4b"
  sqs_managed_sse_enabled = false
}
resource "aws_sqs_queue" "plain" {
  name = "plain"
}
resource "aws_sqs_queue" "sse" {
  sqs_managed_sse_enabled = true
}
resource "aws_sqs_queue" "ref" {
  kms_master_key_id = aws_kms_key.q.arn
}
` },
      ],
      bad: [
        { name: 'sqs_managed_sse_enabled false, no key (also an empty key)', code: `resource "aws_sqs_queue" "a" {
  sqs_managed_sse_enabled = ⟦false⟧
}
resource "aws_sqs_queue" "b" {
  kms_master_key_id       = ""
  sqs_managed_sse_enabled = ⟦false⟧
}
`, expect: [
          { severity: 'warning', message: ['sqs_managed_sse_enabled is false', 'without a kms_master_key_id'] },
          { severity: 'warning', message: ['sqs_managed_sse_enabled is false'] },
        ] },
        { name: 'a key only when an unset variable says so', code: `variable "use_kms" {
  type = bool
}
resource "aws_sqs_queue" "q" {
  kms_master_key_id       = var.use_kms ? "alias/orders" : null
  sqs_managed_sse_enabled = ⟦false⟧
}
`, expect: [{ severity: 'info', message: ['Depends on the deployment', 'where kms_master_key_id is not set'] }] },
      ],
    },
  },
  {
    rule: 'sqs-cmk',
    cloudformation: {
      good: [
        { name: 'a customer managed key', code: `Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !Ref QueueKey
` },
      ],
      bad: [
        { name: 'the AWS managed alias; no key', code: `Resources:
  A:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: ⟦alias/aws/sqs⟧
  ⟦B⟧:
    Type: AWS::SQS::Queue
`, expect: [{ severity: 'info', message: ["KmsMasterKeyId is 'alias/aws/sqs'"] }, { severity: 'info', message: ['KmsMasterKeyId is not set', 'not encrypted with a KMS key'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a customer managed key', code: `resource "aws_sqs_queue" "q" {
  kms_master_key_id = aws_kms_key.q.id
}
` },
      ],
      bad: [
        { name: 'the AWS managed alias, by name and by ARN; no key', code: `resource "aws_sqs_queue" "q" {
  kms_master_key_id = ⟦"alias/aws/sqs"⟧
}
resource "aws_sqs_queue" "arn" {
  kms_master_key_id = ⟦"arn:aws:kms:eu-west-1:111122223333:alias/aws/sqs"⟧
}
resource "aws_sqs_queue" ⟦"plain"⟧ {
  name = "plain"
}
`, expect: [{ severity: 'info', message: ["kms_master_key_id is 'alias/aws/sqs'"] }, { severity: 'info', message: ['alias/aws/sqs'] }, { severity: 'info', message: ['kms_master_key_id is not set', 'not encrypted with a KMS key'] }] },
      ],
    },
  },

  // ---- SNS ----
  {
    rule: 'sns-kms',
    cloudformation: {
      good: [
        { name: 'a key', code: `Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
` },
      ],
      bad: [
        { name: 'no key', code: `Resources:
  ⟦Topic⟧:
    Type: AWS::SNS::Topic
`, expect: [{ severity: 'warning', message: ['KmsMasterKeyId is not set', 'without server-side encryption'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a key', code: `resource "aws_sns_topic" "t" {
  kms_master_key_id = aws_kms_key.sns.id
}
` },
      ],
      bad: [
        { name: 'no key', code: `resource "aws_sns_topic" ⟦"t"⟧ {
  name = "alerts"
}
`, expect: [{ severity: 'warning', message: ['kms_master_key_id is not set'] }] },
      ],
    },
  },
  {
    rule: 'sns-data-protection-policy',
    cloudformation: {
      good: [
        { name: 'a data protection policy', code: `Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DataProtectionPolicy:
        Name: mask
        Version: "2021-06-01"
        Statement: []
` },
      ],
      bad: [
        { name: 'none', code: `Resources:
  ⟦Topic⟧:
    Type: AWS::SNS::Topic
`, expect: [{ severity: 'info', message: ['DataProtectionPolicy is not set', 'unmasked'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'an aws_sns_topic_data_protection_policy for the topic', code: `resource "aws_sns_topic" "t" {
  name = "orders"
}
resource "aws_sns_topic_data_protection_policy" "t" {
  arn    = aws_sns_topic.t.arn
  policy = jsonencode({ Name = "mask", Version = "2021-06-01", Statement = [] })
}
` },
      ],
      bad: [
        { name: 'none', code: `resource "aws_sns_topic" ⟦"t"⟧ {
  name = "orders"
}
`, expect: [{ severity: 'info', message: ['aws_sns_topic_data_protection_policy'] }] },
      ],
    },
  },

  // ---- Step Functions ----
  {
    rule: 'sfn-logging',
    cloudformation: {
      good: [
        { name: 'ERROR level', code: `Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      LoggingConfiguration:
        Level: ERROR
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: !GetAtt Logs.Arn } }]
` },
      ],
      bad: [
        { name: 'OFF', code: `Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      LoggingConfiguration:
        Level: ⟦OFF⟧
`, expect: [{ severity: 'warning', message: ["LoggingConfiguration.Level is 'OFF'"] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'ALL', code: `resource "aws_sfn_state_machine" "m" {
  name = "m"
  logging_configuration {
    level                  = "ALL"
    log_destination        = "\${aws_cloudwatch_log_group.m.arn}:*"
    include_execution_data = false
  }
}
` },
      ],
      bad: [
        { name: 'no logging_configuration; level OFF', code: `resource "aws_sfn_state_machine" ⟦"m"⟧ {
  name = "m"
}
resource "aws_sfn_state_machine" "off" {
  name = "off"
  logging_configuration {
    level = ⟦"OFF"⟧
  }
}
`, expect: [{ severity: 'warning', message: ['logging_configuration.level is not set'] }, { severity: 'warning', message: ["logging_configuration.level is 'OFF'"] }] },
      ],
    },
  },
  {
    rule: 'sfn-logging-sam',
    cloudformation: {
      good: [
        { name: 'Logging.Level ALL', code: `${SAM}Resources:
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Logging:
        Level: ALL
` },
      ],
      bad: [
        { name: 'no Logging', code: `${SAM}Resources:
  ⟦Machine⟧:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: machine.asl.json
`, expect: [{ severity: 'warning', message: ['Logging.Level is not set'] }] },
      ],
    },
  },

  // ---- Cognito ----
  {
    rule: 'cognito-no-unauth-identities',
    cloudformation: {
      good: [
        { name: 'false', code: `Resources:
  Pool:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: false
` },
      ],
      bad: [
        { name: 'true', code: `Resources:
  Pool:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: ⟦true⟧
`, expect: [{ severity: 'warning', message: ['AllowUnauthenticatedIdentities is true'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'false; absent (the provider default is false)', code: `resource "aws_cognito_identity_pool" "a" {
  identity_pool_name               = "a"
  allow_unauthenticated_identities = false
}
resource "aws_cognito_identity_pool" "b" {
  identity_pool_name = "b"
}
` },
      ],
      bad: [
        { name: 'true', code: `resource "aws_cognito_identity_pool" "a" {
  identity_pool_name               = "a"
  allow_unauthenticated_identities = ⟦true⟧
}
`, expect: [{ severity: 'warning', message: ['allow_unauthenticated_identities is true'] }] },
      ],
    },
  },
  {
    rule: 'cognito-user-pool-mfa',
    cloudformation: {
      good: [
        { name: 'ON', code: `Resources:
  Users:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: "ON"
` },
      ],
      bad: [
        { name: 'OFF', code: `Resources:
  Users:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: ⟦"OFF"⟧
`, expect: [{ severity: 'warning', message: ["MfaConfiguration is 'OFF'"] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'OPTIONAL; ON', code: `resource "aws_cognito_user_pool" "users" {
  name              = "users"
  mfa_configuration = "OPTIONAL"
}
resource "aws_cognito_user_pool" "admins" {
  name              = "admins"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
}
` },
      ],
      bad: [
        { name: 'not set (OFF); OFF', code: `resource "aws_cognito_user_pool" ⟦"users"⟧ {
  name = "users"
}
resource "aws_cognito_user_pool" "off" {
  name              = "off"
  mfa_configuration = ⟦"OFF"⟧
}
`, expect: [{ severity: 'warning', message: ['mfa_configuration is not set'] }, { severity: 'warning', message: ["mfa_configuration is 'OFF'"] }] },
      ],
    },
  },

  // ---- SAM SimpleTable ----
  {
    rule: 'dynamodb-cmk-sam',
    cloudformation: {
      good: [
        { name: 'a KMS key in Globals.SimpleTable', code: `${SAM}Globals:
  SimpleTable:
    SSESpecification:
      SSEEnabled: true
      KMSMasterKeyId: alias/tables
Resources:
  Table:
    Type: AWS::Serverless::SimpleTable
` },
      ],
      bad: [
        { name: 'the AWS managed key alias', code: `${SAM}Resources:
  Table:
    Type: AWS::Serverless::SimpleTable
    Properties:
      SSESpecification:
        SSEEnabled: true
        KMSMasterKeyId: ⟦alias/aws/dynamodb⟧
`, expect: [{ severity: 'info', message: ["SSESpecification.KMSMasterKeyId is 'alias/aws/dynamodb'", 'not a key whose policy you control'] }] },
        { name: 'no key: an AWS owned key', code: `${SAM}Resources:
  ⟦Table⟧:
    Type: AWS::Serverless::SimpleTable
    Properties:
      PrimaryKey: { Name: id, Type: String }
`, expect: [{ severity: 'info', message: ['SSESpecification.KMSMasterKeyId is not set', 'AWS owned key'] }] },
      ],
    },
  },

  // ---- Lambda function URLs ----
  {
    rule: 'lambda-url-auth',
    cloudformation: {
      good: [
        { name: 'AWS_IAM; a SAM function without a URL', code: `${SAM}Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn.Arn
      AuthType: AWS_IAM
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
` },
      ],
      bad: [
        { name: 'SAM: a public URL from Globals.Function', code: `${SAM}Globals:
  Function:
    FunctionUrlConfig:
      AuthType: ⟦NONE⟧
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
`, expect: [{ severity: 'warning', message: ["AuthType is 'NONE'", 'Globals.Function'] }] },
        { name: 'NONE, and a SAM FunctionUrlConfig NONE', code: `${SAM}Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn.Arn
      AuthType: ⟦NONE⟧
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      FunctionUrlConfig:
        AuthType: ⟦NONE⟧
`, expect: [{ severity: 'warning', message: ["AuthType is 'NONE'", 'without signing in'] }, { message: ["FunctionUrlConfig.AuthType is 'NONE'"] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'AWS_IAM', code: `resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.fn.function_name
  authorization_type = "AWS_IAM"
}
` },
      ],
      bad: [
        { name: 'NONE', code: `resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.fn.function_name
  authorization_type = ⟦"NONE"⟧
}
`, expect: [{ severity: 'warning', message: ["authorization_type is 'NONE'"] }] },
      ],
    },
  },
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [];
