// Real templates written by others (../shared/corpus/cloudformation): the core must analyse every file without
// throwing or hanging, recognise the templates, and skip what is not a template.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { Analyzer, isCandidatePath } from '../../server/src/analysis';
import type { FileAnalysis } from '../../server/src/analysis';
import { CORPUS_ROOT, sharedPresent } from '../helpers/paths';

const CLOUDFORMATION_CORPUS = join(CORPUS_ROOT, 'cloudformation');
const UPSTREAM = 'aws-cloudformation-templates';

/** 296 of the 311 candidate files were CloudFormation when this test was written; a little slack for detection changes. */
const MIN_CLOUDFORMATION_FILES = 285;

/** Files of the corpus that are not templates (a Kubernetes manifest, CodeBuild buildspecs, Lambda test events...). */
const NOT_TEMPLATES = [
  'EKS/manifest.yml',
  'Solutions/CodeBuildAndCodePipeline/codebuild-app-build.yml',
  'Solutions/CodeBuildAndCodePipeline/codebuild-app-deploy.yml',
  'CloudFormation/CustomResources/getfromjson/bandit.yml',
  'CloudFormation/CustomResources/getfromjson/src/events/event-consume-from-list.json',
  'CloudFormation/MacrosExamples/Count/event.json',
];

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

test('every file of the CloudFormation corpus is analysed without an exception', { timeout: 120_000 }, (t) => {
  if (!sharedPresent(t, CLOUDFORMATION_CORPUS)) return;
  const analyzer = new Analyzer();
  const results = new Map<string, FileAnalysis>();
  const files = listFiles(CLOUDFORMATION_CORPUS);
  assert.ok(files.length > 300, `expected the whole corpus, found ${files.length} files`);
  for (const file of files) {
    const key = relative(join(CLOUDFORMATION_CORPUS, UPSTREAM), file).split(sep).join('/');
    if (!isCandidatePath(file)) continue;
    const text = readFileSync(file, 'utf8');
    let analysis: FileAnalysis;
    try {
      analysis = analyzer.analyze({ path: file, text });
      // Hover at a few places and code actions over the whole file must not throw either.
      for (const offset of [0, Math.floor(text.length / 2), text.length]) analyzer.hover({ path: file, text }, offset);
      analyzer.codeActions({ path: file, text }, { start: 0, end: text.length });
    } catch (error) {
      assert.fail(`${key}: ${error instanceof Error ? error.stack : String(error)}`);
    }
    assert.ok(!analysis.skipReason?.startsWith('internal error'), `${key}: ${analysis.skipReason}`);
    for (const finding of analysis.findings) {
      assert.ok(finding.range.start >= 0 && finding.range.end <= text.length && finding.range.start <= finding.range.end, `${key}: ${finding.ruleId} has a range outside the text`);
    }
    results.set(key, analysis);
    analyzer.forget(file);
  }

  const cloudformation = [...results.values()].filter((analysis) => analysis.kind === 'cloudformation');
  assert.ok(cloudformation.length >= MIN_CLOUDFORMATION_FILES, `only ${cloudformation.length} of ${results.size} files detected as CloudFormation (floor ${MIN_CLOUDFORMATION_FILES})`);
  for (const path of NOT_TEMPLATES) {
    const analysis = results.get(path);
    assert.ok(analysis, `${path} is in the corpus and is a candidate`);
    assert.equal(analysis.kind, 'skipped', `${path} is not a template`);
    assert.deepEqual(analysis.findings, [], `${path} has no findings`);
  }
  assert.ok(cloudformation.some((analysis) => analysis.findings.length > 0), 'real templates produce some findings');
});
