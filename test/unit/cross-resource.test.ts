// No cross-resource verdict is ever stale. The editor's Analyzer keeps rule outcomes between edits, each with
// what its run read (cloudformation/reads.ts); the CLI analyses every text afresh. For every rule's examples, the
// rules that read another resource are found by their recorded reads; then each resource they read is edited
// alone (its Type, its Properties, each property in turn) and back, and after every step the editor's analysis
// must equal a fresh one. Terraform modules are analysed whole on any change; the same loop over the Terraform
// examples keeps it so (a split resource such as aws_s3_bucket_versioning edited alone).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import type { FileAnalysis, FileSystemView } from '../../server/src/analysis';
import { RuleOutcomeCache, checkTemplate } from '../../server/src/analysis/cloudformation/check';
import { parseTemplateText } from '../../server/src/analysis/cloudformation/parse';
import { buildTemplate } from '../../server/src/analysis/cloudformation/template';
import type { CfnTemplate } from '../../server/src/analysis/cloudformation/template';
import { RULE_EXAMPLES } from '../../server/src/analysis/rules/examples';
import type { Example } from '../../server/src/analysis/rules/examples';
import type { OffsetRange } from '../../server/src/analysis/types';
import { exampleInput } from './support/examples';
import { terraformSites } from './support/mutate';
import { REPO_ROOT } from '../helpers/paths';

/** Everything a host shows of an analysis (the line index is derived from the text). */
function shown(analysis: FileAnalysis): unknown {
  const { lineIndex: _lineIndex, ...rest } = analysis;
  return rest;
}

function replace(text: string, range: OffsetRange, by: string): string {
  return text.slice(0, range.start) + by + text.slice(range.end);
}

/** A rule run on `resource` that read `others` (other resources of the template). */
interface Reader {
  readonly resource: string;
  readonly rule: string;
  readonly others: ReadonlySet<string>;
}

function templateOf(path: string, text: string): CfnTemplate | undefined {
  const parsed = parseTemplateText(path, text);
  return parsed.root?.kind === 'map' ? buildTemplate(parsed.root, parsed.format, []) : undefined;
}

/** The runs of a template that read other resources, by their recorded reads. */
function readersOf(template: CfnTemplate): Reader[] {
  const readers: Reader[] = [];
  for (const resourceCheck of checkTemplate(template).resources) {
    for (const [index, run] of resourceCheck.runs.entries()) {
      const rule = run.rule.meta.id;
      const others = new Set<string>();
      // A shared value used through its fingerprint: the resources it was computed from are read too.
      for (const reads of [resourceCheck.reads[index], ...[...resourceCheck.reads[index].shared.values()].map((shared) => shared.reads)]) {
        for (const id of reads.ids) if (template.resourcesById.has(id)) others.add(id);
        for (const resource of template.resources) {
          if (reads.all || (resource.type !== undefined && reads.types.has(resource.type))) others.add(resource.id);
        }
      }
      others.delete(resourceCheck.resource.id);
      if (others.size > 0) readers.push({ resource: resourceCheck.resource.id, rule, others });
    }
  }
  return readers;
}

