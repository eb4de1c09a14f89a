// Write the tables as rows come, into temporary files that are renamed into place only when the run ends:
// an interrupted run never leaves a half table that looks complete. UTF-8 with BOM (Excel reads Chinese
// right), cells that start with = + - @ escaped (csv-stringify's escape_formulas, so no cell runs as a
// formula), cells longer than Excel's 32,767 characters cut with a marker and counted in run.json.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { TABLES, TABLE_NAMES, type TableName, type TableRows } from './columns.ts';

export const EXCEL_CELL_LIMIT = 32767;
export const TRUNCATED = '…[truncated]';
/** What csv-stringify's escape_formulas escapes (ASCII and full-width = + - @, tab, CR). */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

export interface WriterStats {
  rows: Record<TableName, number>;
  truncatedCells: number;
}

/** The output cannot be written (a full disk, an unwritable --out): the run cannot go on. */
export class OutputError extends Error {}

/** Run a file-system step of the writer; its failure is an OutputError naming what was being written. */
function writing<T>(what: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw new OutputError(`cannot write ${what}: ${(e as Error).message}`, { cause: e });
  }
}

/** Clean-up after a failure must not hide the failure: what cannot be removed was never made or is gone. */
function bestEffort(step: () => void): void {
  try {
    step();
  } catch {
    /* nothing to remove */
  }
}

/** Writers between open() and commit() or discard(): what an interrupted process must clean up. */
const openWriters = new Set<TableWriter>();

/** Remove the temporary files of every unfinished writer at once (the CLI calls this on Ctrl-C). */
export function discardOpenWriters(): void {
  for (const w of openWriters) w.discard();
}

/**
 * One article's rows as CSV text, table by table. Made where the article was processed (in a worker thread,
 * in parallel), so the main thread only appends strings in input order.
 */
export interface CsvChunks {
  tables: Partial<Record<TableName, string>>;
  /**
   * The same tables as UTF-8 bytes, one after the other in TABLE_NAMES order (`tables` is then empty): what a
   * worker thread sends, its buffer transferred, not copied, so the main thread — which reads the input and
   * appends every table for all workers — neither copies strings nor encodes them.
   */
  packed?: { bytes: Uint8Array<ArrayBuffer>; lengths: Partial<Record<TableName, number>> };
  rows: Partial<Record<TableName, number>>;
  truncatedCells: number;
}

/** The tables of `chunks` as one UTF-8 buffer (see CsvChunks.packed); its buffer can be transferred. */
export function packCsv(chunks: CsvChunks): CsvChunks {
  const lengths: Partial<Record<TableName, number>> = {};
  let total = 0;
  for (const t of TABLE_NAMES) {
    const text = chunks.tables[t];
    if (text) total += lengths[t] = Buffer.byteLength(text, 'utf8');
  }
  const bytes = new Uint8Array(total);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  for (const t of TABLE_NAMES) {
    const text = chunks.tables[t];
    if (text) at += view.write(text, at, 'utf8');
  }
  return { tables: {}, packed: { bytes, lengths }, rows: chunks.rows, truncatedCells: chunks.truncatedCells };
}

/** csv-stringify's options for every table: = + - @ at a cell's start escaped (see FORMULA_START). */
const CSV_OPTIONS = { escape_formulas: true };

/**
 * A cell csv-stringify writes exactly as it is: no delimiter, quote or line break inside (nothing to quote)
 * and no formula character first (nothing to escape). Numbers are written as they are too.
 */
