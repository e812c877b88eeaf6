// Modules that `terraform init` installed: `.terraform/modules/modules.json` in the root module's folder lists each
// call's installed directory by Key (the call path, nested calls joined by "."; Dir relative to the root module's
// folder; hashicorp/terraform internal/modsdir/manifest.go). A non-local call is read from there, never fetched,
// and analysed like a local module: a finding from the caller's input sits on the caller's argument with the
// installed line as related information. The installed copy is not the user's code: its files report nothing of
// their own, and what it deploys whatever the caller passes is reported on the call. A missing or malformed
// manifest leaves the call opaque, as before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer } from '../../../server/src/analysis';
import type { FileAnalysis, FileSystemView, Finding } from '../../../server/src/analysis';
import { DiskFileSystemView, collectFiles, scanFiles } from '../../../server/src/cli/scan';

const CASES = path.join('test', 'fixtures', 'cases', 'evaluation');

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The editor's view of a folder: the disk, with the scanned tree as the workspace. */
function editorAnalyse(dir: string, file: string): FileAnalysis {
  const view = new DiskFileSystemView();
  view.setScannedFiles(collectFiles([dir]));
  return new Analyzer({ files: view }).analyze({ path: file, text: readFileSync(file, 'utf8') });
}

function ofRule(result: FileAnalysis, ruleId: string): Finding[] {
  return result.findings.filter((finding) => finding.ruleId === ruleId);
}

describe('case tf-installed-registry-module', () => {
  const dir = path.join(CASES, 'tf-installed-registry-module');
  const mainPath = path.join(dir, 'main.tf');
  const installedPath = path.join(dir, '.terraform', 'modules', 'ledger_db', 'main.tf');
  const main = readFileSync(mainPath, 'utf8');
  const installed = readFileSync(installedPath, 'utf8');

  test('the caller\'s value: rds-not-public on `reachable_publicly = true` (line 11), related to the installed line', () => {
    const result = editorAnalyse(dir, mainPath);
    const [finding, ...more] = ofRule(result, 'rds-not-public');
    assert.ok(finding);
    assert.deepEqual(more, []);
    assert.equal(finding.severity, 'error');
    assert.equal(main.slice(finding.range.start, finding.range.end), 'reachable_publicly = true');
    assert.deepEqual(positionOf(main, finding.range.start), { line: 11, column: 3 });
    assert.match(finding.message, /^module\.ledger_db\.aws_db_instance\.this: .*var\.reachable_publicly from module\.ledger_db input/);
    assert.equal(path.normalize(finding.related[0]?.file ?? ''), path.normalize(installedPath));
    assert.equal(installed.slice(finding.related[0].range.start, finding.related[0].range.end), 'var.reachable_publicly');
    assert.equal(positionOf(installed, finding.related[0].range.start).line, 25);
  });

  test('the installed default the call leaves unset deploys: rds-storage-encrypted on the call\'s label (line 6)', () => {
    const [finding, ...more] = ofRule(editorAnalyse(dir, mainPath), 'rds-storage-encrypted');
    assert.ok(finding);
    assert.deepEqual(more, []);
    assert.equal(main.slice(finding.range.start, finding.range.end), '"ledger_db"');
    assert.equal(positionOf(main, finding.range.start).line, 6);
    assert.match(finding.message, /var\.encrypt_storage, default/);
  });

  test('the source line says which installed copy was read, instead of "not analysed"', () => {
    const problems = editorAnalyse(dir, mainPath).problems.map((problem) => problem.message);
    assert.ok(problems.some((message) => message.includes('analysed from the copy terraform init installed (.terraform/modules/ledger_db, version 1.4.2)')), problems.join('\n'));
    assert.ok(!problems.some((message) => message.includes('is not a local path')));
  });

  test('the installed files report nothing of their own, although the same text elsewhere would', () => {
    const result = editorAnalyse(dir, installedPath);
    assert.equal(result.kind, 'terraform');
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.resources, []);
    const files = { '/copy/main.tf': installed };
    const view: FileSystemView = { listFiles: (folder) => (folder === '/copy' ? ['main.tf'] : undefined), readFile: (file) => files[file as keyof typeof files] };
    assert.ok(ofRule(new Analyzer({ files: view }).analyze({ path: '/copy/main.tf', text: installed }), 'rds-storage-encrypted').length > 0);
  });

  test('the CLI scan of the folder: the findings on main.tf, none under .terraform (not even when named)', () => {
    const scanned = scanFiles(collectFiles([dir]));
    assert.deepEqual(scanned.map((file) => path.basename(file.path)), ['main.tf']);
    assert.deepEqual(scanned[0].analysis?.findings.map((finding) => finding.ruleId).filter((id) => id.startsWith('rds-')).sort(), ['rds-not-public', 'rds-storage-encrypted']);
    const named = scanFiles([installedPath]);
    assert.deepEqual(named.flatMap((file) => file.analysis?.findings ?? []), []);
  });
});

