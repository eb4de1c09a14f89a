import type { Span } from '../doc.ts';

/** The non-empty lines of text[from, to), as spans without surrounding whitespace. */
export function lineSpans(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  while (start < to) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end + 1;
  }
  return out;
}

/** What /\s/ matches, as a code test (no one-character strings in per-character loops). */
export function isWhitespace(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

/** Han ideographs (CJK unified, extension A, compatibility). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

export function countHan(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isHan(s.charCodeAt(i))) n++;
  return n;
}

/** ASCII letters. */
export function isLatin(c: number): boolean {
  return isCapital(c) || isLowerCase(c);
}

/** A-Z. */
export function isCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** a-z. */
export function isLowerCase(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** A character of \w: A-Z, a-z, 0-9, _. */
export function isWordChar(c: number): boolean {
  return isLatin(c) || (c >= 48 && c <= 57) || c === 95;
}

export function countLatin(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isLatin(s.charCodeAt(i))) n++;
  return n;
}

/**
 * A set of characters tested by UTF-16 code (BMP characters only), for per-character loops:
 * `set.has(text.charCodeAt(i))` is one array read, where `text[i]` would make a string of every Chinese
 * character read and a Set would hash it.
 */
export class CharSet {
  private readonly bits = new Uint8Array(65536);
  constructor(chars: string) {
    for (const c of chars) this.bits[c.charCodeAt(0)] = 1;
  }
  has(code: number): boolean {
    return this.bits[code] === 1;
  }
}

export function charCodes(chars: string): CharSet {
  return new CharSet(chars);
}

const CLOSING_BRACKETS = charCodes(')）】」');

/**
 * The first offset in [start, end) past spaces and the closing brackets a previous sentence left (）】」):
 * where a sentence or clause really opens.
 */
export function skipOpeners(text: string, start: number, end: number): number {
  while (start < end && (isWhitespace(text.charCodeAt(start)) || CLOSING_BRACKETS.has(text.charCodeAt(start)))) start++;
  return start;
}

/** The first offset in [start, end) that is not a space. */
export function skipSpaces(text: string, start: number, end: number): number {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  return start;
}
