// nodejieba behind one small interface. The segmenter is loaded once per thread with the project's user
// dictionary (titles, places, officials, verbs, meeting words); articles never change it, so every worker
// segments the same way and `--jobs 1` and `--jobs N` write the same tables. Names discovered in an article
// are applied to that article's token boundaries afterwards (`Segmentation.merge`), not inserted into jieba:
// `insertWord` would leak one article's names into the next and make output depend on processing order.
import { existsSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { ArticleError, type Span } from '../doc.ts';

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
 * jieba cuts its input at these characters first and segments each piece on its own (cppjieba's
 * separators: space, tab, newline, ，and 。), each separator being a word by itself. So a clause between two
 * of them segments the same alone as inside its paragraph — which lets us segment only the clauses a tagger
 * asks about (tests/text/segment.test.ts checks the equality on real articles).
 */
const SEPARATORS = new Set([0x20, 0x09, 0x0a, 0xff0c, 0x3002]);
const isSeparator = (code: number) => SEPARATORS.has(code);

/**
 * Token boundaries over an article's paragraphs, as jieba segments them: `isBoundary(i)` when a token starts
 * or ends at offset i (paragraph edges always; offsets outside every paragraph never). Segmented lazily, a
 * clause at a time on first question: the taggers ask about a minority of clauses, and segmenting every
 * clause was the largest single cost of the pipeline. The answers are those of segmenting everything.
 */
export class Segmentation {
  /** 1 where a token starts or ends, valid where `segmented` is 1. */
  private readonly edges: Uint8Array;
  private readonly segmented: Uint8Array;
  /** Boundaries set (1) or cleared (-1) by `merge`, over whatever jieba says. */
  private readonly forced: Int8Array;
  private readonly paragraphs: Span[];
  /** The largest paragraph end among paragraphs[0..k], to find every paragraph holding an offset. */
  private readonly endsUpTo: number[];
  /** Clauses cut so far (the tests check that only the clauses asked about are cut). */
  clauses = 0;

  constructor(
    private readonly text: string,
    paragraphs: Span[],
  ) {
    this.edges = new Uint8Array(text.length + 1);
    this.segmented = new Uint8Array(text.length + 1);
    this.forced = new Int8Array(text.length + 1);
    this.paragraphs = [...paragraphs].sort((a, b) => a.start - b.start);
    let max = -1;
    this.endsUpTo = this.paragraphs.map((p) => (max = Math.max(max, p.end)));
  }

  isBoundary(i: number): boolean {
    const f = this.forced[i];
    if (f) return f > 0;
    if (i < 0 || i > this.text.length) return false;
    if (!this.segmented[i]) this.segmentAround(i);
    return this.edges[i] === 1;
  }

  /** Make each span one token (a discovered name, a matched title): no boundary inside, one at each end. */
  merge(spans: Span[]): void {
    for (const s of spans) {
      for (let i = s.start + 1; i < s.end; i++) this.forced[i] = -1;
      this.forced[s.start] = 1;
      this.forced[s.end] = 1;
    }
  }

  /** Segment the clause holding offset i in every paragraph that holds i. */
  private segmentAround(i: number): void {
    this.segmented[i] = 1;
    const ps = this.paragraphs;
    let lo = 0;
    let hi = ps.length - 1;
    let last = -1; // the last paragraph starting at or before i
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ps[mid].start <= i) (last = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    for (let k = last; k >= 0 && this.endsUpTo[k] >= i; k--) if (ps[k].end >= i) this.segmentClause(ps[k], i);
  }

  private segmentClause(p: Span, i: number): void {
    const text = this.text;
    if (i === p.start || i === p.end || isSeparator(text.charCodeAt(i - 1)) || isSeparator(text.charCodeAt(i))) {
      this.edges[i] = 1; // a paragraph edge, or next to a separator (a word by itself)
      return;
    }
    let start = i - 1;
    while (start > p.start && !isSeparator(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < p.end && !isSeparator(text.charCodeAt(end))) end++;
    let at = start;
    for (const w of cut(text.slice(start, end))) {
      // jieba gives the text back in pieces; if a piece does not line up, find it again.
      const found = text.startsWith(w, at) ? at : text.indexOf(w, at);
      if (found < 0 || found >= end) continue;
      this.edges[found] = 1;
      this.edges[(at = found + w.length)] = 1;
    }
    this.edges[start] = 1;
    this.edges[end] = 1;
    this.segmented.fill(1, start, end + 1);
    this.clauses++;
  }
}

/** The article's segmentation over its paragraphs (nothing is cut until a tagger asks). */
export function segment(text: string, paragraphs: Span[]): Segmentation {
  return new Segmentation(text, paragraphs);
}