describe('case tf-installed-nested-module', () => {
  const dir = path.join(CASES, 'tf-installed-nested-module');
  const mainPath = path.join(dir, 'main.tf');
  const main = readFileSync(mainPath, 'utf8');
  const lineOf = (finding: Finding) => positionOf(main, finding.range.start).line;

  test('Key "platform.ledger_db": the value passed two calls deep sits on `db_public = true` (line 11)', () => {
    const [finding, ...more] = ofRule(editorAnalyse(dir, mainPath), 'rds-not-public');
    assert.ok(finding);
    assert.deepEqual(more, []);
    assert.equal(main.slice(finding.range.start, finding.range.end), 'db_public          = true');
    assert.equal(lineOf(finding), 11);
    assert.equal(finding.resource.id, 'module.platform.module.ledger_db.aws_db_instance.this');
  });

  test('a local source inside the installed module is read from its folder: s3-versioning on line 12', () => {
    const [finding, ...more] = ofRule(editorAnalyse(dir, mainPath), 's3-versioning');
    assert.ok(finding);
    assert.deepEqual(more, []);
    assert.equal(main.slice(finding.range.start, finding.range.end), 'archive_versioning = "Suspended"');
    assert.equal(finding.resource.id, 'module.platform.module.archive.aws_s3_bucket.this');
  });

  test('what the installed archive bucket lacks whatever is passed is reported on the call\'s label (line 7)', () => {
    const result = editorAnalyse(dir, mainPath);
    const onLabel = result.findings.filter((finding) => lineOf(finding) === 7).map((finding) => finding.ruleId);
    assert.ok(onLabel.includes('s3-tls-only-policy'), onLabel.join(', '));
    assert.ok(onLabel.includes('s3-access-logging'), onLabel.join(', '));
    // The installed database module gets compliant values for everything else: nothing else of it is reported.
    assert.deepEqual(result.findings.filter((finding) => finding.resource.id.includes('ledger_db')).map((finding) => finding.ruleId), ['rds-not-public']);
  });

  test('nothing is reported for the files under .terraform', () => {
    const installedFiles = [
      path.join(dir, '.terraform', 'modules', 'platform', 'main.tf'),
      path.join(dir, '.terraform', 'modules', 'platform', 'modules', 'archive', 'main.tf'),
      path.join(dir, '.terraform', 'modules', 'platform.ledger_db', 'main.tf'),
    ];
    for (const file of installedFiles) assert.deepEqual(editorAnalyse(dir, file).findings, [], file);
    assert.deepEqual(scanFiles(installedFiles).flatMap((file) => file.analysis?.findings ?? []), []);
    assert.deepEqual(scanFiles(collectFiles([dir])).map((file) => path.basename(file.path)), ['main.tf']);
  });
});

// In-memory variants: the manifest's shapes, and what is read when it is missing or wrong.
const DB_MODULE = `variable "public" {
  type    = bool
  default = false
}

resource "aws_db_instance" "this" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  storage_encrypted   = true
  publicly_accessible = var.public
}
`;
const CALLER = 'module "db" {\n  source  = "example-corp/db/aws"\n  version = "~> 2.0"\n  public  = true\n}\n';
const RECORD = { Key: 'db', Source: 'registry.terraform.io/example-corp/db/aws', Version: '2.1.0', Dir: '.terraform/modules/db' };

function tree(files: Record<string, string>): FileSystemView {
  return {
    listFiles: (dir) => {
      const names = Object.keys(files).filter((file) => path.posix.dirname(file) === dir).map((file) => path.posix.basename(file));
      return names.length > 0 ? names : undefined;
    },
    readFile: (file) => files[file],
    terraformFolders: () => [...new Set(Object.keys(files).filter((file) => file.endsWith('.tf')).map((file) => path.posix.dirname(file)))],
  };
}

function analyseRoot(manifest: string | undefined, extra: Record<string, string> = {}): FileAnalysis {
  const files: Record<string, string> = { '/r/main.tf': CALLER, '/r/.terraform/modules/db/main.tf': DB_MODULE, ...extra };
  if (manifest !== undefined) files['/r/.terraform/modules/modules.json'] = manifest;
  return new Analyzer({ files: tree(files) }).analyze({ path: '/r/main.tf', text: CALLER });
}

function assertOpaque(result: FileAnalysis, why: string): void {
  assert.equal(result.kind, 'terraform', why);
  assert.deepEqual(ofRule(result, 'rds-not-public'), [], why);
  assert.ok(result.problems.some((problem) => problem.message.includes('"example-corp/db/aws" is not a local path')), why);
}

