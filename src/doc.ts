// The one document every stage reads and extends. The text is fixed once the page has been rendered
// (stage `render`); every annotation after that is a span into it, so `text.slice(start, end)` gives
// back exactly what a row names.
import type { Segmentation } from './text/segment.ts';

export interface Span {
  start: number;
  end: number;
}

export type InputFormat = 'txt' | 'html' | 'csv' | 'jsonl';
export type Language = 'zh' | 'en';

/** A problem found while processing one article: a stable code, a place and the stage that saw it. */
export interface Message {
  code: string;
  message: string;
  stage: string;
  severity: 'error' | 'warning' | 'info';
  start?: number;
  end?: number;
}

/** A metadata value and where it came from: a span of the text, or a page `<meta>`/table column (no span). */
export interface Field {
  value: string;
  rule: string;
  start?: number;
  end?: number;
}

export interface Meta {
  title?: Field;
  publishedAt?: Field;
  source?: Field;
  editor?: Field;
  reporters: Field[];
  originalTitle?: Field;
  url?: Field;
}

/** The date relative expressions resolve against (publication date, else dateline, else file name or URL). */
export interface ReferenceDate {
  date: string; // yyyy-MM-dd
  rule: string;
}

export type Level = 'national' | 'province' | 'prefecture' | 'county' | 'township';

interface MentionBase extends Span {
  /** Canonical value: full place name, ISO date, person name, title without its place … */
  normalized: string;
  /** The rule or dictionary entry that produced the mention (`dict:places.csv:610100`, `date:md`). */
  rule: string;
}

export interface BoilerplateMention extends MentionBase {
  type: 'boilerplate';
}
export interface PlaceMention extends MentionBase {
  type: 'place';
  code: string;
  level: Level;
  parent: string; // full name of the parent division, '' when unknown or ambiguous
}
export interface DateMention extends MentionBase {
  type: 'date';
  date?: string; // yyyy-MM-dd, absent when the year (or more) cannot be resolved
  endDate?: string;
  timeOfDay?: string; // 上午, 下午, 晚 …
  time?: string; // HH:mm
}
export interface TitleMention extends MentionBase {
  type: 'title';
  title: string; // as written, without the place (省委书记, 副省长)
  jurisdiction: string; // full place name, 中国, or '' when the article never names it
  level: Level | 'any';
  personId?: number;
}
export interface PersonMention extends MentionBase {
  type: 'person';
  personId: number;
  /** Named as an authority (学习贯彻习近平总书记重要指示), not as someone present. */
  invoked?: boolean;
}
export interface MeetingMention extends MentionBase {
  type: 'meeting';
  meetingId: string;
}
export interface SpeechMention extends MentionBase {
  type: 'speech';
}
export type Mention =
  | BoilerplateMention
  | PlaceMention
  | DateMention
  | TitleMention
  | PersonMention
  | MeetingMention
  | SpeechMention;
export type MentionType = Mention['type'];

/** One office a person holds in this article, with the title mention that gave it. */
export interface Office extends Span {
  title: string;
  jurisdiction: string;
  rule: string;
}

export interface Person {
  id: number;
  name: string;
  origin: 'dictionary' | 'text';
  /** The dictionary row that knows this person (`officials.csv:12`), if any. */
  entry?: string;
  nameEn?: string;
  /** The name of the dictionary row (刘国中 for Liu Guozhong): one identity across languages. */
  canonical?: string;
  offices: Office[];
  /** Every span naming the person (full name, surname in English, resolved pronoun). */
  mentions: Span[];
  /** Invoked only (学习贯彻习近平总书记重要指示): mentioned, never a participant. */
  invokedOnly?: boolean;
}

export type RoleKind = 'chair' | 'speaker' | 'attendee';

export interface Role extends Span {
  personId: number;
  role: RoleKind;
  rule: string;
}

