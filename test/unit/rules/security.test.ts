import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, expectFindings, unmark } from '../support/ruleTester';

const head = 'AWSTemplateFormatVersion: "2010-09-09"\n';

describe('iam-no-admin-star', () => {
  const rule = 'iam-no-admin-star';
  test('Action * on Resource * in an AWS::IAM::Policy is full admin', () => {
    expectFindings('t.yaml', `${head}Resources:
  AdminPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: admin
      Roles: [!Ref AppRole]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: ⟦"*"⟧
            Resource: "*"
`, rule, [{ ruleId: rule, severity: 'warning', message: ["Statement 1 of policy AdminPolicy allows Action '*' on Resource '*'", 'full administrator access'] }]);
  });
  test('inline role policies, NotAction with Allow and AdministratorAccess via !Sub with the partition', () => {
    expectFindings('t.yaml', `${head}Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - ⟦!Sub arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess⟧
      Policies:
        - PolicyName: broad
          PolicyDocument:
            Statement:
              - Sid: AllButIam
                Effect: Allow
                NotAction: ⟦iam:*⟧
                Resource: "*"
              - Effect: Deny
                Action: "*"
                Resource: "*"
`, rule, [
      { ruleId: rule, message: ['AppRole attaches the AWS managed policy AdministratorAccess'] },
      { ruleId: rule, message: ["Statement 'AllButIam' of inline policy 'broad' of role AppRole uses Allow with NotAction"] },
    ]);
  });
  test('a JSON-string policy document is reported on the whole string', () => {
    expectFindings('t.yaml', `${head}Resources:
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: ⟦'{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}'⟧
`, rule, [{ ruleId: rule, message: ["allows Action '*' on Resource '*'"] }]);
  });
  test('SAM: the AdministratorAccess name is admin; policy templates and scoped statements are fine', () => {
    expectFindings('t.yaml', `${head}Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Policies:
        - ⟦AdministratorAccess⟧
        - S3CrudPolicy:
            BucketName: !Ref Bucket
        - Statement:
            - Effect: Allow
              Action: s3:GetObject
              Resource: "*"
  Bucket:
    Type: AWS::S3::Bucket
`, rule, [{ ruleId: rule, message: ['AdministratorAccess'] }]);
  });
  test('scoped actions and an Effect chosen by a parameter (non-default) depend on the deployment', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Mode:
    Type: String
    Default: Deny
    AllowedValues: [Deny, Allow]
Resources:
  P:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Groups: [g]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: [s3:GetObject, s3:PutObject]
            Resource: "*"
          - Effect: !Ref Mode
            Action: ⟦"*"⟧
            Resource: "*"
`, rule, [{ ruleId: rule, severity: 'info', message: ['Depends on the deployment'] }]);
  });
  test('JSON template form', () => {
    expectFindings('t.json', `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "R": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        "ManagedPolicyArns": [⟦"arn:aws:iam::aws:policy/AdministratorAccess"⟧, "arn:aws:iam::aws:policy/ReadOnlyAccess"]
      }
    }
  }
}
`, rule, [{ ruleId: rule, message: ['AdministratorAccess'] }]);
  });
});

describe('iam-no-service-wildcard', () => {
  const rule = 'iam-no-service-wildcard';
  test('service:* on Resource * is reported per action; on a specific resource it is not', () => {
    expectFindings('t.yaml', `${head}Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: [⟦s3:*⟧, s3:GetObject, ⟦"kms:*"⟧]
            Resource: "*"
          - Effect: Allow
            Action: dynamodb:*
            Resource: !GetAtt Table.Arn
`, rule, [{ ruleId: rule, severity: 'info', message: ["'s3:*' on Resource '*'"] }, { ruleId: rule, message: ["'kms:*'"] }]);
  });
  test('a Fn::If between a wildcard and a scoped action, undecided, depends on the deployment', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Env:
    Type: String
Conditions:
  IsDev: !Equals [!Ref Env, dev]
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: !If [IsDev, ⟦"sqs:*"⟧, sqs:SendMessage]
            Resource: "*"
`, rule, [{ ruleId: rule, severity: 'info', message: ['Depends on the deployment', 'if IsDev'] }]);
  });
});

