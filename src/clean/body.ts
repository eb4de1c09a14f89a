// Find the article inside the page. Works on the lines of any page text (rendered HTML or a text dump):
// each line gets a score — prose counts for, navigation, share prompts, related-news items (a headline that
// ends in a date), link-heavy lines and footers count against — and the body is the run of lines with the
// highest total (maximum-sum segment, as in text-density extractors), never crossing a "related news" or
// footer heading. Everything else is recorded as boilerplate, so a user can see why a name did not come out.
import type { Doc, LineInfo, Paragraph, Span } from '../doc.ts';
import type { BoilerplateCue, Lexicon } from '../dictionaries/compile.ts';
import { charCodes, countHan, isHan, isLatin, lineSpans } from '../text/lines.ts';

// A related-news item: some words, then a date (2025-11-04, 2022-01-07 09:34) or "3小时前" at the end,
// or a line that is only a date and a channel name (2022-01-07 09:34 北京冬奥会 -).
const TRAILING_DATE = /(?:^|[\s\u3000])(?:(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}(?:小时|分钟|天)前)\s*[-|]?$/;
/** How every TRAILING_DATE match ends (a digit, 日 or 前, then perhaps spaces and - or |): a cheap test first. */
const TRAILING_DATE_END = /[0-9日前]\s*[-|]?$/;
const LEADING_DATE_SHORT = /^(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?\s+\S{1,12}\s*-?$/;
const EN_PROSE = /[a-z0-9)][.!?]["”’)]?(?:\s|$)/;

export function scoreLines(doc: Doc, lex: Lexicon): LineInfo[] {
  const text = doc.text;
  const spans = lineSpans(text);
  const labelStart = lex.labelRe.lineStart;
  const infos = spans.map((span, i) => {
    const s = text.slice(span.start, span.end);
    const { han, latin, clausePunctuation } = lineStats(s);
    const weight = han + latin / 4;
    const label = labelStart.test(s);
    // Spelled out: an object spread with added fields takes V8's slow path (it was most of this stage).
    const info: LineInfo = { start: span.start, end: span.end, score: 0, hardStop: false, label };
    const cue = boilerplateCue(s, lex);
    const links = doc.html?.linkDensity[i] ?? 0;
    if (cue) {
      info.reason = cue.kind;
      info.hardStop = cue.kind === 'related' || cue.kind === 'footer';
      info.score = -40 - weight;
    } else if (!label && ((weight > 8 && TRAILING_DATE_END.test(s) && TRAILING_DATE.test(s)) || LEADING_DATE_SHORT.test(s))) {
      info.reason = 'related-item';
      info.score = -20 - weight;
    } else if (links >= 0.5) {
      info.reason = 'links';
      info.score = -5 - weight * links;
    } else if (label) {
      info.score = 0; // credits and metadata: neither for nor against
    } else if (
      // Prose: sentence punctuation and some length; a short line that ends a sentence counts too (郭金龙参加有关活动。).
      doc.language === 'en' ? EN_PROSE.test(s) && latin >= 40 : (clausePunctuation && weight >= 12) || (weight >= 5 && endsSentence(s))
    ) {
      info.score = weight * (1 - links);
    } else {
      info.reason = 'short';
      info.score = -Math.min(10, 2 + weight / 2);
    }
    return info;
  });
  // A list of headlines, each followed by its own date line: when the page has two or more such date
  // lines, the line above each is a related-news headline too (民警护送下,西安孕妇…).
  const dateLines = infos.filter((l) => DATE_LINE.test(text.slice(l.start, l.end)));
  if (dateLines.length >= 2) {
    for (let i = 1; i < infos.length; i++) {
      if (!DATE_LINE.test(text.slice(infos[i].start, infos[i].end)) || infos[i - 1].label) continue;
      const head = infos[i - 1];
      const w = countHan(text.slice(head.start, head.end));
      Object.assign(head, { reason: 'related-item', score: -20 - w });
      Object.assign(infos[i], { reason: 'related-item', score: Math.min(infos[i].score, -20) });
    }
  }
  return infos;
}

/** Han characters, Latin letters, and whether there is sentence or clause punctuation (。！？；，,), in one pass. */
function lineStats(s: string): { han: number; latin: number; clausePunctuation: boolean } {
  let han = 0;
  let latin = 0;
  let clausePunctuation = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHan(c)) han++;
    else if (isLatin(c)) latin++;
    else if (CLAUSE_PUNCTUATION.has(c)) clausePunctuation = true;
  }
  return { han, latin, clausePunctuation };
}
const CLAUSE_PUNCTUATION = charCodes('。！？；，,');

