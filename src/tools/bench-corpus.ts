// The bench's corpus: the articles of data/ read once, then repeated into a JSONL file of a given size with
// ids varied per copy. Built from data/ alone (not a private corpus) so anyone can rerun the bench, and
// cached under a name from its content, so a rerun with the same data/ and size does not build it again.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage } from '../clean/language.ts';
import { decodeBytes, declaredCharset } from '../read/decode.ts';
import { walkInputs } from '../read/inputs.ts';

/** Bump when the way the corpus is built changes, so old cached corpora are not reused. */
const BUILD_VERSION = 1;
/**
 * Share of the corpus's text bytes that are whole HTML pages. data/'s pages are ~90% of its bytes (one is
 * 340 KB of markup), which would make the bench mostly HTML rendering; news feeds are mostly text.
 */
export const HTML_SHARE = 0.1;

export interface SourceArticle {
  id: string;
  html: boolean;
  /** By its script (tags stripped): English articles take the pipeline's slower English path. */
  language: 'zh' | 'en';
  /** The JSON line's fields after "id", already serialised: `"title":…,"text":…}`. */
  rest: string;
  textBytes: number;
}

export interface CorpusInfo {
  path: string;
  hash: string;
  megabytes: number;
  articles: number;
  /** UTF-8 bytes of the text cells: what the pipeline counts as input bytes (run.json `bytes`). */
  textBytes: number;
  htmlBytes: number;
  englishBytes: number;
  fileBytes: number;
  sources: number;
  reused: boolean;
}

/**
 * Every article of the data folder once: files read and decoded as the pipeline would, table rows as they
 * are. `zhOnly` leaves out the English articles.
 */
export async function readSources(dataDir: string, zhOnly = false): Promise<SourceArticle[]> {
  const out: SourceArticle[] = [];
  for await (const item of walkInputs([dataDir])) {
    if (item.kind !== 'article') continue;
    let fields: Record<string, string>;
    if (item.path) {
      const bytes = readFileSync(item.path);
      // The pipeline reads a JSONL cell as text: decode here (d06.html is GB2312), keep the markup.
      const text = decodeBytes(bytes, item.format === 'html' ? declaredCharset(bytes) : undefined).text;
      fields = { text };
    } else {
      fields = {};
      for (const [k, v] of Object.entries(item.columns ?? {})) if (v !== undefined) fields[k] = v;
    }
    if (!fields.text?.trim()) continue;
    const language = detectLanguage(fields.text.replace(/<[^>]*>/g, ' '));
    if (zhOnly && language !== 'zh') continue;
    out.push({ id: item.id, html: item.format === 'html', language, rest: JSON.stringify(fields).slice(1), textBytes: Buffer.byteLength(fields.text) });
  }
  if (!out.length) throw new Error(`no articles found in ${dataDir}`);
  return out;
}

export function sourcesHash(sources: SourceArticle[]): string {
  const h = createHash('sha1').update(`v${BUILD_VERSION} html=${HTML_SHARE}\n`);
  for (const s of sources) h.update(`${s.id}\t${s.html}\t${s.language}\t${s.rest}\n`);
  return h.digest('hex').slice(0, 12);
}

export function corpusPath(cacheDir: string, hash: string, megabytes: number): string {
  return join(cacheDir, `corpus-${hash}-${megabytes}mb.jsonl`);
}

/** The cached corpus of this content and size, if a complete one is there (its info file is written last). */
export function cachedCorpus(cacheDir: string, hash: string, megabytes: number): CorpusInfo | undefined {
  const path = corpusPath(cacheDir, hash, megabytes);
  if (!existsSync(path) || !existsSync(`${path}.json`)) return undefined;
  const info = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as CorpusInfo;
  if (statSync(path).size !== info.fileBytes) return undefined;
  return { ...info, path, reused: true };
}

/** For --skip-build: the newest complete cached corpus of this size, whatever data/ it was built from. */
export function newestCachedCorpus(cacheDir: string, megabytes: number, zhOnly: boolean): CorpusInfo | undefined {
  if (!existsSync(cacheDir)) return undefined;
  const re = new RegExp(`^corpus-([0-9a-f]+)-${megabytes}mb\\.jsonl$`);
  const found = readdirSync(cacheDir)
    .map((f) => re.exec(f))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => cachedCorpus(cacheDir, m[1], megabytes))
    .filter((c): c is CorpusInfo => !!c && (!zhOnly || c.englishBytes === 0))
    .sort((a, b) => statSync(b.path).mtimeMs - statSync(a.path).mtimeMs);
  return found[0];
}

/**
 * Write rounds of every text article, adding HTML pages (in turn) whenever they fall below HTML_SHARE of
 * the bytes, until the text cells reach `megabytes` × 1e6 bytes. Deterministic: a smaller corpus is a
 * prefix of a larger one.
 */
export function buildCorpus(cacheDir: string, sources: SourceArticle[], megabytes: number): CorpusInfo {
  const hash = sourcesHash(sources);
  const path = corpusPath(cacheDir, hash, megabytes);
  const target = megabytes * 1e6;
  const texts = sources.filter((s) => !s.html);
  const pages = sources.filter((s) => s.html);
  const copies = new Map<string, number>();
  let textBytes = 0;
  let htmlBytes = 0;
  let englishBytes = 0;
  let articles = 0;
  let fileBytes = 0;
  let nextPage = 0;

  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  let chunk: string[] = [];
  let chunkLength = 0;
  const flush = () => {
    const buf = Buffer.from(chunk.join(''));
    writeSync(fd, buf);
    fileBytes += buf.length;
    chunk = [];
    chunkLength = 0;
  };
  const emit = (s: SourceArticle) => {
    const n = copies.get(s.id) ?? 0;
    copies.set(s.id, n + 1);
    const line = `{"id":${JSON.stringify(`${s.id}-r${n}`)},${s.rest}\n`;
    chunk.push(line);
    chunkLength += line.length;
    if (chunkLength > 1 << 22) flush();
    textBytes += s.textBytes;
    if (s.html) htmlBytes += s.textBytes;
    if (s.language === 'en') englishBytes += s.textBytes;
    articles++;
  };
  try {
    while (textBytes < target) {
      for (const s of texts.length ? texts : pages) {
        emit(s);
        if (textBytes >= target) break;
      }
      while (pages.length && texts.length && textBytes < target && htmlBytes < HTML_SHARE * textBytes) emit(pages[nextPage++ % pages.length]);
    }
    flush();
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  const info: CorpusInfo = { path, hash, megabytes, articles, textBytes, htmlBytes, englishBytes, fileBytes, sources: sources.length, reused: false };
  writeFileSync(`${path}.json.tmp-${process.pid}`, JSON.stringify(info, null, 2) + '\n');
  renameSync(`${path}.json.tmp-${process.pid}`, `${path}.json`);
  return info;
}