describe('iam-no-user-policies', () => {
  const rule = 'iam-no-user-policies';
  test('users with inline or managed policies, and policies attached to users', () => {
    expectFindings('t.yaml', `${head}Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: ⟦[arn:aws:iam::aws:policy/ReadOnlyAccess]⟧
  P:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Users: ⟦[!Ref Alice]⟧
      PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }] }
  Bob:
    Type: AWS::IAM::User
    Properties:
      Groups: [readers]
`, rule, [{ ruleId: rule, severity: 'info', message: ['User Alice has managed policies attached'] }, { ruleId: rule, message: ['Policy P is attached to users'] }]);
  });
});

describe('iam-role-trust-not-public', () => {
  const rule = 'iam-role-trust-not-public';
  test('Principal * or AWS * without a condition is an error; with sts:ExternalId or aws:PrincipalOrgID it is not', () => {
    expectFindings('t.yaml', `${head}Resources:
  Open:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: ⟦"*"⟧
            Action: sts:AssumeRole
  OpenAws:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: ⟦"*"⟧ }
            Action: sts:AssumeRole
            Condition: { Bool: { aws:MultiFactorAuthPresent: true } }
  Org:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: "*" }
            Action: sts:AssumeRole
            Condition: { StringEquals: { aws:PrincipalOrgID: o-abc123 } }
  Vendor:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: ["*"] }
            Action: sts:AssumeRole
            Condition: { StringEquals: { sts:ExternalId: abc } }
`, rule, [
      { ruleId: rule, severity: 'error', message: ["trust policy of role Open allows 'sts:AssumeRole' to Principal '*'", 'anyone with an AWS account can assume the role'] },
      { ruleId: rule, severity: 'error', message: ['trust policy of role OpenAws'] },
    ]);
  });
});

describe('s3-policy-no-public-principal', () => {
  const rule = 's3-policy-no-public-principal';
  test('a public read policy names the policy and its bucket; a SourceVpce condition makes it non-public', () => {
    expectFindings('t.yaml', `${head}Resources:
  SiteBucket:
    Type: AWS::S3::Bucket
  SitePolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref SiteBucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: ⟦"*"⟧
            Action: s3:GetObject
            Resource: !Sub \${SiteBucket.Arn}/*
          - Effect: Allow
            Principal: { AWS: "*" }
            Action: s3:GetObject
            Resource: !Sub \${SiteBucket.Arn}/*
            Condition: { StringEquals: { aws:SourceVpce: vpce-123 } }
`, rule, [{ ruleId: rule, severity: 'error', message: ["Statement 1 of the bucket policy SitePolicy on bucket SiteBucket allows 's3:GetObject' to Principal '*'", 'anyone on the internet'] }]);
  });
  test('a JSON-string document with a public principal points at the whole string; Deny statements are fine', () => {
    expectFindings('t.yaml', `${head}Resources:
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: my-bucket
      PolicyDocument: ⟦'{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:*", "Resource": "arn:aws:s3:::my-bucket/*"}]}'⟧
  Q:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: other
      PolicyDocument: '{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}'
`, rule, [{ ruleId: rule, message: ["bucket policy P on bucket 'my-bucket'", "'s3:*'"] }]);
  });
  test('an IfExists condition does not limit who', () => {
    expectFindings('t.yaml', `${head}Resources:
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: b
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: ⟦"*"⟧
            Action: s3:GetObject
            Resource: arn:aws:s3:::b/*
            Condition: { StringEqualsIfExists: { aws:SourceAccount: "123456789012" } }
`, rule, [{ ruleId: rule }]);
  });
});

