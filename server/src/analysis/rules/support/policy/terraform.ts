// IAM policy documents as Terraform writes them, read into the same model as CloudFormation's: `jsonencode({...})`
// of an object (also through locals and variables), a JSON string (quoted or heredoc, interpolations resolved
// when known), or `data.aws_iam_policy_document.<name>.json`, whose `statement` blocks become statements
// (effect defaults to Allow; `principals { type identifiers }` and `condition { test variable values }` become
// Principal and Condition). Values keep their ranges; a data source in another file of the module is reported
// where it is referenced.
import type { TfResource, TfRuleContext } from '../../../terraform/context';
import type { HclExpression } from '../../../terraform/hcl';
import { describeExpression, resite } from '../../../terraform/resolve';
import type { TfResolver } from '../../../terraform/resolve';
import { expressionToNode } from '../../../terraform/values';
import type { MapEntry, MapNode, OffsetRange, ValueNode } from '../../../types';
import { parseJsonValue } from '../jsonValue';
import type { PolicyDocument, PolicyString } from './document';
import { readPolicyDocuments, strings } from './document';
import type { NamedDocument } from './identity';
import type { RuleOutcome } from '../outcome';
import type { PublicCheck } from './ruleSupport';
import { noPublicGrant, publicPrincipalOutcomes } from './ruleSupport';

/** The argument `name` of a Terraform resource body. */
export function tfArgument(resource: TfResource, name: string): ValueNode | undefined {
  return resource.body.entries.find((entry) => entry.key === name)?.value;
}

/** The policy documents a Terraform value may stand for. */
export function readTerraformPolicies(node: ValueNode | undefined, context: TfRuleContext, file: string, via: readonly string[] = [], gaps?: string[]): PolicyDocument[] {
  const documents: PolicyDocument[] = [];
  const resolver = context.resolver;
  for (const candidate of resolver.expand({ node, via })) {
    const written = candidate.node;
    if (!written) continue;
    if (written.kind !== 'expression') {
      documents.push(...readPolicyDocuments(written, resolver, candidate.via, gaps));
      continue;
    }
    const expression: HclExpression = written.expression;
    if (expression.kind === 'call' && expression.name === 'jsonencode' && expression.args.length === 1) {
      documents.push(...readPolicyDocuments(expressionToNode(expression.args[0]), resolver, candidate.via, gaps));
      continue;
    }
    const source = policyDocumentSource(expression, context);
    if (source) {
      const built = documentFromDataSource(source, context);
      documents.push(...readPolicyDocuments(source.file === file ? built : resite(built, written.range), resolver, [...candidate.via, source.address], gaps));
      continue;
    }
    // A JSON string with interpolations: its text when every interpolation is known.
    const texts = resolver.scalars(written, candidate.via);
    if (texts.length === 1 && texts[0].known && typeof texts[0].value === 'string') {
      documents.push(...readPolicyDocuments({ kind: 'scalar', value: texts[0].value, range: written.range }, resolver, texts[0].via, gaps));
      continue;
    }
    // Else, when the unknown interpolations all sit inside JSON strings, the document with those strings unknown.
    const partial = expression.kind === 'template' ? partialDocument(expression, resolver.scopeOf(written), written.range) : undefined;
    if (partial) {
      documents.push(...readPolicyDocuments(partial, resolver, candidate.via, gaps));
    } else {
      gaps?.push(`the policy is ${describeExpression(expression)}${candidate.via.length > 0 ? ` (${candidate.via.join('; ')})` : ''}, which cannot be evaluated`);
    }
  }
  return documents;
}

/** `data.aws_iam_policy_document.<name>.json` (also `[0]` / `["key"]` of counted ones): the data source. */
function policyDocumentSource(expression: HclExpression, context: TfRuleContext): TfResource | undefined {
  if (expression.kind !== 'traversal' || expression.root !== 'data') return undefined;
  const [type, name] = expression.steps;
  if (type?.kind !== 'attr' || type.name !== 'aws_iam_policy_document' || name?.kind !== 'attr') return undefined;
  const last = expression.steps[expression.steps.length - 1];
  if (last.kind !== 'attr' || (last.name !== 'json' && last.name !== 'minified_json')) return undefined;
  return context.module.resources.find((resource) => resource.mode === 'data' && resource.type === 'aws_iam_policy_document' && resource.name === name.name);
}

