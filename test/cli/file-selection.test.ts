// The CLI's file walk and the language server's workspace scan pick the same files: both read the one format
// description of the core (server/src/analysis/formats.ts).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FORMATS, formatOfPath, isCandidatePath, isSkippedDirectory } from '../../server/src/analysis';
import { collectFiles } from '../../server/src/cli/scan';
import { listCandidateFiles } from '../../server/src/lsp/workspaceScan';

/** The sample tree: every file, and whether a scan should pick it. */
const TREE: Readonly<Record<string, boolean>> = {
  'cfn/template.yaml': true,
  'cfn/network.yml': true,
  'cfn/stack.json': true,
  'cfn/legacy.template': true,
  'cfn/old.cfn': true,
  'cfn/UPPER.YAML': true,
  'cfn/README.md': false,
  'cfn/package.json': false,
  'cfn/tsconfig.build.json': false,
  'cfn/serverless.yml': false,
  'cfn/docker-compose.yaml': false,
  'tf/main.tf': true,
  'tf/override.tf.json': true,
  'tf/terraform.tfvars': true,
  'tf/prod.auto.tfvars.json': true,
  'tf/notes.txt': false,
  'tf/.terraform/modules/vpc/main.tf': false,
  'deep/a/b/c/d/bucket.yaml': true,
  'node_modules/pkg/template.yaml': false,
  '.git/hooks/template.yaml': false,
  'cdk.out/Stack.template.json': false,
  'dist/template.yaml': false,
  'out/template.yaml': false,
  '.github/workflows/ci.yml': false,
  'image.png': false,
};

const toPosix = (path: string): string => path.split(sep).join('/');

describe('file selection: one format description for the CLI and the server', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'iac-hints-files-'));
    for (const file of Object.keys(TREE)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n');
    }
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  const expected = Object.entries(TREE).filter(([, picked]) => picked).map(([file]) => file).sort();

  test('the CLI picks the expected files', () => {
    assert.deepEqual(collectFiles([root]).map((file) => toPosix(relative(root, file))).sort(), expected);
  });

  test('the server workspace scan picks the same files', async () => {
    const files = await listCandidateFiles(root);
    assert.deepEqual(files.map((file) => toPosix(relative(root, file))).sort(), expected);
    assert.deepEqual(files.map((file) => toPosix(relative(root, file))).sort(), collectFiles([root]).map((file) => toPosix(relative(root, file))).sort());
  });

  test('the name check and the folder check agree with the tree', () => {
    for (const [file, picked] of Object.entries(TREE)) {
      const skippedFolder = file.split('/').slice(0, -1).some(isSkippedDirectory);
      assert.equal(isCandidatePath(file) && !skippedFolder, picked, file);
    }
  });

  test('each candidate name belongs to exactly one format, Terraform JSON to Terraform', () => {
    assert.equal(formatOfPath('tf/override.tf.json')?.id, 'terraform');
    assert.equal(formatOfPath('tf/prod.auto.tfvars.json')?.id, 'terraform');
    assert.equal(formatOfPath('cfn/stack.json')?.id, 'cloudformation');
    assert.equal(formatOfPath('cfn/package.json'), undefined);
    assert.deepEqual(FORMATS.map((format) => format.id), ['terraform', 'cloudformation']);
  });
});