describe('s3-tls-only-policy', () => {
  const rule = 's3-tls-only-policy';
  test('a bucket without any policy is reported on the bucket', () => {
    expectFindings('t.yaml', `${head}Resources:
  ⟦ReportsBucket⟧:
    Type: AWS::S3::Bucket
`, rule, [{ ruleId: rule, severity: 'warning', message: ['ReportsBucket has no bucket policy that denies requests without TLS (aws:SecureTransport)'] }]);
  });
  test('a policy without the Deny gives a related location; a bucket with two policies is fine when either denies', () => {
    const marked = `${head}Resources:
  ⟦ReportsBucket⟧:
    Type: AWS::S3::Bucket
  ReportsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref ReportsBucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: logging.s3.amazonaws.com }
            Action: s3:PutObject
            Resource: !Sub \${ReportsBucket.Arn}/*
  DataBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: data-bucket
  DataReadPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: data-bucket
      PolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { AWS: arn:aws:iam::123456789012:root }, Action: s3:GetObject, Resource: arn:aws:s3:::data-bucket/* }
  DataTlsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Sub "\${DataBucket}"
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: [!GetAtt DataBucket.Arn, !Sub "\${DataBucket.Arn}/*"]
            Condition:
              Bool:
                aws:SecureTransport: false
`;
    const [finding] = expectFindings('t.yaml', marked, rule, [{ ruleId: rule, message: ['ReportsBucket has no bucket policy that denies requests without TLS', 'its policy ReportsPolicy lacks the Deny'] }]);
    const { text } = unmark(marked);
    assert.equal(finding.related.length, 1);
    assert.match(finding.related[0].message, /ReportsPolicy has no Deny statement/);
    assert.ok(text.slice(finding.related[0].range.start, finding.related[0].range.end).startsWith('Statement:'));
  });
  test('a JSON-string policy linked by GetAtt and a Sub-named bucket matched by its name pattern', () => {
    expectFindings('t.yaml', `${head}Parameters:
  AppName:
    Type: String
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub \${AppName}-logs-\${AWS::AccountId}
  LogsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Sub \${AppName}-logs-\${AWS::AccountId}
      PolicyDocument: '{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}'
  Data:
    Type: AWS::S3::Bucket
  DataPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !GetAtt Data.Arn
      PolicyDocument:
        Fn::Sub: '{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::\${Data}/*", "Condition": {"Bool": {"aws:SecureTransport": false}}}]}'
`, rule, []);
  });
  test('JSON template form', () => {
    expectFindings('t.json', `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    ⟦"B"⟧: { "Type": "AWS::S3::Bucket" },
    "P": { "Type": "AWS::S3::BucketPolicy", "Properties": { "Bucket": { "Ref": "B" }, "PolicyDocument": { "Statement": [ { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "true" } } } ] } } }
  }
}
`, rule, [{ ruleId: rule, message: ['its policy P lacks the Deny'] }]);
  });
});

describe('sqs-policy-not-public and sns-policy-not-public', () => {
  test('a queue policy open to everyone names its queues; aws:SourceArn makes it non-public', () => {
    const rule = 'sqs-policy-not-public';
    expectFindings('t.yaml', `${head}Resources:
  Q1:
    Type: AWS::SQS::Queue
  Q2:
    Type: AWS::SQS::Queue
  QP:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Q1, !GetAtt Q2.QueueUrl]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: ⟦"*"⟧ }
            Action: sqs:SendMessage
            Resource: "*"
          - Effect: Allow
            Principal: "*"
            Action: sqs:SendMessage
            Resource: !GetAtt Q1.Arn
            Condition: { ArnEquals: { aws:SourceArn: !Ref Topic } }
`, rule, [{ ruleId: rule, severity: 'warning', message: ['queue policy QP on queues Q1 and Q2', "'sqs:SendMessage' to Principal '*'"] }]);
  });
  test('a topic policy with AWS * is public unless limited by AWS:SourceOwner', () => {
    const rule = 'sns-policy-not-public';
    expectFindings('t.yaml', `${head}Resources:
  T:
    Type: AWS::SNS::Topic
  TP:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref T]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: ⟦"*"⟧ }
            Action: [sns:Publish, sns:Subscribe]
            Resource: !Ref T
          - Effect: Allow
            Principal: { AWS: "*" }
            Action: sns:Publish
            Resource: !Ref T
            Condition: { StringEquals: { AWS:SourceOwner: !Ref AWS::AccountId } }
`, rule, [{ ruleId: rule, severity: 'error', message: ['topic policy TP on topic T'] }]);
  });
});

