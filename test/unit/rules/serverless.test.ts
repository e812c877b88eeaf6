import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deprecatedRuntimes } from '../../../server/src/analysis/rules/services/serverless';
import { expectFindings } from '../support/ruleTester';

const head = 'AWSTemplateFormatVersion: "2010-09-09"\n';
const sam = `${head}Transform: AWS::Serverless-2016-10-31\n`;

describe('Lambda runtimes', () => {
  const rule = 'lambda-supported-runtime';
  test('the deprecation list is data with dates', () => {
    assert.ok(deprecatedRuntimes('2024-11-01').includes('python3.8'));
    assert.ok(!deprecatedRuntimes('2024-10-01').includes('python3.8'));
    assert.ok(!deprecatedRuntimes('2026-01-01').includes('python3.13'));
  });
  test('a deprecated runtime is reported with its date; container images and current runtimes are not', () => {
    expectFindings('t.yaml', `${head}Resources:
  Old:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: ⟦python3.7⟧
      Handler: index.handler
  New:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
  Image:
    Type: AWS::Lambda::Function
    Properties:
      PackageType: Image
      Code: { ImageUri: x }
`, rule, [{ ruleId: rule, severity: 'warning', message: ["Runtime is 'python3.7'", 'Deprecated since 2023-12-04'] }]);
  });
  test('SAM: Runtime from Globals.Function counts and is reported in Globals; an own Runtime overrides it', () => {
    expectFindings('t.yaml', `${sam}Globals:
  Function:
    Runtime: ⟦nodejs14.x⟧
Resources:
  Inherits:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
  Overrides:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
`, rule, [{ ruleId: rule, message: ["Runtime is 'nodejs14.x'", 'Globals.Function'] }]);
  });
  test('a parameter with a deprecated allowed value depends on the deployment', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Rt:
    Type: String
    Default: python3.13
    AllowedValues: [python3.13, python2.7]
Resources:
  F:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: ⟦!Ref Rt⟧
`, rule, [{ ruleId: rule, severity: 'info', message: ['Depends on the deployment', "allowed value 'python2.7'"] }]);
  });
});

describe('Lambda settings', () => {
  test('lambda-runtime-update-mode: Manual is reported; absence is Auto', () => {
    const rule = 'lambda-runtime-update-mode';
    expectFindings('t.yaml', `${head}Resources:
  A:
    Type: AWS::Lambda::Function
    Properties:
      RuntimeManagementConfig: { UpdateRuntimeOn: ⟦Manual⟧, RuntimeVersionArn: arn }
  B:
    Type: AWS::Lambda::Function
`, rule, [{ ruleId: rule, severity: 'info', message: ["UpdateRuntimeOn is 'Manual'"] }]);
  });
  test('lambda-env-kms: only functions with environment variables; Globals KmsKeyArn counts', () => {
    const rule = 'lambda-env-kms';
    expectFindings('t.yaml', `${head}Resources:
  ⟦A⟧:
    Type: AWS::Lambda::Function
    Properties:
      Environment: { Variables: { STAGE: prod } }
  B:
    Type: AWS::Lambda::Function
  C:
    Type: AWS::Lambda::Function
    Properties:
      Environment: { Variables: { STAGE: prod } }
      KmsKeyArn: !GetAtt Key.Arn
`, rule, [{ ruleId: rule, severity: 'info', message: ['KmsKeyArn is not set'] }]);
    expectFindings('t.yaml', `${sam}Globals:
  Function:
    KmsKeyArn: !GetAtt Key.Arn
    Environment: { Variables: { STAGE: prod } }
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
`, rule);
  });
  test('lambda-env-no-secrets: literal secrets, access keys and secret parameter defaults; references are fine', () => {
    const rule = 'lambda-env-no-secrets';
    expectFindings('t.yaml', `${head}Parameters:
  Token:
    Type: String
    Default: abcd1234efgh
  Given:
    Type: String
    NoEcho: true
Resources:
  F:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          DB_PASSWORD: ⟦"s3cr3t-pass"⟧
          AWS_KEY: ⟦AKIAIOSFODNN7EXAMPLE⟧
          API_TOKEN: ⟦!Ref Token⟧
          SECRET_ARN: !Ref DbSecret
          DB_SECRET_NAME: prod/db
          OTHER_PASSWORD: !Ref Given
          RESOLVED_PASSWORD: "{{resolve:secretsmanager:db:SecretString:password}}"
          TABLE: users
`, rule, [
      { ruleId: rule, severity: 'error', message: ['DB_PASSWORD is a literal secret'] },
      { ruleId: rule, message: ['AWS_KEY is an AWS access key id'] },
      { ruleId: rule, message: ['API_TOKEN', 'default of parameter Token'] },
    ]);
  });
  test('lambda-env-no-secrets: SAM Globals variables are checked too', () => {
    const rule = 'lambda-env-no-secrets';
    expectFindings('t.yaml', `${sam}Globals:
  Function:
    Environment:
      Variables:
        ApiKey: ⟦"0123456789abcdef"⟧
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Environment: { Variables: { STAGE: prod } }
`, rule, [{ ruleId: rule, message: ['ApiKey'] }]);
  });
  test('lambda-code-signing and lambda-in-vpc are hints on a bare function', () => {
    const text = `${head}Resources:
  ⟦F⟧:
    Type: AWS::Lambda::Function
  G:
    Type: AWS::Lambda::Function
    Properties:
      CodeSigningConfigArn: !Ref Csc
      VpcConfig: { SubnetIds: [!Ref A], SecurityGroupIds: [!Ref B] }
`;
    expectFindings('t.yaml', text, 'lambda-code-signing', [{ ruleId: 'lambda-code-signing', severity: 'info', message: ['CodeSigningConfigArn is not set'] }]);
    expectFindings('t.yaml', text, 'lambda-in-vpc', [{ ruleId: 'lambda-in-vpc', severity: 'info', message: ['VpcConfig.SubnetIds is not set'] }]);
  });
  test('lambda-tracing on Lambda and lambda-tracing-sam on SAM (Tracing, with Globals)', () => {
    expectFindings('t.yaml', `${head}Resources:
  ⟦A⟧:
    Type: AWS::Lambda::Function
  B:
    Type: AWS::Lambda::Function
    Properties:
      TracingConfig: { Mode: ⟦PassThrough⟧ }
  C:
    Type: AWS::Lambda::Function
    Properties:
      TracingConfig: { Mode: Active }
`, 'lambda-tracing', [{ ruleId: 'lambda-tracing', severity: 'info', message: ['TracingConfig.Mode is not set'] }, { ruleId: 'lambda-tracing', message: ["Mode is 'PassThrough'"] }]);
    expectFindings('t.yaml', `${sam}Globals:
  Function:
    Tracing: Active
Resources:
  Inherits:
    Type: AWS::Serverless::Function
  Overrides:
    Type: AWS::Serverless::Function
    Properties:
      Tracing: ⟦PassThrough⟧
`, 'lambda-tracing-sam', [{ ruleId: 'lambda-tracing-sam', message: ["Tracing is 'PassThrough'"] }]);
    expectFindings('t.yaml', `${sam}Resources:
  ⟦F⟧:
    Type: AWS::Serverless::Function
`, 'lambda-tracing-sam', [{ ruleId: 'lambda-tracing-sam', message: ['Tracing is not set'] }]);
  });
});

describe('SQS and SNS', () => {
  test('sqs-encryption: only SqsManagedSseEnabled false without a KMS key', () => {
    const rule = 'sqs-encryption';
    expectFindings('t.yaml', `${head}Resources:
  A:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: ⟦false⟧
  B:
    Type: AWS::SQS::Queue
  C:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: false
      KmsMasterKeyId: !Ref Key
`, rule, [{ ruleId: rule, severity: 'warning', message: ['SqsManagedSseEnabled is false'] }]);
  });
  test('sqs-cmk: absent and alias/aws/sqs are hints', () => {
    const rule = 'sqs-cmk';
    expectFindings('t.yaml', `${head}Resources:
  ⟦A⟧:
    Type: AWS::SQS::Queue
  B:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: ⟦alias/aws/sqs⟧
  C:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/my-key
`, rule, [{ ruleId: rule, severity: 'info', message: ['KmsMasterKeyId is not set', 'not encrypted with a KMS key'] }, { ruleId: rule, message: ['aws/sqs'] }]);
  });
  test('sns-kms and sns-data-protection-policy', () => {
    const text = `${head}Resources:
  ⟦T⟧:
    Type: AWS::SNS::Topic
  U:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
      DataProtectionPolicy: { Name: p, Version: "2021-06-01", Statement: [] }
`;
    expectFindings('t.yaml', text, 'sns-kms', [{ ruleId: 'sns-kms', severity: 'warning', message: ['KmsMasterKeyId is not set'] }]);
    expectFindings('t.yaml', text, 'sns-data-protection-policy', [{ ruleId: 'sns-data-protection-policy', severity: 'info' }]);
  });
  test('JSON template', () => {
    expectFindings('t.json', `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {
  "SqsManagedSseEnabled": ⟦false⟧}}}}`, 'sqs-encryption', [{ ruleId: 'sqs-encryption' }]);
  });
});

describe('Step Functions', () => {
  test('sfn-logging: OFF and absence are reported', () => {
    const rule = 'sfn-logging';
    expectFindings('t.yaml', `${head}Resources:
  ⟦A⟧:
    Type: AWS::StepFunctions::StateMachine
  B:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      LoggingConfiguration: { Level: ⟦"OFF"⟧ }
  C:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      LoggingConfiguration:
        Level: ERROR
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: !GetAtt Logs.Arn } }]
`, rule, [{ ruleId: rule, severity: 'warning', message: ['LoggingConfiguration.Level is not set'] }, { ruleId: rule, message: ["Level is 'OFF'"] }]);
  });
  test('sfn-logging-sam reads Logging on AWS::Serverless::StateMachine', () => {
    const rule = 'sfn-logging-sam';
    expectFindings('t.yaml', `${sam}Resources:
  ⟦A⟧:
    Type: AWS::Serverless::StateMachine
  B:
    Type: AWS::Serverless::StateMachine
    Properties:
      Logging: { Level: ALL, Destinations: [] }
