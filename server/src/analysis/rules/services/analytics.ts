// Setting rules for analytics services. Each entry names a knowledge-base setting and says how to judge it.
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import { mapEntry } from '../../cloudformation/template';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import { checkSetting, notForEngines, singleString, isTrue, judgeSetting, settingRule, tfString, withTerraformCheck, withTerraformDefaultDetail, writtenAt } from '../support';
import type { RuleOutcome, Rule, SettingCheck } from '../support';
import type { OffsetRange } from '../../types';

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
      // PubliclyAccessible: "Update requires: Replacement" (publicly_accessible forces a new broker).
      fixSafety: 'replaces',
    },
    // CloudFormation requires PubliclyAccessible; the provider makes it optional with default false.
    terraform: { absent: 'compliant' },
  });
  // The absent case would otherwise repeat the CloudFormation knowledge text ("PubliclyAccessible is required").
  return withTerraformDefaultDetail(base, 'publicly_accessible is not set: the provider defaults it to false (no public endpoint).');
}

const MSK_CONSEQUENCE = 'clients connect without authenticating, so anyone who reaches the brokers can produce and consume. Turn on IAM, SASL/SCRAM or mutual TLS client authentication.';

/**
 * MSK unauthenticated access. An explicit Unauthenticated setting decides; without it, access is unauthenticated
 * unless a client authentication scheme is on: a cluster created with no ClientAuthentication has no other way
 * in (the MSK developer guide's security settings table lists "Unauthenticated" as the mode with no client
 * authentication; AWS::MSK::Cluster ClientAuthentication: with Sasl and TLS_PLAINTEXT "you must also set
 * unauthenticated to true"). Terraform: the provider sends Unauthenticated.Enabled = false whenever a
 * client_authentication block is written (expandClientAuthentication reads the unset bool as false), and
 * nothing at all without the block.
 */
