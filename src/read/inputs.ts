// Walk the command line's files and folders into a stream of articles, in a fixed order (sorted paths,
// then table rows in file order), so that two runs over the same input number everything the same way.
// Every input ends somewhere: an article, a table row, or a skipped file with its reason.
import { closeSync, constants, createReadStream, openSync, promises as fs, statSync } from 'node:fs';
import { PassThrough, Transform, pipeline, type Duplex, type Readable } from 'node:stream';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { createGunzip } from 'node:zlib';
import { CsvError, parse } from 'csv-parse';
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

/** `outDir`: the run's own output folder, skipped (S_OUTPUT) where an input folder holds it. */
export async function* walkInputs(paths: string[], outDir?: string): AsyncGenerator<InputItem> {
  const exclude = outDir && resolve(outDir);
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch {
      yield { kind: 'failed', input: p, code: 'E_NOT_FOUND', reason: 'no such file or folder' };
      continue;
    }
    if (stat.isDirectory()) {
      for (const file of await listFiles(p, exclude)) {
        // A previous run's tables and texts are not articles: read, they would come back as thousands of rows.
        if (file.endsWith(sep)) yield { kind: 'skipped', input: file.slice(0, -1), code: 'S_OUTPUT', reason: 'the output folder of this run (--out)' };
        else yield* fileItems(file, relative(p, file));
      }
    } else yield* fileItems(p, basename(p));
  }
}

/** Files below `dir` in sorted order; the folder `exclude` itself as one entry ending in a separator. */
async function listFiles(dir: string, exclude?: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory() && resolve(full) === exclude) out.push(full + sep);
    else if (e.isDirectory()) out.push(...(await listFiles(full, exclude)));
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

/** Bytes read at a time: large reads keep the processing thread from waiting on the disk between articles. */
const READ_CHUNK = 1 << 20;

/**
 * The file's text, as UTF-8, streamed into `into`. pipeline() hands an error of any stage (a broken .gz, a
 * file gone) to `into`, whose reader reports it: with .pipe() it was an unhandled 'error' that killed the run.
 */
function open<T extends Duplex>(path: string, gzip: boolean, into: T): T {
  if (isFifo(path)) openFifos.add(path);
  const stages: (Readable | Duplex)[] = [createReadStream(path, { highWaterMark: READ_CHUNK }), ...(gzip ? [createGunzip()] : []), toUtf8(), into];
  pipeline(stages, () => openFifos.delete(path));
  return into;
}

/**
 * Named pipes being read (a table can come from one: `<(zcat items.jsonl.gz)`). Opening or reading a pipe
 * that no one writes to waits in libuv's thread pool, and an exiting process waits for that thread: an
 * interrupted run would never end. `releaseFifos` opens and closes the writing end of each, so they end.
 */
const openFifos = new Set<string>();

function isFifo(path: string): boolean {
  try {
    return statSync(path).isFIFO();
  } catch {
    return false;
  }
}

export function releaseFifos(): void {
  for (const path of openFifos) {
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      /* no reader waits on it any more */
    }
  }
}

/**
 * UTF-8 (a BOM dropped), or GB18030 when the first 64 kB are not UTF-8 but are GB18030: what Excel saves as
 * CSV on Chinese Windows. Decided once from the bytes, as decode.ts does for pages.
 */
function toUtf8(): Transform {
  const SAMPLE = 65536;
  let decoder: TextDecoder | undefined;
  let head: Buffer[] = [];
  let size = 0;
  const decode = (chunk: Buffer, end: boolean): string => {
    if (!decoder) {
      const sample = Buffer.concat(head);
      const valid = (enc: string) => {
        try {
          new TextDecoder(enc, { fatal: true }).decode(sample, { stream: !end });
          return true;
        } catch {
          return false;
        }
      };
      decoder = new TextDecoder(valid('utf-8') || !valid('gb18030') ? 'utf-8' : 'gb18030');
      chunk = sample;
      head = [];
    }
    return decoder.decode(chunk, { stream: !end });
  };
  return new Transform({
    // Strings out as they are: without an encoding the stream would turn them back into bytes for the next
    // reader to decode again (a third of the time spent reading).
    encoding: 'utf8',
    transform(chunk: Buffer, _encoding, done) {
      if (!decoder) {
        head.push(chunk);
        size += chunk.length;
        if (size < SAMPLE) return done();
      }
      const text = decode(chunk, false);
      done(null, text || undefined);
    },
    flush(done) {
      const text = decode(Buffer.alloc(0), true);
      done(null, text || undefined);
    },
  });
}

