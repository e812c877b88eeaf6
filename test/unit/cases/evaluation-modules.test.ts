// Modules as Terraform sees them: a child module's variables take the values its callers pass. A finding caused
// by a caller's input sits on the call's argument that carries the value (where the user edits it), with the
// child's line as related information; a child called with compliant inputs is not judged on its insecure
// defaults; a resource no caller creates (`count = var.create ? 1 : 0` with create = false) has no findings.
// With no caller known, a finding that rests on a variable's default is information only: it depends on what
// callers pass (Terraform: "the default value will be used if no value is set when calling the module",
// https://developer.hashicorp.com/terraform/language/values/variables; module arguments set the child's
// input variables, https://developer.hashicorp.com/terraform/language/modules/syntax).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer } from '../../../server/src/analysis';
import type { FileAnalysis, FileSystemView } from '../../../server/src/analysis';
import { DiskFileSystemView, collectFiles, scanFiles } from '../../../server/src/cli/scan';
import { memoryView } from '../../helpers/fileSystemView';

const CASES = path.join('test', 'fixtures', 'cases', 'evaluation');

function analyseIn(files: Readonly<Record<string, string>>, name: string): FileAnalysis {
  return new Analyzer({ files: memoryView(files, '/root') }).analyze({ path: `/root/${name}`, text: files[name] });
}

