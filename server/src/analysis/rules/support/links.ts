// Resources that point at a resource.
import type { CfnResource } from '../../cloudformation/template';
import type { CfnRuleContext } from '../../cloudformation/context';
import { mapEntry } from '../../cloudformation/template';
import { mentions } from '../../cloudformation/references';

/** Resources of a type whose property refers to the resource. */
export function pointingAt(resource: CfnResource, context: CfnRuleContext, type: string, property: string): CfnResource[] {
  return context.resourcesOfType(type).filter((other) => mentions(mapEntry(other.properties, property), resource.id));
}
