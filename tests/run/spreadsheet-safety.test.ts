// The tables open safely in a spreadsheet: UTF-8 with a BOM (Excel reads Chinese right), no cell that
// Excel would run as a formula, no cell over Excel's 32,767 characters (cut with a marker, counted in
// run.json, the full text still in texts/), and newlines, commas and quotes inside cells quoted so that a
// strict CSV parser reads back exactly what was written.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract, type RunReport } from '../../src/run.ts';
import { TABLES, TABLE_NAMES, type TableName } from '../../src/tables/columns.ts';
import { EXCEL_CELL_LIMIT, TRUNCATED } from '../../src/tables/writer.ts';
import { FORMULA_TEXT, FORMULA_TITLE, MADE_UP_TEXT, csv } from './corpus.ts';

const LONG_TAIL = '坚决打赢疫情防控攻坚战，'.repeat(3500) + '确保安全。';
const LONG_TEXT = `1月17日，省委书记刘国中出席西安市疫情防控调度会。他强调，要${LONG_TAIL}`;
// The same, but the directive itself starts with "=": escaping adds a character the limit must leave room for.
const LONG_FORMULA_TEXT = `1月17日，省委书记刘国中出席西安市疫情防控调度会。他强调，=${LONG_TAIL}`;
const MULTILINE_TITLE = '西安市召开调度会\n第二行, 带"引号"';
const WIDE_FORMULA_TITLE = '＝1＋1西安市召开会议';

let dir: string;
let out: string;
let report: RunReport;
const tables = {} as Record<TableName, Record<string, string>[]>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cge-sheet-'));
  out = join(dir, 'out');
  writeFileSync(
    join(dir, 'in.csv'),
    csv([
      ['id', 'title', 'published_at', 'text'],
      ['formula', FORMULA_TITLE, '2022-01-19', FORMULA_TEXT],
      ['multiline', MULTILINE_TITLE, '2022-01-19', MADE_UP_TEXT],
      ['wide', WIDE_FORMULA_TITLE, '2022-01-19', MADE_UP_TEXT],
      ['long', '长句', '2022-01-19', LONG_TEXT],
      ['long-formula', '长句', '2022-01-19', LONG_FORMULA_TEXT],
    ]),
  );
  report = await runExtract({ inputs: [join(dir, 'in.csv')], out, jobs: 1, maxBytes: 20_000_000, timeBudgetMs: 60_000, quiet: true });
  for (const t of TABLE_NAMES) {
    // Strict: a stray quote or an unquoted newline would throw or shift the columns.
    tables[t] = parse(readFileSync(join(out, TABLES[t].file), 'utf8'), { columns: true, bom: true, relax_quotes: false, relax_column_count: false });
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rowOf = (id: string) => tables.articles.find((r) => r.article_id === id)!;
const eventsOf = (id: string) => tables.events.filter((r) => r.article_id === id);

describe('spreadsheet safety', () => {
  it('every table is UTF-8 with a BOM and one header row of its columns', () => {
    for (const t of TABLE_NAMES) {
      const bytes = readFileSync(join(out, TABLES[t].file));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8', 3).split(/\r?\n/)[0]).toBe(TABLES[t].columns.map((c) => c.name).join(','));
    }
    expect(report.succeeded).toBe(5);
  });

  it('cells that start with = + - @ (ASCII or full-width) are written with a leading apostrophe', () => {
    expect(rowOf('formula').title).toBe(`'${FORMULA_TITLE}`);
    expect(rowOf('wide').title).toBe(`'${WIDE_FORMULA_TITLE}`);
    const starts = eventsOf('formula').map((e) => e.directive.slice(0, 2));
    expect(starts).toEqual(["'=", "'+", "'-", "'@"]);
  });

  it('no cell of any table starts a formula', () => {
    for (const t of TABLE_NAMES) {
      for (const row of tables[t]) for (const [col, v] of Object.entries(row)) expect(/^[=+\-@\uff1d\uff0b\uff0d\uff20\t\r]/.test(v), `${t}.${col}: ${v.slice(0, 40)}`).toBe(false);
    }
  });

  it('newlines, commas and quotes inside a cell are quoted and read back unchanged', () => {
    expect(rowOf('multiline').title).toBe(MULTILINE_TITLE);
    // The parsed row count matches what the run says it wrote: no cell spilled into another row.
    for (const t of TABLE_NAMES) expect(tables[t].length, t).toBe(report.rows[t]);
  });

  it('a cell over 32,767 characters is cut to the limit with a marker, and counted in run.json', () => {
    const cut = TABLE_NAMES.flatMap((t) => tables[t].flatMap((row) => Object.values(row).filter((v) => v.endsWith(TRUNCATED))));
    expect(cut.length).toBeGreaterThanOrEqual(2); // the two long directives at least
    expect(report.truncatedCells).toBe(cut.length);
    for (const v of cut) expect(v.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT); // the apostrophe included
    const [long] = eventsOf('long');
    expect(long.directive.length).toBe(EXCEL_CELL_LIMIT);
    expect(LONG_TEXT).toContain(long.directive.slice(0, -TRUNCATED.length));
    const [longFormula] = eventsOf('long-formula');
    expect(longFormula.directive.startsWith("'=")).toBe(true);
    expect(longFormula.directive.length).toBe(EXCEL_CELL_LIMIT);
  });

  it('nothing is lost: the full directive is still in texts/ at the row\'s offsets', () => {
    const [long] = eventsOf('long');
    const text = readFileSync(join(out, 'texts', 'long.txt'), 'utf8');
    const full = text.slice(Number(long.start), Number(long.end));
    expect(full.length).toBeGreaterThan(EXCEL_CELL_LIMIT);
    expect(full.endsWith('确保安全。')).toBe(true);
  });
});
