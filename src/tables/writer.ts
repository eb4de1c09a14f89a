// Write the tables as rows come, into temporary files that are renamed into place only when the run ends:
// an interrupted run never leaves a half table that looks complete. UTF-8 with BOM (Excel reads Chinese
// right), cells that start with = + - @ escaped (csv-stringify's escape_formulas, so no cell runs as a
// formula), cells longer than Excel's 32,767 characters cut with a marker and counted in run.json.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
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
  texts: number;
}

/** Writers between open() and commit() or abort(): what an interrupted process must clean up. */
const openWriters = new Set<TableWriter>();

/** Remove the temporary files of every unfinished writer at once (the CLI calls this on Ctrl-C). */
export function discardOpenWriters(): void {
  for (const w of openWriters) w.discard();
}

export class TableWriter {
  private readonly fds = new Map<TableName, number>();
  private readonly suffix = `.tmp-${process.pid}`;
  private readonly textsTmp: string;
  private readonly dirs = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private writeError?: Error;
  readonly stats: WriterStats = { rows: Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>, truncatedCells: 0, texts: 0 };

  constructor(readonly outDir: string) {
    this.textsTmp = join(outDir, `texts${this.suffix}`);
  }

  open(): void {
    mkdirSync(this.outDir, { recursive: true });
    rmSync(this.textsTmp, { recursive: true, force: true });
    mkdirSync(this.textsTmp, { recursive: true });
    for (const t of TABLE_NAMES) {
      const fd = openSync(join(this.outDir, TABLES[t].file + this.suffix), 'w');
      writeSync(fd, '\ufeff' + stringify([TABLES[t].columns.map((c) => c.name)]));
      this.fds.set(t, fd);
    }
    openWriters.add(this);
  }

  write(rows: TableRows): void {
    for (const t of TABLE_NAMES) {
      const list = rows[t];
      if (!list.length) continue;
      const columns = TABLES[t].columns.map((c) => c.name);
      const cells = list.map((r) => columns.map((c) => this.cell(r[c])));
      writeSync(this.fds.get(t)!, stringify(cells, { escape_formulas: true }));
      this.stats.rows[t] += list.length;
    }
  }

  /**
   * The article text every row's offsets point into. Written in the background (a file per article costs
   * an open and a close, slow on some file systems); at most 64 writes wait at once.
   */
  async writeText(articleId: string, text: string): Promise<void> {
    const path = join(this.textsTmp, textPath(articleId));
    const dir = dirname(path);
    if (!this.dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    // A failed write is kept for commit() to throw: left unhandled, its rejection would kill the process.
    const write: Promise<void> = writeFile(path, text).then(
      () => void this.pending.delete(write),
      (e: Error) => {
        this.pending.delete(write);
        this.writeError ??= e;
      },
    );
    this.pending.add(write);
    this.stats.texts++;
    if (this.pending.size >= 64) await Promise.race(this.pending);
  }

  /** Wait for the texts, close the tables and move every file into place. */
  async commit(): Promise<void> {
    await Promise.all(this.pending);
    if (this.writeError) throw this.writeError;
    for (const [t, fd] of this.fds) {
      closeSync(fd);
      renameSync(join(this.outDir, TABLES[t].file + this.suffix), join(this.outDir, TABLES[t].file));
    }
    this.fds.clear();
    const texts = join(this.outDir, 'texts');
    if (existsSync(texts)) rmSync(texts, { recursive: true, force: true });
    renameSync(this.textsTmp, texts);
    openWriters.delete(this);
  }

  /** Remove the temporary files (an interrupted or failed run). */
  async abort(): Promise<void> {
    await Promise.allSettled(this.pending);
    this.discard();
  }

  /** Remove the temporary files now, without waiting for texts still being written. */
  discard(): void {
    openWriters.delete(this);
    for (const [t, fd] of this.fds) {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
      rmSync(join(this.outDir, TABLES[t].file + this.suffix), { force: true });
    }
    this.fds.clear();
    rmSync(this.textsTmp, { recursive: true, force: true });
  }

  private cell(v: string | number | undefined): string | number {
    if (v === undefined || v === null) return '';
    // escape_formulas puts a ' before such a cell: it must fit too.
    const limit = typeof v === 'string' && FORMULA_START.test(v) ? EXCEL_CELL_LIMIT - 1 : EXCEL_CELL_LIMIT;
    if (typeof v === 'string' && v.length > limit) {
      this.stats.truncatedCells++;
      let end = limit - TRUNCATED.length;
      if (/[\ud800-\udbff]/.test(v[end - 1])) end--; // never half a surrogate pair
      return v.slice(0, end) + TRUNCATED;
    }
    return v;
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
