// Element rules: a setting checked in each element of a list (volume mappings, EFS volumes, custom origins).
import type { CfnRuleContext } from '../../cloudformation/context';
import { describeVia, isConditionalStep } from '../../resolution';
import type { Candidate, ValueResolver } from '../../resolution';
import type { TfRuleContext } from '../../terraform/context';
import type { MapNode, OffsetRange, ValueNode } from '../../types';
import type { RuleOutcome } from './outcome';
import type { FixOperation, HclData, Rule, SetSettingFix, TerraformReader } from './rule';
import { settingRule } from './settingRule';
import type { SettingRuleSpec } from './settingRule';

/** The Terraform form of an element rule: the repeated blocks holding the elements, and the path in each. */
export interface TfElements {
  /** Repeated blocks (or lists of objects) whose elements are judged, e.g. root_block_device and ebs_block_device. */
  readonly lists: readonly string[];
  /** Argument path relative to an element. */
  readonly path: string;
  readonly applies?: (element: MapNode, context: TfRuleContext) => boolean;
}


/**
 * A setting checked in each element of a list that the element applies to (a volume mapping with an Ebs
 * block, an EFS volume, a custom origin): `list` is the list's path, `cloudformation.path` is relative to the
 * element. Elements the setting does not apply to are left alone instead of being read as "not set". An
 * absent list is reported with `whenListMissing`, or means nothing to check. `elements` gives the Terraform
 * blocks; 'argument' where Terraform has one argument on the resource instead (the knowledge base's reading);
 * false where Terraform cannot express the setting the same way (the rule then lists no Terraform type).
 */
export function elementRule(spec: SettingRuleSpec & {
  readonly list: string;
  readonly applies?: (element: MapNode, context: CfnRuleContext) => boolean;
  readonly whenListMissing?: ListMissing;
  readonly elements: TfElements | 'argument' | false;
  /** Reconsiders one element's outcomes (e.g. a volume restored from a snapshot, a root volume). */
  readonly refine?: (element: MapNode, outcomes: RuleOutcome[], where: ElementWhere) => RuleOutcome[];
}): Rule {
  const relative = spec.cloudformation.path;
  if (!relative) throw new Error(`elementRule ${spec.setting} needs a relative path`);
  const tf = spec.elements;
  const outer = settingRule({ ...spec, cloudformation: { ...spec.cloudformation, path: `${spec.list}[].${relative}`, fix: undefined }, ...(tf === 'argument' ? {} : { terraform: false }) });
  const inner = settingRule({ ...spec, cloudformation: { ...spec.cloudformation, skip: undefined, fix: undefined }, terraform: tf && tf !== 'argument' ? { ...(spec.terraform || {}), path: tf.path } : false });
  const listPath = spec.list.split('.');
  const terraformTypes = tf === false ? [] : tf === 'argument' ? outer.meta.resourceTypes.terraform : inner.meta.resourceTypes.terraform;
  const fix = elementFix(spec, relative, tf);
  const fixId = fix ? `set-${relative.replace(/\./g, '-')}-in-each` : undefined;
  // A gap in an element gets the fix, which writes the value in every element that lacks it (not an absent list).
  const withFix = (outcomes: RuleOutcome[]): RuleOutcome[] => (fixId ? outcomes.map((outcome) => (outcome.kind === 'finding' || outcome.kind === 'depends' ? { ...outcome, fixId } : outcome)) : outcomes);
  return {
    meta: { ...outer.meta, resourceTypes: { ...outer.meta.resourceTypes, terraform: terraformTypes } },
    ...(fix && fixId ? { fixes: { [fixId]: fix } } : {}),
    cloudformation: {
      check(resource, context) {
        const reason = spec.cloudformation.skip?.(resource, context);
        if (Array.isArray(reason)) return reason;
        if (reason) return [{ kind: 'not-applicable', detail: reason }];
        return judgeElements(spec, spec.list, [listPath], resource.properties, resource.idRange, context, spec.applies, (element) => {
          const outcomes = inner.cloudformation?.check({ ...resource, properties: element, idRange: elementRange(element) }, context) ?? [];
          return withFix(spec.refine ? spec.refine(element, outcomes, { format: 'cloudformation', list: spec.list, resolver: context.resolver }) : outcomes);
        });
      },
    },
    ...(tf === 'argument' && outer.terraform ? { terraform: outer.terraform } : {}),
    ...(tf && tf !== 'argument' && inner.terraform
      ? {
        terraform: {
          check: (resource, context) => judgeElements(spec, tf.lists.join(' and '), tf.lists.map((list) => list.split('.')), resource.body, resource.anchor, context, tf.applies, (element, list) => {
            const outcomes = inner.terraform?.check({ ...resource, body: element, anchor: elementRange(element) }, context) ?? [];
            return withFix(spec.refine ? spec.refine(element, outcomes, { format: 'terraform', list, resolver: context.resolver }) : outcomes);
          }, true),
        } satisfies TerraformReader,
      }
      : {}),
  };
}


