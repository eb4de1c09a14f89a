// The English articles of data/ against their gold (data/gold/*.json with "language": "en"), read from the
// run over data/ that the global setup made once: officials F1 ≥ 0.90, meetings F1 ≥ 0.85, directives with
// the right speaker F1 ≥ 0.80 — measured as /work/shared/tools/score.py measures them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { GOLD, readJson, readTable } from '../helpers.ts';

interface Gold {
  article_id: string;
  language: string;
  officials: { name: string }[];
  meetings: { name: string; date: string | null }[];
  directives: { speaker: string; text: string }[];
}

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s"“”‘’'「」『』·•]+/g, '');
const speaker = (s: string) => (['meeting', 'themeeting', '会议'].includes(norm(s)) ? '会议' : norm(s));
const bigrams = (s: string) => {
  const n = norm(s);
  const out = new Set<string>();
  for (let i = 0; i + 1 < n.length; i++) out.add(n.slice(i, i + 2));
  return out.size ? out : new Set([n]);
};
const dice = (a: string, b: string) => {
  const A = bigrams(a);
  const B = bigrams(b);
  let both = 0;
  for (const x of A) if (B.has(x)) both++;
  return (2 * both) / (A.size + B.size);
};

class Score {
  tp = 0;
  fp = 0;
  fn = 0;
  f1(): number {
    const p = this.tp + this.fp ? this.tp / (this.tp + this.fp) : this.fn ? 0 : 1;
    const r = this.tp + this.fn ? this.tp / (this.tp + this.fn) : 1;
    return p + r ? (2 * p * r) / (p + r) : 0;
  }
}

const golds = readdirSync(GOLD)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readJson<Gold>(join(GOLD, f)))
  .filter((g) => g.language === 'en');

describe('the English articles of data/', () => {
  const out = inject('dataRun');
  const group = (table: 'officials' | 'meetings' | 'events') => {
    const by = new Map<string, Record<string, string>[]>();
    for (const r of readTable(out, table)) by.set(r.article_id, [...(by.get(r.article_id) ?? []), r]);
    return (id: string) => by.get(id) ?? [];
  };
  const officialRows = group('officials');
  const meetingRows = group('meetings');
  const eventRows = group('events');
  const articles = new Map(readTable(out, 'articles').map((r) => [r.article_id, r]));

  it('has English gold articles, all read as English and processed', () => {
    expect(golds.length).toBeGreaterThanOrEqual(2);
    for (const g of golds) expect(articles.get(g.article_id)).toMatchObject({ language: 'en', status: 'ok' });
  });

  it('finds the officials: F1 ≥ 0.90', () => {
    const s = new Score();
    for (const g of golds) {
      const pred = new Set(officialRows(g.article_id).map((r) => norm(r.name)));
      const gold = new Set(g.officials.map((o) => norm(o.name)));
      for (const x of pred) (gold.has(x) ? s.tp++ : s.fp++);
      for (const x of gold) if (!pred.has(x)) s.fn++;
    }
    expect(s.f1()).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the meetings: F1 ≥ 0.85 (paired by name, helped by an equal date)', () => {
    const s = new Score();
    for (const g of golds) {
      const pred = meetingRows(g.article_id);
      const pairs: [number, number, number][] = [];
      g.meetings.forEach((m, gi) =>
        pred.forEach((p, pi) => {
          const sameDay = !!m.date && p.date === m.date;
          const sim = dice(p.name, m.name);
          if (sim >= 0.45 || sameDay) pairs.push([sim + (sameDay ? 0.5 : 0), gi, pi]);
        }),
      );
      const usedG = new Set<number>();
      const usedP = new Set<number>();
      for (const [, gi, pi] of pairs.sort((a, b) => b[0] - a[0])) {
        if (usedG.has(gi) || usedP.has(pi)) continue;
        usedG.add(gi);
        usedP.add(pi);
      }
      s.tp += usedG.size;
      s.fn += g.meetings.length - usedG.size;
      s.fp += pred.length - usedP.size;
    }
    expect(s.f1()).toBeGreaterThanOrEqual(0.85);
  });

  it('finds the directives with the right speaker: F1 ≥ 0.80', () => {
    const s = new Score();
    for (const g of golds) {
      const pred = eventRows(g.article_id);
      const used = new Set<number>();
      let right = 0;
      for (const d of g.directives) {
        const opening = norm(d.text).slice(0, 16);
        const i = pred.findIndex((p, pi) => !used.has(pi) && opening && norm(p.directive).includes(opening));
        if (i < 0) continue;
        used.add(i);
        if (speaker(pred[i].speaker) === speaker(d.speaker)) right++;
      }
      s.tp += right;
      s.fn += g.directives.length - right;
      s.fp += pred.length - right;
    }
    expect(s.f1()).toBeGreaterThanOrEqual(0.8);
  });
});
