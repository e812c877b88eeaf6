// A queue is encrypted either by SQS-managed keys (SqsManagedSseEnabled / sqs_managed_sse_enabled, on by default
// for new queues) or by a KMS key (KmsMasterKeyId / kms_master_key_id: setting it turns SSE-KMS on, SQS developer
// guide "Encryption at rest"): only an explicit false without a KMS key leaves the queue unencrypted.
import type { Candidate, ValueResolver } from '../resolution';
import type { OffsetRange, ValueNode } from '../types';
import { isTrue, judgeSetting, settingRule } from './support';
import type { RuleOutcome, Rule } from './support';

const base = settingRule({
  setting: 'sqs-encryption',
  cloudformation: { compliant: { equals: true }, consequence: 'messages are stored unencrypted.' },
});

const FIX_ID = 'set-SqsManagedSseEnabled';
const DEFAULT_DETAIL = 'New queues are encrypted with SQS-owned keys (SSE-SQS) when the SQS-managed encryption setting is not given.';

interface Names { readonly key: string; readonly sse: string }
const CFN: Names = { key: 'KmsMasterKeyId', sse: 'SqsManagedSseEnabled' };
const TF: Names = { key: 'kms_master_key_id', sse: 'sqs_managed_sse_enabled' };

export const sqsEncryption: Rule = {
  ...base,
  cloudformation: { check: (resource, context) => judgeQueue(resource.properties, resource.idRange, context.resolver, CFN) },
  terraform: { check: (resource, context) => judgeQueue(resource.body, resource.anchor, context.resolver, TF) },
  fixes: {
    [FIX_ID]: {
      title: 'Set SqsManagedSseEnabled: true',
      path: ['SqsManagedSseEnabled'],
      value: true,
      safety: 'safe',
      terraform: { title: 'Set sqs_managed_sse_enabled = true', path: ['sqs_managed_sse_enabled'], value: true },
    },
  },
};

/** A key id that is written (an empty string or null is no key). */
function keySet(candidate: Candidate): boolean {
  const node = candidate.node;
  return node !== undefined && !(node.kind === 'scalar' && (node.value === '' || node.value === null));
}

function judgeQueue(start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, names: Names): RuleOutcome[] {
  const keys = resolver.lookup(start, [names.key]);
  if (keys.length > 0 && keys.every(keySet)) {
    return [{ kind: 'addressed', detail: `Messages are encrypted with the KMS key in ${names.key} (SSE-KMS).`, range: keys[0].node?.range }];
  }
  const outcomes = judgeSetting(start, anchor, resolver, {
    path: [names.sse],
    isCompliant: isTrue,
    absent: { kind: 'aws-default', detail: DEFAULT_DETAIL },
    consequence: `without a ${names.key} the queue stores messages unencrypted.`,
    fixId: FIX_ID,
  });
  // The key is set on some branches only: a missing encryption holds only where it is not.
  if (!keys.some(keySet)) return outcomes;
  return outcomes.map((outcome) => (outcome.kind === 'finding'
    ? { kind: 'depends', message: `Depends on the deployment: ${outcome.message.replace(/\.$/, '')} where ${names.key} is not set.`, range: outcome.range, fixId: FIX_ID }
    : outcome));
}
