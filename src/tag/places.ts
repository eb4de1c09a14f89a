// Places: every administrative division the article names, in full (西安市), short (西安, 陕西) or by an
// alias, also inside an organisation's name (西安市疫情防控指挥部 → 西安市). A short name shared by several
// divisions (鼓楼 → four 鼓楼区) is resolved by the other places of the article; when nothing decides, the
// mention keeps its name and an empty parent, and says so in its rule.
import type { Doc, PlaceMention, Span } from '../doc.ts';
import type { Lexicon, PlaceEntry, PlaceForm } from '../dictionaries/compile.ts';
import { charCodes } from '../text/lines.ts';

const LEVEL_RANK = { province: 0, prefecture: 1, county: 2, township: 3 } as const;

interface Candidate extends Span {
  forms: PlaceForm[];
}

export function tagPlaces(doc: Doc, lex: Lexicon, paragraphs: Span[]): void {
  let found: Candidate[] = [];
  for (const p of paragraphs) {
    const here: Candidate[] = [];
    for (const m of lex.places.scan(doc.text, p.start, p.end)) {
      if (!standsAsWord(doc, m, m.values, found)) continue;
      here.push({ start: m.start, end: m.end, forms: m.values });
    }
    // Townships, from their last character back; a longer township name wins over a place inside it.
    for (let i = p.end; i > p.start; i--) {
      const t = lex.townships.longestEndingAt(doc.text, i, p.start);
      if (!t || !standsAsWord(doc, t, t.values, found)) continue;
      for (let k = here.length - 1; k >= 0; k--) if (here[k].start >= t.start && here[k].end <= t.end) here.splice(k, 1);
      if (!here.some((h) => h.start < t.end && t.start < h.end)) here.push({ start: t.start, end: t.end, forms: t.values });
      i = t.start + 1;
    }
    found.push(...here, ...abbreviations(doc, lex, p));
  }
  found.sort((a, b) => a.start - b.start);
  // A short name that is also an ordinary word (来宾, 开封) counts only when the article confirms it: an
  // organ after it (开封市委), or the place or its parent named in full elsewhere.
  const named = new Set(found.filter((c) => c.forms.some((f) => f.form === 'name')).flatMap((c) => c.forms.flatMap((f) => [f.place.code, f.place.parentCode])));
  found = found.filter((c) => !c.forms.every((f) => f.form === 'short' && f.place.shortIsWord) || ORGAN_AFTER.test(doc.text.slice(c.end, c.end + 2)) || c.forms.some((f) => named.has(f.place.code) || named.has(f.place.parentCode)));
  // Unambiguous mentions decide the ambiguous ones: a candidate whose ancestor the article names wins.
  const certain = new Set<string>();
  for (const c of found) {
    const places = unique(c.forms.map((f) => f.place));
    if (places.length === 1) for (const code of lineage(lex, places[0])) certain.add(code);
  }
  for (const c of found) {
    const { place, form, ambiguous } = choose(lex, c.forms, certain);
    const parent = ambiguous ? undefined : lex.placeByCode.get(place.parentCode);
    const mention: PlaceMention = {
      type: 'place',
      start: c.start,
      end: c.end,
      normalized: place.name,
      code: ambiguous ? '' : place.code,
      level: place.level,
      parent: parent?.name ?? '',
      rule: `dict:${form.ref}${form.form === 'name' ? '' : `:${form.form}`}${ambiguous ? ':ambiguous' : ''}`,
    };
    doc.mentions.push(mention);
  }
}

const ORGAN_AFTER = /^(?:省|市|县|区|州|盟|旗|委|政府|人民|党)/;
/** After these verbs of movement a one-character abbreviation names a province: 入陕, 来京, 返鄂人员. */
const MOVEMENT = charCodes('入来返回赴离抵进出驻援');
// Punctuation may follow (来京。), not a number or a title (出台66条, 出台《…》: 出台 is "issue").
const ABBREVIATION_AFTER = /^(?:[，。；、,.;:：！？!?)）\s]|人员|人士|旅客|车辆|期间|后|前|的|和|及|入|出|来|返|工作|考察|调研|学习|就医|务工|游客|航班|列车)/;

/**
 * A place must stand as a word. A full name whose stem is generic (城区, 郊区, 街道) counts only right after
 * its parent (大同市城区). A short name must start a token; a county short must also end one (or be
 * followed by an organ: 雁塔区委), while a province or city short may open a longer name (河南日报,
 * 陕西广播电视台). So 东方 in 东方红 or 长安 in 长安街 does not count.
 */
