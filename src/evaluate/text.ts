// String normalisation under every matching rule. It copies the independent Python scorer, score.py, closely
// (Python's \s set, lengths in code points, Unicode digits), so both scorers count the same tables alike.

// Python's re `\s` on str: JavaScript's `\s` differs (it has U+FEFF, lacks U+001C–U+001F and U+0085).
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const IGNORED = new RegExp(`[${PY_SPACE}"“”‘’'「」『』·•]+`, 'g');
const EDGE_SPACE = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');
const ISO_DATE = /^\p{Nd}{4}-\p{Nd}{2}-\p{Nd}{2}/u;
const NAME_SEPARATORS = /[;；、,，|]/;

/** Width-folded, lower-cased, without spaces, quotes and name dots: the form every comparison uses. */
export function norm(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

/** Length in code points, as Python counts (a rare CJK extension character is one, not two). */
export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The first `n` code points. */
export function firstCodePoints(s: string, n: number): string {
  return Array.from(s).slice(0, n).join('');
}

const MEETING_SPEAKERS = new Set(['meeting', 'themeeting', '会议']);
/** A speaker's key: 会议, "the meeting" and "Meeting" are one speaker — the meeting itself. */
export function speakerKey(s: string | null | undefined): string {
  const n = norm(s);
  return MEETING_SPEAKERS.has(n) ? '会议' : n;
}

/**
 * The names of a multi-valued cell (`; `-joined by the writer; other separators tolerated): normalised name →
 * the name as written, for messages.
 */
export function splitNames(v: string | null | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const part of (v ?? '').split(NAME_SEPARATORS)) {
    const n = norm(part);
    if (n && !names.has(n)) names.set(n, part.trim());
  }
  return names;
}

/** The yyyy-mm-dd a value starts with, or '' — times and offsets do not matter for dates. */
export function datePart(v: string | null | undefined): string {
  const m = ISO_DATE.exec((v ?? '').replace(EDGE_SPACE, ''));
  return m ? m[0] : '';
}

// Longest first where one ends another (维吾尔自治区 before 自治区 before 区).
const PLACE_SUFFIXES = [
  '维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '自治州', '自治县', '地区', '新区',
  '省', '市', '区', '县', '盟', '旗', '镇', '乡', '街道',
  'autonomousregion', 'province', 'municipality', 'city', 'county', 'district',
];
/** A place without its level word (陕西省 → 陕西, Hubei Province → hubei), so short and full forms meet. */
export function shortPlace(place: string | null | undefined): string {
  const p = norm(place);
  for (const suffix of PLACE_SUFFIXES) {
    if (p.endsWith(suffix) && codePoints(p) > suffix.length + 1) return p.slice(0, p.length - suffix.length);
  }
  return p;
}

/** Character bigrams of the normalised text; a text of one character (or none) is its own single gram. */
export function bigrams(s: string): Set<string> {
  const chars = Array.from(norm(s));
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  if (!grams.size) grams.add(chars.join(''));
  return grams;
}

/** Dice coefficient of the bigram sets: 1 for the same name, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  let shared = 0;
  for (const g of A) if (B.has(g)) shared++;
  return (2 * shared) / (A.size + B.size);
}
