// Dates as Chinese news writes them, in tables: each expression with the ISO value a careful reader gives
// it against the article's publication date (Asia/Shanghai, preferring the past), and a table of things that
// look like dates and are not. Most cases call findDates directly with a DateContext (what the date stage
// does for each paragraph); the last block shows the same values surfacing in an analysed article's rows.
import { describe, expect, it } from 'vitest';
import type { DateMention } from '../../src/doc.ts';
import { findDates, fromIso } from '../../src/tag/dates.ts';
import { analyze, rowsOf } from '../helpers.ts';

/** 2022-01-19 is a Wednesday: 上周五 is 2022-01-14, 本周一 2022-01-17. */
const REF = '2022-01-19';

interface Expected {
  /** The span of text the mention covers. */
  text: string;
  date?: string;
  endDate?: string;
  timeOfDay?: string;
  time?: string;
  /** Defaults to the date (or date/endDate); give it for a mention that has no date. */
  normalized?: string;
}

function tag(text: string, ref: string | undefined): DateMention[] {
  return findDates(text, 0, text.length, { ref: ref ? fromIso(ref) : undefined });
}

/** What a mention says, without the fields it does not have (so a missing time is checked too). */
function seen(text: string, m: DateMention): Expected {
  const out: Expected = { text: text.slice(m.start, m.end), normalized: m.normalized };
  if (m.date !== undefined) out.date = m.date;
  if (m.endDate !== undefined) out.endDate = m.endDate;
  if (m.timeOfDay !== undefined) out.timeOfDay = m.timeOfDay;
  if (m.time !== undefined) out.time = m.time;
  return out;
}

function want(e: Expected): Expected {
  const normalized = e.normalized ?? (e.endDate ? `${e.date}/${e.endDate}` : e.date);
  return { ...e, normalized };
}

