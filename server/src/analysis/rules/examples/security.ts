// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

const SAM = 'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\n';
const PUBLIC_STATEMENT = '{ Effect: Allow, Principal: "*", Action: "sqs:SendMessage", Resource: "*" }';

export const EXAMPLES: readonly RuleExamples[] = [
  // ---- KMS ----
  {
    rule: 'kms-rotation',
    cloudformation: {
      good: [
        { name: 'rotation on; an asymmetric key cannot rotate', code: `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Signing:
    Type: AWS::KMS::Key
    Properties:
      KeySpec: ECC_NIST_P256
      KeyUsage: SIGN_VERIFY
` },
      ],
      bad: [
        { name: 'not set', code: `Resources:
  ⟦Key⟧:
    Type: AWS::KMS::Key
`, expect: [{ severity: 'warning', message: ['EnableKeyRotation is not set'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'rotation on; an HMAC key cannot rotate', code: `resource "aws_kms_key" "data" {
  enable_key_rotation = true
}
resource "aws_kms_key" "mac" {
  customer_master_key_spec = "HMAC_256"
  key_usage                = "GENERATE_VERIFY_MAC"
}
` },
      ],
      bad: [
        { name: 'false', code: `resource "aws_kms_key" "data" {
  enable_key_rotation = ⟦false⟧
}
`, expect: [{ severity: 'warning', message: ['enable_key_rotation is false'] }] },
      ],
    },
  },
  {
    rule: 'kms-deletion-window',
    cloudformation: {
      good: [
        { name: '30 days; not set (30)', code: `Resources:
  A:
    Type: AWS::KMS::Key
    Properties:
      PendingWindowInDays: 30
  B:
    Type: AWS::KMS::Key
` },
      ],
      bad: [
        { name: 'below the minimum', code: `Resources:
  A:
    Type: AWS::KMS::Key
    Properties:
      PendingWindowInDays: ⟦5⟧
`, expect: [{ severity: 'info', message: ['PendingWindowInDays is 5', '7 to 30'] }] },
      ],
    },
    terraform: {
      good: [
        { name: '7 days from a variable', code: `variable "window" {
  default = 7
}
resource "aws_kms_key" "k" {
  deletion_window_in_days = var.window
}
` },
      ],
      bad: [
        { name: 'below the minimum', code: `resource "aws_kms_key" "k" {
  deletion_window_in_days = ⟦3⟧
}
`, expect: [{ severity: 'info', message: ['deletion_window_in_days is 3'] }] },
      ],
    },
  },
  // ---- Secrets Manager and SSM ----
  {
    rule: 'secret-cmk',
    cloudformation: {
      good: [
        { name: 'a customer managed key', code: `Resources:
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: !Ref SecretKey
` },
      ],
      bad: [
        { name: 'the AWS managed alias; no key', code: `Resources:
  A:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: ⟦alias/aws/secretsmanager⟧
  ⟦B⟧:
    Type: AWS::SecretsManager::Secret
`, expect: [{ severity: 'info', message: ["KmsKeyId is 'alias/aws/secretsmanager'"] }, { severity: 'info', message: ['KmsKeyId is not set'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a customer managed key', code: `resource "aws_secretsmanager_secret" "s" {
  kms_key_id = aws_kms_key.secrets.arn
}
` },
      ],
      bad: [
        { name: 'no key; the AWS managed alias', code: `resource "aws_secretsmanager_secret" ⟦"s"⟧ {
  name = "db"
}
resource "aws_secretsmanager_secret" "managed" {
  name       = "api"
  kms_key_id = ⟦"alias/aws/secretsmanager"⟧
}
`, expect: [{ severity: 'info', message: ['kms_key_id is not set'] }, { severity: 'info', message: ["kms_key_id is 'alias/aws/secretsmanager'"] }] },
      ],
    },
  },
  {
    rule: 'secret-rotation',
    cloudformation: {
      good: [
        { name: 'a rotation schedule of 30 days', code: `Resources:
  Secret:
    Type: AWS::SecretsManager::Secret
  Rotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref Secret
      RotationLambdaARN: !GetAtt Rotator.Arn
      RotationRules:
        ScheduleExpression: rate(30 days)
` },
      ],
      bad: [
        { name: 'no schedule; a schedule of 180 days', code: `Resources:
  ⟦Lonely⟧:
    Type: AWS::SecretsManager::Secret
  Rotated:
    Type: AWS::SecretsManager::Secret
  Rotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref Rotated
      RotationRules:
        AutomaticallyAfterDays: ⟦180⟧
`, expect: [{ severity: 'warning', message: ['rotates the secret'] }, { message: ['AutomaticallyAfterDays is 180', 'longer than 90 days'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a rotation resource with a schedule expression', code: `resource "aws_secretsmanager_secret" "db" {
  name = "db"
}
resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn
  rotation_rules {
    schedule_expression = "rate(30 days)"
  }
}
` },
      ],
      bad: [
        { name: 'no rotation; rotation after 180 days', code: `resource "aws_secretsmanager_secret" ⟦"lonely"⟧ {
  name = "lonely"
}
resource "aws_secretsmanager_secret" "db" {
  name = "db"
}
resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id = aws_secretsmanager_secret.db.id
  rotation_rules {
    automatically_after_days = ⟦180⟧
  }
}
`, expect: [{ severity: 'warning', message: ['no aws_secretsmanager_secret_rotation in this module'] }, { message: ['rotation_rules.automatically_after_days is 180'] }] },
      ],
    },
  },
  {
    rule: 'ssm-parameter-securestring',
    cloudformation: {
      good: [
        { name: 'plain configuration; a reference to Secrets Manager', code: `Resources:
  Endpoint:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/endpoint
      Type: String
      Value: https://api.example.com
  SecretArn:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/db-secret-arn
      Type: String
      Value: arn:aws:secretsmanager:eu-west-1:111122223333:secret:db
` },
      ],
      bad: [
        { name: 'a literal password', code: `Resources:
  Password:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/db/password
      Type: String
      Value: ⟦hunter2-prod⟧
`, expect: [{ severity: 'error', message: ['Value of /app/db/password is a literal secret', 'the template'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a SecureString; plain configuration', code: `resource "aws_ssm_parameter" "password" {
  name  = "/app/db/password"
  type  = "SecureString"
  value = "hunter2-prod"
}
resource "aws_ssm_parameter" "endpoint" {
  name  = "/app/endpoint"
  type  = "String"
  value = "https://api.example.com"
}
` },
      ],
      bad: [
        { name: 'a literal password in a String parameter', code: `resource "aws_ssm_parameter" "password" {
  name  = "/app/db/password"
  type  = "String"
  value = ⟦"hunter2-prod"⟧
}
`, expect: [{ severity: 'error', message: ['value of /app/db/password is a literal secret', 'SecureString'] }] },
      ],
    },
  },

  // ---- IAM identity policies ----
  {
    rule: 'iam-no-admin-star',
    cloudformation: {
      good: [
        { name: 'scoped actions and resources', code: `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies:
        - PolicyName: read
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: ["s3:GetObject"], Resource: "arn:aws:s3:::reports/*" }
` },
      ],
      bad: [
        { name: 'Action * on Resource *; AdministratorAccess attached', code: `Resources:
  Admin:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: ⟦"*"⟧, Resource: "*" }
  Ops:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] }
      ManagedPolicyArns: [⟦arn:aws:iam::aws:policy/AdministratorAccess⟧]
`, expect: [{ message: ["allows Action '*' on Resource '*'"] }, { message: ['AdministratorAccess'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'scoped policy from a policy document', code: `data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}
resource "aws_iam_policy" "read" {
  policy = data.aws_iam_policy_document.read.json
}
` },
      ],
      bad: [
        { name: 'jsonencode with Action * on Resource *', code: `resource "aws_iam_policy" "admin" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ⟦"*"⟧, Resource = "*" }]
  })
}
`, expect: [{ message: ["allows Action '*' on Resource '*'", 'aws_iam_policy.admin'] }] },
      ],
    },
  },
  {
    rule: 'iam-no-service-wildcard',
    cloudformation: {
      good: [
        { name: 'named actions', code: `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: ["dynamodb:GetItem", "dynamodb:Query"], Resource: "*" }
