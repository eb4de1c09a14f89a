// Shared by the tests: the project's dictionaries and nodejieba loaded once per test file, an article run
// through the pipeline from a string, and the tables of a run read back as rows.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { createDoc, type Doc } from '../src/doc.ts';
import { openDictionaries, type Dictionaries } from '../src/dictionaries/index.ts';
import { runPipeline, type Context } from '../src/pipeline.ts';
import { docRows } from '../src/tables/rows.ts';
import type { TableName, TableRows } from '../src/tables/columns.ts';
import { loadSegmenter } from '../src/text/segment.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA = join(ROOT, 'data');
export const GOLD = join(DATA, 'gold');

let opened: Dictionaries | undefined;
/** The project's dictionaries, compiled once per test file, with nodejieba loaded from them. */
export function dictionaries(): Dictionaries {
  if (!opened) {
    opened = openDictionaries();
    loadSegmenter(opened.userDictPath);
  }
  return opened;
}

export function context(): Context {
  return { lex: dictionaries().lexicon, timeBudgetMs: 60_000 };
}

export interface ArticleOptions {
  id?: string;
  title?: string;
  /** ISO date or time of publication (a table column, as a CSV input would give it). */
  published_at?: string;
  source?: string;
}

/** Run one made-up (or copied) article through the whole pipeline, as a row of a CSV input would be. */
export function analyze(text: string, opts: ArticleOptions = {}): Doc {
  const columns: Doc['columns'] = { text };
  if (opts.title) columns.title = opts.title;
  if (opts.published_at) columns.published_at = opts.published_at;
  if (opts.source) columns.source = opts.source;
  const doc = createDoc({ id: opts.id ?? 'test', input: 'test.csv:2', format: 'csv', columns });
  return runPipeline(doc, context());
}

/** The rows the run would write for this article. */
export function rowsOf(doc: Doc): TableRows {
  return docRows(doc);
}

/**
 * A table written by a run, as objects keyed by header (BOM removed). The writer escapes cells that a
 * spreadsheet would run as formulas with a leading ' (csv-stringify escape_formulas); `raw` keeps it.
 */
export function readTable(outDir: string, table: TableName, raw = false): Record<string, string>[] {
  const rows: Record<string, string>[] = parse(readFileSync(join(outDir, `${table}.csv`), 'utf8'), { columns: true, bom: true });
  if (raw) return rows;
  for (const r of rows) for (const k in r) if (FORMULA_ESCAPED.test(r[k])) r[k] = r[k].slice(1);
  return rows;
}
const FORMULA_ESCAPED = /^'[=+\-@\t\r]/;

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** A gold annotation file (format: data/gold/README.md). */
export interface Gold {
  article_id: string;
  language: 'zh' | 'en';
  title: string | null;
  published_at: string | null;
  source: string | null;
  editor: string | null;
  reporters: string[];
  officials: { name: string; titles: { title: string; jurisdiction: string }[] }[];
  places: string[];
  meetings: {
    kind: string;
    name: string;
    date: string | null;
    end_date: string | null;
    time_of_day: string | null;
    venue: string | null;
    chair: string[];
    speakers: string[];
    attendees: string[];
  }[];
  directives: { speaker: string; verb: string; text: string }[];
  not_in_article: string[];
}

/** Every gold file of data/gold, by article id. */
export function goldFiles(): Gold[] {
  return readdirSync(GOLD)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readJson<Gold>(join(GOLD, f)));
}

/** Rows of a table for one article. */
export function rowsFor(outDir: string, table: TableName, articleId: string): Record<string, string>[] {
  return readTable(outDir, table).filter((r) => r.article_id === articleId);
}
