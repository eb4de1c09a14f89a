// Officials: a name with every title the article gives it and the jurisdiction of each.
//
// The title grammar, read left to right over the text:
//   stack  := title ('、' title)*           省委常委、西安市委书记
//   title  := place? office | place office-fused | organ office
//             (西安市 + 市长; 陕西 + 省长 written 陕西省长; 国家卫健委 + 主任)
//   names  := name ('、' name)*             副省长方光华、徐大彤、叶牛平
//   also      name title                     孙春兰副总理, 习近平总书记
//   and       name role-verb                 郭金龙参加有关活动 (checked with jieba's part of speech)
// A name is a dictionary name, or a surname plus one or two characters whose right edge is confirmed by
// what follows (a verb, a title, punctuation, a date: 刘国中17日晚, 匡健调研). Later the person is found by
// name alone, and by 他/她 at the start of a sentence. Jurisdiction comes from the place written with the
// title, from the other titles of the stack (省委常委 beside 西安市委书记 → 陕西省), from a dictionary role
// valid on the article's date, or from the one place of that level the article names; otherwise it stays
// empty, as the article leaves it.
import nodejieba from 'nodejieba';
import type { Doc, Office, Person, PersonMention, PlaceMention, Span, TitleMention } from '../doc.ts';
import type { Lexicon, OfficialRole, TitleEntry } from '../dictionaries/compile.ts';
import { charCodes, isHan, isWhitespace } from '../text/lines.ts';
import { Trie, type TrieMatch } from '../text/trie.ts';
import { ancestorAt } from './places.ts';

/** Words that may directly follow a name: they confirm where the name ends. */
const AFTER_NAME = [
  '一行', '同志', '等', '在', '到', '赴', '来', '率', '先后', '于', '向', '对', '为', '是', '和', '与', '及', '就', '并', '也',
  '还', '又', '则', '均', '都', '说', '称', '代表', '会见', '看望', '会同', '带队', '随后', '分别', '专门', '亲自', '深入', '一同',
  '共同', '今天', '今日', '昨天', '昨日', '日前', '近日', '当天', '上午', '下午', '晚上', '晚', '的', '同', '从', '曾', '已', '将',
  '作', '首先', '最后', '同时', '进一步', '听取', '考察', '调研', '主持', '出席', '参加', '陪同', '讲话', '致辞', '介绍', '通报',
];
/** AFTER_NAME as a trie, looked up in the text without slicing it (only words within two characters count). */
const AFTER_NAME_TRIE = new Trie<true>();
for (const w of AFTER_NAME) AFTER_NAME_TRIE.add(w, true);
/** Characters that do not occur inside a name (they end it). */
const NOT_IN_NAME = charCodes('的了在是及等对把被就也都要这那其并而或但、，。；：！？（）()《》“”"\'·—-');
/**
 * Function characters that are also surnames and given-name characters (向, 于, 和, 后: 刘向东, 王和平, 于康震).
 * Inside a name only as the first of two given-name characters; as the surname only when jieba reads a name
 * there (于康震, but not 于当天, 和市长, 向全军, 后首次). The ones NOT_IN_NAME refuses anyway are not repeated.
 */
const FUNCTION_CHARS = charCodes('向于和与从后时上下到将第首前过');
/** A verb particle after a would-be third character: 杜玲急得 is 杜玲 + 急得. */
const PARTICLE_AFTER = charCodes('得了着过');
/** The last character of an organ's name (卫健委, 林业局): before a generic office it is no name. */
const ORGAN_END = charCodes('委厅局部办院会组署处室');
/** A title's name after it: left context that marks a person as only invoked, not present. */
const INVOKED_BEFORE = /(?:学习|贯彻|落实|按照|根据|遵照|依照|传达|领会|践行|牢记|以)\s*$/;
// 讲话 and 要求 alone are what people do at meetings (赵一德讲话, 刘国中要求,): invoked only as 重要讲话, 讲话精神.
const INVOKED_AFTER = /^(?:总书记|主席|总理|副总理|同志)?(?:的)?(?:(?:重要|关于|系列)(?:指示|讲话|批示|论述|要求|部署)|(?:指示|批示|讲话|要求)精神|指示|批示|论述|思想|精神|部署|嘱托|回信|贺信|为核心)/;
/** Sticky: tested at an offset of the text (set lastIndex), not on a slice of it. */
const ROLE_VERB = /(?:参加|出席|陪同|列席|主持|讲话|致辞|强调|指出|表示|要求|说)/y;
function roleVerbAt(text: string, k: number): boolean {
  ROLE_VERB.lastIndex = k;
  return ROLE_VERB.test(text);
}

