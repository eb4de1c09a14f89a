// npm run bench: how fast and how big. Builds a corpus from data/ (default 200 MB, and a small one for the
// memory comparison), then measures in separate child processes, so that each peak RSS belongs to one
// measurement: nodejieba alone with jieba's default dictionary, --jobs 1 over the small corpus and start-up
// (extract of one tiny article), one at a time; then rounds of nodejieba alone with the project dictionary
// (in 1 and in N threads), extract --jobs 1 and --jobs N over the corpus, the runs of a round in turns
// (bench-turns.ts).
// Writes output/bench.json and output/bench.md (the table for the README) and prints the table.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDictionaries } from '../dictionaries/index.ts';
import { NODE_FLAGS, type RunReport } from '../run.ts';
import type { RawOutput } from './bench-raw.ts';
import { sharedWindow, takeTurns, turnsSeconds, type Pausable, type Progressed, type SharedWindow } from './bench-turns.ts';
import { buildCorpus, cachedCorpus, HTML_SHARE, newestCachedCorpus, readSources, sourcesHash, type CorpusInfo, type SourceArticle } from './bench-corpus.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RSS_HOOK = pathToFileURL(join(ROOT, 'src/tools/bench-rss.mjs')).href;
const GNU_TIME = '/usr/bin/time';
const STARTUP_RUNS = 3;
/**
 * Rounds of raw jieba (1 and N threads), extract --jobs 1 and --jobs N over the big corpus, in turns
 * (bench-turns.ts: this VM's speed drifts by a fifth from one minute to the next). Each ratio is taken within
 * a round and the targets are judged on the median of the rounds.
 */
const DEFAULT_ROUNDS = 3;
/** A run's turn, in ms: long enough for several timeline points, short beside the VM's drift. */
const TURN_MS = 2000;
/** The round's shared window: from when every run has done this share of its bytes (past warm-up)… */
const SHARED_FROM = 0.3;
/** …to when the first has done this share (before the last articles leave workers idle). */
const SHARED_TO = 0.95;
/** Targets (issue "Speed and scale"). */
const TARGET_RAW_SHARE = 0.5; // extract --jobs 1 ≥ 0.5 × raw jieba with the project dictionary
const TARGET_SCALING_PER_CORE = 0.85; // --jobs 2 ≥ 1.7 × --jobs 1 on 2 cores
const TARGET_MEMORY_FACTOR = 1.15; // big corpus peak ≤ 1.15 × small corpus peak + allowance
const TARGET_MEMORY_ALLOWANCE_MB = 20;

const HELP = `npm run bench -- [options]

Builds a JSONL corpus from the articles in data/ and measures, each in its own process:
nodejieba cut alone (default and project dictionaries), extract --jobs 1 and --jobs N over the corpus,
extract --jobs 1 over a small corpus (memory comparison), and start-up (extract of one tiny article).
The runs over the corpus go in rounds (raw jieba with the project dictionary in 1 and N threads,
extract --jobs 1 and --jobs N) that take turns of ${TURN_MS / 1000} s each, so that all see the same minutes.
Writes output/bench.json and output/bench.md and prints the table.

  --mb N          corpus size in MB of article text (default 200)
  --small-mb N    small corpus for the memory comparison (default 20)
  --jobs N        worker threads of the parallel run (default: ${availableParallelism()}, the cores here)
  --rounds N      rounds of (raw jieba in 1 and N threads, --jobs 1, --jobs N) over the corpus, in turns;
                  the targets are judged on the median of the rounds' ratios (default ${DEFAULT_ROUNDS})
  --zh-only       leave data/'s English articles out of the corpus (they take the slower English path)
  --keep          keep the corpora this run builds, for the next run (cached by content; one that was
                  already cached is never deleted)
  --skip-build    do not build: use the cached corpora (fails when there are none)
  --cache-dir DIR where corpora and the runs' scratch output go (default: ${join(tmpdir(), 'cn-gov-events-bench')})
  --out DIR       where bench.json and bench.md go (default: output)
  -h, --help      this text
`;

