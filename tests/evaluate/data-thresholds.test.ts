// Quality floor on the articles of data/: the run the global setup made is scored against data/gold, and
// each category must stay at or above its threshold (issue: `npm run eval`). A failure lists what was
// missed and what was extra in that category, so the cause is visible without rerunning eval.
import { describe, expect, inject, it } from 'vitest';
import { loadGold } from '../../src/evaluate/gold.ts';
import { accuracy, METADATA_FIELDS, precisionRecallF1, scoreRun, type Category, type Scores } from '../../src/evaluate/score.ts';
import { readRun } from '../../src/evaluate/tables.ts';
import { GOLD } from '../helpers.ts';

const golds = loadGold(GOLD);
const run = readRun(inject('dataRun'));
const all = scoreRun(golds, run);
const english = scoreRun(golds, run, { language: 'en' });

const THRESHOLDS: [Category, number][] = [
  ['officials', 0.95],
  ['official_titles', 0.9],
  ['places', 0.9],
  ['meetings', 0.9],
  ['meeting_dates', 0.9],
  ['chairs', 0.9],
  ['speakers', 0.9],
  ['attendees', 0.9],
  ['directives', 0.9],
  ['directive_speaker', 0.85],
];
const ENGLISH_THRESHOLDS: [Category, number][] = [
  ['officials', 0.9],
  ['meetings', 0.85],
  ['directive_speaker', 0.8],
];

function why(scores: Scores, category: Category): string {
  const t = scores.categories[category];
  const list = (label: string, items: { article_id: string; text: string }[]) => items.map((i) => `\n  ${label} ${i.article_id}  ${i.text}`).join('');
  return `${category} (tp ${t.tp} fp ${t.fp} fn ${t.fn})${list('miss ', t.misses)}${list('extra', t.extras)}`;
}

it('scores every gold article, none missing from the run', () => {
  expect(all.articles.length).toBe(golds.length);
  expect(all.missing).toEqual([]);
  expect(english.articles.length).toBeGreaterThan(0);
});

describe('all articles', () => {
  it.each(THRESHOLDS)('%s F1 ≥ %s', (category, min) => {
    expect(precisionRecallF1(all.categories[category]).f1, why(all, category)).toBeGreaterThanOrEqual(min);
  });

  it.each(METADATA_FIELDS)('%s is right for every article', (field) => {
    const m = all.metadata[field];
    expect(m.total).toBe(golds.length);
    expect(accuracy(m), m.wrong.map((w) => `${w.article_id}: ${w.text}`).join('\n')).toBe(1);
  });

  it('puts no page-only name among any article’s entities', () => {
    expect(all.leaks.map((l) => `${l.article_id}: ${l.name} in ${l.found.where} (${l.found.value})`)).toEqual([]);
  });
});

describe('English articles', () => {
  it.each(ENGLISH_THRESHOLDS)('%s F1 ≥ %s', (category, min) => {
    expect(precisionRecallF1(english.categories[category]).f1, why(english, category)).toBeGreaterThanOrEqual(min);
  });
});
