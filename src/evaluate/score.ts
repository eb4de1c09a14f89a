// Scores: per category true/false positives and misses, each miss and extra kept with its article and text
// so a report can show why a number is what it is. Counts follow the independent Python scorer, score.py.
import type { GoldArticle } from './gold.ts';
import { findLeaks, matchDirectives, matchTitles, pairMeetings, type Entity, type Leak, type TitleKey } from './match.ts';
import type { CsvRow, RunTables } from './tables.ts';
import { codePoints, datePart, firstCodePoints, norm, shortPlace, splitNames } from './text.ts';

export const METADATA_FIELDS = ['title', 'published_date', 'source', 'editor'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export const CATEGORIES = [
  'reporters', 'officials', 'official_titles', 'places', 'meetings', 'meeting_dates',
  'chairs', 'speakers', 'attendees', 'directives', 'directive_speaker',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** score.py's 'overall F1': the mean F1 of these (reporters and bare directives left out). */
export const OVERALL_CATEGORIES: readonly Category[] = [
  'officials', 'official_titles', 'places', 'meetings', 'meeting_dates', 'chairs', 'speakers', 'attendees', 'directive_speaker',
];

export interface Item {
  article_id: string;
  text: string;
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  misses: Item[];
  extras: Item[];
}

export interface Accuracy {
  correct: number;
  total: number;
  wrong: Item[];
}

export interface ArticleLeak extends Leak {
  article_id: string;
}

export interface Scores {
  /** Gold articles scored, in gold file order. */
  articles: string[];
  /** How many of them per gold language. */
  languages: Record<string, number>;
  /** Gold articles with no row in articles.csv: everything they hold is a miss. */
  missing: string[];
  metadata: Record<MetadataField, Accuracy>;
  categories: Record<Category, Tally>;
  leaks: ArticleLeak[];
}

export interface ScoreOptions {
  /** Score only the gold articles of this language (zh or en). */
  language?: string;
}

export function precisionRecallF1(t: Pick<Tally, 'tp' | 'fp' | 'fn'>): { precision: number; recall: number; f1: number } {
  // Nothing predicted and nothing to find is perfect; nothing predicted but something to find is 0.
  const precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : t.fn ? 0 : 1;
  const recall = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function accuracy(a: Accuracy): number | null {
  return a.total ? a.correct / a.total : null;
}

export function overallF1(scores: Scores): number {
  const f1s = OVERALL_CATEGORIES.map((c) => precisionRecallF1(scores.categories[c]).f1);
  return f1s.reduce((a, b) => a + b, 0) / f1s.length;
}

export function scoreRun(golds: GoldArticle[], run: RunTables, options: ScoreOptions = {}): Scores {
  const scores: Scores = {
    articles: [],
    languages: {},
    missing: [],
    metadata: recordOf(METADATA_FIELDS, (): Accuracy => ({ correct: 0, total: 0, wrong: [] })),
    categories: recordOf(CATEGORIES, (): Tally => ({ tp: 0, fp: 0, fn: 0, misses: [], extras: [] })),
    leaks: [],
  };
  for (const gold of golds) {
    if (options.language && gold.language !== options.language) continue;
    scores.articles.push(gold.article_id);
    scores.languages[gold.language] = (scores.languages[gold.language] ?? 0) + 1;
    if (!run.articles.has(gold.article_id)) scores.missing.push(gold.article_id);
    scoreArticle(gold, run, scores);
  }
  return scores;
}

function recordOf<K extends string, V>(keys: readonly K[], make: () => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, make()])) as Record<K, V>;
}

