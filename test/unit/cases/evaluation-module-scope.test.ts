// An input a caller passes belongs to the caller: `create = local.create_db_instance` where the local is
// `var.create_db_instance && var.putin_khuylo` is evaluated with the caller's variables, however many module
// levels down it is read (found on the shared corpus: terraform-aws-rds examples/complete-postgres
// `module "db_disabled"` with create_db_instance = false still got findings on the database it does not create).
// And a module called with `source = "../"` from a folder named relative to the working folder resolves to '.',
// not '' (the CLI run inside a module found none of its examples' module findings).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer } from '../../../server/src/analysis';
import type { FileAnalysis } from '../../../server/src/analysis';
import { joinPath } from '../../../server/src/analysis/paths';
import { runCli } from '../../helpers/cli';
import { memoryView } from '../../helpers/fileSystemView';

function analyseIn(files: Readonly<Record<string, string>>, name: string): FileAnalysis {
  return new Analyzer({ files: memoryView(files, '/root') }).analyze({ path: `/root/${name}`, text: files[name] });
}

/** A three-level chain: example -> module root -> db child; the child shares variable names with the root. */
function chain(exampleInputs: string): Record<string, string> {
  return {
    'ex/main.tf': `module "db" {\n  source = "../mod"\n${exampleInputs}}\n`,
    'mod/main.tf': `locals {
  create_db_instance = var.create_db_instance && var.enabled
}
variable "create_db_instance" {
  type    = bool
  default = true
}
variable "enabled" {
  type    = bool
  default = true
}
variable "deletion_protection" {
  type    = bool
  default = false
}
module "db_instance" {
  source              = "./db"
  create              = local.create_db_instance
  deletion_protection = var.deletion_protection
}
`,
    // The child has its own "enabled" (true): the caller's var.enabled must not be read from it.
    'mod/db/main.tf': `variable "create" {
  type    = bool
  default = true
}
variable "enabled" {
  type    = bool
  default = false
}
variable "deletion_protection" {
  type = bool
}
resource "aws_db_instance" "this" {
  count               = var.create ? 1 : 0
  engine              = "postgres"
  deletion_protection = var.deletion_protection
}
`,
  };
}

const deletionFindings = (result: FileAnalysis): string[] =>
  result.findings.filter((finding) => finding.ruleId === 'rds-deletion-protection').map((finding) => finding.resource.id);

describe('an input is evaluated in the module that passes it', () => {
  test('create = false two levels up: the database is not created, so it has no findings', () => {
    const files = chain('  create_db_instance = false\n');
    assert.deepEqual(analyseIn(files, 'ex/main.tf').findings, []);
  });

  test('create left to its default: the database is created and its deletion_protection default is reported on the call', () => {
    const files = chain('');
    assert.deepEqual(deletionFindings(analyseIn(files, 'ex/main.tf')), ['module.db.module.db_instance.aws_db_instance.this[0]']);
  });

  test('a caller variable of the same name as the child one is read from the caller (enabled = false there)', () => {
    const files = chain('  enabled = false\n');
    assert.deepEqual(analyseIn(files, 'ex/main.tf').findings, []);
  });
});

describe('paths', () => {
  test('a relative path that climbs back to its start is the current folder', () => {
    assert.equal(joinPath('examples/complete', '../../'), '.');
    assert.equal(joinPath('a', '..'), '.');
    assert.equal(joinPath('.', 'modules/x'), 'modules/x');
    assert.equal(joinPath('a/b', '../../..'), '..');
    assert.equal(joinPath('/a', '..'), '/');
  });

  test('the CLI run inside a module reports an example\'s findings from the module it calls with "../../"', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'iac-hints-scope-'));
    try {
      const files = chain('  create_db_instance = true\n');
      // The module at the working folder itself, called by examples/complete.
      writeFileSync(path.join(root, 'main.tf'), files['mod/main.tf']);
      mkdirSync(path.join(root, 'db'));
      writeFileSync(path.join(root, 'db', 'main.tf'), files['mod/db/main.tf']);
      mkdirSync(path.join(root, 'examples', 'complete'), { recursive: true });
      writeFileSync(path.join(root, 'examples', 'complete', 'main.tf'), files['ex/main.tf'].replace('../mod', '../../'));
      const result = runCli(['scan', 'examples/complete', '--format', 'json', '--fail-on', 'none'], { cwd: root });
      assert.equal(result.status, 0, result.stderr);
      const report = JSON.parse(result.stdout) as { findings: { ruleId: string; resource: { id: string } }[] };
      assert.deepEqual(report.findings.filter((finding) => finding.ruleId === 'rds-deletion-protection').map((finding) => finding.resource.id), [
        'module.db.module.db_instance.aws_db_instance.this[0]',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
