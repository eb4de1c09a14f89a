// --jobs 1 (main thread) and --jobs 2 (worker threads) over data/ must write the same bytes: the articles
// are the same, only where they are processed differs, and results are written in input order.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract, type Progress, type RunReport } from '../../src/run.ts';
import { DATA } from '../helpers.ts';

interface Run {
  out: string;
  report: RunReport;
  progress: Progress[];
}

const root = mkdtempSync(join(tmpdir(), 'cge-jobs-'));

async function run(jobs: number): Promise<Run> {
  const out = join(root, `jobs${jobs}`);
  const progress: Progress[] = [];
  const report = await runExtract({ inputs: [DATA], out, jobs, maxBytes: 20_000_000, timeBudgetMs: 60_000, quiet: true, onProgress: (p) => progress.push(p) });
  return { out, report, progress };
}

/** Every file below `dir` except run.json (it holds times), as sorted relative paths. */
function tableFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.filter((f) => f !== 'run.json').sort();
}

describe('--jobs 1 and --jobs 2 over data/', () => {
  let one: Run;
  let two: Run;
  beforeAll(async () => {
    // One after the other: both at once would race for the two cores and prove nothing more.
    one = await run(1);
    two = await run(2);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('processes the articles in both runs', () => {
    expect(one.report.jobs).toBe(1);
    expect(two.report.jobs).toBe(2);
    expect(one.report.succeeded).toBeGreaterThan(10);
    expect(one.report.failed).toBe(0);
    expect(two.report.failed).toBe(0);
  });

  it('writes the same files, byte for byte', () => {
    const files = tableFiles(one.out);
    expect(files).toEqual(tableFiles(two.out));
    expect(files.filter((f) => f.endsWith('.csv')).length).toBeGreaterThanOrEqual(7);
    expect(files.filter((f) => f.startsWith('texts')).length).toBe(one.report.succeeded);
    for (const f of files) {
      const a = readFileSync(join(one.out, f));
      const b = readFileSync(join(two.out, f));
      expect(a.length, f).toBeGreaterThan(0);
      expect(b.equals(a), `${f} differs between --jobs 1 and --jobs 2`).toBe(true);
    }
  });

  it('reports the same counts in run.json', () => {
    for (const [a, b] of [
      [one.report, two.report],
      [readRunJson(one.out), readRunJson(two.out)],
    ]) {
      expect(b.rows).toEqual(a.rows);
      expect(b.found).toBe(a.found);
      expect(b.succeeded).toBe(a.succeeded);
      expect(b.skipped).toBe(a.skipped);
      expect(b.bytes).toBe(a.bytes);
      expect(b.warningsByCode).toEqual(a.warningsByCode);
      expect(b.truncatedCells).toBe(a.truncatedCells);
    }
    expect(one.report.rows.events).toBeGreaterThan(0);
    expect(one.report.rows.officials).toBeGreaterThan(0);
  });

  it('reports progress once per article, up to the total', () => {
    for (const r of [one, two]) {
      const total = r.report.succeeded + r.report.failed;
      expect(r.progress.map((p) => p.done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      for (let i = 1; i < r.progress.length; i++) expect(r.progress[i].bytes).toBeGreaterThanOrEqual(r.progress[i - 1].bytes);
      const last = r.progress[r.progress.length - 1];
      expect(last.bytes).toBe(r.report.bytes);
      expect(last.failed).toBe(r.report.failed);
    }
  });
});

function readRunJson(out: string): RunReport {
  return JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunReport;
}
