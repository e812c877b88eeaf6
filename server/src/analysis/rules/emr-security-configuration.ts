// EMR encryption lives in a security configuration (a JSON document) that the cluster names: CloudFormation
// AWS::EMR::SecurityConfiguration named by AWS::EMR::Cluster SecurityConfiguration; Terraform
// aws_emr_security_configuration.configuration (a JSON string or jsonencode) named by aws_emr_cluster.security_configuration.
import { mapEntry } from '../cloudformation/template';
import { describeVia, isConditionalStep } from '../resolution';
import type { ValueResolver } from '../resolution';
import type { TfRuleContext } from '../terraform/context';
import { expressionToNode } from '../terraform/values';
import type { MapNode, OffsetRange, ValueNode } from '../types';
import { checkSetting, isTrue, judgeSetting, parseJsonValue, settingRule } from './support';
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
      // Through Fn::If: each branch is a document of its own (an absent one encrypts nothing).
      const documents = context.resolver.lookup(resource.properties, ['SecurityConfiguration'])
        .map((candidate) => ({ map: candidate.node === undefined ? EMPTY : asMap(candidate.node), via: candidate.via }));
      return judgeEncryption(document, document ? documents : [], resource.idRange, context.resolver);
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
function judgeEncryption(document: ValueNode | undefined, documents: readonly Document[], anchor: OffsetRange, resolver: ValueResolver): RuleOutcome[] {
  // A document we cannot read decides nothing: never addressed.
  if (documents.some((entry) => entry.map === undefined)) return [{ kind: 'unknown', reason: 'The security configuration document cannot be read here (not a literal JSON document or mapping).' }];
  const outcomes: RuleOutcome[] = [];
  let unknown: string | undefined;
  for (const { map, via } of documents.length > 0 ? documents : [{ map: undefined, via: [] }]) {
    const encryption = mapEntry(map, 'EncryptionConfiguration');
    for (const [key, what] of [['EnableAtRestEncryption', 'at rest'], ['EnableInTransitEncryption', 'in transit']] as const) {
      const flags = resolver.lookup(map, ['EncryptionConfiguration', key], via);
      const flag = flags.find((candidate) => candidate.node)?.node;
      const values = flags.flatMap((candidate) => (candidate.node ? resolver.scalars(candidate.node, candidate.via) : []));
      const unreadable = values.find((value) => !value.known);
      if (unreadable && !unreadable.known) {
        unknown ??= `EncryptionConfiguration.${key} is ${unreadable.description}`;
        continue;
      }
      // Each way to a value that is not true (or to no value) leaves the data unencrypted; certain when no
      // undecided condition or non-default parameter value leads there.
      const failing = [
        ...flags.filter((candidate) => !candidate.node).map((candidate) => ({ via: candidate.via, definite: true, set: false })),
        ...values.filter((value) => value.known && !isTrue(value.value)).map((value) => ({ via: value.via, definite: !value.known || value.fromParameter === undefined || value.fromParameter.isDefault, set: true })),
      ].map((entry) => ({ ...entry, definite: entry.definite && !entry.via.some(isConditionalStep) }));
      const failure = failing.find((entry) => entry.definite) ?? failing[0];
      if (!failure) continue;
      const message = `EncryptionConfiguration.${key} is ${failure.set ? 'false' : 'not set'}${failure.definite ? '' : describeVia(failure.via)}: clusters using this configuration do not encrypt data ${what}.`;
      const range = flag?.range ?? encryption?.range ?? document?.range ?? anchor;
      outcomes.push(failure.definite ? { kind: 'finding', message, range } : { kind: 'depends', message: `Depends on the deployment: ${message}`, range });
    }
  }
  if (outcomes.length > 0) return outcomes;
  return unknown ? [{ kind: 'unknown', reason: unknown }] : [{ kind: 'addressed', detail: 'Encryption at rest and in transit are enabled.' }];
}

/** A security configuration document the configuration may be (`map` undefined: one that cannot be read), and the way to it. */
interface Document {
  readonly map: MapNode | undefined;
  readonly via: readonly string[];
}

/** An absent document (a branch of Fn::If without it): sets nothing. */
const EMPTY: MapNode = { kind: 'map', range: { start: 0, end: 0 }, entries: [] };

/** Terraform: `jsonencode({...})`, a JSON string (quoted, heredoc, or with known interpolations), through variables and locals. */
function tfDocuments(node: ValueNode, context: TfRuleContext): Document[] {
  const resolver = context.resolver;
  return resolver.expand({ node, via: [] }).map((candidate) => {
    const written = candidate.node;
    if (written?.kind === 'expression' && written.expression.kind === 'call' && written.expression.name === 'jsonencode' && written.expression.args.length === 1) {
      const encoded = resolver.expand({ node: expressionToNode(written.expression.args[0]), via: candidate.via });
      return encoded.length === 1 ? { map: asMap(encoded[0].node), via: encoded[0].via } : { map: undefined, via: candidate.via };
    }
    if (written?.kind === 'expression') {
      const texts = resolver.scalars(written, candidate.via);
      return { map: texts.length === 1 && texts[0].known ? asMap({ kind: 'scalar', value: texts[0].value, range: written.range }) : undefined, via: candidate.via };
    }
    return { map: asMap(written), via: candidate.via };
  });
}

/** The document as a mapping: objects directly, JSON strings parsed (ranges then point at the string). */
function asMap(node: ValueNode | undefined): MapNode | undefined {
  if (node?.kind === 'map') return node;
  if (node?.kind === 'scalar' && typeof node.value === 'string') {
    const parsed = parseJsonValue(node.value, node.range);
    return parsed?.kind === 'map' ? parsed : undefined;
  }
  return undefined;
}