/** The place mention starting at each offset of the text (undefined where none does). */
type PlaceAt = (PlaceMention | undefined)[];

interface Stack {
  start: number;
  end: number;
  titles: TitleMention[];
}

export function tagOfficials(doc: Doc, lex: Lexicon, paragraphs: Span[]): void {
  const places = doc.mentions.filter((m): m is PlaceMention => m.type === 'place');
  // The place starting at each offset: the loop below asks at every character (a Map lookup each time was slow).
  const placeAt: PlaceAt = new Array(doc.text.length + 1);
  for (const p of places) placeAt[p.start] = p; // as a Map would: the last one starting there
  const reporters = doc.meta.reporters.filter((r) => r.start !== undefined) as Required<Pick<Span, 'start' | 'end'>>[];
  const people = new PeopleIndex(doc, lex);
  const titles: TitleMention[] = [];
  const stacks: { titles: TitleMention[]; personIds: number[] }[] = [];

  const text = doc.text;
  const reporterAt = (i: number) => reporters.some((r) => i >= r.start && i < r.end);
  for (const p of paragraphs) {
    let i = p.start;
    let floor = p.start; // nothing before this is free: an organ name cannot reach back over a match
    while (i < p.end) {
      // A title stack starts here (a place, or the first character of an office): 省委书记刘国中.
      if (placeAt[i] || lex.titles.startsAt(text, i)) {
        const stack = readStack(doc, lex, i, p.end, placeAt, floor);
        if (stack) {
          titles.push(...stack.titles);
          const names = readNameList(doc, lex, stack.end, p.end, true);
          const ids = names.map((n) => people.add(n, 'rule:title-before-name'));
          for (const t of stack.titles) if (ids.length) t.personId = ids[0];
          stacks.push({ titles: stack.titles, personIds: ids });
          i = floor = names.length ? names[names.length - 1].end : stack.end;
          continue;
        }
      }
      // A name: from the dictionary, or a surname followed by a title (孙春兰副总理) or, at the start of a
      // clause, by a role verb (郭金龙参加…). Positions that can start none of these are skipped at once.
      const known = lex.officials.startsAt(text, i);
      const surname = lex.surnameFirst[text.charCodeAt(i)] === 1;
      if ((known || (surname && nameMayFollow(doc, lex, i, p.end))) && !reporterAt(i)) {
        const name = readName(doc, lex, i, p.end, false);
        // The cheap tests first: the token edge and jieba's reading are asked only of a name that would be kept.
        if (name) {
          const after = readStack(doc, lex, name.end, p.end, placeAt, name.end, true);
          // 卫健委主任: an organ before a generic office, not a name.
          const organ = after && after.titles[0].level === 'any' && ORGAN_END.has(name.name.charCodeAt(name.name.length - 1));
          if (after && !organ && standsAsName(doc, name)) {
            const id = people.add(name, 'rule:name-before-title');
            for (const t of after.titles) t.personId = id;
            titles.push(...after.titles);
            stacks.push({ titles: after.titles, personIds: [id] });
            i = floor = after.end;
            continue;
          }
          if (name.known ? startsWord(doc, i) : clauseStart(doc, i) && roleVerbAt(text, name.end) && standsAsName(doc, name)) {
            people.add(name, name.known ? `dict:${name.known[0].ref}` : 'rule:name-before-role-verb');
            i = floor = name.end;
            continue;
          }
        }
      }
      i++;
    }
  }

  // Every later mention of a known name, then 他/她 at the start of a sentence.
  people.findRepeats(paragraphs);
  people.resolvePronouns();
  people.markInvoked();

  // Offices with their jurisdictions.
  for (const s of stacks) {
    for (const t of s.titles) t.jurisdiction = jurisdictionOf(doc, lex, t, s.titles, places, people.byId(t.personId));
    for (const id of s.personIds) {
      const person = people.byId(id)!;
      for (const t of s.titles) addOffice(person, { start: t.start, end: t.end, title: t.title, jurisdiction: t.jurisdiction, rule: t.rule });
    }
  }
  doc.mentions.push(...titles);
  doc.people = people.list;
  doc.mentions.push(...people.mentions);

  // A place inside a person's name is no place (a name like 王江村): drop it.
  const nameSpans = people.mentions.filter((m) => m.rule !== 'coref:pronoun');
  doc.mentions = doc.mentions.filter((m) => m.type !== 'place' || !nameSpans.some((n) => m.start < n.end && n.start < m.end));
  // Feed the names back to the segmentation of this article.
  doc.boundaries?.merge([...nameSpans, ...titles]);
}

