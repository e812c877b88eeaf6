// Benchmark (npm run bench, after npm run build): the CLI over the real corpus, the CLI and the core on a
// generated 1,000-resource template, and the language server's open/change-to-diagnostics latency.
// Prints a table and writes BENCHMARKS.md. Plain Node, no dependency beyond the project's own.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'cloudformation');
const TERRAFORM_CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'terraform');
// The server's debounce, read from its source so the "minus debounce" figure stays right when it changes.
const DEBOUNCE_MS = Number(/DIAGNOSTICS_DEBOUNCE_MS = (\d+)/.exec(readFileSync(new URL('../server/src/lsp/diagnostics.ts', import.meta.url), 'utf8'))?.[1] ?? 0);
const RESOURCES = 1000;
const RUNS = 7;

const temp = mkdtempSync(join(tmpdir(), 'iac-hints-bench-'));
const rows = [];
const record = (name, value, note = '') => {
  rows.push({ name, value, note });
  console.log(`${name.padEnd(58)} ${value.padStart(12)}  ${note}`);
};
const ms = (value) => `${value.toFixed(1)} ms`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

// ---------------------------------------------------------------------------------------------------------------
// The generated template: buckets, security groups and RDS instances in turn, each with a gap to report.
function generateTemplate(count) {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Description: Generated benchmark template', 'Resources:'];
  for (let index = 0; index < count; index++) {
    switch (index % 3) {
      case 0:
        lines.push(`  Bucket${index}:`, '    Type: AWS::S3::Bucket', '    Properties:', `      BucketName: bench-bucket-${index}`,
          '      PublicAccessBlockConfiguration:', '        BlockPublicAcls: true', '        BlockPublicPolicy: false',
          '        IgnorePublicAcls: true', '        RestrictPublicBuckets: true');
        break;
      case 1:
        lines.push(`  SecurityGroup${index}:`, '    Type: AWS::EC2::SecurityGroup', '    Properties:', `      GroupDescription: group ${index}`,
          '      SecurityGroupIngress:', '        - IpProtocol: tcp', '          FromPort: 22', '          ToPort: 22', '          CidrIp: 0.0.0.0/0',
          '        - IpProtocol: tcp', '          FromPort: 443', '          ToPort: 443', '          CidrIp: 0.0.0.0/0');
        break;
      default:
        lines.push(`  Database${index}:`, '    Type: AWS::RDS::DBInstance', '    Properties:', '      Engine: postgres',
          '      DBInstanceClass: db.t4g.micro', '      AllocatedStorage: "20"', '      MasterUsername: app', '      ManageMasterUserPassword: true');
    }
  }
  return `${lines.join('\n')}\n`;
}

function runCli(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [CLI, 'scan', '--format', 'json', '--fail-on', 'none', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`cli failed (${result.status}): ${result.stderr}`);
  const report = JSON.parse(result.stdout);
  return { elapsed, report };
}

