// Runs measured side by side in turns, and their rates over the time they all shared.
//
// This VM's speed drifts by a fifth and more from one minute to the next, and both cores drift together: a
// ratio of two runs made one after the other measured the drift as much as the code (--jobs 2 / --jobs 1
// over three rounds: 1.87, 1.43, 1.03). So the runs of a round start together and take turns of a couple of
// seconds each (the others stopped with SIGSTOP): each still has the whole machine while it runs, and all of
// them see the same minutes. Each run's rate is then taken over the same stretch of wall-clock time, counting
// only the time it ran.
//
// Turns are not neutral either: on this VM, jieba in two threads came out up to 2.29 × one thread in turns
// (1.68–1.93 × back to back), and how far above the back-to-back figure varies from bench to bench, so the
// bench runs raw jieba in 1 and N threads in the same rounds and gives the pipeline's scaling over theirs
// beside it (the measured figures: README, Speed).

/** A run that can be stopped and resumed (a child process group: SIGSTOP / SIGCONT). */
export interface Pausable {
  pause(): void;
  resume(): void;
  /** Settles when the run has ended. */
  done: Promise<unknown>;
}

/** The wall-clock intervals (epoch ms, [from, to)) during which a run ran. */
export type Turns = [number, number][];

/**
 * Run `runs` in turns of `sliceMs` until all have ended; returns each one's turns. Every run is paused at
 * once (they were started just before), then resumed one at a time in order; a run that ends gives its turn up.
 */
export async function takeTurns(runs: Pausable[], sliceMs: number, now: () => number = Date.now): Promise<Turns[]> {
  const ended = runs.map(() => false);
  runs.forEach((r, i) => void r.done.then(() => (ended[i] = true), () => (ended[i] = true)));
  for (const r of runs) r.pause();
  const turns: Turns[] = runs.map(() => []);
  for (let i = 0; !ended.every(Boolean); i = (i + 1) % runs.length) {
    if (ended[i]) continue;
    const from = now();
    runs[i].resume();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((r) => (timer = setTimeout(r, sliceMs))), runs[i].done.catch(() => undefined)]);
    clearTimeout(timer);
    if (!ended[i]) runs[i].pause();
    turns[i].push([from, now()]);
  }
  return turns;
}

/** The seconds of all its turns: how long a run ran, from start to exit. */
export function turnsSeconds(turns: Turns): number {
  return turns.reduce((n, [from, to]) => n + (to - from) / 1000, 0);
}

/** What a run reported of its own progress: bytes done at seconds since `startedMs`. */
export interface Progressed {
  startedMs: number;
  /** All the bytes the run processes (its timeline's last point, or more). */
  bytes: number;
  timeline: { bytes: number; seconds: number }[];
  turns: Turns;
}

/** Seconds `run` had run by wall-clock time `atMs` (from its start). */
export function ranFor(run: Progressed, atMs: number): number {
  let ms = 0;
  for (const [from, to] of run.turns) ms += Math.max(0, Math.min(to, atMs) - Math.max(from, run.startedMs));
  return ms / 1000;
}

/** Bytes `run` had done by wall-clock time `atMs`: its timeline, interpolated over the time it ran. */
export function bytesBy(run: Progressed, atMs: number): number {
  const ran = ranFor(run, atMs);
  let before = { ran: 0, bytes: 0 };
  for (const p of run.timeline) {
    const at = { ran: ranFor(run, run.startedMs + p.seconds * 1000), bytes: p.bytes };
    if (at.ran >= ran) return at.ran === before.ran ? at.bytes : before.bytes + ((at.bytes - before.bytes) * (ran - before.ran)) / (at.ran - before.ran);
    before = at;
  }
  return before.bytes;
}

/** Wall-clock time (epoch ms) of the first timeline point at or past `share` of the run's bytes. */
function reached(run: Progressed, share: number): number | undefined {
  const p = run.timeline.find((x) => x.bytes >= share * run.bytes);
  return p && run.startedMs + p.seconds * 1000;
}

export interface SharedWindow {
  /** Epoch ms. */
  fromMs: number;
  toMs: number;
  /** Per run, in order: MB/s over the seconds it ran inside the window. */
  mbPerSecond: number[];
  /** Per run: the seconds it ran inside the window. */
  ranSeconds: number[];
}

/**
 * The runs' rates over the stretch of wall-clock time when every one of them was past its warm-up (`from` of
 * its bytes: start-up and the compiler's warm-up behind it) and none was yet near its end (`to` of its bytes:
 * the last articles leave workers idle while others finish). Null when there is no such stretch.
 */
export function sharedWindow(runs: Progressed[], from: number, to: number): SharedWindow | null {
  const starts = runs.map((r) => reached(r, from));
  const ends = runs.map((r) => reached(r, to));
  if (starts.some((x) => x === undefined) || ends.some((x) => x === undefined)) return null;
  const fromMs = Math.max(...(starts as number[]));
  const toMs = Math.min(...(ends as number[]));
  if (toMs <= fromMs) return null;
  const ranSeconds = runs.map((r) => ranFor(r, toMs) - ranFor(r, fromMs));
  if (ranSeconds.some((s) => s <= 0)) return null;
  const mbPerSecond = runs.map((r, i) => (bytesBy(r, toMs) - bytesBy(r, fromMs)) / 1e6 / ranSeconds[i]);
  return { fromMs, toMs, mbPerSecond, ranSeconds };
}