interface ChildRun {
  /** From start to exit, turns of other runs included. */
  wallSeconds: number;
  peakRssMb: number;
  rssSource: string;
  /** The process's own getrusage peak (the exit hook), to check /usr/bin/time against. */
  hookRssMb?: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** bench-raw.ts's output and its process. */
interface RawResult extends RawOutput {
  /** Cut alone: bytes / cutSeconds; in turns, the rate over the window the round shared (null: none). */
  mbPerSecond: number | null;
  wallSeconds: number;
  peakRssMb: number;
}

interface ExtractResult {
  label: string;
  jobs: number;
  corpusMb: number;
  bytes: number;
  articles: number;
  failed: number;
  failedByCode: Record<string, number>;
  wallSeconds: number;
  /** runExtract's own seconds (run.json), from dictionaries to run.json written. */
  runSeconds: number;
  /** Median wall time of extract over one tiny article with the same --jobs. */
  startupSeconds: number;
  /** In turns: the seconds it ran (its turns, from start to exit); alone: the wall time. */
  ranSeconds: number;
  mbPerSecondRan: number;
  /** Input MB / (ran − start-up): the rate once dictionaries and workers are loaded, warm-up included. */
  mbPerSecondAfterStartup: number | null;
  /**
   * Steady state. In turns: the rate over the window the round shared (see sharedWindow). Alone: over the
   * second half of the input (run.json timeline, 50% → 95% of its bytes).
   */
  mbPerSecondSteady: number | null;
  peakRssMb: number;
  rssSource: string;
  hookRssMb?: number;
  rows: Record<string, number>;
  stageMilliseconds: Record<string, number>;
  /** run.json's timeline: bytes and seconds, about every hundredth of the input. */
  timeline: RunReport['timeline'];
}

interface Target {
  name: string;
  value: number | null;
  needed: string;
  pass: boolean | null;
  note?: string;
}

const started = performance.now();
/** Children not yet ended: an interrupted bench stops them (and resumes those paused, so that they can end). */
const running = new Set<ChildProcess>();
let scratch: string | undefined;
const builtNow: string[] = [];
let keep = false;

function log(msg: string): void {
  process.stderr.write(`[bench ${Math.round((performance.now() - started) / 1000)}s] ${msg}\n`);
}

/**
 * Start `node --import tsx <args>` (with the heap flags of `npm run extract`); its result has its wall time
 * and peak RSS. It can be paused and resumed: SIGSTOP / SIGCONT to its process group (time and node both).
 */
function startChild(args: string[], rssFile: string): { result: Promise<ChildRun>; pausable: Omit<Pausable, 'done'> } {
  const node = [process.execPath, ...NODE_FLAGS, '--import', 'tsx', '--import', RSS_HOOK, ...args];
  const useTime = existsSync(GNU_TIME);
  const [cmd, ...cmdArgs] = useTime ? [GNU_TIME, '-v', ...node] : node;
  const t0 = performance.now();
  // Its own process group: /usr/bin/time ignores SIGINT and does not pass signals on, so an interrupted
  // bench stops the whole group (time, node) itself; and the group is what a turn pauses.
  const child = spawn(cmd, cmdArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CGE_BENCH_RSS_FILE: rssFile }, detached: true });
  running.add(child);
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, signal);
    } catch {
      // ended between the check and the signal
    }
  };
  const pausable = { pause: () => signalGroup('SIGSTOP'), resume: () => signalGroup('SIGCONT') };
  const result = new Promise<ChildRun>((resolveRun, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallSeconds = (performance.now() - t0) / 1000;
      running.delete(child);
      if (signal) return reject(new Error(`${args.join(' ')} was killed by ${signal}`));
      let timeKb: number | undefined;
      if (useTime) {
        // time -v appends its report to the child's stderr; keep the child's own part for error messages.
        const at = stderr.lastIndexOf('\tCommand being timed:');
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr.slice(Math.max(at, 0)));
        if (m) timeKb = Number(m[1]);
        if (at >= 0) stderr = stderr.slice(0, at);
        // time -v reports "Command exited with non-zero status N" and exits with N itself.
        stderr = stderr.replace(/Command exited with non-zero status \d+\n$/, '');
      }
      const hookKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
      rmSync(rssFile, { force: true });
      const kb = timeKb ?? hookKb;
      resolveRun({
        wallSeconds,
        peakRssMb: kb === undefined ? NaN : kb / 1024,
        rssSource: timeKb !== undefined ? '/usr/bin/time -v' : hookKb !== undefined ? 'process.resourceUsage().maxRSS' : 'none',
        hookRssMb: hookKb === undefined ? undefined : hookKb / 1024,
        exitCode: code ?? -1,
        stdout,
        stderr,
      });
    });
  });
  return { result, pausable };
}

function failChild(what: string, r: ChildRun): never {
  throw new Error(`${what} exited with ${r.exitCode}:\n${r.stderr.trim().split('\n').slice(-20).join('\n')}`);
}

/** A started child and what it gives when it has ended. */
interface Started<T> {
  pausable: Omit<Pausable, 'done'>;
  finish: Promise<T>;
}

