// Benchmark (npm run bench, after npm run build). Measures issue 10's targets, each beside the floor it is judged
// against, measured in the same run: the CLI's start-up on a 200-resource template, the language server's first
// open, edit-to-diagnostics latency at 1,000 and 5,000 resources, a hover while a 4.9 MB template is analysed,
// and the start-up scan of a 10,000-template workspace. Then context figures (the CLI over the shared corpus, the
// analysis core in-process). Prints each row with its target and whether it is met, and adds a dated section at
// the top of BENCHMARKS.md (older sections stay below). Plain Node, nothing beyond the project's own packages.
// Takes a few minutes; not part of `npm test`, and no test asserts a time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const YAML_PARSE = join(ROOT, 'bench', 'yaml-parse.cjs');
const SHARED = resolve(ROOT, '..', 'shared');
const CORPUS = join(SHARED, 'corpus', 'cloudformation');
const TERRAFORM_CORPUS = join(SHARED, 'corpus', 'terraform');
const LARGE_GENERATOR = join(SHARED, 'cases', 'editor', 'large-template-blocks-server', 'make-large.mjs');
// The server's debounce, read from its source so the notes stay right when it changes.
const DEBOUNCE_MS = Number(/DIAGNOSTICS_DEBOUNCE_MS = (\d+)/.exec(readFileSync(join(ROOT, 'server/src/lsp/diagnostics.ts'), 'utf8'))?.[1] ?? 0);

/** Interleaved runs of each whole-process command (CLI row). */
const PROCESS_RUNS = 15;
/** Edits per edit-latency row. */
const EDITS = 15;
/** Fresh servers for the first-open row. */
const FIRST_OPENS = 3;
const WORKSPACE_TEMPLATES = 10_000;
/** Give up on one server measurement after this long (the row then says so). */
const SERVER_LIMIT_MS = 240_000;

const temp = mkdtempSync(join(tmpdir(), 'iac-hints-bench-'));
// `--profile=<dir>`: every language server writes a CPU profile there when it exits (node --cpu-prof), to see what
// bounds a figure. Profiling slows the server: the figures of such a run are not the ones to record.
const PROFILE_DIR = process.argv.find((arg) => arg.startsWith('--profile='))?.slice('--profile='.length);
const targets = [];
const context = [];
const templateSizes = {};