/** The data source's statement blocks as a CloudFormation-shaped document whose values are the blocks' nodes. */
function documentFromDataSource(source: TfResource, context: TfRuleContext): MapNode {
  const resolver = context.resolver.withBinding({});
  const statements: ValueNode[] = [];
  for (const candidate of resolver.lookup(source.body, ['statement', '[]'])) {
    const block = candidate.node;
    if (block?.kind !== 'map') continue;
    const entries: MapEntry[] = [];
    const put = (key: string, value: ValueNode | undefined, keyRange: OffsetRange = block.range) => {
      if (value) entries.push({ key, keyRange, value });
    };
    const arg = (name: string) => block.entries.find((entry) => entry.key === name)?.value;
    put('Sid', arg('sid'));
    put('Effect', arg('effect') ?? { kind: 'scalar', value: 'Allow', range: block.range });
    put('Action', arg('actions'));
    put('NotAction', arg('not_actions'));
    put('Resource', arg('resources'));
    put('NotResource', arg('not_resources'));
    put('Principal', principalMap(resolver.lookup(block, ['principals', '[]']), block.range, resolver));
    put('NotPrincipal', principalMap(resolver.lookup(block, ['not_principals', '[]']), block.range, resolver));
    put('Condition', conditionMap(resolver.lookup(block, ['condition', '[]']), block.range, resolver));
    statements.push({ kind: 'map', entries, range: block.range });
  }
  const statementList: ValueNode = { kind: 'seq', items: statements, range: source.block.range };
  return { kind: 'map', entries: [{ key: 'Statement', keyRange: source.anchor, value: statementList }], range: source.block.range };
}

type Lookup = ReturnType<TfRuleContext['resolver']['lookup']>;

function firstString(node: ValueNode | undefined, resolver: TfRuleContext['resolver']): string | undefined {
  if (!node) return undefined;
  const values = resolver.scalars(node);
  return values.length > 0 && values[0].known ? String(values[0].value) : undefined;
}

/** `principals { type = "AWS" identifiers = ["*"] }` blocks as `{AWS: [...]}`; type "*" as the string form. */
function principalMap(blocks: Lookup, range: OffsetRange, resolver: TfRuleContext['resolver']): ValueNode | undefined {
  const entries: MapEntry[] = [];
  for (const candidate of blocks) {
    const block = candidate.node;
    if (block?.kind !== 'map') continue;
    const typeNode = block.entries.find((entry) => entry.key === 'type')?.value;
    const identifiers = block.entries.find((entry) => entry.key === 'identifiers')?.value;
    if (!identifiers) continue;
    const type = firstString(typeNode, resolver) ?? 'AWS';
    entries.push({ key: type === '*' ? 'AWS' : type, keyRange: typeNode?.range ?? block.range, value: identifiers });
  }
  return entries.length > 0 ? { kind: 'map', entries, range: entries[0].value?.range ?? range } : undefined;
}

/** `condition { test variable values }` blocks as `{test: {variable: values}}`. */
function conditionMap(blocks: Lookup, range: OffsetRange, resolver: TfRuleContext['resolver']): ValueNode | undefined {
  const operators = new Map<string, MapEntry[]>();
  for (const candidate of blocks) {
    const block = candidate.node;
    if (block?.kind !== 'map') continue;
    const arg = (name: string) => block.entries.find((entry) => entry.key === name)?.value;
    const test = firstString(arg('test'), resolver);
    const variable = firstString(arg('variable'), resolver);
    const values = arg('values');
    if (test === undefined || variable === undefined || !values) continue;
    const list = operators.get(test) ?? [];
    list.push({ key: variable, keyRange: block.range, value: values });
    operators.set(test, list);
  }
  if (operators.size === 0) return undefined;
  return {
    kind: 'map',
    range,
    entries: [...operators].map(([test, entries]): MapEntry => ({ key: test, keyRange: range, value: { kind: 'map', entries, range } })),
  };
}

/** Identity policies of Terraform IAM resources: policy documents, inline_policy blocks, and attached managed policy ARNs. */
export interface TerraformIdentityPolicies {
  readonly documents: readonly NamedDocument[];
  readonly managed: readonly PolicyString[];
  /** Policies or statements that could not be read (they may grant anything). */
  readonly gaps: readonly string[];
  /** Managed policies attached by reference to an aws_iam_policy of this module (judged on their own resource). */
  readonly ownPolicies: readonly string[];
}

export const TF_IDENTITY_POLICY_TYPES = [
  'aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role',
  'aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment',
];

const NOUNS: Readonly<Record<string, string>> = {
  aws_iam_policy: 'policy', aws_iam_role_policy: 'role policy', aws_iam_user_policy: 'user policy', aws_iam_group_policy: 'group policy',
};

