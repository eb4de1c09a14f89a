// compromise for English articles, taught from the project's dictionaries. Out of the box compromise finds
// only the surname of a pinyin name ("Zhang") and misses Xi'an; after `teach` it knows every official's
// English name, every place's English name and the offices, and it conjugates the dictionary's reporting
// verbs (stress → stressed, stresses, stressing) so the verb list holds base forms only. compromise-dates
// parses English date phrases; we correct its preference for the future (see dates.ts).
import nlp from 'compromise';
import datePlugin from 'compromise-dates';
import type { Lexicon, TitleEntry, VerbRole } from '../dictionaries/compile.ts';

export interface EnglishVerb {
  form: string; // as written: stressed, called for
  base: string;
  role: VerbRole;
  zh: string; // the dictionary's Chinese verb
}

export interface EnglishLexicon {
  verbs: EnglishVerb[]; // longest first
  titles: { phrase: string; entry: TitleEntry }[]; // longest first
  /** Surnames that are also English function words (He, An): alone, they are the word. */
  wordSurnames: Set<string>;
}

const cache = new WeakMap<Lexicon, EnglishLexicon>();
let datesLoaded = false;

export function english(lex: Lexicon): EnglishLexicon {
  let en = cache.get(lex);
  if (en) return en;
  if (!datesLoaded) {
    nlp.plugin(datePlugin);
    datesLoaded = true;
  }
  const words: Record<string, string> = {};
  for (const [name] of lex.officialsByEnName) words[name] = 'Person';
  for (const [place, forms] of lex.placesEn) words[place] = forms[0].place.level === 'province' ? 'Region' : 'City';
  // A surname that is also an English function word (He 何, An 安) is not taught: "he" stays a pronoun.
  const wordSurnames = new Set<string>();
  for (const s of lex.surnamePinyin) {
    if (nlp(s.toLowerCase()).has('(#Pronoun|#Determiner|#Preposition|#Conjunction)')) wordSurnames.add(s);
    else words[s.toLowerCase()] = 'LastName';
  }
  nlp.plugin({ words });

  const verbs: EnglishVerb[] = [];
  for (const { base, entry } of lex.verbsEn) {
    const phrase = nlp(base);
    phrase.tag('Verb');
    const forms = phrase.verbs().conjugate()[0] as Record<string, string> | undefined;
    // compromise conjugates "express the hope" to "expressed the": put back the words it dropped.
    const baseWords = base.split(' ');
    const whole = (f: string) => {
      const n = f.split(' ').length;
      return n > 1 && n < baseWords.length ? [f, ...baseWords.slice(n)].join(' ') : f;
    };
    const all = new Set([base, ...Object.entries(forms ?? {}).filter(([k]) => k !== 'FutureTense').map(([, f]) => whole(f))]);
    for (const form of all) verbs.push({ form, base, role: entry.role, zh: entry.verb });
  }
  verbs.sort((a, b) => b.form.length - a.form.length);
  en = { verbs, titles: lex.titlesEn, wordSurnames };
  cache.set(lex, en);
  return en;
}

export { nlp };
