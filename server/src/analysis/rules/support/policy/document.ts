// IAM policy documents as a template writes them: a YAML/JSON mapping, or a JSON string (also inside Fn::Sub or
// Fn::Join). Both are read into one model: statements with Effect, Action/NotAction, Resource/NotResource,
// Principal/NotPrincipal and Condition, each value with its node and range, resolved through the template's
// resolver (Ref to parameters, Fn::If, Fn::Sub...). A JSON string is parsed with JSON.parse; its values carry
// the range of the whole string, so findings in it point at the string.
import { describeExpression } from '../../../terraform/resolve';
import type { Candidate, ParameterChoice, Resolved } from '../../../resolution';
import type { MapNode, OffsetRange, ValueNode } from '../../../types';
import { MAX_NESTING } from '../../../limits';
import { parseJsonValue } from '../jsonValue';

/** What reading a policy needs of a resolver: CloudFormation's Resolver and Terraform's TfResolver both fit. */
export interface PolicyResolver {
  expand(candidate: Candidate): Candidate[];
  scalars(node: ValueNode, via?: readonly string[]): Resolved[];
}

/** One string a policy field may hold. */
export interface PolicyString {
  /** The literal value; undefined when it cannot be known from the template. */
  readonly value: string | undefined;
  /** The value, or for Fn::Sub/Fn::Join the text with `${...}` placeholders, or a description. */
  readonly text: string;
  readonly range: OffsetRange;
  readonly via: readonly string[];
  /** Certain: not from a non-default parameter value and not under an undecided condition. */
  readonly definite: boolean;
  /**
   * For a value that cannot be known but is a template with literal parts (Fn::Sub, Fn::Join, a Terraform
   * string with interpolations), its text with `${...}` for the unknown parts: `arn:aws:s3:::${Bucket}/*`.
   */
  readonly pattern?: string;
}

export interface PolicyField {
  readonly node: ValueNode;
  readonly range: OffsetRange;
  readonly values: readonly PolicyString[];
}

/** One entry of Principal / NotPrincipal: `*` (the string form), AWS, Service, Federated or CanonicalUser. */
export interface PrincipalEntry {
  readonly kind: string;
  readonly values: readonly PolicyString[];
}

export interface PolicyPrincipal {
  readonly node: ValueNode;
  readonly range: OffsetRange;
  readonly entries: readonly PrincipalEntry[];
}

export interface ConditionEntry {
  /** The operator as written, e.g. `StringEquals`, `ForAnyValue:StringLike`, `BoolIfExists`. */
  readonly operator: string;
  readonly key: string;
  readonly values: readonly PolicyString[];
  readonly range: OffsetRange;
}

export interface PolicyStatement {
  /** 1-based position in the document. */
  readonly index: number;
  readonly sid: string | undefined;
  readonly node: ValueNode;
  readonly range: OffsetRange;
  readonly effect: PolicyField | undefined;
  readonly action: PolicyField | undefined;
  readonly notAction: PolicyField | undefined;
  readonly resource: PolicyField | undefined;
  readonly notResource: PolicyField | undefined;
  readonly principal: PolicyPrincipal | undefined;
  readonly notPrincipal: PolicyPrincipal | undefined;
  readonly condition: readonly ConditionEntry[];
  readonly conditionRange: OffsetRange | undefined;
  readonly via: readonly string[];
}

export interface PolicyDocument {
  /** The node as written in the template (for a JSON string, the string). */
  readonly node: ValueNode;
  readonly range: OffsetRange;
  /** True when the document was written as a JSON string. */
  readonly fromJsonString: boolean;
  readonly statements: readonly PolicyStatement[];
  readonly via: readonly string[];
}

/**
 * Reads the policy documents a node may stand for (more than one under an undecided Fn::If). A string that
 * is not JSON, or an intrinsic that cannot be opened, gives no document.
 */
export function readPolicyDocuments(node: ValueNode | undefined, resolver: PolicyResolver, via: readonly string[] = [], gaps?: string[]): PolicyDocument[] {
  const documents: PolicyDocument[] = [];
  for (const candidate of resolver.expand({ node, via })) {
    const written = candidate.node;
    if (!written) continue;
    const body = asDocumentNode(written);
    if (!body) {
      gaps?.push(`the policy is ${describeNode(written)}${viaText(candidate.via)}, which cannot be read`);
      continue;
    }
    documents.push({
      node: written,
      range: written.range,
      fromJsonString: body !== written,
      statements: readStatements(body, resolver, candidate.via, gaps),
      via: candidate.via,
    });
  }
  return documents;
}

