// Places: every administrative division the article names, in full (西安市), short (西安, 陕西) or by an
// alias, also inside an organisation's name (西安市疫情防控指挥部 → 西安市). A short name shared by several
// divisions (鼓楼 → four 鼓楼区) is resolved by the other places of the article; when nothing decides, the
// mention keeps its name and an empty parent, and says so in its rule.
import type { Doc, PlaceMention, Span } from '../doc.ts';
import type { Lexicon, PlaceEntry, PlaceForm } from '../dictionaries/compile.ts';

const LEVEL_RANK = { province: 0, prefecture: 1, county: 2, township: 3 } as const;

interface Candidate extends Span {
  forms: PlaceForm[];
}

export function tagPlaces(doc: Doc, lex: Lexicon, paragraphs: Span[]): void {
  const found: Candidate[] = [];
  for (const p of paragraphs) {
    for (const m of lex.places.scan(doc.text, p.start, p.end)) {
      if (!acceptable(doc, m, m.values)) continue;
      found.push({ start: m.start, end: m.end, forms: m.values });
    }
  }
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

/**
 * A short name must stand as a word: at token boundaries, or directly followed by an organ or title
 * (陕西省长, 西安市委), so that 东方 in 东方红 or 长安 in 长安街 does not count.
 */
function acceptable(doc: Doc, span: Span, forms: PlaceForm[]): boolean {
  if (forms.some((f) => f.form === 'name' || f.form === 'alias')) return true;
  const b = doc.boundaries;
  if (!b) return true;
  const next = doc.text[span.end] ?? '';
  const startsWord = b[span.start] === 1;
  const endsWord = b[span.end] === 1 || /[省市县区委政府人党籍]/.test(next);
  return startsWord && endsWord;
}

function choose(lex: Lexicon, forms: PlaceForm[], certain: Set<string>): { place: PlaceEntry; form: PlaceForm; ambiguous: boolean } {
  const byPlace = new Map<string, PlaceForm>();
  for (const f of forms) if (!byPlace.has(f.place.code)) byPlace.set(f.place.code, f);
  const options = [...byPlace.values()];
  if (options.length === 1) return { place: options[0].place, form: options[0], ambiguous: false };
  // Full-name forms beat short ones; then an option whose parent the article names; then the higher level.
  const score = (f: PlaceForm) =>
    (f.form === 'name' ? 100 : 0) + (certain.has(f.place.parentCode) ? 50 : 0) + (certain.has(f.place.code) ? 20 : 0) - LEVEL_RANK[f.place.level] * 5;
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
