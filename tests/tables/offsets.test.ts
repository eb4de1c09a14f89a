// Every row's offsets point into texts/<article_id>.txt: text.slice(start, end) gives back what the row
// names. Checked over every table of the run over all of data/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readTable } from '../helpers.ts';

const out = inject('dataRun');
const texts = new Map<string, string>();
const textOf = (id: string) => {
  if (!texts.has(id)) texts.set(id, readFileSync(join(out, 'texts', `${id}.txt`), 'utf8'));
  return texts.get(id)!;
};
const span = (r: Record<string, string>) => textOf(r.article_id).slice(Number(r.start), Number(r.end));
const mentions = readTable(out, 'mentions');
const mentionAt = new Map(mentions.map((m) => [`${m.article_id}@${m.start}-${m.end}@${m.type}`, m]));

describe('offsets round-trip over data/', () => {
  it('every article that succeeded has its text file, as long as articles.csv says', () => {
    const ok = readTable(out, 'articles').filter((r) => r.status === 'ok');
    expect(ok.length).toBeGreaterThan(10);
    for (const r of ok) expect(textOf(r.article_id).length, r.article_id).toBe(Number(r.chars));
  });

  it('spans are well formed in every table', () => {
    for (const table of ['officials', 'places', 'meetings', 'participants', 'events', 'mentions'] as const) {
      const rows = readTable(out, table);
      expect(rows.length, table).toBeGreaterThan(0);
      for (const r of rows) {
        const [s, e] = [Number(r.start), Number(r.end)];
        expect(Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s < e && e <= textOf(r.article_id).length, `${table} ${JSON.stringify(r)}`).toBe(true);
      }
    }
  });

  it('mentions: the text column is the span', () => {
    for (const m of mentions) expect(span(m)).toBe(m.text);
  });

  it('events: the directive is the span', () => {
    for (const r of readTable(out, 'events')) expect(span(r)).toBe(r.directive);
  });

  it('meetings: the span is the name as written', () => {
    for (const r of readTable(out, 'meetings')) expect(span(r)).toContain(r.name);
  });

  it('officials: the span is the office as written (place included), or the name when there is no office', () => {
    for (const r of readTable(out, 'officials')) {
      if (r.title) expect(span(r), JSON.stringify(r)).toContain(r.title);
      else expect(span(r)).toBe(r.name);
    }
  });

  it('places: the span is a place mention of that place', () => {
    for (const r of readTable(out, 'places')) expect(mentionAt.get(`${r.article_id}@${r.start}-${r.end}@place`)?.normalized, JSON.stringify(r)).toBe(r.place);
  });

  it('participants: the span names the person (by name, or by the pronoun that refers to them)', () => {
    for (const r of readTable(out, 'participants')) {
      const s = span(r);
      const byPronoun = /^(他|她|He |She )/i.test(s);
      expect(s.includes(r.name) || byPronoun, `${r.name} ← ${s}`).toBe(true);
    }
  });
});
