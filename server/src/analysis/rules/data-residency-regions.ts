// Data residency: where a template or module places or copies data in other Regions. Information, not a gap:
// which Regions may hold the data is the customer's decision. CloudFormation: DynamoDB global table replicas,
// Backup plan copy actions (the Region is the 4th field of the destination vault ARN), S3 replication
// destinations. Terraform: the same (aws_dynamodb_table replica blocks, aws_backup_plan copy_action, S3
// replication configurations), the per-resource `region` argument of AWS provider 6, and an aliased provider
// whose Region differs from the default provider's.
import { getItem } from '../knowledge';
import { strings, docsUrl, references } from './support';
import type { PolicyResolver, RuleOutcome, Rule } from './support';
import type { TfRuleContext } from '../terraform/context';
import type { TfResource } from '../terraform/module';
import type { AnalysisSettings } from '../api';
import type { OffsetRange, ValueNode } from '../types';

const id = 'data-residency-regions';
const ADVICE = 'make sure each Region is allowed for this data.';

/** Data-holding Terraform types checked for a `region` argument or an aliased provider. */
const PLACED_TYPES = ['aws_s3_bucket', 'aws_db_instance', 'aws_rds_cluster', 'aws_backup_vault', 'aws_efs_file_system', 'aws_ebs_volume', 'aws_kinesis_stream', 'aws_sqs_queue', 'aws_sns_topic'];

export const dataResidencyRegions: Rule = {
  meta: {
    id,
    item: 'data-residency',
    title: 'Know the Regions your data is copied to',
    severity: 'info',
    rationale: getItem('data-residency')?.why ?? 'AWS keeps content in the Regions the customer chooses; choosing them is the customer\'s side of the model.',
    awsDefault: { summary: 'AWS does not move content out of the Region where the customer stores it.' },
    references: references({ checkov: [], fsbp: [], trivy: [], cfnNag: [] }),
    docsUrl: docsUrl(id),
    resourceTypes: {
      cloudformation: ['AWS::DynamoDB::GlobalTable', 'AWS::Backup::BackupPlan', 'AWS::S3::Bucket'],
      terraform: ['aws_dynamodb_table', 'aws_backup_plan', 'aws_s3_bucket_replication_configuration', ...PLACED_TYPES],
    },
    settings: ['dynamodb-replica-regions', 's3-replication-destination', 'tf-region-pinning'],
  },
  cloudformation: {
    check(resource, context) {
      const resolver = context.resolver;
      if (resource.type === 'AWS::DynamoDB::GlobalTable') {
        return placed('table data is replicated to', regions(resolver.lookup(resource.properties, ['Replicas', '[]', 'Region']), resolver, (value) => value), 'The global table has no replicas.', context.settings);
      }
      if (resource.type === 'AWS::Backup::BackupPlan') {
        return placed('backups are copied to', regions(resolver.lookup(resource.properties, ['BackupPlan', 'BackupPlanRule', '[]', 'CopyActions', '[]', 'DestinationBackupVaultArn']), resolver, arnRegion), 'No copy action sends backups to another Region.', context.settings);
      }
      return placed('objects are replicated to', regions(resolver.lookup(resource.properties, ['ReplicationConfiguration', 'Rules', '[]', 'Destination', 'Bucket']), resolver, bucketName), 'The bucket is not replicated.', context.settings);
    },
  },
  terraform: {
    check(resource, context) {
      const resolver = context.resolver;
      switch (resource.type) {
        case 'aws_dynamodb_table':
          return placed('table data is replicated to', regions(resolver.lookup(resource.body, ['replica', '[]', 'region_name']), resolver, (value) => value), 'The table has no replicas.', context.settings, providerPlacement(resource, context));
        case 'aws_backup_plan':
          return placed('backups are copied to', regions(resolver.lookup(resource.body, ['rule', '[]', 'copy_action', '[]', 'destination_vault_arn']), resolver, arnRegion), 'No copy action sends backups to another Region.', context.settings);
        case 'aws_s3_bucket_replication_configuration':
          return placed('objects are replicated to', regions(resolver.lookup(resource.body, ['rule', '[]', 'destination', '[]', 'bucket']), resolver, bucketName), 'No replication destination.', context.settings);
        default:
          return providerPlacement(resource, context) ?? [{ kind: 'not-applicable', detail: 'The resource is placed in the provider\'s Region.' }];
      }
    },
  },
};

