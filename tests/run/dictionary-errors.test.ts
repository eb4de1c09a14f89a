// A dictionary folder with several hand-editing mistakes: the run refuses to start, lists every problem at
// once as `file:line: CODE message`, and writes nothing — in process (DictionaryErrors) and on the command
// line (exit code 2, the same lines on stderr, no native abort from nodejieba).
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DictionaryErrors, formatProblem } from '../../src/dictionaries/index.ts';
import { runExtract } from '../../src/run.ts';
import { DATA, ROOT } from '../helpers.ts';
import { encoderFor } from '../read/legacy-encoding.ts';

let root: string;
let dicts: string;
/** `file:line: CODE` of every mistake made below. */
const expected: string[] = [];

/** Append rows to a dictionary file; returns the line number of each. */
function append(file: string, rows: string[]): number[] {
  const path = join(dicts, file);
  const first = readFileSync(path, 'utf8').split('\n').length; // the file ends with a newline
  appendFileSync(path, rows.map((r) => `${r}\n`).join(''));
  return rows.map((_, i) => first + i);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cge-dicts-'));
  dicts = join(root, 'dictionaries');
  cpSync(join(ROOT, 'dictionaries'), dicts, { recursive: true });

  // verbs.csv: a misspelt column name in the header.
  const verbs = join(dicts, 'verbs.csv');
  writeFileSync(verbs, readFileSync(verbs, 'utf8').replace(/^verb,role,en,note\n/, 'verb,role,en,notes\n'));
  expected.push('verbs.csv:1: DICT_UNKNOWN_COLUMN');

  // officials.csv: a bad date, an end before its start, a row twice, an empty name, a row with cells missing.
  const existing = readFileSync(join(dicts, 'officials.csv'), 'utf8').split('\n')[1];
  const [badDate, endFirst, twice, noName, ragged] = append('officials.csv', [
    '张三,省长,陕西省,2020-13-45,,,,',
    '李四,省长,陕西省,2021-05-01,2020-01-01,,,',
    existing,
    ',市长,西安市,2020-01-01,,,,',
    '王五,省长',
  ]);
  expected.push(
    `officials.csv:${badDate}: DICT_BAD_DATE`,
    `officials.csv:${endFirst}: DICT_END_BEFORE_START`,
    `officials.csv:${twice}: DICT_DUPLICATE_ROW`,
    `officials.csv:${noName}: DICT_EMPTY_VALUE`,
    `officials.csv:${ragged}: DICT_COLUMN_COUNT`,
  );

  // titles.csv: a kind that does not exist.
  const [badKind] = append('titles.csv', ['巡视员长,province,wizard,,']);
  expected.push(`titles.csv:${badKind}: DICT_BAD_VALUE`);

  // place-aliases.csv: an alias of a place code that places.csv does not have.
  const [unknownPlace] = append('place-aliases.csv', ['古城,西安市,999999,alias,']);
  expected.push(`place-aliases.csv:${unknownPlace}: DICT_UNKNOWN_PLACE`);

  // meeting-words.csv: saved as GBK, as Excel does on Chinese Windows; the first Chinese is on line 2.
  const words = join(dicts, 'meeting-words.csv');
  writeFileSync(words, encoderFor('gbk')(readFileSync(words, 'utf8')));
  expected.push('meeting-words.csv:2: DICT_ENCODING');

  // surnames.csv: gone.
  unlinkSync(join(dicts, 'surnames.csv'));
  expected.push('surnames.csv:0: DICT_MISSING_FILE');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const codeOf = (line: string) => line.split(' ').slice(0, 2).join(' ');

describe('a broken dictionary folder', () => {
  // --jobs 2: the worker threads load the dictionaries (the main thread does not) and send the problems back.
  it.each([1, 2])('runExtract --jobs %i rejects with DictionaryErrors listing every problem as file:line: CODE, and writes nothing', async (jobs) => {
    const out = join(root, `out-new-${jobs}`);
    let error: unknown;
    try {
      await runExtract({ inputs: [join(DATA, 'd07.txt')], out, dictionaries: dicts, jobs, maxBytes: 20_000_000, timeBudgetMs: 60_000, quiet: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DictionaryErrors);
    const lines = (error as DictionaryErrors).problems.map(formatProblem);
    expect(lines.map(codeOf).sort()).toEqual([...expected].sort());
    for (const l of lines) expect(l).toMatch(/^[\w.-]+\.csv:\d+: DICT_[A-Z_]+ \S/); // a message follows the code
    expect((error as Error).message.split('\n')).toEqual(lines);
    expect(existsSync(out)).toBe(false);
  });

  it('a previous run\'s output is left as it was', async () => {
    const out = join(root, 'out-old');
    mkdirSync(out);
    writeFileSync(join(out, 'articles.csv'), 'from the previous run\n');
    await expect(
      runExtract({ inputs: [join(DATA, 'd07.txt')], out, dictionaries: dicts, jobs: 1, maxBytes: 20_000_000, timeBudgetMs: 60_000, quiet: true }),
    ).rejects.toBeInstanceOf(DictionaryErrors);
    expect(readFileSync(join(out, 'articles.csv'), 'utf8')).toBe('from the previous run\n');
  });

  it('the CLI exits 2 with the same lines on stderr, no abort and no output', () => {
    const out = join(root, 'out-cli');
    const r = spawnSync('npx', ['tsx', 'src/cli.ts', 'extract', join(DATA, 'd07.txt'), '--out', out, '--dictionaries', dicts, '--jobs', '2'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    const problems = r.stderr.split('\n').filter((l) => / DICT_[A-Z_]+ /.test(l));
    expect(problems.map(codeOf).sort()).toEqual([...expected].sort());
    expect(r.stderr).not.toMatch(/Abort|SIGABRT|core dumped|    at /); // no native abort, no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('a missing dictionary folder is one problem, exit 2', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli.ts', 'extract', join(DATA, 'd07.txt'), '--out', join(root, 'out-none'), '--dictionaries', join(root, 'nowhere')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(root, 'nowhere')}:0: DICT_MISSING_DIR`);
  });
});