const ms = (value) => `${value.toFixed(1)} ms`;
const sorted = (values) => [...values].sort((a, b) => a - b);
/** Nearest-rank quantile: p50 of 15 values is the 8th smallest, p90 the 14th. */
const quantile = (values, q) => sorted(values)[Math.max(0, Math.ceil(q * values.length) - 1)];
const median = (values) => quantile(values, 0.5);
const sleep = (delay) => new Promise((resolveSleep) => setTimeout(resolveSleep, delay));
/** `promise`, or undefined after `limit` ms; the timer does not outlive the race. */
const within = (promise, limit) => {
  let timer;
  const timeout = new Promise((resolveTimeout) => {
    timer = setTimeout(resolveTimeout, limit);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

function target(name, figure, goal, met, note = '') {
  targets.push({ name, figure, goal, met, note });
  console.log(`${name}\n    ${figure}  (target ${goal}): ${met === undefined ? 'n/a' : met ? 'met' : 'NOT met'}${note ? `; ${note}` : ''}`);
}
function info(name, value, note = '') {
  context.push({ name, value, note });
  console.log(`${name.padEnd(62)} ${value.padStart(12)}  ${note}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Generated templates: S3 buckets, security groups and RDS instances in turn, each with gaps to report.
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

function writeTemplate(count) {
  const text = generateTemplate(count);
  const path = join(temp, `generated-${count}.yaml`);
  writeFileSync(path, text);
  templateSizes[count] = text.length;
  return { text, path };
}

// ---------------------------------------------------------------------------------------------------------------
// Whole processes.
function timeProcess(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { elapsed, stdout: result.stdout };
}

/** The CLI on a 200-resource template against Node's start-up plus 1.5x the raw parse, all interleaved. */
function cliStartup() {
  const { path } = writeTemplate(200);
  const commands = {
    node: ['-e', '0'],
    parse: [YAML_PARSE, path],
    cli: [CLI, 'scan', path, '--fail-on', 'none'],
  };
  const times = { node: [], parse: [], cli: [] };
  // Once before timing, so that every timed run finds its files in the page cache.
  for (const args of Object.values(commands)) timeProcess(args);
  for (let run = 0; run < PROCESS_RUNS; run++) {
    for (const [name, args] of Object.entries(commands)) times[name].push(timeProcess(args).elapsed);
  }
  const node = median(times.node);
  const parse = median(times.parse);
  const cli = median(times.cli);
  const floor = node + 1.5 * (parse - node);
  target(
    `CLI: \`node dist/cli.js scan\` on a 200-resource template (wall, median of ${PROCESS_RUNS})`,
    ms(cli),
    `<= ${ms(floor)} = node -e 0 (${ms(node)}) + 1.5 x raw parse (${ms(parse)} - ${ms(node)})`,
    cli <= floor,
    `${((cli - node) / (parse - node)).toFixed(2)}x the raw parse above start-up`,
  );
}

/** Cold (first in a fresh process) and warm parseDocument times of a file, medians over fresh processes. */
function rawParse(path) {
  const runs = Array.from({ length: 5 }, () => JSON.parse(timeProcess([YAML_PARSE, path, '--times', '5']).stdout));
  return { first: median(runs.map((run) => run.first)), warm: median(runs.map((run) => run.warm)) };
}

// ---------------------------------------------------------------------------------------------------------------
// The language server over stdio, as a client would drive it.
async function startServer({ workspace } = {}) {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver/node');
  const startedAt = performance.now();
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(PROFILE_DIR)}`] : [];
  const child = spawn(process.execPath, [...profile, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  const published = new Set();
  let lastNewPublishAt = 0;
  let progressEndAt;
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (!published.has(params.uri)) {
      published.add(params.uri);
      lastNewPublishAt = performance.now();
    }
    const key = `${params.uri}#${params.version}`;
    const waiter = waiters.get(key);
    if (waiter) {
      waiters.delete(key);
      waiter(params);
    }
  });
  connection.onUnhandledProgress((params) => {
    if (params.value?.kind === 'end') progressEndAt = performance.now();
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();

  const waitFor = (uri, version, limit = SERVER_LIMIT_MS) => new Promise((resolveWait, reject) => {
    const timer = setTimeout(() => {
      waiters.delete(`${uri}#${version}`);
      reject(new Error(`no diagnostics for ${uri} v${version} within ${limit} ms`));
    }, limit);
    waiters.set(`${uri}#${version}`, (params) => {
      clearTimeout(timer);
      resolveWait(params);
    });
  });
  const folders = workspace ? [{ uri: pathToFileURL(workspace).toString(), name: 'bench' }] : [];
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folders[0]?.uri ?? null,
    workspaceFolders: folders,
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } },
  });
  await connection.sendNotification('initialized', {});

  return {
    child,
    connection,
    startedAt,
    published,
    waitFor,
    get lastNewPublishAt() {
      return lastNewPublishAt;
    },
    get progressEndAt() {
      return progressEndAt;
    },
    /** ms from didOpen to that version's diagnostics, and how many there were. */
    async open(uri, text) {
      const done = waitFor(uri, 1);
      const start = performance.now();
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const params = await done;
      return { elapsed: performance.now() - start, diagnostics: params.diagnostics.length };
    },
    /** Peak resident set of the server process (VmHWM in /proc/<pid>/status), in MiB; undefined off Linux. */
    peakRssMiB() {
      try {
        const kib = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
        return Number.isFinite(kib) ? kib / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    async stop() {
      const exited = new Promise((resolveExit) => (child.exitCode !== null ? resolveExit() : child.once('exit', resolveExit)));
      try {
        await within(connection.sendRequest('shutdown'), 10_000);
        await connection.sendNotification('exit');
      } catch {
        // The connection may already be gone; the kill below ends the process either way.
      }
      const timer = setTimeout(() => child.kill(), 10_000);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
    /** Ends a server that may be busy for a long time (it was started here). */
    async kill() {
      const exited = new Promise((resolveExit) => (child.exitCode !== null ? resolveExit() : child.once('exit', resolveExit)));
      child.kill();
      await exited;
      connection.dispose();
    },
  };
}

const uriOf = (name) => pathToFileURL(join(temp, name)).toString();

/**
 * didChange -> publishDiagnostics for `EDITS` edits, each inserting one character at the end of the middle
 * bucket's name: every version's text is new, so no result is served from a cache.
 */
async function editLatencies(server, uri, text, resources) {
  const lines = text.split('\n');
  const line = lines.findIndex((entry) => entry.endsWith(`bench-bucket-${Math.floor(resources / 2 / 3) * 3}`));
  const character = lines[line].length;
  const latencies = [];
  for (let edit = 0; edit < EDITS; edit++) {
    const version = edit + 2;
    const done = server.waitFor(uri, version);
    const start = performance.now();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: character + edit }, end: { line, character: character + edit } }, text: 'x' }],
    });
    await done;
    latencies.push(performance.now() - start);
  }
  return latencies;
}

