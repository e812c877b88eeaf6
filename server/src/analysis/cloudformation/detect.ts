// Is this text a CloudFormation template? Cheap text checks first (most workspace files are not templates),
// then a structural check on the parsed tree. Which file *names* may hold one is said in ../formats.ts.
import type { MapNode, ValueNode } from '../types';

/** A quick look at the raw text: no template lacks all of these words. */
export function mayBeTemplateText(text: string): boolean {
  return /AWSTemplateFormatVersion|AWS::|Alexa::|Custom::/.test(text) && /Resources/.test(text);
}

/**
 * A template by its look, whatever its parse gave: a top-level Resources key (YAML at column 0, or a quoted JSON
 * key) and a resource Type in AWS's namespaces. A file like this that fails to parse as a template is reported
 * with its syntax errors rather than skipped in silence.
 */
export function looksLikeTemplateText(text: string): boolean {
  return /^(?:Resources|[ \t]*"Resources")[ \t]*:/m.test(text) && /\bType["']?[ \t]*:[ \t]*["']?(?:AWS|Alexa|Custom)::\w/.test(text);
}

export type DetectionResult = { isTemplate: true } | { isTemplate: false; reason: string };

export function detectTemplate(root: ValueNode | undefined): DetectionResult {
  if (!root || root.kind !== 'map') return { isTemplate: false, reason: 'the document is not a mapping' };
  if (entry(root, 'AWSTemplateFormatVersion')) return { isTemplate: true };
  const transform = entry(root, 'Transform');
  if (transform && mentionsSam(transform)) return { isTemplate: true };
  const resources = entry(root, 'Resources');
  if (resources && resources.kind === 'map') {
    const typed = resources.entries.some((resource) => {
      const type = resource.value?.kind === 'map' ? entry(resource.value, 'Type') : undefined;
      return type?.kind === 'scalar' && typeof type.value === 'string' && /^(AWS|Alexa|Custom)::|^AWS::/.test(type.value);
    });
    if (typed) return { isTemplate: true };
  }
  return { isTemplate: false, reason: 'no AWSTemplateFormatVersion, SAM Transform or Resources with AWS types' };
}

function mentionsSam(node: ValueNode): boolean {
  if (node.kind === 'scalar') return typeof node.value === 'string' && node.value.startsWith('AWS::');
  if (node.kind === 'seq') return node.items.some(mentionsSam);
  return false;
}

function entry(map: MapNode, key: string): ValueNode | undefined {
  return map.entries.find((candidate) => candidate.key === key)?.value;
}
