// The template model: parameters, conditions, mappings and resources, each with its source ranges.
import type { MapEntry, MapNode, OffsetRange, Problem, ValueNode } from '../types';
import { expandForEach, expandLoopsIn, isForEachKey, LANGUAGE_EXTENSIONS } from './languageExtensions';

export interface CfnParameter {
  readonly name: string;
  readonly nameRange: OffsetRange;
  readonly type: string | undefined;
  readonly defaultValue: ValueNode | undefined;
  readonly allowedValues: readonly ValueNode[] | undefined;
  /** NoEcho: the value is masked in the console and API output. */
  readonly noEcho: boolean;
}

export interface CfnResource {
  readonly id: string;
  readonly idRange: OffsetRange;
  readonly type: string | undefined;
  readonly typeRange: OffsetRange | undefined;
  /** The resource's mapping (Type, Properties, Condition, ...). */
  readonly node: MapNode;
  readonly properties: MapNode | undefined;
  readonly propertiesKeyRange: OffsetRange | undefined;
  readonly condition: string | undefined;
  /** From the logical id to the end of the resource's value. */
  readonly range: OffsetRange;
  /**
   * Made by Fn::ForEach (AWS::LanguageExtensions): the loops' names, outermost first. The id is the generated
   * logical id; the ranges are those of the loop body the user wrote, which several resources share.
   */
  readonly loops?: readonly string[];
}

export interface CfnTemplate {
  readonly format: 'yaml' | 'json';
  readonly root: MapNode;
  readonly parameters: ReadonlyMap<string, CfnParameter>;
  readonly conditions: ReadonlyMap<string, ValueNode>;
  readonly mappings: ReadonlyMap<string, ValueNode>;
  readonly resources: readonly CfnResource[];
  readonly resourcesById: ReadonlyMap<string, CfnResource>;
  readonly transforms: readonly string[];
  /** SAM `Globals`, which apply to every function/api/table of the template. */
  readonly globals: MapNode | undefined;
}

export function mapEntry(map: MapNode | undefined, key: string): ValueNode | undefined {
  if (!map) return undefined;
  for (const entry of map.entries) if (entry.key === key) return entry.value;
  return undefined;
}

export function buildTemplate(root: MapNode, format: 'yaml' | 'json', problems: Problem[]): CfnTemplate {
  const parameters = new Map<string, CfnParameter>();
  const parametersNode = mapEntry(root, 'Parameters');
  if (parametersNode?.kind === 'map') {
    for (const entry of parametersNode.entries) {
      const body = entry.value?.kind === 'map' ? entry.value : undefined;
      const type = mapEntry(body, 'Type');
      const allowed = mapEntry(body, 'AllowedValues');
      parameters.set(entry.key, {
        name: entry.key,
        nameRange: entry.keyRange,
        type: type?.kind === 'scalar' ? String(type.value) : undefined,
        defaultValue: mapEntry(body, 'Default'),
        allowedValues: allowed?.kind === 'seq' ? allowed.items : undefined,
        noEcho: (() => {
          const noEcho = mapEntry(body, 'NoEcho');
          return noEcho?.kind === 'scalar' && String(noEcho.value).toLowerCase() === 'true';
        })(),
      });
    }
  }
  const transformNode = mapEntry(root, 'Transform');
  const transforms: string[] = [];
  if (transformNode?.kind === 'scalar' && typeof transformNode.value === 'string') transforms.push(transformNode.value);
  if (transformNode?.kind === 'seq') {
    for (const item of transformNode.items) if (item.kind === 'scalar' && typeof item.value === 'string') transforms.push(item.value);
  }
  const languageExtensions = transforms.includes(LANGUAGE_EXTENSIONS);
  // Fn::ForEach also makes conditions and, inside a resource, properties (the transform expands it there too).
  const expanded = (node: ValueNode | undefined): ValueNode | undefined => (node && languageExtensions ? expandLoopsIn(node, parameters, problems) : node);

  const conditions = namedValues(expanded(mapEntry(root, 'Conditions')));
  const mappings = namedValues(mapEntry(root, 'Mappings'));

  const resources: CfnResource[] = [];
  const resourcesNode = mapEntry(root, 'Resources');
  if (resourcesNode && resourcesNode.kind !== 'map') {
    problems.push({ message: 'Resources should be a mapping of logical ids to resources.', range: resourcesNode.range, severity: 'warning' });
  }
  const bodyExpanded = (entry: MapEntry): MapEntry => (languageExtensions && entry.value ? { ...entry, value: expanded(entry.value) } : entry);
  if (resourcesNode?.kind === 'map') {
    for (const entry of resourcesNode.entries) {
      if (isForEachKey(entry.key)) {
        if (!languageExtensions) {
          problems.push({ message: `${entry.key} (a language-extension loop) needs Transform: ${LANGUAGE_EXTENSIONS}, which this template does not declare; the resources it would make are not analysed.`, range: entry.keyRange, severity: 'info' });
          continue;
        }
        for (const generated of expandForEach(entry, parameters, problems)) {
          const resource = resourceOf(bodyExpanded(generated.entry), generated.loops);
          if (resource) resources.push(resource);
        }
        continue;
      }
      const resource = resourceOf(bodyExpanded(entry));
      if (resource) resources.push(resource);
    }
  }
  const globals = mapEntry(root, 'Globals');
  return {
    format,
    root,
    parameters,
    conditions,
    mappings,
    resources,
    resourcesById: new Map(resources.map((resource) => [resource.id, resource])),
    transforms,
    globals: globals?.kind === 'map' ? globals : undefined,
  };
}

function resourceOf(entry: MapEntry, loops?: readonly string[]): CfnResource | undefined {
  const body = entry.value;
  if (!body || body.kind !== 'map') return undefined;
  const typeEntry = body.entries.find((candidate) => candidate.key === 'Type');
  const typeValue = typeEntry?.value;
  const propertiesEntry = body.entries.find((candidate) => candidate.key === 'Properties');
  const condition = mapEntry(body, 'Condition');
  return {
    id: entry.key,
    idRange: entry.keyRange,
    type: typeValue?.kind === 'scalar' && typeof typeValue.value === 'string' ? typeValue.value : undefined,
    typeRange: typeValue?.range,
    node: body,
    properties: propertiesEntry?.value?.kind === 'map' ? propertiesEntry.value : undefined,
    propertiesKeyRange: propertiesEntry?.keyRange,
    condition: condition?.kind === 'scalar' && typeof condition.value === 'string' ? condition.value : undefined,
    // A body written elsewhere (`Replica: *Db`, an alias to an anchor above) is not the resource's text.
    range: { start: entry.keyRange.start, end: body.range.start >= entry.keyRange.end ? body.range.end : entry.keyRange.end },
    ...(loops ? { loops } : {}),
  };
}

function namedValues(node: ValueNode | undefined): Map<string, ValueNode> {
  const result = new Map<string, ValueNode>();
  if (node?.kind !== 'map') return result;
  for (const entry of node.entries) if (entry.value) result.set(entry.key, entry.value);
  return result;
}