async function* csvRows(path: string, fileId: string, gzip: boolean): AsyncGenerator<InputItem> {
  // A malformed row (a stray or unclosed quote) is skipped and reported in its place, not the end of the
  // file: a parse error used to drop the rest of the file and the rows parsed ahead of it.
  const malformed: CsvProblem[] = [];
  // One failure per row, though a row may hold several stray quotes.
  const onSkip = (e: CsvProblem) => void (malformed.at(-1)?.lines === e.lines || malformed.push(e));
  const parser = open(
    path,
    gzip,
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, skip_records_with_error: true, on_skip: (e) => onSkip(e as CsvProblem) }),
  );
  let header: string[] | undefined;
  let overcount = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // A row is named by the line it starts on. info.lines is where the record ends, and counts \r and \n
      // inside a cell as a line each (a CRLF in a cell as two): take those back.
      const inCells = record.reduce((n, cell) => n + count(cell, /[\r\n]/g), 0);
      const line = info.lines - inCells - overcount;
      overcount += record.reduce((n, cell) => n + count(cell, /\r\n/g), 0);
      while (malformed.length && (malformed[0].lines ?? 0) < line) yield csvProblem(path, malformed.shift()!);
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
    for (const m of malformed) yield csvProblem(path, m);
  } catch (e) {
    yield csvProblem(path, e as CsvProblem);
  }
}

type CsvProblem = Error & { code?: string; lines?: number };

/** A parse error (E_CSV, at its line), or a read error of the file or its gzip (E_READ). */
function csvProblem(path: string, err: CsvProblem): InputProblem {
  const csv = err instanceof CsvError;
  return { kind: 'failed', input: err.lines ? `${path}:${err.lines}` : path, code: csv ? 'E_CSV' : 'E_READ', reason: `${err.code ?? 'CSV'}: ${err.message}` };
}

/**
 * The lines of a text stream (ended by \n, \r\n or \r), a chunk read only when its lines are asked for.
 * (readline read ahead up to a thousand lines, which a busy batch then kept alive from one young-generation
 * collection to the next.)
 */
export async function* streamLines(input: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = ''; // the unfinished line at the end of the chunks so far
  for await (const chunk of input) {
    // Lines are cut from the chunk itself: joining it to the rest first would copy every chunk once more.
    let start = 0;
    // A \r at the very end may be the first half of \r\n: it waits for the next chunk.
    const stop = chunk.endsWith('\r') ? chunk.length - 1 : chunk.length;
    if (rest.endsWith('\r')) {
      yield rest.slice(0, -1);
      rest = '';
      if (chunk.charCodeAt(0) === 10) start = 1;
    }
    for (let i = start; i < stop; i++) {
      const c = chunk.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      yield rest + chunk.slice(start, i);
      rest = '';
      if (c === 13 && chunk.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    rest += chunk.slice(start);
  }
  if (rest) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

async function* jsonlRows(path: string, fileId: string, gzip: boolean): AsyncGenerator<InputItem> {
  const lines = streamLines(open(path, gzip, new PassThrough({ decodeStrings: false, encoding: 'utf8' })));
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

function count(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

function rowItem(row: Record<string, string>, fileId: string, line: number, input: string, format: InputFormat): InputItem {
  const id = (row.id ?? '').trim() || `${fileId}-L${line}`;
  if (!(row.text ?? '').trim()) return { kind: 'failed', id, input, code: 'E_EMPTY', reason: 'the row has no text' };
  const columns: Columns = {};
  for (const c of TABLE_COLUMNS) if (c !== 'id' && row[c] !== undefined && row[c].trim() !== '') columns[c as keyof Columns] = row[c];
  return { kind: 'article', id, input, format, columns };
}
