import { expect, inject, it } from 'vitest';
import { analyze, readTable } from './helpers.ts';

it('runs', () => {
  const doc = analyze('省委书记刘国中17日晚出席西安市疫情防控调度会。他强调,要坚决打赢疫情防控攻坚战。', { published_at: '2022-01-19' });
  expect(doc.directives.length).toBe(1);
  expect(readTable(inject('dataRun'), 'articles').length).toBeGreaterThan(10);
});
