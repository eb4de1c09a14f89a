// Shared by the tests: the project's dictionaries and nodejieba loaded once per test file, an article run
// through the pipeline from a string, and the tables of a run read back as rows.
import { readFileSync } from 'node:fs';
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

/** A table written by a run, as objects keyed by header (BOM removed). */
export function readTable(outDir: string, table: TableName): Record<string, string>[] {
  return parse(readFileSync(join(outDir, `${table}.csv`), 'utf8'), { columns: true, bom: true, relax_quotes: false });
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
