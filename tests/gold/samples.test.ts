// The two sample pages the product was conceived from: the tables must say what their gold files say —
// the meeting, its date, chair / speakers / attendees, and every directive with its speaker.
import { describe, expect, inject, it } from 'vitest';
import { goldFiles, rowsFor } from '../helpers.ts';

const out = inject('dataRun');
const SAMPLES = ['shaanxi-2022-01-06-video-meeting', 'cnwest-2022-01-19-xian-dispatch-meeting'];
const samples = goldFiles().filter((g) => SAMPLES.includes(g.article_id));
const list = (v: string) => (v ? v.split('; ') : []);

it('both samples have gold files', () => expect(samples.map((g) => g.article_id).sort()).toEqual([...SAMPLES].sort()));

describe.each(samples)('$article_id', (gold) => {
  const meetings = rowsFor(out, 'meetings', gold.article_id);
  const events = rowsFor(out, 'events', gold.article_id);

  it('reports its meeting once (the repeated lede is the same meeting)', () => {
    expect(meetings).toHaveLength(gold.meetings.length);
  });

  it.each(gold.meetings.map((m, i) => [i, m] as const))('meeting %i: kind, date and roles', (i, m) => {
    const row = meetings[i];
    expect(row.kind).toBe(m.kind);
    expect(row.name).toContain(m.name);
    expect(row.date).toBe(m.date ?? '');
    expect(row.time_of_day).toBe(m.time_of_day ?? '');
    expect(new Set(list(row.chair))).toEqual(new Set(m.chair));
    expect(new Set(list(row.speakers))).toEqual(new Set(m.speakers));
    expect(new Set(list(row.attendees))).toEqual(new Set(m.attendees));
  });

  it('has one event row per directive sentence', () => {
    expect(events).toHaveLength(gold.directives.length);
  });

  it.each(gold.directives.map((d) => [d.text.slice(0, 12), d] as const))('directive “%s…” by the right speaker', (_, d) => {
    const row = events.find((e) => e.directive.includes(d.text));
    expect(row, d.text).toBeDefined();
    expect(row!.speaker).toBe(d.speaker);
    expect(row!.verb).toBe(d.verb);
    expect(row!.meeting_id).toBe(meetings[0].meeting_id);
  });
});