` },
      ],
      bad: [
        { name: 's3:*', code: `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: ⟦"s3:*"⟧, Resource: "*" }
`, expect: [{ message: ["'s3:*'"] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'named actions in a heredoc', code: `resource "aws_iam_role_policy" "p" {
  role   = aws_iam_role.r.id
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": "*"}]}
EOF
}
` },
      ],
      bad: [
        { name: 'a service wildcard in a policy document', code: `data "aws_iam_policy_document" "p" {
  statement {
    actions   = [⟦"dynamodb:*"⟧]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.p.json
}
`, expect: [{ message: ["'dynamodb:*'"] }] },
        { name: 'a service wildcard in a jsonencode policy', code: `resource "aws_iam_role_policy" "p" {
  role = aws_iam_role.r.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = [⟦"sqs:*"⟧], Resource = "*" }]
  })
}
`, expect: [{ message: ["'sqs:*'"] }] },
      ],
    },
  },
  {
    rule: 'iam-no-user-policies',
    cloudformation: {
      good: [
        { name: 'a policy on a group', code: `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Groups: [!Ref Developers]
      PolicyDocument: { Statement: [] }
` },
      ],
      bad: [
        { name: 'inline policies on a user', code: `Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      Policies: ⟦[{ PolicyName: p, PolicyDocument: { Statement: [] } }]⟧