async function serverOpenAndEdits() {
  const template = writeTemplate(1000);
  const floor = rawParse(template.path);
  const firstOpens = [];
  const warmOpens = [];
  let diagnostics = 0;
  let edits;
  for (let run = 0; run < FIRST_OPENS; run++) {
    const server = await startServer();
    const uri = uriOf(`open-1000-${run}.yaml`);
    const first = await server.open(uri, template.text);
    firstOpens.push(first.elapsed);
    diagnostics = first.diagnostics;
    if (run === FIRST_OPENS - 1) {
      for (let other = 0; other < 3; other++) warmOpens.push((await server.open(uriOf(`open-1000-warm-${other}.yaml`), template.text)).elapsed);
      edits = await editLatencies(server, uri, template.text, 1000);
    }
    await server.stop();
  }
  const first = median(firstOpens);
  target(
    `Server: first open of a 1,000-resource template (didOpen -> publishDiagnostics, fresh server, median of ${FIRST_OPENS})`,
    ms(first),
    `<= ${ms(1.5 * floor.first)} = 1.5 x the first parseDocument of the same bytes in a fresh process (${ms(floor.first)})`,
    first <= 1.5 * floor.first,
    `${diagnostics} diagnostics; ${(first / floor.first).toFixed(2)}x the raw parse`,
  );
  const warm = median(warmOpens);
  target(
    'Server: open of another 1,000-resource file (warm server, median of 3)',
    ms(warm),
    `<= ${ms(1.5 * floor.warm)} = 1.5 x a warm parseDocument of the same bytes (${ms(floor.warm)})`,
    warm <= 1.5 * floor.warm,
    `${(warm / floor.warm).toFixed(2)}x the raw parse`,
  );
  editTarget(1000, edits, 40);

  const large = writeTemplate(5000);
  const server = await startServer();
  const uri = uriOf('open-5000.yaml');
  const opened = await server.open(uri, large.text);
  info('Server: first open of a 5,000-resource template', ms(opened.elapsed), `${opened.diagnostics} diagnostics`);
  editTarget(5000, await editLatencies(server, uri, large.text, 5000), 120);
  await server.stop();
}

function editTarget(resources, latencies, goal) {
  const p50 = quantile(latencies, 0.5);
  const p90 = quantile(latencies, 0.9);
  target(
    `Server: edit -> diagnostics, ${resources.toLocaleString('en')} resources (didChange -> publishDiagnostics, ${latencies.length} edits)`,
    `p50 ${ms(p50)}, p90 ${ms(p90)}`,
    `p50 <= ${goal} ms, debounce (${DEBOUNCE_MS} ms) included`,
    p50 <= goal,
    `min ${ms(Math.min(...latencies))}, max ${ms(Math.max(...latencies))}`,
  );
}

