// Every article of data/ yields the headline, publication time, source, editor and reporters its gold file
// gives (issue: read and clean real pages). Expected values come from data/gold, never from literals here.
import { describe, expect, inject, it } from 'vitest';
import { goldFiles, readTable } from '../helpers.ts';

const articles = new Map(readTable(inject('dataRun'), 'articles').map((r) => [r.article_id, r]));

describe.each(goldFiles())('$article_id', (gold) => {
  const row = articles.get(gold.article_id);
  it('was processed', () => {
    expect(row?.status).toBe('ok');
    expect(row?.language).toBe(gold.language);
  });
  it('has the headline, publication time, source and editor of the gold file', () => {
    expect(row?.title).toBe(gold.title ?? '');
    expect(row?.published_at).toBe(gold.published_at ?? '');
    expect(row?.source).toBe(gold.source ?? '');
    expect(row?.editor).toBe(gold.editor ?? '');
  });
  it('has the reporters of the byline, in order', () => {
    expect(row?.reporters ? row.reporters.split('; ') : []).toEqual(gold.reporters);
  });
});
