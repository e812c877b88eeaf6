// CloudFormation cannot create SecureString parameters (Type is String or StringList), so the duty is to keep
// secrets out of AWS::SSM::Parameter altogether. A literal Value under a secret-looking name is reported.
// Terraform can (aws_ssm_parameter type = "SecureString"): a String or StringList parameter is judged the same way,
// on `value` and `insecure_value`.
import { describeVia, isConditionalStep } from '../resolution';
import type { Candidate, ValueResolver } from '../resolution';
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
      const resolver = context.resolver;
      const values = resolver.lookup(resource.properties, ['Value']).flatMap((candidate) => (candidate.node ? [{ node: candidate.node, key: 'Value', via: candidate.via }] : []));
      if (values.length === 0) return [{ kind: 'not-applicable', detail: 'No Value.' }];
      const names = nameChoices(resolver.lookup(resource.properties, ['Name']), resolver, resource.id);
      return judgeValue(names, values, resolver, 'Keep it in Secrets Manager or a SecureString created outside CloudFormation.', 'the template', []);
    },
  },
  terraform: {
    check(resource, context) {
      const resolver = context.resolver;
      const types = resolver.lookup(resource.body, ['type']).flatMap((candidate) => (candidate.node ? resolver.scalars(candidate.node, candidate.via) : []));
      const secure = types.filter((type) => type.known && type.value === 'SecureString');
      if (types.length > 0 && secure.length === types.length) {
        return [{ kind: 'addressed', detail: 'type is SecureString: the value is encrypted with KMS.' }];
      }
      const values = ['value', 'insecure_value'].flatMap((key) => resolver.lookup(resource.body, [key]).flatMap((candidate) => (candidate.node ? [{ node: candidate.node, key, via: candidate.via }] : [])));
      if (values.length === 0) return [{ kind: 'not-applicable', detail: 'No value.' }];
      const names = nameChoices(resolver.lookup(resource.body, ['name']), resolver, resource.name);
      // SecureString on some branches only: a plain secret holds on the others.
      const plainOnlyWhen = secure.length > 0 ? [`type is 'SecureString' only under a condition`] : [];
      return judgeValue(names, values, resolver, 'Set type = "SecureString", or keep it in Secrets Manager.', 'the Terraform code and its state', plainOnlyWhen);
    },
  },
};

interface Choice {
  readonly name: string;
  readonly via: readonly string[];
}

/** The names the parameter may have; the resource's own name stands in for one that cannot be read. */
function nameChoices(candidates: readonly Candidate[], resolver: ValueResolver, fallback: string): Choice[] {
  const names: Choice[] = [];
  let unreadable = candidates.length === 0;
  for (const candidate of candidates) {
    if (!candidate.node) {
      unreadable = true;
      continue;
    }
    for (const resolved of resolver.scalars(candidate.node, candidate.via)) {
      if (resolved.known) names.push({ name: String(resolved.value), via: resolved.via });
      else unreadable = true;
    }
  }
  if (unreadable || names.length === 0) names.push({ name: fallback, via: [] });
  return names;
}

const conditional = (via: readonly string[]): boolean => via.some(isConditionalStep);

/**
 * A plain parameter whose value looks like a secret; a value we cannot read under a credential-like name is
 * unknown. A secret that holds only on one branch of an undecided condition (of the name, the value or, in
 * Terraform, the type) is "depends".
 */
function judgeValue(names: readonly Choice[], values: readonly { node: ValueNode; key: string; via: readonly string[] }[], resolver: ValueResolver, advice: string, source: string, onlyWhen: readonly string[]): RuleOutcome[] {
  let unknown: string | undefined;
  const outcomes: RuleOutcome[] = [];
  for (const { node, key, via } of values) {
    for (const resolved of resolver.scalars(node, via)) {
      for (const { name, via: nameVia } of names) {
        if (!resolved.known) {
          // A value given at deployment under a name like /db/password may well be the secret itself.
          if (looksLikeCredentialName(name)) unknown ??= `${key} of ${name}${describeVia(nameVia)} is ${resolved.description}${describeVia(resolved.via)}`;
          continue;
        }
        if (resolved.fromParameter && !resolved.fromParameter.isDefault) continue; // given at deployment, not written here
        const reason = looksLikeSecret(name, String(resolved.value));
        if (!reason) continue;
        const message = `${key} of ${name}${describeVia(nameVia)} is ${reason}${describeVia(resolved.via)} stored as a plain String parameter: anyone who can read ${source} or the parameter sees it. ${advice}`;
        const certain = !conditional(nameVia) && !conditional(resolved.via) && onlyWhen.length === 0;
        outcomes.push(certain
          ? { kind: 'finding', message, range: node.range }
          : { kind: 'depends', message: `Depends on the deployment: ${message}${onlyWhen.length > 0 ? ` (${onlyWhen.join('; ')})` : ''}`, range: node.range });
      }
    }
  }
  const first = outcomes.find((outcome) => outcome.kind === 'finding') ?? outcomes[0];
  if (first) return [first];
  if (unknown) return [{ kind: 'unknown', reason: unknown }];
  return [{ kind: 'addressed', detail: 'The parameter value does not look like a secret.' }];
}
