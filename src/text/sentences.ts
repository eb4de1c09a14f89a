// Sentences: a Chinese sentence ends at 。！？ (with any closing quotes or brackets that follow); 、，；
// never end one — a directive "要A；要B。" is one sentence, as the gold format counts them. English ends at
// . ! ? before a capital, except after common abbreviations (Mr., Jan., U.S.).
import type { Doc, Sentence, Span } from '../doc.ts';
import { charCodes, isWhitespace } from './lines.ts';

const ZH_END = charCodes('。！？!?');
const CLOSERS = charCodes('”’"\'』」）)】》');
const EN_ABBREV =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sen|Rep|Gov|St|Jr|Sr|Co|Corp|Inc|Ltd|No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|approx|e\.g|i\.e)|\b[A-Z]|\bU\.[SNK])\.$/;

export function splitSentences(doc: Doc): Sentence[] {
  const out: Sentence[] = [];
  doc.paragraphs.forEach((p, i) => {
    if (p.kind === 'credit') return;
    const spans = doc.language === 'en' ? splitEnglish(doc.text, p) : splitChinese(doc.text, p);
    for (const s of spans) out.push({ start: s.start, end: s.end, paragraph: i }); // spelled out: a spread with an added field is slow in V8
  });
  return out;
}

export function splitChinese(text: string, p: Span): Span[] {
  const out: Span[] = [];
  let start = p.start;
  for (let i = p.start; i < p.end; i++) {
    if (!ZH_END.has(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < p.end && (ZH_END.has(text.charCodeAt(end)) || CLOSERS.has(text.charCodeAt(end)))) end++;
    push(text, out, start, end);
    start = end;
    i = end - 1;
  }
  push(text, out, start, p.end);
  return out;
}

export function splitEnglish(text: string, p: Span): Span[] {
  const out: Span[] = [];
  let start = p.start;
  const re = /[.!?]["”’)]*(?=\s+["“(]?[A-Z0-9])/g;
  re.lastIndex = p.start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < p.end) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && EN_ABBREV.test(text.slice(Math.max(start, m.index - 6), m.index + 1))) continue;
    push(text, out, start, end);
    start = end;
  }
  push(text, out, start, p.end);
  return out;
}

function push(text: string, out: Span[], start: number, end: number): void {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}
