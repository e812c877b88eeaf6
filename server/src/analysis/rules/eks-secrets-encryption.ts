// EKS secrets encryption: a KMS key in EncryptionConfig (Terraform encryption_config.provider.key_arn) gives
// the customer control. Without it, clusters on Kubernetes 1.28 or later still envelope-encrypt all API data
// with an AWS owned key (the AWS default, EKS user guide "Default envelope encryption for all Kubernetes API
// data"); an explicitly older Version gets no envelope encryption at all, which is a gap.
import type { ValueResolver } from '../resolution';
import { compatible, describeVia, isConditionalStep, quote } from '../resolution';
import type { OffsetRange, ScalarValue, ValueNode } from '../types';
import { settingRule, guardShapes } from './support';
import type { RuleOutcome, Rule } from './support';

const base = guardShapes(settingRule({
  setting: 'eks-secrets-encryption',
  cloudformation: {
    compliant: { present: true },
    consequence: 'Kubernetes secrets are encrypted only with an AWS owned key you cannot control or audit.',
  },
}), { cloudformation: ['EncryptionConfig[].Provider.KeyArn'], terraform: ['encryption_config.provider.key_arn'] });

/** Two ways through conditions that cannot both hold ('if X' in one, 'unless X' in the other). */
function exclusive(a: readonly string[], b: readonly string[]): boolean {
  return !compatible(a, b);
}

/**
 * The AWS default covers only 1.28 and later: an older Version written in the code leaves secrets unencrypted
 * where no encryption config is given. Judged per way through conditions: a gap on one branch only (or for a
 * non-default parameter value) is 'depends'.
 */
function belowDefault(outcomes: RuleOutcome[], start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, names: { readonly version: string; readonly config: string }): RuleOutcome[] {
  if (!outcomes.some((outcome) => outcome.kind === 'aws-default' || outcome.kind === 'addressed')) return outcomes;
  const absent = resolver.lookup(start, [names.config])
    .filter((candidate) => candidate.node === undefined || (candidate.node.kind === 'seq' && candidate.node.items.length === 0))
    .map((candidate) => candidate.via);
  if (absent.length === 0) return outcomes;
  const gaps: { readonly value: ScalarValue; readonly via: readonly string[]; readonly range: OffsetRange | undefined; readonly definite: boolean }[] = [];
  for (const version of resolver.lookup(start, [names.version])) {
    if (!version.node) continue;
    for (const resolved of resolver.scalars(version.node, version.via)) {
      if (!resolved.known) continue;
      // Two-digit minors only: YAML and HCL read 1.30 as the number 1.3.
      const match = /^1\.(\d{2})$/.exec(String(resolved.value));
      if (!match || Number(match[1]) >= 28) continue;
      for (const via of absent) {
        if (exclusive(resolved.via, via)) continue;
        const steps = [...new Set([...resolved.via, ...via])];
        const definite = !steps.some(isConditionalStep) && (resolved.fromParameter === undefined || resolved.fromParameter.isDefault);
        gaps.push({ value: resolved.value, via: steps, range: version.node.range, definite });
      }
    }
  }
  const gap = gaps.find((entry) => entry.definite) ?? gaps[0];
  if (!gap) return outcomes;
  const message = `${names.config} is not set and ${names.version} is ${quote(gap.value)}${describeVia(gap.via)}: EKS envelope-encrypts Kubernetes API data by default only on 1.28 or later, so the cluster's secrets get no envelope encryption; set ${names.config} with a KMS key (or upgrade).`;
  const range = gap.range ?? anchor;
  if (gap.definite) return [{ kind: 'finding', message, range }];
  return [{ kind: 'depends', message: `Depends on the deployment: ${message}`, range }];
}

const FIX_ID = 'encrypt-secrets';
const KEY = { name: 'EksSecretsKeyArn', description: 'ARN of the customer managed KMS key (symmetric, in the cluster\'s Region) that encrypts the cluster\'s Kubernetes secrets.' };

function withFix(outcomes: RuleOutcome[]): RuleOutcome[] {
  return outcomes.map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends' ? { ...outcome, fixId: FIX_ID } : outcome));
}

export const eksSecretsEncryption: Rule = {
  ...base,
  // EncryptionConfig [{ Resources: [secrets], Provider: { KeyArn } }] (AWS::EKS::Cluster; secrets is the only
  // value, at most one entry); aws_eks_cluster encryption_config { resources = ["secrets"] provider { key_arn } }.
  // The key is the author's: a new parameter / variable. An entry for secrets gets the key; else one is added.
  fixes: {
    [FIX_ID]: {
      title: `Encrypt Kubernetes secrets with a KMS key given as a new parameter ${KEY.name} (its value to fill in)`,
      path: [],
      value: '',
      safety: 'placeholder',
      parameters: [KEY],
      operations: [{ op: 'append', list: ['EncryptionConfig'], items: [{ Resources: ['secrets'], Provider: { KeyArn: { Ref: KEY.name } } }], match: 'Resources' }],
      terraform: {
        title: 'Encrypt Kubernetes secrets with a KMS key given as a new variable eks_secrets_key_arn (its value to fill in)',
        path: [],
        value: '',
        variables: [{ ...KEY, name: 'eks_secrets_key_arn' }],
        operations: [{ op: 'append', list: ['encryption_config'], items: [{ resources: ['secrets'], provider: { key_arn: { $hcl: 'var.eks_secrets_key_arn' } } }], match: 'resources' }],
      },
    },
  },
  cloudformation: {
    check: (resource, context) => withFix(belowDefault(base.cloudformation?.check(resource, context) ?? [], resource.properties, resource.idRange, context.resolver, { version: 'Version', config: 'EncryptionConfig' })),
  },
  terraform: {
    check: (resource, context) => withFix(belowDefault(base.terraform?.check(resource, context) ?? [], resource.body, resource.anchor, context.resolver, { version: 'version', config: 'encryption_config' })),
  },
};