export function terraformIdentityPolicies(resource: TfResource, context: TfRuleContext): TerraformIdentityPolicies {
  const documents: NamedDocument[] = [];
  const managed: PolicyString[] = [];
  const gaps: string[] = [];
  const resolver = context.resolver;
  const noun = NOUNS[resource.type];
  if (noun) {
    for (const document of readTerraformPolicies(tfArgument(resource, 'policy'), context, resource.file, [], gaps)) documents.push({ label: `${noun} ${resource.address}`, document });
  } else if (resource.type === 'aws_iam_role') {
    for (const candidate of resolver.lookup(resource.body, ['inline_policy', '[]'])) {
      if (candidate.node?.kind !== 'map') continue;
      const nameNode = candidate.node.entries.find((entry) => entry.key === 'name')?.value;
      const name = firstString(nameNode, resolver);
      const policy = candidate.node.entries.find((entry) => entry.key === 'policy')?.value;
      for (const document of readTerraformPolicies(policy, context, resource.file, candidate.via, gaps)) {
        documents.push({ label: `inline policy ${name ? `'${name}'` : '(unnamed)'} of role ${resource.address}`, document });
      }
    }
    const arns = tfArgument(resource, 'managed_policy_arns');
    if (arns) managed.push(...strings(arns, resolver));
  } else {
    const arn = tfArgument(resource, 'policy_arn');
    if (arn) managed.push(...strings(arn, resolver));
  }
  // `aws_iam_policy.x.arn` (or `[0].arn`, `["k"].id`): a policy this module creates, whose document is judged there.
  const ownPolicies: string[] = [];
  const unknownOrForeign = managed.filter((arn) => {
    const name = arn.value === undefined ? /^aws_iam_policy\.([\w-]+)(?:\[[^\]]*\])?\.(?:arn|id)$/.exec(arn.text)?.[1] : undefined;
    if (name === undefined || !context.module.resources.some((other) => other.mode === 'managed' && other.type === 'aws_iam_policy' && other.name === name)) return true;
    ownPolicies.push(`aws_iam_policy.${name}`);
    return false;
  });
  return { documents, managed: unknownOrForeign, gaps, ownPolicies };
}

/**
 * The public-principal check of a resource policy written in a Terraform argument (`policy` of a bucket, queue,
 * topic, key or repository policy; `assume_role_policy` of a role). `whenAbsent` when the argument is not set.
 */
export function terraformPublicPolicy(resource: TfResource, context: TfRuleContext, argument: string, check: PublicCheck, whenAbsent: RuleOutcome): RuleOutcome[] {
  const node = tfArgument(resource, argument);
  if (!node) return [whenAbsent];
  const gaps: string[] = [];
  const documents = readTerraformPolicies(node, context, resource.file, [], gaps);
  const outcomes = publicPrincipalOutcomes(documents, check);
  return outcomes.length > 0 ? outcomes : [noPublicGrant(check.policy, documents, gaps)];
}

const UNKNOWN_MARK = '@@iac-hints-unknown-';
const UNKNOWN_MARKS = /@@iac-hints-unknown-(\d+)@@/g;

/**
 * A JSON policy written as a string template (quoted or heredoc) whose interpolations are not all known, as a
 * document in which each JSON string holding an unknown interpolation is a value that cannot be known (the rest
 * is read as written): `"Resource": "arn:aws:s3:::${local.bucket}/*"` leaves the actions readable. Undefined when
 * the template has directives, an unknown interpolation outside a JSON string, or the text is not a JSON object.
 * Every node carries `range` (the template's).
 */
function partialDocument(expression: HclExpression & { kind: 'template' }, resolver: TfResolver, range: OffsetRange): MapNode | undefined {
  let text = '';
  const unknown: string[] = [];
  for (const part of expression.parts) {
    if (part.kind === 'text') {
      text += part.value;
    } else if (part.kind === 'interpolation') {
      const values = resolver.scalars({ kind: 'expression', expression: part.expression, range: part.range });
      const value = values.length === 1 && values[0].known ? values[0].value : undefined;
      if (value !== undefined && value !== null && typeof value !== 'object') {
        text += String(value);
      } else {
        text += `${UNKNOWN_MARK}${unknown.length}@@`;
        unknown.push(describeExpression(part.expression));
      }
    } else {
      return undefined;
    }
  }
  if (unknown.length === 0 || !/^\s*\{/.test(text)) return undefined;
  // The bounded JSON reader the other policy strings go through; then each string holding an unknown part becomes
  // a template with `${...}` for those parts, the shape Fn::Sub gives in CloudFormation: a value that cannot be
  // known whose literal parts the rules may still read (support `patternText`).
  const withPatterns = (node: ValueNode): ValueNode | undefined => {
    switch (node.kind) {
      case 'scalar': {
        if (typeof node.value !== 'string' || !node.value.includes(UNKNOWN_MARK)) return node;
        const pattern = node.value.replace(UNKNOWN_MARKS, (_whole, index: string) => `\${${unknown[Number(index)]}}`);
        return { kind: 'intrinsic', name: 'Fn::Sub', nameRange: range, range, argument: { kind: 'scalar', value: pattern, range } };
      }
      case 'seq': {
        const items = node.items.map(withPatterns);
        return items.every((item): item is ValueNode => item !== undefined) ? { ...node, items } : undefined;
      }
      case 'map': {
        const entries: MapEntry[] = [];
        for (const entry of node.entries) {
          // A key holding an unknown part names no known field: the whole document cannot be read.
          const value = entry.value && withPatterns(entry.value);
          if (entry.key.includes(UNKNOWN_MARK) || (entry.value && !value)) return undefined;
          entries.push({ ...entry, value });
        }
        return { ...node, entries };
      }
      default:
        return node;
    }
  };
  const parsed = parseJsonValue(text, range);
  const document = parsed && withPatterns(parsed);
  return document?.kind === 'map' ? document : undefined;
}