/** A name read without a title before it starts a word, and jieba does not read it as something else. */
function standsAsName(doc: Doc, name: NameSpan): boolean {
  return startsWord(doc, name.start) && (!!name.known || (!jiebaKnowsOtherWord(doc, name) && jiebaAllowsName(doc, name)));
}

function addOffice(person: Person, office: Office): void {
  if (!person.offices.some((o) => o.title === office.title && o.jurisdiction === office.jurisdiction)) person.offices.push(office);
}

/** Cheap test before reading a name at i: a title or a role verb starts two to four characters later. */
function nameMayFollow(doc: Doc, lex: Lexicon, i: number, limit: number): boolean {
  const text = doc.text;
  for (let k = i + 2; k <= Math.min(limit - 1, i + 4); k++) if (lex.titles.startsAt(text, k)) return true;
  if (!clauseStart(doc, i)) return false;
  for (let k = i + 2; k <= Math.min(limit - 2, i + 4); k++) if (roleVerbAt(text, k)) return true;
  return false;
}

// ---- titles ---------------------------------------------------------------------------------------------

/** One title at `i`: optional place, then an office (possibly fused with the place's last character). */
function readTitle(doc: Doc, lex: Lexicon, i: number, limit: number, placeAt: PlaceAt, floor: number): TitleMention | undefined {
  const text = doc.text;
  const place = placeAt[i];
  const entry = place ? officeAfterPlace(text, lex, place, limit, placeAt) : lex.titles.longestAt(text, i, limit);
  // 省委常委会, 委员会: the office word is the start of an organ's name, not a person's title.
  if (!entry || ORGAN_AFTER_OFFICE.test(text.slice(entry.end, entry.end + 2))) return undefined;
  if (place) return titleMention(i, entry.end, text.slice(entry.start, entry.end), entry.values[0], place, entry.start < place.end ? 'rule:place-fused-office' : 'rule:place+office');
  // A generic office (主任, 局长) right after an organ name: the title runs from the organ's start
  // (卫健委主任, 陕西省林业局局长 with 陕西省 as its place).
  const organ = entry.values[0].level === 'any' ? organBefore(doc, i, floor) : undefined;
  if (organ !== undefined) {
    const at = placeAt[organ];
    const p = at && at.end < i ? at : undefined;
    const from = p ? p.end : organ;
    return titleMention(organ, entry.end, text.slice(from, entry.end), entry.values[0], p, p ? 'rule:place+organ+office' : 'rule:organ+office');
  }
  // Without a place or an organ, a title must start a word: 主任 in 班主任 is no office.
  if (!startsWord(doc, i)) return undefined;
  return titleMention(i, entry.end, text.slice(i, entry.end), entry.values[0], undefined, `dict:${entry.values[0].ref}`);
}
const ORGAN_AFTER_OFFICE = /^会(?![见同上后])/;