`, rule, [{ ruleId: rule, message: ['Logging.Level is not set'] }]);
  });
});

describe('Cognito', () => {
  test('cognito-no-unauth-identities', () => {
    const rule = 'cognito-no-unauth-identities';
    expectFindings('t.yaml', `${head}Resources:
  A:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: ⟦true⟧
  B:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: false
`, rule, [{ ruleId: rule, severity: 'warning', message: ['AllowUnauthenticatedIdentities is true'] }]);
  });
  test('cognito-user-pool-mfa', () => {
    const rule = 'cognito-user-pool-mfa';
    expectFindings('t.yaml', `${head}Resources:
  ⟦A⟧:
    Type: AWS::Cognito::UserPool
  B:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: ⟦"OFF"⟧
  C:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: OPTIONAL
`, rule, [{ ruleId: rule, message: ['MfaConfiguration is not set'] }, { ruleId: rule, message: ["MfaConfiguration is 'OFF'"] }]);
  });
});

describe('SAM SimpleTable', () => {
  test('dynamodb-cmk-sam: a key under Globals counts, merged into a table\'s own SSESpecification as SAM does; no key is a hint', () => {
    expectFindings('t.yaml', `${sam}Globals:
  SimpleTable:
    SSESpecification: { SSEEnabled: true, KMSMasterKeyId: !Ref Key }
Resources:
  T:
    Type: AWS::Serverless::SimpleTable
  U:
    Type: AWS::Serverless::SimpleTable
    Properties:
      SSESpecification: { SSEEnabled: true }
`, 'dynamodb-cmk-sam');
    expectFindings('t.yaml', `${sam}Resources:
  ⟦T⟧:
    Type: AWS::Serverless::SimpleTable
`, 'dynamodb-cmk-sam', [{ ruleId: 'dynamodb-cmk-sam', severity: 'info', message: ['AWS owned key'] }]);
  });
  test('dynamodb-cmk-sam: no key (AWS owned or AWS managed) is an info hint', () => {
    const rule = 'dynamodb-cmk-sam';
    expectFindings('t.yaml', `${sam}Resources:
  ⟦T⟧:
    Type: AWS::Serverless::SimpleTable
  ⟦U⟧:
    Type: AWS::Serverless::SimpleTable
    Properties:
      SSESpecification: { SSEEnabled: true }
`, rule, [{ ruleId: rule, severity: 'info', message: ['KMSMasterKeyId is not set', 'AWS owned key'] }, { ruleId: rule, severity: 'info' }]);
  });
});
