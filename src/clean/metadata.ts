// The article's own metadata, each value with the span it came from: headline (without a site-name suffix),
// publication time, source, editor, reporters, original title. Searched only around the article — the lines
// above the body, its first paragraph (bylines) and the credits below it — never in the related-news lists
// whose dates and names belong to other articles. Table columns, when given, win.
import type { Doc, Field, LineInfo, Span } from '../doc.ts';
import type { Lexicon } from '../dictionaries/compile.ts';
import { findDateTime, normalizeMetaDate } from '../tag/dates.ts';
import { scoreLines } from './body.ts';

const META_TIME_KEYS = ['article:published_time', 'publishdate', 'pubdate', 'publish_date', 'og:release_date', 'ptime', 'datepublished', 'dc.date', 'date'];
const SITE_WORDS = /网|新闻|频道|日报|晚报|在线|客户端|报$|\.com|\.cn|news|daily|online|times/i;
const DATE_IN_NAME = /(?<!\d)((?:19|20)\d{2})[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12]\d|3[01])(?!\d)/;

export function harvestMetadata(doc: Doc, lex: Lexicon): void {
  const lines = doc.lines ?? scoreLines(doc, lex);
  const text = doc.text;
  const lineText = (l: Span) => text.slice(l.start, l.end);
  const bodyStart = doc.body ? lines.findIndex((l) => l.start >= doc.body!.start) : 0;
  const bodyEnd = doc.body ? lines.findIndex((l) => l.end >= doc.body!.end) : lines.length - 1;
  const lastCredit = doc.credits?.[doc.credits.length - 1];
  const creditsEnd = lastCredit ? lines.findIndex((l) => l.end >= lastCredit.end) : bodyEnd;
  const head = lines.slice(0, Math.max(0, bodyStart));
  const labels = lex.labelRe;

  // ---- title
  const cols = doc.columns ?? {};
  if (cols.title) {
    const t = cols.title.trim();
    const at = text.indexOf(t);
    doc.meta.title = { value: t, rule: 'column:title', ...(at >= 0 ? { start: at, end: at + t.length } : {}) };
  } else doc.meta.title = findTitle(doc, lines, bodyStart, labels.any);

  // ---- publication time: the first date-time line below the headline (or just above the body), else
  // <meta>, else a column. Lines inside the body count only when short: a long first paragraph's date is
  // the event's, not the page's.
  const titleLine = doc.meta.title?.start !== undefined ? lines.findIndex((l) => l.end >= doc.meta.title!.end!) : -1;
  if (cols.published_at) {
    const v = normalizeMetaDate(cols.published_at) ?? findDateTime(cols.published_at)?.value;
    if (v) doc.meta.publishedAt = { value: v, rule: 'column:published_at' };
  }
  if (!doc.meta.publishedAt) {
    const from = titleLine >= 0 ? titleLine + 1 : Math.max(0, bodyStart - 6);
    for (let i = from; i < Math.min(lines.length, Math.max(bodyStart, from) + 3) && !doc.meta.publishedAt; i++) {
      const s = lineText(lines[i]);
      if (i >= bodyStart && s.length > 40 && !labels.field.published_at.test(s)) continue;
      const found = findDateTime(s);
      if (found) doc.meta.publishedAt = { value: found.value, rule: 'text:datetime-line', start: lines[i].start + found.start, end: lines[i].start + found.end };
    }
  }
  if (!doc.meta.publishedAt && doc.html) {
    for (const k of META_TIME_KEYS) {
      const v = doc.html.meta[k] && normalizeMetaDate(doc.html.meta[k]);
      if (v) {
        doc.meta.publishedAt = { value: v, rule: `html:meta[${k}]` };
        break;
      }
    }
  }

  // ---- labelled fields: above the body, in its first paragraph, in the credits
  const zones: LineInfo[] = [...head.slice(Math.max(0, (titleLine >= 0 ? titleLine : bodyStart - 6))), ...lines.slice(bodyStart, bodyStart + 4), ...lines.slice(Math.max(bodyStart + 4, bodyEnd - 1), creditsEnd + 1)];
  for (const l of zones) {
    const s = lineText(l);
    if (!doc.meta.source) doc.meta.source = labelled(s, l.start, labels.field.source, 'source');
    if (!doc.meta.editor) doc.meta.editor = labelled(s, l.start, labels.field.editor, 'editor');
    if (!doc.meta.originalTitle) doc.meta.originalTitle = labelled(s, l.start, labels.field.original_title, 'original_title');
  }
  if (cols.source) doc.meta.source = { value: cols.source.trim(), rule: 'column:source' };
  if (!doc.meta.source) doc.meta.source = englishSource(doc, zones);
  if (!doc.meta.source && doc.html?.meta.source) {
    const v = doc.html.meta.source.replace(/^\s*(?:来源|source)\s*[:：]\s*/i, '').trim();
    if (v) doc.meta.source = { value: v, rule: 'html:meta[source]' };
  }
  doc.meta.reporters = findReporters(doc, zones, lex);
  if (cols.url) doc.meta.url = { value: cols.url, rule: 'column:url' };

  // ---- the date relative expressions resolve against
  const pub = doc.meta.publishedAt?.value.slice(0, 10);
  if (pub) doc.referenceDate = { date: pub, rule: `published_at (${doc.meta.publishedAt!.rule})` };
  else {
    for (const [what, s] of [['url', cols.url ?? ''], ['article_id', doc.id], ['input', doc.input]] as const) {
      const m = DATE_IN_NAME.exec(s);
      if (m) {
        doc.referenceDate = { date: `${m[1]}-${m[2]}-${m[3]}`, rule: `date in ${what}` };
        break;
      }
    }
  }
}

