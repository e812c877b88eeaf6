// The server's side of the analysis worker (server/src/lsp/background.ts): which jobs run, in which order, and what
// becomes of them when the worker dies. The worker here is a script that answers as the test tells it to (it holds
// each analysis until released), so the order of events is decided by the test, not by timing.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BackgroundAnalyzer } from '../../server/src/lsp/background';
import type { BackgroundOutcome } from '../../server/src/lsp/background';
import { Recorder } from '../helpers/waitFor';

/**
 * A stand-in for dist/worker.js: it records every message (as a line on stdout, which the server logs), holds the
 * analyses of paths under /hold/ until a `forget` message for the path `/go` arrives, and exits (as if out of
 * memory) on the text `crash`.
 */
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
let held = [];
const answer = (message) => parentPort.postMessage({ type: 'analyzed', id: message.id, analysed: true, count: message.text.length, hash: 'h' + message.text.length, ms: 1 });
parentPort.on('message', (message) => {
  console.log(JSON.stringify({ type: message.type, path: message.path, version: message.version, then: message.then, changed: message.changed && message.changed.map((c) => c.uri), removed: message.removed }));
  if (message.type === 'analyze') {
    if (message.text === 'crash') process.exit(7);
    if (message.path.startsWith('/hold/')) held.push(message); else answer(message);
  } else if (message.type === 'forget' && message.path === '/go') {
    for (const waiting of held) answer(waiting);
    held = [];
  } else if (message.type === 'hover') {
    parentPort.postMessage({ type: 'hover', id: message.id, hover: { contents: 'v' + message.version } });
  }
});
`;

interface Buffer {
  readonly uri: string;
  version: number;
  text: string;
  getText(): string;
}

function openBuffer(uri: string, version: number, text: string): Buffer {
  const buffer: Buffer = { uri, version, text, getText: () => buffer.text };
  return buffer;
}

describe('the analysis worker\'s queue', () => {
  let dir: string;
  let script: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'iac-hints-worker-'));
    script = join(dir, 'fake-worker.js');
    writeFileSync(script, FAKE_WORKER);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A BackgroundAnalyzer over the fake worker, the open buffers given, and what the worker was sent. */
  function start(buffers: Buffer[] = []): { background: BackgroundAnalyzer; sent: Recorder<Record<string, unknown>>; logs: string[]; traces: string[] } {
    const sent = new Recorder<Record<string, unknown>>();
    const logs: string[] = [];
    const traces: string[] = [];
    // The worker's stdout arrives in chunks that need not end at a line's end.
    let partial = '';
    const background = new BackgroundAnalyzer({
      script,
      buffers: { all: () => buffers },
      folders: () => ['/ws/modules/db'],
      log: (message) => {
        if (!message.startsWith('iac-hints worker: ')) {
          logs.push(message);
          return;
        }
        const lines = (partial + message.slice('iac-hints worker: '.length)).split('\n');
        partial = '';
        for (const line of lines) {
          try {
            sent.push(JSON.parse(line) as Record<string, unknown>);
          } catch {
            partial = line;
          }
        }
      },
      trace: (message) => traces.push(message),
    });
    return { background, sent, logs, traces };
  }

  /** Lets the analyses held by the fake worker finish. */
  const go = (background: BackgroundAnalyzer): void => background.forget('/go');
  const analysed = (outcome: BackgroundOutcome): number => {
    assert.equal(outcome.kind, 'analysed', JSON.stringify(outcome));
    return outcome.kind === 'analysed' ? outcome.result.count : -1;
  };

  test('a job waiting for a URI is replaced by a newer one; open documents go before saved files', async () => {
    const { background, sent } = start();
    try {
      const running = background.analyze({ uri: 'file:///hold/a.yaml', path: '/hold/a.yaml', text: 'a', version: 1, then: 'keep' });
      await sent.find((message) => message.type === 'analyze' && message.path === '/hold/a.yaml', 'the first job started');
      const saved = background.analyze({ uri: 'file:///hold/saved.yaml', path: '/hold/saved.yaml', text: 'saved', then: 'forget' });
      const older = background.analyze({ uri: 'file:///hold/b.yaml', path: '/hold/b.yaml', text: 'b1', version: 1, then: 'keep' });
      const newer = background.analyze({ uri: 'file:///hold/b.yaml', path: '/hold/b.yaml', text: 'b22', version: 2, then: 'keep' });
      assert.deepEqual(await older, { kind: 'superseded' });
      go(background);
      assert.equal(analysed(await running), 1);
      const second = await sent.find((message) => message.type === 'analyze' && message.path !== '/hold/a.yaml', 'the second job started');
      assert.equal(second.path, '/hold/b.yaml', 'the open document\'s job went before the saved file\'s');
      assert.equal(second.version, 2);
      go(background);
      assert.equal(analysed(await newer), 3);
      go(background);
      assert.equal(analysed(await saved), 5);
    } finally {
      background.dispose();
    }
  });

  test('a job for a version the document has left is never started', async () => {
    const document = openBuffer('file:///quick/doc.yaml', 1, 'one');
    const { background, sent, traces } = start([document]);
    try {
      const blocker = background.analyze({ uri: 'file:///hold/x.yaml', path: '/hold/x.yaml', text: 'x', version: 1, then: 'keep' });
      await sent.find((message) => message.type === 'analyze', 'the blocking job started');
      const stale = background.analyze({ uri: document.uri, path: '/quick/doc.yaml', text: 'one', version: 1, then: 'keep' });
      document.version = 2;
      document.text = 'two';
      go(background);
      await blocker;
      assert.deepEqual(await stale, { kind: 'superseded' });
      assert.ok(traces.includes(`background: skipped ${document.uri} v1: the document is at v2`), JSON.stringify(traces));
      // A job after it: the worker's lines come in order, so anything sent for the stale job is recorded by then.
      analysed(await background.analyze({ uri: 'file:///quick/after.yaml', path: '/quick/after.yaml', text: 'after', then: 'forget' }));
      await sent.find((message) => message.type === 'analyze' && message.path === '/quick/after.yaml', 'the later job\'s line');
      assert.equal(sent.values.some((message) => message.type === 'analyze' && message.path === '/quick/doc.yaml'), false);
    } finally {
      background.dispose();
    }
  });

  test('the worker gets the open buffers that changed, not the job\'s own, and the closed ones removed', async () => {
    const job = openBuffer('file:///quick/main.tf', 3, 'resource');
    const sibling = openBuffer('file:///quick/variables.tf', 1, 'variable');
    const buffers = [job, sibling];
    const { background, sent } = start(buffers);
    try {
      analysed(await background.analyze({ uri: job.uri, path: '/quick/main.tf', text: job.text, version: 3, then: 'keep' }));
      const overlay = await sent.find((message) => message.type === 'overlay', 'the first overlay');
      assert.deepEqual(overlay.changed, [sibling.uri], 'the sibling\'s text, not the job\'s (it travels with the job)');
      buffers.splice(1, 1);
      analysed(await background.analyze({ uri: job.uri, path: '/quick/main.tf', text: job.text, version: 3, then: 'keep' }));
      await sent.find((message) => message.type === 'analyze' && sent.values.filter((other) => other.type === 'analyze').length === 2, 'the second job\'s line');
      const overlays = sent.values.filter((message) => message.type === 'overlay');
      assert.equal(overlays.length, 2, 'nothing changed but the closed buffer');
      assert.deepEqual(overlays[1].changed, []);
      assert.deepEqual(overlays[1].removed, [sibling.uri]);
    } finally {
      background.dispose();
    }
  });

  test('a release waits for the jobs of its folder; a forget makes a waiting job forget its analysis', async () => {
    const { background, sent } = start();
    try {
      const first = background.analyze({ uri: 'file:///hold/m/a.tf', path: '/hold/m/a.tf', text: 'a', then: 'keep' });
      const second = background.analyze({ uri: 'file:///hold/m/b.tf', path: '/hold/m/b.tf', text: 'b', then: 'keep' });
      await sent.find((message) => message.type === 'analyze', 'the first job started');
      background.release('/hold/m/a.tf');
      background.release('/hold/m/b.tf');
      background.forget('/hold/m/b.tf');
      go(background);
      await first;
      go(background);
      await second;
      const released = await sent.find((message) => message.type === 'release' && message.path === '/hold/m/b.tf', 'the deferred releases');
      const order = sent.values.filter((message) => (message.type === 'analyze' || message.type === 'release') && String(message.path).startsWith('/hold/m/'));
      assert.deepEqual(order.map((message) => `${String(message.type)} ${String(message.path)}`), ['analyze /hold/m/a.tf', 'analyze /hold/m/b.tf', 'release /hold/m/a.tf', 'release /hold/m/b.tf']);
      assert.ok(released);
      assert.equal(order[1].then, 'forget', 'the job waiting when its file was forgotten does not keep its analysis');
    } finally {
      background.dispose();
    }
  });

  test('hovers are not waited for while the worker analyses, and answered when it is free', async () => {
    const { background, sent } = start();
    try {
      assert.equal(background.hover('/hold/a.yaml', 1, { line: 0, character: 0 }), null, 'no worker yet: nothing analysed there');
      const running = background.analyze({ uri: 'file:///hold/a.yaml', path: '/hold/a.yaml', text: 'a', version: 1, then: 'keep' });
      await sent.find((message) => message.type === 'analyze', 'the job started');
      assert.equal(background.busy, true);
      assert.equal(background.hover('/hold/a.yaml', 1, { line: 0, character: 0 }), null);
      assert.deepEqual(background.codeActions('file:///hold/a.yaml', '/hold/a.yaml', 1, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [] }), []);
      go(background);
      await running;
      assert.deepEqual(await background.hover('/hold/a.yaml', 1, { line: 0, character: 0 }), { contents: 'v1' });
    } finally {
      background.dispose();
    }
  });

  test('a job that stops the worker fails once, and the next job gets a new worker', async () => {
    const { background, logs } = start();
    try {
      const crashed = await background.analyze({ uri: 'file:///quick/crash.yaml', path: '/quick/crash.yaml', text: 'crash', version: 1, then: 'keep' });
      assert.deepEqual(crashed, { kind: 'failed', reason: 'the analysis worker exited with code 7' });
      assert.ok(logs.some((line) => line.includes('file:///quick/crash.yaml stopped the analysis worker')), JSON.stringify(logs));
      assert.equal(analysed(await background.analyze({ uri: 'file:///quick/next.yaml', path: '/quick/next.yaml', text: 'next', version: 1, then: 'keep' })), 4);
    } finally {
      background.dispose();
    }
  });

  test('without its script the worker is unavailable and every job resolves at once', async () => {
    const background = new BackgroundAnalyzer({ script: join(dir, 'missing.js'), buffers: { all: () => [] }, folders: () => [], log: () => undefined, trace: () => undefined });
    assert.equal(background.available, false);
    assert.deepEqual(await background.analyze({ uri: 'file:///a.yaml', path: '/a.yaml', text: 'a', then: 'forget' }), { kind: 'superseded' });
    // The report leaves such a file out, named (lsp/report.ts), rather than analysing it on the server's thread.
    assert.equal(await background.report('/a.yaml', 'a', 'a.yaml'), undefined);
  });
});