/** Raw jieba over the corpus, in `threads` worker threads: once, or (`until`) again and again until that file exists. */
function startRaw(corpus: CorpusInfo, userDict: string | undefined, until?: string, threads = 1): Started<RawResult> {
  const args = ['src/tools/bench-raw.ts', corpus.path, ...(userDict ? [userDict] : []), ...(until ? ['--until', until] : []), '--threads', String(threads)];
  const { result, pausable } = startChild(args, join(scratch!, `rss-raw-${threads}`));
  const finish = result.then((r) => {
    if (r.exitCode !== 0) failChild('bench-raw', r);
    const j = JSON.parse(r.stdout.trim().split('\n').pop()!) as RawOutput;
    return { ...j, mbPerSecond: j.bytes / 1e6 / j.cutSeconds, wallSeconds: r.wallSeconds, peakRssMb: r.peakRssMb };
  });
  return { pausable, finish };
}

async function raw(corpus: CorpusInfo, userDict: string | undefined): Promise<RawResult> {
  return startRaw(corpus, userDict).finish;
}

type ExtractRun = { child: ChildRun; report: RunReport };

function startExtract(label: string, input: string, jobs: number): Started<ExtractRun> {
  const out = join(scratch!, `extract-${label}`);
  rmSync(out, { recursive: true, force: true });
  const { result, pausable } = startChild(['src/cli.ts', 'extract', input, '--out', out, '--jobs', String(jobs), '--quiet'], join(scratch!, `rss-${label}`));
  const finish = result.then((r) => {
    // 1 = some articles failed: still a measurement (the failures are reported); 2 = could not run.
    if (r.exitCode !== 0 && r.exitCode !== 1) failChild(`extract ${label}`, r);
    const report = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunReport;
    rmSync(out, { recursive: true, force: true }); // the tables and texts are as big as the corpus
    return { child: r, report };
  });
  return { pausable, finish };
}

async function extract(label: string, input: string, jobs: number): Promise<ExtractRun> {
  return startExtract(label, input, jobs).finish;
}

async function startup(tiny: string, jobs: number): Promise<{ seconds: number; runs: number[]; peakRssMb: number }> {
  const runs: ChildRun[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) runs.push((await extract(`startup-j${jobs}`, tiny, jobs)).child);
  return { seconds: median(runs.map((r) => r.wallSeconds))!, runs: runs.map((r) => round(r.wallSeconds)), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)) };
}

/**
 * The measurement of one extract run. `inTurns`: the seconds it ran and its rate over the window its round
 * shared; without it the run was alone: its wall time, and the second half of its input for steady state.
 */
function extractResult(label: string, corpus: CorpusInfo, jobs: number, run: ExtractRun, startupSeconds: number, inTurns?: { ranSeconds: number; steady: number | null }): ExtractResult {
  const { child, report } = run;
  const mb = report.bytes / 1e6;
  const ranSeconds = inTurns?.ranSeconds ?? child.wallSeconds;
  const afterStartup = ranSeconds - startupSeconds;
  return {
    label,
    jobs,
    corpusMb: corpus.megabytes,
    bytes: report.bytes,
    articles: report.succeeded,
    failed: report.failed,
    failedByCode: report.failedByCode,
    wallSeconds: child.wallSeconds,
    ranSeconds,
    runSeconds: report.seconds,
    startupSeconds,
    mbPerSecondRan: mb / ranSeconds,
    mbPerSecondAfterStartup: afterStartup > 0 ? mb / afterStartup : null,
    mbPerSecondSteady: inTurns ? inTurns.steady : secondHalfRate(report),
    peakRssMb: child.peakRssMb,
    rssSource: child.rssSource,
    hookRssMb: child.hookRssMb,
    rows: report.rows,
    stageMilliseconds: report.stageMilliseconds,
    timeline: report.timeline,
  };
}

/**
 * MB/s between the timeline points at half and at 95% of the bytes the run processed. Start-up and the JIT
 * compiler's warm-up are long past by then (with N workers, N isolates compile at once on the cores the
 * workers need, for the first ten seconds or so), and the last articles, which leave workers idle while the
 * others finish, are not yet being drained. This is the rate a long run (a corpus of gigabytes) goes at.
 */
function secondHalfRate(report: RunReport): number | null {
  const points = report.timeline;
  const from = points.find((p) => p.bytes >= 0.5 * report.bytes);
  const to = points.filter((p) => p.bytes <= 0.95 * report.bytes).pop();
  if (!from || !to || to.seconds <= from.seconds) return null;
  return (to.bytes - from.bytes) / 1e6 / (to.seconds - from.seconds);
}

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux: os.cpus() has the model
  }
  return {
    cpu,
    cores: cpus().length,
    availableParallelism: availableParallelism(),
    memoryGb: round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverageStart: loadavg().map(round),
  };
}

