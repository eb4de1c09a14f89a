// Names and places that appear on a page only outside the article (related-news lists, navigation, footers)
// must not come out as entities of that article, in any table.
import { describe, expect, inject, it } from 'vitest';
import { goldFiles, rowsFor } from '../helpers.ts';

const out = inject('dataRun');
const withLeaks = goldFiles().filter((g) => g.not_in_article.length);

/** Every entity the run attributes to the article, from every table that names one. */
function entities(articleId: string): Set<string> {
  const found = new Set<string>();
  const add = (v: string | undefined) => v?.split('; ').forEach((x) => x && found.add(x));
  for (const r of rowsFor(out, 'officials', articleId)) add(r.name), add(r.jurisdiction);
  for (const r of rowsFor(out, 'places', articleId)) add(r.place), add(r.parent);
  for (const r of rowsFor(out, 'participants', articleId)) add(r.name);
  for (const r of rowsFor(out, 'events', articleId)) add(r.speaker);
  for (const r of rowsFor(out, 'meetings', articleId)) add(r.chair), add(r.speakers), add(r.attendees);
  for (const r of rowsFor(out, 'mentions', articleId)) if (r.type === 'person' || r.type === 'place') add(r.normalized);
  return found;
}

it('the gold files list page-only names for several articles', () => {
  expect(withLeaks.length).toBeGreaterThanOrEqual(3);
});

describe.each(withLeaks)('$article_id', (gold) => {
  const found = entities(gold.article_id);
  it('still yields the article’s own entities', () => {
    for (const o of gold.officials) expect(found, o.name).toContain(o.name);
  });
  it.each(gold.not_in_article)('never yields %s', (name) => {
    expect(found.has(name)).toBe(false);
    // Short forms too: 西安 for 西安市 would be the same leak.
    for (const e of found) expect(e.length >= 2 && name.startsWith(e) && e.length < name.length && name.length - e.length <= 1, `${e} ~ ${name}`).toBe(false);
  });
});
