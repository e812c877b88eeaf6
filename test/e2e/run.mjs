// End-to-end test in a real VS Code: code-server (VS Code in the browser) with the packaged .vsix,
// driven by playwright-core and Debian's chromium, headless. Run through `npm run test:e2e`
// (tools come from scripts/e2e-install.sh into .e2e/).
//
// Every check is a step (name + async function) in TERRAFORM_STEPS, FIX_STEPS, REPORT_STEPS, RULE_PAGE_STEPS,
// TRUSTED_STEPS or RESTRICTED_STEPS below; a new check is one more step() in the right list. Each step ends with a screenshot under
// test-results/e2e/. Waits always poll a condition with a timeout, never sleep a fixed time.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOOLS = path.join(ROOT, '.e2e');
const VSIX = path.resolve(process.env.IAC_HINTS_VSIX ?? path.join(ROOT, 'iac-responsibility-hints.vsix'));
const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? findOnPath('chromium') ?? '/usr/bin/chromium';
const EXTENSION_ID = 'iac-hints.iac-responsibility-hints';
// A finding's diagnostic source: the tool and its responsibility item (`iac-hints · network exposure`); the message
// starts with the problem itself.
const SOURCE_PREFIX = 'iac-hints · ';
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 45_000);
// E2E_STEPS=<regex>: run only the steps whose names match (a quicker loop while writing steps); the summary says how
// many were left out, and a run that leaves any out fails, so it never passes for a whole run.
const ONLY = process.env.E2E_STEPS ? new RegExp(process.env.E2E_STEPS, 'i') : undefined;
const MOD = 'Control'; // code-server on Linux uses Ctrl-based keybindings.

