// EMR encryption lives in a security configuration (a JSON document) that the cluster names: CloudFormation
// AWS::EMR::SecurityConfiguration named by AWS::EMR::Cluster SecurityConfiguration; Terraform
// aws_emr_security_configuration.configuration (a JSON string or jsonencode) named by aws_emr_cluster.security_configuration.
import { mapEntry } from '../cloudformation/template';
import type { ValueResolver } from '../resolution';
import type { TfRuleContext } from '../terraform/context';
import { expressionToNode } from '../terraform/values';
import type { MapNode, OffsetRange, ValueNode } from '../types';
import { checkSetting, isTrue, judgeSetting, settingRule } from './support';
import type { RuleOutcome, Rule, SettingCheck } from './support';

const base = settingRule({ setting: 'emr-security-configuration', cloudformation: { compliant: { present: true }, consequence: '' } });

/** Both formats: the cluster names a security configuration; its encryption is judged on the configuration. */
const clusterCheck = (path: string): SettingCheck => ({
  path: [path],
  isCompliant: () => true,
  presenceIsEnough: true,
  absent: { kind: 'missed', message: 'the cluster has no security configuration, so its data is not encrypted at rest (EMRFS, local disks) or in transit.' },
  consequence: '',
});

export const emrSecurityConfiguration: Rule = {
  meta: {
    ...base.meta,
    resourceTypes: { cloudformation: ['AWS::EMR::Cluster', 'AWS::EMR::SecurityConfiguration'], terraform: ['aws_emr_cluster', 'aws_emr_security_configuration'] },
  },
  cloudformation: {
    check(resource, context) {
      if (resource.type === 'AWS::EMR::Cluster') return checkSetting(resource, context, clusterCheck('SecurityConfiguration'));
      const document = mapEntry(resource.properties, 'SecurityConfiguration');
      return judgeEncryption(document, document ? [asMap(document)] : [], resource.idRange, context.resolver);
    },
  },
  terraform: {
    check(resource, context) {
      if (resource.type === 'aws_emr_cluster') return judgeSetting(resource.body, resource.anchor, context.resolver, clusterCheck('security_configuration'));
      const document = mapEntry(resource.body, 'configuration');
      return judgeEncryption(document, document ? tfDocuments(document, context) : [], resource.anchor, context.resolver);
    },
  },
};

/**
 * Both formats: at-rest and in-transit encryption must be enabled in EncryptionConfiguration. `documents` are
 * the mappings the document may be (undefined for one that cannot be read).
 */
function judgeEncryption(document: ValueNode | undefined, documents: readonly (MapNode | undefined)[], anchor: OffsetRange, resolver: ValueResolver): RuleOutcome[] {
  // A document we cannot read decides nothing: never addressed.
  if (documents.some((map) => map === undefined)) return [{ kind: 'unknown', reason: 'The security configuration document cannot be read here (not a literal JSON document or mapping).' }];
  const outcomes: RuleOutcome[] = [];
  let unknown: string | undefined;
  for (const map of documents.length > 0 ? documents : [undefined]) {
    const encryption = mapEntry(map, 'EncryptionConfiguration');
    for (const [key, what] of [['EnableAtRestEncryption', 'at rest'], ['EnableInTransitEncryption', 'in transit']] as const) {
      const flags = resolver.lookup(map, ['EncryptionConfiguration', key]).filter((candidate) => candidate.node);
      const flag = flags[0]?.node;
      const values = flags.flatMap((candidate) => (candidate.node ? resolver.scalars(candidate.node, candidate.via) : []));
      const unreadable = values.find((value) => !value.known);
      if (unreadable && !unreadable.known) {
        unknown ??= `EncryptionConfiguration.${key} is ${unreadable.description}`;
        continue;
      }
      if (values.some((value) => value.known && isTrue(value.value))) continue;
      outcomes.push({
        kind: 'finding',
        message: `EncryptionConfiguration.${key} is ${flag ? 'false' : 'not set'}: clusters using this configuration do not encrypt data ${what}.`,
        range: flag?.range ?? encryption?.range ?? document?.range ?? anchor,
      });
    }
  }
  if (outcomes.length > 0) return outcomes;
  return unknown ? [{ kind: 'unknown', reason: unknown }] : [{ kind: 'addressed', detail: 'Encryption at rest and in transit are enabled.' }];
}

/** Terraform: `jsonencode({...})`, a JSON string (quoted, heredoc, or with known interpolations), through variables and locals. */
function tfDocuments(node: ValueNode, context: TfRuleContext): (MapNode | undefined)[] {
  const resolver = context.resolver;
  return resolver.expand({ node, via: [] }).map((candidate) => {
    const written = candidate.node;
    if (written?.kind === 'expression' && written.expression.kind === 'call' && written.expression.name === 'jsonencode' && written.expression.args.length === 1) {
      const encoded = resolver.expand({ node: expressionToNode(written.expression.args[0]), via: candidate.via });
      return encoded.length === 1 ? asMap(encoded[0].node) : undefined;
    }
    if (written?.kind === 'expression') {
      const texts = resolver.scalars(written, candidate.via);
      return texts.length === 1 && texts[0].known ? asMap({ kind: 'scalar', value: texts[0].value, range: written.range }) : undefined;
    }
    return asMap(written);
  });
}

/** The document as a mapping: objects directly, JSON strings parsed (ranges then point at the string). */
function asMap(node: ValueNode | undefined): MapNode | undefined {
  if (node?.kind === 'map') return node;
  if (node?.kind === 'scalar' && typeof node.value === 'string') {
    try {
      const parsed = toNode(JSON.parse(node.value), node.range);
      return parsed.kind === 'map' ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function toNode(value: unknown, range: ValueNode['range']): ValueNode {
  if (Array.isArray(value)) return { kind: 'seq', range, items: value.map((item) => toNode(item, range)) };
  if (value !== null && typeof value === 'object') {
    return { kind: 'map', range, entries: Object.entries(value).map(([key, item]) => ({ key, keyRange: range, value: toNode(item, range) })) };
  }
  return { kind: 'scalar', range, value: value as string | number | boolean | null };
}
