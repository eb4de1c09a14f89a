// Scoring on hand-made gold and prediction tables, written as CSV files and read back as a run would be.
// Each expected count is worked out by hand from the rules in data/gold/README.md.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGold } from '../../src/evaluate/gold.ts';
import { overallF1, precisionRecallF1, scoreRun, type ScoreOptions, type Tally } from '../../src/evaluate/score.ts';
import { readRun } from '../../src/evaluate/tables.ts';
import { articleRow, emptyGold, tempDir, writeGold, writeRun, type RowsByTable } from './fixtures.ts';

function score(golds: Record<string, unknown>[], rows: RowsByTable, options?: ScoreOptions) {
  const dir = tempDir();
  writeGold(join(dir, 'gold'), golds);
  writeRun(join(dir, 'out'), { articles: [articleRow('a1')], ...rows });
  return scoreRun(loadGold(join(dir, 'gold')), readRun(join(dir, 'out')), options);
}

const counts = (t: Tally) => ({ tp: t.tp, fp: t.fp, fn: t.fn });

describe('officials', () => {
  it('counts a missed official and an extra one, and lists both', () => {
    const s = score([emptyGold('a1', { officials: [{ name: '刘国中', titles: [] }, { name: '赵一德', titles: [] }] })], {
      officials: [{ article_id: 'a1', name: '刘国中' }, { article_id: 'a1', name: '李明' }],
    });
    expect(counts(s.categories.officials)).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(s.categories.officials.misses).toEqual([{ article_id: 'a1', text: '赵一德' }]);
    expect(s.categories.officials.extras).toEqual([{ article_id: 'a1', text: '李明' }]);
    expect(precisionRecallF1(s.categories.officials)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('matches an office written with its place, counts a repeated row once and another place as extra', () => {
    const gold = emptyGold('a1', {
      officials: [{ name: '刘国中', titles: [{ title: '省委书记', jurisdiction: '陕西省' }, { title: '省人大常委会主任', jurisdiction: '陕西省' }] }],
    });
    const row = { article_id: 'a1', name: '刘国中', title: '陕西省委书记', jurisdiction: '陕西省' };
    const s = score([gold], { officials: [row, row, { ...row, title: '省委书记', jurisdiction: '山西省' }] });
    expect(counts(s.categories.official_titles)).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(s.categories.official_titles.misses[0].text).toBe('刘国中: 省人大常委会主任 (陕西省)');
    expect(s.categories.official_titles.extras[0].text).toBe('刘国中: 省委书记 (山西省)');
    expect(counts(s.categories.officials)).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
});

it('compares places by their short form', () => {
  const s = score([emptyGold('a1', { places: ['陕西省', '西安市', '雁塔区'] })], {
    places: ['陕西', '西安市', '北京市', '西安市'].map((place) => ({ article_id: 'a1', place })),
  });
  expect(counts(s.categories.places)).toEqual({ tp: 2, fp: 1, fn: 1 });
  expect(s.categories.places.misses.map((m) => m.text)).toEqual(['雁塔区']);
  expect(s.categories.places.extras.map((m) => m.text)).toEqual(['北京市']);
});

it('compares reporters as a set of byline names', () => {
  const s = score([emptyGold('a1', { reporters: ['王嘉毅', '张柏栋'] })], {
    articles: [articleRow('a1', { reporters: '王嘉毅; 张柏栋、陶柯宇' })],
  });
  expect(counts(s.categories.reporters)).toEqual({ tp: 2, fp: 1, fn: 0 });
});

describe('meetings', () => {
  const gold = emptyGold('a1', {
    meetings: [
      { name: '西安市疫情防控调度会', date: '2022-01-17', chair: ['方红卫'], speakers: ['刘国中', '赵一德'], attendees: ['方光华'] },
    ],
  });
  const meeting = (extra: Record<string, string>) => ({ article_id: 'a1', chair: '', speakers: '', attendees: '', ...extra });

  it('pairs a meeting by its date, then compares date, chair, speakers and attendees', () => {
    const s = score([gold], {
      meetings: [
        meeting({ name: '视频调度', date: '2022-01-17', chair: '方红卫', speakers: '刘国中', attendees: '方光华; 李明远' }),
        meeting({ name: '省委常委会会议', date: '2022-01-18', chair: '刘国中' }),
      ],
    });
    const c = s.categories;
    expect(counts(c.meetings)).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(c.meetings.extras[0].text).toBe('省委常委会会议 [2022-01-18]');
    // The unpaired meeting's date and chair are extras as well.
    expect(counts(c.meeting_dates)).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(counts(c.chairs)).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(counts(c.speakers)).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(c.speakers.misses[0].text).toBe('赵一德 @ 西安市疫情防控调度会');
    expect(counts(c.attendees)).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it('counts every gold meeting, date and person as missed when nothing pairs', () => {
    const s = score([gold], { meetings: [meeting({ name: '在吉林省考察', date: '2022-01-20' })] });
    const c = s.categories;
    expect(counts(c.meetings)).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(counts(c.meeting_dates)).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(counts(c.speakers)).toEqual({ tp: 0, fp: 0, fn: 2 });
  });

  it('counts a date the gold does not give as extra', () => {
    const undated = emptyGold('a1', { meetings: [{ name: '全县安全生产工作调度会议', date: null, chair: [], speakers: [], attendees: [] }] });
    const s = score([undated], { meetings: [meeting({ name: '全县安全生产工作调度会议', date: '2022-01-17' })] });
    expect(counts(s.categories.meetings)).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts(s.categories.meeting_dates)).toEqual({ tp: 0, fp: 1, fn: 0 });
  });
});

it('matches directives by their opening and scores the speaker apart', () => {
  const texts = ['要坚决打赢疫情防控攻坚战,守护好人民群众生命安全', '要统筹疫情防控和经济社会发展,确保物资供应', '要压实属地责任,落细落实各项防控措施'];
  const gold = emptyGold('a1', {
    directives: [
      { speaker: '刘国中', verb: '强调', text: texts[0] },
      { speaker: '会议', verb: '要求', text: texts[1] },
      { speaker: '赵一德', verb: '要求', text: texts[2] },
    ],
  });
  const event = (speaker: string, directive: string) => ({ article_id: 'a1', speaker, directive });
  const s = score([gold], {
    events: [
      event('刘国中', `${texts[0]}和身体健康。`),
      event('the meeting', texts[1]),
      event('刘国中', texts[2]),
      event('李明', '这句话不在金标准里'),
    ],
  });
  expect(counts(s.categories.directives)).toEqual({ tp: 3, fp: 1, fn: 0 });
  expect(counts(s.categories.directive_speaker)).toEqual({ tp: 2, fp: 2, fn: 1 });
  expect(s.categories.directive_speaker.misses[0].text).toBe(`赵一德: ${texts[2]} (run: "刘国中")`);
});

it('counts a page-only name found in any table of the article as a leak', () => {
  const gold = emptyGold('a1', { places: ['雁塔区'], not_in_article: ['李小鹏', '王某', '碑林区'] });
  const s = score([gold], {
    officials: [{ article_id: 'a1', name: '李小鹏' }],
    places: [{ article_id: 'a1', place: '雁塔区' }],
    participants: [{ article_id: 'a1', name: '王某' }],
    // Another article's entities are not this article's leaks.
    events: [{ article_id: 'a2', speaker: '碑林区', directive: '' }],
  });
  expect(s.leaks.map((l) => [l.name, l.found.where])).toEqual([
    ['李小鹏', 'officials.name'],
    ['王某', 'participants.name'],
  ]);
});

it('gives metadata accuracy over the fields each gold file gives', () => {
  const golds = [
    emptyGold('a1', { title: '调度会', published_at: '2022-01-19T10:16:08+08:00', source: '西部网', editor: '裴丰瑶' }),
    emptyGold('a2', { title: '常务会议', published_at: null, source: null, editor: null }),
    emptyGold('a3', { published_at: '2022-01-20', source: null }),
  ];
  const s = score(golds, {
    articles: [
      articleRow('a1', { title: ' 调度会 ', published_at: '2022-01-19T09:00:00+08:00', source: '西部网', editor: '' }),
      articleRow('a2', { title: '常务会议', source: '新华社' }),
      articleRow('a3', { published_at: '2022-01-21T08:00:00+08:00' }),
    ],
  });
  const acc = (f: keyof typeof s.metadata) => [s.metadata[f].correct, s.metadata[f].total];
  expect(acc('title')).toEqual([2, 2]);
  expect(acc('published_date')).toEqual([2, 3]);
  expect(acc('source')).toEqual([2, 3]);
  expect(acc('editor')).toEqual([1, 2]);
  expect(s.metadata.editor.wrong).toEqual([{ article_id: 'a1', text: 'expected "裴丰瑶", got (none)' }]);
});

it('scores a gold article missing from articles.csv as all misses and lists it', () => {
  const full = {
    officials: [{ name: '刘国中', titles: [{ title: '省委书记', jurisdiction: '陕西省' }] }],
    meetings: [{ name: '调度会', date: '2022-01-17', chair: ['刘国中'], speakers: [], attendees: [] }],
    directives: [{ speaker: '刘国中', verb: '强调', text: '要坚决打赢疫情防控攻坚战' }],
  };
  const s = score([emptyGold('a1', full), emptyGold('a2', full)], {
    officials: [{ article_id: 'a1', name: '刘国中', title: '省委书记', jurisdiction: '陕西省' }],
    meetings: [{ article_id: 'a1', name: '调度会', date: '2022-01-17', chair: '刘国中' }],
    events: [{ article_id: 'a1', speaker: '刘国中', directive: '要坚决打赢疫情防控攻坚战' }],
  });
  expect(s.missing).toEqual(['a2']);
  for (const category of ['officials', 'official_titles', 'meetings', 'meeting_dates', 'chairs', 'directives', 'directive_speaker'] as const) {
    expect(counts(s.categories[category]), category).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(s.categories[category].misses[0].article_id, category).toBe('a2');
  }
});

it('scores only the articles of one language when asked', () => {
  const golds = [
    emptyGold('a1', { officials: [{ name: '刘国中', titles: [] }] }),
    emptyGold('e1', { language: 'en', officials: [{ name: 'Sun Chunlan', titles: [] }] }),
  ];
  const rows = { articles: [articleRow('a1'), articleRow('e1')], officials: [{ article_id: 'e1', name: 'Sun  Chunlan' }] };
  const all = score(golds, rows);
  const english = score(golds, rows, { language: 'en' });
  expect(all.languages).toEqual({ zh: 1, en: 1 });
  expect(counts(all.categories.officials)).toEqual({ tp: 1, fp: 0, fn: 1 });
  expect(english.articles).toEqual(['e1']);
  expect(counts(english.categories.officials)).toEqual({ tp: 1, fp: 0, fn: 0 });
});

it('takes overall F1 as the mean F1 of the nine main categories', () => {
  // Officials F1 0.5, the other eight perfect (nothing to find, nothing found): (0.5 + 8) / 9.
  const s = score([emptyGold('a1', { officials: [{ name: '刘国中', titles: [] }, { name: '赵一德', titles: [] }] })], {
    officials: [{ article_id: 'a1', name: '刘国中' }, { article_id: 'a1', name: '李明' }],
  });
  expect(overallF1(s)).toBeCloseTo(8.5 / 9, 12);
});
