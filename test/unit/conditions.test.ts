// Certainty is decided once, in resolution: when a property's value hangs on a condition that no parameter
// default decides, every rule that reads that property says "Depends on the deployment" (information), never a
// definite finding and never nothing. Built from each rule's examples: for a resource a bad example flags, the
// properties that differ from the same type's resource in a good example are put under
// `!If [Undecided, <good>, <bad>]`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import type { Example } from '../../server/src/analysis/rules/examples';
import { analyseExample, exampleInput } from './support/examples';
import { conditionalProperty, propertySites, withUndecidedCondition } from './support/mutate';
import type { PropertySite } from './support/mutate';

/** Pairs where the good example's resource is not the bad one made good, with the reason (kept short). */
const NOT_PAIRS: Readonly<Record<string, string>> = {
  'ec2-ssm-patching: the patch association targets other instances by tag': 'the good instance is patched through its association (another resource) naming it in InstanceIds; the instance\'s own Tags match the bad association on neither branch',
  // The good example's Db uses its own PostgreSQL group (Family postgres14); here Params stays a Db2 group, so the
  // "good" branch is PostgreSQL on a Db2 group, which RDS rejects: both deployable readings keep the clear-text port.
  'rds-force-tls: Db2 group keeps the clear-text port': 'the good branch would need the good example\'s own parameter group',
  'alb-waf: an internet-facing ALB without a web ACL': 'the good example attaches its web ACL by another resource (AWS::WAFv2::WebACLAssociation); the load balancers differ only in Scheme, internet-facing either way',
};


interface Mutant {
  readonly rule: string;
  readonly name: string;
  readonly resourceId: string;
  readonly text: string;
}

function topLevel(text: string, resourceId: string): Map<string, PropertySite> {
  return new Map(propertySites(text, 1).filter((site) => site.resourceId === resourceId).map((site) => [site.entry.key, site]));
}

function resourceOfType(text: string, type: string): string | undefined {
  return propertySites(text, 1).find((site) => site.type === type)?.resourceId;
}

/** Inserts `Key: value` as the last property of a resource, at its properties' indentation. */
function insertProperty(text: string, last: PropertySite, key: string, value: string): string {
  const end = last.entry.value.range.start + text.slice(last.entry.value.range.start, last.entry.value.range.end).replace(/\s+$/, '').length;
  const column = last.entry.keyRange.start - (text.lastIndexOf('\n', last.entry.keyRange.start - 1) + 1);
  return `${text.slice(0, end)}\n${' '.repeat(column)}${key}: ${value}${text.slice(end)}`;
}

function mutants(): { mutants: Mutant[]; skipped: string[] } {
  const result: Mutant[] = [];
  const skipped: string[] = [];
  for (const examples of RULE_EXAMPLES) {
    const reader = examples.cloudformation;
    if (!reader) continue;
    const goods = reader.good.filter((example) => !(example.path ?? '').endsWith('.json')).map((example) => exampleInput('cloudformation', example).text);
    for (const bad of reader.bad as readonly Example[]) {
      if ((bad.path ?? '').endsWith('.json') || NOT_PAIRS[`${examples.rule}: ${bad.name}`]) continue;
      const base = withUndecidedCondition(exampleInput('cloudformation', bad).text, 'PairParam', 'Undecided');
      const flagged = new Set(analyseExample('cloudformation', 'template.yaml', base).findings.filter((finding) => finding.ruleId === examples.rule).map((finding) => finding.resource.id));
      for (const resourceId of flagged) {
        const type = propertySites(base, 1).find((site) => site.resourceId === resourceId)?.type;
        const good = type ? goods.find((text) => resourceOfType(text, type) !== undefined) : undefined;
        if (!type || !good) {
          skipped.push(`${examples.rule}: ${bad.name} (${resourceId}: no good example of ${type ?? 'its type'})`);
          continue;
        }
        const goodId = resourceOfType(good, type) as string;
        const mine = topLevel(base, resourceId);
        const theirs = topLevel(good, goodId);
        const sourceOf = (site: PropertySite, text: string) => text.slice(site.entry.value.range.start, site.entry.value.range.end).trim();
        const differing = [...new Set([...mine.keys(), ...theirs.keys()])].filter((key) => {
          const a = mine.get(key);
          const b = theirs.get(key);
          return !a || !b || sourceOf(a, base) !== sourceOf(b, good);
        });
        if (differing.length === 0 || mine.size === 0) {
          skipped.push(`${examples.rule}: ${bad.name} (${resourceId}: ${mine.size === 0 ? 'no Properties' : 'same properties as the good example'})`);
          continue;
        }
        // Edit from the end of the text so earlier offsets stay valid: replacements first (by offset), then inserts.
        let text = base;
        const present = differing.filter((key) => mine.has(key)).sort((a, b) => (mine.get(b) as PropertySite).entry.keyRange.start - (mine.get(a) as PropertySite).entry.keyRange.start);
        const last = [...mine.values()].sort((a, b) => b.entry.keyRange.start - a.entry.keyRange.start)[0];
        for (const key of differing.filter((name) => !mine.has(name)).reverse()) {
          const site = theirs.get(key) as PropertySite;
          const inserted = insertProperty(text, last, key, 'PLACEHOLDER');
          const placeholderSite = topLevel(inserted, resourceId).get(key) as PropertySite;
          text = conditionalProperty(inserted, placeholderSite, 'Undecided', site.entry.value, good, 'absent', '');
        }
        for (const key of present) {
          const site = topLevel(text, resourceId).get(key) as PropertySite;
          const theirsSite = theirs.get(key);
          text = conditionalProperty(text, site, 'Undecided', theirsSite ? theirsSite.entry.value : 'absent', good, site.entry.value, text);
        }
        result.push({ rule: examples.rule, name: bad.name, resourceId, text });
      }
    }
  }
  return { mutants: result, skipped };
}

test('an undecided condition gives "depends" in every rule that reads a property under it', () => {
  const { mutants: all, skipped } = mutants();
  const failures: string[] = [];
  for (const mutant of all) {
    const key = `${mutant.rule}: ${mutant.name}`;
    const result = analyseExample('cloudformation', 'template.yaml', mutant.text);
    const findings = result.findings.filter((finding) => finding.ruleId === mutant.rule && finding.resource.id === mutant.resourceId);
    const definite = findings.filter((finding) => !finding.message.includes('Depends on the deployment'));
    let failure: string | undefined;
    if (findings.length === 0) failure = `nothing reported on ${mutant.resourceId}`;
    else if (definite.length > 0) failure = `definite ${definite[0].severity} on ${mutant.resourceId}: ${definite[0].message}`;
    else if (findings.some((finding) => finding.severity !== 'info')) failure = '"depends" must be information';
    if (failure) failures.push(`${JSON.stringify(key)}: ${failure}`);
  }
  // The first failure's template in full, to see what was judged.
  const first = all.find((mutant) => failures[0]?.startsWith(JSON.stringify(`${mutant.rule}: ${mutant.name}`)));
  if (first) failures[0] += `\n${first.text}`;
  const shown = failures.slice(0, 40);
  if (failures.length > shown.length) shown.push(`... and ${failures.length - shown.length} more`);
  assert.deepEqual(shown, []);
  // The test means something only when most bad examples could be paired.
  assert.ok(all.length >= skipped.length, `paired ${all.length}, skipped ${skipped.length}:\n${skipped.join('\n')}`);
});