function diskAnalyse(file: string): FileAnalysis {
  const view: FileSystemView = {
    listFiles: (dir) => {
      try {
        return readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isFile());
      } catch {
        return undefined;
      }
    },
    readFile: (name) => {
      try {
        return readFileSync(name, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
  return new Analyzer({ files: view }).analyze({ path: file, text: readFileSync(file, 'utf8') });
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function ids(result: FileAnalysis): string[] {
  return result.findings.map((finding) => `${finding.resource.id}:${finding.ruleId}:${finding.severity}`).sort();
}

describe('case module-input-finding-position', () => {
  const dir = path.join(CASES, 'module-input-finding-position');
  const mainPath = path.join(dir, 'main.tf');
  const childPath = path.join(dir, 'modules', 'pwd', 'main.tf');
  const main = readFileSync(mainPath, 'utf8');
  const child = readFileSync(childPath, 'utf8');

  test('the finding sits on `min_len = 7` (line 9, column 3), with the child line as related', () => {
    const result = diskAnalyse(mainPath);
    assert.deepEqual(ids(result), ['module.pwd.aws_iam_account_password_policy.this:iam-password-policy:warning']);
    const [finding] = result.findings;
    assert.deepEqual(positionOf(main, finding.range.start), { line: 9, column: 3 });
    assert.equal(main.slice(finding.range.start, finding.range.end), 'min_len = 7');
    assert.equal(finding.related.length, 1);
    assert.equal(path.normalize(finding.related[0].file ?? ''), path.normalize(childPath));
    assert.equal(positionOf(child, finding.related[0].range.start).line, 8);
  });

  test('the child module (default 16, called with 7) reports nothing itself', () => {
    assert.deepEqual(ids(diskAnalyse(childPath)), []);
  });

  test('the CLI scan gives the same', () => {
    const scanned = scanFiles(collectFiles([dir]));
    const findings = scanned.flatMap((file) => (file.analysis?.findings ?? []).map((finding) => `${path.basename(path.dirname(file.path))}/${path.basename(file.path)}:${finding.ruleId}`));
    assert.deepEqual(findings, ['module-input-finding-position/main.tf:iam-password-policy']);
  });
});

describe('case tf-module-inputs-over-defaults', () => {
  const dir = path.join(CASES, 'tf-module-inputs-over-defaults');
  const db = path.join(dir, 'modules', 'ledger_db', 'main.tf');
  const dbRules = ['rds-storage-encrypted', 'rds-not-public', 'rds-backup-retention'];

  test('the editor on the child module: no finding from the insecure defaults', () => {
    const result = diskAnalyse(db);
    assert.deepEqual(result.findings.filter((finding) => dbRules.includes(finding.ruleId)).map((finding) => finding.ruleId), []);
    assert.ok(result.findings.every((finding) => finding.severity !== 'error'));
  });

  test('the CLI scan of the folder: none either, on any file', () => {
    const scanned = scanFiles(collectFiles([dir]));
    const found = scanned.flatMap((file) => file.analysis?.findings ?? []).filter((finding) => dbRules.includes(finding.ruleId));
    assert.deepEqual(found.map((finding) => finding.ruleId), []);
    // The sibling call without inputs keeps its own findings (they do not depend on a caller).
    const bucket = scanned.find((file) => file.path.endsWith('audit_bucket/main.tf'));
    assert.ok(bucket?.analysis?.findings.some((finding) => finding.ruleId === 's3-tls-only-policy'));
  });
});

const DB_MODULE = `variable "public" {
  type    = bool
  default = true
}

resource "aws_db_instance" "this" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  storage_encrypted   = true
  publicly_accessible = var.public
}
`;

describe('variants: modules called with inputs, without, and by nobody', () => {
  test('no caller known: the module deploys as a root module, with its defaults, and the message names the default', () => {
    const result = analyseIn({ 'modules/db/main.tf': DB_MODULE }, 'modules/db/main.tf');
    const finding = result.findings.find((candidate) => candidate.ruleId === 'rds-not-public');
    assert.ok(finding);
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /var\.public, default/);
  });

  test('a caller that leaves the input unset deploys the default: the error stays on the child', () => {
    const files = { 'main.tf': 'module "db" {\n  source = "./modules/db"\n}\n', 'modules/db/main.tf': DB_MODULE };
    const result = analyseIn(files, 'modules/db/main.tf');
    assert.equal(result.findings.find((candidate) => candidate.ruleId === 'rds-not-public')?.severity, 'error');
  });

  test('a caller passing public = false: nothing on the child; one passing true: the error on its argument', () => {
    const files = {
      'envs/main.tf': 'module "safe" {\n  source = "../modules/db"\n  public = false\n}\n',
      'main.tf': 'module "open" {\n  source = "./modules/db"\n  public = true\n}\n',
      'modules/db/main.tf': DB_MODULE,
    };
    // This view names no workspace folders: only /root/main.tf (above modules/db) is looked at as a caller; /root/envs
    // is a sibling (the suite 'callers anywhere in the workspace' below gives the workspace).
    const child = analyseIn(files, 'modules/db/main.tf');
    assert.deepEqual(child.findings.filter((finding) => finding.ruleId === 'rds-not-public'), []);
    const caller = analyseIn(files, 'main.tf');
    const finding = caller.findings.find((candidate) => candidate.ruleId === 'rds-not-public');
    assert.ok(finding);
    assert.equal(finding.severity, 'error');
    assert.equal(files['main.tf'].slice(finding.range.start, finding.range.end), 'public = true');
    assert.equal(finding.related[0].file, '/root/modules/db/main.tf');
    const safe = analyseIn(files, 'envs/main.tf');
    assert.deepEqual(safe.findings.filter((candidate) => candidate.ruleId === 'rds-not-public'), []);
  });

  test('an EKS endpoint made public through a module input: on the argument, not the module label', () => {
    const eks = `variable "endpoint_public_access" {
  type    = bool
  default = false
}

resource "aws_eks_cluster" "this" {
  name     = "prod"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids              = ["subnet-1", "subnet-2"]
    endpoint_private_access = true
    endpoint_public_access  = var.endpoint_public_access
  }
}
`;
    const main = 'module "eks" {\n  source = "./modules/eks"\n\n  endpoint_public_access = true\n}\n';
    const files = { 'main.tf': main, 'modules/eks/main.tf': eks };
    const finding = analyseIn(files, 'main.tf').findings.find((candidate) => candidate.ruleId === 'eks-endpoint-private');
    assert.ok(finding);
    assert.equal(main.slice(finding.range.start, finding.range.end), 'endpoint_public_access = true');
    assert.deepEqual(analyseIn(files, 'modules/eks/main.tf').findings.filter((candidate) => candidate.ruleId === 'eks-endpoint-private'), []);
  });

  test('a value passed through a nested module call sits on the outer argument', () => {
    const files = {
      'main.tf': 'module "outer" {\n  source = "./modules/outer"\n  db_public = true\n}\n',
      'modules/outer/main.tf': 'variable "db_public" {\n  type = bool\n}\n\nmodule "inner" {\n  source = "../db"\n  public = var.db_public\n}\n',
      'modules/db/main.tf': DB_MODULE,
    };
    const finding = analyseIn(files, 'main.tf').findings.find((candidate) => candidate.ruleId === 'rds-not-public');
    assert.ok(finding);
    assert.equal(files['main.tf'].slice(finding.range.start, finding.range.end), 'db_public = true');
  });
});

describe('variants: resources no caller creates', () => {
  const counted = (count: string, extra = '') => `variable "create" {
  type    = bool
  default = true
}

variable "a" {
  type    = bool
  default = true
}

variable "b" {
  type    = bool
  default = true
}
${extra}
resource "aws_db_instance" "this" {
  count               = ${count}
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  storage_encrypted   = false
  publicly_accessible = true
}
`;

  test('count = var.create ? 1 : 0 with every caller passing create = false: no findings', () => {
    const files = { 'main.tf': 'module "db" {\n  source = "./modules/db"\n  create = false\n}\n', 'modules/db/main.tf': counted('var.create ? 1 : 0') };
    assert.deepEqual(ids(analyseIn(files, 'modules/db/main.tf')), []);
    assert.deepEqual(ids(analyseIn(files, 'main.tf')), []);
  });

  test('through a local: create = var.a && var.b, a caller passing b = false', () => {
    const files = {
      'main.tf': 'module "db" {\n  source = "./modules/db"\n  b      = false\n}\n',
      'modules/db/main.tf': counted('local.create ? 1 : 0', 'locals {\n  create = var.a && var.b\n}\n'),
    };
    assert.deepEqual(ids(analyseIn(files, 'modules/db/main.tf')), []);
    assert.deepEqual(ids(analyseIn(files, 'main.tf')), []);
  });

  test('one caller of two creates it: its findings stay', () => {
    const files = {
      'main.tf': 'module "off" {\n  source = "./modules/db"\n  create = false\n}\n\nmodule "on" {\n  source = "./modules/db"\n}\n',
      'modules/db/main.tf': counted('var.create ? 1 : 0'),
    };
    const result = analyseIn(files, 'modules/db/main.tf');
    assert.ok(result.findings.some((finding) => finding.ruleId === 'rds-not-public' && finding.severity === 'error'));
    assert.ok(result.findings.some((finding) => finding.ruleId === 'rds-storage-encrypted'));
  });
});

// Callers anywhere in the workspace: a module's callers are all the workspace's Terraform folders whose local module
// calls resolve to it (FileSystemView.terraformFolders: the CLI's scanned tree, the server's workspace folders), not
// only the folders above it. A module's own finding is kept only when some caller's evaluation gives it on a value
// the caller does not pass.
describe('case tf-module-sibling-callers', () => {
  const dir = path.join(CASES, 'tf-module-sibling-callers');
  const modulePath = path.join(dir, 'modules', 'ledger_db', 'main.tf');
  const devPath = path.join(dir, 'envs', 'dev', 'main.tf');
  const inputRules = ['rds-not-public', 'rds-storage-encrypted'];
  const of = (result: FileAnalysis | undefined) => (result?.findings ?? []).filter((finding) => inputRules.includes(finding.ruleId));

  test('the CLI scan: nothing on the module, the error on dev\'s argument with the module line as related', () => {
    const scanned = scanFiles(collectFiles([dir]));
    const byFile = new Map(scanned.map((file) => [path.normalize(file.path), file.analysis]));
    assert.deepEqual(of(byFile.get(path.normalize(modulePath))).map((finding) => finding.ruleId), []);
    assert.deepEqual(of(byFile.get(path.normalize(path.join(dir, 'envs', 'prod', 'main.tf')))).map((finding) => finding.ruleId), []);
    const dev = of(byFile.get(path.normalize(devPath)));
    assert.deepEqual(dev.map((finding) => `${finding.ruleId}:${finding.severity}`), ['rds-not-public:error']);
    const text = readFileSync(devPath, 'utf8');
    assert.equal(text.slice(dev[0].range.start, dev[0].range.end), 'reachable_publicly = true');
    assert.equal(positionOf(text, dev[0].range.start).line, 8);
    assert.equal(path.normalize(dev[0].related[0]?.file ?? ''), path.normalize(modulePath));
    assert.equal(positionOf(readFileSync(modulePath, 'utf8'), dev[0].related[0].range.start).line, 28);
  });

  test('the editor on the module, with the workspace known: no finding from the defaults', () => {
    const view = new DiskFileSystemView();
    view.setScannedFiles(collectFiles([dir]));
    const result = new Analyzer({ files: view }).analyze({ path: modulePath, text: readFileSync(modulePath, 'utf8') });
    assert.deepEqual(of(result), []);
    // Its other findings do not depend on a caller: they stay.
    assert.ok(result.findings.some((finding) => finding.ruleId === 'rds-iam-auth'));
  });

  test('without the workspace (no folder above calls it), the module is a root module: its defaults are reported', () => {
    assert.deepEqual(of(diskAnalyse(modulePath)).map((finding) => finding.ruleId).sort(), ['rds-not-public', 'rds-storage-encrypted']);
  });
});

/** An in-memory workspace under /ws whose Terraform folders are known, as the CLI and the server know them. */
function workspace(files: Record<string, string>): { view: FileSystemView; files: Record<string, string> } {
  const full = (): Map<string, string> => new Map(Object.entries(files).map(([name, text]) => [`/ws/${name}`, text]));
  const view: FileSystemView = {
    listFiles: (dir) => {
      const names = [...full().keys()].filter((file) => path.posix.dirname(file) === dir).map((file) => path.posix.basename(file));
      return names.length > 0 ? names : undefined;
    },
    readFile: (file) => full().get(file),
    terraformFolders: () => [...new Set([...full().keys()].filter((file) => file.endsWith('.tf')).map((file) => path.posix.dirname(file)))],
  };
  return { view, files };
}

function rdsPublic(result: FileAnalysis) {
  return result.findings.filter((finding) => finding.ruleId === 'rds-not-public').map((finding) => finding.severity);
}

describe('variants: callers in sibling, cousin and ancestor folders', () => {
  test('a sibling module (modules/app calls ../db) passing public = false clears the default', () => {
    const { view, files } = workspace({
      'modules/app/main.tf': 'module "db" {\n  source = "../db"\n  public = false\n}\n',
      'modules/db/main.tf': DB_MODULE,
    });
    const analyzer = new Analyzer({ files: view });
    assert.deepEqual(rdsPublic(analyzer.analyze({ path: '/ws/modules/db/main.tf', text: files['modules/db/main.tf'] })), []);
    assert.deepEqual(rdsPublic(analyzer.analyze({ path: '/ws/modules/app/main.tf', text: files['modules/app/main.tf'] })), []);
  });

  test('a module in the repository root called only by examples/complete (source = "../../"): judged with what the example passes', () => {
    const root = DB_MODULE;
    const example = 'module "db" {\n  source = "../../"\n  public = false\n}\n';
    const { view } = workspace({ 'main.tf': root, 'examples/complete/main.tf': example });
    assert.deepEqual(rdsPublic(new Analyzer({ files: view }).analyze({ path: '/ws/main.tf', text: root })), []);
    // An example that passes nothing deploys the default: the error stays on the module.
    const { view: bare } = workspace({ 'main.tf': root, 'examples/complete/main.tf': example, 'examples/simple/main.tf': 'module "db" {\n  source = "../../"\n}\n' });
    assert.deepEqual(rdsPublic(new Analyzer({ files: bare }).analyze({ path: '/ws/main.tf', text: root })), ['error']);
  });

  test('a cousin passing public = true: the error on its argument, related to the module line; none on the module', () => {
    const caller = 'module "db" {\n  source = "../../modules/db"\n  public = true\n}\n';
    const { view } = workspace({ 'envs/dev/main.tf': caller, 'modules/db/main.tf': DB_MODULE });
    const analyzer = new Analyzer({ files: view });
    assert.deepEqual(rdsPublic(analyzer.analyze({ path: '/ws/modules/db/main.tf', text: DB_MODULE })), []);
    const result = analyzer.analyze({ path: '/ws/envs/dev/main.tf', text: caller });
    const finding = result.findings.find((candidate) => candidate.ruleId === 'rds-not-public');
    assert.ok(finding);
    assert.equal(caller.slice(finding.range.start, finding.range.end), 'public = true');
    assert.equal(finding.related[0]?.file, '/ws/modules/db/main.tf');
    assert.equal(positionOf(DB_MODULE, finding.related[0].range.start).line, 11);
  });

  test('a caller edited: the module\'s cached result follows (public = false removed, then the call removed)', () => {
    const { view, files } = workspace({
      'envs/prod/main.tf': 'module "db" {\n  source = "../../modules/db"\n  public = false\n}\n',
      'modules/db/main.tf': DB_MODULE,
    });
    const analyzer = new Analyzer({ files: view });
    const analyseModule = () => rdsPublic(analyzer.analyze({ path: '/ws/modules/db/main.tf', text: DB_MODULE }));
    assert.deepEqual(analyseModule(), []);
    assert.deepEqual(analyzer.terraformCallersOf('/ws/modules/db'), ['/ws/envs/prod']);
    assert.deepEqual(analyzer.terraformCalleesOf('/ws/envs/prod'), ['/ws/modules/db']);
    // As typed in the editor: the caller's buffer changes, then it is analysed (the server does it in that order).
    files['envs/prod/main.tf'] = 'module "db" {\n  source = "../../modules/db"\n}\n';
    analyzer.analyze({ path: '/ws/envs/prod/main.tf', text: files['envs/prod/main.tf'] });
    assert.deepEqual(analyseModule(), ['error']);
    // As changed on disk: the server forgets the file; the call is gone, so the module has no caller.
    files['envs/prod/main.tf'] = 'module "db" {\n  source = "../../modules/db"\n  public = false\n}\n';
    analyzer.forget('/ws/envs/prod/main.tf');
    assert.deepEqual(analyseModule(), []);
    files['envs/prod/main.tf'] = '# no module here any more\n';
    analyzer.forget('/ws/envs/prod/main.tf');
    assert.deepEqual(analyseModule(), ['error']);
    assert.deepEqual(analyzer.terraformCallersOf('/ws/modules/db'), []);
    // What it called before stays among its callees: that module's diagnostics must be refreshed too.
    assert.deepEqual(analyzer.terraformCalleesOf('/ws/envs/prod'), ['/ws/modules/db']);
  });

  test('a new caller appearing in the workspace changes the module\'s result', () => {
    const { view, files } = workspace({ 'modules/db/main.tf': DB_MODULE });
    const analyzer = new Analyzer({ files: view });
    assert.deepEqual(rdsPublic(analyzer.analyze({ path: '/ws/modules/db/main.tf', text: DB_MODULE })), ['error']);
    files['envs/prod/main.tf'] = 'module "db" {\n  source = "../../modules/db"\n  public = false\n}\n';
    assert.deepEqual(rdsPublic(analyzer.analyze({ path: '/ws/modules/db/main.tf', text: DB_MODULE })), []);
  });

  test('folders under .terraform are not callers', () => {
    const { view } = workspace({
      '.terraform/modules/x/main.tf': 'module "db" {\n  source = "../../../modules/db"\n  public = false\n}\n',
      'modules/db/main.tf': DB_MODULE,
    });
    assert.deepEqual(rdsPublic(new Analyzer({ files: view }).analyze({ path: '/ws/modules/db/main.tf', text: DB_MODULE })), ['error']);
  });

  test('a workspace of 3,000 folders: at most 2,000 are read, the nearest first, and the module\'s caller is among them', () => {
    const files: Record<string, string> = {
      'app/envs/prod/main.tf': 'module "db" {\n  source = "../../modules/db"\n  public = false\n}\n',
      'app/modules/db/main.tf': DB_MODULE,
    };
    // Folders that sort before the caller and call nothing.
    for (let index = 0; index < 3000; index++) files[`aaa/f${String(index).padStart(4, '0')}/main.tf`] = 'resource "aws_sqs_queue" "q" {}\n';
    const folders = [...new Set(Object.keys(files).map((file) => `/ws/${path.posix.dirname(file)}`))];
    const listed = new Set<string>();
    const counting: FileSystemView = {
      listFiles: (dir) => {
        listed.add(dir);
        return files[`${dir.slice('/ws/'.length)}/main.tf`] === undefined ? undefined : ['main.tf'];
      },
      readFile: (file) => files[file.slice('/ws/'.length)],
      terraformFolders: () => folders,
    };
    assert.deepEqual(rdsPublic(new Analyzer({ files: counting }).analyze({ path: '/ws/app/modules/db/main.tf', text: DB_MODULE })), []);
    assert.ok(listed.has('/ws/app/envs/prod'));
    assert.ok(listed.size <= 2010, `${listed.size} folders listed`);
  });

  test('a module that calls itself through a caller, and a caller of unreadable text: no crash, no hang', () => {
    const { view } = workspace({
      'a/main.tf': `module "b" {\n  source = "../b"\n}\n${DB_MODULE}`,
      'b/main.tf': 'module "a" {\n  source = "../a"\n  public = false\n}\n',
      'c/main.tf': 'module "a" {\n  source = "../a"\n  public = {{{\n',
    });
    const analyzer = new Analyzer({ files: view });
    const result = analyzer.analyze({ path: '/ws/a/main.tf', text: `module "b" {\n  source = "../b"\n}\n${DB_MODULE}` });
    assert.equal(result.kind, 'terraform');
    assert.ok(analyzer.terraformCallersOf('/ws/a').includes('/ws/c'));
  });
});

describe('case tf-module-call-instances', () => {
  const dir = path.join(CASES, 'tf-module-call-instances');
  const main = path.join(dir, 'main.tf');
  const db = readFileSync(path.join(dir, 'modules', 'db', 'main.tf'), 'utf8');
  const archive = readFileSync(path.join(dir, 'modules', 'archive', 'main.tf'), 'utf8');

  test('the CLI scan: one error, for the for_each instance whose each.value is public, on its call argument; nothing from the count = 0 call', () => {
    const scanned = scanFiles(collectFiles([dir]));
    const findings = scanned.flatMap((file) => (file.analysis?.findings ?? []).map((finding) => ({ file: path.relative(dir, file.path), finding })));
    assert.deepEqual(findings.map(({ file, finding }) => `${file}:${finding.resource.id}:${finding.ruleId}:${finding.severity}`), [
      'main.tf:module.databases["reporting"].aws_db_instance.this:rds-not-public:error',
    ]);
    const text = readFileSync(main, 'utf8');
    assert.equal(positionOf(text, findings[0].finding.range.start).line, 18);
  });

  test('the editor on each module: no finding of its own, whatever its defaults', () => {
    assert.deepEqual(ids(diskAnalyse(path.join(dir, 'modules', 'db', 'main.tf'))), []);
    assert.deepEqual(ids(diskAnalyse(path.join(dir, 'modules', 'archive', 'main.tf'))), []);
  });

  test('variants: count = 2 with count.index, an empty for_each, a for_each of a for expression, in .tf and .tf.json', () => {
    const callers: [string, string, string[]][] = [
      ['main.tf', 'module "db" {\n  source = "./modules/db"\n  count = 2\n  identifier = "db-${count.index}"\n  publicly_accessible = count.index == 1\n}\n', ['module.db[1].aws_db_instance.this:rds-not-public:error']],
      ['main.tf', 'module "db" {\n  source = "./modules/db"\n  for_each = {}\n  identifier = each.key\n}\n', []],
      ['main.tf', 'variable "names" {\n  default = ["a", "b"]\n}\nmodule "db" {\n  source = "./modules/db"\n  for_each = { for n in var.names : n => n == "b" }\n  identifier = each.key\n  publicly_accessible = each.value\n}\n', ['module.db["b"].aws_db_instance.this:rds-not-public:error']],
      ['main.tf.json', JSON.stringify({ module: { db: { source: './modules/db', for_each: { a: false, b: true }, identifier: '${each.key}', publicly_accessible: '${each.value}' } } }), ['module.db["b"].aws_db_instance.this:rds-not-public:error']],
      ['main.tf.json', JSON.stringify({ module: { db: { source: './modules/archive', count: 0 } } }), []],
    ];
    for (const [name, text, expected] of callers) {
      const files = { [name]: text, 'modules/db/main.tf': db, 'modules/archive/main.tf': archive };
      assert.deepEqual(ids(analyseIn(files, name)), expected, text);
      // A module whose only call makes no instance reports nothing in its own file either.
      if (text.includes('./modules/archive')) assert.deepEqual(ids(new Analyzer({ files: memoryView(files, '/root') }).analyze({ path: '/root/modules/archive/main.tf', text: archive })), [], text);
    }
  });
});
