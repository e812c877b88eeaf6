// CloudFormation cannot create SecureString parameters (Type is String or StringList), so the duty is to keep
// secrets out of AWS::SSM::Parameter altogether. A literal Value under a secret-looking name is reported.
import { mapEntry } from '../cloudformation/model';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';
import { settingRule } from './settingRule';
import { looksLikeSecret } from './secrets';

const base = settingRule({
  setting: 'ssm-parameter-securestring',
  cloudformation: { compliant: { present: true }, consequence: 'the parameter stores a secret in plain text.' },
});

export const ssmParameterSecurestring: Rule = {
  ...base,
  cloudformation: {
    check(resource, context) {
      const value = mapEntry(resource.properties, 'Value');
      const nameNode = mapEntry(resource.properties, 'Name');
      const name = nameNode?.kind === 'scalar' ? String(nameNode.value) : resource.id;
      if (!value) return [{ kind: 'not-applicable', detail: 'No Value.' }];
      const outcomes: RuleOutcome[] = [];
      for (const resolved of context.resolver.scalars(value)) {
        if (!resolved.known || resolved.fromParameter) continue; // a value given at deployment is not in the template
        const reason = looksLikeSecret(name, String(resolved.value));
        if (reason) {
          outcomes.push({
            kind: 'finding',
            message: `Value of ${name} is ${reason} stored as a plain String parameter: anyone who can read the template or the parameter sees it. Keep it in Secrets Manager or a SecureString created outside CloudFormation.`,
            range: value.range,
          });
          break;
        }
      }
      return outcomes.length > 0 ? outcomes : [{ kind: 'addressed', detail: 'The parameter value does not look like a secret.' }];
    },
  },
};