function standsAsWord(doc: Doc, span: Span, forms: PlaceForm[], before: Candidate[]): boolean {
  const text = doc.text;
  if (forms.some((f) => f.form === 'alias')) return true;
  const full = forms.filter((f) => f.form === 'name');
  if (full.length) {
    // Township-level bureaus (林业局, 社会事务局) are also ordinary organ names: only right after their parent.
    if (full.some((f) => stemLength(f.place.name) >= 2 && !(f.place.level === 'township' && f.place.name.endsWith('局')))) return true;
    const prev = before[before.length - 1];
    return !!prev && prev.end === span.start && prev.forms.some((p) => full.some((f) => f.place.parentCode === p.place.code));
  }
  // 中山路, 北京路, 长安街: a street named after a place; 双城经济圈: a region, not 双城区.
  if (NOT_A_PLACE_AFTER.test(text.slice(span.end, span.end + 3))) return false;
  const b = doc.boundaries;
  if (!b) return true;
  if (!b.isBoundary(span.start)) return false;
  const high = forms.some((f) => f.place.level === 'province' || f.place.level === 'prefecture');
  return high || b.isBoundary(span.end) || ORGAN_AFTER.test(text.slice(span.end, span.end + 2));
}

const NOT_A_PLACE_AFTER = /^(?:路|街|大道|大街|巷|胡同|桥|站|机场|经济圈|城市群|都市圈|经济带)/;
const SUFFIX = /(?:特别行政区|自治区|自治州|自治县|自治旗|地区|街道|新区|矿区|林区|特区|省|市|县|区|盟|旗|镇|乡)$/;
function stemLength(name: string): number {
  return name.replace(SUFFIX, '').length;
}

function abbreviations(doc: Doc, lex: Lexicon, p: Span): Candidate[] {
  const out: Candidate[] = [];
  const text = doc.text;
  for (let i = p.start + 1; i < p.end; i++) {
    if (!MOVEMENT.has(text.charCodeAt(i - 1))) continue;
    const m = lex.abbreviations.longestAt(text, i, i + 1);
    if (m && ABBREVIATION_AFTER.test(text.slice(i + 1, i + 3) || '。')) out.push({ start: i, end: i + 1, forms: m.values });
  }
  return out;
}

function choose(lex: Lexicon, forms: PlaceForm[], certain: Set<string>): { place: PlaceEntry; form: PlaceForm; ambiguous: boolean } {
  const byPlace = new Map<string, PlaceForm>();
  for (const f of forms) if (!byPlace.has(f.place.code)) byPlace.set(f.place.code, f);
  const options = [...byPlace.values()];
  if (options.length === 1) return { place: options[0].place, form: options[0], ambiguous: false };
  // Full-name forms beat short ones; then an option whose parent the article names, or a farther ancestor
  // (福建省 decides 鼓楼区 → 福州市); then the higher level.
  const ancestorNamed = (p: PlaceEntry) => lineage(lex, p).slice(2).some((code) => certain.has(code));
  const score = (f: PlaceForm) =>
    (f.form === 'name' ? 100 : 0) + (certain.has(f.place.parentCode) ? 50 : ancestorNamed(f.place) ? 30 : 0) + (certain.has(f.place.code) ? 20 : 0) - LEVEL_RANK[f.place.level] * 5;
  options.sort((a, b) => score(b) - score(a) || (a.place.code < b.place.code ? -1 : 1));
  const [best, second] = options;
  const ambiguous = score(best) === score(second) && best.place.level === second.place.level;
  return { place: best.place, form: best, ambiguous };
}

function lineage(lex: Lexicon, place: PlaceEntry): string[] {
  const out = [place.code];
  let p: PlaceEntry | undefined = place;
  while (p && p.parentCode && (p = lex.placeByCode.get(p.parentCode))) out.push(p.code);
  return out;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** The province of a place (itself for a province), by walking up the parent codes. */
export function provinceOf(lex: Lexicon, code: string): PlaceEntry | undefined {
  let p = lex.placeByCode.get(code);
  while (p && p.level !== 'province' && p.parentCode) p = lex.placeByCode.get(p.parentCode);
  return p?.level === 'province' ? p : undefined;
}

/** The ancestor of a place at a given level (itself when it is that level). */
export function ancestorAt(lex: Lexicon, code: string, level: PlaceEntry['level']): PlaceEntry | undefined {
  let p = lex.placeByCode.get(code);
  while (p && p.level !== level && p.parentCode) p = lex.placeByCode.get(p.parentCode);
  return p?.level === level ? p : undefined;
}