/** The value after a label, up to a closing bracket, a bar, a wide gap, © or the next label. */
function labelled(s: string, offset: number, re: RegExp, field: string): Field | undefined {
  const m = re.exec(s);
  if (!m) return undefined;
  let start = m.index + m[0].length;
  let rest = s.slice(start);
  const stop = /\s{2,}|[|｜©)）\]】]|\s(?:来源|编辑|责任编辑|时间|发布时间|作者)[:：]/.exec(rest);
  if (stop) rest = rest.slice(0, stop.index);
  let value = rest.replace(/_[A-Za-z]{1,4}\d+\s*$/, '').trim(); // 李曦_NN2587: an internal staff code
  // A Chinese outlet name has no spaces: what follows one is the next widget (新华社 举报).
  if (field === 'source' && /^[\u4e00-\u9fff]/.test(value)) value = value.split(/\s/)[0];
  if (field === 'original_title') value = value.replace(/^[“"]|[”"]$/g, '');
  if (!value) return undefined;
  start += rest.indexOf(value);
  return { value, rule: `label:${m[0].replace(/[\s:：(（\[【|□■·]/g, '')}`, start: offset + start, end: offset + start + value.length };
}

const NAV_BAR = /^\s*[^|｜>»/\s]{1,6}(?:\s*[|｜>»/]\s*[^|｜>»/\s]{1,6}){2,}\s*$/;

function isHeading(doc: Doc, l: LineInfo, anyLabel: RegExp): boolean {
  const s = doc.text.slice(l.start, l.end);
  const len = [...s].length;
  if (len < 4 || len > 120) return false;
  if (/[。；;]$/.test(s) || (doc.language === 'en' && /\.$/.test(s) && len > 60)) return false;
  if (l.reason && l.reason !== 'short') return false;
  if (anyLabel.test(s) || findDateTime(s)) return false;
  if (doc.language === 'en' && s.split(/\s+/).length < 3) return false;
  // A navigation bar: short items between separators (首页 | 陕西 | 国内 | 国际, 首页 > 新闻 > 正文).
  if (NAV_BAR.test(s)) return false;
  return !/^[-–—•·|>\s]*$/.test(s);
}

function findTitle(doc: Doc, lines: LineInfo[], bodyStart: number, anyLabel: RegExp): Field | undefined {
  const text = doc.text;
  const lineText = (l: Span) => text.slice(l.start, l.end);
  const html = doc.html;
  if (html) {
    const full = html.meta['og:title'] ?? html.meta['twitter:title'] ?? html.title;
    const cleaned = html.title ? stripSiteName(html.title) : undefined;
    const wanted = [html.meta['og:title'], cleaned, html.title].filter((x): x is string => !!x).map((x) => x.trim());
    // The occurrence nearest above the body (the first is often in a breadcrumb or a share widget).
    for (let i = Math.min(bodyStart + 1, lines.length - 1); i >= 0; i--) {
      const s = lineText(lines[i]);
      if (wanted.includes(s) || (html.title && s.length >= 6 && html.title.startsWith(s) && cleaned === s)) return { value: s, rule: 'html:title-line', start: lines[i].start, end: lines[i].end };
    }
    if (full) return { value: stripSiteName(full), rule: html.meta['og:title'] ? 'html:meta[og:title]' : 'html:title' };
  }
  // Page text: the heading block just above the metadata line nearest the body (which may have been
  // taken into the body's first lines), else just above the body, else the body's first line when it is
  // a heading over prose.
  let anchor = bodyStart;
  for (let i = Math.min(lines.length - 1, bodyStart + 2); i >= 0 && i >= bodyStart - 8; i--) {
    const s = lineText(lines[i]);
    if ((i < bodyStart || s.length <= 40) && (findDateTime(s) || anyLabel.test(s))) {
      anchor = i;
      break;
    }
  }
  const block: LineInfo[] = [];
  for (let i = anchor - 1; i >= 0 && block.length < 4 && isHeading(doc, lines[i], anyLabel); i--) block.unshift(lines[i]);
  if (!block.length && anchor !== bodyStart) for (let i = bodyStart - 1; i > anchor && block.length < 4 && isHeading(doc, lines[i], anyLabel); i--) block.unshift(lines[i]);
  if (!block.length && lines[bodyStart + 1] && isHeading(doc, lines[bodyStart], anyLabel) && lines[bodyStart + 1].score > 0) block.push(lines[bodyStart]);
  if (!block.length) return undefined;
  const value = block.map(lineText).join(' ');
  return { value, rule: block.length > 1 ? 'text:heading-block' : 'text:heading-line', start: block[0].start, end: block[block.length - 1].end };
}