function scoreArticle(gold: GoldArticle, run: RunTables, scores: Scores): void {
  const id = gold.article_id;
  const article = run.articles.get(id);
  const officials = run.officials.get(id) ?? [];
  const places = run.places.get(id) ?? [];
  const meetings = run.meetings.get(id) ?? [];
  const events = run.events.get(id) ?? [];
  const c = scores.categories;

  scoreMetadata(gold, article, scores.metadata);
  compareSets(c.reporters, id, splitNames(article?.reporters), keyed(gold.reporters, norm, true));
  compareSets(c.officials, id, keyed(officials.map((r) => r.name), norm), keyed(gold.officials.map((o) => o.name), norm, true));
  scoreTitles(gold, officials, c.official_titles);
  compareSets(c.places, id, keyed(places.map((r) => r.place), shortPlace), keyed(gold.places, shortPlace, true));
  scoreMeetings(gold, meetings, c);
  scoreDirectives(gold, events, c);

  const entities: Entity[] = [
    ...officials.map((r) => ({ where: 'officials.name', value: r.name })),
    ...places.map((r) => ({ where: 'places.place', value: r.place })),
    ...events.map((r) => ({ where: 'events.speaker', value: r.speaker })),
    ...(run.participants.get(id) ?? []).map((r) => ({ where: 'participants.name', value: r.name })),
    ...meetings.flatMap((r) =>
      (['chair', 'speakers', 'attendees'] as const).flatMap((col) =>
        [...splitNames(r[col]).values()].map((value) => ({ where: `meetings.${col}`, value })),
      ),
    ),
  ];
  scores.leaks.push(...findLeaks(gold.not_in_article, entities).map((leak) => ({ article_id: id, ...leak })));
}

function scoreMetadata(gold: GoldArticle, article: CsvRow | undefined, metadata: Record<MetadataField, Accuracy>): void {
  const check = (field: MetadataField, expected: string | null, got: string, same: boolean) => {
    const m = metadata[field];
    m.total++;
    if (same) m.correct++;
    else m.wrong.push({ article_id: gold.article_id, text: `expected ${show(expected)}, got ${show(got)}` });
  };
  for (const field of ['title', 'source', 'editor'] as const) {
    const expected = gold[field];
    if (expected === undefined) continue; // the gold file leaves the field out: not scored
    const got = article?.[field] ?? '';
    check(field, expected, got, norm(got) === norm(expected));
  }
  if (gold.published_at !== undefined) {
    const got = article?.published_at ?? '';
    check('published_date', gold.published_at, got, datePart(got) === datePart(gold.published_at));
  }
}

function scoreTitles(gold: GoldArticle, officials: CsvRow[], tally: Tally): void {
  const goldTitles: TitleKey[] = gold.officials.flatMap((o) =>
    o.titles.map((t) => ({ name: norm(o.name), title: t.title, jurisdiction: t.jurisdiction })),
  );
  // Rows that repeat a person, office and place count once.
  const predTitles = new Map<string, TitleKey & { shown: string }>();
  for (const r of officials) {
    if (!r.title) continue;
    const key = { name: norm(r.name), title: r.title, jurisdiction: r.jurisdiction };
    predTitles.set(JSON.stringify(key), { ...key, shown: r.name });
  }
  const pred = [...predTitles.values()];
  const matched = matchTitles(goldTitles, pred);
  const used = new Set(matched.values());
  const goldNames = gold.officials.flatMap((o) => o.titles.map(() => o.name));
  goldTitles.forEach((g, gi) => {
    if (matched.has(gi)) tally.tp++;
    else miss(tally, gold.article_id, `${goldNames[gi]}: ${officeText(g.title, g.jurisdiction)}`);
  });
  pred.forEach((p, pi) => {
    if (!used.has(pi)) extra(tally, gold.article_id, `${p.shown}: ${officeText(p.title, p.jurisdiction)}`);
  });
}

