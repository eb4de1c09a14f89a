// Dates as Chinese news writes them — absolute (2022年1月6日, 2022-01-07 09:34), partial (1月6日, 17日晚),
// relative (昨日, 上周五, 本月15日), spans (21日至22日), vague (近日) and anaphoric (当天, 次日, 同一日) —
// recognised on the text (jieba cuts 2022年1月 into pieces) and resolved against the article's reference date
// in Asia/Shanghai, preferring the past. No library here does this for Chinese (chrono-node misses 17日晚).
import { TZDate } from '@date-fns/tz';
import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths, addYears, format, isValid, parseISO, startOfWeek } from 'date-fns';
import type { DateMention, Doc, Span } from '../doc.ts';

export const ZONE = 'Asia/Shanghai';

// A calendar day of the article (a day in Asia/Shanghai) is a UTCDate at midnight: date-fns then does day
// arithmetic the same on every host, whatever its time zone, and ten times faster than with TZDate, which
// is kept for what needs the zone — turning an instant (2020-02-29T10:34:31Z) into a Shanghai date-time.

/** A calendar day; months are 1-based here. */
export function day(y: number, m: number, d: number): UTCDate | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = new UTCDate(y, m - 1, d);
  return isValid(t) && t.getMonth() === m - 1 && t.getDate() === d ? t : undefined;
}

/** yyyy-MM-dd of a day. */
export function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function fromIso(s: string): UTCDate {
  const [y, m, d] = s.split('-').map(Number);
  return new UTCDate(y, m - 1, d);
}

/**
 * Of the candidate days, the one nearest to the reference, where a day in the future counts four times its
 * distance: news reports what happened, and announces only what is close ahead.
 */
export function preferPast(ref: Date, candidates: (Date | undefined)[]): Date | undefined {
  let best: Date | undefined;
  let bestCost = Infinity;
  for (const c of candidates) {
    if (!c) continue;
    const delta = Math.round((c.getTime() - ref.getTime()) / 86400000); // both are midnights of calendar days
    const cost = delta > 0 ? delta * 4 : -delta;
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
    }
  }
  return best;
}

export function resolveMonthDay(ref: Date, m: number, d: number): Date | undefined {
  const y = ref.getFullYear();
  return preferPast(ref, [day(y - 1, m, d), day(y, m, d), day(y + 1, m, d)]);
}

export function resolveDayOfMonth(ref: Date, d: number): Date | undefined {
  const months = [-1, 0, 1].map((k) => addMonths(new UTCDate(ref.getFullYear(), ref.getMonth(), 1), k));
  return preferPast(
    ref,
    months.map((m) => day(m.getFullYear(), m.getMonth() + 1, d)),
  );
}

/** Weekday 1 = Monday … 7 = Sunday; `week` -1 last week, 0 this week, undefined: the most recent on or before ref. */
export function resolveWeekday(ref: Date, weekday: number, week?: number): Date {
  if (week === undefined) {
    const today = ref.getDay() === 0 ? 7 : ref.getDay();
    return addDays(ref, -((today - weekday + 7) % 7));
  }
  return addDays(startOfWeek(ref, { weekStartsOn: 1 }), week * 7 + weekday - 1);
}

// ---- numbers -------------------------------------------------------------------------------------------
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "17", "１７", "十七", "二十一", "二〇二二" → number. */
export function parseNumber(s: string): number {
  const ascii = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (!s.includes('十')) return Number([...s].map((c) => CN_DIGIT[c] ?? NaN).join(''));
  const [tens, ones] = s.split('十');
  return (tens ? (CN_DIGIT[tens] ?? NaN) : 1) * 10 + (ones ? (CN_DIGIT[ones] ?? NaN) : 0);
}

const D = '[0-9０-９]';
const CNN = '[〇零一二三四五六七八九十]';
const NUM12 = `(?:${D}{1,2}|${CNN}{1,3})`;
const YEAR = `(?:${D}{4}|${CNN}{4})`;
const TOD = '凌晨|早上|早晨|上午|中午|午后|下午|傍晚|晚上|晚间|夜间|深夜|当晚|晚|夜';
const WD = '[一二三四五六日天]';
// A clock time after a day: 20:30, 8时, 8时30分, 八时半, 9点.
const CLOCK = `\\s*(?<h>${D}{1,2}|${CNN}{1,3})(?:[:：](?<min>${D}{2})|[时点](?:(?<cmin>${D}{1,2}|${CNN}{1,3})分|(?<half>半))?)`;
/** Before a bare day these make it a count of days, not a day of the month: 近3日, 连续3日, 第3日, 每月15日. */
const NOT_BEFORE_DAY = `(?<![0-9０-９近续每第满超逾])(?<!每月)(?!(?<=${CNN})${CNN})`;