/**
 * A hover on a small open file while the 4.9 MB template of ../shared/cases/editor/large-template-blocks-server is
 * analysed: the first hover 30 ms after the big file's didOpen, then one every 100 ms after the previous answer,
 * until the big file's diagnostics arrive.
 */
async function hoverDuringLargeAnalysis() {
  if (!existsSync(LARGE_GENERATOR)) {
    target('Server: hover on another file while a 4.9 MB template is analysed', 'n/a', '<= 50 ms', undefined, `generator missing at ${LARGE_GENERATOR}`);
    return;
  }
  // The generator writes next to itself: run a copy in the temporary folder. Its last part (a 100,000-line .tf
  // file, not used here) counts lines by splitting the whole text on every step, about a minute: cut it off.
  const folder = join(temp, 'large');
  mkdirSync(folder);
  const source = readFileSync(LARGE_GENERATOR, 'utf8');
  const terraformPart = source.indexOf("let tf = ''");
  writeFileSync(join(folder, 'make-large.mjs'), terraformPart > 0 ? source.slice(0, terraformPart) : source);
  timeProcess([join(folder, 'make-large.mjs')]);
  const big = readFileSync(join(folder, 'large-4.9MB.yaml'), 'utf8');
  templateSizes.large = big.length;

  const server = await startServer();
  const smallUri = uriOf('small.yaml');
  const small = generateTemplate(3);
  await server.open(smallUri, small);
  // On the first bucket's Type: the hover that tells the service category and each duty's status.
  const position = { line: small.split('\n').indexOf('    Type: AWS::S3::Bucket'), character: 14 };
  const hover = async () => {
    const start = performance.now();
    const result = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: smallUri }, position });
    if (!result) throw new Error('the hover on the small file returned nothing');
    return performance.now() - start;
  };
  const idle = await hover();

  const bigUri = pathToFileURL(join(folder, 'large-4.9MB.yaml')).toString();
  let analysedAt;
  const bigDone = server.waitFor(bigUri, 1).then(() => {
    analysedAt = performance.now();
  }, () => undefined);
  const openedAt = performance.now();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'yaml', version: 1, text: big } });
  const latencies = [];
  await sleep(30);
  while (analysedAt === undefined && performance.now() - openedAt < SERVER_LIMIT_MS) {
    latencies.push(await hover());
    await sleep(100);
  }
  await within(bigDone, Math.max(0, SERVER_LIMIT_MS - (performance.now() - openedAt)));
  const analysis = analysedAt === undefined ? `not done after ${SERVER_LIMIT_MS / 1000} s` : `${ms(analysedAt - openedAt)} until its diagnostics`;
  if (latencies.length === 0) {
    target('Server: hover on another file while a 4.9 MB template is analysed', 'n/a', '<= 50 ms', undefined, `the big file was done before a hover was sent (${analysis})`);
  } else {
    const worst = Math.max(...latencies);
    target(
      'Server: hover on another file while a 4.9 MB template is analysed (worst of the hovers sent during the analysis)',
      ms(worst),
      '<= 50 ms',
      worst <= 50,
      `${latencies.length} hover(s), median ${ms(median(latencies))}; ${ms(idle)} when idle; the big file: ${analysis}`,
    );
  }
  // A server still busy with the big file is killed; one that is done shuts down (and writes its profile).
  if (analysedAt === undefined) await server.kill();
  else await server.stop();
}

