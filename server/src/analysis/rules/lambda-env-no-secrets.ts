// Secrets in Lambda environment variables are stored in the function configuration and shown to anyone who can
// read it. Reports literal values (and parameter defaults) that look like credentials: an AWS access key id, a
// private key, or any literal under a secret-looking variable name. SAM functions also inherit
// Globals.Function.Environment.Variables (merged with their own).
import type { MapEntry } from '../types';
import { mapEntry } from '../cloudformation/model';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';
import { looksLikeSecret } from './secrets';
import { settingRule } from './settingRule';

const SAM_FUNCTION = 'AWS::Serverless::Function';
const base = settingRule({
  setting: 'lambda-env-no-secrets',
  cloudformation: {
    types: ['AWS::Lambda::Function', SAM_FUNCTION],
    compliant: { present: true },
    consequence: 'the secret is readable by anyone who can read the template or the function configuration.',
  },
});

export const lambdaEnvNoSecrets: Rule = {
  ...base,
  cloudformation: {
    check(resource, context) {
      const entries: MapEntry[] = [...variables(mapEntry(resource.properties, 'Environment'))];
      if (resource.type === SAM_FUNCTION) {
        const globals = mapEntry(context.template.globals, 'Function');
        const inherited = variables(globals?.kind === 'map' ? mapEntry(globals, 'Environment') : undefined);
        for (const entry of inherited) if (!entries.some((own) => own.key === entry.key)) entries.push(entry);
      }
      if (entries.length === 0) return [{ kind: 'addressed', detail: 'No environment variables.' }];
      const outcomes: RuleOutcome[] = [];
      for (const entry of entries) {
        if (!entry.value) continue;
        for (const resolved of context.resolver.scalars(entry.value)) {
          if (!resolved.known || typeof resolved.value !== 'string') continue;
          if (resolved.fromParameter && !resolved.fromParameter.isDefault) continue;
          const reason = looksLikeSecret(entry.key, resolved.value);
          if (!reason) continue;
          const from = resolved.fromParameter ? ` (default of parameter ${resolved.fromParameter.parameter})` : '';
          outcomes.push({
            kind: 'finding',
            message: `Environment variable ${entry.key} is ${reason}${from}: it is readable by anyone who can read the template or the function configuration. Read it at runtime from Secrets Manager or SSM Parameter Store instead.`,
            range: entry.value.range,
          });
          break;
        }
      }
      return outcomes.length > 0 ? outcomes : [{ kind: 'addressed', detail: 'No environment variable looks like a secret.' }];
    },
  },
};

function variables(environment: ReturnType<typeof mapEntry>): readonly MapEntry[] {
  const vars = environment?.kind === 'map' ? mapEntry(environment, 'Variables') : undefined;
  return vars?.kind === 'map' ? vars.entries : [];
}