// [what is written, publication date, the one mention expected]
const MATCH: [string, string | undefined, Expected][] = [
  // absolute
  ['2022年1月6日', REF, { text: '2022年1月6日', date: '2022-01-06' }],
  ['2022-01-07 09:34', REF, { text: '2022-01-07 09:34', date: '2022-01-07', time: '09:34' }],
  ['2022/1/7', REF, { text: '2022/1/7', date: '2022-01-07' }],
  ['2021年12月31日', REF, { text: '2021年12月31日', date: '2021-12-31' }],
  ['１月６日', REF, { text: '１月６日', date: '2022-01-06' }],
  // partial: the year (and month) from the publication date
  ['1月6日', REF, { text: '1月6日', date: '2022-01-06' }],
  ['17日', REF, { text: '17日', date: '2022-01-17' }],
  ['17号', REF, { text: '17号', date: '2022-01-17' }],
  ['17日晚', REF, { text: '17日晚', date: '2022-01-17', timeOfDay: '晚' }],
  ['20日将召开', REF, { text: '20日', date: '2022-01-20' }], // one day ahead: an announcement, not last month
  // part of day and clock time
  ['18日上午', REF, { text: '18日上午', date: '2022-01-18', timeOfDay: '上午' }],
  ['18日下午', REF, { text: '18日下午', date: '2022-01-18', timeOfDay: '下午' }],
  ['18日上午9时', REF, { text: '18日上午9时', date: '2022-01-18', timeOfDay: '上午', time: '09:00' }],
  ['18日下午3点半', REF, { text: '18日下午3点半', date: '2022-01-18', timeOfDay: '下午', time: '15:30' }],
  ['1月17日晚8时30分', REF, { text: '1月17日晚8时30分', date: '2022-01-17', timeOfDay: '晚', time: '20:30' }],
  ['17日20:30', REF, { text: '17日20:30', date: '2022-01-17', time: '20:30' }],
  ['17日凌晨3时', REF, { text: '17日凌晨3时', date: '2022-01-17', timeOfDay: '凌晨', time: '03:00' }],
  ['17日中午1时', REF, { text: '17日中午1时', date: '2022-01-17', timeOfDay: '中午', time: '13:00' }],
  ['17日当晚', REF, { text: '17日当晚', date: '2022-01-17', timeOfDay: '晚' }],
  // relative to the publication date
  ['昨日', REF, { text: '昨日', date: '2022-01-18' }],
  ['昨天', REF, { text: '昨天', date: '2022-01-18' }],
  ['今天', REF, { text: '今天', date: '2022-01-19' }],
  ['今日', REF, { text: '今日', date: '2022-01-19' }],
  ['前天', REF, { text: '前天', date: '2022-01-17' }],
  ['明天', REF, { text: '明天', date: '2022-01-20' }],
  ['今天下午', REF, { text: '今天下午', date: '2022-01-19', timeOfDay: '下午' }],
  ['上周五', REF, { text: '上周五', date: '2022-01-14' }],
  ['本周一', REF, { text: '本周一', date: '2022-01-17' }],
  ['下周三', REF, { text: '下周三', date: '2022-01-26' }],
  ['星期五下午', REF, { text: '星期五下午', date: '2022-01-14', timeOfDay: '下午' }], // the last Friday
  ['本月15日', REF, { text: '本月15日', date: '2022-01-15' }],
  ['上月28日', REF, { text: '上月28日', date: '2021-12-28' }],
  // vague: tagged, but no day is invented
  ['近日', REF, { text: '近日', normalized: '' }],
  ['日前', REF, { text: '日前', normalized: '' }],
  // spans
  ['21日至22日', '2022-01-23', { text: '21日至22日', date: '2022-01-21', endDate: '2022-01-22' }],
  ['1月21日到22日', '2022-01-23', { text: '1月21日到22日', date: '2022-01-21', endDate: '2022-01-22' }],
  ['2022年1月6日至7日', REF, { text: '2022年1月6日至7日', date: '2022-01-06', endDate: '2022-01-07' }],
  ['1月30日至2月2日', '2022-02-05', { text: '1月30日至2月2日', date: '2022-01-30', endDate: '2022-02-02' }],
  ['30日至2日', '2022-02-05', { text: '30日至2日', date: '2022-01-30', endDate: '2022-02-02' }],
  ['12月30日至1月2日', '2022-01-05', { text: '12月30日至1月2日', date: '2021-12-30', endDate: '2022-01-02' }],
  ['30日至2日', '2022-01-05', { text: '30日至2日', date: '2021-12-30', endDate: '2022-01-02' }],
  // Chinese numerals
  ['一月六日', REF, { text: '一月六日', date: '2022-01-06' }],
  ['二〇二二年一月六日', REF, { text: '二〇二二年一月六日', date: '2022-01-06' }],
  ['十七日', REF, { text: '十七日', date: '2022-01-17' }],
  ['二十一日', '2022-01-23', { text: '二十一日', date: '2022-01-21' }],
  ['十七日晚八时三十分', REF, { text: '十七日晚八时三十分', date: '2022-01-17', timeOfDay: '晚', time: '20:30' }],
  ['二〇二二年一月', REF, { text: '二〇二二年一月', normalized: '2022-01' }], // a month: no day to give
  // the year boundary: the nearest such day, preferring the past
  ['12月30日', '2022-01-02', { text: '12月30日', date: '2021-12-30' }],
  ['30日', '2022-01-02', { text: '30日', date: '2021-12-30' }],
  ['1月3日', '2021-12-30', { text: '1月3日', date: '2022-01-03' }], // four days ahead beats a year back
  // no publication date: the text is kept, the date is left empty
  ['1月6日', undefined, { text: '1月6日', normalized: '--01-06' }],
  ['17日晚', undefined, { text: '17日晚', normalized: '---17', timeOfDay: '晚' }],
  ['昨天', undefined, { text: '昨天', normalized: '昨天' }],
  ['上周五', undefined, { text: '上周五', normalized: '上周五' }],
  ['2022年1月6日', undefined, { text: '2022年1月6日', date: '2022-01-06' }], // complete: needs no reference
  // dates beside look-alikes that are not dates
  ['17日内蒙古自治区召开会议', REF, { text: '17日', date: '2022-01-17' }], // 日内 here is not "within"
  ['各县17日均已完成部署', REF, { text: '17日', date: '2022-01-17' }], // 均 = all, not an average
  ['统一17日开学', REF, { text: '17日', date: '2022-01-17' }],
];

// Nothing in these is a day: counts of days, ordinals, months without a day, invalid days, recurring days.
const MISS: string[] = [
  '1月份的工作', // a month, no day
  '第17届',
  '17个',
  '年度',
  '2022年度',
  '30日内',
  '7日以内',
  '近7日均值',
  '近3日',
  '连续3日',
  '第3日',
  '第二十一日',
  '一日游',
  '一日三餐',
  '三日',
  '一号工程', // a bare day in one Chinese digit is a count or a rank
  '每周一',
  '第二次日内瓦会议', // 二次 + 日内瓦, not 次日 ("the next day")
  '每月15日',
  '上周', // no day named
  '24小时',
  '日均',
  '每日',
  '节日前',
  '2月30日',
  '13月1日',
  '32日',
  '2022年2月29日',
];

