// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

const OS = 'Type: AWS::OpenSearchService::Domain';
const ES = 'Type: AWS::Elasticsearch::Domain';

export const EXAMPLES: readonly RuleExamples[] = [
  {
    rule: 'opensearch-at-rest',
    cloudformation: {
      good: [
        { name: 'enabled (OpenSearch)', code: `Resources:\n  Search:\n    ${OS}\n    Properties:\n      EncryptionAtRestOptions:\n        Enabled: true\n` },
        { name: 'enabled (legacy AWS::Elasticsearch::Domain)', code: `Resources:\n  Search:\n    ${ES}\n    Properties:\n      EncryptionAtRestOptions:\n        Enabled: true\n        KmsKeyId: alias/search\n` },
      ],
      bad: [
        { name: 'not set', code: `Resources:\n  ⟦Search⟧:\n    ${OS}\n`, expect: [{ severity: 'warning', message: ['EncryptionAtRestOptions.Enabled is not set'] }] },
        { name: 'false on AWS::Elasticsearch::Domain', code: `Resources:\n  Search:\n    ${ES}\n    Properties:\n      EncryptionAtRestOptions:\n        Enabled: ⟦false⟧\n`, expect: [{ message: ['EncryptionAtRestOptions.Enabled is false'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'encrypt_at_rest enabled', code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  encrypt_at_rest {\n    enabled = true\n  }\n}\n' },
        { name: 'the same on aws_elasticsearch_domain', code: 'resource "aws_elasticsearch_domain" "search" {\n  domain_name = "search"\n  encrypt_at_rest {\n    enabled = true\n  }\n}\n' },
      ],
      bad: [
        {
          name: 'disabled on aws_elasticsearch_domain, absent on aws_opensearch_domain',
          code: 'resource "aws_elasticsearch_domain" "legacy" {\n  domain_name = "legacy"\n  encrypt_at_rest {\n    enabled = ⟦false⟧\n  }\n}\nresource "aws_opensearch_domain" ⟦"search"⟧ {\n  domain_name = "search"\n}\n',
          expect: [{ severity: 'warning', message: ['encrypt_at_rest.enabled is false'] }, { message: ['encrypt_at_rest.enabled is not set'] }],
        },
      ],
    },
  },
  {
    rule: 'opensearch-node-to-node',
    cloudformation: {
      good: [{ name: 'enabled', code: `Resources:\n  Search:\n    ${ES}\n    Properties:\n      NodeToNodeEncryptionOptions:\n        Enabled: true\n` }],
      bad: [
        {
          name: 'disabled (fixable)',
          code: `Resources:\n  Search:\n    ${OS}\n    Properties:\n      NodeToNodeEncryptionOptions:\n        Enabled: ⟦false⟧\n`,
          expect: [{ message: ['Enabled is false'] }],
        },
        {
          name: 'only when a condition holds: depends on the deployment',
          code: `Parameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, prod]\nConditions:\n  Prod: !Equals [!Ref Env, prod]\nResources:\n  Search:\n    ${OS}\n    Properties:\n      NodeToNodeEncryptionOptions:\n        Enabled: !If [Prod, true, ⟦false⟧]\n`,
          expect: [{ severity: 'info', message: ['Depends on the deployment', 'NodeToNodeEncryptionOptions.Enabled is false'] }],
        },
      ],
    },
    terraform: {
      good: [{ name: 'enabled on aws_elasticsearch_domain', code: 'resource "aws_elasticsearch_domain" "search" {\n  domain_name = "search"\n  node_to_node_encryption {\n    enabled = true\n  }\n}\n' }],
      bad: [
        {
          name: 'disabled on aws_elasticsearch_domain',
          code: 'resource "aws_elasticsearch_domain" "search" {\n  domain_name = "search"\n  node_to_node_encryption {\n    enabled = ⟦false⟧\n  }\n}\n',
          expect: [{ severity: 'warning', message: ['node_to_node_encryption.enabled is false'] }],
        },
      ],
    },
  },
  {
    rule: 'opensearch-https-tls',
    cloudformation: {
      good: [{ name: 'HTTPS enforced with a TLS 1.2 policy', code: `Resources:\n  Search:\n    ${OS}\n    Properties:\n      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10\n` }],
      bad: [
        {
          name: 'HTTPS not enforced, default TLS policy',
          code: `Resources:\n  ⟦Search⟧:\n    ${ES}\n    Properties:\n      DomainEndpointOptions:\n        EnforceHTTPS: ⟦false⟧\n`,
          expect: [{ message: ['TLSSecurityPolicy is not set', 'TLS 1.0 and 1.1'] }, { message: ['EnforceHTTPS is false', 'plain HTTP'] }],
        },
      ],
    },
    terraform: {
      good: [{ name: 'a domain_endpoint_options block (enforce_https defaults to true) with a TLS 1.2 policy', code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  domain_endpoint_options {\n    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"\n  }\n}\n' }],
      bad: [
        {
          name: 'TLS 1.0 policy',
          code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = ⟦"Policy-Min-TLS-1-0-2019-07"⟧\n  }\n}\n',
          expect: [{ message: ["domain_endpoint_options.tls_security_policy is 'Policy-Min-TLS-1-0-2019-07'"] }],
        },
      ],
    },
  },
  {
    rule: 'opensearch-in-vpc',
    cloudformation: {
      good: [{ name: 'VPCOptions', code: `Resources:\n  Search:\n    ${OS}\n    Properties:\n      VPCOptions:\n        SubnetIds: [subnet-0a1b2c3d]\n        SecurityGroupIds: [sg-0a1b2c3d]\n` }],
      bad: [{ name: 'no VPCOptions: a public endpoint', code: `Resources:\n  ⟦Search⟧:\n    ${ES}\n`, expect: [{ severity: 'error', message: ['without VPCOptions the domain gets a public endpoint'] }] }],
    },
    terraform: {
      good: [{ name: 'vpc_options', code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  vpc_options {\n    subnet_ids         = ["subnet-0a1b2c3d"]\n    security_group_ids = ["sg-0a1b2c3d"]\n  }\n}\n' }],
      bad: [{ name: 'no vpc_options', code: 'resource "aws_opensearch_domain" ⟦"search"⟧ {\n  domain_name = "search"\n}\n', expect: [{ severity: 'error', message: ['without a vpc_options block the domain gets a public endpoint'] }] }],
    },
  },
  {
    rule: 'opensearch-fgac',
    cloudformation: {
      good: [{ name: 'fine-grained access control on', code: `Resources:\n  Search:\n    ${OS}\n    Properties:\n      AdvancedSecurityOptions:\n        Enabled: true\n        InternalUserDatabaseEnabled: false\n` }],
      bad: [{ name: 'off', code: `Resources:\n  Search:\n    ${OS}\n    Properties:\n      AdvancedSecurityOptions:\n        Enabled: ⟦false⟧\n`, expect: [{ message: ['AdvancedSecurityOptions.Enabled is false'] }] }],
    },
    terraform: {
      good: [{ name: 'advanced_security_options enabled', code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  advanced_security_options {\n    enabled = true\n  }\n}\n' }],
      bad: [{ name: 'not set', code: 'resource "aws_elasticsearch_domain" ⟦"search"⟧ {\n  domain_name = "search"\n}\n', expect: [{ message: ['advanced_security_options.enabled is not set'] }] }],
    },
  },
  {
    rule: 'opensearch-audit-logs',
    cloudformation: {
      good: [{ name: 'AUDIT_LOGS published', code: `Resources:\n  Search:\n    ${OS}\n    Properties:\n      LogPublishingOptions:\n        AUDIT_LOGS:\n          Enabled: true\n          CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:audit\n` }],
      bad: [
        {
          name: 'only slow logs published',
          code: `Resources:\n  ⟦Search⟧:\n    ${OS}\n    Properties:\n      LogPublishingOptions:\n        INDEX_SLOW_LOGS:\n          Enabled: true\n          CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:slow\n`,
          expect: [{ message: ['LogPublishingOptions.AUDIT_LOGS.Enabled is not set'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'one of several log_publishing_options blocks is AUDIT_LOGS (enabled defaults to true)',
          code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  log_publishing_options {\n    log_type                 = "INDEX_SLOW_LOGS"\n    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:slow"\n  }\n  log_publishing_options {\n    log_type                 = "AUDIT_LOGS"\n    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:audit"\n  }\n}\n',
        },
      ],
      bad: [
        {
          name: 'only slow logs',
          code: 'resource "aws_opensearch_domain" ⟦"search"⟧ {\n  domain_name = "search"\n  log_publishing_options {\n    log_type                 = "INDEX_SLOW_LOGS"\n    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:slow"\n  }\n}\n',
          expect: [{ severity: 'warning', message: ['no log_publishing_options block with log_type = "AUDIT_LOGS"'] }],
        },
        {
          name: 'the AUDIT_LOGS block turned off',
          code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  log_publishing_options {\n    log_type                 = "AUDIT_LOGS"\n    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:audit"\n    enabled                  = ⟦false⟧\n  }\n}\n',
          expect: [{ message: ['(AUDIT_LOGS) enabled is false'] }],
        },
      ],
    },
  },
  {
    rule: 'opensearch-software-update',
    cloudformation: {
      good: [{ name: 'automatic software updates on', code: `Resources:\n  Search:\n    ${OS}\n    Properties:\n      SoftwareUpdateOptions:\n        AutoSoftwareUpdateEnabled: true\n` }],
      bad: [{ name: 'not set', code: `Resources:\n  ⟦Search⟧:\n    ${OS}\n`, expect: [{ severity: 'info', message: ['SoftwareUpdateOptions.AutoSoftwareUpdateEnabled is not set'] }] }],
    },
    terraform: {
      good: [{ name: 'auto_software_update_enabled', code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  software_update_options {\n    auto_software_update_enabled = true\n  }\n}\n' }],
      bad: [{ name: 'false', code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  software_update_options {\n    auto_software_update_enabled = ⟦false⟧\n  }\n}\n', expect: [{ severity: 'info', message: ['software_update_options.auto_software_update_enabled is false'] }] }],
    },
  },
  {
    rule: 'msk-in-transit',
    cloudformation: {
      good: [
        { name: 'not set: TLS and in-cluster encryption by default', code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClusterName: events\n' },
        { name: 'TLS', code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      EncryptionInfo:\n        EncryptionInTransit:\n          ClientBroker: TLS\n          InCluster: true\n' },
      ],
      bad: [
        {
          name: 'TLS_PLAINTEXT and InCluster false',
          code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      EncryptionInfo:\n        EncryptionInTransit:\n          ClientBroker: ⟦TLS_PLAINTEXT⟧\n          InCluster: ⟦false⟧\n',
          expect: [{ message: ["ClientBroker is 'TLS_PLAINTEXT'"] }, { message: ['InCluster is false'] }],
        },
      ],
    },
    terraform: {
      good: [{ name: 'not set: TLS by default', code: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "events"\n}\n' }],
      bad: [
        {
          name: 'PLAINTEXT',
          code: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "events"\n  encryption_info {\n    encryption_in_transit {\n      client_broker = ⟦"PLAINTEXT"⟧\n    }\n  }\n}\n',
          expect: [{ message: ["encryption_info.encryption_in_transit.client_broker is 'PLAINTEXT'"] }],
        },
      ],
    },
  },
  {
    rule: 'msk-no-public-access',
    cloudformation: {
      good: [{ name: 'not set: DISABLED', code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClusterName: events\n' }],
      bad: [
        {
          name: 'SERVICE_PROVIDED_EIPS',
          code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      BrokerNodeGroupInfo:\n        ConnectivityInfo:\n          PublicAccess:\n            Type: ⟦SERVICE_PROVIDED_EIPS⟧\n',
          expect: [{ message: ["PublicAccess.Type is 'SERVICE_PROVIDED_EIPS'"] }],
        },
      ],
    },
    terraform: {
      good: [{ name: 'DISABLED', code: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "events"\n  broker_node_group_info {\n    connectivity_info {\n      public_access {\n        type = "DISABLED"\n      }\n    }\n  }\n}\n' }],
      bad: [
        {
          name: 'SERVICE_PROVIDED_EIPS',
          code: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "events"\n  broker_node_group_info {\n    connectivity_info {\n      public_access {\n        type = ⟦"SERVICE_PROVIDED_EIPS"⟧\n      }\n    }\n  }\n}\n',
          expect: [{ message: ["public_access.type is 'SERVICE_PROVIDED_EIPS'"] }],
        },
      ],
    },
  },
  {
    rule: 'msk-no-unauthenticated',
    cloudformation: {
      good: [
        { name: 'IAM authentication only', code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClientAuthentication:\n        Sasl:\n          Iam:\n            Enabled: true\n        Unauthenticated:\n          Enabled: false\n' },
        { name: 'IAM on, Unauthenticated not set: off', code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClientAuthentication:\n        Sasl:\n          Iam:\n            Enabled: true\n' },
      ],
      bad: [
        { name: 'unauthenticated allowed', code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClientAuthentication:\n        Unauthenticated:\n          Enabled: ⟦true⟧\n', expect: [{ message: ['Unauthenticated.Enabled is true'] }] },
        { name: 'no ClientAuthentication: clients connect unauthenticated', code: 'Resources:\n  ⟦Kafka⟧:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClusterName: events\n', expect: [{ message: ['no client authentication is on', 'clients connect without authenticating'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'IAM authentication only', code: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "events"\n  client_authentication {\n    unauthenticated = false\n    sasl {\n      iam = true\n    }\n  }\n}\n' },
        { name: 'a client_authentication block: the provider sends unauthenticated = false', code: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "events"\n  client_authentication {\n    sasl {\n      iam = true\n    }\n  }\n}\n' },
      ],
      bad: [
        { name: 'unauthenticated = true', code: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "events"\n  client_authentication {\n    unauthenticated = ⟦true⟧\n  }\n}\n', expect: [{ message: ['client_authentication.unauthenticated is true'] }] },
        { name: 'no client_authentication block', code: 'resource "aws_msk_cluster" ⟦"kafka"⟧ {\n  cluster_name = "events"\n}\n', expect: [{ message: ['no client_authentication block', 'clients connect without authenticating'] }] },
      ],
    },
  },
  {
    rule: 'mq-not-public',
    cloudformation: {
      good: [{ name: 'PubliclyAccessible false', code: 'Resources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      EngineType: ACTIVEMQ\n      PubliclyAccessible: false\n' }],
      bad: [{ name: 'PubliclyAccessible true', code: 'Resources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      EngineType: ACTIVEMQ\n      PubliclyAccessible: ⟦true⟧\n', expect: [{ severity: 'error', message: ['PubliclyAccessible is true'] }] }],
    },
    terraform: {
      good: [{ name: 'not set: the provider defaults publicly_accessible to false', code: 'resource "aws_mq_broker" "broker" {\n  broker_name = "orders"\n  engine_type = "ActiveMQ"\n}\n' }],
      bad: [{ name: 'publicly_accessible = true', code: 'resource "aws_mq_broker" "broker" {\n  broker_name         = "orders"\n  engine_type         = "ActiveMQ"\n  publicly_accessible = ⟦true⟧\n}\n', expect: [{ severity: 'error', message: ['publicly_accessible is true'] }] }],
    },
  },
  {
    rule: 'mq-audit-logs',
    cloudformation: {
      good: [
        { name: 'ActiveMQ with audit logs', code: 'Resources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      EngineType: ACTIVEMQ\n      Logs:\n        Audit: true\n' },
        { name: 'RabbitMQ has no audit log', code: 'Resources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      EngineType: RABBITMQ\n' },
      ],
      bad: [{ name: 'ActiveMQ without audit logs', code: 'Resources:\n  ⟦Broker⟧:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      EngineType: ACTIVEMQ\n', expect: [{ message: ['Logs.Audit is not set'] }] }],
    },
    terraform: {
      good: [
        { name: 'ActiveMQ with audit logs', code: 'resource "aws_mq_broker" "broker" {\n  broker_name = "orders"\n  engine_type = "ActiveMQ"\n  logs {\n    audit = true\n  }\n}\n' },
        { name: 'RabbitMQ has no audit log', code: 'resource "aws_mq_broker" "broker" {\n  broker_name = "orders"\n  engine_type = "RabbitMQ"\n}\n' },
      ],
      bad: [{ name: 'ActiveMQ, general logs only', code: 'resource "aws_mq_broker" "broker" {\n  broker_name = "orders"\n  engine_type = "ActiveMQ"\n  logs {\n    general = true\n    audit   = ⟦false⟧\n  }\n}\n', expect: [{ message: ['logs.audit is false'] }] }],
    },
  },
  {
    rule: 'mq-auto-minor',
    cloudformation: {
      good: [
        { name: 'not set: on by default', code: 'Resources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      EngineType: ACTIVEMQ\n      EngineVersion: "5.17.6"\n' },
        { name: 'ActiveMQ 5.18: AWS manages patch versions', code: 'Resources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      EngineType: ACTIVEMQ\n      EngineVersion: "5.18"\n      AutoMinorVersionUpgrade: false\n' },
      ],
      bad: [{ name: 'turned off', code: 'Resources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      EngineType: ACTIVEMQ\n      EngineVersion: "5.17.6"\n      AutoMinorVersionUpgrade: ⟦false⟧\n', expect: [{ message: ['AutoMinorVersionUpgrade is false'] }] }],
    },
    terraform: {
      good: [
        { name: 'on', code: 'resource "aws_mq_broker" "broker" {\n  broker_name                = "orders"\n  engine_type                = "ActiveMQ"\n  engine_version             = "5.17.6"\n  auto_minor_version_upgrade = true\n}\n' },
        { name: 'RabbitMQ 3.13: AWS manages patch versions', code: 'resource "aws_mq_broker" "broker" {\n  broker_name                = "orders"\n  engine_type                = "RabbitMQ"\n  engine_version             = "3.13"\n  auto_minor_version_upgrade = false\n}\n' },
      ],
      bad: [
        { name: 'turned off', code: 'resource "aws_mq_broker" "broker" {\n  broker_name                = "orders"\n  engine_type                = "ActiveMQ"\n  engine_version             = "5.17.6"\n  auto_minor_version_upgrade = ⟦false⟧\n}\n', expect: [{ message: ['auto_minor_version_upgrade is false'] }] },
        { name: 'not set: the provider sends false (unlike the API default)', code: 'resource "aws_mq_broker" ⟦"broker"⟧ {\n  broker_name    = "orders"\n  engine_type    = "ActiveMQ"\n  engine_version = "5.17.6"\n}\n', expect: [{ severity: 'warning', message: ['auto_minor_version_upgrade is not set', 'the provider defaults it to false'] }] },
      ],
    },
  },
  {
    rule: 'kinesis-stream-encryption',
    cloudformation: {
      good: [{ name: 'KMS', code: 'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: alias/aws/kinesis\n' }],
      bad: [{ name: 'no StreamEncryption', code: 'Resources:\n  ⟦Stream⟧:\n    Type: AWS::Kinesis::Stream\n', expect: [{ message: ['without StreamEncryption the records are stored unencrypted'] }] }],
    },
    terraform: {
      good: [{ name: 'KMS', code: 'resource "aws_kinesis_stream" "stream" {\n  name            = "events"\n  encryption_type = "KMS"\n  kms_key_id      = "alias/aws/kinesis"\n}\n' }],
      bad: [
        { name: 'not set: NONE', code: 'resource "aws_kinesis_stream" ⟦"stream"⟧ {\n  name = "events"\n}\n', expect: [{ message: ['encryption_type is not set', 'defaults it to "NONE"'] }] },
        { name: 'NONE', code: 'resource "aws_kinesis_stream" "stream" {\n  name            = "events"\n  encryption_type = ⟦"NONE"⟧\n}\n', expect: [{ message: ["encryption_type is 'NONE'"] }] },
      ],
    },
  },
  {
    rule: 'firehose-sse',
    cloudformation: {
      good: [
        { name: 'AWS owned key', code: 'Resources:\n  Delivery:\n    Type: AWS::KinesisFirehose::DeliveryStream\n    Properties:\n      DeliveryStreamType: DirectPut\n      DeliveryStreamEncryptionConfigurationInput:\n        KeyType: AWS_OWNED_CMK\n' },
        { name: 'a Kinesis source takes encryption from the stream', code: 'Resources:\n  Delivery:\n    Type: AWS::KinesisFirehose::DeliveryStream\n    Properties:\n      DeliveryStreamType: KinesisStreamAsSource\n' },
      ],
      bad: [{ name: 'Direct PUT without SSE', code: 'Resources:\n  ⟦Delivery⟧:\n    Type: AWS::KinesisFirehose::DeliveryStream\n    Properties:\n      DeliveryStreamType: DirectPut\n', expect: [{ message: ['without DeliveryStreamEncryptionConfigurationInput'] }] }],
    },
    terraform: {
      good: [
        { name: 'server_side_encryption enabled', code: 'resource "aws_kinesis_firehose_delivery_stream" "delivery" {\n  name        = "events"\n  destination = "extended_s3"\n  server_side_encryption {\n    enabled  = true\n    key_type = "AWS_OWNED_CMK"\n  }\n}\n' },
        { name: 'a Kinesis source takes encryption from the stream', code: 'resource "aws_kinesis_firehose_delivery_stream" "delivery" {\n  name        = "events"\n  destination = "extended_s3"\n  kinesis_source_configuration {\n    kinesis_stream_arn = "arn:aws:kinesis:eu-west-1:111122223333:stream/events"\n    role_arn           = "arn:aws:iam::111122223333:role/firehose"\n  }\n}\n' },
      ],
      bad: [
        { name: 'Direct PUT without server_side_encryption', code: 'resource "aws_kinesis_firehose_delivery_stream" ⟦"delivery"⟧ {\n  name        = "events"\n  destination = "extended_s3"\n}\n', expect: [{ message: ['without server_side_encryption { enabled = true }'] }] },
        { name: 'enabled = false', code: 'resource "aws_kinesis_firehose_delivery_stream" "delivery" {\n  name        = "events"\n  destination = "extended_s3"\n  server_side_encryption {\n    enabled = ⟦false⟧\n  }\n}\n', expect: [{ message: ['server_side_encryption.enabled is false'] }] },
      ],
    },
  },
  {
    rule: 'athena-workgroup-encryption',
    cloudformation: {
      good: [{ name: 'SSE_KMS', code: 'Resources:\n  Group:\n    Type: AWS::Athena::WorkGroup\n    Properties:\n      Name: analysts\n      WorkGroupConfiguration:\n        EnforceWorkGroupConfiguration: true\n        ResultConfiguration:\n          EncryptionConfiguration:\n            EncryptionOption: SSE_KMS\n            KmsKey: alias/athena\n' }],
      bad: [{ name: 'not set (a hint: S3 still encrypts with SSE-S3)', code: 'Resources:\n  ⟦Group⟧:\n    Type: AWS::Athena::WorkGroup\n    Properties:\n      Name: analysts\n', expect: [{ severity: 'info', message: ['EncryptionOption is not set'] }] }],
    },
    terraform: {
      good: [{ name: 'SSE_S3', code: 'resource "aws_athena_workgroup" "group" {\n  name = "analysts"\n  configuration {\n    enforce_workgroup_configuration = true\n    result_configuration {\n      encryption_configuration {\n        encryption_option = "SSE_S3"\n      }\n    }\n  }\n}\n' }],
      bad: [{ name: 'not set', code: 'resource "aws_athena_workgroup" ⟦"group"⟧ {\n  name = "analysts"\n}\n', expect: [{ severity: 'info', message: ['encryption_option is not set'] }] }],
    },
  },
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [];
