// A database's parameter group link followed to the group, and the group's parameters judged (rds-force-tls,
// redshift-require-ssl, docdb-tls). The finding sits on the database; the group is a related location.
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import { mapEntry } from '../../cloudformation/template';
import { describeVia, quote } from '../../cloudformation/resolve';
import type { OffsetRange, RelatedLocation, ScalarValue, ValueNode } from '../../types';
import { compatible } from '../../resolution';
import type { ValueResolver } from '../../resolution';
import type { TfResource, TfRuleContext } from '../../terraform/context';
import { referenceParts } from '../../terraform/hcl';
import type { RuleOutcome } from './outcome';
import { singleString } from './values';

/** What a parameter group needs for this database, or a reason the check does not apply. */
export interface GroupExpectation {
  /** Parameter names that enforce the duty (any one is enough). */
  readonly parameters: readonly string[];
  readonly isEnforcing: (value: ScalarValue, parameter: string) => boolean;
  /**
   * Set when the engine cannot be read: a group that sets none of `parameters` (or the default group) cannot be
   * judged, so it gives 'unknown' with this reason instead of a finding.
   */
  readonly engineUnknown?: string;
  /** The default group, or a group without the parameter, already enforces it. */
  readonly enforcedByDefault: boolean;
  /** What to add, e.g. "rds.force_ssl: 1". */
  readonly example: string;
}


export interface ParameterGroupCheck {
  /** Property on the database naming its group (DBParameterGroupName). */
  readonly link: string;
  readonly groupType: string;
  /**
   * What is expected, given the linked group (undefined for the default group, whose name, e.g. 'default.mysql8.0',
   * is given when written); a string says why it cannot be judged here ('unknown').
   */
  readonly expect: (group: CfnResource | undefined, defaultName?: string) => GroupExpectation | string;
  /** The value nodes of a parameter in the group; empty when the group does not set it. */
  readonly readParameter: (group: CfnResource, name: string, context: CfnRuleContext) => { node: ValueNode; via: readonly string[] }[];
  /** Completes "... : " for a database whose group does not enforce the duty. */
  readonly consequence: string;
  /** The provenance of the engine judged (one branch of an undecided condition): links on the other branch are left out. */
  readonly branch?: readonly string[];
}


/** The Terraform form of a check: the database's argument naming its group, and the group resource type. */
export interface TfParameterGroupCheck {
  /** Argument on the database naming its group (parameter_group_name). */
  readonly link: string;
  readonly groupType: string;
  readonly expect: (group: TfResource | undefined, defaultName?: string) => GroupExpectation | string;
  readonly consequence: string;
  readonly branch?: readonly string[];
}


type Link<G> =
  | { kind: 'absent'; via: readonly string[] }
  | { kind: 'group'; group: G; range: OffsetRange; via: readonly string[] }
  | { kind: 'default'; name: string; range: OffsetRange; via: readonly string[] }
  | { kind: 'unknown'; text: string };

/** How the judgement sees a group of either format. */
interface GroupAccess<G> {
  readonly link: string;
  readonly expect: (group: G | undefined, defaultName?: string) => GroupExpectation | string;
  readonly parameter: (group: G, name: string) => { node: ValueNode; via: readonly string[] }[];
  readonly name: (group: G) => string;
  /** Where "add the parameter here" points. */
  readonly parametersRange: (group: G) => OffsetRange;
  /** Why some of the group's parameters cannot be read (a dynamic block, a variable), if so. */
  readonly unreadable: (group: G) => string | undefined;
  readonly consequence: string;
}


function links(resource: CfnResource, context: CfnRuleContext, check: ParameterGroupCheck): Link<CfnResource>[] {
  const result: Link<CfnResource>[] = [];
  for (const candidate of context.resolver.lookup(resource.properties, [check.link])) {
    if (!compatible(check.branch ?? [], candidate.via)) continue;
    const node = candidate.node;
    if (!node) {
      result.push({ kind: 'absent', via: candidate.via });
      continue;
    }
    if (node.kind === 'intrinsic' && node.name === 'Ref' && node.argument.kind === 'scalar') {
      const target = context.template.resourcesById.get(String(node.argument.value));
      if (target) {
        if (target.type === check.groupType) result.push({ kind: 'group', group: target, range: node.range, via: candidate.via });
        else result.push({ kind: 'unknown', text: `${check.link} refers to ${target.id}` });
        continue;
      }
    }
    for (const resolved of context.resolver.scalars(node, candidate.via)) {
      if (!resolved.known) {
        result.push({ kind: 'unknown', text: `${check.link} is ${resolved.description}${describeVia(resolved.via)}` });
        continue;
      }
      const name = String(resolved.value);
      const via = resolved.fromParameter && !resolved.fromParameter.isDefault ? [...resolved.via, 'if'] : resolved.via;
      if (name.toLowerCase().startsWith('default.')) result.push({ kind: 'default', name, range: node.range, via });
      else result.push({ kind: 'unknown', text: `${check.link} is ${quote(name)}, a group defined outside this template` });
    }
  }
  return result;
}


