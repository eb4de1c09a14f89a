// English tags: places, officials and dates, as spans of the same text and into the same tables.
//
// Places: the dictionary's English names (Shaanxi, Hohhot, Inner Mongolia) and "X Province / Autonomous
// Region / City / County / Banner" for the rest (Alxa Left Banner), plus the dateline (HOHHOT, March 28).
// Officials: "Vice Premier Sun Chunlan" (office before the name, "Hunan Governor Xu Wenbo" with its place),
// "Sun Chunlan, also a member of the …" (after it, with "of Shaanxi Province" giving the jurisdiction), a
// name that says, presides or attends, a dictionary name alone, and later "Sun" or "She" for the same
// person. Names are pinyin: a surname from surnames.csv and a given name. A bare provincial office in an
// article that names one province is that province's (as 副省长 in a Shaanxi article).
// Places that are none here: "Beijing time", the given name of "Li Jinhua".
// Dates: compromise-dates, corrected to prefer the past (a weekday in a sentence not about what is to come
// is the last one); spans: "three-day trip ending Tuesday", "Monday and Tuesday", "Jan. 17-18".
import { addDays } from 'date-fns';
import type { DateMention, Doc, Level, Office, Person, PersonMention, PlaceMention, Span } from '../doc.ts';
import { escapeRe, type Lexicon, type PlaceEntry } from '../dictionaries/compile.ts';
import { day, fromIso, iso, monthNumber, preferPast, resolveDayOfMonth, resolveMonthDay } from '../tag/dates.ts';
import { allMatches, anyOf, eachOf, perObject, whichOf } from './patterns.ts';
import { isCapital, isWordChar } from '../text/lines.ts';
import { english, nlp, type EnglishLexicon } from './teach.ts';

