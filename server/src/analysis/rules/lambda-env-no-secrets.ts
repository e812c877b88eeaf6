// Secrets in Lambda environment variables are stored in the function configuration and shown to anyone who can
// read it. Reports literal values (and parameter/variable defaults) that look like credentials: an AWS access key
// id, a private key, or any literal under a secret-looking variable name. SAM functions also inherit
// Globals.Function.Environment.Variables (merged with their own). Terraform: `environment { variables = ... }`
// as a map literal, a local or variable, or merge() of those.
import type { ValueResolver } from '../resolution';
import { describeVia, isConditionalStep } from '../resolution';
import type { MapEntry, OffsetRange, ValueNode } from '../types';
import { mapEntry } from '../cloudformation/template';
import type { TfResource, TfRuleContext } from '../terraform/context';
import { describeExpression } from '../terraform/resolve';
import { expressionToNode } from '../terraform/values';
import { looksLikeSecret, pascalName, secretParameterFix, settingRule } from './support';
import type { RuleOutcome, Rule } from './support';

const SAM_FUNCTION = 'AWS::Serverless::Function';
const base = settingRule({
  setting: 'lambda-env-no-secrets',
  cloudformation: {
    types: ['AWS::Lambda::Function', SAM_FUNCTION],
    compliant: { present: true },
    consequence: 'the secret is readable by anyone who can read the template or the function configuration.',
  },
});

/** The variables a function may deploy with; `unreadable` says why some could not be read. */
interface Variables {
  readonly entries: readonly { readonly entry: MapEntry; readonly via: readonly string[] }[];
  readonly unreadable?: string;
}

const NO_ECHO = 'no-echo-parameter';

export const lambdaEnvNoSecrets: Rule = {
  ...base,
  fixes: {
    [NO_ECHO]: secretParameterFix((key) => pascalName(key ?? 'Secret'), 'The secret environment variable of the function',
      'the value still reaches the function\'s environment, readable by whoever can read its configuration: reading it at run time from Secrets Manager is the full fix'),
  },
  cloudformation: {
    check(resource, context) {
      const own = cfnVariables(mapEntry(resource.properties, 'Environment'), context.resolver);
      let found: Variables = own;
      if (resource.type === SAM_FUNCTION) {
        const globals = mapEntry(context.template.globals, 'Function');
        const inherited = cfnVariables(globals?.kind === 'map' ? mapEntry(globals, 'Environment') : undefined, context.resolver);
        const names = new Set(own.entries.map((item) => item.entry.key));
        found = {
          entries: [...own.entries, ...inherited.entries.filter((item) => !names.has(item.entry.key))],
          ...(own.unreadable ?? inherited.unreadable ? { unreadable: own.unreadable ?? inherited.unreadable } : {}),
        };
      }
      return judgeVariables(found, context.resolver, 'Environment.Variables', 'the template');
    },
  },
  terraform: {
    check(resource, context) {
      return judgeVariables(tfVariables(resource, context), context.resolver, 'environment.variables', 'the Terraform code, its state');
    },
  },
};

/** Environment.Variables of a CloudFormation function, through Fn::If and parameters. */
function cfnVariables(environment: ValueNode | undefined, resolver: ValueResolver): Variables {
  const entries: { entry: MapEntry; via: readonly string[] }[] = [];
  let unreadable: string | undefined;
  for (const candidate of resolver.lookup(environment, ['Variables'])) {
    const node = candidate.node;
    if (!node) continue;
    if (node.kind === 'map') entries.push(...node.entries.map((entry) => ({ entry, via: candidate.via })));
    else unreadable ??= `Environment.Variables is not a mapping the template spells out${describeVia(candidate.via)}`;
  }
  return { entries, ...(unreadable ? { unreadable } : {}) };
}

/** `environment { variables = ... }`: a map literal, a local or variable, or merge() of those. */
function tfVariables(resource: TfResource, context: TfRuleContext): Variables {
  const resolver = context.resolver;
  const entries: { entry: MapEntry; via: readonly string[] }[] = [];
  let unreadable: string | undefined;
  const collect = (node: ValueNode | undefined, via: readonly string[], depth: number): void => {
    if (depth > 8) return;
    for (const candidate of resolver.expand({ node, via })) {
      const value = candidate.node;
      if (!value) continue;
      if (value.kind === 'map') {
        entries.push(...value.entries.map((entry) => ({ entry, via: candidate.via })));
      } else if (value.kind === 'expression' && value.expression.kind === 'call' && value.expression.name === 'merge') {
        // merge(a, b): every argument's entries (a later one replaces an earlier key; both are judged).
        for (const arg of value.expression.args) {
          const inPlace = within(arg.range, value.range);
          collect(expressionToNode(arg, inPlace ? undefined : value.range), candidate.via, depth + 1);
        }
      } else {
        unreadable ??= `environment.variables is ${value.kind === 'expression' ? describeExpression(value.expression) : 'not a map'}${describeVia(candidate.via)}`;
      }
    }
  };
  for (const environment of resolver.lookup(resource.body, ['environment'])) {
    if (!environment.node) continue;
    if (environment.node.kind !== 'map') {
      unreadable ??= `environment is ${environment.node.kind === 'expression' ? describeExpression(environment.node.expression) : 'not a block'}${describeVia(environment.via)}`;
      continue;
    }
    collect(environment.node.entries.find((entry) => entry.key === 'variables')?.value, environment.via, 0);
  }
  return { entries, ...(unreadable ? { unreadable } : {}) };
}

function within(inner: OffsetRange, outer: OffsetRange): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** `source`: where the value is written ("the template"), for the message. */
function judgeVariables(found: Variables, resolver: ValueResolver, name: string, source: string): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  const reported = new Set<string>();
  for (const { entry, via } of found.entries) {
    if (!entry.value) continue;
    for (const resolved of resolver.scalars(entry.value, via)) {
      if (!resolved.known || typeof resolved.value !== 'string') continue;
      // A non-default parameter value is given at deployment, not written in the template.
      if (resolved.fromParameter && !resolved.fromParameter.isDefault) continue;
      const reason = looksLikeSecret(entry.key, resolved.value);
      if (!reason) continue;
      const key = `${entry.value.range.start}:${entry.value.range.end}`;
      if (reported.has(key)) break;
      reported.add(key);
      const from = resolved.fromParameter ? ` (default of parameter ${resolved.fromParameter.parameter})` : describeVia(resolved.via.filter((step) => !isConditionalStep(step)));
      const message = `Environment variable ${entry.key} is ${reason}${from}: it is readable by anyone who can read ${source} or the function configuration. Read it at runtime from Secrets Manager or SSM Parameter Store instead.`;
      const conditional = resolved.via.filter(isConditionalStep);
      // A literal written as the variable's value can move to a parameter; a parameter's default or a value from
      // elsewhere is the author's wiring.
      const fix = entry.value.kind === 'scalar' ? { fixId: NO_ECHO } : {};
      outcomes.push(conditional.length === 0
        ? { kind: 'finding', message, range: entry.value.range, ...fix }
        : { kind: 'depends', message: `Depends on the deployment: ${message} (${conditional.join('; ')})`, range: entry.value.range, ...fix });
      break;
    }
  }
  if (outcomes.length > 0) return outcomes;
  if (found.unreadable) return [{ kind: 'unknown', reason: found.unreadable }];
  if (found.entries.length === 0) return [{ kind: 'addressed', detail: `No environment variables (${name} is not set).` }];
  return [{ kind: 'addressed', detail: 'No environment variable looks like a secret.' }];
}
