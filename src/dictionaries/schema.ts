// What each dictionary file holds: its columns, which are required, what a cell may contain, and which
// columns make a row unique. The loader checks every row against this; the README table mirrors it.

export type CellType = { kind: 'text' } | { kind: 'date' } | { kind: 'enum'; values: readonly string[] };

export interface ColumnSpec {
  name: string;
  required?: boolean; // the cell may not be empty
  type?: CellType;
}

export interface FileSpec {
  file: string;
  optional?: boolean; // a missing optional file is an empty dictionary, not an error
  columns: ColumnSpec[];
  key: string[]; // two rows with the same key are a DICT_DUPLICATE_ROW
  /** For rows with start/end: check that both are dates and end is not before start. */
  period?: boolean;
}

const LEVELS = ['national', 'province', 'prefecture', 'county', 'township', 'any'] as const;
const date = { kind: 'date' } as const;

export const SPECS = {
  titles: {
    file: 'titles.csv',
    columns: [
      { name: 'title', required: true },
      { name: 'level', required: true, type: { kind: 'enum', values: LEVELS } },
      {
        name: 'kind',
        required: true,
        type: {
          kind: 'enum',
          values: ['party', 'government', 'congress', 'cppcc', 'discipline', 'court', 'procuratorate', 'military', 'collective', 'other'],
        },
      },
      { name: 'en' },
      { name: 'note' },
    ],
    key: ['title'],
  },
  officials: {
    file: 'officials.csv',
    columns: [
      { name: 'name', required: true },
      { name: 'title', required: true },
      { name: 'jurisdiction' },
      { name: 'start', type: date },
      { name: 'end', type: date },
      { name: 'aliases' },
      { name: 'name_en' },
      { name: 'note' },
    ],
    key: ['name', 'title', 'jurisdiction', 'start'],
    period: true,
  },
  places: {
    file: 'places.csv',
    columns: [
      { name: 'name', required: true },
      { name: 'short' },
      { name: 'code', required: true },
      { name: 'level', required: true, type: { kind: 'enum', values: ['province', 'prefecture', 'county', 'township'] } },
      { name: 'parent_code' },
      { name: 'en' },
      { name: 'short_is_word', type: { kind: 'enum', values: ['1'] } },
    ],
    key: ['code'],
  },
  placeAliases: {
    file: 'place-aliases.csv',
    optional: true,
    columns: [
      { name: 'alias', required: true },
      { name: 'place', required: true },
      { name: 'code' },
      { name: 'kind', type: { kind: 'enum', values: ['alias', 'abbreviation'] } },
      { name: 'note' },
    ],
    key: ['alias', 'code'],
  },
  verbs: {
    file: 'verbs.csv',
    columns: [
      { name: 'verb', required: true },
      { name: 'role', required: true, type: { kind: 'enum', values: ['speech', 'speak', 'chair', 'attend', 'convene', 'inspect'] } },
      { name: 'en' },
      { name: 'note' },
    ],
    key: ['verb', 'role'],
  },
  meetingWords: {
    file: 'meeting-words.csv',
    columns: [
      { name: 'word', required: true },
      { name: 'kind', required: true, type: { kind: 'enum', values: ['meeting', 'inspection'] } },
      { name: 'note' },
    ],
    key: ['word'],
  },
  surnames: {
    file: 'surnames.csv',
    columns: [{ name: 'surname', required: true }, { name: 'pinyin' }, { name: 'note' }],
    key: ['surname'],
  },
  labels: {
    file: 'labels.csv',
    columns: [
      { name: 'label', required: true },
      { name: 'field', required: true, type: { kind: 'enum', values: ['source', 'editor', 'reporter', 'published_at', 'original_title'] } },
      { name: 'note' },
    ],
    key: ['label'],
  },
  boilerplate: {
    file: 'boilerplate.csv',
    columns: [
      { name: 'cue', required: true },
      { name: 'kind', required: true, type: { kind: 'enum', values: ['share', 'related', 'footer', 'comment', 'nav'] } },
      { name: 'note' },
    ],
    key: ['cue'],
  },
} satisfies Record<string, FileSpec>;

export type DictionaryName = keyof typeof SPECS;
