// CodeBuild environment variables of Type PLAINTEXT (the default) are stored and shown in the project
// configuration; credentials belong in PARAMETER_STORE or SECRETS_MANAGER variables.
import { mapEntry } from '../cloudformation/model';
import { quote } from '../cloudformation/resolve';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';
import { looksLikeCredentialName } from './secrets';
import { settingRule } from './settingRule';

const base = settingRule({ setting: 'codebuild-no-plaintext-credentials', cloudformation: { compliant: { present: true }, consequence: '' } });

export const codebuildNoPlaintextCredentials: Rule = {
  // No Terraform reading yet, so no Terraform types: environment.environment_variable blocks need the same credential-name walk; not written yet.
  meta: { ...base.meta, resourceTypes: { ...base.meta.resourceTypes, terraform: [] } },
  cloudformation: {
    check(resource, context) {
      const outcomes: RuleOutcome[] = [];
      let variables = 0;
      for (const candidate of context.resolver.lookup(resource.properties, ['Environment', 'EnvironmentVariables', '[]'])) {
        const variable = candidate.node;
        if (variable?.kind !== 'map') continue;
        variables++;
        const name = mapEntry(variable, 'Name');
        if (name?.kind !== 'scalar' || !looksLikeCredentialName(String(name.value))) continue;
        const typeNode = mapEntry(variable, 'Type');
        const types = typeNode ? context.resolver.scalars(typeNode, candidate.via) : [];
        const plaintext = types.length === 0 || types.some((type) => type.known && String(type.value).toUpperCase() === 'PLAINTEXT');
        if (!plaintext) continue;
        outcomes.push({
          kind: 'finding',
          message: `Environment variable ${quote(String(name.value))} is ${typeNode ? 'of Type PLAINTEXT' : 'PLAINTEXT (Type is not set)'}: its value is stored in the project configuration in plain text, visible to anyone who can read the project; use Type PARAMETER_STORE or SECRETS_MANAGER.`,
          range: mapEntry(variable, 'Value')?.range ?? name.range,
        });
      }
      if (outcomes.length > 0) return outcomes;
      return [{ kind: 'addressed', detail: variables === 0 ? 'No environment variables.' : 'No plaintext environment variable looks like a credential.' }];
    },
  },
};