// ---------------------------------------------------------------------------------------------------------------
async function main() {
  const template = generateTemplate(RESOURCES);
  const templatePath = join(temp, 'generated.yaml');
  writeFileSync(templatePath, template);
  console.log(`Benchmark on ${cpus().length} CPUs, Node ${process.version}; generated template: ${RESOURCES} resources, ${template.length} characters.\n`);

  // (a) The CLI over the corpus.
  if (existsSync(CORPUS)) {
    const { elapsed, report } = runCli([CORPUS]);
    const templates = report.files.filter((file) => file.kind !== 'skipped').length;
    record('(a) CLI over the CloudFormation corpus (wall)', ms(elapsed), `${report.files.length} files, ${templates} templates, ${report.findings.length} findings`);
  } else {
    record('(a) CLI over the CloudFormation corpus (wall)', 'n/a', `corpus missing at ${CORPUS}`);
  }

  // (a') The CLI over the Terraform corpus: every module directory, its tfvars and local module calls.
  if (existsSync(TERRAFORM_CORPUS)) {
    const { elapsed, report } = runCli([TERRAFORM_CORPUS]);
    const modules = new Set(report.files.filter((file) => file.kind === 'terraform').map((file) => dirname(file.path))).size;
    record('(a) CLI over the Terraform corpus (wall)', ms(elapsed), `${report.files.length} files in ${modules} module directories, ${report.findings.length} findings`);
  } else {
    record('(a) CLI over the Terraform corpus (wall)', 'n/a', `corpus missing at ${TERRAFORM_CORPUS}`);
  }

  // (b) The CLI on the generated template.
  {
    const times = [];
    let findings = 0;
    for (let run = 0; run < 3; run++) {
      const { elapsed, report } = runCli([templatePath]);
      times.push(elapsed);
      findings = report.findings.length;
    }
    record(`(b) CLI on a ${RESOURCES}-resource template (wall, median of 3)`, ms(median(times)), `${findings} findings, includes Node start-up`);
  }

  // (c) The core alone: bundle it, then a first analysis and re-analyses after a one-character edit.
  {
    const outfile = join(temp, 'core.cjs');
    await esbuild.build({ entryPoints: [join(ROOT, 'server/src/analysis/index.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, mainFields: ['module', 'main'], logLevel: 'warning' });
    const core = require(outfile);
    const analyzer = new core.Analyzer();
    const path = '/bench/generated.yaml';
    let start = performance.now();
    const first = analyzer.analyze({ path, text: template });
    const firstTime = performance.now() - start;
    record('(c) core: first full analysis (cold)', ms(firstTime), `${first.findings.length} findings, ${first.resources.length} resources`);

    const fullTimes = [];
    for (let run = 0; run < 3; run++) {
      start = performance.now();
      analyzer.analyze({ path: `/bench/copy-${run}.yaml`, text: template });
      fullTimes.push(performance.now() - start);
      analyzer.forget(`/bench/copy-${run}.yaml`);
    }
    record('(c) core: full analysis of another path (warm, median of 3)', ms(median(fullTimes)), 'what a newly opened file costs');

    // A one-character edit inside the middle resource's bucket name, alternating so no run hits the cache.
    const marker = `bench-bucket-${Math.floor(RESOURCES / 2 / 3) * 3}`;
    const at = template.indexOf(marker) + marker.length;
    const edited = [template.slice(0, at) + 'x' + template.slice(at), template.slice(0, at) + 'y' + template.slice(at)];
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      start = performance.now();
      analyzer.analyze({ path, text: edited[run % 2] });
      times.push(performance.now() - start);
    }
    record(`(c) core: re-analysis after a 1-character edit (median of ${RUNS})`, ms(median(times)), `min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}`);
    start = performance.now();
    analyzer.hover({ path, text: edited[(RUNS - 1) % 2] }, at);
    record('(c) core: hover on the analysed text', ms(performance.now() - start));
  }

  // (d) The language server over stdio.
  await benchServer(template);

  writeReport(template.length);
}

async function benchServer(template) {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver/node');
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiter;
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (waiter && params.uri === waiter.uri && params.version === waiter.version) {
      const resolveWaiter = waiter.resolve;
      waiter = undefined;
      resolveWaiter(params);
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const waitFor = (uri, version) => new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), 60_000);
    waiter = { uri, version, resolve: (params) => { clearTimeout(timer); resolvePromise(params); } };
  });

  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: [], capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});

  const opens = [];
  let diagnosticsCount = 0;
  for (let run = 0; run < 3; run++) {
    const uri = pathToFileURL(join(temp, `open-${run}.yaml`)).toString();
    const done = waitFor(uri, 1);
    const start = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: template } });
    diagnosticsCount = (await done).diagnostics.length;
    opens.push(performance.now() - start);
  }
  record('(d) server: didOpen -> publishDiagnostics (first open)', ms(opens[0]), `${diagnosticsCount} diagnostics`);
  record('(d) server: didOpen -> publishDiagnostics (median of 3)', ms(median(opens)));

  const uri = pathToFileURL(join(temp, 'open-0.yaml')).toString();
  const lines = template.split('\n');
  const line = lines.findIndex((text) => text.includes(`bench-bucket-${Math.floor(RESOURCES / 2 / 3) * 3}`));
  const character = lines[line].length;
  const changes = [];
  for (let run = 0; run < RUNS; run++) {
    const version = run + 2;
    const done = waitFor(uri, version);
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: character + run }, end: { line, character: character + run } }, text: 'x' }],
    });
    await done;
    changes.push(performance.now() - start);
  }
  const change = median(changes);
  record(`(d) server: didChange -> publishDiagnostics (median of ${RUNS})`, ms(change), `includes the ${DEBOUNCE_MS} ms debounce`);
  record('(d) server: didChange -> publishDiagnostics minus debounce', ms(change - DEBOUNCE_MS));

  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await new Promise((resolveExit) => (child.exitCode !== null ? resolveExit() : child.once('exit', resolveExit)));
  connection.dispose();
}

function writeReport(templateSize) {
  const cpuModel = (() => {
    try {
      return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
    } catch {
      return 'unknown';
    }
  })();
  const nproc = (() => {
    const result = spawnSync('nproc', { encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : String(cpus().length);
  })();
  const table = ['| measurement | value | notes |', '| --- | ---: | --- |', ...rows.map((row) => `| ${row.name} | ${row.value} | ${row.note} |`)].join('\n');
  const text = `# Benchmarks

Produced by \`npm run bench\` (bench/run.mjs). Figures are from one run on one machine: compare runs on the same
machine, not across machines.

- Machine: ${nproc} CPUs (\`nproc\`), ${cpuModel}
- Node: ${process.version}
- Date: ${new Date().toISOString()}
- Corpus: \`../shared/corpus/cloudformation\` and \`../shared/corpus/terraform\` (see ../shared/corpus/SOURCES.md)
- Generated template: ${RESOURCES} resources (S3 buckets, security groups, RDS instances in turn), ${templateSize} characters

${table}

Notes:
- CLI times are wall-clock and include starting Node and loading the bundle.
- "core" figures run the analysis core in-process (bundled from server/src/analysis by esbuild); the edit is one
  character inside one resource in the middle of the template, alternated so that no run hits the analyzer's cache.
- The server's didChange latency includes the ${DEBOUNCE_MS} ms debounce (DIAGNOSTICS_DEBOUNCE_MS in
  server/src/lsp/diagnostics.ts); the "minus debounce" row is the analysis and transport time. On the generated
  template that transport is large: every publication carries all ~4,700 diagnostics (about 2 MB of JSON),
  serialised by the server and parsed by the client; the analysis itself is the core's edit row.
`;
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), text);
  console.log('\nWrote BENCHMARKS.md');
}

try {
  await main();
} finally {
  rmSync(temp, { recursive: true, force: true });
}
