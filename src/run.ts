// The batch: inputs → articles (in this thread or in worker threads) → table writer → run report.
// Articles are processed one at a time per thread and written as they finish, in input order (a small
// reorder buffer), so memory does not grow with the corpus and every run writes the same bytes.
import { statSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DICTIONARIES } from './dictionaries/folder.ts';
import { WorkerPool } from './pool.ts';
import { walkInputs, type ArticleInput } from './read/inputs.ts';
import { failedResult, type ArticleResult, type Limits } from './result.ts';
import { OutputError, TableWriter, textPath } from './tables/writer.ts';

/**
 * V8's semi-space (half the young generation) for the extract run, in MB. Every article allocates many
 * short-lived objects (mentions, slices, matches); with V8's default of 16 MB the scavenger runs so often
 * that 32 MB made a --jobs 1 run about 15% faster for some 25 MB more resident memory (64 MB: no faster,
 * 60 MB more). Worker threads get it through resourceLimits.
 */
export const SEMI_SPACE_MB = 32;

/**
 * The node flags `npm run extract` runs with (package.json; the bench passes the same, a test keeps them
 * equal). --heap-growing-percent: after each full collection V8 lets the old generation grow to a multiple
 * of what is live, a larger one the longer and faster a run allocates, so a 200 MB run peaked 170 MB above a
 * 20 MB one with the same ~90 MB alive. Growing by half of what is live at most keeps the peak flat (553 MB
 * at 20 MB, 581 MB at 200 MB) at no cost in time: what is live is small, so full collections are cheap.
 * --single-threaded-gc: each thread collects its own heap itself. V8's helper threads for marking and
 * scavenging only pay where a core is idle; with a worker on every core they take it from the workers and
 * add their own coordination (--jobs 2: 10% faster without them, median of 8 rounds in turns; --jobs 1: the
 * same or faster, 6 rounds).
 */
export const NODE_FLAGS = [`--max-semi-space-size=${SEMI_SPACE_MB}`, '--heap-growing-percent=50', '--single-threaded-gc'];

export interface RunOptions {
  inputs: string[];
  out: string;
  dictionaries?: string;
  jobs: number;
  maxBytes: number;
  timeBudgetMs: number;
  quiet?: boolean;
  /** Called with a progress line (the CLI draws it on a terminal). */
  onProgress?: (p: Progress) => void;
}

export interface Progress {
  done: number;
  failed: number;
  bytes: number;
  totalBytes: number;
  seconds: number;
}

export interface RunReport {
  version: string;
  started: string;
  seconds: number;
  inputs: string[];
  out: string;
  dictionaries: string;
  jobs: number;
  found: number;
  succeeded: number;
  failed: number;
  skipped: number;
  failedByCode: Record<string, number>;
  skippedByCode: Record<string, number>;
  failures: { input: string; article_id: string; code: string; message: string }[];
  skippedInputs: { input: string; code: string; reason: string }[];
  warningsByCode: Record<string, number>;
  warnings: { article_id: string; code: string; message: string; stage: string }[];
  rows: Record<string, number>;
  truncatedCells: number;
  bytes: number;
  megabytesPerSecond: number;
  stageMilliseconds: Record<string, number>;
  /**
   * How the run went: article bytes processed and seconds since the start, about every hundredth of the
   * input (at most 200 points). `npm run bench` reads its steady rates from it: past start-up and the
   * compiler's warm-up, over the stretch of time the runs of a round shared (src/tools/bench-turns.ts).
   */
  timeline: { bytes: number; seconds: number }[];
}

const MAX_LISTED_WARNINGS = 1000;

/** How articles are processed: by worker threads (--jobs N) or here, one at a time (--jobs 1). */
type Processing = { pool: WorkerPool } | { pool?: undefined; processOne: (item: ArticleInput) => ArticleResult };

/**
 * Start processing; throws DictionaryErrors before any article is read. With worker threads, each worker
 * loads, checks and compiles the dictionaries, and this thread starts them at once and loads neither the
 * dictionaries nor the pipeline: compiling them here first held the workers' start back by a second, and a
 * lexicon held here would be marked again by every full collection of the thread that routes all the rows.
 */