/**
 * The fix of an element rule with a `cloudformation.fix` value: the value set in every element of the list that
 * lacks it (only elements with the path's first key when the path is nested: `Ebs` of `Ebs.Encrypted`), and in
 * Terraform in every block of each element list (`terraform.fix`, else the same value). Safety as the spec says.
 */
function elementFix(spec: SettingRuleSpec & { readonly list: string }, relative: string, tf: TfElements | 'argument' | false): SetSettingFix | undefined {
  const value = spec.cloudformation.fix;
  if (value === undefined) return undefined;
  const path = relative.split('.');
  const name = path[path.length - 1];
  const terraformValue = (spec.terraform ? spec.terraform.fix : undefined) ?? value;
  const tfPath = tf && tf !== 'argument' ? tf.path.split('.') : undefined;
  const tfOperations: FixOperation<HclData>[] | undefined = tf && tf !== 'argument' && tfPath
    ? tf.lists.map((list) => ({ op: 'each' as const, list: list.split('.'), path: tfPath, value: terraformValue, ...(tfPath.length > 1 ? { where: tfPath[0] } : {}) }))
    : undefined;
  return {
    title: `Set ${name}: ${String(value)} in every entry of ${spec.list.split('.').pop() ?? spec.list}`,
    path: [],
    value,
    safety: spec.cloudformation.fixSafety ?? 'safe',
    operations: [{ op: 'each', list: spec.list.split('.'), path, value, ...(path.length > 1 ? { where: path[0] } : {}) }],
    ...(tfOperations && tfPath
      ? { terraform: { title: `Set ${tfPath.join('.')} = ${JSON.stringify(terraformValue)} in every ${tf && tf !== 'argument' ? tf.lists.join(' and ') : ''} block`, path: [], value: terraformValue, operations: tfOperations, ...(spec.terraform && spec.terraform.fixSafety ? { safety: spec.terraform.fixSafety } : {}) } }
      : {}),
  };
}

/** What an absent list means: a gap (with a severity), or a gap that depends on things outside the file. */
export interface ListMissing {
  readonly message: string;
  readonly severity?: 'warning' | 'info';
  readonly depends?: boolean;
}


export interface ElementWhere {
  readonly format: 'cloudformation' | 'terraform';
  /** The list (CloudFormation path, Terraform block name) the element belongs to. */
  readonly list: string;
  readonly resolver: ValueResolver;
}


