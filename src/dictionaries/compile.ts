// Turn the checked dictionary rows into what the stages use: tries over the text, lookup maps, and the
// nodejieba user dictionary (so that 陕西省长赵一德 segments as 陕西/省长/赵一德).
import type { Level } from '../doc.ts';
import { Trie } from '../text/trie.ts';
import type { RawDictionaries, Row } from './load.ts';

export type TitleLevel = Level | 'any';

export interface TitleEntry {
  title: string;
  level: TitleLevel;
  kind: string;
  en: string[];
  ref: string;
}

export interface OfficialRole {
  name: string;
  title: string;
  jurisdiction: string;
  start: string;
  end: string;
  nameEn: string[];
  ref: string;
}

export interface PlaceEntry {
  name: string;
  short: string;
  code: string;
  level: Exclude<Level, 'national'>;
  parentCode: string;
  en: string[];
  /** The short name is also an ordinary word (来宾, 开封): it needs confirming context. */
  shortIsWord: boolean;
  ref: string;
}

/** One way of writing a place: its full name, its short name, an alias, an abbreviation or an English name. */
export interface PlaceForm {
  place: PlaceEntry;
  form: 'name' | 'short' | 'alias' | 'abbreviation' | 'en';
  ref: string;
}

export type VerbRole = 'speech' | 'speak' | 'chair' | 'attend' | 'convene' | 'inspect';

export interface VerbEntry {
  verb: string;
  role: VerbRole;
  en: string[];
  ref: string;
}

export interface MeetingWord {
  word: string;
  kind: 'meeting' | 'inspection';
  ref: string;
}

