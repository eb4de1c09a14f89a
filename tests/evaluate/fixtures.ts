// Tiny made-up runs and gold folders for the eval tests: tables are written as real CSV files (with the
// project's columns and a BOM, as the writer does) so reading them back is tested too.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { TABLES } from '../../src/tables/columns.ts';
import type { ScoredTable } from '../../src/evaluate/tables.ts';

export type RowsByTable = Partial<Record<ScoredTable, Record<string, string>[]>>;

/** A fresh temporary folder. */
export function tempDir(prefix = 'cge-eval-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes every scored table (empty ones with just the header), columns as src/tables/columns.ts defines. */
export function writeRun(dir: string, rows: RowsByTable): string {
  mkdirSync(dir, { recursive: true });
  for (const table of ['articles', 'officials', 'places', 'meetings', 'events', 'participants'] as const) {
    const columns = TABLES[table].columns.map((c) => c.name);
    writeFileSync(join(dir, TABLES[table].file), stringify(rows[table] ?? [], { header: true, columns, bom: true }));
  }
  return dir;
}

/** Writes one `<article_id>.json` per gold object. */
export function writeGold(dir: string, golds: Record<string, unknown>[]): string {
  mkdirSync(dir, { recursive: true });
  for (const g of golds) writeFileSync(join(dir, `${g.article_id}.json`), JSON.stringify(g, null, 1));
  return dir;
}

/** A gold article with nothing in it, to be filled by each test. */
export function emptyGold(articleId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { article_id: articleId, language: 'zh', reporters: [], officials: [], places: [], meetings: [], directives: [], not_in_article: [], ...extra };
}

/** An articles.csv row. */
export function articleRow(articleId: string, extra: Record<string, string> = {}): Record<string, string> {
  return { article_id: articleId, status: 'ok', language: 'zh', ...extra };
}
