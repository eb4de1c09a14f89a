// The stages, in order. This is the one place that lists them: read it first.
//
// Every stage is a small function over one article (`Doc`). It says what it needs (`requires`, assigned by
// an earlier stage) and what it adds (`assigns`); it never rewrites `doc.text` once `render` has set it,
// and reports problems as messages on the document. `checkStages` proves at start-up that every
// requirement is met by an earlier stage.
import { ArticleError, addMessage, type Doc, type Span } from './doc.ts';
import type { Lexicon } from './dictionaries/compile.ts';
import { decodeBytes, declaredCharset } from './read/decode.ts';
import { looksLikeHtml, renderHtml } from './clean/html.ts';
import { detectLanguage } from './clean/language.ts';
import { findBody } from './clean/body.ts';
import { harvestMetadata } from './clean/metadata.ts';
import { splitSentences } from './text/sentences.ts';
import { segment } from './text/segment.ts';
import { tagPlaces } from './tag/places.ts';
import { tagDates } from './tag/dates.ts';
import { tagOfficials } from './tag/officials.ts';
import { linkEvents } from './link/events.ts';
import { englishStages } from './en/stages.ts';

export interface Context {
  lex: Lexicon;
  /** Stop an article that takes longer than this (milliseconds), between stages. */
  timeBudgetMs: number;
}

export interface Stage {
  name: string;
  requires: (keyof Doc)[];
  assigns: (keyof Doc)[];
  /** Run only for some articles (the Chinese and English paths). */
  when?: (doc: Doc) => boolean;
  run(doc: Doc, ctx: Context): void;
}

const zh = (doc: Doc) => doc.language === 'zh';

/** What a Doc holds before the first stage (from the input reader). */
export const INITIAL: (keyof Doc)[] = ['id', 'input', 'format', 'bytes', 'columns', 'meta', 'mentions', 'messages'];

export const STAGES: Stage[] = [
  // read: bytes → string. UTF-8 or GB18030 decided by the bytes; a wrong <meta charset> is a warning.
  {
    name: 'decode',
    requires: ['bytes', 'columns'],
    assigns: ['raw', 'encoding'],
    run(doc) {
      if (doc.columns) {
        doc.raw = doc.columns.text ?? '';
        doc.encoding = 'table';
        return;
      }
      const bytes = doc.bytes!;
      const decoded = decodeBytes(bytes, doc.format === 'html' ? declaredCharset(bytes) : undefined);
      doc.raw = decoded.text;
      doc.encoding = decoded.encoding;
      if (decoded.mislabeled) addMessage(doc, 'decode', 'W_CHARSET_MISMATCH', `the page declares ${decoded.mislabeled} but its bytes are ${decoded.encoding}`);
      doc.bytes = undefined; // not deleted: the document keeps its shape (see createDoc)
    },
  },
  // clean: HTML (a page, or <p> tags inside a text cell) → text with a line per block. The text is fixed
  // from here on; a table row's title becomes the first line, as in a page.
  {
    name: 'render',
    requires: ['raw'],
    assigns: ['text', 'html'],
    run(doc) {
      let body = doc.raw ?? '';
      if (doc.format === 'html' || looksLikeHtml(body)) {
        const r = renderHtml(body);
        body = r.text;
        if (doc.format === 'html') doc.html = r.html;
      } else body = body.replace(/\r\n?/g, '\n');
      const title = doc.columns?.title?.trim();
      doc.text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
      if (doc.html) doc.html.linkDensity = title ? [0, ...doc.html.linkDensity] : doc.html.linkDensity;
      doc.raw = undefined;
      if (!doc.text.trim()) throw new ArticleError('E_NO_TEXT', 'the input has no text');
    },
  },
  // clean: zh or en, from the script of the text.
  { name: 'language', requires: ['text'], assigns: ['language'], run: (doc) => void (doc.language = detectLanguage(doc.text)) },
  // clean: the article's own lines versus navigation, share prompts, related news, footers (marked as
  // boilerplate mentions, so a user can see why a name did not come out).
  {
    name: 'body',
    requires: ['text', 'language'],
    assigns: ['lines', 'body', 'paragraphs', 'credits', 'mentions'],
    run(doc, ctx) {
      const found = findBody(doc, ctx.lex);
      if (!found) throw new ArticleError('E_NO_BODY', 'no article text found on the page');
      doc.body = found.body;
      doc.paragraphs = found.paragraphs;
      doc.credits = found.credits;
      for (const b of found.boilerplate) doc.mentions.push({ type: 'boilerplate', start: b.span.start, end: b.span.end, normalized: b.reason, rule: `body:${b.reason}` });
    },
  },
  // clean: headline, publication time, source, editor, reporters, original title — each with its span —
  // and the reference date for relative dates. The headline and credit lines join the paragraphs.
  {
    name: 'metadata',
    requires: ['text', 'body', 'paragraphs'],
    assigns: ['meta', 'referenceDate', 'paragraphs'],
    run(doc, ctx) {
      harvestMetadata(doc, ctx.lex);
      addTitleAndCredits(doc);
    },
  },
  // text: sentences of the headline and body (。！？ end one; ，；、 do not).
  { name: 'sentences', requires: ['paragraphs', 'language'], assigns: ['sentences'], run: (doc) => void (doc.sentences = splitSentences(doc)) },
  // text: nodejieba segmentation with the project's dictionaries, as token boundaries over the text — cut a
  // clause at a time when a tagger first asks about it (most clauses never need it).
  { name: 'segment', when: zh, requires: ['paragraphs'], assigns: ['boundaries'], run: (doc) => void (doc.boundaries = segment(doc.text, doc.paragraphs)) },
  // tag: administrative divisions (dictionary of all of China's, short names, aliases).
  { name: 'places', when: zh, requires: ['paragraphs', 'boundaries'], assigns: ['mentions'], run: (doc, ctx) => tagPlaces(doc, ctx.lex, doc.paragraphs) },
  // tag: dates, resolved against the reference date, preferring the past.
  { name: 'dates', when: zh, requires: ['paragraphs', 'referenceDate'], assigns: ['mentions'], run: (doc) => tagDates(doc, datedParagraphs(doc)) },
  // tag: officials — titles, names, jurisdictions; later mentions and 他/她.
  {
    name: 'officials',
    when: zh,
    requires: ['paragraphs', 'sentences', 'boundaries', 'mentions', 'meta'],
    assigns: ['people', 'mentions', 'boundaries'],
    run: (doc, ctx) => tagOfficials(doc, ctx.lex, doc.paragraphs),
  },
  // link: meetings and inspections with chair / speakers / attendees; one directive per reported sentence.
  { name: 'events', when: zh, requires: ['sentences', 'people', 'mentions'], assigns: ['meetings', 'directives', 'mentions'], run: (doc, ctx) => linkEvents(doc, ctx.lex) },
  // en: the same tags and events for English articles, with compromise.
  ...englishStages.map((s) => ({ ...s, when: (doc: Doc) => doc.language === 'en' })),
];