/**
 * The office right after a place (陕西省委书记), or fused with the place's last character (陕西省长) — unless
 * another place starts right after it (西安市长安区 is a city and its district, not 市长 安区).
 */
function officeAfterPlace(text: string, lex: Lexicon, place: PlaceMention, limit: number, placeAt: PlaceAt): TrieMatch<TitleEntry> | undefined {
  const entry = lex.titles.longestAt(text, place.end, limit);
  if (entry || !/[省市县区州盟旗]$/.test(text.slice(place.start, place.end)) || placeAt[place.end]) return entry;
  const fused = lex.titles.longestAt(text, place.end - 1, limit);
  return fused && fused.values[0].level !== 'any' ? fused : undefined;
}

/** The start of an organ name ending at j (…委, …局, …厅), at most 10 characters back, not before floor. */
function organBefore(doc: Doc, j: number, floor: number): number | undefined {
  const text = doc.text;
  if (j - 1 < floor || !ORGAN_END.has(text.charCodeAt(j - 1))) return undefined;
  let k = j - 1;
  while (k > floor && j - k < 10 && isHan(text.charCodeAt(k - 1)) && !NOT_IN_NAME.has(text.charCodeAt(k - 1))) k--;
  // The organ must start a word (or follow a delimiter): 国家卫健委, not the tail of a longer phrase.
  return j - k >= 2 && startsWord(doc, k) ? k : undefined;
}

function titleMention(start: number, end: number, title: string, entry: TitleEntry, place: PlaceMention | undefined, rule: string): TitleMention {
  const national = entry.level === 'national' || /^(?:国家|国务院|中央|全国|中共中央)/.test(title);
  return {
    type: 'title',
    start,
    end,
    normalized: title,
    title,
    jurisdiction: place ? place.normalized : national ? '中国' : '',
    level: national ? 'national' : entry.level,
    rule,
  };
}

function readStack(doc: Doc, lex: Lexicon, i: number, limit: number, placeAt: PlaceAt, floor: number, afterName = false): Stack | undefined {
  const first = readTitle(doc, lex, i, limit, placeAt, floor);
  if (!first) return undefined;
  // After a name only a real office counts (孙春兰副总理), not 李明远主任's organ guesswork.
  if (afterName && first.rule.startsWith('rule:organ')) return undefined;
  const titles = [first];
  let end = first.end;
  while (doc.text[end] === '、') {
    const next = readTitle(doc, lex, end + 1, limit, placeAt, end + 1);
    if (!next) break;
    titles.push(next);
    end = next.end;
  }
  // A title must be followed by a name, or stand alone before punctuation (陕西省委书记:…), or follow one.
  return { start: titles[0].start, end, titles };
}

// ---- names ----------------------------------------------------------------------------------------------

interface NameSpan extends Span {
  name: string;
  known?: OfficialRole[];
}

function readNameList(doc: Doc, lex: Lexicon, i: number, limit: number, afterTitle: boolean): NameSpan[] {
  const out: NameSpan[] = [];
  let pos = i;
  for (;;) {
    const name = readName(doc, lex, pos, limit, afterTitle);
    if (!name) break;
    out.push(name);
    if (doc.text[name.end] !== '、') break;
    pos = name.end + 1;
  }
  return out;
}

/**
 * A name at `i`: a dictionary name, or surname + given name confirmed by what follows. Without a title
 * before it, the caller still asks jieba whether the name is a common word (`jiebaKnowsOtherWord`).
 */
