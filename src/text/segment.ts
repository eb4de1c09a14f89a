// nodejieba behind one small interface. The segmenter is loaded once per thread with the project's user
// dictionary (titles, places, officials, verbs, meeting words); articles never change it, so every worker
// segments the same way and `--jobs 1` and `--jobs N` write the same tables. Names discovered in an article
// are applied to that article's tokens afterwards (`mergeTokens`), not inserted into jieba: `insertWord`
// would leak one article's names into the next and make output depend on processing order.
import { existsSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { ArticleError, type Doc, type Span } from '../doc.ts';

let loadedWith: string | undefined;

/** Load jieba with a user dictionary file. A missing path would abort the process (SIGABRT), so check first. */
export function loadSegmenter(userDictPath: string): void {
  if (loadedWith === userDictPath) return;
  if (!existsSync(userDictPath)) throw new ArticleError('E_USER_DICT', `jieba user dictionary not found: ${userDictPath}`);
  nodejieba.load({ userDict: userDictPath });
  loadedWith = userDictPath;
}

/** Words of `s` with HMM on (`cut(s)` alone splits digit runs: 17日 → 1/7/日). */
export function cut(s: string): string[] {
  return nodejieba.cut(s, true);
}

/**
 * Token boundaries over the article's paragraphs: `boundaries[i] === 1` where a token starts or ends.
 * The paragraphs are cut in one call (joined by newlines, which jieba never joins to a word): one call per
 * article costs less than one per paragraph.
 */
export function segment(doc: Doc, paragraphs: Span[]): Uint8Array {
  const b = new Uint8Array(doc.text.length + 1);
  if (!paragraphs.length) return b;
  // A multi-line headline keeps its length but not its newlines: newlines separate paragraphs here.
  const joined = paragraphs.map((p) => doc.text.slice(p.start, p.end).replace(/\n/g, ' ')).join('\n');
  let para = 0;
  let paraStart = 0; // offset of the current paragraph in `joined`
  let pos = 0;
  const words = cut(joined);
  for (const w of words) {
    // jieba gives the text back in pieces; if a piece does not line up, find it again.
    const at = joined.startsWith(w, pos) ? pos : joined.indexOf(w, pos);
    if (at < 0) continue;
    pos = at + w.length;
    if (w === '\n') {
      para++;
      paraStart = pos;
      continue;
    }
    const base = paragraphs[para].start - paraStart;
    b[base + at] = 1;
    b[base + pos] = 1;
  }
  for (const p of paragraphs) {
    b[p.start] = 1;
    b[p.end] = 1;
  }
  return b;
}

/** Make each span one token (a discovered name, a matched title): clear boundaries inside, set its ends. */
export function mergeTokens(boundaries: Uint8Array, spans: Span[]): void {
  for (const s of spans) {
    for (let i = s.start + 1; i < s.end; i++) boundaries[i] = 0;
    boundaries[s.start] = 1;
    boundaries[s.end] = 1;
  }
}

/** Words of a span by the boundaries (for tests and the mentions table). */
export function tokensOf(doc: Doc, span: Span): string[] {
  const out: string[] = [];
  const b = doc.boundaries;
  if (!b) return [doc.text.slice(span.start, span.end)];
  let start = span.start;
  for (let i = span.start + 1; i <= span.end; i++) {
    if (b[i] || i === span.end) {
      out.push(doc.text.slice(start, i));
      start = i;
    }
  }
  return out;
}
