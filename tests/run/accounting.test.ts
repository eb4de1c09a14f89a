// A run over a corpus of bad inputs (made in a temp folder by corpus.ts) beside a few real articles: nothing
// crashes, every input is accounted for in run.json and articles.csv with its code, and the real articles
// come out byte for byte as in a run over them alone. Once in process (jobs 1), once through the CLI.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract, type RunReport } from '../../src/run.ts';
import { TABLES, TABLE_NAMES } from '../../src/tables/columns.ts';
import { textPath } from '../../src/tables/writer.ts';
import { ROOT, readJson, readTable } from '../helpers.ts';
import { LONG_ID, MADE_UP_TEXT, makeCorpus, tableRecords, type Corpus } from './corpus.ts';

let corpus: Corpus;
let outGood: string;
let outAll: string;
let outCli: string;
let report: RunReport;
let cli: SpawnSyncReturns<string>;

const options = { jobs: 1, maxBytes: 20_000_000, timeBudgetMs: 60_000, quiet: true };

beforeAll(async () => {
  corpus = makeCorpus({ huge: true });
  outGood = join(corpus.root, 'out-good');
  outAll = join(corpus.root, 'out-all');
  outCli = join(corpus.root, 'out-cli');
  await runExtract({ ...options, inputs: [corpus.good], out: outGood });
  report = await runExtract({ ...options, inputs: [corpus.good, corpus.bad, corpus.missing], out: outAll });
  // Worker threads on this path (--jobs 2): they must account and write the same.
  cli = spawnSync('npx', ['tsx', 'src/cli.ts', 'extract', corpus.good, corpus.bad, corpus.missing, '--out', outCli, '--jobs', '2'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 110_000,
  });
});

afterAll(() => corpus?.cleanup());

const tally = (codes: string[]) => codes.reduce<Record<string, number>>((m, c) => ((m[c] = (m[c] ?? 0) + 1), m), {});

describe('every input is accounted for', () => {
  it('run.json: found = succeeded + failed + skipped, with the count of each code', () => {
    const want = corpus.expected;
    expect(report.found).toBe(want.length);
    expect(report.succeeded + report.failed + report.skipped).toBe(report.found);
    expect(report.succeeded).toBe(want.filter((w) => w.outcome === 'ok').length);
    expect(report.failedByCode).toEqual(tally(want.filter((w) => w.outcome.startsWith('E_')).map((w) => w.outcome)));
    expect(report.skippedByCode).toEqual(tally(want.filter((w) => w.outcome.startsWith('S_')).map((w) => w.outcome)));
    expect(readJson(join(outAll, 'run.json'))).toEqual(report);
  });

  it('run.json: each failure and each skip names its input, code and reason', () => {
    const failures = corpus.expected.filter((w) => w.outcome.startsWith('E_')).map((w) => [w.input, w.outcome]);
    expect(report.failures.map((f) => [f.input, f.code])).toEqual(failures);
    for (const f of report.failures) expect(f.message.length).toBeGreaterThan(5);
    const skips = corpus.expected.filter((w) => w.outcome.startsWith('S_')).map((w) => [w.input, w.outcome]);
    expect(report.skippedInputs.map((s) => [s.input, s.code])).toEqual(skips);
    for (const s of report.skippedInputs) expect(s.reason.length).toBeGreaterThan(5);
  });

  it('articles.csv: a row per input that is not skipped, in input order, failures with "CODE: message"', () => {
    const rows = readTable(outAll, 'articles');
    const read = corpus.expected.filter((w) => !w.outcome.startsWith('S_'));
    expect(rows.map((r) => r.input)).toEqual(read.map((w) => w.input));
    rows.forEach((row, i) => {
      const w = read[i];
      if (w.id) expect(row.article_id).toBe(w.id);
      if (w.outcome === 'ok') expect([row.status, row.error]).toEqual(['ok', '']);
      else {
        expect(row.status).toBe('failed');
        expect(row.error).toMatch(new RegExp(`^${w.outcome}: \\S`));
      }
    });
  });

  it('inputs that can be read despite their flaws come out, with a warning where the page lied', () => {
    const ok = new Set(readTable(outAll, 'articles').filter((r) => r.status === 'ok').map((r) => r.article_id));
    for (const id of ['truncated', 'gbk-says-utf8', 'utf8-says-gb2312', 'formula-1', 'dup-1']) expect(ok.has(id)).toBe(true);
    expect(report.warnings.filter((w) => w.code === 'W_CHARSET_MISMATCH').map((w) => w.article_id)).toEqual(['gbk-says-utf8', 'utf8-says-gb2312']);
    // The relabelled copy of d06 reads exactly as d06 itself.
    expect(readFileSync(join(outAll, 'texts', 'gbk-says-utf8.txt'), 'utf8')).toBe(readFileSync(join(outAll, 'texts', 'd06.txt'), 'utf8'));
    // A failed article has no text file; a processed one has.
    expect(() => readFileSync(join(outAll, 'texts', textPath('junk')))).toThrow();
    expect(readFileSync(join(outAll, 'texts', textPath('truncated')), 'utf8').length).toBeGreaterThan(100);
  });
});

