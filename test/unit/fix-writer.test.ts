// The fix writers' structured steps (SetSettingFix.operations, issue 12), run directly on texts with exact
// expected results: structured values (mappings, lists, long-form intrinsics), several settings at once with new
// parameters / variables, a value in every element of a list, elements appended, a companion with a setting that
// refers to it; YAML block and flow style, JSON with 2-space, 4-space and tab indentation, HCL with tabs, CRLF,
// comments, empty `{}` and one-line blocks, and the places where no edit is certain.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FixOperation, HclData, SetSettingFix } from '../../server/src/analysis/rules/support/rule';
import { cfnFixed, tfFixed } from '../helpers/fixWriter';

const plan = (operations: readonly FixOperation[], extra: Partial<SetSettingFix> = {}): SetSettingFix => ({ title: 't', safety: 'safe', path: [], value: '', operations, ...extra });
const tfPlan = (operations: readonly FixOperation<HclData>[], extra: Partial<NonNullable<SetSettingFix['terraform']>> = {}): SetSettingFix => ({ title: 't', safety: 'safe', path: [], value: '', terraform: { title: 't', path: [], value: '', operations, ...extra } });

const ACCESS_LOG = plan([
  { op: 'set', path: ['AccessLogSetting'], value: { DestinationArn: { Ref: 'ApiAccessLogGroupArn' }, Format: '$context.requestId' } },
  { op: 'set', path: ['TracingEnabled'], value: true },
], { parameters: [{ name: 'ApiAccessLogGroupArn', description: 'ARN of the log group' }] });

describe('CloudFormation: a structured value and several settings, with a new parameter', () => {
  test('YAML block style: short-form tags, comments kept, the parameter declared before Resources', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      # the stage\n      StageName: prod\n';
    assert.equal(cfnFixed('t.yaml', text, 'Stage', ACCESS_LOG),
      'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  ApiAccessLogGroupArn:\n    Type: String\n    Description: "ARN of the log group"\nResources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      AccessLogSetting:\n        DestinationArn: !Ref ApiAccessLogGroupArn\n        Format: "$context.requestId"\n      TracingEnabled: true\n      # the stage\n      StageName: prod\n');
  });
  test('YAML flow style: long-form intrinsics on one line', () => {
    const text = 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties: { StageName: prod }\n';
    assert.equal(cfnFixed('t.yaml', text, 'Stage', ACCESS_LOG),
      'Parameters:\n  ApiAccessLogGroupArn:\n    Type: String\n    Description: "ARN of the log group"\nResources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties: { AccessLogSetting: { DestinationArn: { Ref: ApiAccessLogGroupArn }, Format: "$context.requestId" }, TracingEnabled: true, StageName: prod }\n');
  });
  test('JSON, 2 spaces', () => {
    const text = '{\n  "Resources": {\n    "Stage": {\n      "Type": "AWS::ApiGateway::Stage",\n      "Properties": {\n        "StageName": "prod"\n      }\n    }\n  }\n}\n';
    assert.equal(cfnFixed('t.json', text, 'Stage', ACCESS_LOG),
      '{\n  "Parameters": { "ApiAccessLogGroupArn": { "Type": "String", "Description": "ARN of the log group" } },\n  "Resources": {\n    "Stage": {\n      "Type": "AWS::ApiGateway::Stage",\n      "Properties": {\n        "AccessLogSetting": {\n          "DestinationArn": { "Ref": "ApiAccessLogGroupArn" },\n          "Format": "$context.requestId"\n        },\n        "TracingEnabled": true,\n        "StageName": "prod"\n      }\n    }\n  }\n}\n');
  });
  test('JSON with tabs, an empty Properties {} and an existing Parameters section', () => {
    const text = '{\n\t"Parameters": {\n\t\t"X": { "Type": "String" }\n\t},\n\t"Resources": {\n\t\t"Stage": {\n\t\t\t"Type": "AWS::ApiGateway::Stage",\n\t\t\t"Properties": {}\n\t\t}\n\t}\n}\n';
    assert.equal(cfnFixed('t.json', text, 'Stage', ACCESS_LOG),
      '{\n\t"Parameters": {\n\t\t"ApiAccessLogGroupArn": { "Type": "String", "Description": "ARN of the log group" },\n\t\t"X": { "Type": "String" }\n\t},\n\t"Resources": {\n\t\t"Stage": {\n\t\t\t"Type": "AWS::ApiGateway::Stage",\n\t\t\t"Properties": {\n\t\t\t\t"AccessLogSetting": {\n\t\t\t\t\t"DestinationArn": { "Ref": "ApiAccessLogGroupArn" },\n\t\t\t\t\t"Format": "$context.requestId"\n\t\t\t\t},\n\t\t\t\t"TracingEnabled": true\n\t\t\t}\n\t\t}\n\t}\n}\n');
  });
  test('a parameter the template has is reused; a value already there is left alone; an intrinsic in the way declines', () => {
    const text = 'Parameters:\n  ApiAccessLogGroupArn:\n    Type: String\nResources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      TracingEnabled: "true"\n';
    assert.equal(cfnFixed('t.yaml', text, 'Stage', ACCESS_LOG),
      'Parameters:\n  ApiAccessLogGroupArn:\n    Type: String\nResources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      AccessLogSetting:\n        DestinationArn: !Ref ApiAccessLogGroupArn\n        Format: "$context.requestId"\n      TracingEnabled: "true"\n');
    assert.equal(cfnFixed('t.yaml', text.replace('TracingEnabled: "true"', 'AccessLogSetting: !Ref Settings'), 'Stage', ACCESS_LOG), undefined);
  });
  test('a scalar replaced by a mapping goes on the lines below its key', () => {
    const text = 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      AccessLogSetting: none # to do\n';
    assert.equal(cfnFixed('t.yaml', text, 'Stage', plan([{ op: 'set', path: ['AccessLogSetting'], value: { Format: 'x' } }])),
      'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      AccessLogSetting:\n        Format: x # to do\n');
  });
});