`, expect: [{ message: ['inline policies'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'an attachment to a group', code: `resource "aws_iam_policy_attachment" "p" {
  name       = "p"
  groups     = [aws_iam_group.dev.name]
  policy_arn = aws_iam_policy.p.arn
}
` },
      ],
      bad: [
        { name: 'an inline user policy', code: `resource "aws_iam_user_policy" "p" {
  user   = ⟦aws_iam_user.alice.name⟧
  policy = jsonencode({ Statement = [] })
}
`, expect: [{ message: ['inline policy of a user', 'aws_iam_group_policy_attachment'] }] },
      ],
    },
  },
  {
    rule: 'iam-role-trust-not-public',
    cloudformation: {
      good: [
        { name: 'a named account; a SAM function (Lambda trust)', code: `${SAM}Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: sts:AssumeRole }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
` },
      ],
      bad: [
        { name: 'Principal AWS *', code: `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { AWS: ⟦"*"⟧ }, Action: sts:AssumeRole }
`, expect: [{ severity: 'error', message: ["Principal '*'", 'assume the role'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a service principal via a policy document', code: `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}
resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
` },
      ],
      bad: [
        { name: 'Principal * in jsonencode', code: `resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = ⟦"*"⟧ }, Action = "sts:AssumeRole" }]
  })
}
`, expect: [{ severity: 'error', message: ["Principal '*'", 'aws_iam_role.r'] }] },
      ],
    },
  },

  // ---- Resource policies ----
  {
    rule: 's3-policy-no-public-principal',
    cloudformation: {
      good: [
        { name: 'Principal * limited to the organisation', code: `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Reports
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: s3:GetObject
            Resource: arn:aws:s3:::reports/*
            Condition: { StringEquals: { aws:PrincipalOrgID: o-abc123 } }
` },
      ],
      bad: [
        { name: 'public read', code: `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Reports
      PolicyDocument:
        Statement:
          - { Effect: Allow, Principal: ⟦"*"⟧, Action: s3:GetObject, Resource: arn:aws:s3:::reports/* }
`, expect: [{ message: ["allows 's3:GetObject' to Principal '*'"] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'CloudFront by SourceArn', code: `resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudfront.amazonaws.com" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
      Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.site.arn } }
    }]
  })
}
` },
        { name: 'inline policy of aws_s3_bucket limited to the organisation', code: `resource "aws_s3_bucket" "site" {
  bucket = "site"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }
    }]
  })
}
` },
      ],
      bad: [
        { name: 'public read in a heredoc', code: `resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.site.id
  policy = ⟦<<EOF
{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}]}
EOF⟧
}
`, expect: [{ message: ["Principal '*'", 'bucket policy aws_s3_bucket_policy.p'] }] },
        { name: 'public read in the deprecated inline policy of aws_s3_bucket', code: `resource "aws_s3_bucket" "site" {
  bucket = "site"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = ⟦"*"⟧, Action = "s3:GetObject", Resource = "arn:aws:s3:::site/*" }]
  })
}
`, expect: [{ message: ["allows 's3:GetObject' to Principal '*'", 'inline bucket policy of bucket aws_s3_bucket.site'] }] },
      ],
    },
  },
  {
    rule: 'sqs-policy-not-public',
    cloudformation: {
      good: [
        { name: 'SNS limited by SourceArn', code: `Resources:
  Policy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Jobs]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: sns.amazonaws.com }
            Action: sqs:SendMessage
            Resource: !GetAtt Jobs.Arn
            Condition: { ArnEquals: { aws:SourceArn: !Ref Topic } }
` },
      ],
      bad: [
        { name: 'Principal *', code: `Resources:
  Policy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Jobs]
      PolicyDocument:
        Statement:
          - { Effect: Allow, Principal: ⟦"*"⟧, Action: "sqs:SendMessage", Resource: "*" }
`, expect: [{ message: ["Principal '*'", 'queue policy Policy'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a named account in a policy document; an inline queue policy with a condition', code: `data "aws_iam_policy_document" "q" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.jobs.arn]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}
resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.jobs.id
  policy    = data.aws_iam_policy_document.q.json
}
resource "aws_sqs_queue" "events" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:SendMessage"
      Resource  = "*"
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.t.arn } }
    }]
  })
}
` },
      ],
      bad: [
        { name: 'Principal * in a policy document; in an inline jsonencode', code: `data "aws_iam_policy_document" "q" {
  statement {
    actions   = ["sqs:*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = [⟦"*"⟧]
    }
  }
}
resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.jobs.id
  policy    = data.aws_iam_policy_document.q.json
}
resource "aws_sqs_queue" "events" {
  policy = jsonencode({
    Statement = [${PUBLIC_STATEMENT.replace('Effect: Allow, Principal: "*", Action: "sqs:SendMessage", Resource: "*"', 'Effect = "Allow", Principal = ⟦"*"⟧, Action = "sqs:SendMessage", Resource = "*"')}]
  })
}
`, expect: [{ message: ["Principal '*'", 'queue policy aws_sqs_queue_policy.q'] }, { message: ['queue policy of queue aws_sqs_queue.events'] }] },
      ],
    },
  },
  {
    rule: 'sns-policy-not-public',
    cloudformation: {
      good: [
        { name: 'limited by SourceAccount', code: `Resources:
  Policy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Alerts]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: sns:Publish
            Resource: !Ref Alerts
            Condition: { StringEquals: { aws:SourceAccount: !Ref AWS::AccountId } }
` },
      ],
      bad: [
        { name: 'Principal AWS *', code: `Resources:
  Policy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Alerts]
      PolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { AWS: ⟦"*"⟧ }, Action: sns:Subscribe, Resource: !Ref Alerts }
`, expect: [{ severity: 'error', message: ["Principal '*'"] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a service with SourceArn', code: `resource "aws_sns_topic_policy" "p" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.alerts.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_cloudwatch_event_rule.r.arn } }
    }]
  })
}
` },
      ],
      bad: [
        { name: 'Principal *', code: `resource "aws_sns_topic_policy" "p" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = ⟦"*"⟧, Action = "sns:Publish", Resource = "*" }]
  })
}
`, expect: [{ severity: 'error', message: ["Principal '*'", 'aws_sns_topic_policy.p'] }] },
      ],
    },
  },
  {
    rule: 'kms-policy-no-wildcard-principal',
    cloudformation: {
      good: [
        { name: 'the account root; no KeyPolicy (default policy)', code: `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root" }
            Action: kms:*
            Resource: "*"
  Plain:
    Type: AWS::KMS::Key
` },
      ],
      bad: [
        { name: 'Principal * for decrypt', code: `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Statement:
          - { Effect: Allow, Principal: ⟦"*"⟧, Action: kms:Decrypt, Resource: "*" }
`, expect: [{ severity: 'error', message: ["Principal '*'", 'key policy of key Key'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'kms:CallerAccount limits the principal', code: `resource "aws_kms_key" "k" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Decrypt"]
      Resource  = "*"
      Condition = { StringEquals = { "kms:CallerAccount" = "111122223333" } }
    }]
  })
}
` },
      ],
      bad: [
        { name: 'Principal * in aws_kms_key_policy', code: `resource "aws_kms_key_policy" "k" {
  key_id = aws_kms_key.k.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = ⟦"*"⟧ }, Action = "kms:*", Resource = "*" }]
  })
}
`, expect: [{ severity: 'error', message: ["Principal '*'", 'aws_kms_key_policy.k'] }] },
      ],
    },
  },
  {
    rule: 'lambda-permission-not-public',
    cloudformation: {
      good: [
        { name: 'S3 limited by SourceArn and SourceAccount', code: `Resources:
  Permission:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Fn
      Action: lambda:InvokeFunction
      Principal: s3.amazonaws.com
      SourceArn: arn:aws:s3:::uploads
      SourceAccount: !Ref AWS::AccountId
` },
      ],
      bad: [
        { name: 'Principal *', code: `Resources:
  Permission:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Fn
      Action: lambda:InvokeFunction
      Principal: ⟦"*"⟧
`, expect: [{ severity: 'error', message: ["Principal is '*'", 'SourceArn'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'API Gateway with source_arn', code: `resource "aws_lambda_permission" "api" {
  function_name = aws_lambda_function.fn.function_name
  action        = "lambda:InvokeFunction"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "\${aws_api_gateway_rest_api.api.execution_arn}/*"
}
` },
      ],
      bad: [
        { name: 'a service principal without source_arn', code: `resource "aws_lambda_permission" "s3" {
  function_name = aws_lambda_function.fn.function_name
  action        = "lambda:InvokeFunction"
  principal     = ⟦"s3.amazonaws.com"⟧
}
`, expect: [{ severity: 'warning', message: ["principal is 's3.amazonaws.com'", 'source_arn'] }] },
        { name: 'principal * without a scope', code: `resource "aws_lambda_permission" "any" {
  function_name = aws_lambda_function.fn.function_name
  action        = "lambda:InvokeFunction"
  principal     = ⟦"*"⟧
}
`, expect: [{ severity: 'error', message: ["principal is '*'", 'anyone with an AWS account'] }] },
      ],
    },
  },
  {
    rule: 'ecr-policy-not-public',
    cloudformation: {
      good: [
        { name: 'pull for a named account; no policy', code: `Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText:
        Statement:
          - { Effect: Allow, Principal: { AWS: "arn:aws:iam::444455556666:root" }, Action: ["ecr:BatchGetImage"] }
  Private:
    Type: AWS::ECR::Repository
` },
      ],
      bad: [
        { name: 'pull for everyone', code: `Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText:
        Statement:
          - { Effect: Allow, Principal: ⟦"*"⟧, Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }
`, expect: [{ message: ["Principal '*'", 'repository policy of repository Repo'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'limited to the organisation', code: `resource "aws_ecr_repository_policy" "p" {
  repository = aws_ecr_repository.app.name
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage"]
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }
    }]
  })
}
` },
      ],
      bad: [
        { name: 'everyone', code: `resource "aws_ecr_repository_policy" "p" {
  repository = aws_ecr_repository.app.name
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = ⟦"*"⟧, Action = ["ecr:BatchGetImage"] }]
  })
}
`, expect: [{ message: ["Principal '*'", 'aws_ecr_repository_policy.p'] }] },
      ],
    },
  },
  {
    rule: 'secretsmanager-policy-not-public',
    cloudformation: {
      good: [
        { name: 'a named role', code: `Resources:
  Policy:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      SecretId: !Ref Secret
      BlockPublicPolicy: true
      ResourcePolicy:
        Statement:
          - { Effect: Allow, Principal: { AWS: !GetAtt AppRole.Arn }, Action: secretsmanager:GetSecretValue, Resource: "*" }
` },
      ],
      bad: [
        { name: 'everyone', code: `Resources:
  Policy:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      SecretId: !Ref Secret
      ResourcePolicy:
        Statement:
          - { Effect: Allow, Principal: { AWS: ⟦"*"⟧ }, Action: secretsmanager:GetSecretValue, Resource: "*" }
`, expect: [{ severity: 'error', message: ["Principal '*'", 'resource policy Policy on secret'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a role ARN in a policy document', code: `data "aws_iam_policy_document" "s" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.app.arn]
    }
  }
}
resource "aws_secretsmanager_secret_policy" "s" {
  secret_arn = aws_secretsmanager_secret.db.arn
  policy     = data.aws_iam_policy_document.s.json
}
` },
      ],
      bad: [
        { name: 'everyone in a heredoc', code: `resource "aws_secretsmanager_secret_policy" "s" {
  secret_arn = aws_secretsmanager_secret.db.arn
  policy     = ⟦<<POLICY
{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}
POLICY⟧
}
`, expect: [{ severity: 'error', message: ["Principal '*'", 'resource policy aws_secretsmanager_secret_policy.s', 'block_public_policy = true'] }] },
        { name: 'everyone in a jsonencode policy', code: `resource "aws_secretsmanager_secret_policy" "s" {
  secret_arn = aws_secretsmanager_secret.db.arn
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ⟦"*"⟧ }
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
    }]
  })
}
`, expect: [{ severity: 'error', message: ["Principal '*'", 'resource policy aws_secretsmanager_secret_policy.s'] }] },
      ],
    },
  },

  // ---- CloudTrail ----
  {
    rule: 'cloudtrail-multi-region',
    cloudformation: {
      good: [{ name: 'true', code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      IsMultiRegionTrail: true
` }],
      bad: [{ name: 'not set', code: `Resources:
  ⟦Trail⟧:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
`, expect: [{ severity: 'warning', message: ['IsMultiRegionTrail is not set'] }] }],
    },
    terraform: {
      good: [{ name: 'true', code: `resource "aws_cloudtrail" "t" {
  is_multi_region_trail = true
}
` }],
      bad: [{ name: 'false', code: `resource "aws_cloudtrail" "t" {
  is_multi_region_trail = ⟦false⟧
}
`, expect: [{ severity: 'warning', message: ['is_multi_region_trail is false'] }] }],
    },
  },
  {
    rule: 'cloudtrail-kms',
    cloudformation: {
      good: [{ name: 'a key', code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      KMSKeyId: !GetAtt TrailKey.Arn
` }],
      bad: [{ name: 'no key', code: `Resources:
  ⟦Trail⟧:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
`, expect: [{ severity: 'warning', message: ['KMSKeyId is not set', 'S3-managed keys'] }] }],
    },
    terraform: {
      good: [{ name: 'a key', code: `resource "aws_cloudtrail" "t" {
  kms_key_id = aws_kms_key.trail.arn
}
` }],
      bad: [{ name: 'no key', code: `resource "aws_cloudtrail" ⟦"t"⟧ {
  name = "t"
}
`, expect: [{ severity: 'warning', message: ['kms_key_id is not set'] }] }],
    },
  },
  {
    rule: 'cloudtrail-log-validation',
    cloudformation: {
      good: [{ name: 'true', code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      EnableLogFileValidation: true
` }],
      bad: [{ name: 'false', code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      EnableLogFileValidation: ⟦false⟧
`, expect: [{ severity: 'info', message: ['EnableLogFileValidation is false', 'digest files'] }] }],
    },
    terraform: {
      good: [{ name: 'true', code: `resource "aws_cloudtrail" "t" {
  enable_log_file_validation = true
}
` }],
      bad: [{ name: 'not set', code: `resource "aws_cloudtrail" ⟦"t"⟧ {
  name = "t"
}
`, expect: [{ severity: 'info', message: ['enable_log_file_validation is not set'] }] }],
    },
  },
  {
    rule: 'cloudtrail-cloudwatch',
    cloudformation: {
      good: [{ name: 'a log group', code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
      CloudWatchLogsRoleArn: !GetAtt TrailRole.Arn
` }],
      bad: [{ name: 'none', code: `Resources:
  ⟦Trail⟧:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
`, expect: [{ severity: 'info', message: ['CloudWatchLogsLogGroupArn is not set'] }] }],
    },
    terraform: {
      good: [{ name: 'a log group', code: `resource "aws_cloudtrail" "t" {
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}
` }],
      bad: [{ name: 'none', code: `resource "aws_cloudtrail" ⟦"t"⟧ {
  name = "t"
}
`, expect: [{ severity: 'info', message: ['cloud_watch_logs_group_arn is not set'] }] }],
    },
  },
  {
    rule: 'cloudtrail-logging-on',
    cloudformation: {
      good: [{ name: 'true', code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
` }],
      bad: [{ name: 'false', code: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: ⟦false⟧
`, expect: [{ severity: 'warning', message: ['IsLogging is false', 'records nothing'] }] }],
    },
    terraform: {
      good: [{ name: 'true; not set (the provider default is true)', code: `resource "aws_cloudtrail" "a" {
  enable_logging = true
}
resource "aws_cloudtrail" "b" {
  name = "b"
}
` }],
      bad: [{ name: 'false', code: `resource "aws_cloudtrail" "t" {
  enable_logging = ⟦false⟧
}
`, expect: [{ severity: 'warning', message: ['enable_logging is false'] }] }],
    },
  },

  // ---- GuardDuty and Config ----
  {
    rule: 'guardduty-enabled',
    cloudformation: {
      good: [{ name: 'true', code: `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
` }],
      bad: [{ name: 'false', code: `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: ⟦false⟧
`, expect: [{ severity: 'warning', message: ['Enable is false', 'go unnoticed'] }] }],
    },
    terraform: {
      good: [{ name: 'true; not set (the provider default is true)', code: `resource "aws_guardduty_detector" "a" {
  enable = true
}
resource "aws_guardduty_detector" "b" {
  finding_publishing_frequency = "SIX_HOURS"
}
` }],
      bad: [{ name: 'false', code: `resource "aws_guardduty_detector" "d" {
  enable = ⟦false⟧
}
`, expect: [{ severity: 'warning', message: ['enable is false'] }] }],
    },
  },
  {
    rule: 'config-recorder-all',
    cloudformation: {
      good: [{ name: 'AllSupported; no recording group; ALL_SUPPORTED_RESOURCE_TYPES', code: `Resources:
  A:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: !GetAtt ConfigRole.Arn
      RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true }
  B:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: !GetAtt ConfigRole.Arn
  C:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: !GetAtt ConfigRole.Arn
      RecordingGroup:
        RecordingStrategy: { UseOnly: ALL_SUPPORTED_RESOURCE_TYPES }
` }],
      bad: [{ name: 'only listed types', code: `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: !GetAtt ConfigRole.Arn
      RecordingGroup:
        AllSupported: ⟦false⟧
        ResourceTypes: ["AWS::S3::Bucket"]
`, expect: [{ severity: 'warning', message: ['RecordingGroup.AllSupported is false'] }] }],
    },
    terraform: {
      good: [{ name: 'no recording_group; all_supported defaulted; true', code: `resource "aws_config_configuration_recorder" "a" {
  role_arn = aws_iam_role.config.arn
}
resource "aws_config_configuration_recorder" "b" {
  role_arn = aws_iam_role.config.arn
  recording_group {
    include_global_resource_types = true
  }
}
resource "aws_config_configuration_recorder" "c" {
  role_arn = aws_iam_role.config.arn
  recording_group {
    all_supported = true
  }
}
` }],
      bad: [{ name: 'only listed types', code: `resource "aws_config_configuration_recorder" "r" {
  role_arn = aws_iam_role.config.arn
  recording_group {
    all_supported  = ⟦false⟧
    resource_types = ["AWS::S3::Bucket"]
  }
}
`, expect: [{ severity: 'warning', message: ['recording_group.all_supported is false'] }] }],
    },
  },
  {
    rule: 'iam-password-policy',
    terraform: {
      good: [{ name: 'length 14 and every character class', code: `resource "aws_iam_account_password_policy" "p" {
  minimum_password_length        = 14
  require_symbols                = true
  require_numbers                = true
  require_uppercase_characters   = true
  require_lowercase_characters   = true
}
` }],
      bad: [{ name: 'length 8 and no symbols', code: `resource "aws_iam_account_password_policy" "p" {
  minimum_password_length        = ⟦8⟧
  require_symbols                = ⟦false⟧
  require_numbers                = true
  require_uppercase_characters   = true
  require_lowercase_characters   = true
}
`, expect: [{ message: ['minimum_password_length is 8'] }, { message: ['require_symbols is false'] }] }],
    },
  },
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [];
