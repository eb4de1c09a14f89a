// Walk the command line's files and folders into a stream of articles, in a fixed order (sorted paths,
// then table rows in file order), so that two runs over the same input number everything the same way.
// Every input ends somewhere: an article, a table row, or a skipped file with its reason.
import { createReadStream, promises as fs } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import type { InputFormat } from '../doc.ts';

export type Columns = Partial<Record<'title' | 'published_at' | 'source' | 'url' | 'text', string>>;

/** One article to process: a file, or a row of a CSV/JSONL table. */
export interface ArticleInput {
  kind: 'article';
  id: string;
  input: string;
  format: InputFormat;
  /** For files: where to read the bytes. */
  path?: string;
  gzip?: boolean;
  /** For table rows: the row's cells. */
  columns?: Columns;
}

/** An input that yields no article: a file of another kind, or a table row that cannot be read. */
export interface InputProblem {
  kind: 'skipped' | 'failed';
  id?: string;
  input: string;
  code: string;
  reason: string;
}

export type InputItem = ArticleInput | InputProblem;

const FORMATS: Record<string, InputFormat> = { '.txt': 'txt', '.html': 'html', '.htm': 'html', '.csv': 'csv', '.jsonl': 'jsonl' };
const TABLE_COLUMNS = ['id', 'title', 'published_at', 'source', 'url', 'text'];

export async function* walkInputs(paths: string[]): AsyncGenerator<InputItem> {
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch {
      yield { kind: 'failed', input: p, code: 'E_NOT_FOUND', reason: 'no such file or folder' };
      continue;
    }
    if (stat.isDirectory()) {
      for (const file of await listFiles(p)) yield* fileItems(file, relative(p, file));
    } else yield* fileItems(p, basename(p));
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}

/** `2022/xian.html` → `2022/xian`; `feed.jsonl.gz` → `feed`. */
export function articleIdOf(relPath: string): string {
  let p = relPath.split(sep).join('/');
  if (p.endsWith('.gz')) p = p.slice(0, -3);
  const ext = extname(p);
  return ext ? p.slice(0, -ext.length) : p;
}

async function* fileItems(path: string, relPath: string): AsyncGenerator<InputItem> {
  const gzip = path.endsWith('.gz');
  const name = gzip ? path.slice(0, -3) : path;
  const format = FORMATS[extname(name).toLowerCase()];
  if (basename(path).startsWith('.')) {
    yield { kind: 'skipped', input: path, code: 'S_HIDDEN', reason: 'hidden file' };
    return;
  }
  if (!format) {
    yield { kind: 'skipped', input: path, code: 'S_FORMAT', reason: `not an article format (${extname(name) || 'no extension'}); reads .txt .html .htm .csv .jsonl, optionally .gz` };
    return;
  }
  const id = articleIdOf(relPath);
  if (format === 'txt' || format === 'html') {
    yield { kind: 'article', id, input: path, format, path, gzip };
    return;
  }
  yield* format === 'csv' ? csvRows(path, id, gzip) : jsonlRows(path, id, gzip);
}

function open(path: string, gzip: boolean): NodeJS.ReadableStream {
  const s = createReadStream(path);
  return gzip ? s.pipe(createGunzip()) : s;
}

async function* csvRows(path: string, fileId: string, gzip: boolean): AsyncGenerator<InputItem> {
  const parser = open(path, gzip).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!header) {
        header = record.map((h) => h.trim().toLowerCase());
        if (!header.includes('text')) {
          yield { kind: 'failed', input: `${path}:${line}`, code: 'E_TABLE_NO_TEXT', reason: `the header has no "text" column (has: ${header.join(', ')})` };
          return;
        }
        continue;
      }
      const input = `${path}:${line}`;
      if (record.length !== header.length) {
        yield { kind: 'failed', input, code: 'E_ROW_COLUMNS', reason: `row has ${record.length} cells, the header has ${header.length}` };
        continue;
      }
      const row: Record<string, string> = {};
      header.forEach((h, i) => (row[h] = record[i]));
      yield rowItem(row, fileId, line, input, 'csv');
    }
  } catch (e) {
    const err = e as { code?: string; lines?: number; message: string };
    yield { kind: 'failed', input: `${path}:${err.lines ?? '?'}`, code: 'E_CSV', reason: `${err.code ?? 'CSV'}: ${err.message}` };
  }
}

async function* jsonlRows(path: string, fileId: string, gzip: boolean): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: open(path, gzip), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      if (!text.trim()) continue;
      const input = `${path}:${line}`;
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch (e) {
        yield { kind: 'failed', input, code: 'E_JSON', reason: `not valid JSON: ${(e as Error).message}` };
        continue;
      }
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
        yield { kind: 'failed', input, code: 'E_JSON', reason: 'a line must hold one JSON object' };
        continue;
      }
      const row: Record<string, string> = {};
      for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined) row[k.toLowerCase()] = String(v);
      yield rowItem(row, fileId, line, input, 'jsonl');
    }
  } catch (e) {
    yield { kind: 'failed', input: `${path}:${line + 1}`, code: 'E_READ', reason: (e as Error).message };
  }
}

function rowItem(row: Record<string, string>, fileId: string, line: number, input: string, format: InputFormat): InputItem {
  const id = (row.id ?? '').trim() || `${fileId}-L${line}`;
  if (!(row.text ?? '').trim()) return { kind: 'failed', id, input, code: 'E_EMPTY', reason: 'the row has no text' };
  const columns: Columns = {};
  for (const c of TABLE_COLUMNS) if (c !== 'id' && row[c] !== undefined && row[c].trim() !== '') columns[c as keyof Columns] = row[c];
  return { kind: 'article', id, input, format, columns };
}