/**
 * Headline and credit lines are part of the article (for places and names) but not of its body text; the
 * lines that gave the publication time or source are metadata, not body.
 */
function addTitleAndCredits(doc: Doc): void {
  const m = doc.meta;
  const metaSpans = [m.publishedAt, m.source, m.editor, m.originalTitle].filter((f) => f?.start !== undefined) as Span[];
  doc.paragraphs = doc.paragraphs.filter((p) => !metaSpans.some((f) => f.start >= p.start && f.end <= p.end && p.end - p.start <= 60));
  const f = m.title;
  const t = f?.start !== undefined && f.end !== undefined ? { start: f.start, end: f.end } : undefined;
  if (t) {
    doc.paragraphs = doc.paragraphs.filter((p) => !(p.start < t.end && t.start < p.end));
    doc.paragraphs.push({ start: t.start, end: t.end, kind: 'title' });
    // The headline was cut with the page header: it is not boilerplate.
    doc.mentions = doc.mentions.filter((x) => !(x.type === 'boilerplate' && x.start < t.end && t.start < x.end));
  }
  for (const c of doc.credits ?? []) doc.paragraphs.push({ start: c.start, end: c.end, kind: 'credit' });
  doc.paragraphs.sort((a, b) => a.start - b.start);
}

function datedParagraphs(doc: Doc): Span[] {
  return doc.paragraphs.filter((p) => p.kind !== 'credit');
}

/** Prove that every stage's requirements are assigned before it runs. */
export function checkStages(stages: Stage[] = STAGES): string[] {
  const have = new Set<keyof Doc>(INITIAL);
  const problems: string[] = [];
  for (const s of stages) {
    for (const r of s.requires) if (!have.has(r)) problems.push(`stage ${s.name} requires ${r}, which no earlier stage assigns`);
    for (const a of s.assigns) have.add(a);
  }
  return problems;
}

export function runPipeline(doc: Doc, ctx: Context, stages: Stage[] = STAGES): Doc {
  const began = performance.now();
  for (const stage of stages) {
    if (stage.when && !stage.when(doc)) continue;
    const t0 = performance.now();
    stage.run(doc, ctx);
    const t1 = performance.now();
    doc.timings[stage.name] = (doc.timings[stage.name] ?? 0) + (t1 - t0);
    if (t1 - began > ctx.timeBudgetMs) throw new ArticleError('E_TIMEOUT', `processing took over ${ctx.timeBudgetMs} ms (stopped after stage ${stage.name})`);
  }
  return doc;
}
