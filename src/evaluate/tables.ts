// A run's tables read back for scoring. Only the columns the scorer uses are required, so tables from another
// tool (or an older run) with extra or reordered columns still score; a missing one is named, not guessed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { TABLES } from '../tables/columns.ts';
import { EvalInputError } from './gold.ts';

export type CsvRow = Record<string, string>;

/** The columns scoring reads from each table (names as in src/tables/columns.ts). */
export const SCORED_COLUMNS = {
  articles: ['article_id', 'title', 'published_at', 'source', 'editor', 'reporters'],
  officials: ['article_id', 'name', 'title', 'jurisdiction'],
  places: ['article_id', 'place'],
  meetings: ['article_id', 'name', 'date', 'chair', 'speakers', 'attendees'],
  events: ['article_id', 'speaker', 'directive'],
  participants: ['article_id', 'name'],
} as const;

export type ScoredTable = keyof typeof SCORED_COLUMNS;
/** participants.csv only adds places to look for leaks; tables from other tools may lack it. */
const OPTIONAL_TABLES = new Set<ScoredTable>(['participants']);

export interface RunTables {
  /** One row per article id (a repeated id: the last row, as a dict built from the rows would keep). */
  articles: Map<string, CsvRow>;
  officials: Map<string, CsvRow[]>;
  places: Map<string, CsvRow[]>;
  meetings: Map<string, CsvRow[]>;
  events: Map<string, CsvRow[]>;
  participants: Map<string, CsvRow[]>;
}

export function readRun(outDir: string): RunTables {
  if (!existsSync(outDir)) throw new EvalInputError(`run folder ${outDir} does not exist (run \`npm run extract -- --out ${outDir}\` first)`);
  const table = (name: ScoredTable) => groupByArticle(readTable(outDir, name));
  return {
    articles: new Map(readTable(outDir, 'articles').map((r) => [r.article_id, r])),
    officials: table('officials'),
    places: table('places'),
    meetings: table('meetings'),
    events: table('events'),
    participants: table('participants'),
  };
}

/** Rows of one table with every scored column present ('' where a short row lacks it). */
export function readTable(outDir: string, name: ScoredTable): CsvRow[] {
  const file = join(outDir, TABLES[name].file);
  if (!existsSync(file)) {
    if (OPTIONAL_TABLES.has(name)) return [];
    throw new EvalInputError(`${file} does not exist: is ${outDir} the --out folder of an extract run?`);
  }
  let rows: CsvRow[];
  let header: string[] = [];
  try {
    rows = parse(readFileSync(file, 'utf8'), {
      bom: true,
      columns: (h: string[]) => (header = h),
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (e) {
    throw new EvalInputError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const missing = SCORED_COLUMNS[name].filter((c) => !header.includes(c));
  if (missing.length) throw new EvalInputError(`${file} lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  for (const row of rows) for (const c of SCORED_COLUMNS[name]) row[c] ??= '';
  return rows;
}

export function groupByArticle(rows: CsvRow[]): Map<string, CsvRow[]> {
  const groups = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const group = groups.get(row.article_id);
    if (group) group.push(row);
    else groups.set(row.article_id, [row]);
  }
  return groups;
}