describe('CloudFormation: a value in every element of a list', () => {
  const ECS = plan([
    { op: 'each', list: ['ContainerDefinitions'], path: ['Privileged'], value: false },
    { op: 'each', list: ['ContainerDefinitions'], path: ['ReadonlyRootFilesystem'], value: true },
  ]);
  test('YAML `- Key:` elements, CRLF kept, elements that comply untouched', () => {
    const text = 'Resources:\r\n  Task:\r\n    Type: AWS::ECS::TaskDefinition\r\n    Properties:\r\n      ContainerDefinitions:\r\n        - Name: a\r\n          Image: nginx\r\n          Privileged: true # why\r\n        - Name: b\r\n          Privileged: false\r\n          ReadonlyRootFilesystem: true\r\n';
    assert.equal(cfnFixed('t.yaml', text, 'Task', ECS),
      'Resources:\r\n  Task:\r\n    Type: AWS::ECS::TaskDefinition\r\n    Properties:\r\n      ContainerDefinitions:\r\n        - Name: a\r\n          Image: nginx\r\n          Privileged: false # why\r\n          ReadonlyRootFilesystem: true\r\n        - Name: b\r\n          Privileged: false\r\n          ReadonlyRootFilesystem: true\r\n');
  });
  test('JSON, 4 spaces: a multi-line element and a one-line one', () => {
    const text = '{\n    "Resources": {\n        "Task": {\n            "Type": "AWS::ECS::TaskDefinition",\n            "Properties": {\n                "ContainerDefinitions": [\n                    {\n                        "Name": "a",\n                        "Privileged": true\n                    },\n                    { "Name": "b" }\n                ]\n            }\n        }\n    }\n}\n';
    assert.equal(cfnFixed('t.json', text, 'Task', ECS),
      '{\n    "Resources": {\n        "Task": {\n            "Type": "AWS::ECS::TaskDefinition",\n            "Properties": {\n                "ContainerDefinitions": [\n                    {\n                        "ReadonlyRootFilesystem": true,\n                        "Name": "a",\n                        "Privileged": false\n                    },\n                    { "Privileged": false, "ReadonlyRootFilesystem": true, "Name": "b" }\n                ]\n            }\n        }\n    }\n}\n');
  });
  test('only elements with the `where` key (BlockDeviceMappings[*].Ebs), block and flow elements', () => {
    const text = 'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings:\n      - DeviceName: /dev/sda1\n        Ebs:\n          VolumeSize: 8\n      - DeviceName: /dev/sdb\n        VirtualName: ephemeral0\n      - {DeviceName: /dev/sdc, Ebs: {VolumeSize: 1}}\n';
    assert.equal(cfnFixed('t.yaml', text, 'I', plan([{ op: 'each', list: ['BlockDeviceMappings'], path: ['Ebs', 'Encrypted'], value: true, where: 'Ebs' }])),
      'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings:\n      - DeviceName: /dev/sda1\n        Ebs:\n          Encrypted: true\n          VolumeSize: 8\n      - DeviceName: /dev/sdb\n        VirtualName: ephemeral0\n      - {DeviceName: /dev/sdc, Ebs: {Encrypted: true, VolumeSize: 1}}\n');
  });
  test('an element written as an intrinsic declines', () => {
    const text = 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - !If [C, {Name: a}, !Ref AWS::NoValue]\n';
    assert.equal(cfnFixed('t.yaml', text, 'Task', ECS), undefined);
  });
});

