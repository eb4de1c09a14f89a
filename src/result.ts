// What one article gives back to the batch: its rows as CSV, its messages and timings, or its failure.
// Apart from the pipeline: the main thread of a --jobs N run handles results but never loads the pipeline.
import type { Message } from './doc.ts';
import { articleRow, emptyRows } from './tables/rows.ts';
import { toCsv, type CsvChunks } from './tables/writer.ts';

export interface Limits {
  /** Larger articles fail with E_TOO_LARGE instead of exhausting memory. */
  maxBytes: number;
}

export interface ArticleResult {
  id: string;
  input: string;
  ok: boolean;
  /** The article's rows, already CSV (made in the worker). */
  csv: CsvChunks;
  error?: { code: string; message: string };
  /** The text file could not be written: the run cannot go on (a full disk fails every article after). */
  writeError?: string;
  messages: Message[];
  timings: Record<string, number>;
  bytes: number;
}

/** The result of an article that failed before or outside the pipeline (a bad row, a duplicate id, a stuck worker). */
export function failedResult(id: string, input: string, code: string, message: string): ArticleResult {
  const rows = emptyRows();
  rows.articles.push(articleRow({ id, input }, 'failed', `${code}: ${message}`));
  return { id, input, ok: false, csv: toCsv(rows), error: { code, message }, messages: [], timings: {}, bytes: 0 };
}