/** Terraform: the group by reference (aws_db_parameter_group.x.name / .id) or by its literal name in this module. */
function tfLinks(resource: TfResource, context: TfRuleContext, check: TfParameterGroupCheck): Link<TfResource>[] {
  const result: Link<TfResource>[] = [];
  const groups = context.resourcesOfType(check.groupType);
  for (const candidate of context.resolver.lookup(resource.body, [check.link])) {
    if (!compatible(check.branch ?? [], candidate.via)) continue;
    const node = candidate.node;
    if (!node) {
      result.push({ kind: 'absent', via: candidate.via });
      continue;
    }
    const reference = node.kind === 'expression' ? referenceParts(node.expression) : undefined;
    if (reference && reference.names[0] !== 'var' && reference.names[0] !== 'local' && reference.names.length >= 2) {
      const target = reference.names[0] === check.groupType ? groups.find((group) => group.name === reference.names[1]) : undefined;
      if (target) result.push({ kind: 'group', group: target, range: node.range, via: candidate.via });
      else result.push({ kind: 'unknown', text: `${check.link} refers to ${reference.parts.join('.')}` });
      continue;
    }
    for (const resolved of context.resolver.scalars(node, candidate.via)) {
      if (!resolved.known) {
        result.push({ kind: 'unknown', text: `${check.link} is ${resolved.description}${describeVia(resolved.via)}` });
        continue;
      }
      const name = String(resolved.value);
      const named = groups.find((group) => singleString(mapEntry(group.body, 'name'), context) === name.toLowerCase());
      if (named) result.push({ kind: 'group', group: named, range: node.range, via: resolved.via });
      else if (name.toLowerCase().startsWith('default.')) result.push({ kind: 'default', name, range: node.range, via: resolved.via });
      else result.push({ kind: 'unknown', text: `${check.link} is ${quote(name)}, a group defined outside this module` });
    }
  }
  return result;
}


function isConditional(via: readonly string[]): boolean {
  return via.some((step) => step === 'if' || step.startsWith('if ') || step.startsWith('unless '));
}


/** Follows the database's parameter group link and judges the group's parameters. */
export function checkParameterGroup(resource: CfnResource, context: CfnRuleContext, check: ParameterGroupCheck): RuleOutcome[] {
  return judgeParameterGroup(links(resource, context, check), resource.idRange, context.resolver, {
    link: check.link,
    expect: check.expect,
    parameter: (group, name) => check.readParameter(group, name, context),
    name: (group) => group.id,
    parametersRange: (group) => keyRange(group, 'Parameters') ?? group.idRange,
    unreadable: (group) => context.resolver.lookup(group.properties, ['Parameters']).some((candidate) => candidate.node !== undefined && candidate.node.kind !== 'map' && candidate.node.kind !== 'seq')
      ? `Parameters of ${group.id} is computed` : undefined,
    consequence: check.consequence,
  });
}


/** The Terraform reading: `parameter { name = ... value = ... }` blocks of the linked group, same judgement. */
export function checkTfParameterGroup(resource: TfResource, context: TfRuleContext, check: TfParameterGroupCheck): RuleOutcome[] {
  return judgeParameterGroup(tfLinks(resource, context, check), resource.anchor, context.resolver, {
    link: check.link,
    expect: (group, defaultName) => {
      const expectation = check.expect(group, defaultName);
      return typeof expectation === 'string' ? expectation : { ...expectation, example: tfExample(expectation.example) };
    },
    parameter: (group, name) => context.resolver.lookup(group.body, ['parameter', '[]']).flatMap((candidate) => {
      if (candidate.node?.kind !== 'map' || singleString(mapEntry(candidate.node, 'name'), context) !== name.toLowerCase()) return [];
      const value = mapEntry(candidate.node, 'value');
      return value ? [{ node: value, via: candidate.via }] : [];
    }),
    name: (group) => group.address,
    parametersRange: (group) => group.anchor,
    unreadable: (group) => {
      for (const candidate of context.resolver.lookup(group.body, ['parameter'])) {
        const node = candidate.node;
        if (!node) continue;
        const blocks = node.kind === 'seq' ? node.items : [node];
        // `parameter = var.x`, or a block (dynamic "parameter" content) whose name is an expression.
        if (blocks.some((block) => block.kind !== 'map' || singleString(mapEntry(block, 'name'), context) === undefined)) return `a parameter of ${group.address} is computed (a dynamic block or an expression)`;
      }
      return undefined;
    },
    consequence: check.consequence,
  });
}


