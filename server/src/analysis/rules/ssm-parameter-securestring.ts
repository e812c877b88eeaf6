// CloudFormation cannot create SecureString parameters (Type is String or StringList), so the duty is to keep
// secrets out of AWS::SSM::Parameter altogether. A literal Value under a secret-looking name is reported.
// Terraform can (aws_ssm_parameter type = "SecureString"): a String or StringList parameter is judged the same way,
// on `value` and `insecure_value`.
import { mapEntry } from '../cloudformation/template';
import { describeVia } from '../resolution';
import type { ValueResolver } from '../resolution';
import type { ValueNode } from '../types';
import { settingRule, looksLikeCredentialName, looksLikeSecret } from './support';
import type { RuleOutcome, Rule } from './support';

const base = settingRule({
  setting: 'ssm-parameter-securestring',
  cloudformation: { compliant: { present: true }, consequence: 'the parameter stores a secret in plain text.' },
});

export const ssmParameterSecurestring: Rule = {
  ...base,
  cloudformation: {
    check(resource, context) {
      const value = mapEntry(resource.properties, 'Value');
      if (!value) return [{ kind: 'not-applicable', detail: 'No Value.' }];
      const name = literalName(mapEntry(resource.properties, 'Name'), context.resolver) ?? resource.id;
      return judgeValue(name, [{ node: value, key: 'Value' }], context.resolver, 'Keep it in Secrets Manager or a SecureString created outside CloudFormation.', 'the template');
    },
  },
  terraform: {
    check(resource, context) {
      const resolver = context.resolver;
      const arg = (key: string) => resource.body.entries.find((entry) => entry.key === key)?.value;
      const types = arg('type') ? resolver.scalars(arg('type')!) : [];
      if (types.length > 0 && types.every((type) => type.known && type.value === 'SecureString')) {
        return [{ kind: 'addressed', detail: 'type is SecureString: the value is encrypted with KMS.' }];
      }
      const values = ['value', 'insecure_value'].flatMap((key) => (arg(key) ? [{ node: arg(key)!, key }] : []));
      if (values.length === 0) return [{ kind: 'not-applicable', detail: 'No value.' }];
      const name = literalName(arg('name'), resolver) ?? resource.name;
      return judgeValue(name, values, resolver, 'Set type = "SecureString", or keep it in Secrets Manager.', 'the Terraform code and its state');
    },
  },
};

function literalName(node: ValueNode | undefined, resolver: ValueResolver): string | undefined {
  if (!node) return undefined;
  const names = resolver.scalars(node);
  return names.length === 1 && names[0].known ? String(names[0].value) : undefined;
}

/** A plain parameter whose value looks like a secret; a value we cannot read under a credential-like name is unknown. */
function judgeValue(name: string, values: readonly { node: ValueNode; key: string }[], resolver: ValueResolver, advice: string, source: string): RuleOutcome[] {
  let unknown: string | undefined;
  for (const { node, key } of values) {
    for (const resolved of resolver.scalars(node)) {
      if (!resolved.known) {
        // A value given at deployment under a name like /db/password may well be the secret itself.
        if (looksLikeCredentialName(name)) unknown ??= `${key} of ${name} is ${resolved.description}${describeVia(resolved.via)}`;
        continue;
      }
      if (resolved.fromParameter && !resolved.fromParameter.isDefault) continue; // given at deployment, not written here
      const reason = looksLikeSecret(name, String(resolved.value));
      if (reason) {
        return [{
          kind: 'finding',
          message: `${key} of ${name} is ${reason} stored as a plain String parameter: anyone who can read ${source} or the parameter sees it. ${advice}`,
          range: node.range,
        }];
      }
    }
  }
  if (unknown) return [{ kind: 'unknown', reason: unknown }];
  return [{ kind: 'addressed', detail: 'The parameter value does not look like a secret.' }];
}
