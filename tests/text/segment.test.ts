// The segmentation is computed a clause at a time, when a tagger asks. It must answer exactly as cutting
// every paragraph whole would: checked at every offset of real articles, asked in reading order and in a
// scrambled order (the answer may not depend on which clause was cut first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/doc.ts';
import { cut, segment } from '../../src/text/segment.ts';
import { analyze, DATA, dictionaries } from '../helpers.ts';

/** Boundaries by cutting each paragraph in one piece (newlines inside a headline read as spaces). */
function wholeParagraphEdges(text: string, paragraphs: Span[]): Uint8Array {
  const edges = new Uint8Array(text.length + 1);
  for (const p of paragraphs) {
    const piece = text.slice(p.start, p.end).replace(/\n/g, ' ');
    let at = 0;
    for (const w of cut(piece)) {
      const found = piece.startsWith(w, at) ? at : piece.indexOf(w, at);
      if (found < 0) continue;
      edges[p.start + found] = 1;
      edges[p.start + (at = found + w.length)] = 1;
    }
    edges[p.start] = edges[p.end] = 1;
  }
  return edges;
}

const ARTICLES = ['cnwest-2022-01-19-xian-dispatch-meeting.txt', 'shaanxi-2022-01-06-video-meeting.txt', 'd07.txt', 'd08.txt', 'd09.txt', 'd10.txt'];

describe('lazy segmentation answers as whole-paragraph segmentation', () => {
  dictionaries();
  for (const file of ARTICLES) {
    it(file, () => {
      const doc = analyze(readFileSync(join(DATA, file), 'utf8'));
      expect(doc.language).toBe('zh');
      const expected = wholeParagraphEdges(doc.text, doc.paragraphs);
      const inOrder = segment(doc.text, doc.paragraphs);
      const scrambled = segment(doc.text, doc.paragraphs);
      const n = doc.text.length;
      const order = Array.from({ length: n + 1 }, (_, i) => (i * 7919) % (n + 1));
      const scrambledAnswers = new Uint8Array(n + 1);
      for (const i of order) scrambledAnswers[i] = scrambled.isBoundary(i) ? 1 : 0;
      let boundaries = 0;
      for (let i = 0; i <= n; i++) {
        const want = expected[i] === 1;
        if (want) boundaries++;
        if (inOrder.isBoundary(i) !== want || (scrambledAnswers[i] === 1) !== want) throw new Error(`${file}: offset ${i} (${doc.text.slice(i - 5, i)}|${doc.text.slice(i, i + 5)}) should be ${want}`);
      }
      const paragraphChars = doc.paragraphs.reduce((sum, p) => sum + p.end - p.start, 0);
      expect(boundaries).toBeGreaterThan(paragraphChars / 4); // mostly words of one to three characters
    });
  }
});

describe('segmentation of a made-up article', () => {
  dictionaries();
  const text = '标题\n\n张三同志，出席会议。\n页脚';
  const paragraphs = [{ start: 4, end: 14 }];

  it('offsets outside every paragraph are no boundaries; paragraph edges and separators are', () => {
    const s = segment(text, paragraphs);
    expect(s.isBoundary(1)).toBe(false); // inside the headline, not a paragraph here
    expect(s.isBoundary(4)).toBe(true);
    expect(s.isBoundary(14)).toBe(true);
    expect(s.isBoundary(text.indexOf('，'))).toBe(true);
    expect(s.isBoundary(text.indexOf('，') + 1)).toBe(true);
    expect(s.isBoundary(16)).toBe(false);
  });

  it('a merged span is one token whatever jieba says, and only the clauses asked about are cut', () => {
    const s = segment(text, paragraphs);
    expect(s.isBoundary(text.indexOf('会议'))).toBe(true); // 出席 | 会议
    expect(s.clauses).toBe(1);
    s.merge([{ start: text.indexOf('出席'), end: text.indexOf('。') }]);
    expect(s.isBoundary(text.indexOf('会议'))).toBe(false);
    expect(s.isBoundary(text.indexOf('出席'))).toBe(true);
    expect(s.isBoundary(text.indexOf('。'))).toBe(true);
    expect(s.clauses).toBe(1); // 张三同志 was never asked about
  });
});
