// Terraform hovers: on a resource's type label, its service, category and customer items; over a finding, that
// finding (a module call's argument too); on an argument, nested or dynamic block or list element a rule reads
// (settingReads.ts), the item, the rule's verdict, its resolved values and where they came from (variable,
// tfvars, module input, the dynamic block's for_each element).
import type { HoverResult } from '../api';
import { contains, factsMarkdown, locateKey, resourceMarkdown, ruleLink } from '../hoverText';
import { getItem, getSetting, settingsForTerraformType } from '../knowledge';
import { describeTerraformResource, itemLabel } from '../knowledgeView';
import { describeVia, quote } from '../resolution';
import { listRules } from '../rules/registry';
import { hoverFacts, knowledgeReads } from '../settingReads';
import type { HoveredResource, SettingRead } from '../settingReads';
import type { Finding, OffsetRange } from '../types';
import type { ModuleAnalysis } from './analyze';
import { traceSettingReads } from './check';
import type { TfResourceCheck } from './check';
import type { HclBody, HclExpression } from './hcl/ast';
import type { TfResource } from './module';

/** Traces by resource check: a check belongs to one module analysis, so each resource is traced once per analysis. */
const traces = new WeakMap<TfResourceCheck, readonly SettingRead[]>();

/** `findings`: the file's reported findings (a hover over one always explains it, a module call's argument too). */
export function terraformHoverAt(analysis: ModuleAnalysis, path: string, offset: number, findings: readonly Finding[] = []): HoverResult | undefined {
  const resourceCheck = analysis.check.resources.find((candidate) => samePath(candidate.resource.file, path) && contains(candidate.resource.block.range, offset));
  const resource = resourceCheck?.resource;
  const typeLabel = resource?.block.labels[0];
  const onType = typeLabel && contains(typeLabel.range, offset) ? typeLabel.range : undefined;
  // The header and for_each of a dynamic block stand for the blocks it makes: as if on its label.
  const header = resource && !onType ? dynamicHeader(resource.block.body, offset) : undefined;
  const at = header?.label ?? offset;
  const hovered: HoveredResource | undefined = resourceCheck && !onType
    ? {
        root: resourceCheck.resource.body,
        runs: resourceCheck.runs,
        reads: () => {
          let reads = traces.get(resourceCheck);
          if (!reads) {
            const { type, body } = resourceCheck.resource;
            const pathOf = (id: string): string[] | undefined => {
              const setting = getSetting(id)?.terraform;
              if (setting?.type === type && !setting.splitResource) return setting.argumentPath.split('.');
              return setting?.legacy?.type === type ? setting.legacy.argumentPath.split('.') : undefined;
            };
            reads = [...traceSettingReads(analysis.module, analysis.resolver, resourceCheck, analysis.check.settings), ...knowledgeReads(body, resourceCheck.runs, pathOf)];
            traces.set(resourceCheck, reads);
          }
          return reads;
        },
        resolve: (node) => analysis.resolver.scalars(node),
      }
    : undefined;
  const facts = hoverFacts(offset, findings, hovered, at);
  if (resourceCheck && resource && onType) {
    const markdown = resourceMarkdown(resource.type, describeTerraformResource(resource, analysis.resolver), resourceCheck.summary.responsibilities, 'module');
    return { markdown: facts ? `${factsMarkdown(facts)}\n\n---\n\n${markdown}` : markdown, range: onType };
  }
  // An argument of a split resource (aws_s3_bucket_versioning's status) is read by the parent's run: the knowledge
  // base says which duty it carries; it goes first, being the innermost place.
  const located = resource ? locateKey(resource.body, offset) : undefined;
  const split = resource && located ? splitSettingMarkdown(analysis, resource, located.path) : undefined;
  if (split && located) return { markdown: facts ? `${split}\n\n---\n\n${factsMarkdown(facts)}` : split, range: located.keyRange };
  if (!facts) return undefined;
  // The range holds the cursor: the dynamic block's own, when the place was found through its label.
  return { markdown: factsMarkdown(facts), range: header && !contains(facts.range, offset) ? header.range : facts.range };
}