// One pattern, alternatives longest-first: at the leftmost position the first alternative that fits wins.
const DATE_RE = new RegExp(
  // Every alternative starts with one of these characters: checking them first makes the scan cheap.
  '(?=[0-9０-９〇零一二三四五六七八九十本上下这周星礼今昨前明后当同次翌第近日])(?:' +
  [
    `(?<![0-9０-９])(?<ny>${D}{4})[-/.](?<nm>${D}{1,2})[-/.](?<nd>${D}{1,2})(?![0-9０-９])(?:[T\\s]*(?<nh>${D}{1,2})[:：](?<nmin>${D}{2})(?:[:：]${D}{2})?)?`,
    `${NOT_BEFORE_DAY}(?:(?<y>${YEAR})年)?(?:(?<m>${NUM12})月(?:份)?)?(?<d>${NUM12})[日号](?:(?<tod>${TOD}))?(?:${CLOCK})?`,
    `(?<![0-9０-９])(?<my>${YEAR})年(?<mm>${NUM12})月(?!${D}|${CNN})`,
    `(?<rm>本月|上月|下月)(?<rd>${NUM12})[日号](?:(?<rtod>${TOD}))?`,
    `(?<wk>上周|本周|下周|这周|上星期|本星期|下星期)(?<wkd>${WD})`,
    `(?<!每)(?:周|星期|礼拜)(?<wd>${WD})(?:(?<wtod>${TOD}))?`,
    `(?<rel>今天|今日|昨天|昨日|前天|前日|明天|明日|后天|当天|当日|同日|同一日|同一天|当晚|(?<![一二三四五六七八九十两0-9])次日|翌日|第二天|近日|近期|近来|(?<![节假生作每当平往昔明今昨前末周时])日前)(?:(?<reltod>${TOD}))?`,
  ].join('|') + ')',
  'g',
);
const SPAN_JOIN = /^\s*(?:至|到|—|－|-|～|~)\s*/;
const DATE_G = new RegExp(DATE_RE.source, 'g');
const DATE_Y = new RegExp(DATE_RE.source, 'y');

const RELATIVE_OFFSET: Record<string, number> = { 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 前天: -2, 前日: -2, 明天: 1, 明日: 1, 后天: 2 };
const ANAPHORA_OFFSET: Record<string, number> = { 当天: 0, 当日: 0, 同日: 0, 同一日: 0, 同一天: 0, 当晚: 0, 次日: 1, 翌日: 1, 第二天: 1 };
const VAGUE = new Set(['近日', '近期', '近来', '日前']);
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const WEEK_OFFSET: Record<string, number> = { 上周: -1, 上星期: -1, 本周: 0, 这周: 0, 本星期: 0, 下周: 1, 下星期: 1 };

export interface DateContext {
  ref?: Date;
  /** The last resolved date mentioned so far (for 当天, 次日 …). */
  last?: Date;
}

/** Find and resolve every date in text[from, to), in order; `ctx.last` carries anaphora across calls. */
export function findDates(text: string, from: number, to: number, ctx: DateContext): DateMention[] {
  const out: DateMention[] = [];
  // Scan the paragraph alone: a regex run on the whole text would look past `to` for its next match.
  const para = text.slice(from, to);
  const re = DATE_G;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(para))) {
    const end = m.index + m[0].length;
    const mention = resolveMatch(m, ctx);
    if (!mention) continue;
    mention.start = from + m.index;
    mention.end = from + end;
    // A span: 21日至22日, 1月30日至2月2日.
    const join = mention.date ? SPAN_JOIN.exec(para.slice(end, end + 4)) : null;
    if (join && mention.date) {
      DATE_Y.lastIndex = end + join[0].length;
      const m2 = DATE_Y.exec(para);
      if (m2?.groups?.d) {
        const first = fromIso(mention.date);
        const g = m2.groups;
        const y = g.y ? parseNumber(g.y) : first.getFullYear();
        const mo = g.m ? parseNumber(g.m) : first.getMonth() + 1;
        let second: Date | undefined = day(y, mo, parseNumber(g.d));
        // The end before the start runs into the next month (30日至2日) or year (12月30日至1月2日).
        if (second && second < first && !g.y) second = g.m ? addYears(second, 1) : nextMonthDay(first, parseNumber(g.d));
        if (second && second >= first) {
          mention.endDate = iso(second);
          mention.end = from + m2.index + m2[0].length;
          mention.normalized = `${mention.date}/${mention.endDate}`;
          mention.rule += '+span';
          re.lastIndex = m2.index + m2[0].length;
          if (g.tod && !mention.timeOfDay) mention.timeOfDay = normalizeTod(g.tod);
        }
      }
    }
    if (mention.date) ctx.last = fromIso(mention.endDate ?? mention.date);
    out.push(mention);
  }
  return out;
}

