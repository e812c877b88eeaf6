// Rules for security and audit services and for policies across services: IAM identity and trust policies,
// resource policies (bucket, queue, topic, key, Lambda permissions and URLs), CloudTrail, GuardDuty and Config.
import { mapEntry } from '../../cloudformation/template';
import { settingRule, terraformAbsentDetail } from '../support';
import type { Rule } from '../support';

export const SECURITY_RULES: readonly Rule[] = [
  // IAM
  // Resource policies
  // CloudTrail
  settingRule({
    setting: 'cloudtrail-multi-region',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'activity in the other Regions leaves no trail, and an attacker can work where nobody looks.',
      fix: true,
    },
  }),
  settingRule({
    setting: 'cloudtrail-kms',
    cloudformation: {
      compliant: { present: true },
      fixParameter: { name: 'TrailKmsKeyArn', description: 'ARN of the customer managed KMS key that encrypts the trail log files (its policy must let CloudTrail use it).' },
      consequence: 'log files are encrypted with S3-managed keys only, so anyone who can read the bucket can read the account\'s activity.',
      whenMissing: 'log files are encrypted with S3-managed keys only, so anyone who can read the bucket can read the account\'s activity; set a KMS key.',
    },
  }),
  settingRule({
    setting: 'cloudtrail-log-validation',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'no digest files are written, so nobody can prove the log files were not changed or deleted.',
      fix: true,
    },
  }),
  settingRule({
    setting: 'cloudtrail-cloudwatch',
    cloudformation: {
      compliant: { present: true },
      consequence: 'events are not sent to CloudWatch Logs, so no metric filter or alarm can react to them.',
    },
  }),
  // AWS provider docs: enable_logging "Defaults to true"; aws_guardduty_detector enable "Defaults to true".
  terraformAbsentDetail(settingRule({
    setting: 'cloudtrail-logging-on',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'the trail records nothing: account activity leaves no trail for investigations.',
      fix: true,
    },
    terraform: { absent: 'compliant' },
  }), 'enable_logging is not set: the AWS provider defaults it to true, so the trail logs.'),
  // Account detection
  terraformAbsentDetail(settingRule({
    setting: 'guardduty-enabled',
    cloudformation: {
      compliant: { equals: true },
      consequence: 'the detector is off, so threats in the account go unnoticed.',
      fix: true,
    },
    terraform: { absent: 'compliant' },
  }), 'enable is not set: the AWS provider defaults it to true, so the detector is on.'),
  terraformAbsentDetail(settingRule({
    setting: 'config-recorder-all',
    cloudformation: {
      compliant: { equals: true },
      fix: true,
      consequence: 'only the listed resource types are recorded; changes to the others leave no configuration history.',
      whenMissing: 'the recording group does not record all supported resource types; changes to the others leave no configuration history.',
      // The PutConfigurationRecorder API records all supported types when no recording group is given, and the
      // RecordingStrategy ALL_SUPPORTED_RESOURCE_TYPES says the same as AllSupported: true.
      skip: (resource, context) => {
        const group = mapEntry(resource.properties, 'RecordingGroup');
        if (!group) return 'Without a RecordingGroup, AWS Config records all supported resource types.';
        const strategy = context.resolver.lookup(group, ['RecordingStrategy', 'UseOnly'])
          .flatMap((candidate) => (candidate.node ? context.resolver.scalars(candidate.node) : []));
        if (strategy.some((value) => value.known && value.value === 'ALL_SUPPORTED_RESOURCE_TYPES')) {
          return 'RecordingStrategy UseOnly ALL_SUPPORTED_RESOURCE_TYPES records all supported resource types.';
        }
        return undefined;
      },
    },
    terraform: {
      // AWS provider docs: recording_group.all_supported "Defaults to true"; no recording_group records all types.
      absent: 'compliant',
      skip: (resource, context) => {
        const groups = context.resolver.lookup(resource.body, ['recording_group']);
        if (groups.every((group) => group.node === undefined)) return 'Without a recording_group, AWS Config records all supported resource types.';
        const strategy = context.resolver.lookup(resource.body, ['recording_group', 'recording_strategy', 'use_only'])
          .flatMap((candidate) => (candidate.node ? context.resolver.scalars(candidate.node) : []));
        if (strategy.some((value) => value.known && value.value === 'ALL_SUPPORTED_RESOURCE_TYPES')) {
          return 'recording_strategy use_only ALL_SUPPORTED_RESOURCE_TYPES records all supported resource types.';
        }
        return undefined;
      },
    },
  }), 'recording_group.all_supported is not set: the AWS provider defaults it to true.'),
];