const require = createRequire(path.join(TOOLS, 'package.json'));
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch {
  fail(`playwright-core is not installed in ${TOOLS}: run bash scripts/e2e-install.sh`);
}
const CODE_SERVER = path.join(TOOLS, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
if (!fs.existsSync(CODE_SERVER)) fail(`code-server is not installed in ${TOOLS}: run bash scripts/e2e-install.sh`);
if (!fs.existsSync(VSIX)) fail(`${VSIX} does not exist: run npm run package first`);

// ---------------------------------------------------------------------------------------------
// Steps. `t` is the test context (see Session below): t.page, t.folder, t.open(), t.problems() ...

// examples/terraform: one module over four files. VS Code has no built-in Terraform language, so
// the .tf files may open as Plain Text; the client's documentSelector also matches them by pattern.
const TF_MAIN = 'terraform/main.tf';

const TERRAFORM_STEPS = [
  step('Terraform: diagnostics appear as squiggles in main.tf', async (t) => {
    await t.openFile(TF_MAIN);
    const language = await t.languageMode();
    log(`    ${TF_MAIN} opened as ${language}`);
    // The findings start below the first screen (the Problems panel may be open): bring them into view.
    const ssh = t.locate(TF_MAIN, 'SSH for the operators', 'var.admin_cidr');
    await t.gotoPosition(ssh.line, ssh.column);
    await t.waitForSquiggles().catch((error) => {
      throw new Error(`no squiggles in ${TF_MAIN} (language mode "${language}"): the language server published no`
        + ` Terraform diagnostics for it\n${error.message}`);
    });
  }, '09-terraform-diagnostics'),

  step('Terraform: the Problems panel lists the security group and database findings of main.tf', async (t) => {
    await t.openFile(TF_MAIN);
    await t.showProblems();
    // Errors sort first, so these rows are among those the (virtual) list renders.
    const wanted = [
      ['SSH open to the internet through var.admin_cidr', (r) => /SSH \(port 22\)/.test(r.message) && /var\.admin_cidr/.test(r.message)],
      ['the public database', (r) => /publicly_accessible is true/.test(r.message)],
      ['the unencrypted database', (r) => /storage_encrypted is false/.test(r.message)],
    ];
    const rows = await t.waitFor(`these findings of main.tf in the Problems panel: ${wanted.map(([what]) => what).join('; ')}`,
      async () => {
        const ours = await t.ourProblems('main.tf');
        return wanted.every(([, match]) => ours.some(match)) ? ours : undefined;
      }, async () => `rows: ${JSON.stringify(await t.problems('main.tf'), null, 1)}`);
    log(`    main.tf: ${rows.length} findings shown, e.g. "${rows[0].message}"`);
  }, '10-terraform-problems'),

  step('Terraform: versioning split into s3.tf counts: a finding on the reports bucket, none on logs', async (t) => {
    await t.openFile(TF_MAIN);
    const at = (block) => t.locate(TF_MAIN, block, block).line;
    const [reports, logs] = [at('resource "aws_s3_bucket" "reports"'), at('resource "aws_s3_bucket" "logs"')];
    const isVersioning = (m) => /no aws_s3_bucket_versioning points at it/.test(m.message);
    // Every marker of the file (the Problems list only renders the rows in view).
    const all = await t.markers();
    const describe = () => JSON.stringify(all.map((m) => `${m.line}: ${m.message.split('\n')[0]}`), null, 1);
    assert(all.some((m) => m.line === reports && isVersioning(m)), `no versioning finding on the reports bucket (line ${reports}); markers: ${describe()}`);
    const falseAlarm = all.find((m) => m.line === logs && isVersioning(m));
    assert(!falseAlarm, `versioning finding on the logs bucket although s3.tf enables it: ${falseAlarm?.message}`);
    log(`    main.tf: ${all.length} markers, versioning only on line ${reports}`);
  }),

  step('Terraform: the Block Public Access finding sits in s3.tf', async (t) => {
    await t.openFile('terraform/s3.tf');
    await t.showProblems();
    const line = t.locate('terraform/s3.tf', 'aws_s3_bucket_public_access_block', 'block_public_policy').line;
    await t.waitFor('the block_public_policy finding of s3.tf in the Problems panel', async () =>
      (await t.ourProblems('s3.tf')).some((r) => r.line === line && /block_public_policy is false/.test(r.message)),
    async () => `rows: ${JSON.stringify(await t.problems('s3.tf'), null, 1)}`);
    await t.problems(); // clear the filter
  }),

  step('Terraform: hover on "aws_db_instance" explains the service category and the customer share', async (t) => {
    await t.openFile(TF_MAIN);
    const { line, column } = t.locate(TF_MAIN, 'resource "aws_db_instance"', '"aws_db_instance"');
    const text = await t.hoverAt(line, column + 3, (s) => /Container/.test(s) && /Customer/.test(s));
    log(`    hover: ${oneLine(text)}`);
  }, '11-terraform-hover-type'),

  step('Terraform: hover on publicly_accessible names the responsibility item', async (t) => {
    const { line, column } = t.locate(TF_MAIN, 'resource "aws_db_instance"', 'publicly_accessible');
    const text = await t.hoverAt(line, column + 2, (s) => /responsibility/i.test(s) && /network exposure/i.test(s));
    log(`    hover: ${oneLine(text)}`);
  }, '12-terraform-hover-setting'),
];

// Fixes, fix-all and a suppression, through the editor's own menus (Ctrl+. and "Source Action..."), on the
// fixtures of test/e2e/workspace/fixes (its README says what each holds). Findings are matched by rule id (the
// diagnostic's code in the Problems panel), never by the words of their messages.
const FIXES = 'fixes';

const FIX_STEPS = [
  step('quick fix in YAML: Ctrl+. adds PointInTimeRecoverySpecification to OrdersTable', async (t) => {
    const file = `${FIXES}/orders.yaml`;
    const before = t.read(file);
    const title = await t.applyQuickFix(file, 'dynamodb-pitr', /^Set PointInTimeRecoveryEnabled: true\b/, '13-quickfix-yaml-menu');
    log(`    applied "${title}"`);
    await t.save();
    await t.waitForText(file, edited(before, '    Properties:\n',
      '      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n'));
    await t.waitForCodes(file, { gone: ['dynamodb-pitr'], kept: ['dynamodb-deletion-protection'] });
  }, '14-quickfix-yaml'),

  step('quick fix in JSON: Ctrl+. turns EnableKeyRotation from false to true', async (t) => {
    const file = `${FIXES}/key.json`;
    const before = t.read(file);
    const title = await t.applyQuickFix(file, 'kms-rotation', /^Set EnableKeyRotation: true\b/);
    log(`    applied "${title}"`);
    await t.save();
    await t.waitForText(file, replaced(before, '"EnableKeyRotation": false,', '"EnableKeyRotation": true,'));
    await t.waitForCodes(file, { gone: ['kms-rotation'] });
  }, '15-quickfix-json'),

  step('quick fix in Terraform: Ctrl+. adds a point_in_time_recovery block to aws_dynamodb_table.orders', async (t) => {
    const file = `${FIXES}/terraform/orders.tf`;
    const before = t.read(file);
    const title = await t.applyQuickFix(file, 'dynamodb-pitr', /^Set point_in_time_recovery\.enabled = true\b/);
    log(`    applied "${title}"`);
    await t.save();
    await t.waitForText(file, edited(before, '    type = "S"\n  }\n', '  point_in_time_recovery {\n    enabled = true\n  }\n'));
    await t.waitForCodes(file, { gone: ['dynamodb-pitr'], kept: ['dynamodb-deletion-protection'] });
  }, '16-quickfix-terraform'),

  step('fix-all ("Source Action...") applies only the safe fixes, as iac-hints scan --fix does', async (t) => {
    const file = `${FIXES}/fix-all.yaml`;
    const before = t.read(file);
    const safe = ['rds-backup-retention', 'rds-deletion-protection', 'rds-iam-auth'];
    // Fixes fix-all must not apply: one replaces the database, one may break clients, one needs a KMS key ARN.
    const unsafe = ['rds-storage-encrypted', 'rds-not-public', 'loggroup-kms'];
    await t.openFile(file);
    await t.waitForCodes(file, { kept: [...safe, ...unsafe] });
    await t.focusEditor();
    await t.runCommand('Source Action...');
    const title = await t.chooseCodeAction(/^Fix all safe\b/i);
    log(`    applying "${title}"`);
    await t.shot('17-fix-all-menu');
    await t.page.keyboard.press('Enter');
    await t.save();
    // The CLI, from the same .vsix, on a copy of the original: the editor and the CLI fix alike.
    const expected = fixedByCli(t.extensionsDir, path.basename(file), before);
    assert(expected !== before, `iac-hints scan --fix changed nothing in ${file}`);
    const after = await t.waitForText(file, expected);
    for (const line of ['BackupRetentionPeriod: 7', 'DeletionProtection: true', 'EnableIAMDatabaseAuthentication: true']) {
      assert(after.includes(`      ${line}\n`), `fix-all did not write "${line}" under ReportsDatabase.Properties:\n${after}`);
    }
    for (const line of ['PubliclyAccessible: true', 'StorageEncrypted: false']) {
      assert(after.includes(`      ${line}\n`), `fix-all changed "${line}", which is not a safe fix:\n${after}`);
    }
    assert(!/^Parameters:/m.test(after) && !after.includes('KmsKeyId'), `fix-all wrote the log group's key parameter, a placeholder:\n${after}`);
    await t.waitForCodes(file, { gone: safe, kept: unsafe });
  }, '18-fix-all'),

  step('suppression: "Suppress ecr-immutable-tags for BuildCache (with a reason)" hides the finding', async (t) => {
    const file = `${FIXES}/suppress.yaml`;
    const before = t.read(file);
    const title = await t.applyQuickFix(file, 'ecr-immutable-tags', /^Suppress ecr-immutable-tags for BuildCache\b/, '19-suppress-menu');
    log(`    applied "${title}"`);
    await t.save();
    await t.waitForText(file, edited(before, 'Resources:\n', '  # iac-hints-ignore ecr-immutable-tags: <reason>\n'));
    // The finding is gone; the other finding of the resource stays; the comment's placeholder is reported.
    const rows = await t.waitForCodes(file, { gone: ['ecr-immutable-tags'], kept: ['ecr-kms'] });
    const comment = t.locate(file, 'Resources:', 'iac-hints-ignore').line;
    // A problem with the file itself (code "parse"), not a finding: matched by that code and its place.
    const placeholder = (r) => r.code === 'parse' && r.line === comment && /reason/i.test(r.message);
    assert(rows.some(placeholder), `no warning that the suppression on line ${comment} has no reason: ${JSON.stringify(rows)}`);
  }, '20-suppressed'),

  step('suppression: a reason typed in place of <reason> clears the warning, the finding stays suppressed', async (t) => {
    const file = `${FIXES}/suppress.yaml`;
    const before = t.read(file);
    const reason = 'a build cache: its tags are overwritten on purpose';
    const { line, column } = t.locate(file, 'iac-hints-ignore', '<reason>');
    await t.gotoPosition(line, column);
    await t.page.keyboard.press('Shift+End');
    await t.page.keyboard.type(reason);
    await t.save();
    await t.waitForText(file, replaced(before, ': <reason>\n', `: ${reason}\n`));
    await t.waitForCodes(file, { gone: ['ecr-immutable-tags', 'parse'], kept: ['ecr-kms'] });
  }, '21-suppression-reason'),
];

// The Shared Responsibility Report (issue 13): the code lens above a resource opens the report's webview at it; the
// report filters; a link in it moves the editor's cursor to the setting. The webview is two iframes deep.
const REPORT_FILE = 'cloudformation/web-stack.yaml';
const REPORT_LENS = 'Customer: 0 of 7 addressed · 5 missed · 2 by AWS default';

const REPORT_STEPS = [
  step('a code lens above ReportsBucket counts its customer duties', async (t) => {
    await t.openFile(REPORT_FILE);
    const { line } = t.locate(REPORT_FILE, 'ReportsBucket:', 'ReportsBucket:');
    await t.gotoPosition(line, 3);
    const lens = t.page.locator('.editor-group-container.active .codelens-decoration a', { hasText: REPORT_LENS }).first();
    await lens.waitFor({ state: 'visible', timeout: TIMEOUT });
    const all = await t.page.locator('.editor-group-container.active .codelens-decoration a').allInnerTexts();
    log(`    code lenses: ${all.map((text) => `"${text}"`).join(', ')}`);
  }, '22-code-lens'),

  step('the status bar shows the workspace\'s missed duties', async (t) => {
    const item = t.page.locator('.statusbar-item', { hasText: /\d+ missed/ }).first();
    await item.waitFor({ state: 'visible', timeout: TIMEOUT });
    log(`    status bar: "${(await item.innerText()).trim()}"`);
  }),

  step('clicking the code lens opens the report at ReportsBucket', async (t) => {
    await t.openFile(REPORT_FILE);
    await t.page.locator('.editor-group-container.active .codelens-decoration a', { hasText: REPORT_LENS }).first().click();
    const report = t.report();
    const row = report.locator(`tr.resource.revealed[data-key="${REPORT_FILE}#ReportsBucket"]`);
    await row.waitFor({ state: 'visible', timeout: TIMEOUT });
    const focused = await report.locator('tr.resource:focus').getAttribute('data-key', { timeout: TIMEOUT });
    assert(focused === `${REPORT_FILE}#ReportsBucket`, `the focused row is ${focused}`);
    log(`    report: ${await report.locator('#totals').innerText()}`);
  }, '23-report'),

  step('the report filters by status and item', async (t) => {
    const report = t.report();
    const shown = report.locator('#shown');
    const total = Number(/of (\d+)/.exec(await shown.innerText())?.[1]);
    // The workspace also holds other steps' fixtures: the file filter keeps to web-stack.yaml.
    await report.locator('#filter-file').selectOption(REPORT_FILE);
    await report.locator('#filter-status').selectOption('cannot-be-checked');
    await t.waitFor('one resource of web-stack.yaml that cannot be checked', async () => (await shown.innerText()).startsWith('1 of '));
    const visible = await report.locator('tr.resource:not(.hidden)').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')));
    assert(visible.length === 1 && visible[0] === `${REPORT_FILE}#ArchiveDatabase`, `rows shown: ${visible.join(', ')}`);
    await report.locator('#filter-status').selectOption('');
    await report.locator('#filter-file').selectOption('');
    await report.locator('#filter-item').selectOption('public-access');
    await t.waitFor('only the resources with a public access duty', async () => {
      const count = Number(/^(\d+) of/.exec(await shown.innerText())?.[1]);
      return count > 0 && count < total;
    });
    const columns = await report.locator('thead th[data-column]:not(.hidden)').allInnerTexts();
    assert(columns.length === 1 && columns[0] === 'public access', `columns shown: ${columns.join(', ')}`);
    await t.shot('24-report-filtered');
    await report.locator('#filter-reset').click();
    await t.waitFor('every resource again', async () => (await shown.innerText()) === `${total} of ${total} resources shown`);
  }),

  step('a link in the report moves the cursor to the SSH rule', async (t) => {
    const report = t.report();
    const link = report.locator(`tr[data-key="${REPORT_FILE}#WebSecurityGroup"] td[data-item="network-exposure"] a.place`);
    const line = Number(await link.getAttribute('data-end-line', { timeout: TIMEOUT })) + 1;
    const expected = t.locate(REPORT_FILE, 'FromPort: 22', 'CidrIp').line;
    assert(line === expected, `the link points at line ${line}, the SSH rule's CidrIp is on line ${expected}`);
    await link.focus();
    await link.press('Enter');
    await t.page.locator('.tab.active', { hasText: 'web-stack.yaml' }).waitFor({ state: 'visible', timeout: TIMEOUT });
    await t.waitFor(`the cursor on line ${line}`, async () => (await t.cursor()).line === line, async () => `cursor: ${JSON.stringify(await t.cursor())}`);
  }, '25-report-link'),

  step('the report alone, wide (the README\'s screenshot)', async (t) => {
    await t.page.locator('.tab', { hasText: 'Shared Responsibility Report' }).first().click();
    await t.runCommand('View: Toggle Maximize Editor Group');
    await t.page.keyboard.press(`${MOD}+KeyJ`); // the panel
    await t.waitFor('the report over most of the window', async () => {
      const box = await t.page.locator('iframe.webview.ready').last().boundingBox();
      return box && box.width > 1000;
    });
    await t.report().locator('h1').scrollIntoViewIfNeeded({ timeout: TIMEOUT });
    await t.report().locator('#totals').waitFor({ state: 'visible', timeout: TIMEOUT });
    await t.shot('26-report-wide');
    await t.runCommand('View: Toggle Maximize Editor Group');
    await t.page.keyboard.press(`${MOD}+KeyJ`);
  }),
];

// Rule pages (issue 13): a diagnostic's code (the rule id) links to the rule's page shipped with the extension
// (docs/rules/<id>.md), which the client's iacHints.showRuleDocumentation command opens as a Markdown preview. The
// rule is found by its id, the page checked against the title the installed page itself carries.
const RULE_FILE = REPORT_FILE;
const RULE_ID = 'sg-open-admin-ports'; // the SSH ingress of WebSecurityGroup
const PALETTE_RULE_ID = 'kms-rotation';

const RULE_PAGE_STEPS = [
  step(`clicking the rule id ${RULE_ID} of a diagnostic in the Problems panel opens its rule page`, async (t) => {
    await t.openSourceBesideReport(RULE_FILE);
    await t.clickProblemCode(RULE_FILE, RULE_ID, '27-rule-link');
    const text = await t.rulePage(RULE_ID);
    log(`    rule page: ${oneLine(text)}`);
  }, '28-rule-page'),

  step(`the hover over the SSH finding links its rule ${RULE_ID} to the rule page`, async (t) => {
    await t.openSourceBesideReport(RULE_FILE);
    const { line, column } = t.locate(RULE_FILE, 'FromPort: 22', 'CidrIp');
    // A hover closes when the editor scrolls: code lenses arriving after the file opens shift its lines. They come last.
    await t.gotoPosition(line, column + 2);
    await t.waitForVisibleLens();
    await t.gotoPosition(line, column + 2);
    // The mouse rests on the setting, as a user's would, and then moves into the hover (sticky) onto the link.
    const cursor = await t.page.locator('.editor-group-container.active .monaco-editor .cursors-layer .cursor').first()
      .boundingBox({ timeout: TIMEOUT });
    assert(cursor, `no cursor shown at ${line}:${column + 2}`);
    let nudge = 0;
    // The editor may show the marker's hover and ours as separate hovers: every visible one counts.
    const links = t.page.locator('.monaco-editor .monaco-hover a:visible');
    const targetOf = async (link) => (await link.getAttribute('data-href', { timeout: 1_000 })) ?? (await link.getAttribute('href', { timeout: 1_000 })) ?? '';
    const targets = async () => links.evaluateAll((anchors) =>
      anchors.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
    const isRuleLink = (target) => isRulePageLink(target, RULE_ID);
    const link = await t.waitFor(`the mouse on a link to the page of ${RULE_ID} in the hover at ${line}:${column + 2}`, async () => {
      const found = (await targets()).findIndex(isRuleLink);
      if (found < 0) {
        if ((await t.page.locator('.monaco-editor .monaco-hover:visible').count()) === 0) {
          nudge = (nudge + 1) % 4; // a mouse that does not move shows no new hover
          await t.page.mouse.move(cursor.x + 2 + nudge, cursor.y + cursor.height / 2);
        }
        return undefined;
      }
      // The hover may still close under the mouse (the editor scrolled): then look again.
      const candidate = links.nth(found);
      await candidate.scrollIntoViewIfNeeded({ timeout: 2_000 });
      await candidate.hover({ timeout: 2_000 });
      return isRuleLink(await targetOf(candidate)) ? candidate : undefined;
    }, async () => `links in the hover: ${JSON.stringify(await targets().catch(() => []))}`);
    await t.settled(t.page.locator('.monaco-editor .monaco-hover:visible').first());
    await t.shot('29-rule-hover-link');
    await link.click();
    const text = await t.rulePage(RULE_ID);
    log(`    rule page: ${oneLine(text)}`);
  }, '30-rule-page-hover'),

  step(`"IaC Hints: Show Rule Documentation" from the Command Palette opens the page of ${PALETTE_RULE_ID}`, async (t) => {
    // The active editor is the previous step's preview, with no diagnostic under a cursor: the command asks for a rule.
    await t.runCommand('IaC Hints: Show Rule Documentation');
    const input = t.page.locator('.quick-input-widget input');
    await t.page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ state: 'visible', timeout: TIMEOUT });
    await input.fill(PALETTE_RULE_ID);
    // A quick pick row's aria-label is "label, description, detail": the rule id, its title, its item.
    const focused = async () => t.page.locator('.quick-input-widget .monaco-list-row.focused').first()
      .getAttribute('aria-label', { timeout: 1_000 }).catch(() => '');
    await t.waitFor(`${PALETTE_RULE_ID} to be the chosen rule`, async () => (await focused())?.startsWith(`${PALETTE_RULE_ID}, `),
      async () => `focused row: ${JSON.stringify(await focused())}`);
    await t.shot('31-rule-quick-pick');
    await t.page.keyboard.press('Enter');
    const text = await t.rulePage(PALETTE_RULE_ID);
    log(`    rule page: ${oneLine(text)}`);
  }, '32-rule-page-palette'),
];

