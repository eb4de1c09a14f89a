// English tags: places, officials and dates, as spans of the same text and into the same tables.
//
// Places: the dictionary's English names (Shaanxi, Hohhot, Inner Mongolia) and "X Province / Autonomous
// Region / City / County / Banner" for the rest (Alxa Left Banner), plus the dateline (HOHHOT, March 28).
// Officials: "Vice Premier Sun Chunlan" (office before the name), "Sun Chunlan, also a member of the …"
// (after it, with "of Shaanxi Province" giving the jurisdiction), a dictionary name alone, and later
// "Sun" or "She" for the same person. Names are pinyin: a surname from surnames.csv and a given name.
// Dates: compromise-dates, corrected to prefer the past; "three-day trip ending Tuesday" is a span.
import { addDays } from 'date-fns';
import type { DateMention, Doc, Level, Office, Person, PersonMention, PlaceMention, Span } from '../doc.ts';
import type { Lexicon, PlaceEntry } from '../dictionaries/compile.ts';
import { day, fromIso, iso, monthNumber, preferPast, resolveMonthDay } from '../tag/dates.ts';
import { english, nlp } from './teach.ts';

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
    for (const m of s.matchAll(PLACE_WITH_SUFFIX)) {
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
    for (const [name, forms] of lex.placesEn) {
      let at = s.toLowerCase().indexOf(name);
      while (at >= 0) {
        const span = { start: p.start + at, end: p.start + at + name.length };
        const written = text.slice(span.start, span.end);
        if (/^[A-Z]/.test(written) && !/\w/.test(text[span.end] ?? '') && !/\w/.test(text[span.start - 1] ?? '') && free(span)) {
          const mention = placeMention(lex, span.start, span.end, titleCase(written), forms[0].place, `dict:${forms[0].ref}:en`);
          doc.mentions.push(mention);
          taken.push(mention);
        }
        at = s.toLowerCase().indexOf(name, at + name.length);
      }
    }
  }
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

