// The server's side of the analysis worker (worker.ts). The core is synchronous, and a large template takes seconds
// to minutes to analyse: run on the server's thread, that would hold every hover, code action and other file's
// diagnostics for as long. So documents and files over BACKGROUND_ANALYSIS_SIZE, and those whose analyses here took
// longer than MAIN_THREAD_BUDGET_MS, are analysed in one worker thread (reports.ts laneOf decides).
//
// A newer version of a document does not stop the analysis of an older one: the worker finishes it and the server
// drops its result. Terminating the worker would also throw away its caches (the per-resource parse chunks and rule
// outcomes), and the newer version, usually one edit away, is then analysed incrementally from them; finishing the
// old run costs at most what a restart costs. What waits is replaced instead: at most one job per document is
// queued, the newest text.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CodeAction, CodeActionContext, Hover, Position, Range } from 'vscode-languageserver/node';
import { Analyzer } from '../analysis';
import type { AnalyzerOptions, ReportPart } from '../analysis';
import type { AnalyzeRequest, AnalyzeResult, FromWorker, ToWorker, WorkerSettings } from './workerProtocol';

/**
 * Characters (of a template, or of all the files of a Terraform module) above which the analysis runs in the worker
 * from the start. Below it an analysis usually takes 5-60 ms on a 2-core machine (an edit's, incremental, less); a
 * file that turns out slower moves to the worker (MAIN_THREAD_BUDGET_MS).
 */
export const BACKGROUND_ANALYSIS_SIZE = 64 * 1024;

/** The longest an analysis should hold the server's thread (ms): a file slower twice in a row moves to the worker. */
export const MAIN_THREAD_BUDGET_MS = 50;

/** What the server asks the worker to analyse (the request without its id). */
export type BackgroundJob = Omit<AnalyzeRequest, 'type' | 'id'>;

/** The open documents the worker's view lays over the disk: the server's TextDocuments. */
export interface BufferSource {
  all(): readonly { readonly uri: string; readonly version: number; getText(): string }[];
}

/**
 * How a job ended: analysed; replaced by a newer job for the same URI (or the server stopped) before it started; or
 * failed, when the worker stopped during it (out of memory, say) or answered with an error.
 */
export type BackgroundOutcome =
  | { readonly kind: 'analysed'; readonly result: AnalyzeResult }
  | { readonly kind: 'superseded' }
  | { readonly kind: 'failed'; readonly reason: string };

const SUPERSEDED: BackgroundOutcome = { kind: 'superseded' };

interface Queued {
  job: BackgroundJob;
  readonly resolve: (outcome: BackgroundOutcome) => void;
}

export interface BackgroundOptions {
  /** dist/worker.js. */
  readonly script: string;
  readonly buffers: BufferSource;
  /** The workspace's Terraform folders (files.ts), sent when they change. */
  readonly folders: () => readonly string[];
  readonly log: (message: string) => void;
  /** Trace lines ($/logTrace when the client turned tracing on). */
  readonly trace: (message: string) => void;
}

export class BackgroundAnalyzer {
  private worker: Worker | undefined;
  private readonly queue: Queued[] = [];
  private running: { readonly id: number; readonly queued: Queued } | undefined;
  private readonly replies = new Map<number, (message: FromWorker | undefined) => void>();
  private nextId = 1;
  private settings: WorkerSettings | undefined;
  /** The buffers the worker has, by URI: the TextDocument object and version sent. */
  private readonly sent = new Map<string, { readonly document: object; readonly version: number }>();
  private sentFolders = '';
  /** Releases waiting for the jobs of their folder (release). */
  private readonly deferredReleases = new Map<string, Set<string>>();
  private disposed = false;
  /** Why the worker stopped, for the job it was running. */
  private exitReason: string | undefined;
  /** False when dist/worker.js is missing (a test bundle): everything is analysed on the server's thread. */
  readonly available: boolean;

  constructor(private readonly options: BackgroundOptions) {
    this.available = existsSync(options.script);
  }

  /** True while the worker analyses: a hover or code action for a document analysed there is not waited for. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** The analyzer settings; the worker gets them before its next request. */
  configure(settings: WorkerSettings): void {
    this.settings = settings;
    this.post({ type: 'configure', settings });
  }

  /**
   * Starts the worker before it has work (once the server is initialized): it loads its code and warms it on a small
   * built-in template (worker.ts), so the first large document does not also pay for a thread's start and cold code
   * (about half of a first open of 1,000 resources). The idle worker does not keep the process alive.
   */
  prestart(): void {
    if (!this.available || this.worker || this.disposed) return;
    this.start();
    this.holdProcess();
  }