const TRUSTED_STEPS = [
  step('the extension is installed and activates', async (t) => {
    await t.openFile('cloudformation/web-stack.yaml');
    await t.waitFor('the language server process to start', () => serverPids(t.extensionsDir).length > 0);
    // The client writes its activation time to its output channel, which code-server logs to a file.
    const logs = path.join(path.dirname(t.extensionsDir), 'user-data', 'logs');
    const timing = await t.waitFor('the activation time in our output channel log', () => {
      for (const file of walk(logs)) {
        if (!file.endsWith('IaC Responsibility Hints.log')) continue;
        const match = /activated in (\d+) ms; language server ready after (\d+) ms/.exec(fs.readFileSync(file, 'utf8'));
        if (match) return { activation: Number(match[1]), ready: Number(match[2]) };
      }
      return undefined;
    });
    log(`    activated in ${timing.activation} ms, language server ready after ${timing.ready} ms`);
    assert(timing.activation < 1000, `activation took ${timing.activation} ms`);
  }),

  step('diagnostics appear as squiggles in web-stack.yaml', async (t) => {
    await t.waitForSquiggles();
  }, '01-diagnostics'),

  step('the Problems panel lists our findings for both templates', async (t) => {
    await t.openFile('cloudformation/web-stack.json');
    await t.waitForSquiggles();
    await t.showProblems();
    for (const file of ['web-stack.json', 'web-stack.yaml']) {
      const rows = await t.waitFor(`findings of ${file} in the Problems panel`, async () => {
        const ours = await t.ourProblems(file);
        return ours.length > 0 ? ours : undefined;
      }, async () => `rows: ${JSON.stringify(await t.problems(file))}`);
      log(`    ${file}: ${rows.length} findings, e.g. "${rows[0].message}"`);
    }
    await t.problems(); // clear the filter so the screenshot shows every finding
  }, '02-problems'),

  step('hover on the S3 bucket type explains the service category and the customer share', async (t) => {
    await t.openFile('cloudformation/web-stack.yaml');
    const { line, column } = t.locate('cloudformation/web-stack.yaml', 'ReportsBucket:', 'AWS::S3::Bucket');
    const text = await t.hoverAt(line, column + 2, (s) => /Abstracted/.test(s) && /Customer/.test(s)
      && /Customer items in this template/.test(s));
    // The status of each customer item, rendered from "- public access: **missed** (rule ids)".
    assert(/public access: missed\b/.test(text), `the hover lists no "public access: missed" item: ${JSON.stringify(text)}`);
    await t.revealInHover(/public access: missed/);
    log(`    hover: ${oneLine(text)}`);
  }, '03-hover-type'),

  step('hover on StorageEncrypted names the responsibility item', async (t) => {
    const { line, column } = t.locate('cloudformation/web-stack.yaml', 'ArchiveDatabase:', 'StorageEncrypted');
    const text = await t.hoverAt(line, column + 2, (s) => /responsibility/i.test(s) && /encrypt/i.test(s));
    log(`    hover: ${oneLine(text)}`);
  }, '04-hover-setting'),

  step('the quick fix adds StorageEncrypted: true to Database', async (t) => {
    const file = 'cloudformation/web-stack.yaml';
    const isDatabaseEncryption = (m) => t.resourceAt(file, m.line) === 'Database' && /StorageEncrypted|encrypt/i.test(m.message);
    await t.openFile(file);
    // Alt+F8 walks the file's markers and leaves the cursor on the Database encryption finding.
    const seen = await t.markers(isDatabaseEncryption);
    const finding = seen.at(-1);
    assert(finding && isDatabaseEncryption(finding), `no encryption finding inside Database; markers: ${JSON.stringify(seen)}`);
    assert(finding.message.startsWith('StorageEncrypted '), `the finding does not start with what is wrong: ${finding.message}`);
    await t.gotoPosition(finding.line, finding.column);
    await t.page.keyboard.press(`${MOD}+Period`);
    const title = await t.chooseCodeAction(/StorageEncrypted/);
    log(`    applying "${title}"`);
    await t.shot('05-quickfix');
    await t.page.keyboard.press('Enter');
    await t.save();
    await t.waitFor('StorageEncrypted: true under Database.Properties on disk', () => {
      const block = resourceBlock(t.read(file), 'Database').split('\n');
      const properties = block.findIndex((l) => /^\s+Properties:\s*$/.test(l));
      const indent = (l) => l.length - l.trimStart().length;
      return properties >= 0 && block.slice(properties + 1).some((l) =>
        /^\s+StorageEncrypted:\s*true\s*$/.test(l) && indent(l) > indent(block[properties]));
    }, () => `Database now reads:\n${resourceBlock(t.read(file), 'Database')}`);
    await t.waitFor('the Database encryption finding to disappear', async () =>
      !(await t.markers()).some(isDatabaseEncryption));
    await t.showProblems();
    await t.problems('web-stack.yaml');
  }, '06-fixed'),

  step('the grammars scope intrinsic function tags and suppression comments', async (t) => {
    await t.openFile('cloudformation/web-stack.yaml');
    const tag = t.locate('cloudformation/web-stack.yaml', 'WebSecurityGroup:', '!Ref');
    await t.gotoPosition(tag.line, tag.column + 2);
    assert(/support\.function\.intrinsic\.cloudformation/.test(await t.inspectTokenScopes('08-grammar')),
      'the token inspector shows no support.function.intrinsic.cloudformation scope for !Ref');

    // The examples carry no suppression comment, so the step writes one into the workspace copy.
    const file = 'cloudformation/suppressed.yaml';
    fs.writeFileSync(path.join(t.folder, file), [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  # iac-hints-ignore s3-versioning, s3-object-lock: scratch bucket, rebuilt every night',
      '  Scratch:',
      '    Type: AWS::S3::Bucket',
      '',
    ].join('\n'));
    await t.openFile(file);
    for (const [needle, scope] of [['iac-hints-ignore', 'keyword.other.directive.suppression.iac-hints'],
      ['s3-object-lock', 'constant.other.rule-id.iac-hints'], ['scratch bucket', 'string.unquoted.reason.iac-hints']]) {
      const at = t.locate(file, 'Resources:', needle);
      await t.gotoPosition(at.line, at.column + 2);
      const scopes = await t.inspectTokenScopes();
      assert(scopes.includes(scope), `no ${scope} scope at "${needle}": ${scopes}`);
    }
  }),

  ...TERRAFORM_STEPS,

  ...FIX_STEPS,

  ...REPORT_STEPS,

  ...RULE_PAGE_STEPS,

  step('reloading the window deactivates the extension and stops its language server', async (t) => {
    const before = await t.waitFor('one language server process', () => {
      const pids = serverPids(t.extensionsDir);
      return pids.length === 1 ? pids : undefined;
    }, () => `language server processes: ${serverPids(t.extensionsDir).join(', ') || 'none'}`);
    await t.runCommand('Developer: Reload Window');
    await t.waitFor('the old language server process to exit', () => !isAlive(before[0]));
    await t.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: TIMEOUT });
    await t.openFile('cloudformation/web-stack.yaml');
    await t.waitFor('a new language server process', () => serverPids(t.extensionsDir).some((pid) => pid !== before[0]));
    await t.showProblems();
    await t.waitFor('findings again after the reload', async () =>
      (await t.problems('web-stack.yaml')).some((r) => r.source.startsWith(SOURCE_PREFIX)));
  }),
];

