#!/usr/bin/env node
// The share of resource statuses per kind on the shared Terraform corpus, and the most common reasons for
// "cannot be checked" and "depends" (docs/terraform-corpus.md). Usage, after `npm run build`:
//   node scripts/terraform-status-share.mjs [path to dist/cli.js (default: this checkout's)] [corpus folder]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = resolve(process.argv[2] ?? join(root, 'dist', 'cli.js'));
const corpus = resolve(process.argv[3] ?? join(root, '..', 'shared', 'corpus', 'terraform'));
if (!existsSync(corpus)) {
  console.error(`the Terraform corpus is not there: ${corpus}`);
  process.exit(2);
}
const run = spawnSync(process.execPath, [cli, 'scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: corpus, encoding: 'utf8', maxBuffer: 1 << 28 });
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const report = JSON.parse(run.stdout);
const counts = {};
const reasons = {};
let total = 0;
let withStatuses = 0;
for (const resource of report.resources) {
  if (resource.responsibilities.length > 0) withStatuses++;
  for (const status of resource.responsibilities) {
    total++;
    counts[status.status] = (counts[status.status] ?? 0) + 1;
    if (status.status === 'cannot-be-checked' || status.status === 'depends') {
      // The reason without the resource's own names, so that the same kind of reason is counted together.
      const reason = `${status.status} (${status.ruleIds.join(', ')}): ${status.detail.replace(/^cannot be checked: /, '').slice(0, 140)}`;
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    }
  }
}
const percent = (count) => `${((100 * count) / Math.max(total, 1)).toFixed(1)}%`;
console.log(`${report.resources.length} resources (${withStatuses} with statuses), ${total} statuses, ${report.findings.length} findings`);
for (const [status, count] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`  ${status}: ${count} (${percent(count)})`);
console.log('reasons:');
for (const [reason, count] of Object.entries(reasons).sort((a, b) => b[1] - a[1])) console.log(`  ${count} x ${reason}`);
