// Terraform's aws_ecs_task_definition gives its containers as one JSON document: `container_definitions =
// jsonencode([...])` (also through locals and variables) or a JSON string (quoted, heredoc, or with known
// interpolations). Each container is judged like a CloudFormation ContainerDefinitions entry, with the
// camelCase keys of the ECS API (privileged, readonlyRootFilesystem, environment). A document that cannot be
// read (file(), templatefile(), a module output) gives "cannot be checked", never a verdict on its text.
import type { TfRuleContext } from '../../terraform/context';
import type { TfResource } from '../../terraform/context';
import { expressionToNode } from '../../terraform/values';
import type { MapNode, OffsetRange } from '../../types';
import type { Rule, TerraformReader } from './rule';
import type { SettingCheck } from './setting';
import { parseJsonValue } from './jsonValue';
import { judgeSetting } from './setting';

/** The setting judged in every container, with the words of its findings. */
export type ContainerCheck = Omit<SettingCheck, 'displayName'>;

export function ecsContainersReader(check: ContainerCheck): TerraformReader {
  return {
    check(resource, context) {
      const containers = readContainers(resource, context);
      if (typeof containers === 'string') return [{ kind: 'unknown', reason: containers }];
      if (containers.length === 0) return [{ kind: 'not-applicable', detail: 'container_definitions lists no container.' }];
      const outcomes = containers.flatMap((container) => {
        const name = containerName(container, context);
        return judgeSetting(container, anchorOf(container), context.resolver, { ...check, displayName: `${check.path.filter((step) => step !== '[]').join('.')} of container ${name}` });
      });
      const gaps = outcomes.filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
      if (gaps.length > 0) return gaps;
      const unknown = outcomes.find((outcome) => outcome.kind === 'unknown');
      return unknown ? [unknown] : outcomes.slice(0, 1);
    },
  };
}

/** The containers of the task definition, or why they cannot be read. */
function readContainers(resource: TfResource, context: TfRuleContext): MapNode[] | string {
  const written = resource.body.entries.find((entry) => entry.key === 'container_definitions')?.value;
  if (!written) return 'container_definitions is not set';
  const resolver = context.resolver;
  const containers: MapNode[] = [];
  for (const candidate of resolver.expand({ node: written, via: [] })) {
    let node = candidate.node;
    if (node?.kind === 'expression' && node.expression.kind === 'call' && node.expression.name === 'jsonencode' && node.expression.args.length === 1) {
      const encoded = resolver.expand({ node: expressionToNode(node.expression.args[0]), via: candidate.via });
      if (encoded.length !== 1) return 'container_definitions is jsonencode() of a value that cannot be read';
      node = encoded[0].node;
    } else if (node?.kind === 'expression') {
      const texts = resolver.scalars(node, candidate.via);
      const text = texts.length === 1 && texts[0].known ? texts[0].value : undefined;
      if (typeof text !== 'string') return `container_definitions is ${texts[0]?.known === false ? texts[0].description : 'an expression'}`;
      node = { kind: 'scalar', value: text, range: node.range };
    }
    if (node?.kind === 'scalar' && typeof node.value === 'string') node = parseJsonValue(node.value, node.range); // every node points at the string
    if (node?.kind !== 'seq') return 'container_definitions is not a list of containers that can be read';
    for (const item of node.items) {
      for (const element of resolver.expand({ node: item, via: candidate.via })) {
        if (element.node?.kind !== 'map') return 'a container of container_definitions cannot be read';
        containers.push(element.node);
      }
    }
  }
  return containers;
}

function containerName(container: MapNode, context: TfRuleContext): string {
  const node = container.entries.find((entry) => entry.key === 'name')?.value;
  const values = node ? context.resolver.scalars(node) : [];
  return values.length === 1 && values[0].known ? `'${String(values[0].value)}'` : '(unnamed)';
}

/** Where a container's missing setting is reported: its name when written, else the container. */
function anchorOf(container: MapNode): OffsetRange {
  const name = container.entries.find((entry) => entry.key === 'name');
  return name?.value?.range ?? container.range;
}

/** A task-definition rule (CloudFormation reader from its spec) with the Terraform reading of container_definitions. */
export function withContainerDefinitions(rule: Rule, check: ContainerCheck): Rule {
  return {
    ...rule,
    meta: { ...rule.meta, resourceTypes: { ...rule.meta.resourceTypes, terraform: ['aws_ecs_task_definition'] } },
    terraform: ecsContainersReader(check),
  };
}