const RESTRICTED_STEPS = [
  step('Restricted Mode: the folder is untrusted and findings still appear', async (t) => {
    await t.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first()
      .waitFor({ state: 'visible', timeout: TIMEOUT });
    await t.openFile('cloudformation/web-stack.yaml');
    await t.waitForSquiggles();
    await t.showProblems();
    await t.waitFor('our findings in the Problems panel', async () =>
      (await t.problems()).some((r) => r.source.startsWith(SOURCE_PREFIX)));
  }, '07-restricted-mode'),
];

// ---------------------------------------------------------------------------------------------
// Runner.

function step(name, run, screenshot) {
  return { name, run, screenshot };
}

const results = [];
const cleanups = [];
const leftOut = []; // steps E2E_STEPS did not select

async function main() {
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-hints-e2e-'));
  cleanups.push(() => {
    // Keep code-server's logs next to the screenshots; E2E_KEEP=1 keeps the whole tmp folder.
    fs.cpSync(path.join(tmp, 'user-data', 'logs'), path.join(RESULTS, 'logs'), { recursive: true });
    if (process.env.E2E_KEEP) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  });
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const started = Date.now();

  log(`installing ${path.relative(ROOT, VSIX)} into ${extensionsDir}`);
  installExtension(userDataDir, extensionsDir);

  // Trusted run: trust is off, so every folder is trusted and no trust prompt appears.
  writeUserSettings(userDataDir, { 'security.workspace.trust.enabled': false });
  const server = await startCodeServer(tmp, userDataDir, extensionsDir);
  cleanups.push(() => server.kill());
  const browser = await launchBrowser(tmp);
  cleanups.push(() => browser.close().catch(() => {}));

  await runSession('trusted', TRUSTED_STEPS, { browser, server, tmp, extensionsDir });

  // Restricted Mode: trust on, no prompt at start-up, and the fresh folder copy is not trusted.
  writeUserSettings(userDataDir, {
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.untrustedFiles': 'open',
  });
  await runSession('restricted', RESTRICTED_STEPS, { browser, server, tmp, extensionsDir });

  await record('shutdown is clean: no extension errors in the logs, no server process left', async () => {
    await browser.close();
    await server.stop();
    await waitFor('the language server processes to exit', () => serverPids(extensionsDir).length === 0, TIMEOUT,
      () => `still running: ${serverPids(extensionsDir).join(', ')}`);
    const errors = extensionErrors(userDataDir);
    assert(errors.length === 0, `errors from the extension in the logs:\n${errors.join('\n')}`);
  });
  log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function runSession(label, steps, { browser, server, tmp, extensionsDir }) {
  const folder = path.join(tmp, `workspace-${label}`);
  fs.cpSync(path.join(ROOT, 'examples'), folder, { recursive: true });
  fs.cpSync(path.join(ROOT, 'test', 'e2e', 'workspace'), folder, { recursive: true }); // the steps' own fixtures
  const page = await browser.newPage();
  const t = new Session(page, folder, extensionsDir);
  let broken = false;
  try {
    await record(`[${label}] code-server opens the examples folder`, async () => {
      await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ state: 'attached', timeout: TIMEOUT });
    }, page);
  } catch {
    broken = true;
  }
  for (const s of steps) {
    if (ONLY && !ONLY.test(s.name)) {
      leftOut.push(`[${label}] ${s.name}`);
      continue;
    }
    if (broken) {
      results.push({ name: `[${label}] ${s.name}`, ok: false, error: 'skipped: the window did not open' });
      continue;
    }
    try {
      await record(`[${label}] ${s.name}`, async () => {
        await s.run(t);
        if (s.screenshot) await t.shot(s.screenshot);
      }, page);
    } catch {
      // Recorded; later steps still run so one failure does not hide the others.
    }
  }
  await page.close();
}