/** Edits of one resource alone (its logical id kept): another Type, no Properties, each property renamed away. */
function editsOf(text: string, template: CfnTemplate, id: string): { name: string; text: string }[] {
  const resource = template.resourcesById.get(id);
  if (!resource || resource.loops) return [];
  const edits: { name: string; text: string }[] = [];
  if (resource.typeRange) edits.push({ name: `${id}: another Type`, text: replace(text, resource.typeRange, '"AWS::CloudFormation::WaitConditionHandle"') });
  if (resource.properties) {
    edits.push({ name: `${id}: Properties {}`, text: replace(text, resource.properties.range, '{}') });
    for (const entry of resource.properties.entries.slice(0, 8)) {
      const at = entry.keyRange.start + (/["']/.test(text[entry.keyRange.start]) ? 1 : 0);
      edits.push({ name: `${id}: without ${entry.key}`, text: `${text.slice(0, at)}Renamed${text.slice(at)}` });
    }
  }
  return edits.filter((edit) => edit.text !== text);
}

function examplesOf(format: 'cloudformation' | 'terraform'): { rule: string; example: Example }[] {
  return RULE_EXAMPLES.flatMap((examples) => {
    const reader = examples[format];
    return reader ? [...reader.good, ...reader.bad].map((example) => ({ rule: examples.rule, example })) : [];
  });
}

/** The verdict one rule gives one resource: its findings of that rule and the statuses naming it. */
function verdict(analysis: FileAnalysis, resource: string, rule: string): string {
  const findings = analysis.findings.filter((finding) => finding.resource.id === resource && finding.ruleId === rule).map((finding) => `${finding.severity} ${finding.message}`);
  const statuses = (analysis.resources.find((summary) => summary.id === resource)?.responsibilities ?? [])
    .filter((status) => status.ruleIds.includes(rule)).map((status) => `${status.status} ${status.detail}`);
  return JSON.stringify([findings, statuses]);
}

describe('cross-resource verdicts after an edit of the resource they read', () => {
  test('a value shared through its fingerprint: an edit that leaves it equal re-runs no other resource\'s rules; one that changes it re-runs them', () => {
    const bucket = (i: number, extra = ''): string => `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: name-${i}${extra}\n`;
    const head = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
    const others = [0, 1, 2, 3].map((i) => bucket(i)).join('');
    const cache = new RuleOutcomeCache();
    const check = (text: string) => {
      const template = templateOf('/t.yaml', text) as CfnTemplate;
      return checkTemplate(template, text, cache).resources;
    };
    const runOf = (resources: ReturnType<typeof check>, id: string, rule: string) => resources.find((resource) => resource.resource.id === id)?.runs.find((run) => run.rule.meta.id === rule);
    const before = check(head + others + bucket(4));
    // The last bucket's name changes: no bucket starts receiving logs, the other buckets' runs are the ones kept.
    const renamed = check(head + others + bucket(4, '-renamed'));
    for (const rule of ['s3-access-logging', 's3-kms-cmk', 's3-tls-only-policy']) {
      assert.equal(runOf(renamed, 'Bucket0', rule), runOf(before, 'Bucket0', rule), `${rule} on Bucket0 was reused`);
      assert.ok(runOf(renamed, 'Bucket0', rule));
    }
    // The last bucket now receives Bucket0's access logs: Bucket0's logging verdict is unchanged, and the last
    // bucket's own verdicts are new; a bucket that receives logs is no longer asked to log (or says why).
    const logging = check(head + others.replace('BucketName: name-0\n', 'BucketName: name-0\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Bucket4\n') + bucket(4, '-renamed'));
    const fresh = checkTemplate(templateOf('/t.yaml', head + others.replace('BucketName: name-0\n', 'BucketName: name-0\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Bucket4\n') + bucket(4, '-renamed')) as CfnTemplate).resources;
    for (const id of ['Bucket1', 'Bucket4']) {
      assert.deepEqual(JSON.stringify(runOf(logging, id, 's3-access-logging')?.outcomes), JSON.stringify(runOf(fresh, id, 's3-access-logging')?.outcomes), `${id}: incremental equals fresh`);
    }
    assert.notEqual(JSON.stringify(runOf(logging, 'Bucket4', 's3-access-logging')?.outcomes), JSON.stringify(runOf(renamed, 'Bucket4', 's3-access-logging')?.outcomes), 'the log destination\'s verdict changed');
  });

  test('CloudFormation: every rule that reads another resource, every such resource edited alone and back, equals a fresh analysis', () => {
    const crossRules = new Set<string>();
    const changedRules = new Set<string>();
    const mismatches: string[] = [];
    let edits = 0;
    for (const { rule, example } of examplesOf('cloudformation')) {
      const { path, text } = exampleInput('cloudformation', example);
      const template = templateOf(path, text);
      if (!template) continue;
      const readers = readersOf(template);
      for (const reader of readers) crossRules.add(reader.rule);
      const fresh = (current: string) => new Analyzer({ incremental: false }).analyze({ path, text: current });
      const original = fresh(text);
      const others = new Set(readers.flatMap((reader) => [...reader.others]));
      for (const other of others) {
        for (const edit of editsOf(text, template, other)) {
          edits++;
          const editor = new Analyzer();
          const edited = fresh(edit.text);
          const steps: [string, string, FileAnalysis][] = [['opened', text, original], ['edited', edit.text, edited], ['edited back', text, original]];
          for (const [step, current, expected] of steps) {
            const got = editor.analyze({ path, text: current });
            try {
              assert.deepEqual(shown(got), shown(expected));
            } catch {
              mismatches.push(`${rule} / ${example.name} / ${edit.name} / ${step}`);
            }
          }
          for (const reader of readers) {
            if (reader.others.has(other) && verdict(original, reader.resource, reader.rule) !== verdict(edited, reader.resource, reader.rule)) changedRules.add(reader.rule);
          }
        }
      }
    }
    assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} stale or different analyses`);
    // The loop must have something to check: the rules known to follow links are among those found by their reads,
    // and edits of the resources they read did change their verdicts.
    for (const rule of ['s3-access-logging', 's3-kms-cmk', 's3-tls-only-policy']) assert.ok(crossRules.has(rule), `${rule} reads other resources`);
    assert.ok(crossRules.size >= 20, `rules found reading other resources: ${[...crossRules].join(', ')}`);
    // Each of them was exercised: some edit of a resource it read changed its verdict (else its examples do not
    // show the link it follows, and this loop could not see a stale verdict of it).
    assert.deepEqual([...crossRules].filter((rule) => !changedRules.has(rule)), []);
    assert.ok(edits > 200, `${edits} edits`);
  });

  test('Terraform: every argument of every resource of the examples edited alone and back, equals a fresh analysis', () => {
    const mismatches: string[] = [];
    let changed = 0;
    let edits = 0;
    for (const { rule, example } of examplesOf('terraform')) {
      const { path, text } = exampleInput('terraform', example);
      const files: Record<string, string> = { ...example.files, [path]: text };
      const view = (current: Readonly<Record<string, string>>): FileSystemView => ({
        listFiles: (dir) => (dir === '/module' ? Object.keys(current) : undefined),
        readFile: (file) => (file.startsWith('/module/') ? current[file.slice('/module/'.length)] : undefined),
      });
      const fresh = (current: Record<string, string>) => new Analyzer({ files: view(current), incremental: false }).analyze({ path: `/module/${path}`, text: current[path] });
      const original = fresh(files);
      for (const [name, source] of Object.entries(files)) {
        if (!name.endsWith('.tf')) continue;
        const addresses = new Set(terraformSites(source).map((site) => site.address));
        if (Object.keys(files).length === 1 && addresses.size < 2) continue; // Nothing else to read.
        for (const site of terraformSites(source).filter((candidate) => candidate.kind === 'attribute').slice(0, 12)) {
          edits++;
          const editedFiles = { ...files, [name]: `${source.slice(0, site.range.start)}renamed_${source.slice(site.range.start)}` };
          // The editor: one Analyzer whose view follows the open buffers, as the server's overlay does.
          let current: Record<string, string> = files;
          const editor = new Analyzer({
            files: {
              listFiles: (dir) => view(current).listFiles(dir),
              readFile: (file) => view(current).readFile(file),
            },
          });
          const edited = fresh(editedFiles);
          const steps: [string, Record<string, string>, FileAnalysis][] = [['opened', files, original], ['edited', editedFiles, edited], ['edited back', files, original]];
          for (const [step, state, expected] of steps) {
            current = state;
            const got = editor.analyze({ path: `/module/${path}`, text: state[path] });
            try {
              assert.deepEqual(shown(got), shown(expected));
            } catch {
              mismatches.push(`${rule} / ${example.name} / ${name} ${site.address} ${site.path.join('.')} / ${step}`);
            }
          }
          const others = original.findings.filter((finding) => !finding.resource.id.startsWith(site.address));
          const othersAfter = edited.findings.filter((finding) => !finding.resource.id.startsWith(site.address));
          if (JSON.stringify(others) !== JSON.stringify(othersAfter)) changed++;
        }
      }
    }
    assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} stale or different analyses`);
    assert.ok(edits > 200, `${edits} edits`);
    assert.ok(changed > 10, `edits of one resource that changed another resource's findings: ${changed}`);
  });

  test('rules keep no state between runs: no WeakMap in server/src/analysis/rules (a cache there hides reads from the engine)', () => {
    const root = join(REPO_ROOT, 'server', 'src', 'analysis', 'rules');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []);
    const offenders = files(root).filter((file) => /\bWeak(Map|Ref)\b/.test(readFileSync(file, 'utf8')));
    assert.ok(files(root).length > 50);
    assert.deepEqual(offenders, [], 'share per-check values through context.shared (CloudFormation) or compute them per run');
  });
});