/** The `dynamic` block whose header (outside its content block) holds `offset`, at any depth: its label's start and its range. */
function dynamicHeader(body: HclBody, offset: number, depth = 0): { label: number; range: OffsetRange } | undefined {
  if (depth > 64) return undefined;
  for (const attribute of body.attributes) {
    if (contains(attribute.range, offset)) return jsonDynamicHeader(attribute.name, attribute.expression, offset, depth + 1);
  }
  for (const block of body.blocks) {
    if (!contains(block.range, offset)) continue;
    const content = block.type === 'dynamic' ? block.body.blocks.find((inner) => inner.type === 'content') : undefined;
    if (content && block.labels[0] && !contains(content.range, offset)) return { label: block.labels[0].range.start, range: block.range };
    return dynamicHeader(content?.body ?? block.body, offset, depth + 1);
  }
  return undefined;
}

/**
 * The same in JSON syntax (.tf.json), where nested blocks are object properties (terraform/values.ts bodyToMap):
 * `"dynamic": {"ingress": {"for_each": ..., "content": {...}}}`, its header being the label's object outside `content`.
 */
function jsonDynamicHeader(name: string, expression: HclExpression, offset: number, depth: number): { label: number; range: OffsetRange } | undefined {
  if (depth > 64) return undefined;
  if (expression.kind === 'tuple') {
    const element = expression.items.find((item) => contains(item.range, offset));
    return element ? jsonDynamicHeader(name, element, offset, depth + 1) : undefined;
  }
  if (expression.kind !== 'object') return undefined;
  const item = expression.items.find((candidate) => contains(candidate.range, offset));
  if (!item?.keyName || contains(item.keyRange, offset)) return undefined;
  if (name !== 'dynamic') return jsonDynamicHeader(item.keyName, item.value, offset, depth + 1);
  const blocks = item.value.kind === 'tuple' ? item.value.items : [item.value];
  const block = blocks.find((candidate) => contains(candidate.range, offset));
  if (block?.kind !== 'object') return undefined;
  const content = block.items.find((candidate) => candidate.keyName === 'content');
  if (content && contains(content.value.range, offset)) return jsonDynamicHeader('content', content.value, offset, depth + 1);
  return { label: item.keyRange.start, range: block.range };
}

/**
 * An argument of a split resource (aws_s3_bucket_versioning's status): the rule runs on the main resource, so
 * the hover says which duty the argument carries and what it resolves to here. The nested blocks on the way to it
 * (`versioning_configuration`, `rule`) and the argument that links the resource to its parent (`bucket`) carry the
 * duties of the settings below or through them.
 */
function splitSettingMarkdown(analysis: ModuleAnalysis, resource: TfResource, path: readonly string[]): string | undefined {
  const key = path.filter((segment) => segment !== '[]').join('.');
  const settings = settingsForTerraformType(resource.type).filter((candidate) => {
    const terraform = candidate.terraform;
    if (terraform?.type !== resource.type || !terraform.splitResource) return false;
    return terraform.argumentPath === key || terraform.argumentPath.startsWith(`${key}.`) || terraform.splitResource.link === key;
  });
  const sections = settings.flatMap((setting) => {
    const terraform = setting.terraform;
    if (!terraform?.splitResource) return [];
    const argument = terraform.argumentPath;
    const node = analysis.resolver.lookup(resource.body, argument.split('.'))[0]?.node;
    const values = node ? analysis.resolver.scalars(node) : [];
    const resolved = values.map((value) => (value.known ? `${argument} is ${quote(value.value)}${describeVia(value.via)}` : `${argument} is ${value.description}`)).join('; or ') || `${argument} is not set`;
    const rule = listRules().find((candidate) => candidate.settings?.includes(setting.id));
    const lines = [
      `**Customer responsibility: ${itemLabel(setting.item)}** (${rule ? ruleLink(rule.id) : setting.id})`,
      '',
      `${setting.title}, for the \`${terraform.splitResource.type}\` this resource points at through \`${terraform.splitResource.link}\`. ${getItem(setting.item)?.why ?? ''}`,
      '',
      `Resolved: ${resolved}`,
    ];
    if (rule?.awsDefault) lines.push('', `AWS default: ${rule.awsDefault.summary}${rule.awsDefault.since ? ` (since ${rule.awsDefault.since})` : ''}`);
    return [lines.join('\n')];
  });
  return sections.length > 0 ? sections.join('\n\n---\n\n') : undefined;
}

function samePath(a: string, b: string): boolean {
  return a.replace(/\\/g, '/') === b.replace(/\\/g, '/');
}