export interface Lexicon {
  titles: Trie<TitleEntry>;
  titleByName: Map<string, TitleEntry>;
  titlesEn: { phrase: string; entry: TitleEntry }[]; // longest first
  officials: Trie<OfficialRole>; // by name and alias
  officialsByEnName: Map<string, OfficialRole[]>; // lower-cased English name
  places: Trie<PlaceForm>;
  /** Township names, reversed (see `Trie.longestEndingAt`). */
  townships: Trie<PlaceForm>;
  /** One-character abbreviations (陕, 京), tagged only after a verb of movement. */
  abbreviations: Trie<PlaceForm>;
  placesEn: Map<string, PlaceForm[]>; // lower-cased English name
  placeByCode: Map<string, PlaceEntry>;
  placesByName: Map<string, PlaceEntry[]>;
  verbs: Trie<VerbEntry>;
  verbsEn: { base: string; entry: VerbEntry }[]; // English base forms (stress, call for)
  meetingWords: Trie<MeetingWord>;
  meetingWordList: MeetingWord[]; // longest first
  surnames: Set<string>; // single and compound
  /** 1 for every char code a surname starts with. */
  surnameFirst: Uint8Array;
  ambiguousSurnames: Set<string>;
  surnamePinyin: Set<string>;
  labels: { label: string; field: string; ref: string }[]; // longest first
  /** Label patterns (来源:, (责编：, 素材来源 …), by field and for any label. */
  labelRe: LabelPatterns;
  /** The cues of boilerplate.csv in a trie: every cue of a line found in one pass. */
  boilerplateCues: Trie<BoilerplateCue>;
  /** Lines of the nodejieba user dictionary: `word freq tag`. */
  userDictLines: string[];
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

export interface BoilerplateCue {
  cue: string;
  kind: string;
  ref: string;
  /** Its row in boilerplate.csv: when several cues fit a line, the earliest row wins. */
  order: number;
}

export function compileLexicon(raw: RawDictionaries): Lexicon {
  const userDict = new Map<string, string>();
  const word = (w: string, freq: number, tag: string) => {
    // Jieba reads `word freq tag`; words with spaces would break the line format.
    if (w && !/\s/.test(w) && !userDict.has(w)) userDict.set(w, `${w} ${freq} ${tag}`);
  };

  const titles = new Trie<TitleEntry>();
  const titleByName = new Map<string, TitleEntry>();
  const titlesEn: { phrase: string; entry: TitleEntry }[] = [];
  for (const r of raw.titles) {
    const v = r.values;
    const entry: TitleEntry = { title: v.title, level: v.level as TitleLevel, kind: v.kind, en: list(v.en), ref: r.ref };
    titles.add(v.title, entry);
    titleByName.set(v.title, entry);
    for (const e of entry.en) titlesEn.push({ phrase: e, entry });
    word(v.title, 300000, 'n');
  }
  titlesEn.sort((a, b) => b.phrase.length - a.phrase.length);

  const officials = new Trie<OfficialRole>();
  const officialsByEnName = new Map<string, OfficialRole[]>();
  for (const r of raw.officials) {
    const v = r.values;
    const role: OfficialRole = {
      name: v.name,
      title: v.title,
      jurisdiction: v.jurisdiction,
      start: v.start,
      end: v.end,
      nameEn: list(v.name_en),
      ref: r.ref,
    };
    for (const n of [v.name, ...list(v.aliases)]) {
      officials.add(n, role);
      word(n, 100000, 'nr');
    }
    for (const e of role.nameEn) push(officialsByEnName, e.toLowerCase(), role);
  }

  const places = new Trie<PlaceForm>();
  const townships = new Trie<PlaceForm>();
  const placesEn = new Map<string, PlaceForm[]>();
  const placeByCode = new Map<string, PlaceEntry>();
  const placesByName = new Map<string, PlaceEntry[]>();
  for (const r of raw.places) {
    const v = r.values;
    const p: PlaceEntry = {
      name: v.name,
      short: v.short,
      code: v.code,
      level: v.level as PlaceEntry['level'],
      parentCode: v.parent_code,
      en: list(v.en),
      shortIsWord: v.short_is_word === '1',
      ref: r.ref,
    };
    placeByCode.set(p.code, p);
    push(placesByName, p.name, p);
    // Townships are 40,000 names: found from their last character (镇, 乡, 街道) backwards, so the trie
    // every position of the text walks stays small.
    if (p.level === 'township') {
      townships.addReversed(p.name, { place: p, form: 'name', ref: r.ref });
      continue;
    }
    places.add(p.name, { place: p, form: 'name', ref: r.ref });
    if (p.short && p.short !== p.name) places.add(p.short, { place: p, form: 'short', ref: r.ref });
    for (const e of p.en) push(placesEn, e.toLowerCase(), { place: p, form: 'en', ref: r.ref });
    word(p.name, 50000, 'ns');
    if (p.short) word(p.short, 20000, 'ns');
  }
  const abbreviations = new Trie<PlaceForm>();
  for (const r of raw.placeAliases) {
    const v = r.values;
    const target = (v.code && placeByCode.get(v.code)) || placesByName.get(v.place)?.[0];
    if (!target) continue; // reported by checkAliases
    if (v.kind === 'abbreviation') {
      abbreviations.add(v.alias, { place: target, form: 'abbreviation', ref: r.ref });
      continue; // one character: never a jieba word of its own
    }
    places.add(v.alias, { place: target, form: 'alias', ref: r.ref });
    word(v.alias, 20000, 'ns');
  }

  const verbs = new Trie<VerbEntry>();
  const verbsEn: { base: string; entry: VerbEntry }[] = [];
  for (const r of raw.verbs) {
    const v = r.values;
    const entry: VerbEntry = { verb: v.verb, role: v.role as VerbRole, en: list(v.en), ref: r.ref };
    verbs.add(v.verb, entry);
    for (const e of entry.en) verbsEn.push({ base: e, entry });
    word(v.verb, 50000, 'v');
  }

  const meetingWords = new Trie<MeetingWord>();
  const meetingWordList: MeetingWord[] = [];
  for (const r of raw.meetingWords) {
    const mw: MeetingWord = { word: r.values.word, kind: r.values.kind as MeetingWord['kind'], ref: r.ref };
    meetingWords.add(mw.word, mw);
    meetingWordList.push(mw);
    word(mw.word, 50000, 'n');
  }
  meetingWordList.sort((a, b) => b.word.length - a.word.length);

  const surnames = new Set<string>();
  const surnameFirst = new Uint8Array(65536);
  const ambiguousSurnames = new Set<string>();
  const surnamePinyin = new Set<string>();
  for (const r of raw.surnames) {
    surnames.add(r.values.surname);
    surnameFirst[r.values.surname.charCodeAt(0)] = 1;
    if (/ambiguous/.test(r.values.note ?? '')) ambiguousSurnames.add(r.values.surname);
    for (const p of list(r.values.pinyin)) surnamePinyin.add(p);
  }

  const labels = raw.labels.map((r) => ({ label: r.values.label, field: r.values.field, ref: r.ref }));
  labels.sort((a, b) => b.label.length - a.label.length);
  const boilerplateCues = new Trie<BoilerplateCue>();
  raw.boilerplate.forEach((r, order) => boilerplateCues.add(r.values.cue, { cue: r.values.cue, kind: r.values.kind, ref: r.ref, order }));

  return {
    labelRe: labelPatterns(labels),
    titles,
    titleByName,
    titlesEn,
    officials,
    officialsByEnName,
    places,
    townships,
    abbreviations,
    placesEn,
    placeByCode,
    placesByName,
    verbs,
    verbsEn,
    meetingWords,
    meetingWordList,
    surnames,
    surnameFirst,
    ambiguousSurnames,
    surnamePinyin,
    labels,
    boilerplateCues,
    userDictLines: [...userDict.values()],
  };
}

/** Rows of place-aliases.csv that name no known place: reported with the other dictionary problems. */
export function checkAliases(raw: RawDictionaries): { row: Row; message: string }[] {
  const codes = new Set(raw.places.map((r) => r.values.code));
  const names = new Set(raw.places.map((r) => r.values.name));
  return raw.placeAliases
    .filter((r) => !(r.values.code ? codes.has(r.values.code) : names.has(r.values.place)))
    .map((row) => ({ row, message: `no place with ${row.values.code ? `code ${row.values.code}` : `name ${row.values.place}`}` }));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const arr = map.get(key);
  if (arr) arr.push(value);
  else map.set(key, [value]);
}

export interface LabelPatterns {
  /** A label that starts a line (after list marks): the line is metadata or a credit. */
  lineStart: RegExp;
  /** Any label, after a bracket, bar or space, followed by a colon or spaces. */
  any: RegExp;
  field: Record<'source' | 'editor' | 'reporter' | 'original_title' | 'published_at', RegExp>;
  /**
   * A reporter label anywhere (…《陕西新闻联播》记者 王嘉毅): bylines glue it to the outlet's name. Global, to
   * walk a line's labels (set lastIndex first); `reporterAt` is the same label at lastIndex only (sticky).
   */
  reporterAnywhere: RegExp;
  reporterAt: RegExp;
}

function labelPatterns(labels: { label: string; field: string }[]): LabelPatterns {
  const words = (field?: string) => labels.filter((l) => !field || l.field === field).map((l) => escapeRe(l.label)).join('|');
  // 来源:西部网, (责编：萧潇), 素材来源 江苏…, (Web editor: Hongyu) — but not 编辑部 inside a menu.
  const of = (field?: string) => new RegExp(`(?:^|[(（\\[【|□■\\s·])(?:${words(field)})(?:\\s*[:：]\\s*|[\\s\\u3000]+)`, 'i');
  return {
    lineStart: new RegExp(`^[-•·*\\s]*[(（\\[【□■]?\\s*(?:${words()})\\s*[:：]`, 'i'),
    any: of(),
    field: { source: of('source'), editor: of('editor'), reporter: of('reporter'), original_title: of('original_title'), published_at: of('published_at') },
    reporterAnywhere: new RegExp(`(?:${words('reporter')})\\s*[:：]?\\s*`, 'g'),
    reporterAt: new RegExp(`(?:${words('reporter')})\\s*[:：]?\\s*`, 'y'),
  };
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
