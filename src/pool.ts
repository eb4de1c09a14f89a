// Worker threads for --jobs N: the pool in the main thread (it hands out articles and gets their results
// back in order) and the loop each worker runs (serveArticles). Both sides of the messages are in this file.
import { parentPort, Worker } from 'node:worker_threads';
import { DictionaryErrors, type DictionaryProblem } from './dictionaries/folder.ts';
import type { ArticleInput } from './read/inputs.ts';
import { failedResult, type ArticleResult, type Limits } from './result.ts';
import { packCsv } from './tables/writer.ts';

/** What every worker thread gets at its start (src/worker.ts). */
export interface WorkerSetup {
  dictionaries: string;
  timeBudgetMs: number;
  limits: Limits;
  /** Where each article's text goes (the run's temporary texts folder). */
  textsDir: string;
}

/** A worker's setup and its own counter of finished articles (an Int32 in shared memory). */
export interface WorkerData extends WorkerSetup {
  progress: SharedArrayBuffer;
}

interface Job {
  item: ArticleInput;
  resolve: (r: ArticleResult) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** Sent to the worker, in order; it answers them in that order. */
  jobs: Job[];
  /** How many articles the worker has finished (its results may still be on their way, a few at a time). */
  finished: Int32Array;
  /** How many results have arrived. */
  received: number;
  isReady: boolean;
  started: Promise<void>;
}

/** Articles queued at each worker: twice the results it sends at once, so it has work while they travel. */
const WORKER_QUEUE = 8;
/**
 * Results a worker sends together. Every message wakes the main thread, and with as many workers as cores
 * the wake-up can cost the worker its core for milliseconds (a tenth of its time when sent one by one).
 */
const RESULT_BATCH = 4;

export interface PoolOptions {
  /** V8's young generation of each worker, in MB. */
  youngGenerationMb: number;
  /** The worker's entry module (tests give one whose articles can hang). */
  entry?: URL;
}

/**
 * N worker threads, each with its own nodejieba and dictionaries (loaded once). A worker stuck on one
 * article past the time budget is replaced and the article fails with E_TIMEOUT; the batch goes on.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(
    size: number,
    private readonly setup: WorkerSetup,
    private readonly options: PoolOptions,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.started));
  }

  run(item: ArticleInput): Promise<ArticleResult> {
    return new Promise((resolve) => {
      this.queue.push({ item, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const progress = new SharedArrayBuffer(4);
    const workerData: WorkerData = { ...this.setup, progress };
    const worker = new Worker(this.options.entry ?? new URL('./worker-entry.mjs', import.meta.url), {
      workerData,
      resourceLimits: { maxYoungGenerationSizeMb: this.options.youngGenerationMb },
    });
    let started!: () => void;
    let failed!: (e: Error) => void;
    const slot: Slot = { worker, jobs: [], finished: new Int32Array(progress), received: 0, isReady: false, started: new Promise<void>((res, rej) => ((started = res), (failed = rej))) };
    worker.on('message', (m: { type: string; results?: ArticleResult[]; message?: string; problems?: DictionaryProblem[] }) => {
      if (m.type === 'ready') {
        slot.isReady = true;
        started();
        this.dispatch();
      } else if (m.type === 'fatal') failed(m.problems ? new DictionaryErrors(m.problems) : new Error(m.message));
      else if (m.type === 'results') {
        for (const r of m.results!) {
          const job = slot.jobs.shift();
          if (!job) break;
          slot.received++;
          clearTimeout(job.timer);
          job.resolve(r);
        }
        this.armTimer(slot);
        this.dispatch();
      }
    });
    worker.on('error', (e) => {
      if (!slot.isReady) failed(e);
      else this.replace(slot, 'E_WORKER', `the worker thread failed: ${e.message}`);
    });
    worker.on('exit', (code) => {
      if (!this.closed && slot.jobs.length) this.replace(slot, 'E_WORKER', `the worker thread exited with code ${code}`);
    });
    return slot;
  }

  private replace(slot: Slot, code: string, message: string): void {
    // The worker was on the first job it had not finished. The ones before it are finished but their results
    // went with the worker (they are sent a few at a time): they run again, as do the ones it never started.
    const lost = Math.min(Atomics.load(slot.finished, 0) - slot.received, slot.jobs.length);
    const job = slot.jobs[lost];
    const again = slot.jobs.filter((_, i) => i !== lost);
    for (const j of slot.jobs) clearTimeout(j.timer);
    slot.jobs = [];
    if (job) job.resolve(failedResult(job.item.id, job.item.input, code, message));
    this.queue.unshift(...again.map((j) => ({ item: j.item, resolve: j.resolve })));
    if (this.closed) return;
    void slot.worker.terminate();
    const fresh = this.spawn();
    this.slots[this.slots.indexOf(slot)] = fresh;
  }

  /**
   * Keep a few articles queued at every worker: it starts the next one while the main thread is still
   * writing the last result, instead of waiting a round trip for it.
   */
  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.isReady && slot.jobs.length < WORKER_QUEUE && this.queue.length) {
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        slot.worker.postMessage({ type: 'article', item: job.item });
        if (slot.jobs.length === 1) this.armTimer(slot);
      }
    }
  }

  /** Stages check the budget between themselves; this catches a stage that never returns. */
  private armTimer(slot: Slot): void {
    const head = slot.jobs[0];
    if (!head || head.timer) return;
    const ms = this.setup.timeBudgetMs * 2 + 5000;
    head.timer = setTimeout(() => this.replace(slot, 'E_TIMEOUT', `no result after ${ms} ms; the worker was restarted`), ms);
  }
}

/**
 * The loop of a worker thread: process each article it is sent (`processOne`), count it as finished, and
 * send the results back a few at a time, their tables' bytes transferred, not copied.
 */
export function serveArticles(data: WorkerData, processOne: (item: ArticleInput) => ArticleResult): void {
  const port = parentPort!;
  // Counted where the main thread can read it even if this thread hangs (see WorkerPool.replace).
  const finished = new Int32Array(data.progress);
  let results: ArticleResult[] = [];
  let transfer: ArrayBuffer[] = [];
  let scheduled = false;
  const send = () => {
    scheduled = false;
    if (!results.length) return;
    port.postMessage({ type: 'results', results }, transfer);
    results = [];
    transfer = [];
  };
  port.on('message', (m: { type: string; item: ArticleInput }) => {
    if (m.type !== 'article') return;
    const result = processOne(m.item);
    const csv = packCsv(result.csv);
    results.push({ ...result, csv });
    transfer.push(csv.packed!.bytes.buffer);
    Atomics.add(finished, 0, 1);
    if (results.length >= RESULT_BATCH) send();
    else if (!scheduled) {
      // After the articles already queued here: they are handled in this turn of the event loop.
      scheduled = true;
      setImmediate(send);
    }
  });
  port.postMessage({ type: 'ready' });
}
