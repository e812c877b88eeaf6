// Measures the language server's start-up scan of a generated workspace (scripts/generate-workspace.mjs), with the
// floor measured in the same run: reading every file and parsing the YAML ones with the `yaml` library (what the
// analysis cannot go below without another parser), JSON with JSON.parse.
//
// Usage: npm run build && node scripts/workspace-scan-profile.mjs [--files 10000] [--dir <folder>] [--cpu-prof <dir>]
// Prints one JSON line: scan time (initialized -> progress end), files published, the server's peak RSS (VmHWM,
// Linux), the CPU seconds the server (all its threads) and this client used during the scan, and the floor. Without --dir a temporary workspace is generated and removed afterwards.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateWorkspace } from './generate-workspace.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const { StreamMessageReader, StreamMessageWriter, createMessageConnection } = require('vscode-languageserver/node');
const YAML = require('yaml');

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const count = Number(option('--files', '10000'));
const given = option('--dir', undefined);
const cpuProf = option('--cpu-prof', undefined);
const dir = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'iac-hints-scan-'));
let files;
if (given && existsSync(join(dir, 'teams'))) {
  files = undefined; // Reused: the floor lists it again below.
} else {
  files = generateWorkspace(dir, count).files;
}

function listFiles(root) {
  const out = [];
  const walk = (folder) => {
    for (const entry of require('node:fs').readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(root);
  return out;
}

/** Raw parse of every file, in this process: the floor. */
function floor(paths) {
  const start = performance.now();
  let yamlFiles = 0;
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    if (/\.ya?ml$/i.test(path)) {
      yamlFiles++;
      YAML.parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'silent' });
    } else if (path.endsWith('.json')) {
      try {
        JSON.parse(text);
      } catch {
        // Not our concern here.
      }
    }
  }
  return { ms: Math.round(performance.now() - start), yamlFiles };
}

/** CPU seconds a process used so far (user + system, Linux). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Math.round(((Number(fields[11]) + Number(fields[12])) / 100) * 10) / 10;
  } catch {
    return undefined;
  }
}

/** A memory figure of /proc/<pid>/status in MB (VmHWM: the peak resident set; VmRSS: the current one), Linux. */
function statusMb(pid, field) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

async function runServer() {
  const args = [...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : []), join(ROOT, 'dist', 'server.js'), '--stdio'];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Set();
  let withDiagnostics = 0;
  let ended;
  const done = new Promise((resolveDone) => {
    ended = resolveDone;
  });
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    published.add(params.uri);
    if (params.diagnostics.length > 0) withDiagnostics++;
  });
  connection.onNotification('$/progress', (params) => {
    if (params.value?.kind === 'end') ended(performance.now());
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).toString(),
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true } },
  });
  const start = performance.now();
  const clientCpu = process.cpuUsage();
  const serverCpuBefore = cpuSeconds(child.pid);
  await connection.sendNotification('initialized', {});
  const end = await done;
  const rss = statusMb(child.pid, 'VmHWM');
  // After the scan (its worker ended with it): what the server holds while idle.
  await connection.sendRequest('shutdown');
  const rssAfter = statusMb(child.pid, 'VmRSS');
  const serverCpu = cpuSeconds(child.pid);
  const clientUsed = process.cpuUsage(clientCpu);
  await connection.sendNotification('exit');
  await new Promise((resolveExit) => child.once('exit', resolveExit));
  connection.dispose();
  return {
    scanMs: Math.round(end - start),
    published: published.size,
    withDiagnostics,
    peakRssMb: rss,
    rssAfterScanMb: rssAfter,
    serverCpuS: serverCpu === undefined || serverCpuBefore === undefined ? undefined : Math.round((serverCpu - serverCpuBefore) * 10) / 10,
    clientCpuS: Math.round((clientUsed.user + clientUsed.system) / 1e5) / 10,
  };
}

try {
  const paths = files ?? listFiles(dir);
  const before = floor(paths);
  const server = await runServer();
  const after = floor(paths);
  console.log(JSON.stringify({ files: paths.length, ...server, floorMs: Math.min(before.ms, after.ms), floorRuns: [before.ms, after.ms], yamlFiles: before.yamlFiles }));
} finally {
  if (!given) rmSync(dir, { recursive: true, force: true });
}
