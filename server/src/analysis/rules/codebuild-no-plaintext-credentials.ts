// CodeBuild environment variables of type PLAINTEXT (the default) are stored and shown in the project
// configuration; credentials belong in PARAMETER_STORE or SECRETS_MANAGER variables. CloudFormation:
// Environment.EnvironmentVariables[] {Name, Value, Type}; Terraform: environment { environment_variable { name value type } }.
import { mapEntry } from '../cloudformation/template';
import { describeVia, isConditionalStep, quote } from '../resolution';
import type { Resolved, ValueResolver } from '../resolution';
import type { ValueNode } from '../types';
import { looksLikeCredentialName, settingRule, guardShapes } from './support';
import type { RuleOutcome, Rule } from './support';

const base = settingRule({ setting: 'codebuild-no-plaintext-credentials', cloudformation: { compliant: { present: true }, consequence: '' } });

/** How one format names the variables and their parts. */
interface VariableKeys {
  readonly list: readonly string[];
  readonly name: string;
  readonly value: string;
  readonly type: string;
  /** How a variable is named in messages. */
  readonly variable: string;
}

const CFN_KEYS: VariableKeys = { list: ['Environment', 'EnvironmentVariables', '[]'], name: 'Name', value: 'Value', type: 'Type', variable: 'Environment variable' };
const TF_KEYS: VariableKeys = { list: ['environment', 'environment_variable', '[]'], name: 'name', value: 'value', type: 'type', variable: 'environment_variable' };

const unguarded: Rule = {
  meta: { ...base.meta, resourceTypes: { cloudformation: base.meta.resourceTypes.cloudformation, terraform: ['aws_codebuild_project'] } },
  cloudformation: {
    check: (resource, context) => plaintextCredentials(resource.properties, context.resolver, CFN_KEYS),
  },
  terraform: {
    check: (resource, context) => plaintextCredentials(resource.body, context.resolver, TF_KEYS),
  },
};

/** Wrong shapes of the listed paths are reported as unreadable, not judged. */
export const codebuildNoPlaintextCredentials: Rule = guardShapes(unguarded, { cloudformation: ['Environment.EnvironmentVariables[].Type'], terraform: ['environment.environment_variable.type'] });

/** A value no undecided condition or non-default parameter value leads to. */
function certain(resolved: Resolved): boolean {
  return !resolved.via.some(isConditionalStep) && (!resolved.known || resolved.fromParameter === undefined || resolved.fromParameter.isDefault);
}

/** Both formats: every variable whose name looks like a credential must not be PLAINTEXT (the default type). */
function plaintextCredentials(start: ValueNode | undefined, resolver: ValueResolver, keys: VariableKeys): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  let variables = 0;
  let unknown: string | undefined;
  for (const candidate of resolver.lookup(start, keys.list)) {
    const variable = candidate.node;
    if (variable?.kind !== 'map') continue;
    variables++;
    const nameNode = mapEntry(variable, keys.name);
    const names = nameNode ? resolver.scalars(nameNode, candidate.via) : [];
    const name = names.find((resolved) => resolved.known && looksLikeCredentialName(String(resolved.value)));
    const typeNode = mapEntry(variable, keys.type);
    const types = typeNode ? resolver.scalars(typeNode, candidate.via) : [];
    const plaintext = types.length === 0 || types.some((type) => type.known && String(type.value).toUpperCase() === 'PLAINTEXT');
    // A PLAINTEXT variable whose name cannot be read may hold a credential: it cannot be checked.
    const unreadableName = names.find((resolved) => !resolved.known);
    if (!name && plaintext && unreadableName && !unreadableName.known) unknown ??= `the name of a PLAINTEXT environment variable is ${unreadableName.description}`;
    if (!nameNode || !name?.known) continue;
    // A type that cannot be read decides nothing: never "addressed".
    const unreadable = types.find((type) => !type.known);
    if (!plaintext && unreadable && !unreadable.known) unknown ??= `the ${keys.type} of ${keys.variable} ${quote(String(name.value))} is ${unreadable.description}`;
    if (!plaintext) continue;
    // Certain only when neither the variable, its name nor its PLAINTEXT type hangs on an undecided condition
    // or a non-default parameter value.
    const plaintextType = types.find((type) => type.known && String(type.value).toUpperCase() === 'PLAINTEXT' && certain(type));
    const definite = !candidate.via.some(isConditionalStep) && certain(name) && (types.length === 0 || plaintextType !== undefined);
    const steps = [...new Set([...candidate.via, ...name.via, ...(plaintextType ?? types.find((type) => type.known))?.via ?? []])];
    const message = `${keys.variable} ${quote(String(name.value))} is ${typeNode ? `of ${keys.type} PLAINTEXT` : `PLAINTEXT (${keys.type} is not set)`}${definite ? '' : describeVia(steps)}: its value is stored in the project configuration in plain text, visible to anyone who can read the project; use ${keys.type} PARAMETER_STORE or SECRETS_MANAGER.`;
    const range = mapEntry(variable, keys.value)?.range ?? nameNode.range;
    outcomes.push(definite ? { kind: 'finding', message, range } : { kind: 'depends', message: `Depends on the deployment: ${message}`, range });
  }
  if (outcomes.length > 0) return outcomes;
  if (unknown) return [{ kind: 'unknown', reason: unknown }];
  return [{ kind: 'addressed', detail: variables === 0 ? 'No environment variables.' : 'No plaintext environment variable looks like a credential.' }];
}