describe('CloudFormation: elements appended', () => {
  const DROP = plan([{ op: 'append', list: ['LoadBalancerAttributes'], items: [{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }], match: 'Key' }]);
  const LB = 'Resources:\n  L:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n';
  test('a Key/Value pair after the last element; the pair that is there completed instead; the list created', () => {
    assert.equal(cfnFixed('t.yaml', `${LB}      LoadBalancerAttributes:\n        - Key: idle_timeout.timeout_seconds\n          Value: "60"\n      Scheme: internal\n`, 'L', DROP),
      `${LB}      LoadBalancerAttributes:\n        - Key: idle_timeout.timeout_seconds\n          Value: "60"\n        - Key: routing.http.drop_invalid_header_fields.enabled\n          Value: "true"\n      Scheme: internal\n`);
    assert.equal(cfnFixed('t.yaml', `${LB}      LoadBalancerAttributes:\n        - Key: routing.http.drop_invalid_header_fields.enabled\n          Value: "false"\n`, 'L', DROP),
      `${LB}      LoadBalancerAttributes:\n        - Key: routing.http.drop_invalid_header_fields.enabled\n          Value: "true"\n`);
    assert.equal(cfnFixed('t.yaml', `${LB}      Scheme: internal\n`, 'L', DROP),
      `${LB}      LoadBalancerAttributes:\n        - Key: routing.http.drop_invalid_header_fields.enabled\n          Value: "true"\n      Scheme: internal\n`);
  });
  const LOGS = plan([{ op: 'append', list: ['EnableCloudwatchLogsExports'], items: ['audit', 'error'] }]);
  const DB = 'Resources:\n  D:\n    Type: AWS::RDS::DBCluster\n    Properties:\n';
  test('log types: flow list, block list at the end of the file, JSON one a line, JSON empty list', () => {
    assert.equal(cfnFixed('t.yaml', `${DB}      EnableCloudwatchLogsExports: [error]\n`, 'D', LOGS), `${DB}      EnableCloudwatchLogsExports: [error, audit]\n`);
    assert.equal(cfnFixed('t.yaml', `${DB}      EnableCloudwatchLogsExports:\n        - slowquery`, 'D', LOGS), `${DB}      EnableCloudwatchLogsExports:\n        - slowquery\n        - audit\n        - error\n`);
    const json = '{\n  "Resources": {\n    "D": {\n      "Type": "AWS::RDS::DBCluster",\n      "Properties": {\n        "EnableCloudwatchLogsExports": [\n          "slowquery" // kept\n        ]\n      }\n    }\n  }\n}\n';
    assert.equal(cfnFixed('t.json', json, 'D', LOGS), json.replace('"slowquery" // kept\n', '"slowquery", // kept\n          "audit",\n          "error"\n'));
    assert.equal(cfnFixed('t.json', '{"Resources": {"D": {"Type": "AWS::RDS::DBCluster", "Properties": {"EnableCloudwatchLogsExports": []}}}}', 'D', LOGS),
      '{"Resources": {"D": {"Type": "AWS::RDS::DBCluster", "Properties": {"EnableCloudwatchLogsExports": ["audit", "error"]}}}}');
  });
  test('nothing to add is no fix', () => {
    assert.equal(cfnFixed('t.yaml', `${DB}      EnableCloudwatchLogsExports: [error, audit]\n`, 'D', LOGS), undefined);
  });
});