function base(rule: string, normalized: string, extra: Partial<DateMention> = {}): DateMention {
  return { type: 'date', start: 0, end: 0, rule, normalized, ...extra };
}

/** The day-of-month d in the month after `first` (undefined when that month has no such day). */
function nextMonthDay(first: Date, d: number): Date | undefined {
  const next = addMonths(new UTCDate(first.getFullYear(), first.getMonth(), 1), 1);
  return day(next.getFullYear(), next.getMonth() + 1, d);
}

/** Parts of the day whose clock hours are afternoon or evening hours (晚8时 is 20:00). */
const PM = new Set(['下午', '午后', '傍晚', '晚上', '晚间', '当晚', '晚']);

function withTod(m: DateMention, tod: string | undefined, g: Record<string, string | undefined> = {}): DateMention {
  if (tod) m.timeOfDay = normalizeTod(tod);
  if (g.h) {
    let h = parseNumber(g.h);
    const min = g.min ? Number(g.min) : g.cmin ? parseNumber(g.cmin) : g.half ? 30 : 0;
    if (tod && h < 12 && (PM.has(tod) || (tod === '中午' && h < 3) || (/夜/.test(tod) && h >= 6))) h += 12;
    if (h <= 24 && min <= 59 && !(h === 24 && min > 0)) m.time = `${pad(h)}:${pad(min)}`;
  }
  return m;
}

function normalizeTod(t: string): string {
  return t === '当晚' ? '晚' : t;
}

function resolved(rule: string, d: Date | undefined, partial: string): DateMention {
  return d ? base(rule, iso(d), { date: iso(d) }) : base(rule, partial);
}

function resolveMatch(m: RegExpExecArray, ctx: DateContext): DateMention | undefined {
  const g = m.groups!;
  const ref = ctx.ref;
  if (g.ny) {
    const d = day(Number(g.ny), Number(g.nm), Number(g.nd));
    if (!d) return undefined;
    return withTod(base('date:numeric', iso(d), { date: iso(d) }), undefined, { h: g.nh, min: g.nmin });
  }
  if (g.d) {
    const dd = parseNumber(g.d);
    if (g.y && g.m) {
      const d = day(parseNumber(g.y), parseNumber(g.m), dd);
      if (!d) return undefined;
      return withTod(base('date:ymd', iso(d), { date: iso(d) }), g.tod, g);
    }
    if (g.m) {
      const mm = parseNumber(g.m);
      if (!day(2000, mm, dd)) return undefined;
      const partial = `--${pad(mm)}-${pad(dd)}`;
      return withTod(resolved('date:md', ref && resolveMonthDay(ref, mm, dd), partial), g.tod, g);
    }
    if (g.y) return undefined; // 2022年17日: not a date
    if (dd < 1 || dd > 31) return undefined;
    // A bare day is a count of days, not a day of the month, when written with one Chinese digit (一日游,
    // 三日) or followed by 内 (30日内, 7日以内; not 17日内蒙古…).
    if (/^[〇零一二三四五六七八九十]$/.test(g.d)) return undefined;
    if (!g.tod && !g.h && /^(?:以|之)?内(?!蒙)/.test(m.input.slice(m.index + m[0].length))) return undefined;
    return withTod(resolved('date:d', ref && resolveDayOfMonth(ref, dd), `---${pad(dd)}`), g.tod, g);
  }
  if (g.my) {
    const mm = parseNumber(g.mm);
    if (mm < 1 || mm > 12) return undefined;
    return base('date:ym', `${parseNumber(g.my)}-${pad(mm)}`);
  }
  if (g.rm) {
    const dd = parseNumber(g.rd);
    const shift = g.rm === '上月' ? -1 : g.rm === '下月' ? 1 : 0;
    const month = ref && addMonths(new UTCDate(ref.getFullYear(), ref.getMonth(), 1), shift);
    return withTod(resolved('date:relative-month', month && day(month.getFullYear(), month.getMonth() + 1, dd), `${g.rm}${dd}日`), g.rtod);
  }
  if (g.wk) {
    return resolved('date:weekday', ref && resolveWeekday(ref, WEEKDAY[g.wkd], WEEK_OFFSET[g.wk]), m[0]);
  }
  if (g.wd) {
    return withTod(resolved('date:weekday', ref && resolveWeekday(ref, WEEKDAY[g.wd]), m[0]), g.wtod);
  }
  if (g.rel) {
    const rel = g.rel;
    if (VAGUE.has(rel)) return base('date:vague', '');
    if (rel in RELATIVE_OFFSET) return withTod(resolved('date:relative', ref && addDays(ref, RELATIVE_OFFSET[rel]), rel), g.reltod);
    const d = ctx.last ? addDays(ctx.last, ANAPHORA_OFFSET[rel]) : undefined;
    return withTod(resolved('date:anaphora', d, rel), rel === '当晚' ? '晚' : g.reltod);
  }
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The date stage's entry: every date in the article's paragraphs, in reading order. */
export function tagDates(doc: Doc, paragraphs: Span[]): void {
  const ctx: DateContext = { ref: doc.referenceDate ? fromIso(doc.referenceDate.date) : undefined };
  for (const p of paragraphs) doc.mentions.push(...findDates(doc.text, p.start, p.end, ctx));
}

/** The dates inside a span (a sentence), from the mentions already tagged. */
export function datesIn(doc: Doc, span: Span): DateMention[] {
  return doc.mentions.filter((m): m is DateMention => m.type === 'date' && m.start >= span.start && m.end <= span.end);
}

// ---- publication times ---------------------------------------------------------------------------------

const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month name or abbreviation (Jan., Sept) → 1–12. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS_EN.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)) || (w === 'sept' && m === 'september'));
  return i >= 0 ? i + 1 : undefined;
}