async function record(name, run, page) {
  const started = Date.now();
  try {
    await run();
    results.push({ name, ok: true });
    log(`  ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    let shot = '';
    if (page && !page.isClosed()) {
      shot = path.join(RESULTS, `FAILED-${slug(name)}.png`);
      await page.screenshot({ path: shot }).catch(() => { shot = ''; });
    }
    results.push({ name, ok: false, error: message });
    log(`  FAIL ${name} (${Date.now() - started} ms)\n       ${message.split('\n').join('\n       ')}`
      + (shot ? `\n       screenshot: ${path.relative(ROOT, shot)}` : ''));
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Driving the workbench.

class Session {
  constructor(page, folder, extensionsDir) {
    this.page = page;
    this.folder = folder;
    this.extensionsDir = extensionsDir;
  }

  waitFor(what, condition, describe) {
    return waitFor(what, condition, TIMEOUT, describe);
  }

  read(relative) {
    return fs.readFileSync(path.join(this.folder, relative), 'utf8');
  }

  async shot(name) {
    await this.page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
  }

  /** 1-based line and column of `needle` in the first line containing it after the line containing `after`. */
  locate(relative, after, needle) {
    const lines = this.read(relative).split('\n');
    const start = lines.findIndex((l) => l.includes(after));
    assert(start >= 0, `${relative} has no line containing "${after}"`);
    for (let i = start; i < lines.length; i++) {
      const column = lines[i].indexOf(needle);
      if (column >= 0) return { line: i + 1, column: column + 1 };
    }
    throw new Error(`${relative} has no "${needle}" after "${after}"`);
  }

  /** Logical id of the CloudFormation resource whose block holds 1-based `line`, in the file on disk. */
  resourceAt(relative, line) {
    const lines = this.read(relative).split('\n');
    for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
      const m = /^ {2}"?([A-Za-z0-9]+)"?\s*:/.exec(lines[i]) ?? /^ {4}"([A-Za-z0-9]+)"\s*:\s*\{/.exec(lines[i]);
      if (m) return m[1];
    }
    return undefined;
  }

  async openFile(relative) {
    const name = path.basename(relative);
    const tab = this.page.locator('.tab.active', { hasText: name });
    if (await tab.isVisible()) return this.focusEditor();
    const input = this.page.locator('.quick-input-widget input');
    // Quick Open fills its list asynchronously (recent files first): Enter only once the focused
    // row is this file, and start again if the editor still did not switch.
    await this.waitFor(`${relative} to open through Quick Open`, async () => {
      await this.focusEditor();
      await this.page.keyboard.press(`${MOD}+KeyP`);
      await input.waitFor({ state: 'visible', timeout: TIMEOUT });
      await input.fill(relative);
      await this.page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name })
        .waitFor({ state: 'visible', timeout: TIMEOUT });
      await this.page.keyboard.press('Enter');
      return tab.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    });
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first()
      .waitFor({ state: 'visible', timeout: TIMEOUT });
  }

  async waitForSquiggles() {
    await this.page.locator('.editor-group-container.active .monaco-editor')
      .locator('.squiggly-error, .squiggly-warning, .squiggly-info').first()
      .waitFor({ state: 'attached', timeout: TIMEOUT });
  }

  async showProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press(`${MOD}+Shift+KeyM`);
    await panel.waitFor({ state: 'visible', timeout: TIMEOUT });
  }

  /**
   * Rows of the Problems panel as { file, message, source, code, line, column }. The list is
   * virtual (only visible rows exist in the DOM), so `file` narrows it with the panel's filter box.
   */
  async problems(file) {
    const filter = this.page.getByPlaceholder(/^Filter \(e\.g\./);
    const wanted = file ? `**/${file}` : '';
    if ((await filter.inputValue()) !== wanted) await filter.fill(wanted);
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => {
      const out = [];
      let current = '';
      for (const e of els) {
        const label = e.querySelector('.label-name');
        if (label) {
          current = label.textContent?.trim() ?? '';
          continue;
        }
        const text = (selector) => e.querySelector(selector)?.textContent?.trim() ?? '';
        const position = /Ln (\d+), Col (\d+)/.exec(text('.marker-line'));
        out.push({
          file: current,
          message: text('.marker-message'),
          source: text('.marker-source'),
          code: text('.marker-code'),
          line: position ? Number(position[1]) : 0,
          column: position ? Number(position[2]) : 0,
        });
      }
      return out;
    });
  }

  /** Our rows of the Problems panel for one file name: findings, whose source starts with SOURCE_PREFIX. */
  async ourProblems(file) {
    return (await this.problems(file)).filter((r) => r.file === file && r.source.startsWith(SOURCE_PREFIX));
  }

  /** Waits until `relative` on disk is exactly `expected` (the editor saved the edit); returns it. */
  async waitForText(relative, expected) {
    return this.waitFor(`${relative} on disk to read exactly as expected`, () => {
      const text = this.read(relative);
      return text === expected ? text : undefined;
    }, () => `expected:\n${expected}\nactual:\n${this.read(relative)}`);
  }

  /**
   * Waits until the Problems panel's rows for `relative` (matched by rule id, the diagnostics' code) hold every
   * code of `kept` and none of `gone`; returns those rows.
   */
  async waitForCodes(relative, { gone = [], kept = [] } = {}) {
    const name = path.basename(relative);
    await this.showProblems();
    const rowsOf = async () => (await this.problems(name)).filter((r) => r.file === name);
    const wanted = [kept.length ? `with ${kept.join(', ')}` : '', gone.length ? `without ${gone.join(', ')}` : '']
      .filter(Boolean).join(' and ');
    // The list is virtual and its filter applies after a delay: until only this file's group shows, rows of this
    // file may be out of view, and a code missing from the view proves nothing.
    const filtered = async () => (await this.page.locator('.markers-panel .monaco-list-row .label-name').allTextContents())
      .every((label) => label.trim() === name);
    return this.waitFor(`the Problems panel's rows of ${name} ${wanted}`.trim(), async () => {
      await this.problems(name); // sets the filter (Escape in it, as focusEditor presses, clears it)
      if (!(await filtered())) return undefined;
      const rows = await rowsOf();
      const codes = new Set(rows.map((r) => r.code));
      const ok = kept.every((code) => codes.has(code)) && !gone.some((code) => codes.has(code));
      return ok ? rows : undefined;
    }, async () => `rows: ${JSON.stringify((await rowsOf()).map((r) => `${r.line}:${r.column} ${r.code} ${r.message}`), null, 1)}`);
  }

  /**
   * Opens `relative`, puts the cursor where the Problems panel places the finding of rule `ruleId`, opens the quick
   * fix menu (Ctrl+.) and applies the first action whose title matches `title`; `menuShot` names a screenshot of
   * the open menu. Returns the title applied (its edit reaches the buffer a moment later: save() waits for it).
   */
  async applyQuickFix(relative, ruleId, title, menuShot) {
    await this.openFile(relative);
    const rows = await this.waitForCodes(relative, { kept: [ruleId] });
    const finding = rows.find((r) => r.code === ruleId);
    await this.gotoPosition(finding.line, finding.column);
    await this.page.keyboard.press(`${MOD}+Period`);
    const chosen = await this.chooseCodeAction(title);
    if (menuShot) await this.shot(menuShot);
    await this.page.keyboard.press('Enter');
    return chosen;
  }

  /** The language mode shown in the status bar for the active editor ("Plain Text", "YAML", ...). */
  async languageMode() {
    return (await this.page.locator('.statusbar-item[id="status.editor.mode"]').innerText().catch(() => '')).trim();
  }

  /** Scrolls the visible hover so that its first element whose text matches `pattern` is in view. */
  async revealInHover(pattern) {
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    const target = hover.locator('li, p').filter({ hasText: pattern }).first();
    await target.scrollIntoViewIfNeeded({ timeout: TIMEOUT });
    await this.waitFor(`"${pattern.source}" to be visible in the hover`, () => target.isVisible());
  }

  /**
   * All markers of the active editor as { message, line, column }, visited with Alt+F8 (Go to Next
   * Problem, within the file: F8 would walk on into other files, such as the Terraform example's),
   * which also leaves the cursor on the last one visited. Stops early when `stop` accepts one.
   */
  async markers(stop) {
    await this.focusEditor();
    const widget = this.page.locator('.zone-widget .marker-widget').first();
    const out = [];
    for (let i = 0; ; i++) {
      const previous = i === 0 ? '' : await this.markerTitle();
      await this.page.keyboard.press('Alt+F8');
      const header = await this.waitFor('the marker widget to move', async () => {
        if (!(await widget.isVisible())) return undefined;
        const title = await this.markerTitle();
        return title && title !== previous ? title : undefined;
      });
      const [, index, total] = /(\d+) of (\d+)/.exec(header) ?? [];
      const message = (await widget.locator('.descriptioncontainer').innerText()).trim();
      const { line, column } = await this.cursor();
      const marker = { message, line, column };
      out.push(marker);
      if (stop?.(marker)) break;
      if (!index || out.length >= Number(total)) break;
    }
    await this.page.keyboard.press('Escape');
    return out;
  }

  async markerTitle() {
    return this.page.locator('.zone-widget .peekview-title').first().innerText().catch(() => '');
  }

  /**
   * Makes `relative` the active editor with a click on its tab where one is open: the report opens beside the
   * source, in a second group, and the active tab of a group that is not the active one still looks like an open
   * file to openFile(). (The Command Palette is no help here: focus in the report's webview may close it at once.)
   */
  async openSourceBesideReport(relative) {
    const tab = this.page.locator('.editor-group-container .tab', { hasText: path.basename(relative) }).first();
    if (await tab.count()) await tab.click();
    await this.openFile(relative);
    await this.page.locator('.editor-group-container.active .tab.active', { hasText: path.basename(relative) })
      .waitFor({ state: 'visible', timeout: TIMEOUT });
  }

  /**
   * Clicks the link on rule id `code` in the Problems panel's rows of `relative`; `shot` names a screenshot taken
   * with the mouse on it. The panel shows only that file (its filter), and its list is scrolled to the top with the
   * mouse wheel, where the errors are: earlier steps may have scrolled it (the group's header then sticks at the top
   * as a copy while its real row is out of view), and the panel may scroll it back when diagnostics change, so the
   * scroll, the hover and the click are tried again together.
   */
  async clickProblemCode(relative, code, shot) {
    const name = path.basename(relative);
    await this.showProblems();
    const list = this.page.locator('.markers-panel .monaco-list').first();
    const rows = this.page.locator('.markers-panel .monaco-list-rows .monaco-list-row:not(.monaco-tree-sticky-row)');
    const link = rows.locator('a.monaco-link').filter({ has: this.page.locator('.marker-code', { hasText: new RegExp(`^${code}$`) }) }).first();
    await this.waitFor(`a click on the rule id ${code} among the first Problems rows of ${name}`, async () => {
      await this.problems(name); // sets the filter (Escape in it, as focusEditor presses, clears it)
      const labels = await this.page.locator('.markers-panel .monaco-list-row .label-name').allTextContents();
      if (!labels.every((label) => label.trim() === name)) return undefined; // the filter applies after a delay
      const box = await list.boundingBox();
      if (!box) return undefined;
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await this.page.mouse.wheel(0, -100_000);
      if (!(await link.isVisible())) return undefined;
      let href;
      try {
        await link.hover({ timeout: 2_000 });
        href = await link.getAttribute('href', { timeout: 1_000 });
      } catch {
        return undefined; // the row moved away
      }
      if (!isRulePageLink(href ?? '', code)) throw new Error(`the rule id ${code} links to ${href}, not to the command that opens its page`);
      if (shot) await this.shot(shot);
      return link.click({ timeout: 2_000 }).then(() => true, () => undefined);
    }, async () => `rows: ${JSON.stringify((await this.problems(name)).map((r) => `${r.line}:${r.column} ${r.code}`))}`);
  }

  /**
   * Waits until the active tab is the Markdown preview of rule `ruleId`'s page and the preview (a webview: a frame
   * among the page's frames) shows the page's heading, the rule id, and the rule's title as the installed page
   * (docs/rules/<id>.md of the extension) states it; returns the preview's text.
   */
  async rulePage(ruleId) {
    const title = ruleTitle(this.extensionsDir, ruleId);
    await this.page.locator('.tab.active', { hasText: `${ruleId}.md` }).waitFor({ state: 'visible', timeout: TIMEOUT });
    const previews = async () => {
      const out = [];
      for (const frame of this.page.frames()) {
        const shown = await frame.locator('body').evaluate((body) => ({
          heading: body.querySelector('h1')?.textContent?.trim() ?? '',
          text: body.innerText,
        }), undefined, { timeout: 1_000 }).catch(() => undefined);
        if (shown?.heading) out.push(shown);
      }
      return out;
    };
    return this.waitFor(`the preview of ${ruleId}.md showing "${title}"`, async () => {
      const page = (await previews()).find((p) => p.heading === ruleId);
      return page && page.text.includes(title) ? page.text : undefined;
    }, async () => `headings shown: ${JSON.stringify((await previews()).map((p) => p.heading))}`);
  }

  /** The Shared Responsibility Report's page: inside the webview's iframe, inside its active frame. */
  report() {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }

  async cursor() {
    const text = await this.page.locator('.statusbar-item[id="status.editor.selection"]').innerText();
    const [, line, column] = /Ln (\d+), Col (\d+)/.exec(text) ?? [];
    return { line: Number(line), column: Number(column) };
  }

  async gotoPosition(line, column) {
    await this.focusEditor();
    await this.page.keyboard.press(`${MOD}+KeyG`);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: TIMEOUT });
    await this.waitFor(`the cursor at ${line}:${column}`, async () => {
      const text = await this.page.locator('.statusbar-item[id="status.editor.selection"]').innerText().catch(() => '');
      return text.includes(`Ln ${line}, Col ${column}`);
    });
  }

  /** Waits until a code lens of the active editor is on screen (lenses out of view stay in the DOM, hidden). */
  async waitForVisibleLens() {
    await this.page.locator('.editor-group-container.active .codelens-decoration a:visible').first()
      .waitFor({ state: 'visible', timeout: TIMEOUT });
  }

  /** Moves the cursor to line:column, shows the hover (Ctrl+K Ctrl+I) and waits until its text satisfies `accept`. */
  async hoverAt(line, column, accept) {
    // A hover closes when the editor scrolls, and code lenses arriving after the file opens shift its lines: every
    // file hovered here has resources, so wait for their lenses first (the S3 hover step failed 2 of 3 runs without).
    // Lenses render only in the viewport: go to the line first (its resource's lens is a few lines above), wait for a
    // visible one (the first in the DOM may be scrolled out of view, which failed this wait in CI), then go again,
    // since its arrival may have moved the line.
    await this.gotoPosition(line, column);
    await this.waitForVisibleLens();
    await this.gotoPosition(line, column);
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    let tries = 0;
    const text = await this.waitFor(`a hover at ${line}:${column} with the expected text`, async () => {
      if (!(await hover.isVisible())) {
        // A hover that did not open or was closed by a late scroll: put the cursor back before asking again.
        if (tries++ > 0) await this.gotoPosition(line, column);
        await this.page.keyboard.press(`${MOD}+KeyK`);
        await this.page.keyboard.press(`${MOD}+KeyI`);
        await hover.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {});
      }
      const text = await hover.innerText().catch(() => '');
      this.lastHover = text;
      return accept(text) ? text : undefined;
    }, () => `last hover text: ${JSON.stringify(this.lastHover ?? '')}`);
    await this.settled(hover);
    return text;
  }

  /** Waits until no CSS animation (the hover's fade-in, say) runs in or around `locator`, for clean screenshots. */
  async settled(locator) {
    await this.waitFor('animations to finish', () => locator.evaluate((el) => {
      const animations = el.getAnimations({ subtree: true });
      for (let up = el.parentElement; up; up = up.parentElement) animations.push(...up.getAnimations());
      return animations.every((a) => a.playState !== 'running');
    }));
  }

  /** With the code action menu open, moves the selection to the first action whose title matches. */
  async chooseCodeAction(pattern) {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    const titles = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    assert(titles.some((x) => pattern.test(x)), `no code action matches ${pattern}; offered: ${JSON.stringify(titles)}`);
    return this.waitFor(`the code action ${pattern} to be selected`, async () => {
      const focused = await this.page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label').catch(() => '');
      if (focused && pattern.test(focused)) return focused;
      await this.page.keyboard.press('ArrowDown');
      return undefined;
    });
  }

  async focusEditor() {
    await this.page.keyboard.press('Escape');
    const textarea = this.page.locator('.editor-group-container.active .monaco-editor textarea').first();
    if (await textarea.count()) await textarea.focus();
  }

  /**
   * Saves the active editor after an edit. The edit of a code action reaches the buffer some time after Enter: the
   * tab must be dirty first, or Ctrl+S saves nothing and the edit stays unsaved.
   */
  async save() {
    await this.page.locator('.tab.active.dirty').waitFor({ state: 'visible', timeout: TIMEOUT });
    await this.focusEditor();
    await this.page.keyboard.press(`${MOD}+KeyS`);
    await this.page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: TIMEOUT });
  }

  async runCommand(label) {
    const input = this.page.locator('.quick-input-widget input');
    // With focus in a webview (the report), the palette may close again as it opens: then open it again.
    await this.waitFor(`the Command Palette to offer "${label}"`, async () => {
      if (!(await input.isVisible())) await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(`>${label}`, { timeout: 2_000 });
        await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first()
          .waitFor({ state: 'visible', timeout: 5_000 });
        return true;
      } catch {
        return undefined;
      }
    });
    await this.page.keyboard.press('Enter');
  }

  /** Text of "Developer: Inspect Editor Tokens and Scopes" at the cursor; `screenshot` names a shot taken while it shows. */
  async inspectTokenScopes(screenshot) {
    await this.runCommand('Developer: Inspect Editor Tokens and Scopes');
    const widget = this.page.locator('.token-inspect-widget');
    await widget.waitFor({ state: 'visible', timeout: TIMEOUT });
    const text = await widget.innerText();
    if (screenshot) await this.shot(screenshot);
    await this.page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: TIMEOUT });
    return text.replace(/\s+/g, ' ');
  }
}