/** The start-up scan of a workspace of 10,000 small templates (100 folders of 100). */
async function workspaceScan() {
  const folder = join(temp, 'workspace');
  let bytes = 0;
  for (let group = 0; group < WORKSPACE_TEMPLATES / 100; group++) {
    const directory = join(folder, `stack-${String(group).padStart(3, '0')}`);
    mkdirSync(directory, { recursive: true });
    for (let index = 0; index < 100; index++) {
      const text = generateTemplate(1 + ((group * 100 + index) % 3));
      bytes += text.length;
      writeFileSync(join(directory, `template-${String(index).padStart(3, '0')}.yaml`), text);
    }
  }
  templateSizes.workspace = bytes;
  const server = await startServer({ workspace: folder });
  const limit = server.startedAt + SERVER_LIMIT_MS;
  // Done when the scan's progress has ended and every template has had its diagnostics (each has findings).
  while ((server.progressEndAt === undefined || server.published.size < WORKSPACE_TEMPLATES) && performance.now() < limit) await sleep(20);
  const doneAt = Math.max(server.progressEndAt ?? 0, server.lastNewPublishAt);
  const elapsed = doneAt - server.startedAt;
  const rss = server.peakRssMiB();
  const complete = server.published.size >= WORKSPACE_TEMPLATES && server.progressEndAt !== undefined;
  target(
    'Server: start-up scan of a 10,000-template workspace (server spawn -> every template\'s diagnostics and the scan\'s progress end)',
    complete ? `${(elapsed / 1000).toFixed(2)} s` : `not done after ${SERVER_LIMIT_MS / 1000} s`,
    '<= 8 s',
    complete && elapsed <= 8000,
    `${server.published.size} files published`,
  );
  target(
    'Server: peak memory during that scan (VmHWM of the server process)',
    rss === undefined ? 'n/a' : `${rss.toFixed(0)} MiB`,
    '<= 250 MB (238 MiB)',
    rss === undefined ? undefined : rss * 1024 * 1024 <= 250e6,
  );
  await server.stop();
}