describe('dates: match', () => {
  it.each(MATCH)('%s (published %s)', (text, ref, expected) => {
    const found = tag(text, ref);
    expect(found.map((m) => seen(text, m))).toEqual([want(expected)]);
  });
});

describe('dates: miss', () => {
  it.each(MISS)('%s is not a day', (text) => {
    expect(tag(text, REF).map((m) => text.slice(m.start, m.end))).toEqual([]);
  });
});

// Anaphora: 当天, 次日, 同日 … take the last date mentioned before them, across sentences (and across
// paragraphs: the context is carried between calls).
const ANAPHORA: [string, string | undefined, Expected[]][] = [
  ['17日，他到西安调研。当天，召开座谈会。', REF, [{ text: '17日', date: '2022-01-17' }, { text: '当天', date: '2022-01-17' }]],
  ['1月17日召开会议。次日，开展检查。', REF, [{ text: '1月17日', date: '2022-01-17' }, { text: '次日', date: '2022-01-18' }]],
  ['17日上午调研。同日下午召开会议。', REF, [
    { text: '17日上午', date: '2022-01-17', timeOfDay: '上午' },
    { text: '同日下午', date: '2022-01-17', timeOfDay: '下午' },
  ]],
  ['17日抵达。当晚召开会议，第二天上午返回。', REF, [
    { text: '17日', date: '2022-01-17' },
    { text: '当晚', date: '2022-01-17', timeOfDay: '晚' },
    { text: '第二天上午', date: '2022-01-18', timeOfDay: '上午' },
  ]],
  ['12月31日召开会议。次日凌晨，发布通告。', '2022-01-03', [
    { text: '12月31日', date: '2021-12-31' },
    { text: '次日凌晨', date: '2022-01-01', timeOfDay: '凌晨' },
  ]],
  ['21日至22日召开会议。次日，返回。', '2022-01-24', [
    { text: '21日至22日', date: '2022-01-21', endDate: '2022-01-22' },
    { text: '次日', date: '2022-01-23' }, // the day after the span's end
  ]],
  // nothing before it: kept as written, no date
  ['当天，召开会议。', REF, [{ text: '当天', normalized: '当天' }]],
];

describe('dates: anaphora', () => {
  it.each(ANAPHORA)('%s', (text, ref, expected) => {
    expect(tag(text, ref).map((m) => seen(text, m))).toEqual(expected.map(want));
  });

  it('carries the last date from one paragraph to the next', () => {
    const text = '1月17日，省政府召开常务会议。\n次日，召开视频会议。';
    const ctx = { ref: fromIso(REF) };
    const nl = text.indexOf('\n');
    const first = findDates(text, 0, nl, ctx);
    const second = findDates(text, nl + 1, text.length, ctx);
    expect(first.map((m) => m.date)).toEqual(['2022-01-17']);
    expect(second.map((m) => [text.slice(m.start, m.end), m.date])).toEqual([['次日', '2022-01-18']]);
  });
});

describe('dates in an analysed article', () => {
  const text = '省委书记刘国中17日晚出席西安市疫情防控调度会。他强调，要坚决打赢疫情防控攻坚战。';

  it('resolves against the published_at column and reaches the meeting', () => {
    const rows = rowsOf(analyze(text, { published_at: '2022-01-19' }));
    expect(rows.mentions.filter((r) => r.type === 'date').map((r) => [r.text, r.normalized, r.rule])).toEqual([['17日晚', '2022-01-17', 'date:d']]);
    expect(rows.meetings.map((m) => [m.date, m.time_of_day, m.date_text])).toEqual([['2022-01-17', '晚', '17日晚']]);
  });

  it('keeps the text and leaves the date empty without a publication date', () => {
    const doc = analyze(text);
    expect(doc.referenceDate).toBeUndefined();
    const rows = rowsOf(doc);
    expect(rows.mentions.filter((r) => r.type === 'date').map((r) => [r.text, r.normalized])).toEqual([['17日晚', '---17']]);
    expect(rows.meetings.map((m) => [m.date, m.time_of_day, m.date_text])).toEqual([['', '晚', '17日晚']]);
  });

  it('gives 近日 no date and does not let it stand for the meeting day', () => {
    const doc = analyze('近日，省政府召开常务会议。', { published_at: '2022-01-19' });
    const dates = doc.mentions.filter((m): m is DateMention => m.type === 'date');
    expect(dates.map((m) => [doc.text.slice(m.start, m.end), m.date, m.normalized])).toEqual([['近日', undefined, '']]);
    expect(rowsOf(doc).meetings.map((m) => [m.name, m.date])).toEqual([['常务会议', '']]);
  });
});
