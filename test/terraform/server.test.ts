// The language server on Terraform: a module's files are analysed together (open buffers over the disk), and a
// change to any file of the module re-publishes the others; hovers and related places in other files.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { Analyzer } from '../../server/src/analysis';
import { TestLspClient, fileUri } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'terraform');

const MAIN = `locals {
  public = false
}

resource "aws_security_group" "ssh" {
  name        = "ssh"
  description = "Administration"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}
`;

const VERSIONING = (status: string): string => `resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "${status}"
  }
}
`;

const DB = `resource "aws_db_instance" "app" {
  engine                              = "postgres"
  instance_class                      = "db.t3.micro"
  allocated_storage                   = 20
  publicly_accessible                 = local.public
  storage_encrypted                   = true
  backup_retention_period             = 7
  deletion_protection                 = true
  iam_database_authentication_enabled = true
}
`;


function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code));
}

describe('language server: Terraform modules', () => {
  let client: TestLspClient;
  const dir = mkdtempSync(join(tmpdir(), 'iac-hints-tf-lsp-'));
  const main = join(dir, 'main.tf');
  const s3 = join(dir, 's3.tf');
  const db = join(dir, 'db.tf');
  const forUri = (uri: string) => (params: PublishDiagnosticsParams) => params.uri === uri;

  before(async () => {
    writeFileSync(main, MAIN);
    writeFileSync(s3, VERSIONING('Enabled'));
    writeFileSync(db, DB);
    ({ client } = await TestLspClient.start({ workspaceFolders: [dir] }));
    await client.progress.find((event) => event.value.kind === 'end', 'the end of the workspace scan');
  });
  after(async () => {
    await client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('opening a .tf: findings of the module, with the split settings of the sibling file taken into account', async () => {
    const published = client.diagnostics.next(forUri(fileUri(main)), 'diagnostics of main.tf');
    await client.open(main, MAIN, 'terraform');
    const { diagnostics } = await published;
    assert.ok(codes(diagnostics).includes('sg-open-admin-ports'), codes(diagnostics).join(', '));
    assert.ok(!codes(diagnostics).includes('s3-versioning'), 'versioning is enabled in s3.tf');
    assert.ok(diagnostics.every((diagnostic) => diagnostic.code !== 'parse'));
  });

  test('a sibling file changed on disk re-publishes the open file', async () => {
    const published = client.diagnostics.next((params) => params.uri === fileUri(main) && codes(params.diagnostics).includes('s3-versioning'), 'main.tf with s3-versioning');
    writeFileSync(s3, VERSIONING('Suspended'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(s3), type: 2 }] });
    const { diagnostics } = await published;
    const finding = diagnostics.find((diagnostic) => diagnostic.code === 's3-versioning');
    assert.ok(finding);
    assert.equal(finding.range.start.line, 16, 'on the bucket in main.tf');
  });

  test('an open buffer of a sibling file wins over the disk, and its edits re-publish the other file', async () => {
    await client.open(s3, VERSIONING('Suspended'), 'terraform');
    const published = client.diagnostics.next((params) => params.uri === fileUri(main) && !codes(params.diagnostics).includes('s3-versioning'), 'main.tf without s3-versioning');
    await client.change(fileUri(s3), VERSIONING('Enabled'));
    await published;
  });

  test('a workspace-scanned file of the module (not open) is re-published when an open file changes', async () => {
    const scanned = client.diagnostics.values.filter(forUri(fileUri(db))).at(-1);
    assert.ok(!scanned || !codes(scanned.diagnostics).includes('rds-not-public'));
    const published = client.diagnostics.next((params) => params.uri === fileUri(db) && codes(params.diagnostics).includes('rds-not-public'), 'db.tf with rds-not-public');
    await client.change(fileUri(main), MAIN.replace('public = false', 'public = true'));
    const { diagnostics } = await published;
    assert.match(diagnostics.find((diagnostic) => diagnostic.code === 'rds-not-public')!.message as string, /local\.public/);
  });

  test('hover on the resource type label names the category', async () => {
    const line = MAIN.split('\n').findIndex((text) => text.startsWith('resource "aws_security_group"'));
    const hover = await client.hover(fileUri(main), { line, character: 12 });
    assert.ok(hover, 'a hover');
    const category = new Analyzer().analyze({ path: '/x/main.tf', text: MAIN }).resources.find((resource) => resource.id === 'aws_security_group.ssh')?.category;
    assert.ok(category, 'the core knows the category');
    const markdown = (hover.contents as MarkupContent).value;
    // The category id ('infrastructure') is shown as its label ('Infrastructure service').
    assert.ok(markdown.toLowerCase().includes(category.toLowerCase()), `${category}: ${markdown}`);
    assert.match(markdown, /aws_security_group/);
  });

  test('a finding on a module call points at the child file, with that file\'s line and character', async () => {
    const root = join(FIXTURES, 'child-module', 'main.tf');
    const child = join(FIXTURES, 'child-module', 'modules', 'db', 'main.tf');
    const published = client.diagnostics.next(forUri(fileUri(root)), 'diagnostics of the root module');
    await client.open(root, readFileSync(root, 'utf8'), 'terraform');
    const { diagnostics } = await published;
    const finding = diagnostics.find((diagnostic) => diagnostic.code === 'rds-storage-encrypted');
    assert.ok(finding, codes(diagnostics).join(', '));
    // On the call's argument that carries the value (storage_encrypted = false).
    assert.deepEqual(finding.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 27 } });
    const related = finding.relatedInformation?.find((information) => information.location.uri === fileUri(child));
    assert.ok(related, JSON.stringify(finding.relatedInformation));
    assert.deepEqual(related.location.range, { start: { line: 5, character: 40 }, end: { line: 5, character: 61 } });
  });

  test('editing the called module re-publishes the finding on the module call in the caller', async () => {
    const root = join(FIXTURES, 'child-module', 'main.tf');
    const child = join(FIXTURES, 'child-module', 'modules', 'db', 'main.tf');
    const childText = readFileSync(child, 'utf8');
    const childUri = await client.open(child, childText, 'terraform');
    const republished = client.diagnostics.next(
      (params) => params.uri === fileUri(root) && !codes(params.diagnostics).includes('rds-storage-encrypted'),
      'the root module without the storage finding',
    );
    // The child now encrypts whatever the caller passes: the call no longer creates an unencrypted database.
    await client.change(childUri, childText.replace('storage_encrypted                   = var.storage_encrypted', 'storage_encrypted                   = true'));
    await republished;
    await client.close(childUri);
  });
});
