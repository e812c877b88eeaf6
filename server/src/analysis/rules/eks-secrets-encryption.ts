// EKS secrets encryption: a KMS key in EncryptionConfig (Terraform encryption_config.provider.key_arn) gives
// the customer control. Without it, clusters on Kubernetes 1.28 or later still envelope-encrypt all API data
// with an AWS owned key (the AWS default, EKS user guide "Default envelope encryption for all Kubernetes API
// data"); an explicitly older Version gets no envelope encryption at all, which is a gap.
import type { ValueResolver } from '../resolution';
import { quote } from '../resolution';
import type { OffsetRange, ValueNode } from '../types';
import { settingRule, guardShapes } from './support';
import type { RuleOutcome, Rule } from './support';

const base = guardShapes(settingRule({
  setting: 'eks-secrets-encryption',
  cloudformation: {
    compliant: { present: true },
    consequence: 'Kubernetes secrets are encrypted only with an AWS owned key you cannot control or audit.',
  },
}), { cloudformation: ['EncryptionConfig[].Provider.KeyArn'], terraform: ['encryption_config.provider.key_arn'] });

/** The AWS default covers only 1.28 and later: an older Version written in the code leaves secrets unencrypted. */
function belowDefault(outcomes: RuleOutcome[], start: ValueNode | undefined, anchor: OffsetRange, resolver: ValueResolver, names: { readonly version: string; readonly config: string }): RuleOutcome[] {
  if (!outcomes.some((outcome) => outcome.kind === 'aws-default')) return outcomes;
  const version = start?.kind === 'map' ? start.entries.find((entry) => entry.key === names.version)?.value : undefined;
  const values = version ? resolver.scalars(version) : [];
  if (values.length !== 1 || !values[0].known) return outcomes;
  // Two-digit minors only: YAML and HCL read 1.30 as the number 1.3.
  const match = /^1\.(\d{2})$/.exec(String(values[0].value));
  if (!match || Number(match[1]) >= 28) return outcomes;
  return [{
    kind: 'finding',
    message: `${names.config} is not set and ${names.version} is ${quote(values[0].value)}: EKS envelope-encrypts Kubernetes API data by default only on 1.28 or later, so the cluster's secrets get no envelope encryption; set ${names.config} with a KMS key (or upgrade).`,
    range: version?.range ?? anchor,
  }];
}

export const eksSecretsEncryption: Rule = {
  ...base,
  cloudformation: {
    check: (resource, context) => belowDefault(base.cloudformation?.check(resource, context) ?? [], resource.properties, resource.idRange, context.resolver, { version: 'Version', config: 'EncryptionConfig' }),
  },
  terraform: {
    check: (resource, context) => belowDefault(base.terraform?.check(resource, context) ?? [], resource.body, resource.anchor, context.resolver, { version: 'version', config: 'encryption_config' }),
  },
};