describe('kms-policy-no-wildcard-principal', () => {
  const rule = 'kms-policy-no-wildcard-principal';
  test('a key policy that lets everyone decrypt is an error; kms:CallerAccount limits it; no KeyPolicy is fine', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Who:
    Type: String
    Default: "*"
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root" }
            Action: kms:*
            Resource: "*"
          - Effect: Allow
            Principal: { AWS: ⟦!Ref Who⟧ }
            Action: kms:Decrypt
            Resource: "*"
          - Effect: Allow
            Principal: { AWS: "*" }
            Action: [kms:Encrypt, kms:Decrypt]
            Resource: "*"
            Condition: { StringEquals: { kms:CallerAccount: "123456789012", kms:ViaService: ebs.us-east-1.amazonaws.com } }
  Plain:
    Type: AWS::KMS::Key
`, rule, [{ ruleId: rule, severity: 'error', message: ['key policy of key Key', "Ref Who, default '*'", 'decrypt'] }]);
  });
});

describe('ecr-policy-not-public and secretsmanager-policy-not-public', () => {
  test('a repository policy open to everyone is reported; one limited by aws:PrincipalOrgID is not', () => {
    const rule = 'ecr-policy-not-public';
    expectFindings('t.yaml', `${head}Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText:
        Statement:
          - Effect: Allow
            Principal: ⟦"*"⟧
            Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
  OrgRepo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: ecr:BatchGetImage
            Condition: { StringEquals: { aws:PrincipalOrgID: o-1 } }
  Private:
    Type: AWS::ECR::Repository
`, rule, [{ ruleId: rule, severity: 'error', message: ['repository policy of repository Repo', "'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'"] }]);
  });
  test('a secret resource policy open to everyone names the secret', () => {
    const rule = 'secretsmanager-policy-not-public';
    expectFindings('t.yaml', `${head}Resources:
  Secret:
    Type: AWS::SecretsManager::Secret
  SecretPolicy:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      SecretId: !Ref Secret
      ResourcePolicy: ⟦'{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}'⟧
`, rule, [{ ruleId: rule, severity: 'error', message: ['resource policy SecretPolicy on secret Secret'] }]);
  });
});

describe('lambda-permission-not-public', () => {
  const rule = 'lambda-permission-not-public';
  test('Principal * is an error, a service principal without SourceArn a warning, with SourceAccount fine', () => {
    expectFindings('t.yaml', `${head}Resources:
  Public:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Fn
      Action: lambda:InvokeFunction
      Principal: ⟦"*"⟧
  FromS3:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Fn
      Action: lambda:InvokeFunction
      Principal: ⟦s3.amazonaws.com⟧
  Scoped:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Fn
      Action: lambda:InvokeFunction
      Principal: s3.amazonaws.com
      SourceAccount: !Ref AWS::AccountId
  Url:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Fn
      Action: lambda:InvokeFunctionUrl
      Principal: ⟦"*"⟧
      FunctionUrlAuthType: NONE
`, rule, [
      { ruleId: rule, severity: 'error', message: ["Principal is '*'", 'anyone with an AWS account can invoke the function'] },
      { ruleId: rule, severity: 'warning', message: ["Principal is 's3.amazonaws.com'", 'confused deputy'] },
      { ruleId: rule, severity: 'error', message: ['FunctionUrlAuthType NONE', 'anyone on the internet'] },
    ]);
  });
});

describe('lambda-url-auth', () => {
  const rule = 'lambda-url-auth';
  test('AuthType NONE on a function URL and on a SAM FunctionUrlConfig; AWS_IAM and no URL are fine', () => {
    expectFindings('t.yaml', `${head}Transform: AWS::Serverless-2016-10-31
Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn.Arn
      AuthType: ⟦NONE⟧
  IamUrl:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn.Arn
      AuthType: AWS_IAM
  Sam:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
      FunctionUrlConfig:
        AuthType: ⟦NONE⟧
  NoUrl:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
`, rule, [{ ruleId: rule, message: ["AuthType is 'NONE'", 'anyone on the internet can invoke'] }, { ruleId: rule, message: ["FunctionUrlConfig.AuthType is 'NONE'"] }]);
  });
});

describe('CloudTrail', () => {
  test('a bare trail misses multi-Region, KMS, validation and CloudWatch; IsLogging false is reported', () => {
    const marked = `${head}Resources:
  ⟦Trail⟧:
    Type: AWS::CloudTrail::Trail
    Properties:
      S3BucketName: !Ref TrailBucket
      IsLogging: ⟦false⟧
`;
    expectFindings('t.yaml', marked.replace('⟦false⟧', 'false'), 'cloudtrail-multi-region', [{ ruleId: 'cloudtrail-multi-region', severity: 'warning', message: ['IsMultiRegionTrail is not set', 'other Regions'] }]);
    expectFindings('t.yaml', marked.replace('⟦false⟧', 'false'), 'cloudtrail-kms', [{ ruleId: 'cloudtrail-kms', message: ['KMSKeyId is not set'] }]);
    expectFindings('t.yaml', marked.replace('⟦false⟧', 'false'), 'cloudtrail-log-validation', [{ ruleId: 'cloudtrail-log-validation', severity: 'info', message: ['EnableLogFileValidation is not set'] }]);
    expectFindings('t.yaml', marked.replace('⟦false⟧', 'false'), 'cloudtrail-cloudwatch', [{ ruleId: 'cloudtrail-cloudwatch', message: ['CloudWatchLogsLogGroupArn is not set'] }]);
    expectFindings('t.yaml', marked.replace('⟦Trail⟧', 'Trail'), 'cloudtrail-logging-on', [{ ruleId: 'cloudtrail-logging-on', severity: 'warning', message: ['IsLogging is false', 'records nothing'] }]);
  });
  test('a complete trail has no findings; a parameter whose non-default value turns validation off depends', () => {
    const marked = `${head}Parameters:
  Validate:
    Type: String
    Default: "true"
    AllowedValues: ["true", "false"]
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      S3BucketName: b
      IsLogging: true
      IsMultiRegionTrail: true
      KMSKeyId: !Ref Key
      EnableLogFileValidation: ⟦!Ref Validate⟧
      CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn
      CloudWatchLogsRoleArn: !GetAtt Role.Arn
`;
    for (const rule of ['cloudtrail-multi-region', 'cloudtrail-kms', 'cloudtrail-cloudwatch', 'cloudtrail-logging-on']) expectFindings('t.yaml', marked.replace(/[⟦⟧]/g, ''), rule, []);
    expectFindings('t.yaml', marked, 'cloudtrail-log-validation', [{ ruleId: 'cloudtrail-log-validation', severity: 'info', message: ['Depends on the deployment', "allowed value 'false'"] }]);
  });
  test('JSON template form with IsMultiRegionTrail false', () => {
    expectFindings('t.json', `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": { "T": { "Type": "AWS::CloudTrail::Trail", "Properties": { "S3BucketName": "b", "IsLogging": true, "IsMultiRegionTrail": ⟦false⟧ } } }
}
`, 'cloudtrail-multi-region', [{ ruleId: 'cloudtrail-multi-region', message: ['IsMultiRegionTrail is false'] }]);
  });
});

describe('account detection', () => {
  test('a disabled GuardDuty detector is reported; an enabled one is not', () => {
    expectFindings('t.yaml', `${head}Conditions:
  Off: !Equals [a, b]
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: ⟦false⟧
  Other:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: !If [Off, false, true]
`, 'guardduty-enabled', [{ ruleId: 'guardduty-enabled', severity: 'warning', message: ['Enable is false', 'threats'] }]);
  });
  test('a recorder limited to listed types is reported; no RecordingGroup, AllSupported and the ALL strategy are fine', () => {
    expectFindings('t.yaml', `${head}Resources:
  Partial:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: !GetAtt Role.Arn
      RecordingGroup:
        ResourceTypes: [AWS::EC2::Volume]
  Explicit:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: !GetAtt Role.Arn
      RecordingGroup: { AllSupported: ⟦false⟧, ResourceTypes: [AWS::EC2::Volume] }
  Default:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: !GetAtt Role.Arn
  All:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: !GetAtt Role.Arn
      RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true }
  Strategy:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: !GetAtt Role.Arn
      RecordingGroup: { RecordingStrategy: { UseOnly: ALL_SUPPORTED_RESOURCE_TYPES } }
`.replace('  Partial:', '  ⟦Partial⟧:'), 'config-recorder-all', [
      { ruleId: 'config-recorder-all', message: ['RecordingGroup.AllSupported is not set'] },
      { ruleId: 'config-recorder-all', message: ['RecordingGroup.AllSupported is false'] },
    ]);
  });
});

test('the security rules do not crash on half-typed policies', () => {
  const result = analyse('t.yaml', `${head}Resources:
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket:
      PolicyDocument:
        Statement:
          - Effect:
            Principal:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: '{"Statement": [ {"Effect": "Allow", '
      Policies:
        - PolicyName: x
          PolicyDocument: !Join ["", ['{"Statement":[{"Effect":"Allow","Action":"*","Resource":"', !Ref X, '"}]}']]
`);
  assert.deepEqual(result.problems.filter((problem) => /Internal error/.test(problem.message)), []);
});