const NAME = /\b([A-Z][a-z]{0,5})\s([A-Z][a-z]+(?:[-'][a-z]+)?)\b/g;

export function tagEnglishPeople(doc: Doc, lex: Lexicon): void {
  const en = english(lex);
  const text = doc.text;
  const people: Person[] = [];
  const mentions: PersonMention[] = [];
  const byName = new Map<string, Person>();
  const add = (name: string, span: Span, rule: string): Person => {
    let p = byName.get(name);
    if (!p) {
      const known = lex.officialsByEnName.get(name.toLowerCase());
      p = { id: people.length, name, origin: known ? 'dictionary' : 'text', ...(known ? { entry: known[0].ref, nameEn: name } : {}), offices: [], mentions: [] };
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

  for (const para of paragraphs) {
    const s = text.slice(para.start, para.end);
    for (const m of s.matchAll(NAME)) {
      const name = `${m[1]} ${m[2]}`;
      const start = para.start + m.index!;
      const span = { start, end: start + name.length };
      const known = lex.officialsByEnName.has(name.toLowerCase());
      if (!known && !lex.surnamePinyin.has(m[1])) continue;
      // The office before the name: "Chinese Vice Premier Sun Chunlan".
      const before = s.slice(0, m.index!);
      const t = en.titles.find((x) => new RegExp(`\\b${escape(x.phrase)}\\s+$`, 'i').test(before)); // "Chinese" before it is not the office
      // The office after it: "Sun Chunlan, also a member of the Political Bureau of …".
      const rest = s.slice(m.index! + name.length);
      const after = /^,\s+(?:who is\s+)?(?:also\s+)?(?:a|an|the)?\s*/.exec(rest);
      const t2 = after ? en.titles.find((x) => rest.slice(after[0].length).toLowerCase().startsWith(x.phrase.toLowerCase())) : undefined;
      if (!known && !t && !t2 && !speaks(en, rest)) continue;
      const p = add(name, span, t || t2 ? 'en:title+name' : known ? 'en:dictionary' : 'en:name+speech-verb');
      if (t) {
        const tStart = para.start + before.length - before.match(new RegExp(`${escape(t.phrase)}\\s+$`, 'i'))![0].length;
        office(p, { start: tStart, end: tStart + t.phrase.length, title: text.slice(tStart, tStart + t.phrase.length), jurisdiction: jurisdictionEn(t.entry.level, ''), rule: `dict:${t.entry.ref}:en` });
      }
      if (t2 && after) {
        const tStart = span.end + after[0].length;
        const tail = text.slice(tStart + t2.phrase.length, para.end);
        const of = /^\s+of\s+(?:the\s+)?((?:[A-Z][a-z'’-]+\s?){1,3}?)(?:\s+(?:Province|Autonomous Region|Municipality|City|Provincial|Municipal|Regional))?\b/.exec(tail);
        office(p, { start: tStart, end: tStart + t2.phrase.length, title: text.slice(tStart, tStart + t2.phrase.length), jurisdiction: jurisdictionEn(t2.entry.level, of?.[1]?.trim() ?? ''), rule: `dict:${t2.entry.ref}:en` });
      }
    }
  }
  // Later mentions: the surname alone (Zhang urged), and He/She opening a sentence.
  for (const para of paragraphs) {
    const s = text.slice(para.start, para.end);
    for (const p of people) {
      const surname = p.name.split(' ')[0];
      if (people.filter((o) => o.name.split(' ')[0] === surname).length > 1) continue;
      for (const m of s.matchAll(new RegExp(`\\b${escape(surname)}\\b(?!\\s[A-Z][a-z])`, 'g'))) {
        const start = para.start + m.index!;
        if (!mentions.some((x) => x.start <= start && start < x.end)) add(p.name, { start, end: start + surname.length }, 'en:surname');
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  for (const sent of doc.sentences) {
    const m = /^(?:He|She)\b/.exec(text.slice(sent.start, sent.start + 4));
    if (!m) continue;
    const last = mentions.filter((x) => x.end <= sent.start).pop();
    if (last) add(people[last.personId].name, { start: sent.start, end: sent.start + m[0].length }, 'coref:pronoun');
  }
  mentions.sort((a, b) => a.start - b.start);
  doc.people = people;
  doc.mentions.push(...mentions);
}

function speaks(en: ReturnType<typeof english>, rest: string): boolean {
  const r = rest.replace(/^\s+(?:has|have|had|also|further|again|then)\b/g, '');
  return en.verbs.some((v) => v.role === 'speech' && new RegExp(`^\\s+${escape(v.form)}\\b`).test(r));
}

function jurisdictionEn(level: string, written: string): string {
  if (level === 'national') return 'China';
  return written;
}

export function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
    for (const m of s.matchAll(/\b(\w+)-day\s+(?:\w+\s+){0,2}?(?:trip|visit|tour|inspection|session|meeting)\s+(?:that\s+)?(?:ending|ended|which ended)\s+(?:on\s+)?(\w+)/gi)) {
      const n = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
      const wd = WEEKDAYS.indexOf(m[2].toLowerCase());
      if (!ref || !n || wd < 0) continue;
      const end = mostRecent(ref, wd);
      const start = addDays(end, -(n - 1));
      doc.mentions.push({ type: 'date', start: p.start + m.index!, end: p.start + m.index! + m[0].length, normalized: `${iso(start)}/${iso(end)}`, date: iso(start), endDate: iso(end), rule: 'date:en-span-ending' });
    }
    if (!ref) continue;
    const taken = doc.mentions.filter((m) => m.type === 'date');
    const parsed = nlp(s) as unknown as DatesView;
    const found = parsed.dates({ today: doc.referenceDate!.date, timezone: 'Asia/Shanghai' }).json({ offset: true });
    for (const d of found) {
      const written = d.text.replace(/[,.;:\s]+$/, '');
      const start = p.start + d.offset.start;
      const span = { start, end: start + written.length };
      if (taken.some((t) => t.start < span.end && span.start < t.end) || !d.dates?.start) continue;
      const weekday = WEEKDAYS.findIndex((w) => new RegExp(`\\b${w}\\b`, 'i').test(written));
      const month = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i.test(written);
      if (weekday < 0 && !month && !/\b(?:today|yesterday)\b/i.test(written)) continue; // durations, vague phrases
      const guess = fromIso(d.dates.start.slice(0, 10));
      const resolved: Date | undefined =
        weekday >= 0 && !/\bnext\b/i.test(written)
          ? preferPast(ref, [addDays(guess, -7), guess, addDays(guess, 7)])
          : month && !/\d{4}/.test(written)
            ? resolveMonthDay(ref, guess.getMonth() + 1, guess.getDate())
            : guess;
      if (!resolved) continue;
      const mention: DateMention = { type: 'date', ...span, normalized: iso(resolved), date: iso(resolved), rule: 'date:en' };
      doc.mentions.push(mention);
    }
  }
}

/** What compromise-dates adds to a compromise document (the plugin has no types of its own). */
interface DatesView {
  dates(opts: { today: string; timezone: string }): { json(opts: { offset: true }): { text: string; offset: { start: number; length: number }; dates?: { start?: string } }[] };
}

function mostRecent(ref: Date, weekday: number): Date {
  return addDays(ref, -((ref.getDay() - weekday + 7) % 7));
}