/** "rds.force_ssl: 1" -> 'parameter { name = "rds.force_ssl" value = "1" }'. */
function tfExample(example: string): string {
  return example.replace(/([\w.]+): '?([\w.-]+)'?/g, 'parameter { name = "$1" value = "$2" }');
}


function judgeParameterGroup<G>(groupLinks: readonly Link<G>[], anchor: OffsetRange, resolver: ValueResolver, check: GroupAccess<G>): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  const fine: string[] = [];
  // Deciding values this rule cannot read: never 'addressed', never a finding.
  const unknowns: string[] = [];
  const report = (message: string, range: OffsetRange, via: readonly string[], related: RelatedLocation[] = []) => {
    outcomes.push(isConditional(via)
      ? { kind: 'depends', message: `Depends on the deployment: ${message}`, range }
      : { kind: 'finding', message, range, ...(related.length > 0 ? { related } : {}) });
  };
  for (const link of groupLinks) {
    if (link.kind === 'unknown') {
      unknowns.push(`${link.text}; cannot be checked in the template`);
      continue;
    }
    const expectation = check.expect(link.kind === 'group' ? link.group : undefined, link.kind === 'default' ? link.name : undefined);
    if (typeof expectation === 'string') {
      unknowns.push(expectation);
      continue;
    }
    const via = describeVia(link.via.filter((step) => step !== 'if'));
    if (link.kind === 'absent' || link.kind === 'default') {
      const what = link.kind === 'absent' ? `${check.link} is not set${via}, so the default parameter group applies` : `${check.link} is the default group ${quote(link.name)}${via}`;
      if (expectation.enforcedByDefault) fine.push(`${what}, which enforces it`);
      else if (expectation.engineUnknown) unknowns.push(`${what}; ${expectation.engineUnknown}`);
      else report(`${what}: ${check.consequence} Use a parameter group with ${expectation.example}.`, link.kind === 'absent' ? anchor : link.range, link.via);
      continue;
    }
    const group = link.group;
    const groupName = check.name(group);
    let set = false;
    let enforced = false;
    const bad: { text: string; range: OffsetRange; definite: boolean; parameter: string }[] = [];
    for (const name of expectation.parameters) {
      for (const value of check.parameter(group, name)) {
        set = true;
        for (const resolved of resolver.scalars(value.node, value.via)) {
          if (!resolved.known) {
            enforced = true; // cannot be judged: do not alarm, and do not call it addressed either
            unknowns.push(`${name} in ${groupName} is ${resolved.description}; cannot be checked in the template`);
            continue;
          }
          if (expectation.isEnforcing(resolved.value, name)) {
            enforced = true;
            continue;
          }
          bad.push({
            text: `${name} is ${quote(resolved.value)} in parameter group ${groupName}${describeVia(resolved.via)}`,
            range: value.node.range,
            definite: !isConditional(resolved.via) && (!resolved.fromParameter || resolved.fromParameter.isDefault),
            parameter: name,
          });
        }
      }
    }
    const unreadable = set ? undefined : check.unreadable(group);
    if (unreadable) {
      unknowns.push(`${unreadable}, so whether ${groupName} sets ${expectation.parameters.join(' or ')} cannot be checked in the code`);
      continue;
    }
    if (!set) {
      if (expectation.enforcedByDefault) fine.push(`${groupName} leaves the parameter at its default, which enforces it`);
      else if (expectation.engineUnknown) unknowns.push(`parameter group ${groupName} sets none of ${expectation.parameters.join(', ')}; ${expectation.engineUnknown}`);
      else report(`parameter group ${groupName} does not set ${expectation.parameters.join(' or ')}${via}: ${check.consequence}`, link.range, link.via,
        [{ message: `Add ${expectation.example} to the parameters of ${groupName}.`, range: check.parametersRange(group) }]);
      continue;
    }
    const failure = bad.find((entry) => entry.definite) ?? bad[0];
    if (failure && !(enforced && bad.every((entry) => !entry.definite))) {
      report(`${failure.text}: ${check.consequence}`, link.range, failure.definite ? link.via : [...link.via, 'if'],
        [{ message: `Set ${expectation.example} here.`, range: failure.range }]);
    } else {
      fine.push(`${groupName} sets ${expectation.parameters.join(' or ')}`);
    }
  }
  if (outcomes.length > 0) return outcomes;
  if (unknowns.length > 0) return [{ kind: 'unknown', reason: unknowns.join('; ') }];
  return [{ kind: 'addressed', detail: fine.join('; ') || 'TLS is enforced.' }];
}


function keyRange(resource: CfnResource, key: string): OffsetRange | undefined {
  return resource.properties?.entries.find((entry) => entry.key === key)?.keyRange;
}


