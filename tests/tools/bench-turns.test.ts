// npm run bench runs a round's measurements in turns (src/tools/bench-turns.ts) so that a machine whose speed
// drifts slows them all alike. These tests simulate runs on such a machine: the ratio of two runs taken over
// their shared window comes out right where the ratio of two runs made one after the other does not.
import { describe, expect, it } from 'vitest';
import { bytesBy, ranFor, sharedWindow, takeTurns, turnsSeconds, type Pausable, type Progressed } from '../../src/tools/bench-turns.ts';

const T0 = 1_700_000_000_000; // epoch ms where the simulations start
const STEP_MS = 10;

interface SimulatedRun {
  /** Bytes per second while it runs, on a machine at full speed: by how far it has come (warm-up). */
  rate: (done: number) => number;
  bytes: number;
  /** Wall-clock ms (from T0) at which it starts. */
  startAtMs?: number;
}

/**
 * Runs `runs` on a machine of speed `speed(wallMs)` (1 = full). `turnMs`: in turns of that length, in order;
 * undefined: each alone, one after the other. Each run records a timeline point every 0.1 MB, in seconds of
 * wall-clock time since its start, as run.json does.
 */
function simulate(runs: SimulatedRun[], speed: (wallMs: number) => number, turnMs?: number): Progressed[] {
  const out: Progressed[] = runs.map((r) => ({ startedMs: T0 + (r.startAtMs ?? 0), bytes: r.bytes, timeline: [], turns: [] }));
  const done = runs.map(() => 0);
  let now = 0;
  let current = 0;
  let turnStart = 0;
  while (done.some((d, i) => d < runs[i].bytes)) {
    // Whose turn: the next unfinished run, in order.
    if (turnMs === undefined ? done[current] >= runs[current].bytes : now - turnStart >= turnMs || done[current] >= runs[current].bytes) {
      if (now > turnStart) out[current].turns.push([T0 + turnStart, T0 + now]);
      do current = (current + 1) % runs.length;
      while (done[current] >= runs[current].bytes);
      turnStart = now;
    }
    const run = runs[current];
    const before = done[current];
    done[current] = Math.min(run.bytes, before + (run.rate(before / run.bytes) * speed(now) * STEP_MS) / 1000);
    now += STEP_MS;
    if (Math.floor(done[current] / 1e5) > Math.floor(before / 1e5) || done[current] >= run.bytes)
      out[current].timeline.push({ bytes: done[current], seconds: (T0 + now - out[current].startedMs) / 1000 });
  }
  out[current].turns.push([T0 + turnStart, T0 + now]);
  return out;
}

/** A machine that slows down to half its speed over a minute. */
const drifting = (wallMs: number) => 1 - Math.min(wallMs / 120_000, 0.5);
const steady = () => 1;

describe('ranFor: the seconds a run ran by a moment, its turns only', () => {
  const run: Progressed = { startedMs: T0, bytes: 0, timeline: [], turns: [[T0, T0 + 1000], [T0 + 3000, T0 + 4000]] };
  it.each([
    [500, 0.5],
    [1000, 1],
    [2000, 1], // paused
    [3500, 1.5],
    [9000, 2],
  ])('at %i ms: %f s', (ms, seconds) => expect(ranFor(run, T0 + ms)).toBeCloseTo(seconds, 6));

  it('turnsSeconds: all of its turns, 2 s', () => expect(turnsSeconds(run.turns)).toBe(2));
});

describe('bytesBy: bytes done by a moment, interpolated over the time it ran', () => {
  it('a run at 1 MB per second it runs, in turns, has done 1 MB per second of its turns at any moment', () => {
    const [a] = simulate([{ rate: () => 1e6, bytes: 5e6 }, { rate: () => 1e6, bytes: 5e6 }], steady, 700);
    for (const ms of [350, 1200, 2900, 4100, 6300]) expect(bytesBy(a, T0 + ms)).toBeCloseTo(ranFor(a, T0 + ms) * 1e6, -4);
  });

  it('stands still while the run is paused', () => {
    const [a] = simulate([{ rate: () => 1e6, bytes: 5e6 }, { rate: () => 1e6, bytes: 5e6 }], steady, 1000);
    expect(bytesBy(a, T0 + 1100)).toBeCloseTo(bytesBy(a, T0 + 1900), 6);
  });
});