// ---------------------------------------------------------------------------------------------
// Processes, files and helpers.

function installExtension(userDataDir, extensionsDir) {
  const out = execFileSync(process.execPath, [CODE_SERVER, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--install-extension', VSIX, '--force'], { encoding: 'utf8', env: codeServerEnv(path.dirname(userDataDir)), stdio: ['ignore', 'pipe', 'pipe'] });
  assert(fs.readdirSync(extensionsDir).some((d) => d.startsWith(`${EXTENSION_ID}-`)), `the vsix did not install:\n${out}`);
}

function writeUserSettings(userDataDir, extra) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'editor.hover.delay': 300,
    'files.autoSave': 'off',
    ...extra,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

function codeServerEnv(tmp) {
  // Keep code-server's own config and state out of $HOME.
  return { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data') };
}

async function startCodeServer(tmp, userDataDir, extensionsDir) {
  const port = await freePort();
  const logFile = path.join(RESULTS, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [CODE_SERVER,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--config', path.join(tmp, 'code-server.yaml')],
  { env: codeServerEnv(tmp), stdio: ['ignore', out, out], detached: true });
  let exited = false;
  child.on('exit', () => { exited = true; });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('code-server to answer /healthz', async () => {
    if (exited) throw new Error(`code-server exited early; see ${path.relative(ROOT, logFile)}`);
    return fetch(`${url}/healthz`).then((r) => r.ok, () => false);
  }, 60_000);
  return {
    url,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      await waitFor('code-server to exit', () => exited, 20_000);
    },
    kill() {
      // Last resort for whatever the server left in its own process group.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    },
  };
}

async function launchBrowser(tmp) {
  const context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  // The persistent context opens a blank page of its own: close it, sessions open their own pages.
  for (const p of context.pages()) await p.close();
  return { newPage: () => context.newPage(), close: () => context.close() };
}

/** PIDs of node processes running our bundled language server out of this test's extensions dir. */
function serverPids(extensionsDir) {
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps.split('\n')
    .filter((l) => l.includes(extensionsDir) && l.includes(path.join('dist', 'server.js')))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Error lines about our extension in code-server's logs (extension host logs and our output channel). */
function extensionErrors(userDataDir) {
  const logs = path.join(userDataDir, 'logs');
  // The run's own folder is named iac-hints-e2e-*: a path under it (code-server's IPC socket) names no extension.
  const runFolder = path.dirname(userDataDir);
  const errors = [];
  for (const file of walk(logs)) {
    const ours = /IaC Responsibility Hints|iac-hints/i.test(path.basename(file));
    if (!ours && !/exthost/i.test(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!/\[error\]/i.test(line)) continue;
      if (ours || /iac-hints|iac-responsibility-hints|IaC Responsibility Hints/i.test(line.split(runFolder).join(''))) {
        errors.push(`${path.relative(logs, file)}: ${line}`);
      }
    }
  }
  return errors;
}

function* walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** Whether `target` is the client's link to rule `ruleId`'s page: command:iacHints.showRuleDocumentation?["<id>"], URI-encoded. */
function isRulePageLink(target, ruleId) {
  const [command, args = ''] = target.split('?');
  let decoded = '';
  try { decoded = decodeURIComponent(args); } catch { /* not a command link */ }
  return command === 'command:iacHints.showRuleDocumentation' && decoded === JSON.stringify([ruleId]);
}

/** The title of rule `ruleId` as its page in the installed extension states it (the `**title**` line under its heading). */
function ruleTitle(extensionsDir, ruleId) {
  const extension = fs.readdirSync(extensionsDir).find((d) => d.startsWith(`${EXTENSION_ID}-`));
  const page = path.join(extensionsDir, extension, 'docs', 'rules', `${ruleId}.md`);
  assert(fs.existsSync(page), `the installed extension ships no page for ${ruleId}: ${page}`);
  const title = /^\*\*(.+)\*\*$/m.exec(fs.readFileSync(page, 'utf8'))?.[1];
  assert(title, `${page} has no **title** line`);
  return title.replace(/`/g, ''); // the preview shows code spans without their backticks
}

/** The lines of one top-level resource block (YAML, two-space indent) of a template. */
function resourceBlock(text, logicalId) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === `  ${logicalId}:`);
  if (start < 0) return '';
  let end = start + 1;
  while (end < lines.length && (lines[end].startsWith('   ') || lines[end].trim() === '')) end++;
  return lines.slice(start, end).join('\n');
}

/** `text` with `insert` written right after its only occurrence of `anchor`. */
function edited(text, anchor, insert) {
  assert(text.split(anchor).length === 2, `the fixture should hold ${JSON.stringify(anchor)} exactly once`);
  return text.replace(anchor, `${anchor}${insert}`);
}

/** `text` with its only occurrence of `from` replaced by `to`. */
function replaced(text, from, to) {
  assert(text.split(from).length === 2, `the fixture should hold ${JSON.stringify(from)} exactly once`);
  return text.replace(from, to);
}

/** What `iac-hints scan --fix` (the CLI of the installed .vsix) makes of `text` saved as a file named `name`. */
function fixedByCli(extensionsDir, name, text) {
  const extension = fs.readdirSync(extensionsDir).find((d) => d.startsWith(`${EXTENSION_ID}-`));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-hints-e2e-cli-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    execFileSync(process.execPath, [path.join(extensionsDir, extension, 'dist', 'cli.js'), 'scan', file, '--fix', '--fail-on', 'none'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function waitFor(what, condition, timeout = TIMEOUT, describe) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    try {
      last = await condition();
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = describe ? `\n${await describe(last)}` : lastError ? `\nlast error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay)); // polling interval, not a fixed wait
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const full = path.join(dir, name);
    if (dir && fs.existsSync(full)) return full;
  }
  return undefined;
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function oneLine(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

function log(message) {
  console.log(message);
}

function fail(message) {
  console.error(`e2e: ${message}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  if (!results.some((r) => !r.ok)) results.push({ name: 'harness', ok: false, error: String(error?.stack ?? error) });
  if (!String(error?.message).startsWith('timed out')) console.error(error);
} finally {
  for (const cleanup of cleanups.reverse()) {
    try { await cleanup(); } catch { /* best effort */ }
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (failed > 0) {
    console.log('\nfailures:');
    for (const r of results.filter((x) => !x.ok)) console.log(`  - ${r.name}: ${r.error.split('\n')[0]}`);
    exitCode = 1;
  }
  console.log(`screenshots and logs: ${path.relative(ROOT, RESULTS)}/`);
  if (leftOut.length > 0) {
    console.log(`E2E_STEPS=${process.env.E2E_STEPS} left out ${leftOut.length} steps: not a whole run`);
    exitCode = 1;
  }
  console.log(`e2e: ${passed} passed, ${failed} failed${leftOut.length ? `, ${leftOut.length} left out` : ''}`);
}
process.exit(exitCode);