describe('variants: manifests', () => {
  test('a well-formed manifest: the finding on `public  = true`', () => {
    const result = analyseRoot(JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, RECORD] }));
    const [finding] = ofRule(result, 'rds-not-public');
    assert.ok(finding);
    assert.equal(CALLER.slice(finding.range.start, finding.range.end), 'public  = true');
    assert.equal(finding.related[0]?.file, '/r/.terraform/modules/db/main.tf');
  });

  test('Terraform 0.12\'s form (registry source without host, Windows separators in Dir) is read too', () => {
    const result = analyseRoot(JSON.stringify({ Modules: [{ ...RECORD, Source: 'example-corp/db/aws', Dir: '.terraform\\modules\\db' }] }));
    assert.equal(ofRule(result, 'rds-not-public').length, 1);
  });

  test('an absolute Dir is taken as it is', () => {
    const result = analyseRoot(JSON.stringify({ Modules: [{ ...RECORD, Dir: '/elsewhere/db' }] }), { '/elsewhere/db/main.tf': DB_MODULE });
    assert.equal(ofRule(result, 'rds-not-public')[0]?.related[0]?.file, '/elsewhere/db/main.tf');
  });

  test('no manifest: the call is opaque, as before', () => {
    assertOpaque(analyseRoot(undefined), 'no manifest');
  });

  const malformed: readonly [string, string][] = [
    ['not JSON', '{"Modules": [ {"Key": "db", '],
    ['empty', ''],
    ['a list', '[1, 2]'],
    ['Modules not a list', '{"Modules": 3}'],
    ['a record without Dir', '{"Modules": [{"Key": "db"}]}'],
    ['Dir not a string', '{"Modules": [{"Key": "db", "Dir": 7}]}'],
    ['records that are not objects', '{"Modules": [null, "db", 3]}'],
    ['a Dir with nothing in it', JSON.stringify({ Modules: [{ ...RECORD, Dir: '.terraform/modules/missing' }] })],
    ['the Key given twice', JSON.stringify({ Modules: [RECORD, { ...RECORD, Dir: '.terraform/modules/db2' }] })],
    ['another key', JSON.stringify({ Modules: [{ ...RECORD, Key: 'database' }] })],
    ['a stale record for another registry module', JSON.stringify({ Modules: [{ ...RECORD, Source: 'registry.terraform.io/example-corp/other/aws' }] })],
    ['deeply nested JSON', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ];
  for (const [name, text] of malformed) {
    test(`a malformed manifest (${name}): no crash, the call is opaque`, () => assertOpaque(analyseRoot(text), name));
  }

  test('a manifest that appears after the first analysis (terraform init ran) is read by the same analyzer', () => {
    const files: Record<string, string> = { '/r/main.tf': CALLER, '/r/.terraform/modules/db/main.tf': DB_MODULE };
    const analyzer = new Analyzer({ files: tree(files) });
    assert.equal(ofRule(analyzer.analyze({ path: '/r/main.tf', text: CALLER }), 'rds-not-public').length, 0);
    files['/r/.terraform/modules/modules.json'] = JSON.stringify({ Modules: [RECORD] });
    assert.equal(ofRule(analyzer.analyze({ path: '/r/main.tf', text: CALLER }), 'rds-not-public').length, 1);
  });

  test('a local module calling a registry module its caller installed: reported on the local module\'s call', () => {
    const local = 'variable "db_public" {\n  type    = bool\n  default = true\n}\n\nmodule "db" {\n  source = "example-corp/db/aws"\n  public = var.db_public\n}\n';
    const files: Record<string, string> = {
      '/r/main.tf': 'module "app" {\n  source = "./modules/app"\n}\n',
      '/r/modules/app/main.tf': local,
      '/r/.terraform/modules/app.db/main.tf': DB_MODULE,
      '/r/.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: 'app', Source: './modules/app', Dir: 'modules/app' }, { ...RECORD, Key: 'app.db', Dir: '.terraform/modules/app.db' }] }),
    };
    const analyzer = new Analyzer({ files: tree(files) });
    // The root's evaluation: app's default deploys, so the finding is given by app's own value (its default).
    const finding = ofRule(analyzer.analyze({ path: '/r/modules/app/main.tf', text: local }), 'rds-not-public')[0];
    assert.ok(finding, 'the installed module, read through the caller\'s manifest');
    assert.equal(local.slice(finding.range.start, finding.range.end), 'public = var.db_public');
    // The root module passes db_public = false: nothing is deployed public, nothing is said.
    files['/r/main.tf'] = 'module "app" {\n  source    = "./modules/app"\n  db_public = false\n}\n';
    assert.deepEqual(ofRule(analyzer.analyze({ path: '/r/modules/app/main.tf', text: local }), 'rds-not-public'), []);
    assert.deepEqual(ofRule(analyzer.analyze({ path: '/r/main.tf', text: files['/r/main.tf'] }), 'rds-not-public'), []);
  });
});