const WITH_COMPANION: SetSettingFix = {
  title: 't', safety: 'placeholder', path: [], value: '',
  companion: {
    suffix: 'AccessLogs', type: 'AWS::Logs::LogGroup', properties: () => ({ RetentionInDays: 365, KmsKeyId: { Ref: 'LogKeyArn' } }),
    terraform: { type: 'aws_cloudwatch_log_group', body: () => ['retention_in_days = 365', 'kms_key_id        = var.log_key_arn'] },
  },
  parameters: [{ name: 'LogKeyArn', description: 'KMS key ARN' }],
  operations: [{ op: 'set', path: ['AccessLogSetting', 'DestinationArn'], value: { 'Fn::GetAtt': ['$COMPANION', 'Arn'] } }],
  terraform: { title: 't', path: [], value: '', variables: [{ name: 'log_key_arn', description: 'KMS key ARN' }], operations: [{ op: 'set', path: ['access_log_settings', 'destination_arn'], value: { $hcl: '$COMPANION.arn' } }] },
};

describe('a companion resource with a setting on the main resource that refers to it', () => {
  test('YAML', () => {
    assert.equal(cfnFixed('t.yaml', 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      StageName: prod\n', 'Stage', WITH_COMPANION),
      'Parameters:\n  LogKeyArn:\n    Type: String\n    Description: "KMS key ARN"\nResources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      AccessLogSetting:\n        DestinationArn: !GetAtt StageAccessLogs.Arn\n      StageName: prod\n  StageAccessLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n      KmsKeyId: !Ref LogKeyArn\n');
  });
  test('JSON', () => {
    assert.equal(cfnFixed('t.json', '{\n  "Resources": {\n    "Stage": {\n      "Type": "AWS::ApiGateway::Stage",\n      "Properties": {\n        "StageName": "prod"\n      }\n    }\n  }\n}\n', 'Stage', WITH_COMPANION),
      '{\n  "Parameters": { "LogKeyArn": { "Type": "String", "Description": "KMS key ARN" } },\n  "Resources": {\n    "StageAccessLogs": {\n      "Type": "AWS::Logs::LogGroup",\n      "Properties": {\n        "RetentionInDays": 365,\n        "KmsKeyId": { "Ref": "LogKeyArn" }\n      }\n    },\n    "Stage": {\n      "Type": "AWS::ApiGateway::Stage",\n      "Properties": {\n        "AccessLogSetting": {\n          "DestinationArn": { "Fn::GetAtt": ["StageAccessLogs", "Arn"] }\n        },\n        "StageName": "prod"\n      }\n    }\n  }\n}\n');
  });
  test('HCL: the block, the companion and its variable after the resource', () => {
    assert.equal(tfFixed('resource "aws_api_gateway_stage" "s" {\n  stage_name = "prod"\n}\n', 'aws_api_gateway_stage.s', WITH_COMPANION),
      'resource "aws_api_gateway_stage" "s" {\n  stage_name = "prod"\n  access_log_settings {\n    destination_arn = aws_cloudwatch_log_group.s_access_logs.arn\n  }\n}\n\nresource "aws_cloudwatch_log_group" "s_access_logs" {\n  retention_in_days = 365\n  kms_key_id        = var.log_key_arn\n}\n\nvariable "log_key_arn" {\n  description = "KMS key ARN"\n  type        = string\n}\n');
  });
});

describe('Terraform: blocks, objects, repeated blocks and list arguments', () => {
  const EBS = tfPlan([{ op: 'each', list: ['ebs_block_device'], path: ['encrypted'], value: true }, { op: 'set', path: ['root_block_device', 'encrypted'], value: true }]);
  test('tabs: every ebs_block_device, and a new root_block_device', () => {
    assert.equal(tfFixed('resource "aws_instance" "i" {\n\tami = "x"\n\tebs_block_device {\n\t\tdevice_name = "/dev/sdb"\n\t}\n\tebs_block_device {\n\t\tencrypted = false\n\t}\n}\n', 'aws_instance.i', EBS),
      'resource "aws_instance" "i" {\n\tami = "x"\n\tebs_block_device {\n\t\tdevice_name = "/dev/sdb"\n\t\tencrypted   = true\n\t}\n\tebs_block_device {\n\t\tencrypted = true\n\t}\n\troot_block_device {\n\t\tencrypted = true\n\t}\n}\n');
  });
  test('a one-line block is opened (empty, or its one argument kept on a line of its own); beside a dynamic block of the name, no fix', () => {
    assert.equal(tfFixed('resource "aws_instance" "i" {}\n', 'aws_instance.i', EBS), 'resource "aws_instance" "i" {\n  root_block_device {\n    encrypted = true\n  }\n}\n');
    assert.equal(tfFixed('resource "aws_instance" "i" {\r\n  ami = "x"\r\n  root_block_device {}\r\n  dynamic "ebs_block_device" {\r\n    for_each = []\r\n    content {}\r\n  }\r\n}\r\n', 'aws_instance.i', EBS), undefined);
    assert.equal(tfFixed('resource "aws_instance" "i" {\r\n  root_block_device {}\r\n}\r\n', 'aws_instance.i', EBS), 'resource "aws_instance" "i" {\r\n  root_block_device {\r\n    encrypted = true\r\n  }\r\n}\r\n');
    assert.equal(tfFixed('resource "aws_instance" "i" {\n  root_block_device { volume_size = 8 }\n}\n', 'aws_instance.i', EBS), 'resource "aws_instance" "i" {\n  root_block_device {\n    volume_size = 8\n    encrypted   = true\n  }\n}\n');
    assert.equal(tfFixed('resource "aws_instance" "i" {\n  root_block_device { volume_size = 8 } # small\n}\n', 'aws_instance.i', EBS), 'resource "aws_instance" "i" {\n  root_block_device {\n    volume_size = 8\n    encrypted   = true\n  } # small\n}\n');
    assert.equal(tfFixed('resource "aws_instance" "i" {\n  root_block_device { /* small */ volume_size = 8 }\n}\n', 'aws_instance.i', EBS), undefined);
  });
  const LOGS = tfPlan([{ op: 'append', list: ['enabled_cluster_log_types'], items: ['api', 'audit'] }]);
  test('a list argument: appended on one line or one item a line, created when absent (comments kept)', () => {
    assert.equal(tfFixed('resource "aws_eks_cluster" "c" {\n  name = "c"\n  enabled_cluster_log_types = ["api"]\n}\n', 'aws_eks_cluster.c', LOGS),
      'resource "aws_eks_cluster" "c" {\n  name = "c"\n  enabled_cluster_log_types = ["api", "audit"]\n}\n');
    assert.equal(tfFixed('resource "aws_eks_cluster" "c" {\n  name = "c" # the name\n}\n', 'aws_eks_cluster.c', LOGS),
      'resource "aws_eks_cluster" "c" {\n  name = "c" # the name\n  enabled_cluster_log_types = ["api", "audit"]\n}\n');
    assert.equal(tfFixed('resource "aws_eks_cluster" "c" {\n  enabled_cluster_log_types = [\n    "scheduler",\n  ]\n}\n', 'aws_eks_cluster.c', LOGS),
      'resource "aws_eks_cluster" "c" {\n  enabled_cluster_log_types = [\n    "scheduler",\n    "api",\n    "audit",\n  ]\n}\n');
    assert.equal(tfFixed('resource "aws_eks_cluster" "c" {\n  enabled_cluster_log_types = var.types\n}\n', 'aws_eks_cluster.c', LOGS), undefined);
  });
  test('a nested block with an expression, an object attribute, and a new variable', () => {
    const stage = tfPlan([
      { op: 'set', path: ['access_log_settings'], value: { destination_arn: { $hcl: 'var.api_access_log_group_arn' }, format: '$context.requestId' } },
      { op: 'set', path: ['tags'], value: { $object: { Team: 'a' } } },
    ], { variables: [{ name: 'api_access_log_group_arn', description: 'ARN' }] });
    assert.equal(tfFixed('resource "aws_api_gateway_stage" "s" {\n\tstage_name = "prod"\n}\n', 'aws_api_gateway_stage.s', stage),
      'resource "aws_api_gateway_stage" "s" {\n\tstage_name = "prod"\n\taccess_log_settings {\n\t\tdestination_arn = var.api_access_log_group_arn\n\t\tformat          = "$context.requestId"\n\t}\n\ttags = {\n\t\tTeam = "a"\n\t}\n}\n\nvariable "api_access_log_group_arn" {\n\tdescription = "ARN"\n\ttype        = string\n}\n');
  });
});

describe('matching on several keys, creating an absent list, a Terraform-only companion', () => {
  const OPTIONS = plan([{ op: 'append', list: ['OptionSettings'], items: [{ Namespace: 'aws:elasticbeanstalk:cloudwatch:logs', OptionName: 'StreamLogs', Value: 'true' }], match: ['Namespace', 'OptionName'] }]);
  const ENV = 'Resources:\n  Env:\n    Type: AWS::ElasticBeanstalk::Environment\n    Properties:\n      OptionSettings:\n';
  test('an entry with the same namespace and name gets the value; one with another name does not count', () => {
    assert.equal(cfnFixed('t.yaml', `${ENV}        - Namespace: aws:elasticbeanstalk:cloudwatch:logs\n          OptionName: StreamLogs\n          Value: "false"\n`, 'Env', OPTIONS),
      `${ENV}        - Namespace: aws:elasticbeanstalk:cloudwatch:logs\n          OptionName: StreamLogs\n          Value: "true"\n`);
    assert.equal(cfnFixed('t.yaml', `${ENV}        - Namespace: aws:elasticbeanstalk:cloudwatch:logs\n          OptionName: RetentionInDays\n          Value: "7"\n`, 'Env', OPTIONS),
      `${ENV}        - Namespace: aws:elasticbeanstalk:cloudwatch:logs\n          OptionName: RetentionInDays\n          Value: "7"\n        - Namespace: aws:elasticbeanstalk:cloudwatch:logs\n          OptionName: StreamLogs\n          Value: "true"\n`);
  });
  test('HCL setting blocks matched by namespace and name', () => {
    const tf = tfPlan([{ op: 'append', list: ['setting'], items: [{ namespace: 'aws:elasticbeanstalk:cloudwatch:logs', name: 'StreamLogs', value: 'true' }], match: ['namespace', 'name'] }]);
    const text = 'resource "aws_elastic_beanstalk_environment" "e" {\n  setting {\n    namespace = "aws:elasticbeanstalk:cloudwatch:logs"\n    name      = "StreamLogs"\n    value     = "false"\n  }\n}\n';
    assert.equal(tfFixed(text, 'aws_elastic_beanstalk_environment.e', tf), text.replace('"false"', '"true"'));
    assert.equal(tfFixed(text.replace('"StreamLogs"', '"RetentionInDays"'), 'aws_elastic_beanstalk_environment.e', tf),
      `${text.replace('"StreamLogs"', '"RetentionInDays"').slice(0, -2)}  setting {\n    namespace = "aws:elasticbeanstalk:cloudwatch:logs"\n    name      = "StreamLogs"\n    value     = "true"\n  }\n}\n`);
  });
  test('`each` with `create`: every entry, or a new list when there is none', () => {
    const cache = plan([{ op: 'each', list: ['MethodSettings'], path: ['CacheDataEncrypted'], value: true, create: [{ ResourcePath: '/*', HttpMethod: '*', CacheDataEncrypted: true }] }]);
    const stage = 'Resources:\n  S:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n';
    assert.equal(cfnFixed('t.yaml', `${stage}      CacheClusterEnabled: true\n`, 'S', cache),
      `${stage}      MethodSettings:\n        - ResourcePath: "/*"\n          HttpMethod: "*"\n          CacheDataEncrypted: true\n      CacheClusterEnabled: true\n`);
    assert.equal(cfnFixed('t.yaml', `${stage}      MethodSettings:\n        - {ResourcePath: /pets, HttpMethod: GET}\n`, 'S', cache),
      `${stage}      MethodSettings:\n        - {CacheDataEncrypted: true, ResourcePath: /pets, HttpMethod: GET}\n`);
  });
});
