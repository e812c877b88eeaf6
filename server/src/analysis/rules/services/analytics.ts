// Setting rules for analytics services. Each entry names a knowledge-base setting and says how to judge it.
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import { mapEntry } from '../../cloudformation/template';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import { singleString, isTrue, judgeSetting, settingRule, tfString, withTerraformCheck, withTerraformDefaultDetail, writtenAt } from '../support';
import type { RuleOutcome, Rule } from '../support';

const DOMAINS = ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'];

function mqEngine(resource: CfnResource, context: CfnRuleContext): string | undefined {
  return singleString(mapEntry(resource.properties, 'EngineType'), context);
}

/** ActiveMQ 5.18+ and RabbitMQ 3.13+ brokers must have automatic minor upgrades on; AWS manages their patch versions. */
function managedVersion(resource: CfnResource, context: CfnRuleContext): boolean {
  return isManagedVersion(mqEngine(resource, context), singleString(mapEntry(resource.properties, 'EngineVersion'), context));
}

function tfManagedVersion(resource: TfResource, context: TfRuleContext): boolean {
  return isManagedVersion(tfString(resource, context, ['engine_type']), tfString(resource, context, ['engine_version']));
}

/** `engine` in lower case (CloudFormation ACTIVEMQ, Terraform ActiveMQ). */
function isManagedVersion(engine: string | undefined, version: string | undefined): boolean {
  const match = version ? /^(\d+)\.(\d+)/.exec(version) : null;
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (engine === 'rabbitmq') return major > 3 || (major === 3 && minor >= 13);
  if (engine === 'activemq') return major > 5 || (major === 5 && minor >= 18);
  return false;
}

/**
 * Terraform audit logs: one of the repeated log_publishing_options blocks with log_type "AUDIT_LOGS" and
 * `enabled` not false (it defaults to true).
 */
function tfAuditLogs(resource: TfResource, context: TfRuleContext): RuleOutcome[] {
  const blocks = writtenAt(resource.body, ['log_publishing_options']).flatMap((node) => (node.kind === 'seq' ? [...node.items] : [node]));
  const consequence = 'who read or changed which index leaves no audit trail.';
  let unknown: RuleOutcome | undefined;
  for (const block of blocks) {
    const type = judgeSetting(block, resource.anchor, context.resolver, {
      path: ['log_type'], isCompliant: (value) => String(value) === 'AUDIT_LOGS', absent: { kind: 'missed', message: '' }, consequence: '', displayName: 'log_publishing_options.log_type',
    });
    if (type.some((outcome) => outcome.kind === 'unknown')) {
      unknown ??= type.find((outcome) => outcome.kind === 'unknown');
      continue;
    }
    if (!type.every((outcome) => outcome.kind === 'addressed')) continue;
    return judgeSetting(block, resource.anchor, context.resolver, {
      path: ['enabled'], isCompliant: isTrue, consequence, displayName: 'log_publishing_options (AUDIT_LOGS) enabled',
      absent: { kind: 'compliant', detail: 'A log_publishing_options block publishes AUDIT_LOGS (enabled defaults to true).' },
    });
  }
  if (unknown) return [unknown];
  return [{ kind: 'finding', message: 'no log_publishing_options block with log_type = "AUDIT_LOGS": who read or changed which index leaves no audit trail.', range: resource.anchor }];
}

function mqNotPublic(): Rule {
  const base = settingRule({
    setting: 'mq-not-public',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'the broker gets a public endpoint and can be reached from the internet.',
      fix: false,
    },
    // CloudFormation requires PubliclyAccessible; the provider makes it optional with default false.
    terraform: { absent: 'compliant' },
  });
  // The absent case would otherwise repeat the CloudFormation knowledge text ("PubliclyAccessible is required").
  return withTerraformDefaultDetail(base, 'publicly_accessible is not set: the provider defaults it to false (no public endpoint).');
}

