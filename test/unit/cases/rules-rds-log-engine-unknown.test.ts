// rds-log-exports with an engine that cannot be known: the log to export depends on the engine, so a list that
// lacks one family's log "cannot be checked", never "addressed" (YAML, JSON, HCL). The fixtures in
// test/fixtures/cases/rules/rds-log-exports-engine-unknown/ say what should happen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseCase, statusOf } from '../support/examples';

const DIR = 'test/fixtures/cases/rules/rds-log-exports-engine-unknown';
const RULE = 'rds-log-exports';

function analyse(name: string, text?: string): FileAnalysis {
  return analyseCase(DIR, name, text);
}

function status(result: FileAnalysis, resource: string) {
  return statusOf(result, resource, { ruleId: RULE });
}

describe('rds-log-exports-engine-unknown', () => {
  for (const [file, database, every] of [
    ['template.yaml', 'Database', 'EveryLog'],
    ['template.json', 'Database', 'EveryLog'],
    ['main.tf', 'aws_db_instance.database', 'aws_db_instance.every_log'],
  ]) {
    test(`${file}: a list without one family's log cannot be checked; one with every family's is addressed`, () => {
      const result = analyse(file);
      assert.deepEqual(result.findings.filter((finding) => finding.ruleId === RULE), []);
      const unknown = status(result, database);
      assert.equal(unknown.status, 'cannot-be-checked', unknown.detail);
      assert.ok(unknown.detail.includes('cannot be known here'), unknown.detail);
      assert.equal(status(result, every).status, 'addressed');
    });
  }

  test('variants: a known engine still decides (mysql without audit: finding; postgres with postgresql: addressed)', () => {
    const yaml = readFileSync(`${DIR}/template.yaml`, 'utf8');
    const mysql = analyse('template.yaml', yaml.replace('  Engine:\n    Type: String\n', '  Engine:\n    Type: String\n    Default: mysql\n'));
    assert.deepEqual(mysql.findings.filter((finding) => finding.ruleId === RULE).map((finding) => finding.resource.id), ['Database']);
    const tf = readFileSync(`${DIR}/main.tf`, 'utf8');
    const postgres = analyse('main.tf', tf.replace('variable "engine" {\n  type = string\n}', 'variable "engine" {\n  type    = string\n  default = "postgres"\n}').replaceAll('= ["error", "slowquery"]', '= ["postgresql"]'));
    assert.deepEqual(postgres.findings.filter((finding) => finding.ruleId === RULE), []);
    assert.ok(!status(postgres, 'aws_db_instance.database').detail.includes('cannot be known here'));
  });
});
