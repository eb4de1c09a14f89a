// --max-bytes: an article larger than the limit fails with E_TOO_LARGE — a file, a .gz that inflates past
// it, a table row's text — while the smaller articles of the same run go through. (The 40 MB file of the
// bad-input corpus is in accounting.test.ts.)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract, type RunReport } from '../../src/run.ts';
import { DATA, ROOT, readJson, readTable } from '../helpers.ts';
import { MADE_UP_TEXT, csv } from './corpus.ts';

const MAX = 4000;
let dir: string;
let report: RunReport;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cge-limits-'));
  const d07 = join(DATA, 'd07.txt');
  expect(statSync(d07).size).toBeLessThan(MAX); // the small article that must go through
  copyFileSync(d07, join(dir, 'd07.txt'));
  copyFileSync(join(DATA, 'd06.html'), join(dir, 'd06.html')); // 30 kB on disk
  // 2 kB of gzip that inflates to 1 MB.
  writeFileSync(join(dir, 'bomb.txt.gz'), gzipSync(Buffer.alloc(1_000_000, MADE_UP_TEXT)));
  writeFileSync(join(dir, 'rows.csv'), csv([['id', 'text'], ['small', MADE_UP_TEXT], ['big', MADE_UP_TEXT.repeat(40)]]));
  writeFileSync(join(dir, 'rows.jsonl'), `${JSON.stringify({ id: 'big-json', text: MADE_UP_TEXT.repeat(40) })}\n`);
  report = await runExtract({ inputs: [dir], out: join(dir, 'out'), jobs: 1, maxBytes: MAX, timeBudgetMs: 60_000, quiet: true });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--max-bytes', () => {
  it('fails every article over the limit with E_TOO_LARGE, naming the limit', () => {
    expect(report.failures.map((f) => [f.article_id, f.code])).toEqual([
      ['bomb', 'E_TOO_LARGE'],
      ['d06', 'E_TOO_LARGE'],
      ['big', 'E_TOO_LARGE'],
      ['big-json', 'E_TOO_LARGE'],
    ]);
    for (const f of report.failures) expect(f.message).toContain(String(MAX));
  });

  it('the articles under the limit in the same run go through', () => {
    const ok = readTable(join(dir, 'out'), 'articles').filter((r) => r.status === 'ok').map((r) => r.article_id);
    expect(ok).toEqual(['d07', 'small']);
    expect(report.found).toBe(report.succeeded + report.failed + report.skipped);
  });

  it('on the command line: --max-bytes small gives E_TOO_LARGE and exit 1; a bad value exits 2', () => {
    const out = join(dir, 'out-cli');
    const r = spawnSync('npx', ['tsx', 'src/cli.ts', 'extract', join(dir, 'd06.html'), join(dir, 'd07.txt'), '--out', out, '--max-bytes', String(MAX), '--jobs', '1', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(r.status).toBe(1);
    const cli = readJson<RunReport>(join(out, 'run.json'));
    expect(cli.failedByCode).toEqual({ E_TOO_LARGE: 1 });
    expect(cli.succeeded).toBe(1);
    expect(readFileSync(join(out, 'articles.csv'), 'utf8')).toMatch(/d06,.*,failed,"?E_TOO_LARGE: /);

    const bad = spawnSync('npx', ['tsx', 'src/cli.ts', 'extract', join(dir, 'd07.txt'), '--out', out, '--max-bytes', 'lots'], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--max-bytes must be a positive whole number');
  });
});