function describeNode(node: ValueNode): string {
  if (node.kind === 'scalar') return 'a string that is not a JSON policy';
  if (node.kind === 'intrinsic') return `${node.name}`;
  if (node.kind === 'expression') return 'an expression';
  return node.kind === 'seq' ? 'a list' : 'a value';
}

function viaText(via: readonly string[]): string {
  return via.length > 0 ? ` (${via.join('; ')})` : '';
}

/** The mapping of a document: the node itself, or a JSON string parsed into nodes that carry the string's range. */
function asDocumentNode(node: ValueNode): MapNode | undefined {
  if (node.kind === 'map') return node;
  const text = jsonText(node);
  if (text === undefined) return undefined;
  const converted = parseJsonValue(text, node.range);
  return converted?.kind === 'map' ? converted : undefined;
}

/** The JSON text of a string, Fn::Sub template or Fn::Join of strings (placeholders kept as `${...}`). */
function jsonText(node: ValueNode): string | undefined {
  if (node.kind === 'scalar') return typeof node.value === 'string' && /^\s*\{/.test(node.value) ? node.value : undefined;
  if (node.kind !== 'intrinsic') return undefined;
  if (node.name === 'Fn::Sub' || node.name === 'Fn::Join') {
    const text = patternText(node);
    return text !== undefined && /^\s*\{/.test(text) ? text : undefined;
  }
  return undefined;
}

function readStatements(document: MapNode, resolver: PolicyResolver, via: readonly string[], gaps?: string[]): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  const nodes: { node: ValueNode; via: readonly string[] }[] = [];
  for (const candidate of resolver.expand({ node: entry(document, 'Statement'), via })) {
    if (!candidate.node) continue;
    if (candidate.node.kind === 'seq') {
      for (const item of candidate.node.items) {
        for (const inner of resolver.expand({ node: item, via: candidate.via })) if (inner.node) nodes.push({ node: inner.node, via: inner.via });
      }
    } else {
      nodes.push({ node: candidate.node, via: candidate.via });
    }
  }
  nodes.forEach(({ node, via: statementVia }, position) => {
    if (node.kind !== 'map') {
      gaps?.push(`statement ${position + 1} is ${describeNode(node)}${viaText(statementVia)}, which cannot be read`);
      return;
    }
    const sid = entry(node, 'Sid');
    statements.push({
      index: position + 1,
      sid: sid?.kind === 'scalar' && sid.value !== null ? String(sid.value) : undefined,
      node,
      range: node.range,
      effect: field(entry(node, 'Effect'), resolver, statementVia),
      action: field(entry(node, 'Action'), resolver, statementVia),
      notAction: field(entry(node, 'NotAction'), resolver, statementVia),
      resource: field(entry(node, 'Resource'), resolver, statementVia),
      notResource: field(entry(node, 'NotResource'), resolver, statementVia),
      principal: principal(entry(node, 'Principal'), resolver, statementVia),
      notPrincipal: principal(entry(node, 'NotPrincipal'), resolver, statementVia),
      condition: conditions(entry(node, 'Condition'), resolver, statementVia),
      conditionRange: entry(node, 'Condition')?.range,
      via: statementVia,
    });
  });
  return statements;
}

function field(node: ValueNode | undefined, resolver: PolicyResolver, via: readonly string[]): PolicyField | undefined {
  if (!node) return undefined;
  return { node, range: node.range, values: strings(node, resolver, via) };
}

function principal(node: ValueNode | undefined, resolver: PolicyResolver, via: readonly string[]): PolicyPrincipal | undefined {
  if (!node) return undefined;
  const entries: PrincipalEntry[] = [];
  for (const candidate of resolver.expand({ node, via })) {
    if (!candidate.node) continue;
    if (candidate.node.kind === 'map') {
      for (const item of candidate.node.entries) {
        if (item.value) entries.push({ kind: item.key, values: strings(item.value, resolver, candidate.via) });
      }
    } else {
      entries.push({ kind: '*', values: strings(candidate.node, resolver, candidate.via) });
    }
  }
  return { node, range: node.range, entries };
}

function conditions(node: ValueNode | undefined, resolver: PolicyResolver, via: readonly string[]): ConditionEntry[] {
  const result: ConditionEntry[] = [];
  for (const candidate of resolver.expand({ node, via })) {
    if (candidate.node?.kind !== 'map') continue;
    for (const operator of candidate.node.entries) {
      for (const inner of resolver.expand({ node: operator.value, via: candidate.via })) {
        if (inner.node?.kind !== 'map') continue;
        for (const key of inner.node.entries) {
          if (!key.value) continue;
          result.push({ operator: operator.key, key: key.key, values: strings(key.value, resolver, inner.via), range: key.value.range });
        }
      }
    }
  }
  return result;
}

/**
 * Every string a value may hold: list items, Fn::If branches, parameter values. Lists of lists are read down to
 * MAX_NESTING levels; deeper, a value is unknown (never absent, so never read as "no principal").
 */
export function strings(node: ValueNode, resolver: PolicyResolver, via: readonly string[] = [], depth = 0): PolicyString[] {
  const result: PolicyString[] = [];
  for (const candidate of resolver.expand({ node, via })) {
    const value = candidate.node;
    if (!value) continue;
    const conditional = candidate.via.some((step) => step.startsWith('if ') || step.startsWith('unless '));
    if (value.kind === 'seq' && depth >= MAX_NESTING) {
      result.push({ value: undefined, text: 'a list nested too deeply to be read', range: value.range, via: candidate.via, definite: !conditional });
      continue;
    }
    if (value.kind === 'seq') {
      for (const item of value.items) result.push(...strings(item, resolver, candidate.via, depth + 1));
      continue;
    }
    if (value.kind === 'map') {
      result.push({ value: undefined, text: 'a mapping', range: value.range, via: candidate.via, definite: !conditional });
      continue;
    }
    for (const resolved of resolver.scalars(value, candidate.via)) {
      if (resolved.known) {
        result.push({
          value: resolved.value === null ? '' : String(resolved.value),
          text: String(resolved.value),
          range: value.range,
          via: resolved.via,
          definite: !conditional && isDefault(resolved.fromParameter),
        });
      } else {
        const pattern = patternText(value);
        result.push({ value: undefined, text: pattern ?? resolved.description, range: value.range, via: resolved.via, definite: !conditional, ...(pattern !== undefined ? { pattern } : {}) });
      }
    }
  }
  return result;
}

function isDefault(choice: ParameterChoice | undefined): boolean {
  return choice === undefined || choice.isDefault;
}

/**
 * The text of a value with what cannot be known as `${...}`: `arn:${AWS::Partition}:iam::aws:policy/X` for
 * Fn::Sub, Fn::Join and Ref to pseudo parameters; undefined for anything else that is not a literal.
 */
export function patternText(node: ValueNode, depth = 0): string | undefined {
  if (depth > 12) return undefined;
  if (node.kind === 'scalar') return node.value === null ? '' : String(node.value);
  // A Terraform string template: its literal text, with `${...}` for each interpolation (as Fn::Sub writes it).
  if (node.kind === 'expression' && node.expression.kind === 'template') {
    let text = '';
    for (const part of node.expression.parts) {
      if (part.kind === 'text') text += part.value;
      else if (part.kind === 'interpolation') text += `\${${describeExpression(part.expression)}}`;
      else return undefined;
    }
    return text;
  }
  if (node.kind !== 'intrinsic') return undefined;
  const argument = node.argument;
  switch (node.name) {
    case 'Fn::Sub': {
      const template = argument.kind === 'seq' ? argument.items[0] : argument;
      return template?.kind === 'scalar' && typeof template.value === 'string' ? template.value : undefined;
    }
    case 'Fn::Join': {
      if (argument.kind !== 'seq' || argument.items.length !== 2) return undefined;
      const [delimiterNode, list] = argument.items;
      const delimiter = delimiterNode.kind === 'scalar' ? String(delimiterNode.value ?? '') : '';
      if (list.kind !== 'seq') return undefined;
      return list.items.map((item) => patternText(item, depth + 1) ?? placeholder(item)).join(delimiter);
    }
    case 'Ref':
      return argument.kind === 'scalar' ? `\${${String(argument.value)}}` : undefined;
    default:
      return undefined;
  }
}

function placeholder(node: ValueNode): string {
  if (node.kind === 'intrinsic' && node.name === 'Fn::GetAtt' && node.argument.kind === 'seq') {
    return `\${${node.argument.items.map((item) => (item.kind === 'scalar' ? String(item.value) : '?')).join('.')}}`;
  }
  return '${?}';
}

function entry(map: MapNode, key: string): ValueNode | undefined {
  for (const item of map.entries) if (item.key === key) return item.value;
  return undefined;
}