export interface Meeting extends Span {
  id: string;
  kind: 'meeting' | 'inspection';
  name: string;
  date?: string;
  endDate?: string;
  timeOfDay?: string;
  dateText?: string;
  venue?: string;
  roles: Role[];
  rule: string;
  /** Sentence index where the meeting is introduced; directives after it belong to it. */
  sentence: number;
}

export interface Directive extends Span {
  id: string;
  meetingId?: string;
  speaker: string; // person name, 会议, or the organisation/document as written
  personId?: number;
  verb: string;
  /** The attribution (刘国中强调,) this directive inherits from, or its own. */
  attribution: Span;
  rule: string;
}

/** A line of the article: its headline, a body paragraph, or a credit line (byline, editor, source). */
export interface Paragraph extends Span {
  kind: 'title' | 'body' | 'credit';
}

export interface Sentence extends Span {
  paragraph: number;
}

export interface Doc {
  id: string;
  input: string; // file path, with `:line` for table rows
  format: InputFormat;
  bytes?: Uint8Array; // the raw input, until `decode` has read it
  columns?: Partial<Record<'title' | 'published_at' | 'source' | 'url' | 'text', string>>;
  encoding?: string;
  raw?: string; // decoded input, before rendering
  html?: HtmlInfo;
  text: string;
  /** Every line of the text, scored: what is article and what is page. */
  lines?: LineInfo[];
  body?: Span;
  /** Lines after the body that carry credits (editor, reporters, source), searched by the metadata stage. */
  credits?: Span[];
  meta: Meta;
  referenceDate?: ReferenceDate;
  language?: Language;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** Token boundaries of the segmenter (computed a clause at a time, when asked). */
  boundaries?: Segmentation;
  mentions: Mention[];
  people: Person[];
  meetings: Meeting[];
  directives: Directive[];
  messages: Message[];
  timings: Record<string, number>;
}

/** A line of the page text as the body finder scored it (kept for the metadata stage). */
export interface LineInfo extends Span {
  score: number;
  /** Why the line counts against the body (a boilerplate cue kind, `related-item`, `links`, `short`). */
  reason?: string;
  hardStop: boolean;
  label: boolean;
}

/** What the HTML renderer learned from the page besides its text. */
export interface HtmlInfo {
  title?: string;
  meta: Record<string, string>;
  /** Per line of `text`: the share of its characters inside links (nav and related lists are mostly links). */
  linkDensity: number[];
}

/**
 * A document with every field present from the start, in one order: stages that fill them in then keep one
 * object shape, so V8 reads `doc.text` and the rest at full speed (fields added later, or deleted, made
 * each document's shape differ and every such read slower).
 */
export function createDoc(init: Pick<Doc, 'id' | 'input' | 'format'> & Partial<Doc>): Doc {
  const doc: Doc = {
    id: init.id,
    input: init.input,
    format: init.format,
    bytes: undefined,
    columns: undefined,
    encoding: undefined,
    raw: undefined,
    html: undefined,
    text: '',
    lines: undefined,
    body: undefined,
    credits: undefined,
    meta: { reporters: [] },
    referenceDate: undefined,
    language: undefined,
    paragraphs: [],
    sentences: [],
    boundaries: undefined,
    mentions: [],
    people: [],
    meetings: [],
    directives: [],
    messages: [],
    timings: {},
  };
  return Object.assign(doc, init);
}

/** A failure that ends one article's processing; the batch records it and goes on. */
export class ArticleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function addMessage(doc: Doc, stage: string, code: string, message: string, span?: Span, severity: Message['severity'] = 'warning'): void {
  doc.messages.push({ code, message, stage, severity, ...(span ? { start: span.start, end: span.end } : {}) });
}

export function slice(doc: Doc, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

export function mentionsOf<T extends MentionType>(doc: Doc, type: T): Extract<Mention, { type: T }>[] {
  return doc.mentions.filter((m): m is Extract<Mention, { type: T }> => m.type === type);
}

export function inside(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
