import { describe, test } from 'node:test';
import { expectFindings } from '../support/ruleTester';

const head = 'AWSTemplateFormatVersion: "2010-09-09"\n';

function resource(type: string, properties: string, id = 'Res'): string {
  return `${head}Resources:\n  ${id}:\n    Type: ${type}\n    Properties:\n${properties.replace(/^/gm, '      ')}\n`;
}

function bare(type: string, properties = 'Name: x'): string {
  return `${head}Resources:\n  ⟦Res⟧:\n    Type: ${type}\n    Properties:\n      ${properties}\n`;
}

describe('OpenSearch rules', () => {
  const good = resource('AWS::OpenSearchService::Domain', `EncryptionAtRestOptions: { Enabled: true }
NodeToNodeEncryptionOptions: { Enabled: true }
DomainEndpointOptions:
  EnforceHTTPS: true
  TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10
VPCOptions:
  SubnetIds: [!Ref Subnet]
AdvancedSecurityOptions: { Enabled: true }
LogPublishingOptions:
  AUDIT_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn }
SoftwareUpdateOptions: { AutoSoftwareUpdateEnabled: true }`);
  const rules = ['opensearch-at-rest', 'opensearch-node-to-node', 'opensearch-https-tls', 'opensearch-in-vpc', 'opensearch-fgac', 'opensearch-audit-logs', 'opensearch-software-update'];
  for (const rule of rules) {
    test(`${rule}: compliant domain and absent setting`, () => {
      expectFindings('t.yaml', good, rule);
      if (rule === 'opensearch-https-tls') {
        expectFindings('t.yaml', bare('AWS::OpenSearchService::Domain', 'DomainEndpointOptions: { EnforceHTTPS: true }'), rule, [{ ruleId: rule, message: ['Policy-Min-TLS-1-0-2019-07'] }]);
      } else {
        expectFindings('t.yaml', bare('AWS::OpenSearchService::Domain', 'DomainName: d'), rule, [{ ruleId: rule }]);
      }
    });
  }
  test('bad values on the legacy Elasticsearch type; a public domain is an error', () => {
    expectFindings('t.yaml', resource('AWS::Elasticsearch::Domain', 'DomainEndpointOptions:\n  EnforceHTTPS: true\n  TLSSecurityPolicy: ⟦Policy-Min-TLS-1-0-2019-07⟧'), 'opensearch-https-tls',
      [{ ruleId: 'opensearch-https-tls', message: ['TLS 1.0 or 1.1'] }]);
    expectFindings('t.yaml', resource('AWS::Elasticsearch::Domain', 'EncryptionAtRestOptions:\n  Enabled: ⟦false⟧'), 'opensearch-at-rest', [{ ruleId: 'opensearch-at-rest', severity: 'warning' }]);
    expectFindings('t.yaml', bare('AWS::Elasticsearch::Domain'), 'opensearch-in-vpc', [{ ruleId: 'opensearch-in-vpc', severity: 'error', message: ['public endpoint'] }]);
  });
  test('JSON template', () => {
    expectFindings('t.json', `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": { "Search": { "Type": "AWS::OpenSearchService::Domain", "Properties": { "NodeToNodeEncryptionOptions": { "Enabled": ⟦false⟧ } } } }
}`, 'opensearch-node-to-node', [{ ruleId: 'opensearch-node-to-node', message: ['NodeToNodeEncryptionOptions.Enabled is false'] }]);
  });
});

