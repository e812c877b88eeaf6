// A queue is encrypted either by SQS-managed keys (SqsManagedSseEnabled, on by default) or by a KMS key
// (KmsMasterKeyId): only an explicit SqsManagedSseEnabled false without a KMS key leaves it unencrypted.
import { mapEntry } from '../cloudformation/model';
import type { Rule } from './rule';
import { checkSetting, isTrue } from './setting';
import { settingRule } from './settingRule';

const base = settingRule({
  setting: 'sqs-encryption',
  cloudformation: { compliant: { equals: true }, consequence: 'messages are stored unencrypted.' },
});

export const sqsEncryption: Rule = {
  ...base,
  cloudformation: {
    check(resource, context) {
      if (mapEntry(resource.properties, 'KmsMasterKeyId')) {
        return [{ kind: 'addressed', detail: 'Messages are encrypted with the KMS key in KmsMasterKeyId.' }];
      }
      return checkSetting(resource, context, {
        path: ['SqsManagedSseEnabled'],
        isCompliant: isTrue,
        absent: { kind: 'aws-default', detail: 'New queues are encrypted with SQS-owned keys (SSE-SQS) when SqsManagedSseEnabled is not set.' },
        consequence: 'without a KmsMasterKeyId the queue stores messages unencrypted.',
        fixId: 'set-SqsManagedSseEnabled',
      });
    },
  },
  fixes: { 'set-SqsManagedSseEnabled': { title: 'Set SqsManagedSseEnabled: true', path: ['SqsManagedSseEnabled'], value: true } },
};