const DATETIME_ZH = new RegExp(
  `(?<y>${D}{4})\\s*[-/.年]\\s*(?<m>${D}{1,2})\\s*[-/.月]\\s*(?<d>${D}{1,2})\\s*日?(?:\\s*(?<h>${D}{1,2})\\s*[:：时]\\s*(?<min>${D}{2})(?:\\s*[:：分]\\s*(?<s>${D}{2}))?)?`,
);
const DATETIME_EN =
  /(?:(?<h1>\d{1,2}):(?<mi1>\d{2})(?::(?<s1>\d{2}))?,?\s+)?(?:[A-Z][a-z]+day,?\s+)?(?<mon>[A-Z][a-z]{2,8}\.?)\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})(?:,?\s+(?<h2>\d{1,2}):(?<mi2>\d{2})(?::(?<s2>\d{2}))?)?/;

export interface FoundDateTime extends Span {
  value: string; // ISO 8601 with +08:00, or a date alone
}

/** The first publication-style date-time in `s` (a line), with its span relative to `s`. */
export function findDateTime(s: string): FoundDateTime | undefined {
  const zh = DATETIME_ZH.exec(s);
  const en = DATETIME_EN.exec(s);
  const pick = zh && (!en || zh.index <= en.index) ? zh : en;
  if (!pick) return undefined;
  const g = pick.groups!;
  const month = pick === zh ? Number(g.m) : monthNumber(g.mon);
  const d = month && day(Number(g.y), month, Number(g.d));
  if (!d) return undefined;
  const h = g.h ?? g.h1 ?? g.h2;
  const min = g.min ?? g.mi1 ?? g.mi2;
  const sec = g.s ?? g.s1 ?? g.s2 ?? '00';
  const value = h && min ? `${iso(d)}T${pad(Number(h))}:${min}:${sec}+08:00` : iso(d);
  return { start: pick.index, end: pick.index + pick[0].length, value };
}

/** An ISO or RFC date from a <meta> tag, in Asia/Shanghai. */
export function normalizeMetaDate(v: string): string | undefined {
  const s = v.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  // Already in China's offset: keep it (the common case, and no zone arithmetic needed).
  const cn = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\+08:?00$/.exec(s);
  if (cn) return `${cn[1]}T${cn[2].length === 5 ? `${cn[2]}:00` : cn[2]}+08:00`;
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(s)) {
    const t = parseISO(s);
    if (!isValid(t)) return undefined;
    return format(new TZDate(t, ZONE), "yyyy-MM-dd'T'HH:mm:ssxxx");
  }
  return findDateTime(s)?.value;
}
