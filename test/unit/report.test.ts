// The Shared Responsibility Report (analysis/report.ts, reportRender.ts): the status of every item of every resource
// of examples/, suppressed cells with their reason, the AWS side, the code lens line, and what the HTML may and may
// not contain (its own nonce, no external resource, escaped text).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer, combineReport, isCandidatePath, lensTitle, reportHtml, reportMarkdown, reportPart, responsibilityReport } from '../../server/src/analysis';
import type { FileAnalysis, ResponsibilityReport } from '../../server/src/analysis';
import { diskView } from '../helpers/fileSystemView';
import { REPO_ROOT } from '../helpers/paths';

/** examples/ analysed as the CLI does, the paths relative to the repository. */
function examplesReport(): ResponsibilityReport {
  const analyzer = new Analyzer({ files: diskView(), incremental: false });
  const analyses: FileAnalysis[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (isCandidatePath(path)) {
        const text = diskView().readFile(path) ?? '';
        analyses.push({ ...analyzer.analyze({ path, text }), path: relative(REPO_ROOT, path).split('\\').join('/') });
      }
    }
  };
  visit(join(REPO_ROOT, 'examples'));
  return responsibilityReport(analyses);
}

const S3_BUCKET_CFN = {
  'data-at-rest-encryption': 'aws-default', 'key-management': 'missed', 'data-in-transit': 'missed', 'public-access': 'missed',
  'identity-access': 'aws-default', 'logging-audit': 'missed', 'integrity-versioning': 'missed', 'data-residency': 'not-applicable',
};
const RDS_CFN = {
  'data-at-rest-encryption': 'missed', 'data-in-transit': 'addressed', 'network-exposure': 'missed', 'identity-access': 'missed',
  'secrets-management': 'addressed', 'logging-audit': 'missed', 'backup-recovery': 'missed', 'os-platform-patching': 'aws-default',
};
// A Terraform bucket's public access is addressed (its block is a resource of its own, missed below).
const S3_BUCKET_TF = { ...S3_BUCKET_CFN, 'public-access': 'addressed' };

/** Every resource of examples/ and the status of each item a rule looked at. */
const EXPECTED: readonly [file: string, id: string, statuses: Readonly<Record<string, string>>][] = [
  ['examples/cloudformation/web-stack.json', 'AdminSecurityGroup', { 'network-exposure': 'missed' }],
  ['examples/cloudformation/web-stack.json', 'Database', RDS_CFN],
  ['examples/cloudformation/web-stack.json', 'ReportsBucket', S3_BUCKET_CFN],
  ['examples/cloudformation/web-stack.yaml', 'WebSecurityGroup', { 'network-exposure': 'missed' }],
  ['examples/cloudformation/web-stack.yaml', 'Database', RDS_CFN],
  ['examples/cloudformation/web-stack.yaml', 'ReportsBucket', S3_BUCKET_CFN],
  // MySQL without an engine version: whether the default parameter group requires TLS depends on the version RDS picks.
  ['examples/cloudformation/web-stack.yaml', 'ArchiveDatabase', { ...RDS_CFN, 'data-in-transit': 'cannot-be-checked' }],
  ['examples/terraform/main.tf', 'aws_security_group.admin', { 'network-exposure': 'missed' }],
  ['examples/terraform/main.tf', 'aws_db_instance.reports', { ...RDS_CFN, 'data-residency': 'not-applicable' }],
  ['examples/terraform/main.tf', 'aws_s3_bucket.reports', S3_BUCKET_TF],
  ['examples/terraform/main.tf', 'aws_s3_bucket.logs', S3_BUCKET_TF],
  ['examples/terraform/s3.tf', 'aws_s3_bucket_public_access_block.reports', { 'public-access': 'missed' }],
  ['examples/terraform/s3.tf', 'aws_s3_bucket_versioning.logs', { 'integrity-versioning': 'missed' }],
];