function readName(doc: Doc, lex: Lexicon, i: number, limit: number, afterTitle: boolean): NameSpan | undefined {
  const text = doc.text;
  const known = lex.officials.longestAt(text, i, limit);
  if (known && rightScore(doc, lex, known.end, limit) >= 1) return { start: i, end: known.end, name: text.slice(i, known.end), known: known.values };
  if (!afterTitle) {
    // Without a title before it, only a dictionary name or a name confirmed strongly on its right.
    const cand = surnameCandidates(doc, lex, i, limit);
    if (!cand.length) return undefined;
    // Only a strong right edge (3) confirms here, and a candidate with a mere token edge (1) can never
    // outscore one that has it: the segmenter need not be asked.
    const best = pick(doc, lex, cand, limit, false);
    return best && rightScore(doc, lex, best.end, limit, false) >= 3 ? best : undefined;
  }
  const cand = surnameCandidates(doc, lex, i, limit);
  const best = pick(doc, lex, cand, limit);
  if (!best) return undefined;
  const score = rightScore(doc, lex, best.end, limit);
  // Confirmed by what follows, or at least a token edge that jieba does not read as a common word (高度重视).
  if (score >= 3) return jiebaKnowsOtherWord(doc, best) ? undefined : best;
  return score >= 1 && jiebaAllowsName(doc, best) ? best : undefined;
}

/** Parts of speech of words that are no names: 荣誉主席, 发表白皮书, 伊拉克总理, 致贺词. */
const NOT_NAME_TAG = /^(?:n|ns|nt|v|vn|vd|a|ad|an|d|m|q|t|f|s|r|p|c|u)$/;

/** jieba reads exactly this span as one word of its dictionary that is no name. */
function jiebaKnowsOtherWord(doc: Doc, name: NameSpan): boolean {
  const first = jiebaFirstWord(doc, name);
  return !!first && first.word === name.name && NOT_NAME_TAG.test(first.tag);
}

function surnameCandidates(doc: Doc, lex: Lexicon, i: number, limit: number): NameSpan[] {
  const text = doc.text;
  const out: NameSpan[] = [];
  for (let s = 2; s >= 1; s--) {
    if (i + s > limit || !lex.surnames.has(text.slice(i, i + s))) continue;
    for (const g of [1, 2]) {
      const end = i + s + g;
      if (end > limit) continue;
      let ok = true;
      for (let k = i; k < end; k++) {
        if (!isHan(text.charCodeAt(k)) || NOT_IN_NAME.has(text.charCodeAt(k))) ok = false;
        else if (k >= i + s && FUNCTION_CHARS.has(text.charCodeAt(k)) && !(g === 2 && k === i + s)) ok = false;
      }
      const name = { start: i, end, name: text.slice(i, end) };
      if (ok && s === 1 && FUNCTION_CHARS.has(text.charCodeAt(i)) && !jiebaReadsName(doc, name)) ok = false;
      if (ok) out.push(name);
    }
  }
  return out;
}