// ---------------------------------------------------------------------------------------------------------------
// Context: the CLI over the shared corpus, and the analysis core in-process on the 1,000-resource template.
function corpusRows() {
  for (const [name, corpus] of [['CloudFormation', CORPUS], ['Terraform', TERRAFORM_CORPUS]]) {
    if (!existsSync(corpus)) {
      info(`CLI over the ${name} corpus (wall)`, 'n/a', `corpus missing at ${corpus}`);
      continue;
    }
    const start = performance.now();
    const result = spawnSync(process.execPath, [CLI, 'scan', '--format', 'json', '--fail-on', 'none', corpus], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const elapsed = performance.now() - start;
    if (result.status !== 0) throw new Error(`cli failed (${result.status}): ${result.stderr}`);
    const report = JSON.parse(result.stdout);
    const analysed = report.files.filter((file) => file.kind !== 'skipped').length;
    info(`CLI over the ${name} corpus (wall)`, ms(elapsed), `${report.files.length} files, ${analysed} analysed, ${report.findings.length} findings`);
  }
}

async function coreRows() {
  const { text } = writeTemplate(1000);
  const outfile = join(temp, 'core.cjs');
  await esbuild.build({ entryPoints: [join(ROOT, 'server/src/analysis/index.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, mainFields: ['module', 'main'], logLevel: 'warning' });
  const core = require(outfile);
  const analyzer = new core.Analyzer();
  const path = '/bench/generated.yaml';
  let start = performance.now();
  const first = analyzer.analyze({ path, text });
  info('Core: first full analysis, 1,000 resources (cold)', ms(performance.now() - start), `${first.findings.length} findings`);
  const fullTimes = [];
  for (let run = 0; run < 3; run++) {
    start = performance.now();
    analyzer.analyze({ path: `/bench/copy-${run}.yaml`, text });
    fullTimes.push(performance.now() - start);
    analyzer.forget(`/bench/copy-${run}.yaml`);
  }
  info('Core: full analysis of another path (warm, median of 3)', ms(median(fullTimes)));
  const marker = `bench-bucket-${Math.floor(1000 / 2 / 3) * 3}`;
  const at = text.indexOf(marker) + marker.length;
  const edited = [text.slice(0, at) + 'x' + text.slice(at), text.slice(0, at) + 'y' + text.slice(at)];
  const times = [];
  for (let run = 0; run < EDITS; run++) {
    start = performance.now();
    analyzer.analyze({ path, text: edited[run % 2] });
    times.push(performance.now() - start);
  }
  info(`Core: re-analysis after a 1-character edit (median of ${EDITS})`, ms(median(times)), `p90 ${ms(quantile(times, 0.9))}`);
}

// ---------------------------------------------------------------------------------------------------------------
function machine() {
  const model = (() => {
    try {
      return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
    } catch {
      return 'unknown';
    }
  })();
  const nproc = spawnSync('nproc', { encoding: 'utf8' });
  return { model, nproc: nproc.status === 0 ? nproc.stdout.trim() : String(cpus().length) };
}

function section(started, { model, nproc }, loadStart) {
  const date = started.toISOString().replace(/\.\d+Z$/, 'Z');
  const cell = (text) => String(text).replace(/\|/g, '\\|');
  const lines = [
    `## ${date}: \`npm run bench\``,
    '',
    `- Machine: ${nproc} CPUs (\`nproc\`), ${model}; Node ${process.version}; load average ${loadStart.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end`,
    `- Generated templates (S3 buckets, security groups and RDS instances in turn): 200 resources (${templateSizes[200]} characters), 1,000 (${templateSizes[1000]}), 5,000 (${templateSizes[5000]});`
      + ` the 4.9 MB template of ../shared/cases/editor/large-template-blocks-server/make-large.mjs (${templateSizes.large ?? 'n/a'} characters);`
      + ` a workspace of ${WORKSPACE_TEMPLATES} templates of 1 to 3 resources (${templateSizes.workspace} characters in all)`,
    '',
    '| measurement | figure | target | met |',
    '| --- | ---: | --- | --- |',
    ...targets.map((row) => `| ${cell(row.name)}${row.note ? ` (${cell(row.note)})` : ''} | ${cell(row.figure)} | ${cell(row.goal)} | ${row.met === undefined ? 'n/a' : row.met ? 'yes' : '**no**'} |`),
    '',
    '| context | value | notes |',
    '| --- | ---: | --- |',
    ...context.map((row) => `| ${cell(row.name)} | ${cell(row.value)} | ${cell(row.note)} |`),
    '',
    'Floors, measured in the same run: `node -e 0` is Node\'s own start-up; the raw parse is `node bench/yaml-parse.cjs <file>`,',
    'a fresh process that loads the `yaml` package from node_modules, reads the file and calls `parseDocument` once; the',
    'CLI\'s target is start-up + 1.5 x (raw parse - start-up), all wall-clock medians of interleaved runs. The first open',
    'is compared with the first `parseDocument` of the same text in a fresh process (cold code, as in a fresh server),',
    'the warm open with a later one. Server times run from sending the notification to receiving its',
    `publishDiagnostics (the ${DEBOUNCE_MS} ms debounce of an edit included).`,
    '',
  ];
  return lines.join('\n');
}

function writeReport(text) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const at = old.search(/^## /m);
  writeFileSync(file, at < 0 ? `${old.trimEnd()}\n\n${text}` : `${old.slice(0, at)}${text}\n${old.slice(at)}`);
  console.log('\nAdded the run at the top of BENCHMARKS.md');
}

async function main() {
  const started = new Date();
  const loadStart = loadavg()[0];
  const host = machine();
  console.log(`Benchmark on ${host.nproc} CPUs (${host.model}), Node ${process.version}, ${started.toISOString()}, load average ${loadStart.toFixed(2)}\n`);
  // `--only=cli,server,hover,workspace,context` runs some parts; then, as with --profile or --no-write, the
  // section is printed and BENCHMARKS.md is left alone.
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
  const runs = (part) => !only || only.includes(part);
  if (runs('cli')) cliStartup();
  if (runs('server')) await serverOpenAndEdits();
  if (runs('hover')) await hoverDuringLargeAnalysis();
  if (runs('workspace')) await workspaceScan();
  if (runs('context')) {
    console.log('\nContext:');
    corpusRows();
    await coreRows();
  }
  const text = section(started, host, loadStart);
  if (only || PROFILE_DIR || process.argv.includes('--no-write')) console.log(`\n${text}`);
  else writeReport(text);
}

try {
  await main();
} finally {
  rmSync(temp, { recursive: true, force: true });
}
