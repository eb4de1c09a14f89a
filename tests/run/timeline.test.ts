// run.json's timeline: how far the run had come and when (npm run bench reads the steady rate from it).
// Points about every hundredth of the input, in order, never more than 200 however long the stream.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExtract, Timeline } from '../../src/run.ts';
import { DATA } from '../helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'cge-timeline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Point = { bytes: number; seconds: number };

function expectInOrder(points: Point[]): void {
  for (let i = 1; i < points.length; i++) {
    expect(points[i].bytes).toBeGreaterThan(points[i - 1].bytes);
    expect(points[i].seconds).toBeGreaterThanOrEqual(points[i - 1].seconds);
  }
}

describe('Timeline', () => {
  it('takes a point per hundredth of the known input size', () => {
    const points: Point[] = [];
    const line = new Timeline(points, 200e6);
    for (let mb = 0.5; mb <= 200; mb += 0.5) line.add(mb * 1e6, mb / 4);
    expect(points.length).toBe(100);
    expect(points[0]).toEqual({ bytes: 0.5e6, seconds: 0.125 });
    expect(points[1].bytes).toBe(2.5e6); // the first point past 0.5 MB + 2 MB
    expectInOrder(points);
  });

  it('a point per megabyte when the size is unknown or small', () => {
    const points: Point[] = [];
    const line = new Timeline(points, 0);
    for (let kb = 100; kb <= 5000; kb += 100) line.add(kb * 1e3, kb / 1000);
    expect(points.map((p) => p.bytes)).toEqual([100e3, 1100e3, 2100e3, 3100e3, 4100e3]);
  });

  it('a stream longer than guessed keeps every other point, at most 200, spread over the whole run', () => {
    const points: Point[] = [];
    const line = new Timeline(points, 0);
    for (let mb = 1; mb <= 5000; mb++) line.add(mb * 1e6, mb);
    expect(points.length).toBeLessThan(200);
    expect(points.length).toBeGreaterThan(50);
    expect(points[0].bytes).toBeLessThan(100e6);
    expect(points.at(-1)!.bytes).toBeGreaterThan(4900e6);
    expectInOrder(points);
  });
});

describe('run.json timeline', () => {
  it('runs over data/ (--jobs 1 and 2) record points in order, up to the bytes processed', async () => {
    for (const jobs of [1, 2]) {
      const report = await runExtract({ inputs: [DATA], out: join(root, `out-${jobs}`), jobs, maxBytes: 20_000_000, timeBudgetMs: 60_000, quiet: true });
      expect(report.timeline.length).toBeGreaterThan(0);
      expect(report.timeline[0].bytes).toBeGreaterThan(0);
      expect(report.timeline.at(-1)!.bytes).toBeLessThanOrEqual(report.bytes);
      expect(report.timeline.at(-1)!.seconds).toBeLessThanOrEqual(report.seconds);
      expectInOrder(report.timeline);
    }
  }, 120_000);
});