function mskNoUnauthenticated(base: Rule): Rule {
  // Whether a setting is written: addressed when it is in every deployment, a finding when in none, depends between.
  const presence = (path: readonly string[]): SettingCheck => ({ path, isCompliant: () => true, presenceIsEnough: true, absent: { kind: 'missed', message: '' }, consequence: '' });
  const gaps = (outcomes: readonly RuleOutcome[]) => outcomes.some((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends' || outcome.kind === 'unknown');
  /** `written`: the presence of the setting that decides; `absent`: the verdict where it is not written. */
  const decide = (outcomes: RuleOutcome[], written: readonly RuleOutcome[], absent: () => RuleOutcome[]): RuleOutcome[] => {
    if (gaps(outcomes) || written.every((outcome) => outcome.kind === 'addressed')) return outcomes;
    const verdict = absent();
    if (written.some((outcome) => outcome.kind === 'finding')) return verdict;
    // Written in some deployments only: a gap where it is not holds for those deployments only.
    return verdict.map((outcome) => (outcome.kind === 'finding' ? { kind: 'depends', message: `Depends on the deployment: ${outcome.message}`, range: outcome.range } : outcome));
  };
  return {
    ...base,
    cloudformation: {
      check(resource, context) {
        return decide(base.cloudformation?.check(resource, context) ?? [], checkSetting(resource, context, presence(['ClientAuthentication', 'Unauthenticated', 'Enabled'])), () => {
          const schemes = [['Sasl', 'Iam', 'Enabled'], ['Sasl', 'Scram', 'Enabled'], ['Tls', 'Enabled']].map((path) => checkSetting(resource, context, {
            path: ['ClientAuthentication', ...path], isCompliant: isTrue, absent: { kind: 'missed', message: '' }, consequence: '',
          }));
          return noSchemeOutcome(schemes, resource.idRange);
        });
      },
    },
    terraform: {
      check(resource, context) {
        const outcomes = (base.terraform?.check(resource, context) ?? []).map((outcome): RuleOutcome => ((outcome.kind === 'addressed' && outcome.range === undefined) || outcome.kind === 'aws-default'
          ? { kind: 'addressed', detail: 'client_authentication.unauthenticated is not set: with a client_authentication block the provider sends false, so unauthenticated access is off.' }
          : outcome));
        return decide(outcomes, judgeSetting(resource.body, resource.anchor, context.resolver, presence(['client_authentication'])), () => [
          { kind: 'finding', message: `no client_authentication block, so the cluster has no client authentication: ${MSK_CONSEQUENCE}`, range: resource.anchor },
        ]);
      },
    },
  };
}

/** No Unauthenticated setting: addressed when a scheme is on, else a finding (depends / unknown when that is not certain). */
function noSchemeOutcome(schemes: readonly RuleOutcome[][], anchor: OffsetRange): RuleOutcome[] {
  const where = 'ClientAuthentication Sasl Iam or Scram, or Tls';
  const onDetail = 'Unauthenticated is not set and a client authentication scheme is on: unauthenticated access stays off.';
  const all = schemes.flat();
  if (schemes.some((outcomes) => outcomes.every((outcome) => outcome.kind === 'addressed'))) return [{ kind: 'addressed', detail: onDetail }];
  const unknown = all.find((outcome) => outcome.kind === 'unknown');
  if (unknown) return [unknown];
  const message = `no client authentication is on (${where} not set or false) and Unauthenticated is not set, so ${MSK_CONSEQUENCE}`;
  if (all.some((outcome) => outcome.kind === 'addressed' || outcome.kind === 'depends')) return [{ kind: 'depends', message: `Depends on the deployment: ${message}`, range: anchor }];
  return [{ kind: 'finding', message, range: anchor }];
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
      // Enabling encryption at rest on an existing domain is refused on older engine versions and may replace the domain.
      fixSafety: 'replaces',
    },
  }),
  settingRule({
    setting: 'opensearch-node-to-node',
    cloudformation: {
      types: DOMAINS,
      compliant: { equals: true },
      consequence: 'traffic between the nodes of the domain is not encrypted.',
      fix: true,
      // Enabling node-to-node encryption on an existing domain is refused on older engine versions and may replace the domain.
      fixSafety: 'replaces',
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
  withTerraformDefaultDetail(settingRule({
    setting: 'msk-no-public-access',
    cloudformation: {
      compliant: { equals: 'DISABLED' },
      consequence: 'the brokers get public addresses and can be reached from the internet.',
      fix: 'DISABLED',
    },
    // connectivity_info.public_access.type takes the API's spelling: "DISABLED" or "SERVICE_PROVIDED_EIPS".
    terraform: { compliant: { equals: 'DISABLED' } },
  }), 'broker_node_group_info.connectivity_info.public_access.type is not set: public access stays "DISABLED".'),
  mskNoUnauthenticated(settingRule({
    setting: 'msk-no-unauthenticated',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'clients may connect without authenticating, so anyone who reaches the brokers can produce and consume.',
      fix: false,
    },
  })),
  // --- Amazon MQ
  mqNotPublic(),
  // RabbitMQ brokers have no audit log: with an engine type that cannot be known, a gap cannot be checked.
  notForEngines(settingRule({
    setting: 'mq-audit-logs',
    cloudformation: {
      compliant: { equals: true },
      fix: true,
      consequence: 'management actions on the broker leave no audit trail in CloudWatch.',
      skip: (resource, context) => (mqEngine(resource, context) === 'rabbitmq' ? 'RabbitMQ brokers have no audit log (ActiveMQ only).' : undefined),
    },
    terraform: {
      skip: (resource, context) => (tfString(resource, context, ['engine_type']) === 'rabbitmq' ? 'RabbitMQ brokers have no audit log (ActiveMQ only).' : undefined),
    },
  }), (engine) => engine === 'rabbitmq', { cloudformation: 'EngineType', terraform: 'engine_type' }),
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
      fix: 'SSE_S3',
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