interface Place {
  readonly text: string;
  readonly range: OffsetRange;
  /** The Region itself, when the value names one. */
  readonly region?: string;
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

function regions(candidates: readonly { node: ValueNode | undefined; via: readonly string[] }[], resolver: PolicyResolver, name: (value: string) => string | undefined): Place[] {
  const places: Place[] = [];
  for (const candidate of candidates) {
    if (!candidate.node) continue;
    for (const value of strings(candidate.node, resolver, candidate.via)) {
      const text = value.value !== undefined ? name(value.value) : undefined;
      places.push({ text: text ?? `a Region decided at deployment (${value.text})`, range: value.range, ...(text && REGION.test(text) ? { region: text } : {}) });
    }
  }
  return places;
}

/** The Region field of an ARN (`arn:aws:backup:eu-west-1:111122223333:backup-vault:v`). */
function arnRegion(arn: string): string | undefined {
  const region = arn.split(':')[3];
  return region ? region : undefined;
}

/** S3 bucket ARNs carry no Region: name the bucket. */
function bucketName(arn: string): string {
  return `bucket ${arn.replace(/^arn:[^:]+:s3:::/, '')} (its Region is not in the ARN)`;
}

/**
 * Where data goes. With allowed Regions configured, a Region outside them is a missed duty (a finding on it)
 * and known Regions inside them are addressed; otherwise, or for Regions decided at deployment, it is said as
 * information ("depends").
 */
function placed(what: string, places: readonly Place[], none: string, settings: AnalysisSettings, extra?: RuleOutcome[], how = ''): RuleOutcome[] {
  if (places.length === 0) return extra ?? [{ kind: 'not-applicable', detail: none }];
  const allowed = settings.allowedRegions ?? [];
  if (allowed.length > 0) {
    const outside = places.filter((place) => place.region !== undefined && !allowed.includes(place.region));
    if (outside.length > 0) {
      return [...outside.map((place): RuleOutcome => ({
        kind: 'finding',
        severity: 'warning',
        message: `${what} ${place.region}${how}, which is not among the allowed Regions (${allowed.join(', ')}): the data leaves the places it may be stored.`,
        range: place.range,
      })), ...(extra ?? [])];
    }
    if (places.every((place) => place.region !== undefined)) {
      return [{ kind: 'addressed', detail: `${what} ${listOf(places)}${how}, all among the allowed Regions.` }, ...(extra ?? [])];
    }
  }
  return [{ kind: 'depends', message: `${what} ${listOf(places)}${how}: ${ADVICE}`, range: places[0].range }, ...(extra ?? [])];
}

function listOf(places: readonly Place[]): string {
  const names = [...new Set(places.map((place) => place.text))];
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A provider-6 `region` argument, or an aliased provider with a known Region other than the default provider's. */
function providerPlacement(resource: TfResource, context: TfRuleContext): RuleOutcome[] | undefined {
  const resolver = context.resolver;
  const own = resource.body.entries.find((entry) => entry.key === 'region')?.value;
  if (own) {
    return placed(`${resource.address} is placed in`, regions([{ node: own, via: [] }], resolver, (value) => value), 'No region argument.', context.settings, undefined, ' (region argument)');
  }
  if (!resource.provider?.startsWith('aws.')) return undefined;
  const alias = resource.provider.slice(4);
  const aliased = context.module.providers.find((provider) => provider.name === 'aws' && provider.alias === alias);
  const base = context.module.providers.find((provider) => provider.name === 'aws' && provider.alias === undefined);
  const regionOf = (expression: typeof aliased extends undefined ? never : NonNullable<typeof aliased>['region']) => {
    if (!expression) return undefined;
    const values = resolver.scalars({ kind: 'expression', expression, range: expression.range });
    return values.length === 1 && values[0].known ? String(values[0].value) : undefined;
  };
  const region = regionOf(aliased?.region);
  if (!region || region === regionOf(base?.region)) return undefined;
  const range = resource.block.body.attributes.find((attribute) => attribute.name === 'provider')?.expression.range ?? resource.anchor;
  return placed(`${resource.address} is placed in`, [{ text: region, range, ...(REGION.test(region) ? { region } : {}) }], 'No aliased provider Region.', context.settings, undefined, ` through provider aws.${alias}`);
}