  /**
   * Analyses a text in the worker. A job waiting for the same URI is replaced (it resolves as superseded); open
   * documents' jobs go before saved files' (the workspace scan's). Never rejects.
   */
  analyze(job: BackgroundJob): Promise<BackgroundOutcome> {
    return new Promise((resolve) => {
      if (this.disposed || !this.available) {
        resolve(SUPERSEDED);
        return;
      }
      this.cancel(job.uri);
      const open = job.version !== undefined;
      const after = open ? this.queue.findIndex((queued) => queued.job.version === undefined) : -1;
      this.queue.splice(after < 0 ? this.queue.length : after, 0, { job, resolve });
      this.pump();
    });
  }

  /** Drops the job waiting for `uri`, if any (it resolves as superseded). */
  cancel(uri: string): void {
    const waiting = this.queue.findIndex((queued) => queued.job.uri === uri);
    if (waiting < 0) return;
    this.queue[waiting].resolve(SUPERSEDED);
    this.queue.splice(waiting, 1);
  }

  /** The hover of an open document analysed here, for that version only; null when the worker is busy. */
  hover(path: string, version: number, position: Position): Promise<Hover | null> | null {
    if (this.busy || !this.worker) return null;
    return this.request({ type: 'hover', id: this.nextId++, path, version, position }).then((reply) => (reply?.type === 'hover' ? reply.hover : null));
  }

  /** The quick fixes of an open document analysed here, for that version only; none when the worker is busy. */
  codeActions(uri: string, path: string, version: number, range: Range, context: CodeActionContext): Promise<CodeAction[]> | CodeAction[] {
    if (this.busy || !this.worker) return [];
    return this.request({ type: 'codeActions', id: this.nextId++, uri, path, version, range, context }).then((reply) => (reply?.type === 'codeActions' ? reply.actions : []));
  }

  /**
   * The report's share of a file too large for the server's thread (workerProtocol.ts `report`): its part, null when
   * the core skipped the file, undefined when there is no worker or it failed. Waits behind the job under way; the
   * worker sees the server's open buffers as they are now.
   */
  async report(path: string, text: string, name: string): Promise<ReportPart | null | undefined> {
    if (this.disposed || !this.available) return undefined;
    if (!this.worker) this.start();
    // Every open buffer that changed since the worker last got it goes in the overlay before this request.
    this.syncBuffers(this.openBuffers(), undefined);
    const reply = await this.request({ type: 'report', id: this.nextId++, path, text, name });
    return reply?.type === 'report' ? reply.part : undefined;
  }

  /** Analyzer.forget in the worker, now and after a job still waiting for that path. */
  forget(path: string): void {
    for (const queued of this.queue) if (queued.job.path === path) queued.job = { ...queued.job, then: 'forget' };
    this.post({ type: 'forget', path });
  }

  /**
   * Analyzer.release in the worker, once no job for a file of the same folder waits or runs: the workspace scan
   * releases a module's files after queuing them all, and the module is analysed once for all of them.
   */
  release(path: string): void {
    const dir = dirname(path);
    if (!this.hasWork(dir)) {
      this.post({ type: 'release', path });
      return;
    }
    const deferred = this.deferredReleases.get(dir) ?? new Set<string>();
    deferred.add(path);
    this.deferredReleases.set(dir, deferred);
  }

  private hasWork(dir: string): boolean {
    return this.queue.some((queued) => dirname(queued.job.path) === dir) || (this.running !== undefined && dirname(this.running.queued.job.path) === dir);
  }

  /** Posts the releases deferred for the folder of a job just done, when nothing else of that folder waits. */
  private releaseDeferred(dir: string): void {
    const deferred = this.deferredReleases.get(dir);
    if (!deferred || this.hasWork(dir)) return;
    this.deferredReleases.delete(dir);
    for (const path of deferred) this.post({ type: 'release', path });
  }