async function corpusFor(cacheDir: string, sources: SourceArticle[], mb: number, skipBuild: boolean, zhOnly: boolean): Promise<CorpusInfo> {
  const hash = sourcesHash(sources);
  const cached = cachedCorpus(cacheDir, hash, mb);
  if (cached) {
    log(`corpus ${mb} MB: cached ${cached.path}`);
    return cached;
  }
  if (skipBuild) {
    const other = newestCachedCorpus(cacheDir, mb, zhOnly);
    if (!other) throw new UsageError(`--skip-build: no cached ${mb} MB corpus in ${cacheDir} (run once with --keep)`);
    log(`corpus ${mb} MB: cached ${other.path} (built from a different data/)`);
    return other;
  }
  log(`building the ${mb} MB corpus…`);
  const info = buildCorpus(cacheDir, sources, mb);
  builtNow.push(info.path);
  log(`corpus ${mb} MB: ${info.articles} articles, ${(info.fileBytes / 1e6).toFixed(1)} MB file → ${info.path}`);
  return info;
}

class UsageError extends Error {}

function cleanup(): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  if (!keep) for (const p of builtNow) for (const f of [p, `${p}.json`]) rmSync(f, { force: true });
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        mb: { type: 'string', default: '200' },
        'small-mb': { type: 'string', default: '20' },
        jobs: { type: 'string', default: String(availableParallelism()) },
        rounds: { type: 'string', default: String(DEFAULT_ROUNDS) },
        'zh-only': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        'skip-build': { type: 'boolean', default: false },
        'cache-dir': { type: 'string', default: join(tmpdir(), 'cn-gov-events-bench') },
        out: { type: 'string', default: 'output' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const mb = positive(v.mb!, '--mb');
  const smallMb = positive(v['small-mb']!, '--small-mb');
  const jobs = positive(v.jobs!, '--jobs');
  const roundCount = positive(v.rounds!, '--rounds');
  if (smallMb >= mb) throw new UsageError(`--small-mb (${smallMb}) must be smaller than --mb (${mb})`);
  keep = v.keep!;
  const cacheDir = resolve(v['cache-dir']!);
  const outDir = resolve(v.out!);
  mkdirSync(cacheDir, { recursive: true });
  scratch = join(cacheDir, `run-${process.pid}`);
  mkdirSync(scratch, { recursive: true });

  const host = machine();
  const zhOnly = v['zh-only']!;
  const sources = await readSources(join(ROOT, 'data'), zhOnly);
  const big = await corpusFor(cacheDir, sources, mb, v['skip-build']!, zhOnly);
  const small = await corpusFor(cacheDir, sources, smallMb, v['skip-build']!, zhOnly);

  // Compiled here once (it is cached by content); the raw child then only loads the file, as a worker does.
  const td = performance.now();
  const userDictPath = openDictionaries().userDictPath;
  const dictionariesSeconds = (performance.now() - td) / 1000;

  // A tiny real article: d07 is one short paragraph of a county meeting.
  const tiny = join(scratch, 'tiny.txt');
  const d07 = join(ROOT, 'data/d07.txt');
  writeFileSync(tiny, existsSync(d07) ? readFileSync(d07) : '7月21日，县长主持召开全县安全生产工作调度会议。\n');

  log('start-up: warming the tsx cache…');
  await extract('warmup', tiny, 1);
  log(`start-up: extract of one tiny article, --jobs 1 and --jobs ${jobs} (median of ${STARTUP_RUNS})…`);
  const start1 = await startup(tiny, 1);
  const startN = jobs === 1 ? start1 : await startup(tiny, jobs);

  log(`nodejieba alone, default dictionary, over ${mb} MB…`);
  const rawDefault = await raw(big, undefined);
  log(`  ${rawDefault.mbPerSecond?.toFixed(2)} MB/s`);
  const runs: ExtractResult[] = [];
  const logRun = (r: ExtractResult) =>
    log(`  extract --jobs ${r.jobs}: ran ${r.ranSeconds.toFixed(1)} s, ${r.mbPerSecondRan.toFixed(2)} MB/s, steady ${r.mbPerSecondSteady?.toFixed(2)} MB/s, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
  log(`extract --jobs 1 over ${small.megabytes} MB…`);
  const smallJobs1 = extractResult('small-jobs1', small, 1, await extract('small-jobs1', small.path, 1), start1.seconds);
  logRun(smallJobs1);
  runs.push(smallJobs1);
  const rounds: Round[] = [];
  for (let i = 1; i <= roundCount; i++) {
    log(`round ${i} of ${roundCount}: nodejieba alone (project user dictionary${jobs > 1 ? `, 1 and ${jobs} threads` : ''}), extract --jobs 1${jobs > 1 ? ` and --jobs ${jobs}` : ''} over ${mb} MB, in turns of ${TURN_MS / 1000} s…`);
    // Raw jieba cuts the corpus over and over until the extract runs have ended: it always outlasts them,
    // so the window the round shares is theirs, whatever the corpus size. With N threads it is what this
    // machine gives --jobs N at most, in the same minutes.
    const stopRaw = join(scratch, `stop-raw-round${i}`);
    const raws = [startRaw(big, userDictPath, stopRaw), ...(jobs > 1 ? [startRaw(big, userDictPath, stopRaw, jobs)] : [])];
    const extracts = [startExtract(`jobs1-round${i}`, big.path, 1), ...(jobs > 1 ? [startExtract(`jobs${jobs}-round${i}`, big.path, jobs)] : [])];
    void Promise.allSettled(extracts.map((s) => s.finish)).then(() => writeFileSync(stopRaw, ''));
    const turns = await takeTurns(
      [...raws, ...extracts].map((s) => ({ ...s.pausable, done: s.finish })),
      TURN_MS,
    );
    const rawRuns = await Promise.all(raws.map((s) => s.finish));
    const extractRuns = await Promise.all(extracts.map((s) => s.finish));
    const progressed: Progressed[] = [
      ...rawRuns.map((r, k) => ({ startedMs: r.startedMs, bytes: r.bytes, timeline: r.timeline, turns: turns[k] })),
      ...extractRuns.map((e, k) => ({ startedMs: Date.parse(e.report.started), bytes: e.report.bytes, timeline: e.report.timeline, turns: turns[raws.length + k] })),
    ];
    const window = sharedWindow(progressed, SHARED_FROM, SHARED_TO);
    if (!window) log("  the round's runs had no stretch of time in common past warm-up and before their ends: no steady rates this round");
    const rate = (k: number) => (window ? window.mbPerSecond[k] : null);
    const [rawUser, rawUserN] = rawRuns.map((r, k) => ({ ...r, mbPerSecond: rate(k) }));
    const [jobs1, jobsN] = extractRuns.map((e, k) => {
      const j = k ? jobs : 1;
      return extractResult(`jobs${j}-round${i}`, big, j, e, k ? startN.seconds : start1.seconds, { ranSeconds: turnsSeconds(turns[raws.length + k]), steady: rate(raws.length + k) });
    });
    log(`  nodejieba alone: ${rawRuns.map((r, k) => `${r.threads} thread${r.threads > 1 ? 's' : ''} ${rate(k)?.toFixed(2)} MB/s`).join(', ')} in the shared window (${window ? ((window.toMs - window.fromMs) / 1000).toFixed(0) : 0} s)`);
    for (const r of [jobs1, jobsN].filter(Boolean)) {
      logRun(r);
      runs.push(r);
    }
    rounds.push({
      rawUser,
      rawUserN,
      window,
      jobs1,
      jobsN: jobsN ?? jobs1,
      rawShare: ratios(jobs1, rawUser.mbPerSecond),
      scaling: ratios(jobsN ?? jobs1, jobs1),
      rawScaling: rawUserN ? ratio(rawUserN.mbPerSecond, rawUser.mbPerSecond) : null,
    });
  }
  const med = (pick: (r: Round) => number | null) => median(rounds.map(pick));
  const rawShare = med((r) => r.rawShare.steady);
  const scaling = med((r) => r.scaling.steady);
  const peak1 = Math.max(...rounds.map((r) => r.jobs1.peakRssMb));

  const effectiveCores = Math.min(jobs, host.availableParallelism);
  const memoryLimit = TARGET_MEMORY_FACTOR * smallJobs1.peakRssMb + TARGET_MEMORY_ALLOWANCE_MB;
  const targets: Target[] = [
    {
      name: `extract --jobs 1 ≥ ${TARGET_RAW_SHARE} × raw jieba (project dictionary), steady state, median of ${roundCount}`,
      value: rawShare,
      needed: `≥ ${TARGET_RAW_SHARE}`,
      pass: passes(rawShare, TARGET_RAW_SHARE),
    },
    effectiveCores >= 2
      ? {
          name: `extract --jobs ${jobs} ≥ ${round(TARGET_SCALING_PER_CORE * effectiveCores)} × --jobs 1, steady state, median of ${roundCount}`,
          value: scaling,
          needed: `≥ ${round(TARGET_SCALING_PER_CORE * effectiveCores)}`,
          pass: passes(scaling, TARGET_SCALING_PER_CORE * effectiveCores),
        }
      : { name: 'extract --jobs N scaling', value: null, needed: '2 or more cores and --jobs ≥ 2', pass: null, note: `--jobs ${jobs} on ${host.availableParallelism} core(s): not measured` },
    {
      name: `memory flat: peak RSS ${mb} MB ≤ ${TARGET_MEMORY_FACTOR} × ${smallMb} MB + ${TARGET_MEMORY_ALLOWANCE_MB} MB (--jobs 1, highest of ${roundCount})`,
      value: round(peak1),
      needed: `≤ ${memoryLimit.toFixed(0)} MB`,
      pass: peak1 <= memoryLimit,
    },
  ];

  const result = {
    date: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: { ...host, loadAverageEnd: loadavg().map(round) },
    corpus: {
      builtFrom:
        `data/ (${sources.length} articles: ${sources.filter((s) => s.html).length} HTML pages, the rest text; pages kept at ~${HTML_SHARE * 100}% of the bytes; ` +
        `${sources.filter((s) => s.language === 'en').length} English${zhOnly ? ', --zh-only' : ''})`,
      big: corpusSummary(big),
      small: corpusSummary(small),
    },
    startup: {
      description: 'wall time of `node --import tsx src/cli.ts extract <one tiny article>` (process start → tables written), median',
      jobs1: start1,
      [`jobs${jobs}`]: startN,
      dictionariesCompileSeconds: round(dictionariesSeconds),
      jiebaLoadSecondsUserDict: round(rounds[0].rawUser.loadSeconds),
      jiebaLoadSecondsDefault: round(rawDefault.loadSeconds),
    },
    rawDefault,
    rounds: rounds.map((r, i) => ({
      round: i + 1,
      sharedWindow: r.window,
      rawUser: r.rawUser,
      [`rawUser${jobs}Threads`]: r.rawUserN,
      jobs1VsRawUser: r.rawShare,
      [`jobs${jobs}VsJobs1`]: r.scaling,
      [`rawUser${jobs}ThreadsVs1`]: r.rawScaling,
    })),
    extract: runs,
    medians: { jobs1VsRawUser: rawShare, [`jobs${jobs}VsJobs1`]: scaling, peakRssBigVsSmall: ratio(peak1, smallJobs1.peakRssMb) },
    targets,
  };
  const md = markdown(result, { big, small, jobs, rawDefault, rounds, smallJobs1, start1, startN, targets, dictionariesSeconds });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'bench.json'), JSON.stringify(result, roundReplacer, 2) + '\n');
  writeFileSync(join(outDir, 'bench.md'), md);
  process.stdout.write(md);
  log(`wrote ${join(outDir, 'bench.json')} and ${join(outDir, 'bench.md')}`);
  return 0;
}

/** A run's rates over another's (or over a fixed rate): over the time it ran, after start-up, steady. */
function ratios(a: ExtractResult, b: ExtractResult | number | null) {
  const of = (k: 'mbPerSecondRan' | 'mbPerSecondAfterStartup' | 'mbPerSecondSteady') => ratio(a[k], b === null || typeof b === 'number' ? b : b[k]);
  return { ran: of('mbPerSecondRan'), afterStartup: of('mbPerSecondAfterStartup'), steady: of('mbPerSecondSteady') };
}

function corpusSummary(c: CorpusInfo) {
  return { megabytes: c.megabytes, articles: c.articles, textBytes: c.textBytes, htmlBytes: c.htmlBytes, englishBytes: c.englishBytes, fileBytes: c.fileBytes, path: c.path, reused: c.reused };
}

interface Round {
  rawUser: RawResult;
  /** Raw jieba in N threads (--jobs N > 1): what the machine gives N threads of jieba in the same minutes. */
  rawUserN?: RawResult;
  /** Its rate over one thread's. */
  rawScaling: number | null;
  /** The stretch of time the round's runs shared, past warm-up and before their ends. */
  window: SharedWindow | null;
  jobs1: ExtractResult;
  jobsN: ExtractResult;
  rawShare: ReturnType<typeof ratios>;
  scaling: ReturnType<typeof ratios>;
}

interface Parts {
  big: CorpusInfo;
  small: CorpusInfo;
  jobs: number;
  rawDefault: RawResult;
  rounds: Round[];
  smallJobs1: ExtractResult;
  start1: { seconds: number; peakRssMb: number };
  startN: { seconds: number; peakRssMb: number };
  targets: Target[];
  dictionariesSeconds: number;
}

function markdown(result: { date: string; command: string; machine: ReturnType<typeof machine> & { loadAverageEnd: number[] } }, p: Parts): string {
  const m = result.machine;
  const f = (x: number | null | undefined, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));
  const mbOf = (b: number) => f(b / 1e6, 1);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const ex = (r: ExtractResult, note = '', tag = '') =>
    row([`${tag}extract --jobs ${r.jobs}, ${r.corpusMb} MB${note}`, mbOf(r.bytes), f(r.ranSeconds, 1), f(r.mbPerSecondRan), f(r.mbPerSecondAfterStartup), f(r.mbPerSecondSteady), f(r.peakRssMb, 0)]);
  // Alone, its cut time is its run; in turns, the cut calls' time holds other runs' turns: only the window's rate.
  const rawRow = (r: RawResult, name: string, tag = '') =>
    row([`${tag}nodejieba cut(s, true) alone, ${name}`, mbOf(r.bytes), tag ? '—' : f(r.cutSeconds, 1), '—', '—', `${f(r.mbPerSecond)} ¹`, f(r.peakRssMb, 0)]);
  const lines: string[] = [];
  lines.push(`### Benchmark (${result.date.slice(0, 10)})`, '');
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores (${m.availableParallelism} available), ${m.memoryGb.toFixed(1)} GB, Node ${m.node}, ${m.os}. Load average at start ${m.loadAverageStart.join(' ')}, at end ${m.loadAverageEnd.join(' ')}.`,
    '',
  );
  lines.push(
    `Corpus: ${mbOf(p.big.textBytes)} MB of article text (${p.big.articles} articles; ${pct(p.big.htmlBytes, p.big.textBytes)} of the bytes HTML pages, ${pct(p.big.englishBytes, p.big.textBytes)} English) and ${mbOf(p.small.textBytes)} MB (${p.small.articles} articles), ` +
      `JSONL built by \`npm run bench\` from the articles in data/, repeated with new ids. Command: \`${result.command}\`.`,
    '',
  );
  lines.push(row(['measurement', 'input MB', 'ran s', 'MB/s (ran)', 'MB/s (after start-up)', 'MB/s (steady)', 'peak RSS MB']), row(['---', '---:', '---:', '---:', '---:', '---:', '---:']));
  const many = p.rounds.length > 1;
  const parallel = p.rounds[0].jobsN !== p.rounds[0].jobs1;
  lines.push(rawRow(p.rawDefault, "jieba's default dictionary"));
  p.rounds.forEach((x, i) => {
    const tag = `round ${i + 1}: `;
    lines.push(rawRow(x.rawUser, 'project user dictionary', tag));
    if (x.rawUserN) lines.push(rawRow(x.rawUserN, `project user dictionary, ${x.rawUserN.threads} threads`, tag));
    lines.push(ex(x.jobs1, '', tag));
    if (parallel) lines.push(ex(x.jobsN, ' ²', tag));
  });
  lines.push(ex(p.smallJobs1));
  lines.push(row([`start-up: extract of one tiny article, --jobs 1`, '—', f(p.start1.seconds), '—', '—', '—', f(p.start1.peakRssMb, 0)]));
  if (p.jobs > 1) lines.push(row([`start-up: extract of one tiny article, --jobs ${p.jobs}`, '—', f(p.startN.seconds), '—', '—', '—', f(p.startN.peakRssMb, 0)]));
  lines.push('');
  const windows = p.rounds.map((x, i) => `round ${i + 1} ${x.window ? `${f((x.window.toMs - x.window.fromMs) / 1000, 0)} s (each run ran ${x.window.ranSeconds.map((r) => f(r, 0)).join(', ')} s of it)` : 'none'}`);
  lines.push(
    `A round's runs start together and take turns of ${TURN_MS / 1000} s (the others paused), so that all see the same minutes of this machine, whose speed drifts by a fifth between minutes. ` +
      `Ran s = the time the process ran (its turns, start to exit); alone, its wall time. After start-up = input MB / (ran s − start-up of the same --jobs): JIT warm-up still counted. ` +
      `Steady, in a round = the rate over the stretch of wall-clock time when every run of the round had done ${SHARED_FROM * 100}% of its bytes and none yet ${SHARED_TO * 100}%, counting only its own turns ` +
      `(${windows.join('; ')}); for the ${p.small.megabytes} MB run, alone = the rate over the second half of its input. ` +
      `¹ cut calls only (texts read first, nothing loaded), one per article; in a round, raw jieba cuts the corpus again and again until the extract runs have ended (input MB: all it cut); with N threads, each thread loads its own jieba and cuts every Nth article. ` +
      `Time and RSS are of the whole process (\`node --import tsx\`), RSS by ${p.rounds[0].jobs1.rssSource}` +
      (parallel ? `; ² the peak of the process with all ${p.jobs} worker threads together.` : '.'),
    '',
  );
  // One column per round, then the median: the targets are judged on the median.
  const heads = many ? [...p.rounds.map((_, i) => `round ${i + 1}`), 'median'] : ['value'];
  const ratioRow = (name: string, pick: (x: Round) => number | null) => {
    const values = p.rounds.map(pick);
    return row([name, ...values.map((v) => f(v)), ...(many ? [f(median(values))] : [])]);
  };
  lines.push(row(['ratio', ...heads]), row(['---', ...heads.map(() => '---:')]));
  lines.push(ratioRow('extract --jobs 1 / raw jieba (project dictionary), steady', (x) => x.rawShare.steady));
  lines.push(ratioRow('extract --jobs 1 / raw jieba (default dictionary), steady', (x) => ratio(x.jobs1.mbPerSecondSteady, p.rawDefault.mbPerSecond)));
  if (parallel) {
    lines.push(ratioRow(`raw jieba, ${p.jobs} threads / 1 thread, steady (what this machine gives ${p.jobs} threads)`, (x) => x.rawScaling));
    lines.push(ratioRow(`extract --jobs ${p.jobs} / --jobs 1, steady`, (x) => x.scaling.steady));
    lines.push(ratioRow(`  the same, over raw jieba's ${p.jobs} threads / 1 thread (the share of what the machine gave)`, (x) => ratio(x.scaling.steady, x.rawScaling)));
    lines.push(ratioRow(`extract --jobs ${p.jobs} / --jobs 1, after start-up`, (x) => x.scaling.afterStartup));
    lines.push(ratioRow(`extract --jobs ${p.jobs} / --jobs 1, whole run (ran s)`, (x) => x.scaling.ran));
  }
  lines.push(ratioRow(`peak RSS ${p.big.megabytes} MB / ${p.small.megabytes} MB (--jobs 1)`, (x) => ratio(x.jobs1.peakRssMb, p.smallJobs1.peakRssMb)));
  lines.push('');
  lines.push(row(['target', 'measured', 'needed', 'result']), row(['---', '---:', '---', '---']));
  for (const t of p.targets) lines.push(row([t.name, t.value === null ? '—' : f(t.value), t.needed, t.pass === null ? `n/a (${t.note})` : t.pass ? 'pass' : '**FAIL**']));
  lines.push('');
  lines.push(
    `Start-up: dictionaries compiled in ${f(p.dictionariesSeconds)} s (this process, cache warm); jieba loads the project user dictionary in ${f(p.rounds[0].rawUser.loadSeconds)} s (default: ${f(p.rawDefault.loadSeconds)} s).`,
  );
  // The run made alone: a stage that a pause fell into would count the other runs' turns.
  const jobs1 = p.smallJobs1;
  const stages = Object.entries(jobs1.stageMilliseconds).sort((a, b) => b[1] - a[1]);
  const stageTotal = stages.reduce((n, [, ms]) => n + ms, 0);
  if (stageTotal > 0) {
    const busy = jobs1.ranSeconds - jobs1.startupSeconds;
    lines.push(
      `Where --jobs 1 time goes (run.json stageMilliseconds, the ${p.small.megabytes} MB run): stages ${f(stageTotal / 1000, 1)} s of ${f(busy, 1)} s after start-up ` +
        `(the rest: reading and parsing input, writing tables and texts). ` +
        stages
          .filter(([, ms]) => ms / stageTotal >= 0.01)
          .map(([k, ms]) => `${k} ${((100 * ms) / stageTotal).toFixed(0)}%`)
          .join(', ') +
        '.',
    );
  }
  const failed = [...new Set([...p.rounds.flatMap((x) => [x.jobs1, x.jobsN]), p.smallJobs1])].filter((x) => x.failed);
  if (failed.length)
    lines.push(
      '',
      `Failed articles: ${failed
        .map(
          (x) =>
            `${x.label} ${x.failed} (${Object.entries(x.failedByCode)
              .map(([c, n]) => `${c} ${n}`)
              .join(', ')})`,
        )
        .join('; ')}.`,
    );
  return lines.join('\n') + '\n';
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(0)}%`;
}

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || !b ? null : a / b;
}

/** The median of the values there are (an even count: the mean of the middle two); null if none. */
function median(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function passes(value: number | null, needed: number): boolean | null {
  return value === null ? null : value >= needed;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function roundReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? round(value) : value;
}

function positive(s: string, name: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number, not "${s}"`);
  return n;
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    const done = () => {
      cleanup();
      process.exit(130);
    };
    const children = [...running];
    if (!children.length) return done();
    // Each group is told to end, then resumed: a paused process acts on SIGTERM only once it runs again.
    void Promise.all(children.map((c) => new Promise((r) => c.once('close', r)))).then(done);
    for (const c of children) {
      try {
        process.kill(-c.pid!, 'SIGTERM');
        process.kill(-c.pid!, 'SIGCONT');
      } catch {
        // already gone: its 'close' comes all the same
      }
    }
  });
}

main()
  .then(
    (code) => (process.exitCode = code),
    (e) => {
      if (e instanceof UsageError) {
        process.stderr.write(`${e.message}\n\n${HELP}`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`${(e as Error).stack ?? e}\n`);
        process.exitCode = 1;
      }
    },
  )
  .finally(cleanup);
