// The headline of a page text dump: the line above the lede, not the navigation bar above it.
import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/doc.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { context } from '../helpers.ts';

const dump = (lines: string[]) => {
  const doc = createDoc({ id: 't', input: 't.txt', format: 'txt', bytes: Buffer.from(lines.join('\n')) });
  return runPipeline(doc, context());
};
const LEDE = '本报讯 3月18日，省委书记柯向山主持召开全省安全生产工作会议，研究部署当前安全生产工作。柯向山强调，要压紧压实安全生产责任，深入排查各类风险隐患。';
const HEADLINE = '柯向山主持召开全省安全生产工作会议';

describe('headline of a page text dump', () => {
  it.each([
    ['a navigation bar of | items', '首页 | 陕西 | 国内 | 国际'],
    ['a breadcrumb of > items', '首页 > 新闻中心 > 正文'],
  ])('is not joined with %s', (_, nav) => {
    expect(dump([nav, HEADLINE, '2023-03-18 10:00:00 来源：某某日报', LEDE]).meta.title?.value).toBe(HEADLINE);
  });

  it('is found without a navigation bar', () => {
    expect(dump([HEADLINE, '2023-03-18 10:00:00 来源：某某日报', LEDE]).meta.title?.value).toBe(HEADLINE);
  });
});
