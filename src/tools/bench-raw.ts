// A bench child: nodejieba alone over a corpus's text cells, one cut(text, true) per article as the
// pipeline makes one call per article. The texts are read first and only the cutting is timed, so this is
// the ceiling the pipeline is compared against. Prints one JSON line, with a timeline of the cutting (bytes
// cut at seconds since `startedMs`) for a bench that runs it in turns with others (bench-turns.ts).
// usage: node --import tsx src/tools/bench-raw.ts <corpus.jsonl> [userDictPath] [--until FILE] [--threads N]
//   no path: jieba's default dictionary. --until: cut the texts again and again until FILE exists (the
//   bench makes it when the runs it is compared with have ended), instead of once. --threads: N worker
//   threads, each with its own jieba, cut every Nth article — what this machine gives --jobs N at most.
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import nodejieba from 'nodejieba';
import type { RunReport } from '../run.ts';

interface Setup {
  corpus: string;
  userDict?: string;
  until?: string;
  /** This thread cuts the articles i with i % threads === part. */
  part: number;
  threads: number;
  /** Bytes cut so far, a BigInt64 per thread (a thread may cut more than 2 GB in a long round). */
  progress: SharedArrayBuffer;
}

/** What one thread did; summed over the threads in RawOutput (the seconds: the longest thread's). */
interface Cut {
  articles: number;
  /** The texts' bytes. */
  textBytes: number;
  /** Bytes cut: every pass. */
  bytes: number;
  tokens: number;
  loadSeconds: number;
  /** The cut calls' time; in a bench's turns, the other runs' turns that fell inside a call are in it too. */
  cutSeconds: number;
}

type Timeline = RunReport['timeline'];

/** What bench-raw prints: one JSON line. */
export interface RawOutput extends Cut {
  dictionary: 'user' | 'default';
  threads: number;
  maxRssKb: number;
  /** Epoch ms when the cutting started: the timeline's seconds count from here. */
  startedMs: number;
  timeline: Timeline;
}

/** How often (in articles) the stop file is looked for: a stat call, ~1 µs beside ~0.1 ms of cutting. */
const UNTIL_EVERY = 256;
/** A bench that dies does not leave this cutting for ever. */
const MAX_PASSES = 100;
/** A point about every megabyte: a run in turns of two seconds gets several per turn. */
const POINT_BYTES = 1e6;

/**
 * Load jieba and read this thread's texts; `cut` then cuts them (and counts in `progress`), once or until
 * told, calling `afterEach` between articles.
 */
async function prepare(s: Setup): Promise<{ cut: (afterEach?: () => void) => Cut }> {
  const t0 = performance.now();
  if (s.userDict) nodejieba.load({ userDict: s.userDict });
  else nodejieba.load();
  const loadSeconds = (performance.now() - t0) / 1000;
  const texts: { text: string; bytes: number }[] = [];
  let textBytes = 0;
  let i = 0;
  for await (const line of createInterface({ input: createReadStream(s.corpus), crlfDelay: Infinity })) {
    if (!line || i++ % s.threads !== s.part) continue;
    const text = (JSON.parse(line) as { text?: string }).text ?? '';
    texts.push({ text, bytes: Buffer.byteLength(text) });
    textBytes += texts[texts.length - 1].bytes;
  }
  const cut = (afterEach?: () => void): Cut => {
    const progress = new BigInt64Array(s.progress);
    let bytes = 0;
    let tokens = 0;
    let cutMs = 0;
    const stopped = () => s.until !== undefined && existsSync(s.until);
    cutting: for (let pass = 0; pass < (s.until === undefined ? 1 : MAX_PASSES); pass++) {
      for (let k = 0; k < texts.length; k++) {
        if (k % UNTIL_EVERY === 0 && stopped()) break cutting;
        const { text, bytes: n } = texts[k];
        const t = performance.now();
        tokens += nodejieba.cut(text, true).length;
        cutMs += performance.now() - t;
        bytes += n;
        Atomics.add(progress, s.part, BigInt(n));
        afterEach?.();
      }
    }
    return { articles: texts.length, textBytes, bytes, tokens, loadSeconds, cutSeconds: cutMs / 1000 };
  };
  return { cut };
}

/** Bytes cut by all threads so far. */
function cutSoFar(progress: SharedArrayBuffer): number {
  const counts = new BigInt64Array(progress);
  let sum = 0;
  for (let k = 0; k < counts.length; k++) sum += Number(Atomics.load(counts, k));
  return sum;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { until: { type: 'string' }, threads: { type: 'string', default: '1' } } });
  const [corpus, userDict] = positionals;
  const threads = Number(values.threads);
  if (!corpus || !Number.isInteger(threads) || threads < 1) {
    process.stderr.write('usage: bench-raw.ts <corpus.jsonl> [userDictPath] [--until FILE] [--threads N]\n');
    process.exit(2);
  }
  const progress = new SharedArrayBuffer(8 * threads);
  const setup = (part: number): Setup => ({ corpus, userDict, until: values.until, part, threads, progress });
  const timeline: Timeline = [];
  let cuts: Cut[];
  let startedMs: number;
  let start: number;
  if (threads === 1) {
    const { cut } = await prepare(setup(0));
    startedMs = Date.now();
    start = performance.now();
    // The cutting holds this thread: it takes the points itself, between articles.
    cuts = [cut(timelinePoints(progress, start, timeline))];
  } else {
    // Each worker loads jieba and reads its share, says it is ready, and starts cutting when told to.
    const workers = Array.from({ length: threads }, (_, part) => new Worker(new URL('./bench-raw-entry.mjs', import.meta.url), { workerData: setup(part) }));
    const message = (w: Worker) => new Promise<Cut | 'ready'>((res, rej) => (w.once('message', res), w.once('error', rej)));
    await Promise.all(workers.map(message));
    startedMs = Date.now();
    start = performance.now();
    const done = Promise.all(workers.map(message)) as Promise<Cut[]>;
    for (const w of workers) w.postMessage('go');
    const timer = setInterval(timelinePoints(progress, start, timeline), 20);
    cuts = await done;
    clearInterval(timer);
    await Promise.all(workers.map((w) => w.terminate()));
  }
  timeline.push({ bytes: cutSoFar(progress), seconds: (performance.now() - start) / 1000 });
  const sum = (k: keyof Cut) => cuts.reduce((n, c) => n + c[k], 0);
  const output: RawOutput = {
    dictionary: userDict ? 'user' : 'default',
    threads,
    articles: sum('articles'),
    textBytes: sum('textBytes'),
    bytes: sum('bytes'),
    tokens: sum('tokens'),
    loadSeconds: Math.max(...cuts.map((c) => c.loadSeconds)),
    // With threads, the busiest thread's cut time: the cutting took at least that long.
    cutSeconds: Math.max(...cuts.map((c) => c.cutSeconds)),
    maxRssKb: process.resourceUsage().maxRSS,
    startedMs,
    timeline,
  };
  process.stdout.write(JSON.stringify(output) + '\n');
}

/** A function that adds a timeline point when the threads have cut another megabyte since the last. */
function timelinePoints(progress: SharedArrayBuffer, start: number, timeline: Timeline): () => void {
  let next = POINT_BYTES;
  return () => {
    const bytes = cutSoFar(progress);
    if (bytes < next) return;
    timeline.push({ bytes, seconds: (performance.now() - start) / 1000 });
    next = bytes + POINT_BYTES;
  };
}

if (isMainThread) await main();
else {
  const { cut } = await prepare(workerData as Setup);
  parentPort!.postMessage('ready');
  parentPort!.once('message', () => parentPort!.postMessage(cut()));
}
