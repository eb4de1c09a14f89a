// The output tables: their files and columns, defined once — the writer, the README and the tests use this.

export interface Column {
  name: string;
  doc: string;
}

export interface TableSpec {
  file: string;
  doc: string;
  columns: Column[];
}

const span: Column[] = [
  { name: 'start', doc: 'offset of the span in texts/<article_id>.txt (UTF-16 code units, as JavaScript slices)' },
  { name: 'end', doc: 'end offset (exclusive): text.slice(start, end) is what the row names' },
];

export const TABLES = {
  articles: {
    file: 'articles.csv',
    doc: 'one row per input article, processed or failed',
    columns: [
      { name: 'article_id', doc: 'file path below the input folder without extension, or the table row id' },
      { name: 'input', doc: 'where it was read (path, with :line for a table row)' },
      { name: 'title', doc: 'headline without site-name suffix' },
      { name: 'published_at', doc: 'ISO 8601 with +08:00 (date alone when the page gives no time)' },
      { name: 'source', doc: 'outlet on a 来源 / Source line' },
      { name: 'editor', doc: 'name(s) on a 编辑 / 责任编辑 / Editor line' },
      { name: 'reporters', doc: 'byline names, `; `-separated' },
      { name: 'language', doc: 'zh or en' },
      { name: 'chars', doc: 'length of the article text' },
      { name: 'status', doc: 'ok or failed' },
      { name: 'error', doc: 'CODE: message when failed' },
    ],
  },
  officials: {
    file: 'officials.csv',
    doc: 'one row per article, person and office (a person with no office: one row, empty title)',
    columns: [
      { name: 'article_id', doc: 'the article it comes from (articles.csv)' },
      { name: 'name', doc: 'as written' },
      { name: 'title', doc: 'office as written, without the place (省委书记)' },
      { name: 'jurisdiction', doc: 'full name of the place of the office (陕西省); 中国 for national; empty when the article never names it' },
      { name: 'origin', doc: 'dictionary (officials.csv knows the name) or text (found by the title grammar)' },
      { name: 'canonical', doc: 'the name of the dictionary row (刘国中 for Liu Guozhong): one identity across languages; empty for origin=text' },
      { name: 'name_en', doc: 'the English name the dictionary gives (Liu Guozhong)' },
      { name: 'mentions', doc: 'how often the article names the person (names and resolved 他/她)' },
      ...span,
      { name: 'rule', doc: 'the rule or dictionary row that produced the office' },
    ],
  },
  places: {
    file: 'places.csv',
    doc: 'one row per article and administrative division it names',
    columns: [
      { name: 'article_id', doc: 'the article it comes from (articles.csv)' },
      { name: 'place', doc: 'full official name' },
      { name: 'code', doc: 'division code (empty when the name is ambiguous and nothing in the article decides)' },
      { name: 'level', doc: 'province, prefecture, county or township' },
      { name: 'parent', doc: 'full name of the parent division' },
      { name: 'mentions', doc: 'how often it is named' },
      ...span,
      { name: 'rule', doc: 'dictionary row and form (short, alias) of the first mention' },
    ],
  },
  meetings: {
    file: 'meetings.csv',
    doc: 'one row per meeting or inspection the article reports',
    columns: [
      { name: 'meeting_id', doc: '<article_id>#m<n>' },
      { name: 'article_id', doc: 'the article it comes from (articles.csv)' },
      { name: 'kind', doc: 'meeting or inspection' },
      { name: 'name', doc: 'as written' },
      { name: 'date', doc: 'yyyy-MM-dd, resolved against the publication date; empty when the year cannot be known' },
      { name: 'end_date', doc: 'for a span (21日至22日)' },
      { name: 'time_of_day', doc: '上午, 下午, 晚 …' },
      { name: 'date_text', doc: 'the date as written' },
      { name: 'venue', doc: 'where it was held, as written' },
      { name: 'chair', doc: 'who presided, `; `-separated' },
      { name: 'speakers', doc: 'who spoke at it' },
      { name: 'attendees', doc: 'who else attended' },
      ...span,
      { name: 'rule', doc: 'the trigger rule that found it' },
    ],
  },
  participants: {
    file: 'participants.csv',
    doc: "one row per person and role at a meeting, with the title the person holds in the article",
    columns: [
      { name: 'meeting_id', doc: 'the meeting (meetings.csv)' },
      { name: 'article_id', doc: 'the article it comes from (articles.csv)' },
      { name: 'name', doc: 'the person, as written' },
      { name: 'title', doc: 'first office the article gives the person' },
      { name: 'jurisdiction', doc: 'full name of the place of that office' },
      { name: 'role', doc: 'chair, speaker or attendee' },
      ...span,
      { name: 'rule', doc: 'the role verb or directive that gave the role' },
    ],
  },
  events: {
    file: 'events.csv',
    doc: 'the event table: one row per sentence of reported speech',
    columns: [
      { name: 'event_id', doc: '<article_id>#e<n>' },
      { name: 'meeting_id', doc: 'the meeting it was said at, when the article reports one' },
      { name: 'article_id', doc: 'the article it comes from (articles.csv)' },
      { name: 'date', doc: 'date of the meeting' },
      { name: 'meeting', doc: 'name of the meeting' },
      { name: 'speaker', doc: 'person, 会议 for the meeting itself, or the organisation/document as written' },
      { name: 'speaker_title', doc: 'first office the article gives the speaker' },
      { name: 'verb', doc: 'the reporting verb that governs the sentence (强调, 要求 …)' },
      { name: 'directive', doc: 'the sentence content after the attribution' },
      ...span,
      { name: 'rule', doc: 'attribution, continuation or quotation rule' },
    ],
  },
  mentions: {
    file: 'mentions.csv',
    doc: 'every tagged span, boilerplate included',
    columns: [
      { name: 'article_id', doc: 'the article it comes from (articles.csv)' },
      { name: 'type', doc: 'boilerplate, title, person, place, date, meeting, speech' },
      { name: 'text', doc: 'the span as written' },
      { name: 'normalized', doc: 'full place name, ISO date, person name …' },
      ...span,
      { name: 'rule', doc: 'the rule or dictionary row (file:line) that produced it' },
    ],
  },
} satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;
export type Row = Record<string, string | number>;
export type TableRows = Record<TableName, Row[]>;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