async function startProcessing(opts: RunOptions, dictionaries: string, limits: Limits, textsDir: string): Promise<Processing> {
  if (opts.jobs > 1) {
    // The young generation is both semi-spaces and as much again for large new objects.
    const pool = new WorkerPool(opts.jobs, { dictionaries, timeBudgetMs: opts.timeBudgetMs, limits, textsDir }, { youngGenerationMb: 3 * SEMI_SPACE_MB });
    try {
      await pool.ready();
    } catch (e) {
      await pool.close();
      throw e;
    }
    return { pool };
  }
  const [{ openDictionaries }, { processArticle }, { loadSegmenter }] = await Promise.all([import('./dictionaries/index.ts'), import('./article.ts'), import('./text/segment.ts')]);
  const d = openDictionaries(dictionaries);
  loadSegmenter(d.userDictPath);
  const ctx = { lex: d.lexicon, timeBudgetMs: opts.timeBudgetMs };
  return { processOne: (item) => processArticle(item, ctx, limits, textsDir) };
}

export async function runExtract(opts: RunOptions): Promise<RunReport> {
  const started = new Date();
  const t0 = performance.now();
  const dictionaries = opts.dictionaries ?? DEFAULT_DICTIONARIES;
  const limits: Limits = { maxBytes: opts.maxBytes };
  const report: RunReport = {
    version: '1',
    started: started.toISOString(),
    seconds: 0,
    inputs: opts.inputs,
    out: opts.out,
    dictionaries,
    jobs: opts.jobs,
    found: 0,
    succeeded: 0,
    failed: 0,
    skipped: 0,
    failedByCode: {},
    skippedByCode: {},
    failures: [],
    skippedInputs: [],
    warningsByCode: {},
    warnings: [],
    rows: {},
    truncatedCells: 0,
    bytes: 0,
    megabytesPerSecond: 0,
    stageMilliseconds: {},
    timeline: [],
  };
  const totalBytes = opts.inputs.reduce((n, p) => n + sizeOf(p), 0);
  const writer = new TableWriter(opts.out);
  const timeline = new Timeline(report.timeline, totalBytes);

  const fail = (input: string, id: string, code: string, message: string) => {
    report.failed++;
    report.failedByCode[code] = (report.failedByCode[code] ?? 0) + 1;
    report.failures.push({ input, article_id: id, code, message });
  };
  const accept = (r: ArticleResult) => {
    if (r.writeError) throw new OutputError(r.writeError);
    report.bytes += r.bytes;
    writer.writeCsv(r.csv);
    if (r.ok) {
      report.succeeded++;
    } else fail(r.input, r.id, r.error!.code, r.error!.message);
    for (const m of r.messages) {
      report.warningsByCode[m.code] = (report.warningsByCode[m.code] ?? 0) + 1;
      if (report.warnings.length < MAX_LISTED_WARNINGS) report.warnings.push({ article_id: r.id, code: m.code, message: m.message, stage: m.stage });
    }
    for (const [k, v] of Object.entries(r.timings)) report.stageMilliseconds[k] = (report.stageMilliseconds[k] ?? 0) + v;
    const seconds = (performance.now() - t0) / 1000;
    timeline.add(report.bytes, seconds);
    opts.onProgress?.({ done: report.succeeded + report.failed, failed: report.failed, bytes: report.bytes, totalBytes, seconds });
  };

  const processing = await startProcessing(opts, dictionaries, limits, writer.textsDir);
  try {
    writer.open(); // in the try: whatever it or the run fails on, its temporary files go
    const ids = new Map<string, string>();
    const textFiles = new TextPaths();
    // Results are written in input order: pending holds what finished early.
    const pending = new Map<number, ArticleResult>();
    let nextToWrite = 0;
    let seq = 0;
    const flush = () => {
      while (pending.has(nextToWrite)) {
        accept(pending.get(nextToWrite)!);
        pending.delete(nextToWrite++);
      }
    };
    const inFlight = new Set<Promise<void>>();
    for await (const item of walkInputs(opts.inputs, opts.out)) {
      report.found++;
      if (item.kind === 'skipped') {
        report.skipped++;
        report.skippedByCode[item.code] = (report.skippedByCode[item.code] ?? 0) + 1;
        report.skippedInputs.push({ input: item.input, code: item.code, reason: item.reason });
        continue;
      }
      const n = seq++;
      if (item.kind !== 'article') {
        pending.set(n, failedResult(item.id ?? '', item.input, item.code, item.reason));
        flush();
        continue;
      }
      const previous = ids.get(item.id);
      if (previous !== undefined) {
        pending.set(n, failedResult(item.id, item.input, 'E_DUPLICATE_ID', `article_id "${item.id}" is already used by ${previous}`));
        flush();
        continue;
      }
      const sharer = textFiles.claim(item.id);
      if (sharer !== undefined) {
        const message = `the text of article_id "${item.id}" (texts/${textPath(item.id)}) would overwrite or block that of article_id "${sharer}" (${ids.get(sharer)}): ids must differ in more than case or characters a file name cannot hold`;
        pending.set(n, failedResult(item.id, item.input, 'E_DUPLICATE_ID', message));
        flush();
        continue;
      }
      ids.set(item.id, item.input);
      if (!processing.pool) {
        pending.set(n, processing.processOne(item));
        flush();
        if (n % 64 === 0) await new Promise((r) => setImmediate(r)); // let progress and signals through
        continue;
      }
      const job = processing.pool.run(item).then((r) => {
        pending.set(n, r);
        flush();
      });
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
      if (inFlight.size >= opts.jobs * 8) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    flush();
    writer.commit();
  } catch (e) {
    writer.discard();
    throw e;
  } finally {
    await processing.pool?.close();
  }
  report.rows = writer.stats.rows;
  report.truncatedCells = writer.stats.truncatedCells;
  report.seconds = round((performance.now() - t0) / 1000);
  report.megabytesPerSecond = round(report.bytes / 1e6 / Math.max(report.seconds, 1e-6));
  for (const k of Object.keys(report.stageMilliseconds)) report.stageMilliseconds[k] = round(report.stageMilliseconds[k]);
  const path = join(opts.out, 'run.json');
  writeFileSync(`${path}.tmp-${process.pid}`, JSON.stringify(report, null, 2) + '\n');
  renameSync(`${path}.tmp-${process.pid}`, path);
  return report;
}

/**
 * The texts/ files of the articles so far. Two ids must not land on one file (a?b and a*b are both
 * texts/a_b.txt; A and a are one file on Windows and macOS), nor one on a file the other needs as a folder
 * (x and x.txt/y): the second would overwrite the first's text or fail the whole run.
 */
class TextPaths {
  private readonly used = new Map<string, { id: string; folder: boolean }>();

  /** Take the file for `id`; returns the id that already holds it (or its folder), if any. */
  claim(id: string): string | undefined {
    const path = textPath(id).toLowerCase();
    const parts = path.split('/');
    const folders = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
    const held = this.used.get(path) ?? folders.map((f) => this.used.get(f)).find((u) => u && !u.folder);
    if (held) return held.id;
    this.used.set(path, { id, folder: false });
    for (const f of folders) if (!this.used.has(f)) this.used.set(f, { id, folder: true });
    return undefined;
  }
}

/** Points of run.json's timeline: one per hundredth of the input (per megabyte when its size is unknown), at most 200. */
export class Timeline {
  private step: number;
  private next = 0;

  constructor(
    private readonly points: RunReport['timeline'],
    totalBytes: number,
  ) {
    this.step = Math.max(totalBytes / 100, 1e6);
  }

  add(bytes: number, seconds: number): void {
    if (bytes < this.next) return;
    this.points.push({ bytes, seconds: round(seconds) });
    if (this.points.length >= 200) {
      // An input whose size was not known first (a folder, a pipe) ran long: keep every other point, twice
      // as far apart from now on.
      const kept = this.points.filter((_, i) => i % 2 === 1);
      this.points.splice(0, this.points.length, ...kept);
      this.step *= 2;
    }
    this.next = bytes + this.step;
  }
}

function sizeOf(p: string): number {
  try {
    const s = statSync(p);
    if (!s.isDirectory()) return s.size;
    return 0; // folders: counted as their articles arrive
  } catch {
    return 0;
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
