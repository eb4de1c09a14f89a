// Outputs whole or not at all: tables are written to temporary files and renamed into place when the run
// ends. No temporary file survives a run — finished, failed part-way, or interrupted with Ctrl-C — a run
// that does not finish leaves the previous output as it was, and two runs over one input write the same bytes.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract, type RunReport } from '../../src/run.ts';
import { TABLES, TABLE_NAMES } from '../../src/tables/columns.ts';
import { ROOT, readJson } from '../helpers.ts';
import { makeCorpus, type Corpus } from './corpus.ts';

let corpus: Corpus;
let out: string;
let inputs: string[];
let first: Map<string, string>;
const options = { jobs: 1, maxBytes: 20_000_000, timeBudgetMs: 60_000, quiet: true };

/** Every file below `dir`, by relative path. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    files.set(full.slice(dir.length + 1), readFileSync(full, 'latin1'));
  }
  return files;
}
const leftovers = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((p) => /\.tmp-/.test(p));
/** run.json without what differs between two runs by nature (clock, speed). */
function stable(report: RunReport) {
  const { started, seconds, megabytesPerSecond, stageMilliseconds, timeline, ...rest } = report;
  return rest;
}

beforeAll(async () => {
  corpus = makeCorpus({ huge: false });
  out = join(corpus.root, 'out');
  inputs = [corpus.good, corpus.bad];
  await runExtract({ ...options, inputs, out });
  first = snapshot(out);
});

afterAll(() => corpus?.cleanup());

describe('a finished run', () => {
  it('leaves every table, the texts and run.json in place, and no temporary file', () => {
    for (const t of TABLE_NAMES) expect(first.has(TABLES[t].file)).toBe(true);
    expect(first.has('run.json')).toBe(true);
    expect(first.has('texts/d07.txt')).toBe(true);
    expect(leftovers(out)).toEqual([]);
  });

  it('run again over the same input, writes byte-identical tables and texts', async () => {
    const before = readJson<RunReport>(join(out, 'run.json'));
    const again = await runExtract({ ...options, inputs, out });
    const second = snapshot(out);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [path, bytes] of first) if (path !== 'run.json') expect(second.get(path), path).toBe(bytes);
    expect(stable(again)).toEqual(stable(before));
    expect(leftovers(out)).toEqual([]);
  });
});

describe('an output folder inside the input folder', () => {
  it('is skipped (S_OUTPUT) on the next run, which writes the same tables', async () => {
    const nested = join(corpus.root, 'nested');
    cpSync(corpus.good, nested, { recursive: true });
    const inner = join(nested, 'tables');
    const once = await runExtract({ ...options, inputs: [nested], out: inner });
    const tables = snapshot(inner);
    const twice = await runExtract({ ...options, inputs: [nested], out: inner });
    // The folder exists from the first run's start: both runs skip it, and read only the five articles.
    for (const r of [once, twice]) {
      expect(r.skippedInputs).toEqual([{ input: inner, code: 'S_OUTPUT', reason: expect.any(String) }]);
      expect([r.found, r.succeeded, r.failed]).toEqual([corpus.goodIds.length + 1, corpus.goodIds.length, 0]);
    }
    const again = snapshot(inner);
    for (const [path, bytes] of tables) if (path !== 'run.json') expect(again.get(path), path).toBe(bytes);
  });
});

describe('a run that does not finish', () => {
  it('failing part-way, it removes its temporary files and leaves the previous output as it was', async () => {
    const before = snapshot(out);
    let seen = 0;
    const run = runExtract({
      ...options,
      inputs,
      out,
      onProgress: () => {
        if (++seen === 3) throw new Error('stopped after three articles');
      },
    });
    await expect(run).rejects.toThrow('stopped after three articles');
    expect(seen).toBe(3);
    expect(leftovers(out)).toEqual([]);
    expect(snapshot(out)).toEqual(before);
  });

  it('interrupted with Ctrl-C, the CLI removes its temporary files, exits 130 and leaves the previous output as it was', async () => {
    const before = snapshot(out);
    // A named pipe no one writes to: the run opens its tables, reads d07, then waits on the pipe forever.
    const waiting = join(corpus.root, 'waiting');
    mkdirSync(waiting);
    expect(spawnSync('mkfifo', [join(waiting, 'never.jsonl')]).status).toBe(0);
    // node --import tsx rather than npx: the signal must reach the CLI's own process.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'extract', corpus.good, waiting, '--out', out, '--jobs', '1'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // Wait (no time is asserted) until the run has temporary tables open and the text of every article of
      // good/ written — it is then blocked on the pipe (an exit used to wait for that thread forever) —
      // and interrupt it.
      const textsWritten = () => leftovers(out).filter((p) => /^texts\.tmp-[^/]*\/.+\.txt$/.test(p)).length;
      while (!leftovers(out).some((p) => p.startsWith('articles.csv.tmp-')) || textsWritten() < corpus.goodIds.length) {
        expect(child.exitCode).toBeNull();
        await new Promise((r) => setTimeout(r, 100));
      }
      // A moment for the run to open the pipe and wait on it.
      await new Promise((r) => setTimeout(r, 1000));
      child.kill('SIGINT');
      expect(await exited).toBe(130);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    expect(stderr).toContain('interrupted (SIGINT)');
    expect(leftovers(out)).toEqual([]);
    expect(snapshot(out)).toEqual(before);
    expect(existsSync(join(out, 'texts', 'd07.txt'))).toBe(true);
  });
});

describe('an output folder that cannot be made', () => {
  it('ends the run with one line naming it and exit code 2, not a stack trace', () => {
    // A folder below a regular file: mkdir fails (ENOTDIR), and so does every clean-up step after it.
    const blocked = join(corpus.root, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'extract', corpus.good, '--out', join(blocked, 'out'), '--jobs', '1', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^cannot write .*a-file\/out: ENOTDIR/);
  });
});
