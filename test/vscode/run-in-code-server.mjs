// Runs the @vscode/test-electron suite (compiled to out/vscode/test/vscode/suite) where VS Code
// itself cannot be downloaded: in code-server's extension host, with the repository as the
// extension under development. Needs the tools of scripts/e2e-install.sh and a built dist/.
// The web workbench takes extensionDevelopmentPath/extensionTestsPath from its `payload` query.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOOLS = path.join(ROOT, '.e2e');
const CODE_SERVER = path.join(TOOLS, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const SUITE = path.join(ROOT, 'out', 'vscode', 'test', 'vscode', 'suite', 'index.js');
const TIMEOUT = 180_000;
const { chromium } = createRequire(path.join(TOOLS, 'package.json'))('playwright-core');

for (const [file, hint] of [[CODE_SERVER, 'bash scripts/e2e-install.sh'], [SUITE, 'tsc -p test/vscode/tsconfig.json'],
  [path.join(ROOT, 'dist', 'server.js'), 'npm run build']]) {
  if (!fs.existsSync(file)) {
    console.error(`vscode tests: ${path.relative(ROOT, file)} is missing: run ${hint}`);
    process.exit(1);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-hints-vscode-'));
const workspace = path.join(tmp, 'workspace');
const resultFile = path.join(tmp, 'result.json');
fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
fs.writeFileSync(path.join(tmp, 'user-data', 'User', 'settings.json'),
  JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none' }));

const port = await freePort();
const server = spawn(process.execPath, [CODE_SERVER, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
  '--disable-telemetry', '--disable-update-check', '--user-data-dir', path.join(tmp, 'user-data'),
  '--extensions-dir', path.join(tmp, 'extensions'), '--config', path.join(tmp, 'code-server.yaml')], {
  stdio: 'ignore',
  detached: true,
  env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    IAC_HINTS_TEST_WORKSPACE: workspace, IAC_HINTS_TEST_RESULT: resultFile },
});
let browser;
let code = 1;
try {
  await poll('code-server to start', () => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const page = await browser.newPage();
  const remote = `vscode-remote://127.0.0.1:${port}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', `${remote}${ROOT}`],
    ['extensionTestsPath', `${remote}${SUITE.replace(/\.js$/, '')}`]]);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  await poll('the suite to finish', () => fs.existsSync(resultFile));
  const { failures, outcomes } = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  for (const o of outcomes) console.log(`  ${o.ok ? 'ok  ' : 'FAIL'} ${o.title}${o.error ? `\n       ${o.error}` : ''}`);
  console.log(`vscode: ${outcomes.length - failures} passed, ${failures} failed`);
  code = failures > 0 ? 1 : 0;
} catch (error) {
  console.error(`vscode tests: ${error.message}`);
  console.log('vscode: 0 passed, 1 failed');
} finally {
  await browser?.close().catch(() => {});
  try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);

async function poll(what, condition) {
  const deadline = Date.now() + TIMEOUT;
  for (let delay = 100; !(await condition()); delay = Math.min(delay * 2, 1000)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${TIMEOUT} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().on('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