/** The candidate whose right edge is best confirmed; on a tie the three-character name (the common case). */
function pick(doc: Doc, lex: Lexicon, cands: NameSpan[], limit: number, tokenEdges = true): NameSpan | undefined {
  let best: NameSpan | undefined;
  let bestScore = -1;
  // 副省长强调: a speech or role verb where a name would be is no name.
  if (cands.length && lex.verbs.longestAt(doc.text, cands[0].start, limit)) return undefined;
  for (const c of cands) {
    // A name does not swallow the start of a title, a verb or a place (王剑锋讲 → 王剑锋; 习主席 is no name).
    if (lex.titles.longestAt(doc.text, c.end - 1, limit) || lex.verbs.longestAt(doc.text, c.end - 1, limit)) continue;
    if (c.end - c.start === 3 && lex.titles.longestAt(doc.text, c.start + 1, limit)) continue;
    // Three characters is the usual length, unless the third is a verb with its particle (杜玲急得 → 杜玲).
    const verbParticle = c.end - c.start === 3 && PARTICLE_AFTER.has(doc.text.charCodeAt(c.end));
    const score = rightScore(doc, lex, c.end, limit, tokenEdges) * 2 + (c.end - c.start === 3 && !verbParticle ? 1 : 0) - (verbParticle ? 2 : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/**
 * How sure we are that a name ends at `e`: 3 = a word or punctuation that follows names, 1 = a token edge
 * (0 without asking the segmenter when `tokenEdges` is false).
 */
function rightScore(doc: Doc, lex: Lexicon, e: number, limit: number, tokenEdges = true): number {
  const text = doc.text;
  if (e >= limit) return 3;
  if (!isHan(text.charCodeAt(e))) return 3; // punctuation (、 too), digits (17日), space, brackets
  if (lex.verbs.longestAt(text, e, limit) || lex.titles.longestAt(text, e, limit)) return 3;
  if (AFTER_NAME_TRIE.longestAt(text, e, Math.min(e + 2, text.length))) return 3;
  return tokenEdges && doc.boundaries?.isBoundary(e) ? 1 : 0;
}

function startsWord(doc: Doc, i: number): boolean {
  if (i === 0) return true;
  const prev = doc.text.charCodeAt(i - 1);
  return !isHan(prev) || !doc.boundaries || doc.boundaries.isBoundary(i);
}

function clauseStart(doc: Doc, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && isWhitespace(doc.text.charCodeAt(k))) k--;
  return k < 0 || CLAUSE_OPENERS.has(doc.text.charCodeAt(k));
}
const CLAUSE_OPENERS = charCodes('，。；：！？、,;:!?()（）\n');

/**
 * jieba's part-of-speech reading of the first word at a would-be name (with a few characters of context).
 * jieba never changes during a run, so a reading is kept for the same few characters in any article (names
 * recur across a corpus); the cache is emptied when full, so memory stays flat.
 */
const firstWords = new Map<string, { word: string; tag: string } | undefined>();
const FIRST_WORDS_MAX = 50_000;
function jiebaFirstWord(doc: Doc, name: NameSpan): { word: string; tag: string } | undefined {
  const key = doc.text.slice(name.start, Math.min(doc.text.length, name.end + 4));
  let first = firstWords.get(key);
  if (first === undefined && !firstWords.has(key)) {
    if (firstWords.size >= FIRST_WORDS_MAX) firstWords.clear();
    firstWords.set(key, (first = nodejieba.tag(key)[0]));
  }
  return first;
}

/**
 * For a name no dictionary knows: jieba tags a name (nr, or x for an unknown word), or splits it into
 * surname + given name (方/光华); a common word that starts at the name (高度, 常务, 许多) is no name.
 */
function jiebaAllowsName(doc: Doc, name: NameSpan): boolean {
  const first = jiebaFirstWord(doc, name);
  if (!first) return false;
  if (first.word.length === 1) return true;
  return /^(?:nr|x$)/.test(first.tag) && first.word.length <= name.name.length;
}

/** Stricter, for a surname that is also a function character: jieba tags a whole name (nr) here. */
function jiebaReadsName(doc: Doc, name: NameSpan): boolean {
  const first = jiebaFirstWord(doc, name);
  return !!first && first.word.length >= 2 && first.word.length <= name.name.length && first.tag.startsWith('nr');
}

// ---- people ---------------------------------------------------------------------------------------------

class PeopleIndex {
  readonly list: Person[] = [];
  readonly mentions: PersonMention[] = [];
  private readonly byName = new Map<string, Person>();
  private readonly invoked = new Set<PersonMention>();

  constructor(
    private readonly doc: Doc,
    private readonly lex: Lexicon,
  ) {}

  byId(id: number | undefined): Person | undefined {
    return id === undefined ? undefined : this.list[id];
  }

  add(n: NameSpan, rule: string): number {
    let person = this.byName.get(n.name);
    if (!person) {
      const known = n.known ?? this.lex.officials.get(n.name);
      person = {
        id: this.list.length,
        name: n.name,
        origin: known ? 'dictionary' : 'text',
        ...(known ? { entry: known[0].ref, canonical: known[0].name, ...(known[0].nameEn[0] ? { nameEn: known[0].nameEn[0] } : {}) } : {}),
        offices: [],
        mentions: [],
      };
      this.list.push(person);
      this.byName.set(n.name, person);
    }
    if (!this.mentions.some((m) => m.start === n.start)) {
      person.mentions.push({ start: n.start, end: n.end });
      this.mentions.push({ type: 'person', start: n.start, end: n.end, normalized: n.name, personId: person.id, rule });
    }
    return person.id;
  }

  /** Every occurrence of a known name that no rule has claimed yet. */
  findRepeats(paragraphs: Span[]): void {
    const text = this.doc.text;
    for (const p of paragraphs) {
      for (const person of [...this.list]) {
        let at = text.indexOf(person.name, p.start);
        while (at >= 0 && at + person.name.length <= p.end) {
          const end = at + person.name.length;
          if (!this.mentions.some((m) => m.start < end && at < m.end)) this.add({ start: at, end, name: person.name }, 'rule:repeat');
          at = text.indexOf(person.name, end);
        }
      }
    }
    this.mentions.sort((a, b) => a.start - b.start);
  }

  /** 他/她 opening a sentence (or a clause after 同时/随后) is the last person named before it who is present. */
  resolvePronouns(): void {
    const text = this.doc.text;
    const out: PersonMention[] = [];
    for (const s of this.doc.sentences) {
      const m = /^(?:(?:同时|随后|最后|此外|会上|会议上)[，,]?)?([他她])(?!们)/.exec(text.slice(s.start, s.start + 8));
      if (!m) continue;
      const at = s.start + m[0].length - 1;
      const before = this.mentions.filter((x) => x.end <= at && !this.isInvoked(x));
      const last = before[before.length - 1];
      if (!last) continue;
      const person = this.list[last.personId];
      person.mentions.push({ start: at, end: at + 1 });
      out.push({ type: 'person', start: at, end: at + 1, normalized: person.name, personId: person.id, rule: 'coref:pronoun' });
    }
    this.mentions.push(...out);
    this.mentions.sort((a, b) => a.start - b.start);
  }

  isInvoked(m: PersonMention): boolean {
    if (this.invoked.has(m)) return true;
    const text = this.doc.text;
    const before = text.slice(Math.max(0, m.start - 6), m.start);
    const after = text.slice(m.end, m.end + 12);
    const inv = INVOKED_BEFORE.test(before) || INVOKED_AFTER.test(after);
    if (inv) {
      this.invoked.add(m);
      m.invoked = true;
    }
    return inv;
  }

  markInvoked(): void {
    for (const m of this.mentions) this.isInvoked(m);
    for (const person of this.list) {
      const mine = this.mentions.filter((m) => m.personId === person.id);
      if (mine.length && mine.every((m) => this.isInvoked(m))) person.invokedOnly = true;
    }
  }
}

// ---- jurisdictions --------------------------------------------------------------------------------------

function jurisdictionOf(doc: Doc, lex: Lexicon, t: TitleMention, stack: TitleMention[], places: PlaceMention[], person: Person | undefined): string {
  if (t.jurisdiction) return t.jurisdiction;
  const level = t.level;
  if (level === 'national') return '中国';
  if (level === 'any') return '';
  // Another title of the same stack names a place below this level: take its ancestor (省委常委、西安市委书记).
  for (const other of stack) {
    const place = other !== t && other.jurisdiction ? places.find((p) => p.normalized === other.jurisdiction && p.code) : undefined;
    const up = place && ancestorAt(lex, place.code, level);
    if (up) return up.name;
  }
  // The one place of this level the article names (directly or as the parent of a place it names).
  const counts = new Map<string, number>();
  for (const p of places) {
    if (!p.code) continue;
    const up = ancestorAt(lex, p.code, level);
    if (up) counts.set(up.name, (counts.get(up.name) ?? 0) + 1);
  }
  if (counts.size === 1) return [...counts.keys()][0];
  // A dictionary role of this person with the same office, valid on the article's date (without a date
  // a role cannot be checked, and a stale one would give the wrong place).
  const date = doc.referenceDate?.date;
  if (person && date) {
    const role = (lex.officials.get(person.name) ?? []).find((r) => (r.title === t.title || r.title.endsWith(t.title)) && (!r.start || r.start <= date) && (!r.end || date <= r.end));
    if (role?.jurisdiction) return role.jurisdiction;
  }
  return '';
}