describe('MSK rules', () => {
  test('defaults are fine; plaintext, public access and unauthenticated clients are reported', () => {
    const plain = resource('AWS::MSK::Cluster', 'ClusterName: c');
    for (const rule of ['msk-in-transit', 'msk-no-public-access']) expectFindings('t.yaml', plain, rule);
    // No client authentication scheme: clients connect unauthenticated (the MSK security settings table).
    expectFindings('t.yaml', resource('AWS::MSK::Cluster', 'ClientAuthentication:\n  Sasl:\n    Iam:\n      Enabled: true'), 'msk-no-unauthenticated');
    expectFindings('t.yaml', resource('AWS::MSK::Cluster', 'EncryptionInfo:\n  EncryptionInTransit:\n    ClientBroker: ⟦TLS_PLAINTEXT⟧\n    InCluster: ⟦false⟧'), 'msk-in-transit',
      [{ ruleId: 'msk-in-transit', message: ["ClientBroker is 'TLS_PLAINTEXT'"] }, { ruleId: 'msk-in-transit', message: ['InCluster is false'] }]);
    expectFindings('t.yaml', resource('AWS::MSK::Cluster', 'BrokerNodeGroupInfo:\n  ConnectivityInfo:\n    PublicAccess:\n      Type: ⟦SERVICE_PROVIDED_EIPS⟧'), 'msk-no-public-access', [{ ruleId: 'msk-no-public-access', severity: 'warning' }]);
    expectFindings('t.yaml', resource('AWS::MSK::Cluster', 'ClientAuthentication:\n  Unauthenticated:\n    Enabled: ⟦true⟧'), 'msk-no-unauthenticated', [{ ruleId: 'msk-no-unauthenticated' }]);
  });
  test('a ClientBroker parameter with a plaintext default', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Mode:
    Type: String
    Default: PLAINTEXT
    AllowedValues: [PLAINTEXT, TLS]
Resources:
  Kafka:
    Type: AWS::MSK::Cluster
    Properties:
      EncryptionInfo:
        EncryptionInTransit:
          ClientBroker: ⟦!Ref Mode⟧
`, 'msk-in-transit', [{ ruleId: 'msk-in-transit', message: ["Ref Mode, default 'PLAINTEXT'"] }]);
  });
});

describe('Amazon MQ rules', () => {
  test('public broker, audit logs and automatic minor upgrades', () => {
    expectFindings('t.yaml', resource('AWS::AmazonMQ::Broker', 'EngineType: ACTIVEMQ\nEngineVersion: "5.17.6"\nPubliclyAccessible: ⟦true⟧\nLogs: { Audit: false }\nAutoMinorVersionUpgrade: false'), 'mq-not-public',
      [{ ruleId: 'mq-not-public', severity: 'error' }]);
    expectFindings('t.yaml', resource('AWS::AmazonMQ::Broker', 'EngineType: ACTIVEMQ\nPubliclyAccessible: false\nLogs: { Audit: ⟦false⟧ }'), 'mq-audit-logs', [{ ruleId: 'mq-audit-logs' }]);
    expectFindings('t.yaml', bare('AWS::AmazonMQ::Broker', 'EngineType: ACTIVEMQ'), 'mq-audit-logs', [{ ruleId: 'mq-audit-logs' }]);
    expectFindings('t.yaml', resource('AWS::AmazonMQ::Broker', 'EngineType: RABBITMQ\nPubliclyAccessible: false'), 'mq-audit-logs');
    expectFindings('t.yaml', resource('AWS::AmazonMQ::Broker', 'EngineType: ACTIVEMQ\nEngineVersion: "5.17.6"\nAutoMinorVersionUpgrade: ⟦false⟧'), 'mq-auto-minor', [{ ruleId: 'mq-auto-minor' }]);
    expectFindings('t.yaml', resource('AWS::AmazonMQ::Broker', 'EngineType: ACTIVEMQ\nEngineVersion: "5.17.6"'), 'mq-auto-minor');
    expectFindings('t.yaml', resource('AWS::AmazonMQ::Broker', 'EngineType: RABBITMQ\nEngineVersion: "3.13"\nAutoMinorVersionUpgrade: true\nPubliclyAccessible: false'), 'mq-not-public');
  });
});

describe('Kinesis, Firehose and Athena rules', () => {
  test('kinesis-stream-encryption', () => {
    expectFindings('t.yaml', bare('AWS::Kinesis::Stream', 'ShardCount: 1'), 'kinesis-stream-encryption', [{ ruleId: 'kinesis-stream-encryption', message: ['without StreamEncryption'] }]);
    expectFindings('t.yaml', resource('AWS::Kinesis::Stream', 'StreamEncryption:\n  EncryptionType: KMS\n  KeyId: alias/aws/kinesis'), 'kinesis-stream-encryption');
  });
  test('kinesis-stream-encryption chosen by an undecided condition depends on the deployment', () => {
    expectFindings('t.yaml', `${head}Parameters:
  Env:
    Type: String
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
  ⟦Stream⟧:
    Type: AWS::Kinesis::Stream
    Properties:
      StreamEncryption: !If [Prod, { EncryptionType: KMS, KeyId: alias/aws/kinesis }, !Ref AWS::NoValue]
`, 'kinesis-stream-encryption', [{ ruleId: 'kinesis-stream-encryption', severity: 'info', message: ['Depends on the deployment'] }]);
  });
  test('firehose-sse: Direct PUT streams only', () => {
    expectFindings('t.yaml', bare('AWS::KinesisFirehose::DeliveryStream', 'DeliveryStreamType: DirectPut'), 'firehose-sse', [{ ruleId: 'firehose-sse' }]);
    expectFindings('t.yaml', resource('AWS::KinesisFirehose::DeliveryStream', 'DeliveryStreamType: KinesisStreamAsSource'), 'firehose-sse');
    expectFindings('t.yaml', resource('AWS::KinesisFirehose::DeliveryStream', 'DeliveryStreamEncryptionConfigurationInput:\n  KeyType: AWS_OWNED_CMK'), 'firehose-sse');
  });
  test('athena-workgroup-encryption', () => {
    expectFindings('t.yaml', bare('AWS::Athena::WorkGroup'), 'athena-workgroup-encryption', [{ ruleId: 'athena-workgroup-encryption', severity: 'info' }]);
    expectFindings('t.yaml', resource('AWS::Athena::WorkGroup', 'Name: w\nWorkGroupConfiguration:\n  EnforceWorkGroupConfiguration: true\n  ResultConfiguration:\n    EncryptionConfiguration:\n      EncryptionOption: SSE_KMS'), 'athena-workgroup-encryption');
  });
});
