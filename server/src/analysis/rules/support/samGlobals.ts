// AWS SAM Globals: SAM copies Globals.<section> (Function, Api, HttpApi, SimpleTable, StateMachine) onto every
// resource of the matching AWS::Serverless::* type before CloudFormation sees it ("Globals section of the AWS SAM
// template", docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html).
// Rules on SAM types read the merged properties, so a setting made once in Globals counts for every resource.
import { mapEntry } from '../../cloudformation/template';
import type { CfnResource } from '../../cloudformation/template';
import type { MapEntry, MapNode, ValueNode } from '../../types';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';

/**
 * The properties SAM deploys for a resource: its own merged over Globals.<section>. As the SAM guide ("Globals
 * section of the AWS SAM template", overridable properties) says, a scalar of the resource replaces the global one,
 * maps are merged key by key (SSESpecification, VpcConfig, Environment.Variables) and lists are appended. Entries keep
 * their own ranges, so findings point into Globals.
 */
export function samProperties(resource: CfnResource, globals: MapNode | undefined, section: string): MapNode | undefined {
  const inherited = mapEntry(globals, section);
  if (inherited?.kind !== 'map' || inherited.entries.length === 0) return resource.properties;
  return mergeMaps(inherited, resource.properties ?? inherited, resource.properties !== undefined);
}

function mergeMaps(inherited: MapNode, own: MapNode, hasOwn: boolean): MapNode {
  if (!hasOwn) return inherited;
  const entries: MapEntry[] = own.entries.map((mine) => {
    const theirs = inherited.entries.find((entry) => entry.key === mine.key)?.value;
    return theirs && mine.value ? { ...mine, value: mergeValues(theirs, mine.value) } : mine;
  });
  entries.push(...inherited.entries.filter((entry) => !own.entries.some((mine) => mine.key === entry.key)));
  return { ...own, kind: 'map', entries };
}

function mergeValues(inherited: ValueNode, own: ValueNode): ValueNode {
  if (inherited.kind === 'map' && own.kind === 'map') return mergeMaps(inherited, own, true);
  if (inherited.kind === 'seq' && own.kind === 'seq') return { ...own, items: [...inherited.items, ...own.items] };
  return own;
}

/** Wraps a rule so that SAM resources of `samType` are judged with Globals.<section> merged in. */
export function withSamGlobals(rule: Rule, samType: string, section: string): Rule {
  const inner = rule.cloudformation;
  if (!inner) return rule;
  return {
    ...rule,
    cloudformation: {
      check(resource, context) {
        if (resource.type !== samType) return inner.check(resource, context);
        const globals = mapEntry(context.template.globals, section);
        const merged = samProperties(resource, context.template.globals, section);
        const outcomes = inner.check({ ...resource, properties: merged }, context);
        if (globals?.kind !== 'map') return outcomes;
        return outcomes.map((outcome) => inGlobals(outcome, globals) ? relabel(outcome, section) : outcome);
      },
    },
  };
}

function inGlobals(outcome: RuleOutcome, globals: MapNode): boolean {
  const range = 'range' in outcome ? outcome.range : undefined;
  return range !== undefined && range.start >= globals.range.start && range.end <= globals.range.end;
}

function relabel(outcome: RuleOutcome, section: string): RuleOutcome {
  if (outcome.kind === 'finding' || outcome.kind === 'depends') {
    return { ...outcome, message: `${outcome.message} (set in Globals.${section})` };
  }
  if (outcome.kind === 'addressed') return { ...outcome, detail: `${outcome.detail} (set in Globals.${section})` };
  return outcome;
}