/** The judgement of both formats: every applicable element of the lists, or what an absent list means. */
function judgeElements<C extends { readonly resolver: ValueResolver & { expand(candidate: Candidate): Candidate[] } }>(
  spec: { readonly whenListMissing?: ListMissing },
  listName: string,
  listPaths: readonly (readonly string[])[],
  start: MapNode | undefined,
  anchor: OffsetRange,
  context: C,
  applies: ((element: MapNode, context: C) => boolean) | undefined,
  judge: (element: MapNode, list: string) => RuleOutcome[],
  /** Terraform: a single block is one element (repeated blocks are a list). */
  singleBlock = false,
): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  let listSeen = false;
  let applicable = 0;
  let unreadable: string | undefined;
  // The via of every way the lists may be absent (or empty): one branch of an undecided condition, or certain.
  const missing: (readonly string[])[] = [];
  for (const listPath of listPaths) {
    const list = listPath.join('.');
    for (const candidate of context.resolver.lookup(start, listPath)) {
      // An empty list sets nothing: the same as no list.
      if (!candidate.node || (candidate.node.kind === 'seq' && candidate.node.items.length === 0)) {
        missing.push(candidate.via);
        continue;
      }
      listSeen = true;
      // A list given as something that is not a list of mappings (a Ref, an expression, a scalar) cannot be read.
      if (candidate.node.kind !== 'seq' && !(candidate.node.kind === 'map' && singleBlock)) {
        unreadable ??= `${list} cannot be read as a list of entries${describeVia(candidate.via)}`;
        continue;
      }
      const items = candidate.node.kind === 'seq' ? candidate.node.items : [candidate.node];
      const elements = items.flatMap((item) => context.resolver.expand({ node: item, via: candidate.via }));
      for (const element of elements) {
        if (element.node?.kind !== 'map') {
          if (element.node) unreadable ??= `an entry of ${list} cannot be read${describeVia(element.via)}`;
          continue;
        }
        if (applies && !applies(element.node, context)) continue;
        applicable++;
        // An element that exists only on one branch of an undecided condition fails only on that branch.
        outcomes.push(...onlyIf(judge(element.node, list), element.via));
      }
    }
  }
  if (spec.whenListMissing && missing.length > 0) {
    // Absent on every way through (several lists: all of them absent) is certain; absent on some branch only depends.
    const certain = !listSeen && missing.some((via) => !via.some(isConditionalStep));
    if (!listSeen || missing.some((via) => via.some(isConditionalStep))) {
      const via = certain ? [] : missing.find((steps) => steps.some(isConditionalStep)) ?? [];
      const message = `${listName} ${listPaths.length > 1 ? 'are' : 'is'} not set${describeVia(via)}: ${spec.whenListMissing.message}`;
      const outcome: RuleOutcome = spec.whenListMissing.depends || !certain
        ? { kind: 'depends', message: `Depends on the deployment: ${message}`, range: anchor }
        : { kind: 'finding', message, range: anchor, ...(spec.whenListMissing.severity ? { severity: spec.whenListMissing.severity } : {}) };
      if (!listSeen) return [outcome];
      outcomes.push(outcome);
    }
  }
  const gaps = outcomes.filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
  if (gaps.length > 0) return gaps;
  if (unreadable) return [{ kind: 'unknown', reason: unreadable }];
  if (applicable === 0) return [{ kind: 'not-applicable', detail: `No ${listName} entry this setting applies to.` }];
  return outcomes;
}

/** An element's own text: from its first key to the end of its last scalar (no trailing line break). */
export function elementRange(element: MapNode): OffsetRange {
  const first = element.entries[0];
  return first ? { start: first.keyRange.start, end: contentEnd(element) } : element.range;
}

function contentEnd(node: ValueNode): number {
  if (node.kind === 'map' && node.entries.length > 0) {
    const last = node.entries[node.entries.length - 1];
    return last.value ? contentEnd(last.value) : last.keyRange.end;
  }
  if (node.kind === 'seq' && node.items.length > 0) return contentEnd(node.items[node.items.length - 1]);
  return node.range.end;
}


/**
 * Outcomes of an element reached through `via`: when a step of it holds only on one branch of an undecided
 * condition, a gap is only on that branch ('depends', naming the branch).
 */
function onlyIf(outcomes: RuleOutcome[], via: readonly string[]): RuleOutcome[] {
  if (!via.some(isConditionalStep)) return outcomes;
  const branch = describeVia(via.filter(isConditionalStep));
  return outcomes.map((outcome) => {
    if (outcome.kind !== 'finding' && outcome.kind !== 'depends') return outcome;
    const text = outcome.message.replace(/^Depends on the deployment: /, '');
    const colon = text.indexOf(': ');
    const message = colon < 0 ? `${text}${branch}` : `${text.slice(0, colon)}${branch}${text.slice(colon)}`;
    return { kind: 'depends', message: `Depends on the deployment: ${message}`, range: outcome.range, ...(outcome.fixId ? { fixId: outcome.fixId } : {}), ...(outcome.evidence ? { evidence: outcome.evidence } : {}) };
  });
}