describe('Shared Responsibility Report', () => {
  const report = examplesReport();

  test('every resource of examples/ has the expected status for every item', () => {
    const actual = report.resources.map((resource) => [resource.file, resource.id, Object.fromEntries(resource.cells.map((cell) => [cell.item, cell.status]))]);
    assert.deepEqual(actual, EXPECTED.map(([file, id, statuses]) => [file, id, { ...statuses }]));
  });

  test('parts made per file (the server makes large ones in its worker) combine into the same report', () => {
    const whole = examplesReport();
    const parts = whole.files.map((file) => ({ file, resources: whole.resources.filter((resource) => resource.file === file) }));
    // A part crosses a thread as structured data: what survives JSON is all it has.
    const combined = combineReport(parts.map((part) => JSON.parse(JSON.stringify(part)) as typeof part));
    assert.deepEqual(combined, whole);
    assert.ok(whole.files.length > 3 && whole.resources.length > 10);
    const renamed = reportPart(new Analyzer({ incremental: false }).analyze({ path: '/abs/t.yaml', text: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' }), 't.yaml');
    assert.deepEqual([renamed?.file, renamed?.resources[0].key], ['t.yaml', 't.yaml#Q']);
    assert.equal(reportPart(new Analyzer({ incremental: false }).analyze({ path: '/abs/notes.yaml', text: 'a: 1\n' })), undefined);
    // A file the editor could not analyse (its worker failed) is named, in both renderings, never silently dropped.
    const left = { notAnalysed: ['big.yaml'] };
    assert.match(reportMarkdown(whole, left), /^Not in this report: 1 file the editor could not analyse \(too large for its thread, and its analysis worker failed: big\.yaml\)/m);
    assert.match(reportHtml(whole, { nonce: 'bm9uY2U=', ...left }), /<p class="muted" id="not-analysed">Not in this report: 1 file the editor could not analyse/);
    assert.doesNotMatch(reportMarkdown(whole), /Not in this report/);
  });

  test('a missed cell tells what is missed, not what another rule of the item found fine', () => {
    const group = examplesReport().resources.find((resource) => resource.key === 'examples/cloudformation/web-stack.json#AdminSecurityGroup')!;
    const cell = group.cells.find((candidate) => candidate.item === 'network-exposure')!;
    assert.equal(cell.status, 'missed');
    assert.match(cell.detail, /RDP \(port 3389\) is open to the internet/);
    // sg-no-world-high-risk-ports found nothing to report here; its "no inbound rule opens..." read as a contradiction.
    assert.ok(cell.ruleIds.includes('sg-no-world-high-risk-ports'));
    assert.doesNotMatch(cell.detail, /No inbound rule opens/);
  });

  test('cells carry the place of the setting, the AWS default date and the severity', () => {
    const yaml = (id: string) => report.resources.find((resource) => resource.file.endsWith('web-stack.yaml') && resource.id === id)!;
    // The SSH finding (error) is the place shown for network exposure, not the egress finding on the logical id.
    const ssh = yaml('WebSecurityGroup').cells.find((cell) => cell.item === 'network-exposure')!;
    assert.equal(ssh.severity, 'error');
    assert.ok(ssh.range && ssh.range.start.line > yaml('WebSecurityGroup').range.start.line, 'the SSH rule is below the logical id');
    const encryption = yaml('ReportsBucket').cells.find((cell) => cell.item === 'data-at-rest-encryption')!;
    assert.equal(encryption.since, '2023-01-05');
    const unknown = yaml('ArchiveDatabase').cells.find((cell) => cell.item === 'data-in-transit')!;
    assert.match(unknown.detail, /cannot be checked/);
  });

  test('the AWS side counts the resources of each category and totals add up', () => {
    assert.deepEqual(report.awsSide.map((category) => [category.id, category.resources]), [['infrastructure', 3], ['container', 4], ['abstracted', 6]]);
    assert.equal(report.totals.resources, 13);
    const cells = report.resources.reduce((sum, resource) => sum + resource.cells.length, 0);
    assert.equal(Object.values(report.totals.cells).reduce((sum, count) => sum + count, 0), cells);
    assert.equal(report.totals.cells['cannot-be-checked'], 1);
  });

  test('a suppressed finding makes its cell "suppressed", with the reason', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  # iac-hints-ignore rds-storage-encrypted: test database with synthetic data
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      ManageMasterUserPassword: true
`;
    const analysis = new Analyzer().analyze({ path: 'db.yaml', text });
    const cell = responsibilityReport([analysis]).resources[0].cells.find((candidate) => candidate.item === 'data-at-rest-encryption')!;
    assert.equal(cell.status, 'suppressed');
    assert.equal(cell.suppression?.reason, 'test database with synthetic data');
    assert.equal(cell.severity, 'warning');
  });

  test('the code lens line counts the duties', () => {
    const bucket = report.resources.find((resource) => resource.id === 'ReportsBucket')!;
    assert.equal(lensTitle(bucket), 'Customer: 0 of 7 addressed · 5 missed · 2 by AWS default');
    const database = report.resources.find((resource) => resource.id === 'ArchiveDatabase')!;
    assert.equal(lensTitle(database), 'Customer: 1 of 8 addressed · 5 missed · 1 cannot be checked · 1 by AWS default');
  });

  test('skipped files and an empty input give an empty report, rendered without failing', () => {
    const empty = responsibilityReport([new Analyzer().analyze({ path: 'package.json', text: '{"name": "x"}' })]);
    assert.deepEqual([empty.files, empty.resources, empty.totals.resources], [[], [], 0]);
    assert.match(reportMarkdown(empty), /No resource with a customer duty was found/);
    assert.match(reportHtml(empty, { nonce: 'abc' }), /No resource with a customer duty was found/);
  });

  test('the HTML loads nothing, runs only what carries its nonce, and escapes the text', () => {
    const nonce = 'bm9uY2Utdmb1ZQ==';
    const html = reportHtml(report, { nonce });
    assert.match(html, new RegExp(`Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'`));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="${nonce}">`]);
    assert.deepEqual(html.match(/<style\b[^>]*>/g), [`<style nonce="${nonce}">`]);
    assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\//, 'no external resource or link');
    assert.doesNotMatch(html, /\sstyle="/, 'no inline style attribute (the CSP would block it)');
    assert.doesNotMatch(html, /\son[a-z]+="/, 'no inline event handler (the CSP would block it)');
    // Every colour comes from the editor's theme, with a fallback.
    for (const colour of html.match(/var\(--vscode-[\w-]+[^)]*\)/g) ?? []) assert.match(colour, /, #[0-9a-f]{6}\)$|, [\w-]+|, system-ui/);
    // A hostile id cannot open a tag.
    const hostile = { ...report, resources: [{ ...report.resources[0], id: '<img src=x onerror=alert(1)>' }] };
    assert.doesNotMatch(reportHtml(hostile, { nonce }), /<img/);
    // Each filter is a labelled select.
    for (const id of ['filter-item', 'filter-severity', 'filter-status', 'filter-file']) assert.match(html, new RegExp(`<label for="${id}">[^<]+<select id="${id}">`));
  });

  test('the markdown lists every cell of every resource with its status', () => {
    const markdown = reportMarkdown(report);
    const details = markdown.split('\n').filter((line) => line.startsWith('- **'));
    assert.equal(details.length, report.resources.reduce((sum, resource) => sum + resource.cells.length, 0));
    assert.match(markdown, /\| `WebSecurityGroup` \| `AWS::EC2::SecurityGroup` \| examples\/cloudformation\/web-stack\.yaml:14 \|/);
  });

  test('the markdown shows hostile ids, file names and messages literally: no tag, comment, link or broken table', () => {
    // Ids, file names and values quoted in messages come from the templates, which anyone may write in a pull request.
    const first = report.resources[0]!;
    const hostile: ResponsibilityReport = {
      ...report,
      resources: [{
        ...first,
        id: 'a|b`c``d<!--',
        file: 'x<img src=x onerror=alert(1)>|[y](https://example.com).yaml',
        cells: first.cells.map((cell) => ({ ...cell, detail: '<script>alert(1)</script> <!-- *bold* [link](https://example.com) a|b\nnext_line aws_s3_bucket _x_ &amp;' })),
      }],
    };
    const markdown = reportMarkdown(hostile, { scope: '<b>scope</b>' });
    const lines = markdown.split('\n');
    // Outside code spans, no '<', '[', '*', '&' or '|' inside a cell is left unescaped.
    const outsideCode = markdown.replace(/(?<!`)(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, '');
    assert.doesNotMatch(outsideCode, /(?<!\\)[<[&]/, 'every markup character outside code is escaped');
    assert.match(outsideCode, /\\\*bold\\\*/);
    assert.match(markdown, /^# Shared Responsibility Report: \\<b\\>scope\\<\/b\\>$/m);
    // The matrix row keeps the header's columns: a pipe in an id or a file name is escaped.
    const header = lines.find((line) => line.startsWith('| Resource |'))!;
    const row = lines.find((line) => line.startsWith('| ```a'))!;
    const columns = (line: string): number => line.split(/(?<!\\)\|/).length;
    assert.equal(columns(row), columns(header));
    // The id is one code span, fenced by more backticks than it holds.
    assert.ok(row.startsWith('| ```a\\|b`c``d<!--``` |'), row);
    assert.match(markdown, /^### ```a\|b`c``d<!--``` /m);
    // A line break in a message does not end the list item; an underscore inside a word is left readable.
    const detail = lines.find((line) => line.startsWith('- **'))!;
    assert.match(detail, /a\\\|b next_line aws_s3_bucket \\_x\\_ \\&amp;/);
  });
});
