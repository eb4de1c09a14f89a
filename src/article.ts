// One input article → its rows, or its failure. The same function runs in the main thread (--jobs 1) and
// in each worker thread, so both paths write the same tables.
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ArticleError, createDoc } from './doc.ts';
import { runPipeline, type Context } from './pipeline.ts';
import type { ArticleInput } from './read/inputs.ts';
import type { ArticleResult, Limits } from './result.ts';
import { articleRow, docRows, emptyRows } from './tables/rows.ts';
import { toCsv, writeTextFile } from './tables/writer.ts';

/** Process one article; its text goes to `textsDir`/<article_id>.txt, its rows come back as CSV. */
export function processArticle(item: ArticleInput, ctx: Context, limits: Limits, textsDir: string): ArticleResult {
  const doc = createDoc({ id: item.id, input: item.input, format: item.format, ...(item.columns ? { columns: item.columns } : {}) });
  let bytes = 0;
  try {
    if (item.path) {
      const size = statSync(item.path).size;
      if (size > limits.maxBytes && !item.gzip) throw new ArticleError('E_TOO_LARGE', `${size} bytes, over the limit of ${limits.maxBytes} (--max-bytes)`);
      const data = readFileSync(item.path);
      doc.bytes = item.gzip ? gunzip(data, limits.maxBytes) : data;
      if (doc.bytes.length > limits.maxBytes) throw new ArticleError('E_TOO_LARGE', `over the limit of ${limits.maxBytes} bytes (--max-bytes)`);
    } else {
      const n = Buffer.byteLength(item.columns?.text ?? '');
      if (n > limits.maxBytes) throw new ArticleError('E_TOO_LARGE', `${n} bytes of text, over the limit of ${limits.maxBytes} (--max-bytes)`);
    }
    bytes = doc.bytes?.length ?? Buffer.byteLength(item.columns?.text ?? '');
    runPipeline(doc, ctx);
    const csv = toCsv(docRows(doc));
    try {
      writeTextFile(textsDir, doc.id, doc.text);
    } catch (e) {
      return { id: doc.id, input: doc.input, ok: false, csv, writeError: `cannot write the text of ${doc.id}: ${(e as Error).message}`, messages: doc.messages, timings: doc.timings, bytes };
    }
    return { id: doc.id, input: doc.input, ok: true, csv, messages: doc.messages, timings: doc.timings, bytes };
  } catch (e) {
    const err = e instanceof ArticleError ? { code: e.code, message: e.message } : { code: errorCode(e), message: (e as Error)?.message ?? String(e) };
    const rows = emptyRows();
    rows.articles.push(articleRow(doc, 'failed', `${err.code}: ${err.message}`));
    return { id: doc.id, input: doc.input, ok: false, csv: toCsv(rows), error: err, messages: doc.messages, timings: doc.timings, bytes };
  }
}

/** Inflate up to one byte past the limit (the check below names it); a broken .gz is a read error, not ours. */
function gunzip(data: Buffer, maxBytes: number): Buffer {
  try {
    return gunzipSync(data, { maxOutputLength: maxBytes + 1 });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ArticleError('E_TOO_LARGE', `inflates to over the limit of ${maxBytes} bytes (--max-bytes)`);
    throw new ArticleError('E_READ', `not a valid .gz file: ${(e as Error).message}`);
  }
}

function errorCode(e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (code === 'ENOENT') return 'E_NOT_FOUND';
  if (code === 'ERR_BUFFER_TOO_LARGE' || code === 'ERR_OUT_OF_RANGE') return 'E_TOO_LARGE';
  if (code && /^E[A-Z]+$/.test(code)) return 'E_READ';
  return 'E_INTERNAL';
}
