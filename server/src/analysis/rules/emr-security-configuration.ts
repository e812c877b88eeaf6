// EMR encryption lives in an AWS::EMR::SecurityConfiguration (a JSON document) that the cluster names.
import type { CfnRuleContext } from '../cloudformation/model';
import { mapEntry } from '../cloudformation/model';
import type { MapNode, ValueNode } from '../types';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';
import { checkSetting, isTrue } from './setting';
import { settingRule } from './settingRule';

const base = settingRule({ setting: 'emr-security-configuration', cloudformation: { compliant: { present: true }, consequence: '' } });

export const emrSecurityConfiguration: Rule = {
  // No Terraform reading yet, so no Terraform types: the configuration is a JSON document in a separate aws_emr_security_configuration named by the cluster; not written yet.
  meta: { ...base.meta, resourceTypes: { terraform: [], cloudformation: ['AWS::EMR::Cluster', 'AWS::EMR::SecurityConfiguration'] } },
  cloudformation: {
    check(resource, context) {
      if (resource.type === 'AWS::EMR::Cluster') {
        return checkSetting(resource, context, {
          path: ['SecurityConfiguration'],
          isCompliant: () => true,
          presenceIsEnough: true,
          absent: { kind: 'missed', message: 'the cluster has no security configuration, so its data is not encrypted at rest (EMRFS, local disks) or in transit.' },
          consequence: '',
        });
      }
      const document = mapEntry(resource.properties, 'SecurityConfiguration');
      const encryption = mapEntry(asMap(document, context), 'EncryptionConfiguration');
      const encryptionMap = asMap(encryption, context);
      if (document && !encryptionMap && document.kind !== 'map' && !(document.kind === 'scalar' && typeof document.value === 'string')) {
        return [{ kind: 'addressed', detail: 'The security configuration cannot be read in the template.' }];
      }
      const outcomes: RuleOutcome[] = [];
      for (const [key, what] of [['EnableAtRestEncryption', 'at rest'], ['EnableInTransitEncryption', 'in transit']] as const) {
        const flag = mapEntry(encryptionMap, key);
        const values = flag ? context.resolver.scalars(flag) : [];
        if (values.some((value) => value.known && isTrue(value.value)) || values.some((value) => !value.known)) continue;
        outcomes.push({
          kind: 'finding',
          message: `EncryptionConfiguration.${key} is ${flag ? 'false' : 'not set'}: clusters using this configuration do not encrypt data ${what}.`,
          range: flag?.range ?? encryption?.range ?? document?.range ?? resource.idRange,
        });
      }
      return outcomes.length > 0 ? outcomes : [{ kind: 'addressed', detail: 'Encryption at rest and in transit are enabled.' }];
    },
  },
};

/** The document as a mapping: YAML/JSON objects directly, JSON strings parsed (ranges then point at the string). */
function asMap(node: ValueNode | undefined, _context: CfnRuleContext): MapNode | undefined {
  if (node?.kind === 'map') return node;
  if (node?.kind === 'scalar' && typeof node.value === 'string') {
    try {
      return toNode(JSON.parse(node.value), node.range) as MapNode;
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