describe('sharedWindow', () => {
  const jobs1 = { rate: () => 2e6, bytes: 60e6 };
  const jobs2 = { rate: () => 4e6, bytes: 60e6 };

  it('match: runs in turns on a drifting machine keep their true ratio', () => {
    const w = sharedWindow(simulate([jobs1, jobs2], drifting, 2000), 0.3, 0.95)!;
    expect(w).not.toBeNull();
    expect(w.mbPerSecond[1] / w.mbPerSecond[0]).toBeCloseTo(2, 1);
  });

  it('miss: the same runs one after the other on the same machine do not (what the bench did before)', () => {
    const [a, b] = simulate([jobs1, jobs2], drifting);
    // Each alone over the second half of its own input, as a run made alone is measured.
    const alone = (r: Progressed) => sharedWindow([r], 0.5, 0.95)!.mbPerSecond[0];
    expect(alone(b) / alone(a)).toBeLessThan(1.7);
  });

  it("leaves out each run's warm-up: a run four times slower over its first fifth is measured at its steady rate", () => {
    const warming = { rate: (done: number) => (done < 0.2 ? 0.5e6 : 2e6), bytes: 40e6 };
    const w = sharedWindow(simulate([warming, { ...jobs2, bytes: 200e6 }], steady, 2000), 0.3, 0.95)!;
    expect(w.mbPerSecond[0]).toBeCloseTo(2, 1);
    expect(w.mbPerSecond[1]).toBeCloseTo(4, 1);
  });

  it('counts only the time each run ran in the window, however the turns fall', () => {
    const w = sharedWindow(simulate([jobs1, jobs2, { rate: () => 7e6, bytes: 200e6 }], steady, 1300), 0.3, 0.95)!;
    expect(w.mbPerSecond.map((x) => Number(x.toFixed(1)))).toEqual([2, 4, 7]);
    expect(w.ranSeconds[0] + w.ranSeconds[1] + w.ranSeconds[2]).toBeCloseTo((w.toMs - w.fromMs) / 1000, 0);
  });

  it('is null when one run ends before another is past its warm-up', () => {
    const short = { rate: () => 4e6, bytes: 4e6 };
    const late = { rate: () => 1e6, bytes: 60e6 };
    expect(sharedWindow(simulate([short, late], steady, 2000), 0.3, 0.95)).toBeNull();
  });

  it('is null when a run has no timeline to speak of', () => {
    const empty: Progressed = { startedMs: T0, bytes: 1e6, timeline: [], turns: [[T0, T0 + 1000]] };
    const [a] = simulate([jobs1], steady);
    expect(sharedWindow([a, empty], 0.3, 0.95)).toBeNull();
  });
});

describe('takeTurns', () => {
  /** A run that ends (or fails) on its `turnsToEnd`-th turn, logging what is done to it. */
  function fake(name: string, turnsToEnd: number, log: string[], fails = false): Pausable {
    let end!: () => void;
    let fail!: (e: Error) => void;
    const done = new Promise<void>((res, rej) => ((end = res), (fail = rej)));
    let resumed = 0;
    return {
      pause: () => log.push(`pause ${name}`),
      resume: () => {
        log.push(`resume ${name}`);
        if (++resumed === turnsToEnd) (fails ? fail(new Error('exit 2')) : end());
      },
      done,
    };
  }

  it('pauses every run first, then resumes them one at a time, in order, until each has ended', async () => {
    const log: string[] = [];
    const turns = await takeTurns([fake('a', 2, log), fake('b', 1, log), fake('c', 3, log)], 5);
    expect(log).toEqual([
      'pause a',
      'pause b',
      'pause c',
      'resume a',
      'pause a',
      'resume b', // ends on this turn: not paused again
      'resume c',
      'pause c',
      'resume a', // ends
      'resume c',
      'pause c',
      'resume c', // ends
    ]);
    expect(turns.map((t) => t.length)).toEqual([2, 1, 3]);
    for (const t of turns.flat()) expect(t[1]).toBeGreaterThanOrEqual(t[0]);
  });

  it('a run that fails ends its turns like one that ends', async () => {
    const log: string[] = [];
    const turns = await takeTurns([fake('x', 2, log, true), fake('a', 3, log)], 5);
    expect(turns.map((t) => t.length)).toEqual([2, 3]);
    expect(log).toEqual(['pause x', 'pause a', 'resume x', 'pause x', 'resume a', 'pause a', 'resume x', 'resume a', 'pause a', 'resume a']);
  });
});
