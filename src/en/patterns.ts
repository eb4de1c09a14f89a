// Patterns built from the dictionaries' English words (verb forms, titles), and matching them cheaply.
import { escapeRe } from '../dictionaries/compile.ts';

/**
 * What `build` makes from an object — the patterns of a lexicon's verb forms and titles, the index of a
 * dictionary's keys — made once per object: building a pattern per sentence cost more than matching it.
 */
export function perObject<K extends object, T>(build: (key: K) => T): (key: K) => T {
  const made = new WeakMap<K, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = build(key)));
    return value;
  };
}


/** A pattern that matches any of the phrases as written, `(?:a|b|c)`; nothing when there are none. */
export function anyOf(phrases: string[]): string {
  return phrases.length ? `(?:${phrases.map(escapeRe).join('|')})` : '(?!)';
}

/** As anyOf, each phrase in a group of its own: group i + 1 is phrase i (see whichOf). */
export function eachOf(phrases: string[]): string {
  return phrases.length ? `(?:${phrases.map((p) => `(${escapeRe(p)})`).join('|')})` : '(?!)';
}

/** Which phrase of an eachOf pattern matched. */
export function whichOf(m: RegExpExecArray): number {
  return m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
}

/**
 * [...s.matchAll(re)] for a global pattern built once: matchAll copies the pattern on each call, which cost
 * more than the matching on a sentence. Starts at 0 and leaves lastIndex at 0, as matchAll finds and leaves it.
 */
export function allMatches(s: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global pattern: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m);
    if (!m[0]) re.lastIndex++; // an empty match (a lookahead): go on from the next character
  }
  return out;
}