  /** Stops the worker for good (shutdown); whatever waits resolves empty. */
  dispose(): void {
    this.disposed = true;
    for (const queued of this.queue.splice(0)) queued.resolve(SUPERSEDED);
    const worker = this.worker;
    this.worker = undefined;
    this.failPending();
    void worker?.terminate();
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  private request(message: ToWorker & { readonly id: number }): Promise<FromWorker | undefined> {
    return new Promise((resolve) => {
      this.replies.set(message.id, (reply) => {
        resolve(reply);
        this.holdProcess();
      });
      this.post(message);
      this.holdProcess();
    });
  }

  /** An idle worker does not keep the process alive; one with work under way does (someone waits for it). */
  private holdProcess(): void {
    if (this.replies.size > 0) this.worker?.ref();
    else this.worker?.unref();
  }

  private start(): Worker {
    // Its stdout would otherwise reach the server's stdout, which carries the protocol.
    const worker = new Worker(this.options.script, { stdout: true, stderr: true });
    worker.stdout.on('data', (chunk: Buffer) => this.options.log(`iac-hints worker: ${chunk.toString().trimEnd()}`));
    worker.stderr.on('data', (chunk: Buffer) => this.options.log(`iac-hints worker: ${chunk.toString().trimEnd()}`));
    worker.on('message', (message: FromWorker) => {
      const reply = this.replies.get(message.id);
      this.replies.delete(message.id);
      if (message.type === 'failed') this.options.log(`iac-hints: the analysis worker failed a request: ${message.message}`);
      reply?.(message);
    });
    worker.on('error', (error) => {
      this.exitReason = `the analysis worker stopped: ${error.message}`;
      this.options.log(`iac-hints: the analysis worker stopped: ${error.stack ?? error.message}`);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.exitReason ??= `the analysis worker exited with code ${code}`;
      // Crashed (out of memory, say): what it was doing is lost; the next job starts a new worker.
      this.worker = undefined;
      const running = this.running;
      this.failPending();
      if (running && !this.disposed) this.options.log(`iac-hints: the analysis of ${running.queued.job.uri} stopped the analysis worker (${this.exitReason}); it is not retried.`);
      this.exitReason = undefined;
      this.pump();
    });
    this.worker = worker;
    this.sent.clear();
    this.sentFolders = '';
    if (this.settings) this.post({ type: 'configure', settings: this.settings });
    return worker;
  }

  private failPending(): void {
    this.running = undefined;
    for (const reply of [...this.replies.values()]) reply(undefined);
    this.replies.clear();
  }

  /** Starts the next job when the worker is free; a job for a version the document has left is never started. */
  private pump(): void {
    while (!this.running && !this.disposed) {
      const queued = this.queue.shift();
      if (!queued) return;
      const { job } = queued;
      const open = this.openBuffers();
      const document = open.get(job.uri);
      if (job.version !== undefined && document && document.version !== job.version) {
        this.options.trace(`background: skipped ${job.uri} v${job.version}: the document is at v${document.version}`);
        queued.resolve(SUPERSEDED);
        continue;
      }
      if (!this.worker) this.start();
      const id = this.nextId++;
      this.running = { id, queued };
      // The job's text is the open buffer's: the worker lays it over the disk itself.
      const buffer = job.version !== undefined && document !== undefined;
      this.syncBuffers(open, buffer ? job.uri : undefined);
      this.options.trace(`background: analysing ${job.uri} ${job.version === undefined ? '(saved text)' : `v${job.version}`}, ${job.text.length} characters`);
      this.replies.set(id, (reply) => {
        if (this.running?.id === id) this.running = undefined;
        queued.resolve(reply?.type === 'analyzed' ? { kind: 'analysed', result: reply }
          : { kind: 'failed', reason: reply?.type === 'failed' ? reply.message : this.exitReason ?? 'the analysis worker stopped' });
        this.releaseDeferred(dirname(job.path));
        this.pump();
        this.holdProcess();
      });
      this.post({ type: 'analyze', id, ...job, buffer });
      this.holdProcess();
    }
  }

  /** The open `file:` documents by URI. */
  private openBuffers(): Map<string, { readonly version: number; getText(): string }> {
    const open = new Map<string, { readonly version: number; getText(): string }>();
    for (const document of this.options.buffers.all()) if (document.uri.startsWith('file:')) open.set(document.uri, document);
    return open;
  }

  /**
   * Sends the worker the open `file:` buffers that changed since it last got them and the ones closed since (but
   * `carried`, whose text travels with the job), and the workspace's Terraform folders when they changed: what its
   * FileSystemView lays over the disk is then the server's, for this job.
   */
  private syncBuffers(open: ReadonlyMap<string, { readonly version: number; getText(): string }>, carried: string | undefined): void {
    const changed: { uri: string; text: string }[] = [];
    for (const [uri, document] of open) {
      const sent = this.sent.get(uri);
      if (sent?.document === document && sent.version === document.version) continue;
      this.sent.set(uri, { document, version: document.version });
      if (uri !== carried) changed.push({ uri, text: document.getText() });
    }
    const removed = [...this.sent.keys()].filter((uri) => !open.has(uri));
    for (const uri of removed) this.sent.delete(uri);
    const folders = this.options.folders();
    const key = folders.join('\u0000');
    const foldersChanged = key !== this.sentFolders;
    this.sentFolders = key;
    if (changed.length > 0 || removed.length > 0 || foldersChanged) {
      this.post({ type: 'overlay', changed, removed, ...(foldersChanged ? { folders } : {}) });
    }
  }
}

/** The server's Analyzer: what it forgets or releases, the worker's forgets or releases too. */
export class MirroredAnalyzer extends Analyzer {
  constructor(options: AnalyzerOptions, private readonly background: BackgroundAnalyzer) {
    super(options);
  }

  override forget(path: string): void {
    super.forget(path);
    this.background.forget(path);
  }

  override release(path: string): void {
    super.release(path);
    this.background.release(path);
  }
}