/** `标题_网易新闻` → `标题`; keeps `书记市长这一周 | 奋马扬鞭…` whose last part is no site name. */
export function stripSiteName(title: string): string {
  const parts = title.split(/\s*[_|｜]\s*|\s+[-–—]\s+|-(?=[^-]*$)/);
  if (parts.length > 1) {
    const last = parts[parts.length - 1];
    if (last.length <= 16 && SITE_WORDS.test(last)) return title.slice(0, title.lastIndexOf(last)).replace(/[\s_|｜\-–—]+$/, '');
  }
  return title.trim();
}

/** `(Xinhua) 10:33, August 01, 2020` → Xinhua. */
function englishSource(doc: Doc, zones: LineInfo[]): Field | undefined {
  if (doc.language !== 'en') return undefined;
  for (const l of zones) {
    const s = doc.text.slice(l.start, l.end);
    const m = /^\(?([A-Z][A-Za-z.' ]{1,40}?)\)\s+\d{1,2}:\d{2}/.exec(s) ?? /^Source:\s*(.+?)\s*$/i.exec(s);
    if (m) {
      const at = s.indexOf(m[1]);
      return { value: m[1].trim(), rule: 'text:en-source', start: l.start + at, end: l.start + at + m[1].trim().length };
    }
  }
  return undefined;
}

const NAME_SEP = /^[\s\u3000、，,]+/;

/** Byline names after 记者 / 通讯员: `记者 王嘉毅 张柏栋`, `本报记者 葛灵丹`, `记者张三、李四报道`. */
function findReporters(doc: Doc, zones: LineInfo[], lex: Lexicon): Field[] {
  const out: Field[] = [];
  const seen = new Set<string>();
  // 记者 邵景文 通讯员 覃立言: the next label ends the list (g goes on from there).
  const { reporterAnywhere: g, reporterAt } = lex.labelRe;
  for (const l of zones) {
    const s = doc.text.slice(l.start, l.end);
    // A byline is a short line, or a bracketed aside inside the first paragraph (西部网讯(…记者 王嘉毅 …)).
    const bracket = /[(（]([^()（）]{0,60}?(?:记者|通讯员)[^()（）]{0,60})[)）]/.exec(s);
    const zone = s.length <= 60 ? { text: s, at: 0 } : bracket ? { text: bracket[1], at: bracket.index + 1 } : undefined;
    if (!zone) continue;
    g.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = g.exec(zone.text))) {
      let pos = m.index + m[0].length;
      for (;;) {
        reporterAt.lastIndex = pos;
        if (reporterAt.test(zone.text)) break;
        const name = nameAt(zone.text, pos, lex);
        if (!name) break;
        if (!seen.has(name)) {
          seen.add(name);
          const start = l.start + zone.at + pos;
          out.push({ value: name, rule: 'label:reporter', start, end: start + name.length });
        }
        pos += name.length;
        const sep = NAME_SEP.exec(zone.text.slice(pos));
        if (!sep) break;
        pos += sep[0].length;
      }
    }
  }
  return out;
}

/** A personal name at `pos`: 2–4 Han characters ending at a separator, or surname + 1–2 characters. */
function nameAt(s: string, pos: number, lex: Lexicon): string | undefined {
  const spaced = /^[\u4e00-\u9fff·]{2,4}(?=[\s\u3000、，,)）]|$)/.exec(s.slice(pos));
  if (spaced) return spaced[0];
  const two = s.slice(pos, pos + 2);
  const surname = lex.surnames.has(two) && two.length === 2 ? two : lex.surnames.has(s[pos]) ? s[pos] : undefined;
  if (!surname) return undefined;
  const after = s.slice(pos + surname.length);
  const given = /^[\u4e00-\u9fff]{1,2}?(?=报道|摄|实习|通讯员|[\s\u3000、，,)）]|$)/.exec(after);
  return given && given[0] ? surname + given[0] : undefined;
}
