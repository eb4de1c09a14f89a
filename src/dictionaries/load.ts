// Read the CSV dictionaries and check every row. All problems are collected and reported together as
// `file:line: CODE message`, before any article is read (a hand-edited file with three typos should not
// take three runs to fix).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { isValid, parseISO } from 'date-fns';
import { checkAliases } from './compile.ts';
import { DictionaryErrors, type DictionaryProblem } from './folder.ts';
import { SPECS, type DictionaryName, type FileSpec } from './schema.ts';

export interface Row {
  /** `file:line`, what a rule column cites and an error names. */
  ref: string;
  line: number;
  values: Record<string, string>;
}

export type RawDictionaries = Record<DictionaryName, Row[]>;

/** Load every dictionary of `dir`; throws DictionaryErrors listing all problems at once. */
export function loadDictionaries(dir: string): RawDictionaries {
  const problems: DictionaryProblem[] = [];
  const out = {} as RawDictionaries;
  if (!existsSync(dir)) {
    throw new DictionaryErrors([{ file: dir, line: 0, code: 'DICT_MISSING_DIR', message: 'dictionary folder not found' }]);
  }
  for (const [name, spec] of Object.entries(SPECS) as [DictionaryName, FileSpec][]) {
    out[name] = loadFile(dir, spec, problems);
  }
  // Aliases naming no place are checked here, so they are listed with the other problems rather than
  // after those are fixed; not when places.csv itself has problems (its dropped rows would show up here).
  if (!problems.some((p) => p.file === SPECS.places.file)) {
    for (const { row, message } of checkAliases(out)) problems.push({ file: SPECS.placeAliases.file, line: row.line, code: 'DICT_UNKNOWN_PLACE', message });
  }
  if (problems.length) throw new DictionaryErrors(problems);
  return out;
}

function loadFile(dir: string, spec: FileSpec, problems: DictionaryProblem[]): Row[] {
  const path = join(dir, spec.file);
  const file = spec.file;
  const problem = (line: number, code: string, message: string) => problems.push({ file, line, code, message });
  if (!existsSync(path)) {
    if (!spec.optional) problem(0, 'DICT_MISSING_FILE', `required dictionary file not found in ${dir}`);
    return [];
  }
  // Strict UTF-8: a file Excel saved as GBK would otherwise load as mojibake whose entries never match.
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder().decode(bytes);
    problem(loose.slice(0, loose.indexOf('\ufffd')).split('\n').length, 'DICT_ENCODING', 'the file is not UTF-8 (Excel on Chinese Windows saves "CSV" as GBK: save as "CSV UTF-8")');
    return [];
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      comment: '#',
      comment_no_infix: true, // '#' starts a comment only at the start of a line
      relax_column_count: true, // ragged rows are reported below, with their line
      skip_empty_lines: true,
      info: true,
    }) as never;
  } catch (e) {
    const err = e as { code?: string; lines?: number; message: string };
    problem(err.lines ?? 0, 'DICT_PARSE', `${err.code ?? 'CSV'}: ${err.message}`);
    return [];
  }
  if (!records.length) {
    problem(1, 'DICT_NO_HEADER', 'the file has no header row');
    return [];
  }
  const [head, ...body] = records;
  const header = head.record.map((h) => h.trim());
  const known = new Set(spec.columns.map((c) => c.name));
  for (const h of header) if (!known.has(h)) problem(head.info.lines, 'DICT_UNKNOWN_COLUMN', `unknown column "${h}" (expected ${[...known].join(', ')})`);
  for (const c of spec.columns) if (c.required && !header.includes(c.name)) problem(head.info.lines, 'DICT_MISSING_COLUMN', `missing column "${c.name}"`);

  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length === 1 && record[0].trim() === '') continue;
    if (record.length !== header.length) {
      problem(line, 'DICT_COLUMN_COUNT', `${record.length} cells, the header has ${header.length}`);
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => (values[h] = record[i].trim()));
    let ok = true;
    for (const c of spec.columns) {
      const v = values[c.name] ?? '';
      if (c.required && !v) {
        problem(line, 'DICT_EMPTY_VALUE', `empty "${c.name}"`);
        ok = false;
      } else if (v && c.type?.kind === 'date' && !isIsoDate(v)) {
        problem(line, 'DICT_BAD_DATE', `"${c.name}" is not a date YYYY-MM-DD: "${v}"`);
        ok = false;
      } else if (v && c.type?.kind === 'enum' && !c.type.values.includes(v)) {
        problem(line, 'DICT_BAD_VALUE', `"${c.name}" must be one of ${c.type.values.join(', ')}: "${v}"`);
        ok = false;
      }
    }
    if (ok && spec.period && values.start && values.end && values.end < values.start) {
      problem(line, 'DICT_END_BEFORE_START', `end ${values.end} is before start ${values.start}`);
      ok = false;
    }
    const key = spec.key.map((k) => values[k] ?? '').join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) {
      problem(line, 'DICT_DUPLICATE_ROW', `same ${spec.key.join(' + ')} as line ${first}`);
      ok = false;
    } else seen.set(key, line);
    if (ok) rows.push({ ref: `${file}:${line}`, line, values });
  }
  return rows;
}

function isIsoDate(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && isValid(parseISO(v));
}