/**
 * The boilerplate cue of a line, the earliest row of boilerplate.csv that fits: a cue that opens the line,
 * or one anywhere in a short line (share prompts and footers up to 80 characters, other cues up to 24).
 */
function boilerplateCue(s: string, lex: Lexicon): BoilerplateCue | undefined {
  let best: BoilerplateCue | undefined;
  for (let i = 0; i < s.length; i++) {
    if (!lex.boilerplateCues.startsAt(s, i)) continue;
    for (const m of lex.boilerplateCues.allAt(s, i)) {
      for (const b of m.values) {
        if (best && best.order <= b.order) continue;
        if (s.startsWith(b.cue) || s.length <= (b.kind === 'share' || b.kind === 'footer' ? 80 : 24)) best = b;
      }
    }
  }
  return best;
}

const SENTENCE_END = charCodes('。！？');
const CLOSING = charCodes('"”’）)');
/** The line ends a sentence: 。！？, perhaps followed by one closing quote or bracket. */
function endsSentence(s: string): boolean {
  const n = s.length;
  return n > 0 && (SENTENCE_END.has(s.charCodeAt(n - 1)) || (n > 1 && CLOSING.has(s.charCodeAt(n - 1)) && SENTENCE_END.has(s.charCodeAt(n - 2))));
}

function hasReporterLabel(s: string, lex: Lexicon): boolean {
  const re = lex.labelRe.reporterAnywhere;
  re.lastIndex = 0;
  return re.test(s);
}

/** A line that is a date (and time), optionally with a channel name: the second line of a list item. */
const DATE_LINE = /^(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+\S{1,12})?\s*-?$/;

export interface BodyResult {
  body: Span;
  paragraphs: Paragraph[];
  credits: Span[];
  boilerplate: { span: Span; reason: string }[];
}

export function findBody(doc: Doc, lex: Lexicon): BodyResult | undefined {
  const lines = (doc.lines = scoreLines(doc, lex));
  if (!lines.length) return undefined;

  // Maximum-sum run of lines inside each block between hard stops.
  let best = { sum: 0, from: -1, to: -1 };
  let sum = 0;
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].hardStop) {
      sum = 0;
      from = i + 1;
      continue;
    }
    if (sum <= 0) {
      sum = 0;
      from = i;
    }
    sum += lines[i].score;
    if (sum > best.sum) best = { sum, from, to: i };
  }
  let first = best.from;
  let last = best.to;
  if (first < 0) {
    // No prose at all (a headline, a list): keep every line that no cue marks as boilerplate.
    const kept = lines.map((l, i) => (l.reason && l.reason !== 'short' ? -1 : i)).filter((i) => i >= 0);
    if (!kept.length) return undefined;
    first = kept[0];
    last = kept[kept.length - 1];
  }
  // A trailing label line inside the run (编辑:…) is a credit, not body.
  while (last > first && lines[last].label) last--;

  const paragraphs: Paragraph[] = [];
  for (let i = first; i <= last; i++) if (!lines[i].label && !(lines[i].reason && lines[i].reason !== 'short')) paragraphs.push({ start: lines[i].start, end: lines[i].end, kind: 'body' });
  const body = { start: lines[first].start, end: lines[last].end };

  // Credits: lines with a label (编辑:, 记者 …) among the 12 after the body, past related-news links but not
  // past a footer. Only the credit lines themselves: the links between them are not the article.
  const credits: Span[] = [];
  const creditLines = new Set<number>();
  for (let i = last + 1; i < lines.length && i <= last + 12; i++) {
    if (lines[i].reason === 'footer') break;
    const s = doc.text.slice(lines[i].start, lines[i].end);
    if (lines[i].label || (s.length <= 200 && lex.labelRe.any.test(s)) || (s.length <= 60 && hasReporterLabel(s, lex))) {
      credits.push({ start: lines[i].start, end: lines[i].end });
      creditLines.add(i);
    }
  }

  // Every line cut, with its own reason: the line holding 钟南山 says `related-item`.
  const boilerplate: { span: Span; reason: string }[] = [];
  lines.forEach((l, i) => {
    if ((i >= first && i <= last) || creditLines.has(i)) return;
    boilerplate.push({ span: { start: l.start, end: l.end }, reason: l.reason ?? (l.label ? 'metadata' : 'outside-body') });
  });
  return { body, paragraphs, credits, boilerplate };
}