export const ANALYTICS_RULES: readonly Rule[] = [
  // --- OpenSearch / Elasticsearch domains
  settingRule({
    setting: 'opensearch-at-rest',
    cloudformation: {
      types: DOMAINS,
      compliant: { equals: true },
      consequence: 'indices, logs and automated snapshots are stored unencrypted.',
      fix: true,
    },
  }),
  settingRule({
    setting: 'opensearch-node-to-node',
    cloudformation: {
      types: DOMAINS,
      compliant: { equals: true },
      consequence: 'traffic between the nodes of the domain is not encrypted.',
      fix: true,
    },
  }),
  settingRule({
    setting: 'opensearch-in-vpc',
    cloudformation: {
      types: DOMAINS,
      path: 'VPCOptions',
      compliant: { present: true },
      consequence: 'the domain has a public endpoint, guarded only by its access policy.',
      whenMissing: 'without VPCOptions the domain gets a public endpoint, guarded only by its access policy.',
    },
    terraform: {
      consequence: 'the domain has a public endpoint, guarded only by its access policy.',
      whenMissing: 'without a vpc_options block the domain gets a public endpoint, guarded only by its access policy.',
    },
  }),
  settingRule({
    setting: 'opensearch-fgac',
    cloudformation: {
      types: DOMAINS,
      compliant: { equals: true },
      consequence: 'anyone the access policy lets in can read and write every index; there are no per-index or per-document permissions.',
    },
  }),
  withTerraformCheck(settingRule({
    setting: 'opensearch-audit-logs',
    cloudformation: {
      types: DOMAINS,
      path: 'LogPublishingOptions.AUDIT_LOGS.Enabled',
      compliant: { equals: true },
      consequence: 'who read or changed which index leaves no audit trail.',
      whenMissing: 'audit logs (LogPublishingOptions AUDIT_LOGS) are not published, so who read or changed which index leaves no trail.',
    },
    // tfAuditLogs replaces the shared reading (a log_publishing_options block per log_type); these words match it.
    terraform: {
      consequence: 'who read or changed which index leaves no audit trail.',
      whenMissing: 'no log_publishing_options block with log_type = "AUDIT_LOGS", so who read or changed which index leaves no trail.',
    },
  }), tfAuditLogs),
  settingRule({
    setting: 'opensearch-software-update',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'service software updates with security fixes wait until someone applies them.',
      fix: true,
    },
  }),
  // --- MSK
  settingRule({
    setting: 'msk-no-public-access',
    cloudformation: {
      compliant: { equals: 'DISABLED' },
      consequence: 'the brokers get public addresses and can be reached from the internet.',
      fix: 'DISABLED',
    },
    // connectivity_info.public_access.type takes the API's spelling: "DISABLED" or "SERVICE_PROVIDED_EIPS".
    terraform: { compliant: { equals: 'DISABLED' } },
  }),
  withTerraformDefaultDetail(settingRule({
    setting: 'msk-no-unauthenticated',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'clients may connect without authenticating, so anyone who reaches the brokers can produce and consume.',
      fix: false,
    },
  }), 'client_authentication.unauthenticated is not set: unauthenticated access stays off.'),
  // --- Amazon MQ
  mqNotPublic(),
  settingRule({
    setting: 'mq-audit-logs',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'management actions on the broker leave no audit trail in CloudWatch.',
      skip: (resource, context) => (mqEngine(resource, context) === 'rabbitmq' ? 'RabbitMQ brokers have no audit log (ActiveMQ only).' : undefined),
    },
    terraform: {
      skip: (resource, context) => (tfString(resource, context, ['engine_type']) === 'rabbitmq' ? 'RabbitMQ brokers have no audit log (ActiveMQ only).' : undefined),
    },
  }),
  settingRule({
    setting: 'mq-auto-minor',
    cloudformation: {
      compliant: { equals: true },
      // The Amazon MQ API documents AutoMinorVersionUpgrade as "Set to true by default, if no value is specified",
      // unlike the knowledge base's "off unless set".
      absent: 'aws-default',
      consequence: 'engine security fixes are not applied in the maintenance window.',
      skip: (resource, context) => (managedVersion(resource, context) ? 'AWS manages patch versions of ActiveMQ 5.18+ and RabbitMQ 3.13+ brokers.' : undefined),
      fix: true,
    },
    // Unlike the API, the provider has its own default: auto_minor_version_upgrade defaults to false and is sent
    // to CreateBroker (terraform-provider-aws internal/service/mq/broker.go), so leaving it out turns upgrades off.
    terraform: {
      absent: 'missed',
      whenMissing: 'the provider defaults it to false and sends that to Amazon MQ, so engine security fixes are not applied in the maintenance window.',
      skip: (resource, context) => (tfManagedVersion(resource, context) ? 'AWS manages patch versions of ActiveMQ 5.18+ and RabbitMQ 3.13+ brokers.' : undefined),
    },
  }),
  // --- Kinesis Data Streams
  settingRule({
    setting: 'kinesis-stream-encryption',
    cloudformation: {
      compliant: { equals: 'KMS' },
      consequence: 'records are stored unencrypted in the stream.',
      whenMissing: 'without StreamEncryption the records are stored unencrypted in the stream.',
      fix: 'KMS',
    },
    // encryption_type takes "NONE" or "KMS" (the API's spelling) and defaults to "NONE".
    terraform: {
      compliant: { equals: 'KMS' },
      consequence: 'records are stored unencrypted in the stream.',
      whenMissing: 'the provider defaults it to "NONE", so the records are stored unencrypted in the stream.',
    },
  }),
  // --- Kinesis Data Firehose
  settingRule({
    setting: 'firehose-sse',
    cloudformation: {
      compliant: { oneOf: ['AWS_OWNED_CMK', 'CUSTOMER_MANAGED_CMK'] },
      consequence: 'records buffered by the delivery stream are not encrypted with SSE.',
      whenMissing: 'without DeliveryStreamEncryptionConfigurationInput the records buffered by a Direct PUT stream are not encrypted with SSE.',
      skip: (resource, context) => {
        const kind = singleString(mapEntry(resource.properties, 'DeliveryStreamType'), context);
        return kind && kind !== 'directput' ? `A ${kind} stream takes encryption from its source; SSE applies to Direct PUT streams.` : undefined;
      },
      fix: 'AWS_OWNED_CMK',
    },
    // The provider writes server_side_encryption { enabled = true, key_type = ... }; a stream with a Kinesis or
    // MSK source takes its encryption from the source.
    terraform: {
      compliant: { satisfies: isTrue, describe: 'server_side_encryption.enabled = true' },
      consequence: 'records buffered by the delivery stream are not encrypted with SSE.',
      whenMissing: 'without server_side_encryption { enabled = true } the records buffered by a Direct PUT stream are not encrypted with SSE.',
      skip: (resource) => {
        const source = ['kinesis_source_configuration', 'msk_source_configuration'].find((block) => writtenAt(resource.body, [block]).length > 0);
        return source ? `A stream with ${source} takes encryption from its source; SSE applies to Direct PUT streams.` : undefined;
      },
      fix: true,
    },
  }),
  // --- Athena
  settingRule({
    setting: 'athena-workgroup-encryption',
    cloudformation: {
      compliant: { oneOf: ['SSE_S3', 'SSE_KMS', 'CSE_KMS'] },
      consequence: 'query results are written to S3 without encryption enforced by the workgroup.',
      whenMissing: 'the workgroup does not enforce encryption of query results; they rely on the output bucket\'s own encryption.',
      // S3 encrypts every new object with SSE-S3 by default (since 2023-01-05), so an absent setting is a weaker
      // guarantee rather than plaintext results: information only.
      missingSeverity: 'info',
    },
    // encryption_configuration.encryption_option takes the API's spelling: SSE_S3, SSE_KMS or CSE_KMS.
    terraform: {
      compliant: { oneOf: ['SSE_S3', 'SSE_KMS', 'CSE_KMS'] },
      whenMissing: 'the workgroup does not enforce encryption of query results (no encryption_configuration); they rely on the output bucket\'s own encryption.',
    },
  }),
];