const SUFFIX_LEVEL: Record<string, Level> = {
  'autonomous region': 'province',
  province: 'province',
  municipality: 'province',
  'special administrative region': 'province',
  'autonomous prefecture': 'prefecture',
  prefecture: 'prefecture',
  league: 'prefecture',
  city: 'prefecture',
  county: 'county',
  'autonomous county': 'county',
  district: 'county',
  banner: 'county',
};
const PLACE_WITH_SUFFIX = /\b((?:[A-Z][a-z'’-]+ ){0,3}[A-Z][a-z'’-]+) (Special Administrative Region|Autonomous Region|Autonomous Prefecture|Autonomous County|Province|Municipality|Prefecture|League|City|County|District|Banner)\b/g;
/** Suffixes the gold format drops (Shaanxi Province → Shaanxi); Banner and County stay part of the name. */
const DROPPED_SUFFIX = /^(?:Province|Municipality|City|Autonomous Region|Special Administrative Region)$/;
const DATELINE = /^([A-Z][A-Z.'’ -]{2,}?),\s+([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})(?:,\s*(\d{4}))?\s*\(([^)]+)\)\s*[-–—]+/;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Weekday and month names as English news writes them: one list for every date pattern (events.ts too). */
export const WEEKDAY = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
export const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)\\.?';
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** The reference date from a dateline (BEIJING, July 31 (Xinhua) --), resolved against the publication date. */
export function readDateline(doc: Doc, lex: Lexicon): void {
  for (const p of doc.paragraphs.filter((x) => x.kind === 'body').slice(0, 3)) {
    const m = DATELINE.exec(doc.text.slice(p.start, p.end));
    if (!m) continue;
    const month = monthNumber(m[2]);
    const ref = doc.referenceDate ? fromIso(doc.referenceDate.date) : undefined;
    const d = month && (m[4] ? day(Number(m[4]), month, Number(m[3])) : ref && resolveMonthDay(ref, month, Number(m[3])));
    if (d) doc.referenceDate = { date: iso(d), rule: 'dateline' };
    const city = titleCase(m[1].trim());
    const forms = lex.placesEn.get(city.toLowerCase());
    doc.mentions.push(placeMention(lex, p.start, p.start + m[1].trim().length, city, forms?.[0]?.place, 'en:dateline'));
    if (d) {
      const at = p.start + m[0].indexOf(m[2], m[1].length);
      const end = at + m[2].length + 1 + m[3].length + (m[4] ? m[4].length + 2 : 0);
      doc.mentions.push({ type: 'date', start: at, end, normalized: iso(d), date: iso(d), rule: 'date:dateline' });
    }
    return;
  }
}

export function tagEnglishPlaces(doc: Doc, lex: Lexicon): void {
  const text = doc.text;
  const taken: Span[] = doc.mentions.filter((m) => m.type === 'place');
  const free = (s: Span) => !taken.some((t) => t.start < s.end && s.start < t.end);
  for (const p of doc.paragraphs) {
    if (p.kind === 'credit') continue;
    const s = text.slice(p.start, p.end);
    // "X Province", "Alxa Left Banner" first: the longer phrase wins over a bare dictionary name inside it.
    for (const m of allMatches(s, PLACE_WITH_SUFFIX)) {
      const suffix = m[2];
      const base = stripLeadingWords(m[1]);
      const start = p.start + m.index! + m[0].length - (base.length + 1 + suffix.length);
      const span = { start, end: p.start + m.index! + m[0].length };
      if (!free(span) || base === 'China') continue;
      const name = DROPPED_SUFFIX.test(suffix) ? base : `${base} ${suffix}`;
      const entry = lex.placesEn.get(base.toLowerCase())?.[0]?.place;
      const mention = placeMention(lex, span.start, span.end, name, entry, 'en:place+suffix', SUFFIX_LEVEL[suffix.toLowerCase()]);
      doc.mentions.push(mention);
      taken.push(mention);
    }
    const lower = s.toLowerCase();
    for (const name of namesWrittenIn(lex.placesEn, s, lower)) {
      const forms = lex.placesEn.get(name)!;
      let at = lower.indexOf(name);
      while (at >= 0) {
        const span = { start: p.start + at, end: p.start + at + name.length };
        const written = text.slice(span.start, span.end);
        if (/^[A-Z]/.test(written) && !/\w/.test(text[span.end] ?? '') && !/\w/.test(text[span.start - 1] ?? '') && free(span) && !notAPlace(lex, text, span)) {
          const mention = placeMention(lex, span.start, span.end, titleCase(written), forms[0].place, `dict:${forms[0].ref}:en`);
          doc.mentions.push(mention);
          taken.push(mention);
        }
        at = lower.indexOf(name, at + name.length);
      }
    }
  }
}

/**
 * The names of `dict` (its keys, lower-cased) written in `s` from a capital after a non-word character to a
 * non-word character — where a dictionary name is taken, and the only places — in the map's order. Looking
 * up what is written at each capital costs far less than searching every paragraph for hundreds of names.
 */
function namesWrittenIn(dict: Map<string, unknown>, s: string, lower: string): string[] {
  // A letter whose lower case is longer (İ) shifts the positions of `lower`: then every name is searched for.
  if (lower.length !== s.length) return [...dict.keys()];
  const { order, byStart, startLength } = keyIndex(dict);
  const found = new Set<string>();
  for (let at = 0; at < s.length; at++) {
    if (!isCapital(s.charCodeAt(at)) || (at > 0 && isWordChar(s.charCodeAt(at - 1)))) continue;
    for (const name of byStart.get(lower.slice(at, at + startLength)) ?? []) {
      const end = at + name.length;
      if (lower.startsWith(name, at) && (end === s.length || !isWordChar(s.charCodeAt(end)))) found.add(name);
    }
  }
  return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
}

interface KeyIndex {
  /** Each key's place in the map's order. */
  order: Map<string, number>;
  /** The keys by their first `startLength` characters (three, or the shortest key's length). */
  byStart: Map<string, string[]>;
  startLength: number;
}

const keyIndex = perObject((dict: Map<string, unknown>): KeyIndex => {
  const keys = [...dict.keys()];
  const startLength = Math.min(3, ...keys.map((k) => k.length));
  const byStart = new Map<string, string[]>();
  for (const k of keys) byStart.set(k.slice(0, startLength), [...(byStart.get(k.slice(0, startLength)) ?? []), k]);
  return { order: new Map(keys.map((k, i) => [k, i])), byStart, startLength };
});

/**
 * A dictionary place name that names something else here: a time zone ("Beijing time") or the given name of
 * a person ("Li Jinhua": a pinyin surname right before it).
 */
function notAPlace(lex: Lexicon, text: string, span: Span): boolean {
  if (/^\s+time\b/i.test(text.slice(span.end, span.end + 6))) return true;
  const before = /(?:^|[^\w'’-])([A-Z][a-z]{0,5}) $/.exec(text.slice(Math.max(0, span.start - 8), span.start));
  return !!before && lex.surnamePinyin.has(before[1]) && !lex.placesEn.has(before[1].toLowerCase());
}

function placeMention(lex: Lexicon, start: number, end: number, name: string, entry: PlaceEntry | undefined, rule: string, level?: Level): PlaceMention {
  const parent = entry?.parentCode ? lex.placeByCode.get(entry.parentCode) : undefined;
  return {
    type: 'place',
    start,
    end,
    normalized: entry ? (entry.en[0] ?? name).replace(/ (?:City|Province)$/, '') : name,
    code: entry?.code ?? '',
    level: entry?.level ?? level ?? 'prefecture',
    parent: parent?.en[0] ?? parent?.name ?? '',
    rule,
  };
}

/** "north China's Inner Mongolia" → "Inner Mongolia": drop leading words that are not part of the name. */
function stripLeadingWords(s: string): string {
  return s.replace(/^(?:(?:The|In|At|On|Of|And|For|From|To|During|North|South|East|West|Northwest|Northeast|Southwest|Southeast|Central|China's|Chinese)\s+)+/i, '');
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’-])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase()).replace(/(['’])([A-Z])(?=[a-z])/g, (_m, a: string, b: string) => a + b.toLowerCase());
}

// ---- people ---------------------------------------------------------------------------------------------

// A pinyin name: surname and given name. A lookahead, so that "Mayor Qian Haitao" is tried at "Qian" too
// after "Mayor Qian" fails.
const NAME = /\b(?=([A-Z][a-z]{0,5})\s([A-Z][a-z]+(?:[-'’][a-z]+)?)\b)/g;
/** Words between a place and the office after it: "Hunan Governor", "Shaanxi Provincial Party secretary". */
const PLACE_TO_TITLE = /^(?:'s|’s)?\s+(?:(?:Provincial|Municipal|City|Regional|County|Prefectural)\s+)?$/;
/** He or She opening a sentence or a clause. */
const PRONOUN = /(?:^["“]?|[,"”]\s*)(He|She|he|she)\b/g;

/** The lexicon's patterns for names, built once. */
const namePatterns = perObject((en: EnglishLexicon) => ({
  // The office that ends right before a name: "Chinese Vice Premier ". The titles are trimmed and longest
  // first, so the leftmost match is the title that a search of the list in order finds first.
  titleBefore: new RegExp(`\\b${eachOf(en.titles.map((t) => t.phrase))}\\s+$`, 'i'),
  longestTitle: Math.max(0, ...en.titles.map((t) => t.phrase.length)),
  titlesLower: en.titles.map((t) => t.phrase.toLowerCase()),
  acting: new RegExp(`^\\s+${anyOf(en.verbs.filter((v) => ACTING.has(v.role)).map((v) => v.form))}\\b`),
  actingBy: new Set(en.verbs.filter((v) => v.role !== 'speech' && ACTING.has(v.role)).map((v) => v.form)),
}));

/** "Zhang" alone, not "Zhang Guoqing" nor "Zhang'an"; one pattern per surname, built once. */
const SURNAME_PATTERNS = new Map<string, RegExp>();
function surnamePattern(surname: string): RegExp {
  let re = SURNAME_PATTERNS.get(surname);
  if (!re) SURNAME_PATTERNS.set(surname, (re = new RegExp(`\\b${escapeRe(surname)}\\b(?!\\s[A-Z][a-z])(?!['’](?!s\\b)\\w)`, 'g')));
  return re;
}

export function tagEnglishPeople(doc: Doc, lex: Lexicon): void {
  const en = english(lex);
  const patterns = namePatterns(en);
  const text = doc.text;
  const people: Person[] = [];
  const mentions: PersonMention[] = [];
  const byName = new Map<string, Person>();
  const places = doc.mentions.filter((m): m is PlaceMention => m.type === 'place');
  const add = (name: string, span: Span, rule: string): Person => {
    let p = byName.get(name);
    if (!p) {
      const known = lex.officialsByEnName.get(name.toLowerCase());
      p = { id: people.length, name, origin: known ? 'dictionary' : 'text', ...(known ? { entry: known[0].ref, canonical: known[0].name, nameEn: name } : {}), offices: [], mentions: [] };
      people.push(p);
      byName.set(name, p);
    }
    if (!mentions.some((m) => m.start === span.start)) {
      p.mentions.push(span);
      mentions.push({ type: 'person', start: span.start, end: span.end, normalized: name, personId: p.id, rule });
    }
    return p;
  };
  const office = (p: Person, o: Office) => {
    if (!p.offices.some((x) => x.title === o.title && x.jurisdiction === o.jurisdiction)) p.offices.push(o);
  };
  const paragraphs = doc.paragraphs.filter((p) => p.kind !== 'credit');
  /** The place named right before an office ("Hunan Governor"), as the places stage normalised it. */
  const placeBefore = (at: number): string | undefined => {
    const p = places.filter((x) => x.end <= at && at - x.end <= 16 && PLACE_TO_TITLE.test(text.slice(x.end, at))).pop();
    return p?.normalized;
  };
  /** "of Hunan Province", "of the Zhengzhou Municipal Committee" right after an office or a name. */
  const placeOf = (from: number, limit: number): string | undefined => {
    const of = /^\s+of\s+(?:the\s+)?/.exec(text.slice(from, limit));
    if (!of) return undefined;
    const at = from + of[0].length;
    const p = places.find((x) => x.start === at);
    if (p) return p.normalized;
    const m = /^((?:[A-Z][a-z'’-]+\s?){1,3}?)(?:\s+(?:Province|Autonomous Region|Municipality|City|Provincial|Municipal|Regional))?\b/.exec(text.slice(at, limit));
    return m?.[1]?.trim();
  };
  const taken: Span[] = [];

  for (const para of paragraphs) {
    const s = text.slice(para.start, para.end);
    for (const m of allMatches(s, NAME)) {
      const name = `${m[1]} ${m[2]}`;
      const start = para.start + m.index!;
      const span = { start, end: start + name.length };
      if (taken.some((t) => t.start <= start && start < t.end)) continue;
      const known = lex.officialsByEnName.has(name.toLowerCase());
      if (!known && !lex.surnamePinyin.has(m[1])) continue;
      // The office before the name: "Chinese Vice Premier Sun Chunlan".
      const before = s.slice(0, m.index!);
      // A title ends where the spaces before the name begin (titles are trimmed): search the end of `before`
      // only, from a character before the longest title could start (for \b).
      const from = Math.max(0, before.trimEnd().length - patterns.longestTitle - 1);
      const tm = patterns.titleBefore.exec(before.slice(from)); // "Chinese" before it is not the office
      const t = tm ? en.titles[whichOf(tm)] : undefined;
      // The office after it: "Sun Chunlan, also a member of the Political Bureau of …".
      const rest = s.slice(m.index! + name.length);
      const after = /^,\s+(?:who is\s+)?(?:also\s+)?(?:a|an|the)?\s*/.exec(rest);
      const next = after && rest.slice(after[0].length).toLowerCase();
      const t2 = next ? en.titles.find((_x, i) => next.startsWith(patterns.titlesLower[i])) : undefined;
      if (!known && !t && !t2 && !acts(en, rest, before)) continue;
      taken.push(span);
      const p = add(name, span, t || t2 ? 'en:title+name' : known ? 'en:dictionary' : 'en:name+verb');
      if (t && tm) {
        const tStart = para.start + from + tm.index;
        const written = placeBefore(tStart) ?? placeOf(span.end, para.end) ?? '';
        office(p, { start: tStart, end: tStart + t.phrase.length, title: text.slice(tStart, tStart + t.phrase.length), jurisdiction: jurisdictionEn(t.entry.level, written, places), rule: `dict:${t.entry.ref}:en` });
      }
      if (t2 && after) {
        const tStart = span.end + after[0].length;
        const written = placeOf(tStart + t2.phrase.length, para.end) ?? '';
        office(p, { start: tStart, end: tStart + t2.phrase.length, title: text.slice(tStart, tStart + t2.phrase.length), jurisdiction: jurisdictionEn(t2.entry.level, written, places), rule: `dict:${t2.entry.ref}:en` });
      }
    }
  }
  // Dictionary names that are no "Surname Given" pair: "Bagatur", "Erkin Tuniyaz" after a lower-case word.
  for (const para of paragraphs) {
    const s = text.slice(para.start, para.end);
    const lower = s.toLowerCase();
    for (const name of namesWrittenIn(lex.officialsByEnName, s, lower)) {
      const roles = lex.officialsByEnName.get(name)!;
      for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length)) {
        const span = { start: para.start + at, end: para.start + at + name.length };
        if (!/^[A-Z]/.test(text[span.start]) || /\w/.test(text[span.start - 1] ?? '') || /\w/.test(text[span.end] ?? '')) continue;
        if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
        taken.push(span);
        add(roles[0].nameEn.find((n) => n.toLowerCase() === name) ?? text.slice(span.start, span.end), span, 'en:dictionary');
      }
    }
  }
  // Later mentions: the surname alone (Zhang urged), of a person whose surname no one else here has.
  const surnameOf = people.map((p) => p.name.split(' ')[0]);
  // "He" (何), "An" (安): the pronoun and the article, not the surname.
  const namedBySurname = people.filter((_p, i) => surnameOf.indexOf(surnameOf[i]) === surnameOf.lastIndexOf(surnameOf[i]) && !en.wordSurnames.has(surnameOf[i]));
  for (const para of paragraphs) {
    const s = text.slice(para.start, para.end);
    for (const p of namedBySurname) {
      const surname = p.name.split(' ')[0];
      if (!s.includes(surname)) continue; // quicker than the search, and most paragraphs lack most surnames
      for (const m of allMatches(s, surnamePattern(surname))) {
        const start = para.start + m.index!;
        if (!mentions.some((x) => x.start <= start && start < x.end)) add(p.name, { start, end: start + surname.length }, 'en:surname');
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  // He/She: opening a sentence, or after the content it reports ("…, he said"). The person is the subject of
  // the nearest sentence before that names someone: its first name not governed by "by", "with" or "and".
  for (const sent of doc.sentences) {
    const st = text.slice(sent.start, sent.end);
    for (const m of allMatches(st, PRONOUN)) {
      const at = sent.start + m.index! + m[0].length - m[1].length;
      const opening = at === sent.start || /^["“]\s*$/.test(text.slice(sent.start, at));
      if (!opening && !acts(en, text.slice(at + m[1].length, sent.end))) continue;
      const subject = subjectBefore(doc, mentions, sent.start);
      if (subject) add(people[subject.personId].name, { start: at, end: at + m[1].length }, 'coref:pronoun');
    }
    mentions.sort((a, b) => a.start - b.start);
  }
  doc.people = people;
  doc.mentions.push(...mentions);
}

/** The subject of the nearest sentence before `at` that names a person. */
function subjectBefore(doc: Doc, mentions: PersonMention[], at: number): PersonMention | undefined {
  const text = doc.text;
  const sentences = doc.sentences.filter((s) => s.end <= at).reverse();
  for (const s of sentences) {
    const inside = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    if (!inside.length) continue;
    const subject = inside.find((m) => !/\b(?:by|with|and|to|from|of)\s+(?:[A-Z][\w'’-]*\s+){0,4}$/.test(text.slice(Math.max(s.start, m.start - 60), m.start)));
    return subject ?? inside[0];
  }
  return undefined;
}

/** "chaired by Vice Governor " right before a name. */
const AGENT_OF = /\b([a-z]+(?: over)?)\s+by\s+(?:[A-Z][\w'’-]*\s+){0,4}$/;

/** Verbs that make a name someone acting in office: reporting speech, presiding, attending, speaking. */
const ACTING = new Set(['speech', 'chair', 'attend', 'speak']);

/**
 * The name is the subject of such a verb — "Zhou Baoshan said", "Zhao Mingyuan and Xu Wenbo on Monday
 * attended" — or its agent: "chaired by Gao Lirong", "accompanied by Vice Governor Li Jinhua".
 */
function acts(en: EnglishLexicon, rest: string, before = ''): boolean {
  const r = rest
    .replace(/^(?:(?:,|,?\s+and)\s+(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*(?=[\s,]))+/, '')
    .replace(/^(?:\s+(?:has|have|had|also|further|again|then|on\s+\w+day|on\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}))+/, '');
  const { acting, actingBy } = namePatterns(en);
  if (acting.test(r)) return true;
  // Most text before a name has no "by": test that first, it is much quicker than the search.
  const by = before.includes('by') ? AGENT_OF.exec(before) : null;
  return !!by && actingBy.has(by[1]);
}

/**
 * The place of an office: China for national ones; else the place written with it; else, as for a bare 副省长
 * in a Shaanxi article, the one place of the office's level the article names (when it names one only).
 */
function jurisdictionEn(level: string, written: string, places: PlaceMention[]): string {
  if (level === 'national') return 'China';
  if (written || level === 'any') return written;
  const named = new Set(places.filter((p) => p.level === level && p.rule !== 'en:dateline').map((p) => p.normalized));
  return named.size === 1 ? [...named][0] : '';
}

// ---- dates ----------------------------------------------------------------------------------------------

/** English dates with compromise-dates, resolved against the dateline or publication date, preferring the past. */
export function tagEnglishDates(doc: Doc, lex: Lexicon): void {
  english(lex); // registers compromise-dates
  const ref = doc.referenceDate ? fromIso(doc.referenceDate.date) : undefined;
  for (const p of doc.paragraphs) {
    if (p.kind !== 'body') continue;
    const s = doc.text.slice(p.start, p.end);
    // "the three-day trip ending Tuesday": a span that ends on the day named.
    for (const m of allMatches(s, DAYS_ENDING)) {
      const n = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
      const wd = WEEKDAYS.indexOf(m[2].toLowerCase());
      if (!ref || !n || wd < 0) continue;
      const end = mostRecent(ref, wd);
      const start = addDays(end, -(n - 1));
      doc.mentions.push({ type: 'date', start: p.start + m.index!, end: p.start + m.index! + m[0].length, normalized: `${iso(start)}/${iso(end)}`, date: iso(start), endDate: iso(end), rule: 'date:en-span-ending' });
    }
    if (!ref) continue;
    // "on Monday and Tuesday", "from Monday to Wednesday": the last day as the past prefers it, the first before it.
    for (const m of allMatches(s, WEEKDAY_SPAN)) {
      const w1 = WEEKDAYS.indexOf(m[1].toLowerCase());
      const w2 = WEEKDAYS.indexOf(m[2].toLowerCase());
      const end = weekdayDay(ref, w2, ahead(doc, p.start + m.index!));
      const start = addDays(end, -((w2 - w1 + 7) % 7 || 7));
      pushSpan(doc, p.start + m.index!, p.start + m.index! + m[0].length, start, end, 'date:en-weekday-span');
    }
    // "Jan. 17-18", "from Jan. 17 to 19", "Jan. 30 to Feb. 2, 2022".
    for (const m of allMatches(s, MONTH_DAY_SPAN)) {
      const m1 = monthNumber(m[1]);
      const m2 = m[3] ? monthNumber(m[3]) : m1;
      if (!m1 || !m2) continue;
      const end = m[5] ? day(Number(m[5]), m2, Number(m[4])) : resolveMonthDay(ref, m2, Number(m[4]));
      if (!end) continue;
      const start = day(end.getFullYear() - (m1 > m2 ? 1 : 0), m1, Number(m[2]));
      if (!start || start > end) continue;
      pushSpan(doc, p.start + m.index!, p.start + m.index! + m[0].length, start, end, 'date:en-month-day-span');
    }
    const taken = doc.mentions.filter((m) => m.type === 'date');
    for (const sentence of doc.sentences) {
      if (sentence.start < p.start || sentence.end > p.end) continue;
      const text = doc.text.slice(sentence.start, sentence.end);
      // The forms news uses most (a weekday, a month and day, today, yesterday) are read directly;
      // compromise-dates — a parse of the sentence, ~10 ms — reads the ordinal forms (the 17th of January,
      // on the 17th), corrected to prefer the past like the rest.
      if (DATE_WORD.test(text)) tagCommonDates(doc, ref, sentence.start, text, taken);
      if (!ORDINAL_DATE.test(text)) continue;
      const parsed = nlp(text) as unknown as DatesView;
      const found = parsed.dates({ today: doc.referenceDate!.date, timezone: 'Asia/Shanghai' }).json({ offset: true });
      tagFound(doc, ref, sentence.start, found, doc.mentions.filter((m) => m.type === 'date'));
    }
  }
}

/** "the three-day trip ending Tuesday". */
const DAYS_ENDING = /\b(\w+)-day\s+(?:\w+\s+){0,2}?(?:trip|visit|tour|inspection|session|meeting)\s+(?:that\s+)?(?:ending|ended|which ended)\s+(?:on\s+)?(\w+)/gi;
const DATE_WORD = new RegExp(`\\b${WEEKDAY}\\b|\\b${MONTH}\\s+\\d|\\b(?:[Tt]oday|[Yy]esterday)\\b`);
const COMMON_DATE = new RegExp(
  `\\b(?:([Nn]ext|[Ll]ast|[Tt]his)\\s+)?(${WEEKDAY})\\b|\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?|\\b([Tt]oday|[Yy]esterday)\\b`,
  'g',
);
const WEEKDAY_WORD = new RegExp(`\\b(${WEEKDAY})\\b`, 'i');
const MONTH_DAY_WORD = new RegExp(`\\b${MONTH}\\s+\\d|\\d(?:st|nd|rd|th)\\s+of\\s+${MONTH}`, 'i');
const ORDINAL_DATE = /\b\d{1,2}(?:st|nd|rd|th)\b/i;

/** Weekdays, month-days and today/yesterday of one sentence. */
function tagCommonDates(doc: Doc, ref: Date, offset: number, text: string, taken: { start: number; end: number }[]): void {
  for (const m of allMatches(text, COMMON_DATE)) {
    const span = { start: offset + m.index!, end: offset + m.index! + m[0].length };
    if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
    let resolved: Date | undefined;
    if (m[2]) {
      const weekday = WEEKDAYS.indexOf(m[2].toLowerCase());
      const next = m[1]?.toLowerCase() === 'next';
      resolved = next ? addDays(ref, ((weekday - ref.getDay() + 7) % 7) || 7) : weekdayDay(ref, weekday, ahead(doc, span.start));
    } else if (m[3]) {
      const month = monthNumber(m[3]);
      const d = Number(m[4]);
      resolved = month ? (m[5] ? day(Number(m[5]), month, d) : resolveMonthDay(ref, month, d)) : undefined;
    } else resolved = m[6].toLowerCase() === 'today' ? ref : addDays(ref, -1);
    if (!resolved) continue;
    doc.mentions.push({ type: 'date', ...span, normalized: iso(resolved), date: iso(resolved), rule: 'date:en' });
  }
}

type FoundDate = ReturnType<ReturnType<DatesView['dates']>['json']>[number];

function tagFound(doc: Doc, ref: Date, offset: number, found: FoundDate[], taken: { start: number; end: number }[]): void {
  for (const d of found) {
    const written = d.text.replace(/[,.;:\s]+$/, '');
    const start = offset + d.offset.start;
    const span = { start, end: start + written.length };
    if (taken.some((t) => t.start < span.end && span.start < t.end) || !d.dates?.start) continue;
    const weekdayWord = WEEKDAY_WORD.exec(written);
    const weekday = weekdayWord ? WEEKDAYS.indexOf(weekdayWord[1].toLowerCase()) : -1;
    const month = MONTH_DAY_WORD.test(written);
    const dayOnly = /^(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)$/i.exec(written);
    if (weekday < 0 && !month && !dayOnly && !/\b(?:today|yesterday)\b/i.test(written)) continue; // durations, vague phrases
    const guess = fromIso(d.dates.start.slice(0, 10));
    const resolved: Date | undefined =
      weekday >= 0 && !/\bnext\b/i.test(written)
        ? weekdayDay(ref, weekday, ahead(doc, span.start))
        : dayOnly
          ? resolveDayOfMonth(ref, Number(dayOnly[1]))
          : month && !/\d{4}/.test(written)
            ? resolveMonthDay(ref, guess.getMonth() + 1, guess.getDate())
            : guess;
    if (!resolved) continue;
    const mention: DateMention = { type: 'date', ...span, normalized: iso(resolved), date: iso(resolved), rule: 'date:en' };
    doc.mentions.push(mention);
  }
}

/** What compromise-dates adds to a compromise document (the plugin has no types of its own). */
interface DatesView {
  dates(opts: { today: string; timezone: string }): { json(opts: { offset: true }): { text: string; offset: { start: number; length: number }; dates?: { start?: string } }[] };
}

const WEEKDAY_NAME = `(${WEEKDAY})`;
const WEEKDAY_SPAN = new RegExp(`\\b(?:(?:from|on)\\s+)?${WEEKDAY_NAME}\\s+(?:and|to|through|till|until)\\s+${WEEKDAY_NAME}\\b`, 'g');
const MONTH_NAME = `(${MONTH})`;
const MONTH_DAY_SPAN = new RegExp(`\\b(?:(?:from|on)\\s+)?${MONTH_NAME}\\s+(\\d{1,2})\\s*(?:-|–|to|and|through|till|until)\\s*(?:${MONTH_NAME}\\s+)?(\\d{1,2})\\b(?:,\\s*(\\d{4}))?`, 'g');

function pushSpan(doc: Doc, from: number, to: number, start: Date, end: Date, rule: string): void {
  if (doc.mentions.some((x) => x.type === 'date' && x.start < to && from < x.end)) return;
  doc.mentions.push({ type: 'date', start: from, end: to, normalized: `${iso(start)}/${iso(end)}`, date: iso(start), endDate: iso(end), rule });
}

/** The sentence at `at` speaks of what is to come ("will be held on Thursday", "next week"). */
function ahead(doc: Doc, at: number): boolean {
  const s = doc.sentences.find((x) => x.start <= at && at < x.end);
  return !!s && /\b(?:will|shall|is to|are to|to be held|next|upcoming|coming)\b/i.test(doc.text.slice(s.start, s.end));
}

/**
 * A weekday without a date: news tells the past in the past tense, so "chaired a meeting on Thursday" in a
 * Wednesday article is last Thursday; only a sentence about what is to come may mean the days just ahead.
 */
function weekdayDay(ref: Date, weekday: number, future: boolean): Date {
  const past = mostRecent(ref, weekday);
  return future ? preferPast(ref, [past, addDays(past, 7)])! : past;
}

function mostRecent(ref: Date, weekday: number): Date {
  return addDays(ref, -((ref.getDay() - weekday + 7) % 7));
}