const PLAIN_CELL = /^(?![=+\-@\t\r\uff1d\uff0b\uff0d\uff20])[^",\n\r]*$/;

/**
 * One row as CSV. csv-stringify writes every cell that needs quoting or escaping (it treats each cell on its
 * own, so a cell comes out the same alone as in its row); a plain cell (most: Chinese text uses full-width
 * commas and quotes) is written as it is, which is what csv-stringify writes for it —
 * tests/tables/csv-rows.test.ts holds whole rows to the same bytes — without its cost per cell (about
 * 0.3 µs, and a few hundred bytes of garbage: it was an eighth of a run).
 */
export function csvRow(cells: (string | number)[]): string {
  let line = '';
  for (let j = 0; j < cells.length; j++) {
    const v = cells[j];
    const cell = typeof v === 'string' && !PLAIN_CELL.test(v) ? stringify([[v]], CSV_OPTIONS).slice(0, -1) : v;
    line += j ? ',' + cell : cell;
  }
  return line + '\n';
}

export function toCsv(rows: TableRows): CsvChunks {
  const out: CsvChunks = { tables: {}, rows: {}, truncatedCells: 0 };
  for (const t of TABLE_NAMES) {
    const list = rows[t];
    if (!list.length) continue;
    const columns = COLUMN_NAMES[t];
    const cells: (string | number)[] = new Array(columns.length);
    let csv = '';
    for (const r of list) {
      for (let j = 0; j < columns.length; j++) {
        const v = r[columns[j]];
        cells[j] = v === undefined || v === null ? '' : typeof v === 'string' && v.length >= EXCEL_CELL_LIMIT ? fitCell(v, out) : v;
      }
      csv += csvRow(cells);
    }
    out.tables[t] = csv;
    out.rows[t] = list.length;
  }
  return out;
}

/** A cell cut to what Excel holds, with a marker; escape_formulas puts a ' before a formula cell: it must fit too. */
function fitCell(v: string, out: CsvChunks): string {
  const limit = FORMULA_START.test(v) ? EXCEL_CELL_LIMIT - 1 : EXCEL_CELL_LIMIT;
  if (v.length <= limit) return v;
  out.truncatedCells++;
  let end = limit - TRUNCATED.length;
  if (/[\ud800-\udbff]/.test(v[end - 1])) end--; // never half a surrogate pair
  return v.slice(0, end) + TRUNCATED;
}

/** writeSync of bytes may write fewer than asked: go on until all are written. */
function writeAll(fd: number, bytes: Uint8Array, offset: number, length: number): void {
  while (length > 0) {
    const n = writeSync(fd, bytes, offset, length);
    offset += n;
    length -= n;
  }
}

const COLUMN_NAMES = Object.fromEntries(TABLE_NAMES.map((t) => [t, TABLES[t].columns.map((c) => c.name)])) as Record<TableName, string[]>;

/**
 * Write texts/<article_id>.txt (under the run's temporary texts folder), at once: a synchronous write of a
 * small file costs a fraction of its promise version, and it runs in the thread that made the text.
 */
export function writeTextFile(textsDir: string, articleId: string, text: string): void {
  const path = join(textsDir, textPath(articleId));
  if (articleId.includes('/')) mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Bytes kept per table before a write: one system call per megabyte, not several per article. */
const BUFFER_BYTES = 1 << 20;

export class TableWriter {
  private readonly fds = new Map<TableName, number>();
  private readonly buffers = new Map<TableName, { bytes: Buffer; used: number }>();
  private readonly suffix = `.tmp-${process.pid}`;
  /** Where the texts go until the run is committed. */
  readonly textsDir: string;
  readonly stats: WriterStats = { rows: Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>, truncatedCells: 0 };

  constructor(readonly outDir: string) {
    this.textsDir = join(outDir, `texts${this.suffix}`);
  }

  open(): void {
    openWriters.add(this);
    writing(this.outDir, () => {
      mkdirSync(this.outDir, { recursive: true });
      rmSync(this.textsDir, { recursive: true, force: true });
      mkdirSync(this.textsDir, { recursive: true });
      for (const t of TABLE_NAMES) {
        const fd = openSync(join(this.outDir, TABLES[t].file + this.suffix), 'w');
        this.fds.set(t, fd);
        writeSync(fd, '\ufeff' + stringify([COLUMN_NAMES[t]]));
      }
    });
  }

  writeCsv(chunks: CsvChunks): void {
    let at = 0;
    for (const t of TABLE_NAMES) {
      const text = chunks.tables[t];
      const length = chunks.packed?.lengths[t];
      if (length) {
        this.append(t, chunks.packed!.bytes.subarray(at, (at += length)));
      } else if (text) this.append(t, text);
      else continue;
      this.stats.rows[t] += chunks.rows[t] ?? 0;
    }
    this.stats.truncatedCells += chunks.truncatedCells;
  }

  private append(t: TableName, data: Uint8Array | string): void {
    let b = this.buffers.get(t);
    if (!b) this.buffers.set(t, (b = { bytes: Buffer.allocUnsafe(BUFFER_BYTES), used: 0 }));
    const size = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length;
    if (size > b.bytes.length - b.used) this.flush(t);
    if (size > b.bytes.length) {
      // Larger than the buffer: straight to the file.
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      writing(TABLES[t].file, () => writeAll(this.fds.get(t)!, bytes, 0, bytes.length));
    } else if (typeof data === 'string') b.used += b.bytes.write(data, b.used, 'utf8');
    else {
      b.bytes.set(data, b.used);
      b.used += data.length;
    }
  }

  private flush(t: TableName): void {
    const b = this.buffers.get(t);
    if (!b?.used) return;
    writing(TABLES[t].file, () => writeAll(this.fds.get(t)!, b.bytes, 0, b.used));
    b.used = 0;
  }

  /** Close the tables and move every file into place. */
  commit(): void {
    for (const t of this.fds.keys()) this.flush(t);
    writing(this.outDir, () => {
      for (const [t, fd] of this.fds) {
        closeSync(fd);
        renameSync(join(this.outDir, TABLES[t].file + this.suffix), join(this.outDir, TABLES[t].file));
      }
      this.fds.clear();
      const texts = join(this.outDir, 'texts');
      if (existsSync(texts)) rmSync(texts, { recursive: true, force: true });
      renameSync(this.textsDir, texts);
    });
    openWriters.delete(this);
  }

  /** Remove the temporary files (an interrupted or failed run). */
  discard(): void {
    openWriters.delete(this);
    this.buffers.clear();
    for (const [t, fd] of this.fds) {
      bestEffort(() => closeSync(fd));
      bestEffort(() => rmSync(join(this.outDir, TABLES[t].file + this.suffix), { force: true }));
    }
    this.fds.clear();
    bestEffort(() => rmSync(this.textsDir, { recursive: true, force: true }));
  }
}

/**
 * texts/<article_id>.txt, with characters that no file system takes replaced, no way out of texts/, and
 * names too long for a file system (255 bytes) cut, with a hash of the whole name to keep them apart.
 */
export function textPath(articleId: string): string {
  const parts = articleId
    .split('/')
    .map((p) => fitName(p.replace(/[<>:"\\|?*\u0000-\u001f]/g, '_')))
    .filter((p) => p && p !== '.' && p !== '..');
  return (parts.join('/') || '_') + '.txt';
}

const MAX_NAME_BYTES = 200;

function fitName(name: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  const hash = createHash('sha1').update(name).digest('hex').slice(0, 12);
  let cut = '';
  let bytes = 0;
  for (const c of name) {
    bytes += Buffer.byteLength(c);
    if (bytes > MAX_NAME_BYTES - hash.length - 1) break;
    cut += c;
  }
  return `${cut}~${hash}`;
}