function scoreMeetings(gold: GoldArticle, rows: CsvRow[], c: Record<Category, Tally>): void {
  const id = gold.article_id;
  const pairs = pairMeetings(gold.meetings, rows.map((r) => ({ name: r.name, date: r.date })));
  const paired = new Set(pairs.values());
  gold.meetings.forEach((g, gi) => {
    const pi = pairs.get(gi);
    const row = pi === undefined ? undefined : rows[pi];
    if (row) c.meetings.tp++;
    else miss(c.meetings, id, meetingText(g.name, g.date ?? ''));
    const at = ` @ ${g.name}`;
    const predDate = datePart(row?.date);
    compareSets(c.meeting_dates, id, new Map(predDate ? [[predDate, predDate]] : []), new Map(g.date ? [[g.date, g.date]] : []), at);
    compareSets(c.chairs, id, splitNames(row?.chair), keyed(g.chair, norm, true), at);
    compareSets(c.speakers, id, splitNames(row?.speakers), keyed(g.speakers, norm, true), at);
    compareSets(c.attendees, id, splitNames(row?.attendees), keyed(g.attendees, norm, true), at);
  });
  rows.forEach((row, pi) => {
    if (paired.has(pi)) return;
    extra(c.meetings, id, meetingText(row.name, row.date));
    // What an unpaired meeting says about dates and people is extra too.
    const at = ` @ ${row.name} (unpaired)`;
    const date = datePart(row.date);
    if (date) extra(c.meeting_dates, id, date + at);
    for (const [category, col] of [['chairs', 'chair'], ['speakers', 'speakers'], ['attendees', 'attendees']] as const) {
      for (const name of splitNames(row[col]).values()) extra(c[category], id, name + at);
    }
  });
}

function scoreDirectives(gold: GoldArticle, events: CsvRow[], c: Record<Category, Tally>): void {
  const id = gold.article_id;
  const matches = matchDirectives(gold.directives, events.map((e) => ({ directive: e.directive, speaker: e.speaker })));
  const rightSpeaker = new Set<number>();
  gold.directives.forEach((g, gi) => {
    const m = matches.get(gi);
    const text = `${g.speaker}: ${clip(g.text)}`;
    if (!m) {
      miss(c.directives, id, text);
      miss(c.directive_speaker, id, text);
      return;
    }
    c.directives.tp++;
    if (m.sameSpeaker) {
      c.directive_speaker.tp++;
      rightSpeaker.add(m.pred);
    } else {
      miss(c.directive_speaker, id, `${text} (run: ${show(events[m.pred].speaker)})`);
    }
  });
  const matchedPred = new Set([...matches.values()].map((m) => m.pred));
  events.forEach((e, pi) => {
    const text = `${e.speaker || '(no speaker)'}: ${clip(e.directive)}`;
    if (!matchedPred.has(pi)) extra(c.directives, id, text);
    if (!rightSpeaker.has(pi)) extra(c.directive_speaker, id, matchedPred.has(pi) ? `${text} (speaker differs)` : text);
  });
}

/**
 * Adds set-against-set counts: a key in both is a hit, only in the gold a miss, only in the run an extra.
 * Maps go from comparison key to the text shown in a report.
 */
export function compareSets(tally: Tally, articleId: string, pred: Map<string, string>, gold: Map<string, string>, suffix = ''): void {
  for (const [key, shown] of gold) {
    if (pred.has(key)) tally.tp++;
    else miss(tally, articleId, shown + suffix);
  }
  for (const [key, shown] of pred) if (!gold.has(key)) extra(tally, articleId, shown + suffix);
}

/**
 * Values keyed for comparison. The run's empty keys are dropped (an empty cell names nobody); the gold's
 * are kept (`keepEmpty`), so an empty gold name stays a miss, as in score.py.
 */
function keyed(values: string[], key: (v: string) => string, keepEmpty = false): Map<string, string> {
  const map = new Map<string, string>();
  for (const v of values) {
    const k = key(v);
    if ((k || keepEmpty) && !map.has(k)) map.set(k, v);
  }
  return map;
}

function miss(tally: Tally, articleId: string, text: string): void {
  tally.fn++;
  tally.misses.push({ article_id: articleId, text });
}

function extra(tally: Tally, articleId: string, text: string): void {
  tally.fp++;
  tally.extras.push({ article_id: articleId, text });
}

function officeText(title: string, jurisdiction: string): string {
  return jurisdiction ? `${title} (${jurisdiction})` : `${title} (no place)`;
}

function meetingText(name: string, date: string): string {
  return `${name} [${date || 'no date'}]`;
}

function show(v: string | null): string {
  return v ? `"${v}"` : '(none)';
}

/** Directives are whole sentences; a report needs only enough to find them. */
function clip(text: string, max = 60): string {
  return codePoints(text) > max ? firstCodePoints(text, max) + '…' : text;
}
