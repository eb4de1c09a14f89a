// Gold annotations (format: data/gold/README.md), loaded and checked before anything is scored: a typo in a
// hand-written file should stop the run with the file and field named, not score as a silent miss.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldTitle {
  title: string;
  jurisdiction: string;
}

export interface GoldMeeting {
  name: string;
  date: string | null;
  chair: string[];
  speakers: string[];
  attendees: string[];
}

export interface GoldDirective {
  speaker: string;
  text: string;
}

export interface GoldArticle {
  article_id: string;
  /** The file it came from, for messages. */
  file: string;
  language: string;
  // Metadata fields a file leaves out are not scored; `null` means the page gives none.
  title?: string | null;
  published_at?: string | null;
  source?: string | null;
  editor?: string | null;
  reporters: string[];
  officials: { name: string; titles: GoldTitle[] }[];
  places: string[];
  meetings: GoldMeeting[];
  directives: GoldDirective[];
  not_in_article: string[];
}

/** A gold or run file that cannot be used; the message names the file. */
export class EvalInputError extends Error {}

type Json = Record<string, unknown>;

/** Every `*.json` of the folder (not its subfolders), in file-name order. */
export function loadGold(dir: string): GoldArticle[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch (e) {
    throw new EvalInputError(`cannot read gold folder ${dir}: ${(e as Error).message}`);
  }
  if (!names.length) throw new EvalInputError(`no gold files (*.json) in ${dir}`);
  const byId = new Map<string, GoldArticle>();
  for (const name of names) {
    const file = join(dir, name);
    const gold = parseGold(readGoldJson(file), file);
    const earlier = byId.get(gold.article_id);
    if (earlier) throw new EvalInputError(`${file}: article_id "${gold.article_id}" is also the id in ${earlier.file}`);
    byId.set(gold.article_id, gold);
  }
  return [...byId.values()];
}

function readGoldJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new EvalInputError(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new EvalInputError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
}

/** Checks one parsed gold file; every problem is listed at once, each with its JSON path. */
export function parseGold(value: unknown, file: string): GoldArticle {
  const problems: string[] = [];
  const fail = (path: string, want: string) => problems.push(`${path}: expected ${want}`);

  const obj = (v: unknown, path: string): Json | undefined => {
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Json;
    fail(path, 'an object');
    return undefined;
  };
  const str = (v: unknown, path: string): string => {
    if (typeof v === 'string') return v;
    fail(path, 'a string');
    return '';
  };
  // Missing arrays are empty, as the format lets a file leave out what the article lacks.
  const list = <T>(o: Json, key: string, path: string, item: (v: unknown, path: string) => T): T[] => {
    const v = o[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      fail(`${path}${key}`, 'an array');
      return [];
    }
    return v.map((x, i) => item(x, `${path}${key}[${i}]`));
  };
  const optionalText = (o: Json, key: string): string | null | undefined => {
    const v = o[key];
    if (v === undefined || v === null || typeof v === 'string') return v;
    fail(key, 'a string or null');
    return null;
  };

  const root = obj(value, '(file)');
  if (!root) throw new EvalInputError(`${file}: ${problems.join('; ')}`);
  const articleId = str(root.article_id, 'article_id');
  if (typeof root.article_id === 'string' && !articleId.trim()) fail('article_id', 'a non-empty id');
  const language = root.language === undefined ? 'zh' : str(root.language, 'language');
  if (language !== 'zh' && language !== 'en') fail('language', '"zh" or "en"');
  if (root.officials === undefined) fail('officials', 'an array (required; [] when the article names none)');

  const gold: GoldArticle = {
    article_id: articleId,
    file,
    language,
    reporters: list(root, 'reporters', '', str),
    officials: list(root, 'officials', '', (v, path) => {
      const o = obj(v, path) ?? {};
      return {
        name: str(o.name, `${path}.name`),
        titles: list(o, 'titles', `${path}.`, (t, tpath) => {
          const title = obj(t, tpath) ?? {};
          const jurisdiction = title.jurisdiction;
          if (jurisdiction !== undefined && jurisdiction !== null && typeof jurisdiction !== 'string') {
            fail(`${tpath}.jurisdiction`, 'a string');
          }
          return { title: str(title.title, `${tpath}.title`), jurisdiction: typeof jurisdiction === 'string' ? jurisdiction : '' };
        }),
      };
    }),
    places: list(root, 'places', '', str),
    meetings: list(root, 'meetings', '', (v, path) => {
      const m = obj(v, path) ?? {};
      const date = m.date;
      if (date !== undefined && date !== null && typeof date !== 'string') fail(`${path}.date`, 'a string or null');
      return {
        name: str(m.name, `${path}.name`),
        date: typeof date === 'string' ? date : null,
        chair: list(m, 'chair', `${path}.`, str),
        speakers: list(m, 'speakers', `${path}.`, str),
        attendees: list(m, 'attendees', `${path}.`, str),
      };
    }),
    directives: list(root, 'directives', '', (v, path) => {
      const d = obj(v, path) ?? {};
      return { speaker: str(d.speaker, `${path}.speaker`), text: str(d.text, `${path}.text`) };
    }),
    not_in_article: list(root, 'not_in_article', '', str),
  };
  for (const key of ['title', 'published_at', 'source', 'editor'] as const) {
    if (key in root) gold[key] = optionalText(root, key);
  }
  if (problems.length) throw new EvalInputError(`${file}: ${problems.join('; ')}`);
  return gold;
}
