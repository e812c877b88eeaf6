// A called module's resource statuses (hover, code lens, report) follow what its callers pass, as its findings do:
// a module whose default is public but whose only caller passes false is addressed, not "missed" from the default
// (found while checking that the report agrees with the diagnostics).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../../server/src/analysis';
import type { FileAnalysis } from '../../../server/src/analysis';
import { memoryView } from '../../helpers/fileSystemView';

const MODULE = `variable "public" {
  default = true
}

resource "aws_db_instance" "this" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  storage_encrypted   = true
  publicly_accessible = var.public
}
`;

function analyseIn(files: Readonly<Record<string, string>>, name: string): FileAnalysis {
  return new Analyzer({ files: memoryView(files, '/root') }).analyze({ path: `/root/${name}`, text: files[name] });
}

function exposure(result: FileAnalysis) {
  const status = result.resources.find((resource) => resource.id === 'aws_db_instance.this')?.responsibilities.find((responsibility) => responsibility.ruleIds.includes('rds-not-public'));
  assert.ok(status, 'a status from rds-not-public');
  return status;
}

describe('a called module\'s statuses follow its callers', () => {
  test('the only caller passes false: no finding and addressed, naming the input', () => {
    const files = { 'main.tf': 'module "db" {\n  source = "./modules/db"\n  public = false\n}\n', 'modules/db/main.tf': MODULE };
    const result = analyseIn(files, 'modules/db/main.tf');
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'rds-not-public'), []);
    const status = exposure(result);
    assert.equal(status.status, 'addressed', status.detail);
    assert.match(status.detail, /from module\.db input/);
  });

  test('one of two callers passes true: missed (the finding sits on that call); no caller: the default decides', () => {
    const files = {
      'main.tf': 'module "db" {\n  source = "./modules/db"\n  public = false\n}\n\nmodule "open" {\n  source = "./modules/db"\n  public = true\n}\n',
      'modules/db/main.tf': MODULE,
    };
    assert.equal(exposure(analyseIn(files, 'modules/db/main.tf')).status, 'missed');
    assert.equal(exposure(analyseIn({ 'modules/db/main.tf': MODULE }, 'modules/db/main.tf')).status, 'missed');
    assert.equal(exposure(analyseIn({ 'modules/db/main.tf': MODULE.replace('default = true', 'default = false') }, 'modules/db/main.tf')).status, 'addressed');
  });
});

describe('a module whose defaults meet the duty', () => {
  test('a caller passing true makes it missed in the module too (the finding on the call)', () => {
    const files = { 'main.tf': 'module "db" {\n  source = "./modules/db"\n  public = true\n}\n', 'modules/db/main.tf': MODULE.replace('default = true', 'default = false') };
    assert.equal(exposure(analyseIn(files, 'modules/db/main.tf')).status, 'missed');
    assert.ok(analyseIn(files, 'main.tf').findings.some((finding) => finding.ruleId === 'rds-not-public'));
  });
});