describe('ids and their text files', () => {
  it('an id that would land on another article\'s text file fails instead of overwriting it', () => {
    const failed = report.failures.filter((f) => f.article_id === 'a*b' || f.article_id === 'A?B');
    expect(failed.map((f) => f.code)).toEqual(['E_DUPLICATE_ID', 'E_DUPLICATE_ID']);
    for (const f of failed) expect(f.message).toContain('"a?b"');
    expect(readFileSync(join(outAll, 'texts', textPath('a?b')), 'utf8')).toContain(MADE_UP_TEXT);
  });

  it('an id too long for a file name still gets its text file', () => {
    expect(Buffer.byteLength(LONG_ID)).toBeGreaterThan(255);
    const row = readTable(outAll, 'articles').find((r) => r.article_id === LONG_ID)!;
    expect(row.status).toBe('ok');
    expect(readFileSync(join(outAll, 'texts', textPath(LONG_ID)), 'utf8').length).toBe(Number(row.chars));
  });
});

describe('the good articles are untouched by the bad ones', () => {
  it.each(TABLE_NAMES)('%s: the rows of the good articles are byte-identical to a run over them alone', (table) => {
    const file = TABLES[table].file;
    const all = tableRecords(join(outAll, file));
    // articles.csv also holds the failed rows that reuse a good id (E_DUPLICATE_ID): pick by input there.
    const key = table === 'articles' ? 'input' : 'article_id';
    const at = TABLES[table].columns.findIndex((c) => c.name === key);
    const goodIds = new Set(corpus.goodIds);
    const isGood = (cell: string) => (key === 'input' ? cell.startsWith(corpus.good + '/') : goodIds.has(cell));
    const kept = all.records.filter((r) => isGood(r.cells[at])).map((r) => r.raw);
    const alone = readFileSync(join(outGood, file), 'utf8');
    expect('\ufeff' + all.head + kept.join('')).toBe(alone);
    expect(kept.length).toBeGreaterThan(0); // not vacuous: the real articles fill every table
    if (table === 'articles') expect(kept.length).toBe(corpus.goodIds.length);
  });

  it('texts/: the good articles\' texts are identical', () => {
    for (const id of corpus.goodIds) {
      expect(readFileSync(join(outAll, 'texts', textPath(id)), 'utf8')).toBe(readFileSync(join(outGood, 'texts', textPath(id)), 'utf8'));
    }
  });
});

describe('the command line over the same corpus', () => {
  it('exits 1 (some failed) without a crash, and says so on stderr', () => {
    expect(cli.signal).toBeNull();
    expect(cli.status).toBe(1);
    expect(cli.stderr).not.toMatch(/\n\s+at |Abort|SIGABRT/);
    const r = report;
    expect(cli.stderr).toContain(`${r.found} inputs: ${r.succeeded} articles processed, ${r.failed} failed`);
    expect(cli.stderr).toContain(`${r.skipped} skipped`);
  });

  it('accounts for every input as the in-process run did, and writes the same tables with worker threads', () => {
    const c = readJson<RunReport>(join(outCli, 'run.json'));
    expect([c.found, c.succeeded, c.failed, c.skipped]).toEqual([report.found, report.succeeded, report.failed, report.skipped]);
    expect(c.failures.map((f) => [f.input, f.code, f.message])).toEqual(report.failures.map((f) => [f.input, f.code, f.message]));
    expect(c.skippedInputs).toEqual(report.skippedInputs);
    expect(c.jobs).toBe(2);
    for (const t of TABLE_NAMES) {
      const file = TABLES[t].file;
      expect(readFileSync(join(outCli, file), 'utf8'), file).toBe(readFileSync(join(outAll, file), 'utf8'));
    }
  });
});
